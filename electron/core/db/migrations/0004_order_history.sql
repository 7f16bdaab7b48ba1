-- Order history (electron/core/history): search by order number, customer or item, filtered by
-- day, source and status, over a year of orders. `search_text` holds the lower-cased words a
-- cashier types (DSP order number, customer names, item and modifier names), written at ingest.
ALTER TABLE orders ADD COLUMN search_text TEXT NOT NULL DEFAULT '';

UPDATE orders SET search_text = lower(
  coalesce(dsp_order_number, '') || ' ' || coalesce(customer_name, '') || ' ' || id || ' ' ||
  coalesce((SELECT group_concat(j.value, ' ') FROM json_tree(orders.normalized) AS j WHERE j.key = 'name'), '')
);

CREATE INDEX orders_by_source_received ON orders (source, received_at);
