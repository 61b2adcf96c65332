//! Issue 11, part auth: secret answers count toward the lockout, the operator's break-glass
//! recovery, PINs and invitation codes off argv, and the audit entries nothing may skip.

use crate::common::*;
use serde_json::Value;

const A: &str = "506675928";
const CLERK_PASSWORD: &str = "Five-Alive-2026";

fn reset_form(sb: &Sandbox, name: &str, answer: &str, new_password: &str) -> String {
    sb.write(
        &format!("reset-{name}.toml"),
        &format!(
            "secret_answer_1 = \"{answer}\"\nnew_password = \"{new_password}\"\nconfirm_new_password = \"{new_password}\"\n"
        ),
    )
    .to_str()
    .unwrap()
    .to_string()
}

fn reset(sb: &Sandbox, user: &str, form: &str) -> Run {
    sb.run_as(
        "x",
        &[
            "account",
            "password",
            "reset",
            "--username",
            user,
            "--form",
            form,
            "--json",
        ],
        None,
    )
}

fn login_as(sb: &Sandbox, actor: &str, user: &str, password: &str) -> Run {
    sb.run_as(
        actor,
        &["login", "--username", user, "--password-stdin"],
        Some(password),
    )
}

/// The whole audit log as the operator sees it (signs `ops` in again when needed).
fn audit_log(sb: &Sandbox, args: &[&str]) -> Vec<Value> {
    let mut a = vec!["audit", "log", "--json"];
    a.extend_from_slice(args);
    let r = sb.run_as("ops", &a, None);
    let r = if r.code == 3 {
        sb.login("ops", "ops", OPS_PASSWORD);
        sb.run_as("ops", &a, None)
    } else {
        r
    };
    r.ok().json().as_array().cloned().unwrap_or_default()
}

fn field<'a>(e: &'a Value, k: &str) -> &'a str {
    e[k].as_str().unwrap_or_default()
}

/// A clerk of provider A (invited by JAMJON) who has accepted the invitation.
fn invited_clerk(sb: &Sandbox, user: &str) -> String {
    let form = sb.write(
        &format!("clerk-{user}.toml"),
        &format!(
            "user_name = \"{user}\"\ncontact_first_name = \"Jo\"\ncontact_last_name = \"Five\"\n\
             phone_number = \"(800)555-5555\"\nemail = \"jo@five.example\"\n\
             confirm_email = \"jo@five.example\"\nroles = [\"Claim Inquiry\"]\n"
        ),
    );
    let v = sb.json_as("admin", &["clerk", "add", "--form", form.to_str().unwrap()]);
    v["invite_code"].as_str().unwrap().to_string()
}

fn accept_form(sb: &Sandbox) -> String {
    sb.write(
        "accept.toml",
        &format!(
            "password = \"{CLERK_PASSWORD}\"\nconfirm_password = \"{CLERK_PASSWORD}\"\n\
             secret_question_1 = \"first car\"\nsecret_answer_1 = \"Gremlin\"\nagree = true\n"
        ),
    )
    .to_str()
    .unwrap()
    .to_string()
}

// ---------- 4. secret answers count toward the lockout ----------

