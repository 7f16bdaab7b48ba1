// One key per order being taken (`clientKey` in createInStoreOrder): made when a draft starts,
// sent with every try of it, replaced once the order is taken or the ticket is emptied. A try
// whose answer was lost (the connector restarted, the connection dropped) is then sent again
// safely: the connector answers with the order it already took instead of making a second one.

/** 128 random bits as hex. `crypto.getRandomValues` works on plain-HTTP LAN pages too, where
 * `crypto.randomUUID` does not exist. */
export function newClientKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `draft-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
