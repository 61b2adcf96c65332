//! Issue 11, points 1, 2 and 11: files a command writes are refused on a symlink, FIFO or
//! device, are 0600 whatever the umask, appear only once the transaction has committed; a
//! secret shown once that cannot be written is never created.

use crate::claims::{batch_837, setup, PROVIDER};
use crate::common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Temporary files left in `dir` by a writer.
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mmis-tmp") || n.contains(".partial"))
        .collect()
}

/// An accepted claim's ICN (through a keyed claim form).
fn an_icn(sb: &Sandbox) -> String {
    crate::claims::accepted(sb, "OC100001", ("90837", "2026-03-10", 1, "180"), "")
}

/// A 270 asking for OC100001.
fn a_270(sb: &Sandbox) -> PathBuf {
    let r = sb
        .run_as(
            "admin",
            &["elig", "check", "--id", "OC100001", "--x12-270"],
            None,
        )
        .ok();
    sb.write("ask.270", &r.stdout)
}

fn file_type(p: &Path) -> std::fs::FileType {
    std::fs::symlink_metadata(p).unwrap().file_type()
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// A transfer-request form for provider 506675928 (no sign-in needed).
fn transfer_form(sb: &Sandbox) -> PathBuf {
    sb.write(
        "transfer.toml",
        &format!(
            r#"npi = "{}"
medicaid_id = "{PROVIDER}"
requester_name = "Pat Rivera"
requester_title = "Chief Financial Officer"
requester_email = "pat@jones.example"
previous_admin_name = "James Jones"
previous_admin_email = "james@jones.example"
previous_admin_user_name = "JAMJON"
previous_admin_phone = "(503)555-1212"
previous_admin_date_left = "2026-03-01"
new_admin_name = "Jennifer Smith"
new_admin_email = "jennifer@jones.example"
new_admin_phone = "(503)602-1128"
new_admin_user_name = "JENSMITH"
"#,
            npi(123456789)
        ),
    )
}

// ---------------------------------------------------------------- 1. what is refused

#[cfg(unix)]
#[test]
fn out_to_a_symlink_is_refused_and_link_and_target_are_left_alone() {
    let sb = setup();
    let icn = an_icn(&sb);
    let x270 = a_270(&sb);
    let real = sb.write("precious.txt", "do not touch");
    let link = sb.path("link.out");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let form = transfer_form(&sb);
    let runs: Vec<Vec<&str>> = vec![
        vec!["claim", "export", &icn, "--x12", "--out", s(&link)],
        vec!["elig", "batch", "--x12", s(&x270), "--out", s(&link)],
        vec![
            "admin",
            "transfer-request",
            "--form",
            s(&form),
            "--out",
            s(&link),
        ],
    ];
    for args in runs {
        sb.run_as("admin", &args, None)
            .code(6)
            .err_contains(s(&link))
            .err_contains("symbolic link");
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "do not touch");
        assert!(file_type(&link).is_symlink(), "{args:?} replaced the link");
        assert_eq!(std::fs::read_link(&link).unwrap(), real);
    }
    assert!(leftovers(sb.dir.path()).is_empty());
    // Nothing was recorded for the refused transfer request.
    let log = sb.json_as(
        "ops",
        &["audit", "log", "--action", "admin transfer-request"],
    );
    assert_eq!(log.as_array().unwrap().len(), 0, "{log}");
}

#[cfg(unix)]
#[test]
fn ack_through_a_symlink_is_refused_and_nothing_is_stored() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let real = sb.write("victim.999", "old contents");
    let link = sb.path("ack.999");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    sb.run_as(
        "admin",
        &["claim", "submit", "--x12", &file, "--ack", s(&link)],
        None,
    )
    .code(6)
    .err_contains(s(&link));
    assert_eq!(std::fs::read_to_string(&real).unwrap(), "old contents");
    assert!(file_type(&link).is_symlink());
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
}

#[cfg(unix)]
#[test]
fn out_to_a_fifo_is_refused_without_blocking() {
    let sb = setup();
    let icn = an_icn(&sb);
    let fifo = sb.path("pipe.837");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let mut c = sb.std_cmd_as("admin");
    c.args(["claim", "export", &icn, "--x12", "--out", s(&fifo)])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = c.spawn().unwrap();
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("`--out FIFO` blocked");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(6), "{stderr}");
    assert!(
        stderr.contains(s(&fifo)) && stderr.contains("FIFO"),
        "{stderr}"
    );
    use std::os::unix::fs::FileTypeExt;
    assert!(file_type(&fifo).is_fifo());
}

