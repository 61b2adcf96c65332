//! `ops claims adjudicate`: one payment cycle over every accepted claim.

use super::cycle_x12::Cycle835;
use crate::auth;
use crate::cli::ops::AdjudicateArgs;
use crate::commands::claim::money;
use crate::context::Context;
use crate::domain::claims::{price_line, ClaimStatus, Fee, FeeSchedule, LineOutcome};
use crate::domain::ids::{Cents, ProviderId};
use crate::domain::remit::{
    remit_payment, remit_reversal, settle, ClaimFacts, ClpStatus, PricedLine, RemitClaim,
};
use crate::error::{Error, Result};
use crate::output::files::OutFile;
use crate::output::Output;
use crate::store::claims::{push_line_outcome, CycleRow, LineOutcomeRow};
use crate::store::remits::ClaimResult;
use crate::store::Tx;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Claims read (and written) at a time.
const SLICE: i64 = 2000;
/// The page cache of a payment cycle, MiB.
const CYCLE_CACHE_MIB: u32 = 24;

/// The remittances a cycle is making, one per provider with activity: only their running
/// totals are held, each claim is saved as it is made.
#[derive(Default)]
struct Remits {
    open: BTreeMap<ProviderId, OpenRemit>,
    /// Claims made since the last save: (remittance row, seq, claim).
    unsaved: Vec<(i64, i64, RemitClaim)>,
    /// The remittances' 835s, when the cycle writes them (`--x12-dir`).
    x12: Option<Cycle835>,
}

struct OpenRemit {
    id: i64,
    remit_id: String,
    claims: i64,
    paid: Cents,
}

/// A remittance advice id: `RA` and at least 8 digits of the `remit` sequence.
pub fn remit_id_of(n: i64) -> String {
    format!("RA{n:08}")
}

impl Remits {
    /// Puts a claim on its provider's remittance (opened on its first claim).
    fn carry(
        &mut self,
        tx: &Tx<'_>,
        cycle: i64,
        today: NaiveDate,
        provider_id: &ProviderId,
        clp: RemitClaim,
    ) -> Result<()> {
        if !self.open.contains_key(provider_id) {
            let remit_id = remit_id_of(tx.next_sequence("remit")?);
            let id = tx.open_remit(&remit_id, cycle, provider_id, today)?;
            if let Some(x12) = self.x12.as_mut() {
                x12.open_remit(tx, id, &remit_id, provider_id.as_str())?;
            }
            self.open.insert(
                provider_id.clone(),
                OpenRemit {
                    id,
                    remit_id,
                    claims: 0,
                    paid: Cents(0),
                },
            );
        }
        let r = self
            .open
            .get_mut(provider_id)
            .ok_or_else(|| Error::internal("a remittance went missing"))?;
        r.claims += 1;
        r.paid = Cents(add_cents(r.paid.0, clp.paid.0)?);
        self.unsaved.push((r.id, r.claims, clp));
        Ok(())
    }

    /// Saves the claims made since the last save.
    fn save(&mut self, tx: &Tx<'_>) -> Result<()> {
        if let Some(x12) = self.x12.as_mut() {
            x12.write_claims(tx, &self.unsaved)?;
        }
        tx.save_remit_claims(&self.unsaved)?;
        self.unsaved.clear();
        Ok(())
    }

    /// Settles every remittance (BPR02, the forward balance PLB); how many were made, and
    /// their 835s (written, to be put in place after the commit) when the cycle writes them.
    fn close(mut self, tx: &Tx<'_>) -> Result<(i64, Vec<OutFile>)> {
        self.save(tx)?;
        let n = self.open.len() as i64;
        let mut settled = BTreeMap::new();
        for (provider_id, r) in self.open {
            let owed = tx.provider_owed(&provider_id)?;
            let s = settle(r.paid, owed, &r.remit_id)?;
            tx.close_remit(r.id, r.claims, &s)?;
            settled.insert(r.id, s);
        }
        let files = match self.x12 {
            Some(x12) => x12.finish(&settled)?,
            None => Vec::new(),
        };
        Ok((n, files))
    }
}

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
    /// Remittance advices made (one per provider with activity).
    pub remits: i64,
    /// The 835s written (`--x12-dir`), one per remittance advice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub x12_files: Vec<String>,
}

