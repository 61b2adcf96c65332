//! The 277CA claim acknowledgment (005010X214): after an 837P is taken in, one STC per
//! claim — accepted into adjudication (A2:20, the ICN as the payer claim control number
//! in REF*1K) or rejected with a category and status code that match the refusal's reason
//! ([`refusal_codes`]). docs/claims.md ("Claim acknowledgment (277CA)") has the table.
//!
//! The acknowledgment answers the sets of the 837P that were read (accepted by the 999);
//! a set the 999 rejects has no claims taken, and so nothing in the 277CA.

use chrono::NaiveDate;

use super::claims::{amount_cents, each_837p_claim, format_amount, Claim837};
use super::{
    carry, date_or_range, fits, st_control_number, Delimiters, Envelope, Interchange,
    TransactionSet, X12Error,
};

/// The implementation guide version of the 277CA.
pub const X214: &str = "005010X214";

/// What a 277CA says of one claim: STC01-1 category, STC01-2 status code, STC01-3 entity
/// (empty when the status code needs none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusCodes {
    pub category: &'static str,
    pub status: &'static str,
    pub entity: &'static str,
}

/// Why a claim was refused at intake, as the 277CA reports it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The member's Oregon Health ID is unknown (or not an ID at all).
    MemberUnknown,
    /// The member is not eligible on a date of service.
    NotEligible,
    /// The member's benefit plan (CAWEM) covers emergency services only.
    EmergencyOnly,
    /// The member is in a CCO on the date of service: the claim belongs to the CCO.
    InCco,
    /// The billing NPI is not enrolled, or is another provider's.
    ProviderNotEnrolled,
    /// A date of service in the future.
    FutureDate,
    /// A date of service past timely filing.
    TimelyFiling,
    /// A duplicate of a live claim.
    Duplicate,
    /// A procedure that needs a PA, and no PA number on the claim.
    PaMissing,
    /// A PA number that is not on file, or another provider's or member's.
    PaInvalid,
    /// A PA that is not approved (pending, denied, cancelled), does not cover the
    /// procedure, or not the date of service.
    PaNotApproved,
    /// A PA without enough units left.
    PaOutOfUnits,
    /// Anything else: a field missing or not of its shape.
    InvalidData,
}

impl Refusal {
    /// Reads the reason a refusal gives (the edits' wording, see
    /// `commands::claim::edits`).
    pub fn of_reason(reason: &str) -> Refusal {
        let r = reason;
        let has = |s: &str| r.contains(s);
        if has("billing NPI") && (has("is not enrolled") || has("belongs to provider"))
            || has("the billing provider is not one Oregon Medicaid knows")
        {
            Refusal::ProviderNotEnrolled
        } else if has("is not known to Oregon Medicaid")
            || has("the member is not one Oregon Medicaid knows")
        {
            Refusal::MemberUnknown
        } else if has("is in the future") {
            Refusal::FutureDate
        } else if has("past timely filing") {
            Refusal::TimelyFiling
        } else if has("is not eligible for Oregon Medicaid") {
            Refusal::NotEligible
        } else if has("not to Open Card fee-for-service") {
            Refusal::InCco
        } else if has("covers emergency services only") {
            Refusal::EmergencyOnly
        } else if has("duplicate of claim") {
            Refusal::Duplicate
        } else if has("needs a prior authorization and the claim has no prior_auth_number") {
            Refusal::PaMissing
        } else if has("prior authorization")
            && (has("is not on file")
                || has("issued to another provider")
                || has("is for another member"))
        {
            Refusal::PaInvalid
        } else if has("prior authorization") && has("unit(s) left") {
            Refusal::PaOutOfUnits
        } else if has("prior authorization")
            && (has("not approved") || has("is not covered by") || has("is outside"))
        {
            Refusal::PaNotApproved
        } else {
            Refusal::InvalidData
        }
    }

