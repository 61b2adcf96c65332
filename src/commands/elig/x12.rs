//! X12 5010 eligibility: `elig batch --x12 FILE.270` answers with a 271 as the payer
//! would; `elig check ... --x12-270` prints the 270 a client would send.

use super::packed::Packed;
use super::{find, find_with_spans, sort_runs, Found, Who};
use crate::auth;
use crate::context::Context;
use crate::domain::eligibility::{check_window, CoverageKind, Span};
use crate::domain::ids::{HealthId, TaxId};
use crate::domain::reference;
use crate::error::{Error, Result};
use crate::output::{files, Output};
use crate::store::{MemberRow, Tx};
use crate::x12::eligibility::{
    read_270, write_270, write_271_to, Answer, AnswerResult, BenefitSpan, Coverage, Inquiry,
    InquiryRequest, Level, ManagedCareSpan, Member, Options271, OtherPayerKind, OtherPayerSpan,
    Party, RejectCode, Request270,
};
use crate::x12::{split_interchanges, Delimiters, Envelope, Interchange, X12Error};
use chrono::{NaiveDate, Timelike};
use std::io::Write;
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

/// The coverage to report for a member over `from..=to`.
pub fn coverage(m: MemberRow, spans: &[Span], from: NaiveDate, to: NaiveDate) -> Option<Coverage> {
    let mut c = Coverage {
        member: Member {
            birth_date: m.dob,
            // X12 5010 DMG03 has no code for X: it is sent as U (unknown).
            sex: Some(if m.sex == "X" { "U".to_string() } else { m.sex }),
            id: m.health_id.to_string(),
            last_name: m.last_name,
            first_name: m.first_name,
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

/// What one inquiry asks of the store, or why it is refused without asking.
enum Ask {
    Reject(RejectCode),
    Look(Who, NaiveDate, NaiveDate),
}

fn ask(q: &Inquiry<'_>, today: NaiveDate) -> Ask {
    if let Some(p) = &q.problem {
        return Ask::Reject(p.code);
    }
    let (from, to) = q.dates.unwrap_or((today, today));
    if check_window(from, to, today).is_err() {
        return Ask::Reject(if from > to {
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
            Err(_) => return Ask::Reject(RejectCode::InvalidMemberId),
        },
        None => match (q.last_name, q.first_name, q.birth_date) {
            (Some(l), Some(f), Some(d)) if !l.trim().is_empty() && !f.trim().is_empty() => {
                Who::Name {
                    last: l.trim().to_string(),
                    first: f.trim().to_string(),
                    dob: d,
                }
            }
            (_, _, None) => return Ask::Reject(RejectCode::InvalidBirthDate),
            _ => return Ask::Reject(RejectCode::InvalidName),
        },
    };
    Ask::Look(who, from, to)
}

/// The answer for a member found (or not) over `from..=to`.
fn found_answer(
    found: Option<(MemberRow, Vec<Span>)>,
    from: NaiveDate,
    to: NaiveDate,
) -> AnswerResult {
    match found.and_then(|(m, spans)| coverage(m, &spans, from, to)) {
        Some(c) => AnswerResult::Found(Box::new(c)),
        None => AnswerResult::Rejected {
            code: RejectCode::NotFound,
        },
    }
}

/// The members asked for by Health ID, looked up in one sweep of the store in ID order
/// (see [`Tx::each_member_by_health_id`]) and kept, packed, until the 271 is written.
struct ById {
    found: Packed,
    /// Per inquiry: its member's number in `found` (`u32::MAX`: none).
    place: Vec<u32>,
}

impl ById {
    fn look_up(tx: &Tx<'_>, asks: &[Ask]) -> Result<ById> {
        let mut by_id: Vec<(HealthId, u32)> = asks
            .iter()
            .enumerate()
            .filter_map(|(i, a)| match a {
                Ask::Look(Who::Id(h), _, _) => Some((*h, i as u32)),
                _ => None,
            })
            .collect();
        let (ids, starts) = sort_runs(&mut by_id);
        let mut found = Packed::default();
        let mut place = vec![u32::MAX; asks.len()];
        tx.each_member_by_health_id(&ids, |pos, m, spans| {
            let n = found.push(&m, &spans) as u32;
            if let (Some(&from), Some(&to)) = (starts.get(pos), starts.get(pos + 1)) {
                for &(_, i) in &by_id[from..to] {
                    place[i as usize] = n;
                }
            }
            Ok(())
        })?;
        Ok(ById { found, place })
    }

    /// The member and spans for inquiry `i`, when it asked by Health ID and was found.
    fn get(&self, i: usize) -> Result<Option<(MemberRow, Vec<Span>)>> {
        match self.place.get(i) {
            Some(&n) if n != u32::MAX => self.found.get(n as usize).map(Some),
            _ => Ok(None),
        }
    }
}

/// The 270's ISA parties, kept so the parsed segments can be dropped before answering.
pub struct Isa {
    pub sender_qualifier: String,
    pub sender_id: String,
    pub receiver_qualifier: String,
    pub receiver_id: String,
    pub production: bool,
    /// The 270's delimiters: the 271 is written with them (see
    /// [`crate::x12::answer_delimiters`]).
    pub delimiters: Delimiters,
    /// GS02 and GS03 of the 270's first group (the 271's GS03 and GS02 when the ISA ids
    /// cannot be GS ids).
    pub group_sender: String,
    pub group_receiver: String,
}

impl Isa {
    pub fn of(ic: &Interchange<'_>) -> Isa {
        let g = ic.groups.first();
        Isa {
            sender_qualifier: ic.isa.sender_qualifier.to_string(),
            sender_id: ic.isa.sender_id.to_string(),
            receiver_qualifier: ic.isa.receiver_qualifier.to_string(),
            receiver_id: ic.isa.receiver_id.to_string(),
            production: ic.isa.usage == "P",
            delimiters: ic.delimiters,
            group_sender: g.map(|g| g.sender.to_string()).unwrap_or_default(),
            group_receiver: g.map(|g| g.receiver.to_string()).unwrap_or_default(),
        }
    }

    /// The 271's envelope: sender and receiver swapped, the 270's delimiters.
    pub fn reply_envelope(
        &self,
        text: &str,
        today: NaiveDate,
        time: chrono::NaiveTime,
        control_number: u32,
    ) -> Envelope {
        let mut env = Envelope::new(
            non_blank(&self.receiver_id, PAYER_ID),
            non_blank(&self.sender_id, "SUBMITTER"),
            today,
            time,
            control_number,
        )
        .with_answer_delimiters(self.delimiters, text)
        .with_group_ids(self.group_receiver.trim(), self.group_sender.trim());
        env.sender_qualifier = non_blank(&self.receiver_qualifier, "ZZ").to_string();
        env.receiver_qualifier = non_blank(&self.sender_qualifier, "ZZ").to_string();
        env.production = self.production;
        env
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

/// Writes the 271 that answers a 270's inquiries to `out` (no auth, no audit: the
/// caller's job). Returns the number rejected (of those answered, should the output fail)
/// and how writing went.
pub fn answer_270(
    tx: &Tx<'_>,
    env: Envelope,
    inquiries: &[Inquiry<'_>],
    today: NaiveDate,
    out: &mut dyn std::io::Write,
) -> Result<(usize, std::io::Result<()>)> {
    let asks: Vec<Ask> = inquiries.iter().map(|q| ask(q, today)).collect();
    let by_id = ById::look_up(tx, &asks)?;
    // Answers are made as the 271 is written; a store error (by-name lookups) stops them
    // and is returned after.
    let mut failed: Option<Error> = None;
    let mut rejected = 0usize;
    let answers = inquiries
        .iter()
        .zip(&asks)
        .enumerate()
        .map_while(|(i, (q, a))| {
            if failed.is_some() {
                return None;
            }
            let result = match a {
                Ask::Reject(code) => AnswerResult::Rejected { code: *code },
                Ask::Look(Who::Id(_), from, to) => match by_id.get(i) {
                    Ok(found) => found_answer(found, *from, *to),
                    Err(e) => {
                        failed = Some(e);
                        return None;
                    }
                },
                Ask::Look(who, from, to) => match find_with_spans(tx, who) {
                    Ok(Found::WithSpans(m, spans)) => found_answer(Some((m, spans)), *from, *to),
                    Ok(_) => found_answer(None, *from, *to),
                    Err(e) => {
                        failed = Some(e);
                        return None;
                    }
                },
            };
            if matches!(result, AnswerResult::Rejected { .. }) {
                rejected += 1;
            }
            Some(Answer { inquiry: q, result })
        });
    let opts = Options271 {
        envelope: env,
        one_subscriber_per_transaction: false,
    };
    let written = write_271_to(answers, &opts, out);
    if let Some(e) = failed {
        return Err(e);
    }
    Ok((rejected, written))
}

fn non_blank<'a>(s: &'a str, default: &'a str) -> &'a str {
    if s.trim().is_empty() {
        default
    } else {
        s.trim()
    }
}

/// One interchange of a 270 file, read and checked before the store is opened.
struct Part<'a> {
    inquiries: Vec<Inquiry<'a>>,
    isa: Isa,
    text: &'a str,
}

pub fn cmd_answer_270(ctx: &Context, path: &Path, out: Option<&Path>) -> Result<Output> {
    let name = path.display().to_string();
    // Permission first, then the size, then the file.
    let store = ctx.open_store()?;
    auth::permit(ctx, &store, auth::Cmd::EligBatch)?;
    let bytes = crate::limits::read_file(path, crate::limits::MAX_270_BYTES, "a 270")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid(format!("{name} is not a valid X12 270: not text (UTF-8)")))?;
    // Reject a broken envelope before taking the store's lock. A file of several
    // interchanges is answered with one 271 interchange for each, in order.
    let (today, time) = (ctx.clock.today(), now_time(ctx));
    let chunks = split_interchanges(&text);
    let several = chunks.len() > 1;
    let mut parts = Vec::with_capacity(chunks.len());
    for (n, chunk) in chunks.iter().enumerate() {
        let label = if several {
            format!("{name} (interchange {} of {})", n + 1, chunks.len())
        } else {
            name.clone()
        };
        let ic = Interchange::parse(chunk).map_err(|e| x12_err(&label, e))?;
        let inquiries = read_inquiries(&label, &ic)?;
        let isa = Isa::of(&ic);
        drop(ic); // the inquiries borrow the text, not the segment list
                  // An ISA or GS the 271 cannot carry: refused now, naming it, before any answer.
        isa.reply_envelope(chunk, today, time, 1)
            .check("HB", crate::x12::eligibility::X279)
            .map_err(|e| {
                Error::invalid(format!(
                    "{label}: the 271 cannot be addressed to the 270's sender: {e}"
                ))
                .hint("the ISA05 to ISA08 and GS02/GS03 of a 270 must be printable ASCII (X12's basic and extended character sets), the GS ids 2 to 15 characters; nothing was answered")
            })?;
        parts.push(Part {
            inquiries,
            isa,
            text: chunk,
        });
    }
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::EligBatch)?;
    drop(tx);
    // The 271s' control numbers are taken first, in a short write transaction of their own.
    let mut control = store.take_controls("x12_271_control", parts.len())?;
    let tx = store.read()?;
    // The 271 is streamed (never held whole): to stdout, or to a file beside --out that
    // takes its name only once the batch has committed.
    let count: usize = parts.iter().map(|p| p.inquiries.len()).sum();
    let out = out.filter(|o| !files::is_stdout(o));
    let mut file = None;
    let mut rejected = 0usize;
    match out {
        None => {
            let stdout = std::io::stdout();
            let mut w = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
            for p in &parts {
                control = control % 999_999_999 + 1;
                let env = p.isa.reply_envelope(p.text, today, time, control);
                let (r, written) = answer_270(&tx, env, &p.inquiries, today, &mut w)?;
                rejected += r;
                match written.and_then(|()| w.flush()) {
                    // The reader went away: the answers were made, so the batch is audited.
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
                    Err(e) => return Err(write_err("stdout", &name, e)),
                    Ok(()) => {}
                }
            }
        }
        Some(o) => {
            let mut w = files::OutFile::create(o)?;
            for p in &parts {
                control = control % 999_999_999 + 1;
                let env = p.isa.reply_envelope(p.text, today, time, control);
                let (r, written) = answer_270(&tx, env, &p.inquiries, today, &mut w)?;
                rejected += r;
                written.map_err(|e| write_err(&o.display().to_string(), &name, e))?;
            }
            w.flush()
                .map_err(|e| write_err(&o.display().to_string(), &name, e))?;
            w.finish()?;
            file = Some(w);
        }
    };
    let inquiries = count;
    let now = ctx.clock.now_str();
    let base = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let digest = crate::store::sha256_hex(&text);
    let interchanges = if several {
        format!(", interchanges {}", parts.len())
    } else {
        String::new()
    };
    let detail = format!(
        "x12 270: inquiries {inquiries}, answered {}, rejected {rejected}{interchanges}; 270 sha256 {digest}",
        inquiries - rejected
    );
    let entry = actor.entry(&now, "elig batch", Some(&base), "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    if let Some(f) = file {
        f.persist()?;
    }
    match out {
        Some(o) => {
            let v = serde_json::json!({
                "inquiries": inquiries,
                "answered": inquiries - rejected,
                "rejected": rejected,
                "interchanges": parts.len(),
                "out": o.display().to_string(),
            });
            let human = format!(
                "Answered {inquiries} inquiries ({} found, {rejected} rejected with AAA){}; the 271 is in {}.",
                inquiries - rejected,
                if several { format!(" in {} interchanges", parts.len()) } else { String::new() },
                o.display()
            );
            Ok(Output::record_with(v, human))
        }
        None => Ok(Output::Nothing),
    }
}

/// A 271 that could not be written: a value the 271 cannot carry (the X12 writer's
/// refusal), or the output itself failing.
fn write_err(to: &str, name: &str, e: std::io::Error) -> Error {
    if e.kind() == std::io::ErrorKind::InvalidData {
        return Error::invalid(format!("{name}: cannot write the 271: {e}"));
    }
    Error::internal(format!("cannot write the 271 to {to}: {e}"))
}

/// `elig check ... --x12-270`: the 270 this provider's client software would send.
pub fn cmd_print_270(ctx: &Context, who: &Who, from: NaiveDate, to: NaiveDate) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::EligCheck)?;
    let pid = actor.provider()?.to_string();
    let p = tx
        .provider(actor.provider()?)?
        .ok_or_else(|| Error::not_found(format!("provider {pid} is not enrolled")))?;
    // A client's 270 names the patient as its chart has them: fill the name and date of
    // birth in from the member record (a 270 by ID alone fails linuxforhealth-x12).
    let now = ctx.clock.now_str();
    let member = match find(&tx, who)? {
        Found::One(m) | Found::WithSpans(m, _) => m,
        Found::NotFound => {
            let target = who.describe();
            let entry = actor.entry(
                &now,
                "elig check",
                Some(&target),
                "not-found",
                Some("x12-270"),
            );
            auth::finish(ctx, &store, tx, &actor, &[entry])?;
            return Err(
                Error::not_found("no such member: cannot write a 270 for them").hint(match who {
                    Who::Id(_) => "check the Oregon Health ID (8 letters and digits)",
                    Who::Name { .. } => "check the spelling and date of birth, or use --id",
                }),
            );
        }
        Found::Many(ms) => {
            auth::finish(ctx, &store, tx, &actor, &[])?;
            return Err(Error::conflict(format!(
                "{} members match that name and date of birth; use --id",
                ms.len()
            )));
        }
    };
    let entry = actor.entry(
        &now,
        "elig check",
        Some(member.health_id.as_str()),
        "ok",
        Some("x12-270"),
    );
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    let digits: String = p
        .tax_id
        .as_ref()
        .map_or("", TaxId::as_str)
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
        member_id: by_id.then(|| member.health_id.to_string()),
        last_name: Some(upper(&member.last_name)),
        first_name: Some(upper(&member.first_name)),
        birth_date: Some(member.dob),
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
            id: p.npi.to_string(),
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
