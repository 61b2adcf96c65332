//! Every tour runs as written: the README's owner, biller and CI tours and the smoke script
//! in docs/ci.md are cut out of the Markdown and run with bash (`-e -o pipefail`, so any
//! failing line fails the test) and the real binary on PATH, each in a fresh folder with its
//! own store and XDG folders. No `jq` is assumed.

use crate::common::{npi, Run, Sandbox, ADMIN_PASSWORD};
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The ```sh blocks of a Markdown file, each with the heading it sits under.
fn sh_blocks(file: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(root().join(file)).expect("read the Markdown");
    let mut out = Vec::new();
    let mut heading = String::new();
    let mut block: Option<String> = None;
    for line in text.lines() {
        match &mut block {
            Some(b) if line.trim_start().starts_with("```") => {
                out.push((heading.clone(), std::mem::take(b)));
                block = None;
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None if line.trim_start().starts_with("```sh") => block = Some(String::new()),
            None if line.starts_with('#') => heading = line.trim_start_matches('#').trim().into(),
            None => {}
        }
    }
    out
}

/// Runs one block as printed; panics with its output when any line fails.
fn run_tour(name: &str, script: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let bin = assert_cmd::cargo::cargo_bin("mmis");
    let bin_dir = bin.parent().expect("the binary's folder");
    let path = format!(
        "{}:{}",
        bin_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    // The tour's store: a file in its folder, or a fresh database (dropped after the run).
    let (store, _pg) = crate::common::fresh_store(&d.join("mmis.db"));
    let file = d.join("tour.sh");
    std::fs::write(&file, script).expect("write the tour");
    let out = std::process::Command::new("bash")
        .args(["-e", "-o", "pipefail"])
        .arg(&file)
        .env_clear()
        .env("PATH", path)
        .env("HOME", d)
        .env("MMIS_DB", &store)
        .env("XDG_STATE_HOME", d.join("state"))
        .env("XDG_CONFIG_HOME", d.join("config"))
        .env("XDG_DATA_HOME", d.join("data"))
        .env("NO_COLOR", "1")
        .env("TMPDIR", d)
        .current_dir(d)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run bash");
    assert!(
        out.status.success(),
        "the tour {name:?} does not run as written (exit {:?})\n--- script\n{script}\n--- stdout\n{}\n--- stderr\n{}",
        out.status.code(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn tours(file: &str) -> Vec<(String, String)> {
    sh_blocks(file)
        .into_iter()
        .filter(|(heading, _)| file != "README.md" || heading.starts_with("A tour for"))
        .collect()
}

#[test]
fn the_readme_has_the_three_tours_and_none_needs_jq() {
    let t = tours("README.md");
    let names: Vec<&str> = t.iter().map(|(h, _)| h.as_str()).collect();
    assert_eq!(
        names,
        [
            "A tour for the practice owner",
            "A tour for the biller",
            "A tour for a CI script"
        ]
    );
    for (h, s) in t.iter().chain(tours("docs/ci.md").iter()) {
        assert!(!s.contains("jq "), "{h} uses jq");
        assert!(!s.contains("fixtures/"), "{h} points into the source tree");
    }
}

#[test]
fn the_owner_tour_runs_as_written() {
    let (h, s) = &tours("README.md")[0];
    run_tour(h, s);
}

#[test]
fn the_biller_tour_runs_as_written() {
    let (h, s) = &tours("README.md")[1];
    run_tour(h, s);
}

#[test]
fn the_ci_tour_runs_as_written() {
    let (h, s) = &tours("README.md")[2];
    run_tour(h, s);
}

#[test]
fn the_ci_smoke_script_runs_as_written() {
    let t = tours("docs/ci.md");
    assert_eq!(t.len(), 1, "docs/ci.md has one smoke script");
    run_tour("docs/ci.md", &t[0].1);
}

/// The test can fail: a tour with a line that no longer runs is caught.
#[test]
fn a_tour_with_a_broken_line_fails() {
    let (h, s) = &tours("README.md")[2];
    let broken = s.replace(
        "--provider-id 506675928",
        "--provider-id 506675928 --no-such-flag",
    );
    let caught = std::panic::catch_unwind(|| run_tour(h, &broken));
    assert!(caught.is_err(), "a broken tour passed");
}

/// `mmis form template NAME` prints a form each command accepts once filled in (here: as
/// printed, or with a value changed), and a form with a key the command does not know is
/// refused, so the template and the parser cannot drift apart unnoticed.
#[test]
fn every_form_template_is_accepted_by_its_command() {
    let sb = Sandbox::new();
    let template = |name: &str| {
        sb.run_as("x", &["form", "template", name], None)
            .ok()
            .stdout
    };
    let names = [
        "account-setup",
        "accept-invite",
        "password-change",
        "password-reset",
        "clerk-add",
        "transfer-request",
        "claim",
        "pa",
    ];
    for n in names {
        let t = template(n);
        assert!(t.starts_with("# "), "{n}: a commented example");
        assert!(!t.contains("fixtures/"), "{n}: points into the source tree");
        toml::from_str::<toml::Table>(&t).unwrap_or_else(|e| panic!("{n}: not TOML: {e}"));
    }
    sb.run_as("x", &["form", "template", "nope"], None).code(2);

    // The demo sandbox: provider 506675928, administrator JAMJON, members and fees.
    sb.run_as("x", &["demo"], None).ok();
    let file = |name: &str, text: String| sb.write(name, &text).to_str().unwrap().to_string();
    // account-setup and claim run as printed in the README tours; the others here.
    let clerk = file(
        "clerk.toml",
        template("clerk-add").replace("JOHNNIE5", "TEMPLATE1"),
    );
    let owner = |args: &[&str]| sb.run_as("owner", args, None);
    sb.login("owner", "JAMJON", "Willamette-Blue-42");
    let code = owner(&["clerk", "add", "--form", &clerk, "--json"])
        .ok()
        .json()["invite_code"]
        .as_str()
        .unwrap()
        .to_string();
    let accept = file("accept.toml", template("accept-invite"));
    sb.run_env(
        "clerk",
        &["account", "accept-invite", "--form", &accept],
        None,
        &[("MMIS_INVITE_CODE", &code)],
    )
    .ok();
    let pa = file("pa.toml", template("pa"));
    owner(&["pa", "submit", "--form", &pa]).ok();
    let change = file("change.toml", template("password-change"));
    owner(&["account", "password", "change", "--form", &change]).ok();
    let reset = file(
        "reset.toml",
        template("password-reset").replace("Cascade-Green-77", "Douglas-Fir-2031"),
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
            &reset,
        ],
        None,
    )
    .ok();
    sb.login("owner", "JAMJON", "Douglas-Fir-2031");
    let transfer = file("transfer.toml", template("transfer-request"));
    sb.run_as(
        "x",
        &["admin", "transfer-request", "--form", &transfer],
        None,
    )
    .ok();
    // A key the parser does not know is refused, naming it.
    let odd = file("odd.toml", format!("{}\nnot_a_field = 1\n", template("pa")));
    owner(&["pa", "submit", "--form", &odd])
        .code(6)
        .err_contains("not_a_field");
}

// ---- Issue 13, point 8: honest messages -------------------------------------------------

fn login(sb: &Sandbox, user: &str, password: &str) -> Run {
    sb.run_as(
        "x",
        &["login", "--username", user, "--password-stdin"],
        Some(&format!("{password}\n")),
    )
}

fn invite(sb: &Sandbox, user: &str) -> Run {
    let form = sb.write(
        &format!("invite-{user}.toml"),
        &format!(
            "user_name = \"{user}\"\ncontact_first_name = \"A\"\ncontact_last_name = \"B\"\n\
             phone_number = \"(503)555-0100\"\nemail = \"a@b.example\"\nroles = [\"Claim Inquiry\"]\n"
        ),
    );
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
}

/// Unknown user, wrong password, the failure that locks, a locked user (even with the right
/// password) and an invited user without a password: one message, one exit code.
#[test]
fn sign_in_refusals_do_not_reveal_whether_a_user_name_exists() {
    let sb = Sandbox::new();
    sb.with_admin();
    invite(&sb, "INVITED1").ok();
    // User names compare without case, as the hint says.
    login(&sb, "jamjon", ADMIN_PASSWORD).ok();
    let unknown = login(&sb, "NOSUCH9", "Wrong-Pass-1").code(3);
    assert!(
        unknown.stderr.contains("not case-sensitive"),
        "{}",
        unknown.stderr
    );
    let mut seen = vec![("unknown", unknown.stderr.clone())];
    for i in 0..5 {
        let r = login(&sb, "JAMJON", "Wrong-Pass-1").code(3);
        seen.push((if i == 4 { "locking" } else { "wrong" }, r.stderr));
    }
    seen.push((
        "locked",
        login(&sb, "JAMJON", ADMIN_PASSWORD).code(3).stderr,
    ));
    seen.push((
        "invited",
        login(&sb, "INVITED1", "Wrong-Pass-1").code(3).stderr,
    ));
    for (what, stderr) in &seen {
        assert_eq!(
            stderr, &unknown.stderr,
            "{what} differs from an unknown user"
        );
        assert!(!stderr.contains("JAMJON") && !stderr.contains("INVITED1"));
    }
    // The audit log still says what happened.
    let log = sb.json_as("ops", &["audit", "log", "--action", "lockout"]);
    assert_eq!(log.as_array().unwrap().len(), 1);
}

#[test]
fn password_reset_refusals_do_not_reveal_whether_a_user_name_exists() {
    let sb = Sandbox::new();
    sb.with_admin();
    let wrong = sb.write(
        "wrong.toml",
        "secret_answer_1 = \"Green\"\nnew_password = \"Cascade-Green-77\"\nconfirm_new_password = \"Cascade-Green-77\"\n",
    );
    let reset = |user: &str| {
        sb.run_as(
            "x",
            &[
                "account",
                "password",
                "reset",
                "--username",
                user,
                "--form",
                wrong.to_str().unwrap(),
            ],
            None,
        )
        .code(3)
        .stderr
    };
    let unknown = reset("NOSUCH9");
    for _ in 0..5 {
        assert_eq!(reset("JAMJON"), unknown, "wrong answers");
    }
    // Closed by wrong answers now: still the same words.
    assert_eq!(reset("JAMJON"), unknown, "a closed reset");
    assert!(!unknown.contains("NOSUCH9"));
}

#[test]
fn a_lookup_by_health_id_does_not_suggest_checking_the_date_of_birth() {
    let sb = Sandbox::new();
    sb.with_admin();
    let by_id = sb
        .run_as("admin", &["elig", "check", "--id", "ZZ999999"], None)
        .code(5);
    assert!(!by_id.stderr.contains("date of birth"), "{}", by_id.stderr);
    assert!(by_id.stderr.contains("--dob"), "{}", by_id.stderr);
    sb.run_as(
        "admin",
        &[
            "elig",
            "check",
            "--last",
            "Nobody",
            "--first",
            "Nora",
            "--dob",
            "1990-01-01",
        ],
        None,
    )
    .code(5)
    .err_contains("date of birth");
}

#[test]
fn no_hint_points_into_the_source_tree() {
    let sb = Sandbox::new();
    sb.with_admin();
    let half = sb.write("half.toml", "kind = \"prior-auth\"\n");
    let bad = sb.write("bad.toml", "kind = \n");
    for form in [&half, &bad] {
        let r = sb
            .run_as(
                "admin",
                &["pa", "submit", "--form", form.to_str().unwrap()],
                None,
            )
            .code(6)
            .err_contains("mmis form template");
        assert!(!r.stderr.contains("fixtures/"), "{}", r.stderr);
    }
    let cfg = sb.write("config.toml", "[session]\nidle = \"0s\"\nnope = 1\n");
    let r = sb
        .run_env(
            "admin",
            &["whoami"],
            None,
            &[("MMIS_CONFIG", cfg.to_str().unwrap())],
        )
        .code(6);
    assert!(!r.stderr.contains("docs/"), "{}", r.stderr);
    assert!(r.stderr.contains("default_expiry"), "{}", r.stderr);
}

// ---- Issue 13, point 10: small things ---------------------------------------------------

#[test]
fn logout_when_not_signed_in_exits_0() {
    let sb = Sandbox::new();
    sb.with_admin();
    let r = sb.run_as("nobody", &["logout"], None).ok();
    assert!(r.stdout.contains("Not signed in"), "{}", r.stdout);
    let v = sb.json_as("nobody", &["logout"]);
    assert_eq!(v["logged_out"], false);
    // Signed in: signed out, then a second logout is already done.
    assert_eq!(sb.json_as("admin", &["logout"])["logged_out"], true);
    sb.run_as("admin", &["logout"], None).ok();
    sb.run_as("admin", &["whoami"], None).code(3);
}

/// Runs mmis on a pseudo-terminal (`script`), typing `input`.
fn on_terminal(sb: &Sandbox, actor: &str, args: &[&str], input: &str) -> Run {
    let bin = assert_cmd::cargo::cargo_bin("mmis");
    let mut line = format!("'{}'", bin.display());
    for a in args {
        line.push_str(&format!(" '{a}'"));
    }
    let c = sb.std_cmd_as(actor);
    let mut c2 = std::process::Command::new("script");
    c2.args(["-qec", &line, "/dev/null"]);
    for (k, v) in c.get_envs() {
        if let Some(v) = v {
            c2.env(k, v);
        }
    }
    c2.env_remove("NO_COLOR").env("TERM", "dumb");
    c2.current_dir(sb.dir.path());
    use std::io::Write;
    let mut child = c2
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("script");
    std::thread::sleep(std::time::Duration::from_millis(700));
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn clerk_remove_asks_on_a_terminal_and_yes_skips_the_question() {
    let sb = Sandbox::new();
    sb.with_admin();
    for u in ["CLERKA", "CLERKB", "CLERKC"] {
        invite(&sb, u).ok();
    }
    let status = |u: &str| {
        let list = sb.json_as("admin", &["clerk", "list"]);
        list.as_array()
            .unwrap()
            .iter()
            .find(|r| r["user_name"] == u)
            .map(|r| r["status"].as_str().unwrap().to_string())
            .unwrap()
    };
    // On a terminal: "n" keeps the clerk.
    let r = on_terminal(&sb, "admin", &["clerk", "remove", "CLERKA"], "n\n");
    assert!(r.stdout.contains("Remove CLERKA"), "{}", r.stdout);
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert_ne!(status("CLERKA"), "removed");
    // "y" removes.
    on_terminal(&sb, "admin", &["clerk", "remove", "CLERKA"], "y\n");
    assert_eq!(status("CLERKA"), "removed");
    // --yes: no question.
    let r = on_terminal(&sb, "admin", &["clerk", "remove", "CLERKB", "--yes"], "");
    assert!(!r.stdout.contains("Remove CLERKB"), "{}", r.stdout);
    assert_eq!(status("CLERKB"), "removed");
    // Off a terminal nothing is asked: the removal proceeds, as `claim void` and `pa cancel` do.
    sb.run_as("admin", &["clerk", "remove", "CLERKC"], None)
        .ok();
    assert_eq!(status("CLERKC"), "removed");
}

#[test]
fn clerk_add_existing_of_an_invited_user_and_reinvitations_say_what_to_do() {
    let sb = Sandbox::new();
    sb.with_admin();
    let first = invite(&sb, "NEWBIE1").ok();
    assert!(
        !first.stdout.contains("no longer works"),
        "{}",
        first.stdout
    );
    let again = invite(&sb, "NEWBIE1").ok();
    assert!(again.stdout.contains("no longer works"), "{}", again.stdout);
    sb.run_as(
        "admin",
        &[
            "clerk",
            "add",
            "--existing",
            "NEWBIE1",
            "--roles",
            "Claim Inquiry",
        ],
        None,
    )
    .code(7)
    .err_contains("has not accepted their invitation")
    .err_contains("accept-invite");
}

#[test]
fn pin_request_compares_names_and_addresses_loosely() {
    let sb = Sandbox::new();
    sb.init();
    sb.enroll(
        "506675928",
        &npi(123456789),
        "Jones Family Therapy",
        "group",
    );
    let ask = |name: &str, mail_to: &str| {
        sb.run_as(
            "x",
            &[
                "account",
                "pin-request",
                "--name",
                name,
                "--npi",
                &npi(123456789),
                "--mail-to",
                mail_to,
            ],
            None,
        )
    };
    // On file: "Jones Family Therapy", "1 Main St, Salem OR 97301".
    ask("JONES FAMILY THERAPY.", "1 main st. salem, or  97301").ok();
    ask("Jones Family Therapy", "1 Main St,Salem,OR 97301").ok();
    ask("Jones Family Therapy", "2 Main St, Salem OR 97301")
        .code(6)
        .err_contains("--mail-to");
}
