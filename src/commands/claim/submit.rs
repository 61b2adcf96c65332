//! `claim submit --form F` (or prompts): one claim keyed on the portal.
//! `claim submit --x12 FILE.837 [--ack FILE.999]`: an 837P batch (see `x12.rs`).

use super::edits;
use crate::auth::{self, Actor};
use crate::cli::claims::SubmitArgs;
use crate::context::Context;
use crate::domain::claims::{parse_claim, ClaimInput, ClaimStatus, ClaimType, RawClaim, RawLine};
use crate::domain::ids::ProviderId;
use crate::error::{Error, Result};
use crate::forms::{field, Field, Form, Kind, Prompts};
use crate::output::Output;
use crate::store::Tx;
use chrono::NaiveDate;
use serde::Serialize;

pub const FIELDS: &[Field] = &[
    field("member_id", "Member Oregon Health ID", Kind::Text, true),
    field("billing_npi", "Billing provider NPI", Kind::Text, true),
    field("rendering_npi", "Rendering provider NPI", Kind::Text, false),
    field(
        "diagnosis_codes",
        "Diagnosis codes (ICD-10-CM)",
        Kind::List,
        true,
    ),
    field(
        "place_of_service",
        "Place of service (2 digits)",
        Kind::Text,
        true,
    ),
    field(
        "prior_auth_number",
        "Prior authorization number",
        Kind::Text,
        false,
    ),
    field(
        "patient_control_number",
        "Patient account number",
        Kind::Text,
        false,
    ),
    field("lines", "Service lines", Kind::Table, true),
];

const LINE_KEYS: &[&str] = &[
    "procedure_code",
    "modifiers",
    "date_of_service",
    "units",
    "charge",
];

#[derive(Serialize)]
pub struct SubmitView {
    pub icn: String,
    pub status: String,
    pub category_code: String,
    pub member_id: String,
    pub billed: f64,
    pub received_on: String,
    pub lines: usize,
    pub prior_auth_number: Option<String>,
}

fn value_text(key: &str, v: &toml::Value) -> Result<String> {
    match v {
        toml::Value::String(s) => Ok(s.trim().to_string()),
        toml::Value::Integer(i) => Ok(i.to_string()),
        toml::Value::Float(f) => Ok(format!("{f}")),
        toml::Value::Datetime(d) => Ok(d.to_string()),
        other => Err(Error::invalid(format!(
            "{key}: expected a value, got a {}",
            other.type_str()
        ))),
    }
}

/// `[[lines]]` tables from the form.
fn form_lines(form: &Form) -> Result<Vec<RawLine>> {
    let Some(v) = form.raw("lines") else {
        return Ok(Vec::new());
    };
    let toml::Value::Array(items) = v else {
        return Err(Error::invalid(
            "lines: expected [[lines]] tables (procedure_code, modifiers, date_of_service, units, charge)",
        ));
    };
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let toml::Value::Table(t) = item else {
            problems.push(format!("line {n}: expected a [[lines]] table"));
            continue;
        };
        for k in t.keys() {
            if !LINE_KEYS.contains(&k.as_str()) {
                problems.push(format!(
                    "line {n}: unknown field {k:?}; a line has {}",
                    LINE_KEYS.join(", ")
                ));
            }
        }
        let text = |k: &str| -> Result<String> {
            match t.get(k) {
                None => Ok(String::new()),
                Some(v) => value_text(&format!("line {n} {k}"), v),
            }
        };
        let mut line = RawLine::default();
        for (k, slot) in [
            ("procedure_code", &mut line.procedure_code),
            ("date_of_service", &mut line.date_of_service),
            ("units", &mut line.units),
            ("charge", &mut line.charge),
        ] {
            match text(k) {
                Ok(s) if s.is_empty() => problems.push(format!("line {n} {k}: missing")),
                Ok(s) => *slot = s,
                Err(e) => problems.push(e.message),
            }
        }
        match t.get("modifiers") {
            None => {}
            Some(toml::Value::Array(a)) => {
                for m in a {
                    match m {
                        toml::Value::String(s) => line.modifiers.push(s.trim().to_string()),
                        _ => problems.push(format!("line {n} modifiers: expected strings")),
                    }
                }
            }
            Some(toml::Value::String(s)) => {
                line.modifiers = s
                    .split(',')
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty())
                    .collect()
            }
            Some(_) => problems.push(format!("line {n} modifiers: expected an array of strings")),
        }
        out.push(line);
    }
    if !problems.is_empty() {
        return Err(Error::invalid_fields(
            "the claim's service lines",
            &problems,
        ));
    }
    Ok(out)
}

/// The first service line, asked on a terminal when the form has none (never read from a
/// file: a file gives `[[lines]]`). The keys are those `parse_claim` names its problems by.
const LINE_FIELDS: &[Field] = &[
    field(
        "line 1 procedure_code",
        "Line 1 procedure code (CPT/HCPCS)",
        Kind::Text,
        true,
    ),
    field(
        "line 1 modifiers",
        "Line 1 modifiers (comma-separated)",
        Kind::Text,
        false,
    ),
    field(
        "line 1 date_of_service",
        "Line 1 date of service (YYYY-MM-DD)",
        Kind::Text,
        true,
    ),
    field("line 1 units", "Line 1 units", Kind::Text, true),
    field("line 1 charge", "Line 1 charge", Kind::Text, true),
];

