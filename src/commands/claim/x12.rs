//! `claim submit --x12 FILE.837 [--ack FILE.999]`: an 837P batch, each claim through the
//! same edits, answered with a 999 and a per-claim result.

use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use std::path::Path;

pub fn submit_x12(_ctx: &Context, _file: &Path, _ack: Option<&Path>) -> Result<Output> {
    Err(Error::internal("`mmis claim submit --x12` is not available in this build yet"))
}
