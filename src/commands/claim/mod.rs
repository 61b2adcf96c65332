//! `claim submit|status|list|export|void|replace`: the fee-for-service lane.

pub mod ack277;
pub mod edits;
pub mod export;
pub mod replace;
pub mod status;
pub mod status_x12;
pub mod submit;
pub mod void;
pub mod x12;

use crate::domain::claims::{display_diagnosis, ClaimStatus, Icn};
use crate::domain::ids::{Cents, ProviderId};
use crate::error::{Error, Result};
use crate::store::claims::{ClaimRow, HistoryRow, LineRow};
use crate::store::Tx;
use serde::Serialize;

/// Rows whose money columns a table shows with two decimals (JSON keeps numbers).
pub fn money_rows<T: Serialize>(items: &[T], columns: Vec<&'static str>) -> crate::output::Output {
    let mut out = crate::output::Output::rows(items, columns);
    if let crate::output::Output::Rows {
        value,
        columns,
        cells,
        ..
    } = &mut out
    {
        for (row, v) in cells.iter_mut().zip(value.iter()) {
            for (cell, col) in row.iter_mut().zip(columns.iter()) {
                if matches!(*col, "billed" | "paid_amount" | "allowed") {
                    if let Some(a) = v.get(*col).and_then(|x| x.as_f64()) {
                        *cell = format!("{a:.2}");
                    }
                }
            }
        }
    }
    out
}

/// Money in JSON: a number of dollars with at most 2 decimals (125.0, 99.5, 12.34).
pub fn money(cents: Cents) -> f64 {
    cents.as_f64()
}

/// What a 277 claim status category means.
pub fn category_description(code: &str) -> &'static str {
    match code {
        "A1" => "Acknowledgement/Receipt: the claim has been received",
        "A2" => "Acknowledgement/Acceptance into adjudication",
        "A3" => "Acknowledgement/Returned as unprocessable",
        "A7" => "Acknowledgement/Rejected for invalid information",
        "F1" => "Finalized/Payment: the claim has been paid",
        "F2" => "Finalized/Denial: the claim has been denied",
        "F4" => "Finalized/Adjudication complete, no payment forthcoming (voided)",
        _ => "",
    }
}

/// The 277 claim status code (STC01-2) reported with each status, and what it says.
pub fn status_code(status: ClaimStatus) -> (&'static str, &'static str) {
    match status {
        ClaimStatus::Accepted => ("20", "Accepted for processing"),
        ClaimStatus::Paid => ("65", "Claim/line has been paid"),
        ClaimStatus::Denied | ClaimStatus::Voided => {
            ("1", "For more detailed information, see remittance advice")
        }
    }
}

/// The claim of the current provider with this ICN, or exit 5 (another provider's claim
/// is "not found" too: its existence is not disclosed).
pub fn find_claim(tx: &Tx<'_>, provider_id: &ProviderId, icn: &str) -> Result<ClaimRow> {
    let icn = Icn::parse("ICN", icn)?;
    tx.claim_by_icn(&icn)?
        .filter(|c| &c.provider_id == provider_id)
        .ok_or_else(|| {
            Error::not_found(format!(
                "no claim with ICN {icn} for provider {provider_id}"
            ))
            .hint("`mmis claim list` shows this provider's claims")
        })
}

#[derive(Serialize)]
pub struct LineView {
    pub line: i64,
    pub procedure_code: String,
    pub modifiers: Vec<String>,
    pub date_of_service: String,
    pub units: i64,
    pub billed: f64,
    pub allowed: Option<f64>,
    pub paid: Option<f64>,
    pub status: String,
    pub carc: Option<String>,
}

#[derive(Serialize)]
pub struct HistoryView {
    pub date: String,
    pub at: String,
    pub status: String,
    pub category_code: String,
    pub by: String,
    pub note: Option<String>,
}

/// A payment posted onto a claim from an 835 (`remit post`).
#[derive(Serialize)]
pub struct PostedView {
    /// TRN02 of the 835 that paid it.
    pub remit_id: String,
    /// CLP04 (negative for a takeback).
    pub paid: f64,
    pub posted_on: String,
}

#[derive(Serialize)]
pub struct ClaimView {
    pub icn: String,
    pub status: String,
    pub category_code: String,
    pub category_description: String,
    /// 277 STC01-2 claim status code.
    pub status_code: String,
    pub status_code_description: String,
    pub paid_amount: f64,
    pub billed: f64,
    pub allowed: f64,
    pub member_id: String,
    pub provider_id: String,
    pub billing_npi: String,
    pub rendering_npi: String,
    pub place_of_service: String,
    pub diagnosis_codes: Vec<String>,
    pub prior_auth_number: Option<String>,
    pub patient_control_number: Option<String>,
    pub date_of_service: String,
    pub last_date_of_service: String,
    pub received_on: String,
    pub source: String,
    pub payment_cycle: Option<i64>,
    pub recoupment_pending: bool,
    pub recouped_in_cycle: Option<i64>,
    /// The ICN of the claim this one replaces (CLM05-3 = 7), if it is a replacement.
    pub replaces: Option<String>,
    /// The ICN of the claim that replaced this one, if one did.
    pub replaced_by: Option<String>,
    /// The remittance advice that last carried the claim (`remit show`); else the
    /// remittance (TRN02 of the 835) of the latest payment posted onto it (`remit post`);
    /// null before any.
    pub remit_id: Option<String>,
    /// The latest payment posted onto the claim from an 835 (`remit post`).
    pub posted: Option<PostedView>,
    pub lines: Vec<LineView>,
    pub history: Vec<HistoryView>,
}

