//! Claims: fee schedule, submission edits, 837P intake and export, adjudication, status,
//! list and void — each rule through the real binary.

use crate::common::{npi, sqlite_only, Run, Sandbox};
use serde_json::Value;
use std::sync::atomic::{AtomicUsize, Ordering};

pub const PROVIDER: &str = "506675928";
pub const FEES: &str = include_str!("../../fixtures/fees.csv");

/// Members in every lane (business date 2026-03-16).
pub const MEMBERS: &str = "\
health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner
OC100001,Rivera,Ana,1988-04-02,F,benefit,BMH,,2024-01-01,,
OC100002,Nguyen,Bao,1979-11-20,M,benefit,BMH,,2024-01-01,,
CC100001,Smith,Carl,1990-02-03,M,benefit,BMH,,2024-01-01,,
CC100001,Smith,Carl,1990-02-03,M,cco,Trillium Community Health Plan,CCOA,2025-06-01,,
HS100001,Lopez,Dana,1985-07-08,F,benefit,BMH,,2024-01-01,,
HS100001,Lopez,Dana,1985-07-08,F,cco,Health Share of Oregon,CCOB,2025-01-01,,CareOregon
CW100001,Garcia,Elena,1992-09-09,F,benefit,CWM,,2025-01-01,,
EX100001,Brown,Frank,1970-01-15,M,benefit,BMH,,2024-01-01,2026-02-28,
FC100001,Kim,Grace,2001-05-05,F,benefit,BMH,,2024-01-01,,
FC100001,Kim,Grace,2001-05-05,F,cco,Trillium Community Health Plan,CCOA,2026-05-01,,
";

static FILES: AtomicUsize = AtomicUsize::new(0);

pub fn admin_npi() -> String {
    npi(123456789)
}

/// Runs as the operator, asserting success, and returns the JSON.
pub fn ops(sb: &Sandbox, args: &[&str]) -> Value {
    sb.json_as("ops", args)
}

/// Loads `MEMBERS` with `ops member import`.
pub fn load_members(sb: &Sandbox) {
    let p = sb.write("members.csv", MEMBERS);
    ops(sb, &["ops", "member", "import", p.to_str().unwrap()]);
}

/// The sandbox with provider 506675928 (admin JAMJON), the fixture fee schedule and members.
pub fn setup() -> Sandbox {
    let sb = Sandbox::new();
    sb.with_admin();
    let fees = sb.write("fees.csv", FEES);
    ops(
        &sb,
        &["ops", "fee-schedule", "import", fees.to_str().unwrap()],
    );
    load_members(&sb);
    sb
}

/// One service line: (procedure code with optional ":MOD,MOD", date, units, charge).
pub type Line<'a> = (&'a str, &'a str, i64, &'a str);

