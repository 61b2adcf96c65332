//! `login`, `logout`, `whoami`, `providers`, `account switch-provider`.

use super::password_from;
use crate::auth::{self, hash, Actor, ActorKind, Via, LOCKOUT_THRESHOLD};
use crate::cli::access::SwitchProviderArgs;
use crate::cli::LoginArgs;
use crate::context::{rfc3339, Context};
use crate::domain::ids::{ProviderId, TaxId};
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{sha256_hex, AuditEntry, Store};
use serde::Serialize;

#[derive(Serialize)]
pub struct LoginView {
    pub user_name: String,
    pub expires_at: String,
    pub kind: String,
    pub provider_id: Option<String>,
}

pub fn cmd_login(ctx: &Context, args: &LoginArgs) -> Result<Output> {
    let user_name = match &args.username {
        Some(u) => u.trim().to_string(),
        None if ctx.ui.can_prompt() => {
            ctx.ui.guard_terminal();
            dialoguer::Input::<String>::new()
                .with_prompt("User name")
                .interact_text()
                .map_err(crate::forms::prompt_error)?
        }
        None => {
            return Err(Error::invalid(
                "--username is required when stdin is not a terminal",
            ))
        }
    };
    let password = password_from(ctx, args.password_stdin, "Password", false)?;
    let store = ctx.open_store()?;
    let view = login_with(ctx, &store, &user_name, &password)?;
    let human = format!(
        "Signed in as {} ({}{}). The session ends after {} idle, and at {} at the latest.",
        view.user_name,
        view.kind,
        view.provider_id
            .as_deref()
            .map(|p| format!(" for provider {p}"))
            .unwrap_or_default(),
        humantime(ctx.config.session_idle),
        view.expires_at
    );
    Ok(Output::record_with(view, human))
}

fn humantime(d: std::time::Duration) -> String {
    let s = d.as_secs();
    if s.is_multiple_of(3600) {
        format!("{}h", s / 3600)
    } else if s.is_multiple_of(60) {
        format!("{}m", s / 60)
    } else {
        format!("{s}s")
    }
}

fn failed(
    tx_store: &Store,
    ctx: &Context,
    user: &str,
    detail: &str,
    lock_id: Option<(i64, bool)>,
) -> Result<()> {
    let tx = tx_store.write()?;
    let now = ctx.clock.now_str();
    let mut locked_now = false;
    if let Some((id, count)) = lock_id {
        if count {
            let n = tx.record_failed_login(id)?;
            if n >= LOCKOUT_THRESHOLD {
                tx.lock_user(id, &now)?;
                tx.end_user_sessions(id, None, &now, "locked")?;
                locked_now = n == LOCKOUT_THRESHOLD;
            }
        }
    }
    tx.audit(&AuditEntry {
        at: &now,
        actor: user,
        actor_kind: "anonymous",
        provider_id: None,
        action: "login",
        target: (user != "-").then_some(user),
        outcome: "failed",
        detail: Some(detail),
    })?;
    if locked_now {
        tx.audit(&AuditEntry {
            at: &now,
            actor: user,
            actor_kind: "anonymous",
            provider_id: None,
            action: "lockout",
            target: Some(user),
            outcome: "locked",
            detail: Some("5 failed sign-ins in a row"),
        })?;
    }
    tx.commit()?;
    if locked_now {
        // The same words as any other refusal: a lockout must not say the user name exists.
        return Err(sign_in_refused());
    }
    Ok(())
}

/// The one refusal of a sign-in, whatever went wrong (unknown user name, wrong password,
/// locked, invitation not accepted): the words and exit code 3 never reveal whether a user
/// name exists. The audit log keeps the actual reason.
pub fn sign_in_refused() -> Error {
    Error::unauthenticated("wrong user name or password, or the user cannot sign in").hint(format!(
        "user names are not case-sensitive, passwords are; after {LOCKOUT_THRESHOLD} failures in a row \
         the user is locked (`mmis account password reset --username USER` lifts it, or the site \
         administrator unlocks you); an invited clerk runs `mmis account accept-invite` first"
    ))
}

