//! Correcting a claim: `claim replace` and 837P claims with CLM05-3 = 7 (replacement) or
//! 8 (void) naming the original by REF*F8 — each rule through the real binary.

use crate::claims::{
    accepted, admin_npi, claim_form, ops, pyx12_valid, setup, status, submit, write_unique, Line,
    PROVIDER,
};
use crate::common::{npi, Run, Sandbox};
use serde_json::Value;

/// `claim replace ICN --form F --json` as the admin.
fn replace(sb: &Sandbox, icn: &str, form: &str) -> Run {
    let f = write_unique(sb, "toml", form);
    sb.run_as(
        "admin",
        &["claim", "replace", icn, "--form", &f, "--json"],
        None,
    )
}

/// A one-line claim of OC100001 for 90837 on 2026-03-10, adjudicated: paid 132.00.
fn paid(sb: &Sandbox) -> String {
    let icn = accepted(sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    ops(sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(status(sb, &icn)["status"], "paid");
    icn
}

fn form(line: Line<'_>) -> String {
    claim_form("OC100001", &[line], "")
}

fn claims(sb: &Sandbox) -> i64 {
    sb.count("SELECT count(*) FROM claims")
}

#[test]
fn replacing_a_paid_claim_voids_it_and_the_next_cycle_recoups_it_and_pays_the_replacement() {
    let sb = setup();
    let orig = paid(&sb);
    let v = replace(&sb, &orig, &form(("90834", "2026-03-10", 1, "120")))
        .ok()
        .json();
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["icn", "replaces", "status"]);
    let new = v["icn"].as_str().unwrap().to_string();
    assert_ne!(new, orig);
    assert_eq!(v["replaces"], orig.as_str());
    assert_eq!(v["status"], "accepted");
    let o = status(&sb, &orig);
    assert_eq!(o["status"], "voided");
    assert_eq!(o["recoupment_pending"], true);
    assert_eq!(o["replaced_by"], new.as_str());
    assert!(o["replaces"].is_null());
    let note = o["history"].as_array().unwrap().last().unwrap()["note"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        note.starts_with(&format!(
            "replaced by ICN {new}; voided; 132.00 to be recouped"
        )),
        "{note}"
    );
    let n = status(&sb, &new);
    assert_eq!(n["status"], "accepted");
    assert_eq!(n["replaces"], orig.as_str());
    assert!(n["replaced_by"].is_null());
    assert!(n["history"][0]["note"]
        .as_str()
        .unwrap()
        .contains(&format!("as the replacement of claim {orig}")));
    // The next cycle takes the original's payment back and pays the replacement.
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(c["paid"], 1);
    assert_eq!(c["paid_amount"], 96.0);
    assert_eq!(c["recouped_claims"], 1);
    assert_eq!(c["recouped"], 132.0);
    assert_eq!(c["net"], -36.0);
    let n = status(&sb, &new);
    assert_eq!(n["status"], "paid");
    assert_eq!(n["paid_amount"], 96.0);
    let o = status(&sb, &orig);
    assert_eq!(o["recoupment_pending"], false);
    assert_eq!(o["recouped_in_cycle"], 2);
    // Audited under the original's ICN.
    let log = ops(&sb, &["audit", "log"]);
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "claim replace"
            && e["target"] == orig.as_str()
            && e["outcome"] == "ok"));
}

#[test]
fn a_replacement_that_copies_the_original_is_no_duplicate_of_it() {
    let sb = setup();
    let orig = paid(&sb);
    let same = form(("90837", "2026-03-10", 1, "180"));
    let new = replace(&sb, &orig, &same).ok().json()["icn"]
        .as_str()
        .unwrap()
        .to_string();
    // A new claim with the same lines is a duplicate of the replacement now.
    submit(&sb, &same)
        .code(7)
        .err_contains(&format!("duplicate of claim {new}"));
}

#[test]
fn a_replacement_goes_through_the_submission_edits() {
    let sb = setup();
    let orig = paid(&sb);
    let before = claims(&sb);
    replace(&sb, &orig, &form(("90837", "2026-03-20", 1, "180")))
        .code(6)
        .err_contains("line 1: the date of service 2026-03-20 is in the future");
    // A duplicate of another live claim (not the one replaced) is still one.
    let other = accepted(&sb, "OC100001", ("90834", "2026-03-11", 1, "100"), "");
    replace(&sb, &orig, &form(("90834", "2026-03-11", 1, "100")))
        .code(7)
        .err_contains(&format!("duplicate of claim {other}"));
    assert_eq!(claims(&sb), before + 1);
    assert_eq!(status(&sb, &orig)["status"], "paid");
}

