//! Prior authorizations (and plans of care) and the units claims take from them.

use super::db::{Row, RowResult};
use super::Tx;
use crate::domain::claims::{Icn, PaKind, PaNumber, PaStatus};
use crate::domain::ids::{HealthId, ProviderId};
use crate::error::Result;
use crate::params;
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct NewPa<'a> {
    pub pa_number: &'a PaNumber,
    pub kind: PaKind,
    pub provider_id: &'a ProviderId,
    pub member_id: HealthId,
    pub diagnosis_codes: &'a str,
    pub procedure_codes: &'a str,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub requested_units: i64,
    pub submitted_on: NaiveDate,
    pub created_at: &'a str,
    pub created_by: &'a str,
}

#[derive(Debug, Clone)]
pub struct PaRow {
    pub id: i64,
    pub pa_number: PaNumber,
    pub kind: PaKind,
    pub provider_id: ProviderId,
    pub member_id: HealthId,
    pub diagnosis_codes: String,
    pub procedure_codes: String,
    pub from_date: NaiveDate,
    pub to_date: NaiveDate,
    pub requested_units: i64,
    pub approved_units: Option<i64>,
    pub status: PaStatus,
    pub action_code: String,
    pub reason: Option<String>,
    pub submitted_on: NaiveDate,
    pub decided_on: Option<NaiveDate>,
    /// Units taken by claims and not given back.
    pub used_units: i64,
}

impl PaRow {
    pub fn procedure_codes(&self) -> Vec<String> {
        split(&self.procedure_codes)
    }
    pub fn diagnosis_codes(&self) -> Vec<String> {
        split(&self.diagnosis_codes)
    }
    pub fn units_left(&self) -> i64 {
        (self.approved_units.unwrap_or(0) - self.used_units).max(0)
    }
}

