//! `mmis demo`: a sandbox store from the embedded fixtures, and a walk through the main job.
//!
//! Each area adds a step function here; a step runs real commands in-process through
//! [`Demo::run`], which prints the command line and its table, and returns its JSON.

use crate::cli::{Cli, DemoArgs};
use crate::commands::{dispatch, init, session};
use crate::context::{data_dir, Context};
use crate::domain::ids::HealthId;
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use crate::output::{self, Format, Output};
use crate::store::{OpenMode, Store};
use clap::Parser;
use serde::Deserialize;
use std::path::{Path, PathBuf};

pub const DEMO_TOML: &str = include_str!("../../fixtures/demo.toml");
pub const SETUP_FORM: &str = include_str!("../../fixtures/forms/account-setup.toml");
pub const CLERK_ADD_FORM: &str = include_str!("../../fixtures/forms/clerk-add.toml");
pub const ACCEPT_INVITE_FORM: &str = include_str!("../../fixtures/forms/accept-invite.toml");

#[derive(Deserialize)]
pub struct DemoFixture {
    pub operator: DemoOperator,
    pub provider: DemoProvider,
}

#[derive(Deserialize)]
pub struct DemoOperator {
    pub user_name: String,
    pub password: String,
}

#[derive(Deserialize)]
pub struct DemoProvider {
    pub provider_id: String,
    pub npi: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub tax_id: String,
    pub mail_to: String,
}

/// The running demo: its store, its folder (forms, actors' sessions) and what it printed.
pub struct Demo<'a> {
    pub base: &'a Context,
    pub db: PathBuf,
    pub dir: PathBuf,
    pub fixture: DemoFixture,
    /// The site administrator's user name and password (sandbox only).
    pub admin: (String, String),
    out: Box<dyn std::io::Write + 'a>,
    /// What the demo built, for `mmis demo --json` (a summary record).
    pub facts: serde_json::Map<String, serde_json::Value>,
}

impl<'a> Demo<'a> {
    /// A context acting as `actor` (own session folder) on the demo store.
    pub fn ctx(&self, actor: &str) -> Context {
        Context {
            db_path: self.db.clone(),
            db_given: true,
            state_dir: Some(self.dir.join(format!("sessions-{actor}"))),
            provider: None,
            format: Format::Table,
            format_given: false,
            config: self.base.config.clone(),
            clock: self.base.clock.clone(),
            ui: crate::context::Ui {
                stdin_tty: false,
                stderr_tty: false,
                color: false,
            },
            sandbox: Default::default(),
            mute_stdout: self.base.format != Format::Table,
        }
    }

    /// Prints a line of the walk-through; a closed stdout (`mmis demo | head -1`) stops the
    /// demo quietly (see [`output::term::stdout_closed`]).
    pub fn say(&mut self, text: &str) -> Result<()> {
        writeln!(self.out, "{text}").map_err(|e| {
            if output::term::note_write_error(&e) {
                output::term::closed_error()
            } else {
                Error::internal(format!("demo output: {e}"))
            }
        })
    }

    /// Records a fact for the `--json` summary.
    pub fn fact(&mut self, key: &str, value: impl Into<serde_json::Value>) {
        self.facts.insert(key.to_string(), value.into());
    }

    pub fn step(&mut self, title: &str) -> Result<()> {
        self.say(&format!("\n=== {title} ==="))
    }