/// The line asked on a terminal (see [`LINE_FIELDS`]), if it was.
fn prompted_line(form: &Form) -> Result<Option<RawLine>> {
    if !LINE_FIELDS.iter().any(|f| form.has(f.key)) {
        return Ok(None);
    }
    Ok(Some(RawLine {
        procedure_code: form.text_or_empty("line 1 procedure_code")?,
        modifiers: form
            .text_or_empty("line 1 modifiers")?
            .split(',')
            .map(|m| m.trim().to_string())
            .filter(|m| !m.is_empty())
            .collect(),
        date_of_service: form.text_or_empty("line 1 date_of_service")?,
        units: form.text_or_empty("line 1 units")?,
        charge: form.text_or_empty("line 1 charge")?,
    }))
}

fn raw_from_form(form: &Form) -> Result<RawClaim> {
    let mut lines = form_lines(form)?;
    if lines.is_empty() {
        lines.extend(prompted_line(form)?);
    }
    Ok(RawClaim {
        member_id: form.text_or_empty("member_id")?,
        billing_npi: form.text_or_empty("billing_npi")?,
        rendering_npi: form.text_or_empty("rendering_npi")?,
        diagnosis_codes: form.list("diagnosis_codes")?.unwrap_or_default(),
        place_of_service: form.text_or_empty("place_of_service")?,
        prior_auth_number: form.text("prior_auth_number")?,
        patient_control_number: form.text("patient_control_number")?,
        lines,
    })
}

/// Every problem `parse_claim` finds (what the prompts check each answer by).
fn claim_problems(form: &Form) -> Result<Vec<String>> {
    Ok(parse_claim(&raw_from_form(form)?).err().unwrap_or_default())
}

/// The claim form (`--form F`, `-` for stdin), missing fields asked on a terminal: what
/// `claim submit` and `claim replace` read.
pub fn read_form(ctx: &Context, path: Option<&std::path::Path>, title: &str) -> Result<RawClaim> {
    let form = Form::load(path)?;
    // Without [[lines]], a terminal asks for the first line with the rest.
    let fields = if form.has("lines") || !ctx.ui.can_prompt() {
        FIELDS.to_vec()
    } else {
        [FIELDS, LINE_FIELDS].concat()
    };
    let prompts = Prompts::new().check(claim_problems);
    let form = form.complete_with(title, &fields, &ctx.ui, true, &prompts)?;
    raw_from_form(&form)
}

pub fn cmd_claim_submit(ctx: &Context, args: &SubmitArgs) -> Result<Output> {
    if let Some(file) = &args.x12 {
        return super::x12::submit_x12(ctx, file, args.ack.as_deref(), args.claim_ack.as_deref());
    }
    let raw = read_form(ctx, args.form.as_deref(), "Claim submission")?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimSubmit)?;
    let provider_id = actor.provider()?.clone();
    let today = ctx.clock.today();
    let now = ctx.clock.now_str();
    let claim = match parse_claim(&raw) {
        Ok(c) => c,
        Err(problems) => {
            let err = Error::invalid_fields("the claim", &problems)
                .hint("nothing was stored; correct the form and submit again");
            return refuse(tx, &actor, &now, None, err);
        }
    };
    match submit_one(
        &tx,
        &actor,
        &provider_id,
        today,
        &now,
        ClaimType::PortalProfessional,
        &claim,
    )? {
        Ok(icn) => {
            tx.audit(&actor.entry(
                &now,
                "claim submit",
                Some(&icn),
                "ok",
                Some(&format!("accepted; member {}", claim.member_id)),
            ))?;
            tx.commit()?;
            let st = ClaimStatus::Accepted;
            let view = SubmitView {
                icn: icn.clone(),
                status: st.as_str().into(),
                category_code: st.category_code().into(),
                member_id: claim.member_id.to_string(),
                billed: claim.billed().as_f64(),
                received_on: today.to_string(),
                lines: claim.lines.len(),
                prior_auth_number: claim.prior_auth_number.as_ref().map(|p| p.to_string()),
            };
            let human = format!(
                "Claim accepted into adjudication (A2).\n  ICN: {icn}\n  Member: {}  Billed: {}  Lines: {}\nFollow it with `mmis claim status {icn}`.",
                claim.member_id,
                claim.billed(),
                claim.lines.len()
            );
            Ok(Output::record_with(view, human))
        }
        Err(refusal) => {
            let target = claim.member_id.to_string();
            refuse(tx, &actor, &now, Some(&target), refusal.into_error())
        }
    }
}

/// Runs the edits and, when they pass, stores the claim. `Ok(Err(..))` is a refusal.
pub fn submit_one(
    tx: &Tx<'_>,
    actor: &Actor,
    provider_id: &ProviderId,
    today: NaiveDate,
    now: &str,
    kind: ClaimType,
    claim: &ClaimInput,
) -> Result<std::result::Result<String, edits::Refusal>> {
    match edits::run(tx, provider_id, today, claim)? {
        Ok(passed) => {
            let icn = edits::accept(
                tx,
                provider_id,
                today,
                now,
                &actor.user_name,
                kind,
                claim,
                &passed,
            )?;
            Ok(Ok(icn.to_string()))
        }
        Err(r) => Ok(Err(r)),
    }
}

/// Records the refusal in the audit log (nothing else is stored) and returns the error.
fn refuse(
    tx: Tx<'_>,
    actor: &Actor,
    now: &str,
    target: Option<&str>,
    err: Error,
) -> Result<Output> {
    let first = err.message.lines().collect::<Vec<_>>().join(" ");
    tx.audit(&actor.entry(now, "claim submit", target, "refused", Some(&first)))?;
    tx.commit()?;
    Err(err.hint("nothing was stored"))
}
