//! Issue 9 point 4: reads never wait for writes. A command's lookups run in a read snapshot,
//! its audit entry in a short write transaction of its own; a long `elig batch` holds no
//! lock while it waits on a slow roster; two writers still cannot both bill one service.

use crate::claims::{claim_form, setup, write_unique};
use crate::common::*;
use sha2::{Digest, Sha256};
use std::ffi::CString;
use std::io::Write;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

/// Far below the store's 30-second busy timeout: a command that waited on the batch would
/// take 30 s and fail with exit 8.
const PROMPT: Duration = Duration::from_secs(5);

/// Makes a FIFO (0600) at `path`.
pub fn mkfifo(path: &Path) {
    let c = CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o600) };
    assert_eq!(rc, 0, "mkfifo: {}", std::io::Error::last_os_error());
}

/// Opens the FIFO's writing end once `reader` has opened the other (never blocking: a
/// reader that died first fails the test instead of hanging it).
fn open_writer(fifo: &Path, reader: &mut Child) -> std::fs::File {
    let start = Instant::now();
    loop {
        match std::fs::OpenOptions::new()
            .write(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(fifo)
        {
            Ok(f) => return f,
            Err(e) if e.raw_os_error() == Some(libc::ENXIO) => {
                if let Some(status) = reader.try_wait().unwrap() {
                    panic!("the batch ended before reading its roster: {status}");
                }
                assert!(
                    start.elapsed() < PROMPT,
                    "the batch never opened its roster"
                );
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => panic!("open {}: {e}", fifo.display()),
        }
    }
}

/// Bytes written into the FIFO and not yet read by the batch.
fn unread(f: &std::fs::File) -> i32 {
    use std::os::unix::io::AsRawFd;
    let mut n: libc::c_int = 0;
    // SAFETY: FIONREAD writes one int.
    let rc = unsafe { libc::ioctl(f.as_raw_fd(), libc::FIONREAD, &mut n) };
    assert_eq!(rc, 0, "FIONREAD: {}", std::io::Error::last_os_error());
    n
}

/// Runs `mmis ARGS` as `actor`, asserting exit 0 well within [`PROMPT`].
#[track_caller]
fn promptly(sb: &Sandbox, actor: &str, args: &[&str]) -> Run {
    let start = Instant::now();
    let r = sb.run_as(actor, args, None);
    let took = start.elapsed();
    assert!(
        took < PROMPT,
        "`mmis {}` took {took:?} while the batch waited on its roster\nstderr:\n{}",
        args.join(" "),
        r.stderr
    );
    r.ok()
}

#[test]
fn a_batch_waiting_on_a_slow_roster_keeps_nobody_waiting() {
    let sb = setup();
    // Another person at the front desk: a session of their own.
    sb.login("desk", "JAMJON", ADMIN_PASSWORD);
    let fifo = sb.path("roster.fifo");
    mkfifo(&fifo);
    let mut batch = sb
        .std_cmd_as("admin")
        .args([
            "elig",
            "batch",
            fifo.to_str().unwrap(),
            "--format",
            "ndjson",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the batch");
    let mut roster = open_writer(&fifo, &mut batch);
    let head = b"health_id\nOC100001\n";
    roster.write_all(head).unwrap();
    // The batch has read what there is (so it is past its guard and waiting for more rows).
    let start = Instant::now();
    while unread(&roster) > 0 {
        assert!(start.elapsed() < PROMPT, "the batch never read its roster");
        if let Some(status) = batch.try_wait().unwrap() {
            panic!("the batch ended early: {status}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }

    // Meanwhile: another user, an eligibility check, a claim, and the operator's lists.
    let me = promptly(&sb, "ops", &["whoami", "--json"]).json();
    assert_eq!(me["user_name"], "ops");
    let v = promptly(
        &sb,
        "desk",
        &["elig", "check", "--id", "OC100001", "--json"],
    )
    .json();
    assert_eq!(v["eligible"], true, "{v}");
    let form = write_unique(
        &sb,
        "toml",
        &claim_form("OC100001", &[("90837", "2026-03-10", 1, "180")], ""),
    );
    let v = promptly(&sb, "desk", &["claim", "submit", "--form", &form, "--json"]).json();
    assert_eq!(v["status"], "accepted", "{v}");
    promptly(&sb, "ops", &["audit", "log", "--json"]);
    // The batch pins no snapshot while it waits: on SQLite the write-ahead log can be
    // checkpointed all the way (a reader on an old snapshot would keep it from being
    // truncated); on PostgreSQL no other connection is inside a transaction or holds a
    // snapshot (backend_xmin).
    if on_postgres() {
        let held = sb.count(
            "SELECT count(*) FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND (backend_xmin IS NOT NULL OR state LIKE 'idle in transaction%')",
        );
        assert_eq!(held, 0, "the batch holds a transaction open while it waits");
    } else {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.busy_timeout(Duration::from_secs(2)).unwrap();
        let (busy, log, done): (i64, i64, i64) = c
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .unwrap();
        assert_eq!((busy, log, done), (0, 0, 0), "the checkpoint was held back");
    }
    assert!(
        batch.try_wait().unwrap().is_none(),
        "the batch ended before its roster did"
    );

    // The roster ends: the batch answers and is audited with its counts and digest.
    let tail = b"OC100002\n";
    roster.write_all(tail).unwrap();
    drop(roster);
    let out = batch.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["health_id"], "OC100001");
    assert_eq!(rows[1]["health_id"], "OC100002");
    let log = sb.json_as("ops", &["audit", "log", "--action", "elig batch"]);
    let entries = log.as_array().unwrap();
    assert_eq!(entries.len(), 1, "{entries:?}");
    let mut h = Sha256::new();
    h.update(head);
    h.update(tail);
    let digest: String = h.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let detail = entries[0]["detail"].as_str().unwrap();
    assert_eq!(
        detail,
        format!(
            "rows 2, eligible 2, open-card 2, cco 0, not eligible 0, errors 0; roster sha256 {digest}"
        )
    );
    assert_eq!(entries[0]["outcome"], "ok");
    assert_eq!(entries[0]["actor"], "JAMJON");
    // Entered after the claim and the check that ran while it waited: written at its end
    // (the log is oldest first).
    let all = sb.json_as("ops", &["audit", "log"]);
    let actions: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    let at = |a: &str| actions.iter().position(|x| *x == a).unwrap();
    assert!(at("claim submit") < at("elig batch"), "{actions:?}");
    assert_eq!(sb.json_as("ops", &["audit", "verify"])["ok"], true);
}

#[test]
fn two_identical_claims_sent_at_once_are_one_claim_and_one_duplicate() {
    let sb = setup();
    sb.login("desk", "JAMJON", ADMIN_PASSWORD);
    for (round, date) in ["2026-03-02", "2026-03-03", "2026-03-04"]
        .iter()
        .enumerate()
    {
        let form = write_unique(
            &sb,
            "toml",
            &claim_form("OC100001", &[("90837", date, 1, "180")], ""),
        );
        let spawn = |actor: &str| {
            sb.std_cmd_as(actor)
                .args(["claim", "submit", "--form", &form, "--json"])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn")
        };
        let (a, b) = (spawn("admin"), spawn("desk"));
        let mut outs: Vec<_> = [a, b]
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        outs.sort_by_key(|o| o.status.code());
        let codes: Vec<_> = outs.iter().map(|o| o.status.code()).collect();
        let err = String::from_utf8_lossy(&outs[1].stderr);
        assert_eq!(codes, [Some(0), Some(7)], "round {round}: {err}");
        let accepted: serde_json::Value = serde_json::from_slice(&outs[0].stdout).unwrap();
        let icn = accepted["icn"].as_str().unwrap();
        assert!(err.contains(&format!("duplicate of claim {icn}")), "{err}");
    }
    let claims = sb.json_as("admin", &["claim", "list", "--member", "OC100001"]);
    assert_eq!(claims.as_array().unwrap().len(), 3, "{claims}");
}

/// A session timestamp `secs` seconds ago, as the store writes them (RFC 3339, UTC): sessions
/// run on the wall clock (MMIS_TODAY pins business dates only).
#[allow(clippy::disallowed_methods)]
fn ago(secs: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::seconds(secs))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The sessions whose last use is within the last `secs` seconds.
fn seen_within(sb: &Sandbox, secs: i64) -> i64 {
    sb.count(&format!(
        "SELECT count(*) FROM sessions WHERE last_seen_at >= '{}'",
        ago(secs)
    ))
}

#[test]
fn a_reading_command_still_records_the_sessions_last_use() {
    let sb = setup();
    let age = || format!("UPDATE sessions SET last_seen_at = '{}'", ago(600));
    for args in [
        &["whoami"][..],
        &["elig", "check", "--id", "OC100001"],
        &["claim", "list"],
    ] {
        sb.sql(&age());
        assert_eq!(seen_within(&sb, 300), 0);
        sb.run_as("admin", args, None).ok();
        assert_eq!(seen_within(&sb, 300), 1, "`mmis {}`", args.join(" "));
    }
    // A refused command does not count as a use (as before: its transaction is rolled back).
    sb.sql(&age());
    sb.run_as("admin", &["ops", "provider", "list"], None)
        .code(4);
    assert_eq!(seen_within(&sb, 300), 0);
}

// ---------------------------------------------------------------- many writers at once

/// One command of a client in [`many_writers_lose_nothing_and_double_nothing`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Check,
    Batch,
    Claim,
    PaClaim,
    Pair,
    Void,
    PaSubmit,
    TokenCreate,
    ClerkRoles,
    Login,
}

impl Kind {
    /// The audit action its entry is written under (every one of these writes exactly one).
    fn action(self) -> &'static str {
        match self {
            Kind::Check => "elig check",
            Kind::Batch => "elig batch",
            Kind::Claim | Kind::PaClaim | Kind::Pair => "claim submit",
            Kind::Void => "claim void",
            Kind::PaSubmit => "pa submit",
            Kind::TokenCreate => "token create",
            Kind::ClerkRoles => "clerk roles",
            Kind::Login => "login",
        }
    }
}

/// What the clients saw, shared between them.
#[derive(Default)]
struct Seen {
    /// ICN → (the PA it took units from, units), of every claim a command reported accepted.
    claims: std::collections::BTreeMap<String, (Option<String>, i64)>,
    /// Every ICN reported, in order, duplicates kept.
    icns: Vec<String>,
    /// Every ICN a void reported done, duplicates kept.
    voided: Vec<String>,
    pas: Vec<String>,
    tokens: Vec<String>,
    /// (kind, exit code) of every command run.
    ran: Vec<(Kind, i32)>,
    unexpected: Vec<String>,
    next_claim: usize,
    next_pa_day: i64,
}

/// Each client's commands, in order: 12, a pair counting two. All clients run the same
/// script at once, so the same kinds meet: identical pairs, claims against one PA with too
/// few units for all, voids of the same latest claim.
const SCRIPT: [Kind; 11] = [
    Kind::Check,
    Kind::Claim,
    Kind::PaClaim,
    Kind::Pair,
    Kind::Void,
    Kind::Batch,
    Kind::PaSubmit,
    Kind::TokenCreate,
    Kind::ClerkRoles,
    Kind::Void,
    Kind::Login,
];
const CLIENTS: usize = 8;
const PA_UNITS: i64 = 5;
const CODES: [&str; 10] = [
    "90791", "90792", "90832", "90834", "90837", "90839", "90846", "90847", "90853", "99283",
];

/// A claim no other claim of the run duplicates (member, procedure, date of service).
fn unique_claim(seen: &std::sync::Mutex<Seen>) -> String {
    let k = {
        let mut s = seen.lock().unwrap();
        s.next_claim += 1;
        s.next_claim
    };
    let member = ["OC100001", "OC100002"][k % 2];
    let day = chrono::NaiveDate::from_ymd_opt(2026, 2, 1).unwrap()
        + chrono::Duration::days((k / 20) as i64);
    claim_form(
        member,
        &[(CODES[(k / 2) % 10], &day.to_string(), 1, "180")],
        "",
    )
}

fn json_of(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap_or(serde_json::Value::Null)
}

/// Runs one command of client `w`; returns how many commands it was (a pair is two).
fn one(
    sb: &Sandbox,
    seen: &std::sync::Mutex<Seen>,
    w: usize,
    kind: Kind,
    elig_token: &str,
    pa: &str,
    roster: &str,
) -> usize {
    let me = format!("w{w}");
    let note = |kind: Kind, r: &Run, ok: bool| {
        let mut s = seen.lock().unwrap();
        s.ran.push((kind, r.code));
        if !ok {
            s.unexpected.push(format!(
                "client {w}: {kind:?}: exit {}\n{}",
                r.code,
                r.stderr.trim()
            ));
        }
    };
    let accepted = |r: &Run, pa: Option<&str>, units: i64| -> String {
        let icn = json_of(&r.stdout)["icn"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        let mut s = seen.lock().unwrap();
        s.icns.push(icn.clone());
        s.claims
            .insert(icn.clone(), (pa.map(str::to_string), units));
        icn
    };
    match kind {
        Kind::Check => {
            let r = sb.run_env(
                &me,
                &["elig", "check", "--id", "OC100002", "--json"],
                None,
                &[("MMIS_TOKEN", elig_token)],
            );
            let ok = r.code == 0 && json_of(&r.stdout)["eligible"] == true;
            note(kind, &r, ok);
        }
        Kind::Batch => {
            let r = sb.run_env(
                &me,
                &["elig", "batch", roster, "--format", "ndjson"],
                None,
                &[("MMIS_TOKEN", elig_token)],
            );
            let ok = r.code == 0 && r.stdout.lines().count() == 3;
            note(kind, &r, ok);
        }
        Kind::Claim => {
            let form = write_unique(sb, "toml", &unique_claim(seen));
            let r = sb.run_as(&me, &["claim", "submit", "--form", &form, "--json"], None);
            if r.code == 0 {
                accepted(&r, None, 1);
            }
            note(kind, &r, r.code == 0);
        }
        Kind::PaClaim => {
            // One PA, too few units for every client: the last ones are refused (exit 6).
            let day = {
                let mut s = seen.lock().unwrap();
                s.next_pa_day += 1;
                s.next_pa_day
            };
            let dos = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
                + chrono::Duration::days(day - 1);
            let units = 1 + (w % 2) as i64;
            let form = write_unique(
                sb,
                "toml",
                &claim_form(
                    "OC100001",
                    &[("H0004", &dos.to_string(), units, "60")],
                    &format!("prior_auth_number = \"{pa}\""),
                ),
            );
            let r = sb.run_as(&me, &["claim", "submit", "--form", &form, "--json"], None);
            if r.code == 0 {
                accepted(&r, Some(pa), units);
            }
            let ok = r.code == 0 || (r.code == 6 && r.stderr.contains("unit(s) left"));
            note(kind, &r, ok);
        }
        Kind::Pair => {
            // Two identical claims sent at the same instant: one claim and one duplicate.
            let form = write_unique(sb, "toml", &unique_claim(seen));
            let spawn = || {
                sb.std_cmd_as(&me)
                    .args(["claim", "submit", "--form", &form, "--json"])
                    .stdin(Stdio::null())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn mmis")
            };
            let (a, b) = (spawn(), spawn());
            let runs: Vec<Run> = [a, b]
                .into_iter()
                .map(|c| {
                    let o = c.wait_with_output().expect("wait for mmis");
                    Run {
                        code: o.status.code().unwrap_or(-1),
                        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
                        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
                    }
                })
                .collect();
            let won = runs.iter().filter(|r| r.code == 0).count() == 1;
            let lost = runs.iter().find(|r| r.code == 7);
            let good = match (won, lost) {
                (true, Some(lost)) => {
                    let winner = runs.iter().find(|r| r.code == 0).unwrap();
                    let icn = accepted(winner, None, 1);
                    lost.stderr.contains(&format!("duplicate of claim {icn}"))
                }
                _ => false,
            };
            for r in &runs {
                note(kind, r, good);
            }
            return 2;
        }
        Kind::Void => {
            let latest = seen.lock().unwrap().icns.last().cloned();
            let Some(icn) = latest else {
                return one(sb, seen, w, Kind::Claim, elig_token, pa, roster);
            };
            let r = sb.run_as(&me, &["claim", "void", &icn, "--json"], None);
            if r.code == 0 {
                seen.lock().unwrap().voided.push(icn.clone());
            }
            let ok = r.code == 0 || (r.code == 7 && r.stderr.contains("already voided"));
            note(kind, &r, ok);
        }
        Kind::PaSubmit => {
            let form = write_unique(
                sb,
                "toml",
                "kind = \"prior-auth\"\nmember_id = \"OC100002\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H2014\"]\nfrom = \"2026-03-16\"\nto = \"2026-09-15\"\nunits = 8\n",
            );
            let r = sb.run_as(&me, &["pa", "submit", "--form", &form, "--json"], None);
            if r.code == 0 {
                let n = json_of(&r.stdout)["pa_number"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string();
                seen.lock().unwrap().pas.push(n);
            }
            note(kind, &r, r.code == 0);
        }
        Kind::TokenCreate => {
            let name = format!("client-{w}");
            let r = sb.run_as(
                &me,
                &[
                    "token",
                    "create",
                    "--name",
                    &name,
                    "--roles",
                    "Eligibility Inquiry",
                    "--json",
                ],
                None,
            );
            if r.code == 0 {
                seen.lock().unwrap().tokens.push(name);
            }
            note(kind, &r, r.code == 0);
        }
        Kind::ClerkRoles => {
            let change = if w.is_multiple_of(2) {
                "--grant"
            } else {
                "--revoke"
            };
            let r = sb.run_as(
                &me,
                &["clerk", "roles", "CLERK01", change, "PCPCH", "--json"],
                None,
            );
            note(kind, &r, r.code == 0);
        }
        Kind::Login => {
            let r = sb.run_as(
                &me,
                &[
                    "login",
                    "--username",
                    "JAMJON",
                    "--password-stdin",
                    "--json",
                ],
                Some(ADMIN_PASSWORD),
            );
            note(kind, &r, r.code == 0);
        }
    }
    1
}

/// Issue 9 point 3, the CI-sized run of `bench/concurrency.py` (which runs 32 × 1,000 on
/// PostgreSQL): 8 clients × 12 mixed commands against one store, then the invariants —
/// no exit but the expected ones (never 1 or 8), nothing lost or doubled, PA units counted
/// once, identical claims sent at once are one claim and one duplicate, and `audit verify`
/// passes with exactly one entry per command.
#[test]
fn many_writers_lose_nothing_and_double_nothing() {
    use std::collections::{BTreeMap, BTreeSet};
    let sb = setup();
    let elig_token = crate::claims::token(&sb, "elig", "Eligibility Inquiry");
    let roster = sb
        .write("roster.csv", "health_id\nOC100001\nOC100002\nZZ999999\n")
        .to_str()
        .unwrap()
        .to_string();
    // A clerk whose roles the clients change (invited: the invitation need not be accepted).
    let clerk = sb.write(
        "clerk.toml",
        "user_name = \"CLERK01\"\ncontact_first_name = \"Sam\"\ncontact_last_name = \"Lee\"\nphone_number = \"(503)555-0100\"\nemail = \"sam@lee.example\"\nconfirm_email = \"sam@lee.example\"\nroles = [\"Claim Inquiry\"]\n",
    );
    sb.json_as(
        "admin",
        &["clerk", "add", "--form", clerk.to_str().unwrap()],
    );
    // One approved PA with fewer units than the clients' claims ask for.
    let pa_form = write_unique(
        &sb,
        "toml",
        &format!("kind = \"prior-auth\"\nmember_id = \"OC100001\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = {PA_UNITS}\n"),
    );
    let pa = sb.json_as("admin", &["pa", "submit", "--form", &pa_form])["pa_number"]
        .as_str()
        .unwrap()
        .to_string();
    sb.json_as("ops", &["ops", "pa", "decide", &pa, "--approve"]);
    // Every client signed in on its own session (at once: the sign-ins are writers too).
    std::thread::scope(|s| {
        for w in 0..CLIENTS {
            let sb = &sb;
            s.spawn(move || sb.login(&format!("w{w}"), "JAMJON", ADMIN_PASSWORD));
        }
    });
    let v = sb.json_as("ops", &["audit", "verify"]);
    assert_eq!(v["ok"], true, "{v}");
    // The verify's own entry comes after the ones it counted.
    let before = v["entries"].as_i64().unwrap() + 1;

    let seen = std::sync::Mutex::new(Seen::default());
    let started = Instant::now();
    std::thread::scope(|s| {
        for w in 0..CLIENTS {
            let (sb, seen, elig_token, pa, roster) = (&sb, &seen, &elig_token, &pa, &roster);
            s.spawn(move || {
                for kind in SCRIPT {
                    one(sb, seen, w, kind, elig_token, pa, roster);
                }
            });
        }
    });
    let took = started.elapsed();
    let seen = seen.into_inner().unwrap();
    let n = seen.ran.len();
    assert_eq!(n, CLIENTS * 12, "every client ran 12 commands");
    assert!(
        seen.ran.iter().all(|(_, c)| *c != 1 && *c != 8),
        "exit 1 or 8 (a serialization failure must never reach the user): {:#?}",
        seen.unexpected
    );
    assert!(
        seen.unexpected.is_empty(),
        "unexpected exits: {:#?}",
        seen.unexpected
    );
    eprintln!("{n} commands from {CLIENTS} clients in {took:?}");

    // The audit log: one line, one entry per command, per action.
    let v = sb.json_as("ops", &["audit", "verify"]);
    assert_eq!(v["ok"], true, "{v}");
    let after = v["entries"].as_i64().unwrap();
    assert_eq!(after - before, n as i64, "audit entries written by the run");
    let log = sb.json_as("ops", &["audit", "log"]);
    let log = log.as_array().unwrap();
    let ids: Vec<i64> = log.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, (1..=ids.len() as i64).collect::<Vec<_>>(), "ids 1..N");
    let mut got: BTreeMap<String, usize> = BTreeMap::new();
    for e in log {
        let id = e["id"].as_i64().unwrap();
        if id > before && id <= after {
            *got.entry(e["action"].as_str().unwrap().to_string())
                .or_default() += 1;
        }
    }
    let mut want: BTreeMap<String, usize> = BTreeMap::new();
    for (k, _) in &seen.ran {
        *want.entry(k.action().to_string()).or_default() += 1;
    }
    assert_eq!(got, want, "audit entries per action");

    // Claims: nothing lost, nothing extra, no ICN twice, voided exactly once as reported.
    let reported: BTreeSet<&String> = seen.icns.iter().collect();
    assert_eq!(reported.len(), seen.icns.len(), "an ICN reported twice");
    let listed = sb.json_as("admin", &["claim", "list"]);
    let listed = listed.as_array().unwrap();
    let icns: BTreeSet<&str> = listed.iter().map(|c| c["icn"].as_str().unwrap()).collect();
    assert_eq!(icns.len(), listed.len(), "an ICN stored twice");
    let expected: BTreeSet<&str> = seen.claims.keys().map(String::as_str).collect();
    assert_eq!(icns, expected, "claims lost or extra");
    assert_eq!(
        sb.count("SELECT count(*) FROM claims"),
        seen.claims.len() as i64
    );
    let voided: BTreeSet<&str> = seen.voided.iter().map(String::as_str).collect();
    assert_eq!(voided.len(), seen.voided.len(), "a claim voided twice");
    let stored_voided: BTreeSet<&str> = listed
        .iter()
        .filter(|c| c["status"] == "voided")
        .map(|c| c["icn"].as_str().unwrap())
        .collect();
    assert_eq!(stored_voided, voided, "voids lost or extra");
    assert!(!voided.is_empty(), "no void went through");
    let pairs = seen.ran.iter().filter(|(k, _)| *k == Kind::Pair).count();
    assert_eq!(pairs, 2 * CLIENTS, "every client sent a pair");

    // The PA: units counted once: used = the units of its live claims, never above approval.
    let live: BTreeMap<&str, i64> = seen
        .claims
        .iter()
        .filter(|(icn, (p, _))| p.as_deref() == Some(pa.as_str()) && !voided.contains(icn.as_str()))
        .map(|(icn, (_, u))| (icn.as_str(), *u))
        .collect();
    let i = sb.json_as("admin", &["pa", "inquire", &pa]);
    let used: i64 = live.values().sum();
    assert_eq!(i["used_units"], used, "{i}");
    assert!(used <= PA_UNITS, "{i}");
    assert_eq!(i["units_left"], PA_UNITS - used, "{i}");
    let on_pa: BTreeMap<&str, i64> = i["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["icn"].as_str().unwrap(), c["units"].as_i64().unwrap()))
        .collect();
    assert_eq!(on_pa, live, "{i}");
    assert_eq!(
        sb.count("SELECT CAST(coalesce(sum(units), 0) AS BIGINT) FROM pa_usage WHERE returned_on IS NULL"),
        used
    );
    let refused = seen
        .ran
        .iter()
        .filter(|(k, c)| *k == Kind::PaClaim && *c == 6)
        .count();
    assert!(
        refused > 0,
        "the PA never ran out: the test did not contend"
    );

    // PAs and tokens: nothing lost, nothing extra.
    let listed = sb.json_as("admin", &["pa", "list"]);
    let mut numbers: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["pa_number"].as_str().unwrap())
        .collect();
    numbers.sort_unstable();
    let mut want: Vec<&str> = seen.pas.iter().map(String::as_str).collect();
    want.push(&pa);
    want.sort_unstable();
    assert_eq!(numbers, want, "PAs lost, doubled or extra");
    let listed = sb.json_as("admin", &["token", "list"]);
    let mut names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    names.sort_unstable();
    let mut want: Vec<&str> = seen.tokens.iter().map(String::as_str).collect();
    want.push("elig");
    want.sort_unstable();
    assert_eq!(names, want, "tokens lost, doubled or extra");
}
