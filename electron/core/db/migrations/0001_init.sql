-- Orders as Stream (or the counter) sent them: the exact raw bytes, the normalized fields, and
-- the answer we gave, so a repeat of the same request gets the same answer (stream-api.md B3).
CREATE TABLE orders (
  id                 TEXT PRIMARY KEY,
  idempotency_key    TEXT NOT NULL UNIQUE,
  body_sha256        TEXT NOT NULL,
  raw_body           BLOB NOT NULL,
  payload_generation INTEGER NOT NULL,
  origin             TEXT NOT NULL CHECK (origin IN ('stream', 'in_store')),
  source             TEXT,
  brand              TEXT,
  dsp_order_id       TEXT,
  dsp_order_number   TEXT,
  location_id        TEXT NOT NULL,
  fulfillment_type   TEXT NOT NULL,
  status             TEXT NOT NULL,
  is_future          INTEGER NOT NULL,
  requested_for      TEXT,
  unpaid             INTEGER NOT NULL,
  customer_name      TEXT,
  item_count         INTEGER NOT NULL,
  total_cents        INTEGER NOT NULL,
  currency           TEXT NOT NULL,
  normalized         TEXT NOT NULL,
  prep_time_minutes  INTEGER,
  received_at        INTEGER NOT NULL,
  staff_deadline_at  INTEGER,
  stream_deadline_at INTEGER,
  decided_at         INTEGER,
  decided_by         TEXT,
  reject_code        TEXT,
  reject_reason      TEXT,
  answer_status      INTEGER NOT NULL,
  answer_body        TEXT NOT NULL,
  stream_status      TEXT,
  delivery_status    TEXT,
  driver             TEXT,
  updated_at         INTEGER NOT NULL
) STRICT;

CREATE INDEX orders_by_status ON orders (status, received_at);
CREATE INDEX orders_by_received ON orders (received_at);
CREATE INDEX orders_pending_deadline ON orders (staff_deadline_at) WHERE status = 'pending';

-- What happened to an order, when, and who did it.
CREATE TABLE order_timeline (
  id       INTEGER PRIMARY KEY,
  order_id TEXT NOT NULL REFERENCES orders (id),
  at       INTEGER NOT NULL,
  kind     TEXT NOT NULL,
  actor    TEXT NOT NULL,
  detail   TEXT
) STRICT;

CREATE INDEX order_timeline_by_order ON order_timeline (order_id, id);

-- Every message that leaves the machine, written in the same transaction as the change that
-- caused it. `id` is the event id and the Idempotency-Key on every attempt.
CREATE TABLE outbox (
  seq             INTEGER PRIMARY KEY AUTOINCREMENT,
  id              TEXT NOT NULL UNIQUE,
  lane            TEXT NOT NULL,
  ordering_key    TEXT NOT NULL,
  kind            TEXT NOT NULL,
  urgency         TEXT NOT NULL CHECK (urgency IN ('decision', 'normal')),
  body            TEXT NOT NULL,
  state           TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'dead')),
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  sent_at         INTEGER,
  last_status     INTEGER,
  last_error      TEXT,
  last_response   TEXT
) STRICT;

CREATE INDEX outbox_pending ON outbox (lane, state, ordering_key, seq);

-- The catalog served to Stream (stream-api.md A5); one row, replaced whole on each load.
CREATE TABLE catalog (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  body      TEXT NOT NULL,
  source    TEXT NOT NULL,
  loaded_at INTEGER NOT NULL
) STRICT;

-- Small named values that must survive a restart (last contact with Stream, …).
CREATE TABLE kv (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