pub fn split(s: &str) -> Vec<String> {
    s.split(',')
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

const PCOLS: &str = "p.id, p.pa_number, p.kind, p.provider_id, p.member_id, p.diagnosis_codes,
    p.procedure_codes, p.from_date, p.to_date, p.requested_units, p.approved_units, p.status,
    p.action_code, p.reason, p.submitted_on, p.decided_on,
    (SELECT coalesce(sum(u.units), 0) FROM pa_usage u WHERE u.pa_id = p.id AND u.returned_on IS NULL)";

fn prow(r: &Row<'_>) -> RowResult<PaRow> {
    Ok(PaRow {
        id: r.get(0)?,
        pa_number: r.get(1)?,
        kind: r.get(2)?,
        provider_id: r.get(3)?,
        member_id: r.get(4)?,
        diagnosis_codes: r.get(5)?,
        procedure_codes: r.get(6)?,
        from_date: r.get(7)?,
        to_date: r.get(8)?,
        requested_units: r.get(9)?,
        approved_units: r.get(10)?,
        status: r.get(11)?,
        action_code: r.get(12)?,
        reason: r.get(13)?,
        submitted_on: r.get(14)?,
        decided_on: r.get(15)?,
        used_units: r.get(16)?,
    })
}

impl Tx<'_> {
    pub fn insert_pa(&self, p: &NewPa<'_>) -> Result<i64> {
        self.db().value(
            "INSERT INTO prior_auths(pa_number, kind, provider_id, member_id, diagnosis_codes,
                procedure_codes, from_date, to_date, requested_units, status, action_code,
                submitted_on, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'pending', 'A4', ?10, ?11, ?12)
             RETURNING id",
            params![
                p.pa_number,
                p.kind,
                p.provider_id,
                p.member_id,
                p.diagnosis_codes,
                p.procedure_codes,
                p.from_date,
                p.to_date,
                p.requested_units,
                p.submitted_on,
                p.created_at,
                p.created_by
            ],
        )
    }

    pub fn pa_by_number(&self, pa_number: &PaNumber) -> Result<Option<PaRow>> {
        self.db().query_opt(
            &format!("SELECT {PCOLS} FROM prior_auths p WHERE p.pa_number = ?1"),
            params![pa_number],
            prow,
        )
    }

    pub fn pa_list(
        &self,
        provider_id: Option<&ProviderId>,
        member_id: Option<HealthId>,
        status: Option<PaStatus>,
    ) -> Result<Vec<PaRow>> {
        self.db().query(
            &format!(
                "SELECT {PCOLS} FROM prior_auths p
                 WHERE (CAST(?1 AS TEXT) IS NULL OR p.provider_id = ?1)
                   AND (CAST(?2 AS TEXT) IS NULL OR p.member_id = ?2)
                   AND (CAST(?3 AS TEXT) IS NULL OR p.status = ?3)
                 ORDER BY p.id"
            ),
            params![provider_id, member_id, status],
            prow,
        )
    }

    #[allow(clippy::too_many_arguments)]
    pub fn decide_pa(
        &self,
        pa_id: i64,
        status: PaStatus,
        action_code: &str,
        approved_units: Option<i64>,
        reason: Option<&str>,
        decided_on: NaiveDate,
        decided_by: &str,
    ) -> Result<()> {
        self.db().execute(
            "UPDATE prior_auths SET status = ?2, action_code = ?3, approved_units = ?4,
                reason = ?5, decided_on = ?6, decided_by = ?7 WHERE id = ?1",
            params![
                pa_id,
                status,
                action_code,
                approved_units,
                reason,
                decided_on,
                decided_by
            ],
        )?;
        Ok(())
    }

    /// Records (or adds to) the units a claim takes from a PA.
    pub fn use_pa_units(&self, pa_id: i64, claim_id: i64, units: i64, on: NaiveDate) -> Result<()> {
        self.db().execute(
            "INSERT INTO pa_usage(pa_id, claim_id, units, used_on) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(pa_id, claim_id) DO UPDATE SET units = pa_usage.units + excluded.units",
            params![pa_id, claim_id, units, on],
        )?;
        Ok(())
    }

    /// The units a claim holds from a PA (taken and not given back).
    pub fn pa_units_held(&self, pa_id: i64, claim_id: i64) -> Result<i64> {
        self.db().value(
            "SELECT CAST(COALESCE(SUM(units), 0) AS BIGINT) FROM pa_usage
             WHERE pa_id = ?1 AND claim_id = ?2 AND returned_on IS NULL",
            params![pa_id, claim_id],
        )
    }

    /// Gives back the units a claim took; returns how many.
    pub fn return_pa_units(&self, claim_id: i64, on: NaiveDate) -> Result<i64> {
        let n: i64 = self.db().value(
            "SELECT coalesce(sum(units), 0) FROM pa_usage WHERE claim_id = ?1 AND returned_on IS NULL",
            params![claim_id],
        )?;
        self.db().execute(
            "UPDATE pa_usage SET returned_on = ?2 WHERE claim_id = ?1 AND returned_on IS NULL",
            params![claim_id, on],
        )?;
        Ok(n)
    }

    /// The claims that hold units of a PA: (ICN, units), oldest first.
    pub fn pa_claims(&self, pa_id: i64) -> Result<Vec<(Icn, i64)>> {
        self.db().query(
            "SELECT c.icn, u.units FROM pa_usage u JOIN claims c ON c.id = u.claim_id
             WHERE u.pa_id = ?1 AND u.returned_on IS NULL ORDER BY c.id",
            params![pa_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }
}

impl Tx<'_> {
    /// PA numbers starting with `prefix`, in order, at most `limit` (completion): the
    /// provider's, or every provider's (`None`, the agency); only in `status` when given.
    pub fn pa_numbers_starting(
        &self,
        provider_id: Option<&ProviderId>,
        status: Option<PaStatus>,
        prefix: &str,
        limit: i64,
    ) -> Result<Vec<PaNumber>> {
        self.db().query(
            "SELECT pa_number FROM prior_auths
             WHERE (CAST(?1 AS TEXT) IS NULL OR provider_id = ?1) AND (CAST(?2 AS TEXT) IS NULL OR status = ?2)
               AND pa_number LIKE ?3 ESCAPE '\\'
             ORDER BY pa_number LIMIT ?4",
            params![provider_id, status, super::like_prefix(prefix), limit],
            |r| r.get(0),
        )
    }
}
