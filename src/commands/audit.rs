//! `audit log`, `audit verify` and `audit anchor`.

use crate::auth::{self, ActorKind, Via};
use crate::cli::{AuditAnchorArgs, AuditLogArgs, AuditVerifyArgs};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{self, files, Format, Output};
use crate::store::{AuditFilter, AuditRow, BadEntry, Checkpoint};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub fn cmd_audit_log(ctx: &Context, args: &AuditLogArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AuditLog)?;
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
        Some(vec![p.to_string()])
    } else {
        let uid = actor.user_id.unwrap_or_default();
        Some(
            tx.memberships_of_user(uid)?
                .into_iter()
                .filter(|m| m.is_active() && m.is_site_admin())
                .map(|m| m.provider_id.to_string())
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
    let entry = actor.entry(&now, "audit log", None, "ok", Some(&detail));
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    if ctx.format == Format::Table {
        return Ok(Output::Raw(log_lines(&rows, output::term::width())));
    }
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

/// The log as a person reads it, one entry per paragraph (eight columns never fit a
/// terminal): the entry's number, local time, actor (and provider), action, target and
/// outcome on its first line, the detail below it, wrapped between words to `width` so that
/// no ID, code or time is split.
fn log_lines(rows: &[AuditRow], width: u16) -> String {
    if rows.is_empty() {
        return "(no entries)\n".into();
    }
    let indent = "      ";
    let width = usize::from(width).max(40);
    let mut out = String::new();
    for r in rows {
        let at = output::term::local_time(&r.at).unwrap_or_else(|| r.at.clone());
        let mut head = format!("{:>5} {at}  {}", r.id, r.actor);
        if let Some(p) = &r.provider_id {
            head.push_str(&format!(" @{p}"));
        }
        head.push_str(&format!("  {}", r.action));
        if let Some(t) = &r.target {
            head.push_str(&format!("  {t}"));
        }
        head.push_str(&format!("  [{}]", r.outcome));
        out.push_str(&head);
        out.push('\n');
        if let Some(d) = r.detail.as_deref().filter(|d| !d.trim().is_empty()) {
            let mut line = String::from(indent);
            for word in d.split_whitespace() {
                let len = line.chars().count();
                if len > indent.len() && len + 1 + word.chars().count() > width {
                    out.push_str(line.trim_end());
                    out.push('\n');
                    line = String::from(indent);
                }
                if line.len() > indent.len() {
                    line.push(' ');
                }
                line.push_str(word);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
    }
    out
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

/// What an anchor file holds: a checkpoint of the chain, safe to print or email (no PHI, no
/// secret: a count, two hashes and a time).
#[derive(Debug, Serialize, Deserialize)]
struct AnchorFile {
    /// Always [`ANCHOR_KIND`]: the file says what it is.
    kind: String,
    /// The entries the chain held (the id of its last entry, this anchor's own entry).
    entries: i64,
    /// The hash of entry `entries`.
    head: String,
    /// The hash of entry 1, which identifies the store's log.
    #[serde(default)]
    first: Option<String>,
    /// When the anchor was made (RFC 3339, UTC).
    at: String,
    #[serde(default)]
    note: Option<String>,
}

const ANCHOR_KIND: &str = "mmis audit anchor";
const ANCHOR_NOTE: &str = "A checkpoint of an mmis audit log. Keep it outside the store (print it, email it). `mmis audit verify --anchor FILE` exits 7 when the log no longer holds it (cut, rewritten or wiped).";

fn is_hash(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Reads and checks an anchor file (`-`: stdin); anything else is exit 6 naming the file.
fn read_anchor(path: &Path) -> Result<AnchorFile> {
    use std::io::Read;
    let shown = path.display();
    let mut text = String::new();
    let limit = 64 * 1024;
    let read = if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_string(&mut text))
    };
    read.map_err(|e| Error::invalid(format!("--anchor {shown}: cannot read it: {e}")))?;
    let not_anchor = |why: String| {
        Error::invalid(format!(
            "--anchor {shown}: not an mmis audit anchor ({why})"
        ))
        .hint("make one with `mmis audit anchor --out FILE`")
    };
    let a: AnchorFile = serde_json::from_str(&text).map_err(|e| not_anchor(e.to_string()))?;
    if a.kind != ANCHOR_KIND {
        return Err(not_anchor(format!("its kind is {:?}", a.kind)));
    }
    if a.entries < 1 {
        return Err(not_anchor("entries must be at least 1".into()));
    }
    if !is_hash(&a.head) || a.first.as_deref().is_some_and(|f| !is_hash(f)) {
        return Err(not_anchor("a hash is not 64 hex digits".into()));
    }
    Ok(a)
}

fn bad_json(b: &BadEntry) -> serde_json::Value {
    serde_json::json!({"id": b.id, "entry": b.label, "reason": b.reason})
}

pub fn cmd_audit_verify(ctx: &Context, args: &AuditVerifyArgs) -> Result<Output> {
    // The anchor is read before the store is locked; a bad one is exit 6.
    let anchor = args.anchor.as_deref().map(read_anchor).transpose()?;
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AuditVerify)?;
    let report = tx.audit_verify()?;
    let anchor_miss = match &anchor {
        // A dropped table is reported as such; there is nothing to hold the anchor.
        Some(_) if report.table_missing => None,
        Some(a) => tx.audit_check_anchor(&Checkpoint {
            entries: a.entries,
            head: a.head.clone(),
            first: a.first.clone(),
        })?,
        None => None,
    };
    // The chain's own break comes first; else the anchor's.
    let first_bad = report.first_bad.clone().or_else(|| {
        anchor_miss.as_ref().map(|(id, why)| BadEntry {
            id: Some(*id),
            label: format!("entry {id}"),
            reason: why.clone(),
        })
    });
    let now = ctx.clock.now_str();
    let outcome = if first_bad.is_none() { "ok" } else { "broken" };
    let detail = first_bad
        .as_ref()
        .map(|b| format!("{}: {}", b.label, b.reason))
        .or_else(|| {
            anchor
                .as_ref()
                .map(|a| format!("holds the anchor of {} ({} entries)", a.at, a.entries))
        });
    // Without its table the log can take no entry; the report still says why (exit 7).
    let entry = (!report.table_missing)
        .then(|| actor.entry(&now, "audit verify", None, outcome, detail.as_deref()));
    auth::finish(ctx, &store, tx, &actor, entry.as_slice())?;
    let mut value = serde_json::json!({
        "ok": first_bad.is_none(),
        "entries": report.entries,
        "first_bad": first_bad.as_ref().map(bad_json),
    });
    if let Some(a) = &anchor {
        value["anchor"] = serde_json::json!({
            "entries": a.entries,
            "head": a.head,
            "at": a.at,
            // null: not checked, the table is gone.
            "held": (!report.table_missing).then_some(anchor_miss.is_none()),
            "reason": anchor_miss.as_ref().map(|(_, why)| why),
        });
    }
    match first_bad {
        None => Ok(Output::record_with(
            value,
            format!(
                "The audit log is intact: {} entries, each chained to the one before{}.",
                report.entries,
                anchor
                    .as_ref()
                    .map(|a| format!(
                        "; it still holds the anchor of {} (entry {})",
                        a.at, a.entries
                    ))
                    .unwrap_or_default()
            ),
        )),
        Some(b) => {
            let anchored = report.first_bad.is_none();
            let out = Output::Record {
                value,
                human: Some(if anchored {
                    format!(
                        "The audit log no longer holds its anchor: {}: {}.",
                        b.label, b.reason
                    )
                } else {
                    format!("The audit log is BROKEN at {}: {}.", b.label, b.reason)
                }),
            };
            output::render(&out, ctx.format, &mut std::io::stdout())?;
            let message = match (&anchor, anchored) {
                (Some(a), true) => format!(
                    "the audit log no longer holds the anchor of {}: {}: {}",
                    a.at, b.label, b.reason
                ),
                _ => format!("the audit log is broken: {}: {}", b.label, b.reason),
            };
            Err(Error::conflict(message).hint(
                "the log was changed outside mmis; keep a copy of the store for investigation",
            ))
        }
    }
}

/// `audit anchor --out FILE`: checks the chain, records the anchoring (so the checkpoint
/// covers its own entry), commits, and only then puts the file in place.
pub fn cmd_audit_anchor(ctx: &Context, args: &AuditAnchorArgs) -> Result<Output> {
    let to_stdout = files::is_stdout(&args.out);
    if !to_stdout {
        files::check_target(&args.out)?;
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AuditAnchor)?;
    let report = tx.audit_verify()?;
    let now = ctx.clock.now_str();
    if let Some(b) = report.first_bad {
        let detail = format!("{}: {}", b.label, b.reason);
        if !report.table_missing {
            tx.audit(&actor.entry(&now, "audit anchor", None, "refused", Some(&detail)))?;
        }
        tx.commit()?;
        return Err(Error::conflict(format!(
            "the audit log is broken ({detail}); an anchor would vouch for a changed log"
        ))
        .hint("run `mmis audit verify` and investigate before anchoring"));
    }
    tx.audit(&actor.entry(&now, "audit anchor", None, "ok", None))?;
    let cp = tx
        .audit_checkpoint()?
        .ok_or_else(|| Error::internal("the audit chain has no head after an entry was written"))?;
    let file = AnchorFile {
        kind: ANCHOR_KIND.into(),
        entries: cp.entries,
        head: cp.head.clone(),
        first: cp.first.clone(),
        at: now.clone(),
        note: Some(ANCHOR_NOTE.into()),
    };
    let text = format!(
        "{}\n",
        serde_json::to_string_pretty(&file).map_err(|e| Error::internal(format!("anchor: {e}")))?
    );
    if to_stdout {
        tx.commit()?;
        return Ok(Output::Raw(text));
    }
    // Written beside the target first; it appears under its name only once committed.
    let pending = files::prepare(&args.out, text.as_bytes())?;
    tx.commit()?;
    pending.persist()?;
    let out = args.out.display().to_string();
    Ok(Output::record_with(
        serde_json::json!({
            "entries": cp.entries,
            "head": cp.head,
            "at": now,
            "first": cp.first,
            "out": out,
        }),
        format!(
            "Anchored the audit log at entry {} ({}) in {out}.\nKeep that file outside the store; `mmis audit verify --anchor {out}` checks the log still holds it.",
            cp.entries, cp.head
        ),
    ))
}
