//! The submission edits a claim goes through (portal form, 837P, replacement), as pure
//! functions of the facts the store loads ([`Facts`]): the command loads the facts, calls
//! [`check`], and stores what passed. A refusal names the reason and what the biller can do.
//! The rules run in order, the first that refuses wins: billing provider, member, dates of
//! service, eligibility and lane, benefit plan, duplicate, prior authorization.

use crate::domain::claims::{
    timely_limit, ClaimInput, ClaimStatus, FeeSchedule, Icn, LineInput, PaStatus,
    EMERGENCY_ONLY_PLANS, POS_EMERGENCY_ROOM, TIMELY_FILING_MONTHS,
};
use crate::domain::eligibility::{answer_ref, Lane, Span};
use crate::domain::ids::{HealthId, Npi, ProviderId};
use crate::error::{Error, Kind};
use chrono::NaiveDate;

/// Why a claim was refused: exit 6 for an edit, exit 7 for a duplicate or a state conflict.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub kind: Kind,
    pub reason: String,
    pub hint: Option<String>,
}

impl Refusal {
    pub fn edit(reason: impl Into<String>, hint: impl Into<String>) -> Refusal {
        Refusal {
            kind: Kind::Invalid,
            reason: reason.into(),
            hint: Some(hint.into()),
        }
    }
    pub fn conflict(reason: impl Into<String>, hint: impl Into<String>) -> Refusal {
        Refusal {
            kind: Kind::Conflict,
            reason: reason.into(),
            hint: Some(hint.into()),
        }
    }
    pub fn into_error(self) -> Error {
        let e = Error::new(self.kind, self.reason);
        match self.hint {
            Some(h) => e.hint(h),
            None => e,
        }
    }
}

/// A claim that passed every edit, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passed {
    /// (PA id, units) the claim takes.
    pub pa_units: Option<(i64, i64)>,
}

/// The enrolled provider a billing NPI belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enrolled {
    pub provider_id: ProviderId,
    pub name: String,
}

/// The prior authorization the claim names, as on file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaFacts {
    pub id: i64,
    pub provider_id: ProviderId,
    pub member_id: HealthId,
    pub status: PaStatus,
    pub procedure_codes: Vec<String>,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub approved_units: Option<i64>,
    /// Units not taken by claims (nor given back).
    pub units_left: i64,
    /// Units the claim being replaced holds from this PA: given back when it is replaced,
    /// so the replacement may take them.
    pub held_by_replaced: i64,
}

/// Everything the edits read, loaded by the command from the store.
#[derive(Debug, Clone)]
pub struct Facts<'f> {
    /// The business date.
    pub today: NaiveDate,
    /// The provider the user acts for.
    pub provider_id: &'f ProviderId,
    /// The provider enrolled with the claim's billing NPI, if any.
    pub billing: Option<Enrolled>,
    /// Whether the member's Oregon Health ID is known.
    pub member_known: bool,
    /// The member's coverage spans.
    pub spans: &'f [Span],
    /// For each line: the ICNs of this provider's live (accepted or paid) claims for the
    /// member with the same procedure code and date of service, earliest first. The claim
    /// being replaced may be among them (see `replaces`).
    pub live: Vec<Vec<Icn>>,
    /// The ICN of the claim this one replaces.
    pub replaces: Option<&'f str>,
    /// The fee-schedule rows of the claim's procedure codes.
    pub fees: &'f FeeSchedule,
    /// The prior authorization named by the claim's `prior_auth_number`, when on file.
    pub pa: Option<PaFacts>,
}

/// Runs every edit in order; the first refusal wins.
pub fn check(claim: &ClaimInput, f: &Facts<'_>) -> Result<Passed, Refusal> {
    let npi = claim.billing_npi.as_str();
    if let Some(r) = provider_rule(f.billing.as_ref(), f.provider_id, npi) {
        return Err(r);
    }
    if !f.member_known {
        return Err(unknown_member(claim.member_id.as_str()));
    }
    dates_rule(claim, f.today)?;
    eligibility_rule(claim, f.spans)?;
    duplicate_rule(claim, &f.live, f.replaces)?;
    pa_rule(claim, f.fees, f.pa.as_ref(), f.provider_id)
}

