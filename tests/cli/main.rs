//! One integration binary: every rule of the spec, driven through the real `mmis` binary.

mod access;
mod acks;
mod audit;
mod auth;
mod claims;
mod common;
mod elig;
mod files;
mod foundation;
mod generated;
mod limits;
mod pa;
mod regressions;
mod reliability;
mod tokens;
