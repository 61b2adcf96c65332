//! Members and their coverage spans.

use super::Tx;
use crate::domain::eligibility::{CoverageKind, MemberRecord, Span};
use crate::domain::ids::HealthId;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::OptionalExtension;

/// A member as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub id: i64,
    pub health_id: String,
    pub last_name: String,
    pub first_name: String,
    /// YYYY-MM-DD
    pub dob: String,
    pub sex: String,
}

const MEMBER_COLS: &str = "id, health_id, last_name, first_name, dob, sex";
/// [`MEMBER_COLS`] of `members m`.
const MEMBER_COLS_M: &str = "m.id, m.health_id, m.last_name, m.first_name, m.dob, m.sex";

fn member_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MemberRow> {
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

fn corrupt(what: &str) -> Error {
    Error::store(format!(
        "the store holds a malformed coverage span ({what})"
    ))
}

/// The name index, as migration 002 creates it.
const NAME_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS members_name_dob ON members(lower(last_name), lower(first_name), dob);";

/// A member found by a list lookup ([`Tx::each_spans_by_health_id`]).
#[derive(Debug, Clone, Copy)]
pub struct Hit {
    /// The place of the key in the list looked up.
    pub pos: usize,
    pub health_id: HealthId,
}

/// The span columns of `coverage_spans s`, in the order [`each_grouped`] reads them.
const SPAN_COLS_S: &str = "s.kind, s.plan, s.plan_type, s.start_date, s.end_date, s.plan_partner";

/// Reads rows of head columns (a member's) then the six span columns from `first_span`,
/// each member's rows adjacent, calling `f` once per member with all of their spans (none
/// for a member without spans). `head` reads the member's id and what `f` needs of it.
fn each_grouped<H>(
    mut rows: rusqlite::Rows<'_>,
    err: &impl Fn(rusqlite::Error) -> Error,
    head: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<(i64, H)>,
    first_span: usize,
    mut f: impl FnMut(H, Vec<Span>) -> Result<()>,
) -> Result<()> {
    let mut current: Option<(i64, H, Vec<Span>)> = None;
    while let Some(r) = rows.next().map_err(err)? {
        let id: i64 = r.get(0).map_err(err)?;
        if current.as_ref().is_some_and(|(cur, _, _)| *cur != id) {
            if let Some((_, h, spans)) = current.take() {
                f(h, spans)?;
            }
        }
        let (_, _, spans) = match &mut current {
            Some(c) => c,
            None => {
                let (id, h) = head(r).map_err(err)?;
                current.insert((id, h, Vec::new()))
            }
        };
        let text = |i: usize| -> Result<Option<&str>> {
            match r.get_ref(first_span + i).map_err(err)? {
                rusqlite::types::ValueRef::Text(t) => {
                    Ok(Some(std::str::from_utf8(t).map_err(|_| corrupt("text"))?))
                }
                _ => Ok(None),
            }
        };
        let date = |i: usize| -> Result<Option<NaiveDate>> {
            text(i)?
                .map(|t| ymd(t).ok_or_else(|| corrupt("date")))
                .transpose()
        };
        let Some(kind) = text(0)? else {
            continue;
        };
        spans.push(Span {
            kind: kind_of(kind).ok_or_else(|| corrupt("kind"))?,
            plan: text(1)?.ok_or_else(|| corrupt("plan"))?.to_string(),
            plan_type: text(2)?.map(str::to_string),
            start: date(3)?.ok_or_else(|| corrupt("start date"))?,
            end: date(4)?,
            plan_partner: text(5)?.map(str::to_string),
        });
    }
    match current {
        Some((_, h, spans)) => f(h, spans),
        None => Ok(()),
    }
}

/// Health IDs as values for `rarray(?)`.
fn health_id_values(ids: &[HealthId]) -> Vec<Value> {
    ids.iter()
        .map(|h| Value::Text(h.as_str().to_string()))
        .collect()
}

/// The place in the list of an `rarray` row (its rowid counts from 1).
fn list_pos(rowid: i64) -> usize {
    usize::try_from(rowid - 1).unwrap_or(usize::MAX)
}

/// A [`member_row`] as the head of [`each_grouped`] rows.
fn member_head(r: &rusqlite::Row<'_>) -> rusqlite::Result<(i64, MemberRow)> {
    let m = member_row(r)?;
    Ok((m.id, m))
}

/// The Health IDs a streamed import has met ([`Tx::seen_members`]).
pub struct SeenMembers<'t> {
    insert: rusqlite::CachedStatement<'t>,
    get: rusqlite::CachedStatement<'t>,
    err: Box<dyn Fn(rusqlite::Error) -> Error>,
}

