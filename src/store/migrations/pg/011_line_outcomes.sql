-- PostgreSQL twin of ../011_line_outcomes.sql (see the header of 001_core.sql); change both together.

-- A claim's line outcomes move from its lines onto the claim: one token per line, in line
-- order, separated by single spaces — the allowed (= paid) amount in cents of a paid line,
-- or `D` and the CARC of a denied line; NULL while the claim is not priced.
ALTER TABLE claims ADD COLUMN line_outcomes TEXT;

UPDATE claims c SET line_outcomes = o.tokens
FROM (SELECT claim_id,
             string_agg(CASE WHEN status = 'paid' THEN CAST(COALESCE(paid, 0) AS TEXT)
                             ELSE 'D' || COALESCE(carc, '96') END,
                        ' ' ORDER BY line_no) AS tokens
      FROM claim_lines GROUP BY claim_id
      HAVING bool_or(status <> 'accepted')) o
WHERE o.claim_id = c.id;

ALTER TABLE claim_lines DROP COLUMN status;
ALTER TABLE claim_lines DROP COLUMN allowed;
ALTER TABLE claim_lines DROP COLUMN paid;
ALTER TABLE claim_lines DROP COLUMN carc;