/// A claim form for the admin's provider.
pub fn claim_form(member: &str, lines: &[Line<'_>], extra: &str) -> String {
    let mut s = format!(
        "member_id = \"{member}\"\nbilling_npi = \"{}\"\ndiagnosis_codes = [\"F41.1\"]\nplace_of_service = \"11\"\n{extra}\n",
        admin_npi()
    );
    for (code, dos, units, charge) in lines {
        let (code, mods) = code.split_once(':').unwrap_or((code, ""));
        let mods: Vec<String> = mods
            .split(',')
            .filter(|m| !m.is_empty())
            .map(|m| format!("\"{m}\""))
            .collect();
        s.push_str(&format!(
            "\n[[lines]]\nprocedure_code = \"{code}\"\nmodifiers = [{}]\ndate_of_service = \"{dos}\"\nunits = {units}\ncharge = \"{charge}\"\n",
            mods.join(", ")
        ));
    }
    s
}

pub fn write_unique(sb: &Sandbox, ext: &str, text: &str) -> String {
    let n = FILES.fetch_add(1, Ordering::SeqCst);
    sb.write(&format!("file-{n}.{ext}"), text)
        .to_str()
        .unwrap()
        .to_string()
}

/// `claim submit --form` as `actor` with `--json`.
pub fn submit_as(sb: &Sandbox, actor: &str, form: &str) -> Run {
    let f = write_unique(sb, "toml", form);
    sb.run_as(actor, &["claim", "submit", "--form", &f, "--json"], None)
}

pub fn submit(sb: &Sandbox, form: &str) -> Run {
    submit_as(sb, "admin", form)
}

/// Submits a one-line claim and returns its ICN.
pub fn accepted(sb: &Sandbox, member: &str, line: Line<'_>, extra: &str) -> String {
    let v = submit(sb, &claim_form(member, &[line], extra)).ok().json();
    assert_eq!(v["status"], "accepted");
    v["icn"].as_str().unwrap().to_string()
}

pub fn status(sb: &Sandbox, icn: &str) -> Value {
    sb.json_as("admin", &["claim", "status", icn])
}

/// An API token of the admin's limited to `roles`.
pub fn token(sb: &Sandbox, name: &str, roles: &str) -> String {
    let v = sb.json_as(
        "admin",
        &["token", "create", "--name", name, "--roles", roles],
    );
    v["token"].as_str().unwrap().to_string()
}

pub fn run_token(sb: &Sandbox, token: &str, args: &[&str]) -> Run {
    sb.run_env("script", args, None, &[("MMIS_TOKEN", token)])
}

fn audit_actions(sb: &Sandbox) -> Vec<Value> {
    let v = ops(sb, &["audit", "log"]);
    v.as_array().cloned().unwrap_or_default()
}

// ---- fee schedule ----

#[test]
fn fee_schedule_import_counts_rows_and_updates_in_place() {
    let sb = Sandbox::new();
    sb.init();
    let p = sb.write("fees.csv", FEES);
    let v = ops(&sb, &["ops", "fee-schedule", "import", p.to_str().unwrap()]);
    let n = FEES.lines().count() - 1;
    assert_eq!(v["rows"], n);
    assert_eq!(v["added"], n);
    let v = ops(&sb, &["ops", "fee-schedule", "import", p.to_str().unwrap()]);
    assert_eq!(v["rows"], n);
    assert_eq!(v["added"], 0);
    assert_eq!(v["updated"], n);
}

#[test]
fn fee_schedule_import_lists_every_bad_row_and_keeps_nothing() {
    let sb = Sandbox::new();
    sb.init();
    let bad = sb.write(
        "bad.csv",
        "procedure_code,modifier,description,max_allowable,pa_required\n\
         90837,,Psychotherapy 60,132.00,N\n\
         9083,,Too short,10.00,N\n\
         90834,G,Bad modifier,abc,maybe\n\
         90837,,Repeated,1.00,Y\n",
    );
    let r = sb
        .run_as(
            "ops",
            &["ops", "fee-schedule", "import", bad.to_str().unwrap()],
            None,
        )
        .code(6);
    let r = r
        .err_contains("row 2")
        .err_contains("row 3")
        .err_contains("modifier")
        .err_contains("max_allowable")
        .err_contains("pa_required")
        .err_contains("row 4: 90837 (any modifier) repeats row 1");
    assert!(!r.stderr.contains("row 1:"), "{}", r.stderr);
    // Nothing was kept: a good import adds every row.
    let good = sb.write("good.csv", FEES);
    let v = ops(
        &sb,
        &["ops", "fee-schedule", "import", good.to_str().unwrap()],
    );
    assert_eq!(v["added"], v["rows"]);
}

#[test]
fn fee_schedule_import_refuses_a_wrong_header_and_accepts_y_n_and_true_false() {
    let sb = Sandbox::new();
    sb.init();
    let p = sb.write("h.csv", "code,price\n90837,1\n");
    sb.run_as(
        "ops",
        &["ops", "fee-schedule", "import", p.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("lacks column(s) procedure_code");
    let p = sb.write(
        "f.csv",
        "procedure_code,modifier,description,max_allowable,pa_required\n90837,,A,1,true\n90834,,B,2,y\n90832,,C,3,FALSE\n",
    );
    assert_eq!(
        ops(&sb, &["ops", "fee-schedule", "import", p.to_str().unwrap()])["rows"],
        3
    );
}

#[test]
fn fee_schedule_import_is_for_the_operator_only() {
    let sb = Sandbox::new();
    sb.with_admin();
    let p = sb.write("fees.csv", FEES);
    sb.run_as(
        "admin",
        &["ops", "fee-schedule", "import", p.to_str().unwrap()],
        None,
    )
    .code(4);
}

// ---- submission ----

#[test]
fn submit_accepts_a_claim_with_an_icn_and_a2() {
    let sb = setup();
    let v = submit(
        &sb,
        &claim_form(
            "oc100001",
            &[
                ("90837", "2026-03-10", 1, "180.00"),
                ("90846", "2026-03-12", 1, "110"),
            ],
            "",
        ),
    )
    .ok()
    .json();
    let icn = v["icn"].as_str().unwrap();
    assert_eq!(icn.len(), 13);
    // claim type 20 (keyed on the portal), year 26, Julian day 075, sequence 000001
    assert_eq!(icn, "2026075000001");
    assert_eq!(v["status"], "accepted");
    assert_eq!(v["category_code"], "A2");
    assert_eq!(v["member_id"], "OC100001");
    assert_eq!(v["billed"], 290.0);
    let second = accepted(&sb, "OC100001", ("90834", "2026-03-11", 1, "100"), "");
    assert_eq!(second, "2026075000002");
}

#[test]
fn submit_lists_every_shape_problem() {
    let sb = setup();
    let form = "member_id = \"OC1\"\nbilling_npi = \"1234567890\"\nrendering_npi = \"12\"\n\
        diagnosis_codes = [\"41.1\"]\nplace_of_service = \"1\"\nprior_auth_number = \"123\"\n\
        [[lines]]\nprocedure_code = \"9083\"\nmodifiers = [\"GT\", \"HE\", \"HF\", \"HG\", \"HH\"]\n\
        date_of_service = \"2026-02-30\"\nunits = 0\ncharge = 0\n";
    submit(&sb, form)
        .code(6)
        .err_contains("member_id: an Oregon Health ID is 8 letters and digits")
        .err_contains("billing_npi: NPI 1234567890 fails its check digit")
        .err_contains("rendering_npi: an NPI is 10 digits")
        .err_contains("not an ICD-10-CM code")
        .err_contains("place of service is 2 digits")
        .err_contains("a PA number is 10 digits")
        .err_contains("not a CPT or HCPCS code")
        .err_contains("modifiers: at most 4")
        .err_contains("line 1 date_of_service: not a date")
        .err_contains("line 1 units")
        .err_contains("line 1 charge: must be more than 0");
}

#[test]
fn submit_names_missing_fields() {
    let sb = setup();
    submit(&sb, "member_id = \"OC100001\"\n")
        .code(6)
        .err_contains("billing_npi")
        .err_contains("diagnosis_codes")
        .err_contains("place_of_service")
        .err_contains("lines");
}

#[test]
fn submit_refuses_a_billing_npi_not_enrolled() {
    let sb = setup();
    let form = claim_form("OC100001", &[("90837", "2026-03-10", 1, "180")], "")
        .replace(&admin_npi(), &npi(555000111));
    submit(&sb, &form)
        .code(6)
        .err_contains(&format!("billing NPI {} is not enrolled", npi(555000111)));
}

#[test]
fn submit_refuses_another_providers_npi() {
    let sb = setup();
    sb.enroll("123456", &npi(987654321), "Other Clinic", "group");
    let form = claim_form("OC100001", &[("90837", "2026-03-10", 1, "180")], "")
        .replace(&admin_npi(), &npi(987654321));
    submit(&sb, &form)
        .code(6)
        .err_contains("belongs to provider 123456 (Other Clinic), not to provider 506675928");
}

#[test]
fn submit_refuses_an_unknown_member() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("ZZ999999", &[("90837", "2026-03-10", 1, "180")], ""),
    )
    .code(6)
    .err_contains("member ZZ999999 is not known");
}

#[test]
fn submit_refuses_a_member_not_eligible_on_the_date() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("EX100001", &[("90837", "2026-03-02", 1, "180")], ""),
    )
    .code(6)
    .err_contains("member EX100001 is not eligible for Oregon Medicaid on 2026-03-02");
    // Still eligible in February: accepted.
    accepted(&sb, "EX100001", ("90837", "2026-02-27", 1, "180"), "");
}

