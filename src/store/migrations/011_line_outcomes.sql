-- A claim's line outcomes move from its lines onto the claim. A payment cycle wrote every
-- priced line back (status, allowed, paid, CARC): one row update per line, the larger part of
-- a cycle's writes. Now the cycle writes them in the claim row it already updates, and a
-- claim's lines are never changed after intake.
--
-- `line_outcomes` holds one token per line, in line order, separated by single spaces: the
-- allowed amount in cents of a paid line (a paid line is paid what is allowed), or `D` and
-- the CARC of a denied line (`D96`). NULL while the claim is not priced (its lines are
-- 'accepted'). The store reads it back into each line's status, allowed, paid and CARC, and
-- refuses a claim whose tokens do not match its lines.
ALTER TABLE claims ADD COLUMN line_outcomes TEXT;

UPDATE claims SET line_outcomes = (
    SELECT group_concat(
        CASE WHEN l.status = 'paid' THEN CAST(COALESCE(l.paid, 0) AS TEXT)
             ELSE 'D' || COALESCE(l.carc, '96') END,
        ' ' ORDER BY l.line_no)
    FROM claim_lines l WHERE l.claim_id = claims.id)
WHERE EXISTS (SELECT 1 FROM claim_lines l WHERE l.claim_id = claims.id AND l.status <> 'accepted');

ALTER TABLE claim_lines DROP COLUMN status;
ALTER TABLE claim_lines DROP COLUMN allowed;
ALTER TABLE claim_lines DROP COLUMN paid;
ALTER TABLE claim_lines DROP COLUMN carc;
