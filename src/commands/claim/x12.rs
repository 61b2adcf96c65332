//! `claim submit --x12 FILE.837 [--ack FILE.999]`: an 837P batch, each claim through the
//! same edits as a keyed claim, answered with a 999 and a per-claim result. Exit 0 once
//! the file is read; exit 6 only for a file whose envelopes or counts are broken (or that
//! is not an 837P). A refused file stores nothing, and its acknowledgment says so: a TA1
//! rejecting the interchange, or a 999 rejecting every set (see `x12::ack::acknowledge`).

use super::ack277::{claim_ack_refused, ClaimAck};
use super::edits;
use super::replace::replace_one;
use super::void::{original, void_stored};
use crate::auth;
use crate::auth::Actor;
use crate::context::Context;
use crate::domain::claims::Icn;
use crate::domain::claims::{parse_claim, ClaimType, RawClaim, RawLine};
use crate::domain::edits::{same_parties, voidable};
use crate::domain::ids::{HealthId, ProviderId};
use crate::domain::roles::Role;
use crate::error::{Error, Result};
use crate::output::{files, flat, term, Format, Output};
use crate::store::Tx;
use crate::x12::ack::{
    acknowledge, unnamed, AckKind, Acknowledgment, Expected, SegmentNote, SetAck,
};
use crate::x12::claim_ack;
use crate::x12::claims::{each_837p_claim, Claim837, X222};
use crate::x12::{
    check_transaction_version, split_interchanges, Envelope, Interchange, TransactionSet, X12Error,
};
use serde::Serialize;
use std::io::Write;
use std::path::Path;

/// One claim's result as the output shows it.
#[derive(Serialize)]
pub struct ClaimResult<'r> {
    pub patient_control_number: &'r str,
    pub icn: Option<&'r str>,
    /// `accepted` or `refused`.
    pub status: &'static str,
    /// 277 category, as the 277CA says it: A2 accepted into adjudication; A3, A6 or A7 by
    /// the refusal's reason (see `x12::claim_ack`).
    pub category_code: &'static str,
    pub reason: Option<&'r str>,
    pub member_id: Option<&'r str>,
    pub transaction_control_number: &'r str,
}

#[derive(Serialize)]
pub struct SetProblem {
    pub transaction_control_number: String,
    pub error: String,
}

/// One claim's result as the batch keeps it until it is printed: small, since a batch
/// holds one per claim (100,000 of them for a big 837P).
struct Taken {
    patient_control_number: Box<str>,
    /// Index of its set's control number in [`Batch::sets`].
    set: u32,
    member_id: Option<HealthId>,
    /// The ICN, or why the claim was refused.
    outcome: std::result::Result<Box<str>, Box<str>>,
}

/// The results of a batch, printed after the commit (see [`Output::Streamed`]) without
/// ever being one JSON value.
#[derive(Default)]
struct Batch {
    name: String,
    accepted: usize,
    refused: usize,
    claims: Vec<Taken>,
    /// ST02 of every set taken from.
    sets: Vec<Box<str>>,
    /// Transaction sets that could not be read (reported in the 999, IK5 R).
    rejected_sets: Vec<SetProblem>,
    ack: Option<String>,
    /// The human text's last line (the acknowledgment written), when there is one.
    ack_line: Option<String>,
}

/// The JSON of a batch (the claims in `range`): `accepted`, `refused`, `claims`,
/// `rejected_sets`, `ack`.
#[derive(Serialize)]
pub struct BatchView<'r> {
    pub accepted: usize,
    pub refused: usize,
    #[serde(serialize_with = "claims_seq")]
    claims: (&'r Batch, std::ops::Range<usize>),
    /// Transaction sets that could not be read (reported in the 999, IK5 R).
    pub rejected_sets: &'r [SetProblem],
    pub ack: Option<&'r str>,
}

fn claims_seq<S: serde::Serializer>(
    claims: &(&Batch, std::ops::Range<usize>),
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    let (batch, range) = claims;
    s.collect_seq(
        batch
            .claims
            .get(range.clone())
            .unwrap_or(&[])
            .iter()
            .map(|t| batch.result(t)),
    )
}

