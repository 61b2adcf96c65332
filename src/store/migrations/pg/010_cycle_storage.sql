-- PostgreSQL twin of ../010_cycle_storage.sql (see the header of 001_core.sql); change both together.

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

-- (The SQLite migration also rebuilds remit_claims WITHOUT ROWID; PostgreSQL has no rowid.)
