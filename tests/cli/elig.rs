//! Issue 4: member import, `elig check`, lanes, roster batches, X12 270 → 271.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const MEMBERS: &str = include_str!("../../fixtures/members.csv");
const ROSTER: &str = include_str!("../../fixtures/roster.csv");
const HEAD: &str =
    "health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner\n";

/// A store with the JAMJON site administrator and the fixture members imported.
fn setup() -> Sandbox {
    let sb = Sandbox::new();
    sb.with_admin();
    import(&sb, "members.csv", MEMBERS).ok();
    sb
}

fn import(sb: &Sandbox, name: &str, text: &str) -> Run {
    let p = sb.write(name, text);
    sb.run_as(
        "ops",
        &["ops", "member", "import", p.to_str().unwrap(), "--json"],
        None,
    )
}

fn check(sb: &Sandbox, args: &[&str]) -> Run {
    let mut a = vec!["elig", "check"];
    a.extend_from_slice(args);
    a.push("--json");
    sb.run_as("admin", &a, None)
}

fn check_ok(sb: &Sandbox, args: &[&str]) -> Value {
    check(sb, args).ok().json()
}

fn audit(sb: &Sandbox, action: &str) -> Vec<Value> {
    let v = sb.json_as("admin", &["audit", "log", "--action", action]);
    v.as_array().cloned().unwrap_or_default()
}

// ---------------------------------------------------------------- import

#[test]
fn import_reports_counts_and_reimport_changes_nothing() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = import(&sb, "members.csv", MEMBERS).ok().json();
    assert_eq!(v["rows"], 41);
    assert_eq!(v["members"], 22);
    assert_eq!(v["spans"], 41);
    assert_eq!(v["added"], 22);
    let again = import(&sb, "members.csv", MEMBERS).ok().json();
    assert_eq!(again["rows"], 41);
    assert_eq!(again["added"], 0);
    assert_eq!(again["changed"], 0);
    assert_eq!(again["unchanged"], 22);
}

#[test]
fn import_is_all_or_nothing_and_lists_every_bad_row() {
    let sb = Sandbox::new();
    sb.with_admin();
    let text = format!(
        "{HEAD}GD000001,Good,Gail,1980-01-01,F,benefit,BMH,,2025-01-01,,\n\
         BAD1,Bad,Bob,1980-01-01,M,benefit,BMH,,2025-01-01,,\n\
         GD000002,Good,Gus,1980-13-01,M,benefit,BMH,,2025-01-01,,\n\
         GD000003,Good,Gil,1980-01-01,Q,benefit,BMH,,2025-01-01,,\n\
         GD000004,Good,Gia,1980-01-01,F,dental,BMH,,2025-01-01,,\n\
         GD000005,Good,Gem,1980-01-01,F,benefit,NOPE,,2025-01-01,,\n\
         GD000006,Good,Geo,1980-01-01,M,cco,Nowhere CCO,CCOA,2025-01-01,,\n\
         GD000007,Good,Gus,1980-01-01,M,cco,AllCare CCO,CCOZ,2025-01-01,,\n\
         GD000008,Good,Gwen,1980-01-01,F,cco,AllCare CCO,CCOA,2025-01-01,,CareOregon\n\
         GD000009,Good,Hal,1950-01-01,M,medicare,Medicare,C,2025-01-01,,\n\
         GD000010,Good,Ida,1980-01-01,F,benefit,BMH,,2025-01-01,2025-12-31,\n\
         GD000010,Good,Ida,1980-01-01,F,benefit,BMP,,2025-12-01,,\n\
         GD000011,Good,Jo,1980-01-01,F,benefit,CWM,,2025-01-01,,\n\
         GD000011,Good,Jo,1980-01-01,F,cco,AllCare CCO,CCOA,2025-03-01,,\n\
         GD000012,Good,Kim,1980-01-01,F,benefit,BMH,,2025-06-01,2025-01-01,\n\
         GD000013,Good,Lu,1980-01-01,F,cco,Health Share of Oregon,CCOA,2025-01-01,,Nobody Health\n"
    );
    let r = import(&sb, "bad.csv", &text).code(6);
    for needle in [
        "row 2 (line 3), column health_id",
        "row 3 (line 4), column dob",
        "row 4 (line 5), column sex",
        "row 5 (line 6), column coverage",
        "row 6 (line 7), column plan",
        "row 7 (line 8), column plan",
        "row 8 (line 9), column plan_type",
        "row 9 (line 10), column plan_partner",
        "row 10 (line 11), column plan_type",
        "row 12 (line 13), column start: this benefit span overlaps",
        "row 14 (line 15), column coverage: a CAWEM (CWM) member is never enrolled in a CCO",
        "row 15 (line 16), column end",
        "row 16 (line 17), column plan_partner",
        "nothing was imported",
    ] {
        assert!(
            r.stderr.contains(needle),
            "missing {needle:?} in:\n{}",
            r.stderr
        );
    }
    // The good first row was not imported either.
    check(&sb, &["--id", "GD000001"]).code(5);
}

#[test]
fn a_later_file_replaces_the_spans_of_its_members_only() {
    let sb = setup();
    let v = check_ok(&sb, &["--id", "OC100001"]);
    assert_eq!(v["lane"], "open-card");
    // OC100001 joins Trillium; nobody else is in the file.
    let text = format!(
        "{HEAD}OC100001,Alvarez,Maria,1987-02-14,F,benefit,BMH,,2023-07-01,,\n\
         OC100001,Alvarez,Maria,1987-02-14,F,cco,Trillium Community Health Plan,CCOB,2026-03-01,,\n"
    );
    let r = import(&sb, "update.csv", &text).ok().json();
    assert_eq!(
        (r["members"].clone(), r["changed"].clone()),
        (1.into(), 1.into())
    );
    let v = check_ok(&sb, &["--id", "OC100001"]);
    assert_eq!(v["lane"], "cco");
    assert_eq!(v["cco"], "Trillium Community Health Plan");
    assert_eq!(check_ok(&sb, &["--id", "TR200001"])["lane"], "cco");
    // The same file again changes nothing.
    assert_eq!(import(&sb, "update.csv", &text).ok().json()["unchanged"], 1);
}

#[test]
fn only_the_operator_imports_members() {
    let sb = setup();
    let p = sb.write("m2.csv", MEMBERS);
    sb.run_as(
        "admin",
        &["ops", "member", "import", p.to_str().unwrap()],
        None,
    )
    .code(4);
}

