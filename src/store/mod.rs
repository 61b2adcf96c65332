//! The only place that speaks SQL. Commands see `Store`, `Tx` and plain row structs.

mod audit;
pub mod claims;
mod copy;
pub mod db;
mod invitations;
mod members;
mod memberships;
pub mod pa;
pub mod pg;
pub mod postings;
mod providers;
pub mod remits;
mod sessions;
mod transfers;
mod typed;
pub mod users;

pub use audit::{AuditEntry, AuditFilter, AuditRow, BadEntry, Checkpoint, VerifyReport};
pub use invitations::InvitationRow;
pub use members::{BulkInsert, Hit, Listed, MemberRow, NewMember, NewSpan};
pub use memberships::MembershipRow;
pub use providers::{PinRow, ProviderRow};
pub use sessions::{SessionRow, TokenRow};
pub use transfers::TransferRow;
pub use users::{NewUser, UserRow};

use crate::error::{Error, Kind, Result};
use crate::params;
pub use db::{Backend, Cell, Conn, DbError, FromCell, Param, Row, RowResult, Val};
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of an mmis store: "MMIS" in ASCII.
pub const APPLICATION_ID: i32 = 0x4D4D_4953;

/// Migrations in order; `user_version` is how many have been applied.
const MIGRATIONS: &[(&str, &str)] = &[
    ("001_core", include_str!("migrations/001_core.sql")),
    ("002_members", include_str!("migrations/002_members.sql")),
    ("003_claims", include_str!("migrations/003_claims.sql")),
    (
        "004_session_limits",
        include_str!("migrations/004_session_limits.sql"),
    ),
    (
        "005_token_admin",
        include_str!("migrations/005_token_admin.sql"),
    ),
    (
        "006_user_lock",
        include_str!("migrations/006_user_lock.sql"),
    ),
    ("007_remits", include_str!("migrations/007_remits.sql")),
    ("008_postings", include_str!("migrations/008_postings.sql")),
    (
        "009_claim_corrections",
        include_str!("migrations/009_claim_corrections.sql"),
    ),
    (
        "010_cycle_storage",
        include_str!("migrations/010_cycle_storage.sql"),
    ),
    (
        "011_line_outcomes",
        include_str!("migrations/011_line_outcomes.sql"),
    ),
    (
        "012_name_index_ascii",
        include_str!("migrations/012_name_index_ascii.sql"),
    ),
];

/// The same migrations for PostgreSQL (`migrations/pg/`), changed together with the above;
/// `meta.schema_version` is how many have been applied.
const PG_MIGRATIONS: &[(&str, &str)] = &[
    ("001_core", include_str!("migrations/pg/001_core.sql")),
    ("002_members", include_str!("migrations/pg/002_members.sql")),
    ("003_claims", include_str!("migrations/pg/003_claims.sql")),
    (
        "004_session_limits",
        include_str!("migrations/pg/004_session_limits.sql"),
    ),
    (
        "005_token_admin",
        include_str!("migrations/pg/005_token_admin.sql"),
    ),
    (
        "006_user_lock",
        include_str!("migrations/pg/006_user_lock.sql"),
    ),
    ("007_remits", include_str!("migrations/pg/007_remits.sql")),
    (
        "008_postings",
        include_str!("migrations/pg/008_postings.sql"),
    ),
    (
        "009_claim_corrections",
        include_str!("migrations/pg/009_claim_corrections.sql"),
    ),
    (
        "010_cycle_storage",
        include_str!("migrations/pg/010_cycle_storage.sql"),
    ),
    (
        "011_line_outcomes",
        include_str!("migrations/pg/011_line_outcomes.sql"),
    ),
    (
        "012_name_index_ascii",
        include_str!("migrations/pg/012_name_index_ascii.sql"),
    ),
];

/// The `meta` key that marks a sandbox store ('1') or a live one ('0', or no row).
pub const SANDBOX_KEY: &str = "sandbox";
const SANDBOX_SQL: &str =
    "SELECT count(*) FROM meta WHERE key IN ('sandbox', 'demo') AND value = '1'";

