//! Issue 12 points 1 and 2: amounts have a ceiling, inputs have sizes, permission is checked
//! before a file is even sized, and hostile X12 costs neither memory nor time.

use crate::claims::{
    admin_npi, claim_form, ops, run_token, setup, submit, token, write_unique, PROVIDER,
};
use crate::common::Sandbox;
use std::time::{Duration, Instant};

// ---- point 1: amount ceilings ----

#[test]
fn a_form_line_charge_past_what_an_amount_holds_is_refused_naming_the_line() {
    let sb = setup();
    // The reproduction: 92233720368547758.07 + 1.00 was stored as -9.2e16.
    let form = claim_form(
        "OC100001",
        &[
            ("90837", "2026-03-10", 1, "92233720368547758.07"),
            ("90834", "2026-03-11", 1, "1.00"),
        ],
        "",
    );
    submit(&sb, &form)
        .code(6)
        .err_contains("line 1 charge: an amount is at most 99999999.99");
    // A TOML float is refused the same way (not rounded into range).
    let float = form.replace(
        "charge = \"92233720368547758.07\"",
        "charge = 92233720368547758.07",
    );
    assert_ne!(float, form);
    submit(&sb, &float).code(6).err_contains("line 1 charge");
    // The ceiling itself is an amount.
    let ok = claim_form("OC100001", &[("90837", "2026-03-10", 1, "99999999.99")], "");
    let v = submit(&sb, &ok).ok().json();
    assert_eq!(v["billed"], 99999999.99);
}

#[test]
fn a_form_whose_lines_add_past_the_ceiling_is_refused_naming_the_total() {
    let sb = setup();
    let form = claim_form(
        "OC100001",
        &[
            ("90837", "2026-03-10", 1, "60000000.00"),
            ("90834", "2026-03-11", 1, "40000000.00"),
        ],
        "",
    );
    submit(&sb, &form)
        .code(6)
        .err_contains("total charge: the lines' charges add up to 100000000.00");
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "nothing is stored");
}

/// An 837P of two claims: PCN-1 with two lines charged `cents`, PCN-2 an ordinary one.
fn two_claims_837(sb: &Sandbox, cents: (i64, i64), other_dos: &str) -> String {
    use chrono::{NaiveDate, NaiveTime};
    use mmis::x12::claims::*;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let bp = BillingProvider {
        entity_type: "2".into(),
        name: "Jones Family Therapy".into(),
        first_name: None,
        npi: admin_npi(),
        tax_id: "931234567".into(),
        address: "1 Main St".into(),
        city: "Salem".into(),
        state: "OR".into(),
        zip: "97301".into(),
    };
    let line = |code: &str, dos: &str, charge_cents: i64| ClaimLine {
        procedure_code: code.to_string(),
        modifiers: vec![],
        charge_cents,
        units: "1".into(),
        from: d(dos),
        to: d(dos),
        place_of_service: None,
        diagnosis_pointers: vec![1],
        prior_authorization: None,
    };
    let claim = |pcn: &str, member: &str, lines: Vec<ClaimLine>| ClaimToWrite {
        patient_control_number: pcn.to_string(),
        place_of_service: "11".into(),
        frequency_code: "1".into(),
        billing_provider: bp.clone(),
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
        lines,
    };
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
        claims: vec![
            claim(
                "PCN-1",
                "OC100001",
                vec![
                    line("90837", "2026-03-10", cents.0),
                    line("90834", "2026-03-11", cents.1),
                ],
            ),
            claim("PCN-2", "OC100002", vec![line("90834", other_dos, 9600)]),
        ],
    };
    let env = mmis::x12::Envelope::new(
        PROVIDER,
        "ORMMIS",
        d("2026-03-16"),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        7,
    );
    write_unique(sb, "837", &write_837p(&batch, &env).unwrap())
}

#[test]
fn an_837p_claim_past_the_ceiling_is_refused_and_the_batch_goes_on() {
    let sb = setup();
    // The reproduction (a line of 92233720368547758.07 and one of 1.00, written over
    // an ordinary 837P since our writer refuses it), then two lines within the ceiling whose
    // sum is not.
    let huge = {
        let file = two_claims_837(&sb, (111_111, 100), "2026-03-11");
        let text = std::fs::read_to_string(&file).unwrap();
        // 92233720368547758.07 is i64::MAX cents: the sum with 1.00 wrapped.
        let text = text.replacen("*1111.11*", "*92233720368547758.07*", 1);
        assert!(
            text.contains("SV1*HC:90837*92233720368547758.07*"),
            "{text}"
        );
        write_unique(&sb, "837", &text)
    };
    for (file, reason) in [
        (huge, "line 1 charge: an amount is at most 99999999.99"),
        (
            two_claims_837(&sb, (6_000_000_000, 4_000_000_050), "2026-03-12"),
            "total charge: the lines' charges add up to 100000000.50",
        ),
    ] {
        let r = sb.json_as("admin", &["claim", "submit", "--x12", &file]);
        let c = r["claims"].as_array().unwrap();
        assert_eq!(c.len(), 2, "{r}");
        assert_eq!(c[0]["status"], "refused", "{r}");
        assert!(
            c[0]["reason"].as_str().unwrap().contains(reason),
            "{}",
            c[0]["reason"]
        );
        assert_eq!(c[1]["status"], "accepted", "{r}");
    }
    // Nothing past the ceiling was stored: the cycle pays the two ordinary claims.
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(v["paid"], 2, "{v}");
}

