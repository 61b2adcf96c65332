//! Issue 2: the store, PIN-letter setup, sessions, tokens, lockout, audit, exit codes.

use crate::common::*;

#[test]
fn init_creates_a_private_store_and_refuses_a_second_operator() {
    let sb = Sandbox::new();
    let v = sb
        .run_as(
            "ops",
            &["init", "--username", "ops", "--password-stdin", "--json"],
            Some(OPS_PASSWORD),
        )
        .ok()
        .json();
    assert_eq!(v["operator"], "ops");
    #[cfg(unix)]
    if !sqlite_only("the store file is 0600") {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&sb.db).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    sb.run_as(
        "ops",
        &["init", "--username", "ops2", "--password-stdin"],
        Some(OPS_PASSWORD),
    )
    .code(7)
    .err_contains("already has an operator");
}

/// The store is made where the suite says: the file on SQLite, the sandbox's own database under
/// MMIS_TEST_DB=postgres (a binary that took the URL for a file name fails here).
#[test]
fn init_makes_its_store_on_the_backend_under_test() {
    let sb = Sandbox::new();
    assert!(!sb.store_exists());
    sb.init();
    assert!(sb.store_exists());
    assert_eq!(sb.count("SELECT count(*) FROM users"), 1);
    assert_eq!(sb.json_as("ops", &["info"])["store_kind"], store_kind());
}

#[test]
fn init_applies_the_password_rules() {
    let sb = Sandbox::new();
    sb.run_as(
        "ops",
        &["init", "--username", "ops", "--password-stdin"],
        Some("short"),
    )
    .code(6)
    .err_contains("at least 8 characters");
}

#[test]
fn enrollment_checks_the_npi_check_digit() {
    let sb = Sandbox::new();
    sb.init();
    sb.run_as(
        "ops",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            "1234567890",
            "--name",
            "X",
            "--type",
            "individual",
        ],
        None,
    )
    .code(6)
    .err_contains("fails its check digit");
    sb.run_as(
        "ops",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            "1234567893",
            "--name",
            "X",
            "--type",
            "individual",
            "--provider-id",
            "12345",
        ],
        None,
    )
    .code(6)
    .err_contains("6 or 9 digits");
    sb.run_as(
        "ops",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            "1234567893",
            "--name",
            "X",
            "--type",
            "nobody",
        ],
        None,
    )
    .code(2);
}

#[test]
fn enrollment_issues_a_pin_letter() {
    let sb = Sandbox::new();
    sb.init();
    let v = sb.json_as(
        "ops",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            "1234567893",
            "--name",
            "Jones",
            "--type",
            "individual",
        ],
    );
    let pin = v["pin"].as_str().unwrap();
    assert_eq!(pin.len(), 9);
    assert!(
        pin.chars().any(|c| c.is_ascii_uppercase()) && pin.chars().any(|c| c.is_ascii_lowercase())
    );
    assert_eq!(v["pin_expires"], "2026-05-15", "60 days after MMIS_TODAY");
    assert_eq!(v["provider_id"].as_str().unwrap().len(), 9);
    sb.run_as(
        "ops",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            "1234567893",
            "--name",
            "Jones",
            "--type",
            "individual",
        ],
        None,
    )
    .code(7);
}

#[test]
fn account_setup_makes_the_site_administrator() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    let v = sb.json_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            form.to_str().unwrap(),
        ],
    );
    assert_eq!(v["user_name"], "JAMJON");
    assert_eq!(v["provider_id"], "506675928");
    assert_eq!(v["kind"], "site_admin");
    sb.login("admin", "JAMJON", ADMIN_PASSWORD);
    let w = sb.json_as("admin", &["whoami"]);
    assert_eq!(w["kind"], "site_admin");
    assert_eq!(w["provider_id"], "506675928");
    assert_eq!(w["roles"].as_array().unwrap().len(), 13);
}

#[test]
fn a_wrong_case_pin_is_refused() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let swapped: String = pin
        .chars()
        .map(|c| {
            if c.is_ascii_uppercase() {
                c.to_ascii_lowercase()
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &swapped,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .code(3)
    .err_contains("case-sensitive");
}

#[test]
fn a_pin_works_once() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .ok();
    let form2 = sb.setup_form("OTHER1", ADMIN_PASSWORD);
    let r = sb.run_as(
        "x",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            form2.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert!(r.stderr.contains("already used"), "{}", r.stderr);
}

#[test]
fn a_pin_expires_after_60_days() {
    let mut sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    sb.today = "2026-05-16".into();
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .code(3)
    .err_contains("expired");
}

#[test]
fn a_reissued_pin_voids_the_old_one() {
    let sb = Sandbox::new();
    sb.init();
    let old = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let v = sb.json_as("ops", &["ops", "provider", "pin-reissue", "506675928"]);
    let new = v["pin"].as_str().unwrap().to_string();
    assert_ne!(old, new);
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &old,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .code(3);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &new,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .ok();
}

#[test]
fn setup_without_a_tty_names_every_missing_field() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let form = sb.write("partial.toml", "user_name = \"JAMJON\"\n");
    let r = sb
        .run_as(
            "admin",
            &[
                "account",
                "setup",
                "--login-id",
                "506675928",
                "--pin",
                &pin,
                "--form",
                form.to_str().unwrap(),
            ],
            None,
        )
        .code(6);
    for f in [
        "contact_first_name",
        "contact_last_name",
        "phone_number",
        "email",
        "password",
        "confirm_password",
        "secret_question_1",
        "secret_answer_1",
        "agree",
    ] {
        assert!(r.stderr.contains(f), "{f} not named: {}", r.stderr);
    }
    // Nothing was written: the PIN still works.
    let full = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            full.to_str().unwrap(),
        ],
        None,
    )
    .ok();
}

