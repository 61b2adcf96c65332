//! Members and their coverage spans.

use super::db::{Backend, Cell, Conn, DbError, Param, Row, RowResult, Val};
use super::Tx;
use crate::domain::eligibility::{CoverageKind, MemberRecord, Span};
use crate::domain::ids::HealthId;
use crate::error::{Error, Result};
use crate::params;
use chrono::NaiveDate;

/// A member as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub health_id: HealthId,
    pub last_name: String,
    pub first_name: String,
    pub dob: NaiveDate,
    pub sex: String,
}

const MEMBER_COLS: &str = "id, health_id, last_name, first_name, dob, sex";
/// [`MEMBER_COLS`] of `members m`.
const MEMBER_COLS_M: &str = "m.id, m.health_id, m.last_name, m.first_name, m.dob, m.sex";

fn member_row(r: &Row<'_>) -> RowResult<MemberRow> {
    Ok(MemberRow {
        id: r.get(0)?,
        health_id: r.get(1)?,
        last_name: r.get(2)?,
        first_name: r.get(3)?,
        dob: r.get(4)?,
        sex: r.get(5)?,
    })
}

use crate::domain::eligibility::{parse_ymd as ymd, ymd_bytes, ymd_string};

fn kind_of(s: &str) -> Option<CoverageKind> {
    match s {
        "benefit" => Some(CoverageKind::Benefit),
        "cco" => Some(CoverageKind::Cco),
        "tpl" => Some(CoverageKind::Tpl),
        "medicare" => Some(CoverageKind::Medicare),
        _ => CoverageKind::parse(s),
    }
}

/// A coverage span whose `column` holds what mmis never writes there (exit 8).
fn corrupt(column: &str) -> Error {
    Error::tampered(format!(
        "the store holds a coverage span mmis does not write (column {column})"
    ))
}

/// The name index, as migrations 002 and 012 leave it: names with their ASCII letters
/// folded to lower case (docs/eligibility.md). SQLite's `lower()` folds ASCII letters only;
/// PostgreSQL's folds every letter the database's locale knows, except in the "C"
/// collation, where it also folds ASCII only (and the index sorts bytes, not the locale's
/// order: faster to build).
fn name_index(backend: Backend) -> &'static str {
    match backend {
        // One line, as migration 002 wrote it: SQLite keeps the text of the statement.
        Backend::Sqlite => {
            "CREATE INDEX IF NOT EXISTS members_name_dob ON members(lower(last_name), lower(first_name), dob);"
        }
        Backend::Postgres => {
            r#"CREATE INDEX IF NOT EXISTS members_name_dob
                 ON members(lower(last_name COLLATE "C"), lower(first_name COLLATE "C"), dob);"#
        }
    }
}

/// The test of a member row (columns prefixed by `m`, e.g. `"m."`) against a name and
/// date of birth (the SQL expressions `last`, `first`, `dob`), as [`name_index`] indexes
/// it: ASCII letters compared in either case, every other character as it is.
fn name_test(backend: Backend, m: &str, last: &str, first: &str, dob: &str) -> String {
    match backend {
        Backend::Sqlite => format!(
            "lower({m}last_name) = lower({last}) AND lower({m}first_name) = lower({first})
             AND {m}dob = {dob}"
        ),
        Backend::Postgres => format!(
            r#"lower({m}last_name COLLATE "C") = lower(CAST({last} AS TEXT) COLLATE "C")
               AND lower({m}first_name COLLATE "C") = lower(CAST({first} AS TEXT) COLLATE "C")
               AND {m}dob = {dob}"#
        ),
    }
}

/// A member found by a list lookup ([`Tx::each_spans_by`]).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// Which of the lists the member was found in.
    pub listed: Listed,
    /// The place of the key in that list.
    pub pos: usize,
    pub health_id: HealthId,
}

/// The list of [`Tx::each_spans_by`] a [`Hit`] is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// The list of Health IDs.
    HealthIds,
    /// The list of member row ids.
    MemberIds,
}

/// The span columns of `coverage_spans s`, in the order [`span_at`] reads them.
const SPAN_COLS_S: &str = "s.kind, s.plan, s.plan_type, s.start_date, s.end_date, s.plan_partner";

/// `db.each` with a row function that fails with our errors: the first one stops the rows
/// and is returned.
fn each_try(
    db: &Conn,
    sql: &str,
    params: &[&dyn Param],
    mut f: impl FnMut(&Row<'_>) -> Result<()>,
) -> Result<()> {
    let mut failed = None;
    db.each(sql, params, |r| match f(r) {
        Ok(()) => Ok(true),
        Err(e) => {
            failed = Some(e);
            Ok(false)
        }
    })?;
    failed.map_or(Ok(()), Err)
}

/// The coverage span in the six columns from `first` ([`SPAN_COLS_S`]); `None` when its
/// kind is NULL (the LEFT JOIN of a member without spans).
fn span_at(db: &Conn, r: &Row<'_>, first: usize) -> Result<Option<Span>> {
    Ok(
        span_with(db, r, first, |t| Ok(t.to_string()))?.map(|s| Span {
            kind: s.kind,
            plan: s.plan,
            plan_type: s.plan_type,
            start: s.start,
            end: s.end,
            plan_partner: s.plan_partner,
        }),
    )
}

/// A coverage span whose texts are `T`s: [`Span`]'s own `String`s, or places in a buffer
/// while [`sweep_in_two`] holds it.
struct SpanOf<T> {
    kind: CoverageKind,
    plan: T,
    plan_type: Option<T>,
    start: NaiveDate,
    end: Option<NaiveDate>,
    plan_partner: Option<T>,
}

/// A span held by [`sweep_in_two`]: its texts as (start, end) places in one buffer.
type HeldSpan = SpanOf<(u32, u32)>;

/// [`span_at`] with each text kept by `keep`.
fn span_with<T>(
    db: &Conn,
    r: &Row<'_>,
    first: usize,
    mut keep: impl FnMut(&str) -> Result<T>,
) -> Result<Option<SpanOf<T>>> {
    let fail = |e| db.error(e);
    // Text columns are looked at in place; anything but text counts as missing.
    let kind = r
        .with_cell(first, |c| {
            Ok(match c {
                Cell::Text(t) => Some(kind_of(t)),
                _ => None,
            })
        })
        .map_err(fail)?;
    let Some(kind) = kind else {
        return Ok(None);
    };
    let mut text = |i: usize| -> Result<Option<T>> {
        let mut kept = None;
        r.with_cell(first + i, |c| {
            if let Cell::Text(t) = c {
                kept = Some(keep(t));
            }
            Ok(())
        })
        .map_err(fail)?;
        kept.transpose()
    };
    let plan = text(1)?.ok_or_else(|| corrupt("plan"))?;
    let plan_type = text(2)?;
    let plan_partner = text(5)?;
    let date = |i: usize| -> Result<Option<Option<NaiveDate>>> {
        r.with_cell(first + i, |c| {
            Ok(match c {
                Cell::Text(t) => Some(ymd(t)),
                _ => None,
            })
        })
        .map_err(fail)
    };
    Ok(Some(SpanOf {
        kind: kind.ok_or_else(|| corrupt("kind"))?,
        plan,
        plan_type,
        start: date(3)?.flatten().ok_or_else(|| corrupt("start_date"))?,
        end: match date(4)? {
            None => None,
            Some(d) => Some(d.ok_or_else(|| corrupt("end_date"))?),
        },
        plan_partner,
    }))
}

/// Runs `sql`, whose rows are head columns (a member's: its id first) then the six span
/// columns from `first_span`, each member's rows adjacent, calling `f` once per member with
/// all of their spans (none for a member without spans). `head` reads the member's id and
/// what `f` needs of it.
fn each_grouped<H>(
    db: &Conn,
    sql: &str,
    params: &[&dyn Param],
    head: impl Fn(&Row<'_>) -> RowResult<(i64, H)>,
    first_span: usize,
    mut f: impl FnMut(H, Vec<Span>) -> Result<()>,
) -> Result<()> {
    let mut current: Option<(i64, H, Vec<Span>)> = None;
    each_try(db, sql, params, |r| {
        let id: i64 = r.get(0).map_err(|e| db.error(e))?;
        if current.as_ref().is_some_and(|(cur, _, _)| *cur != id) {
            if let Some((_, h, spans)) = current.take() {
                f(h, spans)?;
            }
        }
        let (_, _, spans) = match &mut current {
            Some(c) => c,
            None => {
                let (id, h) = head(r).map_err(|e| db.error(e))?;
                current.insert((id, h, Vec::new()))
            }
        };
        if let Some(s) = span_at(db, r, first_span)? {
            spans.push(s);
        }
        Ok(())
    })?;
    match current {
        Some((_, h, spans)) => f(h, spans),
        None => Ok(()),
    }
}

/// The place in the list of a list row (`rarray`'s rowid, PostgreSQL's ordinality: from 1).
fn list_pos(rowid: i64) -> usize {
    usize::try_from(rowid - 1).unwrap_or(usize::MAX)
}

/// A PostgreSQL member sweep ([`Tx::sweep`]) probes the indexes per key when its list
/// holds at most one key per this many members; a longer list is answered in one pass.
const PROBE_FRACTION: i64 = 20;

/// The column a member sweep ([`Tx::sweep`]) matches a list of keys against.
fn key_column(listed: Listed) -> &'static str {
    match listed {
        Listed::HealthIds => "m.health_id",
        Listed::MemberIds => "m.id",
    }
}

/// The PostgreSQL type of a list of such keys.
fn pg_array_type(listed: Listed) -> &'static str {
    match listed {
        Listed::HealthIds => "TEXT",
        Listed::MemberIds => "BIGINT",
    }
}