impl Batch {
    fn result<'r>(&'r self, t: &'r Taken) -> ClaimResult<'r> {
        let (icn, reason) = match &t.outcome {
            Ok(icn) => (Some(&**icn), None),
            Err(reason) => (None, Some(&**reason)),
        };
        ClaimResult {
            patient_control_number: &t.patient_control_number,
            icn,
            status: if icn.is_some() { "accepted" } else { "refused" },
            // As the 277CA says it (`x12::claim_ack`).
            category_code: reason.map_or(claim_ack::ACCEPTED.category, |r| {
                claim_ack::refusal_codes(r).category
            }),
            reason,
            member_id: t.member_id.as_ref().map(HealthId::as_str),
            transaction_control_number: self.sets.get(t.set as usize).map_or("", |s| &**s),
        }
    }

    fn view(&self, range: std::ops::Range<usize>) -> BatchView<'_> {
        BatchView {
            accepted: self.accepted,
            refused: self.refused,
            claims: (self, range),
            rejected_sets: &self.rejected_sets,
            ack: self.ack.as_deref(),
        }
    }

    /// The text for a person, line by line (each ending in a newline).
    fn human_lines(
        &self,
        line: &mut dyn FnMut(&str) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        line(&format!(
            "837P {}: {} claim(s) accepted, {} refused.\n",
            self.name, self.accepted, self.refused
        ))?;
        for t in &self.claims {
            match &t.outcome {
                Ok(icn) => line(&format!(
                    "  {}  accepted  ICN {icn}\n",
                    t.patient_control_number
                ))?,
                Err(reason) => line(&format!(
                    "  {}  refused   {reason}\n",
                    t.patient_control_number
                ))?,
            }
        }
        for s in &self.rejected_sets {
            line(&format!(
                "  transaction set {} could not be read: {}\n",
                s.transaction_control_number, s.error
            ))?;
        }
        if let Some(l) = &self.ack_line {
            line(l)?;
        }
        Ok(())
    }
}

impl crate::output::Streamed for Batch {
    fn write(&self, format: Format, out: &mut dyn Write) -> std::io::Result<()> {
        match format {
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &self.view(0..self.claims.len()))?;
                out.write_all(b"\n")
            }
            Format::Ndjson => {
                serde_json::to_writer(&mut *out, &self.view(0..self.claims.len()))?;
                out.write_all(b"\n")
            }
            Format::Csv => {
                // One row per claim, the batch's own fields repeated (as the record's CSV):
                // each row is the CSV of the batch with that one claim.
                let mut w = csv::Writer::from_writer(&mut *out);
                let table = |range| flat::record_table(&crate::output::to_value(self.view(range)));
                if self.claims.is_empty() {
                    let f = table(0..0);
                    w.write_record(&f.columns)?;
                    for r in &f.rows {
                        w.write_record(r)?;
                    }
                }
                for i in 0..self.claims.len() {
                    let f = table(i..i + 1);
                    if i == 0 {
                        w.write_record(&f.columns)?;
                    }
                    for r in &f.rows {
                        w.write_record(r)?;
                    }
                }
                w.flush()
            }
            Format::Table => {
                // As a record's human text: wrapped to the terminal (line by line, which is
                // how `wrap_prose` wraps), trailing white space trimmed, one newline.
                let width = term::prose_width();
                let mut held = String::new();
                self.human_lines(&mut |l| {
                    let text = match width {
                        Some(w) => crate::output::wrap_prose(l, w),
                        None => l.to_string(),
                    };
                    let body = text.trim_end();
                    if !body.is_empty() {
                        out.write_all(held.as_bytes())?;
                        out.write_all(body.as_bytes())?;
                        held.clear();
                    }
                    held.push_str(&text[body.len()..]);
                    Ok(())
                })?;
                out.write_all(b"\n")
            }
        }
    }
}