#[test]
fn a_non_operator_hears_exit_4_before_the_file_is_read() {
    let sb = setup();
    // The file does not exist: reading it first would be exit 6 ("cannot read").
    let missing = sb.path("no-such-members.csv");
    sb.run_as(
        "admin",
        &["ops", "member", "import", missing.to_str().unwrap()],
        None,
    )
    .code(4);
    // The operator, who may import, is told about the file.
    sb.run_as(
        "ops",
        &["ops", "member", "import", missing.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("cannot read");
}

/// One member with `n` one-day benefit spans, every other day from 1960.
fn many_spans(n: usize) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
    let mut text = HEAD.to_string();
    for k in 0..n {
        let d = base + chrono::Duration::days(2 * k as i64);
        text.push_str(&format!(
            "MS000001,Many,Spans,1950-01-01,F,benefit,BMH,,{d},{d},\n"
        ));
    }
    text
}

#[test]
fn a_member_with_20000_spans_imports_without_comparing_every_pair() {
    let sb = Sandbox::new();
    sb.with_admin();
    let t = std::time::Instant::now();
    let v = import(&sb, "many.csv", &many_spans(20_000)).ok().json();
    assert_eq!(
        (v["members"].clone(), v["spans"].clone()),
        (1.into(), 20_000.into())
    );
    // One more span overlapping the 10,001st: refused, naming that row.
    let mut text = many_spans(20_000);
    text.push_str("MS000001,Many,Spans,1950-01-01,F,benefit,BMP,,2014-10-04,2014-10-05,\n");
    let r = import(&sb, "many2.csv", &text).code(6);
    assert!(
        r.stderr
            .contains("row 20001 (line 20002), column start: this benefit span overlaps"),
        "{}",
        r.stderr
    );
    // A guard against a quadratic check, not a benchmark (both imports take well under a
    // second in a release build).
    assert!(t.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn a_members_rows_apart_in_the_file_are_checked_together() {
    let sb = Sandbox::new();
    sb.with_admin();
    let text = format!(
        "{HEAD}AP000001,Apart,Ann,1980-01-01,F,benefit,BMH,,2024-01-01,2024-12-31,\n\
         AP000002,Other,Otto,1980-01-01,M,benefit,BMH,,2024-01-01,,\n\
         AP000001,Apart,Ann,1980-01-01,F,benefit,BMP,,2025-01-01,,\n"
    );
    let v = import(&sb, "apart.csv", &text).ok().json();
    assert_eq!(
        (v["rows"].clone(), v["members"].clone(), v["spans"].clone()),
        (3.into(), 2.into(), 3.into())
    );
    assert_eq!(
        check_ok(&sb, &["--id", "AP000001", "--date", "2025-03-01"])["benefit_plan"],
        "BMP"
    );
    // An overlap between rows 1 and 3 is found all the same.
    let text = text.replace("2025-01-01,,", "2024-12-01,,");
    import(&sb, "apart2.csv", &text)
        .code(6)
        .err_contains("column start: this benefit span overlaps");
    // A different name further down is refused too.
    let text = format!(
        "{HEAD}AP000003,Apart,Ann,1980-01-01,F,benefit,BMH,,2024-01-01,,\n\
         AP000002,Other,Otto,1980-01-01,M,benefit,BMH,,2024-01-01,,\n\
         AP000003,Apart,Anne,1980-01-01,F,cco,AllCare CCO,CCOA,2025-01-01,,\n"
    );
    import(&sb, "apart3.csv", &text)
        .code(6)
        .err_contains("row 3 (line 4), column health_id: AP000003 appears on row 1");
}

/// `n` members (`LF000001`, ...) of one span each: many of the chunks the import's reader
/// thread hands to its writer.
fn long_file(n: usize) -> String {
    let mut text = HEAD.to_string();
    for k in 1..=n {
        text.push_str(&format!(
            "LF{k:06},Long,File{k},1980-01-01,F,benefit,BMH,,2024-01-01,,\n"
        ));
    }
    text
}

#[test]
fn a_bad_row_deep_in_a_long_file_is_reported_at_its_row_and_nothing_is_stored() {
    let sb = Sandbox::new();
    sb.with_admin();
    // Row 2500 has a bad sex; row 2901 (a second span of member 2900) overlaps its first:
    // both reported at their rows, in file order, and nothing stored (an empty store).
    let mut text = long_file(3000).replace(
        "LF002500,Long,File2500,1980-01-01,F,",
        "LF002500,Long,File2500,1980-01-01,Q,",
    );
    text = text.replace(
        "LF002900,Long,File2900,1980-01-01,F,benefit,BMH,,2024-01-01,,\n",
        "LF002900,Long,File2900,1980-01-01,F,benefit,BMH,,2024-01-01,,\n\
         LF002900,Long,File2900,1980-01-01,F,benefit,BMP,,2024-06-01,,\n",
    );
    let r = import(&sb, "long.csv", &text).code(6);
    let msg = r.stderr.clone();
    assert!(
        msg.contains("long.csv: 2 problem(s); nothing was imported"),
        "{msg}"
    );
    let sex = msg.find("row 2500 (line 2501), column sex").expect(&msg);
    let overlap = msg
        .find("row 2901 (line 2902), column start: this benefit span overlaps")
        .expect(&msg);
    assert!(sex < overlap, "{msg}");
    assert_eq!(sb.count("SELECT count(*) FROM members"), 0);
    assert_eq!(sb.count("SELECT count(*) FROM coverage_spans"), 0);
    // The same into a store with members: nothing changed either.
    import(&sb, "one.csv", &long_file(1)).ok();
    import(&sb, "long.csv", &text)
        .code(6)
        .err_contains("2 problem(s)");
    assert_eq!(sb.count("SELECT count(*) FROM members"), 1);
}

#[test]
fn a_long_file_on_stdin_imports_every_chunk_and_merges_rows_apart() {
    let sb = Sandbox::new();
    sb.with_admin();
    // Member 1 again at the very end, far from its first row: merged, not written twice.
    let mut text = long_file(3000);
    text.push_str("LF000001,Long,File1,1980-01-01,F,cco,AllCare CCO,CCOA,2024-03-01,,\n");
    let v = sb
        .run_as(
            "ops",
            &["ops", "member", "import", "-", "--json"],
            Some(&text),
        )
        .ok()
        .json();
    assert_eq!(
        (
            v["rows"].clone(),
            v["members"].clone(),
            v["spans"].clone(),
            v["added"].clone()
        ),
        (3001.into(), 3000.into(), 3001.into(), 3000.into())
    );
    assert_eq!(sb.count("SELECT count(*) FROM members"), 3000);
    assert_eq!(sb.count("SELECT count(*) FROM coverage_spans"), 3001);
    assert_eq!(
        sb.count(
            "SELECT count(*) FROM coverage_spans s JOIN members m ON m.id = s.member_id \
             WHERE m.health_id = 'LF000001'"
        ),
        2
    );
    assert_eq!(
        sb.one(
            "SELECT plan FROM coverage_spans s JOIN members m ON m.id = s.member_id \
                WHERE m.health_id = 'LF002999'"
        ),
        "BMH"
    );
}

#[test]
fn a_members_many_span_problems_count_once_past_the_first_hundred() {
    let sb = Sandbox::new();
    sb.with_admin();
    // One bad row, then a member whose 151 identical spans overlap 150 times, then more
    // members: 151 problems, the first 100 listed in file order.
    let mut text = long_file(1200).replace(
        "LF000003,Long,File3,1980-01-01,F,",
        "LF000003,Long,File3,1980-01-01,Q,",
    );
    let same = "LF000600,Long,File600,1980-01-01,F,benefit,BMH,,2024-01-01,,\n";
    text = text.replace(same, &same.repeat(151));
    let r = import(&sb, "many.csv", &text).code(6);
    let msg = r.stderr.clone();
    assert!(msg.contains("many.csv: 151 problem(s)"), "{msg}");
    assert!(
        msg.contains("... and 51 more (the first 100 are listed)"),
        "{msg}"
    );
    assert_eq!(msg.matches("\n  - row ").count(), 100, "{msg}");
    assert!(
        msg.find("row 3 (line 4), column sex").expect(&msg)
            < msg.find("row 601 (line 602), column start").expect(&msg),
        "{msg}"
    );
    assert_eq!(sb.count("SELECT count(*) FROM members"), 0);
}

#[test]
fn a_span_without_its_member_fails_the_import_at_its_end() {
    // The import checks the spans' foreign key once, before it commits (SQLite: not row by
    // row). A store tampered with outside mmis to hold a span of no member fails it
    // (PostgreSQL refuses the tampering itself).
    if on_postgres() {
        return;
    }
    let sb = Sandbox::new();
    sb.with_admin();
    sb.sql(
        "PRAGMA foreign_keys = OFF; \
         INSERT INTO coverage_spans(member_id, seq, kind, plan, start_date) \
         VALUES (999999, 1, 'benefit', 'BMH', '2024-01-01')",
    );
    import(&sb, "long.csv", &long_file(600))
        .code(7)
        .err_contains("coverage spans whose member is not in the store; nothing was imported");
    assert_eq!(sb.count("SELECT count(*) FROM members"), 0);
    // Without the stray span, the same file imports.
    sb.sql("DELETE FROM coverage_spans");
    import(&sb, "long.csv", &long_file(600)).ok();
    assert_eq!(sb.count("SELECT count(*) FROM coverage_spans"), 600);
}

// ---------------------------------------------------------------- check

#[test]
fn open_card_member_bills_oha() {
    let sb = setup();
    let v = check_ok(&sb, &["--id", "oc100001"]);
    assert_eq!(v["member"]["health_id"], "OC100001");
    assert_eq!(v["member"]["last_name"], "Alvarez");
    assert_eq!(v["member"]["dob"], "1987-02-14");
    assert_eq!(v["member"]["sex"], "F");
    assert_eq!(v["eligible"], true);
    assert_eq!(v["lane"], "open-card");
    assert_eq!(v["cco"], Value::Null);
    assert_eq!(v["benefits"][0]["plan"], "BMH");
    assert_eq!(v["segments"].as_array().unwrap().len(), 1);
    let t = sb
        .run_as("admin", &["elig", "check", "--id", "OC100001"], None)
        .ok();
    assert!(
        t.stdout
            .contains("Bill OHA through this portal (Open Card)"),
        "{}",
        t.stdout
    );
}

#[test]
fn cco_member_bills_the_cco() {
    let sb = setup();
    let v = check_ok(&sb, &["--id", "TR200001"]);
    assert_eq!(v["lane"], "cco");
    assert_eq!(v["cco"], "Trillium Community Health Plan");
    assert_eq!(v["managed_care"][0]["plan_type"], "CCOA");
    let t = sb
        .run_as("admin", &["elig", "check", "--id", "TR200001"], None)
        .ok();
    assert!(
        t.stdout
            .contains("Bill Trillium Community Health Plan, not OHA"),
        "{}",
        t.stdout
    );
}

#[test]
fn health_share_members_show_their_plan_partner() {
    let sb = setup();
    for (id, partner) in [
        ("HS300001", "CareOregon"),
        ("HS300002", "Kaiser Permanente"),
        ("HS300003", "Legacy-PacificSource"),
        ("HS300004", "OHSU Health"),
        ("HS300005", "Providence Health & Services"),
    ] {
        let v = check_ok(&sb, &["--id", id]);
        assert_eq!(v["lane"], "cco", "{id}");
        assert_eq!(v["cco"], "Health Share of Oregon", "{id}");
        assert_eq!(v["plan_partner"], partner, "{id}");
        assert_eq!(v["segments"][0]["plan_partner"], partner, "{id}");
    }
    let t = sb
        .run_as("admin", &["elig", "check", "--id", "HS300004"], None)
        .ok();
    assert!(t
        .stdout
        .contains("Bill Health Share of Oregon, not OHA; plan partner OHSU Health"));
}

#[test]
fn cawem_is_always_open_card() {
    let sb = setup();
    let v = check_ok(&sb, &["--id", "CW700001"]);
    assert_eq!(v["eligible"], true);
    assert_eq!(v["lane"], "open-card");
    assert_eq!(v["benefit_plan"], "CWM");
    // And an import cannot put a CAWEM member in a CCO.
    let text = format!(
        "{HEAD}CW700001,Ramirez,Jose,1985-05-05,M,benefit,CWM,,2025-01-01,,\n\
         CW700001,Ramirez,Jose,1985-05-05,M,cco,Trillium Community Health Plan,CCOA,2025-01-01,,\n"
    );
    import(&sb, "cawem.csv", &text)
        .code(6)
        .err_contains("never enrolled in a CCO");
    assert_eq!(check_ok(&sb, &["--id", "CW700001"])["lane"], "open-card");
}

#[test]
fn not_eligible_is_an_answer_and_unknown_member_is_exit_5() {
    let sb = setup();
    let v = check_ok(&sb, &["--id", "EN500001"]);
    assert_eq!(v["eligible"], false);
    assert_eq!(v["lane"], "none");
    // Ended coverage still shows within the 13-month window.
    assert_eq!(v["benefits"][0]["end"], "2025-12-31");
    check(&sb, &["--id", "ZZ999999"])
        .code(5)
        .err_contains("no member with Oregon Health ID ZZ999999");
    check(&sb, &["--id", "ZZ9"]).code(6);
}

#[test]
fn medicare_and_tpl_are_listed() {
    let sb = setup();
    let v = check_ok(&sb, &["--id", "MT600001"]);
    assert_eq!(v["benefit_plan"], "QMB");
    let parts: Vec<&str> = v["medicare"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["part"].as_str().unwrap())
        .collect();
    assert_eq!(parts, vec!["A", "B", "D"]);
    let v = check_ok(&sb, &["--id", "MT600002"]);
    assert_eq!(v["tpl"][0]["insurer"], "Example Mutual Insurance");
    assert_eq!(v["lane"], "cco");
}

#[test]
fn window_edges() {
    let sb = setup();
    // Exactly 13 months back is allowed; one day more is not; the future is not.
    check_ok(&sb, &["--id", "OC100001", "--date", "2025-02-16"]);
    check(&sb, &["--id", "OC100001", "--date", "2025-02-15"])
        .code(6)
        .err_contains("13 months");
    check(&sb, &["--id", "OC100001", "--date", "2026-03-17"])
        .code(6)
        .err_contains("future");
    check(
        &sb,
        &[
            "--id",
            "OC100001",
            "--from",
            "2025-02-15",
            "--to",
            "2025-03-01",
        ],
    )
    .code(6);
    check(
        &sb,
        &[
            "--id",
            "OC100001",
            "--from",
            "2026-03-01",
            "--to",
            "2026-03-17",
        ],
    )
    .code(6);
    check(
        &sb,
        &[
            "--id",
            "OC100001",
            "--from",
            "2026-03-10",
            "--to",
            "2026-03-01",
        ],
    )
    .code(6);
    check_ok(
        &sb,
        &[
            "--id",
            "OC100001",
            "--from",
            "2025-02-16",
            "--to",
            "2026-03-16",
        ],
    );
}

#[test]
fn a_lane_change_mid_range_gives_two_segments() {
    let sb = setup();
    let v = check_ok(
        &sb,
        &[
            "--id",
            "LC400001",
            "--from",
            "2025-12-01",
            "--to",
            "2026-03-16",
        ],
    );
    let s = v["segments"].as_array().unwrap();
    assert_eq!(s.len(), 2, "{v}");
    assert_eq!(s[0]["from"], "2025-12-01");
    assert_eq!(s[0]["to"], "2025-12-31");
    assert_eq!(s[0]["lane"], "open-card");
    assert_eq!(s[0]["eligible"], true);
    assert_eq!(s[1]["from"], "2026-01-01");
    assert_eq!(s[1]["to"], "2026-03-16");
    assert_eq!(s[1]["lane"], "cco");
    assert_eq!(s[1]["cco"], "Yamhill Community Care");
    // `eligible` and `lane` are the range's last day.
    assert_eq!(v["lane"], "cco");
    // Ended coverage mid-range: eligible, then not.
    let v = check_ok(
        &sb,
        &[
            "--id",
            "EN500002",
            "--from",
            "2026-02-01",
            "--to",
            "2026-03-16",
        ],
    );
    let s = v["segments"].as_array().unwrap();
    assert_eq!(s.len(), 2);
    assert_eq!(
        (s[0]["to"].clone(), s[1]["lane"].clone()),
        ("2026-02-28".into(), "none".into())
    );
    assert_eq!(v["eligible"], false);
}

#[test]
fn name_lookup_is_case_insensitive_and_ambiguity_is_exit_7() {
    let sb = setup();
    // Same name, different dates of birth: the date of birth decides.
    let a = check_ok(
        &sb,
        &["--last", "NGUYEN", "--first", "linh", "--dob", "1988-04-12"],
    );
    assert_eq!(a["member"]["health_id"], "NG800001");
    let b = check_ok(
        &sb,
        &["--last", "nguyen", "--first", "Linh", "--dob", "1992-09-30"],
    );
    assert_eq!(b["member"]["health_id"], "NG800002");
    check(
        &sb,
        &["--last", "Nguyen", "--first", "Linh", "--dob", "1970-01-01"],
    )
    .code(5);
    // Same name and date of birth: several matches, listed.
    let text = format!("{HEAD}NG800003,NGUYEN,LINH,1988-04-12,F,benefit,BMH,,2024-01-01,,\n");
    import(&sb, "twin.csv", &text).ok();
    let r = check(
        &sb,
        &["--last", "nguyen", "--first", "linh", "--dob", "1988-04-12"],
    )
    .code(7);
    assert!(
        r.stderr.contains("NG800001") && r.stderr.contains("NG800003"),
        "{}",
        r.stderr
    );
}

#[test]
fn names_fold_ascii_letters_only_on_every_backend() {
    // docs/eligibility.md: names match case-insensitively in ASCII letters; any other
    // letter must be given as stored (SQLite's lower() folds ASCII only; PostgreSQL is
    // made to do the same).
    let sb = setup();
    let text = format!(
        "{HEAD}EL900001,\u{d1}u\u{f1}ez,\u{c9}lodie,1990-05-05,F,benefit,BMH,,2024-01-01,,\n"
    );
    import(&sb, "accents.csv", &text).ok();
    let a = check_ok(
        &sb,
        &[
            "--last",
            "\u{d1}U\u{f1}EZ",
            "--first",
            "\u{c9}LODIE",
            "--dob",
            "1990-05-05",
        ],
    );
    assert_eq!(a["member"]["health_id"], "EL900001");
    check(
        &sb,
        &[
            "--last",
            "\u{f1}u\u{f1}ez",
            "--first",
            "\u{e9}lodie",
            "--dob",
            "1990-05-05",
        ],
    )
    .code(5);
    let p = sb.write(
        "roster.csv",
        "health_id,last_name,first_name,dob,date\n\
         ,\u{d1}U\u{f1}EZ,\u{c9}lodie,1990-05-05,\n\
         ,\u{f1}u\u{f1}ez,\u{e9}lodie,1990-05-05,\n",
    );
    let (r, rows) = batch_rows(&sb, &p);
    assert_eq!(rows[0]["health_id"], "EL900001", "{}", r.stdout);
    assert_eq!(rows[1]["error"], "member not found", "{}", r.stdout);
}

#[test]
fn checks_are_audited_with_the_member_looked_up() {
    let sb = setup();
    check_ok(&sb, &["--id", "HS300001"]);
    check(&sb, &["--id", "ZZ999999"]).code(5);
    let entries = audit(&sb, "elig check");
    let ok = entries
        .iter()
        .find(|e| e["target"] == "HS300001")
        .expect("audit entry for HS300001");
    assert_eq!(ok["actor"], "JAMJON");
    assert_eq!(ok["outcome"], "ok");
    assert_eq!(ok["provider_id"], "506675928");
    assert!(entries
        .iter()
        .any(|e| e["target"] == "ZZ999999" && e["outcome"] == "not-found"));
}

// ---------------------------------------------------------------- batch

fn batch(sb: &Sandbox, roster: &Path, format: &str) -> Run {
    sb.run_as(
        "admin",
        &[
            "elig",
            "batch",
            roster.to_str().unwrap(),
            "--format",
            format,
        ],
        None,
    )
}

/// A batch as ndjson that succeeds, and its rows.
fn batch_rows(sb: &Sandbox, roster: &Path) -> (Run, Vec<Value>) {
    let r = batch(sb, roster, "ndjson").ok();
    let rows = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("ndjson line"))
        .collect();
    (r, rows)
}

#[test]
fn batch_ndjson_answers_every_row_in_order() {
    let sb = setup();
    let p = sb.write("roster.csv", ROSTER);
    let (r, rows) = batch_rows(&sb, &p);
    assert_eq!(rows.len(), 14);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row["row"], i as u64 + 1);
        for k in [
            "row",
            "health_id",
            "eligible",
            "lane",
            "cco",
            "plan_partner",
            "error",
        ] {
            assert!(row.get(k).is_some(), "row {i} lacks {k}: {row}");
        }
    }
    assert_eq!(rows[0]["lane"], "open-card");
    assert_eq!(rows[0]["error"], Value::Null);
    assert_eq!(rows[1]["cco"], "Trillium Community Health Plan");
    assert_eq!(rows[2]["plan_partner"], "Kaiser Permanente");
    assert_eq!(rows[4]["lane"], "open-card"); // LC400001 on 2025-12-15
    assert_eq!(rows[5]["lane"], "cco"); // LC400001 today
    assert_eq!(rows[6]["eligible"], false);
    assert_eq!(rows[6]["lane"], "none");
    assert_eq!(rows[9]["health_id"], "NG800002"); // by name
    assert_eq!(rows[10]["health_id"], "NG800001"); // by name, other case
    assert_eq!(rows[11]["error"], "member not found");
    assert!(rows[12]["error"].as_str().unwrap().contains("8 letters"));
    assert!(rows[13]["error"].as_str().unwrap().contains("13 months"));
    assert!(r.stderr.contains("checked 14 rows"), "{}", r.stderr);
    assert!(r.stderr.contains("3 errors"), "{}", r.stderr);
}