fn setup_with_password(sb: &Sandbox, password: &str) -> Run {
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let form = sb.setup_form("JAMJON", password);
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
}

#[test]
fn each_password_rule_is_enforced() {
    for (pw, why) in [
        ("Sh0rt!", "at least 8"),
        ("alllower-case9", "upper-case"),
        ("ALLUPPER-CASE9", "lower-case"),
        ("NoDigitsOrSpecials", "number or a special"),
        ("My-JAMJON-Pass9", "user name"),
        ("Password1", "common"),
    ] {
        let sb = Sandbox::new();
        sb.init();
        setup_with_password(&sb, pw).code(6).err_contains(why);
    }
}

#[test]
fn setup_rejects_mismatched_confirmations_and_no_agreement() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll("506675928", &npi(123456789), "Jones", "individual");
    let form = sb.write(
        "bad.toml",
        r#"user_name = "JAMJON"
contact_first_name = "James"
contact_last_name = "Jones"
phone_number = "555-1212"
email = "james@jones.example"
confirm_email = "jim@jones.example"
password = "Blue-Sky-Kettle7"
confirm_password = "Blue-Sky-Kettle8"
secret_question_1 = "color of sky"
secret_answer_1 = "Blue"
agree = false
"#,
    );
    let r = sb
        .run_as(
            "admin",
            &[
                "account",
                "setup",
                "--login-id",
                "506675928",
                "--pin",
                &pin,
                "--form",
                form.to_str().unwrap(),
            ],
            None,
        )
        .code(6);
    for f in ["phone_number", "confirm_email", "confirm_password", "agree"] {
        assert!(r.stderr.contains(f), "{f}: {}", r.stderr);
    }
}

#[test]
fn five_failed_logins_lock_the_user_and_a_reset_lifts_it() {
    let sb = Sandbox::new();
    sb.with_admin();
    for i in 1..=4 {
        let r = sb
            .run_as(
                "x",
                &["login", "--username", "JAMJON", "--password-stdin"],
                Some("Wrong-Pass-1"),
            )
            .code(3);
        assert!(
            !r.stderr.contains("now locked"),
            "attempt {i}: {}",
            r.stderr
        );
    }
    sb.run_as(
        "x",
        &["login", "--username", "JAMJON", "--password-stdin"],
        Some("Wrong-Pass-1"),
    )
    // The locking failure says no more than any other (the name's existence stays hidden);
    // the audit log records the lockout.
    .code(3)
    .err_contains("wrong user name or password");
    let lockouts = sb.json_as("ops", &["audit", "log", "--action", "lockout"]);
    assert_eq!(lockouts.as_array().unwrap().len(), 1);
    // Even the right password is refused now, and the open session has ended.
    sb.run_as(
        "x",
        &["login", "--username", "JAMJON", "--password-stdin"],
        Some(ADMIN_PASSWORD),
    )
    .code(3)
    .err_contains("locked");
    sb.run_as("admin", &["whoami"], None).code(3);
    let form = sb.write(
        "reset.toml",
        "secret_answer_1 = \"Blue\"\nnew_password = \"Green-Tea-Pot42\"\nconfirm_new_password = \"Green-Tea-Pot42\"\n",
    );
    let v = sb.json_as(
        "x",
        &[
            "account",
            "password",
            "reset",
            "--username",
            "JAMJON",
            "--form",
            form.to_str().unwrap(),
        ],
    );
    assert_eq!(v["user_name"], "JAMJON");
    sb.login("x", "JAMJON", "Green-Tea-Pot42");
}

