//! Remittance advices: the payment cycle makes one per provider with activity; `remit list`,
//! `remit show`, `remit export --x12`; `claim status` names the RA that carried a claim.

use crate::access::other_admin;
use crate::claims::{accepted, admin_npi, claim_form, ops, pyx12_valid, setup, status, submit_as};
use crate::common::{npi, Sandbox};
use serde_json::Value;

const OTHER: &str = "612345678";

/// A second provider (admin OTHERA signed in as "other") with one accepted claim.
fn other_provider_claim(sb: &Sandbox) -> String {
    other_admin(sb, "other", "OTHERA", OTHER, 987654321, "group");
    let form = claim_form("OC100002", &[("90834", "2026-03-04", 1, "100")], "")
        .replace(&admin_npi(), &npi(987654321));
    let v = submit_as(sb, "other", &form).ok().json();
    v["icn"].as_str().unwrap().to_string()
}

fn show(sb: &Sandbox, actor: &str, ra: &str) -> Value {
    sb.json_as(actor, &["remit", "show", ra])
}

fn list(sb: &Sandbox, actor: &str) -> Vec<Value> {
    sb.json_as(actor, &["remit", "list"])
        .as_array()
        .cloned()
        .unwrap()
}

fn claim_of<'a>(ra: &'a Value, icn: &str) -> &'a Value {
    ra["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["icn"] == icn)
        .unwrap_or_else(|| panic!("{icn} is not on {ra}"))
}

fn cents(v: &Value) -> i64 {
    (v.as_f64().unwrap() * 100.0).round() as i64
}