/// The member's Oregon Health ID is not on file.
pub fn unknown_member(hid: &str) -> Refusal {
    Refusal::edit(
        format!("member {hid} is not known to Oregon Medicaid (no such Oregon Health ID)"),
        "check the member's Oregon Health ID on their card, or look them up by name with `mmis elig check --last L --first F --dob D`",
    )
}

/// The billing provider must be enrolled, and be the provider we act for.
pub fn provider_rule(
    found: Option<&Enrolled>,
    provider_id: &ProviderId,
    npi: &str,
) -> Option<Refusal> {
    match found {
        None => Some(Refusal::edit(
            format!("billing NPI {npi} is not enrolled with Oregon Medicaid"),
            "check the NPI; a provider must be enrolled (and have an Oregon Medicaid provider ID) before it bills",
        )),
        Some(p) if p.provider_id != *provider_id => Some(Refusal::edit(
            format!(
                "billing NPI {npi} belongs to provider {} ({}), not to provider {provider_id} you are acting for",
                p.provider_id, p.name
            ),
            format!(
                "use the current provider's NPI, or act for {} with --provider {} (or `mmis account switch-provider`)",
                p.provider_id, p.provider_id
            ),
        )),
        Some(_) => None,
    }
}

/// Dates of service: none in the future, none past timely filing (12 months).
pub fn dates_rule(claim: &ClaimInput, today: NaiveDate) -> Result<(), Refusal> {
    let earliest = timely_limit(today);
    for (i, l) in claim.lines.iter().enumerate() {
        let n = i + 1;
        let d = l.date_of_service;
        if d > today {
            return Err(Refusal::edit(
                format!("line {n}: the date of service {d} is in the future (today is {today})"),
                "bill a service after it has been rendered",
            ));
        }
        if d < earliest {
            return Err(Refusal::edit(
                format!(
                    "line {n}: the date of service {d} is past timely filing: claims are filed within {TIMELY_FILING_MONTHS} months of the date of service (on {today}, nothing before {earliest})"
                ),
                "a timely-filing exception is asked of OHA on paper with proof of timely submission",
            ));
        }
    }
    Ok(())
}

/// On each date of service the member is eligible, in the fee-for-service lane (a CCO
/// member's claim goes to the CCO), and in a benefit plan that covers the place of service.
pub fn eligibility_rule(claim: &ClaimInput, spans: &[Span]) -> Result<(), Refusal> {
    let hid = claim.member_id.as_str();
    for (i, l) in claim.lines.iter().enumerate() {
        let n = i + 1;
        let d = l.date_of_service;
        let a = answer_ref(spans, d);
        if !a.eligible {
            return Err(Refusal::edit(
                format!("line {n}: member {hid} is not eligible for Oregon Medicaid on {d}"),
                format!("check the dates with `mmis elig check --id {hid} --date {d}`; the member may be self-pay or covered elsewhere"),
            ));
        }
        if a.lane == Lane::Cco {
            let cco = a.cco.unwrap_or("a CCO");
            let partner = a
                .plan_partner
                .map(|p| format!(", plan partner {p}"))
                .unwrap_or_default();
            return Err(Refusal::edit(
                format!(
                    "line {n}: member {hid} is enrolled in {cco}{partner} on {d}: the claim belongs to {cco}, not to Open Card fee-for-service"
                ),
                format!("submit the claim to {cco}{partner} through its own portal or clearinghouse"),
            ));
        }
        if let Some(plan) = a.benefit_plan {
            if EMERGENCY_ONLY_PLANS.contains(&plan) && claim.place_of_service != POS_EMERGENCY_ROOM
            {
                return Err(Refusal::edit(
                    format!(
                        "line {n}: member {hid}'s benefit plan on {d} is CAWEM ({plan}), which covers emergency services only (place of service {POS_EMERGENCY_ROOM}); this claim's place of service is {}",
                        claim.place_of_service
                    ),
                    "CAWEM pays only for emergency care; bill the member or another payer for this service",
                ));
            }
        }
    }
    Ok(())
}

