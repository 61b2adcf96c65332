//! `ops user unlock` and `ops recover-operator`.

use crate::auth::{self, credentials, hash};
use crate::cli::ops::{RecoverOperatorArgs, UserArgs};
use crate::commands::password_from;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::AuditEntry;

pub fn cmd_ops_user_unlock(ctx: &Context, args: &UserArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsUserUnlock)?;
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

/// `ops recover-operator`: the break-glass path. It needs no session: the proof is write
/// access to the store itself (whoever can write the file could change it anyway). A
/// read-only store is refused (exit 8) before the password is asked for.
pub fn cmd_ops_recover_operator(ctx: &Context, args: &RecoverOperatorArgs) -> Result<Output> {
    let user_name = args.username.trim();
    let store = ctx.open_store()?;
    // Write access first: a `BEGIN IMMEDIATE` that is rolled back.
    let operator = {
        let (tx, _) = auth::begin(ctx, &store, auth::Cmd::OpsRecoverOperator)?;
        tx.user_by_name(user_name)?
    };
    let operator = match operator {
        None => {
            return Err(Error::not_found(format!("no user named {user_name}"))
                .hint("name the operator account (the user that `mmis init` created)"))
        }
        Some(u) if !u.is_operator => {
            return Err(Error::invalid(format!(
                "{} is not the operator account; `mmis ops recover-operator` recovers only the operator",
                u.user_name
            ))
            .hint("other users reset with `mmis account password reset`, or are unlocked with `mmis ops user unlock` / `mmis clerk unlock`"))
        }
        Some(u) => u,
    };
    let password = password_from(ctx, args.password_stdin, "New operator password", true)?;
    let problems = {
        let tx = store.read()?;
        credentials::new_password_problems(
            &tx,
            Some(operator.id),
            &operator.user_name,
            "password",
            Some(&password),
            "password",
            Some(&password),
        )?
    };
    if !problems.is_empty() {
        return Err(Error::invalid_fields(
            "the operator's new password",
            &problems,
        ));
    }
    let hashed = hash::hash_secret(password.expose())?;
    drop(password);
    let (tx, _) = auth::begin(ctx, &store, auth::Cmd::OpsRecoverOperator)?;
    let now = ctx.clock.now_str();
    tx.set_password(operator.id, &hashed, &now)?;
    let was_locked = tx
        .user_by_id(operator.id)?
        .is_some_and(|u| u.locked_at.is_some());
    tx.unlock_user(operator.id)?;
    let ended = tx.end_user_sessions(operator.id, None, &now, "operator recovered")?;
    let detail = format!(
        "new password set{}; {ended} session(s) ended",
        if was_locked { "; lockout lifted" } else { "" }
    );
    tx.audit(&AuditEntry {
        at: &now,
        actor: "store-owner",
        actor_kind: "store-owner",
        provider_id: None,
        action: "ops recover-operator",
        target: Some(&operator.user_name),
        outcome: "ok",
        detail: Some(&detail),
    })?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({
            "user_name": operator.user_name,
            "locked": false,
            "was_locked": was_locked,
            "sessions_ended": ended,
        }),
        format!(
            "Recovered the operator {}: new password set{}, {ended} session(s) ended.\nNext: mmis login --username {}",
            operator.user_name,
            if was_locked { ", lockout lifted" } else { "" },
            operator.user_name
        ),
    ))
}
