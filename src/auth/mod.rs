//! Who is acting: sessions, API tokens and the guard that checks every command.

pub mod credentials;
pub mod guard;
pub mod hash;
pub mod peek;

use crate::context::Context;
use crate::domain::ids::ProviderId;
use crate::domain::roles::Role;
use crate::domain::secret::Secret;
use crate::error::{Error, Kind, Result};
use crate::store::{sha256_hex, AuditEntry, Store, Tx};
use guard::Need;
pub use guard::{Access, Cmd};
use std::path::Path;

/// Failed sign-ins in a row that lock a user.
pub const LOCKOUT_THRESHOLD: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Anonymous,
    Operator,
    SiteAdmin,
    Clerk,
    /// Signed in but not acting for any provider (no membership chosen).
    User,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Anonymous => "anonymous",
            ActorKind::Operator => "operator",
            ActorKind::SiteAdmin => "site_admin",
            ActorKind::Clerk => "clerk",
            ActorKind::User => "user",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    None,
    Session {
        id: i64,
    },
    Token {
        id: i64,
        name: String,
        /// The roles written on the token (the actor holds those the user still has).
        roles: Vec<Role>,
        /// Made with `token create --admin`: the site administrator's own commands.
        admin: bool,
    },
}

/// The acting identity, carried into every change and audit entry.
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<i64>,
    pub user_name: String,
    pub kind: ActorKind,
    pub provider_id: Option<ProviderId>,
    pub roles: Vec<Role>,
    pub via: Via,
}

impl Actor {
    pub fn anonymous() -> Actor {
        Actor {
            user_id: None,
            user_name: "-".into(),
            kind: ActorKind::Anonymous,
            provider_id: None,
            roles: Vec::new(),
            via: Via::None,
        }
    }
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
    /// The provider this command acts for; an error when there is none.
    pub fn provider(&self) -> Result<&ProviderId> {
        self.provider_id.as_ref().ok_or_else(|| {
            Error::denied("no current provider: you are not acting for any provider")
                .hint("pass --provider ID, or run `mmis account switch-provider ID`")
        })
    }
    pub fn session_id(&self) -> Option<i64> {
        match self.via {
            Via::Session { id } => Some(id),
            _ => None,
        }
    }
    pub fn entry<'a>(
        &'a self,
        at: &'a str,
        action: &'a str,
        target: Option<&'a str>,
        outcome: &'a str,
        detail: Option<&'a str>,
    ) -> AuditEntry<'a> {
        AuditEntry {
            at,
            actor: &self.user_name,
            actor_kind: self.kind.as_str(),
            provider_id: self.provider_id.as_ref().map(ProviderId::as_str),
            action,
            target,
            outcome,
            detail,
        }
    }
}

/// The session file's contents (mode 0600).
#[derive(serde::Serialize, serde::Deserialize)]
struct SessionFile {
    db: String,
    token: String,
}

pub fn write_session_file(ctx: &Context, token: &Secret) -> Result<()> {
    let path = ctx.session_file()?;
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| {
            Error::internal(format!("cannot create {}: {e}", dir.display())).with_io(&e)
        })?;
        crate::store::set_mode(dir, 0o700);
    }
    let body = serde_json::to_string(&SessionFile {
        db: ctx.store_name(),
        token: token.expose().to_string(),
    })
    .map_err(|e| Error::internal(format!("session file: {e}")))?;
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    {
        use std::io::Write;
        let mut opts = std::fs::OpenOptions::new();
        opts.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            opts.mode(0o600);
        }
        let mut f = opts.open(&tmp).map_err(|e| {
            Error::internal(format!("cannot write {}: {e}", tmp.display())).with_io(&e)
        })?;
        f.write_all(body.as_bytes())?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, &path)?;
    Ok(())
}

fn read_session_file(path: &Path) -> Option<Secret> {
    // A session file is a few hundred bytes: at most 64 KiB of whatever is there is read.
    let bytes = crate::limits::read_file(path, 1 << 16, "a session file").ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let f: SessionFile = serde_json::from_str(&text).ok()?;
    Some(Secret::new(f.token))
}

