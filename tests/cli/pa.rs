//! Prior authorization and plan of care: submit, decide, inquire, list, and the units
//! claims take from them.

use crate::claims::{accepted, claim_form, ops, run_token, setup, submit, token, write_unique};
use crate::common::Sandbox;
use serde_json::Value;

fn pa_form(kind: &str, member: &str, codes: &str, from: &str, to: &str, units: i64) -> String {
    let codes: Vec<String> = codes.split(',').map(|c| format!("\"{c}\"")).collect();
    format!(
        "kind = \"{kind}\"\nmember_id = \"{member}\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [{}]\nfrom = \"{from}\"\nto = \"{to}\"\nunits = {units}\n",
        codes.join(", ")
    )
}

fn pa_submit(sb: &Sandbox, form: &str) -> crate::common::Run {
    let f = write_unique(sb, "toml", form);
    sb.run_as("admin", &["pa", "submit", "--form", &f, "--json"], None)
}

/// Submits a PA for H0004 (OC100001, March to August) and returns its number.
fn pending(sb: &Sandbox, units: i64) -> String {
    let v = pa_submit(
        sb,
        &pa_form(
            "prior-auth",
            "OC100001",
            "H0004",
            "2026-03-01",
            "2026-08-31",
            units,
        ),
    )
    .ok()
    .json();
    v["pa_number"].as_str().unwrap().to_string()
}

fn approved(sb: &Sandbox, units: i64) -> String {
    let pa = pending(sb, units);
    ops(sb, &["ops", "pa", "decide", &pa, "--approve"]);
    pa
}

fn inquire(sb: &Sandbox, pa: &str) -> Value {
    sb.json_as("admin", &["pa", "inquire", pa])
}

#[test]
fn pa_submit_returns_a_pending_ten_digit_number() {
    let sb = setup();
    let v = pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "OC100001",
            "H0004,h0032",
            "2026-03-01",
            "2026-08-31",
            24,
        ),
    )
    .ok()
    .json();
    let n = v["pa_number"].as_str().unwrap();
    assert_eq!(n.len(), 10);
    assert!(n.bytes().all(|b| b.is_ascii_digit()));
    assert_eq!(n, "2607500001");
    assert_eq!(v["status"], "pending");
    let i = inquire(&sb, n);
    assert_eq!(i["status"], "pending");
    assert_eq!(i["action_code"], "A4");
    assert_eq!(i["approved_units"], 0);
    assert_eq!(i["used_units"], 0);
    assert_eq!(i["from"], "2026-03-01");
    assert_eq!(i["to"], "2026-08-31");
    assert_eq!(i["procedure_codes"], serde_json::json!(["H0004", "H0032"]));
}

#[test]
fn pa_submit_lists_shape_problems() {
    let sb = setup();
    let form = "kind = \"referral\"\nmember_id = \"X\"\ndiagnosis_codes = [\"1\"]\nprocedure_codes = [\"ABC\"]\nfrom = \"2026-13-01\"\nto = \"2026-03-01\"\nunits = 0\n";
    pa_submit(&sb, form)
        .code(6)
        .err_contains("kind: \"referral\" is not a kind")
        .err_contains("Oregon Health ID")
        .err_contains("not an ICD-10-CM code")
        .err_contains("not a CPT or HCPCS code")
        .err_contains("from: not a date")
        .err_contains("units: a whole number");
    pa_submit(&sb, "kind = \"prior-auth\"\n")
        .code(6)
        .err_contains("missing required field(s): member_id");
}

#[test]
fn pa_submit_checks_the_date_range() {
    let sb = setup();
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "OC100001",
            "H0004",
            "2026-05-01",
            "2026-04-01",
            4,
        ),
    )
    .code(6)
    .err_contains("is before from");
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "OC100001",
            "H0004",
            "2025-03-15",
            "2025-06-01",
            4,
        ),
    )
    .code(6)
    .err_contains("the earliest a PA may start is 2025-03-16");
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "OC100001",
            "H0004",
            "2026-03-16",
            "2027-03-16",
            4,
        ),
    )
    .code(6)
    .err_contains("at most 12 months");
}

#[test]
fn pa_range_may_run_into_the_future_on_open_ended_coverage() {
    let sb = setup();
    let v = pa_submit(
        &sb,
        &pa_form(
            "plan-of-care",
            "OC100001",
            "H0032",
            "2026-06-01",
            "2027-01-31",
            12,
        ),
    )
    .ok()
    .json();
    assert_eq!(v["status"], "pending");
}