#[test]
fn a_fee_schedule_maximum_past_the_ceiling_is_refused_naming_the_row() {
    let sb = Sandbox::new();
    sb.with_admin();
    let p = sb.write(
        "fees.csv",
        "procedure_code,modifier,description,max_allowable,pa_required\n90837,,Psychotherapy 60 min,100000000.00,N\n",
    );
    sb.run_as(
        "ops",
        &["ops", "fee-schedule", "import", p.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("row 1: max_allowable: an amount is at most 99999999.99");
}

#[test]
fn units_times_the_maximum_never_overflows_in_adjudication() {
    let sb = setup();
    let p = sb.write(
        "fees.csv",
        "procedure_code,modifier,description,max_allowable,pa_required\n90837,,Psychotherapy 60 min,99999999.99,N\n",
    );
    ops(&sb, &["ops", "fee-schedule", "import", p.to_str().unwrap()]);
    let form = claim_form(
        "OC100001",
        &[("90837", "2026-03-10", 9999, "99999999.99")],
        "",
    );
    let icn = submit(&sb, &form).ok().json()["icn"]
        .as_str()
        .unwrap()
        .to_string();
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(v["paid_amount"], 99999999.99, "{v}");
    let s = sb.json_as("admin", &["claim", "status", &icn]);
    assert_eq!(s["status"], "paid", "{s}");
}

// ---- point 2: permission first, then size; bounded on hostile input ----

#[test]
fn a_user_without_the_role_hears_exit_4_before_any_file_is_read() {
    let sb = setup();
    let missing = sb.path("no-such-file");
    let m = missing.to_str().unwrap();
    // The site administrator is not the operator: the file is never looked at.
    for args in [
        vec!["ops", "member", "import", m],
        vec!["ops", "fee-schedule", "import", m],
    ] {
        sb.run_as("admin", &args, None).code(4);
    }
    // Signed out: exit 3, not "cannot read".
    sb.run_as("stranger", &["elig", "batch", "--x12", m], None)
        .code(3);
    sb.run_as("stranger", &["claim", "submit", "--x12", m], None)
        .code(3);
    // A token without Eligibility Inquiry / without Trade Files: exit 4.
    let t = token(&sb, "claims-only", "Claim Submission");
    run_token(&sb, &t, &["elig", "batch", "--x12", m]).code(4);
    run_token(&sb, &t, &["claim", "submit", "--x12", m]).code(4);
}

#[test]
fn an_input_over_its_size_limit_is_refused_before_it_is_read() {
    let sb = setup();
    let big = |name: &str, len: u64| {
        let p = sb.path(name);
        let f = std::fs::File::create(&p).unwrap();
        f.set_len(len).unwrap(); // sparse: no megabytes written
        p
    };
    let p270 = big("big.270", mmis::limits::MAX_270_BYTES + 1);
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", p270.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("too large for a 270")
    .err_contains("the limit is 8 MiB");
    let fees = big("big-fees.csv", mmis::limits::MAX_FEE_CSV_BYTES + 1);
    sb.run_as(
        "ops",
        &["ops", "fee-schedule", "import", fees.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("too large for a fee schedule");
    let form = big("big.toml", mmis::limits::MAX_TOML_BYTES + 1);
    sb.run_as(
        "admin",
        &["claim", "submit", "--form", form.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("too large for a form");
}

#[cfg(unix)]
#[test]
fn a_form_config_file_or_password_that_never_ends_is_read_no_further_than_its_limit() {
    let sb = setup();
    // /dev/zero has no size on disk to check first: it used to be read until memory ran out.
    sb.run_as("admin", &["claim", "submit", "--form", "/dev/zero"], None)
        .code(6)
        .err_contains("/dev/zero is too large for a form");
    sb.run_env("ops", &["whoami"], None, &[("MMIS_CONFIG", "/dev/zero")])
        .code(6)
        .err_contains("/dev/zero is too large for a config file");
    // Nor a password on stdin: no more than a password can be is read.
    let out = sb
        .std_cmd_as("ops")
        .args(["login", "--username", "ops", "--password-stdin"])
        .stdin(std::fs::File::open("/dev/zero").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(6));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("longer than any password may be (128 characters)"));
}

#[test]
fn a_270_of_millions_of_bad_segments_is_refused_quickly() {
    let sb = setup();
    // The reproduction: 4 MB of `a~` took 571 MB.
    let isa = "ISA*00*          *00*          *ZZ*SUBMITTER      *ZZ*ORMMIS         *260316*0900*^*00501*000000001*0*T*:~";
    let mut text = String::with_capacity(4 << 20);
    text.push_str(isa);
    while text.len() < 4 << 20 {
        text.push_str("a~");
    }
    let p = sb.write("hostile.270", &text);
    let start = Instant::now();
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", p.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("is not a segment id");
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn a_csv_row_that_never_ends_is_read_no_further_than_its_bound() {
    let sb = setup();
    // A member file with no line end at all: refused at once, not read into memory.
    sb.run_as("ops", &["ops", "member", "import", "/dev/zero"], None)
        .code(6)
        .err_contains("a row runs on past 65536 bytes");
    // A roster whose second row opens a quote it never closes (80 KB of lines inside it):
    // the row before is answered, that row is unreadable, and the reading stops there.
    let mut roster = String::from("health_id,date\nOC100001,2026-03-10\nOC100002,\"");
    roster.push_str(&"x\n".repeat(40_000));
    let p = sb.write("runaway.csv", &roster);
    let r = sb
        .run_as(
            "admin",
            &["elig", "batch", p.to_str().unwrap(), "--format", "ndjson"],
            None,
        )
        .ok();
    let rows: Vec<serde_json::Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{}", r.stdout);
    assert_eq!(rows[0]["health_id"], "OC100001");
    assert!(rows[1]["error"]
        .as_str()
        .unwrap()
        .contains("a row runs on past 65536 bytes"));
}