#[test]
fn secret_answers_are_case_sensitive() {
    let sb = Sandbox::new();
    sb.with_admin();
    let form = sb.write(
        "reset.toml",
        "secret_answer_1 = \"blue\"\nnew_password = \"Green-Tea-Pot42\"\nconfirm_new_password = \"Green-Tea-Pot42\"\n",
    );
    sb.run_as(
        "x",
        &[
            "account",
            "password",
            "reset",
            "--username",
            "JAMJON",
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .code(3);
}

#[test]
fn the_operator_unlocks_a_locked_user() {
    let sb = Sandbox::new();
    sb.with_admin();
    for _ in 0..5 {
        sb.run_as(
            "x",
            &["login", "--username", "JAMJON", "--password-stdin"],
            Some("Wrong-Pass-1"),
        )
        .code(3);
    }
    let v = sb.json_as("ops", &["ops", "user", "unlock", "JAMJON"]);
    assert_eq!(v["locked"], false);
    sb.login("x", "JAMJON", ADMIN_PASSWORD);
}

#[test]
fn password_change_refuses_reuse_of_recent_passwords() {
    let sb = Sandbox::new();
    sb.with_admin();
    let change = |from: &str, to: &str| {
        let f = sb.write("change.toml", &format!("current_password = \"{from}\"\nnew_password = \"{to}\"\nconfirm_new_password = \"{to}\"\n"));
        sb.run_as(
            "admin",
            &[
                "account",
                "password",
                "change",
                "--form",
                f.to_str().unwrap(),
            ],
            None,
        )
    };
    change(ADMIN_PASSWORD, "Second-Pass-22").ok();
    change("Second-Pass-22", "Third-Pass-333").ok();
    change("Third-Pass-333", ADMIN_PASSWORD)
        .code(6)
        .err_contains("last 6 passwords");
    change("Wrong-Current-1", "Fourth-Pass-4444").code(3);
}

#[test]
fn api_tokens_authenticate_by_hash_and_stop_when_revoked() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = sb.json_as(
        "admin",
        &[
            "token",
            "create",
            "--name",
            "nightly",
            "--roles",
            "Eligibility Inquiry",
            "--expires-in",
            "30d",
        ],
    );
    let token = v["token"].as_str().unwrap().to_string();
    assert!(token.starts_with("mmis_"));
    assert_eq!(v["name"], "nightly");
    let w = sb
        .run_env(
            "script",
            &["whoami", "--json"],
            None,
            &[("MMIS_TOKEN", &token)],
        )
        .ok()
        .json();
    assert_eq!(w["user_name"], "JAMJON");
    assert_eq!(w["roles"], serde_json::json!(["Eligibility Inquiry"]));
    let list = sb.json_as("admin", &["token", "list"]);
    assert_eq!(list[0]["name"], "nightly");
    assert!(list[0].get("token").is_none());
    sb.run_env(
        "script",
        &["token", "create", "--name", "x"],
        None,
        &[("MMIS_TOKEN", &token)],
    )
    .code(4);
    sb.json_as("admin", &["token", "revoke", "nightly"]);
    sb.run_env("script", &["whoami"], None, &[("MMIS_TOKEN", &token)])
        .code(3)
        .err_contains("revoked");
    sb.run_env(
        "script",
        &["whoami"],
        None,
        &[("MMIS_TOKEN", "mmis_notarealtoken")],
    )
    .code(3);
}

#[test]
fn a_token_cannot_carry_roles_its_creator_lacks() {
    let sb = Sandbox::new();
    sb.init();
    // The operator acts for no provider, so cannot make provider tokens.
    sb.run_as("ops", &["token", "create", "--name", "t"], None)
        .code(4);
}

#[test]
fn operator_commands_are_refused_to_others_and_audited() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.run_as(
        "admin",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            &npi(222222222),
            "--name",
            "X",
            "--type",
            "group",
        ],
        None,
    )
    .code(4)
    .err_contains("operator");
    let log = sb.json_as("ops", &["audit", "log", "--action", "ops provider enroll"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["outcome"], "denied");
    assert_eq!(last["actor"], "JAMJON");
}

#[test]
fn not_signed_in_is_exit_3() {
    let sb = Sandbox::new();
    sb.init();
    sb.run_as("nobody", &["whoami"], None)
        .code(3)
        .err_contains("not signed in");
    sb.run_as("ops", &["logout"], None).ok();
    sb.run_as("ops", &["whoami"], None).code(3);
}

#[test]
fn sessions_expire_when_idle() {
    let sb = Sandbox::new();
    sb.init();
    let cfg = sb.path("config");
    std::fs::create_dir_all(cfg.join("mmis")).unwrap();
    std::fs::write(cfg.join("mmis/config.toml"), "[session]\nidle = \"1s\"\n").unwrap();
    sb.login("ops", "ops", OPS_PASSWORD);
    std::thread::sleep(std::time::Duration::from_millis(2100));
    sb.run_as("ops", &["whoami"], None)
        .code(3)
        .err_contains("expired");
}

#[test]
fn session_files_are_private_and_hold_no_hash_in_the_store() {
    let sb = Sandbox::new();
    sb.init();
    let dir = sb.path("state-ops").join("mmis");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&files[0]).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let text = std::fs::read_to_string(&files[0]).unwrap();
    let token: serde_json::Value = serde_json::from_str(&text).unwrap();
    let token = token["token"].as_str().unwrap();
    let n = sb.count(&format!(
        "SELECT count(*) FROM sessions WHERE token_hash = '{token}'"
    ));
    assert_eq!(n, 0, "the raw token must not be stored");
    assert_eq!(sb.count("SELECT count(*) FROM sessions"), 1);
}

#[test]
fn the_audit_chain_detects_an_edited_row() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = sb.json_as("ops", &["audit", "verify"]);
    assert_eq!(v["ok"], true);
    assert!(v["entries"].as_i64().unwrap() >= 5);
    sb.sql(&format!(
        "{} UPDATE audit_log SET actor = 'mallory' WHERE id = 3;",
        drop_audit_trigger("audit_log_no_update")
    ));
    let r = sb
        .run_as("ops", &["audit", "verify", "--json"], None)
        .code(7);
    assert_eq!(r.json()["first_bad"]["id"], 3);
    assert!(r.stderr.contains("entry 3"), "{}", r.stderr);
}

