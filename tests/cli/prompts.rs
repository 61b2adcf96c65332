//! Prompts that forgive: the interactive paths, driven through a pseudo-terminal (`script`).
//! Each test waits for a prompt's text before typing, with generous timeouts, so a loaded
//! machine slows it down but does not break it.

use crate::common::*;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const A: &str = "506675928";
const NEW_PASSWORD: &str = "Green-Tea-Pot42";
const DOWN: &str = "\x1b[B";
const SHOW_CURSOR: &str = "\x1b[?25h";

/// The binary on a terminal made by `script`, typed at through a pipe.
struct Pty {
    child: std::process::Child,
    stdin: Option<std::process::ChildStdin>,
    seen: Arc<Mutex<Vec<u8>>>,
    /// How far `expect` has read: each wait looks only at what came after the last match.
    at: usize,
}

impl Pty {
    /// `mmis ARGS` as `actor`; None (the test is skipped) where there is no `script`.
    fn spawn(sb: &Sandbox, actor: &str, args: &[&str]) -> Option<Pty> {
        Pty::spawn_then(sb, actor, args, "")
    }

    /// As [`Pty::spawn`], then the shell runs `after` on the same terminal.
    fn spawn_then(sb: &Sandbox, actor: &str, args: &[&str], after: &str) -> Option<Pty> {
        let Some(script) = ["/usr/bin/script", "/bin/script"]
            .into_iter()
            .find(|p| std::path::Path::new(p).exists())
        else {
            eprintln!("skipped: no `script` to make a terminal");
            return None;
        };
        let quoted: Vec<String> = args
            .iter()
            .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
            .collect();
        let line = format!(
            "{}timeout --foreground 120 {} {}{after}",
            if after.is_empty() { "" } else { "trap : INT; " },
            env!("CARGO_BIN_EXE_mmis"),
            quoted.join(" ")
        );
        let base = sb.std_cmd_as(actor);
        let mut c = std::process::Command::new(script);
        c.args(["-qec", &line, "/dev/null"]).env_clear();
        for (k, v) in base.get_envs() {
            if let Some(v) = v {
                c.env(k, v);
            }
        }
        c.env("TERM", "xterm")
            .env("SHELL", "/bin/sh")
            .current_dir(sb.dir.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped());
        let mut child = c.spawn().expect("run script");
        let mut out = child.stdout.take().expect("stdout");
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&seen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        let stdin = child.stdin.take();
        Some(Pty {
            child,
            stdin,
            seen,
            at: 0,
        })
    }

    fn transcript(&self) -> String {
        String::from_utf8_lossy(&self.seen.lock().unwrap()).into_owned()
    }

    /// Waits (up to 90 s) until `text` appears after the last match.
    #[track_caller]
    fn expect(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            {
                let seen = self.seen.lock().unwrap();
                let rest = String::from_utf8_lossy(&seen[self.at.min(seen.len())..]).into_owned();
                if let Some(i) = rest.find(text) {
                    self.at += rest[..i + text.len()].len();
                    return;
                }
            }
            if start.elapsed() > Duration::from_secs(90) {
                panic!(
                    "waited 90 s for {text:?}; the terminal showed:\n{}",
                    self.transcript()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Types `text` once `prompt` is up. A short pause first: the prompt is printed just
    /// before the terminal mode changes (echo off, raw keys), and typing in between would
    /// reach the terminal in the old mode.
    #[track_caller]
    fn answer(&mut self, prompt: &str, text: &str) {
        self.expect(prompt);
        std::thread::sleep(Duration::from_millis(300));
        self.send(text);
    }

    /// Keys for a menu (arrows, space, enter), one at a time.
    fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            std::thread::sleep(Duration::from_millis(150));
            self.send(k);
        }
    }

    fn send(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("stdin open");
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits for the run to end; its exit code and everything the terminal showed.
    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                break s;
            }
            if start.elapsed() > Duration::from_secs(120) {
                let _ = self.child.kill();
                panic!(
                    "the run did not end; the terminal showed:\n{}",
                    self.transcript()
                );
            }
            std::thread::sleep(Duration::from_millis(20));
        };
        drop(self.stdin.take());
        // The reader thread drains what is left.
        std::thread::sleep(Duration::from_millis(200));
        (status.code().unwrap_or(-1), self.transcript())
    }
}