pub fn schema_version() -> i32 {
    MIGRATIONS.len() as i32
}

/// How to open the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// The store must already exist and be initialised.
    Existing,
    /// Create the file when missing (`init`, `demo`).
    Create,
}

pub struct Store {
    conn: Conn,
    /// The store's name in messages: a file path, or a server URL without its password.
    path: PathBuf,
}

/// A transaction: a read snapshot ([`Store::read`]) or the write lock ([`Store::write`]).
/// Dropping it without `commit` rolls back.
pub struct Tx<'a> {
    store: &'a Store,
    done: std::cell::Cell<bool>,
    /// Written by this transaction, remembered so that the next write needs no read
    /// first: see [`TxMemo`].
    memo: std::cell::RefCell<TxMemo>,
}

/// What a write transaction remembers of its own writes. A batch of thousands of claims
/// appends an audit entry and takes an ICN for each: the chain head and the counter it
/// wrote last are known without asking the store again.
#[derive(Default)]
pub(crate) struct TxMemo {
    /// The audit entry this transaction appended last (id, hash), when it holds the
    /// highest id in the log; and whether `meta.audit_head` still needs to say so (it is
    /// written once, before the transaction commits or anything reads it).
    pub(crate) audit_head: Option<(i64, String)>,
    pub(crate) audit_head_unsaved: bool,
    /// The counter this transaction took a number from last, and that number.
    pub(crate) sequence: Option<(String, i64)>,
}

pub(crate) fn sql_err(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| map_sql_error(path, e)
}

/// Maps SQLite failures onto our kinds: anything about the file itself is exit 8.
pub(crate) fn map_sql_error(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    let p = path.display();
    if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
        let detail = msg.clone().unwrap_or_default();
        return match f.code {
            C::DiskFull => Error::store(format!("the store {p} is full; nothing was saved"))
                .hint("free disk space (or raise MMIS_MAX_PAGE_COUNT) and run the command again"),
            C::ReadOnly => Error::store(format!("the store {p} is read-only; nothing was saved"))
                .hint("check the file's and its folder's permissions"),
            C::NotADatabase | C::DatabaseCorrupt => Error::store(format!(
                "{p} is not a usable mmis store (not a database, or corrupt)"
            )),
            C::CannotOpen => Error::store(format!("cannot open the store {p}; nothing was saved"))
                .hint("check that the folder exists and is writable"),
            C::DatabaseBusy | C::DatabaseLocked => {
                Error::store(format!("the store {p} stayed busy; nothing was saved"))
                    .hint("another mmis process held the store too long; run the command again")
            }
            C::PermissionDenied | C::SystemIoFailure => {
                Error::store(format!("cannot read or write the store {p}: {detail}"))
            }
            _ => Error::internal(format!("store error: {e}")),
        };
    }
    Error::internal(format!("store error: {e}"))
}

/// The advisory lock every PostgreSQL write transaction takes first: writers go one at a
/// time, as on SQLite (docs/store.md, "Concurrency").
const PG_WRITE_LOCK: i64 = APPLICATION_ID as i64;

