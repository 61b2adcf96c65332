//! Site administrator transfer requests (the CFO's or Privacy and Security Officer's email).

use super::Tx;
use crate::error::Result;
use rusqlite::{OptionalExtension, Row};

#[derive(Debug, Clone)]
pub struct TransferRow {
    pub id: i64,
    pub request_id: String,
    pub provider_id: String,
    /// The request's fields as JSON.
    pub form: String,
    pub status: String,
    pub created_on: String,
    pub created_at: String,
    pub decided_at: Option<String>,
    pub decided_by: Option<String>,
    pub reason: Option<String>,
}

const COLS: &str = "id, request_id, provider_id, form, status, created_on, created_at,
    decided_at, decided_by, reason";

fn row(r: &Row<'_>) -> rusqlite::Result<TransferRow> {
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
    pub fn insert_transfer(
        &self,
        provider_id: &str,
        form_json: &str,
        today: &str,
        now: &str,
    ) -> Result<String> {
        let next: i64 = self
            .conn()
            .query_row(
                "SELECT COALESCE(MAX(id), 0) + 1 FROM transfer_requests",
                [],
                |r| r.get(0),
            )
            .map_err(self.err())?;
        let request_id = format!("TR-{next:06}");
        self.conn()
            .execute(
                "INSERT INTO transfer_requests(id, request_id, provider_id, form, status, created_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6)",
                rusqlite::params![next, request_id, provider_id, form_json, today, now],
            )
            .map_err(self.err())?;
        Ok(request_id)
    }

    pub fn transfer(&self, request_id: &str) -> Result<Option<TransferRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {COLS} FROM transfer_requests WHERE request_id = ?1 COLLATE NOCASE"
            ))
            .and_then(|mut s| s.query_row([request_id], row).optional())
            .map_err(self.err())
    }

    /// The pending request for a provider, if any.
    pub fn pending_transfer_for(&self, provider_id: &str) -> Result<Option<TransferRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {COLS} FROM transfer_requests
                 WHERE provider_id = ?1 AND status = 'pending' ORDER BY id LIMIT 1"
            ))
            .and_then(|mut s| s.query_row([provider_id], row).optional())
            .map_err(self.err())
    }

    /// Every request, pending first, then by age.
    pub fn transfers_all(&self) -> Result<Vec<TransferRow>> {
        let mut s = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLS} FROM transfer_requests ORDER BY status = 'pending' DESC, id"
            ))
            .map_err(self.err())?;
        let rows = s.query_map([], row).map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
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
        let n = self
            .conn()
            .execute(
                "UPDATE transfer_requests SET status = ?2, decided_at = ?3, decided_by = ?4, reason = ?5
                 WHERE id = ?1 AND status = 'pending'",
                rusqlite::params![id, status, now, by, reason],
            )
            .map_err(self.err())?;
        Ok(n == 1)
    }
}
