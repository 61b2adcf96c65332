//! Sessions (from `mmis login`) and API tokens (from `mmis token create`): only hashes are stored.

use super::db::{Param, Row, RowResult};
use super::Tx;
use crate::domain::ids::ProviderId;
use crate::domain::roles::{self, Role};
use crate::error::Result;
use crate::params;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub provider_id: Option<ProviderId>,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    /// The idle limit fixed at sign-in, in seconds (NULL for sessions from before it was kept).
    pub idle_secs: Option<i64>,
    /// The absolute limit fixed at sign-in, in seconds.
    pub absolute_secs: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: i64,
    pub name: String,
    pub user_id: i64,
    pub provider_id: ProviderId,
    pub roles: Vec<Role>,
    /// Made with `token create --admin`: may run the site administrator's own commands.
    pub admin: bool,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
}

fn token_row(r: &Row<'_>) -> RowResult<TokenRow> {
    Ok(TokenRow {
        id: r.get(0)?,
        name: r.get(1)?,
        user_id: r.get(2)?,
        provider_id: r.get(3)?,
        roles: roles::decode(&r.get::<String>(4)?),
        created_at: r.get(5)?,
        expires_at: r.get(6)?,
        revoked_at: r.get(7)?,
        last_used_at: r.get(8)?,
        admin: r.get::<i64>(9)? != 0,
    })
}

const TCOLS: &str =
    "id, name, user_id, provider_id, roles, created_at, expires_at, revoked_at, last_used_at, admin";

