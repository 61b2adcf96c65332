//! Who is signed in, worked out without changing anything: for shell completion, which may
//! offer only what this identity could see with the command being typed. The same rules as
//! [`super::begin`] (session or `MMIS_TOKEN`, expiry, lockout, membership, the token's roles,
//! `--provider`, the permission table), but nothing is written: the session is not touched,
//! an expired one is not ended, a refusal is not audited. Any doubt is `None`.

use super::guard::Need;
use super::{check, hash, read_session_file, session_limits, Actor, ActorKind, Cmd, Via};
use crate::context::Context;
use crate::domain::roles::Role;
use crate::domain::secret::Secret;
use crate::store::{sha256_hex, Tx};

/// The identity that could run `cmd` now, read in `tx`; `None` when no one is signed in, the
/// sign-in is no longer valid, or it may not run `cmd`.
pub fn actor_for(ctx: &Context, tx: &Tx<'_>, cmd: Cmd) -> Option<Actor> {
    let need = cmd.need();
    if need == Need::Public {
        return None;
    }
    let now = ctx.clock.now();
    let token_env = std::env::var("MMIS_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty());
    let actor = match token_env {
        Some(token) => by_token(ctx, tx, &Secret::new(token.trim()), now)?,
        None => by_session(ctx, tx, now)?,
    };
    if need == Need::Session && matches!(actor.via, Via::Token { .. }) {
        return None;
    }
    check(need, &actor, cmd.path()).ok()?;
    Some(actor)
}

fn by_token(
    ctx: &Context,
    tx: &Tx<'_>,
    token: &Secret,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<Actor> {
    if !hash::api_token_well_formed(token.expose()) {
        return None;
    }
    let row = tx.token_by_hash(&sha256_hex(token.expose())).ok()??;
    if row.revoked_at.is_some() {
        return None;
    }
    if let Some(exp) = row.expires_at {
        if exp <= now {
            return None;
        }
    }
    let user = tx.user_by_id(row.user_id).ok()??;
    if user.locked_at.is_some() {
        return None;
    }
    let m = tx
        .membership(user.id, &row.provider_id)
        .ok()?
        .filter(|m| m.is_active())?;
    if ctx.provider.as_ref().is_some_and(|p| *p != row.provider_id) {
        return None;
    }
    let have = m.effective_roles();
    let roles: Vec<Role> = row
        .roles
        .iter()
        .copied()
        .filter(|r| have.contains(r))
        .collect();
    Some(Actor {
        user_id: Some(user.id),
        user_name: user.user_name,
        kind: if row.admin && m.is_site_admin() {
            ActorKind::SiteAdmin
        } else {
            ActorKind::Clerk
        },
        provider_id: Some(row.provider_id),
        roles,
        via: Via::Token {
            id: row.id,
            name: row.name,
            roles: row.roles,
            admin: row.admin,
        },
    })
}

fn by_session(ctx: &Context, tx: &Tx<'_>, now: chrono::DateTime<chrono::Utc>) -> Option<Actor> {
    let token = read_session_file(&ctx.session_file().ok()?)?;
    let s = tx.session_by_hash(&sha256_hex(token.expose())).ok()??;
    if s.ended_at.is_some() {
        return None;
    }
    let (created, seen) = (s.created_at, s.last_seen_at);
    let (idle, absolute) = session_limits(&s, &ctx.config);
    let idle = chrono::Duration::from_std(idle).ok()?;
    let absolute = chrono::Duration::from_std(absolute).ok()?;
    if now - seen >= idle || now - created >= absolute {
        return None;
    }
    let user = tx.user_by_id(s.user_id).ok()??;
    if user.locked_at.is_some() {
        return None;
    }
    let base = Actor {
        user_id: Some(user.id),
        user_name: user.user_name.clone(),
        kind: ActorKind::User,
        provider_id: None,
        roles: Vec::new(),
        via: Via::Session { id: s.id },
    };
    if user.is_operator {
        return Some(Actor {
            kind: ActorKind::Operator,
            ..base
        });
    }
    let Some(p) = ctx.provider.clone().or(s.provider_id) else {
        return Some(base);
    };
    match tx.membership(user.id, &p).ok()?.filter(|m| m.is_active()) {
        Some(m) => Some(Actor {
            kind: if m.is_site_admin() {
                ActorKind::SiteAdmin
            } else {
                ActorKind::Clerk
            },
            roles: m.effective_roles(),
            provider_id: Some(p),
            ..base
        }),
        // `--provider` names one this person cannot act for: refused.
        None if ctx.provider.is_some() => None,
        None => Some(base),
    }
}