#[cfg(unix)]
#[test]
fn out_to_a_character_device_is_refused_and_it_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    let sb = setup();
    let x270 = a_270(&sb);
    // As root, a device node of our own (never risk the system's /dev/null); otherwise
    // /dev/null itself (which an unprivileged user cannot replace anyway).
    let node = sb.path("mynull");
    let dev = if Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success())
    {
        node
    } else {
        PathBuf::from("/dev/null")
    };
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", s(&x270), "--out", s(&dev)],
        None,
    )
    .code(6)
    .err_contains(s(&dev))
    .err_contains("character device");
    assert!(file_type(&dev).is_char_device());
    assert!(leftovers(sb.dir.path()).is_empty());
}

#[test]
fn a_folder_is_refused_and_dash_means_stdout() {
    let sb = setup();
    let icn = an_icn(&sb);
    let dir = sb.path("a-folder");
    std::fs::create_dir(&dir).unwrap();
    sb.run_as(
        "admin",
        &["claim", "export", &icn, "--x12", "--out", s(&dir)],
        None,
    )
    .code(6)
    .err_contains("folder");
    assert!(dir.is_dir());
    let r = sb
        .run_as(
            "admin",
            &["claim", "export", &icn, "--x12", "--out", "-"],
            None,
        )
        .ok();
    assert!(r.stdout.starts_with("ISA*"), "{}", r.stdout);
    assert!(!sb.path("-").exists());
    // `--ack -`: the 999 is the result on stdout, the summary a note on stderr.
    let file = batch_837(&sb, &[("PCN-9", "OC100002", "90834", "2026-03-11")]);
    let r = sb
        .run_as(
            "admin",
            &["claim", "submit", "--x12", &file, "--ack", "-"],
            None,
        )
        .ok();
    assert!(r.stdout.starts_with("ISA*"), "{}", r.stdout);
    assert!(r.stdout.contains("AK9*"), "{}", r.stdout);
    assert!(r.stderr.contains("1 claim(s) accepted"), "{}", r.stderr);
    assert!(!sb.path("-").exists());
}

// ---------------------------------------------------------------- 1. private files

