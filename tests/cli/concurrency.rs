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

fn mkfifo(path: &Path) {
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
    // The batch pins no snapshot while it waits: the write-ahead log can be checkpointed
    // all the way (a reader on an old snapshot would keep it from being truncated).
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.busy_timeout(Duration::from_secs(2)).unwrap();
    let (busy, log, done): (i64, i64, i64) = c
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .unwrap();
    assert_eq!((busy, log, done), (0, 0, 0), "the checkpoint was held back");
    drop(c);
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

/// The sessions whose last use is within the last `secs` seconds.
fn seen_within(sb: &Sandbox, secs: i64) -> i64 {
    let c = rusqlite::Connection::open(&sb.db).unwrap();
    c.query_row(
        "SELECT count(*) FROM sessions
         WHERE last_seen_at >= strftime('%Y-%m-%dT%H:%M:%SZ', 'now', ?1)",
        [format!("-{secs} seconds")],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn a_reading_command_still_records_the_sessions_last_use() {
    let sb = setup();
    let age =
        "UPDATE sessions SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-600 seconds')";
    for args in [
        &["whoami"][..],
        &["elig", "check", "--id", "OC100001"],
        &["claim", "list"],
    ] {
        sb.sql(age);
        assert_eq!(seen_within(&sb, 300), 0);
        sb.run_as("admin", args, None).ok();
        assert_eq!(seen_within(&sb, 300), 1, "`mmis {}`", args.join(" "));
    }
    // A refused command does not count as a use (as before: its transaction is rolled back).
    sb.sql(age);
    sb.run_as("admin", &["ops", "provider", "list"], None)
        .code(4);
    assert_eq!(seen_within(&sb, 300), 0);
}
