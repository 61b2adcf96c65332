//! 999 implementation acknowledgments (005010X231A1).

use super::{st_control_number, Envelope, FunctionalGroup, Interchange, TransactionSet, X12Error};

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

/// IK502 codes for the envelope problems of a set.
fn envelope_codes(t: &TransactionSet<'_>) -> Vec<&'static str> {
    let mut codes = Vec::new();
    match t.segments.last() {
        Some(se) if se.id() == "SE" && t.segments.len() > 1 => {
            let declared = se.element(1).trim().parse::<usize>().ok();
            if declared != Some(t.segments.len()) {
                codes.push("4");
            }
            if se.element(2) != t.control_number {
                codes.push("3");
            }
        }
        _ => codes.push("2"),
    }
    if t.control_number.is_empty() {
        codes.push("7");
    }
    codes
}

/// AK905 codes for the envelope problems of a group.
fn group_codes(g: &FunctionalGroup<'_>) -> Vec<&'static str> {
    let mut codes = Vec::new();
    match &g.ge {
        None => codes.push("3"),
        Some(ge) => {
            if ge.element(1).trim().parse::<usize>().ok() != Some(g.transactions.len()) {
                codes.push("5");
            }
            let (a, b) = (ge.element(2).trim(), g.control_number.trim());
            let same = match (a.parse::<u64>(), b.parse::<u64>()) {
                (Ok(x), Ok(y)) => x == y,
                _ => a == b,
            };
            if !same {
                codes.push("4");
            }
        }
    }
    codes
}

/// Writes a 999 acknowledging every functional group of `ic` (one 999
/// transaction set per group). Each transaction set is accepted unless it
/// has envelope problems (SE count or control number: rejected with IK502
/// `4`/`3`/`2`) or the caller's [`SetAck`] for it says otherwise.
pub fn write_999(
    ic: &Interchange<'_>,
    acks: &[SetAck],
    env: &Envelope,
) -> Result<String, X12Error> {
    if ic.groups.is_empty() {
        return Err(X12Error::general("no functional group to acknowledge"));
    }
    let mut w = env.open("FA", X231)?;
    for (gi, g) in ic.groups.iter().enumerate() {
        w.begin_transaction("999", &st_control_number(gi + 1), X231)?;
        w.segment("AK1", &[g.functional_id, g.control_number, g.version])?;
        let mut accepted = 0usize;
        for (ti, t) in g.transactions.iter().enumerate() {
            let ack = acks
                .iter()
                .find(|a| a.group_index == gi && a.transaction_index == ti);
            w.segment("AK2", &[t.id, t.control_number, t.version])?;
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
            let env_codes = envelope_codes(t);
            let has_notes = ack.is_some_and(|a| !a.notes.is_empty());
            let status = if !env_codes.is_empty() {
                SetStatus::Rejected
            } else {
                match ack.and_then(|a| a.status) {
                    Some(s) => s,
                    None if has_notes => SetStatus::Rejected,
                    None => SetStatus::Accepted,
                }
            };
            let mut ik5: Vec<&str> = vec![status.code()];
            ik5.extend(env_codes.iter().take(5));
            if status == SetStatus::Rejected && env_codes.is_empty() {
                ik5.push("5");
            }
            w.segment("IK5", &ik5)?;
            if status != SetStatus::Rejected {
                accepted += 1;
            }
        }
        let received = g.transactions.len();
        let gcodes = group_codes(g);
        if !gcodes.is_empty() {
            accepted = 0;
        }
        let any_errors = g.transactions.iter().enumerate().any(|(ti, _)| {
            acks.iter()
                .any(|a| a.group_index == gi && a.transaction_index == ti && !a.notes.is_empty())
        });
        let ak901 = if !gcodes.is_empty() || accepted == 0 {
            "R"
        } else if accepted < received {
            "P"
        } else if any_errors {
            "E"
        } else {
            "A"
        };
        let included = g
            .declared_count
            .trim()
            .parse::<usize>()
            .map_or_else(|_| received.to_string(), |n| n.to_string());
        let mut ak9: Vec<String> = vec![
            ak901.to_string(),
            included,
            received.to_string(),
            accepted.to_string(),
        ];
        ak9.extend(gcodes.iter().take(5).map(|c| c.to_string()));
        let refs: Vec<&str> = ak9.iter().map(String::as_str).collect();
        w.segment("AK9", &refs)?;
        w.end_transaction()?;
    }
    w.end_group()?;
    w.finish()
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
}
