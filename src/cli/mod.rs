//! The command line: this help text is the user's manual (and the man pages and completions).

pub mod access;
pub mod claims;
pub mod complete;
pub mod elig;
pub mod examples;
pub mod ops;
pub mod remit;

use crate::output::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// `mmis --version`: the package version and the build (git commit and date when built from a
/// checkout, target triple, profile; see build.rs).
pub const VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), " (", env!("MMIS_BUILD"), ")");

#[derive(Debug, Parser)]
#[command(
    name = "mmis",
    version = VERSION,
    about = "Admin and billing tool for Medicaid therapy practices (Oregon MMIS Provider Web Portal, offline)",
    long_about = "mmis models Oregon's MMIS Provider Web Portal over a local SQLite store: set the account up \
from a PIN letter, delegate work to clerks with least-privilege roles, check eligibility and the billing lane \
(Open Card or CCO), submit fee-for-service claims and prior authorizations.\n\n\
Exit codes: 0 ok, 1 internal error, 2 usage, 3 not authenticated, 4 permission denied, 5 not found, \
6 invalid input, 7 conflict, 8 store unavailable.",
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db
    #[arg(
        long,
        global = true,
        env = "MMIS_DB",
        hide_env_values = true,
        value_name = "PATH"
    )]
    pub db: Option<PathBuf>,
    /// Act for this provider (default: the session's current provider)
    #[arg(
        long,
        global = true,
        env = "MMIS_PROVIDER",
        hide_env_values = true,
        value_name = "ID"
    )]
    pub provider: Option<String>,
    /// Output format: table on a terminal (the default), json, ndjson or csv
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Short for --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,
}

/// `mmis completions --help`: the static scripts, and the dynamic registration (docs/config.md).
const COMPLETIONS_ABOUT: &str = "\
Print a static completion script for bash, zsh, fish, PowerShell or elvish:
commands, options and fixed values (shells, formats, form names) complete.

Dynamic completion also completes user names, ICNs and PA numbers from your
store: at each Tab the shell asks mmis, which offers only what your session
(or MMIS_TOKEN) could see with the command being typed, and nothing when you
are not signed in. Register it instead of the script (one or the other per
shell); the line runs at each shell start, so it stays current on upgrades:
  bash, in ~/.bashrc:          source <(COMPLETE=bash mmis)
  zsh, in ~/.zshrc:            source <(COMPLETE=zsh mmis)
  fish, in config.fish:        COMPLETE=fish mmis | source
  elvish, in rc.elv:           eval (E:COMPLETE=elvish mmis | slurp)
  PowerShell, in $PROFILE:
    $env:COMPLETE = \"powershell\"; mmis | Out-String | Invoke-Expression
    Remove-Item Env:\\COMPLETE";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new store and its operator (agency) account
    Init(InitArgs),
    /// Build a sandbox store from the embedded fixtures and walk through the main job
    Demo(DemoArgs),
    /// Show the version, the store, its schema, sandbox or live, who is signed in, the config
    Info,
    /// Print shell completions (see --help for how to install them)
    #[command(long_about = COMPLETIONS_ABOUT)]
    Completions(CompletionsArgs),
    /// Write man pages
    Man(ManArgs),
    /// List the portal roles and the commands each allows
    Roles,
    /// Sign in and start a session
    Login(LoginArgs),
    /// End the session
    Logout,
    /// Show who is signed in, for which provider, with which roles
    Whoami,
    /// List the providers you can act for
    Providers,
    /// Account setup, invitations, passwords, switching providers
    #[command(subcommand)]
    Account(access::AccountCmd),
    /// API tokens for scripts (MMIS_TOKEN)
    #[command(subcommand)]
    Token(TokenCmd),
    /// Clerk Maintenance: add, change and remove clerks
    #[command(subcommand)]
    Clerk(access::ClerkCmd),
    /// Site administrator transfer requests
    #[command(subcommand)]
    Admin(access::AdminCmd),
    /// Eligibility and CCO enrollment
    #[command(subcommand)]
    Elig(elig::EligCmd),
    /// Fee-for-service claims
    #[command(subcommand)]
    Claim(claims::ClaimCmd),
    /// Prior authorizations and plans of care
    #[command(subcommand)]
    Pa(claims::PaCmd),
    /// Remittance advices (835): read the payment cycles' and post a payer's onto your claims
    #[command(subcommand)]
    Remit(remit::RemitCmd),
    /// The audit log
    #[command(subcommand)]
    Audit(AuditCmd),
    /// The agency side (operator only)
    #[command(subcommand)]
    Ops(ops::OpsCmd),
    /// Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)
    #[command(subcommand)]
    Store(StoreCmd),
    /// Examples of the `--form` files
    #[command(subcommand)]
    Form(FormCmd),
}