/// No line repeats a line of an earlier live claim (same member, provider, procedure and
/// date of service) — but the claim a replacement replaces is no duplicate of it.
pub fn duplicate_rule(
    claim: &ClaimInput,
    live: &[Vec<Icn>],
    replaces: Option<&str>,
) -> Result<(), Refusal> {
    let hid = claim.member_id.as_str();
    for (i, l) in claim.lines.iter().enumerate() {
        let Some(icn) = live
            .get(i)
            .and_then(|c| c.iter().find(|icn| Some(icn.as_str()) != replaces))
        else {
            continue;
        };
        let dos = l.date_of_service;
        return Err(Refusal {
            kind: Kind::Conflict,
            reason: format!(
                "line {}: duplicate of claim {icn} (same member {hid}, provider, procedure {} and date of service {dos})",
                i + 1,
                l.procedure_code
            ),
            hint: Some(format!(
                "follow the earlier claim with `mmis claim status {icn}`; to correct it, replace it once adjudicated (`mmis claim replace {icn} --form F`) or void it (`mmis claim void {icn}`)"
            )),
        });
    }
    Ok(())
}

/// Prior authorization: a line whose fee-schedule row needs one must name an approved PA
/// of this provider and member that covers its procedure and date with units left; the
/// claim's lines under the PA take their units from it.
pub fn pa_rule(
    claim: &ClaimInput,
    schedule: &FeeSchedule,
    pa: Option<&PaFacts>,
    provider_id: &ProviderId,
) -> Result<Passed, Refusal> {
    let hid = claim.member_id.as_str();
    let needs: Vec<(usize, &LineInput)> = claim
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| {
            schedule
                .lookup(&l.procedure_code, &l.modifiers)
                .is_some_and(|f| f.pa_required)
        })
        .map(|(i, l)| (i + 1, l))
        .collect();
    let Some(number) = &claim.prior_auth_number else {
        if let Some((n, l)) = needs.first() {
            return Err(Refusal::edit(
                format!(
                    "line {n}: procedure {} needs a prior authorization and the claim has no prior_auth_number",
                    l.procedure_code
                ),
                "request one with `mmis pa submit`, and once it is approved put its number in prior_auth_number",
            ));
        }
        return Ok(Passed { pa_units: None });
    };
    let pa = match pa {
        Some(p) if p.provider_id == *provider_id => p,
        Some(_) => {
            return Err(Refusal::edit(
                format!("prior authorization {number} was issued to another provider"),
                "use a PA this provider requested (`mmis pa list`)",
            ))
        }
        None => {
            return Err(Refusal::edit(
                format!("prior authorization {number} is not on file"),
                "check the number with `mmis pa list`",
            ))
        }
    };
    if pa.member_id != claim.member_id {
        return Err(Refusal::edit(
            format!("prior authorization {number} is for another member, not {hid}"),
            format!("use the member's own PA (`mmis pa list --member {hid}`)"),
        ));
    }
    let codes = &pa.procedure_codes;
    // Lines that must be, or are, under this PA.
    let mut pa_lines: Vec<(usize, &LineInput)> = needs.clone();
    for (i, l) in claim.lines.iter().enumerate() {
        if codes.contains(&l.procedure_code) && !pa_lines.iter().any(|(n, _)| *n == i + 1) {
            pa_lines.push((i + 1, l));
        }
    }
    pa_lines.sort_by_key(|(n, _)| *n);
    if pa_lines.is_empty() {
        return Ok(Passed { pa_units: None });
    }
    if pa.status != PaStatus::Approved {
        return Err(Refusal::edit(
            format!(
                "prior authorization {number} is {}, not approved",
                pa.status
            ),
            match pa.status {
                PaStatus::Pending => "wait for OHA's decision (`mmis pa inquire`) before billing".to_string(),
                _ => "the service cannot be billed under this PA; request a new one with `mmis pa submit`".to_string(),
            },
        ));
    }
    let mut units: i64 = 0;
    for (n, l) in &pa_lines {
        if !codes.contains(&l.procedure_code) {
            return Err(Refusal::edit(
                format!(
                    "line {n}: procedure {} is not covered by prior authorization {number} (it covers {})",
                    l.procedure_code,
                    codes.join(", ")
                ),
                "request a PA for this procedure with `mmis pa submit`",
            ));
        }
        let d = l.date_of_service;
        if d < pa.from_date || d > pa.to_date {
            return Err(Refusal::edit(
                format!(
                    "line {n}: the date of service {d} is outside prior authorization {number} ({} to {})",
                    pa.from_date, pa.to_date
                ),
                "bill dates the PA covers, or request a PA for these dates",
            ));
        }
        units = units.saturating_add(l.units);
    }
    let left = pa.units_left.saturating_add(pa.held_by_replaced.max(0));
    if units > left {
        return Err(Refusal::edit(
            format!(
                "prior authorization {number} has {left} unit(s) left of {} approved; this claim needs {units}",
                pa.approved_units.unwrap_or(0)
            ),
            "request more units with a new PA (`mmis pa submit`), or bill fewer units",
        ));
    }
    Ok(Passed {
        pa_units: Some((pa.id, units)),
    })
}

