//! `claim status --x12 F.276 [--out F.277]`: a 276 claim status request answered with a
//! 277 (005010X212) — each inquiry with the same category and status codes as
//! `claim status ICN`'s JSON, an unknown claim (or another provider's) with A4:35 (not
//! found). A read command: the store is read in one snapshot; the 277's control numbers are
//! taken in a short write of their own (as `elig batch --x12` takes the 271's).

use super::status_code;
use crate::auth;
use crate::commands::elig::x12::Isa;
use crate::context::Context;
use crate::domain::claims::{ClaimStatus, Icn};
use crate::domain::ids::{Cents, HealthId, ProviderId};
use crate::error::{Error, Result};
use crate::output::{files, Output};
use crate::store::claims::ClaimRow;
use crate::store::Tx;
use crate::x12::claim_status::{not_found, read_276, write_277_to, Answer, Inquiry, X212};
use crate::x12::{split_interchanges, Interchange, X12Error};
use chrono::Timelike;
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

/// Claims kept in memory across the inquiries of one file (the claims of the members
/// asked about, read once per member): past this many rows the cache is emptied and
/// filled again, so memory stays bounded whatever the file asks.
const CACHED_ROWS: usize = 20_000;

fn x12_err(name: &str, e: X12Error) -> Error {
    Error::invalid(format!("{name} is not a valid X12 276 (005010X212): {e}"))
        .hint("fix the file (or ask its sender for a corrected one); nothing was answered")
}

/// The claims of this provider for a member, read once per member of a file.
struct Claims {
    by_member: HashMap<HealthId, Rc<Vec<ClaimRow>>>,
    rows: usize,
}

impl Claims {
    fn of(
        &mut self,
        tx: &Tx<'_>,
        provider_id: &ProviderId,
        member: HealthId,
    ) -> Result<Rc<Vec<ClaimRow>>> {
        if let Some(r) = self.by_member.get(&member) {
            return Ok(r.clone());
        }
        let rows = Rc::new(tx.claims_of_member(provider_id, member)?);
        if self.rows + rows.len() > CACHED_ROWS {
            self.by_member.clear();
            self.rows = 0;
        }
        self.rows += rows.len();
        self.by_member.insert(member, rows.clone());
        Ok(rows)
    }
}

/// The claim an inquiry asks about, when it is this provider's: by the ICN it gives
/// (REF*1K), else by patient control number (REF*EJ, else TRN02) with the member and,
/// when given, the dates of service (the latest such claim: a replacement over its
/// original).
fn find(
    tx: &Tx<'_>,
    claims: &mut Claims,
    provider_id: &ProviderId,
    q: &Inquiry<'_>,
) -> Result<Option<ClaimRow>> {
    let member = q.member_id.and_then(|m| HealthId::parse("NM109", m).ok());
    if let Some(icn) = q.icn {
        let Ok(icn) = Icn::parse("REF*1K", icn) else {
            return Ok(None);
        };
        return Ok(tx
            .claim_by_icn(&icn)?
            .filter(|c| &c.provider_id == provider_id && member.is_none_or(|m| m == c.member_id)));
    }
    let Some(member) = member else {
        return Ok(None);
    };
    let pcn = q.pcn.unwrap_or(q.trace).trim();
    let rows = claims.of(tx, provider_id, member)?;
    let within = |c: &ClaimRow| match q.dates {
        Some((from, to)) => c.last_dos >= from && c.first_dos <= to,
        None => true,
    };
    Ok(rows
        .iter()
        .filter(|c| c.patient_control_number.as_deref() == Some(pcn) && within(c))
        .max_by(|a, b| a.icn.as_str().cmp(b.icn.as_str()))
        .cloned())
}

/// The 277's answer about a claim: the codes of `claim status ICN` (category and status
/// code), the charge, the payment once finalized, and the dates.
fn answer(tx: &Tx<'_>, c: &ClaimRow, q: &Inquiry<'_>) -> Result<Answer> {
    let history = tx.claim_history(c.id)?;
    let effective = history.last().map_or(c.received_on, |h| h.on_date);
    let finalized = c.status != ClaimStatus::Accepted;
    let adjudicated = history
        .iter()
        .find(|h| matches!(h.status, ClaimStatus::Paid | ClaimStatus::Denied))
        .map(|h| h.on_date);
    let dates = Some((c.first_dos, c.last_dos));
    Ok(Answer {
        category: c.status.category_code(),
        status: status_code(c.status).0,
        effective,
        billed: c.billed.max(Cents(0)).0,
        paid: finalized.then_some(c.paid_amount.max(Cents(0)).0),
        adjudicated: adjudicated.filter(|_| finalized),
        icn: Some(c.icn.to_string()),
        pcn: c
            .patient_control_number
            .clone()
            .or_else(|| q.pcn.map(str::to_string)),
        dates,
    })
}

