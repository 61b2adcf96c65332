//! `mmis init`: a new store and its operator account.

use super::password_from;
use crate::auth::{credentials, hash};
use crate::cli::InitArgs;
use crate::context::Context;
use crate::domain::ids::parse_user_name;
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{AuditEntry, NewUser, SANDBOX_KEY};

pub fn cmd_init(ctx: &Context, args: &InitArgs) -> Result<Output> {
    let user_name = parse_user_name("--username", &args.username)?;
    // Refuse a foreign or already-initialised file before asking for a password.
    {
        let store = ctx.create_store()?;
        let tx = store.read()?;
        if tx.operator_exists()? {
            return Err(Error::conflict(format!(
                "the store {} already has an operator account",
                ctx.store_name()
            ))
            .hint("use another --db for a new store"));
        }
    }
    let password = password_from(ctx, args.password_stdin, "Operator password", true)?;
    let sandbox = args.sandbox || ctx.clock.is_pinned();
    init_store(ctx, &user_name, &password, sandbox)?;
    ctx.sandbox.set(sandbox);
    let kind = if sandbox {
        "a SANDBOX store (MMIS_TODAY may pin its business date)"
    } else {
        "a live store (it runs on today's date and refuses MMIS_TODAY)"
    };
    Ok(Output::record_with(
        serde_json::json!({"operator": user_name, "db": ctx.store_name(), "sandbox": sandbox}),
        format!(
            "Created the store {} with operator {user_name}: {kind}.\nNext: mmis login --username {user_name}",
            ctx.store_name()
        ),
    ))
}

/// Creates the store (when missing) and its operator account; a sandbox store when
/// `MMIS_TODAY` is set.
pub fn init_with(ctx: &Context, user_name: &str, password: &Secret) -> Result<()> {
    init_store(ctx, user_name, password, ctx.clock.is_pinned())
}

/// Creates the store (when missing) and its operator account, recording whether it is a
/// sandbox (`meta.sandbox`) in the same transaction.
pub fn init_store(ctx: &Context, user_name: &str, password: &Secret, sandbox: bool) -> Result<()> {
    let store = ctx.create_store()?;
    let problems = {
        let tx = store.read()?;
        credentials::new_password_problems(
            &tx,
            None,
            user_name,
            "password",
            Some(password),
            "password",
            Some(password),
        )?
    };
    if !problems.is_empty() {
        return Err(Error::invalid_fields("the operator's password", &problems));
    }
    let hashed = hash::hash_secret(password.expose())?;
    let tx = store.write()?;
    if tx.operator_exists()? {
        return Err(Error::conflict("the store already has an operator account"));
    }
    let now = ctx.clock.now_str();
    let id = tx.insert_user(&NewUser {
        user_name,
        first_name: "",
        last_name: "",
        phone: "",
        email: "",
        is_operator: true,
        created_at: &now,
    })?;
    tx.set_password(id, &hashed, &now)?;
    tx.meta_set(SANDBOX_KEY, if sandbox { "1" } else { "0" })?;
    tx.audit(&AuditEntry {
        at: &now,
        actor: user_name,
        actor_kind: "operator",
        provider_id: None,
        action: "init",
        target: Some(user_name),
        outcome: "ok",
        detail: Some(if sandbox {
            "sandbox store"
        } else {
            "live store"
        }),
    })?;
    tx.commit()
}