#[test]
fn the_audit_chain_detects_a_deleted_row() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.sql(&format!(
        "{} DELETE FROM audit_log WHERE id = 2;",
        drop_audit_trigger("audit_log_no_delete")
    ));
    let r = sb
        .run_as("ops", &["audit", "verify", "--json"], None)
        .code(7);
    assert_eq!(r.json()["first_bad"]["id"], 3);
}

#[test]
fn the_audit_log_refuses_updates_from_sql() {
    let sb = Sandbox::new();
    sb.init();
    let n = sb.count("SELECT count(*) FROM audit_log");
    assert!(n > 0);
    let e = sb.try_sql("UPDATE audit_log SET actor = 'x'").unwrap_err();
    assert!(e.contains("append-only"), "{e}");
    let e = sb.try_sql("DELETE FROM audit_log").unwrap_err();
    assert!(e.contains("append-only"), "{e}");
    if on_postgres() {
        // TRUNCATE skips row triggers on PostgreSQL: a statement trigger refuses it.
        let e = sb.try_sql("TRUNCATE audit_log").unwrap_err();
        assert!(e.contains("append-only"), "{e}");
    }
    assert_eq!(sb.count("SELECT count(*) FROM audit_log"), n);
    assert_eq!(
        sb.count("SELECT count(*) FROM audit_log WHERE actor = 'x'"),
        0
    );
}

#[test]
fn unknown_flags_are_usage_errors() {
    let sb = Sandbox::new();
    sb.run_as("x", &["whoami", "--bogus"], None).code(2);
    sb.run_as("x", &["login", "--password", "x"], None).code(2);
}

#[test]
fn a_garbage_file_is_refused_untouched() {
    if sqlite_only(
        "a file that is not a database (see a_foreign_postgres_database_is_refused_untouched)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    std::fs::write(&sb.db, b"this is not a database at all, just text\n").unwrap();
    let before = std::fs::read(&sb.db).unwrap();
    sb.run_as("x", &["whoami"], None)
        .code(8)
        .err_contains("not an mmis store");
    assert_eq!(std::fs::read(&sb.db).unwrap(), before);
}

#[test]
fn a_foreign_sqlite_file_is_refused_untouched() {
    if sqlite_only("a foreign SQLite file (twin: a_foreign_postgres_database_is_refused_untouched)")
    {
        return;
    }
    let sb = Sandbox::new();
    {
        let c = rusqlite::Connection::open(&sb.db).unwrap();
        c.execute_batch("CREATE TABLE notes(x); INSERT INTO notes VALUES (1);")
            .unwrap();
    }
    let before = std::fs::read(&sb.db).unwrap();
    sb.run_as("x", &["whoami"], None)
        .code(8)
        .err_contains("does not belong to mmis");
    sb.run_as(
        "ops",
        &["init", "--username", "ops", "--password-stdin"],
        Some(OPS_PASSWORD),
    )
    .code(8);
    assert_eq!(std::fs::read(&sb.db).unwrap(), before);
    assert!(!sb.path("mmis.db-wal").exists());
}

#[cfg(unix)]
#[test]
fn a_store_path_that_is_a_fifo_folder_or_device_is_refused_at_once() {
    if sqlite_only("a store file's kind") {
        return;
    }
    let sb = Sandbox::new();
    let fifo = sb.path("store.fifo");
    crate::concurrency::mkfifo(&fifo);
    let folder = sb.path("store.d");
    std::fs::create_dir(&folder).unwrap();
    let cases = [
        (
            fifo.to_str().unwrap(),
            "is a FIFO (named pipe), not an mmis store",
        ),
        (folder.to_str().unwrap(), "is a folder, not an mmis store"),
        ("/dev/null", "is a character device, not an mmis store"),
    ];
    for (db, says) in cases {
        // The FIFO used to block the first read for ever.
        let started = std::time::Instant::now();
        for args in [
            vec!["whoami"],
            vec!["init", "--username", "ops", "--password-stdin"],
        ] {
            sb.run_env("ops", &args, Some(OPS_PASSWORD), &[("MMIS_DB", db)])
                .code(8)
                .err_contains(says)
                .err_contains("left untouched");
        }
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{db}"
        );
    }
}

#[test]
fn an_error_with_stderr_gone_is_its_exit_code_not_a_panic() {
    // stderr is a pipe nobody reads (`2>&1 | head -1` after head has gone): the message
    // cannot be written; the exit code must still be the error's (8), not a panic's (101).
    let sb = Sandbox::new();
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let status = sb
        .std_cmd_as("x")
        .env("MMIS_DB", sb.path("missing/mmis.db"))
        .arg("whoami")
        .stdout(std::process::Stdio::null())
        .stderr(writer)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(8));
}

