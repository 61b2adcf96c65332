//! Remittance postings (`remit post`): matching an 835's claim payments to claims, and
//! recording what was posted.

use super::Tx;
use crate::error::Result;
use crate::params;

/// What matching needs of a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostingClaim {
    pub id: i64,
    pub icn: String,
    pub patient_control_number: Option<String>,
    pub status: String,
    /// Our adjudicated paid amount, in cents.
    pub paid_amount: i64,
}

/// A posting to record.
#[derive(Debug, Clone)]
pub struct NewPosting<'a> {
    pub provider_id: &'a str,
    pub payer_id: &'a str,
    pub payer_name: &'a str,
    pub remit_id: &'a str,
    /// `claim` or `plb`.
    pub kind: &'a str,
    pub seq: i64,
    pub claim_id: Option<i64>,
    pub clp01: &'a str,
    pub clp02: &'a str,
    pub paid: i64,
    pub expected: Option<i64>,
    pub payer_icn: &'a str,
    pub posted_on: &'a str,
    pub posted_at: &'a str,
    pub posted_by: &'a str,
    pub file_sha256: &'a str,
}

/// The latest payment posted onto a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PostedRow {
    pub remit_id: String,
    pub paid: i64,
    pub posted_on: String,
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
    /// The provider's claim with this ICN.
    pub fn posting_claim_by_icn(
        &self,
        provider_id: &str,
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
    pub fn posting_claims_by_pcn(&self, provider_id: &str, pcn: &str) -> Result<Vec<PostingClaim>> {
        self.db().query(
            &format!(
                "SELECT {PCOLS} FROM claims WHERE provider_id = ?1 AND patient_control_number = ?2
                 ORDER BY id LIMIT 2"
            ),
            params![provider_id, pcn],
            prow,
        )
    }

    /// Records a posting; `false` when the same item of the same remittance was posted
    /// before for this provider (nothing changes then).
    pub fn insert_posting(&self, p: &NewPosting<'_>) -> Result<bool> {
        let id: Option<i64> = self.db().query_opt(
            "INSERT INTO postings(provider_id, payer_id, payer_name, remit_id, kind, seq,
                 claim_id, clp01, clp02, paid, expected, payer_icn, posted_on, posted_at,
                 posted_by, file_sha256)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)
             ON CONFLICT (provider_id, payer_id, remit_id, kind, seq) DO NOTHING
             RETURNING id",
            params![
                p.provider_id,
                p.payer_id,
                p.payer_name,
                p.remit_id,
                p.kind,
                p.seq,
                p.claim_id,
                p.clp01,
                p.clp02,
                p.paid,
                p.expected,
                p.payer_icn,
                p.posted_on,
                p.posted_at,
                p.posted_by,
                p.file_sha256
            ],
            |r| r.get(0),
        )?;
        Ok(id.is_some())
    }

    /// The latest claim payment posted onto a claim, if any.
    pub fn latest_posting(&self, claim_id: i64) -> Result<Option<PostedRow>> {
        self.db().query_opt(
            "SELECT remit_id, paid, posted_on FROM postings
             WHERE claim_id = ?1 AND kind = 'claim' ORDER BY id DESC LIMIT 1",
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
