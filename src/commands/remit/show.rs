//! `remit show RA`: a remittance advice as a person reads it.

use super::{find_remit, CHUNK};
use crate::auth;
use crate::cli::remit::RemitArgs;
use crate::commands::claim::{modifiers_of, money};
use crate::context::Context;
use crate::domain::ids::Cents;
use crate::domain::remit::{
    carc_text, remit_payment, remit_reversal, Adjustment, ClaimFacts, ClpStatus, RemitClaim,
};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::remits::{RemitClaimRow, RemitRow};
use crate::store::Tx;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct AdjustmentView {
    pub group: String,
    pub carc: String,
    pub amount: f64,
    /// What the reason code means for the biller.
    pub text: String,
}

#[derive(Serialize)]
pub struct RemitLineView {
    pub line: i64,
    pub procedure_code: String,
    pub modifiers: Vec<String>,
    pub date_of_service: String,
    pub units: i64,
    pub billed: f64,
    pub allowed: f64,
    pub paid: f64,
    pub adjustments: Vec<AdjustmentView>,
}

#[derive(Serialize)]
pub struct RemitClaimView {
    pub icn: String,
    pub patient_control_number: Option<String>,
    pub member_id: String,
    pub member_name: String,
    /// paid, denied or reversed.
    pub status: String,
    /// CLP02: 1 processed as primary, 4 denied, 22 reversal of an earlier payment.
    pub status_code: String,
    pub billed: f64,
    pub allowed: f64,
    pub paid: f64,
    pub patient_responsibility: f64,
    /// Every adjustment of the claim (its own and its lines'), by group and reason.
    pub adjustments: Vec<AdjustmentView>,
    pub lines: Vec<RemitLineView>,
}

#[derive(Serialize)]
pub struct ProviderAdjustmentView {
    pub reason: String,
    pub reference: String,
    pub amount: f64,
    pub text: String,
}

#[derive(Serialize)]
pub struct RemitView {
    pub remit_id: String,
    pub cycle: i64,
    pub provider_id: String,
    pub issued_on: String,
    pub paid_amount: f64,
    /// CHK (check) or NON (nothing paid: the advice is a notification).
    pub payment_method: String,
    pub claims: Vec<RemitClaimView>,
    pub provider_adjustments: Vec<ProviderAdjustmentView>,
}

fn adj_view(a: &Adjustment) -> AdjustmentView {
    AdjustmentView {
        group: a.group.clone(),
        carc: a.carc.clone(),
        amount: money(a.amount),
        text: carc_text(&a.carc).to_string(),
    }
}

/// What a PLB reason means.
pub fn plb_text(reason: &str) -> &'static str {
    match reason {
        "FB" => "Forward balance: reversals above this cycle's payments, carried (negative) or collected (positive)",
        _ => "Provider-level adjustment",
    }
}

/// Calls `f` for each claim of a remittance, a slice at a time: the CLP as stored and the
/// claim as the remittance rules make it (`domain::remit`) from the claim's priced lines —
/// its SVCs and CASes. The two must agree (status, billed, paid, patient responsibility): a
/// claim whose lines or outcomes were changed outside mmis is refused (exit 7) rather than
/// printed with other figures.
pub fn each_claim(
    tx: &Tx<'_>,
    remit: &RemitRow,
    mut f: impl FnMut(RemitClaimRow, RemitClaim) -> Result<()>,
) -> Result<()> {
    let mut after = 0;
    loop {
        let claims = tx.remit_claims_after(remit.id, after, CHUNK)?;
        let Some(last) = claims.last() else {
            return Ok(());
        };
        after = last.seq;
        let mut lines = tx
            .remit_claim_lines_of(remit.id, &claims)?
            .into_iter()
            .peekable();
        for c in claims {
            let mut facts = ClaimFacts {
                claim_id: c.head.claim_id,
                icn: c.icn.to_string(),
                lines: Vec::new(),
            };
            while let Some((_, l)) = lines.next_if(|(seq, _)| *seq == c.seq) {
                facts.lines.push(l);
            }
            let made = match ClpStatus::parse(&c.status_code) {
                Some(ClpStatus::Reversal) => remit_reversal(&facts)?,
                _ => remit_payment(&facts)?,
            };
            if (made.billed, made.paid) != (c.billed, c.paid) {
                return Err(Error::conflict(format!(
                    "remittance {}: the lines of claim {} add up to {} billed and {} paid, \
                     not the {} and {} its CLP carries (the store was changed outside mmis)",
                    remit.remit_id, c.icn, made.billed, made.paid, c.billed, c.paid
                ))
                .hint("run `mmis audit verify`, and restore the store from a backup"));
            }
            if made.status.code() != c.status_code || made.patient_responsibility != c.patient_resp
            {
                return Err(Error::conflict(format!(
                    "remittance {}: claim {} is stored as CLP02 {} with {} patient \
                     responsibility, not the {} and {} its lines make (the store was changed \
                     outside mmis)",
                    remit.remit_id,
                    c.icn,
                    c.status_code,
                    c.patient_resp,
                    made.status.code(),
                    made.patient_responsibility
                ))
                .hint("run `mmis audit verify`, and restore the store from a backup"));
            }
            f(c, made)?;
        }
    }
}