/// The claim a replacement (or an 837P void) names, as on file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Original<'o> {
    pub icn: &'o Icn,
    pub status: ClaimStatus,
    pub member_id: &'o HealthId,
    pub billing_npi: &'o Npi,
    /// The earliest date of service.
    pub first_dos: NaiveDate,
    /// The ICN of the claim that replaced it, if one did.
    pub replaced_by: Option<&'o Icn>,
}

/// Whether a claim may be replaced at all (before the replacement's own edits): only an
/// adjudicated (paid) claim within timely filing, not voided, replaced or denied.
pub fn replaceable(o: &Original<'_>, today: NaiveDate) -> Result<(), Refusal> {
    let icn = o.icn;
    match o.status {
        ClaimStatus::Accepted => {
            return Err(Refusal::conflict(
                format!("claim {icn} is not yet adjudicated (accepted, waiting for the next payment cycle); only an adjudicated claim is replaced"),
                format!("wait for the payment cycle and replace it then, or withdraw it with `mmis claim void {icn}` and submit the corrected claim"),
            ))
        }
        ClaimStatus::Denied => {
            return Err(Refusal::conflict(
                format!("claim {icn} was denied; a denied claim is not replaced"),
                "correct what was denied and submit a new claim (`mmis claim submit`)",
            ))
        }
        ClaimStatus::Voided => {
            return Err(match o.replaced_by {
                Some(by) => Refusal::conflict(
                    format!("claim {icn} is already replaced (by claim {by})"),
                    format!("replace the replacement instead: `mmis claim replace {by} --form F`"),
                ),
                None => Refusal::conflict(
                    format!("claim {icn} is already voided"),
                    "submit a new claim (`mmis claim submit`)",
                ),
            })
        }
        ClaimStatus::Paid => {}
    }
    if o.first_dos < timely_limit(today) {
        return Err(Refusal::conflict(
            format!(
                "claim {icn} has a date of service ({}) past timely filing: more than {TIMELY_FILING_MONTHS} months before today ({today}); it cannot be replaced on the portal",
                o.first_dos
            ),
            "send OHA a paper Individual Adjustment Request for it",
        ));
    }
    Ok(())
}