/// Signs a user in: checks the password (argon2id, outside the write lock), counts failures,
/// starts a session and writes the session file.
pub fn login_with(
    ctx: &Context,
    store: &Store,
    user_name: &str,
    password: &Secret,
) -> Result<LoginView> {
    let bad = sign_in_refused;
    let user = {
        let tx = store.read()?;
        tx.user_by_name(user_name)?
    };
    let Some(user) = user else {
        hash::dummy_verify(password.expose());
        // The typed name is not recorded: it may be a password typed in the wrong field.
        failed(store, ctx, "-", "unknown user name", None)?;
        return Err(bad());
    };
    if user.locked_at.is_some() {
        hash::dummy_verify(password.expose());
        failed(store, ctx, &user.user_name, "user is locked", None)?;
        return Err(bad());
    }
    let Some(phc) = user.password_hash.clone() else {
        hash::dummy_verify(password.expose());
        failed(store, ctx, &user.user_name, "invitation not accepted", None)?;
        return Err(bad());
    };
    if !hash::verify_secret(password.expose(), &phc) {
        failed(
            store,
            ctx,
            &user.user_name,
            "wrong password",
            Some((user.id, true)),
        )?;
        return Err(bad());
    }
    let rehash = if hash::needs_rehash(&phc) {
        Some(hash::hash_secret(password.expose())?)
    } else {
        None
    };
    let token = hash::new_session_token();
    let tx = store.write()?;
    let now_t = ctx.clock.now();
    let now = rfc3339(now_t);
    // Re-read inside the lock: a lockout may have landed since.
    let user = tx.user_by_name(user_name)?.ok_or_else(bad)?;
    if user.locked_at.is_some() {
        return Err(bad());
    }
    if let Some(new) = &rehash {
        tx.rehash_password(user.id, &phc, new)?;
    }
    tx.record_login(user.id, &now)?;
    let (kind, provider) = if user.is_operator {
        (ActorKind::Operator, None)
    } else {
        let ms = tx.memberships_of_user(user.id)?;
        let active: Vec<_> = ms.into_iter().filter(|m| m.is_active()).collect();
        let chosen = match &ctx.provider {
            Some(p) => match active.iter().find(|m| m.provider_id.as_str() == p) {
                Some(m) => Some(m),
                None => {
                    // The right password, the wrong provider: refused, and audited.
                    let e = Error::denied(format!(
                        "{} has no access to provider {p}",
                        user.user_name
                    ))
                    .hint("sign in without --provider (and MMIS_PROVIDER); `mmis providers` then lists yours");
                    let who = Actor {
                        user_id: Some(user.id),
                        user_name: user.user_name.clone(),
                        kind: ActorKind::User,
                        provider_id: Some(p.clone()),
                        roles: Vec::new(),
                        via: Via::None,
                    };
                    let target = Some(user.user_name.as_str());
                    return Err(auth::refuse(
                        ctx,
                        store,
                        tx,
                        &who,
                        auth::Cmd::Login,
                        target,
                        e,
                    ));
                }
            },
            None => active.first(),
        };
        match chosen {
            Some(m) if m.is_site_admin() => (ActorKind::SiteAdmin, Some(m.provider_id.clone())),
            Some(m) => (ActorKind::Clerk, Some(m.provider_id.clone())),
            None => (ActorKind::User, None),
        }
    };
    let session_id = tx.insert_session(
        &sha256_hex(token.expose()),
        user.id,
        provider.as_ref(),
        &now,
    )?;
    // The limits are fixed now: a later command's config cannot stretch them.
    let (idle, absolute) = (ctx.config.session_idle, ctx.config.session_absolute);
    tx.set_session_limits(
        session_id,
        i64::try_from(idle.as_secs()).unwrap_or(i64::MAX),
        i64::try_from(absolute.as_secs()).unwrap_or(i64::MAX),
    )?;
    tx.audit(&AuditEntry {
        at: &now,
        actor: &user.user_name,
        actor_kind: kind.as_str(),
        provider_id: provider.as_ref().map(ProviderId::as_str),
        action: "login",
        target: Some(&user.user_name),
        outcome: "ok",
        detail: rehash.as_ref().map(|_| "password hash upgraded"),
    })?;
    auth::write_session_file(ctx, &token)?;
    tx.commit()?;
    let expires_at = chrono::Duration::from_std(absolute)
        .ok()
        .and_then(|d| now_t.checked_add_signed(d))
        .unwrap_or(now_t);
    Ok(LoginView {
        user_name: user.user_name,
        expires_at: rfc3339(expires_at),
        kind: kind.as_str().into(),
        provider_id: provider.map(|p| p.to_string()),
    })
}

pub fn cmd_logout(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let token_set = std::env::var("MMIS_TOKEN").is_ok_and(|t| !t.trim().is_empty());
    let (tx, actor) = match auth::begin(ctx, &store, auth::Cmd::Logout) {
        Ok(x) => x,
        // Nobody signed in (no session, or one that has ended): the wanted state already
        // holds, as with `docker logout` or `gh auth logout` (exit 0). A stale session
        // file goes. An API token is still refused: it has no session to end.
        Err(e) if e.kind == crate::error::Kind::NotAuthenticated && !token_set => {
            auth::remove_session_file(ctx)?;
            return Ok(Output::record_with(
                serde_json::json!({"user_name": null, "logged_out": false}),
                "Not signed in.".to_string(),
            ));
        }
        Err(e) => return Err(e),
    };
    let now = ctx.clock.now_str();
    if let Some(id) = actor.session_id() {
        tx.end_session(id, &now, "logout")?;
    }
    tx.audit(&actor.entry(&now, "logout", Some(&actor.user_name), "ok", None))?;
    tx.commit()?;
    auth::remove_session_file(ctx)?;
    Ok(Output::record_with(
        serde_json::json!({"user_name": actor.user_name, "logged_out": true}),
        format!("Signed out {}.", actor.user_name),
    ))
}

