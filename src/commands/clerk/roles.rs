//! `clerk roles`: show a clerk's roles, or grant, revoke or set them in one audited change.

use super::{active_clerk, check_grantable, confirm_clerk_maintenance, find_member};
use crate::auth::{self, Actor};
use crate::cli::access::ClerkRolesArgs;
use crate::context::Context;
use crate::domain::access::{added, RoleChange};
use crate::domain::ids::ProviderId;
use crate::domain::roles::{self, Role};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{MembershipRow, Tx, UserRow};
use serde::Serialize;

#[derive(Serialize)]
pub struct RolesView {
    pub user_name: String,
    pub roles: Vec<String>,
    pub provider_id: String,
    pub changed: bool,
    pub before: Option<Vec<String>>,
}

fn parse_many(items: &[String]) -> Result<Vec<Role>> {
    let mut out = Vec::new();
    for i in items {
        out.extend(Role::parse_list(i)?);
    }
    Ok(roles::normalize(out))
}

struct Plan {
    user: UserRow,
    m: MembershipRow,
    before: Vec<Role>,
    after: Vec<Role>,
}

fn plan(
    tx: &Tx<'_>,
    actor: &Actor,
    provider: &ProviderId,
    user: &str,
    change: &RoleChange,
) -> Result<Plan> {
    let (user, m) = active_clerk(tx, actor, provider, user, "change the roles of")?;
    let before = m.effective_roles();
    let after = change.apply(&before)?;
    check_grantable(actor, provider, &added(&before, &after))?;
    Ok(Plan {
        user,
        m,
        before,
        after,
    })
}

pub fn cmd_clerk_roles(ctx: &Context, args: &ClerkRolesArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let parsed = (|| {
        let change = RoleChange {
            grant: parse_many(&args.grant)?,
            revoke: parse_many(&args.revoke)?,
            set: match &args.set {
                Some(s) => Some(Role::parse_list(s)?),
                None => None,
            },
        };
        // A role both granted and revoked is refused before anything is looked up.
        change.apply(&[])?;
        Ok(change)
    })();
    let change = super::refusal_first(ctx, &store, crate::auth::Cmd::ClerkRoles, parsed)?;
    let user_arg = args.user_name.trim();
    if change.is_empty() {
        return show(ctx, &store, user_arg);
    }
    let may_grant_cm = change
        .set
        .as_ref()
        .unwrap_or(&change.grant)
        .contains(&Role::ClerkMaintenance);
    if may_grant_cm {
        // Work out whether Clerk Maintenance is new to them, then ask outside the write lock.
        let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClerkRoles)?;
        let provider = actor.provider()?.clone();
        let (tx, p) = auth::checked(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::ClerkRoles,
            Some(user_arg),
            |tx| plan(tx, &actor, &provider, user_arg, &change),
        )?;
        drop(tx);
        confirm_clerk_maintenance(
            ctx,
            &p.user.user_name,
            &added(&p.before, &p.after),
            args.yes,
        )?;
    }
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClerkRoles)?;
    let provider = actor.provider()?.clone();
    let (tx, p) = auth::checked(
        ctx,
        &store,
        tx,
        &actor,
        auth::Cmd::ClerkRoles,
        Some(user_arg),
        |tx| plan(tx, &actor, &provider, user_arg, &change),
    )?;
    if added(&p.before, &p.after).contains(&Role::ClerkMaintenance) && !may_grant_cm {
        return Err(Error::internal(
            "Clerk Maintenance granted without confirmation",
        ));
    }
    let changed = p.after != p.before;
    if changed {
        tx.set_membership_roles(p.m.id, &p.after)?;
    }
    let now = ctx.clock.now_str();
    let detail = format!(
        "before: {}; after: {}",
        roles::encode(&p.before),
        roles::encode(&p.after)
    );
    tx.audit(&actor.entry(
        &now,
        "clerk roles",
        Some(&p.user.user_name),
        if changed { "ok" } else { "unchanged" },
        Some(&detail),
    ))?;
    tx.commit()?;
    let human = format!(
        "{} — provider {provider}{}\n  before: {}\n  after:  {}",
        p.user.user_name,
        if changed { "" } else { " (no change)" },
        list_or_none(&p.before),
        list_or_none(&p.after),
    );
    Ok(Output::record_with(
        RolesView {
            user_name: p.user.user_name,
            roles: roles::names(&p.after),
            provider_id: provider.to_string(),
            changed,
            before: Some(roles::names(&p.before)),
        },
        human,
    ))
}

/// Showing roles is a read: allowed for any member of the provider, yourself included.
fn show(ctx: &Context, store: &crate::store::Store, user_arg: &str) -> Result<Output> {
    let (tx, actor) = auth::begin(ctx, store, auth::Cmd::ClerkRoles)?;
    let provider = actor.provider()?.clone();
    let (user, m) = find_member(&tx, &provider, user_arg)?;
    let Some(m) = m.filter(|m| m.is_active()) else {
        return Err(Error::not_found(format!(
            "{} is not a clerk of provider {provider}",
            user.user_name
        ))
        .hint("`mmis clerk list` shows this provider's clerks"));
    };
    let now = ctx.clock.now_str();
    tx.audit(&actor.entry(
        &now,
        "clerk roles",
        Some(&user.user_name),
        "ok",
        Some("viewed"),
    ))?;
    tx.commit()?;
    let roles_now = m.effective_roles();
    let human = format!(
        "{} — provider {provider}{}\n{}",
        user.user_name,
        if m.is_site_admin() {
            " (site administrator: every role)"
        } else {
            ""
        },
        if roles_now.is_empty() {
            "  (no roles)".to_string()
        } else {
            roles_now
                .iter()
                .map(|r| format!("  {}", r.name()))
                .collect::<Vec<_>>()
                .join("\n")
        }
    );
    Ok(Output::record_with(
        RolesView {
            user_name: user.user_name,
            roles: roles::names(&roles_now),
            provider_id: provider.to_string(),
            changed: false,
            before: None,
        },
        human,
    ))
}

fn list_or_none(r: &[Role]) -> String {
    if r.is_empty() {
        "(none)".into()
    } else {
        roles::names(r).join(", ")
    }
}