/// Whether this PostgreSQL transaction reads one snapshot throughout (REPEATABLE READ or
/// SERIALIZABLE), as every read-only command's does.
fn in_snapshot(db: &Conn) -> Result<bool> {
    let level: String = db.value("SELECT current_setting('transaction_isolation')", params![])?;
    Ok(level == "repeatable read" || level == "serializable")
}

/// The place of each key in a sweep's list (PostgreSQL: the rows do not come in list
/// order, so a row's place is found by its key).
enum Places<'a> {
    Text(std::collections::HashMap<&'a str, usize>),
    Int(std::collections::HashMap<i64, usize>),
}

impl<'a> Places<'a> {
    /// The first place of each key.
    fn text(keys: &[&'a str]) -> Places<'a> {
        let mut m = std::collections::HashMap::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            m.entry(*k).or_insert(i);
        }
        Places::Text(m)
    }

    fn int(keys: &[i64]) -> Places<'a> {
        let mut m = std::collections::HashMap::with_capacity(keys.len());
        for (i, k) in keys.iter().enumerate() {
            m.entry(*k).or_insert(i);
        }
        Places::Int(m)
    }

    /// The place of the key in `cell`, if it is one of the keys.
    fn find(&self, cell: Cell<'_>) -> Option<usize> {
        match (self, &cell) {
            (Places::Text(m), Cell::Text(t)) => m.get(*t).copied(),
            (Places::Int(m), Cell::Int(i)) => m.get(i).copied(),
            _ => None,
        }
    }

    /// The place of the key in `cell`.
    fn get(&self, cell: Cell<'_>) -> std::result::Result<usize, String> {
        self.find(cell)
            .ok_or_else(|| format!("a member sweep returned a key it was not given: {cell:?}"))
    }
}

/// A long PostgreSQL member sweep ([`Tx::sweep`]) in two statements of one snapshot: the
/// members whose key is in one of `lists` (`select`, then their Health ID and row id,
/// read by `head` with the list and the key's place in `places`), then their spans by row
/// id. Each statement is one pass over its table testing each row against its list
/// hashed (`= ANY` of a constant array); the spans come in no order and are put in
/// (member, seq) order here. `f` is called once per hit, in row id order. The `CASE`
/// around each test hides the list from the planner's estimate of how many rows match,
/// which would otherwise weigh every key in turn (20-40 ms for 90,000 keys, more than
/// the rest of planning); the list is still hashed, and one pass is the only plan.
fn sweep_in_two<H>(
    db: &Conn,
    select: &str,
    ids: &[&str],
    member_ids: &[i64],
    head: impl Fn(&Row<'_>, Listed, usize) -> RowResult<(i64, H)>,
    mut f: impl FnMut(H, Vec<Span>) -> Result<()>,
) -> Result<()> {
    let n = select.split(',').count();
    // The lists in the order of the statement's key columns (Health ID, then row id).
    let lists = [
        (Listed::HealthIds, Places::text(ids)),
        (Listed::MemberIds, Places::int(member_ids)),
    ];
    let mut heads: Vec<(i64, H)> = Vec::new();
    each_try(
        db,
        &format!(
            "SELECT {select}, m.health_id, m.id FROM members m
             WHERE CASE WHEN m.health_id = ANY(CAST(?1 AS TEXT[]))
                          OR m.id = ANY(CAST(?2 AS BIGINT[])) THEN true END"
        ),
        params![Val::TextList(ids), Val::IntList(member_ids)],
        |r| {
            let mut hits = 0;
            for (i, (listed, places)) in lists.iter().enumerate() {
                let pos = r
                    .with_cell(n + i, |c| Ok(places.find(c)))
                    .map_err(|e| db.error(e))?;
                if let Some(pos) = pos {
                    heads.push(head(r, *listed, pos).map_err(|e| db.error(e))?);
                    hits += 1;
                }
            }
            if hits == 0 {
                // Neither key was asked for: the error the Health ID's place gives.
                r.with_cell(n, |c| lists[0].1.get(c))
                    .map_err(|e| db.error(e))?;
            }
            Ok(())
        },
    )?;
    if heads.is_empty() {
        return Ok(());
    }
    // Stable: a member in both lists is met in the lists' order.
    heads.sort_by_key(|(id, _)| *id);
    let mut ids: Vec<i64> = heads.iter().map(|(id, _)| *id).collect();
    ids.dedup();
    // The spans' texts in one buffer (a span is then 64 bytes and no allocation of its
    // own until its member is answered: a chunk of the roster holds ~200,000 of them).
    // (About 24 bytes of text a span: reserved, not doubled into.)
    let mut text = String::with_capacity(ids.len() * 48);
    let mut spans: Vec<(i64, i64, HeldSpan)> = Vec::with_capacity(ids.len() * 2);
    each_try(
        db,
        &format!(
            "SELECT s.member_id, s.seq, {SPAN_COLS_S} FROM coverage_spans s
             WHERE CASE WHEN s.member_id = ANY(CAST(?1 AS BIGINT[])) THEN true END"
        ),
        params![Val::IntList(&ids)],
        |r| {
            let id: i64 = r.get(0).map_err(|e| db.error(e))?;
            let seq: i64 = r.get(1).map_err(|e| db.error(e))?;
            let keep = |t: &str| {
                let at = |n: usize| {
                    u32::try_from(n)
                        .map_err(|_| Error::internal("a member sweep's spans exceed 4 GiB of text"))
                };
                let start = at(text.len())?;
                text.push_str(t);
                Ok((start, at(text.len())?))
            };
            if let Some(s) = span_with(db, r, 2, keep)? {
                spans.push((id, seq, s));
            }
            Ok(())
        },
    )?;
    drop(ids);
    // Nearly in order already (the table is clustered by member as it is loaded).
    spans.sort_unstable_by_key(|(id, seq, _)| (*id, *seq));
    let held = |(a, b): (u32, u32)| {
        text.get(a as usize..b as usize)
            .unwrap_or_default()
            .to_string()
    };
    let mut spans = spans.into_iter().peekable();
    let mut heads = heads.into_iter().peekable();
    while let Some((id, h)) = heads.next() {
        let mut mine = Vec::new();
        while let Some((_, _, s)) = spans.next_if(|(sid, _, _)| *sid == id) {
            mine.push(Span {
                kind: s.kind,
                plan: held(s.plan),
                plan_type: s.plan_type.map(held),
                start: s.start,
                end: s.end,
                plan_partner: s.plan_partner.map(held),
            });
        }
        // A member in both lists: the first hit gets a copy.
        if let Some((_, again)) = heads.next_if(|(next, _)| *next == id) {
            f(h, mine.clone())?;
            f(again, mine)?;
        } else {
            f(h, mine)?;
        }
    }
    Ok(())
}

/// A [`member_row`] as the head of [`each_grouped`] rows.
fn member_head(r: &Row<'_>) -> RowResult<(i64, MemberRow)> {
    let m = member_row(r)?;
    Ok((m.id, m))
}

/// The Health IDs a streamed import has met ([`Tx::seen_members`]).
pub struct SeenMembers<'t> {
    db: &'t Conn,
}

