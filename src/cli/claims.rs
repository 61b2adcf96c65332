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
}

#[derive(Debug, Args)]
pub struct SubmitArgs {
    #[arg(long, value_name = "FILE", conflicts_with = "x12")]
    pub form: Option<PathBuf>,
    #[arg(long, value_name = "FILE.837")]
    pub x12: Option<PathBuf>,
    /// Where to write the acknowledgment for --x12: a 999, or a TA1 when the interchange itself is rejected
    #[arg(long, value_name = "FILE.999", requires = "x12")]
    pub ack: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The claim's ICN
    pub icn: Option<String>,
    #[arg(long, conflicts_with = "icn")]
    pub member: Option<String>,
    #[arg(long, conflicts_with = "icn")]
    pub from: Option<String>,
    #[arg(long, conflicts_with = "icn")]
    pub to: Option<String>,
    #[arg(long, conflicts_with = "icn")]
    pub status: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(long)]
    pub member: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    pub icn: String,
    /// Write X12 837P (the only export format)
    #[arg(long)]
    pub x12: bool,
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct IcnArgs {
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
    #[arg(long, value_name = "FILE")]
    pub form: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct PaNumberArgs {
    pub pa_number: String,
}

#[derive(Debug, Args)]
pub struct PaListArgs {
    #[arg(long)]
    pub member: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
}
