// The nats-server `authorization` block a chain runs on (gateway/README.md, NATS): the gateway's
// user may do everything; a store's user may answer requests on its own subject, receive replies
// on its own inbox and write only its own registry, catalog and connect-code keys; only the
// gateway reads or writes the onboarding state (stream_oauth). The tests, the bench and the chain
// demo all run nats-server on exactly this.

export interface NatsUser {
  user: string;
  password: string;
}

export function natsAuthorization(
  gateway: NatsUser,
  stores: readonly { locationId: string; nats: NatsUser }[],
): string {
  const store = ({ locationId: id, nats }: { locationId: string; nats: NatsUser }): string =>
    `{ user: ${JSON.stringify(nats.user)}, password: ${JSON.stringify(nats.password)}, permissions: {
      publish: { allow: ["$KV.stream_registry.loc.${id}", "$KV.stream_catalogs.${id}", "$KV.stream_connect.${id}",
                         "$JS.API.STREAM.INFO.KV_stream_registry", "$JS.API.STREAM.INFO.KV_stream_catalogs",
                         "$JS.API.STREAM.INFO.KV_stream_connect"] },
      subscribe: { allow: ["stream.store.${id}", "_INBOX_${id}.>"] },
      allow_responses: true } }`;
  return `authorization { users: [
    { user: ${JSON.stringify(gateway.user)}, password: ${JSON.stringify(gateway.password)} },
    ${stores.map(store).join(',\n    ')}
  ] }`;
}
