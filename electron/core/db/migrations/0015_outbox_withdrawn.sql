-- A final outbox state, `withdrawn` (issue 17, chains): the gateway told Stream `pos_offline` for
-- an order and the store withdrew it, so its events Stream does not have yet (an accept the
-- cashier gave meanwhile, a status after it) can never be delivered meaningfully. They are closed
-- with the reason instead of being retried for ever or counted as stuck; replay skips them.
-- SQLite cannot change a CHECK constraint in place, so the table is rebuilt with its rows, ids
-- and sequence, and its indexes made again.
CREATE TABLE outbox_new (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  lane            TEXT NOT NULL,
  ordering_key    TEXT NOT NULL,
  kind            TEXT NOT NULL,
  urgency         TEXT NOT NULL CHECK (urgency IN ('decision', 'normal')),
  body            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'dead', 'withdrawn')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  last_status     INTEGER,
  last_error      TEXT,
  last_response   TEXT,
  last_attempt_at INTEGER,
  retry_from      INTEGER
) STRICT;

INSERT INTO outbox_new (seq, id, lane, ordering_key, kind, urgency, body, state, attempts,
    next_attempt_at, created_at, sent_at, last_status, last_error, last_response, last_attempt_at,
    retry_from)
  SELECT seq, id, lane, ordering_key, kind, urgency, body, state, attempts, next_attempt_at,
    created_at, sent_at, last_status, last_error, last_response, last_attempt_at, retry_from
  FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

CREATE INDEX outbox_pending ON outbox (lane, state, ordering_key, seq);
CREATE INDEX outbox_due ON outbox (lane, state, next_attempt_at);
CREATE INDEX outbox_by_key ON outbox (lane, ordering_key, seq);
