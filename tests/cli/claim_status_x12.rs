//! The 277CA after an 837P intake (`claim submit --x12 --claim-ack`) and claim status in
//! X12 (`claim status --x12 F.276`): each rule through the real binary, every X12 output
//! checked by a validator (pyx12 for the 277CA, linuxforhealth-x12 for the 277).

use crate::claims::{accepted, admin_npi, ops, pyx12_valid, setup, status, write_unique, PROVIDER};
use crate::common::{npi, Sandbox};
use serde_json::Value;

/// One claim of a test 837P.
#[derive(Clone)]
struct C<'a> {
    pcn: &'a str,
    member: &'a str,
    code: &'a str,
    dos: &'a str,
    units: &'a str,
    npi: Option<String>,
    pa: Option<&'a str>,
    diagnosis: &'a str,
    pos: &'a str,
}

fn c<'a>(pcn: &'a str, member: &'a str, code: &'a str, dos: &'a str) -> C<'a> {
    C {
        pcn,
        member,
        code,
        dos,
        units: "1",
        npi: None,
        pa: None,
        diagnosis: "F41.1",
        pos: "11",
    }
}

/// An 837P of `claims` (one set, BHT03 BATCH1), written to a new file.
fn batch(sb: &Sandbox, claims: &[C<'_>]) -> String {
    use chrono::{NaiveDate, NaiveTime};
    use mmis::x12::claims::*;
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let claims = claims
        .iter()
        .map(|c| ClaimToWrite {
            patient_control_number: c.pcn.to_string(),
            place_of_service: c.pos.into(),
            frequency_code: "1".into(),
            billing_provider: BillingProvider {
                entity_type: "2".into(),
                name: "Jones Family Therapy".into(),
                first_name: None,
                npi: c.npi.clone().unwrap_or_else(admin_npi),
                tax_id: "931234567".into(),
                address: "1 Main St".into(),
                city: "Salem".into(),
                state: "OR".into(),
                zip: "97301".into(),
            },
            rendering_provider: None,
            subscriber: SubscriberInfo {
                member_id: c.member.to_string(),
                last_name: "Doe".into(),
                first_name: "Pat".into(),
                birth_date: d("1980-01-02"),
                sex: "F".into(),
            },
            diagnosis_codes: vec![c.diagnosis.into()],
            prior_authorization: c.pa.map(str::to_string),
            lines: vec![ClaimLine {
                procedure_code: c.code.to_string(),
                modifiers: vec![],
                charge_cents: 18000,
                units: c.units.into(),
                from: d(c.dos),
                to: d(c.dos),
                place_of_service: None,
                diagnosis_pointers: vec![1],
                prior_authorization: None,
            }],
        })
        .collect();
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
        d("2026-03-16"),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
        7,
    );
    write_unique(sb, "837", &write_837p(&batch, &env).unwrap())
}

/// The 277CA's claim-level answers: (TRN02, STC01, STC03, REF*1K) per 2200D, in order.
fn answers(text: &str) -> Vec<(String, String, String, Option<String>)> {
    let segs: Vec<&str> = text.split('~').map(str::trim).collect();
    let mut out = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        if !s.starts_with("HL*") || !s.ends_with("*PT") {
            continue;
        }
        // HL PT, NM1*QC, TRN*2, STC, [REF*1K], DTP.
        let trn = segs[i + 2].strip_prefix("TRN*2*").unwrap().to_string();
        let stc: Vec<&str> = segs[i + 3].split('*').collect();
        assert_eq!(stc[0], "STC", "{text}");
        let icn = segs[i + 4].strip_prefix("REF*1K*").map(str::to_string);
        out.push((trn, stc[1].to_string(), stc[3].to_string(), icn));
    }
    out
}

/// Submits `file` with `--ack` and `--claim-ack`; returns the JSON and the 277CA's text.
fn submit_with_277(sb: &Sandbox, file: &str) -> (Value, String) {
    let ack = sb.path(&format!("{}.999", file.rsplit('/').next().unwrap()));
    let ca = sb.path(&format!("{}.277", file.rsplit('/').next().unwrap()));
    let v = sb.json_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            file,
            "--ack",
            ack.to_str().unwrap(),
            "--claim-ack",
            ca.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&ca).expect("the 277CA was written");
    pyx12_valid(&[ca.to_str().unwrap()]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&ca).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    (v, text)
}

fn pa_form(member: &str, units: i64) -> String {
    format!(
        "kind = \"prior-auth\"\nmember_id = \"{member}\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = {units}\n"
    )
}

fn pa(sb: &Sandbox, units: i64, approve: bool) -> String {
    let f = write_unique(sb, "toml", &pa_form("OC100002", units));
    let v = sb
        .run_as("admin", &["pa", "submit", "--form", &f, "--json"], None)
        .ok()
        .json();
    let n = v["pa_number"].as_str().unwrap().to_string();
    if approve {
        ops(sb, &["ops", "pa", "decide", &n, "--approve"]);
    }
    n
}