pub fn remove_session_file(ctx: &Context) -> Result<()> {
    let path = ctx.session_file()?;
    match std::fs::remove_file(&path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e.into()),
    }
}

/// What to record when authentication or authorization fails (after the rollback).
struct Failure {
    error: Box<Error>,
    end_session: Option<(i64, &'static str)>,
    audit: Option<(Actor, String)>,
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure {
            error: Box::new(error),
            end_session: None,
            audit: None,
        }
    }
}

/// Works out who is acting and checks the guard, in the transaction the command works in:
/// for a command that reads ([`Access::Read`]) a read snapshot, which never waits for a
/// writer (the command ends with [`finish`], which writes the session touch and its audit
/// entry in a short write transaction of its own); for a command that writes, its write
/// transaction, so that the identity and permission deciding the change cannot change
/// before it commits. On refusal, the refusal itself is recorded (audit, ended session) in a
/// short write transaction and committed.
pub fn begin<'s>(ctx: &Context, store: &'s Store, cmd: Cmd) -> Result<(Tx<'s>, Actor)> {
    start(ctx, store, cmd, cmd.access())
}

/// [`begin`] in the given kind of transaction.
fn start<'s>(ctx: &Context, store: &'s Store, cmd: Cmd, access: Access) -> Result<(Tx<'s>, Actor)> {
    let (command, need) = (cmd.path(), cmd.need());
    let tx = match access {
        Access::Read => store.read()?,
        Access::Write => store.write()?,
    };
    match identify(ctx, &tx, command, need, access == Access::Write) {
        Ok(actor) => Ok((tx, actor)),
        Err(f) => {
            drop(tx);
            if f.end_session.is_some() || f.audit.is_some() {
                let tx = store.write()?;
                let now = ctx.clock.now_str();
                if let Some((id, reason)) = f.end_session {
                    tx.end_session(id, &now, reason)?;
                }
                if let Some((actor, reason)) = &f.audit {
                    tx.audit(&actor.entry(&now, command, None, "denied", Some(reason)))?;
                }
                tx.commit()?;
            }
            Err(*f.error)
        }
    }
}

/// [`begin`] for a command that works signed in or not ([`Need::SignedOptional`]): a missing,
/// expired or refused sign-in is recorded as `begin` records it, then returned beside an
/// anonymous actor instead of failing the command.
pub fn begin_optional<'s>(
    ctx: &Context,
    store: &'s Store,
    cmd: Cmd,
) -> Result<(Tx<'s>, Actor, Option<Error>)> {
    match begin(ctx, store, cmd) {
        Ok((tx, actor)) => Ok((tx, actor, None)),
        Err(e) if matches!(e.kind, Kind::NotAuthenticated | Kind::PermissionDenied) => {
            let tx = match cmd.access() {
                Access::Read => store.read()?,
                Access::Write => store.write()?,
            };
            Ok((tx, Actor::anonymous(), Some(e)))
        }
        Err(e) => Err(e),
    }
}

/// Checks that the acting identity may run `command`, and nothing else, in a read snapshot
/// that is ended at once (a refusal is recorded exactly as [`begin`] records it). Commands
/// that read a file or ask questions call this before opening, sizing or asking, so a
/// refusal (exit 3 or 4) never waits on the input and nobody types for nothing; the work
/// itself then begins with [`begin`] as usual, which checks again.
pub fn permit(ctx: &Context, store: &Store, cmd: Cmd) -> Result<Actor> {
    let (tx, actor) = start(ctx, store, cmd, Access::Read)?;
    drop(tx);
    Ok(actor)
}

