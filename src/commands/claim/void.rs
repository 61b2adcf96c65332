//! `claim void ICN` (Claim Void role): a paid claim is voided and its payment recouped in
//! the next payment cycle; an accepted claim not yet adjudicated is withdrawn.

use super::{find_claim, money};
use crate::auth;
use crate::cli::claims::IcnArgs;
use crate::context::Context;
use crate::domain::claims::{timely_limit, ClaimStatus, TIMELY_FILING_MONTHS};
use crate::error::{Error, Result};
use crate::output::Output;
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

pub fn cmd_claim_void(ctx: &Context, args: &IcnArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimVoid)?;
    let provider_id = actor.provider()?.to_string();
    let c = find_claim(&tx, &provider_id, &args.icn)?;
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    let status = ClaimStatus::parse(&c.status)?;
    let refusal = match status {
        ClaimStatus::Denied => Some(
            Error::conflict(format!(
                "claim {} was denied; a denied claim cannot be voided",
                c.icn
            ))
            .hint("correct what was denied and submit a new claim (`mmis claim submit`)"),
        ),
        ClaimStatus::Voided => Some(
            Error::conflict(format!("claim {} is already voided", c.icn))
                .hint(format!("`mmis claim status {}` shows its history", c.icn)),
        ),
        _ if c.first_dos.as_str() < timely_limit(today).to_string().as_str() => Some(
            Error::conflict(format!(
                "claim {} has a date of service ({}) more than {TIMELY_FILING_MONTHS} months before today ({today}); it cannot be voided on the portal",
                c.icn, c.first_dos
            ))
            .hint("send OHA a paper Individual Adjustment Request for it"),
        ),
        _ => None,
    };
    if let Some(err) = refusal {
        tx.audit(&actor.entry(
            &now,
            "claim void",
            Some(&c.icn),
            "refused",
            Some(&err.message),
        ))?;
        tx.commit()?;
        return Err(err);
    }
    let recoup = status == ClaimStatus::Paid && c.paid_amount > 0;
    tx.void_claim(c.id, recoup)?;
    let returned = tx.return_pa_units(c.id, &today.to_string())?;
    let note = if status == ClaimStatus::Paid {
        format!(
            "voided; {} to be recouped in the next payment cycle",
            crate::domain::ids::Cents(c.paid_amount)
        )
    } else {
        "withdrawn before adjudication (never paid)".to_string()
    };
    let v = ClaimStatus::Voided;
    tx.add_claim_history(
        c.id,
        &today.to_string(),
        &now,
        v.as_str(),
        v.category_code(),
        &actor.user_name,
        Some(&note),
    )?;
    tx.audit(&actor.entry(&now, "claim void", Some(&c.icn), "ok", Some(&note)))?;
    tx.commit()?;
    let view = VoidView {
        icn: c.icn.clone(),
        status: v.as_str().into(),
        category_code: v.category_code().into(),
        previous_status: c.status.clone(),
        to_recoup: if recoup { money(c.paid_amount) } else { 0.0 },
        pa_units_returned: returned,
    };
    let human = format!("Claim {} {note}.", c.icn);
    Ok(Output::record_with(view, human))
}
