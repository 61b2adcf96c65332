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
    /// Post an 835 remittance onto this provider's claims (matched by ICN and patient control number)
    Post(PostArgs),
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

#[derive(Debug, Args)]
pub struct PostArgs {
    /// The X12 835 file (`-` for stdin): ours, or any 5010 835
    #[arg(value_name = "FILE.835")]
    pub file: PathBuf,
}
