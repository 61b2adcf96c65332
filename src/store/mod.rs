//! The only place that speaks SQL. Commands see `Store`, `Tx` and plain row structs.

mod audit;
pub mod claims;
mod invitations;
mod members;
mod memberships;
pub mod pa;
mod providers;
mod sessions;
mod transfers;
pub mod users;

pub use audit::{AuditEntry, AuditFilter, AuditRow, BadEntry, Checkpoint, VerifyReport};
pub use invitations::InvitationRow;
pub use members::{BulkInsert, MemberRow};
pub use memberships::MembershipRow;
pub use providers::{PinRow, ProviderRow};
pub use sessions::{SessionRow, TokenRow};
pub use transfers::TransferRow;
pub use users::{NewUser, UserRow};

use crate::error::{Error, Kind, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
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
    conn: Connection,
    path: PathBuf,
}

/// A write transaction (`BEGIN IMMEDIATE`). Dropping it without `commit` rolls back.
pub struct Tx<'a> {
    tx: rusqlite::Transaction<'a>,
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

impl Store {
    /// Opens (or creates) the store at `path`, checks it is ours, migrates it.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store> {
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
        let store = Store {
            conn,
            path: path.to_path_buf(),
        };
        store
            .conn
            .busy_timeout(std::time::Duration::from_secs(30))
            .map_err(sql_err(path))?;
        if !exists {
            // 16 KiB pages (SQLite's default is 4 KiB): a batch sweeping the members in
            // Health ID order reads a quarter as many pages, measured ~10% faster for a
            // 270 of 10,000 inquiries. Only a new, empty file takes a page size.
            store
                .conn
                .execute_batch("PRAGMA page_size = 16384;")
                .map_err(sql_err(path))?;
        }
        // `rarray(?)`: a list bound as one parameter (batch lookups by Health ID).
        rusqlite::vtab::array::load_module(&store.conn).map_err(sql_err(path))?;
        store.check_identity(mode)?;
        store.set_pragmas()?;
        store.migrate()?;
        Ok(store)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The store's schema version (`PRAGMA user_version`: the migrations applied).
    pub fn schema_version(&self) -> Result<i64> {
        self.pragma_i64("user_version")
    }

    fn pragma_i64(&self, name: &str) -> Result<i64> {
        self.conn
            .query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
            .map_err(sql_err(&self.path))
    }

    /// Refuses a SQLite file that belongs to someone else, before anything is written to it.
    fn check_identity(&self, mode: OpenMode) -> Result<()> {
        let app_id = self.pragma_i64("application_id")?;
        let tables: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(sql_err(&self.path))?;
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
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(sql_err(&self.path))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::store(format!(
                "cannot switch the store {} to WAL mode (it stays {mode})",
                self.path.display()
            ))
            .hint("check that the store's folder is writable"));
        }
        self.conn
            .execute_batch(
                "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON;",
            )
            .map_err(sql_err(&self.path))?;
        if let Ok(v) = std::env::var("MMIS_MAX_PAGE_COUNT") {
            let n: u64 = v.trim().parse().map_err(|_| {
                Error::invalid(format!(
                    "MMIS_MAX_PAGE_COUNT must be a whole number, got {v:?}"
                ))
            })?;
            let _: i64 = self
                .conn
                .query_row(&format!("PRAGMA max_page_count={n}"), [], |r| r.get(0))
                .map_err(sql_err(&self.path))?;
        }
        Ok(())
    }

    fn migrate(&self) -> Result<()> {
        let current = self.pragma_i64("user_version")? as usize;
        if current >= MIGRATIONS.len() {
            return Ok(());
        }
        let tx = self.begin(TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let current: usize = tx
            .tx
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(sql_err(&self.path))? as usize;
        for (name, sql) in MIGRATIONS.iter().skip(current) {
            tx.tx.execute_batch(sql).map_err(|e| {
                let mut err = map_sql_error(&self.path, e);
                if err.kind == Kind::Internal {
                    err.message = format!("migration {name} failed: {}", err.message);
                }
                err
            })?;
        }
        tx.tx
            .execute_batch(&format!(
                "PRAGMA application_id={APPLICATION_ID}; PRAGMA user_version={};",
                MIGRATIONS.len()
            ))
            .map_err(sql_err(&self.path))?;
        tx.commit()
    }

    fn begin(&self, behavior: TransactionBehavior) -> Result<Tx<'_>> {
        let tx = rusqlite::Transaction::new_unchecked(&self.conn, behavior)
            .map_err(sql_err(&self.path))?;
        Ok(Tx { tx })
    }

    /// A read transaction (`BEGIN DEFERRED`): a consistent view, no write lock.
    pub fn read(&self) -> Result<Tx<'_>> {
        self.begin(TransactionBehavior::Deferred)
    }

    /// The one way to change the store: `BEGIN IMMEDIATE`, then `commit()`.
    pub fn write(&self) -> Result<Tx<'_>> {
        self.begin(TransactionBehavior::Immediate)
    }

    /// Whether this is a sandbox store (docs/config.md): `meta.sandbox = '1'`, recorded when the
    /// store was made (`init --sandbox`, `init` while `MMIS_TODAY` was set, `mmis demo`), or a
    /// demo store from before the flag. A store without the flag is live.
    pub fn is_sandbox(&self) -> Result<bool> {
        self.conn
            .query_row(SANDBOX_SQL, [], |r| r.get::<_, i64>(0))
            .map(|n| n > 0)
            .map_err(sql_err(&self.path))
    }

    pub fn integrity_ok(&self) -> Result<bool> {
        let s: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .map_err(sql_err(&self.path))?;
        Ok(s == "ok")
    }
}

impl<'a> Tx<'a> {
    pub fn commit(self) -> Result<()> {
        let path = self.path_buf();
        self.tx.commit().map_err(|e| map_sql_error(&path, e))
    }

    fn path_buf(&self) -> PathBuf {
        PathBuf::from(self.tx.path().unwrap_or(""))
    }

    pub(crate) fn err(&self) -> impl Fn(rusqlite::Error) -> Error {
        let p = self.path_buf();
        move |e| map_sql_error(&p, e)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.tx
    }

    pub fn meta_get(&self, key: &str) -> Result<Option<String>> {
        use rusqlite::OptionalExtension;
        self.conn()
            .prepare_cached("SELECT value FROM meta WHERE key = ?1")
            .and_then(|mut s| s.query_row([key], |r| r.get(0)).optional())
            .map_err(self.err())
    }

    /// See [`Store::is_sandbox`].
    pub fn is_sandbox(&self) -> Result<bool> {
        self.conn()
            .query_row(SANDBOX_SQL, [], |r| r.get::<_, i64>(0))
            .map(|n| n > 0)
            .map_err(self.err())
    }

    pub fn meta_set(&self, key: &str, value: &str) -> Result<()> {
        self.conn()
            .prepare_cached(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            )
            .and_then(|mut s| s.execute([key, value]))
            .map_err(self.err())?;
        Ok(())
    }
}

fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
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
