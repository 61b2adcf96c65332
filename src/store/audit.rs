//! The audit log: append-only, each entry chained to the one before by SHA-256.

use super::db::{Backend, Cell as DbCell, DbError, Row};
use super::Tx;
use crate::error::{Error, Kind, Result};
use crate::params;
use sha2::{Digest, Sha256};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One thing that happened, as the caller describes it.
#[derive(Debug, Clone)]
pub struct AuditEntry<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub actor_kind: &'a str,
    pub provider_id: Option<&'a str>,
    pub action: &'a str,
    pub target: Option<&'a str>,
    pub outcome: &'a str,
    pub detail: Option<&'a str>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub actor_kind: String,
    pub provider_id: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub outcome: String,
    pub detail: Option<String>,
    #[serde(skip)]
    pub prev_hash: String,
    #[serde(skip)]
    pub hash: String,
}

#[derive(Debug, Default)]
pub struct AuditFilter {
    pub user: Option<String>,
    pub action: Option<String>,
    pub since: Option<String>,
    pub providers: Option<Vec<String>>,
    pub limit: Option<usize>,
}

/// An entry that does not fit the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadEntry {
    /// Its id; `None` when the row's id is not a whole number at all.
    pub id: Option<i64>,
    /// How the entry is named to a person: "entry 12", or "the row whose id is 'x'".
    pub label: String,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct VerifyReport {
    /// The rows in `audit_log`, whatever they hold.
    pub entries: i64,
    /// The first entry that does not fit the chain, and why.
    pub first_bad: Option<BadEntry>,
    /// The `audit_log` table itself is gone: nothing can be appended to it.
    pub table_missing: bool,
}

/// A checkpoint of the chain, to keep outside the store (`mmis audit anchor`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    /// The entries the chain held: the id of its last entry.
    pub entries: i64,
    /// The hash of entry `entries`.
    pub head: String,
    /// The hash of entry 1 (which identifies the store's log).
    pub first: Option<String>,
}

/// A column as it is in the row, whatever type it holds: reading it never fails.
#[derive(Debug, Clone)]
enum Cell {
    Null,
    Int(i64),
    Text(String),
    /// REAL, BLOB, or text that is not UTF-8: described, never hashed.
    Other(String),
}

impl Cell {
    /// Column `i` exactly as the backend holds it: PostgreSQL's BIGINT id and TEXT columns
    /// read back as the same integer and text SQLite gives, so the chain hashes alike.
    fn read(r: &Row<'_>, i: usize) -> Cell {
        let cell = r.with_cell(i, |c| {
            Ok(match c {
                DbCell::Null => Cell::Null,
                DbCell::Int(n) => Cell::Int(n),
                DbCell::Text(t) => Cell::Text(t.to_string()),
                DbCell::Real(f) => Cell::Other(format!("the number {f}")),
                DbCell::Blob(b) => Cell::Other(format!("a blob of {} bytes", b.len())),
            })
        });
        match cell {
            Ok(c) => c,
            Err(DbError::Column { detail, .. }) if detail.contains("UTF-8") => {
                Cell::Other("text that is not UTF-8".into())
            }
            Err(DbError::Column { detail, .. }) => {
                Cell::Other(format!("an unreadable value ({detail})"))
            }
            Err(_) => Cell::Other("an unreadable value".into()),
        }
    }
    fn describe(&self) -> String {
        match self {
            Cell::Null => "NULL".into(),
            Cell::Int(n) => format!("the number {n}"),
            Cell::Text(t) => format!("the text {:?}", truncate(t)),
            Cell::Other(d) => d.clone(),
        }
    }
    /// The cell as display text (for `audit log`), never failing.
    fn display(&self) -> Option<String> {
        match self {
            Cell::Null => None,
            Cell::Int(n) => Some(n.to_string()),
            Cell::Text(t) => Some(t.clone()),
            Cell::Other(d) => Some(format!("<{d}>")),
        }
    }
}

