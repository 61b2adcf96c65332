//! Eligibility commands.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum EligCmd {
    /// Check one member by Oregon Health ID, or by last name + first name + date of birth
    Check(CheckArgs),
    /// Check a roster CSV (or answer an X12 270 with a 271)
    Batch(BatchArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Oregon Health ID (8 letters and digits)
    #[arg(long, conflicts_with_all = ["last", "first", "dob"])]
    pub id: Option<String>,
    /// Last name (with --first and --dob)
    #[arg(long, requires_all = ["first", "dob"])]
    pub last: Option<String>,
    /// First name (with --last and --dob)
    #[arg(long, requires_all = ["last", "dob"])]
    pub first: Option<String>,
    /// Date of birth, YYYY-MM-DD
    #[arg(long, requires_all = ["last", "first"])]
    pub dob: Option<String>,
    /// The date of service to check (default: today)
    #[arg(long, conflicts_with_all = ["from", "to"])]
    pub date: Option<String>,
    /// First date of a range to check, YYYY-MM-DD (with --to)
    #[arg(long, requires = "to")]
    pub from: Option<String>,
    /// Last date of a range to check, YYYY-MM-DD (with --from)
    #[arg(long, requires = "from")]
    pub to: Option<String>,
    /// Print the X12 270 a client would send for this inquiry instead of answering it
    #[arg(long)]
    pub x12_270: bool,
}

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Roster CSV (health_id, or last_name,first_name,dob; optional date)
    #[arg(required_unless_present = "x12", conflicts_with = "x12")]
    pub file: Option<PathBuf>,
    /// An X12 270 file to answer with a 271
    #[arg(long, value_name = "FILE.270")]
    pub x12: Option<PathBuf>,
    /// Write the 271 here instead of stdout
    #[arg(long, value_name = "FILE", requires = "x12")]
    pub out: Option<PathBuf>,
}
