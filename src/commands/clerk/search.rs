//! `clerk search`: find existing portal users to add as clerks (seed 002's Search link).

use crate::auth;
use crate::cli::access::ClerkSearchArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use serde::Serialize;

#[derive(Serialize)]
pub struct FoundView {
    pub user_name: String,
    pub first_name: String,
    pub last_name: String,
}

pub fn cmd_clerk_search(ctx: &Context, args: &ClerkSearchArgs) -> Result<Output> {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    let (user, first, last) = (clean(&args.username), clean(&args.first), clean(&args.last));
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClerkSearch)?;
    actor.provider()?;
    if user.is_none() && first.is_none() && last.is_none() {
        return Err(Error::invalid(
            "give at least one search criterion: --username, --first or --last",
        ));
    }
    let found: Vec<FoundView> = tx
        .search_users(user.as_deref(), first.as_deref(), last.as_deref())?
        .into_iter()
        .map(|u| FoundView {
            user_name: u.user_name,
            first_name: u.first_name,
            last_name: u.last_name,
        })
        .collect();
    let now = ctx.clock.now_str();
    let criteria = [("username", &user), ("first", &first), ("last", &last)]
        .iter()
        .filter_map(|(k, v)| v.as_ref().map(|v| format!("{k}={v}")))
        .collect::<Vec<_>>()
        .join(" ");
    let detail = format!("{criteria}; {} found", found.len());
    let entry = actor.entry(&now, "clerk search", None, "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    Ok(Output::rows(
        &found,
        vec!["user_name", "first_name", "last_name"],
    ))
}
