//! Providers and their PIN letters.

use super::db::{Row, RowResult};
use super::Tx;
use crate::domain::ids::{Npi, ProviderId, TaxId};
use crate::error::Result;
use crate::params;
use chrono::NaiveDate;

#[derive(Debug, Clone)]
pub struct ProviderRow {
    pub provider_id: ProviderId,
    pub npi: Npi,
    pub name: String,
    pub kind: String,
    pub tax_id: Option<TaxId>,
    pub mail_to: Option<String>,
    pub enrolled_on: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct PinRow {
    pub id: i64,
    pub provider_id: ProviderId,
    pub pin_hash: String,
    pub issued_on: NaiveDate,
    pub expires_on: NaiveDate,
    pub used_at: Option<String>,
    pub voided_at: Option<String>,
}

const PCOLS: &str = "provider_id, npi, name, type, tax_id, mail_to, enrolled_on";

fn prow(r: &Row<'_>) -> RowResult<ProviderRow> {
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
    pub fn provider(&self, provider_id: &ProviderId) -> Result<Option<ProviderRow>> {
        self.db().query_opt(
            &format!("SELECT {PCOLS} FROM providers WHERE provider_id = ?1"),
            params![provider_id],
            prow,
        )
    }

    pub fn provider_by_npi(&self, npi: &Npi) -> Result<Option<ProviderRow>> {
        self.db().query_opt(
            &format!("SELECT {PCOLS} FROM providers WHERE npi = ?1"),
            params![npi],
            prow,
        )
    }

    pub fn providers_by_tax_id(&self, tax_id: &TaxId) -> Result<Vec<ProviderRow>> {
        self.db().query(
            &format!("SELECT {PCOLS} FROM providers WHERE tax_id = ?1 ORDER BY provider_id"),
            params![tax_id],
            prow,
        )
    }

    pub fn insert_provider(&self, p: &ProviderRow, now: &str) -> Result<()> {
        self.db().execute(
            "INSERT INTO providers(provider_id, npi, name, type, tax_id, mail_to, enrolled_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                p.provider_id,
                p.npi,
                p.name,
                p.kind,
                p.tax_id,
                p.mail_to,
                p.enrolled_on,
                now
            ],
        )?;
        Ok(())
    }

    pub fn provider_id_taken(&self, provider_id: &ProviderId) -> Result<bool> {
        self.db().value(
            "SELECT EXISTS(SELECT 1 FROM providers WHERE provider_id = ?1)",
            params![provider_id],
        )
    }

    /// Issues a new PIN, voiding any earlier unused one.
    pub fn issue_pin(
        &self,
        provider_id: &ProviderId,
        pin_hash: &str,
        issued_on: NaiveDate,
        expires_on: NaiveDate,
        now: &str,
    ) -> Result<()> {
        self.db().execute(
            "UPDATE pins SET voided_at = ?2 WHERE provider_id = ?1 AND used_at IS NULL AND voided_at IS NULL",
            params![provider_id, now],
        )?;
        self.db().execute(
            "INSERT INTO pins(provider_id, pin_hash, issued_on, expires_on) VALUES (?1, ?2, ?3, ?4)",
            params![provider_id, pin_hash, issued_on, expires_on],
        )?;
        Ok(())
    }

    /// The newest PIN issued for a provider.
    pub fn latest_pin(&self, provider_id: &ProviderId) -> Result<Option<PinRow>> {
        self.db().query_opt(
            "SELECT id, provider_id, pin_hash, issued_on, expires_on, used_at, voided_at
             FROM pins WHERE provider_id = ?1 ORDER BY id DESC LIMIT 1",
            params![provider_id],
            |r| {
                Ok(PinRow {
                    id: r.get(0)?,
                    provider_id: r.get(1)?,
                    pin_hash: r.get(2)?,
                    issued_on: r.get(3)?,
                    expires_on: r.get(4)?,
                    used_at: r.get(5)?,
                    voided_at: r.get(6)?,
                })
            },
        )
    }

    pub fn use_pin(&self, pin_id: i64, now: &str) -> Result<bool> {
        let n = self.db().execute(
            "UPDATE pins SET used_at = ?2 WHERE id = ?1 AND used_at IS NULL AND voided_at IS NULL",
            params![pin_id, now],
        )?;
        Ok(n == 1)
    }

    pub fn insert_pin_request(
        &self,
        provider_id: &ProviderId,
        name: &str,
        npi: &Npi,
        mail_to: &str,
        today: NaiveDate,
        now: &str,
    ) -> Result<i64> {
        self.db().value(
            "INSERT INTO pin_requests(provider_id, name, npi, mail_to, requested_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             RETURNING id",
            params![provider_id, name, npi, mail_to, today, now],
        )
    }

    pub fn close_pin_requests(&self, provider_id: &ProviderId) -> Result<usize> {
        let n = self.db().execute(
            "UPDATE pin_requests SET status = 'reissued' WHERE provider_id = ?1 AND status = 'open'",
            params![provider_id],
        )?;
        Ok(n as usize)
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ProviderListRow {
    pub provider_id: ProviderId,
    pub npi: Npi,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub tax_id: Option<TaxId>,
    pub enrolled_on: NaiveDate,
    pub site_admin: Option<String>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct PinRequestRow {
    pub request_id: String,
    pub provider_id: ProviderId,
    pub name: String,
    pub npi: Npi,
    pub mail_to: String,
    pub requested_on: NaiveDate,
    pub status: String,
}

impl Tx<'_> {
    pub fn providers_all(&self) -> Result<Vec<ProviderListRow>> {
        self.db().query(
            "SELECT p.provider_id, p.npi, p.name, p.type, p.tax_id, p.enrolled_on,
                    (SELECT u.user_name FROM memberships m JOIN users u ON u.id = m.user_id
                      WHERE m.provider_id = p.provider_id AND m.kind = 'site_admin' AND m.status = 'active')
             FROM providers p ORDER BY p.provider_id",
            params![],
            |r| {
                Ok(ProviderListRow {
                    provider_id: r.get(0)?,
                    npi: r.get(1)?,
                    name: r.get(2)?,
                    kind: r.get(3)?,
                    tax_id: r.get(4)?,
                    enrolled_on: r.get(5)?,
                    site_admin: r.get(6)?,
                })
            },
        )
    }

    pub fn pin_requests_all(&self) -> Result<Vec<PinRequestRow>> {
        self.db().query(
            "SELECT id, provider_id, name, npi, mail_to, requested_on, status
             FROM pin_requests ORDER BY status = 'open' DESC, id",
            params![],
            |r| {
                Ok(PinRequestRow {
                    request_id: format!("PINREQ-{:06}", r.get::<i64>(0)?),
                    provider_id: r.get(1)?,
                    name: r.get(2)?,
                    npi: r.get(3)?,
                    mail_to: r.get(4)?,
                    requested_on: r.get(5)?,
                    status: r.get(6)?,
                })
            },
        )
    }
}
