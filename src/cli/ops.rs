//! The agency side: what OHA does behind the portal.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum OpsCmd {
    /// Provider enrollment and PIN letters
    #[command(subcommand)]
    Provider(ProviderCmd),
    /// Open replacement-PIN requests
    PinRequests,
    /// Member eligibility data
    #[command(subcommand)]
    Member(MemberCmd),
    /// The fee schedule
    #[command(subcommand)]
    FeeSchedule(FeeScheduleCmd),
    /// Claims processing
    #[command(subcommand)]
    Claims(ClaimsCmd),
    /// Prior authorization decisions
    #[command(subcommand)]
    Pa(OpsPaCmd),
    /// Site administrator transfer requests
    #[command(subcommand)]
    Transfer(TransferCmd),
    /// Portal users
    #[command(subcommand)]
    User(UserCmd),
    /// Break glass: a new operator password, lock lifted, sessions ended (no session needed;
    /// needs write access to the store itself)
    RecoverOperator(RecoverOperatorArgs),
}

#[derive(Debug, Subcommand)]
pub enum ProviderCmd {
    /// Enroll a provider and issue its PIN letter
    Enroll(EnrollArgs),
    /// Void the provider's PIN and issue a new letter
    PinReissue(PinReissueArgs),
    /// List enrolled providers
    List,
}

#[derive(Debug, Args)]
pub struct EnrollArgs {
    /// NPI (10 digits, Luhn check digit with the 80840 prefix)
    #[arg(long)]
    pub npi: String,
    /// Provider or practice name
    #[arg(long)]
    pub name: String,
    /// An individual practitioner or a group practice
    #[arg(long = "type", value_enum)]
    pub kind: ProviderType,
    /// Tax ID, NN-NNNNNNN or NNNNNNNNN
    #[arg(long)]
    pub tax_id: Option<String>,
    /// Mail-to address (where the PIN letter goes)
    #[arg(long)]
    pub mail_to: Option<String>,
    /// The Oregon Medicaid provider ID (6 or 9 digits); assigned when not given
    #[arg(long)]
    pub provider_id: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ProviderType {
    Individual,
    Group,
}

impl ProviderType {
    pub fn as_str(self) -> &'static str {
        match self {
            ProviderType::Individual => "individual",
            ProviderType::Group => "group",
        }
    }
}

#[derive(Debug, Args)]
pub struct PinReissueArgs {
    /// The provider ID (6 or 9 digits)
    pub provider_id: String,
}

#[derive(Debug, Subcommand)]
pub enum MemberCmd {
    /// Import coverage spans from a CSV (all-or-nothing, idempotent)
    Import(FileArgs),
}

#[derive(Debug, Subcommand)]
pub enum FeeScheduleCmd {
    /// Import the fee schedule from a CSV (all-or-nothing)
    Import(FileArgs),
}

#[derive(Debug, Args)]
pub struct FileArgs {
    /// The CSV file (docs/eligibility.md and docs/claims.md list the columns)
    pub file: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum ClaimsCmd {
    /// Run a payment cycle over accepted claims
    Adjudicate(AdjudicateArgs),
}

#[derive(Debug, Args)]
pub struct AdjudicateArgs {
    /// Also write each remittance advice the cycle makes as an 835 into this existing folder
    /// (`RA….835`, the same bytes as `remit export RA --x12`), once the cycle is saved
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub x12_dir: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum OpsPaCmd {
    /// Approve (optionally with fewer units) or deny a PA
    Decide(DecideArgs),
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    /// The PA number (10 digits)
    #[arg(add = super::complete::pa_numbers())]
    pub pa_number: String,
    /// Approve the request
    #[arg(long, conflicts_with = "deny", required_unless_present = "deny")]
    pub approve: bool,
    /// Approve fewer units than asked for
    #[arg(long, requires = "approve")]
    pub units: Option<i64>,
    /// Deny the request (with --reason)
    #[arg(long, requires = "reason")]
    pub deny: bool,
    /// Why it is denied (shown to the provider)
    #[arg(long)]
    pub reason: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TransferCmd {
    /// List transfer requests
    List,
    /// Approve: the new administrator becomes site administrator
    Approve(RequestArgs),
    /// Reject a request
    Reject(RejectArgs),
}

#[derive(Debug, Args)]
pub struct RequestArgs {
    /// The request ID (TR-NNNNNN)
    pub request_id: String,
}

#[derive(Debug, Args)]
pub struct RejectArgs {
    /// The request ID (TR-NNNNNN)
    pub request_id: String,
    /// Why it is rejected (shown to the requester)
    #[arg(long)]
    pub reason: String,
}

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Unlock a user (any user, administrators included)
    Unlock(UserArgs),
}

#[derive(Debug, Args)]
pub struct UserArgs {
    /// The user's user name
    #[arg(add = super::complete::user_names())]
    pub user_name: String,
}

#[derive(Debug, Args)]
pub struct RecoverOperatorArgs {
    /// The operator account's user name
    #[arg(long)]
    pub username: String,
    /// Read the new password from stdin (first line); otherwise asked twice on a terminal
    #[arg(long)]
    pub password_stdin: bool,
}
