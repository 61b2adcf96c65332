//! One integration binary: every rule of the spec, driven through the real `mmis` binary.

mod access;
mod claims;
mod common;
mod elig;
mod foundation;
mod generated;
mod pa;
mod reliability;
mod tokens;