#[test]
fn batch_answers_a_member_asked_by_id_and_by_name_in_one_roster() {
    // One lookup answers both ways of asking (the store meets the member once per list):
    // each row gets its own answer for its own date.
    let sb = setup();
    let p = sb.write(
        "roster.csv",
        "health_id,last_name,first_name,dob,date\n\
         NG800002,,,,\n\
         ,Nguyen,Linh,1992-09-30,\n\
         LC400001,,,,2025-12-15\n\
         NG800002,,,,2026-03-01\n\
         ,NGUYEN,linh,1992-09-30,2026-03-01\n",
    );
    let (r, rows) = batch_rows(&sb, &p);
    assert_eq!(rows.len(), 5, "{}", r.stdout);
    for i in [0, 1, 3, 4] {
        assert_eq!(rows[i]["health_id"], "NG800002", "row {i}: {}", rows[i]);
        assert_eq!(rows[i]["error"], Value::Null, "row {i}: {}", rows[i]);
    }
    let answer = |v: &Value| (v["eligible"].clone(), v["lane"].clone(), v["cco"].clone());
    assert_eq!(answer(&rows[0]), answer(&rows[1]));
    assert_eq!(answer(&rows[3]), answer(&rows[4]));
    assert_eq!(rows[2]["lane"], "open-card"); // LC400001 on 2025-12-15
    assert!(r.stderr.contains("checked 5 rows"), "{}", r.stderr);
    assert!(r.stderr.contains("0 errors"), "{}", r.stderr);
}