    /// Runs `mmis ARGS` as `actor`, prints it with its table, returns its JSON.
    pub fn run(&mut self, actor: &str, args: &[&str]) -> Result<serde_json::Value> {
        let cli = Cli::try_parse_from(std::iter::once("mmis").chain(args.iter().copied()))
            .map_err(|e| Error::internal(format!("demo step `mmis {}`: {e}", args.join(" "))))?;
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                if a.contains(' ') {
                    format!("'{a}'")
                } else {
                    a.to_string()
                }
            })
            .collect();
        self.say(&format!("\n$ mmis {}    # as {actor}", shown.join(" ")))?;
        let ctx = self.ctx(actor);
        let result = match dispatch(&ctx, cli.command) {
            Ok(out) => out,
            Err(e) => {
                // A step that shows a secret writes to stdout itself: if that failed because
                // the reader went away, the next write says so, and the demo stops quietly.
                self.say("")?;
                return Err(e);
            }
        };
        let out = match result {
            // A secret shown once: already printed (as a table) before its commit.
            Output::Delivered(shown) => *shown,
            out => {
                let mut table = Vec::new();
                output::render(&out, Format::Table, &mut table)?;
                self.say(String::from_utf8_lossy(&table).trim_end())?;
                out
            }
        };
        Ok(match out {
            Output::Record { value, .. } => value,
            Output::Rows { value, .. } => serde_json::Value::Array(value),
            _ => serde_json::Value::Null,
        })
    }

    /// Signs `user` in as `actor` in the demo (no prompt, no stdin).
    pub fn login(&mut self, actor: &str, user: &str, password: &str) -> Result<()> {
        let store = Store::open(&self.db, OpenMode::Existing)?;
        let ctx = self.ctx(actor);
        let v = session::login_with(&ctx, &store, user, &Secret::new(password))?;
        self.say(&format!(
            "\n$ mmis login --username {user} --password-stdin    # as {actor}\nSigned in as {} ({}).",
            v.user_name, v.kind
        ))
    }

    /// Writes an embedded fixture into the demo folder and returns its path.
    pub fn file(&self, name: &str, text: &str) -> Result<PathBuf> {
        let p = self.dir.join(name);
        crate::output::files::write_now(&p, text.as_bytes(), true)?;
        Ok(p)
    }
}

fn remove_store_files(db: &Path) -> Result<()> {
    if crate::store::pg::is_url(&db.to_string_lossy()) {
        // A server demo store (check_replaceable said so): its tables go, the database stays.
        return match Store::open(db, OpenMode::Existing) {
            Ok(store) => store.drop_schema(),
            Err(_) => Ok(()),
        };
    }
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    Ok(())
}

/// Refuses to replace a named store unless an earlier demo made it.
fn check_replaceable(db: &Path) -> Result<()> {
    let on_server = crate::store::pg::is_url(&db.to_string_lossy());
    if !on_server && !db.exists() {
        return Ok(());
    }
    let opened = Store::open(db, OpenMode::Existing);
    if on_server {
        // An empty database is fine; an unreachable server is said as such.
        match &opened {
            Err(e) if e.message.contains("empty database") => return Ok(()),
            Err(e) if e.message.contains("cannot reach") => return Err(e.clone()),
            _ => {}
        }
    }
    let is_demo = opened
        .and_then(|s| {
            let tx = s.read()?;
            tx.meta_get("demo")
        })
        .map(|v| v.as_deref() == Some("1"))
        .unwrap_or(false);
    if is_demo {
        Ok(())
    } else {
        Err(Error::conflict(format!(
            "{} exists and is not a demo store; the demo replaces its store, so it will not use this one",
            db.display()
        ))
        .hint("run `mmis demo` without --db (it uses demo.db in the data folder), or name a new file"))
    }
}

pub fn cmd_demo(ctx: &Context, _args: &DemoArgs) -> Result<Output> {
    let db = if ctx.db_given {
        ctx.db_path.clone()
    } else {
        data_dir().join("demo.db")
    };
    check_replaceable(&db)?;
    remove_store_files(&db)?;
    let dir = if crate::store::pg::is_url(&db.to_string_lossy()) {
        data_dir().join("demo-server.files")
    } else {
        let mut p = db.as_os_str().to_owned();
        p.push(".files");
        PathBuf::from(p)
    };
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    crate::store::set_mode(&dir, 0o700);
    let fixture: DemoFixture = toml::from_str(DEMO_TOML)
        .map_err(|e| Error::internal(format!("fixtures/demo.toml: {}", e.message())))?;
    let setup: toml::Table = toml::from_str(SETUP_FORM).map_err(|e| {
        Error::internal(format!(
            "fixtures/forms/account-setup.toml: {}",
            e.message()
        ))
    })?;
    let admin_user = setup
        .get("user_name")
        .and_then(|v| v.as_str())
        .unwrap_or("JAMJON")
        .to_string();
    let admin_pw = setup
        .get("password")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    let mut demo = Demo {
        base: ctx,
        db: db.clone(),
        dir,
        fixture,
        admin: (admin_user, admin_pw),
        // With --json (or another script format) the walk-through is not printed: stdout
        // carries one summary record of what the demo built.
        out: if ctx.format == Format::Table {
            Box::new(std::io::stdout())
        } else {
            Box::new(std::io::sink())
        },
        facts: serde_json::Map::new(),
    };
    run_steps(&mut demo)?;
    if ctx.format == Format::Table {
        return Ok(Output::Nothing);
    }
    let mut summary = serde_json::Map::new();
    summary.insert("store".into(), demo.db.display().to_string().into());
    summary.insert("sandbox".into(), true.into());
    summary.insert("business_date".into(), ctx.clock.today_str().into());
    summary.insert(
        "operator".into(),
        serde_json::json!({
            "user_name": demo.fixture.operator.user_name,
            "password": demo.fixture.operator.password,
        }),
    );
    summary.insert(
        "site_admin".into(),
        serde_json::json!({ "user_name": demo.admin.0, "password": demo.admin.1 }),
    );
    summary.insert(
        "provider_id".into(),
        demo.fixture.provider.provider_id.clone().into(),
    );
    summary.insert("npi".into(), demo.fixture.provider.npi.clone().into());
    summary.extend(std::mem::take(&mut demo.facts));
    summary.insert("files".into(), demo.dir.display().to_string().into());
    Ok(Output::record(serde_json::Value::Object(summary)))
}

