//! Claim status in X12 (005010X212): reading a 276 claim status request and writing the
//! 277 that answers it. The 277 keeps the 276's hierarchy (payer 2000A, information
//! receiver 2000B, provider 2000C, subscriber 2000D, dependent 2000E) and answers each
//! inquiry (2200D / 2200E) with a TRN echoing its trace, an STC, the payer claim control
//! number (REF*1K), the patient control number (REF*EJ) and the service dates.
//!
//! What the answer says is the caller's (the store's) business: see [`Answer`].

use chrono::NaiveDate;

use super::claims::{amount_cents, format_amount};
use super::{
    check_transaction_version, date_or_range, fits, parse_date_or_range, st_control_number,
    Delimiters, Envelope, Interchange, Segment, TransactionSet, X12Error,
};

/// The implementation guide version of the 276/277.
pub const X212: &str = "005010X212";

/// Most hierarchical levels in one 276 file: more than a real 8 MiB 276 holds, a cap
/// against a file built to make lists.
pub const MAX_LEVELS: usize = 1_000_000;
/// Most claim inquiries in one 276 file (a real one of 8 MiB holds some 80,000).
pub const MAX_INQUIRIES: usize = 100_000;

/// A party named by an NM1, as the 276 wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Party<'a> {
    /// NM101.
    pub entity: &'a str,
    /// NM102: `1` person, `2` organization.
    pub kind: &'a str,
    /// NM103.
    pub last: &'a str,
    /// NM104.
    pub first: &'a str,
    /// NM105.
    pub middle: &'a str,
    /// NM108.
    pub id_qualifier: &'a str,
    /// NM109.
    pub id: &'a str,
}

/// One hierarchical level (HL) of a 276: small, since a file may hold many.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Level<'a> {
    /// HL03: 20 payer, 21 information receiver, 19 provider, 22 subscriber, 23 dependent.
    pub code: &'static str,
    /// The parent level (an index into the set's levels).
    pub parent: Option<u32>,
    /// The level's NM1 (read again by [`Level::party`]).
    pub nm1: Option<Segment<'a>>,
}

impl<'a> Level<'a> {
    /// The party its NM1 names.
    pub fn party(&self) -> Party<'a> {
        match &self.nm1 {
            Some(seg) => Party {
                entity: seg.element(1),
                kind: seg.element(2),
                last: seg.element(3),
                first: seg.element(4),
                middle: seg.element(5),
                id_qualifier: seg.element(8),
                id: seg.element(9),
            },
            None => Party::default(),
        }
    }
    fn parent(&self) -> Option<usize> {
        self.parent.map(|p| p as usize)
    }
}

/// One transaction set of a 276.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set276<'a> {
    /// ST02.
    pub control_number: &'a str,
    /// BHT03.
    pub reference: &'a str,
    pub levels: Vec<Level<'a>>,
}

/// One claim status inquiry (2200D or 2200E).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inquiry<'a> {
    /// Index of its set in [`Request276::sets`].
    pub set: usize,
    /// Index of its level (22 or 23) in that set's levels.
    pub level: usize,
    /// Segment number of the TRN.
    pub segment: usize,
    /// TRN02: the trace number the 277 echoes (often the patient control number).
    pub trace: &'a str,
    /// REF*1K: the payer claim control number (our ICN).
    pub icn: Option<&'a str>,
    /// REF*EJ: the patient control number.
    pub pcn: Option<&'a str>,
    /// AMT*T3: the claim's total charge, in cents.
    pub billed: Option<i64>,
    /// DTP*472 of the claim (or the span of its service lines' dates).
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// The subscriber's member ID (2100D NM109).
    pub member_id: Option<&'a str>,
}

/// A 276 read: its sets (with their levels) and every inquiry, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request276<'a> {
    pub sets: Vec<Set276<'a>>,
    pub inquiries: Vec<Inquiry<'a>>,
}

/// Reads a 276: every set a 005010X212 276, every level where the guide puts it, every
/// inquiry under a subscriber or dependent. The first problem is the error, naming its
/// segment.
pub fn read_276<'a>(ic: &Interchange<'a>) -> Result<Request276<'a>, X12Error> {
    check_transaction_version(ic, "276", X212)?;
    let mut req = Request276::default();
    let mut levels = 0usize;
    for g in &ic.groups {
        for t in &g.transactions {
            read_set(t, &mut req, &mut levels)?;
        }
    }
    if req.inquiries.is_empty() {
        return Err(X12Error::general(
            "the 276 holds no claim inquiry (no TRN in a 2200D or 2200E loop)",
        ));
    }
    Ok(req)
}

