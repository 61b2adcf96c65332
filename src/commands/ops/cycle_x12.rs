//! `ops claims adjudicate --x12-dir DIR`: the payment cycle writes each remittance advice it
//! makes as an 835 from the claims it already holds, instead of a `remit export` per
//! remittance reading them all back.
//!
//! An 835's header carries its total (BPR02), known only once every claim is on it, so each
//! remittance's CLP loops are written as they are made — a slice of claims at a time, into
//! one private spool file in DIR, unnamed (it is gone when the command ends, however it
//! ends) — and each 835 is put together at the end of the cycle: its header with the total,
//! its loops read back from the spool, its PLBs and trailers. Memory holds a slice's loops,
//! not a cycle's. Each 835 is written beside its target and put in place only after the
//! cycle is saved (`output::files`); a failure before that leaves no file behind.
//!
//! The bytes are those of `remit export RA --x12` for the same remittance (the same envelope,
//! header and CLP writer; a test compares them).

use crate::commands::remit::export::{clp_835, envelope_835, header_835, x12_err};
use crate::domain::ids::Cents;
use crate::domain::remit::{RemitClaim, Settlement};
use crate::error::{Error, Result};
use crate::output::files::OutFile;
use crate::store::{ProviderRow, Tx};
use crate::x12::remit::{Plb835, Remit835};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The 835s of one payment cycle being written.
pub struct Cycle835 {
    dir: PathBuf,
    spool: File,
    spool_len: u64,
    issued_on: NaiveDate,
    at: NaiveTime,
    /// By remittance row id.
    ras: BTreeMap<i64, Ra835>,
}

/// One remittance's 835: its writer (which counts its segments), the loops made since the
/// last flush, and where the earlier ones are in the spool.
struct Ra835 {
    remit_id: String,
    payee: ProviderRow,
    w: Remit835,
    pending: Vec<u8>,
    chunks: Vec<(u64, usize)>,
}