fn run_steps(d: &mut Demo<'_>) -> Result<()> {
    d.say(&format!(
        "mmis demo — a sandbox of the Oregon MMIS Provider Web Portal (made-up data, no network).\nStore: {}\nBusiness date: {}",
        d.db.display(),
        d.base.clock.today_str()
    ))?;
    step_foundation(d)?;
    step_access(d)?;
    step_eligibility(d)?;
    step_claims(d)?;
    // Later areas add their steps here.
    step_finish(d)
}

/// The agency sets up the store and enrolls a provider; the owner sets the account up from the PIN letter.
fn step_foundation(d: &mut Demo<'_>) -> Result<()> {
    d.step("1. The agency creates the store and enrolls a practice (PIN letter)")?;
    let ops_user = d.fixture.operator.user_name.clone();
    let ops_pw = d.fixture.operator.password.clone();
    // The demo's store is always a sandbox, whether or not MMIS_TODAY is set.
    init::init_store(
        &d.ctx("operator"),
        &ops_user,
        &Secret::new(ops_pw.clone()),
        true,
    )?;
    {
        let store = Store::open(&d.db, OpenMode::Existing)?;
        let tx = store.write()?;
        tx.meta_set("demo", "1")?;
        tx.commit()?;
    }
    d.say(&format!("\n$ mmis init --username {ops_user} --password-stdin\nCreated the store with operator {ops_user}."))?;
    d.login("operator", &ops_user, &ops_pw)?;
    let p = &d.fixture.provider;
    let args: Vec<String> = vec![
        "ops".into(),
        "provider".into(),
        "enroll".into(),
        "--npi".into(),
        p.npi.clone(),
        "--name".into(),
        p.name.clone(),
        "--type".into(),
        p.kind.clone(),
        "--tax-id".into(),
        p.tax_id.clone(),
        "--mail-to".into(),
        p.mail_to.clone(),
        "--provider-id".into(),
        p.provider_id.clone(),
    ];
    let argv: Vec<&str> = args.iter().map(String::as_str).collect();
    let letter = d.run("operator", &argv)?;
    let pin = letter["pin"].as_str().unwrap_or_default().to_string();

    d.step("2. The practice owner sets the account up from the PIN letter and becomes site administrator")?;
    let form = d.file("account-setup.toml", SETUP_FORM)?;
    let form_s = form.display().to_string();
    let pid = d.fixture.provider.provider_id.clone();
    d.run(
        "owner",
        &[
            "account",
            "setup",
            "--login-id",
            &pid,
            "--pin",
            &pin,
            "--form",
            &form_s,
        ],
    )?;
    let (u, pw) = d.admin.clone();
    d.login("owner", &u, &pw)?;
    d.run("owner", &["whoami"])?;
    Ok(())
}

