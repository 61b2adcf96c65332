//! Acknowledgments: the 999 implementation acknowledgment (005010X231A1)
//! and the TA1 interchange acknowledgment.
//!
//! [`acknowledge`] decides which one answers an interchange. A fault of the
//! interchange itself (IEA missing, IEA02 not ISA13, IEA01 not the number of
//! groups, envelopes out of order, segments outside any transaction set, a
//! group or set a 999 cannot name) gets a TA1 with TA104 `R` and the TA105
//! note code, and no 999: a rejected interchange was not processed, so none
//! of its groups is acknowledged. Otherwise a 999 answers each group; when
//! the file was refused, every transaction set in it is `IK5*R` (with the
//! codes of its own faults, if it has any) and every `AK9` is `R` with no
//! set accepted, so the acknowledgment never says more was taken than was.

use super::{
    st_control_number, Delimiters, Envelope, FunctionalGroup, Interchange, TransactionSet, X12Error,
};

/// The implementation guide version of the 999.
pub const X231: &str = "005010X231A1";

/// IK501: what happened to a transaction set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetStatus {
    /// `A`.
    Accepted,
    /// `E`: accepted, errors noted.
    AcceptedWithErrors,
    /// `R`.
    Rejected,
}

impl SetStatus {
    fn code(self) -> &'static str {
        match self {
            SetStatus::Accepted => "A",
            SetStatus::AcceptedWithErrors => "E",
            SetStatus::Rejected => "R",
        }
    }
}

/// An IK4 data element note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ElementNote {
    /// IK401-1: element position in the segment (1-based).
    pub position: usize,
    /// IK401-2: component position, for composites.
    pub component: Option<usize>,
    /// IK402: data element reference number (e.g. `782`), when known.
    pub reference_number: Option<String>,
    /// IK403: `1` required element missing, `2` conditional required
    /// missing, `3` too many elements, `4` too short, `5` too long, `6`
    /// invalid character, `7` invalid code value, `8` invalid date, `9`
    /// invalid time, `10` exclusion condition violated, `12` too many
    /// repetitions, `13` too many components, `I10` implementation "not
    /// used" element present, `I12` implementation pattern match failure,
    /// `I13` implementation "not used" element present, `I6` code value not
    /// used in implementation, `I9` implementation dependent data element
    /// missing.
    pub code: String,
    /// IK404: a copy of the bad value.
    pub bad_value: Option<String>,
}

/// An IK3 segment note, with an optional element note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SegmentNote {
    /// IK301: the segment id.
    pub segment_id: String,
    /// IK302: position of the segment in the transaction set (ST is 1).
    pub position_in_set: usize,
    /// IK303: loop id (e.g. `2300`), when known.
    pub loop_id: Option<String>,
    /// IK304: `1` unrecognized segment id, `2` unexpected segment, `3`
    /// required segment missing, `4` loop occurs over maximum times, `5`
    /// segment exceeds maximum use, `6` segment not in defined transaction
    /// set, `7` segment not in proper sequence, `8` segment has data element
    /// errors, `I4` implementation "not used" segment present, `I6`
    /// implementation dependent segment missing, `I7` implementation loop
    /// occurs under minimum times, `I8` implementation segment below
    /// minimum use, `I9` implementation dependent "not used" segment present.
    pub code: String,
    /// CTX business unit, e.g. (`CLM01`, the patient control number).
    pub business_unit: Option<(String, String)>,
    pub element: Option<ElementNote>,
}

impl SegmentNote {
    /// A note for an error read from `set` (its segment number converted to
    /// the position in the set), with the given IK304 code.
    pub fn from_error(err: &X12Error, set: &TransactionSet<'_>, code: &str) -> Self {
        SegmentNote {
            segment_id: err.segment_id.clone(),
            position_in_set: set.position_in_set(err.segment),
            loop_id: None,
            code: code.to_string(),
            business_unit: None,
            element: None,
        }
    }
}

