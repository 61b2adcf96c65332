//! Property tests: every reply we write (271, 999, TA1) reads back through our own
//! reader, whatever the sender's delimiters and whatever printable data its names, IDs
//! and trace numbers hold (issue 12, point 3).

use super::ack::acknowledge;
use super::eligibility::{
    read_270, write_270, write_271, Answer, AnswerResult, BenefitSpan, Coverage, InquiryRequest,
    ManagedCareSpan, Member, Options271, Party, RejectCode, Request270,
};
use super::{check_transaction_version, Delimiters, Envelope, Interchange};
use chrono::{NaiveDate, NaiveTime};
use proptest::prelude::*;

const PUNCT: &[u8] = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

/// Four distinct punctuation characters: element, repetition, component, segment.
fn delimiters() -> impl Strategy<Value = Delimiters> {
    proptest::sample::subsequence(PUNCT.to_vec(), 4)
        .prop_shuffle()
        .prop_map(|v| Delimiters {
            element: v[0],
            repetition: Some(v[1]),
            component: v[2],
            segment: v[3],
        })
}

/// `s` as its sender would write it: none of its delimiters, not blank.
fn theirs(s: &str, d: &Delimiters) -> String {
    let t: String = s
        .chars()
        .map(|c| if d.is_delimiter(c as u8) { 'X' } else { c })
        .collect();
    let t = t.trim().to_string();
    if t.is_empty() {
        "X".to_string()
    } else {
        t
    }
}

fn day(y: i32, m: u32, dd: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default()
}

fn envelope(sender: &str, receiver: &str, d: Delimiters) -> Envelope {
    let mut e = Envelope::new(
        sender,
        receiver,
        day(2026, 3, 16),
        NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
        7,
    );
    e.delimiters = d;
    e
}

