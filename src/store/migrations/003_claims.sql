-- Claims (fee-for-service lane) and prior authorization: the fee schedule, claims with
-- their service lines and status history, payment cycles, PAs and the units claims use.
-- Money is whole cents (INTEGER); business dates are YYYY-MM-DD; timestamps RFC 3339.

CREATE TABLE fee_schedule (
    procedure_code TEXT NOT NULL,                   -- CPT or HCPCS
    modifier       TEXT NOT NULL DEFAULT '',        -- '' = any modifier
    description    TEXT NOT NULL,
    max_allowable  INTEGER NOT NULL CHECK (max_allowable >= 0),   -- cents per unit
    pa_required    INTEGER NOT NULL CHECK (pa_required IN (0, 1)),
    PRIMARY KEY (procedure_code, modifier)
) STRICT;

-- Named counters (ICN and PA number sequences), one row per prefix.
CREATE TABLE sequences (
    name TEXT PRIMARY KEY,
    last INTEGER NOT NULL
) STRICT;

CREATE TABLE payment_cycles (
    id              INTEGER PRIMARY KEY,            -- the cycle number
    run_on          TEXT NOT NULL,                  -- business date
    run_at          TEXT NOT NULL,
    run_by          TEXT NOT NULL,
    paid_claims     INTEGER NOT NULL DEFAULT 0,
    denied_claims   INTEGER NOT NULL DEFAULT 0,
    paid_amount     INTEGER NOT NULL DEFAULT 0,
    recouped_claims INTEGER NOT NULL DEFAULT 0,
    recouped        INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE claims (
    id                     INTEGER PRIMARY KEY,
    icn                    TEXT NOT NULL UNIQUE,
    provider_id            TEXT NOT NULL REFERENCES providers(provider_id),
    member_id              TEXT NOT NULL,           -- Oregon Health ID
    billing_npi            TEXT NOT NULL,
    rendering_npi          TEXT NOT NULL,
    diagnosis_codes        TEXT NOT NULL,           -- comma-separated, no dots
    place_of_service       TEXT NOT NULL,
    prior_auth_number      TEXT,
    patient_control_number TEXT,
    source                 TEXT NOT NULL CHECK (source IN ('portal', 'x12')),
    received_on            TEXT NOT NULL,           -- business date
    status                 TEXT NOT NULL CHECK (status IN ('accepted', 'paid', 'denied', 'voided')),
    billed                 INTEGER NOT NULL,
    allowed                INTEGER NOT NULL DEFAULT 0,
    paid_amount            INTEGER NOT NULL DEFAULT 0,
    first_dos              TEXT NOT NULL,
    last_dos               TEXT NOT NULL,
    paid_cycle             INTEGER REFERENCES payment_cycles(id),
    recoup_pending         INTEGER NOT NULL DEFAULT 0,
    recoup_cycle           INTEGER REFERENCES payment_cycles(id),
    created_at             TEXT NOT NULL,
    created_by             TEXT NOT NULL
) STRICT;
-- The duplicate edit looks claims up by member, provider and status.
CREATE INDEX claims_member ON claims(member_id, provider_id, status);
CREATE INDEX claims_provider ON claims(provider_id, status);
CREATE INDEX claims_accepted ON claims(status) WHERE status = 'accepted';
CREATE INDEX claims_recoup ON claims(recoup_pending) WHERE recoup_pending = 1;

CREATE TABLE claim_lines (
    claim_id        INTEGER NOT NULL REFERENCES claims(id),
    line_no         INTEGER NOT NULL,
    procedure_code  TEXT NOT NULL,
    modifiers       TEXT NOT NULL DEFAULT '',       -- comma-separated, up to 4
    date_of_service TEXT NOT NULL,
    units           INTEGER NOT NULL CHECK (units > 0),
    charge          INTEGER NOT NULL CHECK (charge > 0),
    status          TEXT NOT NULL DEFAULT 'accepted' CHECK (status IN ('accepted', 'paid', 'denied')),
    allowed         INTEGER,
    paid            INTEGER,
    carc            TEXT,                           -- claim adjustment reason code of a denied line
    PRIMARY KEY (claim_id, line_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE claim_history (
    id            INTEGER PRIMARY KEY,
    claim_id      INTEGER NOT NULL REFERENCES claims(id),
    on_date       TEXT NOT NULL,                    -- business date
    at            TEXT NOT NULL,
    status        TEXT NOT NULL,
    category_code TEXT NOT NULL,                    -- 277 claim status category
    actor         TEXT NOT NULL,
    note          TEXT
) STRICT;
CREATE INDEX claim_history_claim ON claim_history(claim_id, id);

CREATE TABLE prior_auths (
    id              INTEGER PRIMARY KEY,
    pa_number       TEXT NOT NULL UNIQUE,           -- 10 digits
    kind            TEXT NOT NULL CHECK (kind IN ('prior-auth', 'plan-of-care')),
    provider_id     TEXT NOT NULL REFERENCES providers(provider_id),
    member_id       TEXT NOT NULL,
    diagnosis_codes TEXT NOT NULL,                  -- comma-separated, no dots
    procedure_codes TEXT NOT NULL,                  -- comma-separated
    from_date       TEXT NOT NULL,
    to_date         TEXT NOT NULL,
    requested_units INTEGER NOT NULL CHECK (requested_units > 0),
    approved_units  INTEGER,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'cancelled')),
    action_code     TEXT NOT NULL,                  -- 278 action: A4, A1, A2, A3, C
    reason          TEXT,
    submitted_on    TEXT NOT NULL,
    decided_on      TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    decided_by      TEXT
) STRICT;
CREATE INDEX prior_auths_provider ON prior_auths(provider_id, member_id);

-- Units a claim took from a PA; returned_at is set when a void (or denial) gives them back.
CREATE TABLE pa_usage (
    pa_id       INTEGER NOT NULL REFERENCES prior_auths(id),
    claim_id    INTEGER NOT NULL REFERENCES claims(id),
    units       INTEGER NOT NULL CHECK (units > 0),
    used_on     TEXT NOT NULL,
    returned_on TEXT,
    PRIMARY KEY (pa_id, claim_id)
) STRICT;
CREATE INDEX pa_usage_claim ON pa_usage(claim_id);