#[test]
fn a_claim_not_yet_adjudicated_is_not_replaced() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    let before = claims(&sb);
    replace(&sb, &icn, &form(("90834", "2026-03-10", 1, "120")))
        .code(7)
        .err_contains(&format!("claim {icn} is not yet adjudicated"))
        .err_contains(&format!("mmis claim void {icn}"));
    assert_eq!(claims(&sb), before);
    assert_eq!(status(&sb, &icn)["status"], "accepted");
}

#[test]
fn a_denied_claim_is_resubmitted_not_replaced() {
    let sb = setup();
    // 90838 is not on the fee schedule: denied.
    let icn = accepted(&sb, "OC100001", ("90838", "2026-03-10", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(status(&sb, &icn)["status"], "denied");
    replace(&sb, &icn, &form(("90837", "2026-03-10", 1, "180")))
        .code(7)
        .err_contains(&format!(
            "claim {icn} was denied; a denied claim is not replaced"
        ))
        .err_contains("mmis claim submit");
}

#[test]
fn a_voided_or_replaced_claim_is_not_replaced_again() {
    let sb = setup();
    let orig = paid(&sb);
    let new = replace(&sb, &orig, &form(("90834", "2026-03-10", 1, "120")))
        .ok()
        .json()["icn"]
        .as_str()
        .unwrap()
        .to_string();
    replace(&sb, &orig, &form(("90832", "2026-03-10", 1, "80")))
        .code(7)
        .err_contains(&format!(
            "claim {orig} is already replaced (by claim {new})"
        ));
    let other = accepted(&sb, "OC100002", ("90837", "2026-03-10", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.json_as("admin", &["claim", "void", &other]);
    replace(
        &sb,
        &other,
        &claim_form("OC100002", &[("90834", "2026-03-10", 1, "120")], ""),
    )
    .code(7)
    .err_contains(&format!("claim {other} is already voided"));
}

#[test]
fn a_claim_past_timely_filing_is_not_replaced() {
    let mut sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2025-03-20", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.today = "2026-03-25".into();
    replace(&sb, &icn, &form(("90834", "2026-03-10", 1, "120")))
        .code(7)
        .err_contains(&format!(
            "claim {icn} has a date of service (2025-03-20) past timely filing"
        ))
        .err_contains("Individual Adjustment Request");
    assert_eq!(status(&sb, &icn)["status"], "paid");
}

#[test]
fn another_providers_claim_is_not_found() {
    let sb = setup();
    let icn = paid(&sb);
    replace(
        &sb,
        "2226075999999",
        &form(("90834", "2026-03-10", 1, "120")),
    )
    .code(5)
    .err_contains("no claim with ICN 2226075999999");
    sb.enroll("506675929", &npi(223456789), "Other Clinic", "group");
    sb.sql(&format!(
        "UPDATE claims SET provider_id = '506675929' WHERE icn = '{icn}'"
    ));
    replace(&sb, &icn, &form(("90834", "2026-03-10", 1, "120")))
        .code(5)
        .err_contains(&format!("no claim with ICN {icn} for provider {PROVIDER}"));
}

#[test]
fn a_replacement_keeps_the_member_and_the_billing_provider() {
    let sb = setup();
    let icn = paid(&sb);
    replace(
        &sb,
        &icn,
        &claim_form("OC100002", &[("90834", "2026-03-10", 1, "120")], ""),
    )
    .code(6)
    .err_contains(&format!(
        "the replacement is for member OC100002, but claim {icn} is for member OC100001"
    ));
    let other = npi(223456789);
    let f = form(("90834", "2026-03-10", 1, "120")).replace(&admin_npi(), &other);
    replace(&sb, &icn, &f).code(6).err_contains(&format!(
        "the replacement's billing NPI is {other}, but claim {icn} was billed by NPI {}",
        admin_npi()
    ));
    assert_eq!(status(&sb, &icn)["status"], "paid");
}

#[test]
fn replace_needs_the_claim_submission_role() {
    let sb = setup();
    let icn = paid(&sb);
    let t = crate::claims::token(&sb, "inq", "Claim Inquiry");
    let f = write_unique(&sb, "toml", &form(("90834", "2026-03-10", 1, "120")));
    crate::claims::run_token(&sb, &t, &["claim", "replace", &icn, "--form", &f])
        .code(4)
        .err_contains("Claim Submission");
}

// ---- PA units ----

fn approved_pa(sb: &Sandbox, units: i64) -> String {
    let f = write_unique(
        sb,
        "toml",
        &format!("kind = \"prior-auth\"\nmember_id = \"OC100001\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = {units}\n"),
    );
    let v = sb
        .run_as("admin", &["pa", "submit", "--form", &f, "--json"], None)
        .ok()
        .json();
    let pa = v["pa_number"].as_str().unwrap().to_string();
    ops(sb, &["ops", "pa", "decide", &pa, "--approve"]);
    pa
}

#[test]
fn pa_units_move_from_the_original_to_the_replacement() {
    let sb = setup();
    let pa = approved_pa(&sb, 8);
    let with_pa = format!("prior_auth_number = \"{pa}\"");
    let orig = accepted(&sb, "OC100001", ("H0004", "2026-03-10", 6, "60"), &with_pa);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let units = |sb: &Sandbox| -> Value { sb.json_as("admin", &["pa", "inquire", &pa]) };
    assert_eq!(units(&sb)["used_units"], 6);
    // 8 units: the 2 left and the original's 6, given back to the replacement.
    let f = claim_form("OC100001", &[("H0004", "2026-03-10", 9, "90")], &with_pa);
    replace(&sb, &orig, &f).code(6).err_contains(&format!(
        "prior authorization {pa} has 8 unit(s) left of 8 approved; this claim needs 9"
    ));
    let f = claim_form("OC100001", &[("H0004", "2026-03-10", 8, "80")], &with_pa);
    let new = replace(&sb, &orig, &f).ok().json()["icn"]
        .as_str()
        .unwrap()
        .to_string();
    let u = units(&sb);
    assert_eq!(u["used_units"], 8);
    assert_eq!(u["units_left"], 0);
    let held: Vec<(String, i64)> = u["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["icn"].as_str().unwrap().to_string(),
                c["units"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(held, [(new, 8)]);
}

// ---- 837P: CLM05-3 = 7 and 8 with REF*F8 ----

/// One claim of [`corrections_837`]: (PCN, member, code, date of service, frequency, REF*F8).
type Correction<'a> = crate::claims::Claim837<'a>;

/// An 837P of one-line claims for the admin's provider.
fn corrections_837(sb: &Sandbox, claims: &[Correction<'_>]) -> String {
    crate::claims::batch_837_of(sb, claims, 12000)
}

fn submit_837(sb: &Sandbox, file: &str) -> Value {
    sb.json_as("admin", &["claim", "submit", "--x12", file])
}

#[test]
fn an_837p_replacement_with_ref_f8_replaces_the_paid_claim() {
    let sb = setup();
    let orig = paid(&sb);
    let file = corrections_837(
        &sb,
        &[("PCN-R", "OC100001", "90834", "2026-03-10", "7", Some(&orig))],
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("CLM*PCN-R*120***11:B:7*"), "{text}");
    assert!(text.contains(&format!("REF*F8*{orig}~")), "{text}");
    pyx12_valid(&[&file]);
    let r = submit_837(&sb, &file);
    assert_eq!(
        (r["accepted"].as_i64(), r["refused"].as_i64()),
        (Some(1), Some(0))
    );
    let new = r["claims"][0]["icn"].as_str().unwrap().to_string();
    assert_ne!(new, orig);
    let n = status(&sb, &new);
    assert_eq!(n["replaces"], orig.as_str());
    assert_eq!(n["source"], "x12");
    let o = status(&sb, &orig);
    assert_eq!(o["status"], "voided");
    assert_eq!(o["recoupment_pending"], true);
    assert_eq!(o["replaced_by"], new.as_str());
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(
        (c["paid_amount"].as_f64(), c["recouped"].as_f64()),
        (Some(96.0), Some(132.0))
    );
}

#[test]
fn an_837p_void_with_ref_f8_voids_the_claim() {
    let sb = setup();
    let orig = paid(&sb);
    let pending = accepted(&sb, "OC100002", ("90834", "2026-03-11", 1, "100"), "");
    let file = corrections_837(
        &sb,
        &[
            (
                "PCN-V1",
                "OC100001",
                "90837",
                "2026-03-10",
                "8",
                Some(&orig),
            ),
            (
                "PCN-V2",
                "OC100002",
                "90834",
                "2026-03-11",
                "8",
                Some(&pending),
            ),
        ],
    );
    pyx12_valid(&[&file]);
    let r = submit_837(&sb, &file);
    assert_eq!(
        (r["accepted"].as_i64(), r["refused"].as_i64()),
        (Some(2), Some(0))
    );
    // A void answers with the ICN of the claim it voided.
    assert_eq!(r["claims"][0]["icn"], orig.as_str());
    assert_eq!(r["claims"][1]["icn"], pending.as_str());
    let o = status(&sb, &orig);
    assert_eq!(o["status"], "voided");
    assert_eq!(o["recoupment_pending"], true);
    assert!(o["replaced_by"].is_null());
    let p = status(&sb, &pending);
    assert_eq!(p["status"], "voided");
    assert_eq!(p["recoupment_pending"], false);
    assert_eq!(claims(&sb), 2);
    let c = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(
        (c["paid"].as_i64(), c["recouped"].as_f64()),
        (Some(0), Some(132.0))
    );
    let log = ops(&sb, &["audit", "log"]);
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["action"] == "claim void"
            && e["target"] == orig.as_str()
            && e["outcome"] == "ok"));
}

#[test]
fn an_837p_correction_without_a_known_ref_f8_is_refused() {
    let sb = setup();
    let orig = paid(&sb);
    let accepted_only = accepted(&sb, "OC100002", ("90834", "2026-03-11", 1, "100"), "");
    let file = corrections_837(
        &sb,
        &[
            ("PCN-1", "OC100001", "90834", "2026-03-10", "7", None),
            (
                "PCN-2",
                "OC100001",
                "90834",
                "2026-03-10",
                "8",
                Some("2226075999999"),
            ),
            (
                "PCN-3",
                "OC100002",
                "90832",
                "2026-03-11",
                "7",
                Some(&accepted_only),
            ),
            ("PCN-4", "OC100002", "90837", "2026-03-10", "7", Some(&orig)),
        ],
    );
    let r = submit_837(&sb, &file);
    assert_eq!(
        (r["accepted"].as_i64(), r["refused"].as_i64()),
        (Some(0), Some(4))
    );
    let reason = |i: usize| r["claims"][i]["reason"].as_str().unwrap().to_string();
    assert!(
        reason(0).contains(
            "claim frequency 7 (replacement) needs REF*F8 with the ICN of the claim it replaces"
        ),
        "{}",
        reason(0)
    );
    assert!(
        reason(1).contains(&format!(
            "REF*F8 names claim 2226075999999, which is not a claim of provider {PROVIDER}"
        )),
        "{}",
        reason(1)
    );
    assert!(
        reason(2).contains("is not yet adjudicated"),
        "{}",
        reason(2)
    );
    assert!(reason(3).contains("but claim"), "{}", reason(3));
    assert_eq!(status(&sb, &orig)["status"], "paid");
    assert_eq!(claims(&sb), 2);
}

#[test]
fn an_837p_void_needs_the_claim_void_role_and_the_same_member() {
    let sb = setup();
    let orig = paid(&sb);
    let file = corrections_837(
        &sb,
        &[
            ("PCN-1", "OC100001", "90837", "2026-03-10", "8", Some(&orig)),
            ("PCN-2", "OC100002", "90837", "2026-03-10", "8", Some(&orig)),
        ],
    );
    let t = crate::claims::token(&sb, "edi", "Claim Submission,Trade Files");
    let r = crate::claims::run_token(&sb, &t, &["claim", "submit", "--x12", &file, "--json"])
        .ok()
        .json();
    assert_eq!(r["refused"], 2);
    assert!(r["claims"][0]["reason"]
        .as_str()
        .unwrap()
        .contains(&format!("voiding claim {orig} needs the Claim Void role")));
    let r = submit_837(&sb, &file);
    assert_eq!(
        (r["accepted"].as_i64(), r["refused"].as_i64()),
        (Some(1), Some(1))
    );
    assert!(r["claims"][1]["reason"]
        .as_str()
        .unwrap()
        .contains("is already voided"));
    // Voided once: the second claim of the batch finds it voided.
    assert_eq!(status(&sb, &orig)["status"], "voided");
    let file = corrections_837(
        &sb,
        &[(
            "PCN-3",
            "OC100002",
            "90834",
            "2026-03-11",
            "8",
            Some(&paid_other(&sb)),
        )],
    );
    let r = submit_837(&sb, &file);
    assert!(r["claims"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("the void is for member OC100002, but claim"));
}

/// A paid claim of OC100001 for 90834 on 2026-03-11.
fn paid_other(sb: &Sandbox) -> String {
    let icn = accepted(sb, "OC100001", ("90834", "2026-03-11", 1, "100"), "");
    ops(sb, &["ops", "claims", "adjudicate"]);
    icn
}

// ---- export ----

#[test]
fn a_replacement_exports_with_frequency_7_and_ref_f8() {
    let sb = setup();
    let orig = paid(&sb);
    let new = replace(&sb, &orig, &form(("90834", "2026-03-10", 1, "120")))
        .ok()
        .json()["icn"]
        .as_str()
        .unwrap()
        .to_string();
    let out = sb.path("replacement.837");
    sb.json_as(
        "admin",
        &[
            "claim",
            "export",
            &new,
            "--x12",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains(":B:7*"), "{text}");
    assert!(text.contains(&format!("REF*F8*{orig}~")), "{text}");
    pyx12_valid(&[out.to_str().unwrap()]);
    // An original exports as frequency 1 without REF*F8.
    let raw = sb
        .run_as("admin", &["claim", "export", &orig, "--x12"], None)
        .ok();
    assert!(raw.stdout.contains(":B:1*"), "{}", raw.stdout);
    assert!(!raw.stdout.contains("REF*F8"));
}