/// A sandbox with an operator, provider A enrolled; returns its PIN.
fn enrolled(sb: &Sandbox) -> String {
    sb.init();
    sb.enroll(A, &npi(123456789), "Jones Family Therapy", "group")
}

/// Types the contact fields of Account Setup / Add Clerk (a good email on the first try).
fn type_contact(t: &mut Pty, user: &str, email: &str) {
    t.answer("User Name*", &format!("{user}\r"));
    t.answer("Contact First Name*", "Jo\r");
    t.answer("Contact Last Name*", "Five\r");
    t.answer("Phone Number*", "503 555 1212\r");
    t.answer("EMail*", &format!("{email}\r"));
    t.answer("Confirm EMail (optional)", &format!("{email}\r"));
}

#[test]
fn a_bad_email_is_asked_again_and_the_good_one_is_taken() {
    let sb = Sandbox::new();
    let pin = enrolled(&sb);
    let Some(mut t) = Pty::spawn(
        &sb,
        "admin",
        &["account", "setup", "--login-id", A, "--pin", &pin],
    ) else {
        return;
    };
    t.answer("User Name*", "JAMJON\r");
    t.answer("Contact First Name*", "James\r");
    t.answer("Contact Last Name*", "Jones\r");
    t.answer("Phone Number*", "(503)555-1212\r");
    t.answer("EMail*", "james-at-jones\r");
    t.expect("not an email address");
    // The same field is asked again, and this time the address is taken.
    t.answer("EMail*", "james@jones.example\r");
    t.answer("Confirm EMail (optional)", "james@jones.example\r");
    t.answer("Password*", &format!("{ADMIN_PASSWORD}\r"));
    t.answer("Confirm Password", &format!("{ADMIN_PASSWORD}\r"));
    t.answer("1st Secret Question*", "color of sky\r");
    t.answer("1st Answer*", "Blue\r");
    t.answer("2nd Secret Question (optional)", "\r");
    t.answer("I Agree*", "y");
    t.answer("Submit these answers?", "y");
    t.expect("Account set up");
    let (code, shown) = t.finish();
    assert_eq!(code, 0, "{shown}");
    // No second question, so no second answer was asked for.
    assert!(!shown.contains("2nd Answer"), "{shown}");
    assert!(shown.contains("EMail: james@jones.example"), "{shown}");
    sb.login("admin", "JAMJON", ADMIN_PASSWORD);
}

#[test]
fn the_password_rules_come_before_the_password_and_a_weak_one_is_asked_again() {
    let sb = Sandbox::new();
    sb.with_admin();
    let Some(mut t) = Pty::spawn(&sb, "admin", &["account", "password", "change"]) else {
        return;
    };
    t.answer("Current Password*", &format!("{ADMIN_PASSWORD}\r"));
    t.expect("Password rules:");
    t.answer("New Password*", "kettle\r");
    t.expect("at least 8 characters");
    // Asked again (before any confirmation), then the strong one is taken.
    t.answer("New Password*", &format!("{NEW_PASSWORD}\r"));
    t.answer("Confirm New Password", &format!("{NEW_PASSWORD}\r"));
    t.answer("Submit these answers?", "y");
    t.expect("Password changed");
    let (code, shown) = t.finish();
    assert_eq!(code, 0, "{shown}");
    let rules = shown.find("Password rules:").unwrap();
    let prompt = shown.find("New Password*").unwrap();
    assert!(rules < prompt, "the rules come after the prompt: {shown}");
    assert!(
        !shown.contains(NEW_PASSWORD),
        "a password was echoed: {shown}"
    );
    sb.login("admin2", "JAMJON", NEW_PASSWORD);
}

#[test]
fn roles_are_picked_from_a_list() {
    let sb = Sandbox::new();
    sb.with_admin();
    let Some(mut t) = Pty::spawn(&sb, "admin", &["clerk", "add"]) else {
        return;
    };
    type_contact(&mut t, "JOHNNIE5", "jo@five.example");
    t.expect("Clerk Roles*");
    t.expect("Eligibility Inquiry");
    // Claim Inquiry (the first), then three down to Eligibility Inquiry; enter when done.
    t.keys(&[" ", DOWN, DOWN, DOWN, " ", "\r"]);
    t.answer("Submit these answers?", "y");
    t.expect("Invitation code");
    let (code, shown) = t.finish();
    assert_eq!(code, 0, "{shown}");
    assert!(
        shown.contains("with roles: Claim Inquiry, Eligibility Inquiry."),
        "{shown}"
    );
    let list = sb.json_as("admin", &["clerk", "list"]);
    assert!(list.to_string().contains("Eligibility Inquiry"), "{list}");
}

