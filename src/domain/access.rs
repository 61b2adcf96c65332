//! Access rules: clerk role changes, clerk status, invitations, administrator transfer requests.

use crate::domain::roles::{normalize, Role};
use crate::error::{Error, Result};
use chrono::NaiveDate;

/// An invitation code works until this many days after the business date it was issued.
pub const INVITE_VALID_DAYS: i64 = 14;

/// The last business date an invitation issued on `issued` can be accepted.
pub fn invite_expires(issued: NaiveDate) -> NaiveDate {
    issued + chrono::Duration::days(INVITE_VALID_DAYS)
}

/// A requested change to a clerk's roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RoleChange {
    pub grant: Vec<Role>,
    pub revoke: Vec<Role>,
    pub set: Option<Vec<Role>>,
}

impl RoleChange {
    pub fn is_empty(&self) -> bool {
        self.grant.is_empty() && self.revoke.is_empty() && self.set.is_none()
    }

    /// The roles after the change; a role both granted and revoked is an error.
    pub fn apply(&self, before: &[Role]) -> Result<Vec<Role>> {
        if let Some(set) = &self.set {
            return Ok(normalize(set.clone()));
        }
        let both: Vec<&str> = self
            .grant
            .iter()
            .filter(|r| self.revoke.contains(r))
            .map(|r| r.name())
            .collect();
        if !both.is_empty() {
            return Err(Error::invalid(format!(
                "{} cannot be both granted and revoked in one change",
                both.join(", ")
            )));
        }
        let mut after: Vec<Role> = before
            .iter()
            .copied()
            .filter(|r| !self.revoke.contains(r))
            .collect();
        after.extend(self.grant.iter().copied());
        Ok(normalize(after))
    }
}

/// Roles in `after` that `before` did not have.
pub fn added(before: &[Role], after: &[Role]) -> Vec<Role> {
    after
        .iter()
        .copied()
        .filter(|r| !before.contains(r))
        .collect()
}

/// The warning shown whenever Clerk Maintenance is about to be granted (seed 000).
pub fn clerk_maintenance_warning(user: &str) -> String {
    format!(
        "granting Clerk Maintenance lets {user} add, change and remove clerks; \
         the administrator role should stay in-house, not with a billing vendor"
    )
}

/// A clerk's standing as the access review shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClerkStatus {
    Active,
    Invited,
    Locked,
    Removed,
}

impl ClerkStatus {
    /// Removed wins over locked, locked over invited (no password yet).
    pub fn of(removed: bool, locked: bool, has_password: bool) -> ClerkStatus {
        if removed {
            ClerkStatus::Removed
        } else if locked {
            ClerkStatus::Locked
        } else if !has_password {
            ClerkStatus::Invited
        } else {
            ClerkStatus::Active
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            ClerkStatus::Active => "active",
            ClerkStatus::Invited => "invited",
            ClerkStatus::Locked => "locked",
            ClerkStatus::Removed => "removed",
        }
    }
}

/// Who may ask the agency to move the site administrator role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequesterTitle {
    ChiefFinancialOfficer,
    PrivacyAndSecurityOfficer,
}

impl RequesterTitle {
    pub fn name(self) -> &'static str {
        match self {
            RequesterTitle::ChiefFinancialOfficer => "Chief Financial Officer",
            RequesterTitle::PrivacyAndSecurityOfficer => "Privacy and Security Officer",
        }
    }

    /// The two titles (any case, `&` for "and"), or the abbreviation CFO.
    pub fn parse(field: &str, s: &str) -> Result<RequesterTitle> {
        let norm = s
            .trim()
            .to_ascii_lowercase()
            .replace('&', " and ")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        match norm.as_str() {
            "chief financial officer" | "cfo" => Ok(RequesterTitle::ChiefFinancialOfficer),
            "privacy and security officer" => Ok(RequesterTitle::PrivacyAndSecurityOfficer),
            _ => Err(Error::invalid(format!(
                "{field}: the request must come from the organisation's Chief Financial Officer \
                 or Privacy and Security Officer, got {:?}",
                s.trim()
            ))),
        }
    }
}

/// A date an administrator left: not after the business date.
pub fn check_date_left(field: &str, left: NaiveDate, today: NaiveDate) -> Result<()> {
    if left > today {
        return Err(Error::invalid(format!(
            "{field}: {left} is in the future (today is {today}); the previous administrator must already have left"
        )));
    }
    Ok(())
}

/// "JANE Q SMITH" → ("JANE Q", "SMITH"): the last word is the last name.
pub fn split_name(full: &str) -> (String, String) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.split_last() {
        Some((last, first)) if !first.is_empty() => (first.join(" "), (*last).to_string()),
        Some((only, _)) => ((*only).to_string(), String::new()),
        None => (String::new(), String::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn grant_and_revoke_apply_in_catalog_order() {
        let before = vec![Role::EligibilityInquiry, Role::ClaimInquiry];
        let c = RoleChange {
            grant: vec![Role::PriorAuthSubmit, Role::ClaimInquiry],
            revoke: vec![Role::EligibilityInquiry],
            set: None,
        };
        assert_eq!(
            c.apply(&before).unwrap(),
            vec![Role::ClaimInquiry, Role::PriorAuthSubmit]
        );
        assert_eq!(
            added(&before, &c.apply(&before).unwrap()),
            vec![Role::PriorAuthSubmit]
        );
    }

    #[test]
    fn set_replaces_and_conflicts_are_refused() {
        let c = RoleChange {
            set: Some(vec![Role::Pcpch, Role::TradeFiles, Role::Pcpch]),
            ..Default::default()
        };
        assert_eq!(
            c.apply(&[Role::ClaimVoid]).unwrap(),
            vec![Role::TradeFiles, Role::Pcpch]
        );
        let bad = RoleChange {
            grant: vec![Role::ClaimVoid],
            revoke: vec![Role::ClaimVoid],
            set: None,
        };
        assert!(bad.apply(&[]).is_err());
        assert!(RoleChange::default().is_empty());
    }

    #[test]
    fn status_precedence() {
        assert_eq!(ClerkStatus::of(true, true, false), ClerkStatus::Removed);
        assert_eq!(ClerkStatus::of(false, true, false), ClerkStatus::Locked);
        assert_eq!(ClerkStatus::of(false, false, false), ClerkStatus::Invited);
        assert_eq!(ClerkStatus::of(false, false, true), ClerkStatus::Active);
    }

    #[test]
    fn requester_titles() {
        assert_eq!(
            RequesterTitle::parse("t", "chief financial officer").unwrap(),
            RequesterTitle::ChiefFinancialOfficer
        );
        assert_eq!(
            RequesterTitle::parse("t", "Privacy & Security Officer").unwrap(),
            RequesterTitle::PrivacyAndSecurityOfficer
        );
        assert_eq!(
            RequesterTitle::parse("t", "CFO").unwrap(),
            RequesterTitle::ChiefFinancialOfficer
        );
        assert!(RequesterTitle::parse("t", "Office Manager").is_err());
    }

    #[test]
    fn dates_and_names() {
        assert_eq!(invite_expires(d("2026-03-16")), d("2026-03-30"));
        assert!(check_date_left("x", d("2026-03-16"), d("2026-03-16")).is_ok());
        assert!(check_date_left("x", d("2026-03-17"), d("2026-03-16")).is_err());
        assert_eq!(
            split_name(" Jane  Q Smith "),
            ("Jane Q".to_string(), "Smith".to_string())
        );
        assert_eq!(split_name("Cher"), ("Cher".to_string(), String::new()));
    }
}
