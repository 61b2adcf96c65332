//! Concurrency, crashes and unusable stores: bounded in time, never a panic.

use crate::common::*;
use std::process::Stdio;
use std::time::{Duration, Instant};

#[test]
fn eight_processes_writing_at_once_never_see_a_locked_database() {
    let sb = Sandbox::new();
    sb.with_admin();
    let writers = 8;
    let rounds = 4;
    let handles: Vec<_> = (0..writers)
        .map(|w| {
            let db = sb.store();
            let root = sb.dir.path().to_path_buf();
            std::thread::spawn(move || {
                let mut results = Vec::new();
                for r in 0..rounds {
                    let bin = assert_cmd::cargo::cargo_bin("mmis");
                    let mut c = std::process::Command::new(bin);
                    c.env_clear()
                        .env("MMIS_DB", &db)
                        .env("MMIS_TODAY", TODAY)
                        .env("HOME", &root)
                        .env("XDG_CONFIG_HOME", root.join("config"))
                        .stdin(Stdio::piped())
                        .stdout(Stdio::piped())
                        .stderr(Stdio::piped());
                    if w % 2 == 0 {
                        // A fresh sign-in (argon2id, session row, audit entry).
                        c.env("XDG_STATE_HOME", root.join(format!("state-w{w}")))
                            .args(["login", "--username", "JAMJON", "--password-stdin"]);
                    } else {
                        // A token creation on the administrator's session.
                        c.env("XDG_STATE_HOME", root.join("state-admin")).args([
                            "token",
                            "create",
                            "--name",
                            &format!("w{w}-r{r}"),
                            "--json",
                        ]);
                    }
                    let mut child = c.spawn().expect("spawn");
                    if let Some(mut stdin) = child.stdin.take() {
                        use std::io::Write;
                        let _ = writeln!(stdin, "{ADMIN_PASSWORD}");
                    }
                    let out = child.wait_with_output().expect("wait");
                    results.push((
                        out.status.code(),
                        String::from_utf8_lossy(&out.stderr).into_owned(),
                    ));
                }
                results
            })
        })
        .collect();
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.join().expect("thread"));
    }
    for (code, stderr) in &all {
        assert!(!stderr.contains("locked"), "a writer saw a lock: {stderr}");
        assert_eq!(*code, Some(0), "{stderr}");
    }
    let tokens = sb.count("SELECT count(*) FROM api_tokens");
    assert_eq!(tokens, (writers / 2 * rounds) as i64);
    let logins =
        sb.count("SELECT count(*) FROM audit_log WHERE action = 'login' AND outcome = 'ok'");
    assert_eq!(
        logins,
        (writers / 2 * rounds) as i64 + 2,
        "two sign-ins came from the setup"
    );
    let v = sb.json_as("ops", &["audit", "verify"]);
    assert_eq!(v["ok"], true);
}

#[test]
fn a_process_killed_mid_write_leaves_the_store_whole() {
    let sb = Sandbox::new();
    sb.init();
    let started = Instant::now();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in 0..12u32 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let mut std_cmd = sb.std_cmd_as("ops");
        // A write that inserts a provider, its PIN and an audit entry in one transaction.
        std_cmd
            .args([
                "ops",
                "provider",
                "enroll",
                "--npi",
                &npi(400_000_000 + i),
                "--name",
                &format!("Kill test {i}"),
                "--type",
                "individual",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let mut child = std_cmd.spawn().expect("spawn");
        std::thread::sleep(Duration::from_millis(5 + seed % 60));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
    }
    assert!(started.elapsed() < Duration::from_secs(60));
    if !on_postgres() {
        // SQLite's own check of the file; a PostgreSQL server keeps its files itself.
        assert_eq!(sb.one("PRAGMA integrity_check"), "ok");
    }
    let providers = sb.count("SELECT count(*) FROM providers");
    let with_pin = sb.count("SELECT count(DISTINCT provider_id) FROM pins");
    let audited = sb.count(
        "SELECT count(*) FROM audit_log WHERE action = 'ops provider enroll' AND outcome = 'ok'",
    );
    assert_eq!(
        providers, with_pin,
        "a provider without its PIN: a half-written enrollment"
    );
    assert_eq!(providers, audited, "an enrollment without its audit entry");
    let v = sb.json_as("ops", &["audit", "verify"]);
    assert_eq!(v["ok"], true);
}

fn as_nobody_available() -> bool {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let setpriv = std::process::Command::new("setpriv")
        .arg("--version")
        .output()
        .is_ok();
    root && setpriv
}

#[test]
fn a_read_only_store_is_exit_8_for_an_unprivileged_user() {
    if sqlite_only("the store file's mode and its folder's") {
        return;
    }
    if !as_nobody_available() {
        eprintln!(
            "notice: skipping the read-only store test (needs root and setpriv to become `nobody`)"
        );
        return;
    }
    let sb = Sandbox::new();
    sb.init();
    // The store is readable but not writable by `nobody`; its folder is not writable either.
    let shared = sb.path("shared");
    std::fs::create_dir_all(&shared).unwrap();
    let db = shared.join("mmis.db");
    std::fs::copy(&sb.db, &db).unwrap();
    let state = sb.path("nobody-state");
    std::fs::create_dir_all(&state).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o777)).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(sb.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("mmis");
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
        .arg(bin)
        .args(["login", "--username", "ops", "--password-stdin"])
        .env_clear()
        .env("MMIS_DB", &db)
        .env("XDG_STATE_HOME", &state)
        .env("HOME", &state)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            if let Some(mut s) = c.stdin.take() {
                let _ = writeln!(s, "{OPS_PASSWORD}");
            }
            c.wait_with_output()
        })
        .expect("run as nobody");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(8), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
