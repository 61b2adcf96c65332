//! Issue 13, points 3, 4, 5 and 9: pipes and stdin, tables that fit, flat CSV, progress.

use crate::common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::Stdio;

/// `mmis demo --json` on the sandbox's store: the summary (credentials, provider, ICN), with
/// the operator and the site administrator signed in as actors "ops" and "admin".
fn demo(sb: &Sandbox) -> Value {
    let v = sb.run_as("ops", &["demo", "--json"], None).ok().json();
    let op = &v["operator"];
    sb.login(
        "ops",
        op["user_name"].as_str().unwrap(),
        op["password"].as_str().unwrap(),
    );
    let ad = &v["site_admin"];
    sb.login(
        "admin",
        ad["user_name"].as_str().unwrap(),
        ad["password"].as_str().unwrap(),
    );
    v
}

/// Runs `args` with stdout into a pipe that is closed after `lines` lines are read; returns
/// the exit code, the lines and stderr.
fn run_into_head(
    sb: &Sandbox,
    actor: &str,
    args: &[&str],
    stdin: Option<&[u8]>,
    lines: usize,
) -> (i32, Vec<String>, String) {
    let mut c = sb.std_cmd_as(actor);
    c.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn mmis");
    if let Some(bytes) = stdin {
        let mut w = child.stdin.take().unwrap();
        let bytes = bytes.to_vec();
        std::thread::spawn(move || {
            let _ = w.write_all(&bytes);
        });
    }
    let mut err = child.stderr.take().unwrap();
    let err_thread = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut err, &mut s);
        s
    });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut got = Vec::new();
    for _ in 0..lines {
        let mut l = String::new();
        if out.read_line(&mut l).unwrap_or(0) == 0 {
            break;
        }
        got.push(l);
    }
    drop(out); // `head` exits: the pipe's reading end is closed
    let status = child.wait().unwrap();
    (status.code().unwrap_or(-1), got, err_thread.join().unwrap())
}

fn big_roster(rows: usize) -> String {
    let mut s = String::from("health_id\n");
    for _ in 0..rows {
        s.push_str("OC100001\n");
    }
    s
}

#[test]
fn demo_into_head_ends_quietly() {
    let sb = Sandbox::new();
    let (code, lines, stderr) = run_into_head(&sb, "ops", &["demo"], None, 1);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("mmis demo"), "{lines:?}");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "", "stderr must be empty");
}

#[test]
fn demo_json_is_a_summary_record() {
    let sb = Sandbox::new();
    let v = demo(&sb);
    assert_eq!(v["sandbox"], true);
    assert_eq!(v["business_date"], TODAY);
    assert!(v["claim_icn"].as_str().unwrap().len() == 13, "{v}");
    assert!(v["provider_id"].is_string());
}

#[test]
fn elig_batch_into_head_ends_quietly_and_is_audited_as_incomplete() {
    let sb = Sandbox::new();
    demo(&sb);
    let roster = sb.write("big.csv", &big_roster(60_000));
    for format in ["table", "ndjson", "csv", "json"] {
        let (code, lines, stderr) = run_into_head(
            &sb,
            "admin",
            &[
                "elig",
                "batch",
                roster.to_str().unwrap(),
                "--format",
                format,
            ],
            None,
            2,
        );
        assert_eq!(lines.len(), 2, "{format}");
        assert_eq!(code, 0, "{format}: {stderr}");
        assert_eq!(stderr, "", "{format}: no summary, no error");
        let log = sb.json_as("ops", &["audit", "log", "--action", "elig batch"]);
        let last = log.as_array().unwrap().last().unwrap().clone();
        assert_eq!(last["outcome"], "incomplete", "{last}");
        assert!(
            last["detail"].as_str().unwrap().contains("cut short"),
            "{last}"
        );
    }
    // Read to the end, the same batch is complete.
    let r = sb
        .run_as(
            "admin",
            &[
                "elig",
                "batch",
                roster.to_str().unwrap(),
                "--format",
                "ndjson",
            ],
            None,
        )
        .ok();
    assert_eq!(r.stdout.lines().count(), 60_000);
    assert!(r.stderr.contains("checked 60000 rows"), "{}", r.stderr);
    let log = sb.json_as("ops", &["audit", "log", "--action", "elig batch"]);
    assert_eq!(log.as_array().unwrap().last().unwrap()["outcome"], "ok");
}

