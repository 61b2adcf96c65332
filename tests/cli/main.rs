//! One integration binary: every rule of the spec, driven through the real `mmis` binary.

mod common;
mod foundation;
mod generated;
