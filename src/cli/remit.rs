//! Remittance advice (835) commands.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum RemitCmd {
    /// Post an 835 remittance onto this provider's claims (matched by ICN and patient control number)
    Post(PostArgs),
}

#[derive(Debug, Args)]
pub struct PostArgs {
    /// The X12 835 file (`-` for stdin): ours, or any 5010 835
    #[arg(value_name = "FILE.835")]
    pub file: PathBuf,
}