#[test]
fn submit_refuses_a_cco_member_and_names_the_cco() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("CC100001", &[("90837", "2026-03-10", 1, "180")], ""),
    )
    .code(6)
    .err_contains("enrolled in Trillium Community Health Plan on 2026-03-10")
    .err_contains("the claim belongs to Trillium Community Health Plan");
    // Before the CCO enrollment the member was Open Card.
    accepted(&sb, "CC100001", ("90837", "2025-05-30", 1, "180"), "");
}

#[test]
fn submit_refuses_a_health_share_member_naming_the_plan_partner() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("HS100001", &[("90837", "2026-03-10", 1, "180")], ""),
    )
    .code(6)
    .err_contains("Health Share of Oregon, plan partner CareOregon");
}

#[test]
fn cawem_covers_emergency_room_claims_only() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("CW100001", &[("99283", "2026-03-10", 1, "250")], ""),
    )
    .code(6)
    .err_contains("CAWEM (CWM), which covers emergency services only (place of service 23)");
    let er = claim_form("CW100001", &[("99283", "2026-03-10", 1, "250")], "")
        .replace("place_of_service = \"11\"", "place_of_service = \"23\"");
    assert_eq!(submit(&sb, &er).ok().json()["status"], "accepted");
}

#[test]
fn submit_refuses_a_future_date_of_service() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("OC100001", &[("90837", "2026-03-17", 1, "180")], ""),
    )
    .code(6)
    .err_contains("the date of service 2026-03-17 is in the future (today is 2026-03-16)");
}

#[test]
fn submit_refuses_a_claim_past_timely_filing() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("OC100001", &[("90837", "2025-03-15", 1, "180")], ""),
    )
    .code(6)
    .err_contains("past timely filing")
    .err_contains("nothing before 2025-03-16");
    // Exactly 12 months back is still on time.
    accepted(&sb, "OC100001", ("90837", "2025-03-16", 1, "180"), "");
}

#[test]
fn a_duplicate_is_a_conflict_naming_the_earlier_icn() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    submit(
        &sb,
        &claim_form("OC100001", &[("90837", "2026-03-10", 1, "150")], ""),
    )
    .code(7)
    .err_contains(&format!("duplicate of claim {icn}"));
    // Another date, another code: not duplicates.
    accepted(&sb, "OC100001", ("90837", "2026-03-11", 1, "180"), "");
    accepted(&sb, "OC100001", ("90834", "2026-03-10", 1, "120"), "");
    // Once voided, the service can be billed again.
    sb.json_as("admin", &["claim", "void", &icn]);
    accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
}

#[test]
fn a_refused_claim_stores_nothing_but_is_audited() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("CC100001", &[("90837", "2026-03-10", 1, "180")], ""),
    )
    .code(6);
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0);
    let log = audit_actions(&sb);
    let refused = log
        .iter()
        .find(|e| e["action"] == "claim submit" && e["outcome"] == "refused")
        .expect("a refused entry");
    assert!(refused["detail"]
        .as_str()
        .unwrap()
        .contains("Trillium Community Health Plan"));
    // The next accepted claim still gets sequence 1.
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    assert!(icn.ends_with("000001"), "{icn}");
}

#[test]
fn submit_needs_claim_submission() {
    let sb = setup();
    let t = token(&sb, "inquiry", "Claim Inquiry");
    let f = write_unique(
        &sb,
        "toml",
        &claim_form("OC100001", &[("90837", "2026-03-10", 1, "180")], ""),
    );
    run_token(&sb, &t, &["claim", "submit", "--form", &f])
        .code(4)
        .err_contains("needs the Claim Submission role");
    let t = token(&sb, "submitter", "Claim Submission");
    let v = run_token(&sb, &t, &["claim", "submit", "--form", &f, "--json"])
        .ok()
        .json();
    assert_eq!(v["status"], "accepted");
}

#[test]
fn the_operator_does_not_submit_claims() {
    let sb = setup();
    let f = write_unique(
        &sb,
        "toml",
        &claim_form("OC100001", &[("90837", "2026-03-10", 1, "180")], ""),
    );
    sb.run_as("ops", &["claim", "submit", "--form", &f], None)
        .code(4);
}

// ---- adjudication ----

#[test]
fn adjudication_prices_lines_at_the_lesser_of_charge_and_max_allowable() {
    let sb = setup();
    // 90837 max 132.00: charge 180 → 132.00; 90834 max 96.00: charge 50 → 50.00;
    // 90837 GT (telehealth row) max 125.00; 90853 max 30.00 × 3 units = 90.00 (charge 120).
    let a = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    let b = accepted(&sb, "OC100001", ("90834", "2026-03-03", 1, "50"), "");
    let c = accepted(&sb, "OC100001", ("90837:GT", "2026-03-04", 1, "180"), "");
    let d = accepted(&sb, "OC100001", ("90853", "2026-03-05", 3, "120"), "");
    // A modifier without its own row falls back to the any-modifier row.
    let e = accepted(&sb, "OC100001", ("90837:HE", "2026-03-06", 1, "180"), "");
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(v["paid"], 5);
    assert_eq!(v["denied"], 0);
    assert_eq!(v["cycle"], 1);
    assert_eq!(v["paid_amount"], 132.0 + 50.0 + 125.0 + 90.0 + 132.0);
    for (icn, amount) in [(a, 132.0), (b, 50.0), (c, 125.0), (d, 90.0), (e, 132.0)] {
        let s = status(&sb, &icn);
        assert_eq!(s["status"], "paid");
        assert_eq!(s["category_code"], "F1");
        assert_eq!(s["paid_amount"], amount, "{icn}");
        assert_eq!(s["lines"][0]["allowed"], amount);
        assert_eq!(s["payment_cycle"], 1);
    }
}

