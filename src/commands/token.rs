//! `token create|list|revoke`: API tokens for scripts, shown once, stored as SHA-256.

use crate::auth::{self, hash, ActorKind};
use crate::cli::{TokenCreateArgs, TokenRevokeArgs};
use crate::context::{rfc3339, Context};
use crate::domain::roles::{self, Role};
use crate::domain::time::parse_duration;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::sha256_hex;
use serde::Serialize;

/// The longest lifetime a token may be given.
pub const MAX_TOKEN_DAYS: u64 = 366;

#[derive(Serialize)]
pub struct TokenView {
    pub name: String,
    pub provider_id: String,
    pub roles: Vec<String>,
    /// Made with `--admin`: may run the site administrator's own commands.
    pub admin: bool,
    pub created_at: String,
    pub expires_at: Option<String>,
}

pub fn cmd_token_create(ctx: &Context, args: &TokenCreateArgs) -> Result<Output> {
    let name = args.name.trim();
    if name.is_empty() || name.len() > 64 || name.chars().any(|c| c.is_control()) {
        return Err(Error::invalid("--name: 1 to 64 printable characters"));
    }
    let lifetime = match &args.expires_in {
        Some(s) => parse_duration("--expires-in", s)?,
        None => ctx.config.token_default_expiry,
    };
    if lifetime.as_secs() > MAX_TOKEN_DAYS * 86_400 {
        return Err(Error::invalid(format!(
            "--expires-in: at most {MAX_TOKEN_DAYS} days"
        )));
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::TokenCreate)?;
    let (tx, provider) = auth::checked(
        ctx,
        &store,
        tx,
        &actor,
        auth::Cmd::TokenCreate,
        None,
        |_| Ok(actor.provider()?.clone()),
    )?;
    let wanted: Vec<Role> = match &args.roles {
        Some(r) => Role::parse_list(r)?,
        None => actor.roles.clone(),
    };
    let missing: Vec<&str> = wanted
        .iter()
        .filter(|r| !actor.has(**r))
        .map(|r| r.name())
        .collect();
    if !missing.is_empty() {
        let e = Error::denied(format!(
            "a token can carry only roles you hold for provider {provider}; you lack: {}",
            missing.join(", ")
        ));
        return Err(auth::refuse(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::TokenCreate,
            Some(name),
            e,
        ));
    }
    if args.admin && actor.kind != ActorKind::SiteAdmin {
        let e = Error::denied(format!(
            "only the site administrator of provider {provider} can make a token with the administrator's power (--admin)"
        ))
        .hint("drop --admin: the token then does what its roles allow");
        return Err(auth::refuse(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::TokenCreate,
            Some(name),
            e,
        ));
    }
    // An administrator's token may carry no roles at all (say, one that only reads the audit log).
    if wanted.is_empty() && !args.admin {
        return Err(Error::invalid("--roles: a token needs at least one role"));
    }
    let uid = actor
        .user_id
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    if tx.live_token_by_name(uid, &provider, name)?.is_some() {
        return Err(
            Error::conflict(format!("you already have a live token named {name:?}"))
                .hint("revoke it first with `mmis token revoke NAME`, or pick another name"),
        );
    }
    let token = hash::new_api_token();
    let now_t = ctx.clock.now();
    let now = rfc3339(now_t);
    let expires = rfc3339(now_t + chrono::Duration::from_std(lifetime).unwrap_or_default());
    tx.insert_token(
        &sha256_hex(token.expose()),
        name,
        uid,
        &provider,
        &wanted,
        args.admin,
        &now,
        Some(&expires),
    )?;
    let detail = if args.admin {
        format!("{}; administrator's power", roles::encode(&wanted))
    } else {
        roles::encode(&wanted)
    };
    tx.audit(&actor.entry(&now, "token create", Some(name), "ok", Some(&detail)))?;
    let value = serde_json::json!({
        "token": token.expose(),
        "name": name,
        "provider_id": provider,
        "roles": roles::names(&wanted),
        "admin": args.admin,
        "expires_at": expires,
    });
    let human = format!(
        "{}\n\nAPI token {name:?} for provider {provider}, roles {}{}; expires {expires}.\nThis is the only time it is shown: store it now, and pass it to scripts as MMIS_TOKEN.",
        token.expose(),
        if wanted.is_empty() {
            "(none)".to_string()
        } else {
            roles::names(&wanted).join(", ")
        },
        if args.admin {
            ", with the site administrator's power"
        } else {
            ""
        }
    );
    // Shown once: written and flushed before the commit, so a token nobody saw is never made.
    let shown = ctx.emit_now(Output::record_with(value, human))?;
    tx.commit()?;
    Ok(shown)
}

pub fn cmd_token_list(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::TokenList)?;
    let (tx, provider) =
        auth::checked(ctx, &store, tx, &actor, auth::Cmd::TokenList, None, |_| {
            Ok(actor.provider()?.clone())
        })?;
    let uid = actor
        .user_id
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    let rows: Vec<TokenView> = tx
        .tokens_of(uid, &provider)?
        .into_iter()
        .map(|t| TokenView {
            name: t.name,
            provider_id: t.provider_id.to_string(),
            roles: roles::names(&t.roles),
            admin: t.admin,
            created_at: rfc3339(t.created_at),
            expires_at: t.expires_at.map(rfc3339),
        })
        .collect();
    auth::finish(ctx, &store, tx, &actor, &[])?;
    Ok(Output::rows(
        &rows,
        vec!["name", "roles", "admin", "created_at", "expires_at"],
    ))
}

pub fn cmd_token_revoke(ctx: &Context, args: &TokenRevokeArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::TokenRevoke)?;
    let (tx, provider) = auth::checked(
        ctx,
        &store,
        tx,
        &actor,
        auth::Cmd::TokenRevoke,
        None,
        |_| Ok(actor.provider()?.clone()),
    )?;
    let uid = actor
        .user_id
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    let name = args.name.trim();
    let t = tx
        .live_token_by_name(uid, &provider, name)?
        .ok_or_else(|| {
            Error::not_found(format!(
                "you have no live token named {name:?} for provider {provider}"
            ))
        })?;
    let now = ctx.clock.now_str();
    tx.revoke_token(t.id, &now)?;
    tx.audit(&actor.entry(&now, "token revoke", Some(name), "ok", None))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"name": name, "revoked": true}),
        format!("Revoked the API token {name:?}."),
    ))
}
