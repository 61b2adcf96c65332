//! The 277CA after an 837P intake (`claim submit --x12 --claim-ack`) and claim status in
//! X12 (`claim status --x12 F.276`): each rule through the real binary, every X12 output
//! checked by a validator (pyx12 for the 277CA, linuxforhealth-x12 for the 277).

use crate::claims::{
    admin_npi, ops, pyx12_valid, setup, shared_dir, status, write_unique, PROVIDER,
};
use crate::common::{npi, Sandbox};
use serde_json::Value;
use std::path::{Path, PathBuf};

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
    let claims = claims
        .iter()
        .map(|c| {
            let mut w = crate::claims::one_line_claim(c.pcn, c.member, c.code, c.dos);
            w.place_of_service = c.pos.into();
            if let Some(npi) = &c.npi {
                w.billing_provider.npi = npi.clone();
            }
            w.diagnosis_codes = vec![c.diagnosis.into()];
            w.prior_authorization = c.pa.map(str::to_string);
            w.lines[0].units = c.units.into();
            w
        })
        .collect();
    crate::claims::write_837_claims(sb, claims)
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

// ---------------------------------------------------------------- 276 → 277

/// The venv with linuxforhealth-x12 (`MMIS_X12_VENV`), or None (skipped, not under CI).
fn venv() -> Option<PathBuf> {
    let dir = std::env::var_os("MMIS_X12_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv"));
    if dir.join("bin/lfhx12").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but no lfhx12 in {}",
        dir.display()
    );
    eprintln!(
        "notice: no lfhx12 in {}; skipping validation",
        dir.display()
    );
    None
}