/// What the caller found in one transaction set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAck {
    /// Index of the group in the interchange.
    pub group_index: usize,
    /// Index of the set in its group.
    pub transaction_index: usize,
    /// `None`: rejected when there are notes, accepted otherwise.
    pub status: Option<SetStatus>,
    pub notes: Vec<SegmentNote>,
}

/// What the receiver takes. A group of another version (GS08) is rejected
/// with AK905 `2`; a set of another transaction (ST01) with IK502 `1`, of
/// another implementation guide (ST03) with IK502 `I6`. AK103 and AK203
/// echo the version the file named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expected<'s> {
    /// ST01, e.g. `837`.
    pub transaction: &'s str,
    /// GS08 and ST03, e.g. `005010X222A1`.
    pub version: &'s str,
}

/// Which acknowledgment answers an interchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AckKind {
    /// TA1 interchange acknowledgment (ISA, TA1, IEA).
    Ta1,
    /// 999 implementation acknowledgment.
    Fa999,
}

/// An acknowledgment ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgment {
    pub kind: AckKind,
    pub text: String,
    /// True when it takes nothing: a TA1 with TA104 `R`, or a 999 whose
    /// every AK9 is `R`.
    pub rejected: bool,
    /// What it says, for a person (e.g. `a TA1 rejecting the interchange
    /// (TA105 001: ...)`).
    pub summary: String,
}

/// What a TA105 interchange note code means.
pub fn ta1_note_text(code: &str) -> &'static str {
    match code {
        "000" => "no error",
        "001" => "the interchange control numbers in the header and trailer do not match",
        "006" => "invalid interchange sender ID",
        "008" => "invalid interchange receiver ID",
        "014" => "invalid interchange date",
        "015" => "invalid interchange time",
        "018" => "invalid interchange control number",
        "020" => "invalid test indicator",
        "021" => "invalid number of included groups",
        "022" => "invalid control structure",
        "023" => "improper (premature) end of file",
        "024" => "invalid interchange content",
        _ => "interchange error",
    }
}

/// A string of digits (no sign, no space) as a count.
fn parse_count(s: &str) -> Option<usize> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// True when `value` can be echoed in an element of `min..=max` characters
/// written with `d`.
fn fits(value: &str, min: usize, max: usize, d: &Delimiters) -> bool {
    (min..=max).contains(&value.len())
        && value
            .bytes()
            .all(|b| (b.is_ascii_graphic() || b == b' ') && !d.is_delimiter(b))
}

/// The first group or transaction set a 999 written with `d` could not name
/// (AK1 echoes GS01, GS06 and GS08; AK2 echoes ST01, ST02 and ST03, in the
/// shapes the standard gives them).
pub fn unnamed(ic: &Interchange<'_>, d: &Delimiters) -> Option<X12Error> {
    for g in &ic.groups {
        let gs06 = g.control_number;
        if !fits(g.functional_id, 2, 2, d) {
            return Some(X12Error::at(
                &g.gs,
                format!(
                    "GS01 {:?} is not a functional identifier code",
                    g.functional_id
                ),
            ));
        }
        if gs06.is_empty() || gs06.len() > 9 || !gs06.bytes().all(|b| b.is_ascii_digit()) {
            return Some(X12Error::at(
                &g.gs,
                format!("GS06 {gs06:?} is not a group control number (1 to 9 digits)"),
            ));
        }
        if !fits(g.version, 1, 12, d) {
            return Some(X12Error::at(
                &g.gs,
                format!("GS08 {:?} is not a version code", g.version),
            ));
        }
        for t in &g.transactions {
            let at = t.st().copied().unwrap_or(g.gs);
            if !fits(t.id, 3, 3, d) {
                return Some(X12Error::at(
                    &at,
                    format!("ST01 {:?} is not a transaction set identifier", t.id),
                ));
            }
            if !fits(t.control_number, 4, 9, d) {
                return Some(X12Error::at(
                    &at,
                    format!(
                        "ST02 {:?} is not a transaction set control number (4 to 9 characters)",
                        t.control_number
                    ),
                ));
            }
            if !t.version.is_empty() && !fits(t.version, 1, 35, d) {
                return Some(X12Error::at(
                    &at,
                    format!(
                        "ST03 {:?} is not an implementation guide reference",
                        t.version
                    ),
                ));
            }
        }
    }
    None
}

