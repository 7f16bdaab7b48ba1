-- A counter bumped on every change of a POS leg. The screen hears about a leg from two places
-- (the answer to its own call and the push channel) that can arrive in either order; the higher
-- revision is the newer leg. Timestamps cannot tell: two changes often fall in one millisecond.
ALTER TABLE pos_legs ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