#[test]
fn adjudication_denies_codes_off_the_fee_schedule_with_carc_96() {
    let sb = setup();
    let denied = accepted(&sb, "OC100001", ("90838", "2026-03-02", 1, "180"), "");
    // One line on the schedule is enough for the claim to pay.
    let mixed = submit(
        &sb,
        &claim_form(
            "OC100001",
            &[
                ("90837", "2026-03-03", 1, "180"),
                ("90838", "2026-03-03", 1, "100"),
            ],
            "",
        ),
    )
    .ok()
    .json()["icn"]
        .as_str()
        .unwrap()
        .to_string();
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(
        (v["paid"].as_i64(), v["denied"].as_i64()),
        (Some(1), Some(1))
    );
    let s = status(&sb, &denied);
    assert_eq!(s["status"], "denied");
    assert_eq!(s["category_code"], "F2");
    assert_eq!(s["paid_amount"], 0.0);
    assert_eq!(s["lines"][0]["carc"], "96");
    let m = status(&sb, &mixed);
    assert_eq!(m["status"], "paid");
    assert_eq!(m["paid_amount"], 132.0);
    assert_eq!(m["lines"][1]["status"], "denied");
    assert_eq!(m["lines"][1]["carc"], "96");
    assert_eq!(m["lines"][1]["paid"], 0.0);
    // A second cycle finds nothing new.
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(
        (v["cycle"].as_i64(), v["paid"].as_i64()),
        (Some(2), Some(0))
    );
}

#[test]
fn adjudication_is_for_the_operator_only() {
    let sb = setup();
    sb.run_as("admin", &["ops", "claims", "adjudicate"], None)
        .code(4);
}

// ---- status and list ----

#[test]
fn status_shows_lines_amounts_and_history() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    let s = status(&sb, &icn);
    assert_eq!(s["icn"], icn.as_str());
    assert_eq!(s["status"], "accepted");
    assert_eq!(s["category_code"], "A2");
    assert_eq!(s["status_code"], "20");
    assert_eq!(s["paid_amount"], 0.0);
    assert_eq!(s["billed"], 180.0);
    assert_eq!(s["diagnosis_codes"][0], "F41.1");
    assert_eq!(s["lines"][0]["procedure_code"], "90837");
    assert_eq!(s["lines"][0]["billed"], 180.0);
    assert!(s["lines"][0]["allowed"].is_null());
    assert_eq!(s["history"].as_array().unwrap().len(), 1);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let s = status(&sb, &icn);
    let h = s["history"].as_array().unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0]["category_code"], "A2");
    assert_eq!(h[1]["status"], "paid");
    assert_eq!(h[1]["category_code"], "F1");
    assert_eq!(h[1]["by"], "ops");
}

#[test]
fn status_of_an_unknown_or_foreign_icn_is_not_found() {
    let sb = setup();
    sb.run_as("admin", &["claim", "status", "2026075999999"], None)
        .code(5);
    sb.run_as("admin", &["claim", "status", "12345"], None)
        .code(6)
        .err_contains("an ICN is 13 digits");
    sb.run_as("admin", &["claim", "status"], None).code(2);
}

#[test]
fn status_search_and_list_filter_by_member_status_and_dates() {
    let sb = setup();
    let a = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    let b = accepted(&sb, "OC100002", ("90838", "2026-03-09", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let c = accepted(&sb, "OC100001", ("90834", "2026-03-12", 1, "90"), "");
    let list = sb.json_as("admin", &["claim", "list"]);
    let icns: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["icn"].as_str().unwrap())
        .collect();
    assert_eq!(icns, vec![a.as_str(), b.as_str(), c.as_str()]);
    let row = &list[0];
    for k in [
        "icn",
        "member_id",
        "status",
        "date_of_service",
        "billed",
        "paid_amount",
    ] {
        assert!(row.get(k).is_some(), "{k}");
    }
    assert_eq!(row["paid_amount"], 132.0);
    let m = sb.json_as("admin", &["claim", "list", "--member", "oc100001"]);
    assert_eq!(m.as_array().unwrap().len(), 2);
    let d = sb.json_as("admin", &["claim", "list", "--status", "denied"]);
    assert_eq!(d[0]["icn"], b.as_str());
    let s = sb.json_as(
        "admin",
        &[
            "claim",
            "status",
            "--from",
            "2026-03-05",
            "--to",
            "2026-03-10",
        ],
    );
    assert_eq!(s.as_array().unwrap().len(), 1);
    assert_eq!(s[0]["icn"], b.as_str());
    assert_eq!(s[0]["category_code"], "F2");
    let s = sb.json_as("admin", &["claim", "status", "--status", "accepted"]);
    assert_eq!(s[0]["icn"], c.as_str());
    sb.run_as("admin", &["claim", "list", "--status", "lost"], None)
        .code(6);
}

#[test]
fn status_and_list_need_claim_inquiry() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    let t = token(&sb, "submit-only", "Claim Submission");
    run_token(&sb, &t, &["claim", "status", &icn])
        .code(4)
        .err_contains("Claim Inquiry");
    run_token(&sb, &t, &["claim", "list"]).code(4);
    let t = token(&sb, "inquiry", "Claim Inquiry");
    let v = run_token(&sb, &t, &["claim", "status", &icn, "--json"])
        .ok()
        .json();
    assert_eq!(v["status"], "accepted");
}

// ---- void ----

#[test]
fn voiding_a_paid_claim_recoups_it_in_the_next_cycle() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let v = sb.json_as("admin", &["claim", "void", &icn]);
    assert_eq!(v["status"], "voided");
    assert_eq!(v["category_code"], "F4");
    assert_eq!(v["previous_status"], "paid");
    assert_eq!(v["to_recoup"], 132.0);
    let s = status(&sb, &icn);
    assert_eq!(s["status"], "voided");
    assert_eq!(s["recoupment_pending"], true);
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(c["recouped"], 132.0);
    assert_eq!(c["recouped_claims"], 1);
    assert_eq!(c["net"], -132.0);
    let s = status(&sb, &icn);
    assert_eq!(s["recoupment_pending"], false);
    assert_eq!(s["recouped_in_cycle"], 2);
    // Only once.
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(c["recouped"], 0.0);
}

