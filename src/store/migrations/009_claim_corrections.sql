-- Claim corrections: a claim's frequency (CLM05-3: '1' original, '7' replacement,
-- '8' void) and the claim a replacement replaces. The original of a replacement is voided
-- (its payment recouped in the next cycle); `replaced_by` is found through the index.
ALTER TABLE claims ADD COLUMN frequency TEXT NOT NULL DEFAULT '1' CHECK (frequency IN ('1', '7', '8'));
ALTER TABLE claims ADD COLUMN replaces_claim_id INTEGER REFERENCES claims(id);
CREATE INDEX claims_replaces ON claims(replaces_claim_id) WHERE replaces_claim_id IS NOT NULL;
