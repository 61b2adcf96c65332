//! `pa submit|inquire|list`: prior authorizations and plans of care, and the units claims
//! take from them.

use crate::auth::{self, Actor};
use crate::cli::claims::{PaListArgs, PaNumberArgs, PaSubmitArgs};
use crate::context::Context;
use crate::domain::claims::{
    check_pa_range, display_diagnosis, parse_diagnosis_code, parse_procedure_code, Icn, PaKind,
    PaNumber, PaStatus,
};
use crate::domain::eligibility::{segments, Lane};
use crate::domain::ids::HealthId;
use crate::domain::roles::Role;
use crate::domain::time::parse_date;
use crate::error::{Error, Result};
use crate::forms::{field, Field, Form, Kind, Prompts};
use crate::output::Output;
use crate::store::pa::{NewPa, PaRow};
use serde::Serialize;

pub const FIELDS: &[Field] = &[
    field(
        "kind",
        "Kind (prior-auth or plan-of-care)",
        Kind::Text,
        true,
    ),
    field("member_id", "Member Oregon Health ID", Kind::Text, true),
    field(
        "diagnosis_codes",
        "Diagnosis codes (ICD-10-CM)",
        Kind::List,
        true,
    ),
    field(
        "procedure_codes",
        "Procedure codes (CPT/HCPCS)",
        Kind::List,
        true,
    ),
    field("from", "From date (YYYY-MM-DD)", Kind::Text, true),
    field("to", "To date (YYYY-MM-DD)", Kind::Text, true),
    field("units", "Units requested", Kind::Integer, true),
];

#[derive(Serialize)]
pub struct PaView {
    pub pa_number: String,
    pub kind: String,
    pub status: String,
    pub action_code: String,
    pub member_id: String,
    pub provider_id: String,
    pub procedure_codes: Vec<String>,
    pub diagnosis_codes: Vec<String>,
    pub from: String,
    pub to: String,
    pub requested_units: i64,
    pub approved_units: i64,
    pub used_units: i64,
    pub units_left: i64,
    pub reason: Option<String>,
    pub submitted_on: String,
    pub decided_on: Option<String>,
    pub claims: Vec<PaClaim>,
}

#[derive(Serialize)]
pub struct PaClaim {
    pub icn: String,
    pub units: i64,
}

pub fn pa_view(p: &PaRow, claims: Vec<(Icn, i64)>) -> PaView {
    PaView {
        pa_number: p.pa_number.to_string(),
        kind: p.kind.to_string(),
        status: p.status.to_string(),
        action_code: p.action_code.clone(),
        member_id: p.member_id.to_string(),
        provider_id: p.provider_id.to_string(),
        procedure_codes: p.procedure_codes(),
        diagnosis_codes: p
            .diagnosis_codes()
            .iter()
            .map(|d| display_diagnosis(d))
            .collect(),
        from: p.from_date.to_string(),
        to: p.to_date.to_string(),
        requested_units: p.requested_units,
        approved_units: p.approved_units.unwrap_or(0),
        used_units: p.used_units,
        units_left: p.units_left(),
        reason: p.reason.clone(),
        submitted_on: p.submitted_on.to_string(),
        decided_on: p.decided_on.map(|d| d.to_string()),
        claims: claims
            .into_iter()
            .map(|(icn, units)| PaClaim {
                icn: icn.to_string(),
                units,
            })
            .collect(),
    }
}

fn pa_text(v: &PaView) -> String {
    let mut s = format!(
        "{kind} {n}: {status} (278 {code})\nMember {m}  Provider {p}\nProcedures {codes}  Diagnoses {dx}\nDates {from} to {to}\nUnits: requested {req}, approved {ap}, used {used}, left {left}\n",
        kind = if v.kind == "plan-of-care" { "Plan of care" } else { "Prior authorization" },
        n = v.pa_number,
        status = v.status,
        code = v.action_code,
        m = v.member_id,
        p = v.provider_id,
        codes = v.procedure_codes.join(", "),
        dx = v.diagnosis_codes.join(", "),
        from = v.from,
        to = v.to,
        req = v.requested_units,
        ap = v.approved_units,
        used = v.used_units,
        left = v.units_left,
    );
    if let Some(r) = &v.reason {
        s.push_str(&format!("Reason: {r}\n"));
    }
    for c in &v.claims {
        s.push_str(&format!("  claim {} used {} unit(s)\n", c.icn, c.units));
    }
    s
}