#[test]
fn batch_json_csv_and_table() {
    let sb = setup();
    let p = sb.write("roster.csv", ROSTER);
    let j = batch(&sb, &p, "json").ok().json();
    assert_eq!(j.as_array().unwrap().len(), 14);
    assert_eq!(j[1]["lane"], "cco");
    let c = batch(&sb, &p, "csv").ok();
    let mut rdr = csv::Reader::from_reader(c.stdout.as_bytes());
    let h = rdr.headers().unwrap().clone();
    assert_eq!(&h[0], "row");
    assert!(h.iter().any(|x| x == "plan_partner") && h.iter().any(|x| x == "error"));
    assert_eq!(rdr.records().count(), 14);
    let t = batch(&sb, &p, "table").ok();
    assert!(
        t.stdout
            .contains("Bill Health Share of Oregon (Kaiser Permanente)"),
        "{}",
        t.stdout
    );
    assert!(t.stdout.contains("member not found"));
    // An empty roster is an empty array.
    let e = sb.write("empty.csv", "health_id\n");
    assert_eq!(batch(&sb, &e, "json").ok().json(), Value::Array(vec![]));
}

#[test]
fn batch_header_must_name_the_member_columns() {
    let sb = setup();
    let p = sb.write("bad.csv", "member,when\nOC100001,2026-03-01\n");
    batch(&sb, &p, "ndjson").code(6).err_contains("health_id");
    let p = sb.write("half.csv", "last_name,first_name\nDoe,Jane\n");
    batch(&sb, &p, "ndjson").code(6);
}

