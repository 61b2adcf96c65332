//! Remittance postings (`remit post`): matching an 835's claim payments to claims, and
//! recording what was posted.

use super::Tx;
use crate::domain::claims::{ClaimStatus, Icn};
use crate::domain::ids::{Cents, ProviderId};
use crate::error::Result;
use crate::params;
use chrono::NaiveDate;

/// What matching needs of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingClaim {
    pub id: i64,
    pub icn: Icn,
    pub patient_control_number: Option<String>,
    pub status: ClaimStatus,
    /// Our adjudicated paid amount.
    pub paid_amount: Cents,
}

/// A claim payment or PLB adjustment to record.
#[derive(Debug, Clone)]
pub struct NewPosting<'a> {
    /// The `posted_remits` row of its remittance.
    pub remit: i64,
    /// `claim` or `plb`.
    pub kind: &'a str,
    pub seq: i64,
    /// The `posting_runs` row of this `remit post`.
    pub run: i64,
    pub claim_id: Option<i64>,
    pub clp01: &'a str,
    pub clp02: &'a str,
    pub paid: Cents,
    pub expected: Option<Cents>,
    pub payer_icn: &'a str,
}

/// A run of `remit post` to record.
#[derive(Debug, Clone)]
pub struct NewRun<'a> {
    pub provider_id: &'a ProviderId,
    pub posted_on: NaiveDate,
    pub posted_at: &'a str,
    pub posted_by: &'a str,
    pub file_sha256: &'a str,
}

/// The latest payment posted onto a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostedRow {
    pub remit_id: String,
    pub paid: Cents,
    pub posted_on: NaiveDate,
}

const PCOLS: &str = "id, icn, patient_control_number, status, paid_amount";

fn prow(r: &super::Row<'_>) -> super::RowResult<PostingClaim> {
    Ok(PostingClaim {
        id: r.get(0)?,
        icn: r.get(1)?,
        patient_control_number: r.get(2)?,
        status: r.get(3)?,
        paid_amount: r.get(4)?,
    })
}

impl Tx<'_> {
    /// The provider's claim with this ICN (as an 835 names it: text to match, not yet known
    /// to be one of ours).
    pub fn posting_claim_by_icn(
        &self,
        provider_id: &ProviderId,
        icn: &str,
    ) -> Result<Option<PostingClaim>> {
        self.db().query_opt(
            &format!("SELECT {PCOLS} FROM claims WHERE icn = ?1 AND provider_id = ?2"),
            params![icn, provider_id],
            prow,
        )
    }

    /// The provider's claims with this patient control number (at most two: one is a
    /// match, two are ambiguous).
    pub fn posting_claims_by_pcn(
        &self,
        provider_id: &ProviderId,
        pcn: &str,
    ) -> Result<Vec<PostingClaim>> {
        self.db().query(
            &format!(
                "SELECT {PCOLS} FROM claims WHERE provider_id = ?1 AND patient_control_number = ?2
                 ORDER BY id LIMIT 2"
            ),
            params![provider_id, pcn],
            prow,
        )
    }

    /// The `posted_remits` row of a remittance (provider, payer, trace number), made when
    /// new: its id, and whether it was new.
    pub fn posted_remit(
        &self,
        provider_id: &ProviderId,
        payer_id: &str,
        remit_id: &str,
        payer_name: &str,
        payment: Cents,
    ) -> Result<(i64, bool)> {
        let id: Option<i64> = self.db().query_opt(
            "INSERT INTO posted_remits(provider_id, payer_id, remit_id, payer_name, payment)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (provider_id, payer_id, remit_id) DO NOTHING
             RETURNING id",
            params![provider_id, payer_id, remit_id, payer_name, payment],
            |r| r.get(0),
        )?;
        match id {
            Some(id) => Ok((id, true)),
            None => Ok((
                self.db().value(
                    "SELECT id FROM posted_remits
                     WHERE provider_id = ?1 AND payer_id = ?2 AND remit_id = ?3",
                    params![provider_id, payer_id, remit_id],
                )?,
                false,
            )),
        }
    }

    /// Whether this item of a remittance was posted before.
    pub fn posting_exists(&self, remit: i64, kind: &str, seq: i64) -> Result<bool> {
        self.db().value(
            "SELECT EXISTS(SELECT 1 FROM postings WHERE remit = ?1 AND kind = ?2 AND seq = ?3)",
            params![remit, kind, seq],
        )
    }

    /// Records a run of `remit post`; its id.
    pub fn insert_posting_run(&self, r: &NewRun<'_>) -> Result<i64> {
        self.db().value(
            "INSERT INTO posting_runs(provider_id, posted_on, posted_at, posted_by, file_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            params![
                r.provider_id,
                r.posted_on,
                r.posted_at,
                r.posted_by,
                r.file_sha256
            ],
        )
    }

    /// Records a claim payment or PLB adjustment (not posted before: see
    /// [`Self::posting_exists`]).
    pub fn insert_posting(&self, p: &NewPosting<'_>) -> Result<()> {
        self.db().execute(
            "INSERT INTO postings(remit, kind, seq, run, claim_id, clp01, clp02, paid, expected,
                 payer_icn)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                p.remit,
                p.kind,
                p.seq,
                p.run,
                p.claim_id,
                p.clp01,
                p.clp02,
                p.paid,
                p.expected,
                p.payer_icn
            ],
        )?;
        Ok(())
    }

    /// The latest claim payment posted onto a claim, if any.
    pub fn latest_posting(&self, claim_id: i64) -> Result<Option<PostedRow>> {
        self.db().query_opt(
            "SELECT r.remit_id, p.paid, u.posted_on
             FROM postings p JOIN posted_remits r ON r.id = p.remit
                 JOIN posting_runs u ON u.id = p.run
             WHERE p.claim_id = ?1 AND p.kind = 'claim'
             ORDER BY p.run DESC, p.remit DESC, p.seq DESC LIMIT 1",
            params![claim_id],
            |r| {
                Ok(PostedRow {
                    remit_id: r.get(0)?,
                    paid: r.get(1)?,
                    posted_on: r.get(2)?,
                })
            },
        )
    }
}
