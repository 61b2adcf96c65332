//! `claim submit --x12 FILE.837 [--ack FILE.999]`: an 837P batch, each claim through the
//! same edits as a keyed claim, answered with a 999 and a per-claim result. Exit 0 once
//! the file is read; exit 6 only for a file whose envelopes or counts are broken (or that
//! is not an 837P). A refused file stores nothing, and its acknowledgment says so: a TA1
//! rejecting the interchange, or a 999 rejecting every set (see `x12::ack::acknowledge`).

use super::edits;
use super::submit::submit_one;
use crate::auth;
use crate::auth::Actor;
use crate::context::Context;
use crate::domain::claims::{parse_claim, ClaimType, RawClaim, RawLine};
use crate::domain::roles::Role;
use crate::error::{Error, Result};
use crate::output::{files, Output};
use crate::store::Tx;
use crate::x12::ack::{
    acknowledge, unnamed, AckKind, Acknowledgment, Expected, SegmentNote, SetAck,
};
use crate::x12::claims::{read_837p_set, Claim837, X222};
use crate::x12::{check_transaction_version, split_interchanges, Envelope, Interchange};
use serde::Serialize;
use std::path::Path;

#[derive(Serialize)]
pub struct ClaimResult {
    pub patient_control_number: String,
    pub icn: Option<String>,
    /// `accepted` or `refused`.
    pub status: String,
    /// 277 category: A2 accepted into adjudication, A7 rejected for invalid information.
    pub category_code: String,
    pub reason: Option<String>,
    pub member_id: Option<String>,
    pub transaction_control_number: String,
}

#[derive(Serialize)]
pub struct SetProblem {
    pub transaction_control_number: String,
    pub error: String,
}

#[derive(Serialize)]
pub struct BatchView {
    pub accepted: usize,
    pub refused: usize,
    pub claims: Vec<ClaimResult>,
    /// Transaction sets that could not be read (reported in the 999, IK5 R).
    pub rejected_sets: Vec<SetProblem>,
    pub ack: Option<String>,
}

