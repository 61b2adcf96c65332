//! `claim status ICN` (or a search) and `claim list`.

use super::{claim_text, claim_view, find_claim, list_row, ClaimListRow};
use crate::auth;
use crate::cli::claims::{ListArgs, StatusArgs};
use crate::context::Context;
use crate::domain::claims::ClaimStatus;
use crate::domain::ids::{HealthId, ProviderId};
use crate::domain::time::parse_date;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::claims::ClaimFilter;
use crate::store::Tx;

const LIST_COLUMNS: [&str; 7] = [
    "icn",
    "member_id",
    "status",
    "date_of_service",
    "billed",
    "paid_amount",
    "received_on",
];

fn filter(
    provider_id: &ProviderId,
    member: Option<&String>,
    status: Option<&String>,
    from: Option<&String>,
    to: Option<&String>,
) -> Result<ClaimFilter> {
    let member_id = member.map(|m| HealthId::parse("--member", m)).transpose()?;
    let status = status.map(|s| ClaimStatus::parse(s)).transpose()?;
    let from = from.map(|d| parse_date("--from", d)).transpose()?;
    let to = to.map(|d| parse_date("--to", d)).transpose()?;
    if let (Some(f), Some(t)) = (from, to) {
        if t < f {
            return Err(Error::invalid(format!("--to ({t}) is before --from ({f})")));
        }
    }
    Ok(ClaimFilter {
        provider_id: Some(provider_id.clone()),
        member_id,
        status,
        from,
        to,
    })
}

fn rows(tx: &Tx<'_>, f: &ClaimFilter) -> Result<Vec<ClaimListRow>> {
    Ok(tx.claims_search(f)?.iter().map(list_row).collect())
}

fn describe(f: &ClaimFilter) -> String {
    let mut parts = Vec::new();
    if let Some(m) = &f.member_id {
        parts.push(format!("member {m}"));
    }
    if let Some(s) = &f.status {
        parts.push(format!("status {s}"));
    }
    if let Some(d) = &f.from {
        parts.push(format!("from {d}"));
    }
    if let Some(d) = &f.to {
        parts.push(format!("to {d}"));
    }
    if parts.is_empty() {
        "all".into()
    } else {
        parts.join(", ")
    }
}

pub fn cmd_claim_status(ctx: &Context, args: &StatusArgs) -> Result<Output> {
    if let Some(f) = &args.x12 {
        return super::status_x12::cmd_claim_status_x12(ctx, f, args.out.as_deref());
    }
    let searching =
        args.member.is_some() || args.from.is_some() || args.to.is_some() || args.status.is_some();
    if args.icn.is_none() && !searching {
        return Err(
            Error::usage("give an ICN, or search with --member, --from/--to or --status").hint(
                "`mmis claim status 2026075000001`, or `mmis claim status --member AB123456`",
            ),
        );
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimStatus)?;
    let provider_id = actor.provider()?.clone();
    let now = ctx.clock.now_str();
    if let Some(icn) = &args.icn {
        let c = find_claim(&tx, &provider_id, icn)?;
        let mut view = claim_view(&c, &tx.claim_lines(c.id)?, &tx.claim_history(c.id)?);
        view.replaces = match c.replaces_claim_id {
            Some(id) => tx.claim_icn(id)?.map(|i| i.to_string()),
            None => None,
        };
        view.replaced_by = tx.replaced_by(c.id)?.map(|i| i.to_string());
        view.remit_id = tx.last_remit_of_claim(c.id)?;
        if let Some(p) = tx.latest_posting(c.id)? {
            if view.remit_id.is_none() {
                view.remit_id = Some(p.remit_id.clone());
            }
            view.posted = Some(super::PostedView {
                remit_id: p.remit_id,
                paid: super::money(p.paid),
                posted_on: p.posted_on.to_string(),
            });
        }
        let entry = actor.entry(&now, "claim status", Some(c.icn.as_str()), "ok", None);
        auth::finish(ctx, &store, tx, &actor, &[entry])?;
        let human = claim_text(&view);
        return Ok(Output::record_with(view, human));
    }
    let f = filter(
        &provider_id,
        args.member.as_ref(),
        args.status.as_ref(),
        args.from.as_ref(),
        args.to.as_ref(),
    )?;
    let found = rows(&tx, &f)?;
    let detail = format!("search: {} ({} found)", describe(&f), found.len());
    let entry = actor.entry(&now, "claim status", None, "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    Ok(super::money_rows(
        &found,
        vec![
            "icn",
            "member_id",
            "status",
            "category_code",
            "date_of_service",
            "billed",
            "paid_amount",
        ],
    ))
}

pub fn cmd_claim_list(ctx: &Context, args: &ListArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::ClaimList)?;
    let provider_id = actor.provider()?.clone();
    let f = filter(
        &provider_id,
        args.member.as_ref(),
        args.status.as_ref(),
        args.from.as_ref(),
        args.to.as_ref(),
    )?;
    let found = rows(&tx, &f)?;
    let now = ctx.clock.now_str();
    let detail = format!("{} ({} found)", describe(&f), found.len());
    let entry = actor.entry(&now, "claim list", None, "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    Ok(super::money_rows(&found, LIST_COLUMNS.to_vec()))
}
