//! `audit log` and `audit verify`.

use crate::auth::{self, ActorKind, Via};
use crate::cli::AuditLogArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{self, Output};
use crate::store::AuditFilter;

pub fn cmd_audit_log(ctx: &Context, args: &AuditLogArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, "audit log")?;
    let since = match &args.since {
        Some(s) if s.len() == 10 => Some(format!(
            "{}T00:00:00Z",
            crate::domain::time::parse_date("--since", s)?
        )),
        Some(s) => Some(
            crate::context::parse_rfc3339(s)
                .map(crate::context::rfc3339)
                .ok_or_else(|| {
                    Error::invalid(format!(
                        "--since: expected YYYY-MM-DD or an RFC 3339 time, got {s:?}"
                    ))
                })?,
        ),
        None => None,
    };
    let providers = if actor.kind == ActorKind::Operator {
        None
    } else if let (Via::Token { .. }, Some(p)) = (&actor.via, &actor.provider_id) {
        // A token works for its one provider only, even when its user administers others.
        Some(vec![p.clone()])
    } else {
        let uid = actor.user_id.unwrap_or_default();
        Some(
            tx.memberships_of_user(uid)?
                .into_iter()
                .filter(|m| m.is_active() && m.is_site_admin())
                .map(|m| m.provider_id)
                .collect(),
        )
    };
    let filter = AuditFilter {
        user: args.user.clone(),
        action: args.action.clone(),
        since,
        providers,
        limit: args.limit,
    };
    let rows = tx.audit_rows(&filter)?;
    // Reading the log is itself an entry (after the read: the rows shown are the log before it).
    let detail = read_detail(&filter, rows.len());
    let now = ctx.clock.now_str();
    tx.audit(&actor.entry(&now, "audit log", None, "ok", Some(&detail)))?;
    tx.commit()?;
    Ok(Output::rows(
        &rows,
        vec![
            "id",
            "at",
            "actor",
            "provider_id",
            "action",
            "target",
            "outcome",
            "detail",
        ],
    ))
}

/// The filter an `audit log` read used, and how many entries it returned.
fn read_detail(f: &AuditFilter, shown: usize) -> String {
    let mut parts = Vec::new();
    if let Some(u) = &f.user {
        parts.push(format!("user={u:?}"));
    }
    if let Some(a) = &f.action {
        parts.push(format!("action={a:?}"));
    }
    if let Some(s) = &f.since {
        parts.push(format!("since={s}"));
    }
    if let Some(l) = f.limit {
        parts.push(format!("limit={l}"));
    }
    if let Some(p) = &f.providers {
        parts.push(format!("providers={}", p.join(",")));
    }
    let filter = if parts.is_empty() {
        "none".to_string()
    } else {
        parts.join(" ")
    };
    format!("filter: {filter}; {shown} entries shown")
}

pub fn cmd_audit_verify(ctx: &Context) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, "audit verify")?;
    let report = tx.audit_verify()?;
    let now = ctx.clock.now_str();
    let outcome = if report.first_bad.is_none() {
        "ok"
    } else {
        "broken"
    };
    let detail = report
        .first_bad
        .as_ref()
        .map(|(id, why)| format!("entry {id}: {why}"));
    tx.audit(&actor.entry(&now, "audit verify", None, outcome, detail.as_deref()))?;
    tx.commit()?;
    let value = serde_json::json!({
        "ok": report.first_bad.is_none(),
        "entries": report.entries,
        "first_bad": report.first_bad.as_ref().map(|(id, why)| serde_json::json!({"id": id, "reason": why})),
    });
    match report.first_bad {
        None => Ok(Output::record_with(
            value,
            format!(
                "The audit log is intact: {} entries, each chained to the one before.",
                report.entries
            ),
        )),
        Some((id, why)) => {
            let out = Output::Record {
                value,
                human: Some(format!("The audit log is BROKEN at entry {id}: {why}.")),
            };
            output::render(&out, ctx.format, &mut std::io::stdout())?;
            Err(
                Error::conflict(format!("the audit log is broken: entry {id}: {why}")).hint(
                    "the log was changed outside mmis; keep a copy of the store for investigation",
                ),
            )
        }
    }
}
