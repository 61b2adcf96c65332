//! Moving a store between backends (`mmis store copy`) and SQLite's online backup
//! (`mmis store backup`).

use super::db::{Backend, Cell, Val};
use super::{Store, Tx, MIGRATIONS};
use crate::error::{Error, Result};
use crate::params;
use std::path::Path;

/// `meta` keys that describe the store's backend, not its content: never copied.
const BACKEND_KEYS: &[&str] = &["application", "schema_version"];

/// Placeholders per multi-row INSERT (SQLite allows 32,766, PostgreSQL 65,535).
const MAX_PARAMS: usize = 8_000;

/// Every table of the schema, in the order the migrations create them (parents before
/// the rows that refer to them); a table a later migration drops is gone, one it renames
/// keeps its place under its new name.
pub fn tables() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let word = |s: &str| -> String {
        s.trim_start()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .next()
            .unwrap_or("")
            .to_string()
    };
    for (_, sql) in MIGRATIONS {
        // The statements, without comments (a comment may hold a `;`).
        let code: String = sql
            .lines()
            .map(|l| l.split_once("--").map_or(l, |(code, _)| code))
            .collect::<Vec<_>>()
            .join("\n");
        for stmt in code.split(';') {
            let text = stmt.trim_start();
            if let Some(rest) = text.strip_prefix("CREATE TABLE ") {
                let name = word(rest);
                if !name.is_empty() && !out.contains(&name) {
                    out.push(name);
                }
            } else if let Some(rest) = text.strip_prefix("DROP TABLE ") {
                let name = word(rest);
                out.retain(|t| *t != name);
            } else if let Some(rest) = text.strip_prefix("ALTER TABLE ") {
                let from = word(rest);
                if let Some((_, to)) = rest.split_once(" RENAME TO ") {
                    let to = word(to);
                    out.retain(|t| *t != to);
                    if let Some(t) = out.iter_mut().find(|t| **t == from) {
                        *t = to;
                    }
                }
            }
        }
    }
    out
}

/// An owned column value, carried from one backend to the other.
enum Owned {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Owned {
    fn of(c: Cell<'_>) -> Owned {
        match c {
            Cell::Null => Owned::Null,
            Cell::Int(i) => Owned::Int(i),
            Cell::Real(x) => Owned::Real(x),
            Cell::Text(t) => Owned::Text(t.to_string()),
            Cell::Blob(b) => Owned::Blob(b.to_vec()),
        }
    }

    fn val(&self) -> Val<'_> {
        match self {
            Owned::Null => Val::Null,
            Owned::Int(i) => Val::Int(*i),
            Owned::Real(x) => Val::Real(*x),
            Owned::Text(t) => Val::Text(t),
            Owned::Blob(b) => Val::Blob(b),
        }
    }
}

