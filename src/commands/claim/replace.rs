//! `claim replace ICN --form F` (Claim Submission role), and the 837P replacement
//! (CLM05-3 = 7, REF*F8 naming the original): a corrected claim replaces a paid one. The
//! replacement goes through the submission edits (the claim it replaces is no duplicate of
//! it, and the PA units it holds are the replacement's to take), is stored as a new
//! accepted claim that `replaces` the original, and the original is voided with the void
//! machinery: its payment is recouped in the next payment cycle, which prices the
//! replacement.

use super::edits::{self, Reads, Refusal, Replacing};
use super::find_claim;
use super::submit::read_form;
use super::void::{original, void_stored, Voided};
use crate::auth::{self, Actor};
use crate::cli::claims::ReplaceArgs;
use crate::context::Context;
use crate::domain::claims::{parse_claim, ClaimInput, ClaimStatus, ClaimType, Icn};
use crate::domain::edits::{replaceable, same_parties};
use crate::domain::ids::ProviderId;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::claims::ClaimRow;
use crate::store::Tx;
use chrono::NaiveDate;
use serde::Serialize;

/// `{"icn", "replaces", "status"}`: the replacement's ICN, the original's, and the
/// replacement's status (accepted).
#[derive(Serialize)]
pub struct ReplaceView {
    pub icn: String,
    pub replaces: String,
    pub status: String,
}

/// What a replacement did.
pub struct Replaced {
    /// The replacement's ICN.
    pub icn: String,
    /// What voiding the original did.
    pub voided: Voided,
}

/// Checks and stores a replacement of `original` (a claim of `provider_id`). `Ok(Err(..))`
/// is a refusal: nothing was stored. `reads` forgets the member's live claims after it.
#[allow(clippy::too_many_arguments)]
pub fn replace_one(
    tx: &Tx<'_>,
    reads: &mut Reads,
    actor: &str,
    provider_id: &ProviderId,
    today: NaiveDate,
    now: &str,
    kind: ClaimType,
    orig: &ClaimRow,
    claim: &ClaimInput,
) -> Result<std::result::Result<Replaced, Refusal>> {
    let by = tx.replaced_by(orig.id)?;
    let o = original(orig, by.as_ref());
    if let Err(r) = replaceable(&o, today) {
        return Ok(Err(r));
    }
    if let Err(r) = same_parties(&o, claim, "replacement") {
        return Ok(Err(r));
    }
    let replacing = Replacing {
        icn: orig.icn.as_str(),
        claim_id: orig.id,
    };
    let passed = match edits::run_replacing(tx, reads, provider_id, today, claim, Some(replacing))?
    {
        Ok(p) => p,
        Err(r) => return Ok(Err(r)),
    };
    let icn = edits::accept_as(
        tx,
        provider_id,
        today,
        now,
        actor,
        kind,
        claim,
        &passed,
        Some(replacing),
    )?;
    let voided = void_stored(tx, orig, today, now, actor, Some(icn.as_str()))?;
    reads.forget_member(orig.member_id);
    Ok(Ok(Replaced {
        icn: icn.to_string(),
        voided,
    }))
}

pub fn cmd_claim_replace(ctx: &Context, args: &ReplaceArgs) -> Result<Output> {
    // The ICN's shape is checked before the form is asked for.
    Icn::parse("ICN", &args.icn)?;
    let raw = read_form(ctx, args.form.as_deref(), "Claim replacement")?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimReplace)?;
    let provider_id = actor.provider()?.clone();
    let orig = find_claim(&tx, &provider_id, &args.icn)?;
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    let claim = match parse_claim(&raw) {
        Ok(c) => c,
        Err(problems) => {
            let err = Error::invalid_fields("the replacement claim", &problems)
                .hint("correct the form and replace again");
            return refuse(tx, &actor, &now, orig.icn.as_str(), err);
        }
    };
    match replace_one(
        &tx,
        &mut Reads::direct(),
        &actor.user_name,
        &provider_id,
        today,
        &now,
        ClaimType::PortalProfessional,
        &orig,
        &claim,
    )? {
        Ok(done) => {
            let icn = done.icn;
            tx.audit(&actor.entry(
                &now,
                "claim replace",
                Some(orig.icn.as_str()),
                "ok",
                Some(&format!(
                    "replaced by claim {icn}; member {}",
                    claim.member_id
                )),
            ))?;
            tx.commit()?;
            let recoup = if done.voided.recoup {
                format!(
                    "; its payment of {} is recouped in the next payment cycle",
                    orig.paid_amount
                )
            } else {
                String::new()
            };
            let human = format!(
                "Claim {icn} accepted into adjudication (A2) as the replacement of claim {orig}.\n  Claim {orig} is voided{recoup}.\n  PA units returned: {units}.\nFollow it with `mmis claim status {icn}`.",
                orig = orig.icn,
                units = done.voided.pa_units_returned,
            );
            let view = ReplaceView {
                icn,
                replaces: orig.icn.to_string(),
                status: ClaimStatus::Accepted.as_str().into(),
            };
            Ok(Output::record_with(view, human))
        }
        Err(r) => refuse(tx, &actor, &now, orig.icn.as_str(), r.into_error()),
    }
}

/// Records the refusal in the audit log (nothing else is stored) and returns the error.
fn refuse(tx: Tx<'_>, actor: &Actor, now: &str, target: &str, err: Error) -> Result<Output> {
    let first = err.message.lines().collect::<Vec<_>>().join(" ");
    tx.audit(&actor.entry(now, "claim replace", Some(target), "refused", Some(&first)))?;
    tx.commit()?;
    Err(err.hint("nothing was stored"))
}
