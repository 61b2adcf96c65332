//! `store copy` and `store backup` (docs/store.md): every table in one transaction, the
//! same audit chain head on the other side, a non-empty target refused, backups that restore.

use crate::common::*;
use std::ffi::OsString;

/// A store with something in every part: a provider and its administrator, a clerk's
/// token, audit entries.
fn busy_sandbox() -> Sandbox {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.json_as(
        "admin",
        &[
            "token",
            "create",
            "--name",
            "ci",
            "--roles",
            "Eligibility Inquiry",
        ],
    );
    sb
}

/// Runs `args` as `actor` of `sb`, against the store `db` instead of the sandbox's.
fn run_on(sb: &Sandbox, actor: &str, db: &OsString, args: &[&str]) -> Run {
    let mut c = sb.cmd_as(actor);
    c.env("MMIS_DB", db).args(args);
    let out = c.output().expect("run mmis");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `audit verify` on `db` as a signed-in operator: its entries, after checking it is ok.
fn verified_entries(sb: &Sandbox, db: &OsString) -> i64 {
    let mut c = sb.cmd_as("copy-reader");
    c.env("MMIS_DB", db)
        .args(["login", "--username", "ops", "--password-stdin", "--json"])
        .write_stdin(OPS_PASSWORD);
    let out = c.output().expect("login");
    assert!(
        out.status.success(),
        "login on the copy: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut c = sb.cmd_as("copy-reader");
    c.env("MMIS_DB", db).args(["audit", "verify", "--json"]);
    let out = c.output().expect("verify");
    assert!(
        out.status.success(),
        "verify on the copy: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v["ok"], true, "{v}");
    v["entries"].as_i64().expect("entries")
}

#[test]
fn store_copy_to_a_new_file_copies_every_table_and_the_chain_verifies_with_the_same_entries() {
    let sb = busy_sandbox();
    let to = sb.path("copy.db");
    let v = sb.json_as("ops", &["store", "copy", "--to", to.to_str().unwrap()]);
    let tables = v["tables"].as_object().expect("tables");
    assert!(tables["users"].as_i64().unwrap() >= 2, "{v}");
    assert!(tables["audit_log"].as_i64().unwrap() >= 5, "{v}");
    assert_eq!(tables["api_tokens"], 1, "{v}");
    assert!(
        tables.contains_key("claims") && tables.contains_key("members"),
        "{v}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&to).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The copy holds the same chain, its own entry included: the same head hash, and both
    // verify (each then has one sign-in more).
    let n = tables["audit_log"].as_i64().unwrap();
    let head = sb.one(&format!("SELECT hash FROM audit_log WHERE id = {n}"));
    let copy_head: String = rusqlite::Connection::open(&to)
        .unwrap()
        .query_row(
            "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(copy_head, head);
    assert_eq!(verified_entries(&sb, &to.clone().into_os_string()), n + 1);
    assert_eq!(verified_entries(&sb, &sb.store()), n + 1);
}

#[test]
fn store_copy_refuses_a_target_that_is_not_empty_and_leaves_it_alone() {
    let sb = busy_sandbox();
    let to = sb.path("copy.db");
    sb.json_as("ops", &["store", "copy", "--to", to.to_str().unwrap()]);
    let before = std::fs::read(&to).unwrap();
    sb.run_as(
        "ops",
        &["store", "copy", "--to", to.to_str().unwrap()],
        None,
    )
    .code(7)
    .err_contains("not empty");
    assert_eq!(std::fs::read(&to).unwrap(), before);
}

#[test]
fn store_copy_and_backup_are_the_operators_alone() {
    let sb = busy_sandbox();
    let to = sb.path("copy.db");
    sb.run_as(
        "admin",
        &["store", "copy", "--to", to.to_str().unwrap()],
        None,
    )
    .code(4);
    sb.run_as("admin", &["store", "backup", to.to_str().unwrap()], None)
        .code(4);
    assert!(!to.exists());
}

#[test]
fn a_password_in_the_target_url_is_refused_before_connecting_and_never_echoed() {
    let sb = busy_sandbox();
    let r = sb
        .run_as(
            "ops",
            &[
                "store",
                "copy",
                "--to",
                "postgresql://ann:Hunter2secret@localhost:1/x",
            ],
            None,
        )
        .code(2)
        .err_contains("password");
    assert!(!r.stderr.contains("Hunter2secret"), "{}", r.stderr);
}

#[test]
fn store_copy_and_backup_into_a_symlink_are_refused_with_a_hint_they_can_follow() {
    if sqlite_only("a file target's symlink; on a server store backup points to pg_dump") {
        return;
    }
    let sb = busy_sandbox();
    let real = sb.path("real.db");
    std::fs::write(&real, b"keep").unwrap();
    let link = sb.path("link.db");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let to = link.to_str().unwrap();
    for args in [
        vec!["store", "copy", "--to", to],
        vec!["store", "backup", to],
    ] {
        let r = sb
            .run_as("ops", &args, None)
            .code(6)
            .err_contains("it is a symbolic link (left as it is)")
            .err_contains("hint: name a regular file, or one that does not exist yet");
        // `store copy` cannot write to stdout: the one hint both give must not offer `-`.
        assert!(!r.stderr.contains("`-`"), "{args:?}: {}", r.stderr);
        assert_eq!(std::fs::read(&real).unwrap(), b"keep", "{args:?}");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }
}

#[test]
fn store_backup_is_a_private_consistent_copy_that_verifies() {
    if sqlite_only("SQLite's online backup; PostgreSQL has pg_dump") {
        return;
    }
    let sb = busy_sandbox();
    let out = sb.path("backup.db");
    // Writers at work while the backup is taken.
    let writers: Vec<_> = (0..4)
        .map(|i| {
            let mut c = sb.std_cmd_as("admin");
            c.args([
                "token",
                "create",
                "--name",
                &format!("w{i}"),
                "--roles",
                "Claim Inquiry",
                "--json",
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
            c.spawn().expect("spawn writer")
        })
        .collect();
    let v = sb.json_as("ops", &["store", "backup", out.to_str().unwrap()]);
    for mut w in writers {
        let _ = w.wait();
    }
    assert_eq!(v["out"], out.to_str().unwrap());
    assert_eq!(
        v["bytes"].as_u64().unwrap(),
        std::fs::metadata(&out).unwrap().len()
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&out).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // Restore drill: a copy of the backup is a working store whose chain verifies.
    let restored = sb.path("restored.db");
    std::fs::copy(&out, &restored).unwrap();
    verified_entries(&sb, &restored.into_os_string());
}

#[test]
fn store_backup_on_postgres_points_to_pg_dump() {
    if postgres_only("the refusal on a server store") {
        return;
    }
    let sb = busy_sandbox();
    let out = sb.path("backup.db");
    sb.run_as("ops", &["store", "backup", out.to_str().unwrap()], None)
        .code(2)
        .err_contains("pg_dump");
    assert!(!out.exists());
    // To stdout too: refused, nothing written.
    let r = sb
        .run_as("ops", &["store", "backup", "-"], None)
        .code(2)
        .err_contains("pg_dump");
    assert!(r.stdout.is_empty(), "{}", r.stdout);
}

#[test]
fn store_backup_to_stdout_is_the_whole_store_and_it_restores() {
    if sqlite_only("SQLite's online backup; PostgreSQL has pg_dump") {
        return;
    }
    let sb = busy_sandbox();
    let out = sb
        .std_cmd_as("ops")
        .args(["store", "backup", "-"])
        .output()
        .expect("run mmis");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // stdout is the backup and nothing else: a SQLite file.
    assert!(
        out.stdout.starts_with(b"SQLite format 3\0"),
        "not a SQLite file"
    );
    // Its temporary file beside the store is gone.
    let left: Vec<_> = std::fs::read_dir(sb.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("mmis-backup"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // Recorded, with its size, before it was written out.
    let detail = sb.one(
        "SELECT detail FROM audit_log WHERE action = 'store backup' AND target = '-' ORDER BY id DESC LIMIT 1",
    );
    assert_eq!(detail, format!("bytes={}", out.stdout.len()));
    // Restore drill, as from a file.
    let restored = sb.path("restored.db");
    std::fs::write(&restored, &out.stdout).unwrap();
    verified_entries(&sb, &restored.into_os_string());
}

#[test]
fn a_store_moves_to_postgres_and_back_with_the_same_chain() {
    let Some(base) = pg_server("store copy between SQLite and PostgreSQL") else {
        return;
    };
    let sb = busy_sandbox();
    let server = PgDb::create(&base);
    let url = OsString::from(&server.url);
    let v = sb.json_as("ops", &["store", "copy", "--to", &server.url]);
    let copied = v["tables"]["audit_log"].as_i64().unwrap();
    let head = sb.one(&format!("SELECT hash FROM audit_log WHERE id = {copied}"));
    let server_head: String = server
        .client()
        .query_one("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", &[])
        .unwrap()
        .get(0);
    assert_eq!(server_head, head);
    assert_eq!(verified_entries(&sb, &url), copied + 1);
    // A second copy into the same database: not empty.
    sb.run_as("ops", &["store", "copy", "--to", &server.url], None)
        .code(7);
    // And back from the server into a new file.
    let back = sb.path("back.db");
    // (`copy-reader` signed in on the server copy as the operator, in verified_entries.)
    let v = run_on(
        &sb,
        "copy-reader",
        &url,
        &["store", "copy", "--to", back.to_str().unwrap(), "--json"],
    );
    assert_eq!(v.code, 0, "{}", v.stderr);
    let back_entries = verified_entries(&sb, &back.into_os_string());
    assert!(back_entries > copied, "{back_entries} vs {copied}");
}

#[test]
fn a_pg_dump_of_a_server_store_restores_and_verifies() {
    if postgres_only("pg_dump restore drill") {
        return;
    }
    let bin = ["/usr/bin/pg_dump", "/usr/lib/postgresql/15/bin/pg_dump"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists());
    let Some(pg_dump) = bin else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true and no pg_dump"
        );
        eprintln!("notice: no pg_dump, skipped");
        return;
    };
    let sb = busy_sandbox();
    let src = sb.pg.as_ref().expect("postgres sandbox");
    let dump = std::process::Command::new(pg_dump)
        .args(["--no-owner", "--inserts", "--dbname", &src.url])
        .output()
        .expect("pg_dump");
    assert!(
        dump.status.success(),
        "{}",
        String::from_utf8_lossy(&dump.stderr)
    );
    let base = pg_server("restore target").expect("server");
    let restored = PgDb::create(&base);
    let mut client = restored.client();
    client
        .batch_execute(
            &String::from_utf8(dump.stdout)
                .unwrap()
                .lines()
                // psql's own meta-commands (`\restrict` in newer pg_dump output) and the
                // emptied search path are for psql; the SQL is the same.
                .filter(|l| !l.starts_with('\\'))
                .filter(|l| !l.contains("set_config('search_path', '', false)"))
                .collect::<Vec<_>>()
                .join("\n"),
        )
        .expect("restore the dump");
    let entries = verified_entries(&sb, &OsString::from(&restored.url));
    assert!(entries >= 5);
}

#[test]
fn a_password_in_db_on_the_command_line_is_refused_and_never_echoed() {
    let sb = Sandbox::new();
    let r = sb
        .run_as(
            "ops",
            &[
                "--db",
                "postgresql://ann:Hunter2secret@localhost:1/x",
                "whoami",
            ],
            None,
        )
        .code(2)
        .err_contains("never goes on the command line");
    assert!(!r.stderr.contains("Hunter2secret"), "{}", r.stderr);
    let r = sb
        .run_as(
            "ops",
            &[
                "--db=postgres://localhost:1/x?password=Hunter2secret",
                "info",
            ],
            None,
        )
        .code(2);
    assert!(!r.stderr.contains("Hunter2secret"), "{}", r.stderr);
}

#[test]
fn an_unreachable_server_is_exit_8_naming_the_host_and_never_the_password() {
    let sb = Sandbox::new();
    let r = sb
        .run_env(
            "ops",
            &["whoami"],
            None,
            &[(
                "MMIS_DB",
                "postgresql://ann:Hunter2secret@127.0.0.1:1/office?sslmode=disable",
            )],
        )
        .code(8)
        .err_contains("postgresql://ann@127.0.0.1:1/office");
    assert!(!r.stderr.contains("Hunter2secret"), "{}", r.stderr);
}

#[test]
fn a_root_certificate_that_is_not_a_pem_file_is_named_before_connecting() {
    let sb = Sandbox::new();
    let not_pem = sb.write("root.crt", "not a certificate\n");
    let big = sb.path("big.crt");
    std::fs::write(&big, vec![b'A'; (1 << 20) + 1]).unwrap();
    let fifo = sb.path("root.fifo");
    crate::concurrency::mkfifo(&fifo);
    let cases = [
        (not_pem.to_str().unwrap(), "holds no PEM certificate"),
        // A device that never ends is not read: bounded, and refused at once.
        ("/dev/zero", "it is not a regular file"),
        // Nor is a FIFO opened (the open would wait for a writer for ever).
        (fifo.to_str().unwrap(), "it is not a regular file"),
        (big.to_str().unwrap(), "it is over 1 MiB"),
    ];
    for (root, why) in cases {
        let url =
            format!("postgresql://ann@127.0.0.1:1/office?sslmode=verify-full&sslrootcert={root}");
        sb.run_env("ops", &["whoami"], None, &[("MMIS_DB", &url)])
            .code(8)
            .err_contains(root)
            .err_contains(why)
            .err_contains("sslrootcert=PATH");
    }
}

#[test]
fn the_config_file_may_name_the_store() {
    let sb = Sandbox::new();
    sb.init();
    let cfg = sb.path("config/mmis");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!("[store]\nurl = {:?}\n", sb.store_display()),
    )
    .unwrap();
    let mut c = sb.cmd_as("ops");
    c.env_remove("MMIS_DB").args(["info", "--json"]);
    let out = c.output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["store"], sb.store_display(), "{v}");
    assert_eq!(v["user_name"], "ops", "{v}");
}