#[test]
fn a_277ca_accepts_with_the_icn_and_rejects_with_a_code_per_reason() {
    let sb = setup();
    let pending = pa(&sb, 8, false);
    let one_unit = pa(&sb, 1, true);
    let other_npi = npi(999_999_998);
    let claims = [
        c("OK-1", "OC100001", "90837", "2026-03-10"),
        c("UNKNOWN", "ZZ999999", "90837", "2026-03-10"),
        c("ENDED", "EX100001", "90837", "2026-03-10"),
        c("CCO", "CC100001", "90837", "2026-03-10"),
        c("CAWEM", "CW100001", "90837", "2026-03-10"),
        C {
            npi: Some(other_npi),
            ..c("NPI", "OC100002", "90837", "2026-03-10")
        },
        c("TIMELY", "OC100002", "90837", "2024-01-10"),
        c("FUTURE", "OC100002", "90837", "2026-04-10"),
        c("DUP", "OC100001", "90837", "2026-03-10"),
        c("PA-NONE", "OC100002", "H0004", "2026-03-10"),
        C {
            pa: Some("2607599999"),
            ..c("PA-UNKNOWN", "OC100002", "H0004", "2026-03-10")
        },
        C {
            pa: Some(&pending),
            ..c("PA-PENDING", "OC100002", "H0004", "2026-03-10")
        },
        C {
            pa: Some(&one_unit),
            units: "2",
            ..c("PA-UNITS", "OC100002", "H0004", "2026-03-11")
        },
        C {
            diagnosis: "F41.12345",
            ..c("BAD-DX", "OC100002", "90834", "2026-03-12")
        },
        c("OK-2", "OC100002", "90834", "2026-03-10"),
    ];
    let file = batch(&sb, &claims);
    let (v, text) = submit_with_277(&sb, &file);
    assert_eq!(
        (v["accepted"].as_u64(), v["refused"].as_u64()),
        (Some(2), Some(13)),
        "{v}"
    );
    let got = answers(&text);
    let want = [
        ("OK-1", "A2:20", "WQ"),
        ("UNKNOWN", "A3:33", "U"),
        ("ENDED", "A3:88:IL", "U"),
        ("CCO", "A3:116", "U"),
        ("CAWEM", "A3:109:IL", "U"),
        ("NPI", "A3:562:85", "U"),
        ("TIMELY", "A3:187", "U"),
        ("FUTURE", "A7:187", "U"),
        ("DUP", "A3:54", "U"),
        ("PA-NONE", "A6:252:85", "U"),
        ("PA-UNKNOWN", "A7:252:85", "U"),
        ("PA-PENDING", "A3:84", "U"),
        ("PA-UNITS", "A3:84", "U"),
        ("BAD-DX", "A7:21", "U"),
        ("OK-2", "A2:20", "WQ"),
    ];
    assert_eq!(got.len(), want.len(), "{text}");
    let results = v["claims"].as_array().unwrap();
    for ((g, w), r) in got.iter().zip(want).zip(results) {
        assert_eq!((g.0.as_str(), g.1.as_str(), g.2.as_str()), w, "{text}");
        assert_eq!(r["patient_control_number"], w.0);
        // The JSON's category is the 277CA's; an accepted claim's ICN is its REF*1K.
        assert_eq!(r["category_code"].as_str(), Some(&w.1[..2]), "{r}");
        assert_eq!(g.3.as_deref(), r["icn"].as_str(), "{r}");
    }
    // The submitter's level counts and totals: 2 accepted, 13 rejected, $180 each.
    assert!(
        text.contains("~QTY*90*2~QTY*AA*13~AMT*YU*360~AMT*YY*2340~"),
        "{text}"
    );
    assert!(text.contains("~BHT*0085*08*"), "{text}");
    assert!(
        text.contains("~NM1*PR*2*OREGON HEALTH AUTHORITY*****PI*ORMMIS~"),
        "{text}"
    );
    assert!(text.contains("~TRN*2*BATCH1~"), "{text}");
    // The human text names the file.
    let ca = sb.path(&format!("{}.277", file.rsplit('/').next().unwrap()));
    let r = sb
        .run_as(
            "admin",
            &[
                "claim",
                "submit",
                "--x12",
                &batch(&sb, &[c("OK-3", "OC100002", "90791", "2026-03-09")]),
                "--claim-ack",
                ca.to_str().unwrap(),
            ],
            None,
        )
        .ok();
    assert!(
        r.stdout.contains(&format!(
            "277CA claim acknowledgment written to {}",
            ca.display()
        )),
        "{}",
        r.stdout
    );
}

#[test]
fn a_file_refused_whole_has_no_277ca() {
    let sb = setup();
    let file = batch(&sb, &[c("OK-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    // GE01 wrong: the 999 rejects the group; nothing is taken.
    let broken = write_unique(&sb, "837", &text.replace("GE*1*7", "GE*2*7"));
    let ca = sb.path("refused.277");
    let ack = sb.path("refused.999");
    sb.run_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            &broken,
            "--ack",
            ack.to_str().unwrap(),
            "--claim-ack",
            ca.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("no 277CA was written to");
    assert!(!ca.exists());
    assert!(ack.exists());
}

#[test]
fn a_277ca_is_never_written_through_a_symlink() {
    let sb = setup();
    let file = batch(&sb, &[c("OK-1", "OC100001", "90837", "2026-03-10")]);
    let target = sb.write("elsewhere.txt", "keep\n");
    let link = sb.path("link.277");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    sb.run_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            &file,
            "--claim-ack",
            link.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("symbolic link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
    // Nothing was taken.
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
}

#[allow(dead_code)]
fn _uses(sb: &Sandbox) -> Value {
    let icn = accepted(sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    status(sb, &icn)
}