/// The PostgreSQL twin: a database with someone else's table in it is refused with exit 8,
/// by every command, `init` included, and left as it was (no table added, none changed).
#[test]
fn a_foreign_postgres_database_is_refused_untouched() {
    if postgres_only("twin of a_foreign_sqlite_file_is_refused_untouched") {
        return;
    }
    let sb = Sandbox::new();
    sb.sql("CREATE TABLE notes(x BIGINT); INSERT INTO notes VALUES (1);");
    let tables = "SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')";
    let before = sb.one(tables);
    assert_eq!(before, "notes");
    sb.run_as("x", &["whoami"], None)
        .code(8)
        .err_contains("does not belong to mmis");
    sb.run_as(
        "ops",
        &["init", "--username", "ops", "--password-stdin"],
        Some(OPS_PASSWORD),
    )
    .code(8);
    assert_eq!(sb.one(tables), before);
    assert_eq!(sb.one("SELECT string_agg(x::text, ',') FROM notes"), "1");
}

#[test]
fn a_newer_schema_is_refused() {
    let sb = Sandbox::new();
    sb.init();
    // SQLite: `PRAGMA user_version`; PostgreSQL: the version the migrator wrote in `meta`.
    sb.sql_each(
        "PRAGMA user_version = 99;",
        "UPDATE meta SET value = '99' WHERE key = 'schema_version';",
    );
    sb.run_as("ops", &["whoami"], None)
        .code(8)
        .err_contains("newer");
    sb.run_as(
        "ops",
        &["init", "--username", "ops2", "--password-stdin"],
        Some(OPS_PASSWORD),
    )
    .code(8);
    // Left untouched: not migrated down, nothing written.
    if on_postgres() {
        assert_eq!(
            sb.one("SELECT value FROM meta WHERE key = 'schema_version'"),
            "99"
        );
    } else {
        assert_eq!(sb.count("PRAGMA user_version"), 99);
    }
    assert_eq!(sb.count("SELECT count(*) FROM users"), 1);
}

#[test]
fn a_missing_store_says_how_to_make_one() {
    let sb = Sandbox::new();
    sb.run_as("x", &["whoami"], None)
        .code(8)
        .err_contains("mmis init");
}

#[test]
fn a_full_store_is_exit_8_and_saves_nothing() {
    if sqlite_only("a full store via MMIS_MAX_PAGE_COUNT (SQLite's max_page_count)") {
        return;
    }
    let sb = Sandbox::new();
    sb.init();
    let pages = sb.count("PRAGMA page_count");
    let cap = pages.to_string();
    let mut failed = None;
    for i in 0..400u32 {
        let r = sb.run_env(
            "ops",
            &[
                "ops",
                "provider",
                "enroll",
                "--npi",
                &npi(300_000_000 + i),
                "--name",
                &format!("Provider number {i} with a long name to fill pages"),
                "--type",
                "individual",
                "--mail-to",
                &"x".repeat(100),
            ],
            None,
            &[("MMIS_MAX_PAGE_COUNT", &cap)],
        );
        if r.code != 0 {
            failed = Some(r);
            break;
        }
    }
    let r = failed.expect("the store never filled up");
    assert_eq!(r.code, 8, "{}", r.stderr);
    assert!(r.stderr.contains("full"), "{}", r.stderr);
    assert_eq!(sb.one("PRAGMA integrity_check"), "ok");
}

#[test]
fn stdout_carries_results_only() {
    let sb = Sandbox::new();
    sb.init();
    let r = sb
        .run_as(
            "ops",
            &[
                "ops",
                "provider",
                "enroll",
                "--npi",
                "1234567890",
                "--name",
                "X",
                "--type",
                "group",
            ],
            None,
        )
        .code(6);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.starts_with("error: "), "{}", r.stderr);
}

#[test]
fn the_demo_builds_a_sandbox_without_a_tty() {
    let sb = Sandbox::new();
    let r = sb.run_as("x", &["demo"], None).ok();
    assert!(r.stdout.contains("PIN LETTER"), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("JAMJON is the site administrator of provider 506675928"),
        "{}",
        r.stdout
    );
    // MMIS_DB was given (a new path, an empty database): the demo used it, and marked it
    // as a demo store.
    assert_eq!(sb.one("SELECT value FROM meta WHERE key = 'demo'"), "1");
    // Running it again replaces its own store.
    sb.run_as("x", &["demo"], None).ok();
}

#[test]
fn the_demo_never_replaces_a_real_store() {
    let sb = Sandbox::new();
    sb.init();
    sb.run_as("x", &["demo"], None)
        .code(7)
        .err_contains("not a demo store");
    sb.run_as("ops", &["whoami"], None).ok();
}

#[test]
fn tokens_expire() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = sb.json_as(
        "admin",
        &["token", "create", "--name", "short", "--expires-in", "1s"],
    );
    let token = v["token"].as_str().unwrap().to_string();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    sb.run_env("script", &["whoami"], None, &[("MMIS_TOKEN", &token)])
        .code(3)
        .err_contains("expired");
}

#[test]
fn a_token_works_for_its_provider_only() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = sb.json_as("admin", &["token", "create", "--name", "t1"]);
    let token = v["token"].as_str().unwrap().to_string();
    sb.run_env(
        "script",
        &["whoami", "--provider", "999999999"],
        None,
        &[("MMIS_TOKEN", &token)],
    )
    .code(4)
    .err_contains("works for provider 506675928 only");
}

