//! `clerk remove`: the clerk's access to this provider ends at once; other providers keep theirs.

use super::active_clerk;
use crate::auth;
use crate::cli::access::ClerkUserArgs;
use crate::context::Context;
use crate::error::Result;
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

pub fn cmd_clerk_remove(ctx: &Context, args: &ClerkUserArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, "clerk remove")?;
    let provider = actor.provider()?.to_string();
    let (user, m) = match active_clerk(&tx, &actor, &provider, &args.user_name, "remove") {
        Ok(v) => v,
        Err(e) => {
            let target = Some(args.user_name.trim());
            return Err(auth::refuse(
                ctx,
                &store,
                tx,
                &actor,
                "clerk remove",
                target,
                e,
            ));
        }
    };
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
            provider_id: provider,
            sessions_ended,
            tokens_revoked,
        },
        human,
    ))
}
