-- PostgreSQL twin of ../006_user_lock.sql (see the header of 001_core.sql); change both together.

-- Why a user is locked, and wrong secret answers counted on their own: a lock reached
-- through wrong answers closes the password reset until an unlock, and the answers get at
-- most LOCKOUT_THRESHOLD guesses between unlocks whatever the sign-ins do.
ALTER TABLE users ADD COLUMN failed_answers BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN lock_reason TEXT;
UPDATE users SET lock_reason = 'sign-ins' WHERE locked_at IS NOT NULL;