#[test]
fn five_wrong_answers_lock_and_close_the_reset_until_the_agency_unlocks() {
    let sb = Sandbox::new();
    sb.with_admin();
    let wrong = reset_form(&sb, "wrong", "Guess-Answer-7", "Green-Tea-Pot42");
    let right = reset_form(&sb, "right", "Blue", "Green-Tea-Pot42");

    // An unknown user and a wrong answer get the same refusal.
    let unknown = reset(&sb, "NOSUCHUSER", &wrong).code(3);
    let first = reset(&sb, "JAMJON", &wrong).code(3);
    assert_eq!(
        unknown.stderr, first.stderr,
        "the refusal tells users apart"
    );
    for _ in 2..=4 {
        reset(&sb, "JAMJON", &wrong).code(3);
    }
    // Four wrong answers: not locked yet.
    sb.run_as("admin", &["whoami"], None).ok();
    reset(&sb, "JAMJON", &wrong).code(3);
    // The fifth locked the user: sign-in is refused and the open session ended...
    login_as(&sb, "x", "JAMJON", ADMIN_PASSWORD)
        .code(3)
        .err_contains("locked");
    sb.run_as("admin", &["whoami"], None).code(3);
    // ...and even the right answers are refused now.
    reset(&sb, "JAMJON", &right).code(3).err_contains("closed");
    login_as(&sb, "x", "JAMJON", ADMIN_PASSWORD).code(3);

    // A site administrator is unlocked by the agency; then the reset works again.
    let v = sb.json_as("ops", &["ops", "user", "unlock", "JAMJON"]);
    assert_eq!(v["locked"], false);
    let v = reset(&sb, "JAMJON", &right).ok().json();
    assert_eq!(v["user_name"], "JAMJON");
    sb.login("x", "JAMJON", "Green-Tea-Pot42");

    // Every attempt is audited, never the answers.
    let all = audit_log(&sb, &[]);
    let resets: Vec<&Value> = all
        .iter()
        .filter(|e| field(e, "action") == "account password reset")
        .collect();
    let outcomes: Vec<&str> = resets.iter().map(|e| field(e, "outcome")).collect();
    assert_eq!(
        outcomes,
        ["failed", "failed", "failed", "failed", "failed", "failed", "denied", "ok"],
        "{resets:#?}"
    );
    // The unknown user's name is not recorded (it may be a secret typed in the wrong field).
    assert_eq!(field(resets[0], "actor"), "-");
    assert!(resets[1..].iter().all(|e| field(e, "target") == "JAMJON"));
    let lockouts: Vec<&Value> = all
        .iter()
        .filter(|e| field(e, "action") == "lockout" && field(e, "target") == "JAMJON")
        .collect();
    assert_eq!(lockouts.len(), 1, "{lockouts:#?}");
    assert_eq!(field(lockouts[0], "outcome"), "locked");
    let text = serde_json::to_string(&all).unwrap();
    for secret in ["Guess-Answer-7", "Blue", "Green-Tea-Pot42", "NOSUCHUSER"] {
        assert!(!text.contains(secret), "the audit log holds {secret:?}");
    }
}

#[test]
fn a_clerk_locked_by_answers_waits_for_clerk_unlock() {
    let sb = Sandbox::new();
    sb.with_admin();
    let code = invited_clerk(&sb, "JOHNNIE5");
    let accept = accept_form(&sb);
    sb.run_as(
        "clerk",
        &[
            "account",
            "accept-invite",
            "--code",
            &code,
            "--form",
            &accept,
        ],
        None,
    )
    .ok();
    let wrong = reset_form(&sb, "wrong", "Pacer", "Seven-Up-Cola9");
    let right = reset_form(&sb, "right", "Gremlin", "Seven-Up-Cola9");
    for _ in 0..5 {
        reset(&sb, "JOHNNIE5", &wrong).code(3);
    }
    reset(&sb, "JOHNNIE5", &right)
        .code(3)
        .err_contains("reset is closed");
    login_as(&sb, "clerk", "JOHNNIE5", CLERK_PASSWORD)
        .code(3)
        .err_contains("locked");
    let v = sb.json_as("admin", &["clerk", "unlock", "JOHNNIE5"]);
    assert_eq!(v["was_locked"], true);
    reset(&sb, "JOHNNIE5", &right).ok();
    sb.login("clerk", "JOHNNIE5", "Seven-Up-Cola9");
}

#[test]
fn a_user_locked_by_passwords_may_reset_until_five_wrong_answers() {
    let sb = Sandbox::new();
    sb.with_admin();
    let lock_by_passwords = || {
        for _ in 0..5 {
            login_as(&sb, "x", "JAMJON", "Wrong-Pass-1").code(3);
        }
        login_as(&sb, "x", "JAMJON", "Wrong-Pass-1")
            .code(3)
            .err_contains("cannot sign in");
    };
    let wrong = reset_form(&sb, "wrong", "Guess-Answer-7", "Green-Tea-Pot42");
    // Locked by sign-ins: a few wrong answers, then the right ones lift the lockout.
    lock_by_passwords();
    for _ in 0..4 {
        reset(&sb, "JAMJON", &wrong).code(3);
    }
    let first = reset_form(&sb, "first", "Blue", "Green-Tea-Pot42");
    reset(&sb, "JAMJON", &first).ok();
    sb.login("x", "JAMJON", "Green-Tea-Pot42");

    // Locked by sign-ins again: five wrong answers close the reset too.
    lock_by_passwords();
    for _ in 0..5 {
        reset(&sb, "JAMJON", &wrong).code(3);
    }
    let second = reset_form(&sb, "second", "Blue", "Orange-Peel-88");
    reset(&sb, "JAMJON", &second).code(3).err_contains("closed");
    login_as(&sb, "x", "JAMJON", "Green-Tea-Pot42")
        .code(3)
        .err_contains("unlock");
    sb.json_as("ops", &["ops", "user", "unlock", "JAMJON"]);
    reset(&sb, "JAMJON", &second).ok();
}

