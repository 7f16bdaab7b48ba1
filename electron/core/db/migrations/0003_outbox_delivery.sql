-- Outbox delivery (issue 3). A row being sent is `sending`, so a crash mid-attempt is visible
-- and, at the next start, simply retried with the same id (at-least-once). `retry_from` starts
-- the retry budget when a manual replay restarted it (NULL: since `created_at`). SQLite cannot
-- change a CHECK constraint in place, so the table is rebuilt with its rows, ids and sequence.
CREATE TABLE outbox_new (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  lane            TEXT NOT NULL,
  ordering_key    TEXT NOT NULL,
  kind            TEXT NOT NULL,
  urgency         TEXT NOT NULL CHECK (urgency IN ('decision', 'normal')),
  body            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'dead')),
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

INSERT INTO outbox_new (seq, id, lane, ordering_key, kind, urgency, body, state, attempts, next_attempt_at,
    created_at, sent_at, last_status, last_error, last_response)
  SELECT seq, id, lane, ordering_key, kind, urgency, body, state, attempts, next_attempt_at,
    created_at, sent_at, last_status, last_error, last_response
  FROM outbox;

DROP TABLE outbox;
ALTER TABLE outbox_new RENAME TO outbox;

-- The worker's two questions: "what is the head of each ordering key" and "what falls due next".
CREATE INDEX outbox_pending ON outbox (lane, state, ordering_key, seq);
CREATE INDEX outbox_due ON outbox (lane, state, next_attempt_at);
