//! Checks on a new password (policy, confirmation, history) and secret answers.

use super::hash;
use crate::domain::password;
use crate::domain::secret::Secret;
use crate::error::Result;
use crate::store::Tx;

/// Every problem with a proposed password, named for the form's fields.
pub fn new_password_problems(
    tx: &Tx<'_>,
    user_id: Option<i64>,
    user_name: &str,
    field: &str,
    new: Option<&Secret>,
    confirm_field: &str,
    confirm: Option<&Secret>,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let Some(new) = new else {
        out.push(format!("{field}: required"));
        return Ok(out);
    };
    for v in password::violations(new.expose(), user_name) {
        out.push(format!("{field}: {v}"));
    }
    match confirm {
        Some(c) if c.expose() != new.expose() => {
            out.push(format!("{confirm_field}: does not match {field}"))
        }
        None => out.push(format!(
            "{confirm_field}: required (type the password again)"
        )),
        _ => {}
    }
    if out.is_empty() {
        if let Some(id) = user_id {
            let history = tx.password_history(id, password::HISTORY_DEPTH)?;
            if history.iter().any(|h| hash::verify_secret(new.expose(), h)) {
                out.push(format!(
                    "{field}: it repeats one of your last {} passwords",
                    password::HISTORY_DEPTH
                ));
            }
        }
    }
    Ok(out)
}

/// Secret questions are compared as typed (case-sensitive), trimmed at the ends.
pub fn normalize_answer(answer: &str) -> String {
    answer.trim().to_string()
}
