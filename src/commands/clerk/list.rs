//! `clerk list`: the access review — everyone with access to this provider, with roles,
//! status, when they were added and when they last signed in.

use crate::auth;
use crate::context::Context;
use crate::domain::access::ClerkStatus;
use crate::domain::roles;
use crate::error::Result;
use crate::output::Output;
use serde::Serialize;

#[derive(Serialize)]
pub struct ClerkRowView {
    pub user_name: String,
    pub kind: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub roles: Vec<String>,
    pub status: &'static str,
    pub created_at: String,
    pub last_login: Option<String>,
    pub removed_at: Option<String>,
    pub invite_expires: Option<String>,
}

pub fn cmd_clerk_list(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClerkList)?;
    let provider = actor.provider()?.clone();
    let mut rows = Vec::new();
    for m in tx.memberships_of_provider(&provider)? {
        let Some(u) = tx.user_by_id(m.user_id)? else {
            continue;
        };
        let status = ClerkStatus::of(
            !m.is_active(),
            u.locked_at.is_some(),
            u.password_hash.is_some(),
        );
        let invite_expires = if status == ClerkStatus::Invited {
            tx.latest_invitation(u.id, &provider)?
                .filter(|i| i.used_at.is_none() && i.voided_at.is_none())
                .map(|i| i.expires_on.to_string())
        } else {
            None
        };
        rows.push(ClerkRowView {
            user_name: u.user_name,
            kind: m.kind.clone(),
            first_name: u.first_name,
            last_name: u.last_name,
            email: u.email,
            roles: roles::names(&m.effective_roles()),
            status: status.as_str(),
            created_at: m.created_at,
            last_login: u.last_login_at,
            removed_at: m.removed_at,
            invite_expires,
        });
    }
    // The site administrator first, then clerks still active, then removed ones; by name.
    rows.sort_by_key(|r| {
        (
            r.kind != "site_admin",
            r.status == "removed",
            r.user_name.to_ascii_lowercase(),
        )
    });
    let now = ctx.clock.now_str();
    let detail = format!("{} row(s)", rows.len());
    let entry = actor.entry(
        &now,
        "clerk list",
        Some(provider.as_str()),
        "ok",
        Some(&detail),
    );
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    let mut out = Output::rows(
        &rows,
        // The table fits 80 columns with times whole; JSON and CSV carry every field.
        vec!["user_name", "kind", "roles", "status", "last_login"],
    );
    if let Output::Rows {
        human_footer,
        cells,
        ..
    } = &mut out
    {
        // The table says "every role" for the site administrator; JSON and CSV list them all.
        // Times: the table shows them local with the zone (crate::output::table_of).
        for (row, cell) in rows.iter().zip(cells.iter_mut()) {
            if row.kind == "site_admin" {
                if let Some(c) = cell.get_mut(2) {
                    *c = "every role (site administrator)".into();
                }
            }
        }
        *human_footer = Some(format!(
            "Access review for provider {provider}. Remove a clerk who no longer works for you: mmis clerk remove USER"
        ));
    }
    Ok(out)
}
