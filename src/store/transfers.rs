//! Site administrator transfer requests (the CFO's or Privacy and Security Officer's email).

use super::db::{Row, RowResult};
use super::Tx;
use crate::domain::ids::ProviderId;
use crate::error::Result;
use crate::params;
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct TransferRow {
    pub id: i64,
    pub request_id: String,
    pub provider_id: ProviderId,
    /// The request's fields as JSON.
    pub form: String,
    pub status: String,
    pub created_on: NaiveDate,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    pub reason: Option<String>,
}

const COLS: &str = "id, request_id, provider_id, form, status, created_on, created_at,
    decided_at, decided_by, reason";

fn row(r: &Row<'_>) -> RowResult<TransferRow> {
    Ok(TransferRow {
        id: r.get(0)?,
        request_id: r.get(1)?,
        provider_id: r.get(2)?,
        form: r.get(3)?,
        status: r.get(4)?,
        created_on: r.get(5)?,
        created_at: r.get(6)?,
        decided_at: r.get(7)?,
        decided_by: r.get(8)?,
        reason: r.get(9)?,
    })
}

impl Tx<'_> {
    /// Records a pending request; returns its request ID (`TR-000001`).
    ///
    /// The id is chosen here (under the write lock) and always given explicitly, so the
    /// PostgreSQL identity sequence, which explicit ids do not advance, is never consulted.
    pub fn insert_transfer(
        &self,
        provider_id: &ProviderId,
        form_json: &str,
        today: NaiveDate,
        now: &str,
    ) -> Result<String> {
        let next: i64 = self.db().value(
            "SELECT COALESCE(MAX(id), 0) + 1 FROM transfer_requests",
            params![],
        )?;
        let request_id = format!("TR-{next:06}");
        self.db().execute(
            "INSERT INTO transfer_requests(id, request_id, provider_id, form, status, created_on, created_at)
             VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6)",
            params![next, request_id, provider_id, form_json, today, now],
        )?;
        Ok(request_id)
    }

    /// The request with this ID, whatever its case (`tr-000001` finds `TR-000001`).
    pub fn transfer(&self, request_id: &str) -> Result<Option<TransferRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {COLS} FROM transfer_requests WHERE lower(request_id) = lower(CAST(?1 AS TEXT))"
            ),
            params![request_id],
            row,
        )
    }

    /// The pending request for a provider, if any.
    pub fn pending_transfer_for(&self, provider_id: &ProviderId) -> Result<Option<TransferRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {COLS} FROM transfer_requests
                 WHERE provider_id = ?1 AND status = 'pending' ORDER BY id LIMIT 1"
            ),
            params![provider_id],
            row,
        )
    }

    /// Every request, pending first, then by age.
    pub fn transfers_all(&self) -> Result<Vec<TransferRow>> {
        self.db().query(
            &format!(
                "SELECT {COLS} FROM transfer_requests
                 ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, id"
            ),
            params![],
            row,
        )
    }

    /// Approves or rejects a pending request; false when it was no longer pending.
    pub fn decide_transfer(
        &self,
        id: i64,
        status: &str,
        now: &str,
        by: &str,
        reason: Option<&str>,
    ) -> Result<bool> {
        let n = self.db().execute(
            "UPDATE transfer_requests SET status = ?2, decided_at = ?3, decided_by = ?4, reason = ?5
             WHERE id = ?1 AND status = 'pending'",
            params![id, status, now, by, reason],
        )?;
        Ok(n == 1)
    }
}