/// Whether a claim may be voided (`claim void`, or an 837P claim with CLM05-3 = 8): not a
/// denied or already voided claim, nor one past timely filing. An accepted claim not yet
/// adjudicated is withdrawn; a paid one is recouped in the next payment cycle.
pub fn voidable(o: &Original<'_>, today: NaiveDate) -> Result<(), Refusal> {
    let icn = o.icn;
    match o.status {
        ClaimStatus::Denied => Err(Refusal::conflict(
            format!("claim {icn} was denied; a denied claim cannot be voided"),
            "correct what was denied and submit a new claim (`mmis claim submit`)",
        )),
        ClaimStatus::Voided => Err(Refusal::conflict(
            format!("claim {icn} is already voided"),
            format!("`mmis claim status {icn}` shows its history"),
        )),
        _ if o.first_dos < timely_limit(today) => Err(Refusal::conflict(
            format!(
                "claim {icn} has a date of service ({}) more than {TIMELY_FILING_MONTHS} months before today ({today}); it cannot be voided on the portal",
                o.first_dos
            ),
            "send OHA a paper Individual Adjustment Request for it",
        )),
        _ => Ok(()),
    }
}

/// A replacement (or an 837P void) is for the same member and billing provider as the
/// claim it corrects; `what` names it in the refusal ("replacement" or "void").
pub fn same_parties(o: &Original<'_>, claim: &ClaimInput, what: &str) -> Result<(), Refusal> {
    if claim.member_id != *o.member_id {
        return Err(Refusal::edit(
            format!(
                "the {what} is for member {}, but claim {} is for member {}; a {what} corrects a claim of the same member",
                claim.member_id, o.icn, o.member_id
            ),
            format!(
                "a claim for another member is a new claim (`mmis claim submit`); void {} if it was billed for the wrong member",
                o.icn
            ),
        ));
    }
    if claim.billing_npi != *o.billing_npi {
        return Err(Refusal::edit(
            format!(
                "the {what}'s billing NPI is {}, but claim {} was billed by NPI {}; a {what} keeps the billing provider",
                claim.billing_npi, o.icn, o.billing_npi
            ),
            format!(
                "use billing NPI {}, or void {} and submit a new claim",
                o.billing_npi, o.icn
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::claims::{parse_claim, Fee, RawClaim, RawLine};
    use crate::domain::eligibility::CoverageKind;
    use crate::domain::ids::{npi_check_digit, Cents};

    fn p() -> ProviderId {
        ProviderId::parse("provider", "506675928").unwrap()
    }
    fn hid(s: &str) -> HealthId {
        HealthId::parse("member", s).unwrap()
    }

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn npi() -> String {
        format!("123456789{}", npi_check_digit("123456789").unwrap())
    }
    fn today() -> NaiveDate {
        d("2026-03-16")
    }
    fn claim_with(lines: &[(&str, &str, &str)], pa: Option<&str>, pos: &str) -> ClaimInput {
        parse_claim(&RawClaim {
            member_id: "OC100001".into(),
            billing_npi: npi(),
            diagnosis_codes: vec!["F41.1".into()],
            place_of_service: pos.into(),
            prior_auth_number: pa.map(str::to_string),
            lines: lines
                .iter()
                .map(|(code, dos, units)| RawLine {
                    procedure_code: code.to_string(),
                    date_of_service: dos.to_string(),
                    units: units.to_string(),
                    charge: "180".into(),
                    ..RawLine::default()
                })
                .collect(),
            ..RawClaim::default()
        })
        .unwrap()
    }
    fn claim(lines: &[(&str, &str)]) -> ClaimInput {
        let l: Vec<(&str, &str, &str)> = lines.iter().map(|(c, d)| (*c, *d, "1")).collect();
        claim_with(&l, None, "11")
    }
    fn span(kind: CoverageKind, plan: &str, start: &str, end: Option<&str>) -> Span {
        Span {
            kind,
            plan: plan.into(),
            plan_type: None,
            start: d(start),
            end: end.map(d),
            plan_partner: None,
        }
    }
    fn schedule(pa_required: bool) -> FeeSchedule {
        FeeSchedule::new(vec![Fee {
            procedure_code: "97110".into(),
            modifier: String::new(),
            description: "Therapeutic exercise".into(),
            max_allowable: Cents(3000),
            pa_required,
        }])
    }
    fn pa(units_left: i64, held: i64) -> PaFacts {
        PaFacts {
            id: 7,
            provider_id: p(),
            member_id: hid("OC100001"),
            status: PaStatus::Approved,
            procedure_codes: vec!["97110".into()],
            from_date: d("2026-01-01"),
            to_date: d("2026-06-30"),
            approved_units: Some(12),
            units_left,
            held_by_replaced: held,
        }
    }
    fn ours() -> Enrolled {
        Enrolled {
            provider_id: p(),
            name: "Clinic".into(),
        }
    }

    #[test]
    fn provider_enrolled_and_ours() {
        let n = npi();
        let r = provider_rule(None, &p(), &n).unwrap();
        assert_eq!(r.kind, Kind::Invalid);
        assert!(r.reason.contains("is not enrolled with Oregon Medicaid"));
        let other = Enrolled {
            provider_id: ProviderId::parse("provider", "506675929").unwrap(),
            name: "Other".into(),
        };
        let r = provider_rule(Some(&other), &p(), &n).unwrap();
        assert_eq!(
            r.reason,
            format!("billing NPI {n} belongs to provider 506675929 (Other), not to provider 506675928 you are acting for")
        );
        assert!(provider_rule(Some(&ours()), &p(), &n).is_none());
    }

    #[test]
    fn timely_filing_and_future_dates() {
        assert!(dates_rule(&claim(&[("97110", "2026-03-16")]), today()).is_ok());
        assert!(dates_rule(&claim(&[("97110", "2025-03-16")]), today()).is_ok());
        let r = dates_rule(&claim(&[("97110", "2025-03-15")]), today()).unwrap_err();
        assert!(r.reason.starts_with("line 1: the date of service 2025-03-15 is past timely filing: claims are filed within 12 months"), "{}", r.reason);
        let r = dates_rule(
            &claim(&[("97110", "2026-03-01"), ("97110", "2026-03-17")]),
            today(),
        )
        .unwrap_err();
        assert_eq!(
            r.reason,
            "line 2: the date of service 2026-03-17 is in the future (today is 2026-03-16)"
        );
    }

    #[test]
    fn eligible_on_each_date_of_service() {
        let spans = [span(
            CoverageKind::Benefit,
            "BMH",
            "2026-03-01",
            Some("2026-03-10"),
        )];
        assert!(eligibility_rule(&claim(&[("97110", "2026-03-05")]), &spans).is_ok());
        let r = eligibility_rule(
            &claim(&[("97110", "2026-03-05"), ("97110", "2026-03-12")]),
            &spans,
        )
        .unwrap_err();
        assert_eq!(
            r.reason,
            "line 2: member OC100001 is not eligible for Oregon Medicaid on 2026-03-12"
        );
    }

    #[test]
    fn a_cco_members_claim_names_the_cco() {
        let mut cco = span(CoverageKind::Cco, "TRILLIUM", "2026-01-01", None);
        cco.plan_type = Some("CCOA".into());
        let spans = [span(CoverageKind::Benefit, "BMH", "2026-01-01", None), cco];
        let a = answer_ref(&spans, d("2026-03-05"));
        if a.lane != Lane::Cco {
            // The span kinds that make a CCO lane are the eligibility module's; nothing
            // to check here if this one is not.
            return;
        }
        let r = eligibility_rule(&claim(&[("97110", "2026-03-05")]), &spans).unwrap_err();
        assert!(r.reason.contains("the claim belongs to"), "{}", r.reason);
        assert!(r.reason.contains(a.cco.unwrap_or("a CCO")), "{}", r.reason);
    }

    #[test]
    fn cawem_covers_the_emergency_room_only() {
        let spans = [span(CoverageKind::Benefit, "CWM", "2026-01-01", None)];
        let r = eligibility_rule(&claim(&[("97110", "2026-03-05")]), &spans).unwrap_err();
        assert!(r.reason.contains("is CAWEM (CWM)"), "{}", r.reason);
        let er = claim_with(&[("97110", "2026-03-05", "1")], None, "23");
        assert!(eligibility_rule(&er, &spans).is_ok());
    }

    #[test]
    fn duplicates_but_not_the_claim_replaced() {
        let c = claim(&[("97110", "2026-03-05"), ("97110", "2026-03-06")]);
        assert!(duplicate_rule(&c, &[vec![], vec![]], None).is_ok());
        let icn = |s: &str| Icn::parse("", s).unwrap();
        let live = vec![vec![], vec![icn("2226065000001")]];
        let r = duplicate_rule(&c, &live, None).unwrap_err();
        assert_eq!(r.kind, Kind::Conflict);
        assert_eq!(r.reason, "line 2: duplicate of claim 2226065000001 (same member OC100001, provider, procedure 97110 and date of service 2026-03-06)");
        // The copy of the claim it replaces is no duplicate; another live claim still is.
        assert!(duplicate_rule(&c, &live, Some("2226065000001")).is_ok());
        let live = vec![vec![icn("2226065000001"), icn("2226065000002")]];
        let r = duplicate_rule(&c, &live, Some("2226065000001")).unwrap_err();
        assert!(r.reason.contains("duplicate of claim 2226065000002"));
    }

    #[test]
    fn pa_missing_not_on_file_or_another_providers() {
        let c = claim(&[("97110", "2026-03-05")]);
        let r = pa_rule(&c, &schedule(true), None, &p()).unwrap_err();
        assert_eq!(r.reason, "line 1: procedure 97110 needs a prior authorization and the claim has no prior_auth_number");
        assert_eq!(
            pa_rule(&c, &schedule(false), None, &p()),
            Ok(Passed { pa_units: None })
        );
        let c = claim_with(&[("97110", "2026-03-05", "2")], Some("2226075001"), "11");
        let r = pa_rule(&c, &schedule(true), None, &p()).unwrap_err();
        assert_eq!(r.reason, "prior authorization 2226075001 is not on file");
        let mut theirs = pa(10, 0);
        theirs.provider_id = ProviderId::parse("provider", "506675929").unwrap();
        let r = pa_rule(&c, &schedule(true), Some(&theirs), &p()).unwrap_err();
        assert_eq!(
            r.reason,
            "prior authorization 2226075001 was issued to another provider"
        );
        let mut other_member = pa(10, 0);
        other_member.member_id = hid("OC100002");
        let r = pa_rule(&c, &schedule(true), Some(&other_member), &p()).unwrap_err();
        assert!(r.reason.contains("is for another member, not OC100001"));
    }

    #[test]
    fn pa_not_approved_out_of_dates_or_units() {
        let c = claim_with(&[("97110", "2026-03-05", "2")], Some("2226075001"), "11");
        let mut pending = pa(10, 0);
        pending.status = PaStatus::Pending;
        let r = pa_rule(&c, &schedule(true), Some(&pending), &p()).unwrap_err();
        assert_eq!(
            r.reason,
            "prior authorization 2226075001 is pending, not approved"
        );
        let late = claim_with(&[("97110", "2026-07-01", "2")], Some("2226075001"), "11");
        let r = pa_rule(&late, &schedule(true), Some(&pa(10, 0)), &p()).unwrap_err();
        assert!(r
            .reason
            .contains("is outside prior authorization 2226075001 (2026-01-01 to 2026-06-30)"));
        let r = pa_rule(&c, &schedule(true), Some(&pa(1, 0)), &p()).unwrap_err();
        assert_eq!(
            r.reason,
            "prior authorization 2226075001 has 1 unit(s) left of 12 approved; this claim needs 2"
        );
        assert_eq!(
            pa_rule(&c, &schedule(true), Some(&pa(2, 0)), &p()),
            Ok(Passed {
                pa_units: Some((7, 2))
            })
        );
        // The units the replaced claim holds come back to the replacement.
        assert_eq!(
            pa_rule(&c, &schedule(true), Some(&pa(0, 2)), &p()),
            Ok(Passed {
                pa_units: Some((7, 2))
            })
        );
    }

    #[test]
    fn check_runs_the_rules_in_order() {
        let spans = [span(CoverageKind::Benefit, "BMH", "2024-01-01", None)];
        let fees = schedule(false);
        let c = claim(&[("97110", "2026-03-05")]);
        let mut f = Facts {
            today: today(),
            provider_id: &p(),
            billing: Some(ours()),
            member_known: true,
            spans: &spans,
            live: vec![vec![]],
            replaces: None,
            fees: &fees,
            pa: None,
        };
        assert_eq!(check(&c, &f), Ok(Passed { pa_units: None }));
        f.live = vec![vec![Icn::parse("", "2226065000001").unwrap()]];
        assert!(check(&c, &f)
            .unwrap_err()
            .reason
            .contains("duplicate of claim"));
        f.member_known = false;
        assert!(check(&c, &f).unwrap_err().reason.contains("is not known"));
        f.billing = None;
        assert!(check(&c, &f).unwrap_err().reason.contains("not enrolled"));
    }

    /// A value the test's `Original` can borrow for as long as it likes.
    fn kept<T>(v: T) -> &'static T {
        Box::leak(Box::new(v))
    }
    fn icn(s: &str) -> &'static Icn {
        kept(Icn::parse("icn", s).unwrap())
    }
    fn npi_of(s: &str) -> &'static Npi {
        kept(Npi::parse("npi", s).unwrap())
    }
    fn original(status: &str, by: Option<&str>, dos: &str) -> Original<'static> {
        Original {
            icn: icn("2226065000001"),
            status: ClaimStatus::parse(status).unwrap(),
            member_id: kept(hid("OC100001")),
            billing_npi: npi_of("1234567893"),
            first_dos: d(dos),
            replaced_by: by.map(icn),
        }
    }

    #[test]
    fn only_an_adjudicated_claim_in_time_is_replaced() {
        let t = today();
        assert!(replaceable(&original("paid", None, "2026-03-05"), t).is_ok());
        for (status, by, says) in [
            ("accepted", None, "is not yet adjudicated"),
            ("denied", None, "was denied"),
            ("voided", None, "is already voided"),
            (
                "voided",
                Some("2226075000009"),
                "is already replaced (by claim 2226075000009)",
            ),
        ] {
            let r = replaceable(&original(status, by, "2026-03-05"), t).unwrap_err();
            assert_eq!(r.kind, Kind::Conflict);
            assert!(r.reason.contains(says), "{status}: {}", r.reason);
        }
        let r = replaceable(&original("paid", None, "2025-03-01"), t).unwrap_err();
        assert!(r.reason.contains("past timely filing"), "{}", r.reason);
    }

    #[test]
    fn a_claim_is_voided_unless_denied_voided_or_too_old() {
        let t = today();
        assert!(voidable(&original("paid", None, "2026-03-05"), t).is_ok());
        assert!(voidable(&original("accepted", None, "2026-03-05"), t).is_ok());
        let r = voidable(&original("denied", None, "2026-03-05"), t).unwrap_err();
        assert_eq!(
            r.reason,
            "claim 2226065000001 was denied; a denied claim cannot be voided"
        );
        let r = voidable(&original("voided", None, "2026-03-05"), t).unwrap_err();
        assert_eq!(r.reason, "claim 2226065000001 is already voided");
        let r = voidable(&original("paid", None, "2025-03-01"), t).unwrap_err();
        assert!(r
            .reason
            .contains("more than 12 months before today (2026-03-16)"));
    }

    #[test]
    fn a_replacement_keeps_member_and_billing_provider() {
        let mut c = claim(&[("97110", "2026-03-05")]);
        let mut o = original("paid", None, "2026-03-05");
        o.billing_npi = npi_of(&npi());
        assert!(same_parties(&o, &c, "replacement").is_ok());
        o.member_id = kept(hid("OC100002"));
        assert!(same_parties(&o, &c, "replacement")
            .unwrap_err()
            .reason
            .contains("but claim 2226065000001 is for member OC100002"));
        o.member_id = kept(hid("OC100001"));
        o.billing_npi = npi_of("1987654328");
        c.member_id = hid("OC100001");
        assert!(same_parties(&o, &c, "replacement")
            .unwrap_err()
            .reason
            .contains("was billed by NPI 1987654328"));
    }
}