#[derive(Debug, Subcommand)]
pub enum FormCmd {
    /// Print a commented example of a form (TOML) to fill in and pass as `--form FILE`
    Template(FormTemplateArgs),
}

#[derive(Debug, Args)]
pub struct FormTemplateArgs {
    /// Which form (named after the command that reads it)
    #[arg(value_enum)]
    pub name: FormName,
}

/// The forms that commands read with `--form FILE`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormName {
    /// `mmis account setup`
    AccountSetup,
    /// `mmis account accept-invite`
    AcceptInvite,
    /// `mmis account password change`
    PasswordChange,
    /// `mmis account password reset`
    PasswordReset,
    /// `mmis clerk add`
    ClerkAdd,
    /// `mmis admin transfer-request`
    TransferRequest,
    /// `mmis claim submit`
    Claim,
    /// `mmis pa submit`
    Pa,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The operator's user name
    #[arg(long)]
    pub username: String,
    /// Read the operator's password from stdin (first line)
    #[arg(long)]
    pub password_stdin: bool,
    /// Make a sandbox store, where MMIS_TODAY may pin the business date (a store made while
    /// MMIS_TODAY is set is a sandbox too); without it the store is live and refuses MMIS_TODAY
    #[arg(long)]
    pub sandbox: bool,
}

#[derive(Debug, Args)]
pub struct DemoArgs {}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Folder to write the pages into
    #[arg(long, default_value = "docs/man")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Your user name (asked for when missing on a terminal)
    #[arg(long)]
    pub username: Option<String>,
    /// Read the password from stdin (first line) instead of a prompt
    #[arg(long)]
    pub password_stdin: bool,
}

#[derive(Debug, Subcommand)]
pub enum TokenCmd {
    /// Make an API token (shown once) limited to some of your roles on the current provider
    Create(TokenCreateArgs),
    /// List your live API tokens for the current provider
    List,
    /// Revoke an API token by name
    Revoke(TokenRevokeArgs),
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// A name for the token (unique among your live tokens)
    #[arg(long)]
    pub name: String,
    /// Roles, comma-separated (default: all of yours); the token can do only what these allow
    #[arg(long, value_name = "R1,R2")]
    pub roles: Option<String>,
    /// Lifetime, e.g. 90d, 12h (default from config token.default_expiry, 90d)
    #[arg(long, value_name = "DURATION")]
    pub expires_in: Option<String>,
    /// Also give the token the site administrator's own commands (audit log, audit verify);
    /// only the site administrator can make such a token
    #[arg(long)]
    pub admin: bool,
}

#[derive(Debug, Args)]
pub struct TokenRevokeArgs {
    /// The token's name (as given to `token create`; `token list` shows them)
    pub name: String,
}

#[derive(Debug, Subcommand)]
pub enum StoreCmd {
    /// Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one
    /// transaction; the copy verifies with the same audit chain head
    Copy(StoreCopyArgs),
    /// A consistent copy of this SQLite store, taken while others go on writing
    Backup(StoreBackupArgs),
}

#[derive(Debug, Args)]
pub struct StoreCopyArgs {
    /// Where to copy to: a new or empty SQLite file, or a postgresql:// URL of an empty
    /// database (no password in it: PGPASSWORD or ~/.pgpass supplies it)
    #[arg(long, value_name = "PATH|URL")]
    pub to: String,
}

