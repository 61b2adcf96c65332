-- Remittance posting (`remit post`): what an 835 paid, claim payment by claim payment,
-- and each provider-level adjustment (PLB), with the claim it was matched to (or none).
-- A remittance is known by the provider it was posted for, its payer and its trace number;
-- an item by its remittance and its order in it: posting the same 835 again changes nothing.

-- One remittance (an 835 transaction set) posted for a provider.
CREATE TABLE posted_remits (
    id           INTEGER PRIMARY KEY,
    provider_id  TEXT NOT NULL REFERENCES providers(provider_id),
    payer_id     TEXT NOT NULL,                     -- TRN03 ('' when not sent)
    remit_id     TEXT NOT NULL,                     -- TRN02: our RAs carry their remit_id here
    payer_name   TEXT NOT NULL,                     -- N1*PR N102
    payment      INTEGER NOT NULL,                  -- BPR02, cents
    UNIQUE (provider_id, payer_id, remit_id)
) STRICT;

-- One run of `remit post` that posted something: who, when, which file.
CREATE TABLE posting_runs (
    id          INTEGER PRIMARY KEY,
    provider_id TEXT NOT NULL REFERENCES providers(provider_id),
    posted_on   TEXT NOT NULL,                      -- business date
    posted_at   TEXT NOT NULL,
    posted_by   TEXT NOT NULL,
    file_sha256 TEXT NOT NULL
) STRICT;

-- One claim payment (CLP) or PLB adjustment posted.
CREATE TABLE postings (
    remit     INTEGER NOT NULL REFERENCES posted_remits(id),
    kind      TEXT NOT NULL CHECK (kind IN ('claim', 'plb')),
    seq       INTEGER NOT NULL CHECK (seq > 0),     -- order of the CLP (or PLB pair) in its 835
    run       INTEGER NOT NULL REFERENCES posting_runs(id),
    claim_id  INTEGER REFERENCES claims(id),        -- the claim matched; NULL: unmatched
    clp01     TEXT NOT NULL,                        -- patient control number (PLB: reference)
    clp02     TEXT NOT NULL,                        -- claim status code (PLB: reason code)
    paid      INTEGER NOT NULL,                     -- CLP04 (PLB: the amount taken), cents
    expected  INTEGER,                              -- our paid amount when matched, cents
    payer_icn TEXT NOT NULL,                        -- CLP07 ('' for a PLB)
    PRIMARY KEY (remit, kind, seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX postings_claim ON postings(claim_id) WHERE claim_id IS NOT NULL;
-- Matching by patient control number when the 835 does not name our ICN.
CREATE INDEX claims_pcn ON claims(provider_id, patient_control_number);