// ---------- 5. the operator can always be recovered ----------

fn recover(sb: &Sandbox, actor: &str, user: &str, password: &str) -> Run {
    sb.run_as(
        actor,
        &[
            "ops",
            "recover-operator",
            "--username",
            user,
            "--password-stdin",
            "--json",
        ],
        Some(password),
    )
}

#[test]
fn recover_operator_lifts_the_lock_sets_the_password_and_ends_sessions() {
    let sb = Sandbox::new();
    sb.with_admin();
    // The operator's open session ends with a recovery (no session needed to run it).
    sb.run_as("ops", &["whoami"], None).ok();
    let v = recover(&sb, "nobody", "ops", "Break-Glass-2026")
        .ok()
        .json();
    assert_eq!(v["user_name"], "ops");
    assert_eq!(v["locked"], false);
    sb.run_as("ops", &["whoami"], None).code(3);
    login_as(&sb, "ops", "ops", OPS_PASSWORD).code(3);
    sb.login("ops", "ops", "Break-Glass-2026");

    // Five wrong passwords lock the operator; nobody else can unlock it.
    for _ in 0..5 {
        login_as(&sb, "x", "ops", "Wrong-Pass-1").code(3);
    }
    login_as(&sb, "ops", "ops", "Break-Glass-2026")
        .code(3)
        .err_contains("locked");
    sb.run_as("admin", &["ops", "user", "unlock", "ops"], None)
        .code(4);
    // Password rules apply; the user must be the operator.
    recover(&sb, "nobody", "ops", "password")
        .code(6)
        .err_contains("password");
    recover(&sb, "nobody", "ops", "Break-Glass-2026")
        .code(6)
        .err_contains("repeats");
    recover(&sb, "nobody", "JAMJON", "Another-Pass-77")
        .code(6)
        .err_contains("not the operator");
    recover(&sb, "nobody", "NOSUCH", "Another-Pass-77").code(5);
    login_as(&sb, "ops", "ops", "Break-Glass-2026").code(3);

    let v = recover(&sb, "nobody", "ops", "Second-Glass-2027")
        .ok()
        .json();
    assert_eq!(v["locked"], false);
    sb.login("ops", "ops", "Second-Glass-2027");
    sb.run_as("ops", &["whoami"], None).ok();

    let log = audit_log(&sb, &["--action", "ops recover-operator"]);
    assert_eq!(log.len(), 2, "{log:#?}");
    assert_eq!(field(&log[0], "actor"), "store-owner");
    assert_eq!(field(&log[0], "target"), "ops");
    assert!(
        field(&log[1], "detail").contains("lockout lifted"),
        "{log:#?}"
    );
    let text = serde_json::to_string(&audit_log(&sb, &[])).unwrap();
    for secret in ["Break-Glass-2026", "Second-Glass-2027", "Another-Pass-77"] {
        assert!(!text.contains(secret), "the audit log holds {secret:?}");
    }
}

fn am_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false)
}