#[test]
fn batch_is_audited_once_with_counts() {
    let sb = setup();
    let p = sb.write("roster.csv", ROSTER);
    batch(&sb, &p, "ndjson").ok();
    let entries = audit(&sb, "elig batch");
    assert_eq!(entries.len(), 1, "{entries:?}");
    let d = entries[0]["detail"].as_str().unwrap();
    assert!(
        d.contains("rows 14") && d.contains("errors 3") && d.contains("sha256"),
        "{d}"
    );
    assert_eq!(entries[0]["target"], "roster.csv");
}

// ---------------------------------------------------------------- tokens

#[test]
fn an_eligibility_token_checks_and_batches_and_nothing_else() {
    let sb = setup();
    let t = sb.json_as(
        "admin",
        &[
            "token",
            "create",
            "--name",
            "roster",
            "--roles",
            "Eligibility Inquiry",
        ],
    );
    let token = t["token"].as_str().unwrap().to_string();
    let env = [("MMIS_TOKEN", token.as_str())];
    let v = sb
        .run_env(
            "bot",
            &["elig", "check", "--id", "TR200001", "--json"],
            None,
            &env,
        )
        .ok()
        .json();
    assert_eq!(v["lane"], "cco");
    let p = sb.write("roster.csv", ROSTER);
    sb.run_env(
        "bot",
        &["elig", "batch", p.to_str().unwrap(), "--format", "ndjson"],
        None,
        &env,
    )
    .ok();
    let m = sb.write("m.csv", MEMBERS);
    sb.run_env(
        "bot",
        &["ops", "member", "import", m.to_str().unwrap()],
        None,
        &env,
    )
    .code(4);
    sb.run_env("bot", &["token", "list"], None, &env).code(4);
    sb.run_env(
        "bot",
        &[
            "token",
            "create",
            "--name",
            "x",
            "--roles",
            "Eligibility Inquiry",
        ],
        None,
        &env,
    )
    .code(4);
    // The check made with the token is audited as its user.
    assert!(audit(&sb, "elig check")
        .iter()
        .any(|e| e["target"] == "TR200001" && e["actor"] == "JAMJON"));
}