pub fn remit_view(tx: &Tx<'_>, r: &RemitRow) -> Result<RemitView> {
    let mut claims = Vec::new();
    each_claim(tx, r, |c, made| {
        let status = made.status.word();
        // The claim's adjustments, summed by group and reason (its own and its lines').
        let mut total: Vec<Adjustment> = Vec::new();
        let all = made
            .adjustments
            .iter()
            .chain(made.lines.iter().flat_map(|l| &l.adjustments));
        for a in all {
            match total
                .iter_mut()
                .find(|t| t.group == a.group && t.carc == a.carc)
            {
                Some(t) => t.amount = Cents(t.amount.0.saturating_add(a.amount.0)),
                None => total.push(a.clone()),
            }
        }
        let h = c.head;
        claims.push(RemitClaimView {
            icn: c.icn.to_string(),
            patient_control_number: h.patient_control_number,
            member_id: h.member_id.to_string(),
            member_name: match (&h.last_name, &h.first_name) {
                (Some(l), Some(f)) => format!("{l}, {f}"),
                _ => String::new(),
            },
            status: status.to_string(),
            status_code: c.status_code,
            billed: money(c.billed),
            allowed: money(c.allowed),
            paid: money(c.paid),
            patient_responsibility: money(c.patient_resp),
            adjustments: total.iter().map(adj_view).collect(),
            lines: made
                .lines
                .into_iter()
                .map(|l| RemitLineView {
                    line: l.line_no,
                    modifiers: modifiers_of(&l.modifiers),
                    procedure_code: l.procedure_code,
                    date_of_service: l.date_of_service.to_string(),
                    units: l.units,
                    billed: money(l.charge),
                    allowed: money(l.allowed),
                    paid: money(l.paid),
                    adjustments: l.adjustments.iter().map(adj_view).collect(),
                })
                .collect(),
        });
        Ok(())
    })?;
    Ok(RemitView {
        remit_id: r.remit_id.clone(),
        cycle: r.cycle,
        provider_id: r.provider_id.to_string(),
        issued_on: r.issued_on.to_string(),
        paid_amount: money(r.paid_amount),
        payment_method: r.payment_method.clone(),
        claims,
        provider_adjustments: tx
            .remit_provider_adjustments(r.id)?
            .into_iter()
            .map(|p| ProviderAdjustmentView {
                text: plb_text(&p.reason_code).to_string(),
                reason: p.reason_code,
                reference: p.reference,
                amount: money(p.amount),
            })
            .collect(),
    })
}

/// The remittance advice as printed for people.
pub fn remit_text(v: &RemitView) -> String {
    let how = match v.payment_method.as_str() {
        "CHK" => "by check",
        "ACH" => "by EFT",
        _ => "(nothing paid: notification only)",
    };
    let mut s = format!(
        "Remittance advice {} — payment cycle {}, issued {}\nProvider {}  Paid {:.2} {how}\n",
        v.remit_id, v.cycle, v.issued_on, v.provider_id, v.paid_amount
    );
    let rows: Vec<Vec<String>> = v
        .claims
        .iter()
        .map(|c| {
            vec![
                c.icn.clone(),
                c.patient_control_number.clone().unwrap_or_default(),
                c.member_id.clone(),
                c.member_name.clone(),
                format!("{} ({})", c.status, c.status_code),
                format!("{:.2}", c.billed),
                format!("{:.2}", c.allowed),
                format!("{:.2}", c.paid),
            ]
        })
        .collect();
    let t = crate::output::table_of(
        &[
            "claim",
            "patient ctl",
            "member",
            "name",
            "status",
            "billed",
            "allowed",
            "paid",
        ],
        &rows,
    );
    s.push_str(&t.to_string());
    s.push('\n');
    let adjusted: Vec<&RemitClaimView> = v
        .claims
        .iter()
        .filter(|c| !c.adjustments.is_empty())
        .collect();
    if !adjusted.is_empty() {
        s.push_str("\nAdjustments:\n");
        for c in adjusted {
            for a in &c.adjustments {
                s.push_str(&format!(
                    "  {}  {}-{:<3} {:>12.2}  {}\n",
                    c.icn, a.group, a.carc, a.amount, a.text
                ));
            }
        }
    }
    if !v.provider_adjustments.is_empty() {
        s.push_str("\nProvider adjustments (PLB):\n");
        for p in &v.provider_adjustments {
            s.push_str(&format!(
                "  {} {}  {:>12.2}  {}\n",
                p.reason, p.reference, p.amount, p.text
            ));
        }
    }
    s
}

pub fn cmd_remit_show(ctx: &Context, args: &RemitArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::RemitShow)?;
    let provider_id = actor.provider()?.clone();
    let r = find_remit(&tx, &provider_id, &args.remit_id)?;
    let view = remit_view(&tx, &r)?;
    let now = ctx.clock.now_str();
    let entry = actor.entry(&now, "remit show", Some(&r.remit_id), "ok", None);
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    let human = remit_text(&view);
    Ok(Output::record_with(view, human))
}
