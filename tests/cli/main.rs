//! One integration binary: every rule of the spec, driven through the real `mmis` binary.

mod claims;
mod common;
mod foundation;
mod generated;
mod pa;
