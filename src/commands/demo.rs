//! `mmis demo`: a sandbox store from the embedded fixtures, and a walk through the main job.

use crate::cli::DemoArgs;
use crate::context::Context;
use crate::error::Result;
use crate::output::Output;

pub fn cmd_demo(_ctx: &Context, _args: &DemoArgs) -> Result<Output> {
    Ok(Output::Nothing)
}
