//! `claim export ICN --x12 [--out F]`: a stored claim written as an 837P (005010X222A1).

use super::find_claim;
use crate::auth;
use crate::cli::claims::ExportArgs;
use crate::context::Context;
use crate::domain::claims::display_diagnosis;
use crate::domain::ids::TaxId;
use crate::error::{Error, Result};
use crate::output::{files, Output};
use crate::store::claims::ClaimRow;
use crate::store::{ProviderRow, Tx};
use crate::x12::claims::{
    write_837p, Batch837, BillingProvider, ClaimLine, ClaimToWrite, RenderingProvider, Submitter,
    SubscriberInfo,
};
use crate::x12::Envelope;

/// The payer and receiver every 837P of the sandbox is addressed to.
pub const PAYER_NAME: &str = "OREGON HEALTH AUTHORITY";
pub const PAYER_ID: &str = "ORMMIS";

/// "1 Main St, Salem OR 97301" → (street, city, state, zip).
pub fn split_address(s: &str) -> Option<(String, String, String, String)> {
    let (street, rest) = s.rsplit_once(',')?;
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.len() < 3 {
        return None;
    }
    let zip: String = words[words.len() - 1]
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let state = words[words.len() - 2].to_ascii_uppercase();
    let city = words[..words.len() - 2].join(" ");
    if !(zip.len() == 5 || zip.len() == 9) || state.len() != 2 || street.trim().is_empty() {
        return None;
    }
    Some((street.trim().to_string(), city, state, zip))
}

/// NM1 name parts for a provider: a group is an organization; an individual's last word
/// is the last name.
fn provider_name(p: &ProviderRow) -> (String, String, Option<String>) {
    if p.kind == "individual" {
        let mut parts: Vec<&str> = p.name.split_whitespace().collect();
        if parts.len() > 1 {
            let last = parts.pop().unwrap_or_default().to_string();
            return ("1".into(), last, Some(parts.join(" ")));
        }
        return ("1".into(), p.name.clone(), None);
    }
    ("2".into(), p.name.clone(), None)
}

/// The claim as an 837P claim, from what the store knows.
pub fn claim_to_write(tx: &Tx<'_>, c: &ClaimRow) -> Result<(ClaimToWrite, ProviderRow)> {
    let p = tx.provider(&c.provider_id)?.ok_or_else(|| {
        Error::tampered(format!(
            "provider {} of claim {} is not on file",
            c.provider_id, c.icn
        ))
    })?;
    let tax_id: String = p
        .tax_id
        .as_ref()
        .map_or("", TaxId::as_str)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    if tax_id.len() != 9 {
        return Err(Error::invalid(format!(
            "provider {} has no tax ID on file, which an 837P needs",
            p.provider_id
        )));
    }
    let (street, city, state, zip) =
        p.mail_to
            .as_deref()
            .and_then(split_address)
            .ok_or_else(|| {
                Error::invalid(format!(
                "provider {}'s mail-to address is not \"street, city ST zip\", which an 837P needs",
                p.provider_id
            ))
            })?;
    let (entity_type, name, first_name) = provider_name(&p);
    let member = tx.member_by_health_id(&c.member_id)?.ok_or_else(|| {
        Error::tampered(format!(
            "member {} of claim {} is not on file",
            c.member_id, c.icn
        ))
    })?;
    let rendering = if c.rendering_npi != c.billing_npi {
        let (entity_type, name, first_name) = match tx.provider_by_npi(&c.rendering_npi)? {
            Some(r) => provider_name(&r),
            None => ("1".into(), "RENDERING PROVIDER".into(), None),
        };
        Some(RenderingProvider {
            entity_type,
            name,
            first_name,
            npi: c.rendering_npi.to_string(),
        })
    } else {
        None
    };
    let mut lines = Vec::new();
    for l in tx.claim_lines(c.id)? {
        let d = l.date_of_service;
        lines.push(ClaimLine {
            procedure_code: l.procedure_code,
            modifiers: super::modifiers_of(&l.modifiers),
            charge_cents: l.charge.0,
            units: l.units.to_string(),
            from: d,
            to: d,
            place_of_service: None,
            diagnosis_pointers: vec![1],
            prior_authorization: None,
        });
    }
    let sex = match member.sex.as_str() {
        "F" | "M" => member.sex.clone(),
        _ => "U".to_string(),
    };
    // A replacement names the claim it replaces (REF*F8).
    let original_icn = match c.replaces_claim_id {
        Some(id) => tx.claim_icn(id)?.map(|i| i.to_string()),
        None => None,
    };
    let claim = ClaimToWrite {
        patient_control_number: c
            .patient_control_number
            .clone()
            .unwrap_or_else(|| c.icn.to_string()),
        place_of_service: c.place_of_service.clone(),
        frequency_code: c.frequency.clone(),
        billing_provider: BillingProvider {
            entity_type,
            name,
            first_name,
            npi: c.billing_npi.to_string(),
            tax_id,
            address: street,
            city,
            state,
            zip,
        },
        rendering_provider: rendering,
        subscriber: SubscriberInfo {
            member_id: member.health_id.to_string(),
            last_name: member.last_name.clone(),
            first_name: member.first_name.clone(),
            birth_date: member.dob,
            sex,
        },
        diagnosis_codes: c
            .diagnosis_codes
            .split(',')
            .filter(|d| !d.is_empty())
            .map(display_diagnosis)
            .collect(),
        prior_authorization: c.prior_auth_number.as_ref().map(ToString::to_string),
        original_icn,
        lines,
    };
    Ok((claim, p))
}

