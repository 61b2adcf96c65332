//! The portal's password rules (seed 002's official guide), plus the NIST/OWASP blocklist.

/// How many earlier passwords a new one may not repeat.
pub const HISTORY_DEPTH: usize = 6;
pub const MIN_LEN: usize = 8;
pub const MAX_LEN: usize = 128;

/// The rules in one paragraph, shown before a password is asked for on a terminal.
pub fn rules_text() -> String {
    format!(
        "Password rules: {MIN_LEN} to {MAX_LEN} characters, with an upper-case and a lower-case letter \
         and a number or a special character; not containing the user name; not a common password; \
         not one of your last {HISTORY_DEPTH} passwords."
    )
}

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

/// The ~100,000 common passwords of the `passwords` crate (MIT), one a line, sorted by
/// bytes. Kept as one string rather than a table of strings: a table of 100,000 `&str` in
/// a position-independent binary is 100,000 relocations, ~4 MiB that every run of mmis
/// would map and write at start-up.
const COMMON: &str = include_str!("common-passwords.txt");

/// On the embedded list of common passwords, as typed or in lower case.
pub fn is_common(password: &str) -> bool {
    on_sorted_list(COMMON, password) || on_sorted_list(COMMON, &password.to_lowercase())
}

/// Binary search of `list` (lines sorted by bytes, each ending in a newline) for `word`.
fn on_sorted_list(list: &str, word: &str) -> bool {
    if word.is_empty() || word.contains('\n') {
        return false;
    }
    let b = list.as_bytes();
    // The line holding byte `at`: (start, end without the newline).
    let line_at = |at: usize| {
        let start = b[..at]
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        let end = b[at..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |p| at + p);
        (start, end)
    };
    // `lo` and `hi` are line starts (or the end); every line before `lo` is < word and
    // every line from `hi` on is > word. A byte in between lies on a line starting at or
    // after `lo` and ending before `hi`.
    let (mut lo, mut hi) = (0usize, b.len());
    while lo < hi {
        let (start, end) = line_at(lo + (hi - lo) / 2);
        match b[start..end].cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
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
    fn the_sorted_list_search_finds_every_line_and_nothing_else() {
        let list = "a\nab\nb\nbcd\nc\nzz\n";
        for w in ["a", "ab", "b", "bcd", "c", "zz"] {
            assert!(on_sorted_list(list, w), "{w}");
        }
        for w in [
            "", "0", "aa", "abc", "bc", "bcde", "d", "z", "zzz", "a\nab", "\n",
        ] {
            assert!(!on_sorted_list(list, w), "{w:?}");
        }
        assert!(!on_sorted_list("", "a"));
        // Every word of up to two letters from a small alphabet, against every sub-list.
        let all: Vec<&str> = vec!["a", "ab", "b", "ba", "bb", "c"];
        for mask in 0u32..64 {
            let sub: Vec<&str> = (0..6)
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| all[i])
                .collect();
            let text: String = sub.iter().map(|w| format!("{w}\n")).collect();
            for w in ["a", "aa", "ab", "b", "ba", "bb", "bc", "c", "ca", "d"] {
                assert_eq!(on_sorted_list(&text, w), sub.contains(&w), "{sub:?} {w}");
            }
        }
        // The embedded list: sorted, and every entry found.
        let lines: Vec<&str> = COMMON.lines().collect();
        assert!(lines.len() > 99_000);
        assert!(lines.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()));
        for (i, w) in lines.iter().enumerate().step_by(97) {
            assert!(on_sorted_list(COMMON, w), "line {i}: {w}");
        }
        assert!(!on_sorted_list(COMMON, "Tr7vel-Kettle"));
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
