//! Members and their spans packed into one buffer. `elig batch --x12` looks the 270's
//! members up in Health ID order and holds them until the 271 is written in the 270's
//! order: packed, a member takes ~150 bytes instead of ~600 as structs with a heap string
//! per field, which keeps a 10,000-inquiry 270 inside its memory budget.

use crate::domain::eligibility::{CoverageKind, Span};
use crate::domain::ids::HealthId;
use crate::error::{Error, Result};
use crate::store::MemberRow;
use chrono::NaiveDate;

const NONE: u32 = u32::MAX;
const NO_DATE: i32 = i32::MIN;

/// Packed members, each found again by the number [`Packed::push`] gave it.
#[derive(Debug, Default)]
pub struct Packed {
    buf: Vec<u8>,
    starts: Vec<u32>,
}

impl Packed {
    /// Packs a member and their spans; returns its number.
    pub fn push(&mut self, m: &MemberRow, spans: &[Span]) -> usize {
        self.starts.push(self.buf.len() as u32);
        let b = &mut self.buf;
        b.extend_from_slice(&m.id.to_le_bytes());
        put_str(b, Some(m.health_id.as_str()));
        for s in [&m.last_name, &m.first_name] {
            put_str(b, Some(s));
        }
        put_date(b, Some(m.dob));
        put_str(b, Some(&m.sex));
        b.extend_from_slice(&(spans.len() as u32).to_le_bytes());
        for s in spans {
            put_str(b, Some(s.kind.as_str()));
            put_str(b, Some(&s.plan));
            put_str(b, s.plan_type.as_deref());
            put_date(b, Some(s.start));
            put_date(b, s.end);
            put_str(b, s.plan_partner.as_deref());
        }
        self.starts.len() - 1
    }

    /// The member numbered `n` by [`Packed::push`].
    pub fn get(&self, n: usize) -> Result<(MemberRow, Vec<Span>)> {
        let start = *self.starts.get(n).ok_or_else(corrupt)? as usize;
        let mut r = Reader {
            buf: self.buf.get(start..).ok_or_else(corrupt)?,
        };
        let id = i64::from_le_bytes(r.bytes::<8>()?);
        let health_id = r.string()?.ok_or_else(corrupt)?;
        let health_id = HealthId::parse("", &health_id).map_err(|_| corrupt())?;
        let mut text = || r.string()?.ok_or_else(corrupt);
        let (last_name, first_name) = (text()?, text()?);
        let m = MemberRow {
            id,
            health_id,
            last_name,
            first_name,
            dob: r.date()?.ok_or_else(corrupt)?,
            sex: r.string()?.ok_or_else(corrupt)?,
        };
        let n = u32::from_le_bytes(r.bytes::<4>()?) as usize;
        let mut spans = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            let kind = r.string()?.ok_or_else(corrupt)?;
            spans.push(Span {
                kind: CoverageKind::parse(&kind).ok_or_else(corrupt)?,
                plan: r.string()?.ok_or_else(corrupt)?,
                plan_type: r.string()?,
                start: r.date()?.ok_or_else(corrupt)?,
                end: r.date()?,
                plan_partner: r.string()?,
            });
        }
        Ok((m, spans))
    }

    /// Bytes held (for the tests' size check).
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        self.buf.len() + 4 * self.starts.len()
    }
}

fn put_str(b: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => {
            b.extend_from_slice(&(s.len() as u32).to_le_bytes());
            b.extend_from_slice(s.as_bytes());
        }
        None => b.extend_from_slice(&NONE.to_le_bytes()),
    }
}

fn put_date(b: &mut Vec<u8>, d: Option<NaiveDate>) {
    use chrono::Datelike;
    let days = d.map_or(NO_DATE, |d| d.num_days_from_ce());
    b.extend_from_slice(&days.to_le_bytes());
}

fn corrupt() -> Error {
    Error::internal("a packed member record is damaged")
}

struct Reader<'a> {
    buf: &'a [u8],
}

impl Reader<'_> {
    fn bytes<const N: usize>(&mut self) -> Result<[u8; N]> {
        let (head, rest) = self.buf.split_at_checked(N).ok_or_else(corrupt)?;
        self.buf = rest;
        <[u8; N]>::try_from(head).map_err(|_| corrupt())
    }

    fn string(&mut self) -> Result<Option<String>> {
        let n = u32::from_le_bytes(self.bytes::<4>()?);
        if n == NONE {
            return Ok(None);
        }
        let (head, rest) = self.buf.split_at_checked(n as usize).ok_or_else(corrupt)?;
        self.buf = rest;
        let s = std::str::from_utf8(head).map_err(|_| corrupt())?;
        Ok(Some(s.to_string()))
    }

    fn date(&mut self) -> Result<Option<NaiveDate>> {
        let days = i32::from_le_bytes(self.bytes::<4>()?);
        if days == NO_DATE {
            return Ok(None);
        }
        NaiveDate::from_num_days_from_ce_opt(days)
            .map(Some)
            .ok_or_else(corrupt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn member(n: i64) -> MemberRow {
        MemberRow {
            id: n,
            health_id: HealthId::parse("", &format!("AB{n:06}")).unwrap(),
            last_name: "Ñúñez-O'Brien".into(),
            first_name: String::new(),
            dob: d("1990-02-28"),
            sex: "X".into(),
        }
    }

    fn spans() -> Vec<Span> {
        vec![
            Span {
                kind: CoverageKind::Benefit,
                plan: "BMH".into(),
                plan_type: None,
                start: d("2024-01-01"),
                end: None,
                plan_partner: None,
            },
            Span {
                kind: CoverageKind::Cco,
                plan: "Health Share of Oregon".into(),
                plan_type: Some("CCOA".into()),
                start: d("2024-02-01"),
                end: Some(d("2025-12-31")),
                plan_partner: Some("Providence Health & Services".into()),
            },
        ]
    }

    #[test]
    fn members_come_back_as_they_went_in() {
        let mut p = Packed::default();
        let a = p.push(&member(1), &spans());
        let b = p.push(&member(2), &[]);
        let c = p.push(&member(3), &spans()[1..]);
        assert_eq!(p.get(a).unwrap(), (member(1), spans()));
        assert_eq!(p.get(b).unwrap(), (member(2), vec![]));
        assert_eq!(p.get(c).unwrap(), (member(3), spans()[1..].to_vec()));
        assert!(p.get(3).is_err());
    }

    #[test]
    fn a_member_packs_small() {
        let mut p = Packed::default();
        for n in 0..100 {
            p.push(&member(n), &spans());
        }
        assert!(p.bytes() / 100 < 200, "{} bytes a member", p.bytes() / 100);
    }
}
