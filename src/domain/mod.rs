//! Pure rules: no I/O, no clap, no SQL.

pub mod claims;
pub mod ids;
pub mod password;
pub mod roles;
pub mod secret;
pub mod time;
