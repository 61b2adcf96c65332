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

/// Arguments for every guarded command that pass clap and then fail fast (not found) once the
/// guard lets them in, with files that are valid for their command — so a refusal can only
/// come from the guard. The permission-matrix tests (sessions and tokens) share this one list;
/// a command missing here fails them.
pub struct MatrixArgs {
    roster: String,
    members: String,
    fees: String,
    claim: String,
    pa: String,
    pw_form: String,
    enroll_npi: String,
    anchor_out: String,
}

impl MatrixArgs {
    pub fn new(sb: &Sandbox) -> MatrixArgs {
        let f = |name: &str, body: &str| sb.write(name, body).to_str().unwrap().to_string();
        let roster = f("m-roster.csv", "health_id\nAB12CD34\n");
        let members = f(
            "m-members.csv",
            "health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner\nAB12CD34,DOE,JANE,1990-01-01,F,benefit,BMH,,2025-01-01,,\n",
        );
        let fees = f(
            "m-fees.csv",
            "procedure_code,modifier,description,max_allowable,pa_required\n97110,,Therapeutic exercise,25.00,false\n",
        );
        let claim = f(
            "m-claim.toml",
            &format!(
                "member_id = \"AB12CD34\"\nbilling_npi = \"{n}\"\nrendering_npi = \"{n}\"\ndiagnosis_codes = [\"F84.0\"]\nplace_of_service = \"11\"\n\n[[lines]]\nprocedure_code = \"97110\"\ndate_of_service = \"2026-03-10\"\nunits = 1\ncharge = \"30.00\"\n",
                n = npi(123456789)
            ),
        );
        let pa = f(
            "m-pa.toml",
            "kind = \"prior-auth\"\nmember_id = \"AB12CD34\"\ndiagnosis_codes = [\"F84.0\"]\nprocedure_codes = [\"97110\"]\nfrom = \"2026-03-16\"\nto = \"2026-06-16\"\nunits = 12\n",
        );
        let pw_form = f(
            "m-pw.toml",
            &format!("current_password = \"{ADMIN_PASSWORD}\"\nnew_password = \"x\"\nconfirm_new_password = \"x\"\n"),
        );
        let enroll_npi = npi(333333333);
        let anchor_out = sb.path("m-anchor.json").to_str().unwrap().to_string();
        MatrixArgs {
            roster,
            members,
            fees,
            claim,
            pa,
            pw_form,
            enroll_npi,
            anchor_out,
        }
    }

    /// The command's words and arguments; `None` for a command the list does not know.
    pub fn for_command(&self, cmd: &str) -> Option<Vec<String>> {
        let extra: Vec<&str> = match cmd {
            "whoami"
            | "info"
            | "providers"
            | "logout"
            | "token list"
            | "clerk list"
            | "audit log"
            | "audit verify"
            | "claim list"
            | "pa list"
            | "ops provider list"
            | "ops pin-requests"
            | "ops claims adjudicate"
            | "ops transfer list" => vec![],
            "account link" => vec!["--login-id", crate::access::A, "--pin", "Xy3Xy3Xy3"],
            "account switch-provider" => vec![crate::access::A],
            "account password change" => vec!["--form", &self.pw_form],
            "token create" => vec!["--name", "matrix", "--roles", "Claim Inquiry"],
            "token revoke" => vec!["no-such-token"],
            "audit anchor" => vec!["--out", &self.anchor_out],
            "clerk add" => vec!["--existing", "NOSUCH9", "--roles", "Claim Inquiry"],
            "clerk remove" | "clerk roles" | "clerk unlock" => vec!["NOSUCH9"],
            "clerk search" => vec!["--username", "NOSUCH9"],
            "elig check" => vec!["--id", "AB12CD34"],
            "elig batch" => vec![&self.roster],
            "claim submit" => vec!["--form", &self.claim],
            "claim status" | "claim void" => vec!["1234567890123"],
            "claim export" => vec!["1234567890123", "--x12"],
            "pa submit" => vec!["--form", &self.pa],
            "pa inquire" => vec!["1234567890"],
            "pa cancel" => vec!["1234567890"],
            "ops provider enroll" => {
                vec![
                    "--npi",
                    &self.enroll_npi,
                    "--name",
                    "Matrix",
                    "--type",
                    "group",
                ]
            }
            "ops provider pin-reissue" => vec!["999999"],
            "ops member import" => vec![&self.members],
            "ops fee-schedule import" => vec![&self.fees],
            "ops pa decide" => vec!["1234567890", "--approve"],
            "ops transfer approve" => vec!["TR-999999"],
            "ops transfer reject" => vec!["TR-999999", "--reason", "matrix"],
            "ops user unlock" => vec!["NOSUCH9"],
            _ => return None,
        };
        let mut v: Vec<String> = cmd.split(' ').map(str::to_string).collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        Some(v)
    }
}