/// The inquiry role a PA of this kind needs.
fn inquiry_role(kind: PaKind) -> Role {
    if kind == PaKind::PlanOfCare {
        Role::PlanOfCareInquiry
    } else {
        Role::PriorAuthInquiry
    }
}

struct PaInput {
    kind: PaKind,
    member_id: HealthId,
    diagnosis_codes: Vec<String>,
    procedure_codes: Vec<String>,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    units: i64,
}

fn parse_pa(form: &Form) -> std::result::Result<PaInput, Vec<String>> {
    let mut p = Vec::new();
    fn keep<T>(p: &mut Vec<String>, r: Result<T>) -> Option<T> {
        r.map_err(|e| p.push(e.message)).ok()
    }
    let kind = form
        .text_or_empty("kind")
        .and_then(|k| PaKind::parse("kind", &k));
    let kind = keep(&mut p, kind);
    let member = form
        .text_or_empty("member_id")
        .and_then(|m| HealthId::parse("member_id", &m));
    let member_id = keep(&mut p, member);
    let dx = keep(&mut p, form.list("diagnosis_codes"))
        .flatten()
        .unwrap_or_default();
    if dx.is_empty() {
        p.push("diagnosis_codes: at least one ICD-10-CM code is needed".into());
    }
    let diagnosis_codes: Vec<String> = dx
        .iter()
        .filter_map(|d| keep(&mut p, parse_diagnosis_code("diagnosis_codes", d)))
        .collect();
    let px = keep(&mut p, form.list("procedure_codes"))
        .flatten()
        .unwrap_or_default();
    if px.is_empty() {
        p.push("procedure_codes: at least one CPT or HCPCS code is needed".into());
    }
    let mut procedure_codes: Vec<String> = Vec::new();
    for c in &px {
        if let Some(c) = keep(&mut p, parse_procedure_code("procedure_codes", c)) {
            if !procedure_codes.contains(&c) {
                procedure_codes.push(c);
            }
        }
    }
    let from = form
        .text_or_empty("from")
        .and_then(|d| parse_date("from", &d));
    let from = keep(&mut p, from);
    let to = form.text_or_empty("to").and_then(|d| parse_date("to", &d));
    let to = keep(&mut p, to);
    let units = match form.integer("units") {
        Ok(Some(u)) if (1..=9_999).contains(&u) => Some(u),
        Ok(_) => {
            p.push("units: a whole number from 1 to 9999".into());
            None
        }
        Err(e) => {
            p.push(e.message);
            None
        }
    };
    match (kind, member_id, from, to, units) {
        (Some(kind), Some(member_id), Some(from), Some(to), Some(units)) if p.is_empty() => {
            Ok(PaInput {
                kind,
                member_id,
                diagnosis_codes,
                procedure_codes,
                from,
                to,
                units,
            })
        }
        _ => Err(p),
    }
}