/// Turns one 837P claim into the raw form the edits read; a claim the portal cannot
/// take at all (minutes, another code set, a frequency other than original, replacement
/// or void) is refused here.
pub fn raw_from_837(c: &Claim837<'_>) -> std::result::Result<RawClaim, String> {
    match c.frequency_code {
        "" | "1" | "7" | "8" => {}
        other => {
            return Err(format!(
                "claim frequency code {other:?} is not 1 (original), 7 (replacement) or 8 (void)"
            ))
        }
    }
    if c.diagnosis_code_set != "ABK" {
        return Err(format!(
            "diagnosis codes must be ICD-10-CM (HI qualifier ABK), got {:?}",
            c.diagnosis_code_set
        ));
    }
    let mut lines = Vec::new();
    for (i, l) in c.lines.iter().enumerate() {
        let n = i + 1;
        if l.code_qualifier != "HC" {
            return Err(format!(
                "line {n}: procedure code qualifier {:?} is not HC (CPT/HCPCS)",
                l.code_qualifier
            ));
        }
        if l.unit_basis != "UN" {
            return Err(format!(
                "line {n}: units must be billed as UN (units), not {:?}",
                l.unit_basis
            ));
        }
        let dos = match l.service_dates {
            Some((from, to)) if from == to => from.to_string(),
            Some((from, to)) => {
                return Err(format!(
                    "line {n}: a service line covers one date of service, not {from} to {to}"
                ))
            }
            None => String::new(),
        };
        if let Some(pos) = l.place_of_service {
            if !pos.is_empty() && pos != c.place_of_service {
                return Err(format!(
                    "line {n}: place of service {pos} differs from the claim's ({}); send one claim per place of service",
                    c.place_of_service
                ));
            }
        }
        lines.push(RawLine {
            procedure_code: l.procedure_code.to_string(),
            modifiers: l.modifiers.iter().map(|m| m.to_string()).collect(),
            date_of_service: dos,
            units: l.units.to_string(),
            charge: l.charge.to_string(),
        });
    }
    let pa = c
        .prior_authorization
        .or_else(|| c.lines.iter().find_map(|l| l.prior_authorization))
        .map(str::to_string);
    Ok(RawClaim {
        member_id: c.subscriber.member_id.unwrap_or("").to_string(),
        billing_npi: c.billing_provider.npi.unwrap_or("").to_string(),
        rendering_npi: c
            .rendering_provider
            .and_then(|r| r.npi)
            .unwrap_or("")
            .to_string(),
        diagnosis_codes: c.diagnosis_codes.clone(),
        place_of_service: c.place_of_service.to_string(),
        prior_auth_number: pa,
        patient_control_number: Some(c.patient_control_number.to_string()),
        lines,
    })
}

/// The envelope of our answer: sender and receiver swapped, written with the 837P's own
/// delimiters (its values cannot hold them: a `*` in an ST02 under `|` is echoed as is),
/// and the GS ids of the group answered where the ISA ids cannot be GS ids.
pub(super) fn ack_envelope(
    ctx: &Context,
    ic: &Interchange<'_>,
    text: &str,
    control: u32,
) -> Envelope {
    let now = ctx.clock.now();
    let g = ic.groups.first();
    let mut env = Envelope::new(
        ic.isa.receiver_id,
        ic.isa.sender_id,
        ctx.clock.today(),
        now.time(),
        control,
    )
    .with_answer_delimiters(ic.delimiters, text)
    .with_group_ids(
        g.map_or("", |g| g.receiver.trim()),
        g.map_or("", |g| g.sender.trim()),
    );
    env.sender_qualifier = ic.isa.receiver_qualifier.to_string();
    env.receiver_qualifier = ic.isa.sender_qualifier.to_string();
    env
}

/// The 999 written beside `path`; it takes its name with `persist` after the commit.
fn write_ack(path: &Path, text: &str) -> Result<files::OutFile> {
    files::prepare(path, text.as_bytes())
}

/// What an 837P batch must be.
const EXPECTED: Expected<'static> = Expected {
    transaction: "837",
    version: X222,
};

/// What the acknowledgment of a file refused as a whole says: the TA1 or 999 to write
/// and a hint naming it, or (when the file cannot be answered) only a hint saying that
/// no acknowledgment was written.
fn refusal_ack(
    ic: &Interchange<'_>,
    env: &Envelope,
    path: &Path,
) -> (Option<Acknowledgment>, String) {
    match acknowledge(ic, &[], env, Some(EXPECTED), true) {
        Ok(a) => {
            let hint = format!("{} was written to {}", a.summary, path.display());
            (Some(a), hint)
        }
        Err(e) => (
            None,
            format!(
                "no acknowledgment was written to {}: the interchange cannot be answered ({e})",
                path.display()
            ),
        ),
    }
}