// ---------------------------------------------------------------- X12

/// The Python venv with lfhx12 and pyx12 (`MMIS_X12_VENV`, default `.venv`).
fn venv() -> Option<PathBuf> {
    let dir = std::env::var_os("MMIS_X12_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv"));
    if dir.join("bin/python").exists() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("CI=true but no X12 validator venv at {}", dir.display());
    }
    eprintln!(
        "notice: no X12 validator venv at {} (set MMIS_X12_VENV); skipping the independent validation",
        dir.display()
    );
    None
}

fn shared_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("MMIS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if dir.join("x12").exists() {
        return Some(dir);
    }
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("CI=true but no shared X12 material at {}", dir.display());
    }
    eprintln!(
        "notice: no shared X12 material at {} (set MMIS_SHARED_DIR); skipping",
        dir.display()
    );
    None
}

fn lfhx12(venv: &Path, file: &Path) {
    let out = std::process::Command::new(venv.join("bin/lfhx12"))
        .args(["-m", "-x"])
        .arg(file)
        .output()
        .expect("run lfhx12");
    assert!(
        out.status.success(),
        "lfhx12 rejects {}:\n{}\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(file).unwrap_or_default()
    );
}

fn pyx12(venv: &Path, files: &[&Path]) {
    let Some(shared) = shared_dir() else { return };
    let out = std::process::Command::new(venv.join("bin/python"))
        .arg(shared.join("x12/pyx12check.py"))
        .arg("-m")
        .arg(shared.join("x12/pyx12maps"))
        .args(files)
        .output()
        .expect("run pyx12check");
    assert!(
        out.status.success(),
        "pyx12 rejects {files:?}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn make_270(sb: &Sandbox, name: &str, args: &[&str]) -> PathBuf {
    let mut a = vec!["elig", "check"];
    a.extend_from_slice(args);
    a.push("--x12-270");
    let r = sb.run_as("admin", &a, None).ok();
    assert!(r.stdout.starts_with("ISA*"), "{}", r.stdout);
    sb.write(name, &r.stdout)
}

fn answer(sb: &Sandbox, x270: &Path, out: &str) -> (PathBuf, String) {
    let o = sb.path(out);
    sb.run_as(
        "admin",
        &[
            "elig",
            "batch",
            "--x12",
            x270.to_str().unwrap(),
            "--out",
            o.to_str().unwrap(),
            "--json",
        ],
        None,
    )
    .ok();
    let text = std::fs::read_to_string(&o).expect("271 written");
    (o, text)
}

#[test]
fn x12_270_and_271_for_each_lane_pass_the_validators() {
    let sb = setup();
    let cases: [(&str, &[&str]); 4] = [
        ("open", &["--id", "OC100001"]),
        ("hs", &["--id", "HS300003"]),
        (
            "name",
            &[
                "--last",
                "Nguyen",
                "--first",
                "Linh",
                "--dob",
                "1988-04-12",
                "--from",
                "2026-01-01",
                "--to",
                "2026-03-16",
            ],
        ),
        ("medicare", &["--id", "MT600001"]),
    ];
    let v = venv();
    for (name, args) in cases {
        let x270 = make_270(&sb, &format!("{name}.270"), args);
        let (x271, text) = answer(&sb, &x270, &format!("{name}.271"));
        assert!(
            text.starts_with("ISA*") && text.contains("ST*271*"),
            "{text}"
        );
        assert!(text.contains("EB*1*IND*30*MC*"), "{name}: {text}");
        if name == "hs" {
            assert!(text.contains("EB*MC*IND*30*HM*CCOB"), "{text}");
            assert!(text.contains("NM1*Y2*2*Health Share of Oregon"), "{text}");
            assert!(text.contains("PLAN PARTNER Legacy-PacificSource"), "{text}");
        }
        if let Some(v) = &v {
            lfhx12(v, &x270);
            lfhx12(v, &x271);
            pyx12(v, &[&x270, &x271]);
        }
    }
}

#[test]
fn x12_unknown_members_and_bad_requests_get_aaa() {
    let sb = setup();
    let x270 = make_270(&sb, "one.270", &["--id", "TR200001"]);
    let one = std::fs::read_to_string(&x270).unwrap();
    // Three inquiries: found, unknown ID, date outside the window.
    let sub = |id: &str, date: &str| {
        format!("HL*{{N}}*2*22*0~TRN*1*T{id}*1934455667~NM1*IL*1*DOE*JANE****MI*{id}~DMG*D8*19800101~DTP*291*D8*{date}~EQ*30~")
    };
    let start = one.find("HL*3*2*22*0~").unwrap();
    let head = &one[..start];
    let mut body = String::new();
    for (i, (id, date)) in [
        ("TR200001", "20260316"),
        ("ZZ999999", "20260316"),
        ("OC100001", "20200101"),
    ]
    .iter()
    .enumerate()
    {
        body.push_str(&sub(id, date).replace("{N}", &(i + 3).to_string()));
    }
    let st_start = head.find("ST*270").unwrap();
    let count = head[st_start..].matches('~').count() + body.matches('~').count() + 1;
    let text = format!("{head}{body}SE*{count}*0001~GE*1*1~IEA*1*000000001~");
    let p = sb.write("three.270", &text);
    let (x271, out) = answer(&sb, &p, "three.271");
    assert!(
        out.contains("NM1*IL*1*Lindqvist*Erik****MI*TR200001"),
        "{out}"
    );
    assert!(out.contains("AAA*N**75*C"), "{out}");
    assert!(out.contains("AAA*N**62*C"), "{out}");
    if let Some(v) = venv() {
        pyx12(&v, &[&p, &x271]);
    }
    // The whole file is one audit entry.
    let e = audit(&sb, "elig batch");
    assert!(e.iter().any(|e| e["detail"]
        .as_str()
        .unwrap_or("")
        .contains("inquiries 3, answered 1, rejected 2")));
}

#[test]
fn x12_malformed_270_is_exit_6_with_the_segment_number() {
    let sb = setup();
    let x270 = make_270(&sb, "ok.270", &["--id", "TR200001"]);
    let good = std::fs::read_to_string(&x270).unwrap();
    let bad = good.replace("SE*13*0001", "SE*99*0001");
    let p = sb.write("badcount.270", &bad);
    let r = sb
        .run_as(
            "admin",
            &["elig", "batch", "--x12", p.to_str().unwrap()],
            None,
        )
        .code(6);
    assert!(r.stderr.contains("segment 15"), "{}", r.stderr);
    let bad = good.replace("IEA*1*", "IEA*2*");
    let p = sb.write("badiea.270", &bad);
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", p.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("segment");
    let p = sb.write("junk.270", "hello, world");
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", p.to_str().unwrap()],
        None,
    )
    .code(6);
    // An 837 is not a 270.
    let p = sb.write(
        "not270.270",
        &good
            .replace("GS*HS", "GS*HC")
            .replace("005010X279A1", "005010X222A1")
            .replace("ST*270", "ST*837"),
    );
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", p.to_str().unwrap()],
        None,
    )
    .code(6);
}