#[test]
fn recover_operator_needs_write_access_to_the_store() {
    if sqlite_only(
        "write access means the store file's mode (a PostgreSQL role's grants are the server's)",
    ) {
        return;
    }
    let sb = Sandbox::new();
    sb.init();
    use std::os::unix::fs::PermissionsExt;
    let r = if am_root() {
        // Root writes through any mode: act as `nobody` on a copy it may read but not write.
        if std::process::Command::new("setpriv")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("notice: skipping the read-only recovery test (root without setpriv)");
            return;
        }
        let shared = sb.path("shared");
        std::fs::create_dir_all(&shared).unwrap();
        let db = shared.join("mmis.db");
        std::fs::copy(&sb.db, &db).unwrap();
        std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::set_permissions(sb.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let out = std::process::Command::new("setpriv")
            .args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"])
            .arg(assert_cmd::cargo::cargo_bin("mmis"))
            .args([
                "ops",
                "recover-operator",
                "--username",
                "ops",
                "--password-stdin",
            ])
            .env_clear()
            .env("MMIS_DB", &db)
            .env("MMIS_TODAY", &sb.today)
            .env("HOME", "/nonexistent")
            .env("XDG_STATE_HOME", "/nonexistent")
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let before = std::fs::read(&sb.db).unwrap();
        let after_copy = std::fs::read(&db).unwrap();
        assert_eq!(before, after_copy, "the read-only copy changed");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    } else {
        std::fs::set_permissions(&sb.db, std::fs::Permissions::from_mode(0o400)).unwrap();
        let r = recover(&sb, "nobody", "ops", "Break-Glass-2026");
        std::fs::set_permissions(&sb.db, std::fs::Permissions::from_mode(0o600)).unwrap();
        r
    };
    // Refused before the password is even read (stdin here holds none).
    let r = r.code(8);
    assert!(
        r.stderr.contains("read-only") || r.stderr.contains("cannot"),
        "{}",
        r.stderr
    );
    sb.login("ops", "ops", OPS_PASSWORD);
}

// ---------- 12. the PIN and the invitation code need not be on argv ----------

#[test]
fn account_setup_takes_the_pin_from_mmis_pin_and_never_needs_argv() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll(A, &npi(123456789), "Jones Family Therapy", "group");
    // The letter's example command carries no PIN; the JSON still does.
    let letter = sb
        .run_as("ops", &["ops", "provider", "pin-reissue", A], None)
        .ok();
    let example = letter
        .stdout
        .lines()
        .find(|l| l.contains("mmis account setup"))
        .unwrap_or_else(|| panic!("no example command:\n{}", letter.stdout))
        .to_string();
    assert!(!example.contains("--pin"), "{example}");
    assert!(letter.stdout.contains("MMIS_PIN"), "{}", letter.stdout);
    let v = sb.json_as("ops", &["ops", "provider", "pin-reissue", A]);
    let pin2 = v["pin"].as_str().unwrap().to_string();
    assert_ne!(pin, pin2);
    assert!(!example.contains(&pin2));

    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    let form = form.to_str().unwrap();
    // No PIN anywhere and no terminal: exit 6 naming it, with the hint.
    sb.run_as(
        "admin",
        &["account", "setup", "--login-id", A, "--form", form],
        None,
    )
    .code(6)
    .err_contains("PIN")
    .err_contains("MMIS_PIN");
    let v = sb
        .run_env(
            "admin",
            &[
                "account",
                "setup",
                "--login-id",
                A,
                "--form",
                form,
                "--json",
            ],
            None,
            &[("MMIS_PIN", &pin2)],
        )
        .ok()
        .json();
    assert_eq!(v["user_name"], "JAMJON");
    assert_eq!(v["provider_id"], A);
}

#[test]
fn accept_invite_takes_the_code_from_mmis_invite_code() {
    let sb = Sandbox::new();
    sb.with_admin();
    let code = invited_clerk(&sb, "JOHNNIE5");
    let accept = accept_form(&sb);
    sb.run_as(
        "clerk",
        &["account", "accept-invite", "--form", &accept],
        None,
    )
    .code(6)
    .err_contains("MMIS_INVITE_CODE");
    let v = sb
        .run_env(
            "clerk",
            &["account", "accept-invite", "--form", &accept, "--json"],
            None,
            &[("MMIS_INVITE_CODE", &code)],
        )
        .ok()
        .json();
    assert_eq!(v["user_name"], "JOHNNIE5");
    sb.login("clerk", "JOHNNIE5", CLERK_PASSWORD);
}