/// Runs `mmis ARGS` as `actor` with umask 000.
#[cfg(unix)]
fn run_with_umask_000(sb: &Sandbox, actor: &str, args: &[&str]) -> Run {
    let base = sb.std_cmd_as(actor);
    let mut c = Command::new("sh");
    c.env_clear();
    for (k, v) in base.get_envs() {
        if let Some(v) = v {
            c.env(k, v);
        }
    }
    c.current_dir(sb.dir.path())
        .arg("-c")
        .arg("umask 000; exec \"$0\" \"$@\"")
        .arg(assert_cmd::cargo::cargo_bin("mmis"))
        .args(args)
        .stdin(Stdio::null());
    let out = c.output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[cfg(unix)]
#[test]
fn files_are_0600_even_with_umask_000() {
    let sb = setup();
    let icn = an_icn(&sb);
    let x270 = a_270(&sb);
    let file = batch_837(&sb, &[("PCN-1", "OC100002", "90834", "2026-03-11")]);
    let form = transfer_form(&sb);
    // One target exists already, world-readable: it is replaced by a private file.
    let export = sb.write("claim.837", "old");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&export, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (x271, ack, email) = (sb.path("a.271"), sb.path("a.999"), sb.path("email.txt"));
    let runs: Vec<(Vec<&str>, &Path)> = vec![
        (
            vec!["claim", "export", &icn, "--x12", "--out", s(&export)],
            &export,
        ),
        (
            vec!["elig", "batch", "--x12", s(&x270), "--out", s(&x271)],
            &x271,
        ),
        (
            vec!["claim", "submit", "--x12", &file, "--ack", s(&ack)],
            &ack,
        ),
        (
            vec![
                "admin",
                "transfer-request",
                "--form",
                s(&form),
                "--out",
                s(&email),
            ],
            &email,
        ),
    ];
    for (args, target) in runs {
        run_with_umask_000(&sb, "admin", &args).ok();
        assert_eq!(mode(target), 0o600, "{args:?}");
        assert!(std::fs::read_to_string(target).unwrap().len() > 10);
    }
    assert!(leftovers(sb.dir.path()).is_empty());
}

// ---------------------------------------------------------------- 2. only once committed

/// Runs `args(i)` with the store capped at its present size until a run fails; returns
/// that run and its `i`.
fn until_the_store_is_full(sb: &Sandbox, args: impl Fn(usize) -> Vec<String>) -> (usize, Run) {
    // Most of the store's free room is taken first, so that few runs are needed.
    sb.sql("CREATE TABLE filler(b BLOB); INSERT INTO filler VALUES (zeroblob(200000));");
    let pages = sb.count("PRAGMA page_count");
    let cap = pages.to_string();
    for i in 0..600 {
        let a = args(i);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        let r = sb.run_env("admin", &a, None, &[("MMIS_MAX_PAGE_COUNT", &cap)]);
        if r.code != 0 {
            return (i, r);
        }
    }
    panic!("the store never filled up");
}

#[test]
fn a_full_store_during_claim_submit_leaves_no_999() {
    if sqlite_only("a full store via MMIS_MAX_PAGE_COUNT (SQLite's max_page_count)") {
        return;
    }
    let sb = setup();
    // A set the 999 rejects (CLM02 is not an amount) stores no claim: the batch's one new
    // row is its audit entry, written after the 999 — so the store fills up there.
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("CLM*PCN-1*180*"), "{text}");
    let file = sb
        .write(
            "unreadable-set.837",
            &text.replace("CLM*PCN-1*180*", "CLM*PCN-1*X*"),
        )
        .to_str()
        .unwrap()
        .to_string();
    let dir = sb.path("acks");
    std::fs::create_dir(&dir).unwrap();
    let (i, r) = until_the_store_is_full(&sb, |i| {
        let ack = dir.join(format!("{i}.999"));
        vec![
            "claim".into(),
            "submit".into(),
            "--x12".into(),
            file.clone(),
            "--ack".into(),
            s(&ack).into(),
        ]
    });
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(
        !dir.join(format!("{i}.999")).exists(),
        "a 999 for a batch that was not saved"
    );
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    // Every 999 that exists belongs to a batch that was saved.
    let files = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(files, i);
}

#[test]
fn a_full_store_during_elig_batch_leaves_no_271() {
    if sqlite_only("a full store via MMIS_MAX_PAGE_COUNT (SQLite's max_page_count)") {
        return;
    }
    let sb = setup();
    let x270 = a_270(&sb);
    let dir = sb.path("answers");
    std::fs::create_dir(&dir).unwrap();
    let (i, r) = until_the_store_is_full(&sb, |i| {
        let out = dir.join(format!("{i}.271"));
        vec![
            "elig".into(),
            "batch".into(),
            "--x12".into(),
            s(&x270).into(),
            "--out".into(),
            s(&out).into(),
        ]
    });
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(
        !dir.join(format!("{i}.271")).exists(),
        "a 271 without its audit entry"
    );
    assert!(leftovers(&dir).is_empty(), "{:?}", leftovers(&dir));
    // As many 271s as audited batches (and no control number used twice).
    let log = sb.json_as("ops", &["audit", "log", "--action", "elig batch"]);
    assert_eq!(log.as_array().unwrap().len(), i);
    let mut controls: Vec<String> = (0..i)
        .map(|n| {
            let t = std::fs::read_to_string(dir.join(format!("{n}.271"))).unwrap();
            t.split('~')
                .next()
                .unwrap()
                .split('*')
                .nth(13)
                .unwrap()
                .to_string()
        })
        .collect();
    controls.sort();
    controls.dedup();
    assert_eq!(controls.len(), i);
}

// ---------------------------------------------------------------- 11. secrets shown once

