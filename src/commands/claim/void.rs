//! `claim void ICN` (Claim Void role): a paid claim is voided and its payment recouped in
//! the next payment cycle; an accepted claim not yet adjudicated is withdrawn. The same
//! machinery voids the original of a replacement (`claim replace`, 837P CLM05-3 = 7) and
//! the claim an 837P void (CLM05-3 = 8) names.

use super::{find_claim, money};
use crate::auth;
use crate::cli::claims::IcnArgs;
use crate::context::Context;
use crate::domain::claims::{ClaimStatus, Icn};
use crate::domain::edits::{voidable, Original};
use crate::error::Result;
use crate::output::Output;
use crate::store::claims::ClaimRow;
use crate::store::Tx;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
pub struct VoidView {
    pub icn: String,
    pub status: String,
    pub category_code: String,
    pub previous_status: String,
    /// The amount to be taken back in the next payment cycle (0 for a withdrawn claim).
    pub to_recoup: f64,
    pub pa_units_returned: i64,
}

/// The claim as the correction rules see it.
pub fn original<'c>(c: &'c ClaimRow, replaced_by: Option<&'c Icn>) -> Original<'c> {
    Original {
        icn: &c.icn,
        status: c.status,
        member_id: &c.member_id,
        billing_npi: &c.billing_npi,
        first_dos: c.first_dos,
        replaced_by,
    }
}

/// What voiding a claim did.
pub struct Voided {
    /// Whether its payment is taken back in the next payment cycle.
    pub recoup: bool,
    pub pa_units_returned: i64,
    /// The history note (and audit detail).
    pub note: String,
}

/// Voids a stored claim (already checked by [`voidable`] or `replaceable`): a paid one is
/// recouped in the next payment cycle, its PA units are given back, its history says why.
pub fn void_stored(
    tx: &Tx<'_>,
    c: &ClaimRow,
    today: NaiveDate,
    now: &str,
    actor: &str,
    replaced_by: Option<&str>,
) -> Result<Voided> {
    let status = c.status;
    let recoup = status == ClaimStatus::Paid && c.paid_amount.0 > 0;
    tx.void_claim(c.id, recoup)?;
    let returned = tx.return_pa_units(c.id, today)?;
    let mut note = if status == ClaimStatus::Paid {
        format!(
            "voided; {} to be recouped in the next payment cycle",
            c.paid_amount
        )
    } else {
        "withdrawn before adjudication (never paid)".to_string()
    };
    if let Some(by) = replaced_by {
        note = format!("replaced by ICN {by}; {note}");
    }
    let v = ClaimStatus::Voided;
    tx.add_claim_history(c.id, today, now, v, actor, Some(&note))?;
    Ok(Voided {
        recoup,
        pa_units_returned: returned,
        note,
    })
}

pub fn cmd_claim_void(ctx: &Context, args: &IcnArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimVoid)?;
    let provider_id = actor.provider()?.clone();
    let c = find_claim(&tx, &provider_id, &args.icn)?;
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    if let Err(r) = voidable(&original(&c, None), today) {
        let err = r.into_error();
        tx.audit(&actor.entry(
            &now,
            "claim void",
            Some(c.icn.as_str()),
            "refused",
            Some(&err.message),
        ))?;
        tx.commit()?;
        return Err(err);
    }
    let done = void_stored(&tx, &c, today, &now, &actor.user_name, None)?;
    tx.audit(&actor.entry(
        &now,
        "claim void",
        Some(c.icn.as_str()),
        "ok",
        Some(&done.note),
    ))?;
    tx.commit()?;
    let v = ClaimStatus::Voided;
    let view = VoidView {
        icn: c.icn.to_string(),
        status: v.as_str().into(),
        category_code: v.category_code().into(),
        previous_status: c.status.to_string(),
        to_recoup: if done.recoup {
            money(c.paid_amount)
        } else {
            0.0
        },
        pa_units_returned: done.pa_units_returned,
    };
    let human = format!("Claim {} {}.", c.icn, done.note);
    Ok(Output::record_with(view, human))
}