impl SeenMembers<'_> {
    /// Records that the member's rows start at `row`; when the member was met before,
    /// returns the row where it was first met instead (and records nothing).
    pub fn first_row(&mut self, health_id: HealthId, row: usize) -> Result<Option<usize>> {
        let n = self.db.execute(
            "INSERT INTO import_seen(health_id, row) VALUES (?1, ?2)
             ON CONFLICT(health_id) DO NOTHING",
            params![health_id, row],
        )?;
        if n == 1 {
            return Ok(None);
        }
        let r: i64 = self.db.value(
            "SELECT row FROM import_seen WHERE health_id = ?1",
            params![health_id],
        )?;
        Ok(Some(usize::try_from(r).unwrap_or(0)))
    }
}

/// Members a bulk import holds before writing them: a multi-row `INSERT` on SQLite, one
/// `COPY` on PostgreSQL.
const BULK_SQLITE: usize = 512;
const BULK_PG: usize = 10_000;

/// PostgreSQL's rows handed to [`BulkInsert::add`] and not yet written, as the text of
/// the two `COPY`s that will write them (written as they are added: no row is held
/// twice).
#[derive(Default)]
struct CopyRows {
    members: Vec<u8>,
    spans: Vec<u8>,
    n_members: usize,
    n_spans: usize,
}

impl CopyRows {
    fn clear(&mut self) {
        self.members.clear();
        self.spans.clear();
        self.n_members = 0;
        self.n_spans = 0;
    }
}

/// A member for [`BulkInsert::add`], its text borrowed. The Health ID and date of birth
/// are typed (a Health ID is 8 bytes, a date 4: free to carry); the names stay slices of
/// the CSV reader's buffer, which the SQLite writer copies once into its own buffer and
/// binds in place ([`InPlace`]): the import's fast path, kept as it was.
pub struct NewMember<'a> {
    pub health_id: HealthId,
    pub last_name: &'a str,
    pub first_name: &'a str,
    pub dob: NaiveDate,
    pub sex: &'static str,
}

/// A coverage span for [`BulkInsert::add`], its text borrowed.
pub struct NewSpan<'a> {
    pub kind: CoverageKind,
    pub plan: &'a str,
    pub plan_type: Option<&'a str>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub plan_partner: Option<&'a str>,
}

/// A text column of [`LiteRows`]: a range of its text, or NULL.
type Col = Option<(u32, u32)>;

/// SQLite's pending rows: every text value in one buffer, each row its columns' ranges
/// (no allocation per row; the buffer and vectors are reused from batch to batch).
#[derive(Default)]
struct LiteRows {
    text: String,
    /// Row id, then health_id, last_name, first_name, dob, sex.
    members: Vec<(i64, [Col; 5])>,
    /// Member row id, seq, then kind, plan, plan_type, start_date, end_date, plan_partner.
    spans: Vec<(i64, i64, [Col; 6])>,
}

impl LiteRows {
    fn push(&mut self, s: &str) -> Col {
        let start = u32::try_from(self.text.len()).ok()?;
        self.text.push_str(s);
        Some((start, u32::try_from(self.text.len()).ok()?))
    }
    fn push_date(&mut self, d: NaiveDate) -> Col {
        self.push(std::str::from_utf8(&ymd_bytes(d)).unwrap_or_default())
    }
    fn get(&self, c: &Col) -> Val<'_> {
        match c {
            Some((a, b)) => Val::Text(self.text.get(*a as usize..*b as usize).unwrap_or_default()),
            None => Val::Null,
        }
    }
    fn clear(&mut self) {
        self.text.clear();
        self.members.clear();
        self.spans.clear();
    }
}

/// Inserts for a bulk import into an empty store ([`Tx::bulk_insert`]): the caller gives
/// each member its row id. Rows are held in small batches and written many to a statement;
/// [`BulkInsert::flush`] writes what is held (before a lookup, and at the end).
pub struct BulkInsert<'t> {
    db: &'t Conn,
    batch: usize,
    /// PostgreSQL: the members' and spans' keys are dropped for a fresh load, to be built
    /// at the first [`BulkInsert::flush`].
    keys_dropped: bool,
    /// PostgreSQL's pending rows.
    pending: CopyRows,
    /// SQLite's.
    lite: LiteRows,
    /// SQLite's multi-row INSERTs prepared so far: (columns, rows, statement).
    sql: Vec<(usize, usize, InPlace)>,
}