#[derive(Serialize)]
pub struct WhoamiView {
    pub user_name: String,
    pub kind: String,
    pub provider_id: Option<String>,
    pub provider_name: Option<String>,
    pub roles: Vec<String>,
    pub via: String,
    pub token_name: Option<String>,
    /// A sandbox store (MMIS_TODAY honoured, made-up data) rather than a live one.
    pub sandbox: bool,
}

pub fn whoami_view(tx: &crate::store::Tx<'_>, actor: &Actor) -> Result<WhoamiView> {
    let provider_name = match &actor.provider_id {
        Some(p) => tx.provider(p)?.map(|p| p.name),
        None => None,
    };
    let (via, token_name) = match &actor.via {
        Via::Token { name, .. } => ("token".to_string(), Some(name.clone())),
        _ => ("session".to_string(), None),
    };
    Ok(WhoamiView {
        user_name: actor.user_name.clone(),
        kind: actor.kind.as_str().to_string(),
        provider_id: actor.provider_id.as_ref().map(ToString::to_string),
        provider_name,
        roles: crate::domain::roles::names(&actor.roles),
        via,
        token_name,
        sandbox: tx.is_sandbox()?,
    })
}

pub fn cmd_whoami(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::Whoami)?;
    let view = whoami_view(&tx, &actor)?;
    auth::finish(ctx, &store, tx, &actor, &[])?;
    Ok(Output::record(view))
}

#[derive(Serialize)]
pub struct ProviderView {
    pub provider_id: String,
    pub npi: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub role: String,
    pub current: bool,
    /// For a practitioner listed under a group's tax ID: the group's provider ID.
    pub group_id: Option<String>,
}

pub fn cmd_providers(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::Providers)?;
    let mut rows = Vec::new();
    if let Some(uid) = actor.user_id {
        // Seed 004: a group sees every practitioner enrolled under its tax ID.
        let mut groups: Vec<(String, TaxId)> = Vec::new();
        for m in tx
            .memberships_of_user(uid)?
            .into_iter()
            .filter(|m| m.is_active())
        {
            if let Some(p) = tx.provider(&m.provider_id)? {
                if p.kind == "group" {
                    if let Some(tax_id) = &p.tax_id {
                        groups.push((p.provider_id.to_string(), tax_id.clone()));
                    }
                }
                rows.push(ProviderView {
                    current: actor
                        .provider_id
                        .as_ref()
                        .is_some_and(|a| *a == p.provider_id),
                    provider_id: p.provider_id.to_string(),
                    npi: p.npi.to_string(),
                    name: p.name,
                    kind: p.kind,
                    role: if m.is_site_admin() {
                        "site_admin".into()
                    } else {
                        "clerk".into()
                    },
                    group_id: None,
                });
            }
        }
        for (group, tax_id) in groups {
            for p in tx.providers_by_tax_id(&tax_id)? {
                if p.kind != "individual"
                    || rows.iter().any(|r| r.provider_id == p.provider_id.as_str())
                {
                    continue;
                }
                rows.push(ProviderView {
                    current: false,
                    provider_id: p.provider_id.to_string(),
                    npi: p.npi.to_string(),
                    name: p.name,
                    kind: p.kind,
                    role: "practitioner".into(),
                    group_id: Some(group.clone()),
                });
            }
        }
    }
    auth::finish(ctx, &store, tx, &actor, &[])?;
    Ok(Output::rows(
        &rows,
        vec![
            "provider_id",
            "npi",
            "name",
            "type",
            "role",
            "group_id",
            "current",
        ],
    ))
}

pub fn cmd_account_switch_provider(ctx: &Context, args: &SwitchProviderArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AccountSwitchProvider)?;
    let uid = actor
        .user_id
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    let target = args.provider_id.trim();
    // Text that is not a provider ID is no provider the user has access to.
    let found = match ProviderId::parse("PROVIDER_ID", target) {
        Ok(p) => tx.membership(uid, &p)?,
        Err(_) => None,
    };
    let Some(m) = found.filter(|m| m.is_active()) else {
        let e = Error::denied(format!(
            "{} has no access to provider {target}",
            actor.user_name
        ))
        .hint("`mmis providers` lists the providers you can act for");
        let cmd = auth::Cmd::AccountSwitchProvider;
        return Err(auth::refuse(ctx, &store, tx, &actor, cmd, Some(target), e));
    };
    let target_id = m.provider_id.clone();
    if let Some(sid) = actor.session_id() {
        tx.set_session_provider(sid, &target_id)?;
    }
    let now = ctx.clock.now_str();
    let switched = Actor {
        provider_id: Some(target_id),
        kind: if m.is_site_admin() {
            ActorKind::SiteAdmin
        } else {
            ActorKind::Clerk
        },
        roles: m.effective_roles(),
        ..actor
    };
    tx.audit(&switched.entry(&now, "account switch-provider", Some(target), "ok", None))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"provider_id": target, "kind": switched.kind.as_str(), "roles": crate::domain::roles::names(&switched.roles)}),
        format!(
            "Now acting for provider {target} as {}.",
            switched.kind.as_str()
        ),
    ))
}
