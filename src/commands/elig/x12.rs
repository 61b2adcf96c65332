//! X12 5010 eligibility: `elig batch --x12 FILE.270` answers with a 271 as the payer
//! would; `elig check ... --x12-270` prints the 270 a client would send.

use super::{find, find_with_spans, Found, Who};
use crate::auth;
use crate::context::Context;
use crate::domain::eligibility::{check_window, CoverageKind, Span};
use crate::domain::ids::HealthId;
use crate::domain::reference;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{MemberRow, Tx};
use crate::x12::eligibility::{
    read_270, write_270, write_271, Answer, AnswerResult, BenefitSpan, Coverage, Inquiry,
    InquiryRequest, Level, ManagedCareSpan, Member, Options271, OtherPayerKind, OtherPayerSpan,
    Party, RejectCode, Request270,
};
use crate::x12::{Envelope, Interchange, X12Error};
use chrono::{NaiveDate, Timelike};
use std::path::Path;

/// The payer as named in 270/271 loop 2100A and the envelopes.
pub const PAYER_NAME: &str = "OREGON HEALTH AUTHORITY";
pub const PAYER_ID: &str = "ORMMIS";

fn x12_err(name: &str, e: X12Error) -> Error {
    Error::invalid(format!("{name} is not a valid X12 270 (005010X279A1): {e}"))
        .hint("fix the file (or ask its sender for a corrected one); nothing was answered")
}

fn now_time(ctx: &Context) -> chrono::NaiveTime {
    let t = ctx.clock.now().time();
    chrono::NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or_default()
}

fn ymd(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// The coverage to report for a member over `from..=to`.
pub fn coverage(m: &MemberRow, spans: &[Span], from: NaiveDate, to: NaiveDate) -> Option<Coverage> {
    let mut c = Coverage {
        member: Member {
            id: m.health_id.clone(),
            last_name: m.last_name.clone(),
            first_name: m.first_name.clone(),
            birth_date: ymd(&m.dob)?,
            // X12 5010 DMG03 has no code for X: it is sent as U (unknown).
            sex: Some(if m.sex == "X" { "U" } else { &m.sex }.to_string()),
        },
        dates: (from, to),
        benefits: Vec::new(),
        managed_care: Vec::new(),
        other_payers: Vec::new(),
    };
    let mut listed: Vec<&Span> = spans.iter().filter(|s| s.overlaps(from, to)).collect();
    listed.sort_by_key(|s| (s.kind, s.start));
    for s in listed {
        match s.kind {
            CoverageKind::Benefit => c.benefits.push(BenefitSpan {
                active: true,
                plan_code: s.plan.clone(),
                plan_name: reference::benefit_plan_name(&s.plan).to_string(),
                from: s.start,
                to: s.end,
            }),
            CoverageKind::Cco => c.managed_care.push(ManagedCareSpan {
                cco_name: s.plan.clone(),
                cco_id: None,
                plan_type: s.plan_type.clone().unwrap_or_default(),
                from: s.start,
                to: s.end,
                plan_partner: s.plan_partner.clone(),
            }),
            CoverageKind::Tpl => c.other_payers.push(OtherPayerSpan {
                kind: OtherPayerKind::ThirdParty,
                name: s.plan.clone(),
                from: s.start,
                to: s.end,
            }),
            CoverageKind::Medicare => c.other_payers.push(OtherPayerSpan {
                kind: match s.plan_type.as_deref() {
                    Some("A") => OtherPayerKind::MedicarePartA,
                    Some("B") => OtherPayerKind::MedicarePartB,
                    _ => OtherPayerKind::MedicarePartD,
                },
                name: "Medicare".to_string(),
                from: s.start,
                to: s.end,
            }),
        }
    }
    Some(c)
}

/// Answers one inquiry from the store.
pub fn answer(tx: &Tx<'_>, q: &Inquiry<'_>, today: NaiveDate) -> Result<AnswerResult> {
    let reject = |code| Ok(AnswerResult::Rejected { code });
    if let Some(p) = &q.problem {
        return reject(p.code);
    }
    let (from, to) = q.dates.unwrap_or((today, today));
    if check_window(from, to, today).is_err() {
        return reject(if from > to {
            RejectCode::InvalidDate
        } else {
            RejectCode::DateOutsideWindow
        });
    }
    // Every OHP member has their own Health ID: a dependent inquiry is answered for the
    // dependent, found by name and date of birth.
    let by_id = match (q.level, q.member_id) {
        (Level::Subscriber, Some(id)) => Some(id),
        _ => None,
    };
    let who = match by_id {
        Some(id) => match HealthId::parse("NM109", id) {
            Ok(h) => Who::Id(h),
            Err(_) => return reject(RejectCode::InvalidMemberId),
        },
        None => match (q.last_name, q.first_name, q.birth_date) {
            (Some(l), Some(f), Some(d)) if !l.trim().is_empty() && !f.trim().is_empty() => {
                Who::Name {
                    last: l.trim().to_string(),
                    first: f.trim().to_string(),
                    dob: d,
                }
            }
            (_, _, None) => return reject(RejectCode::InvalidBirthDate),
            _ => return reject(RejectCode::InvalidName),
        },
    };
    match find_with_spans(tx, &who)? {
        Found::WithSpans(m, spans) => match coverage(&m, &spans, from, to) {
            Some(c) => Ok(AnswerResult::Found(Box::new(c))),
            None => reject(RejectCode::NotFound),
        },
        Found::One(_) | Found::NotFound | Found::Many(_) => reject(RejectCode::NotFound),
    }
}

/// Reads a 270's inquiries; a file that is not a 270 is exit 6 naming the segment.
pub fn read_inquiries<'a>(name: &str, ic: &Interchange<'a>) -> Result<Vec<Inquiry<'a>>> {
    let inquiries = read_270(ic).map_err(|e| x12_err(name, e))?;
    if inquiries.is_empty() {
        return Err(Error::invalid(format!(
            "{name}: the 270 holds no inquiries (no HL*22 loop)"
        )));
    }
    Ok(inquiries)
}

