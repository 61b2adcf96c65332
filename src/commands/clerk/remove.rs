//! `clerk remove`: the clerk's access to this provider ends at once; other providers keep theirs.

use super::active_clerk;
use crate::auth;
use crate::cli::access::ClerkRemoveArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use serde::Serialize;

#[derive(Serialize)]
pub struct RemovedView {
    pub user_name: String,
    pub removed: bool,
    pub provider_id: String,
    pub sessions_ended: usize,
    pub tokens_revoked: usize,
}

/// On a terminal, `clerk remove` asks first (default no; `--yes` skips the question). Off a
/// terminal it proceeds, as `claim void` and `pa cancel` do, so scripts keep working.
pub fn cmd_clerk_remove(ctx: &Context, args: &ClerkRemoveArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let checked = || -> Result<_> {
        let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClerkRemove)?;
        let provider = actor.provider()?.clone();
        let (tx, (user, m)) = auth::checked(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::ClerkRemove,
            Some(args.user_name.trim()),
            |tx| active_clerk(tx, &actor, &provider, &args.user_name, "remove"),
        )?;
        Ok((tx, actor, provider, user, m))
    };
    let (mut tx, mut actor, mut provider, mut user, mut m) = checked()?;
    if !args.yes && ctx.ui.can_prompt() {
        // Never hold the write lock while a person thinks: check, ask, then check again.
        drop(tx);
        let ok = dialoguer::Confirm::new()
            .with_prompt(format!(
                "Remove {}'s access to provider {provider} (sessions end, API tokens are revoked)?",
                user.user_name
            ))
            .default(false)
            .interact()
            .map_err(|e| Error::invalid(format!("prompt cancelled: {e}")))?;
        if !ok {
            return Err(Error::invalid(format!(
                "{} was not removed; nothing changed",
                user.user_name
            )));
        }
        (tx, actor, provider, user, m) = checked()?;
    }
    let now = ctx.clock.now_str();
    tx.remove_membership(m.id, &now)?;
    let sessions_ended = tx.end_provider_sessions(user.id, &provider, &now, "removed")?;
    let tokens_revoked = tx.revoke_provider_tokens(user.id, &provider, &now)?;
    let invites = tx.void_invitations(user.id, &provider, &now)?;
    let detail = format!(
        "roles were: {}; {sessions_ended} session(s) ended, {tokens_revoked} token(s) revoked, {invites} invitation(s) voided",
        crate::domain::roles::encode(&m.roles)
    );
    tx.audit(&actor.entry(
        &now,
        "clerk remove",
        Some(&user.user_name),
        "ok",
        Some(&detail),
    ))?;
    tx.commit()?;
    let human = format!(
        "Removed {} from provider {provider}: {sessions_ended} session(s) ended, {tokens_revoked} API token(s) revoked. \
         Their access to other providers is unchanged.",
        user.user_name
    );
    Ok(Output::record_with(
        RemovedView {
            user_name: user.user_name,
            removed: true,
            provider_id: provider.to_string(),
            sessions_ended,
            tokens_revoked,
        },
        human,
    ))
}