impl Tx<'_> {
    /// The columns of `table`, in order.
    pub fn columns(&self, table: &str) -> Result<Vec<String>> {
        match self.backend() {
            Backend::Sqlite => self.db().query(
                "SELECT name FROM pragma_table_info(?1) ORDER BY cid",
                params![table],
                |r| r.get(0),
            ),
            Backend::Postgres => self.db().query(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name = ?1
                 ORDER BY ordinal_position",
                params![table],
                |r| r.get(0),
            ),
        }
    }

    /// How many rows `table` holds.
    pub fn row_count(&self, table: &str) -> Result<i64> {
        self.db()
            .value(&format!("SELECT count(*) FROM {table}"), params![])
    }

    /// Whether the store holds nothing but its schema (a `meta` row or two aside).
    pub fn holds_no_rows(&self) -> Result<bool> {
        for t in &tables() {
            if t != "meta" && self.row_count(t)? > 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Copies every row of every table from this transaction's store into `dst` (a write
    /// transaction on an empty store of either backend): the rows per table.
    pub fn copy_into(&self, dst: &Tx<'_>) -> Result<Vec<(String, u64)>> {
        // The chain head of this transaction's own audit entries goes with the copy.
        self.save_audit_head()?;
        let mut counts = Vec::new();
        for table in &tables() {
            let cols = self.columns(table)?;
            let order = if cols.iter().any(|c| c == "id") {
                "id".to_string()
            } else {
                cols.first().cloned().unwrap_or_default()
            };
            let select = format!("SELECT {} FROM {table} ORDER BY {order}", cols.join(", "));
            let per_batch = (MAX_PARAMS / cols.len().max(1)).max(1);
            let mut pending: Vec<Vec<Owned>> = Vec::with_capacity(per_batch);
            let mut copied = 0u64;
            let mut failure: Option<Error> = None;
            let skip_key = table == "meta";
            self.db().each(&select, params![], |r| {
                let mut row = Vec::with_capacity(cols.len());
                for i in 0..cols.len() {
                    row.push(r.with_cell(i, |c| Ok(Owned::of(c)))?);
                }
                if skip_key {
                    if let Owned::Text(k) = &row[0] {
                        if BACKEND_KEYS.contains(&k.as_str()) {
                            return Ok(true);
                        }
                    }
                }
                pending.push(row);
                if pending.len() >= per_batch {
                    if let Err(e) = insert_rows(dst, table, &cols, &pending) {
                        failure = Some(e);
                        return Ok(false);
                    }
                    copied += pending.len() as u64;
                    pending.clear();
                }
                Ok(true)
            })?;
            if let Some(e) = failure {
                return Err(e);
            }
            if !pending.is_empty() {
                insert_rows(dst, table, &cols, &pending)?;
                copied += pending.len() as u64;
            }
            if dst.backend() == Backend::Postgres && cols.iter().any(|c| c == "id") {
                // Explicit ids do not move an identity column's sequence: move it past them.
                dst.db().value::<Option<i64>>(
                    &format!(
                        "SELECT setval(pg_get_serial_sequence(?1, 'id'), coalesce(max(id), 0) + 1, false) FROM {table}"
                    ),
                    params![table],
                )?;
            }
            counts.push((table.to_string(), copied));
        }
        Ok(counts)
    }
}

fn insert_rows(dst: &Tx<'_>, table: &str, cols: &[String], rows: &[Vec<Owned>]) -> Result<()> {
    let n = cols.len();
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", cols.join(", "));
    for (i, _) in rows.iter().enumerate() {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for j in 0..n {
            if j > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&format!("?{}", i * n + j + 1));
        }
        sql.push(')');
    }
    if table == "meta" {
        sql.push_str(" ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    }
    let vals: Vec<Val<'_>> = rows.iter().flat_map(|r| r.iter().map(Owned::val)).collect();
    let params: Vec<&dyn super::db::Param> =
        vals.iter().map(|v| v as &dyn super::db::Param).collect();
    dst.db().execute(&sql, &params)?;
    Ok(())
}

impl Store {
    /// Drops every mmis table of a PostgreSQL store (the demo replacing its own server
    /// store); the database itself stays, empty.
    pub fn drop_schema(&self) -> Result<()> {
        if self.backend() != Backend::Postgres {
            return Err(Error::internal("drop_schema is for a server store"));
        }
        let mut names = tables();
        names.reverse();
        let tx = self.write()?;
        self.conn.batch(&format!(
            "DROP TABLE IF EXISTS {} CASCADE; DROP FUNCTION IF EXISTS audit_log_append_only() CASCADE;",
            names.join(", ")
        ))?;
        tx.commit()
    }

    /// SQLite's online backup of this store into the (new, empty) file at `dest`: one
    /// consistent snapshot, taken while other processes go on writing. The bytes written.
    pub fn backup_to(&self, dest: &Path) -> Result<u64> {
        let Some(src) = self.conn.lite() else {
            return Err(Error::usage(format!(
                "`mmis store backup` copies a SQLite store; {} is a PostgreSQL store",
                self.path.display()
            ))
            .hint(
                "back a PostgreSQL store up with pg_dump or continuous archiving (docs/store.md)",
            ));
        };
        let err = super::sql_err(dest);
        let mut dst = rusqlite::Connection::open(dest).map_err(&err)?;
        {
            let backup = rusqlite::backup::Backup::new(src, &mut dst).map_err(&err)?;
            // All pages in one step: one read snapshot, never restarted by a writer.
            backup.step(-1).map_err(&err)?;
        }
        // A backup is a plain file: no WAL beside it.
        dst.execute_batch("PRAGMA journal_mode=DELETE;")
            .map_err(&err)?;
        dst.close().map_err(|(_, e)| err(e))?;
        Ok(std::fs::metadata(dest).map(|m| m.len()).unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_table_is_listed_once_in_creation_order() {
        let t = super::tables();
        assert_eq!(t.first().map(String::as_str), Some("meta"));
        for name in ["users", "audit_log", "members", "claims", "prior_auths"] {
            assert_eq!(t.iter().filter(|n| *n == name).count(), 1, "{name}");
        }
        let pos = |n: &str| t.iter().position(|x| x == n).unwrap();
        assert!(pos("users") < pos("memberships"));
        assert!(pos("claims") < pos("claim_lines"));
        // 010 dropped the remittance's SVC and CAS tables and rebuilt its CLP table under a
        // new name, then renamed it back.
        assert!(pos("remits") < pos("remit_claims"));
        for gone in ["remit_lines", "remit_adjustments", "remit_claims_new"] {
            assert!(!t.iter().any(|n| n == gone), "{gone}");
        }
    }

    /// The list is the schema the migrations make: every table of a freshly migrated
    /// store, no more (a table the list missed would be left behind by `store copy` and by
    /// the demo replacing its server store).
    #[test]
    fn the_list_is_every_table_the_migrations_leave() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        for (_, sql) in super::MIGRATIONS {
            c.execute_batch(sql).unwrap();
        }
        let mut made: Vec<String> = c
            .prepare(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        made.sort();
        let mut listed = super::tables();
        listed.sort();
        assert_eq!(listed, made);
    }
}