/// The TA105 note for an interchange that a 999 cannot answer: its first
/// interchange-level fault, or `024` (invalid interchange content) when one
/// of its groups or sets cannot be named in a 999 written with `d`. `None`
/// when a 999 can answer it.
pub fn interchange_note(ic: &Interchange<'_>, d: &Delimiters) -> Option<(&'static str, X12Error)> {
    if let Some(f) = ic.faults.first() {
        return Some((f.note_code, f.error.clone()));
    }
    unnamed(ic, d).map(|e| ("024", e))
}

/// Writes a TA1 answering `ic`: TA101 to TA103 echo its ISA13, ISA09 and
/// ISA10; TA104 is `A` for note code `000`, `R` otherwise.
pub fn write_ta1(
    ic: &Interchange<'_>,
    note_code: &str,
    env: &Envelope,
) -> Result<String, X12Error> {
    let isa = &ic.isa;
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(isa.control_number, 9) {
        return Err(X12Error::at(
            &isa.segment,
            format!(
                "ISA13 {:?} is not a 9-digit control number a TA1 could name",
                isa.control_number
            ),
        ));
    }
    if !digits(isa.date, 6) || !digits(isa.time, 4) {
        return Err(X12Error::at(
            &isa.segment,
            format!(
                "ISA09/ISA10 {:?}/{:?} are not a date (YYMMDD) and time (HHMM) a TA1 could echo",
                isa.date, isa.time
            ),
        ));
    }
    let code = if note_code == "000" { "A" } else { "R" };
    let mut w = env.open_interchange()?;
    w.interchange_segment(
        "TA1",
        &[isa.control_number, isa.date, isa.time, code, note_code],
    )?;
    w.finish()
}

/// Answers `ic`: a TA1 when the interchange itself is at fault (see
/// [`interchange_note`]) or holds no functional group (then `TA1*...*A*000`
/// unless `refused`), a 999 otherwise (see [`write_999_for`]). An error
/// means no acknowledgment can be written: the ISA cannot be answered (no
/// 9-digit ISA13, a sender or receiver our envelope cannot carry).
pub fn acknowledge(
    ic: &Interchange<'_>,
    acks: &[SetAck],
    env: &Envelope,
    expected: Option<Expected<'_>>,
    refused: bool,
) -> Result<Acknowledgment, X12Error> {
    let note = interchange_note(ic, &env.delimiters).map(|(code, _)| code);
    let note = match note {
        None if ic.groups.is_empty() => Some(if refused { "024" } else { "000" }),
        other => other,
    };
    if let Some(code) = note {
        let text = write_ta1(ic, code, env)?;
        let rejected = code != "000";
        let summary = if rejected {
            format!(
                "a TA1 rejecting the interchange (TA105 {code}: {})",
                ta1_note_text(code)
            )
        } else {
            "a TA1 accepting the interchange (it holds no functional group)".to_string()
        };
        return Ok(Acknowledgment {
            kind: AckKind::Ta1,
            text,
            rejected,
            summary,
        });
    }
    let (text, accepted) = write_999_inner(ic, acks, env, expected, refused)?;
    let summary = if accepted {
        "a 999".to_string()
    } else {
        "a 999 rejecting every transaction set (AK9*R)".to_string()
    };
    Ok(Acknowledgment {
        kind: AckKind::Fa999,
        text,
        rejected: !accepted,
        summary,
    })
}

