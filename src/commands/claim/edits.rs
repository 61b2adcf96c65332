//! The submission edits a claim goes through (portal form and 837P alike), and storing an
//! accepted claim. A refusal names the reason and what the biller can do about it.

use crate::domain::claims::{
    timely_limit, ClaimInput, ClaimStatus, ClaimType, Fee, FeeSchedule, Icn, LineInput,
    EMERGENCY_ONLY_PLANS, POS_EMERGENCY_ROOM, TIMELY_FILING_MONTHS,
};
use crate::domain::eligibility::{answer_on, Lane};
use crate::domain::ids::Cents;
use crate::error::{Error, Kind, Result};
use crate::store::claims::{NewClaim, NewLine};
use crate::store::pa::PaRow;
use crate::store::Tx;
use chrono::NaiveDate;

/// Why a claim was refused: exit 6 for an edit, exit 7 for a duplicate.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub kind: Kind,
    pub reason: String,
    pub hint: Option<String>,
}

impl Refusal {
    fn edit(reason: impl Into<String>, hint: impl Into<String>) -> Refusal {
        Refusal {
            kind: Kind::Invalid,
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
pub struct Passed {
    /// (PA id, units) the claim takes.
    pub pa_units: Option<(i64, i64)>,
}

/// Runs the edits in order: billing provider, member, dates, eligibility and lane,
/// benefit plan, duplicate, prior authorization. Store errors come back as `Err`.
pub fn run(
    tx: &Tx<'_>,
    provider_id: &str,
    today: NaiveDate,
    claim: &ClaimInput,
) -> Result<std::result::Result<Passed, Refusal>> {
    if let Some(r) = provider_edit(tx, provider_id, claim.billing_npi.as_str())? {
        return Ok(Err(r));
    }
    let hid = claim.member_id.as_str();
    let Some(member) = tx.member_by_health_id(hid)? else {
        return Ok(Err(unknown_member(hid)));
    };
    // Dates of service: not in the future, within timely filing.
    let earliest = timely_limit(today);
    for (i, l) in claim.lines.iter().enumerate() {
        let n = i + 1;
        let d = l.date_of_service;
        if d > today {
            return Ok(Err(Refusal::edit(
                format!("line {n}: the date of service {d} is in the future (today is {today})"),
                "bill a service after it has been rendered",
            )));
        }
        if d < earliest {
            return Ok(Err(Refusal::edit(
                format!(
                    "line {n}: the date of service {d} is past timely filing: claims are filed within {TIMELY_FILING_MONTHS} months of the date of service (on {today}, nothing before {earliest})"
                ),
                "a timely-filing exception is asked of OHA on paper with proof of timely submission",
            )));
        }
    }
    // Eligibility, lane and benefit plan on each date of service.
    let spans = tx.member_spans(member.id)?;
    for (i, l) in claim.lines.iter().enumerate() {
        let n = i + 1;
        let d = l.date_of_service;
        let a = answer_on(&spans, d);
        if !a.eligible {
            return Ok(Err(Refusal::edit(
                format!("line {n}: member {hid} is not eligible for Oregon Medicaid on {d}"),
                format!("check the dates with `mmis elig check --id {hid} --date {d}`; the member may be self-pay or covered elsewhere"),
            )));
        }
        if a.lane == Lane::Cco {
            let cco = a.cco.clone().unwrap_or_else(|| "a CCO".into());
            let partner = a
                .plan_partner
                .as_ref()
                .map(|p| format!(", plan partner {p}"))
                .unwrap_or_default();
            return Ok(Err(Refusal::edit(
                format!(
                    "line {n}: member {hid} is enrolled in {cco}{partner} on {d}: the claim belongs to {cco}, not to Open Card fee-for-service"
                ),
                format!("submit the claim to {cco}{partner} through its own portal or clearinghouse"),
            )));
        }
        if let Some(plan) = &a.benefit_plan {
            if EMERGENCY_ONLY_PLANS.contains(&plan.as_str())
                && claim.place_of_service != POS_EMERGENCY_ROOM
            {
                return Ok(Err(Refusal::edit(
                    format!(
                        "line {n}: member {hid}'s benefit plan on {d} is CAWEM ({plan}), which covers emergency services only (place of service {POS_EMERGENCY_ROOM}); this claim's place of service is {}",
                        claim.place_of_service
                    ),
                    "CAWEM pays only for emergency care; bill the member or another payer for this service",
                )));
            }
        }
    }
    // Duplicate of an earlier live claim.
    for (i, l) in claim.lines.iter().enumerate() {
        let dos = l.date_of_service.to_string();
        if let Some(icn) = tx.duplicate_claim(provider_id, hid, &l.procedure_code, &dos)? {
            return Ok(Err(Refusal {
                kind: Kind::Conflict,
                reason: format!(
                    "line {}: duplicate of claim {icn} (same member {hid}, provider, procedure {} and date of service {dos})",
                    i + 1,
                    l.procedure_code
                ),
                hint: Some(format!(
                    "follow the earlier claim with `mmis claim status {icn}`; to replace it, void it first with `mmis claim void {icn}`"
                )),
            }));
        }
    }
    // Prior authorization.
    pa_edit(tx, provider_id, claim)
}

fn unknown_member(hid: &str) -> Refusal {
    Refusal::edit(
        format!("member {hid} is not known to Oregon Medicaid (no such Oregon Health ID)"),
        "check the member's Oregon Health ID on their card, or look them up by name with `mmis elig check --last L --first F --dob D`",
    )
}

/// The billing provider must be enrolled, and be the provider we act for.
pub fn provider_edit(tx: &Tx<'_>, provider_id: &str, npi: &str) -> Result<Option<Refusal>> {
    Ok(match tx.provider_by_npi(npi)? {
        None => Some(Refusal::edit(
            format!("billing NPI {npi} is not enrolled with Oregon Medicaid"),
            "check the NPI; a provider must be enrolled (and have an Oregon Medicaid provider ID) before it bills",
        )),
        Some(p) if p.provider_id != provider_id => Some(Refusal::edit(
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
    })
}

/// Who the claim is from and for, checked before anything else in a batch claim whose
/// other fields are unusable: a file from elsewhere is refused for what matters most.
pub fn party_edit(
    tx: &Tx<'_>,
    provider_id: &str,
    billing_npi: &str,
    member_id: &str,
) -> Result<Option<Refusal>> {
    match crate::domain::ids::Npi::parse("billing_npi", billing_npi) {
        Ok(npi) => {
            if let Some(r) = provider_edit(tx, provider_id, npi.as_str())? {
                return Ok(Some(r));
            }
        }
        Err(e) => {
            return Ok(Some(Refusal::edit(
                format!(
                    "the billing provider is not one Oregon Medicaid knows: {}",
                    e.message
                ),
                "bill with the enrolled provider's NPI",
            )))
        }
    }
    match crate::domain::ids::HealthId::parse("member_id", member_id) {
        Ok(hid) => {
            if tx.member_by_health_id(hid.as_str())?.is_none() {
                return Ok(Some(unknown_member(hid.as_str())));
            }
        }
        Err(e) => {
            return Ok(Some(Refusal::edit(
                format!("the member is not one Oregon Medicaid knows: {}", e.message),
                "use the member's Oregon Health ID (8 letters and digits) as the subscriber's member ID",
            )))
        }
    }
    Ok(None)
}

fn schedule_for(tx: &Tx<'_>, lines: &[LineInput]) -> Result<FeeSchedule> {
    let mut rows = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for l in lines {
        if seen.contains(&l.procedure_code.as_str()) {
            continue;
        }
        seen.push(&l.procedure_code);
        for f in tx.fees_for_code(&l.procedure_code)? {
            rows.push(Fee {
                procedure_code: f.procedure_code,
                modifier: f.modifier,
                description: f.description,
                max_allowable: Cents(f.max_allowable),
                pa_required: f.pa_required,
            });
        }
    }
    Ok(FeeSchedule::new(rows))
}

fn pa_edit(
    tx: &Tx<'_>,
    provider_id: &str,
    claim: &ClaimInput,
) -> Result<std::result::Result<Passed, Refusal>> {
    let schedule = schedule_for(tx, &claim.lines)?;
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
            return Ok(Err(Refusal::edit(
                format!(
                    "line {n}: procedure {} needs a prior authorization and the claim has no prior_auth_number",
                    l.procedure_code
                ),
                "request one with `mmis pa submit`, and once it is approved put its number in prior_auth_number",
            )));
        }
        return Ok(Ok(Passed { pa_units: None }));
    };
    let pa: PaRow = match tx.pa_by_number(number.as_str())? {
        Some(p) if p.provider_id == provider_id => p,
        Some(_) => {
            return Ok(Err(Refusal::edit(
                format!("prior authorization {number} was issued to another provider"),
                "use a PA this provider requested (`mmis pa list`)",
            )))
        }
        None => {
            return Ok(Err(Refusal::edit(
                format!("prior authorization {number} is not on file"),
                "check the number with `mmis pa list`",
            )))
        }
    };
    if pa.member_id != hid {
        return Ok(Err(Refusal::edit(
            format!("prior authorization {number} is for another member, not {hid}"),
            format!("use the member's own PA (`mmis pa list --member {hid}`)"),
        )));
    }
    let codes = pa.procedure_codes();
    // Lines that must be, or are, under this PA.
    let mut pa_lines: Vec<(usize, &LineInput)> = needs.clone();
    for (i, l) in claim.lines.iter().enumerate() {
        if codes.contains(&l.procedure_code) && !pa_lines.iter().any(|(n, _)| *n == i + 1) {
            pa_lines.push((i + 1, l));
        }
    }
    pa_lines.sort_by_key(|(n, _)| *n);
    if pa_lines.is_empty() {
        return Ok(Ok(Passed { pa_units: None }));
    }
    if pa.status != "approved" {
        return Ok(Err(Refusal::edit(
            format!(
                "prior authorization {number} is {}, not approved",
                pa.status
            ),
            match pa.status.as_str() {
                "pending" => "wait for OHA's decision (`mmis pa inquire`) before billing".to_string(),
                _ => "the service cannot be billed under this PA; request a new one with `mmis pa submit`".to_string(),
            },
        )));
    }
    let mut units = 0;
    for (n, l) in &pa_lines {
        if !codes.contains(&l.procedure_code) {
            return Ok(Err(Refusal::edit(
                format!(
                    "line {n}: procedure {} is not covered by prior authorization {number} (it covers {})",
                    l.procedure_code,
                    codes.join(", ")
                ),
                "request a PA for this procedure with `mmis pa submit`",
            )));
        }
        let d = l.date_of_service.to_string();
        if d < pa.from_date || d > pa.to_date {
            return Ok(Err(Refusal::edit(
                format!(
                    "line {n}: the date of service {d} is outside prior authorization {number} ({} to {})",
                    pa.from_date, pa.to_date
                ),
                "bill dates the PA covers, or request a PA for these dates",
            )));
        }
        units += l.units;
    }
    let left = pa.units_left();
    if units > left {
        return Ok(Err(Refusal::edit(
            format!(
                "prior authorization {number} has {left} unit(s) left of {} approved; this claim needs {units}",
                pa.approved_units.unwrap_or(0)
            ),
            "request more units with a new PA (`mmis pa submit`), or bill fewer units",
        )));
    }
    Ok(Ok(Passed {
        pa_units: Some((pa.id, units)),
    }))
}

/// Stores an accepted claim: a new ICN, the claim and its lines, its history, the PA
/// units it takes. Returns the ICN.
#[allow(clippy::too_many_arguments)]
pub fn accept(
    tx: &Tx<'_>,
    provider_id: &str,
    today: NaiveDate,
    now: &str,
    actor: &str,
    kind: ClaimType,
    claim: &ClaimInput,
    passed: &Passed,
) -> Result<Icn> {
    let seq = tx.next_sequence(&Icn::prefix(kind, today))?;
    let icn = Icn::new(kind, today, seq).ok_or_else(|| {
        Error::conflict(format!(
            "the ICN sequence for {today} is used up (999,999 claims of this type in one day)"
        ))
        .hint("submit the claim again on the next business day")
    })?;
    let diagnoses = claim.diagnosis_codes.join(",");
    let first = claim.first_dos().unwrap_or(today).to_string();
    let last = claim.last_dos().unwrap_or(today).to_string();
    let lines: Vec<NewLine<'_>> = claim
        .lines
        .iter()
        .map(|l| NewLine {
            procedure_code: &l.procedure_code,
            modifiers: l.modifiers.join(","),
            date_of_service: l.date_of_service.to_string(),
            units: l.units,
            charge: l.charge.0,
        })
        .collect();
    let received = today.to_string();
    let id = tx.insert_claim(
        &NewClaim {
            icn: icn.as_str(),
            provider_id,
            member_id: claim.member_id.as_str(),
            billing_npi: claim.billing_npi.as_str(),
            rendering_npi: claim.rendering_npi.as_str(),
            diagnosis_codes: &diagnoses,
            place_of_service: &claim.place_of_service,
            prior_auth_number: claim.prior_auth_number.as_ref().map(|p| p.as_str()),
            patient_control_number: claim.patient_control_number.as_deref(),
            source: kind.source(),
            received_on: &received,
            billed: claim.billed().0,
            first_dos: &first,
            last_dos: &last,
            created_at: now,
            created_by: actor,
        },
        &lines,
    )?;
    let st = ClaimStatus::Accepted;
    let note = match kind {
        ClaimType::PortalProfessional => "received on the portal; accepted into adjudication",
        ClaimType::X12Professional => "received in an 837P batch; accepted into adjudication",
    };
    tx.add_claim_history(
        id,
        &received,
        now,
        st.as_str(),
        st.category_code(),
        actor,
        Some(note),
    )?;
    if let Some((pa_id, units)) = passed.pa_units {
        tx.use_pa_units(pa_id, id, units, &received)?;
    }
    Ok(icn)
}