pub fn cmd_ops_claims_adjudicate(ctx: &Context, args: &AdjudicateArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    // Each multi-row UPDATE and INSERT copies the pages it changes into a statement journal
    // first: in memory, not a temporary file (SQLite only; fixed when the transaction
    // begins; a journal lives until its statement of at most 200 rows ends).
    store.journals_in_memory()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsClaimsAdjudicate)?;
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    let cycle = tx.start_cycle(today, &now, &actor.user_name)?;
    let schedule = FeeSchedule::new(
        tx.fee_schedule()?
            .into_iter()
            .map(|f| Fee {
                procedure_code: f.procedure_code,
                modifier: f.modifier,
                description: f.description,
                max_allowable: f.max_allowable,
                pa_required: f.pa_required,
            })
            .collect(),
    );
    // Accepted claims are read a slice at a time (memory stays bounded whatever the cycle's
    // size); each claim is priced, put on its provider's remittance and saved before the next.
    let pending = tx.pending_claim_count()?;
    let progress = ctx.progress(pending.max(0) as u64, "payment cycle: pricing claims");
    let mut totals = CycleRow {
        id: cycle,
        run_on: today,
        paid_claims: 0,
        denied_claims: 0,
        paid_amount: Cents(0),
        recouped_claims: 0,
        recouped: Cents(0),
    };
    let mut remits = Remits::default();
    if let Some(dir) = &args.x12_dir {
        remits.x12 = Some(Cycle835::open(dir, today, ctx.clock.now().time())?);
    }
    let paid_note = format!("paid in payment cycle {cycle}");
    let denied_note =
        format!("denied in payment cycle {cycle}: no line is on the fee schedule (CARC 96)");
    // A cycle updates index entries all over the store (a claim's status is in three
    // indexes): with SQLite's default 2 MiB page cache, pages spill to the WAL again and
    // again. A bigger cache for this connection (SQLite only), within the 64 MiB budget.
    tx.cache_mib(CYCLE_CACHE_MIB)?;
    let mut history: Vec<(i64, ClaimStatus, &str)> = Vec::new();
    let mut claim_results: Vec<ClaimResult> = Vec::new();
    let mut after = 0i64;
    loop {
        let lines = tx.pending_lines_after(after, SLICE)?;
        let Some(last) = lines.last() else { break };
        after = last.claim_id;
        let mut i = 0;
        while i < lines.len() {
            let first = &lines[i];
            let claim_id = first.claim_id;
            let mut facts = ClaimFacts {
                claim_id,
                icn: first.icn.to_string(),
                lines: Vec::new(),
            };
            let provider_id = &first.provider_id;
            let mut outcomes = String::new();
            while i < lines.len() && lines[i].claim_id == claim_id {
                let l = &lines[i];
                let mods = crate::commands::claim::modifiers_of(&l.modifiers);
                let outcome = price_line(&schedule, &l.procedure_code, &mods, l.units, l.charge);
                let (allowed, carc) = match outcome {
                    LineOutcome::Paid { allowed: a } => {
                        push_line_outcome(&mut outcomes, LineOutcomeRow::Paid(a));
                        (a, None)
                    }
                    LineOutcome::Denied { carc } => {
                        push_line_outcome(&mut outcomes, LineOutcomeRow::Denied(carc));
                        (Cents(0), Some(carc.to_string()))
                    }
                };
                facts.lines.push(PricedLine {
                    line_no: l.line_no,
                    procedure_code: l.procedure_code.clone(),
                    modifiers: l.modifiers.clone(),
                    date_of_service: l.date_of_service,
                    units: l.units,
                    charge: l.charge,
                    allowed,
                    paid: allowed,
                    carc,
                });
                i += 1;
            }
            let clp = remit_payment(&facts)?;
            let (st, note) = if clp.status == ClpStatus::Processed {
                totals.paid_claims += 1;
                totals.paid_amount = Cents(add_cents(totals.paid_amount.0, clp.paid.0)?);
                (ClaimStatus::Paid, paid_note.as_str())
            } else {
                totals.denied_claims += 1;
                tx.return_pa_units(claim_id, today)?;
                (ClaimStatus::Denied, denied_note.as_str())
            };
            claim_results.push(ClaimResult {
                claim_id,
                status: st,
                allowed: clp.allowed,
                paid: clp.paid,
                line_outcomes: outcomes,
            });
            history.push((claim_id, st, note));
            remits.carry(&tx, cycle, today, provider_id, clp)?;
            progress.inc(1);
        }
        // The slice's outcomes, a few statements for 2,000 claims (not one per row).
        tx.finish_claims(&claim_results, cycle)?;
        claim_results.clear();
        remits.save(&tx)?;
        tx.add_claim_histories(today, &now, &actor.user_name, &history)?;
        history.clear();
    }
    // Voided (and replaced) claims paid earlier: their payment is reversed (CLP02 22) on this
    // cycle's remittance of their provider.
    let mut after = 0i64;
    loop {
        let recoups = tx.recoups_after(after, SLICE)?;
        let Some(last) = recoups.last() else { break };
        after = last.claim_id;
        let v = ClaimStatus::Voided;
        let notes: Vec<String> = recoups
            .iter()
            .map(|r| format!("{} recouped in payment cycle {cycle}", r.paid_amount))
            .collect();
        for r in &recoups {
            let clp = remit_reversal(&tx.priced_claim(r.claim_id, &r.icn)?)?;
            totals.recouped_claims += 1;
            totals.recouped = Cents(add_cents(totals.recouped.0, r.paid_amount.0)?);
            remits.carry(&tx, cycle, today, &r.provider_id, clp)?;
        }
        let ids: Vec<i64> = recoups.iter().map(|r| r.claim_id).collect();
        tx.mark_recouped(&ids, cycle)?;
        let entries: Vec<(i64, ClaimStatus, &str)> = recoups
            .iter()
            .zip(&notes)
            .map(|(r, n)| (r.claim_id, v, n.as_str()))
            .collect();
        tx.add_claim_histories(today, &now, &actor.user_name, &entries)?;
        remits.save(&tx)?;
    }
    let (made, files) = remits.close(&tx)?;
    tx.close_cycle(&totals)?;
    let mut detail = format!(
        "paid {} claims ({}), denied {}, recouped {} claims ({}), {} remittance advices",
        totals.paid_claims,
        totals.paid_amount,
        totals.denied_claims,
        totals.recouped_claims,
        totals.recouped,
        made
    );
    if !files.is_empty() {
        detail.push_str(&format!(", {} written as 835 files", files.len()));
    }
    tx.audit(&actor.entry(
        &now,
        "ops claims adjudicate",
        Some(&format!("cycle {cycle}")),
        "ok",
        Some(&detail),
    ))?;
    tx.commit()?;
    let mut x12_files = Vec::with_capacity(files.len());
    for f in files {
        x12_files.push(f.target().display().to_string());
        f.persist()?;
    }
    let view = CycleView {
        cycle,
        run_on: today.to_string(),
        paid: totals.paid_claims,
        denied: totals.denied_claims,
        paid_amount: money(totals.paid_amount),
        recouped_claims: totals.recouped_claims,
        recouped: money(totals.recouped),
        net: money(Cents(totals.paid_amount.0 - totals.recouped.0)),
        remits: made,
        x12_files,
    };
    let mut human = format!("Payment cycle {cycle} ({}): {detail}.", view.run_on);
    if let Some(dir) = args.x12_dir.as_ref().filter(|_| !view.x12_files.is_empty()) {
        human.push_str(&format!(" The 835s are in {}.", dir.display()));
    }
    Ok(Output::record_with(view, human))
}

/// Sums of amounts are checked: a claim's lines are each at most `Cents::MAX` and a claim has
/// at most 50, so an `i64` cannot overflow on data mmis accepted; should it ever, the cycle
/// stops (and rolls back) rather than pay a wrapped amount.
fn add_cents(a: i64, b: i64) -> Result<i64> {
    a.checked_add(b)
        .ok_or_else(|| Error::internal("a payment cycle total overflows; nothing was paid"))
}