impl Store {
    /// Opens (or creates) the store named by `path` — a SQLite file, or a `postgresql://`
    /// URL — checks it is ours, migrates it.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
        let name = path.to_string_lossy();
        if pg::is_url(&name) {
            return Store::open_pg(&name, mode);
        }
        let exists = path.exists();
        if !exists && mode == OpenMode::Existing {
            return Err(
                Error::store(format!("no mmis store at {}", path.display())).hint(
                    "create one with `mmis init --username NAME` (or `mmis demo` for a sandbox)",
                ),
            );
        }
        if exists {
            check_header(path)?;
        } else {
            create_private_file(path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | OpenFlags::SQLITE_OPEN_URI;
        let conn = Connection::open_with_flags(path, flags).map_err(sql_err(path))?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sql_err(path))?;
        conn.set_prepared_statement_cache_capacity(64);
        if !exists {
            // 16 KiB pages (SQLite's default is 4 KiB): a batch sweeping the members in
            // Health ID order reads a quarter as many pages, measured ~10% faster for a
            // 270 of 10,000 inquiries. Only a new, empty file takes a page size.
            conn.execute_batch("PRAGMA page_size = 16384;")
                .map_err(sql_err(path))?;
        }
        // `rarray(?)`: a list bound as one parameter (batch lookups by Health ID).
        rusqlite::vtab::array::load_module(&conn).map_err(sql_err(path))?;
        let store = Store {
            conn: Conn::sqlite(conn, path.display().to_string()),
            path: path.to_path_buf(),
        };
        store.check_identity(mode)?;
        store.set_pragmas()?;
        store.migrate()?;
        Ok(store)
    }

    fn open_pg(url: &str, mode: OpenMode) -> Result<Store> {
        let target = pg::Target::parse(url)?;
        let client = target.connect()?;
        let store = Store {
            conn: Conn::postgres(client, target.location.clone()),
            path: PathBuf::from(&target.location),
        };
        // A writer waits for the lock as long as SQLite's busy timeout, then exit 8.
        store
            .conn
            .batch("SET lock_timeout = '30s'; SET client_min_messages = warning;")?;
        let version = store.pg_identity(mode)?;
        if version < schema_version() as i64 {
            store.migrate_pg()?;
        }
        Ok(store)
    }

    /// The schema version of a PostgreSQL store, refusing a database that is not ours.
    fn pg_identity(&self, mode: OpenMode) -> Result<i64> {
        let tables: i64 = self.conn.value(
            "SELECT count(*) FROM pg_catalog.pg_tables WHERE schemaname = current_schema()",
            params![],
        )?;
        if tables == 0 {
            if mode == OpenMode::Create {
                return Ok(0);
            }
            return Err(Error::store(format!(
                "{} is an empty database, not an initialised mmis store",
                self.path.display()
            ))
            .hint("create the store with `mmis init --username NAME`"));
        }
        let app: Option<String> = if self
            .conn
            .value::<Option<String>>("SELECT CAST(to_regclass('meta') AS TEXT)", params![])?
            .is_some()
        {
            self.conn.query_opt(
                "SELECT value FROM meta WHERE key = 'application'",
                params![],
                |r| r.get(0),
            )?
        } else {
            None
        };
        if app.as_deref() != Some("mmis") {
            return Err(Error::store(format!(
                "the database {} does not belong to mmis (it holds other tables); it was left untouched",
                self.path.display()
            ))
            .hint("point MMIS_DB at an mmis store, or at an empty database to create one with `mmis init`"));
        }
        let v: i64 = self
            .conn
            .query_opt(
                "SELECT value FROM meta WHERE key = 'schema_version'",
                params![],
                |r| r.get::<String>(0),
            )?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        if v > i64::from(schema_version()) {
            return Err(Error::store(format!(
                "the store {} has schema version {v}, newer than this mmis understands ({})",
                self.path.display(),
                schema_version()
            ))
            .hint("upgrade mmis; the store was left untouched"));
        }
        Ok(v)
    }