/// A batch of claims from one provider, ready for `write_837p`.
pub fn batch_for(
    p: &ProviderRow,
    phone: &str,
    reference: &str,
    claims: Vec<ClaimToWrite>,
) -> Batch837 {
    Batch837 {
        submitter: Submitter {
            name: p.name.clone(),
            id: p.provider_id.to_string(),
            contact_name: p.name.clone(),
            phone: phone.to_string(),
        },
        receiver_name: PAYER_NAME.into(),
        receiver_id: PAYER_ID.into(),
        payer_name: PAYER_NAME.into(),
        payer_id: PAYER_ID.into(),
        reference: reference.to_string(),
        claims,
    }
}

pub fn cmd_claim_export(ctx: &Context, args: &ExportArgs) -> Result<Output> {
    if !args.x12 {
        return Err(
            Error::usage("say which format: `--x12` (837P) is the only export").hint(format!(
                "mmis claim export {} --x12 --out claim.837",
                args.icn
            )),
        );
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimExport)?;
    let provider_id = actor.provider()?.clone();
    let c = find_claim(&tx, &provider_id, &args.icn)?;
    let (claim, p) = claim_to_write(&tx, &c)?;
    let phone: String = match actor.user_id {
        Some(id) => tx.user_by_id(id)?.map(|u| u.phone).unwrap_or_default(),
        None => String::new(),
    }
    .chars()
    .filter(char::is_ascii_digit)
    .collect();
    let phone = if phone.len() >= 10 {
        phone
    } else {
        "5035550100".to_string()
    };
    let control = tx.next_sequence("x12-interchange")?;
    let control = u32::try_from(control % 1_000_000_000).unwrap_or(1).max(1);
    let env = Envelope::new(
        p.provider_id.as_str(),
        PAYER_ID,
        ctx.clock.today(),
        ctx.clock.now().time(),
        control,
    );
    let text = write_837p(&batch_for(&p, &phone, c.icn.as_str(), vec![claim]), &env)
        .map_err(|e| Error::internal(format!("cannot write the 837P: {e}")))?;
    let now = ctx.clock.now_str();
    tx.audit(&actor.entry(
        &now,
        "claim export",
        Some(c.icn.as_str()),
        "ok",
        Some("837P"),
    ))?;
    // The file is written beside its target now and takes its name after the commit.
    let file = match &args.out {
        Some(path) if !files::is_stdout(path) => Some(files::prepare(path, text.as_bytes())?),
        _ => None,
    };
    tx.commit()?;
    match (&args.out, file) {
        (Some(path), Some(file)) => {
            file.persist()?;
            Ok(Output::record_with(
                serde_json::json!({"icn": c.icn.as_str(), "out": path.display().to_string(), "format": "837P"}),
                format!("Claim {} written to {} as an 837P.", c.icn, path.display()),
            ))
        }
        _ => Ok(Output::Raw(text)),
    }
}