pub fn cmd_pa_submit(ctx: &Context, args: &PaSubmitArgs) -> Result<Output> {
    let prompts = Prompts::new().check(|form: &Form| Ok(parse_pa(form).err().unwrap_or_default()));
    let form = Form::load(args.form.as_deref())?.complete_with(
        "Prior authorization request",
        FIELDS,
        &ctx.ui,
        true,
        &prompts,
    )?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::PaSubmit)?;
    let provider_id = actor.provider()?.clone();
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    let refuse = |tx: crate::store::Tx<'_>, target: Option<&str>, err: Error| -> Result<Output> {
        let msg = err.message.lines().collect::<Vec<_>>().join(" ");
        tx.audit(&actor.entry(&now, "pa submit", target, "refused", Some(&msg)))?;
        tx.commit()?;
        Err(err.hint("nothing was stored"))
    };
    let pa = match parse_pa(&form) {
        Ok(p) => p,
        Err(problems) => {
            return refuse(tx, None, Error::invalid_fields("the PA request", &problems))
        }
    };
    let hid = pa.member_id.to_string();
    if let Err(e) = check_pa_range(today, pa.from, pa.to) {
        return refuse(tx, Some(&hid), e);
    }
    let Some(member) = tx.member_by_health_id(&pa.member_id)? else {
        return refuse(
            tx,
            Some(&hid),
            Error::invalid(format!(
                "member {hid} is not known to Oregon Medicaid (no such Oregon Health ID)"
            ))
            .hint("check the member's Oregon Health ID with `mmis elig check`"),
        );
    };
    let spans = tx.member_spans(member.id)?;
    for seg in segments(&spans, pa.from, pa.to) {
        let a = &seg.answer;
        let err = match a.lane {
            Lane::OpenCard => None,
            Lane::None => Some(
                Error::invalid(format!(
                    "member {hid} is not eligible for Oregon Medicaid from {} to {}",
                    seg.from, seg.to
                ))
                .hint("request the PA only for dates the member is eligible (`mmis elig check`)"),
            ),
            Lane::Cco => {
                let cco = a.cco.clone().unwrap_or_else(|| "a CCO".into());
                let partner = a
                    .plan_partner
                    .as_ref()
                    .map(|p| format!(", plan partner {p}"))
                    .unwrap_or_default();
                Some(
                    Error::invalid(format!(
                        "member {hid} is enrolled in {cco}{partner} from {} to {}: prior authorization for those dates is {cco}'s, not Open Card's",
                        seg.from, seg.to
                    ))
                    .hint(format!("request the authorization from {cco}{partner}")),
                )
            }
        };
        if let Some(e) = err {
            return refuse(tx, Some(&hid), e);
        }
    }
    let seq = tx.next_sequence(&PaNumber::prefix(today))?;
    let number = PaNumber::new(today, seq).ok_or_else(|| {
        Error::conflict(format!("the PA number sequence for {today} is used up"))
            .hint("submit again on the next business day")
    })?;
    let dx = pa.diagnosis_codes.join(",");
    let px = pa.procedure_codes.join(",");
    let (from, to) = (pa.from.to_string(), pa.to.to_string());
    tx.insert_pa(&NewPa {
        pa_number: &number,
        kind: pa.kind,
        provider_id: &provider_id,
        member_id: pa.member_id,
        diagnosis_codes: &dx,
        procedure_codes: &px,
        from_date: pa.from,
        to_date: pa.to,
        requested_units: pa.units,
        submitted_on: today,
        created_at: &now,
        created_by: &actor.user_name,
    })?;
    tx.audit(&actor.entry(
        &now,
        "pa submit",
        Some(number.as_str()),
        "ok",
        Some(&format!(
            "{} for member {hid}: {px}, {from} to {to}, {} units",
            pa.kind.as_str(),
            pa.units
        )),
    ))?;
    tx.commit()?;
    let human = format!(
        "{} request {number} submitted: pending (278 A4).\nFollow it with `mmis pa inquire {number}`.",
        if pa.kind == PaKind::PlanOfCare { "Plan of care" } else { "Prior authorization" }
    );
    Ok(Output::record_with(
        serde_json::json!({
            "pa_number": number.as_str(),
            "status": "pending",
            "action_code": "A4",
            "kind": pa.kind.as_str(),
            "member_id": hid,
            "procedure_codes": pa.procedure_codes,
            "from": from,
            "to": to,
            "requested_units": pa.units,
        }),
        human,
    ))
}

fn deny_kind(actor: &Actor, command: &str, kind: PaKind) -> Error {
    let role = inquiry_role(kind);
    Error::denied(format!(
        "`mmis {command}` of a {kind} needs the {} role for provider {}; {} does not have it",
        role.name(),
        actor.provider_id.as_ref().map_or("-", |p| p.as_str()),
        actor.user_name
    ))
    .hint(auth::missing_role_hint(actor, &[role]))
}

pub fn cmd_pa_inquire(ctx: &Context, args: &PaNumberArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::PaInquire)?;
    let provider_id = actor.provider()?.clone();
    let number = PaNumber::parse("PA number", &args.pa_number)?;
    let pa = tx
        .pa_by_number(&number)?
        .filter(|p| p.provider_id == provider_id)
        .ok_or_else(|| {
            Error::not_found(format!(
                "no prior authorization {number} for provider {provider_id}"
            ))
            .hint("`mmis pa list` shows this provider's PAs")
        })?;
    let now = ctx.clock.now_str();
    if !actor.has(inquiry_role(pa.kind)) {
        let err = deny_kind(&actor, "pa inquire", pa.kind);
        let entry = actor.entry(
            &now,
            "pa inquire",
            Some(pa.pa_number.as_str()),
            "denied",
            Some(&err.message),
        );
        auth::finish(ctx, &store, tx, &actor, &[entry])?;
        return Err(err);
    }
    let view = pa_view(&pa, tx.pa_claims(pa.id)?);
    let entry = actor.entry(&now, "pa inquire", Some(pa.pa_number.as_str()), "ok", None);
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    let human = pa_text(&view);
    Ok(Output::record_with(view, human))
}

