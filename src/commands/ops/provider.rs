//! `ops provider enroll|pin-reissue|list` and `ops pin-requests`: the agency issues PIN letters.

use crate::auth::{self, hash};
use crate::cli::ops::{EnrollArgs, PinReissueArgs};
use crate::context::Context;
use crate::domain::ids::{Npi, ProviderId, TaxId};
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{ProviderRow, Tx};
use rand::Rng;
use serde::Serialize;

/// Days a PIN stays active unused (OAR 943-120-0114).
pub const PIN_VALID_DAYS: i64 = 60;

#[derive(Serialize)]
pub struct PinLetterView {
    pub provider_id: String,
    pub npi: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub pin: String,
    pub pin_issued: String,
    pub pin_expires: String,
}

fn letter(p: &ProviderRow, pin: &Secret, issued: &str, expires: &str) -> String {
    format!(
        "──────────────── PIN LETTER ────────────────\n\
         Oregon Health Authority — MMIS Provider Web Portal\n\n\
         {name}\n{mail}\n\n\
         Use these items to set up your portal account (Account > Account Setup):\n\n\
         \x20 Login ID:                        {pid}\n\
         \x20 Personal Identification Number:  {pin}\n\n\
         The PIN is case-sensitive and works once. It becomes inactive\n\
         if unused by {expires} (issued {issued}).\n\
         The person who sets up the account becomes its site administrator.\n\n\
         \x20 mmis account setup --login-id {pid}\n\n\
         It asks for the PIN without showing it (a script sets MMIS_PIN instead),\n\
         so the PIN stays off the command line and out of shell history.\n\
         ────────────────────────────────────────────",
        name = p.name,
        mail = p
            .mail_to
            .as_deref()
            .unwrap_or("(no mail-to address on file)"),
        pid = p.provider_id,
        pin = pin.expose(),
    )
}

/// A new PIN and its hash, made before the write transaction opens: argon2id takes a while,
/// and the write lock is everyone's.
fn new_pin() -> Result<(Secret, String)> {
    let pin = hash::new_pin();
    let pin_hash = hash::hash_secret(pin.expose())?;
    Ok((pin, pin_hash))
}

fn issue(
    ctx: &Context,
    tx: &Tx<'_>,
    p: &ProviderRow,
    (pin, pin_hash): (Secret, String),
) -> Result<(Secret, String, String)> {
    let issued = ctx.clock.today();
    let expires = issued + chrono::Duration::days(PIN_VALID_DAYS);
    let (i, e) = (issued.to_string(), expires.to_string());
    tx.issue_pin(
        &p.provider_id,
        &pin_hash,
        issued,
        expires,
        &ctx.clock.now_str(),
    )?;
    Ok((pin, i, e))
}

fn view(p: &ProviderRow, pin: &Secret, issued: String, expires: String) -> Output {
    let human = letter(p, pin, &issued, &expires);
    Output::record_with(
        PinLetterView {
            provider_id: p.provider_id.to_string(),
            npi: p.npi.to_string(),
            name: p.name.clone(),
            kind: p.kind.clone(),
            pin: pin.expose().to_string(),
            pin_issued: issued,
            pin_expires: expires,
        },
        human,
    )
}