#[test]
fn pa_submit_refuses_unknown_ineligible_and_cco_members() {
    let sb = setup();
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "ZZ999999",
            "H0004",
            "2026-03-01",
            "2026-04-30",
            4,
        ),
    )
    .code(6)
    .err_contains("member ZZ999999 is not known");
    // Coverage ended 2026-02-28.
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "EX100001",
            "H0004",
            "2026-02-01",
            "2026-04-30",
            4,
        ),
    )
    .code(6)
    .err_contains("not eligible for Oregon Medicaid from 2026-03-01");
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "HS100001",
            "H0004",
            "2026-03-01",
            "2026-04-30",
            4,
        ),
    )
    .code(6)
    .err_contains("Health Share of Oregon, plan partner CareOregon");
    // Open Card now, in a CCO from May: a range into May is refused.
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "FC100001",
            "H0004",
            "2026-03-01",
            "2026-06-30",
            4,
        ),
    )
    .code(6)
    .err_contains("enrolled in Trillium Community Health Plan from 2026-05-01");
    pa_submit(
        &sb,
        &pa_form(
            "prior-auth",
            "FC100001",
            "H0004",
            "2026-03-01",
            "2026-04-30",
            4,
        ),
    )
    .ok();
}

#[test]
fn pa_submit_needs_prior_auth_submit() {
    let sb = setup();
    let f = write_unique(
        &sb,
        "toml",
        &pa_form(
            "prior-auth",
            "OC100001",
            "H0004",
            "2026-03-01",
            "2026-04-30",
            4,
        ),
    );
    let t = token(&sb, "pa-read", "Prior Auth Inquiry");
    run_token(&sb, &t, &["pa", "submit", "--form", &f])
        .code(4)
        .err_contains("Prior Auth Submit");
}

#[test]
fn ops_decides_approve_all_partial_or_deny() {
    let sb = setup();
    let all = pending(&sb, 10);
    let v = ops(&sb, &["ops", "pa", "decide", &all, "--approve"]);
    assert_eq!(v["pa_number"], all.as_str());
    assert_eq!(v["status"], "approved");
    assert_eq!(v["action_code"], "A1");
    assert_eq!(inquire(&sb, &all)["approved_units"], 10);

    let part = pending(&sb, 10);
    let v = ops(
        &sb,
        &["ops", "pa", "decide", &part, "--approve", "--units", "6"],
    );
    assert_eq!(v["status"], "approved");
    assert_eq!(v["action_code"], "A2");
    let i = inquire(&sb, &part);
    assert_eq!(i["approved_units"], 6);
    assert_eq!(i["units_left"], 6);

    let no = pending(&sb, 10);
    let v = ops(
        &sb,
        &[
            "ops",
            "pa",
            "decide",
            &no,
            "--deny",
            "--reason",
            "not medically necessary",
        ],
    );
    assert_eq!(v["status"], "denied");
    assert_eq!(v["action_code"], "A3");
    let i = inquire(&sb, &no);
    assert_eq!(i["reason"], "not medically necessary");
    assert_eq!(i["approved_units"], 0);
}

#[test]
fn ops_decide_refuses_a_decided_pa_too_many_units_and_non_operators() {
    let sb = setup();
    let pa = pending(&sb, 10);
    sb.run_as(
        "ops",
        &["ops", "pa", "decide", &pa, "--approve", "--units", "11"],
        None,
    )
    .code(6)
    .err_contains("approve from 1 to the 10 unit(s) requested");
    sb.run_as("admin", &["ops", "pa", "decide", &pa, "--approve"], None)
        .code(4);
    ops(&sb, &["ops", "pa", "decide", &pa, "--approve"]);
    sb.run_as(
        "ops",
        &["ops", "pa", "decide", &pa, "--deny", "--reason", "x"],
        None,
    )
    .code(7)
    .err_contains("already decided");
    sb.run_as(
        "ops",
        &["ops", "pa", "decide", "2607599999", "--approve"],
        None,
    )
    .code(5);
    sb.run_as("ops", &["ops", "pa", "decide", &pa], None)
        .code(2);
}

