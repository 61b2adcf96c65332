//! Clerk Maintenance: add, remove, roles, list (the access review), search, unlock.
//!
//! Every verb needs the Clerk Maintenance role for the current provider (the guard checks it);
//! the rules here add what the guard cannot know: nobody acts on themselves or on the site
//! administrator, and a clerk can hand out only roles they hold themselves.

pub mod add;
pub mod list;
pub mod remove;
pub mod roles;
pub mod search;
pub mod unlock;

use crate::auth::{Actor, Via};
use crate::context::Context;
use crate::domain::access::clerk_maintenance_warning;
use crate::domain::ids::ProviderId;
use crate::domain::roles::Role;
use crate::error::{Error, Result};
use crate::store::{MembershipRow, Tx, UserRow};

pub use add::cmd_clerk_add;
pub use list::cmd_clerk_list;
pub use remove::cmd_clerk_remove;
pub use roles::cmd_clerk_roles;
pub use search::cmd_clerk_search;
pub use unlock::cmd_clerk_unlock;

/// When the input is wrong, a refusal by the guard still comes first: someone without
/// Clerk Maintenance hears "permission denied" (exit 4), not what was wrong with their input.
pub(crate) fn refusal_first<T>(
    ctx: &Context,
    store: &crate::store::Store,
    command: crate::auth::Cmd,
    input: Result<T>,
) -> Result<T> {
    if input.is_err() {
        crate::auth::permit(ctx, store, command)?;
    }
    input
}

/// Granting Clerk Maintenance: always warn; go ahead with `--yes`, or when a person at a
/// terminal confirms; refuse (exit 6) otherwise. Runs before the write transaction opens.
pub(crate) fn confirm_clerk_maintenance(
    ctx: &Context,
    user: &str,
    roles: &[Role],
    yes: bool,
) -> Result<()> {
    if !roles.contains(&Role::ClerkMaintenance) {
        return Ok(());
    }
    ctx.ui.warn(&clerk_maintenance_warning(user));
    if yes {
        return Ok(());
    }
    if ctx.ui.can_prompt() {
        ctx.ui.guard_terminal();
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!("Grant Clerk Maintenance to {user}?"))
            .default(false)
            .interact()
            .map_err(crate::forms::prompt_error)?;
        if ok {
            return Ok(());
        }
        return Err(Error::invalid(
            "Clerk Maintenance was not granted; nothing changed",
        ));
    }
    Err(Error::invalid(format!(
        "granting Clerk Maintenance to {user} needs confirmation; nothing changed"
    ))
    .hint("pass --yes to confirm (the administrator role should stay in-house)"))
}

/// A clerk may hand out only roles they hold themselves (the site administrator holds all).
pub(crate) fn check_grantable(
    actor: &Actor,
    provider: &ProviderId,
    new_roles: &[Role],
) -> Result<()> {
    let lacking: Vec<&str> = new_roles
        .iter()
        .filter(|r| !actor.has(**r))
        .map(|r| r.name())
        .collect();
    if lacking.is_empty() {
        return Ok(());
    }
    let hint = match &actor.via {
        // The person may hold them; the token they act through was not given them.
        Via::Token { roles: written, .. }
            if new_roles
                .iter()
                .any(|r| !actor.has(*r) && !written.contains(r)) =>
        {
            "this API token lacks them; use a token made with them, or unset MMIS_TOKEN"
        }
        _ => "ask the site administrator to grant them",
    };
    Err(Error::denied(format!(
        "{} cannot grant roles they do not hold for provider {provider}: {}",
        actor.user_name,
        lacking.join(", ")
    ))
    .hint(hint))
}

/// Refuses acting on yourself.
pub(crate) fn not_self(actor: &Actor, target: &UserRow, what: &str) -> Result<()> {
    if actor.user_id == Some(target.id) {
        return Err(
            Error::denied(format!("you cannot {what} yourself ({})", target.user_name)).hint(
                "another person with Clerk Maintenance (or the site administrator) must do it",
            ),
        );
    }
    Ok(())
}

/// The user named, and their membership of the current provider, whatever its state.
pub(crate) fn find_member(
    tx: &Tx<'_>,
    provider: &ProviderId,
    user_name: &str,
) -> Result<(UserRow, Option<MembershipRow>)> {
    let name = user_name.trim();
    let not_clerk = || {
        Error::not_found(format!("{name} is not a clerk of provider {provider}"))
            .hint("`mmis clerk list` shows this provider's clerks")
    };
    let user = tx
        .user_by_name(name)?
        .filter(|u| !u.is_operator)
        .ok_or_else(not_clerk)?;
    let m = tx.membership(user.id, provider)?;
    Ok((user, m))
}

/// The active clerk named (not the site administrator, not yourself).
pub(crate) fn active_clerk(
    tx: &Tx<'_>,
    actor: &Actor,
    provider: &ProviderId,
    user_name: &str,
    what: &str,
) -> Result<(UserRow, MembershipRow)> {
    let (user, m) = find_member(tx, provider, user_name)?;
    let Some(m) = m.filter(|m| m.is_active()) else {
        return Err(Error::not_found(format!(
            "{} is not a clerk of provider {provider}",
            user.user_name
        ))
        .hint("`mmis clerk list` shows this provider's clerks; a removed clerk is re-added with `mmis clerk add --existing`"));
    };
    if m.is_site_admin() {
        let hint = if what == "unlock" {
            "the agency unlocks a site administrator (`mmis ops user unlock`); a password reset with the secret questions also lifts it"
        } else {
            "the site administrator role moves only through `mmis admin transfer-request`"
        };
        return Err(Error::denied(format!(
            "{} is the site administrator of provider {provider}; you cannot {what} the site administrator",
            user.user_name
        ))
        .hint(hint));
    }
    not_self(actor, &user, what)?;
    Ok((user, m))
}