impl BulkInsert<'_> {
    /// Adds a member with row id `id` (new, unique: the store had no members when the
    /// import began) and its spans, numbered from 1.
    pub fn add<'a>(
        &mut self,
        id: i64,
        m: &NewMember<'_>,
        spans: impl IntoIterator<Item = NewSpan<'a>>,
    ) -> Result<()> {
        let held = match self.db.backend() {
            Backend::Sqlite => {
                let l = &mut self.lite;
                let cols = [
                    l.push(m.health_id.as_str()),
                    l.push(m.last_name),
                    l.push(m.first_name),
                    l.push_date(m.dob),
                    l.push(m.sex),
                ];
                l.members.push((id, cols));
                for (i, s) in spans.into_iter().enumerate() {
                    let cols = [
                        l.push(s.kind.as_str()),
                        l.push(s.plan),
                        s.plan_type.and_then(|t| l.push(t)),
                        l.push_date(s.start),
                        s.end.and_then(|e| l.push_date(e)),
                        s.plan_partner.and_then(|p| l.push(p)),
                    ];
                    l.spans
                        .push((id, i64::try_from(i + 1).unwrap_or(i64::MAX), cols));
                }
                (l.members.len(), l.spans.len())
            }
            Backend::Postgres => {
                let c = &mut self.pending;
                let buf = &mut c.members;
                copy_int(buf, id);
                copy_field(buf, Some(m.health_id.as_str()), b'\t');
                copy_field(buf, Some(m.last_name), b'\t');
                copy_field(buf, Some(m.first_name), b'\t');
                copy_field(buf, std::str::from_utf8(&ymd_bytes(m.dob)).ok(), b'\t');
                copy_field(buf, Some(m.sex), b'\n');
                c.n_members += 1;
                let buf = &mut c.spans;
                for (i, s) in spans.into_iter().enumerate() {
                    copy_int(buf, id);
                    copy_int(buf, i64::try_from(i + 1).unwrap_or(i64::MAX));
                    copy_field(buf, Some(s.kind.as_str()), b'\t');
                    copy_field(buf, Some(s.plan), b'\t');
                    copy_field(buf, s.plan_type, b'\t');
                    copy_field(buf, std::str::from_utf8(&ymd_bytes(s.start)).ok(), b'\t');
                    let end = s.end.map(ymd_bytes);
                    copy_field(
                        buf,
                        end.as_ref().and_then(|e| std::str::from_utf8(e).ok()),
                        b'\t',
                    );
                    copy_field(buf, s.plan_partner, b'\n');
                    c.n_spans += 1;
                }
                (c.n_members, c.n_spans)
            }
        };
        if held.0 >= self.batch || held.1 >= 2 * self.batch {
            self.write_held()?;
        }
        Ok(())
    }

    /// Writes the rows held, so that lookups see every member added so far. On PostgreSQL
    /// the keys a fresh load dropped ([`Tx::begin_fresh_load`]) are built first here: a
    /// lookup by Health ID, or the spans of a member met again, need them.
    pub fn flush(&mut self) -> Result<()> {
        self.write_held()?;
        if self.keys_dropped {
            restore_keys(self.db)?;
            self.keys_dropped = false;
        }
        Ok(())
    }

    fn write_held(&mut self) -> Result<()> {
        match self.db.backend() {
            Backend::Sqlite => {
                if !self.lite.members.is_empty() || !self.lite.spans.is_empty() {
                    self.flush_rows()?;
                }
                self.lite.clear();
            }
            Backend::Postgres => {
                if self.pending.n_members == 0 && self.pending.n_spans == 0 {
                    return Ok(());
                }
                self.flush_copy()?;
                self.pending.clear();
            }
        }
        Ok(())
    }

    /// SQLite: `INSERT … VALUES (…), (…), …`, up to [`BULK_SQLITE`] rows a statement (a
    /// remainder in powers of two, so that few distinct statements are prepared), each
    /// text bound from the one buffer of [`LiteRows`]. `OR FAIL`: a failing statement
    /// keeps its earlier rows rather than undoing them, so the inserts need no statement
    /// journal (the spans' would for their foreign key, which the import checks once at
    /// the end: [`super::Store::span_member_checks_at_end`]). The import's transaction is
    /// rolled back on any failure all the same.
    fn flush_rows(&mut self) -> Result<()> {
        let l = &self.lite;
        let mut vals: Vec<Val<'_>> = Vec::with_capacity(BULK_SQLITE * 8);
        let mut sql = std::mem::take(&mut self.sql);
        let mut rest = &l.members[..];
        while !rest.is_empty() {
            let (chunk, tail) = rest.split_at(chunk_len(rest.len()));
            rest = tail;
            vals.clear();
            for (id, cols) in chunk {
                vals.push(Val::Int(*id));
                vals.extend(cols.iter().map(|c| l.get(c)));
            }
            self.insert_values(
                &mut sql,
                "INSERT OR FAIL INTO members(id, health_id, last_name, first_name, dob, sex) VALUES ",
                6,
                &vals,
            )?;
        }
        let mut rest = &l.spans[..];
        while !rest.is_empty() {
            let (chunk, tail) = rest.split_at(chunk_len(rest.len()));
            rest = tail;
            vals.clear();
            for (member, seq, cols) in chunk {
                vals.extend([Val::Int(*member), Val::Int(*seq)]);
                vals.extend(cols.iter().map(|c| l.get(c)));
            }
            self.insert_values(
                &mut sql,
                "INSERT OR FAIL INTO coverage_spans(member_id, seq, kind, plan, plan_type, start_date, end_date, plan_partner) VALUES ",
                8,
                &vals,
            )?;
        }
        self.sql = sql;
        Ok(())
    }

    /// Runs `head` followed by as many `(?, …)` groups of `width` as `vals` fills (the
    /// statement prepared once and kept in `sql`).
    fn insert_values(
        &self,
        sql: &mut Vec<(usize, usize, InPlace)>,
        head: &str,
        width: usize,
        vals: &[Val<'_>],
    ) -> Result<()> {
        let rows = vals.len() / width;
        let i = match sql.iter().position(|(w, r, _)| *w == width && *r == rows) {
            Some(i) => i,
            None => {
                let group = format!("({}?)", "?, ".repeat(width - 1));
                let mut text = String::with_capacity(head.len() + rows * (group.len() + 2));
                text.push_str(head);
                for i in 0..rows {
                    if i > 0 {
                        text.push_str(", ");
                    }
                    text.push_str(&group);
                }
                sql.push((width, rows, InPlace::prepare(self.db, &text)?));
                sql.len() - 1
            }
        };
        sql[i].2.run(self.db, vals)
    }

    /// PostgreSQL: the members, then their spans, each as one `COPY … FROM STDIN`.
    fn flush_copy(&self) -> Result<()> {
        self.copy(
            "COPY members(id, health_id, last_name, first_name, dob, sex) FROM STDIN",
            &self.pending.members,
        )?;
        self.copy(
            "COPY coverage_spans(member_id, seq, kind, plan, plan_type, start_date, end_date, plan_partner) FROM STDIN",
            &self.pending.spans,
        )
    }

    fn copy(&self, sql: &str, data: &[u8]) -> Result<()> {
        if data.is_empty() {
            return Ok(());
        }
        let Some(mut pg) = self.db.pg() else {
            return Err(Error::internal("COPY on a store that is not PostgreSQL"));
        };
        let r = (|| {
            use std::io::Write;
            let mut w = pg.client.copy_in(sql)?;
            // A failed write is the server's error, reported by `finish`.
            let _ = w.write_all(data);
            w.finish()
        })();
        r.map(|_| ()).map_err(|e| self.db.error(DbError::Pg(e)))
    }
}

