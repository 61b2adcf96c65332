//! Every tour runs as written: the README's owner, biller and CI tours and the smoke script
//! in docs/ci.md are cut out of the Markdown and run with bash (`-e -o pipefail`, so any
//! failing line fails the test) and the real binary on PATH, each in a fresh folder with its
//! own store and XDG folders. No `jq` is assumed.

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
    let file = d.join("tour.sh");
    std::fs::write(&file, script).expect("write the tour");
    let out = std::process::Command::new("bash")
        .args(["-e", "-o", "pipefail"])
        .arg(&file)
        .env_clear()
        .env("PATH", path)
        .env("HOME", d)
        .env("MMIS_DB", d.join("mmis.db"))
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
    let broken = s.replace("--provider-id 506675928", "--provider-id 506675928 --no-such-flag");
    let caught = std::panic::catch_unwind(|| run_tour(h, &broken));
    assert!(caught.is_err(), "a broken tour passed");
}

/// `mmis form template NAME` prints a form each command accepts once filled in (here: as
/// printed, or with a value changed), and a form with a key the command does not know is
/// refused, so the template and the parser cannot drift apart unnoticed.
#[test]
fn every_form_template_is_accepted_by_its_command() {
    use crate::common::Sandbox;
    let sb = Sandbox::new();
    let template = |name: &str| sb.run_as("x", &["form", "template", name], None).ok().stdout;
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
    let code = owner(&["clerk", "add", "--form", &clerk, "--json"]).ok().json()["invite_code"]
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
        &["account", "password", "reset", "--username", "JAMJON", "--form", &reset],
        None,
    )
    .ok();
    sb.login("owner", "JAMJON", "Douglas-Fir-2031");
    let transfer = file("transfer.toml", template("transfer-request"));
    sb.run_as("x", &["admin", "transfer-request", "--form", &transfer], None)
        .ok();
    // A key the parser does not know is refused, naming it.
    let odd = file("odd.toml", format!("{}\nnot_a_field = 1\n", template("pa")));
    owner(&["pa", "submit", "--form", &odd])
        .code(6)
        .err_contains("not_a_field");
}