/// Writes the 271 that answers a 270's inquiries (no auth, no audit: the caller's job).
pub fn answer_270(
    tx: &Tx<'_>,
    name: &str,
    ic: &Interchange<'_>,
    inquiries: &[Inquiry<'_>],
    today: NaiveDate,
    time: chrono::NaiveTime,
    control_number: u32,
) -> Result<(String, usize, usize)> {
    let mut answers = Vec::with_capacity(inquiries.len());
    let mut rejected = 0usize;
    for q in inquiries {
        let result = answer(tx, q, today)?;
        if matches!(result, AnswerResult::Rejected { .. }) {
            rejected += 1;
        }
        answers.push(Answer { inquiry: q, result });
    }
    let mut env = Envelope::new(
        non_blank(ic.isa.receiver_id, PAYER_ID),
        non_blank(ic.isa.sender_id, "SUBMITTER"),
        today,
        time,
        control_number,
    );
    env.sender_qualifier = non_blank(ic.isa.receiver_qualifier, "ZZ").to_string();
    env.receiver_qualifier = non_blank(ic.isa.sender_qualifier, "ZZ").to_string();
    env.production = ic.isa.usage == "P";
    let out = write_271(
        &answers,
        &Options271 {
            envelope: env,
            one_subscriber_per_transaction: false,
        },
    )
    .map_err(|e| Error::invalid(format!("{name}: cannot write the 271: {e}")))?;
    Ok((out, inquiries.len(), rejected))
}

fn non_blank<'a>(s: &'a str, default: &'a str) -> &'a str {
    if s.trim().is_empty() {
        default
    } else {
        s.trim()
    }
}

pub fn cmd_answer_270(ctx: &Context, path: &Path, out: Option<&Path>) -> Result<Output> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| Error::invalid(format!("cannot read {name}: {e}")))?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid(format!("{name} is not a valid X12 270: not text (UTF-8)")))?;
    // Reject a broken envelope before taking the store's lock.
    let ic = Interchange::parse(&text).map_err(|e| x12_err(&name, e))?;
    let inquiries = read_inquiries(&name, &ic)?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, "elig batch")?;
    let control = tx
        .meta_get("x12_271_control")?
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(0)
        % 999_999_999
        + 1;
    tx.meta_set("x12_271_control", &control.to_string())?;
    let (x271, inquiries, rejected) = answer_270(
        &tx,
        &name,
        &ic,
        &inquiries,
        ctx.clock.today(),
        now_time(ctx),
        control,
    )?;
    if let Some(o) = out {
        std::fs::write(o, &x271)
            .map_err(|e| Error::invalid(format!("cannot write {}: {e}", o.display())))?;
    }
    let now = ctx.clock.now_str();
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let digest = crate::store::sha256_hex(&text);
    let detail = format!(
        "x12 270: inquiries {inquiries}, answered {}, rejected {rejected}; 270 sha256 {digest}",
        inquiries - rejected
    );
    tx.audit(&actor.entry(&now, "elig batch", Some(&base), "ok", Some(&detail)))?;
    tx.commit()?;
    match out {
        Some(o) => {
            let v = serde_json::json!({
                "inquiries": inquiries,
                "answered": inquiries - rejected,
                "rejected": rejected,
                "out": o.display().to_string(),
            });
            let human = format!(
                "Answered {inquiries} inquiries ({} found, {rejected} rejected with AAA); the 271 is in {}.",
                inquiries - rejected,
                o.display()
            );
            Ok(Output::record_with(v, human))
        }
        None => Ok(Output::Raw(x271)),
    }
}

