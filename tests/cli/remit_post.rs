//! `remit post`: an 835 posted onto the signed-in provider's claims — matched, unmatched,
//! paid differs, takebacks (CLP02 22 and PLB), posted twice, another provider's claims,
//! a malformed file, the conformance 835s, and `claim status` showing the posting.

use crate::access::other_admin;
use crate::claims::{
    accepted, claim_form, ops, setup, shared_dir, status, submit_as, write_unique,
};
use crate::common::{npi, Sandbox};
use serde_json::Value;

/// One claim payment: CLP01, CLP02, CLP03, CLP04, CLP07.
type Clp<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str);

fn cents(s: &str) -> i64 {
    (s.parse::<f64>().unwrap() * 100.0).round() as i64
}

fn amount(c: i64) -> String {
    let sign = if c < 0 { "-" } else { "" };
    format!("{sign}{}.{:02}", c.abs() / 100, c.abs() % 100)
}

/// An 835 (one interchange, one set) with trace `trace`: a CLP (with a CAS and an SVC)
/// per payment, then one PLB of (reason:reference, amount) pairs; BPR02 balances.
fn remit(trace: &str, clps: &[Clp<'_>], plb: &[(&str, &str)]) -> String {
    let total: i64 =
        clps.iter().map(|c| cents(c.3)).sum::<i64>() - plb.iter().map(|p| cents(p.1)).sum::<i64>();
    let mut segs = vec![
        format!(
            "BPR*I*{}*C*ACH*CCP*01*999999999*DA*123456*1930000000**01*999988880*DA*98765*20260320",
            amount(total)
        ),
        format!("TRN*1*{trace}*1930000000"),
        "N1*PR*OREGON HEALTH AUTHORITY".to_string(),
        format!("N1*PE*JONES FAMILY THERAPY*XX*{}", npi(123456789)),
        "LX*1".to_string(),
    ];
    for (pcn, st, billed, paid, icn) in clps {
        segs.push(format!("CLP*{pcn}*{st}*{billed}*{paid}**MC*{icn}"));
        let adj = cents(billed) - cents(paid);
        if adj != 0 && *st != "22" {
            segs.push(format!("CAS*CO*45*{}", amount(adj)));
        }
        segs.push(format!("SVC*HC:90837*{billed}*{paid}**1"));
    }
    if !plb.is_empty() {
        let pairs: Vec<String> = plb.iter().map(|(r, a)| format!("{r}*{a}")).collect();
        segs.push(format!(
            "PLB*{}*20261231*{}",
            npi(123456789),
            pairs.join("*")
        ));
    }
    let mut s = String::from("ISA*00*          *00*          *ZZ*ORMMIS         *ZZ*506675928      *260320*1200*^*00501*000000007*0*T*:~GS*HP*ORMMIS*506675928*20260320*1200*7*X*005010X221A1~ST*835*0001~");
    for g in &segs {
        s.push_str(g);
        s.push('~');
    }
    s.push_str(&format!(
        "SE*{}*0001~GE*1*7~IEA*1*000000007~",
        segs.len() + 2
    ));
    s
}

fn post(sb: &Sandbox, text: &str) -> Value {
    let f = write_unique(sb, "835", text);
    sb.json_as("admin", &["remit", "post", &f])
}

fn postings(sb: &Sandbox) -> Vec<Vec<Option<String>>> {
    sb.rows(
        "SELECT r.provider_id, r.payer_id, r.remit_id, p.kind, p.seq, p.claim_id, p.clp01, p.clp02,
                p.paid, p.expected, p.payer_icn, u.posted_on, u.file_sha256
         FROM postings p JOIN posted_remits r ON r.id = p.remit JOIN posting_runs u ON u.id = p.run
         ORDER BY p.run, p.remit, p.kind, p.seq",
    )
}

fn counts(v: &Value) -> [i64; 6] {
    [
        "claims",
        "matched",
        "unmatched",
        "differs",
        "takebacks",
        "already_posted",
    ]
    .map(|k| v[k].as_i64().unwrap_or(-1))
}

/// Two paid claims of the admin's: one with a patient control number (90837, paid
/// 132.00), one keyed on the portal without one (90834 charge 50, paid 50.00).
fn two_paid(sb: &Sandbox) -> (String, String) {
    let a = accepted(
        sb,
        "OC100001",
        ("90837", "2026-03-02", 1, "180"),
        "patient_control_number = \"JFT-1\"",
    );
    let b = accepted(sb, "OC100002", ("90834", "2026-03-03", 1, "50"), "");
    ops(sb, &["ops", "claims", "adjudicate"]);
    (a, b)
}

#[test]
fn our_payments_match_by_icn_and_claim_status_shows_the_posting() {
    let sb = setup();
    let (a, b) = two_paid(&sb);
    assert_eq!(status(&sb, &a)["posted"], Value::Null);
    let v = post(
        &sb,
        &remit(
            "RA000001",
            &[("JFT-1", "1", "180", "132", &a), (&b, "1", "50", "50", &b)],
            &[],
        ),
    );
    assert_eq!(counts(&v), [2, 2, 0, 0, 0, 0]);
    assert_eq!(v["paid_amount"], 182.0);
    assert_eq!(v["exceptions"], serde_json::json!([]));
    let s = status(&sb, &a);
    // `remit_id` names the RA of the payment cycle that carried the claim; the posting
    // keeps the 835's own trace.
    assert_eq!(s["remit_id"], "RA00000001");
    assert_eq!(
        s["posted"],
        serde_json::json!({"remit_id": "RA000001", "paid": 132.0, "posted_on": "2026-03-16"})
    );
    assert_eq!(status(&sb, &b)["posted"]["paid"], 50.0);
    // The human reading says where the payment came from.
    let text = sb
        .run_as("admin", &["claim", "status", &a, "--format", "table"], None)
        .ok()
        .stdout;
    assert!(
        text.contains("Posted 132.00 from remittance RA000001 on 2026-03-16"),
        "{text}"
    );
    // Every claim payment is recorded, with the claim and what we expected.
    let rows = postings(&sb);
    assert_eq!(rows.len(), 2);
    let r = &rows[0];
    assert_eq!(r[0].as_deref(), Some("506675928"));
    assert_eq!(r[1].as_deref(), Some("1930000000"));
    assert_eq!(r[2].as_deref(), Some("RA000001"));
    assert_eq!(r[3].as_deref(), Some("claim"));
    assert_eq!(r[6].as_deref(), Some("JFT-1"));
    assert_eq!(r[8].as_deref(), Some("13200"));
    assert_eq!(r[9].as_deref(), Some("13200"));
    assert_eq!(r[10].as_deref(), Some(a.as_str()));
    assert_eq!(r[12].as_ref().map(|h| h.len()), Some(64));
}

#[test]
fn unmatched_and_differing_payments_are_counted_and_listed() {
    let sb = setup();
    let (a, b) = two_paid(&sb);
    let text = remit(
        "RA000002",
        &[
            // Paid 120.00 where we paid 132.00.
            ("JFT-1", "1", "180", "120", &a),
            // Our ICN with another patient control number: not this claim.
            ("OTHER-PCN", "1", "50", "50", &b),
            // Nobody's claim.
            ("NOPE", "1", "10", "10", "2099999999999"),
        ],
        &[],
    );
    let v = post(&sb, &text);
    assert_eq!(counts(&v), [3, 1, 2, 1, 0, 0]);
    assert_eq!(v["paid_amount"], 180.0);
    let kinds: Vec<&str> = v["exceptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["differs", "unmatched", "unmatched"]);
    assert_eq!(v["exceptions"][0]["expected"], 132.0);
    assert_eq!(v["exceptions"][0]["paid"], 120.0);
    assert_eq!(v["exceptions"][0]["icn"], a.as_str());
    assert_eq!(v["exceptions"][2]["payer_icn"], "2099999999999");
    // An unmatched payment is recorded with no claim.
    assert_eq!(
        sb.count("SELECT count(*) FROM postings WHERE claim_id IS NULL"),
        2
    );
    // The human form lists the unmatched and differing claims with the totals.
    let text = remit(
        "RA000003",
        &[
            ("NOPE2", "1", "10", "10", "2099999999998"),
            ("JFT-1", "1", "180", "100", &a),
        ],
        &[],
    );
    let f = write_unique(&sb, "835", &text);
    let out = sb
        .run_as("admin", &["remit", "post", &f, "--format", "table"], None)
        .ok()
        .stdout;
    assert!(out.contains("2 claim payment(s) in 1 remittance(s): 1 matched, 1 unmatched, 1 paid differs, 0 takeback(s), 0 already posted. Paid 110.00."), "{out}");
    assert!(out.contains("Unmatched (no claim of this provider):\n  RA000003  PCN NOPE2  payer ICN 2099999999998  status 1  paid 10.00"), "{out}");
    assert!(out.contains(&format!("Paid differs from what we expected:\n  RA000003  PCN JFT-1  claim {a}  status 1  paid 100.00  expected 132.00")), "{out}");
}

#[test]
fn a_patient_control_number_alone_matches_when_the_835_names_no_icn_of_ours() {
    let sb = setup();
    let (a, _) = two_paid(&sb);
    let v = post(
        &sb,
        &remit(
            "RA000004",
            &[("JFT-1", "1", "180", "132", "PAYER-OWN-9")],
            &[],
        ),
    );
    assert_eq!(counts(&v), [1, 1, 0, 0, 0, 0]);
    assert_eq!(status(&sb, &a)["posted"]["remit_id"], "RA000004");
}

#[test]
fn takebacks_are_reversals_and_plb_recoupments() {
    let sb = setup();
    let (a, b) = two_paid(&sb);
    sb.json_as("admin", &["claim", "void", &a]);
    let v = post(
        &sb,
        &remit(
            "RA000005",
            &[("JFT-1", "22", "-180", "-132", &a)],
            &[(&format!("WO:{b}"), "50"), ("L6", "-1.25")],
        ),
    );
    // The reversal and the recoupment are takebacks; interest (a negative PLB) is not.
    assert_eq!(counts(&v), [1, 1, 0, 0, 2, 0]);
    assert_eq!(v["paid_amount"], -132.0 - 50.0 + 1.25);
    let e = &v["exceptions"];
    assert_eq!(e[0]["kind"], "takeback");
    assert_eq!(e[0]["expected"], -132.0);
    assert_eq!(e[1]["kind"], "takeback");
    assert_eq!(e[1]["status_code"], "PLB WO");
    assert_eq!(e[1]["icn"], b.as_str());
    assert_eq!(e[1]["paid"], -50.0);
    assert!(status(&sb, &a)["posted"].is_object());
    // A PLB names the claim it recoups.
    assert_eq!(
        sb.one(
            "SELECT c.icn FROM postings p JOIN claims c ON c.id = p.claim_id WHERE p.kind = 'plb'"
        ),
        b
    );
    // A negative CLP04 without CLP02 22 is a takeback too.
    let v = post(&sb, &remit("RA000006", &[(&b, "1", "50", "-50", &b)], &[]));
    assert_eq!(counts(&v), [1, 1, 0, 0, 1, 0]);
}

#[test]
fn posting_the_same_835_twice_changes_nothing() {
    let sb = setup();
    let (a, b) = two_paid(&sb);
    let text = remit(
        "RA000007",
        &[
            ("JFT-1", "1", "180", "132", &a),
            (&b, "1", "50", "40", &b),
            ("X", "1", "1", "1", ""),
        ],
        &[(&format!("WO:{a}"), "5")],
    );
    let v = post(&sb, &text);
    assert_eq!(counts(&v), [3, 2, 1, 1, 1, 0]);
    let before = postings(&sb);
    let tables = |sb: &Sandbox| {
        ["posted_remits", "posting_runs", "postings"]
            .map(|t| sb.count(&format!("SELECT count(*) FROM {t}")))
    };
    assert_eq!(tables(&sb), [1, 1, 4]);
    let v = post(&sb, &text);
    assert_eq!(counts(&v), [3, 0, 0, 0, 0, 4]);
    assert_eq!(v["paid_amount"], 0.0);
    assert_eq!(postings(&sb), before);
    assert_eq!(tables(&sb), [1, 1, 4]);
    // Both posts are audited with the counts and the file's SHA-256.
    let log = sb.json_as("ops", &["audit", "log", "--action", "remit post"]);
    let log = log.as_array().unwrap();
    assert_eq!(log.len(), 2);
    let sha = before[0][12].clone().unwrap();
    let last = log.last().unwrap();
    assert_eq!(last["outcome"], "ok", "{last}");
    let detail = last["detail"].as_str().unwrap();
    assert!(
        detail.contains(
            "claims 3, matched 0, unmatched 0, differs 0, takebacks 0, already posted 4, paid 0.00"
        ),
        "{detail}"
    );
    assert!(detail.contains(&format!("835 sha256 {sha}")), "{detail}");
}

#[test]
fn another_providers_claim_never_matches() {
    let sb = setup();
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    let form = claim_form(
        "OC100001",
        &[("90837", "2026-03-02", 1, "180")],
        "patient_control_number = \"BOB-1\"",
    )
    .replace(&npi(123456789), &npi(111111111));
    let v = submit_as(&sb, "bob", &form).ok().json();
    let theirs = v["icn"].as_str().unwrap().to_string();
    ops(&sb, &["ops", "claims", "adjudicate"]);
    // By ICN, by patient control number, by ICN as CLP01: none is ours.
    let v = post(
        &sb,
        &remit(
            "RA000008",
            &[
                ("BOB-1", "1", "180", "132", &theirs),
                ("BOB-1", "1", "180", "132", ""),
                (&theirs, "1", "180", "132", ""),
            ],
            &[(&format!("WO:{theirs}"), "10")],
        ),
    );
    assert_eq!(counts(&v), [3, 0, 3, 0, 1, 0]);
    assert_eq!(
        sb.count("SELECT count(*) FROM postings WHERE claim_id IS NOT NULL"),
        0
    );
    assert_eq!(
        sb.json_as("bob", &["claim", "status", &theirs])["posted"],
        Value::Null
    );
}

#[test]
fn a_malformed_835_is_refused_naming_the_segment_and_posts_nothing() {
    let sb = setup();
    let (a, _) = two_paid(&sb);
    // A good claim payment first, then a CAS with an amount that is not one.
    let text = remit("RA000009", &[("JFT-1", "1", "180", "132", &a)], &[])
        .replace(
            "SVC*HC:90837*180*132**1~",
            "SVC*HC:90837*180*132**1~CAS*CO*45*4x~",
        )
        .replace("SE*10*", "SE*11*");
    let f = write_unique(&sb, "835", &text);
    let r = sb
        .run_as("admin", &["remit", "post", &f, "--json"], None)
        .code(6);
    r.err_contains("is not a readable 835: segment 12 (CAS): CAS03 \"4x\" is not an amount")
        .err_contains("nothing was posted");
    assert_eq!(sb.count("SELECT count(*) FROM postings"), 0);
    let log = sb.json_as("ops", &["audit", "log", "--action", "remit post"]);
    assert_eq!(
        log.as_array().unwrap().last().unwrap()["outcome"],
        "refused"
    );
    // Not an 835 at all.
    let f = write_unique(&sb, "835", "hello");
    sb.run_as("admin", &["remit", "post", &f], None)
        .code(6)
        .err_contains("not an X12 interchange");
    // A broken count in the second interchange names it.
    let good = remit("RA000010", &[], &[]);
    let f = write_unique(
        &sb,
        "835",
        &format!("{good}\n{}", good.replace("SE*7*", "SE*8*")),
    );
    sb.run_as("admin", &["remit", "post", &f], None)
        .code(6)
        .err_contains("interchange 2 of 2: segment 9 (SE): SE01 says 8 segments");
    assert_eq!(sb.count("SELECT count(*) FROM postings"), 0);
}

#[test]
fn an_835_over_the_size_limit_is_refused_before_reading() {
    let sb = setup();
    let f = sb.path("big.835");
    let file = std::fs::File::create(&f).unwrap();
    file.set_len(48 * 1024 * 1024 + 1).unwrap();
    sb.run_as("admin", &["remit", "post", f.to_str().unwrap()], None)
        .code(6)
        .err_contains("too large for an 835");
}

#[test]
fn the_conformance_835s_post_without_error() {
    let Some(shared) = shared_dir() else { return };
    let sb = setup();
    let dir = shared.join("x12/conformance/835");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "edi"))
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{}", dir.display());
    for p in names {
        let v = sb.json_as("admin", &["remit", "post", p.to_str().unwrap()]);
        let claims = v["claims"].as_i64().unwrap();
        assert!(claims >= 1, "{}: {v}", p.display());
        // Nobody's claims here: each one is unmatched, or was posted by an earlier file
        // with the same payer, trace number and order (the corpus reuses trace 12345).
        assert_eq!(v["matched"], 0, "{}", p.display());
        let unmatched = v["unmatched"].as_i64().unwrap();
        let again = v["already_posted"].as_i64().unwrap();
        assert!(
            unmatched <= claims && unmatched + again >= claims,
            "{}: {v}",
            p.display()
        );
    }
}

