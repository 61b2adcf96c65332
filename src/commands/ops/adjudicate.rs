//! `ops claims adjudicate`: one payment cycle over every accepted claim.

use crate::auth;
use crate::commands::claim::money;
use crate::context::Context;
use crate::domain::claims::{price_line, ClaimStatus, Fee, FeeSchedule, LineOutcome};
use crate::domain::ids::Cents;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::claims::{CycleRow, LineResult};
use serde::Serialize;

#[derive(Serialize)]
pub struct CycleView {
    pub cycle: i64,
    pub run_on: String,
    /// Claims paid in this cycle.
    pub paid: i64,
    /// Claims denied in this cycle.
    pub denied: i64,
    pub paid_amount: f64,
    /// Voided claims whose payment this cycle took back.
    pub recouped_claims: i64,
    pub recouped: f64,
    pub net: f64,
}

pub fn cmd_ops_claims_adjudicate(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsClaimsAdjudicate)?;
    let today = ctx.clock.today().to_string();
    let now = ctx.clock.now_str();
    let cycle = tx.start_cycle(&today, &now, &actor.user_name)?;
    let schedule = FeeSchedule::new(
        tx.fee_schedule()?
            .into_iter()
            .map(|f| Fee {
                procedure_code: f.procedure_code,
                modifier: f.modifier,
                description: f.description,
                max_allowable: Cents(f.max_allowable),
                pa_required: f.pa_required,
            })
            .collect(),
    );
    let lines = tx.pending_lines()?;
    // Progress (a terminal only): claim lines priced.
    let progress = ctx.progress(lines.len() as u64, "payment cycle: pricing lines");
    let mut totals = CycleRow {
        id: cycle,
        run_on: today.clone(),
        paid_claims: 0,
        denied_claims: 0,
        paid_amount: 0,
        recouped_claims: 0,
        recouped: 0,
    };
    let paid_note = format!("paid in payment cycle {cycle}");
    let denied_note =
        format!("denied in payment cycle {cycle}: no line is on the fee schedule (CARC 96)");
    let mut i = 0;
    while i < lines.len() {
        let claim_id = lines[i].claim_id;
        let (mut allowed, mut paid, mut any_paid) = (0i64, 0i64, false);
        while i < lines.len() && lines[i].claim_id == claim_id {
            let l = &lines[i];
            let mods = crate::commands::claim::modifiers_of(&l.modifiers);
            let r = match price_line(
                &schedule,
                &l.procedure_code,
                &mods,
                l.units,
                Cents(l.charge),
            ) {
                LineOutcome::Paid { allowed: a } => {
                    any_paid = true;
                    allowed = add_cents(allowed, a.0)?;
                    paid = add_cents(paid, a.0)?;
                    LineResult {
                        claim_id,
                        line_no: l.line_no,
                        status: "paid",
                        allowed: a.0,
                        paid: a.0,
                        carc: None,
                    }
                }
                LineOutcome::Denied { carc } => LineResult {
                    claim_id,
                    line_no: l.line_no,
                    status: "denied",
                    allowed: 0,
                    paid: 0,
                    carc: Some(carc),
                },
            };
            tx.record_line(&r)?;
            progress.inc(1);
            i += 1;
        }
        let (st, note) = if any_paid {
            totals.paid_claims += 1;
            totals.paid_amount = add_cents(totals.paid_amount, paid)?;
            (ClaimStatus::Paid, paid_note.as_str())
        } else {
            totals.denied_claims += 1;
            tx.return_pa_units(claim_id, &today)?;
            (ClaimStatus::Denied, denied_note.as_str())
        };
        tx.finish_claim(claim_id, st.as_str(), allowed, paid, cycle)?;
        tx.add_claim_history(
            claim_id,
            &today,
            &now,
            st.as_str(),
            st.category_code(),
            &actor.user_name,
            Some(note),
        )?;
    }
    for (claim_id, amount) in tx.recoup_pending()? {
        tx.mark_recouped(claim_id, cycle)?;
        totals.recouped_claims += 1;
        totals.recouped = add_cents(totals.recouped, amount)?;
        let v = ClaimStatus::Voided;
        tx.add_claim_history(
            claim_id,
            &today,
            &now,
            v.as_str(),
            v.category_code(),
            &actor.user_name,
            Some(&format!(
                "{} recouped in payment cycle {cycle}",
                Cents(amount)
            )),
        )?;
    }
    tx.close_cycle(&totals)?;
    let detail = format!(
        "paid {} claims ({}), denied {}, recouped {} claims ({})",
        totals.paid_claims,
        Cents(totals.paid_amount),
        totals.denied_claims,
        totals.recouped_claims,
        Cents(totals.recouped)
    );
    tx.audit(&actor.entry(
        &now,
        "ops claims adjudicate",
        Some(&format!("cycle {cycle}")),
        "ok",
        Some(&detail),
    ))?;
    tx.commit()?;
    let view = CycleView {
        cycle,
        run_on: today,
        paid: totals.paid_claims,
        denied: totals.denied_claims,
        paid_amount: money(totals.paid_amount),
        recouped_claims: totals.recouped_claims,
        recouped: money(totals.recouped),
        net: money(totals.paid_amount - totals.recouped),
    };
    let human = format!("Payment cycle {cycle} ({}): {detail}.", view.run_on);
    Ok(Output::record_with(view, human))
}

/// Sums of amounts are checked: a claim's lines are each at most `Cents::MAX` and a claim has
/// at most 50, so an `i64` cannot overflow on data mmis accepted; should it ever, the cycle
/// stops (and rolls back) rather than pay a wrapped amount.
fn add_cents(a: i64, b: i64) -> Result<i64> {
    a.checked_add(b)
        .ok_or_else(|| Error::internal("a payment cycle total overflows; nothing was paid"))
}