fn truncate(t: &str) -> String {
    if t.chars().count() > 40 {
        format!("{}…", t.chars().take(40).collect::<String>())
    } else {
        t.to_string()
    }
}

const COLUMNS: [&str; 11] = [
    "id",
    "at",
    "actor",
    "actor_kind",
    "provider_id",
    "action",
    "target",
    "outcome",
    "detail",
    "prev_hash",
    "hash",
];

/// A row whose every column has the type the chain needs.
struct ChainRow {
    id: i64,
    text: [Option<String>; 10],
}

impl ChainRow {
    /// Checks each column's type; the reason names the first column that does not fit.
    fn from_cells(cells: &[Cell]) -> std::result::Result<ChainRow, String> {
        let id = match cells.first() {
            Some(Cell::Int(n)) => *n,
            Some(c) => return Err(format!("its id is {}, not a whole number", c.describe())),
            None => return Err("it has no id".into()),
        };
        let mut text: [Option<String>; 10] = Default::default();
        for (i, slot) in text.iter_mut().enumerate() {
            let col = COLUMNS[i + 1];
            let nullable = matches!(col, "provider_id" | "target" | "detail");
            *slot = match cells.get(i + 1) {
                Some(Cell::Text(t)) => Some(t.clone()),
                Some(Cell::Null) if nullable => None,
                Some(c) => {
                    return Err(format!(
                        "its {col} column holds {}, which mmis never writes",
                        c.describe()
                    ))
                }
                None => return Err(format!("its {col} column is missing")),
            };
        }
        Ok(ChainRow { id, text })
    }
    fn field(&self, i: usize) -> &str {
        self.text[i - 1].as_deref().unwrap_or_default()
    }
    fn opt(&self, i: usize) -> Option<&str> {
        self.text[i - 1].as_deref()
    }
    fn prev_hash(&self) -> &str {
        self.field(9)
    }
    fn hash(&self) -> &str {
        self.field(10)
    }
    fn recompute(&self) -> String {
        entry_hash(
            self.prev_hash(),
            self.id,
            self.field(1),
            self.field(2),
            self.field(3),
            self.opt(4),
            self.field(5),
            self.opt(6),
            self.field(7),
            self.opt(8),
        )
    }
}

fn label_of(cells: &[Cell]) -> (Option<i64>, String) {
    match cells.first() {
        Some(Cell::Int(n)) => (Some(*n), format!("entry {n}")),
        Some(c) => (None, format!("the row whose id is {}", c.describe())),
        None => (None, "a row without an id".into()),
    }
}

/// The chain head kept in `meta` ("id:hash"), when it reads as one.
fn parse_head(v: Option<&str>) -> Option<(i64, String)> {
    let (id, hash) = v?.split_once(':')?;
    let id = id.parse::<i64>().ok().filter(|n| *n > 0)?;
    (hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| (id, hash.to_string()))
}