impl Tx<'_> {
    pub fn insert_session(
        &self,
        token_hash: &str,
        user_id: i64,
        provider_id: Option<&ProviderId>,
        now: &str,
    ) -> Result<i64> {
        self.db().value(
            "INSERT INTO sessions(token_hash, user_id, provider_id, created_at, last_seen_at)
             VALUES (?1, ?2, ?3, ?4, ?4) RETURNING id",
            params![token_hash, user_id, provider_id, now],
        )
    }

    /// Fixes a new session's idle and absolute limits (seconds), in the sign-in's transaction.
    pub fn set_session_limits(&self, id: i64, idle_secs: i64, absolute_secs: i64) -> Result<()> {
        self.db().execute(
            "UPDATE sessions SET idle_secs = ?2, absolute_secs = ?3 WHERE id = ?1",
            params![id, idle_secs, absolute_secs],
        )?;
        Ok(())
    }

    pub fn session_by_hash(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        self.session_where("token_hash = ?1", &token_hash)
    }

    pub fn session_by_id(&self, id: i64) -> Result<Option<SessionRow>> {
        self.session_where("id = ?1", &id)
    }

    /// The one session matching `filter` (a `WHERE` clause over `?1`).
    fn session_where(&self, filter: &str, key: &dyn Param) -> Result<Option<SessionRow>> {
        self.db().query_opt(
            &format!(
                "SELECT id, user_id, provider_id, created_at, last_seen_at, ended_at,
                        idle_secs, absolute_secs
                 FROM sessions WHERE {filter}"
            ),
            &[key],
            |r| {
                Ok(SessionRow {
                    id: r.get(0)?,
                    user_id: r.get(1)?,
                    provider_id: r.get(2)?,
                    created_at: r.get(3)?,
                    last_seen_at: r.get(4)?,
                    ended_at: r.get(5)?,
                    idle_secs: r.get(6)?,
                    absolute_secs: r.get(7)?,
                })
            },
        )
    }

    pub fn token_by_id(&self, id: i64) -> Result<Option<TokenRow>> {
        self.db().query_opt(
            &format!("SELECT {TCOLS} FROM api_tokens WHERE id = ?1"),
            params![id],
            token_row,
        )
    }

    pub fn touch_session(&self, id: i64, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1",
            params![id, now],
        )?;
        Ok(())
    }

    pub fn set_session_provider(&self, id: i64, provider_id: &ProviderId) -> Result<()> {
        self.db().execute(
            "UPDATE sessions SET provider_id = ?2 WHERE id = ?1",
            params![id, provider_id],
        )?;
        Ok(())
    }

    pub fn end_session(&self, id: i64, now: &str, reason: &str) -> Result<()> {
        self.db().execute(
            "UPDATE sessions SET ended_at = ?2, end_reason = ?3 WHERE id = ?1 AND ended_at IS NULL",
            params![id, now, reason],
        )?;
        Ok(())
    }

    /// Ends every open session of a user (optionally sparing one); returns how many.
    pub fn end_user_sessions(
        &self,
        user_id: i64,
        except: Option<i64>,
        now: &str,
        reason: &str,
    ) -> Result<usize> {
        let n = self.db().execute(
            "UPDATE sessions SET ended_at = ?3, end_reason = ?4
             WHERE user_id = ?1 AND ended_at IS NULL AND (CAST(?2 AS BIGINT) IS NULL OR id <> ?2)",
            params![user_id, except, now, reason],
        )?;
        Ok(n as usize)
    }

    /// Ends the open sessions of a user that are working on one provider.
    pub fn end_provider_sessions(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
        now: &str,
        reason: &str,
    ) -> Result<usize> {
        let n = self.db().execute(
            "UPDATE sessions SET ended_at = ?3, end_reason = ?4
             WHERE user_id = ?1 AND provider_id = ?2 AND ended_at IS NULL",
            params![user_id, provider_id, now, reason],
        )?;
        Ok(n as usize)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_token(
        &self,
        token_hash: &str,
        name: &str,
        user_id: i64,
        provider_id: &ProviderId,
        roles: &[Role],
        admin: bool,
        now: &str,
        expires_at: Option<&str>,
    ) -> Result<i64> {
        self.db().value(
            "INSERT INTO api_tokens(token_hash, name, user_id, provider_id, roles, admin, created_at, expires_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING id",
            params![
                token_hash,
                name,
                user_id,
                provider_id,
                roles::encode(roles),
                i64::from(admin),
                now,
                expires_at
            ],
        )
    }

    pub fn token_by_hash(&self, token_hash: &str) -> Result<Option<TokenRow>> {
        self.db().query_opt(
            &format!("SELECT {TCOLS} FROM api_tokens WHERE token_hash = ?1"),
            params![token_hash],
            token_row,
        )
    }

    pub fn live_token_by_name(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
        name: &str,
    ) -> Result<Option<TokenRow>> {
        self.db().query_opt(
            &format!(
                "SELECT {TCOLS} FROM api_tokens
                 WHERE user_id = ?1 AND provider_id = ?2 AND name = ?3 AND revoked_at IS NULL"
            ),
            params![user_id, provider_id, name],
            token_row,
        )
    }

    /// A user's tokens for a provider that have not been revoked, by name.
    pub fn tokens_of(&self, user_id: i64, provider_id: &ProviderId) -> Result<Vec<TokenRow>> {
        let mut rows = self.db().query(
            &format!(
                "SELECT {TCOLS} FROM api_tokens
                 WHERE user_id = ?1 AND provider_id = ?2 AND revoked_at IS NULL ORDER BY id"
            ),
            params![user_id, provider_id],
            token_row,
        )?;
        // By name in byte order (SQLite's BINARY), whatever the server's collation.
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(rows)
    }

    pub fn revoke_token(&self, id: i64, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
            params![id, now],
        )?;
        Ok(())
    }

    /// Revokes every live token a user holds for a provider (clerk removed).
    pub fn revoke_provider_tokens(
        &self,
        user_id: i64,
        provider_id: &ProviderId,
        now: &str,
    ) -> Result<usize> {
        let n = self.db().execute(
            "UPDATE api_tokens SET revoked_at = ?3
             WHERE user_id = ?1 AND provider_id = ?2 AND revoked_at IS NULL",
            params![user_id, provider_id, now],
        )?;
        Ok(n as usize)
    }
}