#[test]
fn on_a_terminal_account_setup_asks_for_the_pin_hidden() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll(A, &npi(123456789), "Jones Family Therapy", "group");
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    let Some(script) = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())
    else {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    };
    let line = format!(
        "timeout --foreground 30 {} account setup --login-id {A} --form '{}'",
        env!("CARGO_BIN_EXE_mmis"),
        form.display()
    );
    let root = sb.dir.path();
    use std::io::Write;
    let mut child = std::process::Command::new(script)
        .args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", root)
        .env("TERM", "xterm")
        .env("MMIS_DB", sb.store())
        .env("MMIS_TODAY", &sb.today)
        .env("XDG_STATE_HOME", root.join("state-admin"))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_DATA_HOME", root.join("data"))
        .env("NO_COLOR", "1")
        .current_dir(root)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Type the PIN only once the prompt is up (typed earlier, the terminal would echo it).
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    use std::io::Read;
    while !String::from_utf8_lossy(&seen).contains("PIN:") {
        match stdout.read(&mut byte) {
            Ok(1) => seen.push(byte[0]),
            _ => break,
        }
    }
    // The prompt is printed just before echo is turned off: give the terminal a moment, so a
    // loaded machine does not echo a PIN typed in between.
    std::thread::sleep(std::time::Duration::from_millis(500));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(format!("{pin}\n").as_bytes())
        .unwrap();
    stdout.read_to_end(&mut seen).unwrap();
    let out = child.wait_with_output().unwrap();
    let shown = String::from_utf8_lossy(&seen);
    assert_eq!(out.status.code(), Some(0), "{shown}");
    assert!(shown.contains("PIN:"), "no prompt: {shown}");
    assert!(!shown.contains(&pin), "the PIN was echoed: {shown}");
    sb.login("admin", "JAMJON", ADMIN_PASSWORD);
}

// ---------- 7. nothing unaudited ----------

#[test]
fn a_wrong_pin_at_setup_is_audited_without_the_pin() {
    let sb = Sandbox::new();
    sb.init();
    let pin = sb.enroll(A, &npi(123456789), "Jones Family Therapy", "group");
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    let form = form.to_str().unwrap();
    sb.run_env(
        "admin",
        &["account", "setup", "--login-id", A, "--form", form],
        None,
        &[("MMIS_PIN", "Xy3Xy3Xy3")],
    )
    .code(3);
    let log = audit_log(&sb, &["--action", "account setup"]);
    assert_eq!(log.len(), 1, "{log:#?}");
    assert_eq!(field(&log[0], "outcome"), "failed");
    assert_eq!(field(&log[0], "target"), A);
    let text = serde_json::to_string(&audit_log(&sb, &[])).unwrap();
    assert!(
        !text.contains("Xy3Xy3Xy3") && !text.contains(&pin),
        "{text}"
    );
    // The right PIN still works afterwards.
    sb.run_as(
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            A,
            "--pin",
            &pin,
            "--form",
            form,
        ],
        None,
    )
    .ok();
}

#[test]
fn a_wrong_invitation_code_is_audited_without_the_code() {
    let sb = Sandbox::new();
    sb.with_admin();
    let code = invited_clerk(&sb, "JOHNNIE5");
    let accept = accept_form(&sb);
    let wrong = "INV-AAAA-BBBB-CCCC-DDDD";
    sb.run_env(
        "clerk",
        &["account", "accept-invite", "--form", &accept],
        None,
        &[("MMIS_INVITE_CODE", wrong)],
    )
    .code(3);
    let log = audit_log(&sb, &["--action", "account accept-invite"]);
    assert_eq!(log.len(), 1, "{log:#?}");
    assert_eq!(field(&log[0], "outcome"), "failed");
    let text = serde_json::to_string(&audit_log(&sb, &[])).unwrap();
    assert!(!text.contains(wrong) && !text.contains(&code), "{text}");
}

#[test]
fn reading_the_audit_log_is_itself_audited() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.json_as(
        "ops",
        &["audit", "log", "--action", "login", "--limit", "3"],
    );
    sb.json_as("admin", &["audit", "log"]);
    let reads = audit_log(&sb, &["--action", "audit log"]);
    // The two reads above; the read that lists them is recorded after it.
    assert_eq!(reads.len(), 2, "{reads:#?}");
    assert_eq!(field(&reads[0], "actor"), "ops");
    let detail = field(&reads[0], "detail");
    assert!(
        detail.contains("action=\"login\"") && detail.contains("limit=3"),
        "{detail}"
    );
    assert_eq!(field(&reads[1], "actor"), "JAMJON");
    assert_eq!(field(&reads[1], "provider_id"), A);
    assert_eq!(audit_log(&sb, &["--action", "audit log"]).len(), 3);
}
