//! `claim submit --x12 F.837 --claim-ack F.277`: the 277CA written beside the batch (see
//! `x12::claim_ack`), one interchange per 837P interchange, put in place after the commit
//! as `--ack` is.

use crate::commands::elig::x12::{PAYER_ID, PAYER_NAME};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::files::OutFile;
use crate::store::Tx;
use crate::x12::claim_ack::{write_277ca, Outcome, Source, X214};
use crate::x12::{Interchange, X12Error};
use std::path::Path;

/// The 277CA file of a batch while its claims are taken.
pub struct ClaimAck {
    file: OutFile,
    /// Interchanges written.
    written: usize,
}

/// The hint of a file refused whole: no claim was taken, so nothing is acknowledged.
pub fn claim_ack_refused(path: &Path) -> String {
    format!(
        "no 277CA was written to {}: the file was refused whole, so no claim was taken (the 999 or TA1 says why)",
        path.display()
    )
}

impl ClaimAck {
    /// Checks the target (no symlink, FIFO, device or folder) and opens a private file
    /// beside it.
    pub fn open(path: &Path) -> Result<ClaimAck> {
        Ok(ClaimAck {
            file: OutFile::create(path)?,
            written: 0,
        })
    }

    /// Appends the 277CA of one interchange, whose claims came out as `outcomes` (in
    /// order). An interchange whose envelope a 277CA cannot address is skipped with a
    /// warning, as its 999 is.
    #[allow(clippy::too_many_arguments)]
    pub fn write(
        &mut self,
        ctx: &Context,
        tx: &Tx<'_>,
        ic: &Interchange<'_>,
        text: &str,
        readable: &[Vec<std::result::Result<u64, X12Error>>],
        outcomes: &[Outcome<'_>],
        provider_id: &str,
    ) -> Result<()> {
        if !readable.iter().flatten().any(|r| r.is_ok()) {
            return Ok(());
        }
        let control = tx.next_sequence("x12-interchange")?;
        let control = u32::try_from(control % 1_000_000_000).unwrap_or(1).max(1);
        let env = super::x12::ack_envelope(ctx, ic, text, control);
        if let Err(e) = env.check("HN", X214) {
            ctx.ui.warn(&format!(
                "no 277CA was written to {} for an interchange: it cannot be answered ({e})",
                self.file.target().display()
            ));
            return Ok(());
        }
        let trace = format!("{control:09}");
        let source = Source {
            payer_name: PAYER_NAME,
            payer_id: PAYER_ID,
            received: ctx.clock.today(),
            trace: &trace,
            provider_id,
        };
        let target = self.file.target().display().to_string();
        match write_277ca(
            ic,
            readable,
            outcomes,
            &source,
            &env,
            &mut self.file.as_write(),
        ) {
            Ok(true) => self.written += 1,
            Ok(false) => {}
            Err(e) => {
                return Err(Error::internal(format!(
                    "cannot write the 277CA to {target}: {e}"
                )))
            }
        }
        Ok(())
    }

    /// Flushes and syncs the file before the commit.
    pub fn finish(mut self) -> Result<ClaimAck> {
        self.file.finish()?;
        Ok(self)
    }

    /// After the commit: the file takes its name (when anything was written) and the line
    /// the human text ends with.
    pub fn persist(self) -> Result<String> {
        let target = self.file.target().display().to_string();
        if self.written == 0 {
            return Ok(format!(
                "no 277CA was written to {target}: no transaction set of the file was read\n"
            ));
        }
        self.file.persist()?;
        Ok(format!(
            "277CA claim acknowledgment{} written to {target}\n",
            if self.written > 1 { "s" } else { "" }
        ))
    }
}