#[test]
fn a_dash_reads_stdin() {
    let sb = Sandbox::new();
    // The demo's files (members.csv, fees.csv) are in the folder its summary names.
    let files = std::path::PathBuf::from(demo(&sb)["files"].as_str().unwrap());
    // elig batch -
    let r = sb
        .run_as(
            "admin",
            &["elig", "batch", "-", "--format", "ndjson"],
            Some("health_id\nOC100001\n"),
        )
        .ok();
    let row: Value = serde_json::from_str(r.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(row["health_id"], "OC100001");
    assert_eq!(row["eligible"], true);
    // ops member import -
    let members = std::fs::read_to_string(files.join("members.csv")).unwrap();
    let v = sb
        .run_as(
            "ops",
            &["ops", "member", "import", "-", "--json"],
            Some(&members),
        )
        .ok()
        .json();
    assert!(v["members"].as_u64().unwrap() > 0, "{v}");
    // ops fee-schedule import -
    let fees = std::fs::read_to_string(files.join("fees.csv")).unwrap();
    sb.run_as(
        "ops",
        &["ops", "fee-schedule", "import", "-", "--json"],
        Some(&fees),
    )
    .ok();
    // a missing file is still named
    sb.run_as("ops", &["ops", "fee-schedule", "import", "nope.csv"], None)
        .code(6)
        .err_contains("nope.csv");
}

/// The widest line of the table (its footer text aside).
fn widest_line(s: &str) -> usize {
    s.lines()
        .filter(|l| l.starts_with(['┌', '│', '╞', '└', '├']))
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0)
}

#[test]
fn tables_take_the_width_whatever_no_color_says_and_carry_no_colour_off_a_terminal() {
    let sb = Sandbox::new();
    demo(&sb);
    for no_color in ["1", ""] {
        let r = sb
            .run_env(
                "admin",
                &["roles"],
                None,
                &[("COLUMNS", "80"), ("NO_COLOR", no_color)],
            )
            .ok();
        assert!(widest_line(&r.stdout) <= 80, "{}", r.stdout);
        assert!(widest_line(&r.stdout) > 70, "{}", r.stdout);
        assert!(!r.stdout.contains('\x1b'), "no colour off a terminal");
        assert!(!r.stderr.contains('\x1b'));
    }
    let r = sb
        .run_env("admin", &["roles"], None, &[("COLUMNS", "120")])
        .ok();
    assert!(widest_line(&r.stdout) > 80, "{}", r.stdout);
    // An error off a terminal: plain `error:`.
    let r = sb.run_env(
        "admin",
        &["claim", "status", "9999999999999"],
        None,
        &[("NO_COLOR", "")],
    );
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
}

#[test]
fn tokens_are_never_split_at_80_columns() {
    let sb = Sandbox::new();
    let v = demo(&sb);
    let icn = v["claim_icn"].as_str().unwrap();
    let r = sb
        .run_env("admin", &["roles"], None, &[("COLUMNS", "80")])
        .ok();
    for slug in ["claim-inquiry", "eligibility-inquiry", "prior-auth-submit"] {
        assert!(r.stdout.contains(slug), "{slug} split:\n{}", r.stdout);
    }
    let r = sb
        .run_env("admin", &["claim", "list"], None, &[("COLUMNS", "80")])
        .ok();
    assert!(r.stdout.contains(icn), "ICN split:\n{}", r.stdout);
    assert!(widest_line(&r.stdout) <= 80, "{}", r.stdout);
}

#[test]
fn the_audit_log_reads_as_a_log_at_80_columns() {
    let sb = Sandbox::new();
    let v = demo(&sb);
    let icn = v["claim_icn"].as_str().unwrap();
    let r = sb
        .run_env(
            "ops",
            &["audit", "log"],
            None,
            &[("COLUMNS", "80"), ("TZ", "UTC")],
        )
        .ok();
    assert!(widest_line(&r.stdout) <= 80, "{}", r.stdout);
    // Every entry starts a line with its number and local time; IDs are never split.
    assert!(r.stdout.contains(" UTC  "), "{}", r.stdout);
    assert!(r.stdout.contains(icn), "ICN split:\n{}", r.stdout);
    assert!(r.stdout.contains("ops claims adjudicate"), "{}", r.stdout);
    let json = sb.json_as("ops", &["audit", "log"]);
    let first = json[0]["id"].as_i64().unwrap();
    assert!(
        r.stdout
            .lines()
            .any(|l| l.trim_start().starts_with(&format!("{first} "))),
        "{}",
        r.stdout
    );
}