#[test]
fn x12_conformance_270s_are_answered() {
    let Some(shared) = shared_dir() else { return };
    let sb = setup();
    let dir = shared.join("x12/conformance/270");
    let mut n = 0;
    let v = venv();
    for e in std::fs::read_dir(&dir).expect("conformance/270") {
        let p = e.unwrap().path();
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let (x271, text) = answer(&sb, &p, &format!("{name}.271"));
        assert!(text.contains("ST*271*"), "{name}: {text}");
        if let Some(v) = &v {
            pyx12(v, &[&x271]);
        }
        n += 1;
    }
    assert!(n >= 2, "no 270s in {}", dir.display());
}

// ---------------------------------------------------------------- demo

#[test]
fn the_demo_runs_a_morning_roster_check() {
    let sb = Sandbox::new();
    let r = sb.run_as("x", &["demo"], None).ok();
    assert!(r.stdout.contains("mmis elig batch"), "{}", r.stdout);
    assert!(r
        .stdout
        .contains("Bill Health Share of Oregon (Kaiser Permanente)"));
    assert!(r.stdout.contains("Bill Yamhill Community Care, not OHA"));
    assert!(r.stderr.contains("checked 14 rows"), "{}", r.stderr);
}

#[test]
fn x12_the_271_streams_and_out_appears_only_whole() {
    let sb = setup();
    let x270 = make_270(&sb, "one.270", &["--id", "OC100001"]);
    // To stdout: the whole interchange, ISA to IEA.
    let r = sb
        .run_as(
            "admin",
            &["elig", "batch", "--x12", x270.to_str().unwrap()],
            None,
        )
        .ok();
    assert!(r.stdout.starts_with("ISA*"), "{}", r.stdout);
    assert!(r.stdout.trim_end().ends_with('~'), "{}", r.stdout);
    assert!(r.stdout.contains("IEA*1*"), "{}", r.stdout);
    // To a file: written beside it, renamed when complete; nothing else left behind.
    let dir = sb.path("answers");
    std::fs::create_dir(&dir).unwrap();
    let (o, text) = answer(&sb, &x270, "answers/one.271");
    assert!(
        text.starts_with("ISA*") && text.contains("IEA*1*"),
        "{text}"
    );
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["one.271".to_string()]);
    assert_eq!(o.file_name().unwrap(), "one.271");
    // An --out that cannot be written: an error naming it, and no file.
    let missing = sb.path("no-such-dir/one.271");
    sb.run_as(
        "admin",
        &[
            "elig",
            "batch",
            "--x12",
            x270.to_str().unwrap(),
            "--out",
            missing.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("no-such-dir/one.271");
    assert!(!missing.exists());
}

// ---------------------------------------------------------------- many members

/// `n` members `MB000000`.. (`Many{i}`, `Row`, born 1980-01-01 plus `i` days), each with
/// an open-ended BMH benefit and, for even `i`, a CCO: written in an order that is not the
/// Health IDs' (odd members first, then even, each run backwards).
fn many_members(n: usize) -> String {
    let mut text = HEAD.to_string();
    let order = (0..n)
        .rev()
        .filter(|i| i % 2 == 1)
        .chain((0..n).rev().filter(|i| i % 2 == 0));
    let born = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).unwrap();
    for i in order {
        let dob = born + chrono::Duration::days(i as i64);
        text.push_str(&format!(
            "MB{i:06},Row,Many{i},{dob},F,benefit,BMH,,2024-01-01,,\n"
        ));
        if i % 2 == 0 {
            text.push_str(&format!(
                "MB{i:06},Row,Many{i},{dob},F,cco,AllCare CCO,CCOA,2024-02-01,,\n"
            ));
        }
    }
    text
}

