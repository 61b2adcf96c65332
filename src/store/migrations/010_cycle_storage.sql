-- A claim's status is no longer a column of the member and provider indexes: a payment
-- cycle changes the status of every accepted claim, and each change moved the claim's
-- entries in both indexes (deleted under 'accepted', inserted under 'paid'). Every query
-- through them names the member and provider (or the provider) and filters the status
-- after; in the provider index the claims come in id order, as listings want them.
DROP INDEX claims_member;
DROP INDEX claims_provider;
CREATE INDEX claims_member ON claims(member_id, provider_id);
CREATE INDEX claims_provider ON claims(provider_id);

-- A remittance keeps its CLPs only. Its SVCs and CASes were copies of the claims' priced
-- lines (claim_lines: never changed once priced) under the remittance rules: they are made
-- again when the remittance is read (remit show, remit export), and must add up to the
-- stored CLP. A payment cycle writes one row per claim instead of five.
DROP TABLE remit_lines;
DROP TABLE remit_adjustments;

-- The CLPs are kept in their key's order without a rowid (one B-tree, not a table and its
-- primary key index). Same columns and keys as 007_remits.sql.
CREATE TABLE remit_claims_new (
    remit          INTEGER NOT NULL REFERENCES remits(id),
    seq            INTEGER NOT NULL,
    claim_id       INTEGER NOT NULL REFERENCES claims(id),
    status_code    TEXT NOT NULL CHECK (status_code IN ('1', '4', '22')),   -- CLP02
    billed         INTEGER NOT NULL,                -- CLP03
    allowed        INTEGER NOT NULL,
    paid           INTEGER NOT NULL,                -- CLP04
    patient_resp   INTEGER NOT NULL DEFAULT 0,      -- CLP05
    PRIMARY KEY (remit, seq)
) STRICT, WITHOUT ROWID;
INSERT INTO remit_claims_new(remit, seq, claim_id, status_code, billed, allowed, paid, patient_resp)
    SELECT remit, seq, claim_id, status_code, billed, allowed, paid, patient_resp FROM remit_claims;
DROP TABLE remit_claims;
ALTER TABLE remit_claims_new RENAME TO remit_claims;
CREATE INDEX remit_claims_claim ON remit_claims(claim_id);
