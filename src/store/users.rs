//! Users: portal logins (the operator, site administrators, clerks).

use super::Tx;
use crate::error::Result;
use rusqlite::{OptionalExtension, Row};

#[derive(Debug, Clone)]
pub struct UserRow {
    pub id: i64,
    pub user_name: String,
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
    pub is_operator: bool,
    pub password_hash: Option<String>,
    pub secret_question_1: Option<String>,
    pub secret_answer_1: Option<String>,
    pub secret_question_2: Option<String>,
    pub secret_answer_2: Option<String>,
    pub failed_logins: i64,
    /// Wrong secret answers since the last unlock or reset.
    pub failed_answers: i64,
    /// When the user was locked (RFC 3339).
    pub locked_at: Option<String>,
    /// Locked by wrong secret answers: the password reset stays closed until an unlock.
    pub locked_by_answers: bool,
    pub created_at: String,
    pub last_login_at: Option<String>,
}

pub struct NewUser<'a> {
    pub user_name: &'a str,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub is_operator: bool,
    pub created_at: &'a str,
}

const COLS: &str = "id, user_name, first_name, last_name, phone, email, is_operator, password_hash,
    secret_question_1, secret_answer_1, secret_question_2, secret_answer_2, failed_logins,
    locked_at, created_at, last_login_at, failed_answers, lock_reason";

/// `lock_reason` of a lock reached through wrong secret answers.
const ANSWERS_LOCK: &str = "secret-answers";

fn row(r: &Row<'_>) -> rusqlite::Result<UserRow> {
    let reason: Option<String> = r.get(17)?;
    Ok(UserRow {
        id: r.get(0)?,
        user_name: r.get(1)?,
        first_name: r.get(2)?,
        last_name: r.get(3)?,
        phone: r.get(4)?,
        email: r.get(5)?,
        is_operator: r.get::<_, i64>(6)? != 0,
        password_hash: r.get(7)?,
        secret_question_1: r.get(8)?,
        secret_answer_1: r.get(9)?,
        secret_question_2: r.get(10)?,
        secret_answer_2: r.get(11)?,
        failed_logins: r.get(12)?,
        failed_answers: r.get(16)?,
        locked_at: r.get(13)?,
        locked_by_answers: reason.as_deref() == Some(ANSWERS_LOCK),
        created_at: r.get(14)?,
        last_login_at: r.get(15)?,
    })
}

/// Secret questions and answers (answers as argon2id PHC strings).
pub struct Secrets<'a> {
    pub question_1: &'a str,
    pub answer_1_hash: &'a str,
    pub question_2: Option<&'a str>,
    pub answer_2_hash: Option<&'a str>,
}