pub fn submit_x12(
    ctx: &Context,
    file: &Path,
    ack: Option<&Path>,
    claim_ack: Option<&Path>,
) -> Result<Output> {
    let store = ctx.open_store()?;
    // Each INSERT that may fail part-way inside the batch's transaction keeps a statement
    // journal (its copy of the pages it changes): in memory, not spilled to a temporary
    // file (two writes per page changed, 250,000 writes per 20,000 claims).
    store.journals_in_memory()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimSubmit)?;
    let now = ctx.clock.now_str();
    if !actor.has(Role::TradeFiles) {
        let err = Error::denied(format!(
            "`mmis claim submit --x12` needs the Trade Files role (as well as Claim Submission) for provider {}; {} does not have it",
            actor.provider_id.as_ref().map_or("-", |p| p.as_str()),
            actor.user_name
        ))
        .hint("ask the site administrator to grant Trade Files in Clerk Maintenance (`mmis clerk roles`)");
        tx.audit(&actor.entry(
            &now,
            "claim submit",
            Some(&file.display().to_string()),
            "denied",
            Some(&err.message),
        ))?;
        tx.commit()?;
        return Err(err);
    }
    let provider_id = actor.provider()?.clone();
    // Permission first (above), then the size, then the file.
    let bytes = crate::limits::read_file(file, crate::limits::MAX_837_BYTES, "an 837P")?;
    let name = crate::output::input::name(file);
    let broken = |msg: String| {
        Error::invalid(format!("{name} is not a readable 837P: {msg}"))
            .hint("nothing was stored; fix the file's envelopes and send it again")
    };
    // A file of several interchanges is taken interchange by interchange, all in one
    // transaction; the --ack file holds one acknowledgment per interchange, in order.
    let chunks: std::result::Result<Vec<&str>, String> = std::str::from_utf8(&bytes)
        .map(split_interchanges)
        .map_err(|e| format!("invalid UTF-8 at byte {}", e.valid_up_to()));
    let several = chunks.as_ref().is_ok_and(|c| c.len() > 1);
    let which = |n: usize, total: usize| {
        if several {
            format!("interchange {} of {total}: ", n + 1)
        } else {
            String::new()
        }
    };
    let parsed = chunks.and_then(|chunks| {
        let total = chunks.len();
        chunks
            .iter()
            .enumerate()
            .map(|(n, text)| {
                Interchange::parse_envelope(text)
                    .map(|ic| (ic, *text))
                    .map_err(|e| format!("{}{e}", which(n, total)))
            })
            .collect::<std::result::Result<Vec<_>, String>>()
    });
    let ics = match parsed {
        Ok(ics) => ics,
        Err(msg) => {
            // Without a readable ISA there is nobody to answer: no acknowledgment at all.
            let mut err = broken(msg);
            if let Some(p) = ack {
                err = err.hint(format!(
                    "no acknowledgment was written to {}: without a readable ISA there is no interchange to answer",
                    p.display()
                ));
            }
            if let Some(p) = claim_ack {
                err = err.hint(claim_ack_refused(p));
            }
            tx.audit(&actor.entry(
                &now,
                "claim submit",
                Some(&name),
                "refused",
                Some(&err.message),
            ))?;
            tx.commit()?;
            return Err(err);
        }
    };
    let total = ics.len();
    let mut envs = Vec::with_capacity(total);
    for (ic, text) in &ics {
        let control = tx.next_sequence("x12-interchange")?;
        let control = u32::try_from(control % 1_000_000_000).unwrap_or(1).max(1);
        envs.push(ack_envelope(ctx, ic, text, control));
    }
    // A broken envelope, a group or set a 999 could not name, or a file that is not an
    // 837P: the whole file is refused, nothing is stored, the refusal is audited, and the
    // acknowledgment (a TA1 or a 999 rejecting every set, for each interchange) says so.
    let refusal = ics
        .iter()
        .zip(&envs)
        .enumerate()
        .find_map(|(n, ((ic, _), env))| {
            ic.errors
                .first()
                .cloned()
                .or_else(|| unnamed(ic, &env.delimiters))
                .or_else(|| check_transaction_version(ic, "837", X222).err())
                .map(|e| format!("{}{e}", which(n, total)))
        });
    let mut ack_file = None;
    if let Some(msg) = refusal {
        let mut err = broken(msg);
        if let Some(path) = ack {
            let mut text = String::new();
            let mut hints = Vec::new();
            for (n, ((ic, _), env)) in ics.iter().zip(&envs).enumerate() {
                let (answer, hint) = refusal_ack(ic, env, path);
                match answer {
                    Some(a) if several => {
                        hints.push(format!("{}{}", which(n, total), a.summary));
                        text.push_str(&a.text);
                    }
                    Some(a) => {
                        hints.push(hint);
                        text.push_str(&a.text);
                    }
                    None => hints.push(format!("{}{hint}", which(n, total))),
                }
            }
            if !text.is_empty() {
                ack_file = Some(write_ack(path, &text)?);
            }
            err = err.hint(if several {
                format!(
                    "one acknowledgment per interchange was written to {}: {}",
                    path.display(),
                    hints.join("; ")
                )
            } else {
                hints.join("; ")
            });
        }
        if let Some(p) = claim_ack {
            err = err.hint(claim_ack_refused(p));
        }
        tx.audit(&actor.entry(
            &now,
            "claim submit",
            Some(&name),
            "refused",
            Some(&err.message),
        ))?;
        tx.commit()?;
        if let Some(f) = ack_file {
            f.persist()?;
        }
        return Err(err);
    }
    // Each set is read once through before anything is stored: a set that is not a
    // readable 837P is rejected whole (its 999 IK5 R), as before, although its claims are
    // taken one at a time below.
    let readable: Vec<Vec<Vec<std::result::Result<u64, X12Error>>>> = ics
        .iter()
        .map(|(ic, _)| {
            ic.groups
                .iter()
                .enumerate()
                .map(|(gi, g)| {
                    g.transactions
                        .iter()
                        .enumerate()
                        .map(|(ti, t)| count_claims(gi, ti, t))
                        .collect()
                })
                .collect()
        })
        .collect();
    let today = ctx.clock.today();
    let mut batch = Batch {
        name: name.clone(),
        ..Batch::default()
    };
    // The file was taken: each 999 accepts the sets that were read (their claims' own
    // refusals are in the results) and rejects those that were not.
    let mut written: Vec<Acknowledgment> = Vec::new();
    // Progress (a terminal only): claims taken in, out of the claims of the readable sets.
    let progress = ctx.progress(
        readable.iter().flatten().flatten().flatten().sum(),
        "taking in claims",
    );
    let mut ack_text = String::new();
    // The 277CA, written as the claims are taken (interchange by interchange).
    let mut ca = match claim_ack {
        Some(p) => Some(ClaimAck::open(p)?),
        None => None,
    };
    // What the edits read, remembered across the batch's claims.
    let mut reads = edits::Reads::remembering();
    for (n, (((ic, text), env), readable)) in ics.iter().zip(&envs).zip(&readable).enumerate() {
        let first = batch.claims.len();
        let acks = take_interchange(
            &Taking {
                tx: &tx,
                actor: &actor,
                provider_id: &provider_id,
                today,
                now: &now,
                name: &name,
                progress: &progress,
            },
            &mut reads,
            ic,
            readable,
            &mut batch,
        )?;
        if let Some(ca) = ca.as_mut() {
            let outcomes: Vec<claim_ack::Outcome<'_>> = batch
                .claims
                .get(first..)
                .unwrap_or(&[])
                .iter()
                .map(|t| t.outcome.as_ref().map(|s| &**s).map_err(|s| &**s))
                .collect();
            ca.write(
                ctx,
                &tx,
                ic,
                text,
                readable,
                &outcomes,
                provider_id.as_str(),
            )?;
        }
        if let Some(path) = ack {
            match acknowledge(ic, &acks, env, Some(EXPECTED), false) {
                Ok(a) => {
                    ack_text.push_str(&a.text);
                    written.push(a);
                }
                Err(e) => ctx.ui.warn(&format!(
                    "no acknowledgment was written to {} for {}the interchange: it cannot be answered ({e})",
                    path.display(),
                    which(n, total)
                )),
            }
        }
    }
    drop(ics);
    drop(bytes);
    if let (Some(path), false) = (ack, written.is_empty()) {
        ack_file = Some(write_ack(path, &ack_text)?);
    }
    let (accepted, refused) = (batch.accepted, batch.refused);
    tx.audit(&actor.entry(
        &now,
        "claim submit",
        Some(&name),
        "ok",
        Some(&format!(
            "837P batch: {accepted} accepted, {refused} refused{}",
            if several {
                format!(", {total} interchanges")
            } else {
                String::new()
            }
        )),
    ))?;
    let ca = ca.map(ClaimAck::finish).transpose()?;
    tx.commit()?;
    if let Some(f) = ack_file {
        f.persist()?;
    }
    let ca_line = ca.map(ClaimAck::persist).transpose()?;
    if ack.is_some_and(files::is_stdout) || claim_ack.is_some_and(files::is_stdout) {
        // `--ack -`: the acknowledgment is the result on stdout; the summary goes to stderr.
        let mut human = String::new();
        let _ = batch.human_lines(&mut |l| {
            human.push_str(l);
            Ok(())
        });
        human.push_str(ca_line.as_deref().unwrap_or(""));
        ctx.ui.note(human.trim_end());
        return Ok(Output::Nothing);
    }
    if let Some(p) = ack.filter(|_| !written.is_empty()) {
        let mut kinds: Vec<&str> = written
            .iter()
            .map(|a| match a.kind {
                AckKind::Ta1 => "TA1",
                AckKind::Fa999 => "999",
            })
            .collect();
        kinds.dedup();
        batch.ack_line = Some(format!(
            "{} acknowledgment{} written to {}\n",
            kinds.join("/"),
            if written.len() > 1 { "s" } else { "" },
            p.display()
        ));
        batch.ack = Some(p.display().to_string());
    }
    if let Some(l) = ca_line {
        batch.ack_line = Some(format!("{}{l}", batch.ack_line.take().unwrap_or_default()));
    }
    Ok(Output::Streamed(Box::new(batch)))
}