/// An SQLite statement whose text values are bound in place (`SQLITE_STATIC`) rather than
/// copied: rusqlite binds every text as a copy (`SQLITE_TRANSIENT`, an allocation and a
/// free per value, thousands per multi-row INSERT), which was a sixth of a million-member
/// import's time. Sound because [`InPlace::run`] binds, steps, resets and clears the
/// bindings before it returns, while the values it was given are still borrowed; the
/// statement is finalized when dropped, which the borrow of the connection keeps before
/// the connection closes.
struct InPlace {
    stmt: std::ptr::NonNull<rusqlite::ffi::sqlite3_stmt>,
}

impl InPlace {
    fn handle(db: &Conn) -> Result<*mut rusqlite::ffi::sqlite3> {
        let lite = db
            .lite()
            .ok_or_else(|| Error::internal("an SQLite statement on a store that is not SQLite"))?;
        // SAFETY: the handle is only used while `db` (and so the connection) is borrowed.
        #[allow(unsafe_code)]
        Ok(unsafe { lite.handle() })
    }

    /// The connection's last error as ours.
    fn failure(db: &Conn, raw: *mut rusqlite::ffi::sqlite3, rc: std::os::raw::c_int) -> Error {
        use rusqlite::ffi;
        // SAFETY: `raw` is the open connection of `db`; the message is copied at once.
        #[allow(unsafe_code)]
        let (code, msg) = unsafe {
            let code = ffi::sqlite3_extended_errcode(raw);
            let msg = ffi::sqlite3_errmsg(raw);
            let msg = (!msg.is_null())
                .then(|| std::ffi::CStr::from_ptr(msg).to_string_lossy().into_owned());
            (if code == 0 { rc } else { code }, msg)
        };
        db.error(DbError::Lite(rusqlite::Error::SqliteFailure(
            ffi::Error::new(code),
            msg,
        )))
    }

    fn prepare(db: &Conn, sql: &str) -> Result<InPlace> {
        use rusqlite::ffi;
        let raw = Self::handle(db)?;
        let len = std::os::raw::c_int::try_from(sql.len())
            .map_err(|_| Error::internal("an SQL statement too long to prepare"))?;
        let mut stmt: *mut ffi::sqlite3_stmt = std::ptr::null_mut();
        // SAFETY: `sql` is valid for `len` bytes; `stmt` receives a statement we own.
        #[allow(unsafe_code)]
        let rc = unsafe {
            ffi::sqlite3_prepare_v3(
                raw,
                sql.as_ptr().cast(),
                len,
                ffi::SQLITE_PREPARE_PERSISTENT as std::os::raw::c_uint,
                &mut stmt,
                std::ptr::null_mut(),
            )
        };
        match std::ptr::NonNull::new(stmt) {
            Some(stmt) if rc == ffi::SQLITE_OK => Ok(InPlace { stmt }),
            _ => Err(Self::failure(db, raw, rc)),
        }
    }

    /// Binds `vals` (NULLs, integers and text only) to the placeholders in order and runs
    /// the statement once.
    fn run(&mut self, db: &Conn, vals: &[Val<'_>]) -> Result<()> {
        use rusqlite::ffi;
        let raw = Self::handle(db)?;
        let stmt = self.stmt.as_ptr();
        // SAFETY: `stmt` is ours and not finalized; each text is bound without a copy and
        // stays borrowed (by `vals`) until the bindings are cleared below.
        #[allow(unsafe_code)]
        unsafe {
            if usize::try_from(ffi::sqlite3_bind_parameter_count(stmt)).ok() != Some(vals.len()) {
                return Err(Error::internal(
                    "a bulk INSERT bound with the wrong number of values",
                ));
            }
            let mut rc = ffi::SQLITE_OK;
            for (i, v) in vals.iter().enumerate() {
                let n = (i + 1) as std::os::raw::c_int;
                rc = match *v {
                    Val::Null => ffi::sqlite3_bind_null(stmt, n),
                    Val::Int(x) => ffi::sqlite3_bind_int64(stmt, n, x),
                    Val::Text(s) => match std::os::raw::c_int::try_from(s.len()) {
                        Ok(len) => ffi::sqlite3_bind_text(
                            stmt,
                            n,
                            s.as_ptr().cast(),
                            len,
                            ffi::SQLITE_STATIC(),
                        ),
                        Err(_) => ffi::SQLITE_TOOBIG,
                    },
                    _ => ffi::SQLITE_MISUSE,
                };
                if rc != ffi::SQLITE_OK {
                    break;
                }
            }
            if rc == ffi::SQLITE_OK {
                rc = ffi::sqlite3_step(stmt);
            }
            let failed = (rc != ffi::SQLITE_DONE).then(|| Self::failure(db, raw, rc));
            ffi::sqlite3_reset(stmt);
            ffi::sqlite3_clear_bindings(stmt);
            failed.map_or(Ok(()), Err)
        }
    }
}

impl Drop for InPlace {
    fn drop(&mut self) {
        // SAFETY: the statement is ours and finalized once.
        #[allow(unsafe_code)]
        unsafe {
            rusqlite::ffi::sqlite3_finalize(self.stmt.as_ptr());
        }
    }
}

/// How many of `n` rows the next multi-row statement takes: [`BULK_SQLITE`], or the
/// largest power of two not above `n`.
fn chunk_len(n: usize) -> usize {
    if n >= BULK_SQLITE {
        BULK_SQLITE
    } else {
        1 << n.max(1).ilog2()
    }
}

/// One field of PostgreSQL's text `COPY` format, then `end` (tab or newline): `\\N` for
/// NULL; backslash, tab, newline and carriage return escaped. A field without any of those
/// (nearly all) is copied whole.
fn copy_field(buf: &mut Vec<u8>, v: Option<&str>, end: u8) {
    match v {
        None => buf.extend_from_slice(b"\\N"),
        Some(t) => {
            let special = |b: &u8| matches!(b, b'\\' | b'\t' | b'\n' | b'\r');
            let mut rest = t.as_bytes();
            while let Some(i) = rest.iter().position(special) {
                buf.extend_from_slice(&rest[..i]);
                buf.extend_from_slice(match rest[i] {
                    b'\\' => b"\\\\",
                    b'\t' => b"\\t",
                    b'\n' => b"\\n",
                    _ => b"\\r",
                });
                rest = &rest[i + 1..];
            }
            buf.extend_from_slice(rest);
        }
    }
    buf.push(end);
}

/// An integer field of the text `COPY` format, then a tab.
fn copy_int(buf: &mut Vec<u8>, v: i64) {
    use std::io::Write;
    // Writing to a Vec cannot fail.
    let _ = write!(buf, "{v}\t");
}

/// PostgreSQL, a fresh load: the members' primary key and Health ID key and the spans'
/// primary key are dropped (after the spans' foreign key, which needs the first) and built
/// again by [`restore_keys`], each in one sort of the loaded table instead of an index
/// insert per row. The rows loaded cannot break them (the import gives each member a new
/// row id and numbers its spans, and looks a Health ID met again up, after the keys are
/// back); building them checks that all the same, and a failure rolls the import back.
fn drop_keys(db: &Conn) -> Result<()> {
    db.batch(
        "ALTER TABLE members DROP CONSTRAINT members_pkey,
                             DROP CONSTRAINT members_health_id_key;
         ALTER TABLE coverage_spans DROP CONSTRAINT coverage_spans_pkey;",
    )
}

/// Whether the members' primary key is there (PostgreSQL; see [`drop_keys`]).
fn keys_present(db: &Conn) -> Result<bool> {
    db.value(
        "SELECT EXISTS (SELECT 1 FROM pg_constraint
                        WHERE conrelid = CAST('members' AS regclass) AND conname = 'members_pkey')",
        params![],
    )
}