/// One interchange of a 276 file, read and checked before the store is read.
struct Part<'a> {
    request: crate::x12::claim_status::Request276<'a>,
    isa: Isa,
    text: &'a str,
}

pub fn cmd_claim_status_x12(ctx: &Context, path: &Path, out: Option<&Path>) -> Result<Output> {
    let name = crate::output::input::name(path);
    // Permission first, then the size, then the file.
    let store = ctx.open_store()?;
    auth::permit(ctx, &store, auth::Cmd::ClaimStatus)?;
    let bytes = crate::limits::read_file(path, crate::limits::MAX_276_BYTES, "a 276")?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Error::invalid(format!("{name} is not a valid X12 276: not text (UTF-8)")))?;
    let today = ctx.clock.today();
    let t = ctx.clock.now().time();
    let time = chrono::NaiveTime::from_hms_opt(t.hour(), t.minute(), 0).unwrap_or_default();
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
        let request = read_276(&ic).map_err(|e| x12_err(&label, e))?;
        let isa = Isa::of(&ic);
        drop(ic);
        isa.reply_envelope(chunk, today, time, 1)
            .check("HN", X212)
            .map_err(|e| {
                Error::invalid(format!(
                    "{label}: the 277 cannot be addressed to the 276's sender: {e}"
                ))
                .hint("the ISA05 to ISA08 and GS02/GS03 of a 276 must be printable ASCII, the GS ids 2 to 15 characters; nothing was answered")
            })?;
        parts.push(Part {
            request,
            isa,
            text: chunk,
        });
    }
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimStatus)?;
    let provider_id = actor.provider()?.clone();
    drop(tx);
    // The 277s' control numbers, in a short write of their own.
    let mut control = store.take_controls("x12_277_control", parts.len())?;
    let tx = store.read()?;
    // Each inquiry is answered as the 277 is written (in pieces: to stdout, or to a file
    // beside --out that takes its name once the command is done).
    let mut claims = Claims {
        by_member: HashMap::new(),
        rows: 0,
    };
    let mut found = 0usize;
    let mut failed: Option<Error> = None;
    let inquiries: usize = parts.iter().map(|p| p.request.inquiries.len()).sum();
    let out = out.filter(|o| !files::is_stdout(o));
    let mut file = match out {
        Some(o) => Some(files::OutFile::create(o)?),
        None => None,
    };
    let stdout = std::io::stdout();
    let mut to_stdout = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    for p in &parts {
        control = control % 999_999_999 + 1;
        let env = p.isa.reply_envelope(p.text, today, time, control);
        let mut answer_one = |q: &Inquiry<'_>| {
            let r = find(&tx, &mut claims, &provider_id, q).and_then(|c| match c {
                Some(c) => {
                    found += 1;
                    answer(&tx, &c, q)
                }
                None => Ok(not_found(q, today)),
            });
            r.map_err(|e| {
                failed = Some(e);
                std::io::Error::other("the store could not be read")
            })
        };
        let written = match file.as_mut() {
            Some(f) => write_277_to(&p.request, &mut answer_one, &env, &mut f.as_write()),
            None => write_277_to(&p.request, &mut answer_one, &env, &mut to_stdout),
        };
        if let Some(e) = failed.take() {
            return Err(e);
        }
        match written.and_then(|()| std::io::Write::flush(&mut to_stdout)) {
            // The reader went away: the answers were made, so the request is audited.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                return Err(Error::invalid(format!("{name}: cannot write the 277: {e}")))
            }
            Err(e) => return Err(Error::internal(format!("cannot write the 277: {e}"))),
            Ok(()) => {}
        }
    }
    drop(to_stdout);
    drop(claims);
    if let Some(f) = file.as_mut() {
        f.finish()?;
    }
    let now = ctx.clock.now_str();
    let digest = crate::store::sha256_hex(&text);
    let detail = format!(
        "x12 276: inquiries {inquiries}, found {found}, not found {}{}; 276 sha256 {digest}",
        inquiries - found,
        if several {
            format!(", interchanges {}", parts.len())
        } else {
            String::new()
        }
    );
    let entry = actor.entry(&now, "claim status", Some(&name), "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    match (file, out) {
        (Some(f), Some(o)) => {
            f.persist()?;
            let v = serde_json::json!({
                "inquiries": inquiries,
                "found": found,
                "not_found": inquiries - found,
                "interchanges": parts.len(),
                "out": o.display().to_string(),
            });
            let human = format!(
                "Answered {inquiries} claim status inquiries ({found} found, {} not found){}; the 277 is in {}.",
                inquiries - found,
                if several { format!(" in {} interchanges", parts.len()) } else { String::new() },
                o.display()
            );
            Ok(Output::record_with(v, human))
        }
        _ => Ok(Output::Nothing),
    }
}