impl SeenMembers<'_> {
    /// Records that the member's rows start at `row`; when the member was met before,
    /// returns the row where it was first met instead (and records nothing).
    pub fn first_row(&mut self, health_id: &str, row: usize) -> Result<Option<usize>> {
        let n = self
            .insert
            .execute(rusqlite::params![health_id, row as i64])
            .map_err(&self.err)?;
        if n == 1 {
            return Ok(None);
        }
        let r: i64 = self
            .get
            .query_row([health_id], |r| r.get(0))
            .map_err(&self.err)?;
        Ok(Some(usize::try_from(r).unwrap_or(0)))
    }
}

/// Inserts for a bulk import, prepared once.
pub struct BulkInsert<'t> {
    member: rusqlite::CachedStatement<'t>,
    span: rusqlite::CachedStatement<'t>,
    err: Box<dyn Fn(rusqlite::Error) -> Error>,
}

impl BulkInsert<'_> {
    pub fn member(&mut self, m: &MemberRecord) -> Result<i64> {
        self.member
            .insert(rusqlite::params![
                m.health_id.as_str(),
                m.last_name,
                m.first_name,
                ymd_string(m.dob),
                m.sex
            ])
            .map_err(&self.err)
    }

    /// The `seq`-th span (from 1) of the member.
    pub fn span(&mut self, member_id: i64, seq: usize, s: &Span) -> Result<()> {
        let start = ymd_bytes(s.start);
        let end = s.end.map(ymd_bytes);
        self.span
            .execute(rusqlite::params![
                member_id,
                seq as i64,
                s.kind.as_str(),
                s.plan,
                s.plan_type,
                std::str::from_utf8(&start).unwrap_or_default(),
                end.as_ref()
                    .map(|e| std::str::from_utf8(e).unwrap_or_default()),
                s.plan_partner
            ])
            .map_err(&self.err)?;
        Ok(())
    }
}

