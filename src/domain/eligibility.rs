//! Eligibility rules: coverage spans, the answer for a date (eligible? which lane?), runs
//! of days with the same answer, the 13-month inquiry window, and the checks a member
//! import applies to each row and to each member's spans.

use crate::domain::ids::HealthId;
use crate::domain::reference;
use crate::domain::time::{months_before, parse_date};
use crate::error::{Error, Result};
use chrono::NaiveDate;

/// Where a claim for the date goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lane {
    /// Fee-for-service: bill OHA through this portal.
    OpenCard,
    /// Enrolled in a CCO: bill that CCO.
    Cco,
    /// Not eligible.
    None,
}

impl Lane {
    pub fn as_str(self) -> &'static str {
        match self {
            Lane::OpenCard => "open-card",
            Lane::Cco => "cco",
            Lane::None => "none",
        }
    }
}

impl serde::Serialize for Lane {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// The kinds of coverage span a member import carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CoverageKind {
    /// A benefit plan (OHP Plus, CAWEM, ...): what makes a member eligible.
    Benefit,
    /// Managed care: enrolled in a CCO.
    Cco,
    /// Third-party liability: another insurer pays first.
    Tpl,
    /// Medicare Part A, B or D.
    Medicare,
}

impl CoverageKind {
    pub fn as_str(self) -> &'static str {
        match self {
            CoverageKind::Benefit => "benefit",
            CoverageKind::Cco => "cco",
            CoverageKind::Tpl => "tpl",
            CoverageKind::Medicare => "medicare",
        }
    }
    pub fn parse(s: &str) -> Option<CoverageKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "benefit" => Some(CoverageKind::Benefit),
            "cco" => Some(CoverageKind::Cco),
            "tpl" => Some(CoverageKind::Tpl),
            "medicare" => Some(CoverageKind::Medicare),
            _ => None,
        }
    }
}

/// One coverage span. `plan` is the benefit plan code (BMH), the CCO's name, the other
/// insurer (TPL) or "Medicare"; `plan_type` the CCO plan type (CCOA) or Medicare part (A).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    pub kind: CoverageKind,
    pub plan: String,
    pub plan_type: Option<String>,
    pub start: NaiveDate,
    /// `None`: open-ended.
    pub end: Option<NaiveDate>,
    /// Health Share of Oregon members only.
    pub plan_partner: Option<String>,
}

impl Span {
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
    /// Whether any day of `from..=to` falls in the span.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && self.end.is_none_or(|e| from <= e)
    }
}

/// The answer for one date (`S`: owned strings, or `&str` borrowed from the spans).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayAnswer<S = String> {
    pub eligible: bool,
    pub lane: Lane,
    /// The benefit plan code covering the date.
    pub benefit_plan: Option<S>,
    /// The CCO to bill when `lane` is `Cco`.
    pub cco: Option<S>,
    /// Health Share of Oregon's plan partner, when known.
    pub plan_partner: Option<S>,
}

impl<S> DayAnswer<S> {
    pub fn not_eligible() -> DayAnswer<S> {
        DayAnswer {
            eligible: false,
            lane: Lane::None,
            benefit_plan: None,
            cco: None,
            plan_partner: None,
        }
    }
}

impl DayAnswer<&str> {
    pub fn to_owned(&self) -> DayAnswer {
        DayAnswer {
            eligible: self.eligible,
            lane: self.lane,
            benefit_plan: self.benefit_plan.map(str::to_string),
            cco: self.cco.map(str::to_string),
            plan_partner: self.plan_partner.map(str::to_string),
        }
    }
}

/// Eligible when an active benefit span covers the date; lane `cco` when a CCO span also
/// covers it (never for CAWEM, CWM), `open-card` when eligible without a CCO, else `none`.
pub fn answer_on(spans: &[Span], date: NaiveDate) -> DayAnswer {
    answer_ref(spans, date).to_owned()
}