/// Runs `mmis ARGS` as `actor` with stdout on `out`.
fn run_to(sb: &Sandbox, actor: &str, args: &[&str], out: Stdio) -> Run {
    let mut c = sb.std_cmd_as(actor);
    c.args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(Stdio::piped());
    let o = c.output().unwrap();
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::new(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

fn dev_full() -> Stdio {
    Stdio::from(
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap(),
    )
}

/// A pipe whose reading end is already closed.
fn closed_pipe() -> Stdio {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    Stdio::from(writer)
}

#[track_caller]
fn refused_output(r: Run) {
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("cannot write the result") && r.stderr.contains("nothing was created"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_token_that_cannot_be_shown_is_not_created() {
    let sb = Sandbox::new();
    sb.with_admin();
    let args = ["token", "create", "--name", "lost", "--json"];
    refused_output(run_to(&sb, "admin", &args, dev_full()));
    refused_output(run_to(&sb, "admin", &args, closed_pipe()));
    let list = sb.json_as("admin", &["token", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
    let log = sb.json_as("ops", &["audit", "log", "--action", "token create"]);
    assert_eq!(log.as_array().unwrap().len(), 0, "{log}");
    // Shown, it is created (and the same name is free).
    let v = sb.json_as("admin", &["token", "create", "--name", "lost"]);
    assert!(v["token"].as_str().unwrap().starts_with("mmis_"));
}

fn clerk_form(sb: &Sandbox, user: &str) -> PathBuf {
    sb.write(
        &format!("clerk-{user}.toml"),
        &format!(
            r#"user_name = "{user}"
contact_first_name = "JOHNNIE"
contact_last_name = "FIVE"
phone_number = "(800)555-5555"
email = "johnnie@five.example"
confirm_email = "johnnie@five.example"
roles = ["Claim Inquiry"]
"#
        ),
    )
}

#[test]
fn an_invitation_that_cannot_be_shown_is_not_issued() {
    let sb = Sandbox::new();
    sb.with_admin();
    let form = clerk_form(&sb, "JOHFIV");
    let args = ["clerk", "add", "--form", s(&form), "--json"];
    refused_output(run_to(&sb, "admin", &args, dev_full()));
    let list = sb.json_as("admin", &["clerk", "list"]);
    assert!(!list.to_string().contains("JOHFIV"), "{list}");
    // Invited (shown), then re-invited into a closed pipe: the first code still works.
    let v = sb.run_as("admin", &args, None).ok().json();
    let code = v["invite_code"].as_str().unwrap().to_string();
    refused_output(run_to(&sb, "admin", &args, closed_pipe()));
    let accept = sb.write(
        "accept.toml",
        "password = \"Green-Tree-Lamp9\"\nconfirm_password = \"Green-Tree-Lamp9\"\n\
         secret_question_1 = \"first car\"\nsecret_answer_1 = \"Gremlin\"\nagree = true\n",
    );
    sb.run_as(
        "invitee",
        &[
            "account",
            "accept-invite",
            "--code",
            &code,
            "--form",
            s(&accept),
        ],
        None,
    )
    .ok();
}

#[test]
fn a_pin_that_cannot_be_shown_is_not_issued() {
    let sb = Sandbox::new();
    sb.init();
    let enroll = [
        "ops",
        "provider",
        "enroll",
        "--npi",
        &npi(222333444),
        "--name",
        "Lost Letter Therapy",
        "--type",
        "individual",
        "--provider-id",
        "512345678",
        "--json",
    ];
    refused_output(run_to(&sb, "ops", &enroll, dev_full()));
    refused_output(run_to(&sb, "ops", &enroll, closed_pipe()));
    let list = sb.json_as("ops", &["ops", "provider", "list"]);
    assert!(!list.to_string().contains("512345678"), "{list}");
    // Enrolled (shown); a reissue that cannot be shown leaves the first PIN in force.
    let pin = sb.run_as("ops", &enroll, None).ok().json()["pin"]
        .as_str()
        .unwrap()
        .to_string();
    let reissue = ["ops", "provider", "pin-reissue", "512345678", "--json"];
    refused_output(run_to(&sb, "ops", &reissue, dev_full()));
    let form = sb.setup_form("LOSLET", ADMIN_PASSWORD);
    sb.run_as(
        "owner",
        &[
            "account",
            "setup",
            "--login-id",
            "512345678",
            "--pin",
            &pin,
            "--form",
            s(&form),
        ],
        None,
    )
    .ok();
}
