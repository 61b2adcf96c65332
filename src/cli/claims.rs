//! Claims and prior authorization commands.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ClaimCmd {
    /// Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)
    Submit(SubmitArgs),
    /// A claim's status, lines and history
    Status(StatusArgs),
    /// List claims
    List(ListArgs),
    /// Write a claim as an X12 837P
    Export(ExportArgs),
    /// Void a paid claim or withdraw an accepted one
    Void(IcnArgs),
    /// Replace a paid claim with a corrected one (the original is reversed in the next cycle)
    Replace(ReplaceArgs),
}

#[derive(Debug, Args)]
pub struct ReplaceArgs {
    /// The ICN of the paid claim to replace
    #[arg(add = super::complete::icns())]
    pub icn: String,
    /// TOML claim form of the corrected claim, as for `claim submit` (`-` for stdin); missing fields are asked on a terminal
    #[arg(long, value_name = "FILE")]
    pub form: Option<std::path::PathBuf>,
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    /// TOML claim form (`-` for stdin); missing fields are asked on a terminal
    #[arg(long, value_name = "FILE", conflicts_with = "x12")]
    pub form: Option<PathBuf>,
    /// An X12 837P file of claims (needs the Trade Files role)
    #[arg(long, value_name = "FILE.837")]
    pub x12: Option<PathBuf>,
    /// Where to write the acknowledgment for --x12: a 999, or a TA1 when the interchange itself is rejected
    #[arg(long, value_name = "FILE.999", requires = "x12")]
    pub ack: Option<PathBuf>,
    /// Where to write a 277CA claim acknowledgment for --x12: each claim accepted (with its ICN) or rejected (with a status code for the reason)
    #[arg(long, value_name = "FILE.277", requires = "x12")]
    pub claim_ack: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The claim's ICN
    #[arg(add = super::complete::icns())]
    pub icn: Option<String>,
    /// Only this member's claims (Oregon Health ID)
    #[arg(long, conflicts_with = "icn")]
    pub member: Option<String>,
    /// Only dates of service on or after this date (YYYY-MM-DD)
    #[arg(long, conflicts_with = "icn")]
    pub from: Option<String>,
    /// Only dates of service on or before this date (YYYY-MM-DD)
    #[arg(long, conflicts_with = "icn")]
    pub to: Option<String>,
    /// Only claims in this status: accepted, paid, denied or voided
    #[arg(long, conflicts_with = "icn")]
    pub status: Option<String>,
    /// Answer an X12 276 claim status request with a 277 (on stdout, or --out)
    #[arg(long, value_name = "FILE.276", conflicts_with_all = ["icn", "member", "from", "to", "status"])]
    pub x12: Option<PathBuf>,
    /// Write the 277 here instead of stdout
    #[arg(long, value_name = "FILE.277", requires = "x12")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only this member's claims (Oregon Health ID)
    #[arg(long)]
    pub member: Option<String>,
    /// Only claims in this status: accepted, paid, denied or voided
    #[arg(long)]
    pub status: Option<String>,
    /// Only dates of service on or after this date (YYYY-MM-DD)
    #[arg(long)]
    pub from: Option<String>,
    /// Only dates of service on or before this date (YYYY-MM-DD)
    #[arg(long)]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The claim's ICN
    #[arg(add = super::complete::icns())]
    pub icn: String,
    /// Write X12 837P (the only export format)
    #[arg(long)]
    pub x12: bool,
    /// Write the 837P here instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IcnArgs {
    /// The claim's ICN
    #[arg(add = super::complete::icns())]
    pub icn: String,
}

#[derive(Debug, Subcommand)]
pub enum PaCmd {
    /// Submit a prior authorization or plan of care request
    Submit(PaSubmitArgs),
    /// A PA's status, approved and used units
    Inquire(PaNumberArgs),
    /// List PAs
    List(PaListArgs),
    /// Cancel a pending or approved PA the provider no longer needs (278 C)
    Cancel(PaNumberArgs),
}

#[derive(Debug, Args)]
pub struct PaSubmitArgs {
    /// TOML PA form (`-` for stdin); missing fields are asked on a terminal
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PaNumberArgs {
    /// The PA number (10 digits)
    #[arg(add = super::complete::pa_numbers())]
    pub pa_number: String,
}

#[derive(Debug, Args)]
pub struct PaListArgs {
    /// Only this member's PAs (Oregon Health ID)
    #[arg(long)]
    pub member: Option<String>,
    /// Only PAs in this status: pending, approved, denied or cancelled
    #[arg(long)]
    pub status: Option<String>,
}