    fn migrate_pg(&self) -> Result<()> {
        let tx = self.write()?;
        // Another process may have migrated while we waited for the lock.
        let current = self.pg_identity(OpenMode::Create)? as usize;
        for (name, sql) in PG_MIGRATIONS.iter().skip(current) {
            self.conn.batch(sql).map_err(|mut err| {
                if err.kind == Kind::Internal {
                    err.message = format!("migration {name} failed: {}", err.message);
                }
                err
            })?;
        }
        for (k, v) in [
            ("application", "mmis".to_string()),
            ("schema_version", PG_MIGRATIONS.len().to_string()),
        ] {
            tx.meta_set(k, &v)?;
        }
        tx.commit()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Which engine holds this store.
    pub fn backend(&self) -> Backend {
        self.conn.backend()
    }

    /// Statement journals (each statement's copy of the pages it changes, kept so that a
    /// statement failing part-way inside a longer transaction can be undone) kept in memory
    /// rather than spilled to a temporary file past 64 KiB: a batch of many INSERTs in one
    /// transaction writes every changed page there first. Each journal lives only until its
    /// statement ends, so memory stays bounded by one statement's pages. SQLite only
    /// (this connection's temporary storage); SQLite fixes it when a transaction begins, so
    /// call it before [`Store::write`].
    pub fn journals_in_memory(&self) -> Result<()> {
        match self.backend() {
            Backend::Sqlite => self.conn.batch("PRAGMA temp_store = MEMORY;"),
            Backend::Postgres => Ok(()),
        }
    }

    #[allow(dead_code)]
    pub(crate) fn conn(&self) -> &Conn {
        &self.conn
    }

    /// The store's schema version (the migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        match self.backend() {
            Backend::Sqlite => self.pragma_i64("user_version"),
            Backend::Postgres => self.pg_identity(OpenMode::Existing),
        }
    }

    fn pragma_i64(&self, name: &str) -> Result<i64> {
        self.conn.value(&format!("PRAGMA {name}"), params![])
    }

    /// Refuses a SQLite file that belongs to someone else, before anything is written to it.
    fn check_identity(&self, mode: OpenMode) -> Result<()> {
        let app_id = self.pragma_i64("application_id")?;
        let tables: i64 = self
            .conn
            .value("SELECT count(*) FROM sqlite_schema", params![])?;
        if app_id == i64::from(APPLICATION_ID) {
            let v = self.pragma_i64("user_version")?;
            if v > i64::from(schema_version()) {
                return Err(Error::store(format!(
                    "the store {} has schema version {v}, newer than this mmis understands ({})",
                    self.path.display(),
                    schema_version()
                ))
                .hint("upgrade mmis; the store was left untouched"));
            }
            return Ok(());
        }
        if app_id == 0 && tables == 0 && mode == OpenMode::Create {
            return Ok(());
        }
        if app_id == 0 && tables == 0 {
            return Err(Error::store(format!(
                "{} is an empty database, not an initialised mmis store",
                self.path.display()
            ))
            .hint("create the store with `mmis init --username NAME`"));
        }
        Err(Error::store(format!(
            "{} is a SQLite database that does not belong to mmis (application_id {app_id}); it was left untouched",
            self.path.display()
        ))
        .hint("point --db (or MMIS_DB) at an mmis store"))
    }

    fn set_pragmas(&self) -> Result<()> {
        let mode: String = self.conn.value("PRAGMA journal_mode=WAL", params![])?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::store(format!(
                "cannot switch the store {} to WAL mode (it stays {mode})",
                self.path.display()
            ))
            .hint("check that the store's folder is writable"));
        }
        self.conn
            .batch("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;")?;
        if let Ok(v) = std::env::var("MMIS_MAX_PAGE_COUNT") {
            let n: u64 = v.trim().parse().map_err(|_| {
                Error::invalid(format!(
                    "MMIS_MAX_PAGE_COUNT must be a whole number, got {v:?}"
                ))
            })?;
            let _: i64 = self
                .conn
                .value(&format!("PRAGMA max_page_count={n}"), params![])?;
        }
        Ok(())
    }

    fn migrate(&self) -> Result<()> {
        let current = self.pragma_i64("user_version")? as usize;
        if current >= MIGRATIONS.len() {
            return Ok(());
        }
        let tx = self.write()?;
        // Another process may have migrated while we waited for the lock.
        let current = self.pragma_i64("user_version")? as usize;
        for (name, sql) in MIGRATIONS.iter().skip(current) {
            self.conn.batch(sql).map_err(|mut err| {
                if err.kind == Kind::Internal {
                    err.message = format!("migration {name} failed: {}", err.message);
                }
                err
            })?;
        }
        self.conn.batch(&format!(
            "PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={};",
            MIGRATIONS.len()
        ))?;
        tx.commit()
    }

    /// A read transaction: a consistent snapshot, no write lock, and no write (SQLite
    /// `BEGIN DEFERRED` under `PRAGMA query_only`; PostgreSQL `REPEATABLE READ READ ONLY`).
    /// A snapshot that wrote would take the write lock, or fail with SQLITE_BUSY_SNAPSHOT.
    pub fn read(&self) -> Result<Tx<'_>> {
        self.conn.batch(match self.backend() {
            Backend::Sqlite => "PRAGMA query_only = 1; BEGIN DEFERRED",
            Backend::Postgres => "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
        })?;
        Ok(Tx {
            store: self,
            done: std::cell::Cell::new(false),
            memo: Default::default(),
        })
    }

    /// Takes `n` X12 interchange control numbers of the series kept under `key` in `meta`
    /// (1 to 999,999,999, wrapping), in a short write transaction of its own, so that the
    /// answering that follows holds no lock and no two answers share a number (a command
    /// that then fails leaves a gap, which X12 allows). Returns the number before the first.
    pub fn take_controls(&self, key: &str, n: usize) -> Result<u32> {
        let w = self.write()?;
        let last = w
            .meta_get(key)?
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(0);
        let taken = (0..n).fold(last, |c, _| c % 999_999_999 + 1);
        w.meta_set(key, &taken.to_string())?;
        w.commit()?;
        Ok(last)
    }

    /// The one way to change the store: the write lock (SQLite `BEGIN IMMEDIATE`;
    /// PostgreSQL a transaction that takes the store's advisory lock first), then `commit()`.
    pub fn write(&self) -> Result<Tx<'_>> {
        match self.backend() {
            Backend::Sqlite => self.conn.batch("PRAGMA query_only = 0; BEGIN IMMEDIATE")?,
            Backend::Postgres => {
                self.conn.batch("BEGIN ISOLATION LEVEL READ COMMITTED")?;
                let tx = Tx {
                    store: self,
                    done: std::cell::Cell::new(false),
                    memo: Default::default(),
                };
                self.conn
                    .execute("SELECT pg_advisory_xact_lock(?1)", params![PG_WRITE_LOCK])?;
                return Ok(tx);
            }
        }
        Ok(Tx {
            store: self,
            done: std::cell::Cell::new(false),
            memo: Default::default(),
        })
    }

    /// Whether this is a sandbox store (docs/config.md): `meta.sandbox = '1'`, recorded when the
    /// store was made (`init --sandbox`, `init` while `MMIS_TODAY` was set, `mmis demo`), or a
    /// demo store from before the flag. A store without the flag is live.
    pub fn is_sandbox(&self) -> Result<bool> {
        self.conn
            .value::<i64>(SANDBOX_SQL, params![])
            .map(|n| n > 0)
    }

    pub fn integrity_ok(&self) -> Result<bool> {
        match self.backend() {
            Backend::Sqlite => {
                let s: String = self.conn.value("PRAGMA integrity_check", params![])?;
                Ok(s == "ok")
            }
            // The server keeps its own pages whole (checksums, WAL); nothing to ask here.
            Backend::Postgres => Ok(true),
        }
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if !self.done.get() {
            let _ = self.store.conn.batch("ROLLBACK");
        }
    }
}

