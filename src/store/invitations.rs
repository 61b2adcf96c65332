//! Clerk invitations: one-time codes, stored only as SHA-256, with an expiry business date.

use super::db::{Row, RowResult};
use super::Tx;
use crate::domain::ids::ProviderId;
use crate::error::Result;
use crate::params;
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct InvitationRow {
    pub id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub provider_id: ProviderId,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub used_at: Option<String>,
    pub voided_at: Option<String>,
}

const COLS: &str = "i.id, i.user_id, u.user_name, i.provider_id, i.issued_on, i.expires_on,
    i.used_at, i.voided_at";

fn row(r: &Row<'_>) -> RowResult<InvitationRow> {
    Ok(InvitationRow {
        id: r.get(0)?,
        user_id: r.get(1)?,
        user_name: r.get(2)?,
        provider_id: r.get(3)?,
        issued_on: r.get(4)?,
        expires_on: r.get(5)?,
        used_at: r.get(6)?,
        voided_at: r.get(7)?,
    })
}

impl Tx<'_> {
    /// Records a new invitation, voiding any earlier open one for the same user and provider.
    pub fn insert_invitation(
        &self,
        code_hash: &str,
        user_id: i64,
        provider_id: &ProviderId,
        issued_on: NaiveDate,
        expires_on: NaiveDate,
        now: &str,
    ) -> Result<i64> {
        self.void_invitations(user_id, provider_id, now)?;
        self.db().value(
            "INSERT INTO invitations(code_hash, user_id, provider_id, issued_on, expires_on)
             VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
            params![code_hash, user_id, provider_id, issued_on, expires_on],
        )
    }

    pub fn invitation_by_hash(&self, code_hash: &str) -> Result<Option<InvitationRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {COLS} FROM invitations i JOIN users u ON u.id = i.user_id
                 WHERE i.code_hash = ?1"
            ),
            params![code_hash],
            row,
        )
    }

    /// The newest invitation issued to a user for a provider.
    pub fn latest_invitation(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
    ) -> Result<Option<InvitationRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {COLS} FROM invitations i JOIN users u ON u.id = i.user_id
                 WHERE i.user_id = ?1 AND i.provider_id = ?2 ORDER BY i.id DESC LIMIT 1"
            ),
            params![user_id, provider_id],
            row,
        )
    }

    /// Marks an invitation used; false when it was already used or voided (a race lost).
    pub fn use_invitation(&self, id: i64, now: &str) -> Result<bool> {
        let n = self.db().execute(
            "UPDATE invitations SET used_at = ?2
             WHERE id = ?1 AND used_at IS NULL AND voided_at IS NULL",
            params![id, now],
        )?;
        Ok(n == 1)
    }

    /// Voids every open invitation of a user for a provider (clerk removed, invitation reissued).
    pub fn void_invitations(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
        now: &str,
    ) -> Result<usize> {
        let n = self.db().execute(
            "UPDATE invitations SET voided_at = ?3
             WHERE user_id = ?1 AND provider_id = ?2 AND used_at IS NULL AND voided_at IS NULL",
            params![user_id, provider_id, now],
        )?;
        Ok(n as usize)
    }
}
