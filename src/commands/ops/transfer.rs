//! `ops transfer list|approve|reject`: the agency decides administrator transfer requests.
//! Approval makes the new administrator the site administrator and ends the old one's access.

use crate::auth::{self, hash, Actor};
use crate::cli::ops::{RejectArgs, RequestArgs};
use crate::commands::admin::TransferForm;
use crate::context::Context;
use crate::domain::access::{invite_expires, split_name};
use crate::domain::ids::ProviderId;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::db::date_text;
use crate::store::{sha256_hex, NewUser, TransferRow, Tx};
use serde::Serialize;

#[derive(Serialize)]
pub struct TransferListRow {
    pub request_id: String,
    pub provider_id: String,
    pub npi: String,
    pub status: String,
    pub requester_name: String,
    pub requester_title: String,
    pub previous_admin_user_name: String,
    pub previous_admin_date_left: String,
    /// Who is site administrator now (to compare with previous_admin_user_name).
    pub current_admin: Option<String>,
    pub new_admin_user_name: String,
    /// Whether the new administrator already has a portal user.
    pub new_admin_exists: bool,
    pub submitted_on: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    pub reason: Option<String>,
}

pub fn cmd_ops_transfer_list(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsTransferList)?;
    let mut rows = Vec::new();
    for t in tx.transfers_all()? {
        let f = TransferForm::from_json(&t.form)?;
        rows.push(TransferListRow {
            current_admin: tx.site_admin_of(&t.provider_id)?.map(|m| m.user_name),
            new_admin_exists: tx.user_by_name(&f.new_admin_user_name)?.is_some(),
            request_id: t.request_id,
            provider_id: t.provider_id.to_string(),
            npi: f.npi,
            status: t.status,
            requester_name: f.requester_name,
            requester_title: f.requester_title,
            previous_admin_user_name: f.previous_admin_user_name,
            previous_admin_date_left: f.previous_admin_date_left,
            new_admin_user_name: f.new_admin_user_name,
            submitted_on: date_text(t.created_on),
            decided_at: t.decided_at,
            decided_by: t.decided_by,
            reason: t.reason,
        });
    }
    let now = ctx.clock.now_str();
    let entry = actor.entry(&now, "ops transfer list", None, "ok", None);
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    Ok(Output::rows(
        &rows,
        vec![
            "request_id",
            "provider_id",
            "status",
            "requester_title",
            "previous_admin_user_name",
            "current_admin",
            "new_admin_user_name",
            "new_admin_exists",
            "submitted_on",
        ],
    ))
}

fn pending(tx: &Tx<'_>, request_id: &str) -> Result<TransferRow> {
    let id = request_id.trim();
    let t = tx.transfer(id)?.ok_or_else(|| {
        Error::not_found(format!("no transfer request {id}"))
            .hint("`mmis ops transfer list` shows them")
    })?;
    if t.status != "pending" {
        return Err(Error::conflict(format!(
            "transfer request {} was already {}",
            t.request_id, t.status
        )));
    }
    Ok(t)
}

/// The operator's entry, filed under the provider so its administrator sees it too.
fn for_provider(actor: &Actor, provider: &ProviderId) -> Actor {
    Actor {
        provider_id: Some(provider.clone()),
        ..actor.clone()
    }
}

#[derive(Serialize)]
pub struct ApprovedView {
    pub request_id: String,
    pub status: &'static str,
    pub provider_id: String,
    pub new_admin: String,
    pub previous_admin: Option<String>,
    /// Printed once when the new administrator had no portal user yet.
    pub invite_code: Option<String>,
    pub invite_expires: Option<String>,
}

