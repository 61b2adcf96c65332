//! The agency side (`mmis ops ...`): operator only.

pub mod adjudicate;
mod cycle_x12;
pub mod fees;
pub mod member;
pub mod pa;
pub mod provider;
pub mod transfer;
pub mod user;
