//! `elig check` and `elig batch` (roster CSV, or an X12 270 answered with a 271).

pub mod batch;
pub mod check;
mod packed;
pub mod x12;

use crate::domain::eligibility::{Lane, Span};
use crate::domain::ids::HealthId;
use crate::domain::reference;
use crate::error::Result;
use crate::store::{MemberRow, Tx};
use chrono::NaiveDate;

pub use batch::cmd_elig_batch;
pub use check::cmd_elig_check;

/// Who is being looked up.
#[derive(Debug, Clone)]
pub enum Who {
    Id(HealthId),
    Name {
        last: String,
        first: String,
        dob: NaiveDate,
    },
}

impl Who {
    /// How the audit log names the lookup when no member was found.
    pub fn describe(&self) -> String {
        match self {
            Who::Id(h) => h.to_string(),
            Who::Name { .. } => "by name and date of birth".to_string(),
        }
    }
}

pub enum Found {
    One(MemberRow),
    /// Found by Health ID, spans read in the same query.
    WithSpans(MemberRow, Vec<Span>),
    NotFound,
    Many(Vec<MemberRow>),
}

/// Like [`find`], reading the spans too (one query for a Health ID).
pub fn find_with_spans(tx: &Tx<'_>, who: &Who) -> Result<Found> {
    if let Who::Id(h) = who {
        return Ok(match tx.member_with_spans(h)? {
            Some((m, s)) => Found::WithSpans(m, s),
            None => Found::NotFound,
        });
    }
    match find(tx, who)? {
        Found::One(m) => {
            let s = tx.member_spans(m.id)?;
            Ok(Found::WithSpans(m, s))
        }
        other => Ok(other),
    }
}

pub fn find(tx: &Tx<'_>, who: &Who) -> Result<Found> {
    Ok(match who {
        Who::Id(h) => match tx.member_by_health_id(h)? {
            Some(m) => Found::One(m),
            None => Found::NotFound,
        },
        Who::Name { last, first, dob } => {
            let mut v = tx.members_by_name(last, first, *dob)?;
            match v.len() {
                0 => Found::NotFound,
                1 => Found::One(v.remove(0)),
                _ => Found::Many(v),
            }
        }
    })
}

/// Sorted `(key, slot)` pairs → the distinct keys, and where each key's run of pairs
/// starts (with the end as a last entry).
fn runs<K: Copy + Eq>(pairs: &[(K, u32)]) -> (Vec<K>, Vec<usize>) {
    let mut keys: Vec<K> = Vec::new();
    let mut starts = Vec::new();
    for (n, &(k, _)) in pairs.iter().enumerate() {
        if keys.last() != Some(&k) {
            keys.push(k);
            starts.push(n);
        }
    }
    starts.push(pairs.len());
    (keys, starts)
}

/// Sorts `(Health ID, row)` pairs by ID (as a number: no string compares), then row, and
/// returns the distinct IDs with where each ID's run of pairs starts ([`runs`]).
pub fn sort_runs(pairs: &mut [(HealthId, u32)]) -> (Vec<HealthId>, Vec<usize>) {
    pairs.sort_unstable_by_key(|&(h, i)| (h.sort_key(), i));
    runs(pairs)
}

/// Where to send the claim, in words, for one day's answer.
pub fn bill_to(lane: Lane, cco: Option<&str>, plan_partner: Option<&str>, date: &str) -> String {
    match lane {
        Lane::OpenCard => "Bill OHA through this portal (Open Card)".to_string(),
        Lane::Cco => {
            let c = cco.unwrap_or("the member's CCO");
            if c == reference::HEALTH_SHARE {
                match plan_partner {
                    Some(p) => format!(
                        "Bill {c}, not OHA; plan partner {p} (send referrals and authorizations to {p})"
                    ),
                    None => format!(
                        "Bill {c}, not OHA; plan partner not on file (check Health Share's CIM portal)"
                    ),
                }
            } else {
                format!("Bill {c}, not OHA")
            }
        }
        Lane::None => format!("Not eligible on {date}: neither OHA nor a CCO pays for this date"),
    }
}

/// Spans that touch `from..=to`.
pub fn spans_in(spans: &[Span], from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Span> {
    spans.iter().filter(move |s| s.overlaps(from, to))
}
