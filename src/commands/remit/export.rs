//! `remit export RA --x12 [--out F]`: a remittance advice written as an 835 (005010X221A1).

use super::find_remit;
use super::show::each_claim;
use crate::auth;
use crate::cli::remit::RemitExportArgs;
use crate::commands::claim::export::{PAYER_ID, PAYER_NAME};
use crate::commands::claim::modifiers_of;
use crate::context::Context;
use crate::domain::ids::Cents;
use crate::domain::remit::{Adjustment, RemitClaim};
use crate::error::{Error, Result};
use crate::output::files::{self, OutFile};
use crate::output::Output;
use crate::store::remits::ClaimHead835;
use crate::store::ProviderRow;
use crate::x12::remit::{Cas835, Clp835, Header835, Plb835, Remit835, Svc835};
use crate::x12::Envelope;
use chrono::{NaiveDate, NaiveTime};

/// TRN03: `1` and the payer's tax id (the sandbox's).
pub const PAYER_TIN: &str = "1930000000";
pub const PAYER_STREET: &str = "500 SUMMER ST NE";
pub const PAYER_CITY: &str = "SALEM";
pub const PAYER_STATE: &str = "OR";
pub const PAYER_ZIP: &str = "97301";
pub const PAYER_PHONE: &str = "8002735191";

/// The envelope of a remittance's 835: the remittance's own row number is the control number,
/// so that an export changes nothing and the cycle's 835 (`ops claims adjudicate --x12-dir`)
/// is the same file.
pub fn envelope_835(
    remit_row: i64,
    provider_id: &str,
    issued_on: NaiveDate,
    at: NaiveTime,
) -> Envelope {
    let control = u32::try_from(remit_row % 1_000_000_000).unwrap_or(1).max(1);
    Envelope::new(PAYER_ID, provider_id, issued_on, at, control)
}

/// The header of a remittance's 835 (BPR, TRN, the payer and the payee).
pub fn header_835(
    remit_id: &str,
    handling: &str,
    paid_amount: Cents,
    method: &str,
    issued_on: NaiveDate,
    payee: &ProviderRow,
) -> Header835 {
    Header835 {
        remit_id: remit_id.to_string(),
        handling: handling.to_string(),
        paid_amount: paid_amount.0,
        method: method.to_string(),
        issued_on,
        payer_name: PAYER_NAME.into(),
        payer_tin: PAYER_TIN.into(),
        payer_street: PAYER_STREET.into(),
        payer_city: PAYER_CITY.into(),
        payer_state: PAYER_STATE.into(),
        payer_zip: PAYER_ZIP.into(),
        payer_phone: PAYER_PHONE.into(),
        payee_name: payee.name.clone(),
        payee_npi: payee.npi.to_string(),
    }
}

fn cas_835(a: &Adjustment) -> Cas835 {
    Cas835 {
        group: a.group.clone(),
        carc: a.carc.clone(),
        amount: a.amount.0,
    }
}

/// A claim of a remittance as its CLP loop: the amounts and adjustments the remittance rules
/// make (`domain::remit`), the names and dates the claim carries. `remit export` and the
/// payment cycle's own 835s (`ops claims adjudicate --x12-dir`) write claims through this.
pub fn clp_835(h: ClaimHead835, c: &RemitClaim) -> Result<Clp835> {
    let mut lines = Vec::with_capacity(c.lines.len());
    for l in &c.lines {
        lines.push(Svc835 {
            modifiers: modifiers_of(&l.modifiers),
            procedure_code: l.procedure_code.clone(),
            charge: l.charge.0,
            paid: l.paid.0,
            units: l.units,
            date_of_service: l.date_of_service,
            allowed: l.allowed.0,
            adjustments: l.adjustments.iter().map(cas_835).collect(),
        });
    }
    Ok(Clp835 {
        patient_control_number: h.patient_control_number.unwrap_or_else(|| c.icn.clone()),
        status_code: c.status.code().to_string(),
        billed: c.billed.0,
        paid: c.paid.0,
        patient_responsibility: c.patient_responsibility.0,
        icn: c.icn.clone(),
        place_of_service: h.place_of_service,
        member_id: h.member_id.to_string(),
        last_name: h.last_name.unwrap_or_default(),
        first_name: h.first_name.unwrap_or_default(),
        from: h.first_dos,
        to: h.last_dos,
        adjustments: c.adjustments.iter().map(cas_835).collect(),
        lines,
    })
}

pub fn x12_err(e: crate::x12::X12Error) -> Error {
    Error::internal(format!("cannot write the 835: {e}"))
}

pub fn cmd_remit_export(ctx: &Context, args: &RemitExportArgs) -> Result<Output> {
    if !args.x12 {
        return Err(
            Error::usage("say which format: `--x12` (835) is the only export").hint(format!(
                "mmis remit export {} --x12 --out remit.835",
                args.remit_id
            )),
        );
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::RemitExport)?;
    let provider_id = actor.provider()?.clone();
    let r = find_remit(&tx, &provider_id, &args.remit_id)?;
    let p = tx.provider(&r.provider_id)?.ok_or_else(|| {
        Error::tampered(format!(
            "provider {} of remittance {} is not on file",
            r.provider_id, r.remit_id
        ))
    })?;
    let issued_on = r.issued_on;
    let env = envelope_835(
        r.id,
        p.provider_id.as_str(),
        issued_on,
        ctx.clock.now().time(),
    );
    let header = header_835(
        &r.remit_id,
        &r.handling,
        r.paid_amount,
        &r.payment_method,
        issued_on,
        &p,
    );
    let to_file = args.out.as_ref().filter(|p| !files::is_stdout(p));
    let mut file = match to_file {
        Some(path) => Some(OutFile::create(path)?),
        None => None,
    };
    let mut text: Vec<u8> = Vec::new();
    let mut w = Remit835::begin(&env, &header).map_err(x12_err)?;
    each_claim(&tx, &r, |c, made| {
        let clp = clp_835(c.head, &made)?;
        w.claim(&clp).map_err(x12_err)?;
        match file.as_mut() {
            Some(f) => w.drain_into(f),
            None => w.drain_into(&mut text),
        }
        .map_err(|e| Error::internal(format!("cannot write the 835: {e}")))
    })?;
    let plbs: Vec<Plb835> = tx
        .remit_provider_adjustments(r.id)?
        .into_iter()
        .map(|p| Plb835 {
            reason: p.reason_code,
            reference: p.reference,
            amount: p.amount.0,
        })
        .collect();
    let rest = w.finish(&plbs).map_err(x12_err)?;
    let now = ctx.clock.now_str();
    let entry = actor.entry(&now, "remit export", Some(&r.remit_id), "ok", Some("835"));
    match (to_file, file) {
        (Some(path), Some(mut f)) => {
            f.write_bytes(rest.as_bytes())?;
            f.finish()?;
            auth::finish(ctx, &store, tx, &actor, &[entry])?;
            f.persist()?;
            Ok(Output::record_with(
                serde_json::json!({
                    "remit_id": r.remit_id,
                    "out": path.display().to_string(),
                    "format": "835",
                    "claims": r.claim_count,
                }),
                format!(
                    "Remittance advice {} written to {} as an 835.",
                    r.remit_id,
                    path.display()
                ),
            ))
        }
        _ => {
            auth::finish(ctx, &store, tx, &actor, &[entry])?;
            text.extend_from_slice(rest.as_bytes());
            String::from_utf8(text)
                .map(Output::Raw)
                .map_err(|_| Error::internal("the 835 is not text"))
        }
    }
}
