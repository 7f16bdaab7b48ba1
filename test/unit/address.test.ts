// Every delivery address shape read one way (shared/address.ts): Stream's documented
// address_line_1/2 + postal_code, the seed's street + zip, and in-store orders' street + unit +
// postalCode, on screen, on a card and for the POS.
import { describe, expect, it } from 'vitest';
import { addressForPos, addressText, streetLine } from '../../shared/address.js';

const documented = {
  address_line_1: '12 Elm St',
  address_line_2: 'Apt 4B',
  city: 'Springfield',
  state: 'IL',
  postal_code: '62704',
};
const inStore = {
  street: '12 Elm St',
  unit: 'Apt 4B',
  city: 'Springfield',
  state: 'IL',
  postalCode: '62704',
};
const seed = { street: '123 Main St', city: 'Anytown', state: 'CA', zip: '12345', country: 'US' };

describe('addresses', () => {
  it('reads the unit line in both shapes that have one, and keeps every line of the seed', () => {
    const lines = ['12 Elm St', 'Apt 4B', 'Springfield, IL 62704'];
    expect(addressText(documented)).toEqual(lines);
    expect(addressText(inStore)).toEqual(lines);
    expect(addressText(seed)).toEqual(['123 Main St', 'Anytown, CA 12345', 'US']);
  });

  it('gives a card the street with its apartment, or the street alone', () => {
    expect(streetLine(inStore)).toBe('12 Elm St, Apt 4B');
    expect(streetLine(documented)).toBe('12 Elm St, Apt 4B');
    expect(streetLine(seed)).toBe('123 Main St');
    expect(streetLine({ city: 'Nowhere' })).toBeNull();
    expect(streetLine(null)).toBeNull();
  });

  it('gives the POS the unit under both names', () => {
    expect(addressForPos(inStore)).toMatchObject({
      address_line_1: '12 Elm St',
      address_line_2: 'Apt 4B',
      street: '12 Elm St',
      postal_code: '62704',
      zip: '62704',
    });
  });
});
