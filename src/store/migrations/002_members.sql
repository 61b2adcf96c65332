-- Members and their coverage spans (benefit plans, CCO enrollment, TPL, Medicare).
-- Lookups: by Oregon Health ID (unique), and by lower(last), lower(first), date of birth.

CREATE TABLE members (
    id         INTEGER PRIMARY KEY,
    health_id  TEXT NOT NULL UNIQUE,               -- 8 letters and digits, upper case
    last_name  TEXT NOT NULL,
    first_name TEXT NOT NULL,
    dob        TEXT NOT NULL,                      -- YYYY-MM-DD
    sex        TEXT NOT NULL CHECK (sex IN ('F', 'M', 'U', 'X'))
) STRICT;
CREATE INDEX members_name_dob ON members(lower(last_name), lower(first_name), dob);

CREATE TABLE coverage_spans (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members(id),
    kind         TEXT NOT NULL CHECK (kind IN ('benefit', 'cco', 'tpl', 'medicare')),
    plan         TEXT NOT NULL,                    -- benefit plan code, CCO name, insurer, 'Medicare'
    plan_type    TEXT,                             -- CCO plan type (CCOA..), Medicare part (A, B, D)
    start_date   TEXT NOT NULL,                    -- YYYY-MM-DD
    end_date     TEXT,                             -- NULL: open-ended
    plan_partner TEXT                              -- Health Share of Oregon plan partner
) STRICT;
CREATE INDEX coverage_spans_member ON coverage_spans(member_id);