/// IK502 codes for what is wrong with the set itself, in code order: `1`
/// not the expected transaction, `2` no SE, `3` SE02 not ST02, `4` SE01 not
/// the segment count, `5` a segment in error, `I6` another implementation
/// guide.
fn set_codes(t: &TransactionSet<'_>, expected: Option<Expected<'_>>) -> Vec<&'static str> {
    let mut codes = Vec::new();
    if expected.is_some_and(|x| t.id != x.transaction) {
        codes.push("1");
    }
    match t.segments.last() {
        Some(se) if se.id() == "SE" && t.segments.len() > 1 => {
            if se.element(2) != t.control_number {
                codes.push("3");
            }
            if parse_count(se.element(1)) != Some(t.segment_count) {
                codes.push("4");
            }
        }
        _ => codes.push("2"),
    }
    if !t.unrecognized.is_empty() {
        codes.push("5");
    }
    if expected.is_some_and(|x| !t.version.is_empty() && t.version != x.version) {
        codes.push("I6");
    }
    codes
}

/// AK905 codes for the envelope problems of a group, in code order: `2`
/// another version, `3` no GE, `4` GE02 not GS06, `5` GE01 not the number of
/// sets.
fn group_codes(g: &FunctionalGroup<'_>, expected: Option<Expected<'_>>) -> Vec<&'static str> {
    let mut codes = Vec::new();
    if expected.is_some_and(|x| g.version != x.version) {
        codes.push("2");
    }
    match &g.ge {
        None => codes.push("3"),
        Some(ge) => {
            let (a, b) = (ge.element(2).trim(), g.control_number.trim());
            let same = match (a.parse::<u64>(), b.parse::<u64>()) {
                (Ok(x), Ok(y)) => x == y,
                _ => a == b,
            };
            if !same {
                codes.push("4");
            }
            if parse_count(ge.element(1)) != Some(g.transactions.len()) {
                codes.push("5");
            }
        }
    }
    codes
}

/// Writes a 999 acknowledging every functional group of `ic` (one 999
/// transaction set per group), rejecting every set when `ic` has envelope
/// errors: [`write_999_for`] with no expected version, refused when
/// `ic.errors` is not empty.
pub fn write_999(
    ic: &Interchange<'_>,
    acks: &[SetAck],
    env: &Envelope,
) -> Result<String, X12Error> {
    write_999_for(ic, acks, env, None, !ic.errors.is_empty())
}

/// Writes a 999 acknowledging every functional group of `ic` (one 999
/// transaction set per group). A set with faults of its own (trailer,
/// counts, control numbers, unrecognized segments, another transaction or
/// guide than `expected`) is `IK5*R` with their codes; otherwise the
/// caller's [`SetAck`] decides (rejected when it has notes, accepted
/// otherwise). When `refused` (nothing in the file was taken) or the group's
/// own envelope is at fault, every set is rejected, those without a fault
/// of their own with a bare `IK5*R`, and the AK9 is `R` with no set
/// accepted. AK902 echoes GE01, AK903 counts the AK2 loops, AK904 the sets
/// not rejected.
pub fn write_999_for(
    ic: &Interchange<'_>,
    acks: &[SetAck],
    env: &Envelope,
    expected: Option<Expected<'_>>,
    refused: bool,
) -> Result<String, X12Error> {
    write_999_inner(ic, acks, env, expected, refused).map(|(text, _)| text)
}