/// The parent an HL03 needs.
fn parent_code(code: &str) -> Option<Option<&'static str>> {
    match code {
        "20" => Some(None),
        "21" => Some(Some("20")),
        "19" => Some(Some("21")),
        "22" => Some(Some("19")),
        "23" => Some(Some("22")),
        _ => None,
    }
}

fn level_code(code: &str) -> &'static str {
    match code {
        "20" => "20",
        "21" => "21",
        "19" => "19",
        "22" => "22",
        _ => "23",
    }
}

fn read_set<'a>(
    t: &TransactionSet<'a>,
    req: &mut Request276<'a>,
    levels_read: &mut usize,
) -> Result<(), X12Error> {
    let body = t.body();
    let bht = match body.first() {
        Some(s) if s.id() == "BHT" => s,
        Some(s) => return Err(X12Error::at(s, "a 276 starts with BHT after ST")),
        None => {
            return Err(match t.st() {
                Some(s) => X12Error::at(s, "the 276 transaction set is empty"),
                None => X12Error::general("empty transaction set"),
            })
        }
    };
    if bht.element(1) != "0010" {
        return Err(X12Error::at(bht, "BHT01 must be 0010"));
    }
    if bht.element(2) != "13" {
        return Err(X12Error::at(bht, "BHT02 must be 13 (request)"));
    }
    let set_index = req.sets.len();
    let mut set = Set276 {
        control_number: t.control_number,
        reference: bht.element(3),
        levels: Vec::new(),
    };
    // The enclosing level of each kind (20, 21, 19, 22) with its HL01: a parent is always
    // the latest level of the kind above (the levels nest, depth first), so no list of
    // every id is kept.
    let mut open: [Option<(&'a str, usize)>; 4] = [None; 4];
    let slot = |code: &str| match code {
        "20" => Some(0),
        "21" => Some(1),
        "19" => Some(2),
        "22" => Some(3),
        _ => None,
    };
    let mut current: Option<usize> = None;
    let mut inquiry: Option<Inquiry<'a>> = None;
    let mut in_service = false;
    let finish = |inq: &mut Option<Inquiry<'a>>, out: &mut Vec<Inquiry<'a>>| {
        if let Some(q) = inq.take() {
            out.push(q);
        }
    };
    for seg in body.iter().skip(1) {
        match seg.id() {
            "HL" => {
                finish(&mut inquiry, &mut req.inquiries);
                in_service = false;
                if let Some(c) = current {
                    if set.levels.get(c).is_some_and(|l| l.nm1.is_none()) {
                        return Err(X12Error::at(seg, "the level before this HL has no NM1"));
                    }
                }
                *levels_read += 1;
                if *levels_read > MAX_LEVELS {
                    return Err(X12Error::at(
                        seg,
                        format!("more than {MAX_LEVELS} HL levels in one file"),
                    ));
                }
                let id = seg.element(1);
                if id.is_empty() {
                    return Err(X12Error::at(seg, "HL01 (hierarchical ID) is missing"));
                }
                let code = seg.element(3);
                let Some(need) = parent_code(code) else {
                    return Err(X12Error::at(
                        seg,
                        format!("HL03 {code:?} is not a 276 level (20, 21, 19, 22 or 23)"),
                    ));
                };
                let parent_id = seg.element(2);
                let parent = match need {
                    None => {
                        if !parent_id.is_empty() {
                            return Err(X12Error::at(seg, "HL02 must be empty at level 20"));
                        }
                        None
                    }
                    Some(want) => {
                        let enclosing = slot(want).and_then(|i| open.get(i).copied().flatten());
                        let p = match enclosing {
                            Some((id, p)) if id == parent_id => p,
                            _ => {
                                let other = open.iter().flatten().find(|(id, _)| *id == parent_id);
                                return Err(X12Error::at(
                                    seg,
                                    match other.and_then(|(_, p)| set.levels.get(*p)) {
                                        Some(l) => format!(
                                            "an HL at level {code} must be under level {want}, not {}",
                                            l.code
                                        ),
                                        None => format!(
                                            "HL02 {parent_id:?} names no enclosing HL at level {want}"
                                        ),
                                    },
                                ));
                            }
                        };
                        Some(p as u32)
                    }
                };
                if let Some(i) = slot(code) {
                    if let Some(o) = open.get_mut(i) {
                        *o = Some((id, set.levels.len()));
                    }
                    // A new level closes the levels below it.
                    for o in open.iter_mut().skip(i + 1) {
                        *o = None;
                    }
                }
                set.levels.push(Level {
                    code: level_code(code),
                    parent,
                    nm1: None,
                });
                current = Some(set.levels.len() - 1);
            }
            "NM1" => {
                let Some(c) = current else {
                    return Err(X12Error::at(seg, "NM1 before the first HL"));
                };
                if inquiry.is_some() || set.levels.get(c).is_some_and(|l| l.nm1.is_some()) {
                    return Err(X12Error::at(seg, "a second NM1 in one level"));
                }
                let want = match set.levels.get(c).map_or("", |l| l.code) {
                    "20" => &["PR"][..],
                    "21" => &["41"][..],
                    "19" => &["1P"][..],
                    "22" => &["IL"][..],
                    _ => &["QC"][..],
                };
                let entity = seg.element(1);
                if !want.contains(&entity) {
                    return Err(X12Error::at(
                        seg,
                        format!(
                            "NM101 {entity:?} is not {} at this level",
                            want.join(" or ")
                        ),
                    ));
                }
                if seg.element(3).is_empty() {
                    return Err(X12Error::at(seg, "NM103 (name) is missing"));
                }
                if let Some(l) = set.levels.get_mut(c) {
                    l.nm1 = Some(*seg);
                }
            }
            "DMG" | "PER" => {
                if current.is_none() || inquiry.is_some() {
                    return Err(X12Error::at(
                        seg,
                        "out of place (before an HL or in a claim)",
                    ));
                }
            }
            "TRN" => {
                finish(&mut inquiry, &mut req.inquiries);
                in_service = false;
                let c = current.ok_or_else(|| X12Error::at(seg, "TRN before the first HL"))?;
                let level = set.levels.get(c).map_or("", |l| l.code);
                if level != "22" && level != "23" {
                    return Err(X12Error::at(
                        seg,
                        "a claim inquiry (TRN) belongs under a subscriber (HL 22) or dependent (HL 23)",
                    ));
                }
                if set.levels.get(c).is_some_and(|l| l.nm1.is_none()) {
                    return Err(X12Error::at(seg, "TRN before the level's NM1"));
                }
                if req.inquiries.len() >= MAX_INQUIRIES {
                    return Err(X12Error::at(
                        seg,
                        format!("more than {MAX_INQUIRIES} claim inquiries in one file; split it"),
                    ));
                }
                if seg.element(1) != "1" {
                    return Err(X12Error::at(
                        seg,
                        "TRN01 must be 1 (current transaction trace)",
                    ));
                }
                let trace = seg.element(2);
                if trace.is_empty() || trace.len() > 50 {
                    return Err(X12Error::at(seg, "TRN02 must be 1 to 50 characters"));
                }
                // The subscriber of this inquiry: the level itself (22) or its parent (23).
                let sub = if level == "22" {
                    Some(c)
                } else {
                    set.levels.get(c).and_then(|l| l.parent())
                };
                let member_id = sub
                    .and_then(|s| set.levels.get(s))
                    .map(|l| l.party().id)
                    .filter(|id| !id.is_empty());
                inquiry = Some(Inquiry {
                    set: set_index,
                    level: c,
                    segment: seg.position(),
                    trace,
                    icn: None,
                    pcn: None,
                    billed: None,
                    dates: None,
                    member_id,
                });
            }
            "REF" | "AMT" | "DTP" | "SVC" => {
                let Some(q) = inquiry.as_mut() else {
                    return Err(X12Error::at(
                        seg,
                        format!("{} outside a claim inquiry (2200D or 2200E)", seg.id()),
                    ));
                };
                read_claim_segment(seg, q, &mut in_service)?;
            }
            other => {
                return Err(X12Error::at(
                    seg,
                    format!("segment {other} is not part of a 276"),
                ))
            }
        }
    }
    finish(&mut inquiry, &mut req.inquiries);
    if let Some(c) = current {
        if set.levels.get(c).is_some_and(|l| l.nm1.is_none()) {
            let at = body.last().map_or(0, |s| s.position());
            return Err(X12Error::new(at, "HL", "the last level has no NM1"));
        }
    }
    if set.levels.is_empty() {
        return Err(X12Error::at(bht, "the 276 has no HL levels"));
    }
    req.sets.push(set);
    Ok(())
}

fn read_claim_segment<'a>(
    seg: &Segment<'a>,
    q: &mut Inquiry<'a>,
    in_service: &mut bool,
) -> Result<(), X12Error> {
    match seg.id() {
        "REF" if !*in_service => {
            let v = seg.element(2);
            match seg.element(1) {
                "1K" => q.icn = Some(v),
                "EJ" => q.pcn = Some(v),
                _ => {}
            }
        }
        "REF" => {}
        "AMT" => {
            if seg.element(1) == "T3" {
                let c = amount_cents(seg.element(2)).ok_or_else(|| {
                    X12Error::at(seg, format!("AMT02 {:?} is not an amount", seg.element(2)))
                })?;
                q.billed = Some(c);
            }
        }
        "DTP" => {
            if seg.element(1) != "472" {
                return Err(X12Error::at(seg, "DTP01 must be 472 (service date)"));
            }
            let (f, t) = parse_date_or_range(seg.element(2), seg.element(3)).ok_or_else(|| {
                X12Error::at(
                    seg,
                    format!(
                        "DTP {:?} {:?} is not a D8 date or RD8 range",
                        seg.element(2),
                        seg.element(3)
                    ),
                )
            })?;
            q.dates = Some(match (q.dates, *in_service) {
                (Some((a, b)), true) => (a.min(f), b.max(t)),
                _ => (f, t),
            });
        }
        _ => *in_service = true, // SVC: the service line loop (2210D/E)
    }
    Ok(())
}

/// What the 277 says of one inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// STC01-1, e.g. `F1`; `A4` when the claim is not found.
    pub category: &'static str,
    /// STC01-2, e.g. `65`; `35` when the claim is not found.
    pub status: &'static str,
    /// STC02: the date of the status.
    pub effective: NaiveDate,
    /// STC04: the claim's total charge, in cents.
    pub billed: i64,
    /// STC05: the amount paid, when the claim is finalized.
    pub paid: Option<i64>,
    /// STC06: the adjudication date, when the claim is finalized.
    pub adjudicated: Option<NaiveDate>,
    /// REF*1K.
    pub icn: Option<String>,
    /// REF*EJ.
    pub pcn: Option<String>,
    /// DTP*472.
    pub dates: Option<(NaiveDate, NaiveDate)>,
}