/// Builds the keys [`drop_keys`] dropped, under the same names, unless they are there;
/// with room to sort in memory for this transaction's index builds and the foreign key's
/// check (PostgreSQL runs that check with this setting as its working memory).
fn restore_keys(db: &Conn) -> Result<()> {
    db.batch("SET LOCAL maintenance_work_mem = '256MB';")?;
    if keys_present(db)? {
        return Ok(());
    }
    db.batch(
        "ALTER TABLE members ADD CONSTRAINT members_pkey PRIMARY KEY (id),
                             ADD CONSTRAINT members_health_id_key UNIQUE (health_id);
         ALTER TABLE coverage_spans ADD CONSTRAINT coverage_spans_pkey PRIMARY KEY (member_id, seq);",
    )
}

const INSERT_SPAN: &str = "INSERT INTO coverage_spans(member_id, seq, kind, plan, plan_type, start_date, end_date, plan_partner)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

fn insert_span(db: &Conn, member_id: i64, seq: usize, s: &Span) -> Result<()> {
    let start = ymd_bytes(s.start);
    let end = s.end.map(ymd_bytes);
    db.execute(
        INSERT_SPAN,
        params![
            member_id,
            seq,
            s.kind.as_str(),
            s.plan,
            s.plan_type,
            std::str::from_utf8(&start).unwrap_or_default(),
            end.as_ref()
                .map(|e| std::str::from_utf8(e).unwrap_or_default()),
            s.plan_partner
        ],
    )?;
    Ok(())
}

impl super::Store {
    /// For a member import, before its transaction: on SQLite the spans' foreign key is
    /// not checked row by row on this connection (each span's check looked its member up
    /// from the root of the members' B-tree, and made every multi-row INSERT keep a
    /// statement journal: a fifth of the writer's time for a million members); the import
    /// checks the whole span table once before it commits instead
    /// ([`Tx::check_span_members`]), as PostgreSQL adds the constraint back after a first
    /// load. Every other command, and any other connection, checks foreign keys as ever.
    pub fn span_member_checks_at_end(&self) -> Result<()> {
        match self.backend() {
            Backend::Sqlite => self.conn().batch("PRAGMA foreign_keys = OFF;"),
            Backend::Postgres => Ok(()),
        }
    }
}

