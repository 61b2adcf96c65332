-- Members and their coverage spans (benefit plans, CCO enrollment, TPL, Medicare).
-- Lookups: by Oregon Health ID (unique), and by lower(last), lower(first), date of birth.
-- CHECKs use OR rather than IN (...): SQLite builds an ephemeral table for an IN list on
-- every insert, which tripled the cost of a bulk import.

CREATE TABLE members (
    id         INTEGER PRIMARY KEY,
    health_id  TEXT NOT NULL UNIQUE,               -- 8 letters and digits, upper case
    last_name  TEXT NOT NULL,
    first_name TEXT NOT NULL,
    dob        TEXT NOT NULL,                      -- YYYY-MM-DD
    sex        TEXT NOT NULL CHECK (sex = 'F' OR sex = 'M' OR sex = 'U' OR sex = 'X')
) STRICT;
CREATE INDEX members_name_dob ON members(lower(last_name), lower(first_name), dob);

-- Clustered by member (WITHOUT ROWID): a member's spans are one range read, and a bulk
-- import writes one B-tree entry per span.
CREATE TABLE coverage_spans (
    member_id    INTEGER NOT NULL REFERENCES members(id),
    seq          INTEGER NOT NULL,                 -- 1, 2, ... within the member
    kind         TEXT NOT NULL CHECK (kind = 'benefit' OR kind = 'cco' OR kind = 'tpl' OR kind = 'medicare'),
    plan         TEXT NOT NULL,                    -- benefit plan code, CCO name, insurer, 'Medicare'
    plan_type    TEXT,                             -- CCO plan type (CCOA..), Medicare part (A, B, D)
    start_date   TEXT NOT NULL,                    -- YYYY-MM-DD
    end_date     TEXT,                             -- NULL: open-ended
    plan_partner TEXT,                             -- Health Share of Oregon plan partner
    PRIMARY KEY (member_id, seq)
) STRICT, WITHOUT ROWID;
