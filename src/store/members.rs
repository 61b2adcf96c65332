//! Members and their coverage spans.

use super::Tx;
use crate::domain::eligibility::{CoverageKind, MemberRecord, Span};
use crate::error::{Error, Result};
use chrono::NaiveDate;
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

/// `YYYY-MM-DD` without going through a format parser (the batch reads millions).
fn ymd(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |acc, c| {
            c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

fn kind_of(s: &str) -> Option<CoverageKind> {
    CoverageKind::parse(s)
}

fn corrupt(what: &str) -> Error {
    Error::store(format!(
        "the store holds a malformed coverage span ({what})"
    ))
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
        let mut rows = st.query([member_id]).map_err(self.err())?;
        let mut out = Vec::new();
        while let Some(r) = rows.next().map_err(self.err())? {
            let kind: String = r.get(0).map_err(self.err())?;
            let start: String = r.get(3).map_err(self.err())?;
            let end: Option<String> = r.get(4).map_err(self.err())?;
            out.push(Span {
                kind: kind_of(&kind).ok_or_else(|| corrupt("kind"))?,
                plan: r.get(1).map_err(self.err())?,
                plan_type: r.get(2).map_err(self.err())?,
                start: ymd(&start).ok_or_else(|| corrupt("start date"))?,
                end: match end {
                    Some(e) => Some(ymd(&e).ok_or_else(|| corrupt("end date"))?),
                    None => None,
                },
                plan_partner: r.get(5).map_err(self.err())?,
            });
        }
        Ok(out)
    }

    /// A member and all their spans in one query (the batch and X12 paths).
    pub fn member_with_spans(&self, health_id: &str) -> Result<Option<(MemberRow, Vec<Span>)>> {
        let mut st = self
            .conn()
            .prepare_cached(
                "SELECT m.id, m.health_id, m.last_name, m.first_name, m.dob, m.sex,
                        s.kind, s.plan, s.plan_type, s.start_date, s.end_date, s.plan_partner
                 FROM members m LEFT JOIN coverage_spans s ON s.member_id = m.id
                 WHERE m.health_id = ?1",
            )
            .map_err(self.err())?;
        let mut rows = st.query([health_id]).map_err(self.err())?;
        let mut found: Option<(MemberRow, Vec<Span>)> = None;
        while let Some(r) = rows.next().map_err(self.err())? {
            if found.is_none() {
                found = Some((member_row(r).map_err(self.err())?, Vec::new()));
            }
            let kind: Option<String> = r.get(6).map_err(self.err())?;
            let (Some(kind), Some((_, spans))) = (kind, found.as_mut()) else {
                continue;
            };
            let start: String = r.get(9).map_err(self.err())?;
            let end: Option<String> = r.get(10).map_err(self.err())?;
            spans.push(Span {
                kind: kind_of(&kind).ok_or_else(|| corrupt("kind"))?,
                plan: r.get(7).map_err(self.err())?,
                plan_type: r.get(8).map_err(self.err())?,
                start: ymd(&start).ok_or_else(|| corrupt("start date"))?,
                end: match end {
                    Some(e) => Some(ymd(&e).ok_or_else(|| corrupt("end date"))?),
                    None => None,
                },
                plan_partner: r.get(11).map_err(self.err())?,
            });
        }
        Ok(found)
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
                m.dob.format("%Y-%m-%d").to_string(),
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
                m.dob.format("%Y-%m-%d").to_string(),
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

    pub fn insert_span(&self, member_id: i64, s: &Span) -> Result<()> {
        let start = s.start.format("%Y-%m-%d").to_string();
        let end = s.end.map(|e| e.format("%Y-%m-%d").to_string());
        self.conn()
            .prepare_cached(
                "INSERT INTO coverage_spans(member_id, kind, plan, plan_type, start_date, end_date, plan_partner)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            )
            .map_err(self.err())?
            .execute(rusqlite::params![
                member_id,
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

    pub fn member_count(&self) -> Result<i64> {
        self.conn()
            .query_row("SELECT count(*) FROM members", [], |r| r.get(0))
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