    /// The 277CA codes of this refusal.
    pub fn codes(self) -> StatusCodes {
        let c = |category, status, entity| StatusCodes {
            category,
            status,
            entity,
        };
        match self {
            // 33: Subscriber and subscriber id not found.
            Refusal::MemberUnknown => c("A3", "33", ""),
            // 88: Entity not eligible for benefits for submitted dates of service.
            Refusal::NotEligible => c("A3", "88", "IL"),
            // 109: Entity not eligible.
            Refusal::EmergencyOnly => c("A3", "109", "IL"),
            // 116: Claim submitted to incorrect payer.
            Refusal::InCco => c("A3", "116", ""),
            // 562: Entity's National Provider Identifier (NPI).
            Refusal::ProviderNotEnrolled => c("A3", "562", "85"),
            // 187: Date(s) of service.
            Refusal::FutureDate => c("A7", "187", ""),
            Refusal::TimelyFiling => c("A3", "187", ""),
            // 54: Duplicate of a previously processed claim/line.
            Refusal::Duplicate => c("A3", "54", ""),
            // 252: Entity's prior authorization/certification number.
            Refusal::PaMissing => c("A6", "252", "85"),
            Refusal::PaInvalid => c("A7", "252", "85"),
            // 84: Service not authorized.
            Refusal::PaNotApproved => c("A3", "84", ""),
            Refusal::PaOutOfUnits => c("A3", "84", ""),
            // 21: Missing or invalid information.
            Refusal::InvalidData => c("A7", "21", ""),
        }
    }

    /// A name for the table in the docs and the tests.
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::MemberUnknown => "member-unknown",
            Refusal::NotEligible => "not-eligible",
            Refusal::EmergencyOnly => "emergency-only",
            Refusal::InCco => "in-cco",
            Refusal::ProviderNotEnrolled => "provider-not-enrolled",
            Refusal::FutureDate => "future-date",
            Refusal::TimelyFiling => "timely-filing",
            Refusal::Duplicate => "duplicate",
            Refusal::PaMissing => "pa-missing",
            Refusal::PaInvalid => "pa-invalid",
            Refusal::PaNotApproved => "pa-not-approved",
            Refusal::PaOutOfUnits => "pa-out-of-units",
            Refusal::InvalidData => "invalid-data",
        }
    }
}

/// The codes of an accepted claim: A2 (accepted into adjudication), 20 (accepted for
/// processing).
pub const ACCEPTED: StatusCodes = StatusCodes {
    category: "A2",
    status: "20",
    entity: "",
};

/// The codes for a refusal's reason (see [`Refusal::of_reason`]).
pub fn refusal_codes(reason: &str) -> StatusCodes {
    Refusal::of_reason(reason).codes()
}

/// How one claim came out: its ICN, or why it was refused.
pub type Outcome<'r> = Result<&'r str, &'r str>;

/// What the 277CA says about its sender (the payer) and what it acknowledges.
#[derive(Debug, Clone)]
pub struct Source<'s> {
    /// 2100A NM103.
    pub payer_name: &'s str,
    /// 2100A NM109 (qualifier PI).
    pub payer_id: &'s str,
    /// The date the 837P was received (DTP*050) and processed (DTP*009, STC02).
    pub received: NaiveDate,
    /// 2200A TRN02: our trace of the 837P (e.g. the audit's file name and interchange).
    pub trace: &'s str,
    /// The provider we act for: NM109 (qualifier SV) of a billing provider whose 837P
    /// NM1 has no NPI.
    pub provider_id: &'s str,
}

/// Counts of one 277CA set (or provider): accepted and rejected claims and charges.
#[derive(Debug, Default, Clone, Copy)]
struct Tally {
    accepted: u64,
    rejected: u64,
    accepted_cents: i64,
    rejected_cents: i64,
}

impl Tally {
    fn add(&mut self, ok: bool, cents: i64) {
        if ok {
            self.accepted += 1;
            self.accepted_cents = self.accepted_cents.saturating_add(cents);
        } else {
            self.rejected += 1;
            self.rejected_cents = self.rejected_cents.saturating_add(cents);
        }
    }
    fn total(&self) -> i64 {
        self.accepted_cents.saturating_add(self.rejected_cents)
    }
    fn action(&self) -> &'static str {
        if self.accepted > 0 {
            "WQ"
        } else {
            "U"
        }
    }
}

fn io_err(e: X12Error) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, e.to_string())
}

/// A value echoed from the 837P as an element of `min..=max` characters, or `fallback`.
fn echo<'v>(value: &'v str, min: usize, max: usize, d: &Delimiters, fallback: &'v str) -> &'v str {
    fits(value.trim(), min, max, d).unwrap_or(fallback)
}

/// A name echoed: carried (delimiters and control characters blanked), at most 60
/// characters, or `fallback`.
fn name_of(value: &str, d: &Delimiters, fallback: &str) -> String {
    let c = carry(value, d);
    let s: String = c.chars().take(60).collect();
    let s = s.trim();
    if s.is_empty() {
        fallback.to_string()
    } else {
        s.to_string()
    }
}

