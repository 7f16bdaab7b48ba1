-- Store controls for managers (pause, busy mode, 86), the manager PIN and the audit log.

-- The store's manual controls: one row. `stream_*` is the last location status written to the
-- outbox for Stream, so a change is sent exactly once and the UI can read whether Stream got it.
CREATE TABLE store_controls (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  paused              INTEGER NOT NULL DEFAULT 0 CHECK (paused IN (0, 1)),
  paused_at           INTEGER,
  paused_until        INTEGER, -- NULL while paused: until a manager resumes
  pause_reason        TEXT,
  paused_by           TEXT,
  busy_extra_minutes  INTEGER NOT NULL DEFAULT 0 CHECK (busy_extra_minutes >= 0),
  busy_since          INTEGER,
  busy_until          INTEGER, -- NULL while busy: until switched off
  busy_reason         TEXT,
  busy_by             TEXT,
  stream_status       TEXT CHECK (stream_status IN ('active', 'inactive')),
  stream_paused_until INTEGER,
  stream_event_id     TEXT,
  updated_at          INTEGER NOT NULL
) STRICT;

INSERT INTO store_controls (id, updated_at) VALUES (1, 0);

-- What is 86'd right now. `until` NULL means "until turned back on".
CREATE TABLE unavailable_objects (
  provider_id TEXT PRIMARY KEY,
  object_type TEXT NOT NULL CHECK (object_type IN ('item_family', 'item', 'modifier')),
  name        TEXT,
  mode        TEXT NOT NULL CHECK (mode IN ('rest_of_day', 'hours', 'until', 'indefinite')),
  since       INTEGER NOT NULL,
  until       INTEGER,
  reason      TEXT,
  actor       TEXT NOT NULL
) STRICT;

CREATE INDEX unavailable_objects_by_until ON unavailable_objects (until) WHERE until IS NOT NULL;

-- Every 86 that ended, by a manager or by its timer, for the "restored automatically" summary.
CREATE TABLE availability_restorations (
  id                INTEGER PRIMARY KEY,
  provider_id       TEXT NOT NULL,
  object_type       TEXT NOT NULL,
  name              TEXT,
  unavailable_since INTEGER NOT NULL,
  due_at            INTEGER,
  restored_at       INTEGER NOT NULL,
  actor             TEXT NOT NULL
) STRICT;

CREATE INDEX availability_restorations_by_time ON availability_restorations (restored_at);

-- The manager PIN as a salted scrypt hash (never the PIN), and the wrong-try lockout, which must
-- survive a restart or a restart would be a free reset.
CREATE TABLE manager_pin (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  hash            TEXT NOT NULL,
  set_at          INTEGER NOT NULL,
  set_by          TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    INTEGER
) STRICT;

-- Who did what, when and why: manager actions, PIN refusals, automatic restores. Order decisions
-- and cancels are read from order_timeline beside it (manager/audit-log.ts), not copied here.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          INTEGER NOT NULL,
  actor       TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT,
  reason      TEXT,
  detail      TEXT,
  manager_pin INTEGER NOT NULL CHECK (manager_pin IN (0, 1))
) STRICT;

CREATE INDEX audit_log_by_at ON audit_log (at);