/// The claims of a set that reads as an 837P (see [`each_837p_claim`]), or why it does not.
fn count_claims(
    gi: usize,
    ti: usize,
    t: &TransactionSet<'_>,
) -> std::result::Result<u64, X12Error> {
    let mut n = 0u64;
    let read = each_837p_claim(gi, ti, t, |_| {
        n += 1;
        Ok::<(), std::convert::Infallible>(())
    });
    match read {
        Ok(r) => r.map(|()| n),
        Err(never) => match never {},
    }
}

/// What every claim of a batch is taken with.
struct Taking<'c, 't> {
    tx: &'c Tx<'t>,
    actor: &'c Actor,
    provider_id: &'c ProviderId,
    today: chrono::NaiveDate,
    now: &'c str,
    name: &'c str,
    progress: &'c crate::output::term::Progress,
}

/// Takes the claims of one interchange (already checked: no envelope fault, an 837P), one
/// at a time as they are read: each through the edits, stored or refused and audited, its
/// result kept in `batch`. `readable` says, for each set, whether it reads as an 837P (a
/// set that does not is not taken). Returns what its 999 says of each set that could not
/// be read.
fn take_interchange(
    k: &Taking<'_, '_>,
    reads: &mut edits::Reads,
    ic: &Interchange<'_>,
    readable: &[Vec<std::result::Result<u64, X12Error>>],
    batch: &mut Batch,
) -> Result<Vec<SetAck>> {
    let mut acks = Vec::new();
    for (gi, g) in ic.groups.iter().enumerate() {
        for (ti, t) in g.transactions.iter().enumerate() {
            let read = readable
                .get(gi)
                .and_then(|g| g.get(ti))
                .cloned()
                .unwrap_or_else(|| count_claims(gi, ti, t));
            if let Err(e) = read {
                acks.push(SetAck {
                    group_index: gi,
                    transaction_index: ti,
                    status: None,
                    notes: vec![SegmentNote::from_error(&e, t, "8")],
                });
                batch.rejected_sets.push(SetProblem {
                    transaction_control_number: t.control_number.to_string(),
                    error: e.to_string(),
                });
                continue;
            }
            let set = u32::try_from(batch.sets.len()).unwrap_or(u32::MAX);
            batch.sets.push(t.control_number.into());
            let read = each_837p_claim(gi, ti, t, |c| take_claim(k, reads, &c, set, batch))?;
            // Read once already: the set cannot fail now.
            read.map_err(|e| {
                Error::internal(format!(
                    "transaction set {} read differently the second time: {e}",
                    t.control_number
                ))
            })?;
        }
    }
    // Every claim accepted is in the store before the interchange is answered.
    reads.flush(k.tx)?;
    Ok(acks)
}

