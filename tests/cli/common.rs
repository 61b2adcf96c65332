//! The sandbox: a temporary store and XDG folders, a pinned business date, actors with
//! their own session folders, and helpers that run the real binary.

#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::ffi::OsString;
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
    /// The SQLite store's file. Under `MMIS_TEST_DB=postgres` the store is `pg` instead and
    /// nothing is at this path: tests that touch the file are SQLite-only ([`sqlite_only`]).
    pub db: PathBuf,
    pub today: String,
    /// The sandbox's own PostgreSQL database (`MMIS_TEST_DB=postgres`), dropped with it.
    pub pg: Option<PgDb>,
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
    /// A fresh sandbox: a temporary folder, and an empty store on the backend under test
    /// (a file path that does not exist yet, or a new empty PostgreSQL database).
    pub fn new() -> Sandbox {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("mmis.db");
        Sandbox {
            dir,
            db,
            today: TODAY.to_string(),
            pg: PgDb::for_test(),
        }
    }

    /// What `MMIS_DB` is set to: the file path, or the database's URL.
    pub fn store(&self) -> OsString {
        match &self.pg {
            Some(pg) => OsString::from(&pg.url),
            None => self.db.clone().into_os_string(),
        }
    }

    /// The store as mmis names it (`mmis info`'s `store`).
    pub fn store_display(&self) -> String {
        match &self.pg {
            Some(pg) => pg.url.clone(),
            None => self.db.display().to_string(),
        }
    }

    /// Whether anything of a store is there yet: the file, or any table in the database.
    pub fn store_exists(&self) -> bool {
        match &self.pg {
            Some(_) => self.count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") > 0,
            None => self.db.exists(),
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
            .env("MMIS_DB", self.store())
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

    /// Runs raw SQL against the store (for tamper tests), on whichever backend the suite runs:
    /// write SQL both accept, or use [`Sandbox::sql_each`].
    #[track_caller]
    pub fn sql(&self, sql: &str) {
        if let Err(e) = self.try_sql(sql) {
            panic!("sql failed: {sql}\n{e}");
        }
    }

    /// [`Sandbox::sql`] with a text for each backend (PRAGMAs, DROP TRIGGER ... ON, ...).
    #[track_caller]
    pub fn sql_each(&self, sqlite: &str, postgres: &str) {
        self.sql(if self.pg.is_some() { postgres } else { sqlite });
    }

    /// Runs raw SQL and reports whether the store took it (for refusals: triggers, CHECKs).
    pub fn try_sql(&self, sql: &str) -> Result<(), String> {
        match &self.pg {
            Some(pg) => pg.client().batch_execute(sql).map_err(|e| pg_error(&e)),
            None => rusqlite::Connection::open(&self.db)
                .and_then(|c| c.execute_batch(sql))
                .map_err(|e| e.to_string()),
        }
    }

    /// The rows of a query on the store, every value as text (NULL as None), on either backend.
    #[track_caller]
    pub fn rows(&self, sql: &str) -> Vec<Vec<Option<String>>> {
        match &self.pg {
            Some(pg) => {
                let rows = pg
                    .client()
                    .query(sql, &[])
                    .unwrap_or_else(|e| panic!("query failed: {sql}\n{}", pg_error(&e)));
                rows.iter().map(pg_row_text).collect()
            }
            None => {
                let c = rusqlite::Connection::open(&self.db).expect("open the store");
                let mut st = c
                    .prepare(sql)
                    .unwrap_or_else(|e| panic!("query failed: {sql}\n{e}"));
                let n = st.column_count();
                let rows = st
                    .query_map([], |r| {
                        (0..n)
                            .map(|i| r.get_ref(i).map(sqlite_text))
                            .collect::<rusqlite::Result<Vec<_>>>()
                    })
                    .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
                    .unwrap_or_else(|e| panic!("query failed: {sql}\n{e}"));
                rows
            }
        }
    }

    /// The first column of the query's only row, as text (panics on no row or NULL).
    #[track_caller]
    pub fn one(&self, sql: &str) -> String {
        let rows = self.rows(sql);
        assert_eq!(rows.len(), 1, "expected one row from {sql}: {rows:?}");
        rows[0][0]
            .clone()
            .unwrap_or_else(|| panic!("NULL from {sql}"))
    }

    /// A number the query computes (a count, an id).
    #[track_caller]
    pub fn count(&self, sql: &str) -> i64 {
        let v = self.one(sql);
        v.parse()
            .unwrap_or_else(|_| panic!("not a number from {sql}: {v}"))
    }
}

fn sqlite_text(v: rusqlite::types::ValueRef<'_>) -> Option<String> {
    use rusqlite::types::ValueRef as V;
    match v {
        V::Null => None,
        V::Integer(i) => Some(i.to_string()),
        V::Real(f) => Some(f.to_string()),
        V::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
        V::Blob(b) => Some(b.iter().map(|x| format!("{x:02x}")).collect()),
    }
}

fn pg_row_text(r: &postgres::Row) -> Vec<Option<String>> {
    use postgres::types::Type;
    (0..r.len())
        .map(|i| {
            let t = r.columns()[i].type_().clone();
            if t == Type::INT8 {
                r.get::<_, Option<i64>>(i).map(|v| v.to_string())
            } else if t == Type::INT4 {
                r.get::<_, Option<i32>>(i).map(|v| v.to_string())
            } else if t == Type::INT2 {
                r.get::<_, Option<i16>>(i).map(|v| v.to_string())
            } else if t == Type::BOOL {
                r.get::<_, Option<bool>>(i).map(|v| v.to_string())
            } else if t == Type::FLOAT8 {
                r.get::<_, Option<f64>>(i).map(|v| v.to_string())
            } else {
                r.get::<_, Option<String>>(i)
            }
        })
        .collect()
}

// ---------------------------------------------------------------- backends

/// The store backend the suite runs on: `MMIS_TEST_DB=postgres` (scripts/test's second
/// half) or SQLite (unset, `sqlite`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub fn backend() -> Backend {
    match std::env::var("MMIS_TEST_DB").as_deref() {
        Err(_) | Ok("") | Ok("sqlite") => Backend::Sqlite,
        Ok("postgres") | Ok("postgresql") => {
            if pg_base().is_some() {
                Backend::Postgres
            } else {
                Backend::Sqlite
            }
        }
        Ok(other) => panic!("MMIS_TEST_DB={other:?}: expected sqlite or postgres"),
    }
}

