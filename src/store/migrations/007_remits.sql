-- Issue 10: the remittance advice (835) each payment cycle makes for each provider with
-- activity. Money is whole cents (INTEGER; negative on a reversal); dates YYYY-MM-DD.

CREATE TABLE remits (
    id             INTEGER PRIMARY KEY,
    remit_id       TEXT NOT NULL UNIQUE,            -- RA + 8 or more digits; TRN02 of the 835
    cycle          INTEGER NOT NULL REFERENCES payment_cycles(id),
    provider_id    TEXT NOT NULL REFERENCES providers(provider_id),
    issued_on      TEXT NOT NULL,                   -- business date (DTM*405)
    paid_amount    INTEGER NOT NULL CHECK (paid_amount >= 0),   -- BPR02
    handling       TEXT NOT NULL CHECK (handling IN ('I', 'H')),  -- BPR01
    payment_method TEXT NOT NULL CHECK (payment_method IN ('CHK', 'ACH', 'NON')),  -- BPR04
    trace          TEXT NOT NULL,                   -- TRN02 (the check or EFT trace number)
    claim_count    INTEGER NOT NULL DEFAULT 0,
    UNIQUE (cycle, provider_id)
) STRICT;
CREATE INDEX remits_provider ON remits(provider_id, cycle);

-- One CLP per claim the remittance carries, in LX order (seq).
CREATE TABLE remit_claims (
    remit          INTEGER NOT NULL REFERENCES remits(id),
    seq            INTEGER NOT NULL,
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    status_code    TEXT NOT NULL CHECK (status_code IN ('1', '4', '22')),   -- CLP02
    billed         INTEGER NOT NULL,                -- CLP03
    allowed        INTEGER NOT NULL,
    paid           INTEGER NOT NULL,                -- CLP04
    patient_resp   INTEGER NOT NULL DEFAULT 0,      -- CLP05
    PRIMARY KEY (remit, seq)
) STRICT;
CREATE INDEX remit_claims_claim ON remit_claims(claim_id);

-- One SVC per line of a claim on a remittance.
CREATE TABLE remit_lines (
    remit           INTEGER NOT NULL REFERENCES remits(id),
    seq             INTEGER NOT NULL,
    line_no         INTEGER NOT NULL,
    procedure_code  TEXT NOT NULL,
    modifiers       TEXT NOT NULL DEFAULT '',
    charge          INTEGER NOT NULL,               -- SVC02
    allowed         INTEGER NOT NULL,               -- AMT*B6
    paid            INTEGER NOT NULL,               -- SVC03
    units           INTEGER NOT NULL,               -- SVC05
    date_of_service TEXT NOT NULL,                  -- DTM*472
    PRIMARY KEY (remit, seq, line_no)
) STRICT;

-- CAS adjustments: at claim level (line_no 0) or line level.
CREATE TABLE remit_adjustments (
    remit       INTEGER NOT NULL REFERENCES remits(id),
    seq         INTEGER NOT NULL,
    line_no     INTEGER NOT NULL,                   -- 0: the claim's own CAS
    n           INTEGER NOT NULL,
    group_code  TEXT NOT NULL,                      -- CO, PR, OA, PI, CR
    carc        TEXT NOT NULL,
    amount      INTEGER NOT NULL,
    PRIMARY KEY (remit, seq, line_no, n)
) STRICT;

-- PLB provider-level adjustments (a forward balance carried between remittances).
CREATE TABLE remit_provider_adjustments (
    remit       INTEGER NOT NULL REFERENCES remits(id),
    n           INTEGER NOT NULL,
    reason_code TEXT NOT NULL,                      -- PLB03-1, e.g. FB
    reference   TEXT NOT NULL,                      -- PLB03-2
    amount      INTEGER NOT NULL,                   -- PLB04: positive reduces BPR02
    PRIMARY KEY (remit, n)
) STRICT;