/// One claim of a batch: through the edits, stored or refused, audited, its result kept.
fn take_claim(
    k: &Taking<'_, '_>,
    reads: &mut edits::Reads,
    c: &Claim837<'_>,
    set: u32,
    batch: &mut Batch,
) -> Result<()> {
    let tx = k.tx;
    k.progress.inc(1);
    let pcn = c.patient_control_number;
    let raw = raw_from_837(c);
    let parsed = raw.and_then(|r| parse_claim(&r).map_err(|p| p.join("; ")));
    let party = match &parsed {
        Ok(_) => None,
        Err(_) => edits::party_edit(
            tx,
            k.provider_id,
            c.billing_provider.npi.unwrap_or(""),
            c.subscriber.member_id.unwrap_or(""),
        )?,
    };
    // What the audit entry of an accepted claim says it was.
    let action = match (&parsed, c.frequency_code) {
        (Ok(_), "7") => "claim replace",
        (Ok(_), "8") => "claim void",
        _ => "claim submit",
    };
    let outcome = match &parsed {
        Err(reason) => Err(party.map(|r| r.reason).unwrap_or_else(|| reason.clone())),
        Ok(claim) if matches!(c.frequency_code, "7" | "8") => correct_claim(k, reads, c, claim)?,
        // As `submit_one`, reading through the batch's `reads`.
        Ok(claim) => match edits::run_with(tx, reads, k.provider_id, k.today, claim)? {
            Ok(passed) => {
                let icn = edits::accept_held(
                    tx,
                    reads,
                    k.provider_id,
                    k.today,
                    k.now,
                    &k.actor.user_name,
                    ClaimType::X12Professional,
                    claim,
                    &passed,
                )?;
                reads.took(k.provider_id, claim, &icn);
                Ok(icn.as_str().to_string())
            }
            Err(r) => Err(r.reason),
        },
    };
    let member_id = parsed.as_ref().ok().map(|c| c.member_id);
    let outcome = match outcome {
        Ok(icn) => {
            let detail = match action {
                "claim replace" => format!(
                    "replacement of claim {} accepted from 837P {}, claim {pcn}",
                    c.original_icn.unwrap_or(""),
                    k.name
                ),
                "claim void" => format!("voided by 837P {}, claim {pcn}", k.name),
                _ => format!("accepted from 837P {}, claim {pcn}", k.name),
            };
            tx.audit(
                &k.actor
                    .entry(k.now, action, Some(icn.as_str()), "ok", Some(&detail)),
            )?;
            batch.accepted += 1;
            Ok(icn.into_boxed_str())
        }
        Err(reason) => {
            tx.audit(&k.actor.entry(
                k.now,
                "claim submit",
                Some(pcn),
                "refused",
                Some(&format!("837P {}: {reason}", k.name)),
            ))?;
            batch.refused += 1;
            Err(reason.into_boxed_str())
        }
    };
    batch.claims.push(Taken {
        patient_control_number: pcn.into(),
        set,
        member_id,
        outcome,
    });
    Ok(())
}

