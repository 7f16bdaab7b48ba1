// A delivery address in any shape the connector meets, read one way: Stream's documented
// `address_line_1/2` + `postal_code`, the seed's `street` + `zip` (also what in-store orders send),
// and in-store orders' own `postalCode`. Screen, ticket and POS order all use this, so no shape
// loses its street or its zip anywhere.

export interface AddressLines {
  /** Street and number. */
  street: string | null;
  /** Apartment, unit, floor, suite. */
  unit: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  country: string | null;
}

const FIELDS: Record<keyof AddressLines, readonly string[]> = {
  street: ['address_line_1', 'street', 'line1', 'address'],
  unit: ['address_line_2', 'unit', 'apartment', 'line2'],
  city: ['city', 'locality'],
  state: ['state', 'region'],
  postalCode: ['postal_code', 'zip', 'postalCode', 'zip_code'],
  country: ['country'],
};

export function addressLines(address: Record<string, unknown> | null | undefined): AddressLines {
  const pick = (names: readonly string[]): string | null => {
    for (const name of names) {
      const v = address?.[name];
      if (typeof v === 'string' && v.trim()) return v.trim();
      if (typeof v === 'number') return String(v);
    }
    return null;
  };
  return {
    street: pick(FIELDS.street),
    unit: pick(FIELDS.unit),
    city: pick(FIELDS.city),
    state: pick(FIELDS.state),
    postalCode: pick(FIELDS.postalCode),
    country: pick(FIELDS.country),
  };
}

/** The address as lines to print or show: street, unit, "city, state zip", country. */
export function addressText(address: Record<string, unknown> | null | undefined): string[] {
  const a = addressLines(address);
  const town = [[a.city, a.state].filter(Boolean).join(', '), a.postalCode]
    .filter(Boolean)
    .join(' ');
  return [a.street, a.unit, town || null, a.country].filter((l): l is string => !!l);
}

/** Every known field under both documented names, so a POS that reads either shape finds it;
 * the fields as sent are kept as they were. */
export function addressForPos(
  address: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!address) return null;
  const a = addressLines(address);
  return {
    ...address,
    address_line_1: a.street,
    address_line_2: a.unit,
    street: a.street,
    city: a.city,
    state: a.state,
    postal_code: a.postalCode,
    zip: a.postalCode,
    country: a.country,
  };
}

/** The street and the apartment / unit as one short line for a card ("12 Elm St, Apt 4B"). */
export function streetLine(address: Record<string, unknown> | null | undefined): string | null {
  const a = addressLines(address);
  const line = [a.street, a.unit].filter(Boolean).join(', ');
  return line || null;
}