pub fn cmd_ops_provider_enroll(ctx: &Context, args: &EnrollArgs) -> Result<Output> {
    let mut problems = Vec::new();
    let npi = Npi::parse("--npi", &args.npi)
        .map_err(|e| problems.push(e.message))
        .ok();
    let name = args.name.trim().to_string();
    if name.is_empty() || name.len() > 120 {
        problems.push("--name: 1 to 120 characters".into());
    }
    let tax_id = match &args.tax_id {
        Some(t) => TaxId::parse("--tax-id", t)
            .map_err(|e| problems.push(e.message))
            .ok(),
        None => None,
    };
    let given_id = match &args.provider_id {
        Some(p) => ProviderId::parse("--provider-id", p)
            .map_err(|e| problems.push(e.message))
            .ok(),
        None => None,
    };
    let mail_to = args
        .mail_to
        .as_ref()
        .map(|m| m.trim().to_string())
        .filter(|m| !m.is_empty());
    let Some(npi) = npi.filter(|_| problems.is_empty()) else {
        return Err(Error::invalid_fields("the enrollment", &problems));
    };
    let store = ctx.open_store()?;
    let made = new_pin()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsProviderEnroll)?;
    if let Some(existing) = tx.provider_by_npi(&npi)? {
        return Err(Error::conflict(format!(
            "NPI {npi} is already enrolled as provider {}",
            existing.provider_id
        ))
        .hint("a lost PIN letter is replaced with `mmis ops provider pin-reissue`, not a new enrollment"));
    }
    let provider_id = match given_id {
        Some(p) => {
            if tx.provider_id_taken(&p)? {
                return Err(Error::conflict(format!(
                    "provider ID {p} is already enrolled"
                )));
            }
            p
        }
        None => loop {
            let candidate = ProviderId::parse(
                "provider ID",
                &format!(
                    "{:09}",
                    rand::thread_rng().gen_range(500_000_000u32..600_000_000)
                ),
            )?;
            if !tx.provider_id_taken(&candidate)? {
                break candidate;
            }
        },
    };
    let row = ProviderRow {
        provider_id,
        npi,
        name,
        kind: args.kind.as_str().to_string(),
        tax_id,
        mail_to,
        enrolled_on: ctx.clock.today(),
    };
    let now = ctx.clock.now_str();
    tx.insert_provider(&row, &now)?;
    let (pin, issued, expires) = issue(ctx, &tx, &row, made)?;
    tx.audit(&actor.entry(
        &now,
        "ops provider enroll",
        Some(row.provider_id.as_str()),
        "ok",
        Some(&format!("npi {}", row.npi)),
    ))?;
    // The PIN is shown once: written and flushed before the commit.
    let shown = ctx.emit_now(view(&row, &pin, issued, expires))?;
    tx.commit()?;
    Ok(shown)
}

pub fn cmd_ops_provider_pin_reissue(ctx: &Context, args: &PinReissueArgs) -> Result<Output> {
    let pid = ProviderId::parse("PROVIDER_ID", &args.provider_id)?;
    let store = ctx.open_store()?;
    let made = new_pin()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsProviderPinReissue)?;
    let row = tx
        .provider(&pid)?
        .ok_or_else(|| Error::not_found(format!("no provider {pid} is enrolled")))?;
    let (pin, issued, expires) = issue(ctx, &tx, &row, made)?;
    let closed = tx.close_pin_requests(&pid)?;
    let now = ctx.clock.now_str();
    tx.audit(&actor.entry(
        &now,
        "ops provider pin-reissue",
        Some(pid.as_str()),
        "ok",
        Some(&format!("{closed} open request(s) closed")),
    ))?;
    let shown = ctx.emit_now(view(&row, &pin, issued, expires))?;
    tx.commit()?;
    Ok(shown)
}

pub fn cmd_ops_provider_list(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsProviderList)?;
    let rows = tx.providers_all()?;
    auth::finish(ctx, &store, tx, &actor, &[])?;
    Ok(Output::rows(
        &rows,
        vec![
            "provider_id",
            "npi",
            "name",
            "type",
            "tax_id",
            "enrolled_on",
            "site_admin",
        ],
    ))
}

pub fn cmd_ops_pin_requests(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsPinRequests)?;
    let rows = tx.pin_requests_all()?;
    auth::finish(ctx, &store, tx, &actor, &[])?;
    Ok(Output::rows(
        &rows,
        vec![
            "request_id",
            "provider_id",
            "name",
            "npi",
            "mail_to",
            "requested_on",
            "status",
        ],
    ))
}
