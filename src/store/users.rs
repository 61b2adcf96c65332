//! Users: portal logins (the operator, site administrators, clerks).

use super::db::{Row, RowResult};
use super::Tx;
use crate::error::{Error, Result};
use crate::params;

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

fn row(r: &Row<'_>) -> RowResult<UserRow> {
    let reason: Option<String> = r.get(17)?;
    Ok(UserRow {
        id: r.get(0)?,
        user_name: r.get(1)?,
        first_name: r.get(2)?,
        last_name: r.get(3)?,
        phone: r.get(4)?,
        email: r.get(5)?,
        is_operator: r.get::<i64>(6)? != 0,
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
    /// The user with this name, in any case (user names are unique regardless of case).
    pub fn user_by_name(&self, user_name: &str) -> Result<Option<UserRow>> {
        self.db().query_opt(
            &format!("SELECT {COLS} FROM users WHERE lower(user_name) = lower(?1)"),
            params![user_name],
            row,
        )
    }

    pub fn user_by_id(&self, id: i64) -> Result<Option<UserRow>> {
        self.db().query_opt(
            &format!("SELECT {COLS} FROM users WHERE id = ?1"),
            params![id],
            row,
        )
    }

    pub fn operator_exists(&self) -> Result<bool> {
        self.db().value(
            "SELECT EXISTS(SELECT 1 FROM users WHERE is_operator = 1)",
            params![],
        )
    }

    /// Adds a user; a name already taken in any case is a conflict (exit 7) on both backends
    /// (commands look the name up first; this catches what slips past that check).
    pub fn insert_user(&self, u: &NewUser<'_>) -> Result<i64> {
        let id: Option<i64> = self.db().query_opt(
            "INSERT INTO users(user_name, first_name, last_name, phone, email, is_operator, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT DO NOTHING
             RETURNING id",
            params![
                u.user_name,
                u.first_name,
                u.last_name,
                u.phone,
                u.email,
                i64::from(u.is_operator),
                u.created_at
            ],
            |r| r.get(0),
        )?;
        match id {
            Some(id) => Ok(id),
            None if self.user_by_name(u.user_name)?.is_some() => Err(Error::conflict(format!(
                "the user name {} is taken",
                u.user_name
            ))
            .hint("choose another user name (user names are compared regardless of case)")),
            None => Err(Error::internal(
                "store error: a new user's row was refused (its id is already in use)",
            )),
        }
    }

    pub fn update_contact(
        &self,
        user_id: i64,
        first: &str,
        last: &str,
        phone: &str,
        email: &str,
    ) -> Result<()> {
        self.db().execute(
            "UPDATE users SET first_name = ?2, last_name = ?3, phone = ?4, email = ?5 WHERE id = ?1",
            params![user_id, first, last, phone, email],
        )?;
        Ok(())
    }

    /// Sets the password hash and records it in the history.
    pub fn set_password(&self, user_id: i64, hash: &str, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE users SET password_hash = ?2, password_changed_at = ?3 WHERE id = ?1",
            params![user_id, hash, now],
        )?;
        self.db().execute(
            "INSERT INTO password_history(user_id, hash, created_at) VALUES (?1, ?2, ?3)",
            params![user_id, hash, now],
        )?;
        Ok(())
    }

    /// Replaces the stored hash without touching the history (rehash on login).
    pub fn rehash_password(&self, user_id: i64, old: &str, new: &str) -> Result<()> {
        self.db().execute(
            "UPDATE users SET password_hash = ?2 WHERE id = ?1",
            params![user_id, new],
        )?;
        self.db().execute(
            "UPDATE password_history SET hash = ?3 WHERE user_id = ?1 AND hash = ?2",
            params![user_id, old, new],
        )?;
        Ok(())
    }

    /// The most recent password hashes, newest first.
    pub fn password_history(&self, user_id: i64, depth: usize) -> Result<Vec<String>> {
        self.db().query(
            "SELECT hash FROM password_history WHERE user_id = ?1 ORDER BY id DESC LIMIT ?2",
            params![user_id, depth as i64],
            |r| r.get(0),
        )
    }

    pub fn set_secrets(&self, user_id: i64, s: &Secrets<'_>, agreed_at: &str) -> Result<()> {
        self.db().execute(
            "UPDATE users SET secret_question_1 = ?2, secret_answer_1 = ?3,
                secret_question_2 = ?4, secret_answer_2 = ?5, agreed_at = ?6 WHERE id = ?1",
            params![
                user_id,
                s.question_1,
                s.answer_1_hash,
                s.question_2,
                s.answer_2_hash,
                agreed_at
            ],
        )?;
        Ok(())
    }

    pub fn set_secret_answer_hash(&self, user_id: i64, which: u8, hash: &str) -> Result<()> {
        let col = if which == 1 {
            "secret_answer_1"
        } else {
            "secret_answer_2"
        };
        self.db().execute(
            &format!("UPDATE users SET {col} = ?2 WHERE id = ?1"),
            params![user_id, hash],
        )?;
        Ok(())
    }

    /// Counts a failed sign-in; returns the new count.
    pub fn record_failed_login(&self, user_id: i64) -> Result<i64> {
        self.db().value(
            "UPDATE users SET failed_logins = failed_logins + 1 WHERE id = ?1 RETURNING failed_logins",
            params![user_id],
        )
    }

    pub fn lock_user(&self, user_id: i64, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE users SET locked_at = ?2, lock_reason = 'sign-ins' WHERE id = ?1 AND locked_at IS NULL",
            params![user_id, now],
        )?;
        Ok(())
    }

    /// Counts a wrong secret answer (it counts as a failed sign-in too); returns the number of
    /// wrong answers since the last unlock or reset.
    pub fn record_failed_answer(&self, user_id: i64) -> Result<i64> {
        self.db().value(
            "UPDATE users SET failed_logins = failed_logins + 1, failed_answers = failed_answers + 1
             WHERE id = ?1 RETURNING failed_answers",
            params![user_id],
        )
    }

    /// Locks the user for wrong secret answers (keeping the time of an earlier lock): sign-in
    /// and the password reset both stay closed until an administrator or the agency unlocks.
    pub fn lock_user_for_answers(&self, user_id: i64, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE users SET locked_at = COALESCE(locked_at, ?2), lock_reason = ?3 WHERE id = ?1",
            params![user_id, now, ANSWERS_LOCK],
        )?;
        Ok(())
    }

    pub fn unlock_user(&self, user_id: i64) -> Result<()> {
        self.db().execute(
            "UPDATE users SET locked_at = NULL, lock_reason = NULL, failed_logins = 0, failed_answers = 0
             WHERE id = ?1",
            params![user_id],
        )?;
        Ok(())
    }

    pub fn record_login(&self, user_id: i64, now: &str) -> Result<()> {
        self.db().execute(
            "UPDATE users SET failed_logins = 0, last_login_at = ?2 WHERE id = ?1",
            params![user_id, now],
        )?;
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
        self.db().query(
            &format!(
                "SELECT {COLS} FROM users WHERE is_operator = 0
                   AND (CAST(?1 AS TEXT) IS NULL OR lower(user_name) LIKE lower(?1) ESCAPE '\\')
                   AND (CAST(?2 AS TEXT) IS NULL OR lower(first_name) LIKE lower(?2) ESCAPE '\\')
                   AND (CAST(?3 AS TEXT) IS NULL OR lower(last_name) LIKE lower(?3) ESCAPE '\\')
                 ORDER BY lower(user_name) LIMIT 200"
            ),
            params![like(user_name), like(first), like(last)],
            row,
        )
    }
}

impl Tx<'_> {
    /// Every user name starting with `prefix` (any case), in order, at most `limit`
    /// (completion, for the agency).
    pub fn user_names_starting(&self, prefix: &str, limit: i64) -> Result<Vec<String>> {
        self.db().query(
            "SELECT user_name FROM users WHERE lower(user_name) LIKE lower(?1) ESCAPE '\\'
             ORDER BY lower(user_name) LIMIT ?2",
            params![super::like_prefix(prefix), limit],
            |r| r.get(0),
        )
    }
}
