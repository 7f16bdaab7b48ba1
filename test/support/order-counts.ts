// The full count of orders by source and outcome that `stream_connector_orders` was read from
// before migration 0013 kept counts beside the orders table: the oracle the kept counts must
// equal (test/unit/order-counts.test.ts) and the cost they removed (test/bench/scale.ts).
export const FULL_ORDER_COUNT = `SELECT COALESCE(source, origin) AS source,
    CASE
      WHEN status IN ('accepted','preparing','ready','out_for_delivery','completed') THEN 'accepted'
      WHEN status = 'expired' THEN 'missed'
      WHEN status = 'canceled' AND missed_at IS NOT NULL THEN 'missed'
      ELSE status END AS outcome,
    COUNT(*) AS n
  FROM orders GROUP BY 1, 2 ORDER BY 1, 2`;
