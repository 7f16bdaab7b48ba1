-- The history search index is no longer written inside the ingest transaction (it cost about a
-- tenth of ingest throughput): rows are indexed in batches before a history search runs
-- (electron/core/history/search-index.ts), up to the watermark kept in kv. Rows above the
-- watermark are not in the index yet, so deletes and updates only touch the index below it.
DROP TRIGGER order_search_insert;
DROP TRIGGER order_search_delete;
DROP TRIGGER order_search_update;

INSERT INTO kv (key, value)
VALUES ('search.indexedRowid', CAST(coalesce((SELECT MAX(rowid) FROM orders), 0) AS TEXT))
ON CONFLICT (key) DO UPDATE SET value = excluded.value;

CREATE TRIGGER order_search_delete AFTER DELETE ON orders
WHEN old.rowid <= (SELECT CAST(value AS INTEGER) FROM kv WHERE key = 'search.indexedRowid')
BEGIN
  INSERT INTO order_search (order_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;

CREATE TRIGGER order_search_update AFTER UPDATE OF search_text ON orders
WHEN old.rowid <= (SELECT CAST(value AS INTEGER) FROM kv WHERE key = 'search.indexedRowid')
BEGIN
  INSERT INTO order_search (order_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO order_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
