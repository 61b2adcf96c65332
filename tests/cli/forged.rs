//! A red team's sweep of the store seam: every typed column of every table, one row at a
//! time, holding a value mmis never writes. Each read command then either carries on
//! (the column is not one it reads), answers as before, or stops with exit 8 naming the
//! column — never exit 1, never a panic, never the forged value passed on as if it were
//! ours. Runs on both backends (`MMIS_TEST_DB=postgres`).

use crate::claims::{accepted, ops, setup, token, write_unique};
use crate::common::Sandbox;

/// The store a practice has after a day's work: a paid claim and its remittance, an
/// approved PA, an API token; returns (ICN, PA number, RA).
fn busy_day() -> (Sandbox, String, String, String) {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    let form = "kind = \"prior-auth\"\nmember_id = \"OC100001\"\ndiagnosis_codes = [\"F43.10\"]\n\
                procedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = 12\n";
    let f = write_unique(&sb, "toml", form);
    let pa = sb.json_as("admin", &["pa", "submit", "--form", &f])["pa_number"]
        .as_str()
        .unwrap()
        .to_string();
    ops(&sb, &["ops", "pa", "decide", &pa, "--approve"]);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let ra = sb.json_as("admin", &["remit", "list"])[0]["remit_id"]
        .as_str()
        .unwrap()
        .to_string();
    token(&sb, "nightly", "Eligibility Inquiry");
    (sb, icn, pa, ra)
}

/// (table, column, a value mmis never writes there, whether some read below must stop on it).
const FORGED: &[(&str, &str, &str, bool)] = &[
    ("members", "health_id", "oc100001", false),
    ("members", "dob", "19791103", true),
    ("coverage_spans", "start_date", "2024-1-1", true),
    ("coverage_spans", "kind", "medicaid", true),
    ("providers", "npi", "1234567890", true),
    ("providers", "tax_id", "93-1111111", true),
    ("providers", "enrolled_on", "2020-1-1", true),
    ("memberships", "provider_id", "50667592X", true),
    ("sessions", "provider_id", "5066759280", true),
    ("sessions", "created_at", "2026-13-01T00:00:00Z", true),
    ("sessions", "last_seen_at", "yesterday", true),
    ("api_tokens", "provider_id", "ABCDEF", false),
    ("api_tokens", "expires_at", "tomorrow", true),
    ("claims", "icn", "226075000001", true),
    ("claims", "member_id", "OC10000!", true),
    ("claims", "billing_npi", "123", true),
    ("claims", "status", "Paid", true),
    ("claims", "received_on", "2026-03-16T00:00:00Z", true),
    ("claims", "first_dos", "2026/03/02", true),
    ("claims", "billed", "99999999999", true),
    ("claims", "paid_amount", "-99999999999", true),
    ("claim_lines", "date_of_service", "02-03-2026", true),
    ("claim_lines", "charge", "10000000000", true),
    ("claim_history", "on_date", "yesterday", true),
    ("prior_auths", "pa_number", "PA12345678", true),
    ("prior_auths", "member_id", "oc100001", true),
    ("prior_auths", "to_date", "2026-02-30", true),
    ("prior_auths", "status", "Approved", true),
    ("remits", "issued_on", "20260316", true),
    ("remits", "paid_amount", "10000000000", true),
    ("payment_cycles", "run_on", "2026-3-16", false),
    ("fee_schedule", "max_allowable", "10000000000", false),
];

/// What an office reads in a day, as the site administrator and as the operator.
fn reads(icn: &str, pa: &str, ra: &str) -> Vec<(&'static str, Vec<String>)> {
    let v = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        ("admin", v(&["whoami"])),
        ("admin", v(&["providers"])),
        ("admin", v(&["elig", "check", "--id", "OC100001"])),
        ("admin", v(&["claim", "list"])),
        ("admin", v(&["claim", "status", icn])),
        ("admin", v(&["claim", "export", icn, "--x12"])),
        ("admin", v(&["pa", "list"])),
        ("admin", v(&["pa", "inquire", pa])),
        ("admin", v(&["remit", "list"])),
        ("admin", v(&["remit", "show", ra])),
        ("admin", v(&["remit", "export", ra, "--x12"])),
        ("admin", v(&["clerk", "list"])),
        ("admin", v(&["token", "list"])),
        ("ops", v(&["ops", "provider", "list"])),
        ("ops", v(&["ops", "claims", "adjudicate"])),
    ]
}

