//! `ops user unlock`.

use crate::auth;
use crate::cli::ops::UserArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;

pub fn cmd_ops_user_unlock(ctx: &Context, args: &UserArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, "ops user unlock")?;
    let user = tx
        .user_by_name(args.user_name.trim())?
        .ok_or_else(|| Error::not_found(format!("no user named {}", args.user_name.trim())))?;
    tx.unlock_user(user.id)?;
    let now = ctx.clock.now_str();
    tx.audit(&actor.entry(&now, "ops user unlock", Some(&user.user_name), "ok", None))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"user_name": user.user_name, "locked": false}),
        format!("Unlocked {}.", user.user_name),
    ))
}