impl<'a> Tx<'a> {
    pub fn commit(self) -> Result<()> {
        self.save_audit_head()?;
        self.done.set(true);
        self.store.conn.batch("COMMIT")
    }

    /// The connection this transaction runs on.
    pub(crate) fn db(&self) -> &Conn {
        &self.store.conn
    }

    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    pub fn meta_get(&self, key: &str) -> Result<Option<String>> {
        if key == "audit_head" {
            self.save_audit_head()?;
        }
        self.db()
            .query_opt("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
                r.get(0)
            })
    }

    /// See [`Store::is_sandbox`].
    pub fn is_sandbox(&self) -> Result<bool> {
        self.db()
            .value::<i64>(SANDBOX_SQL, params![])
            .map(|n| n > 0)
    }

    pub fn meta_set(&self, key: &str, value: &str) -> Result<()> {
        self.db().execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    // A store is a regular file (through a symlink, as the user may keep it): a FIFO would
    // block the read below for ever, a device or a folder is no store.
    let meta = std::fs::metadata(path)
        .map_err(|e| Error::store(format!("cannot read the store {}: {e}", path.display())))?;
    if let Some(what) = crate::output::files::refused_kind(&meta.file_type()) {
        return Err(Error::store(format!(
            "{} is {what}, not an mmis store; it was left untouched",
            path.display()
        ))
        .hint("point --db (or MMIS_DB) at an mmis store's file, or create one with `mmis init`"));
    }
    let mut f = std::fs::File::open(path)
        .map_err(|e| Error::store(format!("cannot read the store {}: {e}", path.display())))?;
    let mut head = [0u8; 16];
    let n = f
        .read(&mut head)
        .map_err(|e| Error::store(format!("cannot read the store {}: {e}", path.display())))?;
    if n == 0 {
        return Ok(()); // an empty file: SQLite treats it as a new database
    }
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(Error::store(format!(
            "{} is not an mmis store (not a SQLite database); it was left untouched",
            path.display()
        ))
        .hint("point --db (or MMIS_DB) at an mmis store, or create one with `mmis init`"));
    }
    Ok(())
}