#[test]
fn pa_inquire_needs_the_role_for_its_kind() {
    let sb = setup();
    let pa = pending(&sb, 4);
    let poc = pa_submit(
        &sb,
        &pa_form(
            "plan-of-care",
            "OC100001",
            "H0032",
            "2026-03-01",
            "2026-04-30",
            4,
        ),
    )
    .ok()
    .json()["pa_number"]
        .as_str()
        .unwrap()
        .to_string();
    let t = token(&sb, "pa-inq", "Prior Auth Inquiry");
    run_token(&sb, &t, &["pa", "inquire", &pa, "--json"]).ok();
    run_token(&sb, &t, &["pa", "inquire", &poc])
        .code(4)
        .err_contains("Plan of Care Inquiry");
    let list = run_token(&sb, &t, &["pa", "list", "--json"]).ok().json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    let t = token(&sb, "poc-inq", "Plan of Care Inquiry");
    let v = run_token(&sb, &t, &["pa", "inquire", &poc, "--json"])
        .ok()
        .json();
    assert_eq!(v["kind"], "plan-of-care");
    run_token(&sb, &t, &["pa", "inquire", &pa]).code(4);
    let t = token(&sb, "none", "Claim Inquiry");
    run_token(&sb, &t, &["pa", "list"]).code(4);
    sb.run_as("admin", &["pa", "inquire", "2607599999"], None)
        .code(5);
}

#[test]
fn pa_list_filters_by_member_and_status() {
    let sb = setup();
    let a = approved(&sb, 4);
    let _b = pending(&sb, 4);
    let all = sb.json_as("admin", &["pa", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 2);
    let ap = sb.json_as("admin", &["pa", "list", "--status", "approved"]);
    assert_eq!(ap.as_array().unwrap().len(), 1);
    assert_eq!(ap[0]["pa_number"], a.as_str());
    let none = sb.json_as("admin", &["pa", "list", "--member", "OC100002"]);
    assert_eq!(none.as_array().unwrap().len(), 0);
}

// ---- PA edits on claims ----

fn with_pa(pa: &str) -> String {
    format!("prior_auth_number = \"{pa}\"")
}

#[test]
fn a_code_that_needs_pa_is_refused_without_one() {
    let sb = setup();
    submit(
        &sb,
        &claim_form("OC100001", &[("H0004", "2026-03-10", 2, "60")], ""),
    )
    .code(6)
    .err_contains("procedure H0004 needs a prior authorization")
    .err_contains("pa submit");
}

#[test]
fn a_pending_or_denied_pa_does_not_cover_a_claim() {
    let sb = setup();
    let pa = pending(&sb, 8);
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H0004", "2026-03-10", 2, "60")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains(&format!(
        "prior authorization {pa} is pending, not approved"
    ));
    ops(
        &sb,
        &["ops", "pa", "decide", &pa, "--deny", "--reason", "no"],
    );
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H0004", "2026-03-10", 2, "60")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains("is denied, not approved");
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H0004", "2026-03-10", 2, "60")],
            &with_pa("2607599999"),
        ),
    )
    .code(6)
    .err_contains("prior authorization 2607599999 is not on file");
}

