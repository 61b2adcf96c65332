-- PostgreSQL twin of ../012_name_index_ascii.sql (see the header of 001_core.sql); change both together.

-- Names are matched with their ASCII letters in either case and every other character as
-- it is (docs/eligibility.md), as SQLite's lower() does. PostgreSQL's lower() folds every
-- letter the database's locale knows (`Élodie` and `élodie` were the same name here, not
-- on SQLite), except in the "C" collation, where it folds ASCII letters only. The index is
-- rebuilt on that expression (the lookups in src/store/members.rs use the same one); it
-- also sorts bytes rather than the locale's order, which is faster to build.
-- Applied once: the index this migration builds is refused as its input.
DO $$
BEGIN
    IF pg_get_indexdef(CAST('members_name_dob' AS regclass)) LIKE '%COLLATE "C"%' THEN
        RAISE EXCEPTION 'migration 012 is already applied';
    END IF;
END
$$;
DROP INDEX members_name_dob;
CREATE INDEX members_name_dob
    ON members(lower(last_name COLLATE "C"), lower(first_name COLLATE "C"), dob);
