//! mmis: an admin and billing tool for Medicaid therapy practices, modelled on Oregon's
//! MMIS Provider Web Portal, over a local SQLite store.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod auth;
pub mod cli;
pub mod commands;
pub mod context;
pub mod domain;
pub mod error;
pub mod forms;
pub mod fuzzing;
pub mod limits;
pub mod output;
pub mod store;
pub mod x12;