#[derive(Debug, Args)]
pub struct StoreBackupArgs {
    /// The backup file to write (0600; replaced only once the backup is complete); `-`
    /// writes it to stdout (redirected, not to a terminal)
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Show audit entries (operator: all; site administrator: their providers')
    Log(AuditLogArgs),
    /// Check the hash chain: an edited, inserted or deleted entry is named (exit 7)
    Verify(AuditVerifyArgs),
    /// Write a checkpoint of the chain (entries, head hash, time) to keep outside the store
    Anchor(AuditAnchorArgs),
}

#[derive(Debug, Args)]
pub struct AuditVerifyArgs {
    /// Also check that the log still holds this checkpoint from `mmis audit anchor` (exit 7
    /// when it was cut, rewritten or wiped); `-` reads it from stdin
    #[arg(long, value_name = "FILE")]
    pub anchor: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AuditAnchorArgs {
    /// Where to write the checkpoint (created 0600; never through a symlink, FIFO or device;
    /// `-` prints it). Keep it outside the store: print it, email it, commit it elsewhere
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct AuditLogArgs {
    /// Only this acting user
    #[arg(long, add = complete::user_names())]
    pub user: Option<String>,
    /// Only this action (e.g. login, "clerk add")
    #[arg(long)]
    pub action: Option<String>,
    /// Only entries at or after this date (YYYY-MM-DD) or RFC 3339 time
    #[arg(long)]
    pub since: Option<String>,
    /// At most this many (the newest)
    #[arg(long)]
    pub limit: Option<usize>,
}

/// Global options that mean nothing for a command, hidden there (not offered in its help,
/// man page or completions). A hidden option is still accepted, and ignored.
const NOT_OFFERED: &[(&str, &[&str])] = &[
    ("completions", &["db", "provider", "format", "json"]),
    ("man", &["db", "provider"]),
    ("roles", &["db", "provider"]),
    ("init", &["provider"]),
    ("demo", &["provider"]),
];

/// The full command line: the derived definitions plus each command's examples (`--help`
/// shows them under `Examples:`) with the global options that mean nothing for a command
/// hidden there. `main`, the completions and the man pages all use this.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    fn decorate(mut cmd: clap::Command, path: &str, globals: &[clap::Arg]) -> clap::Command {
        let lines: Vec<&str> = match examples::for_path(path) {
            Some(lines) => lines.to_vec(),
            None if cmd.has_subcommands() => examples::group_lines(path),
            None => Vec::new(),
        };
        if !lines.is_empty() {
            cmd = cmd.after_help(examples::help_block(&lines));
        }
        if let Some((_, ids)) = NOT_OFFERED.iter().find(|(p, _)| *p == path) {
            // A command's own copy of a global option is kept when the globals are
            // propagated at build time, so a hidden copy hides it there only.
            for a in globals
                .iter()
                .filter(|a| ids.contains(&a.get_id().as_str()))
            {
                cmd = cmd.arg(a.clone().hide(true));
            }
        }
        let subs: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .filter(|n| n != "help")
            .collect();
        for name in subs {
            let sub_path = if path.is_empty() {
                name.clone()
            } else {
                format!("{path} {name}")
            };
            cmd = cmd.mut_subcommand(&name, |s| decorate(s, &sub_path, globals));
        }
        cmd
    }
    let cmd = Cli::command();
    let globals: Vec<clap::Arg> = cmd
        .get_arguments()
        .filter(|a| a.is_global_set())
        .cloned()
        .collect();
    decorate(cmd, "", &globals)
}

/// [`command`], built: every subcommand carries the global options (for help and man pages).
pub fn built_command() -> clap::Command {
    let mut cmd = command();
    cmd.build();
    cmd
}

/// Parses the process's arguments with [`command`].
pub fn parse() -> Result<Cli, clap::Error> {
    use clap::FromArgMatches;
    let mut cmd = command();
    let matches = cmd.try_get_matches_from_mut(std::env::args_os())?;
    Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut cmd))
}