/// Refuses a DIR that is not an existing folder, or is reached through a symbolic link.
fn check_dir(dir: &Path) -> Result<()> {
    let bad = |what: &str| {
        Error::invalid(format!("--x12-dir {}: {what}", dir.display()))
            .hint("name an existing folder (not a symbolic link) for the 835s")
    };
    match std::fs::symlink_metadata(dir) {
        Ok(m) if m.file_type().is_symlink() => Err(bad("is a symbolic link")),
        Ok(m) if m.is_dir() => Ok(()),
        Ok(_) => Err(bad("is not a folder")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(bad("does not exist")),
        Err(e) => Err(bad(&format!("cannot be read ({e})"))),
    }
}

fn io_err(dir: &Path, e: std::io::Error) -> Error {
    Error::internal(format!(
        "cannot write the 835s in {}: {e} (nothing was saved)",
        dir.display()
    ))
    .with_io(&e)
}

impl Cycle835 {
    /// Checks DIR and opens the spool. Called before the cycle's transaction begins work.
    pub fn open(dir: &Path, issued_on: NaiveDate, at: NaiveTime) -> Result<Cycle835> {
        check_dir(dir)?;
        // Unnamed and 0600: removed by the system when the command ends, however it ends.
        let spool = tempfile::tempfile_in(dir).map_err(|e| io_err(dir, e))?;
        Ok(Cycle835 {
            dir: dir.to_path_buf(),
            spool,
            spool_len: 0,
            issued_on,
            at,
            ras: BTreeMap::new(),
        })
    }

    /// Starts the 835 of a remittance the cycle just opened (row `remit`).
    pub fn open_remit(
        &mut self,
        tx: &Tx<'_>,
        remit: i64,
        remit_id: &str,
        provider_id: &str,
    ) -> Result<()> {
        let payee = tx
            .provider(&crate::domain::ids::ProviderId::parse(
                "provider_id",
                provider_id,
            )?)?
            .ok_or_else(|| Error::tampered(format!("provider {provider_id} is not on file")))?;
        let env = envelope_835(remit, provider_id, self.issued_on, self.at);
        // The header is written again at the end with the remittance's total; this one only
        // starts the writer's segment count (a header has as many segments whatever it says).
        let header = header_835(remit_id, "H", Cents(0), "NON", self.issued_on, &payee);
        let mut w = Remit835::begin(&env, &header).map_err(x12_err)?;
        w.drain_into(&mut std::io::sink())
            .map_err(|e| io_err(&self.dir, e))?;
        self.ras.insert(
            remit,
            Ra835 {
                remit_id: remit_id.to_string(),
                payee,
                w,
                pending: Vec::new(),
                chunks: Vec::new(),
            },
        );
        Ok(())
    }

    /// Writes the CLP loops of `claims` — `(remittance row, seq, claim)`, as the cycle saves
    /// them — and moves them to the spool.
    pub fn write_claims(&mut self, tx: &Tx<'_>, claims: &[(i64, i64, RemitClaim)]) -> Result<()> {
        if claims.is_empty() {
            return Ok(());
        }
        let ids: Vec<i64> = claims.iter().map(|(_, _, c)| c.claim_id).collect();
        let heads = tx.claim_heads_835(&ids)?;
        if heads.len() != claims.len() {
            return Err(Error::internal("a claim of the cycle went missing"));
        }
        for ((remit, _, c), h) in claims.iter().zip(heads) {
            if h.claim_id != c.claim_id {
                return Err(Error::internal("the cycle's claims came back out of order"));
            }
            let ra = self
                .ras
                .get_mut(remit)
                .ok_or_else(|| Error::internal("a remittance's 835 was not started"))?;
            ra.w.claim(&clp_835(h, c)?).map_err(x12_err)?;
            ra.w.drain_into(&mut ra.pending)
                .map_err(|e| io_err(&self.dir, e))?;
        }
        for ra in self.ras.values_mut() {
            if ra.pending.is_empty() {
                continue;
            }
            self.spool
                .write_all(&ra.pending)
                .map_err(|e| io_err(&self.dir, e))?;
            ra.chunks.push((self.spool_len, ra.pending.len()));
            self.spool_len += ra.pending.len() as u64;
            ra.pending.clear();
        }
        Ok(())
    }

    /// Puts each 835 together with its remittance's settlement (BPR, PLB): written and
    /// synced beside its target `DIR/RA….835`, to be put in place after the commit
    /// ([`OutFile::persist`]). `settlements` is by remittance row id.
    pub fn finish(mut self, settlements: &BTreeMap<i64, Settlement>) -> Result<Vec<OutFile>> {
        let mut files = Vec::with_capacity(self.ras.len());
        let mut buf = Vec::new();
        let ras = std::mem::take(&mut self.ras);
        for (remit, ra) in ras {
            let s = settlements
                .get(&remit)
                .ok_or_else(|| Error::internal("a remittance was not settled"))?;
            let env = envelope_835(
                remit,
                ra.payee.provider_id.as_str(),
                self.issued_on,
                self.at,
            );
            let header = header_835(
                &ra.remit_id,
                s.handling,
                s.paid_amount,
                s.method,
                self.issued_on,
                &ra.payee,
            );
            let mut head = Remit835::begin(&env, &header).map_err(x12_err)?;
            let mut out = OutFile::create(&self.dir.join(format!("{}.835", ra.remit_id)))?;
            head.drain_into(&mut out.as_write())
                .map_err(|e| io_err(&self.dir, e))?;
            for (at, len) in &ra.chunks {
                buf.resize(*len, 0);
                self.spool
                    .seek(SeekFrom::Start(*at))
                    .and_then(|_| self.spool.read_exact(&mut buf))
                    .map_err(|e| io_err(&self.dir, e))?;
                out.write_bytes(&buf)?;
            }
            let plbs: Vec<Plb835> = s
                .provider_adjustments
                .iter()
                .map(|p| Plb835 {
                    reason: p.reason.clone(),
                    reference: p.reference.clone(),
                    amount: p.amount.0,
                })
                .collect();
            let rest = ra.w.finish(&plbs).map_err(x12_err)?;
            out.write_bytes(rest.as_bytes())?;
            out.finish()?;
            files.push(out);
        }
        Ok(files)
    }
}