pub fn modifiers_of(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|m| !m.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn claim_view(c: &ClaimRow, lines: &[LineRow], history: &[HistoryRow]) -> ClaimView {
    let code = c.status.category_code();
    ClaimView {
        icn: c.icn.to_string(),
        status: c.status.to_string(),
        category_code: code.to_string(),
        category_description: category_description(code).to_string(),
        status_code: status_code(c.status).0.to_string(),
        status_code_description: status_code(c.status).1.to_string(),
        paid_amount: money(c.paid_amount),
        billed: money(c.billed),
        allowed: money(c.allowed),
        member_id: c.member_id.to_string(),
        provider_id: c.provider_id.to_string(),
        billing_npi: c.billing_npi.to_string(),
        rendering_npi: c.rendering_npi.to_string(),
        place_of_service: c.place_of_service.clone(),
        diagnosis_codes: c
            .diagnosis_codes
            .split(',')
            .filter(|d| !d.is_empty())
            .map(display_diagnosis)
            .collect(),
        prior_auth_number: c.prior_auth_number.as_ref().map(ToString::to_string),
        patient_control_number: c.patient_control_number.clone(),
        date_of_service: c.first_dos.to_string(),
        last_date_of_service: c.last_dos.to_string(),
        received_on: c.received_on.to_string(),
        source: c.source.clone(),
        payment_cycle: c.paid_cycle,
        recoupment_pending: c.recoup_pending,
        recouped_in_cycle: c.recoup_cycle,
        replaces: None,
        replaced_by: None,
        remit_id: None,
        posted: None,
        lines: lines
            .iter()
            .map(|l| LineView {
                line: l.line_no,
                procedure_code: l.procedure_code.clone(),
                modifiers: modifiers_of(&l.modifiers),
                date_of_service: l.date_of_service.to_string(),
                units: l.units,
                billed: money(l.charge),
                allowed: l.allowed.map(money),
                paid: l.paid.map(money),
                status: l.status.to_string(),
                carc: l.carc.clone(),
            })
            .collect(),
        history: history
            .iter()
            .map(|h| HistoryView {
                date: h.on_date.to_string(),
                at: h.at.clone(),
                status: h.status.to_string(),
                category_code: h.category_code.clone(),
                by: h.actor.clone(),
                note: h.note.clone(),
            })
            .collect(),
    }
}

/// A person's reading of a claim.
pub fn claim_text(v: &ClaimView) -> String {
    let mut s = format!(
        "Claim {icn}: {status} ({code} {desc})\nMember {m}  Provider {p}  Billing NPI {b}  Received {r}\nBilled {billed:.2}  Allowed {allowed:.2}  Paid {paid:.2}\n",
        icn = v.icn,
        status = v.status,
        code = v.category_code,
        desc = v.category_description,
        m = v.member_id,
        p = v.provider_id,
        b = v.billing_npi,
        r = v.received_on,
        billed = v.billed,
        allowed = v.allowed,
        paid = v.paid_amount,
    );
    if let Some(icn) = &v.replaces {
        s.push_str(&format!("Replaces claim {icn}\n"));
    }
    if let Some(icn) = &v.replaced_by {
        s.push_str(&format!("Replaced by claim {icn}\n"));
    }
    if let Some(r) = &v.remit_id {
        s.push_str(&format!("Remittance advice {r} (`mmis remit show {r}`)\n"));
    }
    let mut rows = Vec::new();
    for l in &v.lines {
        let amt = |x: Option<f64>| x.map(|a| format!("{a:.2}")).unwrap_or_default();
        rows.push(vec![
            l.line.to_string(),
            l.procedure_code.clone(),
            l.modifiers.join(","),
            l.date_of_service.clone(),
            l.units.to_string(),
            format!("{:.2}", l.billed),
            amt(l.allowed),
            amt(l.paid),
            l.status.clone(),
            l.carc.clone().unwrap_or_default(),
        ]);
    }
    // Fitted to the terminal, statuses coloured on a terminal (crate::output::table_of).
    let t = crate::output::table_of(
        &[
            "line", "code", "mod", "date", "units", "billed", "allowed", "paid", "status", "CARC",
        ],
        &rows,
    );
    s.push_str(&t.to_string());
    if let Some(p) = &v.posted {
        s.push_str(&format!(
            "\nPosted {:.2} from remittance {} on {}\n",
            p.paid, p.remit_id, p.posted_on
        ));
    }
    s.push_str("\nHistory:\n");
    for h in &v.history {
        s.push_str(&format!(
            "  {}  {:<9} {}  {}{}\n",
            h.date,
            h.status,
            h.category_code,
            h.by,
            h.note
                .as_ref()
                .map(|n| format!(" — {n}"))
                .unwrap_or_default()
        ));
    }
    s
}

#[derive(Serialize)]
pub struct ClaimListRow {
    pub icn: String,
    pub member_id: String,
    pub status: String,
    pub category_code: String,
    pub date_of_service: String,
    pub billed: f64,
    pub paid_amount: f64,
    pub received_on: String,
    pub patient_control_number: Option<String>,
}

pub fn list_row(c: &ClaimRow) -> ClaimListRow {
    ClaimListRow {
        icn: c.icn.to_string(),
        member_id: c.member_id.to_string(),
        status: c.status.to_string(),
        category_code: c.status.category_code().to_string(),
        date_of_service: c.first_dos.to_string(),
        billed: money(c.billed),
        paid_amount: money(c.paid_amount),
        received_on: c.received_on.to_string(),
        patient_control_number: c.patient_control_number.clone(),
    }
}
