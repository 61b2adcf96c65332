//! The portal's password rules (seed 002's official guide), plus the NIST/OWASP blocklist.

/// How many earlier passwords a new one may not repeat.
pub const HISTORY_DEPTH: usize = 6;
pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 128;

/// Every rule the password breaks, in words a person can act on. Empty when it is acceptable.
pub fn violations(password: &str, user_name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let n = password.chars().count();
    if n < MIN_LEN {
        out.push(format!(
            "it must be at least {MIN_LEN} characters (it has {n})"
        ));
    }
    if n > MAX_LEN {
        out.push(format!(
            "it must be at most {MAX_LEN} characters (it has {n})"
        ));
    }
    if !password.chars().any(|c| c.is_uppercase()) {
        out.push("it needs an upper-case letter".into());
    }
    if !password.chars().any(|c| c.is_lowercase()) {
        out.push("it needs a lower-case letter".into());
    }
    if !password.chars().any(|c| !c.is_alphabetic()) {
        out.push("it needs a number or a special character".into());
    }
    let u = user_name.trim().to_lowercase();
    if !u.is_empty() && password.to_lowercase().contains(&u) {
        out.push("it must not contain the user name".into());
    }
    if is_common(password) {
        out.push("it is one of the most common passwords; choose another".into());
    }
    out
}

/// On the embedded list of ~100,000 common passwords (the `passwords` crate), as typed or in lower case.
pub fn is_common(password: &str) -> bool {
    passwords::analyzer::is_common_password(password)
        || passwords::analyzer::is_common_password(password.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portal_rules() {
        assert!(violations("Tr7vel-Kettle", "JAMJON").is_empty());
        assert!(violations("Tr7v", "JAMJON")[0].contains("at least 8"));
        assert!(violations("tr7vel-kettle", "JAMJON")
            .iter()
            .any(|v| v.contains("upper-case")));
        assert!(violations("TR7VEL-KETTLE", "JAMJON")
            .iter()
            .any(|v| v.contains("lower-case")));
        assert!(violations("TravelKettle", "JAMJON")
            .iter()
            .any(|v| v.contains("number or a special")));
        // A special character alone satisfies the third rule (seed 002 wins over seed 001).
        assert!(violations("Travel!Kettle", "JAMJON").is_empty());
        assert!(violations("xJamJon!Kettle9", "JAMJON")
            .iter()
            .any(|v| v.contains("user name")));
        let long: String = "Aa1".repeat(43);
        assert!(violations(&long, "u")
            .iter()
            .any(|v| v.contains("at most 128")));
        assert!(violations(&"Aa1".repeat(42), "u").is_empty());
    }

    #[test]
    fn common_passwords_are_refused() {
        for p in ["Password1", "1Qaz2wsx", "Qwerty123"] {
            assert!(
                violations(p, "someone")
                    .iter()
                    .any(|v| v.contains("common")),
                "{p}"
            );
        }
    }
}
