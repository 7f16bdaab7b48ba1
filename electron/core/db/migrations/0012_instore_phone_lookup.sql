-- Customer look-up by phone on the new-order form (instore/customer-lookup.ts): one row per
-- in-store order that has a phone, written in the same transaction as the order. `phone_tail` is
-- the number's last 7 digits (what a look-up needs at least), so a look-up reads a few index
-- entries instead of every order; `phone_digits` is the whole number as digits, compared in code.
-- Only the store's own in-store orders are here: marketplace orders carry the platform's masked
-- numbers and their customers' data is the platform's.
CREATE TABLE instore_phone (
  order_id     TEXT PRIMARY KEY REFERENCES orders (id),
  phone_digits TEXT NOT NULL,
  phone_tail   TEXT NOT NULL,
  received_at  INTEGER NOT NULL
) STRICT;

CREATE INDEX instore_phone_by_tail ON instore_phone (phone_tail, received_at);

-- In-store orders taken before this migration: digits by stripping what people type between them.
INSERT INTO instore_phone (order_id, phone_digits, phone_tail, received_at)
SELECT id, digits, substr(digits, -7), received_at
FROM (
  SELECT id, received_at,
    replace(replace(replace(replace(replace(replace(replace(replace(
      json_extract(normalized, '$.customers[0].phone'),
      ' ', ''), '-', ''), '(', ''), ')', ''), '.', ''), '+', ''), '/', ''), char(160), '') AS digits
  FROM orders
  WHERE origin = 'in_store' AND json_extract(normalized, '$.customers[0].phone') IS NOT NULL
)
WHERE length(digits) >= 7 AND digits NOT GLOB '*[^0-9]*';