impl Tx<'_> {
    pub fn user_by_name(&self, user_name: &str) -> Result<Option<UserRow>> {
        self.conn()
            .prepare_cached(&format!("SELECT {COLS} FROM users WHERE user_name = ?1"))
            .and_then(|mut s| s.query_row([user_name], row).optional())
            .map_err(self.err())
    }

    pub fn user_by_id(&self, id: i64) -> Result<Option<UserRow>> {
        self.conn()
            .prepare_cached(&format!("SELECT {COLS} FROM users WHERE id = ?1"))
            .and_then(|mut s| s.query_row([id], row).optional())
            .map_err(self.err())
    }

    pub fn operator_exists(&self) -> Result<bool> {
        self.conn()
            .query_row(
                "SELECT EXISTS(SELECT 1 FROM users WHERE is_operator = 1)",
                [],
                |r| r.get(0),
            )
            .map_err(self.err())
    }

    pub fn insert_user(&self, u: &NewUser<'_>) -> Result<i64> {
        self.conn()
            .execute(
                "INSERT INTO users(user_name, first_name, last_name, phone, email, is_operator, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                rusqlite::params![
                    u.user_name,
                    u.first_name,
                    u.last_name,
                    u.phone,
                    u.email,
                    i64::from(u.is_operator),
                    u.created_at
                ],
            )
            .map_err(self.err())?;
        Ok(self.conn().last_insert_rowid())
    }

    pub fn update_contact(
        &self,
        user_id: i64,
        first: &str,
        last: &str,
        phone: &str,
        email: &str,
    ) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET first_name = ?2, last_name = ?3, phone = ?4, email = ?5 WHERE id = ?1",
                rusqlite::params![user_id, first, last, phone, email],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Sets the password hash and records it in the history.
    pub fn set_password(&self, user_id: i64, hash: &str, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1",
                rusqlite::params![user_id, hash, now],
            )
            .map_err(self.err())?;
        self.conn()
            .execute(
                "INSERT INTO password_history(user_id, hash, created_at) VALUES (?1, ?2, ?3)",
                rusqlite::params![user_id, hash, now],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Replaces the stored hash without touching the history (rehash on login).
    pub fn rehash_password(&self, user_id: i64, old: &str, new: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET password_hash = ?2 WHERE id = ?1",
                rusqlite::params![user_id, new],
            )
            .map_err(self.err())?;
        self.conn()
            .execute(
                "UPDATE password_history SET hash = ?3 WHERE user_id = ?1 AND hash = ?2",
                rusqlite::params![user_id, old, new],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// The most recent password hashes, newest first.
    pub fn password_history(&self, user_id: i64, depth: usize) -> Result<Vec<String>> {
        let mut s = self
            .conn()
            .prepare_cached(
                "SELECT hash FROM password_history WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2",
            )
            .map_err(self.err())?;
        let rows = s
            .query_map(rusqlite::params![user_id, depth as i64], |r| r.get(0))
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
            .map_err(self.err())
    }

    pub fn set_secrets(&self, user_id: i64, s: &Secrets<'_>, agreed_at: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET secret_question_1 = ?2, secret_answer_1 = ?3,
                    secret_question_2 = ?4, secret_answer_2 = ?5, agreed_at = ?6 WHERE id = ?1",
                rusqlite::params![
                    user_id,
                    s.question_1,
                    s.answer_1_hash,
                    s.question_2,
                    s.answer_2_hash,
                    agreed_at
                ],
            )
            .map_err(self.err())?;
        Ok(())
    }

    pub fn set_secret_answer_hash(&self, user_id: i64, which: u8, hash: &str) -> Result<()> {
        let col = if which == 1 {
            "secret_answer_1"
        } else {
            "secret_answer_2"
        };
        self.conn()
            .execute(
                &format!("UPDATE users SET {col} = ?2 WHERE id = ?1"),
                rusqlite::params![user_id, hash],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Counts a failed sign-in; returns the new count.
    pub fn record_failed_login(&self, user_id: i64) -> Result<i64> {
        self.conn()
            .query_row(
                "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
                [user_id],
                |r| r.get(0),
            )
            .map_err(self.err())
    }

    pub fn lock_user(&self, user_id: i64, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET locked_at = ?2, lock_reason = 'sign-ins' WHERE id = ?1 AND locked_at IS NULL",
                rusqlite::params![user_id, now],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Counts a wrong secret answer (it counts as a failed sign-in too); returns the number of
    /// wrong answers since the last unlock or reset.
    pub fn record_failed_answer(&self, user_id: i64) -> Result<i64> {
        self.conn()
            .query_row(
                "UPDATE users SET failed_logins = failed_logins + 1, failed_answers = failed_answers + 1
                 WHERE id = ?1 RETURNING failed_answers",
                [user_id],
                |r| r.get(0),
            )
            .map_err(self.err())
    }

    /// Locks the user for wrong secret answers (keeping the time of an earlier lock): sign-in
    /// and the password reset both stay closed until an administrator or the agency unlocks.
    pub fn lock_user_for_answers(&self, user_id: i64, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET locked_at = COALESCE(locked_at, ?2), lock_reason = ?3 WHERE id = ?1",
                rusqlite::params![user_id, now, ANSWERS_LOCK],
            )
            .map_err(self.err())?;
        Ok(())
    }

    pub fn unlock_user(&self, user_id: i64) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET locked_at = NULL, lock_reason = NULL, failed_logins = 0, failed_answers = 0
                 WHERE id = ?1",
                [user_id],
            )
            .map_err(self.err())?;
        Ok(())
    }

    pub fn record_login(&self, user_id: i64, now: &str) -> Result<()> {
        self.conn()
            .execute(
                "UPDATE users SET failed_logins = 0, last_login_at = ?2 WHERE id = ?1",
                rusqlite::params![user_id, now],
            )
            .map_err(self.err())?;
        Ok(())
    }

    /// Users whose user name, first or last name contain the given text (case-insensitive).
    pub fn search_users(
        &self,
        user_name: Option<&str>,
        first: Option<&str>,
        last: Option<&str>,
    ) -> Result<Vec<UserRow>> {
        let like = |s: Option<&str>| {
            s.map(|v| {
                format!(
                    "%{}%",
                    v.replace('\\', "\\\\")
                        .replace('%', "\\%")
                        .replace('_', "\\_")
                )
            })
        };
        let mut s = self
            .conn()
            .prepare_cached(&format!(
                "SELECT {COLS} FROM users WHERE is_operator = 0
                   AND (?1 IS NULL OR user_name LIKE ?1 ESCAPE '\\')
                   AND (?2 IS NULL OR first_name LIKE ?2 ESCAPE '\\')
                   AND (?3 IS NULL OR last_name LIKE ?3 ESCAPE '\\')
                 ORDER BY user_name LIMIT 200"
            ))
            .map_err(self.err())?;
        let rows = s
            .query_map(
                rusqlite::params![like(user_name), like(first), like(last)],
                row,
            )
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }
}

impl Tx<'_> {
    /// Every user name starting with `prefix` (any case), in order, at most `limit`
    /// (completion, for the agency).
    pub fn user_names_starting(&self, prefix: &str, limit: i64) -> Result<Vec<String>> {
        let mut s = self
            .conn()
            .prepare_cached(
                "SELECT user_name FROM users WHERE user_name LIKE ?1 ESCAPE '\\'
                 ORDER BY user_name LIMIT ?2",
            )
            .map_err(self.err())?;
        let rows = s
            .query_map(rusqlite::params![super::like_prefix(prefix), limit], |r| {
                r.get(0)
            })
            .map_err(self.err())?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())
    }
}