/// The ndjson answers of a roster of `(health_id, name)` rows: `Some(i)` is member `i`
/// (by Health ID, or by name and date of birth when `by_name`), `None` an unknown ID.
fn roster_of(rows: &[(Option<usize>, bool)]) -> (String, Vec<(Option<String>, &'static str)>) {
    let born = chrono::NaiveDate::from_ymd_opt(1980, 1, 1).unwrap();
    let mut text = "health_id,last_name,first_name,dob\n".to_string();
    let mut want = Vec::new();
    for (k, (who, by_name)) in rows.iter().enumerate() {
        match (who, by_name) {
            (Some(i), false) => text.push_str(&format!("MB{i:06},,,\n")),
            (Some(i), true) => {
                let dob = born + chrono::Duration::days(*i as i64);
                text.push_str(&format!(",ROW,many{i},{dob}\n"));
            }
            (None, _) => text.push_str(&format!("ZZ{k:06},,,\n")),
        }
        want.push(match who {
            Some(i) => (
                Some(format!("MB{i:06}")),
                if i % 2 == 0 { "cco" } else { "open-card" },
            ),
            None => (None, "member not found"),
        });
    }
    (text, want)
}

fn assert_batch(sb: &Sandbox, name: &str, rows: &[(Option<usize>, bool)]) {
    let (text, want) = roster_of(rows);
    let p = sb.write(name, &text);
    let out = batch(sb, &p, "ndjson").ok().stdout;
    let got: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(got.len(), want.len());
    for (k, (row, (hid, what))) in got.iter().zip(&want).enumerate() {
        assert_eq!(row["row"], k as u64 + 1, "{row}");
        match hid {
            Some(h) => {
                assert_eq!(row["health_id"], h.as_str(), "{row}");
                assert_eq!(row["lane"], *what, "{row}");
                assert_eq!(row["eligible"], true, "{row}");
            }
            None => assert_eq!(row["error"], *what, "{row}"),
        }
    }
}

/// The members' and spans' constraints and indexes, as the store describes them.
fn member_schema(sb: &Sandbox) -> Vec<Vec<Option<String>>> {
    let mut rows = match backend() {
        Backend::Sqlite => sb.rows(
            "SELECT name, sql FROM sqlite_master
             WHERE tbl_name IN ('members', 'coverage_spans') ORDER BY name",
        ),
        Backend::Postgres => {
            let mut r = sb.rows(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
                 WHERE conrelid IN (CAST('members' AS regclass), CAST('coverage_spans' AS regclass))
                 ORDER BY conname",
            );
            r.extend(sb.rows(
                "SELECT indexname, indexdef FROM pg_indexes
                 WHERE tablename IN ('members', 'coverage_spans') ORDER BY indexname",
            ));
            r
        }
    };
    assert!(rows.len() >= 4, "{rows:?}");
    rows.sort();
    rows
}

/// A fresh load of members out of Health ID order (on PostgreSQL its keys are dropped for
/// the load and built when the first member out of order is looked up), then rosters
/// answered both ways a PostgreSQL sweep has: a list long against the members table (one
/// pass) and, once the server has counted the table, a short one (index probes); each
/// with repeated IDs, unknown IDs and names, in any order.
#[test]
fn rosters_long_and_short_against_the_members_are_answered_alike() {
    let sb = Sandbox::new();
    sb.with_admin();
    let n = 400;
    let schema = member_schema(&sb);
    // A fresh load that fails on its last row leaves nothing, and the keys as they were.
    let bad = format!(
        "{}MB999999,Row,Bad,1980-01-01,Q,benefit,BMH,,2024-01-01,,\n",
        many_members(n)
    );
    import(&sb, "bad.csv", &bad).code(6).err_contains("sex");
    assert_eq!(sb.count("SELECT count(*) FROM members"), 0);
    assert_eq!(member_schema(&sb), schema);
    let v = import(&sb, "many.csv", &many_members(n)).ok().json();
    assert_eq!(
        (v["members"].clone(), v["spans"].clone()),
        (400.into(), 600.into())
    );
    assert_eq!(sb.count("SELECT count(*) FROM members"), 400);
    // The keys dropped for the load are back, as the migrations made them.
    assert_eq!(member_schema(&sb), schema);
    // Every member, backwards, each twice, some by name, and unknown IDs between.
    let mut long: Vec<(Option<usize>, bool)> = Vec::new();
    for i in (0..n).rev() {
        long.push((Some(i), i % 7 == 3));
        long.push((Some(i), false));
        if i % 50 == 0 {
            long.push((None, false));
        }
    }
    assert_batch(&sb, "long.csv", &long);
    sb.sql("ANALYZE members");
    let short = [
        (Some(17), false),
        (None, false),
        (Some(4), true),
        (Some(17), false),
        (Some(398), false),
    ];
    assert_batch(&sb, "short.csv", &short);
    // A second file into the store that now has members goes the other way (no dropped
    // keys), and its lookups see the first file's members.
    let v = import(&sb, "many2.csv", &many_members(n)).ok().json();
    assert_eq!(v["unchanged"], 400);
    assert_batch(&sb, "long2.csv", &long);
}

// ---------------------------------------------------------------- the store's values

/// A Health ID or a date of birth the store holds in a form mmis never writes was put
/// there outside mmis: the lookup reading it fails with exit 8 naming the column, rather
/// than answering with it.
#[test]
fn a_member_value_written_outside_mmis_is_exit_8_naming_its_column() {
    let sb = setup();
    sb.sql("UPDATE members SET health_id = 'oc100001' WHERE health_id = 'OC100001'");
    check(
        &sb,
        &[
            "--last",
            "Alvarez",
            "--first",
            "Maria",
            "--dob",
            "1987-02-14",
        ],
    )
    .code(8)
    .err_contains(
        "holds a value mmis does not write (column 1, health_id: not a Health ID: \"oc100001\")",
    )
    .err_contains("the store was changed outside mmis");
    sb.sql("UPDATE members SET dob = '19791103' WHERE health_id = 'OC100002'");
    check(&sb, &["--id", "OC100002"])
        .code(8)
        .err_contains("(column 4, dob: not a date (YYYY-MM-DD): \"19791103\")");
    // The other members read as ever.
    assert_eq!(check_ok(&sb, &["--id", "OC100003"])["lane"], "open-card");
}