#[test]
fn duplicate_token_names_conflict_and_unknown_roles_are_named() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.json_as("admin", &["token", "create", "--name", "t1"]);
    sb.run_as("admin", &["token", "create", "--name", "t1"], None)
        .code(7);
    sb.run_as(
        "admin",
        &["token", "create", "--name", "t2", "--roles", "Superuser"],
        None,
    )
    .code(6)
    .err_contains("Eligibility Inquiry");
    sb.run_as("admin", &["token", "revoke", "nope"], None)
        .code(5);
}

#[test]
fn a_bad_business_date_is_refused() {
    let sb = Sandbox::new();
    sb.init();
    sb.run_env("ops", &["whoami"], None, &[("MMIS_TODAY", "2026-02-30")])
        .code(6)
        .err_contains("MMIS_TODAY");
}

#[test]
fn roles_lists_the_catalog_with_commands() {
    let sb = Sandbox::new();
    let v = sb.json_as("x", &["roles"]);
    let names: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, PORTAL_ROLES);
    assert_eq!(v[3]["slug"], "eligibility-inquiry");
    assert!(v[3]["commands"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "elig check"));
    let table = sb.run_as("x", &["roles"], None).ok().stdout;
    insta::assert_snapshot!("roles_table", table);
}

#[test]
fn whoami_json_has_the_contract_fields() {
    let sb = Sandbox::new();
    sb.with_admin();
    let w = sb.json_as("admin", &["whoami"]);
    for k in ["user_name", "kind", "provider_id", "roles"] {
        assert!(w.get(k).is_some(), "whoami lacks {k}: {w}");
    }
    let l = sb.login("x", "JAMJON", ADMIN_PASSWORD);
    assert!(l["expires_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(l["user_name"], "JAMJON");
}

#[test]
fn a_weaker_hash_is_upgraded_at_the_next_sign_in() {
    let sb = Sandbox::new();
    sb.init();
    // A hash of the same password made with weaker (older) parameters.
    use argon2::password_hash::{PasswordHasher, SaltString};
    let weak = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        argon2::Params::new(4096, 1, 1, None).unwrap(),
    )
    .hash_password(
        OPS_PASSWORD.as_bytes(),
        &SaltString::from_b64("c29tZXNhbHRzb21lc2FsdA").unwrap(),
    )
    .unwrap()
    .to_string();
    sb.sql(&format!(
        "UPDATE users SET password_hash = '{weak}' WHERE user_name = 'ops';"
    ));
    sb.login("ops", "ops", OPS_PASSWORD);
    let now = sb.one("SELECT password_hash FROM users WHERE user_name = 'ops'");
    assert!(now.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{now}");
}

#[test]
fn changing_the_password_ends_the_other_sessions() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.login("laptop", "JAMJON", ADMIN_PASSWORD);
    let f = sb.write(
        "change.toml",
        &format!("current_password = \"{ADMIN_PASSWORD}\"\nnew_password = \"Second-Pass-22\"\nconfirm_new_password = \"Second-Pass-22\"\n"),
    );
    let v = sb.json_as(
        "admin",
        &[
            "account",
            "password",
            "change",
            "--form",
            f.to_str().unwrap(),
        ],
    );
    assert_eq!(v["user_name"], "JAMJON");
    sb.run_as("laptop", &["whoami"], None)
        .code(3)
        .err_contains("ended");
    sb.run_as("admin", &["whoami"], None).ok();
}

#[test]
fn sessions_end_after_the_absolute_lifetime() {
    let sb = Sandbox::new();
    sb.init();
    let cfg = sb.path("config");
    std::fs::create_dir_all(cfg.join("mmis")).unwrap();
    std::fs::write(
        cfg.join("mmis/config.toml"),
        "[session]\nidle = \"1h\"\nabsolute = \"2s\"\n",
    )
    .unwrap();
    sb.login("ops", "ops", OPS_PASSWORD);
    sb.run_as("ops", &["whoami"], None).ok();
    std::thread::sleep(std::time::Duration::from_millis(2100));
    sb.run_as("ops", &["whoami"], None)
        .code(3)
        .err_contains("absolute");
}

#[test]
fn a_config_file_with_an_unknown_key_is_refused() {
    let sb = Sandbox::new();
    sb.init();
    let cfg = sb.path("config");
    std::fs::create_dir_all(cfg.join("mmis")).unwrap();
    std::fs::write(cfg.join("mmis/config.toml"), "[session]\nidel = \"1h\"\n").unwrap();
    sb.run_as("ops", &["whoami"], None)
        .code(6)
        .err_contains("idel");
}

#[test]
fn a_missing_role_is_exit_4_and_audited() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = sb.json_as(
        "admin",
        &[
            "token",
            "create",
            "--name",
            "elig",
            "--roles",
            "eligibility-inquiry",
        ],
    );
    let token = v["token"].as_str().unwrap().to_string();
    sb.run_env(
        "script",
        &["claim", "list"],
        None,
        &[("MMIS_TOKEN", &token)],
    )
    .code(4)
    .err_contains("Claim Inquiry");
    let log = sb.json_as("ops", &["audit", "log", "--action", "claim list"]);
    let last = log.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["outcome"], "denied");
    assert_eq!(last["provider_id"], "506675928");
}

