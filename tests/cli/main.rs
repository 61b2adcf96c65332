//! One integration binary: every rule of the spec, driven through the real `mmis` binary.

mod access;
mod acks;
mod audit;
mod auth;
mod claims;
mod common;
mod completion;
mod concurrency;
mod contract;
mod elig;
mod files;
mod foundation;
mod generated;
mod info;
mod limits;
mod pa;
mod pipes;
mod prompts;
mod regressions;
mod reliability;
mod remit_post;
mod replies;
mod store;
mod store_rows;
mod tokens;
mod tours;
