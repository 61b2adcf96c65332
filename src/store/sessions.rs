//! Sessions (from `mmis login`) and API tokens (from `mmis token create`): only hashes are stored.

use super::Tx;
use crate::domain::roles::{self, Role};
use crate::error::Result;
use rusqlite::{OptionalExtension, Row};

#[derive(Debug, Clone)]
pub struct SessionRow {
    pub id: i64,
    pub user_id: i64,
    pub provider_id: Option<String>,
    pub created_at: String,
    pub last_seen_at: String,
    pub ended_at: Option<String>,
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
    pub provider_id: String,
    pub roles: Vec<Role>,
    /// Made with `token create --admin`: may run the site administrator's own commands.
    pub admin: bool,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub revoked_at: Option<String>,
    pub last_used_at: Option<String>,
}

fn token_row(r: &Row<'_>) -> rusqlite::Result<TokenRow> {
    Ok(TokenRow {
        id: r.get(0)?,
        name: r.get(1)?,
        user_id: r.get(2)?,
        provider_id: r.get(3)?,
        roles: roles::decode(&r.get::<_, String>(4)?),
        created_at: r.get(5)?,
        expires_at: r.get(6)?,
        revoked_at: r.get(7)?,
        last_used_at: r.get(8)?,
        admin: r.get::<_, i64>(9)? != 0,
    })
}

const TCOLS: &str =
    "id, name, user_id, provider_id, roles, created_at, expires_at, revoked_at, last_used_at, admin";

impl Tx<'_> {
    pub fn insert_session(
        &self,
        token_hash: &str,
        user_id: i64,
        provider_id: Option<&str>,
        now: &str,
    ) -> Result<i64> {
        self.conn()
            .execute(
                "INSERT INTO sessions(token_hash, user_id, provider_id, created_at, last_seen_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                rusqlite::params![token_hash, user_id, provider_id, now],
            )
            .map_err(self.err())?;
        Ok(self.conn().last_insert_rowid())
    }

    /// Fixes a new session's idle and absolute limits (seconds), in the sign-in's transaction.
    pub fn set_session_limits(&self, id: i64, idle_secs: i64, absolute_secs: i64) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE sessions SET idle_secs = ?2, absolute_secs = ?3 WHERE id = ?1",
                rusqlite::params![id, idle_secs, absolute_secs],
            )
            .map_err(self.err())?;
        Ok(())
    }

    pub fn session_by_hash(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        self.session_where("token_hash = ?1", token_hash)
    }

    pub fn session_by_id(&self, id: i64) -> Result<Option<SessionRow>> {
        self.session_where("id = ?1", id)
    }

    /// The one session matching `filter` (a `WHERE` clause over `?1`).
    fn session_where(&self, filter: &str, key: impl rusqlite::ToSql) -> Result<Option<SessionRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT id, user_id, provider_id, created_at, last_seen_at, ended_at,
                        idle_secs, absolute_secs
                 FROM sessions WHERE {filter}"
            ))
            .and_then(|mut s| {
                s.query_row([key], |r| {
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
                })
                .optional()
            })
            .map_err(self.err())
    }

    pub fn token_by_id(&self, id: i64) -> Result<Option<TokenRow>> {
        self.conn()
            .prepare_cached(&format!("SELECT {TCOLS} FROM api_tokens WHERE id = ?1"))
            .and_then(|mut s| s.query_row([id], token_row).optional())
            .map_err(self.err())
    }

    pub fn touch_session(&self, id: i64, now: &str) -> Result<()> {
        self.conn()
            .prepare_cached("UPDATE sessions SET last_seen_at = ?2 WHERE id = ?1")
            .and_then(|mut s| s.execute(rusqlite::params![id, now]))
            .map_err(self.err())?;
        Ok(())
    }

    pub fn set_session_provider(&self, id: i64, provider_id: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE sessions SET provider_id = ?2 WHERE id = ?1",
                rusqlite::params![id, provider_id],
            )
            .map_err(self.err())?;
        Ok(())
    }

    pub fn end_session(&self, id: i64, now: &str, reason: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE sessions SET ended_at = ?2, end_reason = ?3 WHERE id = ?1 AND ended_at IS NULL",
                rusqlite::params![id, now, reason],
            )
            .map_err(self.err())?;
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
        self.conn()
            .execute(
                "UPDATE sessions SET ended_at = ?3, end_reason = ?4
                 WHERE user_id = ?1 AND ended_at IS NULL AND (?2 IS NULL OR id <> ?2)",
                rusqlite::params![user_id, except, now, reason],
            )
            .map_err(self.err())
    }

    /// Ends the open sessions of a user that are working on one provider.
    pub fn end_provider_sessions(
        &self,
        user_id: i64,
        provider_id: &str,
        now: &str,
        reason: &str,
    ) -> Result<usize> {
        self.conn()
            .execute(
                "UPDATE sessions SET ended_at = ?3, end_reason = ?4
                 WHERE user_id = ?1 AND provider_id = ?2 AND ended_at IS NULL",
                rusqlite::params![user_id, provider_id, now, reason],
            )
            .map_err(self.err())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_token(
        &self,
        token_hash: &str,
        name: &str,
        user_id: i64,
        provider_id: &str,
        roles: &[Role],
        admin: bool,
        now: &str,
        expires_at: Option<&str>,
    ) -> Result<i64> {
        self.conn()
            .execute(
                "INSERT INTO api_tokens(token_hash, name, user_id, provider_id, roles, admin, created_at, expires_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                rusqlite::params![
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
            .map_err(self.err())?;
        Ok(self.conn().last_insert_rowid())
    }

    pub fn token_by_hash(&self, token_hash: &str) -> Result<Option<TokenRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {TCOLS} FROM api_tokens WHERE token_hash = ?1"
            ))
            .and_then(|mut s| s.query_row([token_hash], token_row).optional())
            .map_err(self.err())
    }

    pub fn live_token_by_name(
        &self,
        user_id: i64,
        provider_id: &str,
        name: &str,
    ) -> Result<Option<TokenRow>> {
        self.conn()
            .prepare_cached(&format!(
                "SELECT {TCOLS} FROM api_tokens
                 WHERE user_id = ?1 AND provider_id = ?2 AND name = ?3 AND revoked_at IS NULL"
            ))
            .and_then(|mut s| {
                s.query_row(rusqlite::params![user_id, provider_id, name], token_row)
                    .optional()
            })
            .map_err(self.err())
    }

    /// A user's tokens for a provider that have not been revoked, by name.
    pub fn tokens_of(&self, user_id: i64, provider_id: &str) -> Result<Vec<TokenRow>> {
        let mut s = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {TCOLS} FROM api_tokens
                 WHERE user_id = ?1 AND provider_id = ?2 AND revoked_at IS NULL ORDER BY name"
            ))
            .map_err(self.err())?;
        let rows = s
            .query_map(rusqlite::params![user_id, provider_id], token_row)
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }

    pub fn revoke_token(&self, id: i64, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE api_tokens SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL",
                rusqlite::params![id, now],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Revokes every live token a user holds for a provider (clerk removed).
    pub fn revoke_provider_tokens(
        &self,
        user_id: i64,
        provider_id: &str,
        now: &str,
    ) -> Result<usize> {
        self.conn()
            .execute(
                "UPDATE api_tokens SET revoked_at = ?3
                 WHERE user_id = ?1 AND provider_id = ?2 AND revoked_at IS NULL",
                rusqlite::params![user_id, provider_id, now],
            )
            .map_err(self.err())
    }
}