/// [`answer_on`], borrowing the names from the spans.
pub fn answer_ref(spans: &[Span], date: NaiveDate) -> DayAnswer<&str> {
    let Some(benefit) = spans
        .iter()
        .find(|s| s.kind == CoverageKind::Benefit && s.covers(date))
    else {
        return DayAnswer::not_eligible();
    };
    let never_cco = reference::benefit_plan(&benefit.plan).is_some_and(|p| p.never_cco);
    let cco = if never_cco {
        None
    } else {
        spans
            .iter()
            .find(|s| s.kind == CoverageKind::Cco && s.covers(date))
    };
    DayAnswer {
        eligible: true,
        lane: if cco.is_some() {
            Lane::Cco
        } else {
            Lane::OpenCard
        },
        benefit_plan: Some(benefit.plan.as_str()),
        cco: cco.map(|s| s.plan.as_str()),
        plan_partner: cco.and_then(|s| s.plan_partner.as_deref()),
    }
}

/// A run of days with the same answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub answer: DayAnswer,
}

/// Splits `from..=to` into runs of days with the same answer, in date order.
pub fn segments(spans: &[Span], from: NaiveDate, to: NaiveDate) -> Vec<Segment> {
    if to < from {
        return Vec::new();
    }
    let mut cuts = vec![from];
    for s in spans {
        if s.start > from && s.start <= to {
            cuts.push(s.start);
        }
        if let Some(next) = s.end.and_then(|e| e.succ_opt()) {
            if next > from && next <= to {
                cuts.push(next);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for (i, start) in cuts.iter().enumerate() {
        let end = match cuts.get(i + 1).and_then(|n| n.pred_opt()) {
            Some(e) => e,
            None => to,
        };
        let answer = answer_on(spans, *start);
        match out.last_mut() {
            Some(last) if last.answer == answer => last.to = end,
            _ => out.push(Segment {
                from: *start,
                to: end,
                answer,
            }),
        }
    }
    out
}

/// How far back an inquiry may reach, in months (seed 001: 13 months of history).
pub const WINDOW_MONTHS: u32 = 13;

/// The earliest date one may ask about on `today`: the same day 13 months before.
pub fn window_start(today: NaiveDate) -> NaiveDate {
    months_before(today, WINDOW_MONTHS)
}

/// Checks that `from..=to` lies in the inquiry window (nothing older than 13 months, nothing
/// after today). The error names the flag and the allowed range.
pub fn check_window(from: NaiveDate, to: NaiveDate, today: NaiveDate) -> Result<()> {
    let earliest = window_start(today);
    if from > to {
        return Err(Error::invalid(format!(
            "the range starts after it ends ({from} is after {to})"
        )));
    }
    if to > today {
        return Err(Error::invalid(format!(
            "cannot check eligibility for a future date: {to} is after today ({today})"
        ))
        .hint(format!("ask about dates from {earliest} to {today}")));
    }
    if from < earliest {
        return Err(Error::invalid(format!(
            "eligibility goes back 13 months at most: {from} is before {earliest}"
        ))
        .hint(format!("ask about dates from {earliest} to {today}")));
    }
    Ok(())
}

/// Sex as the member file and X12 DMG03 carry it: F, M, U (unknown) or X (non-binary,
/// sent as U in X12 5010, which has no code for it).
pub fn parse_sex(s: &str) -> Option<&'static str> {
    match s.trim().to_ascii_uppercase().as_str() {
        "F" => Some("F"),
        "M" => Some("M"),
        "U" | "" => Some("U"),
        "X" => Some("X"),
        _ => None,
    }
}

/// A member's demographics, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRecord {
    pub health_id: HealthId,
    pub last_name: String,
    pub first_name: String,
    pub dob: NaiveDate,
    pub sex: &'static str,
}

/// A person's name part: 1 to 60 printable characters.
pub fn parse_name(field: &str, s: &str) -> std::result::Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err(format!("{field} is empty"));
    }
    if t.chars().count() > 60 || t.chars().any(|c| c.is_control()) {
        return Err(format!("{field}: 1 to 60 printable characters"));
    }
    Ok(t.to_string())
}