#[test]
fn times_in_tables_are_local_with_the_zone_and_json_stays_utc() {
    let sb = Sandbox::new();
    demo(&sb);
    let r = sb
        .run_env(
            "admin",
            &["clerk", "list"],
            None,
            &[("TZ", "America/Los_Angeles"), ("COLUMNS", "80")],
        )
        .ok();
    assert!(
        r.stdout.contains(" PST ") || r.stdout.contains(" PDT "),
        "{}",
        r.stdout
    );
    assert!(widest_line(&r.stdout) <= 80, "{}", r.stdout);
    let j = sb.json_as("admin", &["clerk", "list"]);
    let t = j[0]["last_login"].as_str().unwrap();
    assert!(t.ends_with('Z') && t.contains('T'), "{t}");
    let r = sb
        .run_env("admin", &["clerk", "list"], None, &[("TZ", "UTC")])
        .ok();
    assert!(r.stdout.contains(" UTC "), "{}", r.stdout);
}

fn read_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let h = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    (h, rows)
}

#[test]
fn csv_is_flat() {
    let sb = Sandbox::new();
    let v = demo(&sb);
    let icn = v["claim_icn"].as_str().unwrap();
    // claim status: one row per line, the claim's fields repeated, no JSON in a cell.
    let r = sb
        .run_as("admin", &["claim", "status", icn, "--format", "csv"], None)
        .ok();
    let (h, rows) = read_csv(&r.stdout);
    let json = sb.json_as("admin", &["claim", "status", icn]);
    assert_eq!(rows.len(), json["lines"].as_array().unwrap().len());
    assert!(
        h.contains(&"icn".to_string()) && h.contains(&"lines.procedure_code".to_string()),
        "{h:?}"
    );
    for row in &rows {
        assert_eq!(row[h.iter().position(|c| c == "icn").unwrap()], icn);
        assert!(
            row.iter()
                .all(|c| !c.starts_with('{') && !c.starts_with('[')),
            "{row:?}"
        );
    }
    // elig check: one row per segment, the member's fields repeated.
    let r = sb
        .run_as(
            "admin",
            &[
                "elig",
                "check",
                "--id",
                "LC400001",
                "--from",
                "2026-01-01",
                "--to",
                TODAY,
                "--format",
                "csv",
            ],
            None,
        )
        .ok();
    let (h, rows) = read_csv(&r.stdout);
    let json = sb.json_as(
        "admin",
        &[
            "elig",
            "check",
            "--id",
            "LC400001",
            "--from",
            "2026-01-01",
            "--to",
            TODAY,
        ],
    );
    assert_eq!(
        rows.len(),
        json["segments"].as_array().unwrap().len(),
        "{}",
        r.stdout
    );
    let hid = h.iter().position(|c| c == "member.health_id").unwrap();
    assert!(h.contains(&"segments.lane".to_string()), "{h:?}");
    assert!(rows.iter().all(|r| r[hid] == "LC400001"));
    assert!(!r.stdout.contains('{'), "{}", r.stdout);
    // clerk list (the access review): every JSON field.
    let r = sb
        .run_as("admin", &["clerk", "list", "--format", "csv"], None)
        .ok();
    let (h, rows) = read_csv(&r.stdout);
    let json = sb.json_as("admin", &["clerk", "list"]);
    for key in json[0].as_object().unwrap().keys() {
        assert!(h.contains(key), "{key} missing from {h:?}");
    }
    for key in ["email", "removed_at"] {
        assert!(h.contains(&key.to_string()), "{key} missing from {h:?}");
    }
    assert_eq!(rows.len(), json.as_array().unwrap().len());
}

#[test]
fn no_progress_off_a_terminal() {
    let sb = Sandbox::new();
    demo(&sb);
    let roster = sb.write("r.csv", &big_roster(2_000));
    let r = sb
        .run_as(
            "admin",
            &["elig", "batch", roster.to_str().unwrap(), "--json"],
            None,
        )
        .ok();
    assert!(
        !r.stderr.contains('\r') && !r.stderr.contains('\x1b'),
        "{:?}",
        r.stderr
    );
    let r = sb
        .run_as("ops", &["ops", "claims", "adjudicate", "--json"], None)
        .ok();
    assert!(
        !r.stderr.contains('\r') && !r.stderr.contains('\x1b'),
        "{:?}",
        r.stderr
    );
}
