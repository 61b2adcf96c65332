-- Core: users, providers, PIN letters, memberships (site administrators and clerks),
-- invitations, sessions, API tokens, transfer requests and the audit log.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE users (
    id                  INTEGER PRIMARY KEY,
    user_name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
    first_name          TEXT NOT NULL DEFAULT '',
    last_name           TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    is_operator         INTEGER NOT NULL DEFAULT 0,
    password_hash       TEXT,                       -- argon2id PHC string; NULL until an invitation is accepted
    secret_question_1   TEXT,
    secret_answer_1     TEXT,                       -- argon2id PHC string
    secret_question_2   TEXT,
    secret_answer_2     TEXT,
    agreed_at           TEXT,
    failed_logins       INTEGER NOT NULL DEFAULT 0,
    locked_at           TEXT,
    created_at          TEXT NOT NULL,
    last_login_at       TEXT,
    password_changed_at TEXT
) STRICT;

CREATE TABLE password_history (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users(id),
    hash       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX password_history_user ON password_history(user_id, id);

CREATE TABLE providers (
    provider_id TEXT PRIMARY KEY,                   -- 6 or 9 digits; the Login ID
    npi         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('individual', 'group')),
    tax_id      TEXT,
    mail_to     TEXT,
    enrolled_on TEXT NOT NULL,
    created_at  TEXT NOT NULL
) STRICT;
CREATE INDEX providers_tax_id ON providers(tax_id);

CREATE TABLE pins (
    id          INTEGER PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers(provider_id),
    pin_hash    TEXT NOT NULL,                      -- argon2id PHC string
    issued_on   TEXT NOT NULL,                      -- business date
    expires_on  TEXT NOT NULL,
    used_at     TEXT,
    voided_at   TEXT
) STRICT;
CREATE INDEX pins_provider ON pins(provider_id);

CREATE TABLE pin_requests (
    id           INTEGER PRIMARY KEY,
    provider_id  TEXT NOT NULL REFERENCES providers(provider_id),
    name         TEXT NOT NULL,
    npi          TEXT NOT NULL,
    mail_to      TEXT NOT NULL,
    requested_on TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'reissued'))
) STRICT;

-- A user's standing with a provider: its site administrator, or a clerk with roles.
CREATE TABLE memberships (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    provider_id TEXT NOT NULL REFERENCES providers(provider_id),
    kind        TEXT NOT NULL CHECK (kind IN ('site_admin', 'clerk')),
    roles       TEXT NOT NULL DEFAULT '',           -- portal names, comma-separated (clerks only)
    status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
    created_at  TEXT NOT NULL,
    removed_at  TEXT,
    UNIQUE (user_id, provider_id)
) STRICT;
CREATE INDEX memberships_provider ON memberships(provider_id);

CREATE TABLE invitations (
    id          INTEGER PRIMARY KEY,
    code_hash   TEXT NOT NULL UNIQUE,               -- SHA-256 of the code
    user_id     INTEGER NOT NULL REFERENCES users(id),
    provider_id TEXT NOT NULL REFERENCES providers(provider_id),
    issued_on   TEXT NOT NULL,
    expires_on  TEXT NOT NULL,
    used_at     TEXT,
    voided_at   TEXT
) STRICT;

CREATE TABLE sessions (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,              -- SHA-256 of the session token
    user_id      INTEGER NOT NULL REFERENCES users(id),
    provider_id  TEXT,                              -- the current provider (Switch Provider)
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    ended_at     TEXT,
    end_reason   TEXT
) STRICT;
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,              -- SHA-256 of the token
    name         TEXT NOT NULL,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    provider_id  TEXT NOT NULL REFERENCES providers(provider_id),
    roles        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    expires_at   TEXT,
    revoked_at   TEXT,
    last_used_at TEXT
) STRICT;
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens(user_id, provider_id, name) WHERE revoked_at IS NULL;

CREATE TABLE transfer_requests (
    id          INTEGER PRIMARY KEY,
    request_id  TEXT NOT NULL UNIQUE,
    provider_id TEXT NOT NULL REFERENCES providers(provider_id),
    form        TEXT NOT NULL,                      -- the request's fields, JSON
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
    created_on  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    decided_at  TEXT,
    decided_by  TEXT,
    reason      TEXT
) STRICT;

-- Append-only, tamper-evident: hash = SHA-256(prev_hash || the entry's fields).
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    actor_kind  TEXT NOT NULL,
    provider_id TEXT,
    action      TEXT NOT NULL,
    target      TEXT,
    outcome     TEXT NOT NULL,
    detail      TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_log_provider ON audit_log(provider_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
