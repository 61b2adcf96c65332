//! `mmis init`: a new store and its operator account.

use super::password_from;
use crate::auth::{credentials, hash};
use crate::cli::InitArgs;
use crate::context::Context;
use crate::domain::ids::parse_user_name;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::{AuditEntry, NewUser};

pub fn cmd_init(ctx: &Context, args: &InitArgs) -> Result<Output> {
    let user_name = parse_user_name("--username", &args.username)?;
    let store = ctx.create_store()?;
    {
        let tx = store.read()?;
        if tx.operator_exists()? {
            return Err(Error::conflict(format!(
                "the store {} already has an operator account",
                ctx.db_path.display()
            ))
            .hint("use another --db for a new store"));
        }
    }
    let password = password_from(ctx, args.password_stdin, "Operator password", true)?;
    let mut hashed = None;
    let tx = store.write()?;
    if tx.operator_exists()? {
        return Err(Error::conflict("the store already has an operator account"));
    }
    let problems = credentials::new_password_problems(
        &tx,
        None,
        &user_name,
        "password",
        Some(&password),
        "password",
        Some(&password),
    )?;
    if !problems.is_empty() {
        return Err(Error::invalid_fields("the operator's password", &problems));
    }
    if hashed.is_none() {
        hashed = Some(hash::hash_secret(password.expose())?);
    }
    let now = ctx.clock.now_str();
    let id = tx.insert_user(&NewUser {
        user_name: &user_name,
        first_name: "",
        last_name: "",
        phone: "",
        email: "",
        is_operator: true,
        created_at: &now,
    })?;
    tx.set_password(id, hashed.as_deref().unwrap_or_default(), &now)?;
    tx.audit(&AuditEntry {
        at: &now,
        actor: &user_name,
        actor_kind: "operator",
        provider_id: None,
        action: "init",
        target: Some(&user_name),
        outcome: "ok",
        detail: None,
    })?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"operator": user_name, "db": ctx.db_path.display().to_string()}),
        format!(
            "Created the store {} with operator {user_name}.\nNext: mmis login --username {user_name}",
            ctx.db_path.display()
        ),
    ))
}