#[test]
fn a_site_administrator_sees_only_their_providers_audit_entries() {
    let sb = Sandbox::new();
    sb.with_admin();
    let log = sb.json_as("admin", &["audit", "log"]);
    assert!(!log.as_array().unwrap().is_empty());
    for e in log.as_array().unwrap() {
        assert_eq!(e["provider_id"], "506675928", "{e}");
    }
    let all = sb.json_as("ops", &["audit", "log"]);
    assert!(all.as_array().unwrap().len() > log.as_array().unwrap().len());
    sb.json_as("admin", &["audit", "verify"]);
}

#[test]
fn pin_requests_are_recorded_for_the_agency() {
    let sb = Sandbox::new();
    sb.init();
    sb.enroll(
        "506675928",
        &npi(123456789),
        "Jones Family Therapy",
        "group",
    );
    let v = sb.json_as(
        "x",
        &[
            "account",
            "pin-request",
            "--name",
            "Jones Family Therapy",
            "--npi",
            &npi(123456789),
            "--mail-to",
            "1 Main St, Salem OR 97301",
        ],
    );
    assert_eq!(v["status"], "open");
    assert_eq!(v["provider_id"], "506675928");
    sb.run_as(
        "x",
        &[
            "account",
            "pin-request",
            "--name",
            "Someone Else",
            "--npi",
            &npi(123456789),
            "--mail-to",
            "1 Main St, Salem OR 97301",
        ],
        None,
    )
    .code(6)
    .err_contains("--name");
    let list = sb.json_as("ops", &["ops", "pin-requests"]);
    assert_eq!(list[0]["status"], "open");
    sb.json_as("ops", &["ops", "provider", "pin-reissue", "506675928"]);
    let list = sb.json_as("ops", &["ops", "pin-requests"]);
    assert_eq!(list[0]["status"], "reissued");
}

#[test]
fn an_older_store_is_migrated_in_one_go() {
    let sb = Sandbox::new();
    let migrations: Vec<_> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/migrations"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "sql"))
            .collect();
    // A store as the first release left it: only migration 001.
    if on_postgres() {
        // The migrator's marks (see src/store/migrations/pg/001_core.sql's header).
        sb.sql(include_str!("../../src/store/migrations/pg/001_core.sql"));
        sb.sql(
            "INSERT INTO meta(key, value) VALUES ('application', 'mmis'), ('schema_version', '1');",
        );
    } else {
        sb.sql(include_str!("../../src/store/migrations/001_core.sql"));
        sb.sql(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = 1;",
            mmis::store::APPLICATION_ID
        ));
    }
    // A store from before the sandbox flag is live: it runs on the real date only.
    sb.run_live("x", &["whoami"], None).code(3);
    sb.run_as("x", &["whoami"], None)
        .code(2)
        .err_contains("this store is live");
    let v = if on_postgres() {
        sb.count("SELECT value FROM meta WHERE key = 'schema_version'")
    } else {
        sb.count("PRAGMA user_version")
    };
    assert_eq!(v, migrations.len() as i64);
    assert_eq!(v, i64::from(mmis::store::schema_version()));
}

/// Migration 011 moves priced lines' outcomes onto their claim (`claims.line_outcomes`): a store
/// of schema 10 with a paid line, a denied line and an unpriced claim reads the same after.
#[test]
fn priced_lines_keep_their_outcomes_through_migration_011() {
    let sb = Sandbox::new();
    let dir = if on_postgres() {
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/migrations/pg")
    } else {
        concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/migrations")
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "sql"))
        .collect();
    files.sort();
    for f in files.iter().take(10) {
        sb.sql(&std::fs::read_to_string(f).unwrap());
    }
    if on_postgres() {
        sb.sql("INSERT INTO meta(key, value) VALUES ('application', 'mmis'), ('schema_version', '10'), ('sandbox', '1');");
    } else {
        sb.sql(&format!(
            "PRAGMA application_id = {}; PRAGMA user_version = 10; \
             INSERT INTO meta(key, value) VALUES ('sandbox', '1');",
            mmis::store::APPLICATION_ID
        ));
    }
    sb.sql(
        "INSERT INTO providers(provider_id, npi, name, type, enrolled_on, created_at) \
         VALUES ('506675928', '1467589325', 'Bench', 'group', '2026-01-01', '2026-01-01T00:00:00Z'); \
         INSERT INTO payment_cycles(id, run_on, run_at, run_by) VALUES (1, '2026-03-16', '2026-03-16T00:00:00Z', 'ops');",
    );
    for (id, icn, status) in [
        (1, "2026075000001", "paid"),
        (2, "2026075000002", "accepted"),
    ] {
        sb.sql(&format!(
            "INSERT INTO claims(id, icn, provider_id, member_id, billing_npi, rendering_npi, \
             diagnosis_codes, place_of_service, source, received_on, status, billed, first_dos, \
             last_dos, created_at, created_by) VALUES ({id}, '{icn}', '506675928', 'OC100001', \
             '1467589325', '1467589325', 'F411', '11', 'portal', '2026-03-02', '{status}', 30000, \
             '2026-03-02', '2026-03-02', '2026-03-02T00:00:00Z', 'x')"
        ));
    }
    sb.sql(
        "INSERT INTO claim_lines(claim_id, line_no, procedure_code, date_of_service, units, charge, \
         status, allowed, paid, carc) VALUES \
         (1, 1, '90837', '2026-03-02', 1, 18000, 'paid', 15012, 15012, NULL), \
         (1, 2, '99999', '2026-03-02', 1, 12000, 'denied', 0, 0, '96'), \
         (2, 1, '90837', '2026-03-02', 1, 18000, 'accepted', NULL, NULL, NULL);",
    );
    sb.run_as("x", &["whoami"], None).code(3);
    assert_eq!(
        sb.rows("SELECT icn, line_outcomes FROM claims ORDER BY id"),
        vec![
            vec![Some("2026075000001".into()), Some("15012 D96".into())],
            vec![Some("2026075000002".into()), None],
        ]
    );
    assert_eq!(
        sb.count("SELECT count(*) FROM claim_lines WHERE claim_id = 1"),
        2,
        "the lines stay"
    );
}

