//! The agency side (`mmis ops ...`): operator only.

pub mod member;
pub mod provider;
pub mod transfer;
pub mod user;