/// linuxforhealth-x12 reads `file` without error (structure and counts).
fn lfhx12_valid(file: &Path) {
    let Some(venv) = venv() else { return };
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

/// One inquiry: (TRN02, member, REF*1K, REF*EJ, DTP*472 date).
type Ask<'a> = (
    &'a str,
    &'a str,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

/// A 276 with one subscriber level (and one inquiry) per ask, under one provider.
fn req_276(asks: &[Ask<'_>]) -> String {
    let mut body = format!(
        "BHT*0010*13*REQ276*20260316*0900~HL*1**20*1~NM1*PR*2*OREGON HEALTH AUTHORITY*****PI*ORMMIS~HL*2*1*21*1~NM1*41*2*JONES FAMILY THERAPY*****46*{PROVIDER}~HL*3*2*19*1~NM1*1P*2*JONES FAMILY THERAPY*****XX*{}~",
        admin_npi()
    );
    for (i, (trace, member, icn, pcn, dos)) in asks.iter().enumerate() {
        body.push_str(&format!(
            "HL*{}*3*22*0~DMG*D8*19880402*F~NM1*IL*1*RIVERA*ANA****MI*{member}~TRN*1*{trace}~",
            i + 4
        ));
        if let Some(icn) = icn {
            body.push_str(&format!("REF*1K*{icn}~"));
        }
        if let Some(pcn) = pcn {
            body.push_str(&format!("REF*EJ*{pcn}~"));
        }
        body.push_str("AMT*T3*180~");
        if let Some(d) = dos {
            body.push_str(&format!("DTP*472*D8*{}~", d.replace('-', "")));
        }
    }
    let n = body.matches('~').count() + 2;
    format!(
        "ISA*00*          *00*          *ZZ*{PROVIDER:<15}*ZZ*ORMMIS         *260316*0900*^*00501*000000021*0*T*:~GS*HR*{PROVIDER}*ORMMIS*20260316*0900*21*X*005010X212~ST*276*0001*005010X212~{body}SE*{n}*0001~GE*1*21~IEA*1*000000021~"
    )
}

/// One 277 answer: (TRN02, STC01, STC04, STC05, REF*1K).
type Answer277 = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// The 277's answers, in order.
fn answers_277(text: &str) -> Vec<Answer277> {
    let segs: Vec<&str> = text.split('~').map(str::trim).collect();
    let mut out = Vec::new();
    for (i, s) in segs.iter().enumerate() {
        let Some(trace) = s.strip_prefix("TRN*2*") else {
            continue;
        };
        let stc: Vec<&str> = segs[i + 1].split('*').collect();
        assert_eq!(stc[0], "STC", "{text}");
        let icn = segs[i + 2].strip_prefix("REF*1K*").map(str::to_string);
        out.push((
            trace.to_string(),
            stc[1].to_string(),
            stc.get(4).map(|s| s.to_string()),
            stc.get(5).map(|s| s.to_string()),
            icn,
        ));
    }
    out
}

/// `claim status --x12 F --out G` as `actor`: the JSON and the 277 (validated).
fn ask_277(sb: &Sandbox, actor: &str, text: &str) -> (Value, String) {
    let f = write_unique(sb, "276", text);
    let out = sb.path(&format!("{}.277", f.rsplit('/').next().unwrap()));
    let v = sb.json_as(
        actor,
        &[
            "claim",
            "status",
            "--x12",
            &f,
            "--out",
            out.to_str().unwrap(),
        ],
    );
    lfhx12_valid(&out);
    (v, std::fs::read_to_string(&out).unwrap())
}

fn form_with_pcn(member: &str, code: &str, dos: &str, pcn: &str) -> String {
    crate::claims::claim_form(
        member,
        &[(code, dos, 1, "180")],
        &format!("patient_control_number = \"{pcn}\""),
    )
}

fn icn_of(sb: &Sandbox, actor: &str, form: &str) -> String {
    let f = write_unique(sb, "toml", form);
    let v = sb
        .run_as(actor, &["claim", "submit", "--form", &f, "--json"], None)
        .ok()
        .json();
    assert_eq!(v["status"], "accepted", "{v}");
    v["icn"].as_str().unwrap().to_string()
}

#[test]
fn a_276_is_answered_with_the_codes_of_the_json_status() {
    let sb = setup();
    let paid = icn_of(
        &sb,
        "admin",
        &form_with_pcn("OC100001", "90837", "2026-03-02", "PCN-PAID"),
    );
    let denied = icn_of(
        &sb,
        "admin",
        &form_with_pcn("OC100001", "90838", "2026-03-03", "PCN-DENIED"),
    );
    let voided = icn_of(
        &sb,
        "admin",
        &form_with_pcn("OC100002", "90834", "2026-03-04", "PCN-VOID"),
    );
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.json_as("admin", &["claim", "void", &voided]);
    let open = icn_of(
        &sb,
        "admin",
        &form_with_pcn("OC100002", "90837", "2026-03-05", "PCN-NEW"),
    );
    // Another provider's claim is "not found", as an unknown one is.
    crate::access::other_admin(&sb, "adminb", "BOBADM", "700000001", 222_222_222, "group");
    let theirs = icn_of(
        &sb,
        "adminb",
        &format!(
            "member_id = \"OC100002\"\nbilling_npi = \"{}\"\ndiagnosis_codes = [\"F41.1\"]\nplace_of_service = \"11\"\npatient_control_number = \"PCN-THEIRS\"\n\n[[lines]]\nprocedure_code = \"90837\"\ndate_of_service = \"2026-03-06\"\nunits = 1\ncharge = \"180\"\n",
            npi(222_222_222)
        ),
    );
    let text = req_276(&[
        ("T-PAID", "OC100001", Some(&paid), None, None),
        ("PCN-DENIED", "OC100001", None, None, Some("2026-03-03")),
        ("T-VOID", "OC100002", None, Some("PCN-VOID"), None),
        (
            "T-NEW",
            "OC100002",
            Some(&open),
            Some("PCN-NEW"),
            Some("2026-03-05"),
        ),
        ("T-UNKNOWN", "OC100001", Some("2226075999999"), None, None),
        ("T-THEIRS", "OC100002", Some(&theirs), None, None),
        ("PCN-THEIRS", "OC100002", None, None, None),
        ("T-WRONG-MEMBER", "OC100002", Some(&paid), None, None),
    ]);
    let (v, out) = ask_277(&sb, "admin", &text);
    assert_eq!(
        (
            v["inquiries"].as_u64(),
            v["found"].as_u64(),
            v["not_found"].as_u64()
        ),
        (Some(8), Some(4), Some(4)),
        "{v}"
    );
    let got = answers_277(&out);
    assert_eq!(got.len(), 8, "{out}");
    for (i, icn) in [&paid, &denied, &voided, &open].iter().enumerate() {
        let s = status(&sb, icn);
        let want = format!(
            "{}:{}",
            s["category_code"].as_str().unwrap(),
            s["status_code"].as_str().unwrap()
        );
        assert_eq!(got[i].1, want, "{icn}: {out}");
        assert_eq!(got[i].4.as_deref(), Some(icn.as_str()), "{out}");
        assert_eq!(got[i].2.as_deref(), Some("180"), "{out}");
    }
    let codes: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
    assert_eq!(
        codes,
        ["F1:65", "F2:1", "F4:1", "A2:20", "A4:35", "A4:35", "A4:35", "A4:35"]
    );
    // The amounts the 277 carries: paid 132.00 of 180.00 billed, denied 0.
    assert_eq!(got[0].3.as_deref(), Some("132"), "{out}");
    assert_eq!(got[1].3.as_deref(), Some("0"), "{out}");
    assert!(got[4..].iter().all(|g| g.4.is_none()), "{out}");
    assert!(
        out.contains("~ST*277*0001*005010X212~BHT*0010*08*REQ276*"),
        "{out}"
    );
    // Without --out, the 277 is the result on stdout.
    let f = write_unique(&sb, "276", &text);
    let r = sb
        .run_as("admin", &["claim", "status", "--x12", &f], None)
        .ok();
    assert!(
        r.stdout.starts_with("ISA*") && r.stdout.contains("STC*F1:65*"),
        "{}",
        r.stdout
    );
    // Audited with its counts.
    let log = sb.json_as("ops", &["audit", "log", "--action", "claim status"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    let detail = last["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains("x12 276: inquiries 8, found 4, not found 4"),
        "{last}"
    );
}

#[test]
fn every_conformance_276_reads_and_is_answered() {
    let Some(shared) = shared_dir() else { return };
    let sb = setup();
    let dir = shared.join("x12/conformance/276");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let text = std::fs::read_to_string(&p).unwrap();
        let (v, out) = ask_277(&sb, "admin", &text);
        assert_eq!(v["found"], 0, "{}: {v}", p.display());
        assert!(v["inquiries"].as_u64().unwrap() >= 1);
        assert!(answers_277(&out).iter().all(|a| a.1 == "A4:35"), "{out}");
        n += 1;
    }
    assert_eq!(n, 4);
}

#[test]
fn a_malformed_276_is_exit_6_naming_the_segment() {
    let sb = setup();
    let text = req_276(&[("T-1", "OC100001", None, None, Some("2026-03-02"))]);
    for (from, to, want) in [
        ("DTP*472*D8*20260302", "DTP*472*D8*20260231", "(DTP)"),
        ("HL*4*3*22*0", "HL*4*9*22*0", "(HL)"),
        ("ST*276*0001", "ST*270*0001", "(ST)"),
    ] {
        let f = write_unique(&sb, "276", &text.replace(from, to));
        sb.run_as("admin", &["claim", "status", "--x12", &f], None)
            .code(6)
            .err_contains("is not a valid X12 276")
            .err_contains(want);
    }
}

#[test]
fn a_277_is_never_written_through_a_symlink() {
    let sb = setup();
    let f = write_unique(
        &sb,
        "276",
        &req_276(&[("T-1", "OC100001", None, None, None)]),
    );
    let target = sb.write("keep.txt", "keep\n");
    let link = sb.path("answer.277");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    sb.run_as(
        "admin",
        &[
            "claim",
            "status",
            "--x12",
            &f,
            "--out",
            link.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("symbolic link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep\n");
}

#[test]
fn claim_status_x12_needs_claim_inquiry() {
    let sb = setup();
    let f = write_unique(
        &sb,
        "276",
        &req_276(&[("T-1", "OC100001", None, None, None)]),
    );
    sb.run_as("ops", &["claim", "status", "--x12", &f], None)
        .code(4);
}