/// An 837P replacement (CLM05-3 = 7) or void (8) of the claim its REF*F8 names, as
/// `claim replace` and `claim void` do it: the ICN of the replacement, or of the claim
/// voided; or why the claim is refused.
fn correct_claim(
    k: &Taking<'_, '_>,
    reads: &mut edits::Reads,
    c: &Claim837<'_>,
    claim: &crate::domain::claims::ClaimInput,
) -> Result<std::result::Result<String, String>> {
    let tx = k.tx;
    // The claim named may be one of this batch's, held: written before it is looked up.
    reads.flush(tx)?;
    let (what, does) = match c.frequency_code {
        "7" => ("replacement", "replaces"),
        _ => ("void", "voids"),
    };
    let named = c.original_icn.map(str::trim).unwrap_or("");
    if named.is_empty() {
        return Ok(Err(format!(
            "claim frequency {} ({what}) needs REF*F8 with the ICN of the claim it {does}; the claim has none",
            c.frequency_code
        )));
    }
    let found = match Icn::parse("REF*F8", named) {
        Ok(icn) => tx
            .claim_by_icn(&icn)?
            .filter(|o| &o.provider_id == k.provider_id),
        Err(_) => None,
    };
    let Some(orig) = found else {
        return Ok(Err(format!(
            "REF*F8 names claim {named}, which is not a claim of provider {} (no such ICN)",
            k.provider_id
        )));
    };
    if c.frequency_code == "7" {
        return Ok(
            match replace_one(
                tx,
                reads,
                &k.actor.user_name,
                k.provider_id,
                k.today,
                k.now,
                ClaimType::X12Professional,
                &orig,
                claim,
            )? {
                Ok(done) => Ok(done.icn),
                Err(r) => Err(r.reason),
            },
        );
    }
    if !k.actor.has(Role::ClaimVoid) {
        return Ok(Err(format!(
            "voiding claim {} needs the Claim Void role, which {} does not have",
            orig.icn, k.actor.user_name
        )));
    }
    let o = original(&orig, None);
    if let Err(r) = voidable(&o, k.today).and_then(|()| same_parties(&o, claim, "void")) {
        return Ok(Err(r.reason));
    }
    void_stored(tx, &orig, k.today, k.now, &k.actor.user_name, None)?;
    reads.forget_member(orig.member_id);
    Ok(Ok(orig.icn.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{render, wrap_prose};

    fn batch(claims: usize, last_reason: &str) -> Batch {
        let hid = |s: &str| HealthId::parse("member_id", s).ok();
        let mut b = Batch {
            name: "batch.837".into(),
            sets: vec!["0001".into(), "0002".into()],
            ..Batch::default()
        };
        for k in 0..claims {
            let refused = k % 3 == 1 || k + 1 == claims;
            b.claims.push(Taken {
                patient_control_number: format!("PCN,{k}\"").into(),
                set: (k % 2) as u32,
                member_id: if k % 4 == 3 { None } else { hid("OC100001") },
                outcome: if refused {
                    Err(if k + 1 == claims {
                        last_reason.into()
                    } else {
                        format!("line 1: member OC10000{k} is not known; see `mmis elig check`")
                            .into()
                    })
                } else {
                    Ok(format!("22260750000{k:02}").into())
                },
            });
            if refused {
                b.refused += 1;
            } else {
                b.accepted += 1;
            }
        }
        b
    }

    fn with_ack_and_a_rejected_set(mut b: Batch) -> Batch {
        b.rejected_sets.push(SetProblem {
            transaction_control_number: "0003".into(),
            error: "segment 40 (DTP): date of service \"20260231\" is not a D8 date".into(),
        });
        b.ack = Some("batch.999".into());
        b.ack_line = Some("999 acknowledgment written to batch.999\n".into());
        b
    }

    /// The batch as `Output::record_with` would have it: one JSON value and its human text.
    fn as_record(b: &Batch) -> Output {
        let mut human = String::new();
        b.human_lines(&mut |l| {
            human.push_str(l);
            Ok(())
        })
        .unwrap();
        Output::record_with(b.view(0..b.claims.len()), human)
    }

    /// A batch written item by item reads exactly as the record it stands for, in every
    /// format: JSON, NDJSON, CSV (one row per claim) and the text for a person.
    #[test]
    fn a_streamed_batch_prints_as_its_record_would() {
        let cases: Vec<fn() -> Batch> = vec![
            || batch(0, ""),
            || batch(1, "a reason"),
            || batch(7, "the last reason ends in spaces   "),
            || with_ack_and_a_rejected_set(batch(0, "")),
            || with_ack_and_a_rejected_set(batch(5, "no ICN, \"quoted\", with a\nline break")),
        ];
        for (n, make) in cases.iter().enumerate() {
            for format in [Format::Json, Format::Ndjson, Format::Csv, Format::Table] {
                let mut whole = Vec::new();
                render(&as_record(&make()), format, &mut whole).unwrap();
                let mut streamed = Vec::new();
                render(&Output::Streamed(Box::new(make())), format, &mut streamed).unwrap();
                assert_eq!(
                    String::from_utf8(streamed).unwrap(),
                    String::from_utf8(whole).unwrap(),
                    "case {n}, {format:?}"
                );
            }
        }
        // The JSON keeps the record's shape.
        let mut out = Vec::new();
        render(
            &Output::Streamed(Box::new(with_ack_and_a_rejected_set(batch(2, "r")))),
            Format::Json,
            &mut out,
        )
        .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            ["accepted", "refused", "claims", "rejected_sets", "ack"]
        );
        assert_eq!(v["claims"][0]["icn"], "2226075000000");
        assert_eq!(v["claims"][1]["status"], "refused");
        assert_eq!(v["claims"][1]["category_code"], "A7");
        assert_eq!(v["claims"][1]["transaction_control_number"], "0002");
    }

    /// The text for a person is wrapped line by line: the same as wrapping it whole.
    #[test]
    fn human_text_wraps_the_same_line_by_line() {
        let b = with_ack_and_a_rejected_set(batch(
            6,
            "a long reason that goes on and on past the width",
        ));
        let mut whole = String::new();
        let mut by_line = String::new();
        b.human_lines(&mut |l| {
            whole.push_str(l);
            by_line.push_str(&wrap_prose(l, 30));
            Ok(())
        })
        .unwrap();
        assert_eq!(by_line, wrap_prose(&whole, 30));
        assert!(by_line.lines().count() > whole.lines().count());
    }
}