impl Tx<'_> {
    pub fn member_by_health_id(&self, health_id: &HealthId) -> Result<Option<MemberRow>> {
        self.db().query_opt(
            &format!("SELECT {MEMBER_COLS} FROM members WHERE health_id = ?1"),
            params![health_id],
            member_row,
        )
    }

    /// Members with this name (case-insensitive) and date of birth.
    pub fn members_by_name(
        &self,
        last: &str,
        first: &str,
        dob: NaiveDate,
    ) -> Result<Vec<MemberRow>> {
        self.db().query(
            &format!(
                "SELECT {MEMBER_COLS} FROM members WHERE {} ORDER BY health_id",
                name_test(self.db().backend(), "", "?1", "?2", "?3")
            ),
            params![last.trim(), first.trim(), dob],
            member_row,
        )
    }

    /// The member's coverage spans, by kind and start date.
    pub fn member_spans(&self, member_id: i64) -> Result<Vec<Span>> {
        let mut out = Vec::new();
        each_try(
            self.db(),
            "SELECT kind, plan, plan_type, start_date, end_date, plan_partner
             FROM coverage_spans WHERE member_id = ?1 ORDER BY kind, start_date",
            params![member_id],
            |r| {
                out.push(span_at(self.db(), r, 0)?.ok_or_else(|| corrupt("kind"))?);
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// A member and all their spans in one query (the batch and X12 paths).
    pub fn member_with_spans(
        &self,
        health_id: &HealthId,
    ) -> Result<Option<(MemberRow, Vec<Span>)>> {
        let mut found = None;
        each_grouped(
            self.db(),
            &format!(
                "SELECT {MEMBER_COLS_M}, {SPAN_COLS_S} FROM members m
                 LEFT JOIN coverage_spans s ON s.member_id = m.id
                 WHERE m.health_id = ?1
                 ORDER BY s.seq"
            ),
            params![health_id],
            member_head,
            6,
            |m, spans| {
                found = Some((m, spans));
                Ok(())
            },
        )?;
        Ok(found)
    }

    /// For each member on file whose Health ID is in `ids` or whose row id is in
    /// `member_ids`: `f(hit, spans)`, with all of the member's spans; `hit` names the list
    /// and the key's place in it (a member in both lists is met once for each). Keys are
    /// distinct within a list. SQLite: one statement per list, in the list's order (with
    /// the list sorted, the index and span pages are visited in sequence, and the Health
    /// ID index covers the member's rowid, so the members table itself is not read).
    /// PostgreSQL: see [`Tx::sweep`].
    pub fn each_spans_by(
        &self,
        ids: &[HealthId],
        member_ids: &[i64],
        mut f: impl FnMut(Hit, &[Span]) -> Result<()>,
    ) -> Result<()> {
        let keys: Vec<&str> = ids.iter().map(HealthId::as_str).collect();
        let head = |r: &Row<'_>, listed: Listed, pos: usize| {
            Ok((
                r.get(0)?,
                Hit {
                    listed,
                    pos,
                    health_id: r.get(1)?,
                },
            ))
        };
        self.sweep(
            "m.id, m.health_id",
            &keys,
            member_ids,
            head,
            |hit, spans| f(hit, &spans),
        )
    }

    /// Like [`Tx::each_spans_by`] for a list of Health IDs, with the whole member row
    /// (the 271 names the member): `f(pos, member, spans)`.
    pub fn each_member_by_health_id(
        &self,
        ids: &[HealthId],
        mut f: impl FnMut(usize, MemberRow, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        let head = |r: &Row<'_>, _: Listed, pos: usize| {
            let m = member_row(r)?;
            Ok((m.id, (pos, m)))
        };
        let keys: Vec<&str> = ids.iter().map(HealthId::as_str).collect();
        self.sweep(MEMBER_COLS_M, &keys, &[], head, |(pos, m), spans| {
            f(pos, m, spans)
        })
    }

    /// The members whose Health ID is one of `ids` or whose row id is one of
    /// `member_ids` (each a list of distinct keys), with their spans: `select` (member
    /// columns, `m.id` first; read by `head`, which is also given the list and the key's
    /// place in it) then the span columns; `f` is called once per hit.
    ///
    /// SQLite: a statement per list, in the list's order (the list is the outer loop; the
    /// place is `rarray`'s rowid). PostgreSQL: in the order of the members' row ids, a
    /// row's place found by its key in a map made here. Short lists (at most one key per
    /// [`PROBE_FRACTION`] members, by the server's estimate of the table's size) are
    /// answered by index probes, a statement per list. Longer ones by
    /// [`sweep_in_two`]: the members of both lists in one pass over the table, then their
    /// spans in one pass over theirs, each with its list of keys hashed; a probe of the
    /// indexes per key costs more than those passes once the lists hold a few thousand
    /// keys, and so does a hash join, which probes its hash with every span.
    fn sweep<H>(
        &self,
        select: &str,
        ids: &[&str],
        member_ids: &[i64],
        head: impl Fn(&Row<'_>, Listed, usize) -> RowResult<(i64, H)>,
        mut f: impl FnMut(H, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        let lists = [
            (Listed::HealthIds, Val::TextList(ids), ids.len()),
            (
                Listed::MemberIds,
                Val::IntList(member_ids),
                member_ids.len(),
            ),
        ];
        let n = select.split(',').count();
        let db = self.db();
        match db.backend() {
            Backend::Sqlite => {
                for (listed, keys, len) in lists {
                    if len == 0 {
                        continue;
                    }
                    // The CROSS JOIN keeps the list as the outer loop: rows come in list
                    // order, each member's spans together (the span table is clustered by
                    // member).
                    let sql = format!(
                        "SELECT {select}, r.rowid, {SPAN_COLS_S}
                         FROM rarray(?1) AS r
                         CROSS JOIN members m ON {} = r.value
                         LEFT JOIN coverage_spans s ON s.member_id = m.id",
                        key_column(listed)
                    );
                    let head = |r: &Row<'_>| head(r, listed, list_pos(r.get(n)?));
                    each_grouped(db, &sql, params![keys], head, n + 1, &mut f)?;
                }
                Ok(())
            }
            Backend::Postgres => {
                // The hash of the keys and of the rows found in memory rather than in
                // temporary files on the server (PostgreSQL's default work_mem is 4 MB),
                // and no JIT compilation, which costs more than these plain scans gain
                // from it (this transaction only).
                db.batch("SET LOCAL work_mem = '64MB'; SET LOCAL jit = off;")?;
                let members: i64 = db.value(
                    "SELECT CAST(reltuples AS BIGINT) FROM pg_class
                     WHERE oid = CAST('members' AS regclass)",
                    params![],
                )?;
                let probe = i64::try_from(ids.len() + member_ids.len())
                    .ok()
                    .and_then(|n| n.checked_mul(PROBE_FRACTION))
                    .is_some_and(|n| n <= members);
                if !probe && in_snapshot(db)? {
                    return sweep_in_two(db, select, ids, member_ids, head, f);
                }
                for (listed, keys, len) in lists {
                    if len == 0 {
                        continue;
                    }
                    let places = match keys {
                        Val::IntList(l) => Places::int(l),
                        _ => Places::text(ids),
                    };
                    // Index probes, a spans probe per member found (`OFFSET 0` keeps the
                    // subquery from being flattened into a join the planner would answer
                    // by hash); or, for a long list outside a read snapshot, where the
                    // two statements of `sweep_in_two` could see different rows, one
                    // statement joining the spans by hash.
                    let spans = if probe {
                        "LEFT JOIN LATERAL (SELECT * FROM coverage_spans s
                                            WHERE s.member_id = m.id OFFSET 0) s ON true"
                    } else {
                        "LEFT JOIN coverage_spans s ON s.member_id = m.id"
                    };
                    let sql = format!(
                        "SELECT {select}, {col}, {SPAN_COLS_S}
                         FROM members m {spans}
                         WHERE {col} = ANY(CAST(?1 AS {ty}[]))
                         ORDER BY m.id, s.seq",
                        col = key_column(listed),
                        ty = pg_array_type(listed),
                    );
                    let head = |r: &Row<'_>| {
                        let pos = r.with_cell(n, |c| places.get(c))?;
                        head(r, listed, pos)
                    };
                    each_grouped(db, &sql, params![keys], head, n + 1, &mut f)?;
                }
                Ok(())
            }
        }
    }

    /// The row ids of the members with this name (case-insensitive) and date of birth,
    /// from the name index alone.
    pub fn member_ids_by_name(&self, last: &str, first: &str, dob: NaiveDate) -> Result<Vec<i64>> {
        self.db().query(
            &format!(
                "SELECT id FROM members WHERE {}",
                name_test(self.db().backend(), "", "?1", "?2", "?3")
            ),
            params![last.trim(), first.trim(), dob],
            |r| r.get(0),
        )
    }

    /// [`Tx::member_ids_by_name`] for many names at once (`(last, first, dob)`), the row ids
    /// of each name's members in the order of `names`. On PostgreSQL one query for all of
    /// them (a round trip per name would cost more than the lookup); on SQLite the cached
    /// statement per name.
    pub fn member_ids_by_names(&self, names: &[(&str, &str, NaiveDate)]) -> Result<Vec<Vec<i64>>> {
        let mut out = vec![Vec::new(); names.len()];
        match self.db().backend() {
            Backend::Sqlite => {
                for (slot, (last, first, dob)) in out.iter_mut().zip(names) {
                    *slot = self.member_ids_by_name(last, first, *dob)?;
                }
            }
            Backend::Postgres => {
                let lasts: Vec<&str> = names.iter().map(|n| n.0.trim()).collect();
                let firsts: Vec<&str> = names.iter().map(|n| n.1.trim()).collect();
                let dobs: Vec<[u8; 10]> = names.iter().map(|n| ymd_bytes(n.2)).collect();
                let dobs: Vec<&str> = dobs
                    .iter()
                    .map(|d| std::str::from_utf8(d).unwrap_or_default())
                    .collect();
                // A probe of the name index per name (`OFFSET 0` keeps the subquery a
                // subquery: joined, the planner hashes lower() of every member instead),
                // without JIT compilation (it costs more than the probes gain).
                self.db().batch("SET LOCAL jit = off;")?;
                self.db().each(
                    &format!(
                        "SELECT r.pos, m.id
                     FROM unnest(CAST(?1 AS TEXT[]), CAST(?2 AS TEXT[]), CAST(?3 AS TEXT[]))
                          WITH ORDINALITY AS r(l, f, d, pos)
                     CROSS JOIN LATERAL (
                         SELECT m.id FROM members m
                         WHERE {}
                         OFFSET 0) m
                     ORDER BY r.pos, m.id",
                        name_test(Backend::Postgres, "m.", "r.l", "r.f", "r.d")
                    ),
                    params![
                        Val::TextList(&lasts),
                        Val::TextList(&firsts),
                        Val::TextList(&dobs)
                    ],
                    |r| {
                        let pos = list_pos(r.get(0)?);
                        if let Some(slot) = out.get_mut(pos) {
                            slot.push(r.get(1)?);
                        }
                        Ok(true)
                    },
                )?;
            }
        }
        Ok(out)
    }

    /// The page cache for this connection, in MiB (a batch reads many members). SQLite
    /// only: a server keeps its own cache.
    pub fn cache_mib(&self, mib: u32) -> Result<()> {
        match self.db().backend() {
            Backend::Sqlite => self
                .db()
                .batch(&format!("PRAGMA cache_size = -{};", mib * 1024)),
            Backend::Postgres => Ok(()),
        }
    }

    /// Temporary tables and sorts on disk again after [`Store::journals_in_memory`] (SQLite
    /// keeps a sort in memory whole when temporary storage is in memory): a million Health
    /// IDs met, or the name index's sort, spill to temporary files instead of growing the
    /// process. The transaction's statement journals stay in memory (fixed at its start).
    fn temp_on_disk(&self) -> Result<()> {
        match self.db().backend() {
            Backend::Sqlite => self.db().batch("PRAGMA temp_store = DEFAULT;"),
            Backend::Postgres => Ok(()),
        }
    }

    /// Bigger page cache for a bulk import (this connection only).
    pub fn bulk_mode(&self) -> Result<()> {
        self.cache_mib(128)
    }

    pub fn insert_member(&self, m: &MemberRecord) -> Result<i64> {
        self.db().value(
            "INSERT INTO members(health_id, last_name, first_name, dob, sex)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            params![
                m.health_id.as_str(),
                m.last_name,
                m.first_name,
                ymd_string(m.dob),
                m.sex
            ],
        )
    }

    pub fn update_member(&self, id: i64, m: &MemberRecord) -> Result<()> {
        self.db().execute(
            "UPDATE members SET last_name = ?2, first_name = ?3, dob = ?4, sex = ?5
             WHERE id = ?1",
            params![id, m.last_name, m.first_name, ymd_string(m.dob), m.sex],
        )?;
        Ok(())
    }

    pub fn delete_member_spans(&self, member_id: i64) -> Result<usize> {
        let n = self.db().execute(
            "DELETE FROM coverage_spans WHERE member_id = ?1",
            params![member_id],
        )?;
        Ok(usize::try_from(n).unwrap_or(usize::MAX))
    }

    /// The `seq`-th span (from 1) of the member (after `delete_member_spans`).
    pub fn insert_span(&self, member_id: i64, seq: usize, s: &Span) -> Result<()> {
        insert_span(self.db(), member_id, seq, s)
    }

    /// Inserts for a bulk import into an empty store (see [`BulkInsert`]).
    pub fn bulk_insert(&self) -> Result<BulkInsert<'_>> {
        Ok(BulkInsert {
            db: self.db(),
            batch: match self.db().backend() {
                Backend::Sqlite => BULK_SQLITE,
                Backend::Postgres => BULK_PG,
            },
            keys_dropped: self.db().backend() == Backend::Postgres && !keys_present(self.db())?,
            pending: CopyRows::default(),
            lite: LiteRows::default(),
            sql: Vec::new(),
        })
    }

    /// The Health IDs met so far by a streamed import (a temporary table of this
    /// connection, emptied here): a member whose rows are not together in the file is
    /// then merged with what was written for it, not written twice.
    pub fn seen_members(&self) -> Result<SeenMembers<'_>> {
        self.temp_on_disk()?;
        self.db().batch(match self.db().backend() {
            Backend::Sqlite => {
                "CREATE TEMP TABLE IF NOT EXISTS import_seen(
                     health_id TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID;
                 DELETE FROM temp.import_seen;"
            }
            Backend::Postgres => {
                "CREATE TEMP TABLE IF NOT EXISTS import_seen(
                     health_id TEXT PRIMARY KEY, row BIGINT NOT NULL);
                 DELETE FROM pg_temp.import_seen;"
            }
        })?;
        Ok(SeenMembers { db: self.db() })
    }

    /// For loading into an empty store: drop the name index now and build it once at the
    /// end ([`Tx::end_fresh_load`]), which is faster than a million random index inserts.
    ///
    /// On PostgreSQL the spans' foreign key is also dropped for the load and added back at
    /// the end, where it is checked in one pass over the table instead of a lookup per span
    /// row. That takes the tables' exclusive lock until the import commits: a command that
    /// reads members meanwhile waits for the first load of an empty store to finish.
    pub fn begin_fresh_load(&self) -> Result<()> {
        self.db().batch("DROP INDEX IF EXISTS members_name_dob;")?;
        if self.db().backend() == Backend::Postgres {
            self.db().batch(
                "ALTER TABLE coverage_spans DROP CONSTRAINT IF EXISTS coverage_spans_member_id_fkey;",
            )?;
            drop_keys(self.db())?;
        }
        Ok(())
    }

    /// Ends a load begun with [`Tx::begin_fresh_load`]: the name index built, and on
    /// PostgreSQL the row-id sequence moved past the ids the load gave.
    pub fn end_fresh_load(&self) -> Result<()> {
        if self.db().backend() == Backend::Postgres {
            restore_keys(self.db())?;
        }
        self.temp_on_disk()?;
        // SQLite sorts the index in runs the size of the page cache: small runs sort
        // faster (they fit the CPU's caches) and keep the peak memory down.
        self.cache_mib(4)?;
        if self.db().backend() == Backend::Sqlite {
            // One helper thread sorts runs while the table is read.
            self.db().batch("PRAGMA threads = 1;")?;
        }
        self.db().batch(name_index(self.db().backend()))?;
        if self.db().backend() == Backend::Postgres {
            self.db().batch(
                "ALTER TABLE coverage_spans ADD CONSTRAINT coverage_spans_member_id_fkey
                     FOREIGN KEY (member_id) REFERENCES members(id);",
            )?;
            self.db().batch(
                "SELECT setval(pg_get_serial_sequence('members', 'id'),
                               (SELECT coalesce(max(id), 0) + 1 FROM members), false);",
            )?;
        }
        Ok(())
    }

    /// After [`Store::span_member_checks_at_end`]: every coverage span's member exists (one
    /// pass of `PRAGMA foreign_key_check` over the span table), or the import fails (exit 7)
    /// and its transaction is rolled back. PostgreSQL checks its constraint itself.
    pub fn check_span_members(&self) -> Result<()> {
        if self.db().backend() != Backend::Sqlite {
            return Ok(());
        }
        let mut orphans = false;
        self.db().each(
            "PRAGMA foreign_key_check(coverage_spans)",
            params![],
            |_| {
                orphans = true;
                Ok(false)
            },
        )?;
        if orphans {
            return Err(Error::conflict(
                "the import would leave coverage spans whose member is not in the store; nothing was imported",
            ));
        }
        Ok(())
    }

    pub fn has_members(&self) -> Result<bool> {
        self.db()
            .value("SELECT EXISTS (SELECT 1 FROM members)", params![])
    }
}

#[cfg(test)]
mod tests {
    use super::{copy_field, copy_int, ymd};

    #[test]
    fn copy_fields_escape_what_the_text_format_needs() {
        let mut buf = Vec::new();
        copy_int(&mut buf, -42);
        copy_field(&mut buf, Some("plain"), b'\t');
        copy_field(&mut buf, None, b'\t');
        copy_field(&mut buf, Some(""), b'\t');
        copy_field(&mut buf, Some("a\\b\tc\nd\re\\"), b'\n');
        assert_eq!(buf, b"-42\tplain\t\\N\t\ta\\\\b\\tc\\nd\\re\\\\\n");
    }

    #[test]
    fn ymd_parses_only_iso_dates() {
        assert_eq!(
            ymd("2026-03-16").map(|d| d.to_string()).as_deref(),
            Some("2026-03-16")
        );
        assert!(ymd("2026-02-30").is_none());
        assert!(ymd("20260316").is_none());
        assert!(ymd("2026-0a-16").is_none());
    }
}
