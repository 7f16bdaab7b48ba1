-- Missed orders (issue 14): an order whose staff window ran out, or that Stream canceled before
-- anyone answered, stays on the Orders screen until a person has seen it. `missed_reason` is
-- `expired` or `stream_canceled`; `missed_note` is what Stream was told, or what Stream said.
ALTER TABLE orders ADD COLUMN missed_at INTEGER;
ALTER TABLE orders ADD COLUMN missed_reason TEXT CHECK (missed_reason IN ('expired', 'stream_canceled'));
ALTER TABLE orders ADD COLUMN missed_note TEXT;
ALTER TABLE orders ADD COLUMN missed_seen_at INTEGER;
ALTER TABLE orders ADD COLUMN missed_seen_by TEXT;

CREATE INDEX orders_missed ON orders (missed_at) WHERE missed_at IS NOT NULL;

-- An order's own events to Stream, newest first: every card shows whether Stream has its answer.
CREATE INDEX outbox_by_key ON outbox (lane, ordering_key, seq);
