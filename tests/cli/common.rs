//! The sandbox: a temporary store and XDG folders, a pinned business date, actors with
//! their own session folders, and helpers that run the real binary.

#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub const TODAY: &str = "2026-03-16";
pub const OPS_PASSWORD: &str = "Agency-Op3rator!";
pub const ADMIN_PASSWORD: &str = "Blue-Sky-Kettle7";

/// The portal's role catalog, in the portal's order, as the spec names it.
pub const PORTAL_ROLES: [&str; 13] = [
    "Claim Inquiry",
    "Claim Submission",
    "Claim Void",
    "Eligibility Inquiry",
    "Prior Auth Inquiry",
    "Prior Auth Submit",
    "Plan of Care Inquiry",
    "Clerk Maintenance",
    "Trade Files",
    "Demographic Maint",
    "Benefits HSC Inquiry",
    "EHR Incentive",
    "PCPCH",
];

pub struct Sandbox {
    pub dir: TempDir,
    pub db: PathBuf,
    pub today: String,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
    #[track_caller]
    pub fn err_contains(self, text: &str) -> Run {
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}:\n{}",
            self.stderr
        );
        self
    }
}

/// A valid NPI made from nine digits (check digit by Luhn with the 80840 prefix).
pub fn npi(first_nine: u32) -> String {
    let base = format!("{first_nine:09}");
    let d = mmis::domain::ids::npi_check_digit(&base).expect("nine digits");
    format!("{base}{d}")
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("mmis.db");
        Sandbox {
            dir,
            db,
            today: TODAY.to_string(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with a hermetic environment, acting as `actor` (own session folder).
    pub fn std_cmd_as(&self, actor: &str) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("mmis"));
        let root = self.dir.path();
        c.env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", root)
            .env("MMIS_DB", &self.db)
            .env("MMIS_TODAY", &self.today)
            .env("XDG_STATE_HOME", root.join(format!("state-{actor}")))
            .env("XDG_CONFIG_HOME", root.join("config"))
            .env("XDG_DATA_HOME", root.join("data"))
            .env("NO_COLOR", "1")
            .current_dir(root);
        c
    }

    pub fn cmd_as(&self, actor: &str) -> Command {
        Command::from_std(self.std_cmd_as(actor))
    }

    pub fn run_as(&self, actor: &str, args: &[&str], stdin: Option<&str>) -> Run {
        self.run_cmd(self.cmd_as(actor), args, stdin, &[])
    }

    pub fn run_env(
        &self,
        actor: &str,
        args: &[&str],
        stdin: Option<&str>,
        env: &[(&str, &str)],
    ) -> Run {
        self.run_cmd(self.cmd_as(actor), args, stdin, env)
    }

    fn run_cmd(
        &self,
        mut c: Command,
        args: &[&str],
        stdin: Option<&str>,
        env: &[(&str, &str)],
    ) -> Run {
        c.args(args);
        for (k, v) in env {
            c.env(k, v);
        }
        c.write_stdin(stdin.unwrap_or("").as_bytes().to_vec());
        let out = c.output().expect("run mmis");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Runs as `actor` without `MMIS_TODAY` (the real date), as on a live store.
    pub fn run_live(&self, actor: &str, args: &[&str], stdin: Option<&str>) -> Run {
        let mut c = self.cmd_as(actor);
        c.env_remove("MMIS_TODAY");
        self.run_cmd(c, args, stdin, &[])
    }

    /// Runs as `actor` with `--json` and returns the parsed result (asserting success).
    #[track_caller]
    pub fn json_as(&self, actor: &str, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        self.run_as(actor, &a, None).ok().json()
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).expect("write file");
        p
    }

    /// `mmis init` with operator `ops`, then signs `ops` in.
    pub fn init(&self) {
        self.run_as(
            "ops",
            &["init", "--username", "ops", "--password-stdin"],
            Some(OPS_PASSWORD),
        )
        .ok();
        self.login("ops", "ops", OPS_PASSWORD);
    }

    #[track_caller]
    pub fn login(&self, actor: &str, user: &str, password: &str) -> Value {
        self.run_as(
            actor,
            &["login", "--username", user, "--password-stdin", "--json"],
            Some(password),
        )
        .ok()
        .json()
    }

    /// Enrolls a provider as the operator; returns the PIN.
    #[track_caller]
    pub fn enroll(&self, provider_id: &str, npi_value: &str, name: &str, kind: &str) -> String {
        let v = self.json_as(
            "ops",
            &[
                "ops",
                "provider",
                "enroll",
                "--npi",
                npi_value,
                "--name",
                name,
                "--type",
                kind,
                "--tax-id",
                "93-1234567",
                "--mail-to",
                "1 Main St, Salem OR 97301",
                "--provider-id",
                provider_id,
            ],
        );
        v["pin"].as_str().expect("pin").to_string()
    }

    /// A complete account-setup form for `user`.
    pub fn setup_form(&self, user: &str, password: &str) -> PathBuf {
        self.write(
            &format!("setup-{user}.toml"),
            &format!(
                r#"user_name = "{user}"
contact_first_name = "James"
contact_last_name = "Jones"
phone_number = "(503)555-1212"
email = "james@jones.example"
confirm_email = "james@jones.example"
password = "{password}"
confirm_password = "{password}"
secret_question_1 = "color of sky"
secret_answer_1 = "Blue"
agree = true
"#
            ),
        )
    }

    /// The seed's walkthrough: enroll 506675928, set up JAMJON as site administrator, sign in.
    pub fn with_admin(&self) -> String {
        self.init();
        let pin = self.enroll(
            "506675928",
            &npi(123456789),
            "Jones Family Therapy",
            "group",
        );
        let form = self.setup_form("JAMJON", ADMIN_PASSWORD);
        self.run_as(
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
                "--json",
            ],
            None,
        )
        .ok();
        self.login("admin", "JAMJON", ADMIN_PASSWORD);
        "506675928".to_string()
    }

    /// Runs raw SQL against the store (for tamper tests).
    pub fn sql(&self, sql: &str) {
        let c = rusqlite_free_exec(&self.db, sql);
        assert!(c, "sql failed: {sql}");
    }
}

fn rusqlite_free_exec(db: &Path, sql: &str) -> bool {
    match rusqlite::Connection::open(db) {
        Ok(c) => c.execute_batch(sql).is_ok(),
        Err(_) => false,
    }
}