/// Every leaf command path ("clerk add"), walked from the clap tree.
pub fn command_paths() -> Vec<String> {
    use clap::CommandFactory;
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut Vec<String>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let path = if prefix.is_empty() {
                sub.get_name().to_string()
            } else {
                format!("{prefix} {}", sub.get_name())
            };
            if sub.has_subcommands() {
                walk(sub, &path, out);
            } else {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(&Cli::command(), "", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definitions_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }

    #[test]
    fn the_decorated_command_is_consistent() {
        command().debug_assert();
    }

    fn walk_all(cmd: &clap::Command, path: &str, f: &mut dyn FnMut(&clap::Command, &str)) {
        f(cmd, path);
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let p = format!("{path} {}", sub.get_name()).trim().to_string();
            walk_all(sub, &p, f);
        }
    }

    #[test]
    fn every_option_and_argument_has_a_description() {
        let mut missing = Vec::new();
        walk_all(&built_command(), "", &mut |cmd, path| {
            for arg in cmd.get_arguments() {
                if arg.get_help().is_none() && arg.get_long_help().is_none() {
                    missing.push(format!("mmis {path}: {}", arg.get_id()));
                }
            }
            if cmd.get_about().is_none() && !path.is_empty() {
                missing.push(format!("mmis {path} (the command itself)"));
            }
        });
        assert!(missing.is_empty(), "without a description: {missing:#?}");
    }

    #[test]
    fn every_command_has_examples_that_parse() {
        let paths = command_paths();
        for p in &paths {
            assert!(
                examples::for_path(p).is_some(),
                "no examples for `mmis {p}`"
            );
        }
        for (p, lines) in examples::EXAMPLES {
            assert!(
                p.is_empty() || paths.iter().any(|x| x == p),
                "examples for unknown command `{p}`"
            );
            let runnable: Vec<&&str> = lines.iter().filter(|l| !l.starts_with('#')).collect();
            assert!(!runnable.is_empty(), "`mmis {p}` has no runnable example");
            for line in runnable {
                let Some(argv) = example_argv(line) else {
                    continue;
                };
                if let Err(e) = command().try_get_matches_from(&argv) {
                    panic!(
                        "example for `mmis {p}` does not parse: {line}\n{:?} {e}",
                        e.kind()
                    );
                }
            }
        }
    }

    /// The `mmis ...` part of an example line, split as a shell would (quotes; `$VAR` kept).
    fn example_argv(line: &str) -> Option<Vec<String>> {
        let start = line
            .match_indices("mmis ")
            .map(|(i, _)| i)
            .find(|&i| i == 0 || matches!(line.as_bytes()[i - 1], b' ' | b'('))?;
        let rest = &line[start..];
        let end = [" | ", " > ", " < ", ")"]
            .iter()
            .filter_map(|m| rest.find(m))
            .min()
            .unwrap_or(rest.len());
        let mut argv = Vec::new();
        let (mut cur, mut quote, mut any) = (String::new(), None, false);
        for c in rest[..end].chars() {
            match (quote, c) {
                (None, '"' | '\'') => (quote, any) = (Some(c), true),
                (Some(q), c) if c == q => quote = None,
                (None, ' ') => {
                    if any {
                        argv.push(std::mem::take(&mut cur));
                    }
                    any = false;
                }
                _ => {
                    cur.push(c);
                    any = true;
                }
            }
        }
        if any {
            argv.push(cur);
        }
        Some(argv)
    }

    #[test]
    fn global_options_are_listed_apart() {
        let help = built_command()
            .find_subcommand_mut("elig")
            .and_then(|c| c.find_subcommand_mut("check"))
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        let global = help
            .find("Global options:")
            .expect("a Global options heading");
        let own = help.find("--dob").expect("the command's own options");
        assert!(own < global, "{help}");
        assert!(help[global..].contains("--db"), "{help}");
        assert!(!help[..global].contains("--db "), "{help}");
        assert!(help.contains("Examples:"), "{help}");
    }

    #[test]
    fn options_that_mean_nothing_are_not_offered() {
        let mut cmd = built_command();
        let help = cmd
            .find_subcommand_mut("completions")
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(!help.contains("--format"), "{help}");
        assert!(!help.contains("--db"), "{help}");
        assert!(help.contains("bash-completion"), "{help}");
        let help = built_command()
            .find_subcommand_mut("claim")
            .and_then(|c| c.find_subcommand_mut("list"))
            .map(|c| c.render_help().to_string())
            .unwrap_or_default();
        assert!(help.contains("--format"), "{help}");
    }

    #[test]
    fn every_command_is_a_cmd_with_its_own_path() {
        use crate::auth::Cmd;
        let paths = command_paths();
        assert_eq!(Cmd::ALL.len(), paths.len());
        for p in &paths {
            let cmd = Cmd::from_path(p).unwrap_or_else(|| panic!("no Cmd for `{p}`"));
            assert_eq!(cmd.path(), p);
        }
    }

    #[test]
    fn every_command_has_a_permission_decision() {
        let paths = command_paths();
        assert!(paths.len() > 30);
        for p in &paths {
            assert!(
                crate::auth::guard::need(p).is_some(),
                "no guard entry for `{p}`"
            );
        }
        for (p, _) in crate::auth::guard::TABLE {
            assert!(
                paths.iter().any(|x| x == p),
                "guard entry for unknown command `{p}`"
            );
        }
    }
}