/// A problem with one column of an import row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnProblem {
    pub column: &'static str,
    pub reason: String,
}

fn problem(column: &'static str, reason: impl Into<String>) -> ColumnProblem {
    ColumnProblem {
        column,
        reason: reason.into(),
    }
}

/// The raw text of one member-import row.
#[derive(Debug, Clone, Copy)]
pub struct RawRow<'a> {
    pub health_id: &'a str,
    pub last_name: &'a str,
    pub first_name: &'a str,
    pub dob: &'a str,
    pub sex: &'a str,
    pub coverage: &'a str,
    pub plan: &'a str,
    pub plan_type: &'a str,
    pub start: &'a str,
    pub end: &'a str,
    pub plan_partner: &'a str,
}

fn opt(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// `YYYY-MM-DD` without a format parser (imports and batches read millions of dates).
pub fn parse_ymd(s: &str) -> Option<NaiveDate> {
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

/// A date as `YYYY-MM-DD`, without a formatter.
pub fn ymd_string(d: NaiveDate) -> String {
    let b = ymd_bytes(d);
    String::from_utf8_lossy(&b).into_owned()
}

/// `YYYY-MM-DD` in a stack buffer (years 0 to 9999; others are clamped).
pub fn ymd_bytes(d: NaiveDate) -> [u8; 10] {
    use chrono::Datelike;
    let (y, m, dd) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    [
        b'0' + (y / 1000) as u8,
        b'0' + (y / 100 % 10) as u8,
        b'0' + (y / 10 % 10) as u8,
        b'0' + (y % 10) as u8,
        b'-',
        b'0' + (m / 10) as u8,
        b'0' + (m % 10) as u8,
        b'-',
        b'0' + (dd / 10) as u8,
        b'0' + (dd % 10) as u8,
    ]
}

fn date_col(column: &'static str, s: &str, out: &mut Vec<ColumnProblem>) -> Option<NaiveDate> {
    if let Some(d) = parse_ymd(s.trim()) {
        return Some(d);
    }
    match parse_date(column, s) {
        Ok(d) => Some(d),
        Err(_) => {
            out.push(problem(
                column,
                format!("not a date: {:?} (expected YYYY-MM-DD)", s.trim()),
            ));
            None
        }
    }
}

/// Validates one import row on its own (shape, reference data, dates). Checks that need
/// the member's other rows (overlaps, CAWEM) are in [`check_member_spans`].
pub fn parse_row(
    raw: &RawRow<'_>,
    today: NaiveDate,
) -> std::result::Result<(MemberRecord, Span), Vec<ColumnProblem>> {
    let mut p = Vec::new();
    let health_id = match HealthId::parse("health_id", raw.health_id) {
        Ok(h) => Some(h),
        Err(_) => {
            p.push(problem(
                "health_id",
                format!(
                    "an Oregon Health ID is 8 letters and digits, got {:?}",
                    raw.health_id.trim()
                ),
            ));
            None
        }
    };
    let last = parse_name("last_name", raw.last_name)
        .map_err(|e| p.push(problem("last_name", e)))
        .ok();
    let first = parse_name("first_name", raw.first_name)
        .map_err(|e| p.push(problem("first_name", e)))
        .ok();
    let dob = date_col("dob", raw.dob, &mut p);
    if let Some(d) = dob {
        if d > today {
            p.push(problem("dob", format!("{d} is in the future")));
        }
    }
    let sex = parse_sex(raw.sex);
    if sex.is_none() {
        p.push(problem(
            "sex",
            format!("expected F, M, U or X, got {:?}", raw.sex.trim()),
        ));
    }
    let kind = CoverageKind::parse(raw.coverage);
    if kind.is_none() {
        p.push(problem(
            "coverage",
            format!(
                "expected benefit, cco, tpl or medicare, got {:?}",
                raw.coverage.trim()
            ),
        ));
    }
    let start = date_col("start", raw.start, &mut p);
    let end = match opt(raw.end) {
        None => None,
        Some(e) => date_col("end", e, &mut p),
    };
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            p.push(problem("end", format!("{e} is before start {s}")));
        }
    }
    if let (Some(s), Some(d)) = (start, dob) {
        if s < d {
            p.push(problem(
                "start",
                format!("{s} is before the date of birth {d}"),
            ));
        }
    }
    let plan_type_raw = opt(raw.plan_type);
    let partner_raw = opt(raw.plan_partner);
    let mut plan = String::new();
    let mut plan_type = None;
    let mut plan_partner = None;
    match kind {
        Some(CoverageKind::Benefit) => {
            match reference::benefit_plan(raw.plan) {
                Some(b) => plan = b.code.to_string(),
                None => p.push(problem(
                    "plan",
                    format!(
                        "{:?} is not a benefit plan (use a code or name: {})",
                        raw.plan.trim(),
                        reference::BENEFIT_PLANS
                            .iter()
                            .map(|b| b.code)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            }
            if plan_type_raw.is_some() {
                p.push(problem(
                    "plan_type",
                    "only cco, tpl and medicare rows have a plan type",
                ));
            }
        }
        Some(CoverageKind::Cco) => {
            match reference::cco(raw.plan) {
                Some(c) => plan = c.to_string(),
                None => p.push(problem(
                    "plan",
                    format!("{:?} is not one of the 16 CCOs", raw.plan.trim()),
                )),
            }
            match plan_type_raw.map(reference::cco_plan_type) {
                Some(Some((code, _))) => plan_type = Some(code.to_string()),
                Some(None) | None => p.push(problem(
                    "plan_type",
                    format!(
                        "a CCO row needs a CCO plan type (CCOA, CCOB, CCOE or CCOG), got {:?}",
                        raw.plan_type.trim()
                    ),
                )),
            }
        }
        Some(CoverageKind::Tpl) => match opt(raw.plan) {
            Some(ins) if ins.chars().count() <= 80 && !ins.chars().any(|c| c.is_control()) => {
                plan = ins.to_string();
                plan_type = plan_type_raw.map(str::to_string);
            }
            _ => p.push(problem(
                "plan",
                "a tpl row names the other insurer (1 to 80 characters)",
            )),
        },
        Some(CoverageKind::Medicare) => {
            plan = opt(raw.plan).unwrap_or("Medicare").to_string();
            match plan_type_raw.map(reference::medicare_part) {
                Some(Some((code, _))) => plan_type = Some(code.to_string()),
                _ => p.push(problem(
                    "plan_type",
                    format!(
                        "a medicare row needs the part: A, B or D, got {:?}",
                        raw.plan_type.trim()
                    ),
                )),
            }
        }
        None => {}
    }
    if let Some(pp) = partner_raw {
        if kind == Some(CoverageKind::Cco) && plan == reference::HEALTH_SHARE {
            match reference::plan_partner(pp) {
                Some(name) => plan_partner = Some(name.to_string()),
                None => p.push(problem(
                    "plan_partner",
                    format!(
                        "{pp:?} is not a Health Share plan partner ({})",
                        reference::PLAN_PARTNERS.join(", ")
                    ),
                )),
            }
        } else if kind.is_some() {
            p.push(problem(
                "plan_partner",
                "a plan partner is only for Health Share of Oregon CCO rows",
            ));
        }
    }
    match (health_id, last, first, dob, sex, kind, start) {
        (Some(h), Some(l), Some(f), Some(d), Some(sx), Some(k), Some(s)) if p.is_empty() => Ok((
            MemberRecord {
                health_id: h,
                last_name: l,
                first_name: f,
                dob: d,
                sex: sx,
            },
            Span {
                kind: k,
                plan,
                plan_type,
                start: s,
                end,
                plan_partner,
            },
        )),
        _ => Err(p),
    }
}

/// What counts as "the same kind" for overlaps: one benefit plan and one CCO at a time,
/// one span per Medicare part, one per other insurer.
fn overlap_key(s: &Span) -> (CoverageKind, String) {
    match s.kind {
        CoverageKind::Benefit | CoverageKind::Cco => (s.kind, String::new()),
        CoverageKind::Medicare => (s.kind, s.plan_type.clone().unwrap_or_default()),
        CoverageKind::Tpl => (s.kind, s.plan.to_ascii_lowercase()),
    }
}

/// Checks one member's spans together: no two spans of the same kind overlap, and no
/// CCO span overlaps a CAWEM (CWM) benefit span. Returns (index into `spans`, problem),
/// by index.
///
/// O(n log n): the spans of one kind are sorted by start and each is compared with the
/// latest-ending span that starts before it (a span overlaps an earlier-starting one
/// exactly when it starts on or before the latest end so far); of two overlapping spans
/// the later-starting one is reported (on the same start, the later row). A CCO span is
/// compared with the CAWEM spans starting on or before its end (a binary search) through
/// their running latest end.
pub fn check_member_spans(spans: &[Span]) -> Vec<(usize, ColumnProblem)> {
    let mut out: Vec<(usize, u8, ColumnProblem)> = Vec::new();
    let end_key = |s: &Span| s.end.unwrap_or(NaiveDate::MAX);
    let mut order: Vec<usize> = (0..spans.len()).collect();
    let key = |i: usize| {
        let s = &spans[i];
        let (kind, sub) = overlap_key(s);
        (kind, sub, s.start, i)
    };
    order.sort_by_cached_key(|&i| key(i));
    // (overlap key, index of the latest-ending span so far) for the current kind.
    let mut latest: Option<((CoverageKind, String), usize)> = None;
    for &i in &order {
        let a = &spans[i];
        let k = overlap_key(a);
        match &mut latest {
            Some((lk, j)) if *lk == k => {
                let b = &spans[*j];
                if a.start <= end_key(b) {
                    out.push((
                        i,
                        0,
                        problem(
                            "start",
                            format!(
                                "this {} span overlaps another {} span of the same member ({} to {})",
                                a.kind.as_str(),
                                b.kind.as_str(),
                                b.start,
                                b.end.map_or("open".to_string(), |e| e.to_string())
                            ),
                        ),
                    ));
                }
                if end_key(a) > end_key(b) {
                    *j = i;
                }
            }
            _ => latest = Some((k, i)),
        }
    }
    // CAWEM benefit spans by start, with the running index of the latest end.
    let mut cawem: Vec<usize> = spans
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            b.kind == CoverageKind::Benefit
                && reference::benefit_plan(&b.plan).is_some_and(|p| p.never_cco)
        })
        .map(|(i, _)| i)
        .collect();
    if !cawem.is_empty() {
        cawem.sort_by_key(|&i| (spans[i].start, i));
        let mut run: Vec<usize> = Vec::with_capacity(cawem.len());
        for &i in &cawem {
            let best = match run.last() {
                Some(&j) if end_key(&spans[j]) >= end_key(&spans[i]) => j,
                _ => i,
            };
            run.push(best);
        }
        for (i, a) in spans.iter().enumerate() {
            if a.kind != CoverageKind::Cco {
                continue;
            }
            let n = cawem.partition_point(|&j| spans[j].start <= end_key(a));
            let Some(&b) = n.checked_sub(1).and_then(|k| run.get(k)) else {
                continue;
            };
            let b = &spans[b];
            if end_key(b) >= a.start {
                out.push((
                    i,
                    1,
                    problem(
                        "coverage",
                        format!(
                            "a CAWEM (CWM) member is never enrolled in a CCO (CWM span from {})",
                            b.start
                        ),
                    ),
                ));
            }
        }
    }
    out.sort_by_key(|(i, k, _)| (*i, *k));
    out.into_iter().map(|(i, _, p)| (i, p)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn span(kind: CoverageKind, plan: &str, start: &str, end: Option<&str>) -> Span {
        Span {
            kind,
            plan: plan.into(),
            plan_type: None,
            start: d(start),
            end: end.map(d),
            plan_partner: None,
        }
    }

    #[test]
    fn lanes() {
        let spans = vec![
            span(CoverageKind::Benefit, "BMH", "2025-01-01", None),
            span(
                CoverageKind::Cco,
                "Trillium Community Health Plan",
                "2025-07-01",
                Some("2025-12-31"),
            ),
        ];
        let a = answer_on(&spans, d("2025-03-01"));
        assert_eq!((a.eligible, a.lane), (true, Lane::OpenCard));
        let a = answer_on(&spans, d("2025-07-01"));
        assert_eq!(a.lane, Lane::Cco);
        assert_eq!(a.cco.as_deref(), Some("Trillium Community Health Plan"));
        assert_eq!(answer_on(&spans, d("2026-01-01")).lane, Lane::OpenCard);
        assert_eq!(
            answer_on(&spans, d("2024-12-31")),
            DayAnswer::not_eligible()
        );
        assert_eq!(Lane::OpenCard.as_str(), "open-card");
    }

    #[test]
    fn cco_without_benefit_is_not_eligible_and_cawem_never_cco() {
        let spans = vec![span(CoverageKind::Cco, "AllCare CCO", "2025-01-01", None)];
        assert_eq!(answer_on(&spans, d("2025-02-01")).lane, Lane::None);
        let spans = vec![
            span(CoverageKind::Benefit, "CWM", "2025-01-01", None),
            span(CoverageKind::Cco, "AllCare CCO", "2025-01-01", None),
        ];
        let a = answer_on(&spans, d("2025-02-01"));
        assert_eq!((a.lane, a.cco), (Lane::OpenCard, None));
        assert_eq!(check_member_spans(&spans).len(), 1);
    }

    #[test]
    fn segments_split_at_lane_changes() {
        let spans = vec![
            span(
                CoverageKind::Benefit,
                "BMH",
                "2025-01-01",
                Some("2025-12-31"),
            ),
            span(CoverageKind::Cco, "AllCare CCO", "2025-06-01", None),
        ];
        let s = segments(&spans, d("2025-05-01"), d("2026-01-31"));
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s[0].from, s[0].to, s[0].answer.lane),
            (d("2025-05-01"), d("2025-05-31"), Lane::OpenCard)
        );
        assert_eq!(
            (s[1].from, s[1].to, s[1].answer.lane),
            (d("2025-06-01"), d("2025-12-31"), Lane::Cco)
        );
        assert_eq!(
            (s[2].from, s[2].to, s[2].answer.lane),
            (d("2026-01-01"), d("2026-01-31"), Lane::None)
        );
        let one = segments(&spans, d("2025-07-01"), d("2025-07-01"));
        assert_eq!(one.len(), 1);
    }

    #[test]
    fn fast_dates() {
        assert_eq!(parse_ymd("2026-03-16"), Some(d("2026-03-16")));
        assert_eq!(parse_ymd("2026-02-30"), None);
        assert_eq!(parse_ymd("2026-3-16"), None);
        assert_eq!(ymd_string(d("0987-01-02")), "0987-01-02");
        assert_eq!(ymd_string(d("2026-12-31")), "2026-12-31");
    }

    #[test]
    fn window_edges() {
        let today = d("2026-03-16");
        assert!(check_window(d("2025-02-16"), today, today).is_ok());
        assert!(check_window(d("2025-02-15"), today, today).is_err());
        assert!(check_window(today, d("2026-03-17"), today).is_err());
        assert!(check_window(d("2026-03-10"), d("2026-03-01"), today).is_err());
    }

    #[test]
    fn overlaps_of_the_same_kind_are_refused() {
        let spans = vec![
            span(
                CoverageKind::Benefit,
                "BMH",
                "2025-01-01",
                Some("2025-06-30"),
            ),
            span(CoverageKind::Benefit, "BMP", "2025-06-30", None),
        ];
        assert_eq!(check_member_spans(&spans).len(), 1);
        let spans = vec![
            span(
                CoverageKind::Benefit,
                "BMH",
                "2025-01-01",
                Some("2025-06-30"),
            ),
            span(CoverageKind::Benefit, "BMP", "2025-07-01", None),
        ];
        assert!(check_member_spans(&spans).is_empty());
        let mut a = span(CoverageKind::Medicare, "Medicare", "2025-01-01", None);
        a.plan_type = Some("A".into());
        let mut b = a.clone();
        b.plan_type = Some("B".into());
        assert!(check_member_spans(&[a, b]).is_empty());
    }

    #[test]
    fn span_checks_are_not_quadratic() {
        // 20,000 back-to-back spans of one kind: none overlaps; then one that overlaps.
        let base = d("1990-01-01");
        let mut spans: Vec<Span> = (0..20_000i64)
            .rev()
            .map(|k| {
                let from = base + chrono::Duration::days(2 * k);
                let mut s = span(CoverageKind::Benefit, "BMH", "1990-01-01", None);
                s.start = from;
                s.end = Some(from + chrono::Duration::days(1));
                s
            })
            .collect();
        let t = std::time::Instant::now();
        assert!(check_member_spans(&spans).is_empty());
        spans.push(span(
            CoverageKind::Benefit,
            "BMP",
            "2000-01-02",
            Some("2000-01-02"),
        ));
        spans.push(span(CoverageKind::Cco, "AllCare CCO", "1991-01-01", None));
        spans.push(span(CoverageKind::Benefit, "CWM", "2200-01-01", None));
        let p = check_member_spans(&spans);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(p[0].0, 20_000);
        assert_eq!((p[1].0, p[1].1.column), (20_001, "coverage"));
        // A guard against quadratic blow-ups, not a benchmark.
        assert!(t.elapsed() < std::time::Duration::from_secs(60));
    }

    #[test]
    fn an_open_span_overlaps_every_later_one() {
        let spans = vec![
            span(CoverageKind::Cco, "AllCare CCO", "2025-01-01", None),
            span(
                CoverageKind::Cco,
                "AllCare CCO",
                "2024-01-01",
                Some("2024-02-01"),
            ),
            span(
                CoverageKind::Cco,
                "AllCare CCO",
                "2026-01-01",
                Some("2026-02-01"),
            ),
            span(
                CoverageKind::Benefit,
                "CWM",
                "2023-01-01",
                Some("2024-01-01"),
            ),
        ];
        let p = check_member_spans(&spans);
        let idx: Vec<(usize, &str)> = p.iter().map(|(i, p)| (*i, p.column)).collect();
        assert_eq!(idx, vec![(1, "coverage"), (2, "start")]);
    }

    #[test]
    fn rows_are_checked_column_by_column() {
        let today = d("2026-03-16");
        let raw = RawRow {
            health_id: "ab12cd34",
            last_name: "Doe",
            first_name: "Jane",
            dob: "1990-01-02",
            sex: "f",
            coverage: "cco",
            plan: "health share of oregon",
            plan_type: "ccoa",
            start: "2025-01-01",
            end: "",
            plan_partner: "careoregon",
        };
        let (m, s) = parse_row(&raw, today).unwrap();
        assert_eq!(m.health_id.as_str(), "AB12CD34");
        assert_eq!(s.plan, "Health Share of Oregon");
        assert_eq!(s.plan_partner.as_deref(), Some("CareOregon"));
        assert_eq!(s.plan_type.as_deref(), Some("CCOA"));
        let bad = RawRow {
            health_id: "X1",
            plan: "Trillium Community Health Plan",
            end: "2024-01-01",
            ..raw
        };
        let p = parse_row(&bad, today).unwrap_err();
        let cols: Vec<&str> = p.iter().map(|p| p.column).collect();
        assert_eq!(cols, vec!["health_id", "end", "plan_partner"]);
    }
}