pub fn cmd_ops_transfer_approve(ctx: &Context, args: &RequestArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsTransferApprove)?;
    let t = pending(&tx, &args.request_id)?;
    let f = TransferForm::from_json(&t.form)?;
    let provider = t.provider_id.clone();
    let now = ctx.clock.now_str();

    let (new_id, new_name, invite) = match tx.user_by_name(&f.new_admin_user_name)? {
        Some(u) if u.is_operator => {
            return Err(Error::conflict(format!(
                "{} is the agency's operator account; it cannot be a site administrator",
                u.user_name
            )))
        }
        Some(u) => (u.id, u.user_name, None),
        None => {
            let (first, last) = split_name(&f.new_admin_name);
            let id = tx.insert_user(&NewUser {
                user_name: &f.new_admin_user_name,
                first_name: &first,
                last_name: &last,
                phone: &f.new_admin_phone,
                email: &f.new_admin_email,
                is_operator: false,
                created_at: &now,
            })?;
            let code = hash::new_invite_code();
            let issued = ctx.clock.today();
            let expires = invite_expires(issued);
            tx.insert_invitation(
                &sha256_hex(code.expose()),
                id,
                &provider,
                issued,
                expires,
                &now,
            )?;
            (
                id,
                f.new_admin_user_name.clone(),
                Some((code, expires.to_string())),
            )
        }
    };

    let old = tx.site_admin_of(&provider)?;
    let mut ended = (0, 0);
    if let Some(old) = old.as_ref().filter(|o| o.user_id != new_id) {
        tx.remove_membership(old.id, &now)?;
        ended.0 =
            tx.end_provider_sessions(old.user_id, &provider, &now, "administrator transferred")?;
        ended.1 = tx.revoke_provider_tokens(old.user_id, &provider, &now)?;
    }
    tx.upsert_membership(new_id, &provider, "site_admin", &[], &now)?;
    if !tx.decide_transfer(t.id, "approved", &now, &actor.user_name, None)? {
        return Err(Error::conflict(format!(
            "transfer request {} is no longer pending",
            t.request_id
        )));
    }
    let previous = old.map(|o| o.user_name);
    let detail = format!(
        "site administrator: {} -> {new_name}{}; {} session(s) ended, {} token(s) revoked",
        previous.as_deref().unwrap_or("(none)"),
        if invite.is_some() {
            " (new user, invitation issued)"
        } else {
            ""
        },
        ended.0,
        ended.1
    );
    tx.audit(&for_provider(&actor, &provider).entry(
        &now,
        "ops transfer approve",
        Some(&t.request_id),
        "ok",
        Some(&detail),
    ))?;
    let mut human = format!(
        "Approved {}: {new_name} is now the site administrator of provider {provider}",
        t.request_id
    );
    match &previous {
        Some(p) if p != &new_name => human.push_str(&format!(
            "; {p}'s administrator access ended ({} session(s) ended, {} token(s) revoked).",
            ended.0, ended.1
        )),
        _ => human.push('.'),
    }
    if let Some((code, expires)) = &invite {
        human.push_str(&format!(
            "\n\n{new_name} has no portal user yet. Invitation code (shown once; expires {expires}):\n\n  {}\n\n\
             Send it to {} by a separate channel; they run `mmis account accept-invite --code CODE`.",
            code.expose(),
            f.new_admin_email
        ));
    }
    let out = Output::record_with(
        ApprovedView {
            request_id: t.request_id,
            status: "approved",
            provider_id: provider.to_string(),
            new_admin: new_name,
            previous_admin: previous,
            invite_code: invite.as_ref().map(|(c, _)| c.expose().to_string()),
            invite_expires: invite.as_ref().map(|(_, e)| e.clone()),
        },
        human,
    );
    // An invitation code is shown once: written and flushed before the commit.
    let out = if invite.is_some() {
        ctx.emit_now(out)?
    } else {
        out
    };
    tx.commit()?;
    Ok(out)
}

pub fn cmd_ops_transfer_reject(ctx: &Context, args: &RejectArgs) -> Result<Output> {
    let reason = args.reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid("--reason: say why the request is rejected"));
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsTransferReject)?;
    let t = pending(&tx, &args.request_id)?;
    let now = ctx.clock.now_str();
    if !tx.decide_transfer(t.id, "rejected", &now, &actor.user_name, Some(reason))? {
        return Err(Error::conflict(format!(
            "transfer request {} is no longer pending",
            t.request_id
        )));
    }
    tx.audit(&for_provider(&actor, &t.provider_id).entry(
        &now,
        "ops transfer reject",
        Some(&t.request_id),
        "ok",
        Some(reason),
    ))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"request_id": t.request_id, "status": "rejected", "reason": reason}),
        format!("Rejected {}: {reason}", t.request_id),
    ))
}