#[allow(clippy::too_many_arguments)]
fn entry_hash(
    prev: &str,
    id: i64,
    at: &str,
    actor: &str,
    actor_kind: &str,
    provider_id: Option<&str>,
    action: &str,
    target: Option<&str>,
    outcome: &str,
    detail: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    for field in [
        id.to_string().as_str(),
        at,
        actor,
        actor_kind,
        provider_id.unwrap_or("\u{0}"),
        action,
        target.unwrap_or("\u{0}"),
        outcome,
        detail.unwrap_or("\u{0}"),
    ] {
        h.update([0x1f]);
        h.update(field.len().to_le_bytes());
        h.update(field.as_bytes());
    }
    hex(&h.finalize())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

/// What a walk down the chain found: the rows read, the last entry that fit, the first
/// that did not.
struct Walk {
    count: i64,
    last: Option<(i64, String)>,
    first_bad: Option<Break>,
}

enum Break {
    Bad(BadEntry),
    /// An entry whose link does not match the entry before it (named after the walk, by
    /// [`Tx::misplaced_link`]).
    Link {
        id: i64,
        prev_hash: String,
        label: String,
    },
}

/// `audit log`'s query. `--user` matches regardless of case (user names are unique
/// regardless of case); `--action` is the action or its first words ("clerk" finds
/// "clerk add"), regardless of case, with no wildcards.
const AUDIT_ROWS_SQLITE: &str =
    "SELECT id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash
     FROM audit_log
     WHERE (?1 IS NULL OR lower(actor) = lower(?1))
       AND (?2 IS NULL OR lower(action) = lower(?2)
            OR substr(lower(action), 1, length(?2) + 1) = lower(?2) || ' ')
       AND (?3 IS NULL OR at >= ?3)
       AND (?4 IS NULL OR provider_id IN (SELECT value FROM json_each(?4)))
     ORDER BY id DESC LIMIT ?5";

/// [`AUDIT_ROWS_SQLITE`] on PostgreSQL: the providers' JSON list read with `jsonb`.
const AUDIT_ROWS_PG: &str =
    "SELECT id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash
     FROM audit_log
     WHERE (CAST(?1 AS TEXT) IS NULL OR lower(actor) = lower(?1))
       AND (CAST(?2 AS TEXT) IS NULL OR lower(action) = lower(?2)
            OR substr(lower(action), 1, length(?2) + 1) = lower(?2) || ' ')
       AND (CAST(?3 AS TEXT) IS NULL OR at >= ?3)
       AND (CAST(?4 AS TEXT) IS NULL
            OR provider_id IN (SELECT jsonb_array_elements_text(CAST(?4 AS JSONB))))
     ORDER BY id DESC LIMIT ?5";

/// A store whose `audit_log` table was dropped cannot record anything: every command
/// that writes is refused as for a damaged store (exit 8), never an internal error.
fn audit_err(e: Error) -> Error {
    let gone = e.kind == Kind::Internal
        && (e.message.contains("no such table: audit_log")
            || e.message.contains("relation \"audit_log\" does not exist"));
    if gone {
        return Error::store(
            "the store's audit log is gone (the audit_log table was dropped); nothing was saved",
        )
        .hint("the store was changed outside mmis: keep a copy for investigation and restore it from a backup");
    }
    e
}

impl Tx<'_> {
    /// Appends an entry in this transaction, chained to the head mmis recorded.
    ///
    /// A broken chain never stops the command: the entry takes the id after the highest id in
    /// the table (so a row forged past the head cannot make the insert collide) and links to
    /// the chain head kept in `meta` (so a forged row stays outside the chain and `audit
    /// verify` keeps naming it). Only when that head is missing or unreadable does it link to
    /// the last row instead, or start afresh.
    pub fn audit(&self, e: &AuditEntry<'_>) -> Result<i64> {
        // After an entry of its own with the highest id, the transaction knows the head
        // and the last row without reading them: both are that entry (only this function
        // writes either).
        let known = self.memo.borrow().audit_head.clone();
        let (prev, top) = match known {
            Some((id, hash)) => (hash, id),
            None => {
                let head = parse_head(self.meta_get("audit_head")?.as_deref());
                let last = self.audit_last_row()?;
                let prev = match (&head, &last) {
                    (Some((_, hash)), _) => hash.clone(),
                    (None, Some((_, Some(hash)))) => hash.clone(),
                    _ => GENESIS.to_string(),
                };
                let top = head
                    .as_ref()
                    .map(|(id, _)| *id)
                    .max(last.as_ref().map(|(id, _)| *id))
                    .unwrap_or(0);
                (prev, top)
            }
        };
        // Past i64::MAX (a forged id) the row takes the lowest free id instead; the entry is
        // still written and verify names the break. The id is always explicit: PostgreSQL's
        // identity sequence (which explicit ids never advance) is not used.
        let id = match top.checked_add(1) {
            Some(id) => id,
            None => self.audit_free_id()?,
        };
        let hash = entry_hash(
            &prev,
            id,
            e.at,
            e.actor,
            e.actor_kind,
            e.provider_id,
            e.action,
            e.target,
            e.outcome,
            e.detail,
        );
        self.db()
            .execute(
                "INSERT INTO audit_log(id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    id,
                    e.at,
                    e.actor,
                    e.actor_kind,
                    e.provider_id,
                    e.action,
                    e.target,
                    e.outcome,
                    e.detail,
                    prev,
                    hash
                ],
            )
            .map_err(audit_err)?;
        let mut memo = self.memo.borrow_mut();
        memo.audit_head_unsaved = true;
        // An id below the top (after a forged row with the largest id) is not the last row.
        if id > top {
            memo.audit_head = Some((id, hash));
        } else {
            memo.audit_head = None;
            drop(memo);
            self.meta_set("audit_head", &format!("{id}:{hash}"))?;
            self.memo.borrow_mut().audit_head_unsaved = false;
        }
        Ok(id)
    }

    /// Records in `meta` the chain head this transaction's last entry made, if it has not
    /// yet: before the transaction commits, and before anything reads it.
    pub(crate) fn save_audit_head(&self) -> Result<()> {
        let head = {
            let memo = self.memo.borrow();
            if !memo.audit_head_unsaved {
                return Ok(());
            }
            memo.audit_head.clone()
        };
        if let Some((id, hash)) = head {
            self.meta_set("audit_head", &format!("{id}:{hash}"))?;
        }
        self.memo.borrow_mut().audit_head_unsaved = false;
        Ok(())
    }

    /// The lowest id no row holds, for an entry after a row forged with the largest id.
    fn audit_free_id(&self) -> Result<i64> {
        let free: Option<i64> = self
            .db()
            .query_opt(
                "SELECT a.id + 1 FROM audit_log a
                 WHERE a.id >= 0 AND a.id < 9223372036854775807
                   AND NOT EXISTS (SELECT 1 FROM audit_log b WHERE b.id = a.id + 1)
                 ORDER BY a.id LIMIT 1",
                params![],
                |r| r.get(0),
            )
            .map_err(audit_err)?;
        Ok(free.unwrap_or(1))
    }

    /// The highest whole-number id in the log and that row's hash (as text, when it is text).
    fn audit_last_row(&self) -> Result<Option<(i64, Option<String>)>> {
        let read = |sql: &str| -> Result<Option<(Cell, Cell)>> {
            self.db()
                .query_opt(sql, params![], |r| Ok((Cell::read(r, 0), Cell::read(r, 1))))
                .map_err(audit_err)
        };
        // The primary key's order: one step down the index.
        let mut row = read("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")?;
        // Only a rebuilt SQLite table holds ids that are not whole numbers (PostgreSQL's
        // column is BIGINT whatever is done to it): skip them.
        if !matches!(row, None | Some((Cell::Int(_), _))) && self.backend() == Backend::Sqlite {
            row = read(
                "SELECT id, hash FROM audit_log WHERE typeof(id) = 'integer' ORDER BY id DESC LIMIT 1",
            )?;
        }
        Ok(match row {
            Some((Cell::Int(id), Cell::Text(hash))) => Some((id, Some(hash))),
            Some((Cell::Int(id), _)) => Some((id, None)),
            _ => None,
        })
    }

    /// The chain head mmis recorded in `meta`: the last entry's id and hash.
    pub fn audit_head(&self) -> Result<Option<(i64, String)>> {
        Ok(parse_head(self.meta_get("audit_head")?.as_deref()))
    }

    /// The stored hash of entry `id`, when there is such a row and its hash is text.
    pub fn audit_hash_of(&self, id: i64) -> Result<Option<String>> {
        let cell = self.db().query_opt(
            "SELECT hash FROM audit_log WHERE id = ?1 LIMIT 1",
            params![id],
            |r| Ok(Cell::read(r, 0)),
        )?;
        Ok(match cell {
            Some(Cell::Text(t)) => Some(t),
            _ => None,
        })
    }

    /// A checkpoint of the chain as it stands (call after [`Tx::audit_verify`] found it whole).
    pub fn audit_checkpoint(&self) -> Result<Option<Checkpoint>> {
        let Some((entries, head)) = self.audit_head()? else {
            return Ok(None);
        };
        Ok(Some(Checkpoint {
            entries,
            head,
            first: self.audit_hash_of(1)?,
        }))
    }

    /// Whether the log still holds a checkpoint: `Some((entry, reason))` when it does not
    /// (cut, rewritten, wiped, or another store's anchor).
    pub fn audit_check_anchor(&self, anchor: &Checkpoint) -> Result<Option<(i64, String)>> {
        let rows: i64 = self
            .db()
            .value("SELECT count(*) FROM audit_log", params![])
            .map_err(audit_err)?;
        let n = anchor.entries;
        if rows == 0 {
            return Ok(Some((
                1,
                format!("the log is empty, but the anchor holds {n} entries (the log was wiped)"),
            )));
        }
        if let Some(first) = &anchor.first {
            if self.audit_hash_of(1)?.as_deref() != Some(first.as_str()) {
                return Ok(Some((
                    1,
                    "entry 1 is not the one anchored (the log was rewritten from its start, or the anchor belongs to another store)".into(),
                )));
            }
        }
        match self.audit_hash_of(n)? {
            Some(h) if h == anchor.head => Ok(None),
            Some(_) => Ok(Some((
                n,
                format!("entry {n} is not the one anchored: its hash differs from the anchor's head (the log was rewritten)"),
            ))),
            None => {
                let last = self.audit_last_row()?.map(|(id, _)| id).unwrap_or(0);
                Ok(Some((
                    n,
                    if last < n {
                        format!("the log ends at entry {last}, but the anchor holds {n} entries (entries were cut from the end)")
                    } else {
                        format!("entry {n}, the anchor's head, is missing (entries were deleted)")
                    },
                )))
            }
        }
    }

    pub fn audit_rows(&self, f: &AuditFilter) -> Result<Vec<AuditRow>> {
        let providers_json = f
            .providers
            .as_ref()
            .map(|p| serde_json::to_string(p).unwrap_or_else(|_| "[]".into()));
        let sql = match self.backend() {
            Backend::Sqlite => AUDIT_ROWS_SQLITE,
            Backend::Postgres => AUDIT_ROWS_PG,
        };
        let limit = f
            .limit
            .map(|l| i64::try_from(l).unwrap_or(i64::MAX))
            .unwrap_or(i64::MAX);
        // Whatever a row holds (a tampered log), it is shown, never an error.
        let mut out = self
            .db()
            .query(
                sql,
                params![f.user, f.action, f.since, providers_json, limit],
                |r| {
                    let c = |i: usize| Cell::read(r, i);
                    let text = |i: usize| c(i).display().unwrap_or_default();
                    Ok(AuditRow {
                        id: match c(0) {
                            Cell::Int(n) => n,
                            _ => 0,
                        },
                        at: text(1),
                        actor: text(2),
                        actor_kind: text(3),
                        provider_id: c(4).display(),
                        action: text(5),
                        target: c(6).display(),
                        outcome: text(7),
                        detail: c(8).display(),
                        prev_hash: text(9),
                        hash: text(10),
                    })
                },
            )
            .map_err(audit_err)?;
        out.reverse();
        Ok(out)
    }

    /// Walks the whole chain: an edited, inserted or deleted entry breaks it. Whatever the
    /// rows hold (NULLs, wrong types, ids out of order, rows past the head), the answer is a
    /// report naming the first bad entry, never an error.
    pub fn audit_verify(&self) -> Result<VerifyReport> {
        let table: i64 = self.db().value(
            match self.backend() {
                Backend::Sqlite => {
                    "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'"
                }
                Backend::Postgres => {
                    "SELECT CASE WHEN to_regclass('audit_log') IS NULL THEN 0 ELSE 1 END"
                }
            },
            params![],
        )?;
        if table == 0 {
            return Ok(VerifyReport {
                entries: 0,
                first_bad: Some(BadEntry {
                    id: None,
                    label: "the audit log".into(),
                    reason: "the audit_log table is gone (it was dropped)".into(),
                }),
                table_missing: true,
            });
        }
        let walked = match self.backend() {
            Backend::Sqlite => self
                .audit_walk(&format!(
                    "SELECT {} FROM audit_log ORDER BY id, rowid",
                    COLUMNS.join(", ")
                ))
                .or_else(|_| {
                    // A rebuilt table may have no rowid to break ties with.
                    self.audit_walk(&format!(
                        "SELECT {} FROM audit_log ORDER BY id",
                        COLUMNS.join(", ")
                    ))
                }),
            // The id is the primary key: no ties. A savepoint keeps the transaction usable
            // when the table cannot be read as mmis wrote it (a failed statement would
            // otherwise abort the whole transaction on PostgreSQL).
            Backend::Postgres => {
                self.db().batch("SAVEPOINT audit_walk")?;
                let walked = self.audit_walk(&format!(
                    "SELECT {} FROM audit_log ORDER BY id",
                    COLUMNS.join(", ")
                ));
                self.db().batch(if walked.is_ok() {
                    "RELEASE SAVEPOINT audit_walk"
                } else {
                    "ROLLBACK TO SAVEPOINT audit_walk; RELEASE SAVEPOINT audit_walk"
                })?;
                walked
            }
        };
        let walk = match walked {
            Ok(w) => w,
            Err(err) if err.kind != Kind::Internal => return Err(err),
            Err(err) => {
                // Columns renamed or dropped: the table is not the one mmis wrote.
                return Ok(VerifyReport {
                    entries: 0,
                    first_bad: Some(BadEntry {
                        id: None,
                        label: "the audit log".into(),
                        reason: format!(
                            "the audit_log table was rebuilt and cannot be read as mmis wrote it ({})",
                            err.message
                        ),
                    }),
                    table_missing: false,
                });
            }
        };
        let mut first_bad = match walk.first_bad {
            Some(Break::Bad(b)) => Some(b),
            // Looked up once the rows are read: a query may not run while they stream.
            Some(Break::Link {
                id,
                prev_hash,
                label,
            }) => Some(self.misplaced_link(id, &prev_hash, &label)?),
            None => None,
        };
        if first_bad.is_none() {
            first_bad = self.head_mismatch(walk.last)?;
        }
        Ok(VerifyReport {
            entries: walk.count,
            first_bad,
            table_missing: false,
        })
    }

    /// Reads every row of `sql` (the log in chain order), checking each against the one
    /// before, up to the first that does not fit; the rest are only counted.
    fn audit_walk(&self, sql: &str) -> Result<Walk> {
        let mut prev = GENESIS.to_string();
        let mut expected_id = 1i64;
        let mut walk = Walk {
            count: 0,
            last: None,
            first_bad: None,
        };
        self.db().each(sql, params![], |r| {
            walk.count += 1;
            if walk.first_bad.is_some() {
                return Ok(true);
            }
            let cells: Vec<Cell> = (0..COLUMNS.len()).map(|i| Cell::read(r, i)).collect();
            let (id, label) = label_of(&cells);
            let bad = |reason: String| {
                Some(Break::Bad(BadEntry {
                    id,
                    label: label.clone(),
                    reason,
                }))
            };
            let row = match ChainRow::from_cells(&cells) {
                Ok(row) => row,
                Err(reason) => {
                    walk.first_bad = bad(reason);
                    return Ok(true);
                }
            };
            if row.id < expected_id {
                walk.first_bad = bad(format!(
                    "a second entry with id {} (it was inserted outside mmis)",
                    row.id
                ));
            } else if row.id > expected_id {
                walk.first_bad = bad(format!(
                    "entry {expected_id} is missing (the next entry is {})",
                    row.id
                ));
            } else if row.prev_hash() != prev {
                walk.first_bad = Some(Break::Link {
                    id: row.id,
                    prev_hash: row.prev_hash().to_string(),
                    label,
                });
            } else if row.recompute() != row.hash() {
                walk.first_bad = bad("its contents were changed after it was written".into());
            } else {
                prev = row.hash().to_string();
                expected_id = row.id.saturating_add(1);
                walk.last = Some((row.id, prev.clone()));
            }
            Ok(true)
        })?;
        Ok(walk)
    }

    /// An entry whose link does not match the entry before it: when it links to an earlier
    /// entry, the entries in between were inserted outside mmis (a row forged past the head,
    /// then an entry mmis chained to its head): name the first of them.
    fn misplaced_link(&self, id: i64, prev_hash: &str, label: &str) -> Result<BadEntry> {
        let linked: Option<i64> = self.db().query_opt(
            match self.backend() {
                Backend::Sqlite => {
                    "SELECT id FROM audit_log WHERE hash = ?1 AND typeof(id) = 'integer' AND id < ?2
                     ORDER BY id DESC LIMIT 1"
                }
                // The id column is BIGINT: every id is a whole number.
                Backend::Postgres => {
                    "SELECT id FROM audit_log WHERE hash = ?1 AND id < ?2 ORDER BY id DESC LIMIT 1"
                }
            },
            params![prev_hash, id],
            |r| r.get(0),
        )?;
        Ok(match linked {
            Some(j) if j < id - 1 => BadEntry {
                id: Some(j + 1),
                label: format!("entry {}", j + 1),
                reason: format!(
                    "it is not part of the chain: entry {} links to entry {j}, so entries {}..{} were inserted outside mmis",
                    id,
                    j + 1,
                    id - 1
                ),
            },
            _ => BadEntry {
                id: Some(id),
                label: label.to_string(),
                reason: "its link to the previous entry does not match (an entry before it was deleted, inserted or rewritten)".into(),
            },
        })
    }

    /// The rows form a whole chain: does the head mmis recorded in `meta` end it?
    fn head_mismatch(&self, last: Option<(i64, String)>) -> Result<Option<BadEntry>> {
        let raw = self.meta_get("audit_head")?;
        let head = parse_head(raw.as_deref());
        let entry = |id: i64, reason: String| {
            Some(BadEntry {
                id: Some(id),
                label: format!("entry {id}"),
                reason,
            })
        };
        Ok(match (last, head) {
            (None, Some((hid, _))) => entry(
                1,
                format!("the log is empty, but the chain head says it ends at entry {hid} (the log was wiped)"),
            ),
            (None, None) => entry(
                1,
                "the log is empty: a store's log starts with its init entry (the log was wiped)"
                    .into(),
            ),
            (Some((lid, _)), None) => entry(
                lid,
                if raw.is_some() {
                    "the chain head in the store's meta table is unreadable (it was rewritten)".into()
                } else {
                    "the chain head is missing from the store's meta table (it was deleted)".into()
                },
            ),
            (Some((lid, lhash)), Some((hid, hhash))) => {
                if hid == lid && hhash == lhash {
                    None
                } else if hid < lid {
                    entry(
                        hid + 1,
                        format!("it is past the chain head mmis recorded (entry {hid}): it was added outside mmis"),
                    )
                } else if hid > lid {
                    entry(
                        lid + 1,
                        format!("the log ends at entry {lid}, but the chain head says {hid} (entries were deleted from the end)"),
                    )
                } else {
                    entry(
                        lid,
                        "its hash is not the chain head mmis recorded (the entry or the head was rewritten)".into(),
                    )
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_parse_only_when_whole() {
        let h = "a".repeat(64);
        assert_eq!(parse_head(Some(&format!("12:{h}"))), Some((12, h.clone())));
        for bad in ["", "12", "x:y", "0:aa", &format!("-1:{h}"), "12:zz"] {
            assert_eq!(parse_head(Some(bad)), None, "{bad}");
        }
        assert_eq!(parse_head(None), None);
    }
}