/// The owner delegates to a biller as a clerk with seed 000's working roles (never sharing a
/// login); the biller accepts the invitation with their own password. Later steps can act as
/// the signed-in actor "biller".
fn step_access(d: &mut Demo<'_>) -> Result<()> {
    d.step("3. The owner adds the biller as a clerk with only the roles the work needs")?;
    let form = d.file("clerk-add.toml", CLERK_ADD_FORM)?;
    let form_s = form.display().to_string();
    let added = d.run("owner", &["clerk", "add", "--form", &form_s])?;
    let code = added["invite_code"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let clerk = added["user_name"].as_str().unwrap_or_default().to_string();
    d.fact("clerk", clerk.clone());

    d.step("4. The biller accepts the invitation and sets their own password")?;
    let accept = d.file("accept-invite.toml", ACCEPT_INVITE_FORM)?;
    let accept_s = accept.display().to_string();
    d.run(
        "biller",
        &[
            "account",
            "accept-invite",
            "--code",
            &code,
            "--form",
            &accept_s,
        ],
    )?;
    let password: toml::Table = toml::from_str(ACCEPT_INVITE_FORM).map_err(|e| {
        Error::internal(format!(
            "fixtures/forms/accept-invite.toml: {}",
            e.message()
        ))
    })?;
    let pw = password
        .get("password")
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string();
    d.login("biller", &clerk, &pw)?;
    d.run("biller", &["whoami"])?;

    d.step("5. The access review: who has access, with which roles, and when they last signed in")?;
    d.run("owner", &["clerk", "list"])?;
    Ok(())
}

pub const MEMBERS_CSV: &str = include_str!("../../fixtures/members.csv");
pub const ROSTER_CSV: &str = include_str!("../../fixtures/roster.csv");

/// The agency loads members; the morning roster check shows where each claim goes.
fn step_eligibility(d: &mut Demo<'_>) -> Result<()> {
    d.step("6. The agency loads member eligibility (every lane: Open Card, CCOs, Health Share plan partners, CAWEM, Medicare)")?;
    let members = d.file("members.csv", MEMBERS_CSV)?.display().to_string();
    d.run("operator", &["ops", "member", "import", &members])?;

    d.step("7. The biller's morning roster check: eligible? which lane? where to bill?")?;
    let roster = d.file("roster.csv", ROSTER_CSV)?.display().to_string();
    d.run("biller", &["elig", "batch", &roster])?;

    d.step("8. One member in detail: a Health Share member's plan partner, and a lane change")?;
    d.run("biller", &["elig", "check", "--id", "HS300004"])?;
    let today = d.base.clock.today();
    let from = crate::domain::eligibility::window_start(today)
        .max(chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or(today))
        .min(today)
        .to_string();
    let to = today.to_string();
    d.run(
        "biller",
        &[
            "elig", "check", "--id", "LC400001", "--from", &from, "--to", &to,
        ],
    )?;
    Ok(())
}

pub const FEES_CSV: &str = include_str!("../../fixtures/fees.csv");
pub const CLAIM_FORM: &str = include_str!("../../fixtures/forms/claim.toml");

/// A fee schedule, a claim keyed on the portal, a payment cycle, the claim's status.
fn step_claims(d: &mut Demo<'_>) -> Result<()> {
    d.step(
        "9. Fee-for-service: the agency loads its fee schedule; the biller keys an Open Card claim",
    )?;
    let known = {
        let store = Store::open(&d.db, OpenMode::Existing)?;
        let tx = store.read()?;
        tx.member_by_health_id(&HealthId::parse("", "OC100001")?)?
            .is_some()
    };
    if !known {
        let members = d.file("members.csv", MEMBERS_CSV)?.display().to_string();
        d.run("operator", &["ops", "member", "import", &members])?;
    }
    let fees = d.file("fees.csv", FEES_CSV)?.display().to_string();
    d.run("operator", &["ops", "fee-schedule", "import", &fees])?;
    // The form's dates of service, moved to last week of the business date.
    let today = d.base.clock.today();
    let form_text = CLAIM_FORM
        .replace(
            "2026-03-10",
            &(today - chrono::Duration::days(6)).to_string(),
        )
        .replace(
            "2026-03-12",
            &(today - chrono::Duration::days(4)).to_string(),
        )
        .replace("1467589325", &d.fixture.provider.npi);
    let form = d.file("claim.toml", &form_text)?.display().to_string();
    let claim = d.run("biller", &["claim", "submit", "--form", &form])?;
    let icn = claim["icn"].as_str().unwrap_or_default().to_string();
    d.fact("claim_icn", icn.clone());

    d.step("10. The agency runs a payment cycle; the biller follows the claim")?;
    d.run("operator", &["ops", "claims", "adjudicate"])?;
    d.run("biller", &["claim", "status", &icn])?;
    Ok(())
}

fn step_finish(d: &mut Demo<'_>) -> Result<()> {
    d.step("Continue on your own")?;
    let (u, pw) = d.admin.clone();
    d.say(&format!(
        "The sandbox is ready. Sandbox credentials (made up; never use real ones here):\n  operator            {} / {}\n  site administrator  {u} / {pw}\n\n  export MMIS_DB={}\n  mmis login --username {u}\n  mmis whoami\n  mmis roles",
        d.fixture.operator.user_name,
        d.fixture.operator.password,
        d.db.display()
    ))
}