#[test]
fn a_pa_for_another_member_or_code_or_dates_does_not_cover_a_claim() {
    let sb = setup();
    let pa = approved(&sb, 8);
    submit(
        &sb,
        &claim_form(
            "OC100002",
            &[("H0004", "2026-03-10", 2, "60")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains("is for another member, not OC100002");
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H2014", "2026-03-10", 2, "40")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains("procedure H2014 is not covered by prior authorization")
    .err_contains("(it covers H0004)");
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H0004", "2026-02-27", 2, "60")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains("outside prior authorization")
    .err_contains("(2026-03-01 to 2026-08-31)");
}

#[test]
fn claims_use_pa_units_and_a_void_gives_them_back() {
    let sb = setup();
    let pa = pending(&sb, 10);
    ops(
        &sb,
        &["ops", "pa", "decide", &pa, "--approve", "--units", "5"],
    );
    let icn = accepted(
        &sb,
        "OC100001",
        ("H0004", "2026-03-10", 3, "90"),
        &with_pa(&pa),
    );
    let i = inquire(&sb, &pa);
    assert_eq!(i["approved_units"], 5);
    assert_eq!(i["used_units"], 3);
    assert_eq!(i["units_left"], 2);
    assert_eq!(i["claims"][0]["icn"], icn.as_str());
    assert_eq!(i["claims"][0]["units"], 3);
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H0004", "2026-03-11", 3, "90")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains("has 2 unit(s) left of 5 approved; this claim needs 3");
    let v = sb.json_as("admin", &["claim", "void", &icn]);
    assert_eq!(v["pa_units_returned"], 3);
    let i = inquire(&sb, &pa);
    assert_eq!(i["used_units"], 0);
    assert_eq!(i["units_left"], 5);
    assert_eq!(i["claims"].as_array().unwrap().len(), 0);
    accepted(
        &sb,
        "OC100001",
        ("H0004", "2026-03-11", 5, "150"),
        &with_pa(&pa),
    );
    assert_eq!(inquire(&sb, &pa)["units_left"], 0);
}

#[test]
fn a_paid_pa_claim_is_priced_and_a_voided_one_still_returns_units() {
    let sb = setup();
    let pa = approved(&sb, 8);
    let icn = accepted(
        &sb,
        "OC100001",
        ("H0004", "2026-03-10", 4, "120"),
        &with_pa(&pa),
    );
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    // H0004 max 24.00 × 4 = 96.00 < 120.00
    assert_eq!(c["paid_amount"], 96.0);
    assert_eq!(inquire(&sb, &pa)["used_units"], 4);
    sb.json_as("admin", &["claim", "void", &icn]);
    assert_eq!(inquire(&sb, &pa)["used_units"], 0);
}

#[test]
fn pa_actions_are_audited() {
    let sb = setup();
    let pa = approved(&sb, 4);
    inquire(&sb, &pa);
    sb.json_as("admin", &["pa", "list"]);
    let log = ops(&sb, &["audit", "log"]);
    let log = log.as_array().unwrap();
    for action in ["pa submit", "ops pa decide", "pa inquire", "pa list"] {
        assert!(
            log.iter()
                .any(|e| e["action"] == action && e["outcome"] == "ok"),
            "no audit entry for {action}"
        );
    }
}

#[test]
fn pa_cancel_ends_a_pa_for_new_claims() {
    let sb = setup();
    let pa = approved(&sb, 8);
    let icn = accepted(
        &sb,
        "OC100001",
        ("H0004", "2026-03-10", 2, "60"),
        &with_pa(&pa),
    );
    let t = token(&sb, "reader", "Prior Auth Inquiry");
    run_token(&sb, &t, &["pa", "cancel", &pa])
        .code(4)
        .err_contains("Prior Auth Submit");
    let v = sb.json_as("admin", &["pa", "cancel", &pa]);
    assert_eq!(v["status"], "cancelled");
    assert_eq!(v["action_code"], "C");
    let i = inquire(&sb, &pa);
    assert_eq!(i["status"], "cancelled");
    assert_eq!(i["claims"][0]["icn"], icn.as_str());
    submit(
        &sb,
        &claim_form(
            "OC100001",
            &[("H0004", "2026-03-11", 2, "60")],
            &with_pa(&pa),
        ),
    )
    .code(6)
    .err_contains("is cancelled, not approved");
    sb.run_as("admin", &["pa", "cancel", &pa], None)
        .code(7)
        .err_contains("only a pending or approved PA can be cancelled");
    let pending_one = pending(&sb, 4);
    assert_eq!(
        sb.json_as("admin", &["pa", "cancel", &pending_one])["status"],
        "cancelled"
    );
}

#[test]
fn a_pa_value_written_outside_mmis_is_exit_8_naming_its_column() {
    let sb = setup();
    let pa = pending(&sb, 4);
    sb.sql(&format!(
        "UPDATE prior_auths SET to_date = '2026-08-31T00:00:00Z' WHERE pa_number = '{pa}'"
    ));
    for args in [vec!["pa", "inquire", pa.as_str()], vec!["pa", "list"]] {
        sb.run_as("admin", &args, None)
            .code(8)
            .err_contains("holds a value mmis does not write")
            .err_contains("to_date: not a date (YYYY-MM-DD): \"2026-08-31T00:00:00Z\"")
            .err_contains("the store was changed outside mmis");
    }
    sb.sql(&format!(
        "UPDATE prior_auths SET to_date = '2026-08-31', member_id = ' OC100001' WHERE pa_number = '{pa}'"
    ));
    sb.run_as("admin", &["pa", "inquire", &pa], None)
        .code(8)
        .err_contains("member_id: not a Health ID: \" OC100001\"");
    sb.sql(&format!(
        "UPDATE prior_auths SET member_id = 'OC100001' WHERE pa_number = '{pa}'"
    ));
    assert_eq!(inquire(&sb, &pa)["to"], "2026-08-31");
}