#[test]
fn voiding_an_accepted_claim_withdraws_it_unpaid() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    let v = sb.json_as("admin", &["claim", "void", &icn]);
    assert_eq!(v["previous_status"], "accepted");
    assert_eq!(v["to_recoup"], 0.0);
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(
        (c["paid"].as_i64(), c["recouped_claims"].as_i64()),
        (Some(0), Some(0))
    );
    let s = status(&sb, &icn);
    assert_eq!(s["status"], "voided");
    assert_eq!(s["paid_amount"], 0.0);
    assert!(s["history"][1]["note"]
        .as_str()
        .unwrap()
        .contains("withdrawn"));
}

#[test]
fn a_denied_or_voided_claim_cannot_be_voided() {
    let sb = setup();
    let denied = accepted(&sb, "OC100001", ("90838", "2026-03-10", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.run_as("admin", &["claim", "void", &denied], None)
        .code(7)
        .err_contains("a denied claim cannot be voided")
        .err_contains("submit a new claim");
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-11", 1, "180"), "");
    sb.json_as("admin", &["claim", "void", &icn]);
    sb.run_as("admin", &["claim", "void", &icn], None)
        .code(7)
        .err_contains("already voided");
}

#[test]
fn a_claim_over_a_year_old_cannot_be_voided_here() {
    let mut sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2025-03-20", 1, "180"), "");
    sb.today = "2026-04-01".into();
    sb.run_as("admin", &["claim", "void", &icn], None)
        .code(7)
        .err_contains("more than 12 months before today")
        .err_contains("paper Individual Adjustment Request");
    let log = audit_actions(&sb);
    assert!(log
        .iter()
        .any(|e| e["action"] == "claim void" && e["outcome"] == "refused"));
}

#[test]
fn void_needs_the_claim_void_role() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    let t = token(&sb, "no-void", "Claim Submission,Claim Inquiry");
    run_token(&sb, &t, &["claim", "void", &icn])
        .code(4)
        .err_contains("Claim Void");
    let t = token(&sb, "void", "Claim Void");
    run_token(&sb, &t, &["claim", "void", &icn]).ok();
}

#[test]
fn claim_actions_are_audited() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    status(&sb, &icn);
    sb.json_as("admin", &["claim", "list"]);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.json_as("admin", &["claim", "void", &icn]);
    let log = audit_actions(&sb);
    for action in [
        "ops fee-schedule import",
        "claim submit",
        "claim status",
        "claim list",
        "ops claims adjudicate",
        "claim void",
    ] {
        assert!(
            log.iter()
                .any(|e| e["action"] == action && e["outcome"] == "ok"),
            "no audit entry for {action}"
        );
    }
    assert!(log
        .iter()
        .any(|e| e["action"] == "claim submit" && e["target"] == icn.as_str()));
    sb.json_as("ops", &["audit", "verify"]);
}

// ---- X12 ----

/// Where the shared X12 material is, or `None` (with a notice) when it is missing
/// outside CI.
pub fn shared_dir() -> Option<std::path::PathBuf> {
    let base = std::env::var("MMIS_SHARED_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| {
            std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared"))
        });
    if base.join("x12").is_dir() {
        return Some(base);
    }
    assert!(
        std::env::var("CI").map_or(true, |v| v != "true"),
        "the shared folder {} is missing (CI=true)",
        base.display()
    );
    eprintln!("notice: {} not found; skipping", base.display());
    None
}

const PYX12_CHECK: &str = r#"
import sys, logging, tempfile
import pyx12.params, pyx12.x12n_document
logging.basicConfig(level=logging.ERROR, format='%(levelname)s %(message)s')
param = pyx12.params.params()
rc = 0
for fn in sys.argv[1:]:
    with tempfile.TemporaryFile(mode='w+', encoding='ascii') as fd:
        ok = pyx12.x12n_document.x12n_document(param=param, src_file=fn, fd_997=fd, fd_html=None, fd_xmldoc=None)
    print(f'{fn}: {"OK" if ok else "FAIL"}')
    if not ok: rc = 1
sys.exit(rc)
"#;

/// Validates files with pyx12's stock maps; prints a notice and returns false when the
/// validator is not installed (outside CI).
pub fn pyx12_valid(files: &[&str]) -> bool {
    let venv = std::env::var("MMIS_X12_VENV")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/.venv").to_string());
    let py = std::path::Path::new(&venv).join("bin/python");
    let have = std::process::Command::new(&py)
        .args(["-c", "import pyx12"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "pyx12 is missing from {venv} (CI=true)"
        );
        eprintln!("notice: pyx12 not installed in {venv}; skipping validation");
        return false;
    }
    let out = std::process::Command::new(&py)
        .arg("-c")
        .arg(PYX12_CHECK)
        .args(files)
        .output()
        .expect("run pyx12");
    assert!(
        out.status.success(),
        "pyx12 rejects {files:?}:\n{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    true
}

#[test]
fn exported_837p_passes_pyx12_and_reads_back_as_a_batch() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837:GT", "2026-03-10", 2, "300"), "");
    let out = sb.path("claim.837");
    let v = sb.json_as(
        "admin",
        &[
            "claim",
            "export",
            &icn,
            "--x12",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(v["icn"], icn.as_str());
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.starts_with("ISA*"));
    assert!(text.contains("SV1*HC:90837:GT*300*UN*2"), "{text}");
    assert!(
        text.contains("NM1*IL*1*Rivera*Ana****MI*OC100001"),
        "{text}"
    );
    // Without --out the 837P goes to stdout.
    let raw = sb
        .run_as("admin", &["claim", "export", &icn, "--x12"], None)
        .ok();
    assert!(raw.stdout.starts_with("ISA*"));
    // Voided, the same claim can come back through an 837P batch.
    sb.json_as("admin", &["claim", "void", &icn]);
    let ack = sb.path("claim.999");
    let r = sb.json_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            out.to_str().unwrap(),
            "--ack",
            ack.to_str().unwrap(),
        ],
    );
    assert_eq!(r["accepted"], 1);
    assert_eq!(r["refused"], 0);
    let new_icn = r["claims"][0]["icn"].as_str().unwrap();
    assert!(
        new_icn.starts_with("22"),
        "an EDI claim's type is 22: {new_icn}"
    );
    assert_eq!(r["claims"][0]["status"], "accepted");
    let ack_text = std::fs::read_to_string(&ack).unwrap();
    assert!(ack_text.contains("IK5*A"), "{ack_text}");
    assert!(ack_text.contains("AK9*A*1*1*1"), "{ack_text}");
    let s = status(&sb, new_icn);
    assert_eq!(s["lines"][0]["modifiers"][0], "GT");
    assert_eq!(s["source"], "x12");
    pyx12_valid(&[out.to_str().unwrap(), ack.to_str().unwrap()]);
}

