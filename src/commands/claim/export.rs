//! `claim export ICN --x12 [--out F]`: a stored claim written as an 837P.

use crate::cli::claims::ExportArgs;
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::Output;

pub fn cmd_claim_export(_ctx: &Context, _args: &ExportArgs) -> Result<Output> {
    Err(Error::internal("`mmis claim export` is not available in this build yet"))
}