/// Every SQLite migration has its PostgreSQL twin of the same name, creating the same tables
/// and indexes; on PostgreSQL the twins apply in order to an empty database, and none applies
/// twice.
#[test]
fn the_postgres_migrations_mirror_the_sqlite_ones() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/migrations"));
    let sql_files = |d: &std::path::Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        v.sort();
        v
    };
    let names = sql_files(dir);
    assert_eq!(names.len() as i32, mmis::store::schema_version());
    assert_eq!(
        sql_files(&dir.join("pg")),
        names,
        "a migration without its twin"
    );
    // The objects each file creates, by name: `CREATE [UNIQUE] INDEX|TABLE|TRIGGER name`.
    let created = |text: &str| -> Vec<String> {
        let mut v: Vec<String> = text
            .lines()
            .map(str::trim_start)
            .filter(|l| l.starts_with("CREATE ") || l.starts_with("ALTER TABLE "))
            .map(|l| {
                let w: Vec<&str> = l.split_whitespace().collect();
                let w: Vec<&str> = w.into_iter().filter(|x| *x != "UNIQUE").collect();
                let name = w.get(2).unwrap_or(&"").trim_end_matches('(');
                match w.first() {
                    Some(&"ALTER") => format!("{name} {}", w[3..].join(" ")),
                    _ => format!("{} {name}", w[1]),
                }
            })
            .collect();
        v.sort();
        v
    };
    let normalise = |s: String| s.replace("BIGINT", "INTEGER");
    let mut texts = Vec::new();
    for n in &names {
        let lite = std::fs::read_to_string(dir.join(n)).unwrap();
        let pg = std::fs::read_to_string(dir.join("pg").join(n)).unwrap();
        let mut want = created(&lite);
        // SQLite's `UNIQUE COLLATE NOCASE` is an index on lower(user_name) there; its
        // trigger functions are PostgreSQL's own.
        if n.starts_with("001") {
            want.push("INDEX users_user_name".into());
            want.push("FUNCTION audit_log_append_only()".into());
            want.push("TRIGGER audit_log_no_truncate".into());
            want.sort();
        }
        let mut got: Vec<String> = created(&pg).into_iter().map(normalise).collect();
        // SQLite rebuilds the CLP table WITHOUT ROWID (a new table, renamed back, its index
        // made again); PostgreSQL has no rowid and keeps its table.
        if n.starts_with("010") {
            got.push("TABLE remit_claims_new".into());
            got.push("remit_claims_new RENAME TO remit_claims;".into());
            got.push("INDEX remit_claims_claim".into());
            got.sort();
        }
        // PostgreSQL rebuilds its name index to fold ASCII letters only, as SQLite's
        // lower() already does.
        if n.starts_with("012") {
            want.push("INDEX members_name_dob".into());
            want.sort();
        }
        assert_eq!(got, want, "{n}: the twins create different things");
        texts.push((n.clone(), pg));
    }
    if !on_postgres() {
        eprintln!("notice: the PostgreSQL migrations are applied only under MMIS_TEST_DB=postgres");
        return;
    }
    let pg = PgDb::for_test().unwrap();
    let mut c = pg.client();
    for (n, text) in &texts {
        let mut tx = c.transaction().unwrap();
        tx.batch_execute(text)
            .unwrap_or_else(|e| panic!("{n} does not apply: {e:?}"));
        tx.commit().unwrap();
    }
    for (n, text) in &texts {
        let mut tx = c.transaction().unwrap();
        assert!(tx.batch_execute(text).is_err(), "{n} applied twice");
        tx.rollback().unwrap();
    }
    // The append-only triggers refuse from SQL, as SQLite's do.
    c.batch_execute(
        "INSERT INTO audit_log(id, at, actor, actor_kind, action, outcome, prev_hash, hash)
         VALUES (1, 'x', 'x', 'x', 'x', 'x', 'x', 'x')",
    )
    .unwrap();
    for sql in [
        "UPDATE audit_log SET actor = 'y'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ] {
        let e = c.batch_execute(sql).unwrap_err();
        assert!(format!("{e:?}").contains("append-only"), "{sql}: {e:?}");
    }
    // User names are unique whatever their case.
    c.batch_execute("INSERT INTO users(user_name, created_at) VALUES ('JamJon', 'x')")
        .unwrap();
    assert!(c
        .batch_execute("INSERT INTO users(user_name, created_at) VALUES ('JAMJON', 'x')")
        .is_err());
}