impl Tx<'_> {
    pub fn member_by_health_id(&self, health_id: &str) -> Result<Option<MemberRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {MEMBER_COLS} FROM members WHERE health_id = ?1"
            ))
            .map_err(self.err())?
            .query_row([health_id], member_row)
            .optional()
            .map_err(self.err())
    }

    /// Members with this name (case-insensitive) and date of birth (YYYY-MM-DD).
    pub fn members_by_name(&self, last: &str, first: &str, dob: &str) -> Result<Vec<MemberRow>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {MEMBER_COLS} FROM members
                 WHERE lower(last_name) = lower(?1) AND lower(first_name) = lower(?2) AND dob = ?3
                 ORDER BY health_id"
            ))
            .map_err(self.err())?;
        let rows = st
            .query_map([last.trim(), first.trim(), dob], member_row)
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }

    /// The member's coverage spans, by kind and start date.
    pub fn member_spans(&self, member_id: i64) -> Result<Vec<Span>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT kind, plan, plan_type, start_date, end_date, plan_partner
                 FROM coverage_spans WHERE member_id = ?1 ORDER BY kind, start_date",
            )
            .map_err(self.err())?;
        let err = self.err();
        let mut rows = st.query([member_id]).map_err(&err)?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(&err)? {
            let kind: String = r.get(0).map_err(&err)?;
            let start: String = r.get(3).map_err(&err)?;
            let end: Option<String> = r.get(4).map_err(&err)?;
            out.push(Span {
                kind: kind_of(&kind).ok_or_else(|| corrupt("kind"))?,
                plan: r.get(1).map_err(&err)?,
                plan_type: r.get(2).map_err(&err)?,
                start: ymd(&start).ok_or_else(|| corrupt("start date"))?,
                end: match end {
                    Some(e) => Some(ymd(&e).ok_or_else(|| corrupt("end date"))?),
                    None => None,
                },
                plan_partner: r.get(5).map_err(&err)?,
            });
        }
        Ok(out)
    }

    /// A member and all their spans in one query (the batch and X12 paths).
    pub fn member_with_spans(&self, health_id: &str) -> Result<Option<(MemberRow, Vec<Span>)>> {
        let mut st = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {MEMBER_COLS_M}, {SPAN_COLS_S} FROM members m
                 LEFT JOIN coverage_spans s ON s.member_id = m.id
                 WHERE m.health_id = ?1"
            ))
            .map_err(self.err())?;
        let mut found = None;
        let rows = st.query([health_id]).map_err(self.err())?;
        each_grouped(rows, &self.err(), member_head, 6, |m, spans| {
            found = Some((m, spans));
            Ok(())
        })?;
        Ok(found)
    }

    /// For each of `ids` on file: `f(hit, spans)`, with all of the member's spans, in the
    /// order of `ids`; `hit.pos` is the ID's place in `ids`. One statement for the lot:
    /// with `ids` sorted, the index and span pages are visited in sequence, and the Health
    /// ID index covers the member's rowid, so the members table itself is not read.
    pub fn each_spans_by_health_id(
        &self,
        ids: &[HealthId],
        f: impl FnMut(Hit, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        self.each_spans_by("m.health_id", health_id_values(ids), f)
    }

    /// Like [`Tx::each_spans_by_health_id`], by the members' row ids.
    pub fn each_spans_by_member_id(
        &self,
        ids: &[i64],
        f: impl FnMut(Hit, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        self.each_spans_by("m.id", ids.iter().map(|&i| Value::Integer(i)).collect(), f)
    }

    fn each_spans_by(
        &self,
        key: &str,
        keys: Vec<Value>,
        f: impl FnMut(Hit, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        let head = |r: &rusqlite::Row<'_>| {
            let hid = r.get_ref(2)?.as_str()?;
            let health_id = HealthId::parse("health_id", hid).map_err(|_| {
                rusqlite::Error::InvalidColumnType(
                    2,
                    "health_id".into(),
                    rusqlite::types::Type::Text,
                )
            })?;
            let pos = list_pos(r.get(1)?);
            Ok((r.get(0)?, Hit { pos, health_id }))
        };
        self.sweep("m.id, r.rowid, m.health_id", key, keys, head, 3, f)
    }

    /// Like [`Tx::each_spans_by_health_id`], with the whole member row (the 271 names
    /// the member): `f(pos, member, spans)`.
    pub fn each_member_by_health_id(
        &self,
        ids: &[HealthId],
        mut f: impl FnMut(usize, MemberRow, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        let head = |r: &rusqlite::Row<'_>| {
            let m = member_row(r)?;
            Ok((m.id, (list_pos(r.get(6)?), m)))
        };
        let select = format!("{MEMBER_COLS_M}, r.rowid");
        let keys = health_id_values(ids);
        self.sweep(&select, "m.health_id", keys, head, 7, |(pos, m), spans| {
            f(pos, m, spans)
        })
    }

    /// The members whose `key` is one of `keys`, in the order of `keys`, with their spans:
    /// `select` (read by `head`) then the span columns from `first_span`, grouped by
    /// [`each_grouped`].
    fn sweep<H>(
        &self,
        select: &str,
        key: &str,
        keys: Vec<Value>,
        head: impl Fn(&rusqlite::Row<'_>) -> rusqlite::Result<(i64, H)>,
        first_span: usize,
        f: impl FnMut(H, Vec<Span>) -> Result<()>,
    ) -> Result<()> {
        let keys: rusqlite::vtab::array::Array = std::rc::Rc::new(keys);
        let mut st = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {select}, {SPAN_COLS_S}
                 FROM rarray(?1) AS r
                 CROSS JOIN members m ON {key} = r.value
                 LEFT JOIN coverage_spans s ON s.member_id = m.id"
            ))
            .map_err(self.err())?;
        let rows = st.query([keys]).map_err(self.err())?;
        each_grouped(rows, &self.err(), head, first_span, f)
    }

    /// The row ids of the members with this name (case-insensitive) and date of birth
    /// (YYYY-MM-DD), from the name index alone.
    pub fn member_ids_by_name(&self, last: &str, first: &str, dob: &str) -> Result<Vec<i64>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT id FROM members
                 WHERE lower(last_name) = lower(?1) AND lower(first_name) = lower(?2) AND dob = ?3",
            )
            .map_err(self.err())?;
        let rows = st
            .query_map([last.trim(), first.trim(), dob], |r| r.get(0))
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<i64>>>()
            .map_err(self.err())
    }

    /// The page cache for this connection, in MiB (a batch reads many members).
    pub fn cache_mib(&self, mib: u32) -> Result<()> {
        self.conn()
            .execute_batch(&format!("PRAGMA cache_size = -{};", mib * 1024))
            .map_err(self.err())
    }

    /// Bigger page cache for a bulk import (this connection only).
    pub fn bulk_mode(&self) -> Result<()> {
        self.conn()
            .execute_batch("PRAGMA cache_size = -131072;")
            .map_err(self.err())
    }

    pub fn insert_member(&self, m: &MemberRecord) -> Result<i64> {
        self.conn()
            .prepare_cached(
                "INSERT INTO members(health_id, last_name, first_name, dob, sex)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(self.err())?
            .execute(rusqlite::params![
                m.health_id.as_str(),
                m.last_name,
                m.first_name,
                ymd_string(m.dob),
                m.sex
            ])
            .map_err(self.err())?;
        Ok(self.conn().last_insert_rowid())
    }

    pub fn update_member(&self, id: i64, m: &MemberRecord) -> Result<()> {
        self.conn()
            .prepare_cached(
                "UPDATE members SET last_name = ?2, first_name = ?3, dob = ?4, sex = ?5
                 WHERE id = ?1",
            )
            .map_err(self.err())?
            .execute(rusqlite::params![
                id,
                m.last_name,
                m.first_name,
                ymd_string(m.dob),
                m.sex
            ])
            .map_err(self.err())?;
        Ok(())
    }

    pub fn delete_member_spans(&self, member_id: i64) -> Result<usize> {
        self.conn()
            .prepare_cached("DELETE FROM coverage_spans WHERE member_id = ?1")
            .map_err(self.err())?
            .execute([member_id])
            .map_err(self.err())
    }

    /// The `seq`-th span (from 1) of the member (after `delete_member_spans`).
    pub fn insert_span(&self, member_id: i64, seq: usize, s: &Span) -> Result<()> {
        let start = ymd_string(s.start);
        let end = s.end.map(ymd_string);
        self.conn()
            .prepare_cached(
                "INSERT INTO coverage_spans(member_id, seq, kind, plan, plan_type, start_date, end_date, plan_partner)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .map_err(self.err())?
            .execute(rusqlite::params![
                member_id,
                seq as i64,
                s.kind.as_str(),
                s.plan,
                s.plan_type,
                start,
                end,
                s.plan_partner
            ])
            .map_err(self.err())?;
        Ok(())
    }

    /// Prepared inserts for a bulk import (statements prepared once, not per row).
    pub fn bulk_insert(&self) -> Result<BulkInsert<'_>> {
        Ok(BulkInsert {
            member: self
                .conn()
                .prepare_cached(
                    "INSERT INTO members(health_id, last_name, first_name, dob, sex)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(self.err())?,
            span: self
                .conn()
                .prepare_cached(
                    "INSERT INTO coverage_spans(member_id, seq, kind, plan, plan_type, start_date, end_date, plan_partner)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )
                .map_err(self.err())?,
            err: Box::new(self.err()),
        })
    }

    /// The Health IDs met so far by a streamed import (a temporary table of this
    /// connection, emptied here): a member whose rows are not together in the file is
    /// then merged with what was written for it, not written twice.
    pub fn seen_members(&self) -> Result<SeenMembers<'_>> {
        self.conn()
            .execute_batch(
                "CREATE TEMP TABLE IF NOT EXISTS import_seen(
                     health_id TEXT PRIMARY KEY, row INTEGER NOT NULL) WITHOUT ROWID;
                 DELETE FROM temp.import_seen;",
            )
            .map_err(self.err())?;
        Ok(SeenMembers {
            insert: self
                .conn()
                .prepare_cached(
                    "INSERT INTO temp.import_seen(health_id, row) VALUES (?1, ?2)
                     ON CONFLICT(health_id) DO NOTHING",
                )
                .map_err(self.err())?,
            get: self
                .conn()
                .prepare_cached("SELECT row FROM temp.import_seen WHERE health_id = ?1")
                .map_err(self.err())?,
            err: Box::new(self.err()),
        })
    }

    /// For loading into an empty store: drop the name index now and build it once at the
    /// end ([`Tx::end_fresh_load`]), which is faster than a million random index inserts.
    pub fn begin_fresh_load(&self) -> Result<()> {
        self.conn()
            .execute_batch("DROP INDEX IF EXISTS members_name_dob;")
            .map_err(self.err())
    }

    pub fn end_fresh_load(&self) -> Result<()> {
        self.conn().execute_batch(NAME_INDEX).map_err(self.err())
    }

    pub fn has_members(&self) -> Result<bool> {
        self.conn()
            .query_row("SELECT EXISTS (SELECT 1 FROM members)", [], |r| r.get(0))
            .map_err(self.err())
    }
}

#[cfg(test)]
mod tests {
    use super::ymd;

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