#[test]
fn no_at_the_confirmation_asks_what_to_change_and_uses_the_change() {
    let sb = Sandbox::new();
    sb.with_admin();
    let Some(mut t) = Pty::spawn(&sb, "admin", &["clerk", "add"]) else {
        return;
    };
    type_contact(&mut t, "JOHNNIE5", "jo@five.example");
    t.expect("Clerk Roles*");
    t.expect("Eligibility Inquiry");
    t.keys(&[" ", "\r"]);
    t.answer("Submit these answers?", "n");
    t.expect("What do you want to change?");
    t.expect("EMail: jo@five.example");
    // User Name, First, Last, Phone, EMail: four down.
    t.keys(&[DOWN, DOWN, DOWN, DOWN, "\r"]);
    t.answer("EMail*", "jo@six.example\r");
    // The confirmation no longer matches, so it is asked again.
    t.expect("confirm_email: does not match email");
    t.answer("Confirm EMail (optional)", "jo@six.example\r");
    t.answer("Submit these answers?", "y");
    t.expect("Invitation code");
    let (code, shown) = t.finish();
    assert_eq!(code, 0, "{shown}");
    let list = sb.json_as("admin", &["clerk", "list"]).to_string();
    assert!(list.contains("jo@six.example"), "{list}");
    assert!(!list.contains("jo@five.example"), "{list}");
}

#[test]
fn a_reset_asks_no_second_answer_when_there_is_no_second_question() {
    let sb = Sandbox::new();
    sb.with_admin();
    let Some(mut t) = Pty::spawn(
        &sb,
        "admin",
        &["account", "password", "reset", "--username", "JAMJON"],
    ) else {
        return;
    };
    t.expect("1st Secret Question: color of sky");
    t.answer("1st Answer*", "Blue\r");
    t.expect("Password rules:");
    t.answer("New Password*", &format!("{NEW_PASSWORD}\r"));
    t.answer("Confirm New Password", &format!("{NEW_PASSWORD}\r"));
    t.answer("Submit these answers?", "y");
    t.expect("Password reset for JAMJON");
    let (code, shown) = t.finish();
    assert_eq!(code, 0, "{shown}");
    assert!(!shown.contains("2nd Answer"), "{shown}");
    sb.login("admin2", "JAMJON", NEW_PASSWORD);
}

#[test]
fn ctrl_c_at_a_confirmation_shows_the_cursor_again_and_saves_nothing() {
    let sb = Sandbox::new();
    sb.with_admin();
    let Some(mut t) = Pty::spawn(&sb, "admin", &["account", "password", "change"]) else {
        return;
    };
    t.answer("Current Password*", &format!("{ADMIN_PASSWORD}\r"));
    t.answer("New Password*", &format!("{NEW_PASSWORD}\r"));
    t.answer("Confirm New Password", &format!("{NEW_PASSWORD}\r"));
    t.answer("Submit these answers?", "\x03");
    let at_prompt = t.at;
    let (code, shown) = t.finish();
    assert_eq!(code, 130, "{shown}");
    let after = &shown[at_prompt.min(shown.len())..];
    assert!(
        after.contains(SHOW_CURSOR),
        "the cursor was left hidden after Ctrl-C: {after:?}"
    );
    assert!(after.contains("interrupted"), "{after:?}");
    // Nothing changed: the old password still signs in.
    sb.login("admin2", "JAMJON", ADMIN_PASSWORD);
}

#[test]
fn ctrl_c_at_a_hidden_prompt_leaves_typing_echoed() {
    let sb = Sandbox::new();
    sb.with_admin();
    // The shell outlives the interrupt (`trap`) and then shows the terminal's modes.
    let Some(mut t) = Pty::spawn_then(
        &sb,
        "admin",
        &["account", "password", "change"],
        "; echo \"exit=$?\"; stty -a",
    ) else {
        return;
    };
    t.answer("Current Password*", "\x03");
    let (code, shown) = t.finish();
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("exit=130"), "{shown}");
    let modes = &shown[shown.find("exit=130").unwrap()..];
    assert!(
        modes.split_whitespace().any(|w| w == "echo"),
        "echo was left off: {modes}"
    );
    assert!(
        modes.split_whitespace().any(|w| w == "icanon"),
        "line mode was left off: {modes}"
    );
}
