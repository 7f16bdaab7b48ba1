-- `stream_connector_orders` (metrics/connector-metrics.ts) read every order on each scrape: a
-- GROUP BY over the whole table, 100,000 rows a year. These counts are kept in step with the
-- table by triggers, inside the same transaction as each write, so a scrape reads a few rows and
-- can never disagree with a count of the orders (test/unit/order-counts.test.ts proves it).
-- `source` is the order's source (uber, doordash, phone …), else its origin; `outcome` groups the
-- statuses the way a fleet dashboard asks. The CASE is written once per trigger below; changing
-- what an outcome means is a new migration that rewrites the triggers and recounts.
CREATE TABLE order_counts (
  source  TEXT NOT NULL,
  outcome TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (source, outcome)
) STRICT, WITHOUT ROWID;

INSERT INTO order_counts (source, outcome, n)
SELECT COALESCE(source, origin),
       CASE
         WHEN status IN ('accepted','preparing','ready','out_for_delivery','completed') THEN 'accepted'
         WHEN status = 'expired' THEN 'missed'
         WHEN status = 'canceled' AND missed_at IS NOT NULL THEN 'missed'
         ELSE status END,
       COUNT(*)
  FROM orders GROUP BY 1, 2;

CREATE TRIGGER order_counts_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_counts (source, outcome, n)
  VALUES (COALESCE(NEW.source, NEW.origin),
          CASE
            WHEN NEW.status IN ('accepted','preparing','ready','out_for_delivery','completed') THEN 'accepted'
            WHEN NEW.status = 'expired' THEN 'missed'
            WHEN NEW.status = 'canceled' AND NEW.missed_at IS NOT NULL THEN 'missed'
            ELSE NEW.status END,
          1)
  ON CONFLICT (source, outcome) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER order_counts_delete AFTER DELETE ON orders BEGIN
  UPDATE order_counts SET n = n - 1
   WHERE source = COALESCE(OLD.source, OLD.origin)
     AND outcome = CASE
           WHEN OLD.status IN ('accepted','preparing','ready','out_for_delivery','completed') THEN 'accepted'
           WHEN OLD.status = 'expired' THEN 'missed'
           WHEN OLD.status = 'canceled' AND OLD.missed_at IS NOT NULL THEN 'missed'
           ELSE OLD.status END;
END;

-- An update that moves an order between groups: one out of the old group, one into the new.
CREATE TRIGGER order_counts_update AFTER UPDATE OF source, origin, status, missed_at ON orders BEGIN
  UPDATE order_counts SET n = n - 1
   WHERE source = COALESCE(OLD.source, OLD.origin)
     AND outcome = CASE
           WHEN OLD.status IN ('accepted','preparing','ready','out_for_delivery','completed') THEN 'accepted'
           WHEN OLD.status = 'expired' THEN 'missed'
           WHEN OLD.status = 'canceled' AND OLD.missed_at IS NOT NULL THEN 'missed'
           ELSE OLD.status END;
  INSERT INTO order_counts (source, outcome, n)
  VALUES (COALESCE(NEW.source, NEW.origin),
          CASE
            WHEN NEW.status IN ('accepted','preparing','ready','out_for_delivery','completed') THEN 'accepted'
            WHEN NEW.status = 'expired' THEN 'missed'
            WHEN NEW.status = 'canceled' AND NEW.missed_at IS NOT NULL THEN 'missed'
            ELSE NEW.status END,
          1)
  ON CONFLICT (source, outcome) DO UPDATE SET n = n + 1;
END;