/// An 837P batch of several claims for the admin's provider.
pub fn batch_837(sb: &Sandbox, claims: &[(&str, &str, &str, &str)]) -> String {
    let claims: Vec<Claim837<'_>> = claims
        .iter()
        .map(|&(pcn, member, code, dos)| (pcn, member, code, dos, "1", None))
        .collect();
    batch_837_of(sb, &claims, 18000)
}

/// One claim of [`batch_837_of`]: (PCN, member, code, date of service, frequency code,
/// REF*F8 original ICN).
pub type Claim837<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, Option<&'a str>);

/// An 837P of one-line claims for the admin's provider, each line charging `charge_cents`.
pub fn batch_837_of(sb: &Sandbox, claims: &[Claim837<'_>], charge_cents: i64) -> String {
    let claims = claims
        .iter()
        .map(|(pcn, member, code, dos, freq, f8)| {
            let mut c = one_line_claim(pcn, member, code, dos);
            c.frequency_code = freq.to_string();
            c.original_icn = f8.map(str::to_string);
            c.lines[0].charge_cents = charge_cents;
            c
        })
        .collect();
    write_837_claims(sb, claims)
}

/// A one-line claim of the admin's provider (place of service 11, F41.1, one unit,
/// 180.00), for a test to adjust before [`write_837_claims`].
pub fn one_line_claim(
    pcn: &str,
    member: &str,
    code: &str,
    dos: &str,
) -> mmis::x12::claims::ClaimToWrite {
    use mmis::x12::claims::*;
    let d = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    ClaimToWrite {
        patient_control_number: pcn.to_string(),
        place_of_service: "11".into(),
        frequency_code: "1".into(),
        billing_provider: BillingProvider {
            entity_type: "2".into(),
            name: "Jones Family Therapy".into(),
            first_name: None,
            npi: admin_npi(),
            tax_id: "931234567".into(),
            address: "1 Main St".into(),
            city: "Salem".into(),
            state: "OR".into(),
            zip: "97301".into(),
        },
        rendering_provider: None,
        subscriber: SubscriberInfo {
            member_id: member.to_string(),
            last_name: "Doe".into(),
            first_name: "Pat".into(),
            birth_date: d("1980-01-02"),
            sex: "F".into(),
        },
        diagnosis_codes: vec!["F41.1".into()],
        prior_authorization: None,
        original_icn: None,
        lines: vec![ClaimLine {
            procedure_code: code.to_string(),
            modifiers: vec![],
            charge_cents: 18000,
            units: "1".into(),
            from: d(dos),
            to: d(dos),
            place_of_service: None,
            diagnosis_pointers: vec![1],
            prior_authorization: None,
        }],
    }
}

/// `claims` as one 837P set (BHT03 BATCH1) from the admin's provider, written to a new file.
pub fn write_837_claims(sb: &Sandbox, claims: Vec<mmis::x12::claims::ClaimToWrite>) -> String {
    use chrono::{NaiveDate, NaiveTime};
    use mmis::x12::claims::*;
    let batch = Batch837 {
        submitter: Submitter {
            name: "Jones Family Therapy".into(),
            id: PROVIDER.into(),
            contact_name: "James Jones".into(),
            phone: "5035551212".into(),
        },
        receiver_name: "OREGON HEALTH AUTHORITY".into(),
        receiver_id: "ORMMIS".into(),
        payer_name: "OREGON HEALTH AUTHORITY".into(),
        payer_id: "ORMMIS".into(),
        reference: "BATCH1".into(),
        claims,
    };
    let env = mmis::x12::Envelope::new(
        PROVIDER,
        "ORMMIS",
        NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        7,
    );
    write_unique(sb, "837", &write_837p(&batch, &env).unwrap())
}

#[test]
fn an_837p_batch_gets_per_claim_results_and_a_999() {
    let sb = setup();
    let file = batch_837(
        &sb,
        &[
            ("PCN-1", "OC100001", "90837", "2026-03-10"),
            ("PCN-2", "CC100001", "90837", "2026-03-10"),
            ("PCN-3", "OC100002", "90834", "2026-03-11"),
            ("PCN-4", "OC100001", "90837", "2026-03-10"),
            ("PCN-5", "ZZ999999", "90837", "2026-03-10"),
        ],
    );
    let ack = sb.path("batch.999");
    let r = sb.json_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            &file,
            "--ack",
            ack.to_str().unwrap(),
        ],
    );
    assert_eq!(r["accepted"], 2);
    assert_eq!(r["refused"], 3);
    let c = r["claims"].as_array().unwrap();
    assert_eq!(c.len(), 5);
    for k in ["patient_control_number", "icn", "status", "reason"] {
        assert!(c[0].get(k).is_some(), "{k}");
    }
    assert_eq!(c[0]["patient_control_number"], "PCN-1");
    assert_eq!(c[0]["status"], "accepted");
    assert!(c[0]["reason"].is_null());
    assert_eq!(c[1]["status"], "refused");
    assert!(c[1]["icn"].is_null());
    assert!(c[1]["reason"]
        .as_str()
        .unwrap()
        .contains("Trillium Community Health Plan"));
    assert_eq!(c[2]["status"], "accepted");
    // PCN-4 repeats PCN-1 within the same batch.
    let icn1 = c[0]["icn"].as_str().unwrap();
    assert!(c[3]["reason"]
        .as_str()
        .unwrap()
        .contains(&format!("duplicate of claim {icn1}")));
    assert!(c[4]["reason"].as_str().unwrap().contains("not known"));
    let ack_text = std::fs::read_to_string(&ack).unwrap();
    assert!(ack_text.contains("AK9*A*1*1*1"), "{ack_text}");
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    pyx12_valid(&[&file, ack.to_str().unwrap()]);
}