fn create_private_file(path: &Path) -> Result<()> {
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() && !dir.exists() {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::store(format!("cannot create the folder {}: {e}", dir.display()))
            })?;
            set_mode(dir, 0o700);
        }
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    opts.open(path)
        .map_err(|e| Error::store(format!("cannot create the store {}: {e}", path.display())))?;
    Ok(())
}

pub(crate) fn set_mode(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    {
        let _ = (path, mode);
    }
}

/// The first `n` bytes of a digest, in hex.
pub fn hex_prefix(bytes: &[u8], n: usize) -> String {
    audit::hex(&bytes[..n.min(bytes.len())])
}

/// SHA-256 in hex: how sessions, tokens and invitation codes are stored.
pub fn sha256_hex(s: &str) -> String {
    use sha2::{Digest, Sha256};
    audit::hex(&Sha256::digest(s.as_bytes()))
}

impl Store {
    /// Opens an existing, current store for reading only, for shell completion: never
    /// creates, migrates or switches the journal; waits at most a moment for a lock. Any
    /// failure (no store, not ours, an older or newer schema) is an error the caller drops.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let name = path.to_string_lossy();
        if pg::is_url(&name) {
            // A server store: connecting is all there is; completion only reads.
            let target = pg::Target::parse(&name)?;
            let client = target.connect()?;
            let store = Store {
                conn: Conn::postgres(client, target.location.clone()),
                path: PathBuf::from(&target.location),
            };
            if store.pg_identity(OpenMode::Existing)? != i64::from(schema_version()) {
                return Err(Error::store(
                    "the store is not at this mmis's schema version",
                ));
            }
            return Ok(store);
        }
        if !path.is_file() {
            return Err(Error::store(format!("no mmis store at {}", path.display())));
        }
        check_header(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(sql_err(path))?;
        conn.busy_timeout(std::time::Duration::from_millis(200))
            .map_err(sql_err(path))?;
        let store = Store {
            conn: Conn::sqlite(conn, path.display().to_string()),
            path: path.to_path_buf(),
        };
        store.check_identity(OpenMode::Existing)?;
        if store.schema_version()? != i64::from(schema_version()) {
            return Err(Error::store(format!(
                "the store {} is not at this mmis's schema version",
                path.display()
            )));
        }
        Ok(store)
    }
}

/// A `LIKE` pattern for values starting with `prefix` (`\` escapes `%`, `_` and itself).
pub(crate) fn like_prefix(prefix: &str) -> String {
    format!(
        "{}%",
        prefix
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_")
    )
}
