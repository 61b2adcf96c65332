//! `ops pa decide PA (--approve [--units N] | --deny --reason S)`: the agency's decision.

use crate::auth;
use crate::cli::ops::DecideArgs;
use crate::context::Context;
use crate::domain::claims::{approval_action, PaNumber, PaStatus};
use crate::error::{Error, Result};
use crate::output::Output;

pub fn cmd_ops_pa_decide(ctx: &Context, args: &DecideArgs) -> Result<Output> {
    let number = PaNumber::parse("PA number", &args.pa_number)?;
    let reason = args
        .reason
        .as_ref()
        .map(|r| r.trim().to_string())
        .filter(|r| !r.is_empty());
    if args.deny && reason.is_none() {
        return Err(Error::invalid("--reason: say why the PA is denied"));
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsPaDecide)?;
    let pa = tx
        .pa_by_number(&number)?
        .ok_or_else(|| Error::not_found(format!("no prior authorization {number}")))?;
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    if pa.status != PaStatus::Pending {
        let err = Error::conflict(format!(
            "prior authorization {number} was already decided: it is {} (278 {})",
            pa.status, pa.action_code
        ))
        .hint("a decided PA stays as it is; the provider submits a new request");
        tx.audit(&actor.entry(
            &now,
            "ops pa decide",
            Some(number.as_str()),
            "refused",
            Some(&err.message),
        ))?;
        tx.commit()?;
        return Err(err);
    }
    let (status, code, units) = if args.approve {
        let units = args.units.unwrap_or(pa.requested_units);
        if units < 1 || units > pa.requested_units {
            return Err(Error::invalid(format!(
                "--units: approve from 1 to the {} unit(s) requested, got {units}",
                pa.requested_units
            )));
        }
        (
            PaStatus::Approved,
            approval_action(pa.requested_units, units),
            Some(units),
        )
    } else {
        (PaStatus::Denied, "A3", None)
    };
    tx.decide_pa(
        pa.id,
        status,
        code,
        units,
        reason.as_deref(),
        today,
        &actor.user_name,
    )?;
    let detail = match units {
        Some(u) => format!("{status} ({code}), {u} of {} units", pa.requested_units),
        None => format!("{status} ({code}): {}", reason.clone().unwrap_or_default()),
    };
    tx.audit(&actor.entry(
        &now,
        "ops pa decide",
        Some(number.as_str()),
        "ok",
        Some(&detail),
    ))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({
            "pa_number": number.as_str(),
            "status": status.as_str(),
            "action_code": code,
            "approved_units": units.unwrap_or(0),
            "requested_units": pa.requested_units,
            "reason": reason,
        }),
        format!("Prior authorization {number}: {detail}."),
    ))
}