#[test]
fn an_837p_with_320000_diagnosis_codes_is_read_in_linear_time() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    // One HI segment with 320,000 principal codes (the segment count is unchanged).
    let hi = text
        .split('~')
        .find(|s| s.starts_with("HI*"))
        .expect("an HI segment")
        .to_string();
    let many = format!("HI{}", "*ABK:F411".repeat(320_000));
    let big = write_unique(&sb, "837", &text.replace(&hi, &many));
    let t = std::time::Instant::now();
    let v = sb.json_as("admin", &["claim", "submit", "--x12", &big]);
    assert_eq!(
        (v["accepted"].clone(), v["refused"].clone()),
        (0.into(), 1.into())
    );
    let reason = v["claims"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("at most 12 codes, got 320000"), "{reason}");
    // A guard against a quadratic reader, not a benchmark.
    assert!(t.elapsed() < std::time::Duration::from_secs(60));
}

#[test]
fn an_837p_with_a_broken_envelope_is_exit_6_and_stores_nothing() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    let bad = write_unique(&sb, "837", &text.replace("SE*", "SE*9"));
    let ack = sb.path("bad.999");
    sb.run_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            &bad,
            "--ack",
            ack.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("is not a readable 837P");
    // The 999 says the set was rejected for its count (IK502 4).
    let ack_text = std::fs::read_to_string(&ack).unwrap();
    assert!(ack_text.contains("IK5*R*4"), "{ack_text}");
    let junk = write_unique(&sb, "837", "hello");
    sb.run_as("admin", &["claim", "submit", "--x12", &junk], None)
        .code(6);
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0);
}

#[test]
fn an_837p_batch_needs_trade_files_too() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let t = token(&sb, "keyer", "Claim Submission");
    run_token(&sb, &t, &["claim", "submit", "--x12", &file])
        .code(4)
        .err_contains("needs the Trade Files role");
    let t = token(&sb, "edi", "Claim Submission,Trade Files");
    let v = run_token(&sb, &t, &["claim", "submit", "--x12", &file, "--json"])
        .ok()
        .json();
    assert_eq!(v["accepted"], 1);
}

#[test]
fn every_conformance_837p_reads_and_each_claim_is_refused_with_a_reason() {
    let Some(shared) = shared_dir() else {
        return;
    };
    let sb = setup();
    let dir = shared.join("x12/conformance/837p");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "edi"))
        .collect();
    files.sort();
    assert!(!files.is_empty());
    for f in files {
        let name = f.display().to_string();
        let ack = sb.path("conf.999");
        let r = sb.run_as(
            "admin",
            &[
                "claim",
                "submit",
                "--x12",
                &name,
                "--ack",
                ack.to_str().unwrap(),
                "--json",
            ],
            None,
        );
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let v = r.json();
        assert_eq!(v["accepted"], 0, "{name}");
        let claims = v["claims"].as_array().unwrap();
        assert!(!claims.is_empty(), "{name}");
        for c in claims {
            assert_eq!(c["status"], "refused", "{name}");
            let reason = c["reason"].as_str().unwrap();
            assert!(
                reason.contains("not enrolled")
                    || reason.contains("not known")
                    || reason.contains("NPI")
                    || reason.contains("Oregon Health ID")
                    || reason.contains("date of service"),
                "{name}: {reason}"
            );
        }
        assert_eq!(v["rejected_sets"].as_array().unwrap().len(), 0, "{name}");
    }
}

