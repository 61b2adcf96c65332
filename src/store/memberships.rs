//! Memberships: who is site administrator or clerk of which provider, with which roles.

use super::db::{Row, RowResult};
use super::Tx;
use crate::domain::ids::ProviderId;
use crate::domain::roles::{self, Role};
use crate::error::Result;
use crate::params;

#[derive(Debug, Clone)]
pub struct MembershipRow {
    pub id: i64,
    pub user_id: i64,
    pub user_name: String,
    pub provider_id: ProviderId,
    pub kind: String,
    pub roles: Vec<Role>,
    pub status: String,
    pub created_at: String,
    pub removed_at: Option<String>,
}

impl MembershipRow {
    pub fn is_site_admin(&self) -> bool {
        self.kind == "site_admin"
    }
    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
    /// The roles this membership carries: all of them for the site administrator.
    pub fn effective_roles(&self) -> Vec<Role> {
        if self.is_site_admin() {
            Role::ALL.to_vec()
        } else {
            self.roles.clone()
        }
    }
}

const COLS: &str = "m.id, m.user_id, u.user_name, m.provider_id, m.kind, m.roles, m.status,
    m.created_at, m.removed_at";

fn row(r: &Row<'_>) -> RowResult<MembershipRow> {
    Ok(MembershipRow {
        id: r.get(0)?,
        user_id: r.get(1)?,
        user_name: r.get(2)?,
        provider_id: r.get(3)?,
        kind: r.get(4)?,
        roles: roles::decode(&r.get::<String>(5)?),
        status: r.get(6)?,
        created_at: r.get(7)?,
        removed_at: r.get(8)?,
    })
}

impl Tx<'_> {
    pub fn membership(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
    ) -> Result<Option<MembershipRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {COLS} FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.user_id = ?1 AND m.provider_id = ?2"
            ),
            params![user_id, provider_id],
            row,
        )
    }

    /// Every membership of a user, active first, by provider.
    pub fn memberships_of_user(&self, user_id: i64) -> Result<Vec<MembershipRow>> {
        self.db().query(
            &format!(
                "SELECT {COLS} FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.user_id = ?1 ORDER BY m.status = 'active' DESC, m.id"
            ),
            params![user_id],
            row,
        )
    }

    /// Every membership under a provider, by user name (any case).
    pub fn memberships_of_provider(&self, provider_id: &ProviderId) -> Result<Vec<MembershipRow>> {
        self.db().query(
            &format!(
                "SELECT {COLS} FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.provider_id = ?1 ORDER BY lower(u.user_name)"
            ),
            params![provider_id],
            row,
        )
    }

    pub fn site_admin_of(&self, provider_id: &ProviderId) -> Result<Option<MembershipRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {COLS} FROM memberships m JOIN users u ON u.id = m.user_id
                 WHERE m.provider_id = ?1 AND m.kind = 'site_admin' AND m.status = 'active'"
            ),
            params![provider_id],
            row,
        )
    }

    /// Creates or re-activates a membership.
    pub fn upsert_membership(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
        kind: &str,
        roles: &[Role],
        now: &str,
    ) -> Result<()> {
        self.db().execute(
            "INSERT INTO memberships(user_id, provider_id, kind, roles, status, created_at)
             VALUES (?1, ?2, ?3, ?4, 'active', ?5)
             ON CONFLICT(user_id, provider_id) DO UPDATE SET
                kind = excluded.kind, roles = excluded.roles, status = 'active', removed_at = NULL",
            params![user_id, provider_id, kind, roles::encode(roles), now],
        )?;
        Ok(())
    }

    pub fn set_membership_roles(&self, membership_id: i64, roles: &[Role]) -> Result<()> {
        self.db().execute(
            "UPDATE memberships SET roles = ?2 WHERE id = ?1",
            params![membership_id, roles::encode(roles)],
        )?;
        Ok(())
    }

    pub fn remove_membership(&self, membership_id: i64, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE memberships SET status = 'removed', removed_at = ?2 WHERE id = ?1",
            params![membership_id, now],
        )?;
        Ok(())
    }

    /// Turns a site administrator's membership into a removed one (administrator transfer).
    pub fn set_membership_kind(&self, membership_id: i64, kind: &str) -> Result<()> {
        self.db().execute(
            "UPDATE memberships SET kind = ?2 WHERE id = ?1",
            params![membership_id, kind],
        )?;
        Ok(())
    }
}

impl Tx<'_> {
    /// User names of the provider's members starting with `prefix` (any case), in order, at
    /// most `limit` (completion): its active clerks only, or everyone who ever had access.
    pub fn member_names_starting(
        &self,
        provider_id: &ProviderId,
        active_clerks_only: bool,
        prefix: &str,
        limit: i64,
    ) -> Result<Vec<String>> {
        self.db().query(
            "SELECT u.user_name FROM memberships m JOIN users u ON u.id = m.user_id
             WHERE m.provider_id = ?1
               AND (?2 = 0 OR (m.kind = 'clerk' AND m.status = 'active'))
               AND lower(u.user_name) LIKE lower(?3) ESCAPE '\\'
             ORDER BY lower(u.user_name) LIMIT ?4",
            params![
                provider_id,
                active_clerks_only,
                super::like_prefix(prefix),
                limit
            ],
            |r| r.get(0),
        )
    }
}
