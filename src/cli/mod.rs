//! The command line: this help text is the user's manual (and the man pages and completions).

pub mod access;
pub mod claims;
pub mod elig;
pub mod ops;

use crate::output::Format;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "mmis",
    version,
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
pub struct Global {
    /// The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db
    #[arg(long, global = true, env = "MMIS_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Act for this provider (default: the session's current provider)
    #[arg(long, global = true, env = "MMIS_PROVIDER", value_name = "ID")]
    pub provider: Option<String>,
    /// Output format
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Short for --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create a new store and its operator (agency) account
    Init(InitArgs),
    /// Build a sandbox store from the embedded fixtures and walk through the main job
    Demo(DemoArgs),
    /// Print shell completions
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
    /// The audit log
    #[command(subcommand)]
    Audit(AuditCmd),
    /// The agency side (operator only)
    #[command(subcommand)]
    Ops(ops::OpsCmd),
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
    /// bash, zsh, fish, powershell or elvish
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
    pub name: String,
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
    #[arg(long)]
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
