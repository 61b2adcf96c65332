//! Pure rules: no I/O, no clap, no SQL.

pub mod access;
pub mod claims;
pub mod edits;
pub mod eligibility;
pub mod ids;
pub mod password;
pub mod posting;
pub mod reference;
pub mod remit;
pub mod roles;
pub mod secret;
pub mod time;