/// The 999 and whether any group accepted a set.
fn write_999_inner(
    ic: &Interchange<'_>,
    acks: &[SetAck],
    env: &Envelope,
    expected: Option<Expected<'_>>,
    refused: bool,
) -> Result<(String, bool), X12Error> {
    if ic.groups.is_empty() {
        return Err(X12Error::general("no functional group to acknowledge"));
    }
    let mut any_accepted = false;
    let mut w = env.open("FA", X231)?;
    for (gi, g) in ic.groups.iter().enumerate() {
        w.begin_transaction("999", &st_control_number(gi + 1), X231)?;
        w.segment("AK1", &[g.functional_id, g.control_number, g.version])?;
        let gcodes = group_codes(g, expected);
        let reject_all = refused || !gcodes.is_empty();
        let mut accepted = 0usize;
        let mut any_errors = false;
        for (ti, t) in g.transactions.iter().enumerate() {
            let ack = acks
                .iter()
                .find(|a| a.group_index == gi && a.transaction_index == ti);
            w.segment("AK2", &[t.id, t.control_number, t.version])?;
            for seg in &t.unrecognized {
                let id = seg.id();
                let printable = id
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
                if (2..=3).contains(&id.len()) && printable {
                    let pos = t.position_in_set(seg.position()).to_string();
                    w.segment("IK3", &[id, &pos, "", "1"])?;
                }
            }
            if let Some(a) = ack {
                for n in &a.notes {
                    let pos = n.position_in_set.to_string();
                    w.segment(
                        "IK3",
                        &[
                            &n.segment_id,
                            &pos,
                            n.loop_id.as_deref().unwrap_or(""),
                            &n.code,
                        ],
                    )?;
                    if let Some((name, value)) = &n.business_unit {
                        w.segment_composite("CTX", &[&[name, value]])?;
                    }
                    if let Some(e) = &n.element {
                        let p = e.position.to_string();
                        let c = e.component.map(|c| c.to_string()).unwrap_or_default();
                        w.segment_composite(
                            "IK4",
                            &[
                                &[&p, &c],
                                &[e.reference_number.as_deref().unwrap_or("")],
                                &[&e.code],
                                &[e.bad_value.as_deref().unwrap_or("")],
                            ],
                        )?;
                    }
                }
            }
            let mut codes = set_codes(t, expected);
            let has_notes = ack.is_some_and(|a| !a.notes.is_empty());
            any_errors |= has_notes;
            let status = if !codes.is_empty() || reject_all {
                SetStatus::Rejected
            } else {
                match ack.and_then(|a| a.status) {
                    Some(s) => s,
                    None if has_notes => SetStatus::Rejected,
                    None => SetStatus::Accepted,
                }
            };
            // Notes on a set: "one or more segments in error".
            if status == SetStatus::Rejected && has_notes && !codes.contains(&"5") {
                let at = codes.iter().position(|c| *c == "I6").unwrap_or(codes.len());
                codes.insert(at, "5");
            }
            let mut ik5: Vec<&str> = vec![status.code()];
            ik5.extend(codes.iter().take(5));
            w.segment("IK5", &ik5)?;
            if status != SetStatus::Rejected {
                accepted += 1;
            }
        }
        let received = g.transactions.len();
        let ak901 = if accepted == 0 && (received > 0 || reject_all) {
            "R"
        } else if accepted < received {
            "P"
        } else if any_errors {
            "E"
        } else {
            "A"
        };
        any_accepted |= ak901 != "R";
        let included = parse_count(g.declared_count).unwrap_or(received);
        let mut ak9: Vec<String> = vec![
            ak901.to_string(),
            included.to_string(),
            received.to_string(),
            accepted.to_string(),
        ];
        ak9.extend(gcodes.iter().take(5).map(|c| c.to_string()));
        let refs: Vec<&str> = ak9.iter().map(String::as_str).collect();
        w.segment("AK9", &refs)?;
        w.end_transaction()?;
    }
    w.end_group()?;
    Ok((w.finish()?, any_accepted))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x12::claims::{read_837p_set, tests as claim_tests, write_837p};

    #[test]
    fn accepts_and_rejects() {
        let text = write_837p(&claim_tests::batch(), &claim_tests::env()).unwrap();
        let ic = Interchange::parse(&text).unwrap();
        let out = write_999(&ic, &[], &claim_tests::env()).unwrap();
        assert!(
            out.contains("AK1*HC*5*005010X222A1~AK2*837*0001*005010X222A1~IK5*A~AK9*A*1*1*1~"),
            "{out}"
        );
        let back = Interchange::parse(&out).unwrap();
        crate::x12::check_transaction_version(&back, "999", X231).unwrap();

        // A wrong SE count: rejected with IK502 4.
        let bad = text.replace("SE*", "SE*1");
        let ic = Interchange::parse_lenient(&bad).unwrap();
        assert!(!ic.errors.is_empty());
        let out = write_999(&ic, &[], &claim_tests::env()).unwrap();
        assert!(out.contains("IK5*R*4~AK9*R*1*1*0~"), "{out}");

        // A caller's note on a claim.
        let ic = Interchange::parse(&text).unwrap();
        let t = &ic.groups[0].transactions[0];
        let claims = read_837p_set(0, 0, t).unwrap();
        let note = SegmentNote {
            segment_id: "CLM".into(),
            position_in_set: t.position_in_set(claims[0].segment),
            loop_id: Some("2300".into()),
            code: "8".into(),
            business_unit: Some(("CLM01".into(), "PCN1".into())),
            element: Some(ElementNote {
                position: 2,
                component: None,
                reference_number: Some("782".into()),
                code: "7".into(),
                bad_value: Some("180.5".into()),
            }),
        };
        let acks = [SetAck {
            group_index: 0,
            transaction_index: 0,
            status: None,
            notes: vec![note],
        }];
        let out = write_999(&ic, &acks, &claim_tests::env()).unwrap();
        assert!(
            out.contains("IK3*CLM*16*2300*8~CTX*CLM01:PCN1~IK4*2*782*7*180.5~IK5*R*5~AK9*R*1*1*0~"),
            "{out}"
        );
        let acks = [SetAck {
            status: Some(SetStatus::AcceptedWithErrors),
            ..acks[0].clone()
        }];
        let out = write_999(&ic, &acks, &claim_tests::env()).unwrap();
        assert!(out.contains("IK5*E~AK9*E*1*1*1~"), "{out}");
    }

    const EXP: Expected<'static> = Expected {
        transaction: "837",
        version: "005010X222A1",
    };

    fn valid() -> String {
        write_837p(&claim_tests::batch(), &claim_tests::env()).unwrap()
    }

    /// Answers `text` the way `claim submit --x12` does (refused when the reader found
    /// envelope errors or the version is not 005010X222A1) and reads the answer back.
    fn answer(text: &str) -> Acknowledgment {
        let ic = Interchange::parse_lenient(text).unwrap();
        let refused = !ic.errors.is_empty()
            || crate::x12::check_transaction_version(&ic, "837", EXP.version).is_err();
        let a = acknowledge(&ic, &[], &claim_tests::env(), Some(EXP), refused).unwrap();
        read_back(&a);
        a
    }

    /// Our reader reads every acknowledgment we write, strictly, and its counts agree:
    /// AK903 is the number of AK2 loops, AK904 the number of IK5 that are not R, AK901 is R
    /// exactly when none is accepted.
    fn read_back(a: &Acknowledgment) {
        let ic = Interchange::parse(&a.text).unwrap_or_else(|e| panic!("{e}: {}", a.text));
        match a.kind {
            AckKind::Ta1 => {
                assert!(ic.groups.is_empty(), "{}", a.text);
                assert_eq!(ic.ta1.len(), 1, "{}", a.text);
                let ta1 = ic.ta1[0];
                assert_eq!(ta1.element(4) == "R", a.rejected, "{}", a.text);
                assert_eq!(ta1.element(1).len(), 9);
                assert_eq!(ic.iea.unwrap().element(1), "0");
            }
            AckKind::Fa999 => {
                crate::x12::check_transaction_version(&ic, "999", X231).unwrap();
                let mut all_rejected = true;
                for t in ic.groups.iter().flat_map(|g| g.transactions.iter()) {
                    let body = t.body();
                    let ak2 = body.iter().filter(|s| s.id() == "AK2").count();
                    let ok = body
                        .iter()
                        .filter(|s| s.id() == "IK5" && s.element(1) != "R")
                        .count();
                    let ak9 = body.iter().find(|s| s.id() == "AK9").unwrap();
                    assert_eq!(ak9.element(3), ak2.to_string(), "{}", a.text);
                    assert_eq!(ak9.element(4), ok.to_string(), "{}", a.text);
                    assert_eq!(ak9.element(1) == "R", ok == 0 && ak2 > 0, "{}", a.text);
                    all_rejected &= ak9.element(1) == "R";
                }
                assert_eq!(all_rejected, a.rejected, "{}", a.text);
            }
        }
    }

    #[test]
    fn a_valid_file_gets_an_accepting_999() {
        let a = answer(&valid());
        assert_eq!(a.kind, AckKind::Fa999);
        assert!(!a.rejected);
        assert!(a.text.contains("IK5*A~AK9*A*1*1*1~"), "{}", a.text);
    }

    #[test]
    fn interchange_faults_get_a_rejecting_ta1_and_no_999() {
        for (from, to, note) in [
            ("IEA*1*000000005", "IEA*1*000000777", "001"),
            ("IEA*1*000000005", "IEA*2*000000005", "021"),
            ("IEA*1*000000005~", "", "023"),
            ("GE*1*5~", "GE*1*5~SE*1*0001~", "024"),
            ("IEA*1*000000005~", "IEA*1*000000005~GS*HC~", "022"),
        ] {
            let a = answer(&valid().replace(from, to));
            assert_eq!(a.kind, AckKind::Ta1, "{note}");
            assert!(a.rejected);
            assert!(
                a.text.contains(&format!(
                    "~TA1*000000005*240301*0905*R*{note}~IEA*0*000000005~"
                )),
                "{note}: {}",
                a.text
            );
            assert!(!a.text.contains("AK9"), "{}", a.text);
            assert!(
                a.summary.contains(&format!("TA105 {note}")),
                "{}",
                a.summary
            );
        }
        // Both trailer numbers wrong: the control number is reported.
        let a = answer(&valid().replace("IEA*1*000000005", "IEA*2*000000777"));
        assert!(a.text.contains("*R*001~"), "{}", a.text);
    }

    #[test]
    fn group_and_set_faults_get_a_999_rejecting_every_set() {
        let set = "AK1*HC*5*005010X222A1~AK2*837*0001*005010X222A1~";
        for (from, to, tail) in [
            ("GE*1*5", "GE*2*5", "IK5*R~AK9*R*2*1*0*5~"),
            ("GE*1*5", "GE*1*6", "IK5*R~AK9*R*1*1*0*4~"),
            ("GE*1*5~", "", "IK5*R~AK9*R*1*1*0*3~"),
            ("SE*64*0001", "SE*63*0001", "IK5*R*4~AK9*R*1*1*0~"),
            ("SE*64*0001", "SE*64*0002", "IK5*R*3~AK9*R*1*1*0~"),
            ("SE*64*0001", "SE*9*0009", "IK5*R*3*4~AK9*R*1*1*0~"),
            ("SE*64*0001~", "", "IK5*R*2~AK9*R*1*1*0~"),
            ("~BHT*", "~zz*1~BHT*", "IK5*R*4*5~AK9*R*1*1*0~"),
            (
                "~BHT*",
                "~1AB*1~BHT*",
                "IK3*1AB*2**1~IK5*R*4*5~AK9*R*1*1*0~",
            ),
        ] {
            let a = answer(&valid().replace(from, to));
            assert_eq!(a.kind, AckKind::Fa999, "{to}");
            assert!(a.rejected, "{to}");
            assert!(a.text.contains(&format!("{set}{tail}")), "{to}: {}", a.text);
            assert!(!a.text.contains("IK5*A") && !a.text.contains("AK9*A"));
        }
    }

    #[test]
    fn one_bad_set_rejects_its_sibling_too() {
        let text = valid();
        let st = text.find("ST*837").unwrap();
        let se_end = text.find("SE*64*0001~").unwrap() + "SE*64*0001~".len();
        let second = text[st..se_end]
            .replace("ST*837*0001", "ST*837*0002")
            .replace("SE*64*0001", "SE*65*0002");
        let two =
            format!("{}{}{}", &text[..se_end], second, &text[se_end..]).replace("GE*1*5", "GE*2*5");
        let a = answer(&two);
        assert!(
            a.text.contains(
                "AK2*837*0001*005010X222A1~IK5*R~AK2*837*0002*005010X222A1~IK5*R*4~AK9*R*2*2*0~"
            ),
            "{}",
            a.text
        );
        // Without the fault both are accepted.
        let a = answer(&two.replace("SE*65*0002", "SE*64*0002"));
        assert!(a.text.contains("IK5*A~AK9*A*2*2*2~"), "{}", a.text);
    }

    #[test]
    fn another_version_is_rejected_naming_it() {
        let a = answer(&valid().replace("005010X222A1", "005010X223A2"));
        assert_eq!(a.kind, AckKind::Fa999);
        assert!(
            a.text.contains(
                "AK1*HC*5*005010X223A2~AK2*837*0001*005010X223A2~IK5*R*I6~AK9*R*1*1*0*2~"
            ),
            "{}",
            a.text
        );
        let a = answer(&valid().replace("ST*837*0001*", "ST*270*0001*"));
        assert!(
            a.text
                .contains("AK2*270*0001*005010X222A1~IK5*R*1~AK9*R*1*1*0~"),
            "{}",
            a.text
        );
    }

    #[test]
    fn what_a_999_cannot_name_is_answered_with_a_ta1() {
        let a = answer(
            &valid()
                .replace("ST*837*0001*", "ST*837*01*")
                .replace("SE*64*0001", "SE*64*01"),
        );
        assert_eq!(a.kind, AckKind::Ta1);
        assert!(a.text.contains("*R*024~"), "{}", a.text);
        let a = answer(
            &valid()
                .replace("*0905*5*X*", "*0905*ABC*X*")
                .replace("GE*1*5", "GE*1*ABC"),
        );
        assert!(a.text.contains("*R*024~"), "{}", a.text);
    }

    #[test]
    fn an_empty_interchange_gets_an_accepting_ta1() {
        let text = valid();
        let gs = text.find("GS*").unwrap();
        let empty = format!("{}IEA*0*000000005~", &text[..gs]);
        let a = answer(&empty);
        assert_eq!(a.kind, AckKind::Ta1);
        assert!(!a.rejected);
        assert!(
            a.text.contains("~TA1*000000005*240301*0905*A*000~"),
            "{}",
            a.text
        );
    }

    #[test]
    fn an_interchange_without_a_usable_control_number_gets_no_answer() {
        let text = valid().replace("000000005", "00000000X");
        let ic = Interchange::parse_lenient(&text).unwrap();
        assert_eq!(ic.faults[0].note_code, "018");
        let e = acknowledge(&ic, &[], &claim_tests::env(), Some(EXP), true).unwrap_err();
        assert!(e.message.contains("ISA13"), "{e}");
        // A sender our envelope cannot carry (one character: GS03 needs two).
        let text = valid().replace("*ZZ*CLINIC         *", "*ZZ*C              *");
        let ic = Interchange::parse_lenient(&text).unwrap();
        let env = Envelope::new(
            ic.isa.receiver_id,
            ic.isa.sender_id,
            claim_tests::env().date,
            claim_tests::env().time,
            9,
        );
        assert!(acknowledge(&ic, &[], &env, Some(EXP), false).is_err());
    }
}