/// billed = paid + Σ CAS per claim and per line; BPR02 = Σ CLP04 − Σ PLB.
fn assert_balances(ra: &Value) {
    let mut clp = 0;
    for c in ra["claims"].as_array().unwrap() {
        let adj: i64 = c["adjustments"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| cents(&a["amount"]))
            .sum();
        assert_eq!(cents(&c["billed"]), cents(&c["paid"]) + adj, "{c}");
        for l in c["lines"].as_array().unwrap() {
            let adj: i64 = l["adjustments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| cents(&a["amount"]))
                .sum();
            assert_eq!(cents(&l["billed"]), cents(&l["paid"]) + adj, "{l}");
        }
        clp += cents(&c["paid"]);
    }
    let plb: i64 = ra["provider_adjustments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| cents(&p["amount"]))
        .sum();
    assert_eq!(cents(&ra["paid_amount"]), clp - plb, "{ra}");
    assert!(cents(&ra["paid_amount"]) >= 0);
}

#[test]
fn a_cycle_makes_one_remittance_per_provider_with_activity() {
    let sb = setup();
    accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    accepted(&sb, "OC100001", ("90834", "2026-03-03", 1, "50"), "");
    other_provider_claim(&sb);
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(v["remits"], 2);
    assert_eq!(v["paid"], 3);
    let mine = list(&sb, "admin");
    assert_eq!(mine.len(), 1);
    let ra = &mine[0];
    assert!(ra["remit_id"].as_str().unwrap().starts_with("RA"));
    assert_eq!(ra["cycle"], 1);
    assert_eq!(ra["provider_id"], "506675928");
    assert_eq!(ra["issued_on"], "2026-03-16");
    assert_eq!(ra["paid_amount"], 182.0);
    assert_eq!(ra["claims"], 2);
    let theirs = list(&sb, "other");
    assert_eq!(theirs.len(), 1);
    assert_eq!(theirs[0]["provider_id"], OTHER);
    assert_ne!(theirs[0]["remit_id"], ra["remit_id"]);
    // A cycle with no activity makes none.
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(v["remits"], 0);
    assert_eq!(list(&sb, "admin").len(), 1);
    assert_eq!(sb.count("SELECT count(*) FROM remits"), 2);
}

#[test]
fn paid_and_denied_claims_carry_clp02_1_and_4_with_co_45_and_co_96() {
    let sb = setup();
    let paid = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    let denied = accepted(&sb, "OC100001", ("90838", "2026-03-03", 1, "150"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let ra_id = list(&sb, "admin")[0]["remit_id"]
        .as_str()
        .unwrap()
        .to_string();
    let ra = show(&sb, "admin", &ra_id);
    assert_eq!(ra["remit_id"], ra_id.as_str());
    assert_eq!(ra["paid_amount"], 132.0);
    assert_eq!(ra["payment_method"], "CHK");
    let p = claim_of(&ra, &paid);
    assert_eq!(
        (p["status"].as_str(), p["status_code"].as_str()),
        (Some("paid"), Some("1"))
    );
    assert_eq!(
        (
            p["billed"].as_f64(),
            p["allowed"].as_f64(),
            p["paid"].as_f64()
        ),
        (Some(180.0), Some(132.0), Some(132.0))
    );
    assert_eq!(p["member_id"], "OC100001");
    assert_eq!(p["member_name"], "Rivera, Ana");
    assert_eq!(p["adjustments"][0]["group"], "CO");
    assert_eq!(p["adjustments"][0]["carc"], "45");
    assert_eq!(p["adjustments"][0]["amount"], 48.0);
    assert_eq!(p["lines"][0]["adjustments"][0]["carc"], "45");
    let d = claim_of(&ra, &denied);
    assert_eq!(
        (d["status"].as_str(), d["status_code"].as_str()),
        (Some("denied"), Some("4"))
    );
    assert_eq!(d["paid"], 0.0);
    assert_eq!(d["adjustments"][0]["carc"], "96");
    assert_eq!(d["adjustments"][0]["amount"], 150.0);
    assert!(d["adjustments"][0]["text"]
        .as_str()
        .unwrap()
        .contains("not on the Medicaid fee schedule"));
    assert_balances(&ra);
    // The human form reads like an RA: claim, member, billed, allowed, paid, each CARC's text.
    let text = sb
        .run_as("admin", &["remit", "show", &ra_id], None)
        .ok()
        .stdout;
    for want in [
        paid.as_str(),
        "Rivera, Ana",
        "180.00",
        "132.00",
        "CO-45",
        "Charge exceeds fee schedule",
        "CO-96",
    ] {
        assert!(text.contains(want), "{want} missing from:\n{text}");
    }
}

#[test]
fn a_voided_claim_is_reversed_with_clp02_22_and_a_shortfall_carried_as_a_forward_balance() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.json_as("admin", &["claim", "void", &icn]);
    let v = ops(&sb, &["ops", "claims", "adjudicate"]);
    assert_eq!(v["remits"], 1);
    let ras = list(&sb, "admin");
    assert_eq!(ras.len(), 2);
    // Newest first: cycle 2 carries the reversal and pays nothing.
    assert_eq!(ras[0]["cycle"], 2);
    let ra = show(&sb, "admin", ras[0]["remit_id"].as_str().unwrap());
    let r = claim_of(&ra, &icn);
    assert_eq!(r["status_code"], "22");
    assert_eq!(r["status"], "reversed");
    assert_eq!(
        (r["billed"].as_f64(), r["paid"].as_f64()),
        (Some(-180.0), Some(-132.0))
    );
    assert_eq!(r["adjustments"][0]["amount"], -48.0);
    assert_eq!(ra["paid_amount"], 0.0);
    assert_eq!(ra["payment_method"], "NON");
    assert_eq!(ra["provider_adjustments"][0]["reason"], "FB");
    assert_eq!(ra["provider_adjustments"][0]["amount"], -132.0);
    assert_balances(&ra);
    // The next cycle with a payment collects the balance.
    let new = accepted(&sb, "OC100001", ("90834", "2026-03-11", 2, "250"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let ra3 = show(
        &sb,
        "admin",
        list(&sb, "admin")[0]["remit_id"].as_str().unwrap(),
    );
    assert_eq!(claim_of(&ra3, &new)["paid"], 192.0);
    assert_eq!(ra3["provider_adjustments"][0]["reason"], "FB");
    assert_eq!(ra3["provider_adjustments"][0]["amount"], 132.0);
    assert_eq!(ra3["paid_amount"], 60.0);
    assert_balances(&ra3);
}

#[test]
fn reversals_net_against_payments_on_the_same_remittance() {
    let sb = setup();
    let old = accepted(&sb, "OC100001", ("90834", "2026-03-10", 1, "50"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.json_as("admin", &["claim", "void", &old]);
    accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let ra = show(
        &sb,
        "admin",
        list(&sb, "admin")[0]["remit_id"].as_str().unwrap(),
    );
    assert_eq!(ra["claims"].as_array().unwrap().len(), 2);
    assert_eq!(ra["paid_amount"], 82.0);
    assert!(ra["provider_adjustments"].as_array().unwrap().is_empty());
    assert_balances(&ra);
}

#[test]
fn another_providers_remittance_is_not_found_like_an_unknown_one() {
    let sb = setup();
    accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    other_provider_claim(&sb);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let mine = list(&sb, "admin")[0]["remit_id"]
        .as_str()
        .unwrap()
        .to_string();
    let foreign = sb.run_as("other", &["remit", "show", &mine], None).code(5);
    let unknown = sb
        .run_as("other", &["remit", "show", "RA99999999"], None)
        .code(5);
    let strip = |s: &str, id: &str| s.replace(id, "RA");
    assert_eq!(
        strip(&foreign.stderr, &mine),
        strip(&unknown.stderr, "RA99999999")
    );
    sb.run_as("other", &["remit", "export", &mine, "--x12"], None)
        .code(5);
    sb.run_as("admin", &["remit", "show", "X12"], None)
        .code(6)
        .err_contains("RA and digits");
    sb.run_as("admin", &["remit", "export", &mine], None)
        .code(2)
        .err_contains("--x12");
}

#[test]
fn export_writes_an_835_valid_under_pyx12() {
    let sb = setup();
    let paid = accepted(
        &sb,
        "OC100001",
        ("90837:GT", "2026-03-02", 1, "180"),
        "patient_control_number = \"PCN-77\"",
    );
    accepted(&sb, "OC100001", ("90838", "2026-03-03", 1, "150"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    sb.json_as("admin", &["claim", "void", &paid]);
    accepted(&sb, "OC100002", ("90834", "2026-03-05", 1, "100"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let mut files = Vec::new();
    for ra in list(&sb, "admin") {
        let id = ra["remit_id"].as_str().unwrap().to_string();
        let out = sb.path(&format!("{id}.835"));
        let v = sb.json_as(
            "admin",
            &[
                "remit",
                "export",
                &id,
                "--x12",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(v["format"], "835");
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(&format!("~TRN*1*{id}*")), "{text}");
        assert!(text.contains("~ST*835*0001~"));
        // stdout gets the same file (its interchange time aside: the two may run in
        // different minutes).
        let stdout = sb
            .run_as("admin", &["remit", "export", &id, "--x12"], None)
            .ok()
            .stdout;
        assert_eq!(
            without_times(stdout.trim_end()),
            without_times(text.trim_end())
        );
        files.push(out.to_str().unwrap().to_string());
    }
    let first = std::fs::read_to_string(&files[1]).unwrap();
    assert!(
        first.contains(&format!("~CLP*PCN-77*1*180*125*0*MC*{paid}*11*1~")),
        "{first}"
    );
    assert!(first.contains("~SVC*HC:90837:GT*180*125**1~"), "{first}");
    let second = std::fs::read_to_string(&files[0]).unwrap();
    assert!(
        second.contains(&format!("*22*-180*-125*0*MC*{paid}*")),
        "{second}"
    );
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    pyx12_valid(&refs);
}

#[test]
fn claim_status_names_the_remittance_that_carried_the_claim() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    assert_eq!(status(&sb, &icn)["remit_id"], Value::Null);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let first = list(&sb, "admin")[0]["remit_id"].clone();
    assert_eq!(status(&sb, &icn)["remit_id"], first);
    sb.json_as("admin", &["claim", "void", &icn]);
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let second = list(&sb, "admin")[0]["remit_id"].clone();
    assert_ne!(first, second);
    assert_eq!(status(&sb, &icn)["remit_id"], second);
}

/// One accepted claim paid by a cycle: the sandbox, its ICN and its RA.
fn one_paid_claim() -> (Sandbox, String, String) {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let ra = list(&sb, "admin")[0]["remit_id"]
        .as_str()
        .unwrap()
        .to_string();
    (sb, icn, ra)
}

/// `remit show` and `remit export` of `ra` both refuse it: exit 7 with `why`.
fn refused_on_read(sb: &Sandbox, ra: &str, why: &str) {
    for args in [
        vec!["remit", "show", ra],
        vec!["remit", "export", ra, "--x12"],
    ] {
        sb.run_as("admin", &args, None)
            .code(7)
            .err_contains(why)
            .err_contains("the store was changed outside mmis");
    }
}

#[test]
fn a_remittance_whose_claim_lines_were_forged_is_refused_not_printed_with_other_figures() {
    // A CLP's SVCs and CASes are made again from the claim's priced lines when the RA is
    // read: a line changed behind mmis's back no longer adds up to the stored CLP.
    let (sb, icn, ra) = one_paid_claim();
    let before = show(&sb, "admin", &ra);
    assert_balances(&before);
    // The one line's paid amount, 1 put before its digits (the claim's outcomes: one token).
    sb.sql(&format!(
        "UPDATE claims SET line_outcomes = '1' || line_outcomes WHERE icn = '{icn}'"
    ));
    refused_on_read(
        &sb,
        &ra,
        &format!("remittance {ra}: the lines of claim {icn} add up to"),
    );
}

#[test]
fn a_remittance_whose_stored_clp_status_was_forged_is_refused() {
    // A paid claim's CLP stored as denied (CLP02 4): its lines make a payment (CLP02 1).
    let (sb, icn, ra) = one_paid_claim();
    sb.sql(&format!(
        "UPDATE remit_claims SET status_code = '4' WHERE claim_id = \
         (SELECT id FROM claims WHERE icn = '{icn}')"
    ));
    refused_on_read(
        &sb,
        &ra,
        &format!("remittance {ra}: claim {icn} is stored as CLP02 4"),
    );
}

#[test]
fn a_claim_whose_stored_line_outcomes_were_forged_is_refused_naming_it() {
    // A priced claim keeps its lines' outcomes in one column, a token per line: a token that
    // is not an amount or a CARC, or one too few or too many, is refused (exit 7), not read.
    let (sb, icn, ra) = one_paid_claim();
    assert_eq!(status(&sb, &icn)["status"], "paid");
    for forged in ["12x", "D", "D96 D96", "", "99999999999999999999"] {
        sb.sql(&format!(
            "UPDATE claims SET line_outcomes = '{forged}' WHERE icn = '{icn}'"
        ));
        for args in [
            vec!["claim", "status", icn.as_str()],
            vec!["remit", "show", ra.as_str()],
        ] {
            sb.run_as("admin", &args, None)
                .code(7)
                .err_contains(&format!(
                    "claim {icn}: its stored line outcomes do not match its lines"
                ));
        }
    }
}

/// An 835 with its interchange and group times (ISA10, GS05) blanked: two commands run a
/// minute apart write different ones.
fn without_times(x12: &str) -> String {
    x12.split('~')
        .map(|seg| {
            let mut el: Vec<&str> = seg.trim_start().split('*').collect();
            match el.first() {
                Some(&"ISA") if el.len() > 10 => el[10] = "",
                Some(&"GS") if el.len() > 5 => el[5] = "",
                _ => {}
            }
            el.join("*")
        })
        .collect::<Vec<_>>()
        .join("~")
}

/// The files in a folder, by name.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn the_cycle_writes_each_remittances_835_as_remit_export_would() {
    let sb = setup();
    let paid = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    accepted(&sb, "OC100001", ("90838", "2026-03-03", 1, "150"), "");
    other_provider_claim(&sb);
    let dir = sb.path("835s");
    std::fs::create_dir(&dir).unwrap();
    let d = dir.to_str().unwrap();
    // Cycle 1: two providers, paid and denied claims. Cycle 2: a reversal and a forward
    // balance (PLB), and a new payment.
    let mut written = Vec::new();
    for cycle in 1..=2 {
        if cycle == 2 {
            sb.json_as("admin", &["claim", "void", &paid]);
            accepted(&sb, "OC100001", ("90834", "2026-03-11", 1, "20"), "");
        }
        let v = ops(&sb, &["ops", "claims", "adjudicate", "--x12-dir", d]);
        let files: Vec<String> = v["x12_files"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap().to_string())
            .collect();
        assert_eq!(files.len() as i64, v["remits"].as_i64().unwrap(), "{v}");
        written.extend(files);
    }
    assert_eq!(written.len(), 3);
    // Only the 835s are left in the folder (no spool, no temporary file).
    let mut want: Vec<String> = written
        .iter()
        .map(|f| {
            std::path::Path::new(f)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    want.sort();
    assert_eq!(names_in(&dir), want);
    let mut ras: Vec<(String, &str)> = Vec::new();
    for actor in ["admin", "other"] {
        for r in list(&sb, actor) {
            ras.push((r["remit_id"].as_str().unwrap().to_string(), actor));
        }
    }
    assert_eq!(ras.len(), 3);
    for (ra, actor) in &ras {
        let path = dir.join(format!("{ra}.835"));
        assert!(written.contains(&path.display().to_string()), "{ra}");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{ra}");
        }
        let ours = std::fs::read_to_string(&path).unwrap();
        let exported = sb
            .run_as(actor, &["remit", "export", ra, "--x12"], None)
            .ok()
            .stdout;
        assert_eq!(without_times(&ours), without_times(&exported), "{ra}");
    }
    let files: Vec<&str> = written.iter().map(String::as_str).collect();
    if pyx12_valid(&files) {
        eprintln!("pyx12: the cycle's 835s are valid");
    }
    // The cycle's audit entry says where they went.
    let log = ops(&sb, &["audit", "log", "--action", "ops claims adjudicate"]);
    assert!(log[0]["detail"].as_str().unwrap().contains("835"), "{log}");
}

/// `ops claims adjudicate --x12-dir DIR`, as the operator.
fn cycle_into(sb: &Sandbox, dir: &std::path::Path) -> crate::common::Run {
    let dir = dir.to_str().unwrap();
    sb.run_as(
        "ops",
        &["ops", "claims", "adjudicate", "--x12-dir", dir],
        None,
    )
}

#[test]
fn a_cycle_refuses_an_x12_dir_it_cannot_write_and_runs_nothing() {
    let sb = setup();
    let icn = accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    let missing = sb.path("nope");
    let file = sb.write("a-file", "x");
    let real = sb.path("real");
    std::fs::create_dir(&real).unwrap();
    let link = sb.path("link");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&real, &link).unwrap();
    for (dir, why) in [
        (&missing, "does not exist"),
        (&file, "is not a folder"),
        (&link, "is a symbolic link"),
    ] {
        cycle_into(&sb, dir)
            .code(6)
            .err_contains("--x12-dir")
            .err_contains(why);
        assert_eq!(status(&sb, &icn)["status"], "accepted");
    }
    // A target that is a symbolic link: refused, the cycle rolled back, the link left alone
    // and nothing else left in the folder.
    let elsewhere = sb.write("elsewhere", "keep");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&elsewhere, real.join("RA00000001.835")).unwrap();
    cycle_into(&sb, &real).code(6).err_contains("symbolic link");
    assert_eq!(status(&sb, &icn)["status"], "accepted");
    assert_eq!(sb.count("SELECT count(*) FROM remits"), 0);
    assert_eq!(names_in(&real), ["RA00000001.835"]);
    assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "keep");
    // Without the link, the same cycle runs.
    std::fs::remove_file(real.join("RA00000001.835")).unwrap();
    let v = ops(
        &sb,
        &[
            "ops",
            "claims",
            "adjudicate",
            "--x12-dir",
            real.to_str().unwrap(),
        ],
    );
    assert_eq!(v["paid"], 1);
    assert_eq!(names_in(&real), ["RA00000001.835"]);
}

#[test]
fn remit_commands_are_audited() {
    let sb = setup();
    accepted(&sb, "OC100001", ("90837", "2026-03-02", 1, "180"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let id = list(&sb, "admin")[0]["remit_id"]
        .as_str()
        .unwrap()
        .to_string();
    show(&sb, "admin", &id);
    let log = ops(&sb, &["audit", "log", "--action", "remit show"]);
    let e = &log.as_array().unwrap()[0];
    assert_eq!(e["target"], id.as_str());
    assert_eq!(e["outcome"], "ok");
}

#[test]
fn a_remittance_value_written_outside_mmis_is_exit_8_naming_its_column() {
    let (sb, _icn, ra) = one_paid_claim();
    sb.sql(&format!(
        "UPDATE remits SET issued_on = '03/16/2026' WHERE remit_id = '{ra}'"
    ));
    for args in [
        vec!["remit", "list"],
        vec!["remit", "show", ra.as_str()],
        vec!["remit", "export", ra.as_str(), "--x12"],
    ] {
        sb.run_as("admin", &args, None)
            .code(8)
            .err_contains("holds a value mmis does not write")
            .err_contains("issued_on: not a date (YYYY-MM-DD): \"03/16/2026\"")
            .err_contains("the store was changed outside mmis");
    }
    sb.sql(&format!(
        "UPDATE remits SET issued_on = '2026-03-16', paid_amount = 10000000000 \
         WHERE remit_id = '{ra}'"
    ));
    sb.run_as("admin", &["remit", "show", &ra], None)
        .code(8)
        .err_contains("paid_amount: an amount above 99999999.99: 10000000000 cents");
}