/// The row of `table` a case forges: its lowest id (the first line of the first claim, the
/// fee of the claim's procedure, the practice, where a table has no id).
fn row_of(sb: &Sandbox, table: &str) -> String {
    match table {
        "claim_lines" => {
            "claim_id = (SELECT MIN(claim_id) FROM claim_lines) AND line_no = 1".into()
        }
        "fee_schedule" => "procedure_code = '90837'".into(),
        "providers" => "provider_id = '506675928'".into(),
        "coverage_spans" => {
            "member_id = (SELECT id FROM members WHERE health_id = 'OC100001') AND seq = 1".into()
        }
        _ => format!(
            "id = {}",
            sb.one(&format!("SELECT CAST(MIN(id) AS TEXT) FROM {table}"))
        ),
    }
}

#[test]
fn a_value_mmis_never_writes_stops_a_read_with_exit_8_naming_its_column_and_nothing_panics() {
    let (sb, icn, pa, ra) = busy_day();
    let reads = reads(&icn, &pa, &ra);
    let mut refused_by_schema = Vec::new();
    for (table, column, bad, must_stop) in FORGED {
        let row = row_of(&sb, table);
        let was = sb.rows(&format!(
            "SELECT CAST({column} AS TEXT) FROM {table} WHERE {row}"
        ));
        let was = was[0][0].clone();
        // As a quoted literal: both backends take '123' into an integer column.
        let quoted = |v: &str| format!("'{v}'");
        // The store's own constraints (a CHECK, a STRICT column's type, a foreign key on
        // PostgreSQL) may refuse the value: then it cannot be forged this way at all.
        if let Err(e) = sb.try_sql(&format!(
            "UPDATE {table} SET {column} = {} WHERE {row}",
            quoted(bad)
        )) {
            refused_by_schema.push(format!("{table}.{column}: {e}"));
            continue;
        }
        let mut stopped = false;
        let mut codes = Vec::new();
        for (actor, args) in &reads {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let run = sb.run_as(actor, &args, None);
            let why = format!("{table}.{column} = {bad:?}, `mmis {}`", args.join(" "));
            assert!(
                !run.stderr.contains("panicked"),
                "{why}: panicked: {}",
                run.stderr
            );
            assert_ne!(run.code, 1, "{why}: exit 1: {}", run.stderr);
            assert_ne!(run.code, 101, "{why}: {}", run.stderr);
            codes.push(run.code);
            if run.code == 8 {
                assert!(
                    run.stderr.contains(&format!("{column}: not "))
                        || run.stderr.contains(&format!("(column {column})"))
                        || run.stderr.contains("changed outside mmis"),
                    "{why}: exit 8 without naming the column: {}",
                    run.stderr
                );
                stopped = true;
            }
        }
        eprintln!("{table}.{column} = {bad:?}: exits {codes:?}");
        assert!(
            stopped || !must_stop,
            "{table}.{column} = {bad:?}: no read stopped on it"
        );
        let back = match &was {
            Some(v) => quoted(v),
            None => "NULL".into(),
        };
        sb.sql(&format!("UPDATE {table} SET {column} = {back} WHERE {row}"));
    }
    // Everything is as it was: the reads all work again.
    for (actor, args) in &reads {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        if args[0] != "ops" || args.get(1) != Some(&"claims") {
            sb.run_as(actor, &args, None).ok();
        }
    }
    eprintln!("refused by the schema itself: {refused_by_schema:#?}");
}