#[test]
fn at_most_1000_exceptions_are_listed_and_the_rest_counted() {
    let sb = setup();
    let pcns: Vec<String> = (0..1005).map(|k| format!("U{k}")).collect();
    let clps: Vec<Clp<'_>> = pcns
        .iter()
        .map(|p| (p.as_str(), "1", "1", "1", ""))
        .collect();
    let v = post(&sb, &remit("RA000011", &clps, &[]));
    assert_eq!(counts(&v), [1005, 0, 1005, 0, 0, 0]);
    assert_eq!(v["exceptions"].as_array().unwrap().len(), 1000);
    assert_eq!(v["exceptions_omitted"], 5);
    // Every one is recorded all the same.
    assert_eq!(sb.count("SELECT count(*) FROM postings"), 1005);
}

/// Issue 10 point 7: our own 835s post back onto our own claims, every payment matched,
/// none differing; a reversal is a takeback; posting them again changes nothing.
#[test]
fn our_own_835s_post_back_with_every_claim_matched() {
    let sb = setup();
    let (a, _b) = two_paid(&sb);
    // A second cycle: one claim voided (reversed) and a new one paid.
    sb.run_as("admin", &["claim", "void", &a], None).ok();
    accepted(&sb, "OC100001", ("90834", "2026-03-04", 1, "50"), "");
    ops(&sb, &["ops", "claims", "adjudicate"]);
    let list = sb.json_as("admin", &["remit", "list"]);
    let ras: Vec<String> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["remit_id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ras.len(), 2, "{list}");
    let mut clps = 0;
    for ra in &ras {
        let out = sb.path(&format!("{ra}.835"));
        sb.run_as(
            "admin",
            &[
                "remit",
                "export",
                ra,
                "--x12",
                "--out",
                out.to_str().unwrap(),
            ],
            None,
        )
        .ok();
        let text = std::fs::read_to_string(&out).unwrap();
        let n = text
            .split('~')
            .filter(|seg| seg.starts_with("CLP*"))
            .count() as i64;
        clps += n;
        let v = post(&sb, &text);
        assert_eq!(v["claims"], n, "{ra}: {v}");
        assert_eq!(v["matched"], n, "{ra}: {v}");
        assert_eq!(v["unmatched"], 0, "{ra}: {v}");
        assert_eq!(v["differs"], 0, "{ra}: {v}");
        if text.contains("CLP*")
            && text
                .split('~')
                .any(|seg| seg.starts_with("CLP*") && seg.split('*').nth(2) == Some("22"))
        {
            assert!(v["takebacks"].as_i64().unwrap() >= 1, "{ra}: {v}");
        }
        // Again: nothing new (every claim payment, and any provider adjustment, was posted).
        let again = post(&sb, &text);
        assert!(
            again["already_posted"].as_i64() >= v["claims"].as_i64(),
            "{ra}: {again}"
        );
        assert_eq!(again["matched"], 0, "{ra}: {again}");
        assert_eq!(again["paid_amount"], 0.0, "{ra}: {again}");
    }
    assert_eq!(clps, 4, "two paid, then one reversed and one paid");
    assert!(status(&sb, &a)["posted"].is_object());
}
