-- PostgreSQL twin of ../004_session_limits.sql (see the header of 001_core.sql); change both together.

-- Session limits fixed at sign-in (issue 11, point 10): the idle and absolute limits in
-- force when the session was created, in seconds. A later command's config can shorten them
-- but never stretch them. Sessions from before this migration have NULLs and fall back to
-- the config read by each command (docs/config.md).
ALTER TABLE sessions ADD COLUMN idle_secs BIGINT;
ALTER TABLE sessions ADD COLUMN absolute_secs BIGINT;
