// In-store order requests the phone-order tests share: the caller, the flat and how it leaves.
// The integration test sends it to the Local API and the e2e seeds the counter's history with it,
// so the look-up the e2e drives finds the same person the API tests check field by field.

/** Jo Park phones for a delivery to a flat: the fields of a phone delivery order without its
 * items, payment or fee. */
export const JO_PARK_DELIVERY = {
  fulfillmentType: 'delivery',
  source: 'phone',
  customer: { name: 'Jo Park', phone: '+1 (555) 222-3333' },
  deliveryAddress: {
    street: '12 Elm St',
    unit: 'Apt 4B',
    city: 'Springfield',
    state: 'IL',
    postalCode: '62704',
  },
} as const;