/// Whether the suite runs on PostgreSQL (and so every Sandbox's store is a database).
pub fn on_postgres() -> bool {
    backend() == Backend::Postgres
}

/// `mmis info`'s `store_kind` for the backend under test.
pub fn store_kind() -> &'static str {
    match backend() {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

/// For a test (or the part of one) that only means something on SQLite — file modes of the
/// store, a full disk via `MMIS_MAX_PAGE_COUNT`, the file's header: true (with a notice
/// naming `why`) when the suite runs on PostgreSQL, so the caller returns early:
/// `if sqlite_only("why") { return; }`.
pub fn sqlite_only(why: &str) -> bool {
    if on_postgres() {
        eprintln!("notice: SQLite-only, skipped on PostgreSQL: {why}");
        return true;
    }
    false
}

/// For a test that only means something on PostgreSQL (a twin of a SQLite-file test).
pub fn postgres_only(why: &str) -> bool {
    if !on_postgres() {
        eprintln!("notice: PostgreSQL-only, skipped on SQLite: {why}");
        return true;
    }
    false
}

/// The server for `MMIS_TEST_DB=postgres`: `MMIS_TEST_PG`, a libpq-style base URL without a
/// database name (scripts/test sets it: its throwaway cluster's Unix socket). Missing: under
/// CI=true the run fails; elsewhere a notice, and the suite runs on SQLite.
fn pg_base() -> Option<String> {
    static BASE: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    BASE.get_or_init(|| match std::env::var("MMIS_TEST_PG") {
        Ok(v) if !v.trim().is_empty() => Some(v.trim().to_string()),
        _ => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("CI=true and MMIS_TEST_DB=postgres but MMIS_TEST_PG is not set (run scripts/test)");
            }
            eprintln!(
                "notice: MMIS_TEST_DB=postgres but MMIS_TEST_PG is not set (scripts/test sets it); \
                 the PostgreSQL run is skipped and these tests run on SQLite"
            );
            None
        }
    })
    .clone()
}

/// `DROP TRIGGER IF EXISTS name;` for a trigger on `audit_log`, as the backend spells it.
pub fn drop_audit_trigger(name: &str) -> String {
    if on_postgres() {
        format!("DROP TRIGGER IF EXISTS {name} ON audit_log;")
    } else {
        format!("DROP TRIGGER IF EXISTS {name};")
    }
}

/// What every test database's URL starts with, when the suite runs on PostgreSQL (the base
/// URL and `mmis_t_`): how tests recognise a store's name in an output.
pub fn pg_test_url_prefix() -> Option<String> {
    if !on_postgres() {
        return None;
    }
    let base = pg_base()?;
    Some(pg_url(base.split('?').next().unwrap_or(&base), "mmis_t_"))
}