#[derive(Serialize)]
pub struct PaListRow {
    pub pa_number: String,
    pub kind: String,
    pub status: String,
    pub member_id: String,
    pub procedure_codes: Vec<String>,
    pub from: String,
    pub to: String,
    pub approved_units: i64,
    pub used_units: i64,
    pub units_left: i64,
}

pub fn cmd_pa_list(ctx: &Context, args: &PaListArgs) -> Result<Output> {
    let member = args
        .member
        .as_ref()
        .map(|m| HealthId::parse("--member", m))
        .transpose()?;
    let status = args
        .status
        .as_ref()
        .map(|s| PaStatus::parse(s))
        .transpose()?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::PaList)?;
    let provider_id = actor.provider()?.clone();
    let rows: Vec<PaListRow> = tx
        .pa_list(Some(&provider_id), member, status)?
        .into_iter()
        .filter(|p| actor.has(inquiry_role(p.kind)))
        .map(|p| PaListRow {
            units_left: p.units_left(),
            procedure_codes: p.procedure_codes(),
            pa_number: p.pa_number.to_string(),
            kind: p.kind.to_string(),
            status: p.status.to_string(),
            member_id: p.member_id.to_string(),
            from: p.from_date.to_string(),
            to: p.to_date.to_string(),
            approved_units: p.approved_units.unwrap_or(0),
            used_units: p.used_units,
        })
        .collect();
    let now = ctx.clock.now_str();
    let detail = format!("{} found", rows.len());
    let entry = actor.entry(&now, "pa list", None, "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    // Every field in JSON and CSV; the table folds the dates and the units (used/approved)
    // so that it fits an 80-column terminal (`pa inquire` shows one PA whole).
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.pa_number.clone(),
                if r.kind == "plan-of-care" {
                    "POC"
                } else {
                    "PA"
                }
                .to_string(),
                r.status.clone(),
                r.member_id.clone(),
                r.procedure_codes.join(" "),
                format!("{} {}", r.from, r.to),
                format!("{}/{}", r.used_units, r.approved_units),
                r.units_left.to_string(),
            ]
        })
        .collect();
    Ok(Output::rows_with_table(
        &rows,
        vec![
            "pa_number",
            "kind",
            "status",
            "member",
            "codes",
            "dates",
            "used",
            "left",
        ],
        table,
    ))
}

pub fn cmd_pa_cancel(ctx: &Context, args: &PaNumberArgs) -> Result<Output> {
    let number = PaNumber::parse("PA number", &args.pa_number)?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::PaCancel)?;
    let provider_id = actor.provider()?.clone();
    let pa = tx
        .pa_by_number(&number)?
        .filter(|p| p.provider_id == provider_id)
        .ok_or_else(|| {
            Error::not_found(format!(
                "no prior authorization {number} for provider {provider_id}"
            ))
            .hint("`mmis pa list` shows this provider's PAs")
        })?;
    let now = ctx.clock.now_str();
    if pa.status != PaStatus::Pending && pa.status != PaStatus::Approved {
        let err = Error::conflict(format!(
            "prior authorization {number} is {} (278 {}); only a pending or approved PA can be cancelled",
            pa.status, pa.action_code
        ));
        tx.audit(&actor.entry(
            &now,
            "pa cancel",
            Some(number.as_str()),
            "refused",
            Some(&err.message),
        ))?;
        tx.commit()?;
        return Err(err);
    }
    tx.decide_pa(
        pa.id,
        PaStatus::Cancelled,
        "C",
        pa.approved_units,
        Some("cancelled by the provider"),
        ctx.clock.today(),
        &actor.user_name,
    )?;
    let detail = format!(
        "cancelled (was {}); {} unit(s) used by claims stay with them",
        pa.status, pa.used_units
    );
    tx.audit(&actor.entry(
        &now,
        "pa cancel",
        Some(number.as_str()),
        "ok",
        Some(&detail),
    ))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({
            "pa_number": number.as_str(),
            "status": "cancelled",
            "action_code": "C",
            "previous_status": pa.status.as_str(),
            "used_units": pa.used_units,
        }),
        format!("Prior authorization {number} cancelled (278 C). No new claim can use it."),
    ))
}