/// `elig check ... --x12-270`: the 270 this provider's client software would send.
pub fn cmd_print_270(ctx: &Context, who: &Who, from: NaiveDate, to: NaiveDate) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, "elig check")?;
    let pid = actor.provider()?.to_string();
    let p = tx
        .provider(&pid)?
        .ok_or_else(|| Error::not_found(format!("provider {pid} is not enrolled")))?;
    // A client's 270 names the patient as its chart has them: fill the name and date of
    // birth in from the member record (a 270 by ID alone fails linuxforhealth-x12).
    let now = ctx.clock.now_str();
    let member = match find(&tx, who)? {
        Found::One(m) | Found::WithSpans(m, _) => m,
        Found::NotFound => {
            tx.audit(&actor.entry(
                &now,
                "elig check",
                Some(&who.describe()),
                "not-found",
                Some("x12-270"),
            ))?;
            tx.commit()?;
            return Err(
                Error::not_found("no such member: cannot write a 270 for them")
                    .hint("check the Oregon Health ID, or the name and date of birth"),
            );
        }
        Found::Many(ms) => {
            tx.commit()?;
            return Err(Error::conflict(format!(
                "{} members match that name and date of birth; use --id",
                ms.len()
            )));
        }
    };
    tx.audit(&actor.entry(
        &now,
        "elig check",
        Some(&member.health_id),
        "ok",
        Some("x12-270"),
    ))?;
    tx.commit()?;
    let digits: String = p
        .tax_id
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let originator = if digits.len() == 9 {
        format!("1{digits}")
    } else {
        format!("9{:0>9}", &pid[..pid.len().min(9)])
    };
    let upper = |s: &str| s.to_uppercase();
    let by_id = matches!(who, Who::Id(_));
    let inquiry = InquiryRequest {
        trace: format!("{}{}", pid, from.format("%Y%m%d")),
        member_id: by_id.then(|| member.health_id.clone()),
        last_name: Some(upper(&member.last_name)),
        first_name: Some(upper(&member.first_name)),
        birth_date: ymd(&member.dob),
        from,
        to,
        service_type: "30".into(),
    };
    let req = Request270 {
        source: Party {
            entity_code: "PR".into(),
            entity_type: "2".into(),
            name: PAYER_NAME.into(),
            first_name: None,
            id_qualifier: "PI".into(),
            id: PAYER_ID.into(),
        },
        receiver: Party {
            entity_code: "1P".into(),
            entity_type: "2".into(),
            name: upper(&p.name),
            first_name: None,
            id_qualifier: "XX".into(),
            id: p.npi.clone(),
        },
        reference: format!("MMIS{}", from.format("%Y%m%d")),
        trace_originator: originator,
        inquiries: vec![inquiry],
    };
    let env = Envelope::new(&pid, PAYER_ID, ctx.clock.today(), now_time(ctx), 1);
    let text = write_270(&req, &env, false)
        .map_err(|e| Error::invalid(format!("cannot write the 270: {e}")))?;
    Ok(Output::Raw(text))
}
