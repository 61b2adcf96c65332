//! Account, Clerk Maintenance and administrator transfer commands.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum AccountCmd {
    /// Set the account up from a PIN letter; you become the site administrator
    Setup(SetupArgs),
    /// Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)
    PinRequest(PinRequestArgs),
    /// Accept a clerk invitation: set your own password and secret questions
    AcceptInvite(AcceptInviteArgs),
    /// Link another provider's account to yours with its PIN letter (Link Account)
    Link(LinkArgs),
    /// Switch the provider you act for (Switch Provider)
    SwitchProvider(SwitchProviderArgs),
    /// Change or reset your password
    #[command(subcommand)]
    Password(PasswordCmd),
}

#[derive(Debug, Args)]
pub struct SetupArgs {
    /// Login ID from the PIN letter: the 6- or 9-digit Oregon Medicaid provider ID
    #[arg(long)]
    pub login_id: String,
    /// Personal Identification Number from the PIN letter (case-sensitive, single use);
    /// better from MMIS_PIN, or left out to be asked (hidden) on a terminal
    #[arg(long, env = "MMIS_PIN", hide_env_values = true)]
    pub pin: Option<String>,
    /// TOML form with the setup fields (`-` for stdin); missing fields are asked on a terminal
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PinRequestArgs {
    /// The provider's name as on file
    #[arg(long)]
    pub name: String,
    /// The provider's NPI
    #[arg(long)]
    pub npi: String,
    /// The mail-to address on file
    #[arg(long)]
    pub mail_to: String,
}

#[derive(Debug, Args)]
pub struct AcceptInviteArgs {
    /// The one-time invitation code; better from MMIS_INVITE_CODE, or left out to be asked
    /// (hidden) on a terminal
    #[arg(long, env = "MMIS_INVITE_CODE", hide_env_values = true)]
    pub code: Option<String>,
    /// TOML form: password, confirm_password, secret questions and answers, agree
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct LinkArgs {
    /// The other provider's Login ID (provider ID)
    #[arg(long)]
    pub login_id: String,
    /// The other provider's PIN
    #[arg(long)]
    pub pin: String,
}

#[derive(Debug, Args)]
pub struct SwitchProviderArgs {
    /// The provider ID to act for from now on
    pub provider_id: String,
}

#[derive(Debug, Subcommand)]
pub enum PasswordCmd {
    /// Change your password (current_password, new_password, confirm_new_password)
    Change(PasswordChangeArgs),
    /// Reset a forgotten password by answering the secret questions (also lifts a lockout)
    Reset(PasswordResetArgs),
}

#[derive(Debug, Args)]
pub struct PasswordChangeArgs {
    /// TOML form: current_password, new_password, confirm_new_password (`-` for stdin);
    /// missing fields are asked on a terminal
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PasswordResetArgs {
    /// Your user name
    #[arg(long)]
    pub username: String,
    /// TOML form: secret_answer_1, secret_answer_2, new_password, confirm_new_password
    /// (`-` for stdin); missing fields are asked on a terminal
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ClerkCmd {
    /// Add a clerk: a new user (invitation code) or an existing one (--existing)
    Add(ClerkAddArgs),
    /// Remove a clerk's access to the current provider (asks first on a terminal)
    Remove(ClerkRemoveArgs),
    /// Show or change a clerk's roles
    Roles(ClerkRolesArgs),
    /// The access review: every clerk with roles, status and last login
    List,
    /// Find existing portal users by user name, first or last name
    Search(ClerkSearchArgs),
    /// Unlock a clerk locked out by failed sign-ins
    Unlock(ClerkUserArgs),
}

#[derive(Debug, Args)]
pub struct ClerkAddArgs {
    /// TOML form: user_name, contact_first_name, contact_last_name, phone_number, email, roles
    #[arg(long, value_name = "FILE", conflicts_with = "existing")]
    pub form: Option<PathBuf>,
    /// Add an existing portal user instead of creating one
    #[arg(long, value_name = "USER")]
    pub existing: Option<String>,
    /// Roles for an existing user, comma-separated
    #[arg(long, value_name = "R1,R2", requires = "existing")]
    pub roles: Option<String>,
    /// Confirm granting Clerk Maintenance
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ClerkUserArgs {
    /// The clerk's user name
    #[arg(add = super::complete::user_names())]
    pub user_name: String,
}

#[derive(Debug, Args)]
pub struct ClerkRemoveArgs {
    /// The clerk's user name
    #[arg(add = super::complete::user_names())]
    pub user_name: String,
    /// Do not ask for confirmation (off a terminal nothing is asked; the removal proceeds)
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ClerkRolesArgs {
    /// The clerk's user name
    #[arg(add = super::complete::user_names())]
    pub user_name: String,
    /// Add a role (repeatable)
    #[arg(long, value_name = "ROLE")]
    pub grant: Vec<String>,
    /// Take a role away (repeatable)
    #[arg(long, value_name = "ROLE")]
    pub revoke: Vec<String>,
    /// Replace the roles with exactly these, comma-separated
    #[arg(long, value_name = "R1,R2", conflicts_with_all = ["grant", "revoke"])]
    pub set: Option<String>,
    /// Confirm granting Clerk Maintenance
    #[arg(long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ClerkSearchArgs {
    /// User name, or the start of one
    #[arg(long)]
    pub username: Option<String>,
    /// First name, or the start of one
    #[arg(long)]
    pub first: Option<String>,
    /// Last name, or the start of one
    #[arg(long)]
    pub last: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AdminCmd {
    /// Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)
    TransferRequest(TransferRequestArgs),
    /// Show a transfer request's status
    TransferStatus(TransferStatusArgs),
}

#[derive(Debug, Args)]
pub struct TransferRequestArgs {
    /// TOML form with the request's fields (`-` for stdin); missing fields are asked on a
    /// terminal
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
    /// Also write the email to send to the provider-access team to this file
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct TransferStatusArgs {
    /// The request ID (TR-NNNNNN) from `admin transfer-request`
    pub request_id: String,
}