/// Two interchanges in one file. The first's middle claim is refused by an edit and the
/// others are taken; the second's middle claim cannot be read (a date that is not a date),
/// so its whole set is rejected and none of its claims is stored — not even those before
/// the bad one, although a set's claims are taken one at a time as they are read.
#[test]
fn an_837p_with_a_bad_claim_in_the_middle_keeps_its_results_and_its_999() {
    let sb = setup();
    let first = batch_837(
        &sb,
        &[
            ("A-1", "OC100001", "90837", "2026-03-02"),
            ("A-2", "ZZ999999", "90837", "2026-03-02"),
            ("A-3", "OC100002", "90834", "2026-03-03"),
        ],
    );
    let second = batch_837(
        &sb,
        &[
            ("B-1", "OC100001", "90834", "2026-03-04"),
            ("B-2", "OC100002", "90837", "2026-03-05"),
            ("B-3", "OC100001", "90837", "2026-03-06"),
            ("B-4", "OC100002", "90834", "2026-03-09"),
        ],
    );
    let second = std::fs::read_to_string(second).unwrap();
    assert_eq!(second.matches("DTP*472*D8*20260306").count(), 1);
    let text = format!(
        "{}{}",
        std::fs::read_to_string(first).unwrap(),
        second.replace("DTP*472*D8*20260306", "DTP*472*D8*20260231")
    );
    let file = write_unique(&sb, "837", &text);
    let ack = sb.path("middle.999");
    let args = [
        "claim",
        "submit",
        "--x12",
        &file,
        "--ack",
        ack.to_str().unwrap(),
    ];
    let r = sb.json_as("admin", &args);
    assert_eq!(
        (r["accepted"].as_u64(), r["refused"].as_u64()),
        (Some(2), Some(1))
    );
    let c = r["claims"].as_array().unwrap();
    let pcns: Vec<&str> = c
        .iter()
        .map(|c| c["patient_control_number"].as_str().unwrap())
        .collect();
    assert_eq!(pcns, ["A-1", "A-2", "A-3"]);
    let statuses: Vec<&str> = c.iter().map(|c| c["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["accepted", "refused", "accepted"]);
    assert!(c[1]["reason"].as_str().unwrap().contains("not known"));
    assert_eq!(
        (
            c[1]["category_code"].as_str(),
            c[2]["category_code"].as_str()
        ),
        (Some("A3"), Some("A2"))
    );
    let sets = r["rejected_sets"].as_array().unwrap();
    assert_eq!(sets.len(), 1, "{r}");
    let err = sets[0]["error"].as_str().unwrap();
    assert!(err.contains("DTP") && err.contains("20260231"), "{err}");
    // One 999 per interchange: the first accepts its set, the second rejects its set for
    // the segment in error.
    let ack_text = std::fs::read_to_string(&ack).unwrap();
    let answers: Vec<&str> = ack_text.split("IEA*").collect();
    assert_eq!(answers.len(), 3, "{ack_text}");
    assert!(answers[0].contains("IK5*A~AK9*A*1*1*1~"), "{ack_text}");
    assert!(answers[1].contains("IK3*DTP*"), "{ack_text}");
    assert!(answers[1].contains("IK5*R*5~AK9*R*1*1*0~"), "{ack_text}");
    pyx12_valid(&[ack.to_str().unwrap()]);
    let list = sb.json_as("admin", &["claim", "list"]);
    let stored: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["patient_control_number"].as_str().unwrap_or(""))
        .collect();
    assert_eq!(stored.len(), 2, "{list}");
    assert!(!stored.iter().any(|p| p.starts_with("B-")), "{list}");
    // For a person: every claim in order, then the set that could not be read.
    let file = write_unique(&sb, "837", &text.replace("A-", "C-"));
    let out = sb
        .run_as("admin", &["claim", "submit", "--x12", &file], None)
        .ok()
        .stdout;
    assert!(out.contains(": 0 claim(s) accepted, 3 refused.\n"), "{out}");
    let c1 = out
        .find("C-1  refused   line 1: duplicate of claim ")
        .expect(&out);
    let c2 = out.find("C-2  refused   member ZZ999999").expect(&out);
    let c3 = out
        .find("C-3  refused   line 1: duplicate of claim ")
        .expect(&out);
    let set = out
        .find("transaction set 0001 could not be read")
        .expect(&out);
    assert!(c1 < c2 && c2 < c3 && c3 < set, "{out}");
}

/// The claims of a batch are taken one at a time, but as one change: a store that fills
/// up in the middle of a batch of 300 claims keeps none of them, and no 999 or result is
/// written.
#[test]
fn a_store_that_fills_up_in_the_middle_of_an_837p_keeps_none_of_it() {
    if sqlite_only("a full disk via MMIS_MAX_PAGE_COUNT (SQLite's max_page_count)") {
        return;
    }
    let sb = setup();
    let start = chrono::NaiveDate::from_ymd_opt(2025, 4, 1).unwrap();
    let claims: Vec<(String, &str, &str, String)> = (0..300)
        .map(|k| {
            (
                format!("F-{k}"),
                ["OC100001", "OC100002"][k % 2],
                ["90837", "90834"][k / 2 % 2],
                (start + chrono::Days::new(k as u64)).to_string(),
            )
        })
        .collect();
    let claims: Vec<(&str, &str, &str, &str)> = claims
        .iter()
        .map(|(p, m, c, d)| (p.as_str(), *m, *c, d.as_str()))
        .collect();
    let file = batch_837(&sb, &claims);
    // The store's free room taken first, then capped a few pages above its size.
    sb.sql("CREATE TABLE filler(b BLOB); INSERT INTO filler VALUES (zeroblob(200000));");
    let pages: i64 = {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap()
    };
    let cap = (pages + 4).to_string();
    let ack = sb.path("full.999");
    let args = [
        "claim",
        "submit",
        "--x12",
        &file,
        "--ack",
        ack.to_str().unwrap(),
        "--json",
    ];
    let r = sb.run_env("admin", &args, None, &[("MMIS_MAX_PAGE_COUNT", &cap)]);
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert_eq!(r.stdout, "");
    assert!(!ack.exists(), "a 999 for a batch that was not saved");
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
    // With room, the same file is taken whole.
    let v = sb.run_as("admin", &args, None).ok().json();
    assert_eq!(
        (v["accepted"].as_u64(), v["refused"].as_u64()),
        (Some(300), Some(0))
    );
    assert!(std::fs::read_to_string(&ack)
        .unwrap()
        .contains("AK9*A*1*1*1~"));
}

#[test]
fn a_claim_value_written_outside_mmis_is_exit_8_naming_its_column() {
    // Rows carry our types at the store seam: a Health ID, a date or a provider ID that mmis
    // would never have written is refused when read (exit 8), not passed on as text.
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    let refused = |args: &[&str], detail: &str| {
        sb.run_as("admin", args, None)
            .code(8)
            .err_contains("holds a value mmis does not write")
            .err_contains(detail)
            .err_contains("the store was changed outside mmis");
    };
    sb.sql(&format!(
        "UPDATE claims SET member_id = 'oc100001' WHERE icn = '{icn}'"
    ));
    refused(
        &["claim", "status", &icn],
        "member_id: not a Health ID: \"oc100001\"",
    );
    sb.sql(&format!(
        "UPDATE claims SET member_id = 'OC100001', first_dos = '20260310' WHERE icn = '{icn}'"
    ));
    refused(
        &["claim", "list"],
        "first_dos: not a date (YYYY-MM-DD): \"20260310\"",
    );
    sb.sql(&format!(
        "UPDATE claims SET first_dos = '2026-03-10' WHERE icn = '{icn}'"
    ));
    sb.sql("UPDATE claim_lines SET date_of_service = '2026-3-10'");
    refused(
        &["claim", "status", &icn],
        "date_of_service: not a date (YYYY-MM-DD): \"2026-3-10\"",
    );
    sb.sql("UPDATE claim_lines SET date_of_service = '2026-03-10'");
    assert_eq!(status(&sb, &icn)["member_id"], "OC100001");
}