/// `base` (…/ or …/?query) with a database name put in.
pub fn pg_url(base: &str, db: &str) -> String {
    let (head, query) = match base.split_once('?') {
        Some((h, q)) => (h, Some(q)),
        None => (base, None),
    };
    let mut url = head.to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    url.push_str(db);
    if let Some(q) = query {
        url.push('?');
        url.push_str(q);
    }
    url
}

fn pg_error(e: &postgres::Error) -> String {
    match e.as_db_error() {
        Some(d) => format!("{}: {}", d.code().code(), d.message()),
        None => e.to_string(),
    }
}

/// A database of its own on the test server, created empty and dropped (with anything still
/// connected to it) when the value is dropped.
pub struct PgDb {
    /// `mmis_t_` and 16 hex digits.
    pub name: String,
    /// Its URL: what `MMIS_DB` is set to.
    pub url: String,
    base: String,
}

impl PgDb {
    /// A new empty database when the suite runs on PostgreSQL; None on SQLite.
    pub fn for_test() -> Option<PgDb> {
        if !on_postgres() {
            return None;
        }
        Some(PgDb::create(&pg_base()?))
    }

    pub fn create(base: &str) -> PgDb {
        let name = format!("mmis_t_{:016x}", rand::random::<u64>());
        let mut admin = pg_connect(&pg_url(base, "postgres"));
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {}", pg_error(&e)));
        PgDb {
            url: pg_url(base, &name),
            name,
            base: base.to_string(),
        }
    }

    /// A connection to this database (no TLS: the test server's socket or loopback).
    pub fn client(&self) -> postgres::Client {
        pg_connect(&self.url)
    }
}

fn pg_connect(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("cannot connect to the test server ({url}): {e}"))
}

impl Drop for PgDb {
    fn drop(&mut self) {
        let dropped = postgres::Client::connect(&pg_url(&self.base, "postgres"), postgres::NoTls)
            .and_then(|mut c| {
                c.batch_execute(&format!(
                    "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                    self.name
                ))
            });
        if let Err(e) = dropped {
            eprintln!(
                "notice: could not drop the test database {}: {e}",
                self.name
            );
        }
    }
}

/// A fresh store location for a test that runs mmis without a Sandbox (the tours): the
/// value for `MMIS_DB` (`file` on SQLite, a new database's URL on PostgreSQL) and the
/// database to keep alive while it runs.
pub fn fresh_store(file: &Path) -> (OsString, Option<PgDb>) {
    match PgDb::for_test() {
        Some(pg) => (OsString::from(&pg.url), Some(pg)),
        None => (file.as_os_str().to_owned(), None),
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
    remit: String,
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
        // A valid 835 that names no claim of anyone's.
        let remit = f(
            "m-remit.835",
            "ISA*00*          *00*          *ZZ*ORMMIS         *ZZ*MATRIX         *260316*1200*^*00501*000000001*0*T*:~GS*HP*ORMMIS*MATRIX*20260316*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON************20260316~TRN*1*RA-MATRIX*1930000000~N1*PR*OREGON HEALTH AUTHORITY~N1*PE*MATRIX~SE*6*0001~GE*1*1~IEA*1*000000001~",
        );
        MatrixArgs {
            roster,
            members,
            fees,
            claim,
            pa,
            pw_form,
            enroll_npi,
            anchor_out,
            remit,
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
            "claim replace" => vec!["1234567890123", "--form", &self.claim],
            "remit list" => vec![],
            "remit show" => vec!["RA00000001"],
            "remit export" => vec!["RA00000001", "--x12"],
            "pa submit" => vec!["--form", &self.pa],
            "remit post" => vec![&self.remit],
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
            // A target in a folder that does not exist: refused (exit 6) once let in.
            "store copy" => vec!["--to", "/nonexistent-mmis-folder/copy.db"],
            "store backup" => vec!["/nonexistent-mmis-folder/backup.db"],
            _ => return None,
        };
        let mut v: Vec<String> = cmd.split(' ').map(str::to_string).collect();
        v.extend(extra.iter().map(|s| s.to_string()));
        Some(v)
    }
}

/// A PostgreSQL server for a test that needs one whichever backend the suite runs on
/// (`store copy` between the backends): `MMIS_TEST_PG`. Missing: a notice and None (the
/// caller returns), except under CI=true, where it fails.
pub fn pg_server(why: &str) -> Option<String> {
    match std::env::var("MMIS_TEST_PG") {
        Ok(v) if !v.trim().is_empty() => Some(v.trim().to_string()),
        _ => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("CI=true but MMIS_TEST_PG is not set (run scripts/test): {why}");
            }
            eprintln!("notice: no PostgreSQL server (MMIS_TEST_PG), skipped: {why}");
            None
        }
    }
}