fn party(code: &str, name: &str, q: &str, id: &str) -> Party {
    Party {
        entity_code: code.into(),
        entity_type: "2".into(),
        name: name.into(),
        first_name: None,
        id_qualifier: q.into(),
        id: id.into(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_271_reads_back(
        d in delimiters(),
        isa06 in "[ -~]{1,15}",
        last in "[ -~]{1,70}",
        first in "[ -~]{1,40}",
        trace in "[ -~]{1,60}",
        id in "[ -~]{2,20}",
        by_id in any::<bool>(),
        service in "[ -~]{1,3}",
        ours in "\\PC{0,40}",
        found in any::<bool>(),
    ) {
        let isa06 = theirs(&isa06, &d);
        let req = Request270 {
            source: party("PR", "OREGON HEALTH AUTHORITY", "PI", "ORMMIS"),
            receiver: party("1P", &theirs(&last, &d), "XX", "1234567893"),
            reference: theirs(&trace, &d).chars().take(50).collect(),
            trace_originator: "9123456789".into(),
            inquiries: vec![InquiryRequest {
                trace: theirs(&trace, &d),
                member_id: by_id.then(|| theirs(&id, &d)),
                last_name: Some(theirs(&last, &d)),
                first_name: Some(theirs(&first, &d)),
                birth_date: Some(day(1980, 1, 2)),
                from: day(2026, 3, 16),
                to: day(2026, 3, 16),
                service_type: theirs(&service, &d),
            }],
        };
        let written = write_270(&req, &envelope(&isa06, "ORMMIS", d), false);
        prop_assume!(written.is_ok());
        let text = written.unwrap_or_default();
        let ic = Interchange::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let inqs = read_270(&ic).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(inqs.len(), 1);
        let result = if found {
            AnswerResult::Found(Box::new(Coverage {
                member: Member {
                    id: ours.clone(),
                    last_name: ours.clone(),
                    first_name: ours.clone(),
                    birth_date: day(1980, 1, 2),
                    sex: Some(ours.clone()),
                },
                dates: (day(2026, 3, 1), day(2026, 3, 16)),
                benefits: vec![BenefitSpan {
                    active: true,
                    plan_code: ours.clone(),
                    plan_name: ours.clone(),
                    from: day(2020, 1, 1),
                    to: None,
                }],
                managed_care: vec![ManagedCareSpan {
                    cco_name: ours.clone(),
                    cco_id: None,
                    plan_type: ours.clone(),
                    from: day(2020, 1, 1),
                    to: Some(day(2027, 1, 1)),
                    plan_partner: Some(ours.clone()),
                }],
                other_payers: vec![],
            }))
        } else {
            AnswerResult::Rejected { code: RejectCode::NotFound }
        };
        let answers = [Answer { inquiry: &inqs[0], result }];
        let env = envelope("ORMMIS", ic.isa.sender_id, d)
            .with_answer_delimiters(ic.delimiters, &text)
            .with_group_ids(ic.groups[0].receiver, ic.groups[0].sender);
        let out = write_271(&answers, &Options271 { envelope: env, one_subscriber_per_transaction: false })
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let back = Interchange::parse(&out).map_err(|e| TestCaseError::fail(format!("{e}\n{out}")))?;
        check_transaction_version(&back, "271", super::eligibility::X279)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(out.is_ascii(), "{}", out);
        // The trace number comes back unchanged when X12 lets it (at most 50 characters).
        let sent = theirs(&trace, &d);
        if sent.len() <= 50 {
            let trn = back.groups[0].transactions[0].segments.iter().find(|s| s.id() == "TRN");
            prop_assert_eq!(trn.map(|s| s.element(2)), Some(sent.as_str()), "{}", out);
        }
    }

    #[test]
    fn every_999_reads_back(
        d in delimiters(),
        isa06 in "[ -~]{1,15}",
        st02 in "[ -~]{4,9}",
        gs02 in "[!-~]{2,15}",
    ) {
        let st02 = theirs(&st02, &d);
        prop_assume!((4..=9).contains(&st02.len()));
        let mut env = envelope(&theirs(&isa06, &d), "ORMMIS", d);
        env.group_sender = Some(theirs(&gs02, &d)).filter(|g| g.len() >= 2);
        let mut w = env.open("HC", super::claims::X222).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let built = (|| {
            w.begin_transaction("837", &st02, super::claims::X222)?;
            w.segment("BHT", &["0019", "00", "R1", "20260316", "0900", "CH"])?;
            w.end_transaction()?;
            w.end_group()?;
            w.finish()
        })();
        let text = built.map_err(|e| TestCaseError::fail(e.to_string()))?;
        let ic = Interchange::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let g = &ic.groups[0];
        let reply = envelope("ORMMIS", ic.isa.sender_id, Delimiters::default())
            .with_answer_delimiters(ic.delimiters, &text)
            .with_group_ids(g.receiver, g.sender);
        let a = acknowledge(&ic, &[], &reply, None, false)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let back = Interchange::parse(&a.text).map_err(|e| TestCaseError::fail(format!("{e}\n{}", a.text)))?;
        let ak2 = back.groups[0].transactions[0].segments.iter().find(|s| s.id() == "AK2").copied();
        prop_assert_eq!(ak2.map(|s| s.element(2)), Some(st02.as_str()), "{}", a.text);
    }

    #[test]
    fn every_isa_and_ta1_reads_back_or_is_refused(
        d in delimiters(),
        isa06 in "\\PC{1,15}",
    ) {
        // Any sender id: the envelope is written 106 bytes long and reads back, or it is
        // refused with an error naming the field.
        let env = envelope(&isa06, "ORMMIS", d);
        match env.open_interchange() {
            Err(e) => prop_assert!(e.message.contains("ISA06"), "{}", e),
            Ok(w) => {
                let text = w.finish().map_err(|e| TestCaseError::fail(e.to_string()))?;
                let ic = Interchange::parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
                prop_assert_eq!(ic.isa.sender_id, isa06.trim_end());
                // The empty interchange gets an accepting TA1, itself readable.
                let reply = envelope("ORMMIS", "CLINIC", Delimiters::default())
                    .with_answer_delimiters(ic.delimiters, &text);
                let a = acknowledge(&ic, &[], &reply, None, false)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                let back = Interchange::parse(&a.text).map_err(|e| TestCaseError::fail(format!("{e}\n{}", a.text)))?;
                prop_assert_eq!(back.ta1.len(), 1);
            }
        }
    }
}

#[test]
fn a_writer_refuses_a_non_ascii_isa_id_and_pads_by_bytes() {
    let env = envelope("CLÍNIC", "ORMMIS", Delimiters::default());
    let e = env.open("HB", "005010X279A1").unwrap_err();
    assert!(e.message.contains("ISA06"), "{e}");
    assert!(e.message.contains("outside the X12 character set"), "{e}");
    // One character: the ISA is padded, the GS takes the group ids given.
    let env = envelope("5", "ORMMIS", Delimiters::default()).with_group_ids("CLINIC", "ORMMIS");
    let mut buf = Vec::new();
    env.open("HB", "005010X279A1")
        .unwrap()
        .drain_into(&mut buf)
        .unwrap();
    let text = String::from_utf8(buf).unwrap();
    assert_eq!(text.find("GS*").unwrap(), 106);
    assert!(text.contains("GS*HB*CLINIC*ORMMIS*"), "{text}");
}

#[test]
fn answer_delimiters_keep_theirs_unless_they_cannot_serve() {
    let pipes = Delimiters {
        element: b'|',
        repetition: Some(b'}'),
        component: b'>',
        segment: b'!',
    };
    assert_eq!(super::answer_delimiters(pipes, ""), pipes);
    let no_rep = Delimiters {
        repetition: None,
        ..pipes
    };
    let d = super::answer_delimiters(no_rep, "^ and } both occur");
    assert!(
        d.repetition.is_some_and(|r| r != b'^' && r != b'}'),
        "{d:?}"
    );
    let dash = Delimiters {
        component: b'-',
        ..pipes
    };
    let d = super::answer_delimiters(dash, "");
    assert_ne!(d.component, b'-');
    assert!(d.validate().is_ok());
}
