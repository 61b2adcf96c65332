//! One integration binary: every rule of the spec, driven through the real `mmis` binary.

mod access;
mod audit;
mod claims;
mod common;
mod elig;
mod foundation;
mod generated;
mod pa;
mod reliability;
