-- A third way to miss an order (issue 17): the chain gateway got no answer from this store in
-- time and told Stream `pos_offline`, but the order reached the store anyway (a late NATS
-- delivery or a lost answer). The store withdraws it (orders/lifecycle.ts `withdrawUnanswered`)
-- and marks it missed with reason `store_unreachable`. SQLite cannot change a CHECK in place, so
-- the column is made again with the wider rule and its values copied.
ALTER TABLE orders ADD COLUMN missed_reason_new TEXT
  CHECK (missed_reason_new IN ('expired', 'stream_canceled', 'store_unreachable'));
UPDATE orders SET missed_reason_new = missed_reason WHERE missed_reason IS NOT NULL;
ALTER TABLE orders DROP COLUMN missed_reason;
ALTER TABLE orders RENAME COLUMN missed_reason_new TO missed_reason;