fn io_err(e: X12Error) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
}

/// An element echoed from the 276: itself when it fits, else `fallback`.
fn echo<'v>(v: &'v str, min: usize, max: usize, d: &Delimiters, fallback: &'v str) -> &'v str {
    fits(v, min, max, d).unwrap_or(fallback)
}

/// Writes the 277 that answers `req` (one 277 set per 276 set, the same levels), each
/// inquiry answered by `answer` as it is written (in the order of `req.inquiries`; an
/// error stops the writing and is returned). Written in pieces to `out`.
pub fn write_277_to(
    req: &Request276<'_>,
    answer: &mut dyn FnMut(&Inquiry<'_>) -> std::io::Result<Answer>,
    env: &Envelope,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let d = env.delimiters;
    let mut w = env.open("HN", X212).map_err(io_err)?;
    let date = env.date_d8();
    let time = env.time_hhmm();
    // Inquiries in file order, so each set's are a run; each level's a run within it.
    let mut next = 0usize;
    for (si, set) in req.sets.iter().enumerate() {
        w.begin_transaction("277", &st_control_number(si + 1), X212)
            .map_err(io_err)?;
        let reference = echo(set.reference, 1, 50, &d, "0");
        w.segment("BHT", &["0010", "08", reference, &date, &time, "DG"])
            .map_err(io_err)?;
        // Which levels have children.
        let mut has_child = vec![false; set.levels.len()];
        for l in &set.levels {
            if let Some(p) = l.parent().and_then(|p| has_child.get_mut(p)) {
                *p = true;
            }
        }
        for (li, l) in set.levels.iter().enumerate() {
            let id = (li + 1).to_string();
            let parent = l.parent().map(|p| (p + 1).to_string()).unwrap_or_default();
            let child = if has_child.get(li).copied().unwrap_or(false) {
                "1"
            } else {
                "0"
            };
            let child = if l.code == "23" { "" } else { child };
            w.segment("HL", &[&id, &parent, l.code, child])
                .map_err(io_err)?;
            let p = &l.party();
            let kind = if p.kind == "1" { "1" } else { "2" };
            let last = echo(p.last, 1, 60, &d, "UNKNOWN");
            let first = if kind == "1" {
                echo(p.first, 1, 35, &d, "")
            } else {
                ""
            };
            let middle = if kind == "1" {
                echo(p.middle, 1, 25, &d, "")
            } else {
                ""
            };
            let idv = echo(p.id, 2, 80, &d, "");
            let q = if idv.is_empty() {
                ""
            } else {
                echo(p.id_qualifier, 1, 2, &d, "")
            };
            let idv = if q.is_empty() { "" } else { idv };
            w.segment(
                "NM1",
                &[p.entity, kind, last, first, middle, "", "", q, idv],
            )
            .map_err(io_err)?;
            while let Some(inq) = req.inquiries.get(next) {
                if inq.set != si || inq.level != li {
                    break;
                }
                let a = answer(inq)?;
                write_answer(&mut w, inq, &a, &d)?;
                next += 1;
                if next.is_multiple_of(1024) {
                    w.drain_into(out)?;
                }
            }
        }
        // Inquiries of levels out of order cannot be: levels and inquiries are in file
        // order. Any left for this set are skipped to keep the sets apart.
        while req.inquiries.get(next).is_some_and(|q| q.set == si) {
            next += 1;
        }
        w.end_transaction().map_err(io_err)?;
        w.drain_into(out)?;
    }
    w.end_group().map_err(io_err)?;
    out.write_all(w.finish().map_err(io_err)?.as_bytes())
}

/// The answer for a claim that is not found (or not the asker's): A4 (not found), 35
/// (claim/encounter not found), with the charge and dates the inquiry gave.
pub fn not_found(q: &Inquiry<'_>, today: NaiveDate) -> Answer {
    Answer {
        category: "A4",
        status: "35",
        effective: today,
        billed: q.billed.unwrap_or(0).max(0),
        paid: None,
        adjudicated: None,
        icn: None,
        pcn: q.pcn.map(str::to_string),
        dates: q.dates,
    }
}

fn write_answer(
    w: &mut super::Writer,
    q: &Inquiry<'_>,
    a: &Answer,
    d: &Delimiters,
) -> std::io::Result<()> {
    w.segment("TRN", &["2", echo(q.trace, 1, 50, d, "0")])
        .map_err(io_err)?;
    let effective = super::format_d8(a.effective);
    let billed = format_amount(a.billed);
    let paid = a.paid.map(format_amount).unwrap_or_default();
    let adjudicated = a.adjudicated.map(super::format_d8).unwrap_or_default();
    w.segment_composite(
        "STC",
        &[
            &[a.category, a.status],
            &[&effective],
            &[],
            &[&billed],
            &[&paid],
            &[&adjudicated],
        ],
    )
    .map_err(io_err)?;
    if let Some(icn) = a.icn.as_deref().and_then(|i| fits(i, 1, 50, d)) {
        w.segment("REF", &["1K", icn]).map_err(io_err)?;
    }
    if let Some(pcn) = a.pcn.as_deref().and_then(|p| fits(p, 1, 50, d)) {
        w.segment("REF", &["EJ", pcn]).map_err(io_err)?;
    }
    if let Some((f, t)) = a.dates {
        let (qual, v) = date_or_range(f, t);
        w.segment("DTP", &["472", qual, v.as_str()])
            .map_err(io_err)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    const ISA: &str = "ISA*00*          *00*          *ZZ*CLINIC         *ZZ*ORMMIS         *260316*0900*^*00501*000000011*0*T*:~GS*HR*CLINIC*ORMMIS*20260316*0900*11*X*005010X212~";

    fn file(body: &str) -> String {
        let n = body.matches('~').count() + 2;
        format!("{ISA}ST*276*0001*005010X212~{body}SE*{n}*0001~GE*1*11~IEA*1*000000011~")
    }

    const BODY: &str = "BHT*0010*13*REQ1*20260316*0900~HL*1**20*1~NM1*PR*2*OREGON HEALTH AUTHORITY*****PI*ORMMIS~HL*2*1*21*1~NM1*41*2*JONES FAMILY THERAPY*****46*506675928~HL*3*2*19*1~NM1*1P*2*JONES FAMILY THERAPY*****XX*1234567893~HL*4*3*22*0~DMG*D8*19880402*F~NM1*IL*1*RIVERA*ANA****MI*OC100001~TRN*1*PCN-1~REF*1K*2226075000001~REF*EJ*PCN-1~AMT*T3*180~DTP*472*D8*20260310~TRN*1*PCN-2~SVC*HC:90837*180*****1~DTP*472*D8*20260311~";

    #[test]
    fn reads_inquiries_under_their_levels() {
        let text = file(BODY);
        let ic = Interchange::parse(&text).unwrap();
        let r = read_276(&ic).unwrap();
        assert_eq!(r.sets.len(), 1);
        assert_eq!(r.sets[0].reference, "REQ1");
        assert_eq!(r.sets[0].levels.len(), 4);
        assert_eq!(r.sets[0].levels[3].parent, Some(2));
        assert_eq!(r.sets[0].levels[3].party().id, "OC100001");
        assert_eq!(r.inquiries.len(), 2);
        let q = &r.inquiries[0];
        assert_eq!(
            (q.trace, q.icn, q.pcn, q.billed, q.member_id),
            (
                "PCN-1",
                Some("2226075000001"),
                Some("PCN-1"),
                Some(18000),
                Some("OC100001")
            )
        );
        assert_eq!(q.dates, Some((d("2026-03-10"), d("2026-03-10"))));
        let q = &r.inquiries[1];
        assert_eq!((q.icn, q.pcn, q.level), (None, None, 3));
        assert_eq!(q.dates, Some((d("2026-03-11"), d("2026-03-11"))));
    }

    #[test]
    fn malformed_276s_name_their_segment() {
        let cases = [
            (BODY.replace("HL*3*2*19*1", "HL*3*9*19*1"), "HL02 \"9\""),
            (BODY.replace("HL*4*3*22*0", "HL*4*2*22*0"), "must be under level 19, not 21"),
            (BODY.replace("HL*3*2*19*1", "HL*3*2*22*1"), "must be under level"),
            (BODY.replace("TRN*1*PCN-2", "TRN*1*"), "TRN02"),
            (BODY.replace("DTP*472*D8*20260310", "DTP*472*D8*20260231"), "DTP"),
            (BODY.replace("AMT*T3*180", "AMT*T3*1x0"), "AMT02"),
            (BODY.replace("NM1*IL", "NM1*QC"), "NM101"),
            (BODY.replace("BHT*0010*13", "BHT*0010*08"), "BHT02"),
            (BODY.replace("DMG*D8*19880402*F~", "CLM*1~"), "segment CLM"),
            (BODY.replace("TRN*1*PCN-1~REF*1K*2226075000001~REF*EJ*PCN-1~AMT*T3*180~DTP*472*D8*20260310~TRN*1*PCN-2~SVC*HC:90837*180*****1~DTP*472*D8*20260311~", ""), "no claim inquiry"),
        ];
        for (body, want) in cases {
            let text = file(&body);
            let e = Interchange::parse(&text)
                .and_then(|ic| read_276(&ic).map(|_| ()))
                .unwrap_err()
                .to_string();
            assert!(e.contains(want), "{want}: {e}");
        }
    }

    #[test]
    fn writes_a_277_of_the_same_levels() {
        let text = file(BODY);
        let ic = Interchange::parse(&text).unwrap();
        let r = read_276(&ic).unwrap();
        let paid = Answer {
            category: "F1",
            status: "65",
            effective: d("2026-03-14"),
            billed: 18000,
            paid: Some(13200),
            adjudicated: Some(d("2026-03-14")),
            icn: Some("2226075000001".into()),
            pcn: Some("PCN-1".into()),
            dates: Some((d("2026-03-10"), d("2026-03-10"))),
        };
        let env = Envelope::new(
            "ORMMIS",
            "CLINIC",
            d("2026-03-16"),
            chrono::NaiveTime::from_hms_opt(9, 30, 0).unwrap(),
            5,
        );
        let mut out = Vec::new();
        let mut answer = |q: &Inquiry<'_>| {
            Ok(match q.icn {
                Some(_) => paid.clone(),
                None => not_found(q, d("2026-03-16")),
            })
        };
        write_277_to(&r, &mut answer, &env, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("~ST*277*0001*005010X212~BHT*0010*08*REQ1*20260316*0930*DG~HL*1**20*1~NM1*PR*2*OREGON HEALTH AUTHORITY*****PI*ORMMIS~"), "{s}");
        assert!(s.contains("~HL*4*3*22*0~NM1*IL*1*RIVERA*ANA****MI*OC100001~TRN*2*PCN-1~STC*F1:65*20260314**180*132*20260314~REF*1K*2226075000001~REF*EJ*PCN-1~DTP*472*D8*20260310~TRN*2*PCN-2~STC*A4:35*20260316**0~DTP*472*D8*20260311~SE*"), "{s}");
        let back = Interchange::parse(&s).unwrap();
        assert_eq!(back.groups[0].transactions.len(), 1);
    }
}
