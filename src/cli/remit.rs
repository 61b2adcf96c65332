//! Remittance advice commands (the 835 of each payment cycle).

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum RemitCmd {
    /// Your provider's remittance advices, newest first
    List,
    /// A remittance advice as a person reads it: claims, amounts, adjustment reasons
    Show(RemitArgs),
    /// Write a remittance advice as an X12 835
    Export(RemitExportArgs),
}

#[derive(Debug, Args)]
pub struct RemitArgs {
    /// The remittance advice id (`remit list` shows them), like RA00000001
    pub remit_id: String,
}

#[derive(Debug, Args)]
pub struct RemitExportArgs {
    /// The remittance advice id, like RA00000001
    pub remit_id: String,
    /// Write X12 835 (the only export format)
    #[arg(long)]
    pub x12: bool,
    /// Write the 835 here instead of stdout
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
}
