//! Issue 11, points 8–10: an audit chain anchored outside the store, live and sandbox stores,
//! session limits fixed at sign-in and bounded config durations.

use crate::common::*;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::path::Path;

/// The chain head mmis recorded in `meta`: (id, hash).
fn head(sb: &Sandbox) -> (i64, String) {
    let v = sb.one("SELECT value FROM meta WHERE key = 'audit_head'");
    let (id, hash) = v.split_once(':').unwrap();
    (id.parse().unwrap(), hash.to_string())
}

/// The entry hash as mmis computes it (src/store/audit.rs), for a well-forged row.
fn entry_hash(prev: &str, id: i64, fields: [Option<&str>; 8]) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    let id = id.to_string();
    for f in std::iter::once(Some(id.as_str())).chain(fields) {
        let f = f.unwrap_or("\u{0}");
        h.update([0x1f]);
        h.update(f.len().to_le_bytes());
        h.update(f.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

fn anchor(sb: &Sandbox, name: &str) -> (std::path::PathBuf, Value) {
    let out = sb.path(name);
    let v = sb
        .run_as(
            "ops",
            &["audit", "anchor", "--out", out.to_str().unwrap(), "--json"],
            None,
        )
        .ok()
        .json();
    (out, v)
}

fn verify_with(sb: &Sandbox, anchor: &Path) -> Run {
    sb.run_as(
        "ops",
        &[
            "audit",
            "verify",
            "--anchor",
            anchor.to_str().unwrap(),
            "--json",
        ],
        None,
    )
}

/// Deletes every entry past `keep` and rewrites the head to match: invisible without an anchor.
fn cut_tail(sb: &Sandbox, keep: i64) {
    sb.sql(&format!(
        "{}
         DELETE FROM audit_log WHERE id > {keep};
         UPDATE meta SET value = (SELECT id || ':' || hash FROM audit_log WHERE id = {keep})
          WHERE key = 'audit_head';",
        drop_audit_trigger("audit_log_no_delete")
    ));
}

// ---------- 8. the anchor ----------

#[test]
fn an_anchor_is_a_private_checkpoint_that_names_its_own_entry() {
    let sb = Sandbox::new();
    sb.init();
    let (out, v) = anchor(&sb, "anchor.json");
    let (hid, hash) = head(&sb);
    assert_eq!(v["entries"], hid, "the anchor covers its own entry");
    assert_eq!(v["head"], hash.as_str());
    assert!(v["at"].as_str().unwrap().ends_with('Z'), "{v}");
    let file: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(file["kind"], "mmis audit anchor");
    assert_eq!(file["entries"], v["entries"]);
    assert_eq!(file["head"], v["head"]);
    assert_eq!(file["at"], v["at"]);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let entry = sb.rows(&format!(
        "SELECT action, outcome FROM audit_log WHERE id = {hid}"
    ));
    assert_eq!(
        entry,
        vec![vec![Some("audit anchor".into()), Some("ok".into())]]
    );
    let ok = verify_with(&sb, &out).ok().json();
    assert_eq!(ok["ok"], true);
    assert_eq!(ok["anchor"]["held"], true);
    // `-` prints the checkpoint itself.
    let printed = sb
        .run_as("ops", &["audit", "anchor", "--out", "-"], None)
        .ok();
    let p: Value = serde_json::from_str(&printed.stdout).unwrap();
    assert_eq!(p["kind"], "mmis audit anchor");
}

#[cfg(unix)]
#[test]
fn an_anchor_never_writes_through_a_symlink_or_onto_a_fifo() {
    let sb = Sandbox::new();
    sb.init();
    let target = sb.write("precious.txt", "keep me\n");
    let link = sb.path("link.json");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    sb.run_as(
        "ops",
        &["audit", "anchor", "--out", link.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("symbolic link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me\n");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let fifo = sb.path("fifo");
    assert!(std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap()
        .success());
    sb.run_as(
        "ops",
        &["audit", "anchor", "--out", fifo.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("FIFO");
    sb.run_as("ops", &["audit", "anchor", "--out", "/dev/null"], None)
        .code(6);
    // Nothing was left beside the targets.
    let stray: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(stray.is_empty(), "{stray:?}");
}

#[test]
fn a_cut_tail_with_a_rewritten_head_is_caught_only_by_the_anchor() {
    let sb = Sandbox::new();
    sb.init();
    let (out, v) = anchor(&sb, "anchor.json");
    let n = v["entries"].as_i64().unwrap();
    assert!(n >= 3, "{v}");
    cut_tail(&sb, n - 2);
    // The rows and the head agree again: the chain alone cannot see the cut.
    let plain = sb.json_as("ops", &["audit", "verify"]);
    assert_eq!(plain["ok"], true, "{plain}");
    let r = verify_with(&sb, &out).code(7);
    let j = r.json();
    assert_eq!(j["ok"], false);
    assert_eq!(j["anchor"]["held"], false);
    assert_eq!(j["first_bad"]["id"], n);
    assert!(
        j["anchor"]["reason"].as_str().unwrap().contains("cut"),
        "{j}"
    );
    assert!(
        r.stderr.contains("no longer holds the anchor"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_log_cut_and_regrown_is_caught_as_rewritten() {
    let sb = Sandbox::new();
    sb.init();
    let (out, v) = anchor(&sb, "anchor.json");
    let n = v["entries"].as_i64().unwrap();
    cut_tail(&sb, n - 2);
    // Enough new entries to pass the anchored count again.
    for _ in 0..4 {
        sb.json_as("ops", &["audit", "verify"]);
    }
    assert!(head(&sb).0 > n);
    let j = verify_with(&sb, &out).code(7).json();
    assert_eq!(j["first_bad"]["id"], n);
    assert!(
        j["first_bad"]["reason"]
            .as_str()
            .unwrap()
            .contains("rewritten"),
        "{j}"
    );
}

#[test]
fn a_rewritten_entry_breaks_the_chain_and_the_anchor() {
    let sb = Sandbox::new();
    sb.init();
    let (out, _) = anchor(&sb, "anchor.json");
    sb.sql(&format!(
        "{} UPDATE audit_log SET actor = 'mallory' WHERE id = 1;",
        drop_audit_trigger("audit_log_no_update")
    ));
    let j = verify_with(&sb, &out).code(7).json();
    assert_eq!(j["ok"], false);
    assert_eq!(j["first_bad"]["id"], 1);
    assert_eq!(j["anchor"]["held"], true, "entry N itself was not touched");
}

#[test]
fn a_wiped_log_is_caught() {
    let sb = Sandbox::new();
    sb.init();
    let (out, _) = anchor(&sb, "anchor.json");
    sb.sql(&format!(
        "{} DELETE FROM audit_log; DELETE FROM meta WHERE key = 'audit_head';",
        drop_audit_trigger("audit_log_no_delete")
    ));
    let r = verify_with(&sb, &out).code(7);
    let j = r.json();
    assert!(
        j["first_bad"]["reason"].as_str().unwrap().contains("wiped"),
        "{j}"
    );
    assert!(r.stderr.contains("wiped"), "{}", r.stderr);
}

#[test]
fn a_bad_anchor_file_is_invalid_input() {
    let sb = Sandbox::new();
    sb.init();
    let f = sb.write("not-anchor.json", "{\"entries\": 3}");
    verify_with(&sb, &f)
        .code(6)
        .err_contains("not an mmis audit anchor");
    let missing = sb.path("missing.json");
    verify_with(&sb, &missing)
        .code(6)
        .err_contains("missing.json");
}

#[test]
fn an_anchor_refuses_to_vouch_for_a_broken_log() {
    let sb = Sandbox::new();
    sb.init();
    sb.sql(&format!(
        "{} UPDATE audit_log SET actor = 'mallory' WHERE id = 1;",
        drop_audit_trigger("audit_log_no_update")
    ));
    let out = sb.path("anchor.json");
    sb.run_as(
        "ops",
        &["audit", "anchor", "--out", out.to_str().unwrap()],
        None,
    )
    .code(7)
    .err_contains("entry 1");
    assert!(!out.exists());
}

#[test]
fn a_row_forged_past_the_head_never_stops_other_commands() {
    let sb = Sandbox::new();
    sb.with_admin();
    let (n, hash) = head(&sb);
    // A well-forged row: right link, right hash; only the head in meta was not moved.
    let f = n + 1;
    let forged = entry_hash(
        &hash,
        f,
        [
            Some("2026-03-16T00:00:00Z"),
            Some("ops"),
            Some("operator"),
            None,
            Some("ops user unlock"),
            Some("mallory"),
            Some("ok"),
            None,
        ],
    );
    sb.sql(&format!(
        "INSERT INTO audit_log(id, at, actor, actor_kind, action, target, outcome, prev_hash, hash)
         VALUES ({f}, '2026-03-16T00:00:00Z', 'ops', 'operator', 'ops user unlock', 'mallory', 'ok', '{hash}', '{forged}')"
    ));
    let r = sb
        .run_as("ops", &["audit", "verify", "--json"], None)
        .code(7);
    assert_eq!(r.json()["first_bad"]["id"], f, "{}", r.stdout);
    // Today: `UNIQUE constraint failed: audit_log.id`, exit 1, for every audited command.
    sb.login("ops", "ops", OPS_PASSWORD);
    sb.run_as("admin", &["clerk", "list"], None).ok();
    sb.run_as("admin", &["audit", "log"], None).ok();
    sb.json_as("ops", &["ops", "provider", "list"]);
    // The break stays reported, naming the forged row, after mmis chained past it.
    for _ in 0..2 {
        let r = sb
            .run_as("ops", &["audit", "verify", "--json"], None)
            .code(7);
        let j = r.json();
        assert_eq!(j["first_bad"]["id"], f, "{j}");
        assert!(
            j["first_bad"]["reason"]
                .as_str()
                .unwrap()
                .contains("outside mmis"),
            "{j}"
        );
        assert!(r.stderr.contains(&format!("entry {f}")), "{}", r.stderr);
    }
    assert!(head(&sb).0 > f + 2);
}

#[test]
fn a_badly_forged_row_past_the_head_is_named() {
    let sb = Sandbox::new();
    sb.init();
    let (n, _) = head(&sb);
    let junk = "a".repeat(64);
    sb.sql(&format!(
        "INSERT INTO audit_log(id, at, actor, actor_kind, action, outcome, prev_hash, hash)
         VALUES ({}, 'x', 'x', 'x', 'x', 'x', '{junk}', '{junk}')",
        n + 1
    ));
    sb.login("ops", "ops", OPS_PASSWORD);
    let j = sb
        .run_as("ops", &["audit", "verify", "--json"], None)
        .code(7)
        .json();
    assert_eq!(j["first_bad"]["id"], n + 1, "{j}");
}

/// Rebuilds `audit_log` without its types and constraints, as someone with the file can.
const REBUILD: &str = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;
    CREATE TABLE loose(id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash);
    INSERT INTO loose SELECT * FROM audit_log;
    DROP TABLE audit_log;
    ALTER TABLE loose RENAME TO audit_log;";

#[test]
fn garbage_in_the_log_is_a_broken_chain_never_an_internal_error() {
    if sqlite_only("a rebuilt audit_log without column types (SQLite stores any value anywhere)") {
        return;
    }
    let h = "b".repeat(64);
    let cases: Vec<(&str, String, Value, &str)> = vec![
        (
            "a NULL hash",
            format!("INSERT INTO audit_log VALUES (99, 'x', 'x', 'x', NULL, 'x', NULL, 'x', NULL, '{h}', NULL)"),
            Value::from(99),
            "NULL",
        ),
        (
            "a text id",
            format!("INSERT INTO audit_log VALUES ('abc', 'x', 'x', 'x', NULL, 'x', NULL, 'x', NULL, '{h}', '{h}')"),
            Value::Null,
            "abc",
        ),
        (
            "a NULL id",
            format!("INSERT INTO audit_log VALUES (NULL, 'x', 'x', 'x', NULL, 'x', NULL, 'x', NULL, '{h}', '{h}')"),
            Value::Null,
            "NULL",
        ),
        (
            "a number for a time",
            "UPDATE audit_log SET at = 12345 WHERE id = 1".to_string(),
            Value::from(1),
            "at column",
        ),
        (
            "a blob for an actor",
            "UPDATE audit_log SET actor = x'00ff' WHERE id = 1".to_string(),
            Value::from(1),
            "blob",
        ),
        (
            "a second entry 1",
            format!("INSERT INTO audit_log VALUES (1, 'x', 'x', 'x', NULL, 'x', NULL, 'x', NULL, '{h}', '{h}')"),
            Value::from(1),
            "second entry",
        ),
        (
            "an id far past the end",
            format!("INSERT INTO audit_log VALUES (9223372036854775807, 'x', 'x', 'x', NULL, 'x', NULL, 'x', NULL, '{h}', '{h}')"),
            Value::Null,
            "missing",
        ),
    ];
    for (what, sql, id, says) in cases {
        let sb = Sandbox::new();
        sb.init();
        sb.sql(&format!("{REBUILD}\n{sql};"));
        let r = sb.run_as("ops", &["audit", "verify", "--json"], None);
        assert_eq!(r.code, 7, "{what}: {}\n{}", r.stdout, r.stderr);
        let j = r.json();
        if !id.is_null() {
            assert_eq!(j["first_bad"]["id"], id, "{what}: {j}");
        }
        let named = format!("{} {}", j["first_bad"]["entry"], j["first_bad"]["reason"]);
        assert!(named.contains(says), "{what}: {j}");
        // Other commands go on, and their entries are written.
        sb.login("ops", "ops", OPS_PASSWORD);
        sb.run_as("ops", &["audit", "log", "--json"], None).ok();
        let again = sb.run_as("ops", &["audit", "verify", "--json"], None);
        assert_eq!(again.code, 7, "{what}: {}\n{}", again.stdout, again.stderr);
    }
}

#[test]
fn a_dropped_audit_table_is_a_broken_chain() {
    let sb = Sandbox::new();
    sb.init();
    let (out, _) = anchor(&sb, "anchor.json");
    sb.sql("DROP TABLE audit_log;");
    let j = verify_with(&sb, &out).code(7).json();
    assert_eq!(
        j["anchor"]["held"],
        Value::Null,
        "not checked: the table is gone"
    );
    assert!(
        j["first_bad"]["reason"].as_str().unwrap().contains("gone"),
        "{j}"
    );
    sb.run_as("ops", &["audit", "log"], None)
        .code(8)
        .err_contains("audit log is gone");
    let j = sb
        .run_as("ops", &["audit", "verify", "--json"], None)
        .code(7)
        .json();
    assert!(
        j["first_bad"]["reason"].as_str().unwrap().contains("gone"),
        "{j}"
    );
    // Nothing can be recorded: writing commands are refused as for a damaged store.
    sb.run_as(
        "ops",
        &["login", "--username", "ops", "--password-stdin"],
        Some(OPS_PASSWORD),
    )
    .code(8)
    .err_contains("audit log is gone");
}

// ---------- 9. live and sandbox stores ----------

#[test]
fn a_live_store_refuses_mmis_today() {
    let sb = Sandbox::new();
    let v = sb
        .run_live(
            "ops",
            &["init", "--username", "ops", "--password-stdin", "--json"],
            Some(OPS_PASSWORD),
        )
        .ok()
        .json();
    assert_eq!(v["sandbox"], false);
    sb.run_live(
        "ops",
        &["login", "--username", "ops", "--password-stdin"],
        Some(OPS_PASSWORD),
    )
    .ok();
    let w = sb.run_live("ops", &["whoami", "--json"], None).ok();
    assert_eq!(w.json()["sandbox"], false);
    assert!(!w.stderr.contains("SANDBOX"), "{}", w.stderr);
    // Every command that opens the store, reads included.
    for args in [
        vec!["whoami"],
        vec!["audit", "log"],
        vec!["ops", "provider", "list"],
        vec!["login", "--username", "ops", "--password-stdin"],
    ] {
        let r = sb.run_as("ops", &args, Some(OPS_PASSWORD)).code(2);
        assert!(
            r.stderr
                .starts_with("error: MMIS_TODAY is set but this store is live"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stderr.contains("hint: unset MMIS_TODAY"), "{}", r.stderr);
        assert!(r.stdout.is_empty());
    }
}

#[test]
fn init_sandbox_and_stores_made_while_mmis_today_is_set_are_sandboxes() {
    let sb = Sandbox::new();
    let v = sb
        .run_live(
            "ops",
            &[
                "init",
                "--sandbox",
                "--username",
                "ops",
                "--password-stdin",
                "--json",
            ],
            Some(OPS_PASSWORD),
        )
        .ok()
        .json();
    assert_eq!(v["sandbox"], true);
    sb.login("ops", "ops", OPS_PASSWORD);
    assert_eq!(sb.json_as("ops", &["whoami"])["sandbox"], true);
    let live_clock = sb.run_live("ops", &["whoami", "--json"], None).ok();
    assert_eq!(live_clock.json()["sandbox"], true);

    // The harness's stores (MMIS_TODAY set at init) are sandboxes too.
    let other = Sandbox::new();
    other.init();
    let w = other.run_as("ops", &["whoami", "--json"], None).ok();
    assert_eq!(w.json()["sandbox"], true);
    assert!(!w.stderr.contains("SANDBOX"), "JSON runs carry no banner");
    // A table says so, on stderr; stdout stays the table.
    let t = other.run_as("ops", &["whoami"], None).ok();
    assert!(
        t.stderr
            .contains("SANDBOX store (business date 2026-03-16)"),
        "{}",
        t.stderr
    );
    assert!(!t.stdout.contains("SANDBOX"), "{}", t.stdout);
    assert!(
        t.stdout.contains("sandbox"),
        "whoami's table shows the field: {}",
        t.stdout
    );
    let rows = other.run_as("ops", &["ops", "provider", "list"], None).ok();
    assert!(rows.stderr.contains("SANDBOX"), "{}", rows.stderr);
    let csv = other
        .run_as("ops", &["ops", "provider", "list", "--format", "csv"], None)
        .ok();
    assert!(!csv.stderr.contains("SANDBOX"), "{}", csv.stderr);
}

#[test]
fn the_demo_store_is_a_sandbox() {
    let sb = Sandbox::new();
    sb.run_live("x", &["demo"], None).ok();
    assert_eq!(sb.one("SELECT value FROM meta WHERE key = 'sandbox'"), "1");
    // MMIS_TODAY is honoured on it: signing in with a pinned date works.
    let r = sb
        .run_as(
            "owner",
            &[
                "login",
                "--username",
                "JAMJON",
                "--password-stdin",
                "--json",
            ],
            Some(demo_admin_password().as_str()),
        )
        .ok();
    assert_eq!(r.json()["user_name"], "JAMJON");
    assert_eq!(sb.json_as("owner", &["whoami"])["sandbox"], true);
}

fn demo_admin_password() -> String {
    let form: toml::Table = toml::from_str(mmis::commands::demo::SETUP_FORM).unwrap();
    form["password"].as_str().unwrap().to_string()
}

// ---------- 10. session limits and config durations ----------

fn config(sb: &Sandbox, name: &str, body: &str) -> String {
    sb.write(name, body).to_str().unwrap().to_string()
}

#[test]
fn session_limits_are_fixed_at_sign_in() {
    let sb = Sandbox::new();
    sb.init();
    let short = config(
        &sb,
        "short.toml",
        "[session]\nidle = \"3s\"\nabsolute = \"5s\"\n",
    );
    let long = config(
        &sb,
        "long.toml",
        "[session]\nidle = \"1h\"\nabsolute = \"24h\"\n",
    );
    let v = sb
        .run_env(
            "ops",
            &["login", "--username", "ops", "--password-stdin", "--json"],
            Some(OPS_PASSWORD),
            &[("MMIS_CONFIG", &short)],
        )
        .ok()
        .json();
    // The stored limits are the sign-in's.
    let limits = sb.rows("SELECT idle_secs, absolute_secs FROM sessions ORDER BY id DESC LIMIT 1");
    assert_eq!(limits, vec![vec![Some("3".into()), Some("5".into())]]);
    assert!(v["expires_at"].as_str().is_some());
    std::thread::sleep(std::time::Duration::from_millis(3300));
    // The next command's config says 1h: it cannot stretch the session.
    sb.run_env("ops", &["whoami"], None, &[("MMIS_CONFIG", &long)])
        .code(3)
        .err_contains("idle timeout");

    // The absolute limit too, even with commands in between.
    sb.run_env(
        "ops",
        &["login", "--username", "ops", "--password-stdin"],
        Some(OPS_PASSWORD),
        &[("MMIS_CONFIG", &short)],
    )
    .ok();
    for _ in 0..6 {
        std::thread::sleep(std::time::Duration::from_millis(1200));
        let r = sb.run_env("ops", &["whoami"], None, &[("MMIS_CONFIG", &long)]);
        if r.code == 3 {
            assert!(r.stderr.contains("absolute timeout"), "{}", r.stderr);
            return;
        }
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    panic!("the session outlived its absolute limit of 5s");
}

#[test]
fn a_shorter_config_may_shorten_a_session() {
    let sb = Sandbox::new();
    sb.init();
    let short = config(&sb, "short.toml", "[session]\nidle = \"1s\"\n");
    sb.run_as("ops", &["whoami"], None).ok();
    std::thread::sleep(std::time::Duration::from_millis(1500));
    sb.run_env("ops", &["whoami"], None, &[("MMIS_CONFIG", &short)])
        .code(3)
        .err_contains("idle timeout");
}

#[test]
fn config_durations_are_bounded_and_name_their_key() {
    let sb = Sandbox::new();
    sb.init();
    let sessions = || -> i64 { sb.count("SELECT count(*) FROM sessions") };
    let before = sessions();
    for (key, value, says) in [
        ("session.absolute", "9999999999d", "longest allowed, 30d"),
        (
            "session.absolute",
            "18446744073709551615s",
            "longest allowed, 30d",
        ),
        (
            "session.absolute",
            "99999999999999999999999999999s",
            "longest allowed",
        ),
        ("session.absolute", "31d", "longest allowed, 30d"),
        ("session.idle", "25h", "longest allowed, 1d"),
        ("session.idle", "0s", "not a duration"),
        ("session.idle", "soon", "not a duration"),
        ("token.default_expiry", "367d", "longest allowed, 366d"),
    ] {
        let (section, name) = key.split_once('.').unwrap();
        let cfg = config(
            &sb,
            "bad.toml",
            &format!("[{section}]\n{name} = \"{value}\"\n"),
        );
        let r = sb.run_env(
            "ops",
            &["login", "--username", "ops", "--password-stdin"],
            Some(OPS_PASSWORD),
            &[("MMIS_CONFIG", &cfg)],
        );
        assert_eq!(r.code, 6, "{key} = {value}: {}", r.stderr);
        assert!(r.stderr.contains(key), "{key} = {value}: {}", r.stderr);
        assert!(r.stderr.contains(says), "{key} = {value}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
    assert_eq!(sessions(), before, "no session was created");
    let edge = config(
        &sb,
        "edge.toml",
        "[session]\nidle = \"24h\"\nabsolute = \"30d\"\n",
    );
    let v = sb
        .run_env(
            "ops",
            &["login", "--username", "ops", "--password-stdin", "--json"],
            Some(OPS_PASSWORD),
            &[("MMIS_CONFIG", &edge)],
        )
        .ok()
        .json();
    assert!(v["expires_at"].as_str().unwrap().ends_with('Z'));
}

// ---------- issue 9: the chain on either backend ----------

/// Every row of the log as the backend holds it, re-hashed here: the chain verifies because
/// each value reads back exactly as written (the id a whole number, the rest text, NULLs
/// NULL), on SQLite and on PostgreSQL alike.
fn rehash_every_row(sb: &Sandbox) -> i64 {
    let rows = sb.rows(
        "SELECT id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash
         FROM audit_log ORDER BY id",
    );
    let mut prev = "0".repeat(64);
    for (i, r) in rows.iter().enumerate() {
        let id: i64 = r[0].as_deref().unwrap().parse().unwrap();
        assert_eq!(id, i as i64 + 1, "ids run 1, 2, 3 …: {r:?}");
        assert_eq!(
            r[9].as_deref(),
            Some(prev.as_str()),
            "entry {id} links back"
        );
        let f = |i: usize| r[i].as_deref();
        let hash = entry_hash(&prev, id, [f(1), f(2), f(3), f(4), f(5), f(6), f(7), f(8)]);
        assert_eq!(r[10].as_deref(), Some(hash.as_str()), "entry {id}: {r:?}");
        prev = hash;
    }
    assert_eq!(
        head(sb),
        (rows.len() as i64, prev),
        "the head ends the chain"
    );
    rows.len() as i64
}

#[test]
fn the_audit_chain_verifies_after_several_commands() {
    let sb = Sandbox::new();
    let provider = sb.with_admin();
    sb.json_as("admin", &["token", "create", "--name", "nightly"]);
    sb.json_as("admin", &["whoami"]);
    sb.json_as("ops", &["audit", "log", "--action", "LOGIN"]);
    sb.run_as("nobody", &["whoami"], None).code(3);
    let (out, _) = anchor(&sb, "anchor.json");
    let j = verify_with(&sb, &out).ok().json();
    assert_eq!(j["ok"], true, "{j}");
    assert_eq!(j["anchor"]["held"], true, "{j}");
    let n = rehash_every_row(&sb);
    assert!(n >= 8, "{n} entries");
    // The filters of `audit log` read the same on both backends: --user regardless of
    // case, --action by its first words, an administrator sees their provider's entries.
    let mine = sb.json_as("admin", &["audit", "log", "--user", "jamjon"]);
    let mine = mine.as_array().unwrap();
    assert!(!mine.is_empty());
    assert!(mine.iter().all(|r| r["actor"] == "JAMJON"), "{mine:?}");
    assert!(mine.iter().all(|r| r["provider_id"] == provider.as_str()));
    let tokens = sb.json_as("ops", &["audit", "log", "--action", "token"]);
    let tokens = tokens.as_array().unwrap();
    assert!(!tokens.is_empty());
    assert!(
        tokens
            .iter()
            .all(|r| r["action"].as_str().unwrap().starts_with("token ")),
        "{tokens:?}"
    );
    let last = sb.json_as("ops", &["audit", "log", "--limit", "2"]);
    assert_eq!(last.as_array().unwrap().len(), 2);
    assert_eq!(sb.json_as("ops", &["audit", "verify"])["ok"], true);
    rehash_every_row(&sb);
}

/// The store's own calls for the audit log, sessions, tokens, invitations and transfer
/// requests, straight through the seam on the backend under test (no command in between).
#[test]
fn the_store_seam_keeps_the_chain_and_the_access_rows() {
    use mmis::error::Kind;
    use mmis::store::{AuditEntry, AuditFilter, OpenMode, Store};
    let sb = Sandbox::new();
    let store = Store::open(Path::new(&sb.store()), OpenMode::Create).unwrap();
    sb.sql(
        "INSERT INTO users(id, user_name, created_at) VALUES (1, 'Ann', '2026-03-16T00:00:00Z');
         INSERT INTO providers(provider_id, npi, name, type, enrolled_on, created_at)
         VALUES ('506675928', '1234567893', 'Jones', 'group', '2026-03-16', '2026-03-16T00:00:00Z');",
    );
    fn entry<'a>(actor: &'a str, action: &'a str, detail: Option<&'a str>) -> AuditEntry<'a> {
        AuditEntry {
            at: "2026-03-16T09:00:00Z",
            actor,
            actor_kind: "user",
            provider_id: Some("506675928"),
            action,
            target: None,
            outcome: "ok",
            detail,
        }
    }
    let long = "long detail ".repeat(200);
    let tx = store.write().unwrap();
    let mut ids = vec![];
    for e in [
        entry("Ann", "login", None),
        entry(
            "ann",
            "clerk add",
            Some("roles: Claim Submit; naïve café ✓ 'quoted' \"x\""),
        ),
        entry("BOB", "clerkship", Some("  spaces kept  ")),
        entry("Ann", "token create", Some(&long)),
    ] {
        ids.push(tx.audit(&e).unwrap());
    }
    tx.commit().unwrap();
    assert_eq!(ids, vec![1, 2, 3, 4]);
    let tx = store.read().unwrap();
    let report = tx.audit_verify().unwrap();
    assert!(report.first_bad.is_none(), "{:?}", report.first_bad);
    assert_eq!(report.entries, 4);
    let all = |f: AuditFilter| {
        tx.audit_rows(&f)
            .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    let by_user = all(AuditFilter {
        user: Some("ANN".into()),
        ..Default::default()
    });
    assert_eq!(by_user, vec![1, 2, 4]);
    let by_action = all(AuditFilter {
        action: Some("Clerk".into()),
        ..Default::default()
    });
    assert_eq!(
        by_action,
        vec![2],
        "\"clerk\" finds \"clerk add\", not \"clerkship\""
    );
    let wild = all(AuditFilter {
        action: Some("clerk%".into()),
        ..Default::default()
    });
    assert!(wild.is_empty(), "no wildcards: {wild:?}");
    let provider = all(AuditFilter {
        providers: Some(vec!["506675928".into()]),
        limit: Some(2),
        ..Default::default()
    });
    assert_eq!(provider, vec![3, 4], "the newest two, oldest first");
    let none = all(AuditFilter {
        providers: Some(vec![]),
        ..Default::default()
    });
    assert!(none.is_empty());
    let since = all(AuditFilter {
        since: Some("2026-03-17".into()),
        ..Default::default()
    });
    assert!(since.is_empty());
    drop(tx);
    rehash_every_row(&sb);

    // Sessions, tokens, invitations and transfer requests: ids back, rows read as written.
    let pid = mmis::domain::ids::ProviderId::parse("provider", "506675928").unwrap();
    let tx = store.write().unwrap();
    let s = tx
        .insert_session("h1", 1, None, "2026-03-16T09:00:00Z")
        .unwrap();
    let s2 = tx
        .insert_session("h2", 1, Some(&pid), "2026-03-16T09:00:00Z")
        .unwrap();
    assert_ne!(s, s2);
    tx.set_session_limits(s, 900, 3600).unwrap();
    let row = tx.session_by_hash("h1").unwrap().unwrap();
    assert_eq!(
        (row.id, row.idle_secs, row.absolute_secs),
        (s, Some(900), Some(3600))
    );
    assert_eq!(
        tx.end_user_sessions(1, Some(s), "2026-03-16T10:00:00Z", "x")
            .unwrap(),
        1
    );
    assert!(tx.session_by_id(s).unwrap().unwrap().ended_at.is_none());
    assert!(tx.session_by_id(s2).unwrap().unwrap().ended_at.is_some());
    assert_eq!(
        tx.end_user_sessions(1, None, "2026-03-16T10:00:00Z", "x")
            .unwrap(),
        1
    );
    for name in ["b", "B", "a"] {
        tx.insert_token(
            &format!("t{name}"),
            name,
            1,
            &pid,
            &[],
            name == "a",
            "2026-03-16T09:00:00Z",
            None,
        )
        .unwrap();
    }
    let names: Vec<_> = tx
        .tokens_of(1, &pid)
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.admin))
        .collect();
    assert_eq!(
        names,
        vec![("B".into(), false), ("a".into(), true), ("b".into(), false)],
        "by name in byte order"
    );
    assert_eq!(
        tx.revoke_provider_tokens(1, &pid, "2026-03-16T10:00:00Z")
            .unwrap(),
        3
    );
    let ymd = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let (issued, expires) = (ymd("2026-03-16"), ymd("2026-03-30"));
    let inv = tx
        .insert_invitation("c1", 1, &pid, issued, expires, "now")
        .unwrap();
    let inv2 = tx
        .insert_invitation("c2", 1, &pid, issued, expires, "now")
        .unwrap();
    assert!(tx
        .invitation_by_hash("c1")
        .unwrap()
        .unwrap()
        .voided_at
        .is_some());
    assert_eq!(tx.latest_invitation(1, &pid).unwrap().unwrap().id, inv2);
    assert!(!tx.use_invitation(inv, "now").unwrap());
    assert!(tx.use_invitation(inv2, "now").unwrap());
    let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
    let r1 = tx.insert_transfer(&pid, "{}", day, "now").unwrap();
    assert_eq!(r1, "TR-000001");
    let t = tx.transfer("tr-000001").unwrap().unwrap();
    assert_eq!(
        (t.request_id.as_str(), t.provider_id, t.created_on),
        ("TR-000001", pid.clone(), day)
    );
    assert!(tx
        .decide_transfer(1, "approved", "now", "ops", None)
        .unwrap());
    let r2 = tx.insert_transfer(&pid, "{}", day, "now").unwrap();
    assert_eq!(r2, "TR-000002");
    let order: Vec<_> = tx
        .transfers_all()
        .unwrap()
        .into_iter()
        .map(|t| t.request_id)
        .collect();
    assert_eq!(order, vec!["TR-000002", "TR-000001"], "pending first");
    tx.commit().unwrap();

    // A row forged with the largest id: the next entry still goes in (the lowest free id)
    // and verify names the break, on both backends.
    sb.sql(&format!(
        "INSERT INTO audit_log(id, at, actor, actor_kind, action, outcome, prev_hash, hash)
         VALUES (9223372036854775807, 'x', 'x', 'x', 'x', 'x', '{0}', '{0}')",
        "c".repeat(64)
    ));
    let tx = store.write().unwrap();
    assert_eq!(tx.audit(&entry("Ann", "logout", None)).unwrap(), 5);
    let report = tx.audit_verify().unwrap();
    let bad = report.first_bad.unwrap();
    assert_eq!(bad.id, Some(i64::MAX), "{bad:?}");
    assert!(bad.reason.contains("entry 6 is missing"), "{bad:?}");
    tx.commit().unwrap();

    // A dropped table: nothing can be recorded (exit 8), and verify says the log is gone.
    sb.sql("DROP TABLE audit_log;");
    let tx = store.write().unwrap();
    let err = tx.audit(&entry("Ann", "logout", None)).unwrap_err();
    assert_eq!(err.kind, Kind::StoreUnavailable, "{err:?}");
    assert!(err.message.contains("audit log is gone"), "{err:?}");
    drop(tx);
    let tx = store.read().unwrap();
    let err = tx.audit_rows(&AuditFilter::default()).unwrap_err();
    assert_eq!(err.kind, Kind::StoreUnavailable, "{err:?}");
    drop(tx);
    let tx = store.read().unwrap();
    assert!(tx.audit_verify().unwrap().table_missing);
}
