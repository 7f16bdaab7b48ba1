-- A trigram full-text index over orders.search_text, so a history search for a rare word (an
-- order number) over a year of orders reads a few index pages instead of every row. Kept in step
-- with the orders table by triggers; LIKE '%word%' on the index is answered by trigrams.
CREATE VIRTUAL TABLE order_search USING fts5 (
  search_text,
  content = 'orders',
  content_rowid = 'rowid',
  tokenize = 'trigram'
);

INSERT INTO order_search (order_search) VALUES ('rebuild');

CREATE TRIGGER order_search_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;

CREATE TRIGGER order_search_delete AFTER DELETE ON orders BEGIN
  INSERT INTO order_search (order_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
END;

CREATE TRIGGER order_search_update AFTER UPDATE OF search_text ON orders BEGIN
  INSERT INTO order_search (order_search, rowid, search_text) VALUES ('delete', old.rowid, old.search_text);
  INSERT INTO order_search (rowid, search_text) VALUES (new.rowid, new.search_text);
END;
