//! Dynamic completion of values from the store: user names, ICNs and PA numbers
//! (clap_complete's `CompleteEnv`, registered with `source <(COMPLETE=bash mmis)`;
//! docs/config.md). At each Tab the shell runs `mmis` again with `COMPLETE` set; the completers
//! here then read the store the command line names (`--db`, `MMIS_DB`, the default), read-only,
//! and offer only what the signed-in session (or `MMIS_TOKEN`) could see with the command being
//! typed — the same permission table as running it. Nothing is written (no session touched,
//! no audit entry), nothing is asked, nothing is printed but candidates: any failure (no store,
//! a busy one, not signed in, not allowed) offers nothing.

use crate::auth::{self, ActorKind, Cmd};
use crate::context::{default_db_path, Clock, Config, Context, Ui};
use crate::domain::claims::PaStatus;
use crate::store::{Store, Tx};
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, ValueCompleter};
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// At most this many candidates per Tab (a prefix narrows them).
pub const LIMIT: i64 = 200;

/// What a completer offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Values {
    /// Clerks of the current provider (`clerk remove|roles|unlock`), members for `audit log
    /// --user`; every user for the agency's operator (`ops user unlock`, `audit log`).
    UserNames,
    /// The current provider's claims (`claim status|export|void`).
    Icns,
    /// The current provider's PAs (`pa inquire|cancel`); pending ones of every provider for
    /// the operator (`ops pa decide`).
    PaNumbers,
}

impl ValueCompleter for Values {
    fn complete(&self, current: &OsStr) -> Vec<CompletionCandidate> {
        let Some(prefix) = current.to_str() else {
            return Vec::new();
        };
        candidates(*self, &line_words(), prefix)
            .unwrap_or_default()
            .into_iter()
            .map(CompletionCandidate::new)
            .collect()
    }
}

/// Completes user names (`#[arg(add = complete::user_names())]`).
pub fn user_names() -> ArgValueCompleter {
    ArgValueCompleter::new(Values::UserNames)
}

/// Completes ICNs.
pub fn icns() -> ArgValueCompleter {
    ArgValueCompleter::new(Values::Icns)
}

/// Completes PA numbers.
pub fn pa_numbers() -> ArgValueCompleter {
    ArgValueCompleter::new(Values::PaNumbers)
}

/// The command line being completed, without the word under the cursor: the shell passes it
/// after `--` (`COMPLETE=bash mmis -- mmis claim void 25`), and names the cursor's word with
/// `_CLAP_COMPLETE_INDEX` (bash, zsh, elvish) or puts it last (fish, PowerShell).
fn line_words() -> Vec<OsString> {
    let mut args = std::env::args_os().skip_while(|a| a != "--");
    args.next();
    let words: Vec<OsString> = args.collect();
    let index = std::env::var("_CLAP_COMPLETE_INDEX")
        .ok()
        .and_then(|i| i.parse::<usize>().ok())
        .unwrap_or(words.len().saturating_sub(1));
    words
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != index)
        .map(|(_, w)| w)
        .collect()
}

/// The values of `what` starting with `prefix` that whoever is signed in could see with the
/// command `words` names; `None` on any doubt.
fn candidates(what: Values, words: &[OsString], prefix: &str) -> Option<Vec<String>> {
    let (cmd, ctx) = command_line(words)?;
    let store = Store::open_read_only(&ctx.db_path).ok()?;
    // As `Context::open_store`: a pinned business date is for sandbox stores only.
    if ctx.clock.is_pinned() && !store.is_sandbox().ok()? {
        return None;
    }
    let tx = store.read().ok()?;
    let actor = auth::peek::actor_for(&ctx, &tx, cmd)?;
    values(&tx, what, cmd, &actor, prefix)
}

fn values(
    tx: &Tx<'_>,
    what: Values,
    cmd: Cmd,
    actor: &auth::Actor,
    prefix: &str,
) -> Option<Vec<String>> {
    let operator = actor.kind == ActorKind::Operator;
    let provider = actor.provider_id.as_ref();
    match what {
        Values::Icns => tx
            .icns_starting(provider?, prefix, LIMIT)
            .ok()
            .map(|v| v.iter().map(ToString::to_string).collect()),
        Values::PaNumbers if operator => tx
            .pa_numbers_starting(None, Some(PaStatus::Pending), prefix, LIMIT)
            .ok()
            .map(|v| v.iter().map(ToString::to_string).collect()),
        Values::PaNumbers => tx
            .pa_numbers_starting(Some(provider?), None, prefix, LIMIT)
            .ok()
            .map(|v| v.iter().map(ToString::to_string).collect()),
        Values::UserNames if operator => tx.user_names_starting(prefix, LIMIT).ok(),
        Values::UserNames => {
            // The clerk commands act on another active clerk; the audit log names anyone
            // who acted for the provider.
            let clerks_only = cmd != Cmd::AuditLog;
            let mut names = tx
                .member_names_starting(provider?, clerks_only, prefix, LIMIT)
                .ok()?;
            if clerks_only {
                names.retain(|n| !n.eq_ignore_ascii_case(&actor.user_name));
            }
            Some(names)
        }
    }
}

/// The command being typed and a context as `main` would build it: the store from `--db`,
/// `MMIS_DB` or the default, `--provider`/`MMIS_PROVIDER`, the config file and the clock.
fn command_line(words: &[OsString]) -> Option<(Cmd, Context)> {
    let matches = super::command()
        .ignore_errors(true)
        .try_get_matches_from(words)
        .ok()?;
    let mut path = Vec::new();
    let mut leaf = &matches;
    while let Some((name, sub)) = leaf.subcommand() {
        path.push(name.to_string());
        leaf = sub;
    }
    let cmd = Cmd::from_path(&path.join(" "))?;
    let db: Option<PathBuf> = leaf.try_get_one::<PathBuf>("db").ok()?.cloned();
    let provider = leaf
        .try_get_one::<String>("provider")
        .ok()?
        .and_then(|p| crate::domain::ids::ProviderId::parse("--provider", p).ok());
    let ctx = Context {
        db_path: db.clone().unwrap_or_else(default_db_path),
        db_given: db.is_some(),
        state_dir: None,
        provider,
        format: Default::default(),
        format_given: false,
        config: Config::load().ok()?,
        clock: Clock::from_env().ok()?,
        ui: Ui::detect(),
        sandbox: Default::default(),
        mute_stdout: true,
    };
    Some((cmd, ctx))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn the_command_and_the_store_come_from_the_line() {
        let (cmd, ctx) =
            command_line(&words("mmis --db /tmp/x.db claim void --provider 123456")).unwrap();
        assert_eq!(cmd, Cmd::ClaimVoid);
        assert_eq!(ctx.db_path, PathBuf::from("/tmp/x.db"));
        assert_eq!(ctx.provider.as_ref().map(|p| p.as_str()), Some("123456"));
        let (cmd, ctx) = command_line(&words("mmis pa cancel --db=/tmp/y.db")).unwrap();
        assert_eq!(cmd, Cmd::PaCancel);
        assert_eq!(ctx.db_path, PathBuf::from("/tmp/y.db"));
        let (cmd, _) = command_line(&words("mmis ops user unlock")).unwrap();
        assert_eq!(cmd, Cmd::OpsUserUnlock);
        assert!(command_line(&words("mmis claim")).is_none());
    }
}
