-- Lockouts in a row since the last right PIN: each one lasts twice as long as the one before
-- (manager/manager-pin.ts), so guessing slows down instead of going on at the same pace forever.
ALTER TABLE manager_pin ADD COLUMN lockouts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE manager_pin ADD COLUMN last_locked_at INTEGER;
