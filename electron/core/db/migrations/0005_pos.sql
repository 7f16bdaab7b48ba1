-- The POS leg of an order (issue 4): one row per order and target (`pos`: the HTTP or folder
-- driver; `printer`: the kitchen printer). The messages themselves are outbox rows on the `pos`
-- and `printer` lanes, written in the same transaction as the change that caused them; this
-- table is what staff see: where the order stands in the POS, its reference there, and whether
-- it needs attention ("not in POS").
CREATE TABLE pos_legs (
  order_id           TEXT NOT NULL REFERENCES orders (id),
  target             TEXT NOT NULL CHECK (target IN ('pos', 'printer')),
  driver             TEXT NOT NULL,
  -- queued: on its way; sent: the POS (printer) has it; failed: refused for good or given up;
  -- manual: staff entered it by hand; withdrawn: canceled or rejected before it got there.
  state              TEXT NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'manual', 'withdrawn')),
  -- 1 while an auto-accepted order waits for this leg before it is accepted (or rejected).
  decides_acceptance INTEGER NOT NULL DEFAULT 0,
  pos_order_id       TEXT,
  queued_at          INTEGER NOT NULL,
  sent_at            INTEGER,
  failures           INTEGER NOT NULL DEFAULT 0,
  last_error         TEXT,
  last_attempt_at    INTEGER,
  -- Set when the leg is flagged "not in POS" (too many failures or too long); cleared once it
  -- gets there, is entered by hand or is withdrawn.
  attention_since    INTEGER,
  -- 1 once an attempt may have reached the POS without us knowing (an answer lost, a file left
  -- in the folder, ticket bytes sent, a crash mid-attempt): taking the order back then needs a
  -- void, and the printer's next print of it says it may be a duplicate.
  uncertain          INTEGER NOT NULL DEFAULT 0,
  void_state         TEXT CHECK (void_state IN ('queued', 'sent', 'failed', 'skipped')),
  void_error         TEXT,
  voided_at          INTEGER,
  manual_by          TEXT,
  updated_at         INTEGER NOT NULL,
  PRIMARY KEY (order_id, target)
) STRICT;

-- The flag timer's and /api/health's questions: what is still on its way, what needs attention.
CREATE INDEX pos_legs_queued ON pos_legs (queued_at) WHERE state = 'queued';
CREATE INDEX pos_legs_attention ON pos_legs (attention_since) WHERE attention_since IS NOT NULL;
