//! `clerk unlock`: lift a clerk's lockout (clerks of this provider only; the agency unlocks
//! administrators with `ops user unlock`).

use super::active_clerk;
use crate::auth;
use crate::cli::access::ClerkUserArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;

pub fn cmd_clerk_unlock(ctx: &Context, args: &ClerkUserArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClerkUnlock)?;
    let provider = actor.provider()?.clone();
    let (tx, (user, _)) = auth::checked(
        ctx,
        &store,
        tx,
        &actor,
        auth::Cmd::ClerkUnlock,
        Some(args.user_name.trim()),
        |tx| active_clerk(tx, &actor, &provider, &args.user_name, "unlock"),
    )?;
    // A lockout is per user: someone who administers any provider is unlocked by the agency.
    if let Some(admin_of) = tx
        .memberships_of_user(user.id)?
        .into_iter()
        .find(|m| m.is_active() && m.is_site_admin())
    {
        let e = Error::denied(format!(
            "{} is the site administrator of provider {}; only the agency unlocks a site administrator",
            user.user_name, admin_of.provider_id
        ))
        .hint("ask the agency (`mmis ops user unlock`), or reset the password with the secret questions");
        let target = Some(user.user_name.as_str());
        return Err(auth::refuse(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::ClerkUnlock,
            target,
            e,
        ));
    }
    let was_locked = user.locked_at.is_some();
    tx.unlock_user(user.id)?;
    let now = ctx.clock.now_str();
    tx.audit(&actor.entry(
        &now,
        "clerk unlock",
        Some(&user.user_name),
        "ok",
        Some(if was_locked {
            "lockout lifted"
        } else {
            "was not locked"
        }),
    ))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"user_name": user.user_name, "locked": false, "was_locked": was_locked}),
        if was_locked {
            format!("Unlocked {}; they can sign in again.", user.user_name)
        } else {
            format!("{} was not locked.", user.user_name)
        },
    ))
}
