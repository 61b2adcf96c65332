//! Providers and their PIN letters.

use super::Tx;
use crate::error::Result;
use rusqlite::{OptionalExtension, Row};

#[derive(Debug, Clone)]
pub struct ProviderRow {
    pub provider_id: String,
    pub npi: String,
    pub name: String,
    pub kind: String,
    pub tax_id: Option<String>,
    pub mail_to: Option<String>,
    pub enrolled_on: String,
}

#[derive(Debug, Clone)]
pub struct PinRow {
    pub id: i64,
    pub provider_id: String,
    pub pin_hash: String,
    pub issued_on: String,
    pub expires_on: String,
    pub used_at: Option<String>,
    pub voided_at: Option<String>,
}

const PCOLS: &str = "provider_id, npi, name, type, tax_id, mail_to, enrolled_on";

fn prow(r: &Row<'_>) -> rusqlite::Result<ProviderRow> {
    Ok(ProviderRow {
        provider_id: r.get(0)?,
        npi: r.get(1)?,
        name: r.get(2)?,
        kind: r.get(3)?,
        tax_id: r.get(4)?,
        mail_to: r.get(5)?,
        enrolled_on: r.get(6)?,
    })
}

impl Tx<'_> {
    pub fn provider(&self, provider_id: &str) -> Result<Option<ProviderRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {PCOLS} FROM providers WHERE provider_id = ?1"
            ))
            .and_then(|mut s| s.query_row([provider_id], prow).optional())
            .map_err(self.err())
    }

    pub fn provider_by_npi(&self, npi: &str) -> Result<Option<ProviderRow>> {
        self.conn()
            .prepare_cached(&format!("SELECT {PCOLS} FROM providers WHERE npi = ?1"))
            .and_then(|mut s| s.query_row([npi], prow).optional())
            .map_err(self.err())
    }

    pub fn providers_by_tax_id(&self, tax_id: &str) -> Result<Vec<ProviderRow>> {
        let mut s = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {PCOLS} FROM providers WHERE tax_id = ?1 ORDER BY provider_id"
            ))
            .map_err(self.err())?;
        let rows = s.query_map([tax_id], prow).map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }

    pub fn insert_provider(&self, p: &ProviderRow, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "INSERT INTO providers(provider_id, npi, name, type, tax_id, mail_to, enrolled_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
                    p.provider_id,
                    p.npi,
                    p.name,
                    p.kind,
                    p.tax_id,
                    p.mail_to,
                    p.enrolled_on,
                    now
                ],
            )
            .map_err(self.err())?;
        Ok(())
    }

    pub fn provider_id_taken(&self, provider_id: &str) -> Result<bool> {
        self.conn()
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM providers WHERE provider_id = ?1)",
                [provider_id],
                |r| r.get(0),
            )
            .map_err(self.err())
    }

    /// Issues a new PIN, voiding any earlier unused one.
    pub fn issue_pin(
        &self,
        provider_id: &str,
        pin_hash: &str,
        issued_on: &str,
        expires_on: &str,
        now: &str,
    ) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE pins SET voided_at = ?2 WHERE provider_id = ?1 AND used_at IS NULL AND voided_at IS NULL",
                rusqlite::params![provider_id, now],
            )
            .map_err(self.err())?;
        self.conn()
            .execute(
                "INSERT INTO pins(provider_id, pin_hash, issued_on, expires_on) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![provider_id, pin_hash, issued_on, expires_on],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// The newest PIN issued for a provider.
    pub fn latest_pin(&self, provider_id: &str) -> Result<Option<PinRow>> {
        self.conn()
            .prepare_cached(
                "SELECT id, provider_id, pin_hash, issued_on, expires_on, used_at, voided_at
                 FROM pins WHERE provider_id = ?1 ORDER BY id DESC LIMIT 1",
            )
            .and_then(|mut s| {
                s.query_row([provider_id], |r| {
                    Ok(PinRow {
                        id: r.get(0)?,
                        provider_id: r.get(1)?,
                        pin_hash: r.get(2)?,
                        issued_on: r.get(3)?,
                        expires_on: r.get(4)?,
                        used_at: r.get(5)?,
                        voided_at: r.get(6)?,
                    })
                })
                .optional()
            })
            .map_err(self.err())
    }

    pub fn use_pin(&self, pin_id: i64, now: &str) -> Result<bool> {
        let n = self
            .conn()
            .execute(
                "UPDATE pins SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL AND voided_at IS NULL",
                rusqlite::params![pin_id, now],
            )
            .map_err(self.err())?;
        Ok(n == 1)
    }

    pub fn insert_pin_request(
        &self,
        provider_id: &str,
        name: &str,
        npi: &str,
        mail_to: &str,
        today: &str,
        now: &str,
    ) -> Result<i64> {
        self.conn()
            .execute(
                "INSERT INTO pin_requests(provider_id, name, npi, mail_to, requested_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                rusqlite::params![provider_id, name, npi, mail_to, today, now],
            )
            .map_err(self.err())?;
        Ok(self.conn().last_insert_rowid())
    }

    pub fn close_pin_requests(&self, provider_id: &str) -> Result<usize> {
        self.conn()
            .execute(
                "UPDATE pin_requests SET status = 'reissued' WHERE provider_id = ?1 AND status = 'open'",
                [provider_id],
            )
            .map_err(self.err())
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ProviderListRow {
    pub provider_id: String,
    pub npi: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub tax_id: Option<String>,
    pub enrolled_on: String,
    pub site_admin: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PinRequestRow {
    pub request_id: String,
    pub provider_id: String,
    pub name: String,
    pub npi: String,
    pub mail_to: String,
    pub requested_on: String,
    pub status: String,
}

impl Tx<'_> {
    pub fn providers_all(&self) -> Result<Vec<ProviderListRow>> {
        let mut s = self
            .conn()
            .prepare_cached(
                "SELECT p.provider_id, p.npi, p.name, p.type, p.tax_id, p.enrolled_on,
                        (SELECT u.user_name FROM memberships m JOIN users u ON u.id = m.user_id
                          WHERE m.provider_id = p.provider_id AND m.kind = 'site_admin' AND m.status = 'active')
                 FROM providers p ORDER BY p.provider_id",
            )
            .map_err(self.err())?;
        let rows = s
            .query_map([], |r| {
                Ok(ProviderListRow {
                    provider_id: r.get(0)?,
                    npi: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    tax_id: r.get(4)?,
                    enrolled_on: r.get(5)?,
                    site_admin: r.get(6)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }

    pub fn pin_requests_all(&self) -> Result<Vec<PinRequestRow>> {
        let mut s = self
            .conn()
            .prepare_cached(
                "SELECT id, provider_id, name, npi, mail_to, requested_on, status
                 FROM pin_requests ORDER BY status = 'open' DESC, id",
            )
            .map_err(self.err())?;
        let rows = s
            .query_map([], |r| {
                Ok(PinRequestRow {
                    request_id: format!("PINREQ-{:06}", r.get::<_, i64>(0)?),
                    provider_id: r.get(1)?,
                    name: r.get(2)?,
                    npi: r.get(3)?,
                    mail_to: r.get(4)?,
                    requested_on: r.get(5)?,
                    status: r.get(6)?,
                })
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }
}