/// The 837P set's BHT03 and submitter (1000A NM1*41 name and id).
fn set_header<'a>(t: &TransactionSet<'a>) -> (&'a str, &'a str, &'a str, &'a str) {
    let mut reference = "";
    let mut submitter = ("", "", "");
    for s in t.body_segments().take(8) {
        match s.id() {
            "BHT" => reference = s.element(3),
            "NM1" if s.element(1) == "41" => {
                submitter = (s.element(2), s.element(3), s.element(9));
                break;
            }
            _ => {}
        }
    }
    (reference, submitter.0, submitter.1, submitter.2)
}

/// The claim's charge in cents (CLM02), 0 when it is not an amount.
fn charge_of(c: &Claim837<'_>) -> i64 {
    amount_cents(c.total_charge)
        .filter(|&v| v >= 0)
        .unwrap_or(0)
}

/// Writes the 277CA that acknowledges the claims of one 837P interchange to `out`, in
/// pieces (never held whole): one transaction set per set of the 837P that was read
/// (`readable[group][set]` is `Ok`), each claim answered with `outcomes` in the order the
/// claims were taken. Returns whether anything was written (nothing when no set was
/// read: a file the 999 rejects whole has no 277CA).
pub fn write_277ca(
    ic: &Interchange<'_>,
    readable: &[Vec<Result<u64, X12Error>>],
    outcomes: &[Outcome<'_>],
    source: &Source<'_>,
    env: &Envelope,
    out: &mut dyn std::io::Write,
) -> std::io::Result<bool> {
    let any = readable.iter().flatten().any(|r| r.is_ok());
    if !any {
        return Ok(false);
    }
    let d = env.delimiters;
    let mut w = env.open("HN", X214).map_err(io_err)?;
    let date = env.date_d8();
    let time = env.time_hhmm();
    let received = crate::x12::format_d8(source.received);
    let mut next = 0usize;
    let mut st = 0usize;
    for (gi, g) in ic.groups.iter().enumerate() {
        for (ti, t) in g.transactions.iter().enumerate() {
            let ok = readable
                .get(gi)
                .and_then(|g| g.get(ti))
                .is_some_and(|r| r.is_ok());
            if !ok {
                continue;
            }
            st += 1;
            // First pass: the set's totals (the 2200B counts come before the claims) and
            // each billing provider's (2000C per run of claims with the same billing
            // provider, its counts before its claims); the claims are read again to be
            // written.
            let mut set_tally = Tally::default();
            let mut hl = 2usize;
            let mut provider_hl = 0usize;
            let mut current: Option<(String, String)> = None;
            let mut runs: Vec<Tally> = Vec::new();
            {
                let mut n = next;
                let mut last: Option<(String, String)> = None;
                let _ = each_837p_claim(gi, ti, t, |c| {
                    let key = (
                        c.billing_provider.npi.unwrap_or("").to_string(),
                        c.billing_provider.name.to_string(),
                    );
                    if last.as_ref() != Some(&key) {
                        runs.push(Tally::default());
                        last = Some(key);
                    }
                    let ok = outcomes.get(n).is_some_and(|o| o.is_ok());
                    set_tally.add(ok, charge_of(&c));
                    if let Some(r) = runs.last_mut() {
                        r.add(ok, charge_of(&c));
                    }
                    n += 1;
                    Ok::<(), std::convert::Infallible>(())
                });
            }
            let (reference, sub_type, sub_name, sub_id) = set_header(t);
            w.begin_transaction("277", &st_control_number(st), X214)
                .map_err(io_err)?;
            let bht03 = format!("{}{}", source.trace, st);
            let bht03: String = bht03.chars().take(50).collect();
            let seg =
                |w: &mut super::Writer, id: &str, e: &[&str]| w.segment(id, e).map_err(io_err);
            seg(&mut w, "BHT", &["0085", "08", &bht03, &date, &time, "TH"])?;
            // 2000A: the payer.
            seg(&mut w, "HL", &["1", "", "20", "1"])?;
            seg(
                &mut w,
                "NM1",
                &[
                    "PR",
                    "2",
                    source.payer_name,
                    "",
                    "",
                    "",
                    "",
                    "PI",
                    source.payer_id,
                ],
            )?;
            seg(&mut w, "TRN", &["1", &bht03])?;
            seg(&mut w, "DTP", &["050", "D8", &received])?;
            seg(&mut w, "DTP", &["009", "D8", &date])?;
            // 2000B: the submitter of the 837P.
            seg(&mut w, "HL", &["2", "1", "21", "1"])?;
            let sub_type = if sub_type == "1" { "1" } else { "2" };
            let sub_name = name_of(sub_name, &d, "SUBMITTER");
            let sub_id = echo(sub_id, 2, 80, &d, "UNKNOWN");
            seg(
                &mut w,
                "NM1",
                &["41", sub_type, &sub_name, "", "", "", "", "46", sub_id],
            )?;
            seg(&mut w, "TRN", &["2", echo(reference, 1, 50, &d, "0")])?;
            let total = format_amount(set_tally.total());
            w.segment_composite(
                "STC",
                &[
                    &["A1", "19", "PR"],
                    &[&date],
                    &[set_tally.action()],
                    &[&total],
                ],
            )
            .map_err(io_err)?;
            if set_tally.accepted > 0 {
                seg(&mut w, "QTY", &["90", &set_tally.accepted.to_string()])?;
            }
            if set_tally.rejected > 0 {
                seg(&mut w, "QTY", &["AA", &set_tally.rejected.to_string()])?;
            }
            if set_tally.accepted > 0 {
                seg(
                    &mut w,
                    "AMT",
                    &["YU", &format_amount(set_tally.accepted_cents)],
                )?;
            }
            if set_tally.rejected > 0 {
                seg(
                    &mut w,
                    "AMT",
                    &["YY", &format_amount(set_tally.rejected_cents)],
                )?;
            }
            let mut run = 0usize;
            let mut failed: Option<std::io::Error> = None;
            let read = each_837p_claim(gi, ti, t, |c| {
                let r = (|| -> std::io::Result<()> {
                    let b = &c.billing_provider;
                    let key = (b.npi.unwrap_or("").to_string(), b.name.to_string());
                    if current.as_ref() != Some(&key) {
                        let tally = runs.get(run).copied().unwrap_or_default();
                        run += 1;
                        current = Some(key);
                        hl += 1;
                        provider_hl = hl;
                        w.segment("HL", &[&hl.to_string(), "2", "19", "1"])
                            .map_err(io_err)?;
                        let entity = if b.entity_type == "1" { "1" } else { "2" };
                        let name = name_of(b.name, &d, "PROVIDER");
                        let first = if entity == "1" {
                            name_of(b.first_name, &d, "")
                        } else {
                            String::new()
                        };
                        let npi = b.npi.and_then(|n| fits(n, 2, 80, &d));
                        let (q, id) = match npi {
                            Some(n) => ("XX", n),
                            None => ("SV", source.provider_id),
                        };
                        w.segment("NM1", &["85", entity, &name, &first, "", "", "", q, id])
                            .map_err(io_err)?;
                        w.segment("TRN", &["1", "0"]).map_err(io_err)?;
                        w.segment_composite(
                            "STC",
                            &[
                                &["A1", "19", "PR"],
                                &[],
                                &[tally.action()],
                                &[&format_amount(tally.total())],
                            ],
                        )
                        .map_err(io_err)?;
                        if tally.accepted > 0 {
                            w.segment("QTY", &["QA", &tally.accepted.to_string()])
                                .map_err(io_err)?;
                        }
                        if tally.rejected > 0 {
                            w.segment("QTY", &["QC", &tally.rejected.to_string()])
                                .map_err(io_err)?;
                        }
                        if tally.accepted > 0 {
                            w.segment("AMT", &["YU", &format_amount(tally.accepted_cents)])
                                .map_err(io_err)?;
                        }
                        if tally.rejected > 0 {
                            w.segment("AMT", &["YY", &format_amount(tally.rejected_cents)])
                                .map_err(io_err)?;
                        }
                    }
                    hl += 1;
                    w.segment("HL", &[&hl.to_string(), &provider_hl.to_string(), "PT"])
                        .map_err(io_err)?;
                    // The patient: the 2010CA patient when there is one, else the subscriber.
                    let p = c.patient.unwrap_or(c.subscriber);
                    let last = name_of(p.last_name, &d, "UNKNOWN");
                    let first = name_of(p.first_name, &d, "");
                    let member = c
                        .subscriber
                        .member_id
                        .and_then(|m| fits(m.trim(), 2, 80, &d))
                        .unwrap_or("UNKNOWN");
                    w.segment("NM1", &["QC", "1", &last, &first, "", "", "", "MI", member])
                        .map_err(io_err)?;
                    let outcome = outcomes.get(next).copied().unwrap_or(Err(""));
                    next += 1;
                    w.segment(
                        "TRN",
                        &["2", echo(c.patient_control_number, 1, 50, &d, "0")],
                    )
                    .map_err(io_err)?;
                    let (codes, action) = match outcome {
                        Ok(_) => (ACCEPTED, "WQ"),
                        Err(reason) => (refusal_codes(reason), "U"),
                    };
                    let charge = format_amount(charge_of(&c));
                    w.segment_composite(
                        "STC",
                        &[
                            &[codes.category, codes.status, codes.entity],
                            &[&date],
                            &[action],
                            &[&charge],
                        ],
                    )
                    .map_err(io_err)?;
                    if let Ok(icn) = outcome {
                        w.segment("REF", &["1K", icn]).map_err(io_err)?;
                    }
                    let dates = c.lines.iter().filter_map(|l| l.service_dates);
                    let from = dates.clone().map(|(f, _)| f).min();
                    let to = dates.map(|(_, t)| t).max();
                    let (q, v) = match (from, to) {
                        (Some(f), Some(t)) => date_or_range(f, t),
                        _ => date_or_range(source.received, source.received),
                    };
                    w.segment("DTP", &["472", q, v.as_str()]).map_err(io_err)?;
                    if next.is_multiple_of(1024) {
                        w.drain_into(out)?;
                    }
                    Ok(())
                })();
                match r {
                    Ok(()) => Ok(()),
                    Err(e) => {
                        failed = Some(e);
                        Err(())
                    }
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            // The set was read once already (it is readable).
            if let Ok(Err(e)) = read {
                return Err(io_err(e));
            }
            w.end_transaction().map_err(io_err)?;
            w.drain_into(out)?;
        }
    }
    w.end_group().map_err(io_err)?;
    out.write_all(w.finish().map_err(io_err)?.as_bytes())?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_the_edits_give_has_its_code() {
        let cases = [
            ("member OC999999 is not known to Oregon Medicaid (no such Oregon Health ID)", "A3:33:"),
            ("the member is not one Oregon Medicaid knows: member_id: bad", "A3:33:"),
            ("line 1: member OC100001 is not eligible for Oregon Medicaid on 2026-03-10", "A3:88:IL"),
            ("line 1: member OC100001's benefit plan on 2026-03-10 is CAWEM (CWM), which covers emergency services only (place of service 23); this claim's place of service is 11", "A3:109:IL"),
            ("line 1: member OC100001 is enrolled in HEALTH SHARE on 2026-03-10: the claim belongs to HEALTH SHARE, not to Open Card fee-for-service", "A3:116:"),
            ("billing NPI 1234567893 is not enrolled with Oregon Medicaid", "A3:562:85"),
            ("billing NPI 1234567893 belongs to provider 500000002 (X), not to provider 500000001 you are acting for", "A3:562:85"),
            ("the billing provider is not one Oregon Medicaid knows: billing_npi: bad", "A3:562:85"),
            ("line 1: the date of service 2027-01-01 is in the future (today is 2026-03-16)", "A7:187:"),
            ("line 1: the date of service 2024-01-01 is past timely filing: claims are filed within 12 months", "A3:187:"),
            ("line 1: duplicate of claim 2226075000001 (same member OC100001, provider, procedure 90837 and date of service 2026-03-10)", "A3:54:"),
            ("line 1: procedure 97110 needs a prior authorization and the claim has no prior_auth_number", "A6:252:85"),
            ("prior authorization 2607500001 is not on file", "A7:252:85"),
            ("prior authorization 2607500001 was issued to another provider", "A7:252:85"),
            ("prior authorization 2607500001 is for another member, not OC100001", "A7:252:85"),
            ("prior authorization 2607500001 is pending, not approved", "A3:84:"),
            ("line 1: procedure 90837 is not covered by prior authorization 2607500001 (it covers 97110)", "A3:84:"),
            ("line 1: the date of service 2026-03-10 is outside prior authorization 2607500001 (2026-04-01 to 2026-05-01)", "A3:84:"),
            ("prior authorization 2607500001 has 0 unit(s) left of 10 approved; this claim needs 1", "A3:84:"),
            ("line 1 procedure_code: \"9083\" is not a CPT or HCPCS code", "A7:21:"),
            ("claim frequency code \"5\" is not 1 (original)", "A7:21:"),
        ];
        for (reason, want) in cases {
            let c = refusal_codes(reason);
            assert_eq!(
                format!("{}:{}:{}", c.category, c.status, c.entity),
                want,
                "{reason}"
            );
        }
    }
}
