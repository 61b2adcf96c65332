-- PostgreSQL twin of ../005_token_admin.sql (see the header of 001_core.sql); change both together.

-- Issue 11 point 6: a token acts with exactly the roles written on it; the site administrator's
-- own commands (audit log/verify and anything else for the administrator) need a token made
-- with `mmis token create --admin`. Tokens made before this migration carry no such power.
ALTER TABLE api_tokens ADD COLUMN admin BIGINT NOT NULL DEFAULT 0 CHECK (admin IN (0, 1));