/// Turns one 837P claim into the raw form the edits read; a claim the portal cannot
/// take at all (a void or replacement, minutes, another code set) is refused here.
pub fn raw_from_837(c: &Claim837<'_>) -> std::result::Result<RawClaim, String> {
    match c.frequency_code {
        "" | "1" => {}
        "7" | "8" => {
            return Err(format!(
                "claim frequency {} (replacement or void) is not taken in a batch: void the original with `mmis claim void ICN` and send a new claim",
                c.frequency_code
            ))
        }
        other => return Err(format!("claim frequency code {other:?} is not 1 (original)")),
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
fn ack_envelope(ctx: &Context, ic: &Interchange<'_>, text: &str, control: u32) -> Envelope {
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

pub fn submit_x12(ctx: &Context, file: &Path, ack: Option<&Path>) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimSubmit)?;
    let now = ctx.clock.now_str();
    if !actor.has(Role::TradeFiles) {
        let err = Error::denied(format!(
            "`mmis claim submit --x12` needs the Trade Files role (as well as Claim Submission) for provider {}; {} does not have it",
            actor.provider_id.as_deref().unwrap_or("-"),
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
    let provider_id = actor.provider()?.to_string();
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
                Interchange::parse_lenient(text)
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
    let today = ctx.clock.today();
    let mut results = Vec::new();
    let mut rejected_sets = Vec::new();
    // The file was taken: each 999 accepts the sets that were read (their claims' own
    // refusals are in the results) and rejects those that were not.
    let mut written: Vec<Acknowledgment> = Vec::new();
    // Progress (a terminal only): claims taken in, out of the file's CLM segments.
    let progress = ctx.progress(
        ics.iter()
            .flat_map(|(ic, _)| ic.groups.iter())
            .flat_map(|g| g.transactions.iter())
            .map(|t| t.segments.iter().filter(|s| s.id() == "CLM").count() as u64)
            .sum(),
        "taking in claims",
    );
    let mut ack_text = String::new();
    for (n, ((ic, _), env)) in ics.iter().zip(&envs).enumerate() {
        let acks = take_interchange(
            &tx,
            &actor,
            &provider_id,
            today,
            &now,
            &name,
            ic,
            &mut results,
            &mut rejected_sets,
            &progress,
        )?;
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
    if let (Some(path), false) = (ack, written.is_empty()) {
        ack_file = Some(write_ack(path, &ack_text)?);
    }
    let accepted = results.iter().filter(|r| r.status == "accepted").count();
    let refused = results.len() - accepted;
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
    tx.commit()?;
    if let Some(f) = ack_file {
        f.persist()?;
    }
    let mut human = format!("837P {name}: {accepted} claim(s) accepted, {refused} refused.\n");
    for r in &results {
        match &r.icn {
            Some(icn) => human.push_str(&format!(
                "  {}  accepted  ICN {icn}\n",
                r.patient_control_number
            )),
            None => human.push_str(&format!(
                "  {}  refused   {}\n",
                r.patient_control_number,
                r.reason.as_deref().unwrap_or("")
            )),
        }
    }
    for s in &rejected_sets {
        human.push_str(&format!(
            "  transaction set {} could not be read: {}\n",
            s.transaction_control_number, s.error
        ));
    }
    if ack.is_some_and(files::is_stdout) {
        // `--ack -`: the acknowledgment is the result on stdout; the summary goes to stderr.
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
        human.push_str(&format!(
            "{} acknowledgment{} written to {}\n",
            kinds.join("/"),
            if written.len() > 1 { "s" } else { "" },
            p.display()
        ));
    }
    Ok(Output::record_with(
        BatchView {
            accepted,
            refused,
            claims: results,
            rejected_sets,
            ack: ack
                .filter(|_| !written.is_empty())
                .map(|p| p.display().to_string()),
        },
        human,
    ))
}

/// Takes the claims of one interchange (already checked: no envelope fault, an 837P):
/// each through the edits, stored or refused and audited. Returns what its 999 says of
/// each transaction set that could not be read.
#[allow(clippy::too_many_arguments)]
fn take_interchange(
    tx: &Tx<'_>,
    actor: &Actor,
    provider_id: &str,
    today: chrono::NaiveDate,
    now: &str,
    name: &str,
    ic: &Interchange<'_>,
    results: &mut Vec<ClaimResult>,
    rejected_sets: &mut Vec<SetProblem>,
    progress: &crate::output::term::Progress,
) -> Result<Vec<SetAck>> {
    let mut acks = Vec::new();
    for (gi, g) in ic.groups.iter().enumerate() {
        for (ti, t) in g.transactions.iter().enumerate() {
            let claims = match read_837p_set(gi, ti, t) {
                Ok(c) => c,
                Err(e) => {
                    acks.push(SetAck {
                        group_index: gi,
                        transaction_index: ti,
                        status: None,
                        notes: vec![SegmentNote::from_error(&e, t, "8")],
                    });
                    rejected_sets.push(SetProblem {
                        transaction_control_number: t.control_number.to_string(),
                        error: e.to_string(),
                    });
                    continue;
                }
            };
            for c in &claims {
                progress.inc(1);
                let pcn = c.patient_control_number.to_string();
                let raw = raw_from_837(c);
                let parsed = raw.and_then(|r| parse_claim(&r).map_err(|p| p.join("; ")));
                let party = match &parsed {
                    Ok(_) => None,
                    Err(_) => edits::party_edit(
                        tx,
                        provider_id,
                        c.billing_provider.npi.unwrap_or(""),
                        c.subscriber.member_id.unwrap_or(""),
                    )?,
                };
                let outcome = match &parsed {
                    Err(reason) => Err(party.map(|r| r.reason).unwrap_or_else(|| reason.clone())),
                    Ok(claim) => match submit_one(
                        tx,
                        actor,
                        provider_id,
                        today,
                        now,
                        ClaimType::X12Professional,
                        claim,
                    )? {
                        Ok(icn) => Ok(icn),
                        Err(r) => Err(r.reason),
                    },
                };
                let member_id = parsed.as_ref().ok().map(|c| c.member_id.to_string());
                match outcome {
                    Ok(icn) => {
                        tx.audit(&actor.entry(
                            now,
                            "claim submit",
                            Some(&icn),
                            "ok",
                            Some(&format!("accepted from 837P {name}, claim {pcn}")),
                        ))?;
                        results.push(ClaimResult {
                            patient_control_number: pcn,
                            icn: Some(icn),
                            status: "accepted".into(),
                            category_code: "A2".into(),
                            reason: None,
                            member_id,
                            transaction_control_number: t.control_number.to_string(),
                        });
                    }
                    Err(reason) => {
                        tx.audit(&actor.entry(
                            now,
                            "claim submit",
                            Some(&pcn),
                            "refused",
                            Some(&format!("837P {name}: {reason}")),
                        ))?;
                        results.push(ClaimResult {
                            patient_control_number: pcn,
                            icn: None,
                            status: "refused".into(),
                            category_code: "A7".into(),
                            reason: Some(reason),
                            member_id,
                            transaction_control_number: t.control_number.to_string(),
                        });
                    }
                }
            }
        }
    }
    Ok(acks)
}
