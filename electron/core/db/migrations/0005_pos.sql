-- POS leg of an order (issue 4): injection state, POS reference, "not in POS" flag, and the
-- imported POS catalog. Tables follow in the next commits of issue 4.
SELECT 1;