/// Ends a reading command ([`Access::Read`]): its read snapshot is ended, then one short
/// write transaction touches the session (its last use) and appends `entries` to the audit
/// log. A snapshot is never turned into a write (SQLite would refuse it with
/// `SQLITE_BUSY_SNAPSHOT` once another process had committed).
pub fn finish(
    ctx: &Context,
    store: &Store,
    tx: Tx<'_>,
    actor: &Actor,
    entries: &[AuditEntry<'_>],
) -> Result<()> {
    drop(tx);
    record(ctx, store, actor, entries)
}

/// [`finish`] for a reading command that has already ended its snapshots (`elig batch`
/// takes one per chunk of its roster): the session touch and `entries`, in one short write
/// transaction.
pub fn record(
    ctx: &Context,
    store: &Store,
    actor: &Actor,
    entries: &[AuditEntry<'_>],
) -> Result<()> {
    if actor.session_id().is_none() && entries.is_empty() {
        return Ok(());
    }
    let tx = store.write()?;
    if let Some(id) = actor.session_id() {
        tx.touch_session(id, &ctx.clock.now_str())?;
    }
    for e in entries {
        tx.audit(e)?;
    }
    tx.commit()
}

/// A session's idle and absolute limits: those fixed at sign-in, which this command's config
/// may shorten but never stretch. A session from before the limits were stored (NULL) follows
/// the config as read now (itself bounded at load, docs/config.md).
pub fn session_limits(
    s: &crate::store::SessionRow,
    config: &crate::context::Config,
) -> (std::time::Duration, std::time::Duration) {
    let fixed = |stored: Option<i64>, now: std::time::Duration| match stored
        .and_then(|v| u64::try_from(v).ok())
        .filter(|v| *v > 0)
    {
        Some(v) => now.min(std::time::Duration::from_secs(v)),
        None => now,
    };
    (
        fixed(s.idle_secs, config.session_idle),
        fixed(s.absolute_secs, config.session_absolute),
    )
}

fn not_signed_in() -> Error {
    Error::unauthenticated("you are not signed in")
        .hint("run `mmis login`, or set MMIS_TOKEN to an API token")
}

#[allow(clippy::result_large_err)]
fn identify(
    ctx: &Context,
    tx: &Tx<'_>,
    command: &str,
    need: Need,
    touch: bool,
) -> Result<Actor, Failure> {
    if need == Need::Public {
        return Ok(Actor::anonymous());
    }
    let now = ctx.clock.now();
    let now_s = ctx.clock.now_str();
    let token_env = std::env::var("MMIS_TOKEN")
        .ok()
        .filter(|t| !t.trim().is_empty());

    let mut actor = if let Some(token) = token_env {
        let token = Secret::new(token.trim());
        if !hash::api_token_well_formed(token.expose()) {
            return Err(Error::unauthenticated(
                "MMIS_TOKEN is not an mmis API token (bad shape or checksum)",
            )
            .hint("create one with `mmis token create --name NAME`")
            .into());
        }
        let row = tx
            .token_by_hash(&sha256_hex(token.expose()))?
            .ok_or_else(|| {
                Error::unauthenticated("MMIS_TOKEN is not a known API token for this store")
            })?;
        if row.revoked_at.is_some() {
            return Err(Error::unauthenticated(format!(
                "the API token {:?} was revoked",
                row.name
            ))
            .into());
        }
        if let Some(exp) = row.expires_at {
            if exp <= now {
                return Err(Error::unauthenticated(format!(
                    "the API token {:?} has expired",
                    row.name
                ))
                .hint("create a new one with `mmis token create`")
                .into());
            }
        }
        let user = tx
            .user_by_id(row.user_id)?
            .ok_or_else(|| Error::unauthenticated("the API token's user no longer exists"))?;
        if user.locked_at.is_some() {
            return Err(Error::unauthenticated(format!("user {} is locked", user.user_name))
                .hint("the site administrator can unlock a clerk; `mmis account password reset` also lifts it")
                .into());
        }
        let m = tx
            .membership(user.id, &row.provider_id)?
            .filter(|m| m.is_active())
            .ok_or_else(|| {
                Error::unauthenticated(format!(
                    "the API token {:?} no longer works: {}'s access to provider {} has ended",
                    row.name, user.user_name, row.provider_id
                ))
            })?;
        // Exactly the roles written on the token that the user still holds; the
        // administrator's own power only when the token was made with it.
        let have = m.effective_roles();
        let roles: Vec<Role> = row
            .roles
            .iter()
            .copied()
            .filter(|r| have.contains(r))
            .collect();
        let actor = Actor {
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
        };
        // Refusals from here on name who was refused, so they are audited.
        let refused = |error: Error| Failure {
            audit: Some((actor.clone(), error.message.clone())),
            error: Box::new(error),
            end_session: None,
        };
        let token_name = match &actor.via {
            Via::Token { name, .. } => name.as_str(),
            _ => "",
        };
        if need == Need::Session {
            return Err(refused(
                Error::denied(format!(
                    "`mmis {command}` needs a signed-in person; API tokens (here {token_name:?}) cannot run it"
                ))
                .hint("unset MMIS_TOKEN and run `mmis login`"),
            ));
        }
        if let (Some(p), Some(own)) = (&ctx.provider, &actor.provider_id) {
            if p != own {
                return Err(refused(
                    Error::denied(format!(
                        "the API token {token_name:?} works for provider {own} only, not {p}"
                    ))
                    .hint("drop --provider (and MMIS_PROVIDER), or use a token made for that provider"),
                ));
            }
        }
        actor
    } else {
        let path = ctx.session_file()?;
        let token = read_session_file(&path).ok_or_else(not_signed_in)?;
        let s = tx
            .session_by_hash(&sha256_hex(token.expose()))?
            .ok_or_else(not_signed_in)?;
        if s.ended_at.is_some() {
            return Err(Error::unauthenticated("your session has ended")
                .hint("run `mmis login` again")
                .into());
        }
        let (created, seen) = (s.created_at, s.last_seen_at);
        let (idle, absolute) = session_limits(&s, &ctx.config);
        let idle = chrono::Duration::from_std(idle).unwrap_or_default();
        let absolute = chrono::Duration::from_std(absolute).unwrap_or_default();
        if now - seen >= idle || now - created >= absolute {
            let reason = if now - created >= absolute {
                "absolute timeout"
            } else {
                "idle timeout"
            };
            return Err(Failure {
                error: Box::new(
                    Error::unauthenticated(format!("your session expired ({reason})"))
                        .hint("run `mmis login` again"),
                ),
                end_session: Some((
                    s.id,
                    if now - created >= absolute {
                        "absolute-timeout"
                    } else {
                        "idle-timeout"
                    },
                )),
                audit: None,
            });
        }
        let user = tx.user_by_id(s.user_id)?.ok_or_else(not_signed_in)?;
        if user.locked_at.is_some() {
            return Err(Failure {
                error: Box::new(Error::unauthenticated(format!("user {} is locked", user.user_name))
                    .hint("answer your secret questions with `mmis account password reset`, or ask your site administrator")),
                end_session: Some((s.id, "locked")),
                audit: None,
            });
        }
        if touch {
            tx.touch_session(s.id, &now_s)?;
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
            Actor {
                kind: ActorKind::Operator,
                ..base
            }
        } else {
            let provider = ctx.provider.clone().or(s.provider_id.clone());
            match provider {
                None => base,
                Some(p) => match tx.membership(user.id, &p)?.filter(|m| m.is_active()) {
                    Some(m) => Actor {
                        kind: if m.is_site_admin() {
                            ActorKind::SiteAdmin
                        } else {
                            ActorKind::Clerk
                        },
                        roles: m.effective_roles(),
                        provider_id: Some(p),
                        ..base
                    },
                    None if ctx.provider.is_some() => {
                        let a = Actor {
                            provider_id: Some(p.clone()),
                            ..base
                        };
                        return Err(Failure {
                            error: Box::new(
                                Error::denied(format!("you have no access to provider {p}"))
                                    .hint("`mmis providers` lists the providers you can act for"),
                            ),
                            end_session: None,
                            audit: Some((a, format!("no access to provider {p}"))),
                        });
                    }
                    None => base,
                },
            }
        }
    };

    check(need, &actor, command).map_err(|error| Failure {
        audit: Some((actor.clone(), error.message.clone())),
        error: Box::new(error),
        end_session: None,
    })?;
    if matches!(
        need,
        Need::Operator | Need::Signed | Need::Session | Need::SignedOptional
    ) && actor.kind == ActorKind::Operator
    {
        actor.provider_id = None;
    }
    Ok(actor)
}

fn check(need: Need, actor: &Actor, command: &str) -> Result<()> {
    let deny = |msg: String| Err(Error::denied(msg));
    match need {
        Need::Public | Need::Signed | Need::Session | Need::SignedOptional => Ok(()),
        Need::Operator => {
            if actor.kind == ActorKind::Operator {
                Ok(())
            } else {
                deny(format!(
                    "`mmis {command}` is for the agency's operator account only"
                ))
            }
        }
        Need::OperatorOrSiteAdmin => match actor.kind {
            ActorKind::Operator | ActorKind::SiteAdmin => Ok(()),
            _ => Err(not_admin(
                actor,
                format!(
                    "`mmis {command}` is for the operator or the provider's site administrator"
                ),
            )),
        },
        Need::SiteAdmin => {
            if actor.kind == ActorKind::SiteAdmin {
                Ok(())
            } else {
                Err(not_admin(
                    actor,
                    format!("`mmis {command}` is for the provider's site administrator"),
                ))
            }
        }
        Need::Role(role) => role_check(actor, command, &[role]),
        Need::AnyRole(roles) => role_check(actor, command, roles),
    }
}

fn role_check(actor: &Actor, command: &str, roles: &[Role]) -> Result<()> {
    if actor.kind == ActorKind::Operator {
        return Err(Error::denied(format!(
            "`mmis {command}` is a provider's command; the operator account does not act for providers"
        )));
    }
    let provider = actor.provider()?;
    if roles.iter().any(|r| actor.has(*r)) {
        return Ok(());
    }
    let names: Vec<&str> = roles.iter().map(|r| r.name()).collect();
    let via = match &actor.via {
        Via::Token { name, .. } => format!(" (API token {name:?})"),
        _ => String::new(),
    };
    Err(Error::new(
        Kind::PermissionDenied,
        format!(
            "`mmis {command}` needs the {} role for provider {provider}; {}{via} does not have it",
            names.join(" or "),
            actor.user_name
        ),
    )
    .hint(missing_role_hint(actor, roles)))
}

/// What to do about a missing role: a token that was not given it is replaced (or set
/// aside); a role the person lacks is granted by the site administrator.
pub fn missing_role_hint(actor: &Actor, roles: &[Role]) -> String {
    match &actor.via {
        Via::Token { roles: written, .. } if !roles.iter().any(|r| written.contains(r)) => {
            let name = roles.first().map(|r| r.name()).unwrap_or_default();
            format!(
                "this API token lacks it; create a token with it (`mmis token create --name NAME --roles \"{name}\"`), or unset MMIS_TOKEN"
            )
        }
        _ => "ask the site administrator to grant it in Clerk Maintenance (`mmis clerk roles`)"
            .to_string(),
    }
}

/// A refusal of the site administrator's own commands, saying why for a token.
fn not_admin(actor: &Actor, what: String) -> Error {
    match &actor.via {
        Via::Token { name, admin: false, .. } => Error::denied(format!(
            "{what}; the API token {name:?} was not given the administrator's power"
        ))
        .hint("the site administrator makes such a token with `mmis token create --name NAME --admin`; or unset MMIS_TOKEN and sign in"),
        Via::Token { name, admin: true, .. } => Error::denied(format!(
            "{what}; the API token {name:?} has the administrator's power, but {} is no longer the site administrator of provider {}",
            actor.user_name,
            actor.provider_id.as_ref().map_or("-", ProviderId::as_str)
        )),
        _ => Error::denied(what),
    }
}

/// Records a refusal a command makes after the guard let it in (the site administrator as
/// a clerk's target, a role the actor cannot grant, ...): the command's transaction is
/// rolled back, the denial is audited in a transaction of its own, and the error returned.
/// Errors other than permission denials pass through unrecorded.
pub fn refuse(
    ctx: &Context,
    store: &Store,
    tx: Tx<'_>,
    actor: &Actor,
    cmd: Cmd,
    target: Option<&str>,
    error: Error,
) -> Error {
    drop(tx);
    if error.kind != Kind::PermissionDenied {
        return error;
    }
    let record = || -> Result<()> {
        let tx = store.write()?;
        let now = ctx.clock.now_str();
        tx.audit(&actor.entry(&now, cmd.path(), target, "denied", Some(&error.message)))?;
        tx.commit()
    };
    match record() {
        Ok(()) => error,
        Err(e) => e,
    }
}

/// Runs a check a command makes after the guard let it in, inside its transaction: on
/// success the transaction is handed back with the check's value; a refusal goes through
/// [`refuse`] (rolled back, the denial audited).
pub fn checked<'s, T>(
    ctx: &Context,
    store: &'s Store,
    tx: Tx<'s>,
    actor: &Actor,
    cmd: Cmd,
    target: Option<&str>,
    check: impl FnOnce(&Tx<'s>) -> Result<T>,
) -> Result<(Tx<'s>, T)> {
    match check(&tx) {
        Ok(v) => Ok((tx, v)),
        Err(e) => Err(refuse(ctx, store, tx, actor, cmd, target, e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Config;
    use crate::store::SessionRow;
    use std::time::Duration;

    fn row(idle: Option<i64>, absolute: Option<i64>) -> SessionRow {
        SessionRow {
            id: 1,
            user_id: 1,
            provider_id: None,
            created_at: chrono::DateTime::UNIX_EPOCH,
            last_seen_at: chrono::DateTime::UNIX_EPOCH,
            ended_at: None,
            idle_secs: idle,
            absolute_secs: absolute,
        }
    }

    #[test]
    fn a_read_snapshot_cannot_write_and_a_write_after_it_can() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s.db"), crate::store::OpenMode::Create).unwrap();
        let tx = store.read().unwrap();
        assert!(tx.meta_set("probe", "1").is_err(), "a snapshot wrote");
        drop(tx);
        let tx = store.write().unwrap();
        tx.meta_set("probe", "2").unwrap();
        tx.commit().unwrap();
        assert_eq!(
            store.read().unwrap().meta_get("probe").unwrap().as_deref(),
            Some("2")
        );
    }

    #[test]
    fn session_limits_are_fixed_at_sign_in_and_never_stretched() {
        let config = Config {
            session_idle: Duration::from_secs(3600),
            session_absolute: Duration::from_secs(86_400),
            ..Config::default()
        };
        // Fixed at 2s / 10s at sign-in: a config saying 1h / 1d does not stretch them.
        assert_eq!(
            session_limits(&row(Some(2), Some(10)), &config),
            (Duration::from_secs(2), Duration::from_secs(10))
        );
        // A shorter config shortens them.
        let short = Config {
            session_idle: Duration::from_secs(1),
            session_absolute: Duration::from_secs(5),
            ..Config::default()
        };
        assert_eq!(
            session_limits(&row(Some(900), Some(43_200)), &short),
            (Duration::from_secs(1), Duration::from_secs(5))
        );
        // A session from before the limits were stored follows the config.
        assert_eq!(
            session_limits(&row(None, None), &config),
            (Duration::from_secs(3600), Duration::from_secs(86_400))
        );
        // Nonsense in the store never lengthens anything.
        assert_eq!(
            session_limits(&row(Some(-5), Some(0)), &config),
            (Duration::from_secs(3600), Duration::from_secs(86_400))
        );
    }
}
