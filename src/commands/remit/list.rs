//! `remit list`: the signed-in provider's remittance advices, newest first.

use crate::auth;
use crate::commands::claim::{money, money_rows};
use crate::context::Context;
use crate::error::Result;
use crate::output::Output;
use serde::Serialize;

#[derive(Serialize)]
pub struct RemitListRow {
    pub remit_id: String,
    pub cycle: i64,
    pub provider_id: String,
    pub issued_on: String,
    pub paid_amount: f64,
    pub claims: i64,
}

pub fn cmd_remit_list(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::RemitList)?;
    let provider_id = actor.provider()?.clone();
    let rows: Vec<RemitListRow> = tx
        .remits_of_provider(&provider_id)?
        .into_iter()
        .map(|r| RemitListRow {
            remit_id: r.remit_id,
            cycle: r.cycle,
            provider_id: r.provider_id.to_string(),
            issued_on: r.issued_on.to_string(),
            paid_amount: money(r.paid_amount),
            claims: r.claim_count,
        })
        .collect();
    let now = ctx.clock.now_str();
    let detail = format!("{} found", rows.len());
    let entry = actor.entry(&now, "remit list", None, "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    Ok(money_rows(
        &rows,
        vec![
            "remit_id",
            "cycle",
            "provider_id",
            "issued_on",
            "paid_amount",
            "claims",
        ],
    ))
}
