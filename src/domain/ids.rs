//! Identifiers as validated newtypes: once built, they are valid.

use crate::error::{Error, Result};
use std::fmt;

fn digits_only(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Luhn check over a digit string (the last digit is the check digit).
pub fn luhn_valid(digits: &str) -> bool {
    if !digits_only(digits) {
        return false;
    }
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// The check digit an NPI's first nine digits call for (Luhn over "80840" + the nine).
pub fn npi_check_digit(first_nine: &str) -> Option<u8> {
    if first_nine.len() != 9 || !digits_only(first_nine) {
        return None;
    }
    (0..=9u8).find(|d| luhn_valid(&format!("80840{first_nine}{d}")))
}

/// A National Provider Identifier: 10 digits, Luhn check digit with the 80840 prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Npi(String);

impl Npi {
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let s = s.trim();
        if s.len() != 10 || !digits_only(s) {
            return Err(Error::invalid(format!(
                "{field}: an NPI is 10 digits, got {s:?}"
            )));
        }
        if !luhn_valid(&format!("80840{s}")) {
            let expected = npi_check_digit(&s[..9]).unwrap_or(0);
            return Err(Error::invalid(format!(
                "{field}: NPI {s} fails its check digit (a valid NPI starting {} ends in {expected})",
                &s[..9]
            ))
            .hint("check the NPI against the provider's NPPES record"));
        }
        Ok(Npi(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Npi {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An Oregon Medicaid provider ID: 6 or 9 digits. It is also the portal Login ID.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProviderId(String);

impl ProviderId {
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let s = s.trim();
        if !(s.len() == 6 || s.len() == 9) || !digits_only(s) {
            return Err(Error::invalid(format!(
                "{field}: an Oregon Medicaid provider ID is 6 or 9 digits, got {s:?}"
            )));
        }
        Ok(ProviderId(s.to_string()))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProviderId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A federal tax ID (EIN/SSN shape): 9 digits, written NN-NNNNNNN or NNNNNNNNN. Stored as 9 digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaxId(String);

impl TaxId {
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let s = s.trim();
        let plain: String = if s.len() == 10 && s.as_bytes().get(2) == Some(&b'-') {
            s.chars().filter(|c| *c != '-').collect()
        } else {
            s.to_string()
        };
        if plain.len() != 9 || !digits_only(&plain) {
            return Err(Error::invalid(format!(
                "{field}: a tax ID is 9 digits, written NN-NNNNNNN or NNNNNNNNN, got {s:?}"
            )));
        }
        Ok(TaxId(plain))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// NN-NNNNNNN
    pub fn display(&self) -> String {
        format!("{}-{}", &self.0[..2], &self.0[2..])
    }
}

/// An Oregon Health ID: 8 letters and digits, upper-cased on input. Held as its 8 ASCII
/// bytes (no allocation; ordered as the text is).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HealthId([u8; 8]);

impl HealthId {
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let t = s.trim().as_bytes();
        match <[u8; 8]>::try_from(t) {
            Ok(mut b) if b.iter().all(u8::is_ascii_alphanumeric) => {
                b.make_ascii_uppercase();
                Ok(HealthId(b))
            }
            _ => Err(Error::invalid(format!(
                "{field}: an Oregon Health ID is 8 letters and digits, got {:?}",
                s.trim()
            ))),
        }
    }
    pub fn as_str(&self) -> &str {
        // Always ASCII letters and digits (checked in `parse`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
    /// The ID as a number that sorts as the text does.
    pub fn sort_key(&self) -> u64 {
        u64::from_be_bytes(self.0)
    }
}

impl fmt::Display for HealthId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// IDs go into JSON as the text they are (`"OC100001"`, `"500001"`).
macro_rules! serialize_as_text {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    )*};
}
serialize_as_text!(Npi, ProviderId, TaxId, HealthId);

/// An ID compares with the text it is (`provider_id == "500001"`).
macro_rules! eq_text {
    ($($t:ty),*) => {$(
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }
        impl PartialEq<String> for $t {
            fn eq(&self, other: &String) -> bool {
                self.as_str() == other
            }
        }
        impl PartialEq<$t> for String {
            fn eq(&self, other: &$t) -> bool {
                self == other.as_str()
            }
        }
        impl PartialEq<$t> for str {
            fn eq(&self, other: &$t) -> bool {
                self == other.as_str()
            }
        }
    )*};
}
eq_text!(Npi, ProviderId, HealthId);

/// A portal user name: 1-64 characters of letters, digits and . _ - @ (compared case-insensitively).
pub fn parse_user_name(field: &str, s: &str) -> Result<String> {
    let s = s.trim();
    if s.is_empty() || s.len() > 64 {
        return Err(Error::invalid(format!(
            "{field}: a user name is 1 to 64 characters"
        )));
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'))
    {
        return Err(Error::invalid(format!(
            "{field}: a user name uses letters, digits and . _ - @ only, got {s:?}"
        )));
    }
    Ok(s.to_string())
}

/// An email address of the plain `local@domain.tld` shape.
pub fn parse_email(field: &str, s: &str) -> Result<String> {
    let s = s.trim();
    let ok = match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(|c| c.is_whitespace())
                && !domain.contains('@')
        }
        None => false,
    };
    if !ok || s.len() > 254 {
        return Err(Error::invalid(format!(
            "{field}: not an email address: {s:?} (expected name@example.org)"
        )));
    }
    Ok(s.to_string())
}

/// A North American phone number: 10 digits in any common punctuation; stored as (NNN)NNN-NNNN.
pub fn parse_phone(field: &str, s: &str) -> Result<String> {
    let digits: String = s.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = if digits.len() == 11 && digits.starts_with('1') {
        digits[1..].to_string()
    } else {
        digits
    };
    let allowed = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '(' | ')' | '-' | ' ' | '.' | '+'));
    if digits.len() != 10 || !allowed {
        return Err(Error::invalid(format!(
            "{field}: a phone number has 10 digits, like (503)555-1212, got {:?}",
            s.trim()
        )));
    }
    Ok(format!(
        "({}){}-{}",
        &digits[..3],
        &digits[3..6],
        &digits[6..]
    ))
}

/// Money in whole cents.
///
/// Every amount mmis reads or computes — a line charge, a claim's total, a fee schedule's
/// maximum allowable, an allowed or paid amount — is at most [`Cents::MAX`],
/// 99,999,999.99 (docs/claims.md, "Amount ceilings"). X12's own amounts (CLM02, SV102) are
/// type R, at most 18 digits, which an `i64` of cents cannot even hold; the ceiling is far
/// below that, far above any real therapy claim, exact as a JSON number (an `f64` holds every
/// cent up to 2^53), and leaves room to multiply by units and sum lines in an `i64` without
/// overflow. Sums go through [`Cents::checked_add`] / [`Cents::checked_sum`], which refuse
/// anything above the ceiling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Cents(pub i64);

impl Cents {
    /// The ceiling of every amount: 99,999,999.99.
    pub const MAX: Cents = Cents(9_999_999_999);

    /// `self + other`, or `None` above [`Cents::MAX`] (or below zero's mirror).
    pub fn checked_add(self, other: Cents) -> Option<Cents> {
        self.0
            .checked_add(other.0)
            .filter(|v| v.abs() <= Self::MAX.0)
            .map(Cents)
    }

    /// The sum of amounts, or `None` when it (or any of them) is above [`Cents::MAX`].
    pub fn checked_sum(amounts: impl IntoIterator<Item = Cents>) -> Option<Cents> {
        amounts
            .into_iter()
            .try_fold(Cents(0), |acc, a| acc.checked_add(a))
    }

    /// `self × units`, or `None` above [`Cents::MAX`].
    pub fn checked_mul(self, units: i64) -> Option<Cents> {
        self.0
            .checked_mul(units)
            .filter(|v| v.abs() <= Self::MAX.0)
            .map(Cents)
    }

    /// `self × units`, held at [`Cents::MAX`] when the product is above it.
    pub fn saturating_mul(self, units: i64) -> Cents {
        self.checked_mul(units)
            .unwrap_or(if (self.0 < 0) != (units < 0) {
                Cents(-Self::MAX.0)
            } else {
                Self::MAX
            })
    }

    /// Refuses an amount above [`Cents::MAX`], naming the field.
    pub fn within_ceiling(self, field: &str) -> Result<Cents> {
        if self.0.abs() > Self::MAX.0 {
            return Err(Self::over(field, &self.to_string()));
        }
        Ok(self)
    }

    fn over(field: &str, got: &str) -> Error {
        Error::invalid(format!(
            "{field}: an amount is at most {}, got {got}",
            Self::MAX
        ))
        .hint("mmis refuses amounts above 99999999.99 (docs/claims.md, \"Amount ceilings\")")
    }

    /// Parse "12.34", "12", "12.3" (no sign, at most 2 decimals).
    pub fn parse(field: &str, s: &str) -> Result<Self> {
        let s = s.trim().trim_start_matches('$');
        let bad = || {
            Error::invalid(format!(
                "{field}: an amount is a number with at most 2 decimals, like 125.00, got {s:?}"
            ))
        };
        let (whole, frac) = match s.split_once('.') {
            Some((w, f)) => (w, f),
            None => (s, ""),
        };
        if whole.is_empty() || !digits_only(whole) || frac.len() > 2 {
            return Err(bad());
        }
        if !frac.is_empty() && !digits_only(frac) {
            return Err(bad());
        }
        // Leading zeros aside, more than 8 whole digits is above the ceiling: say so
        // rather than "not a number" (and never overflow on the way).
        let significant = whole.trim_start_matches('0');
        if significant.len() > 8 {
            return Err(Self::over(field, s));
        }
        let w: i64 = if significant.is_empty() {
            0
        } else {
            significant.parse().map_err(|_| bad())?
        };
        let f: i64 = if frac.is_empty() {
            0
        } else {
            let v: i64 = frac.parse().map_err(|_| bad())?;
            if frac.len() == 1 {
                v * 10
            } else {
                v
            }
        };
        w.checked_mul(100)
            .and_then(|c| c.checked_add(f))
            .map(Cents)
            .ok_or_else(bad)?
            .within_ceiling(field)
    }
    pub fn from_f64(field: &str, v: f64) -> Result<Self> {
        if !v.is_finite() || v < 0.0 {
            return Err(Error::invalid(format!("{field}: amount out of range: {v}")));
        }
        if v > Self::MAX.as_f64() {
            return Err(Self::over(field, &v.to_string()));
        }
        let c = (v * 100.0).round();
        if (v * 100.0 - c).abs() > 1e-6 {
            return Err(Error::invalid(format!(
                "{field}: an amount has at most 2 decimals, got {v}"
            )));
        }
        Ok(Cents(c as i64))
    }
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }
}

impl fmt::Display for Cents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.abs();
        write!(f, "{sign}{}.{:02}", a / 100, a % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npi_check_digits() {
        // CMS's published example NPI.
        assert!(Npi::parse("npi", "1234567893").is_ok());
        assert!(Npi::parse("npi", "1234567890").is_err());
        assert_eq!(npi_check_digit("123456789"), Some(3));
        assert!(Npi::parse("npi", "123456789").is_err());
        assert!(Npi::parse("npi", "12345678a3").is_err());
        let e = Npi::parse("npi", "1234567890").unwrap_err();
        assert!(e.message.contains("ends in 3"), "{}", e.message);
    }

    #[test]
    fn every_nine_digits_have_exactly_one_check_digit() {
        for base in ["000000000", "999999999", "150000000", "167890123"] {
            let d = npi_check_digit(base).unwrap();
            let ok: Vec<u8> = (0..=9)
                .filter(|x| Npi::parse("npi", &format!("{base}{x}")).is_ok())
                .collect();
            assert_eq!(ok, vec![d]);
        }
    }

    #[test]
    fn provider_ids() {
        assert!(ProviderId::parse("p", "506675").is_ok());
        assert!(ProviderId::parse("p", "506675928").is_ok());
        assert!(ProviderId::parse("p", "5066759").is_err());
        assert!(ProviderId::parse("p", "50667592a").is_err());
    }

    #[test]
    fn tax_ids() {
        assert_eq!(
            TaxId::parse("t", "93-1234567").unwrap().as_str(),
            "931234567"
        );
        assert_eq!(
            TaxId::parse("t", "931234567").unwrap().display(),
            "93-1234567"
        );
        assert!(TaxId::parse("t", "9312-34567").is_err());
        assert!(TaxId::parse("t", "93123456").is_err());
    }

    #[test]
    fn health_ids_upper_case() {
        assert_eq!(
            HealthId::parse("h", "ab12cd34").unwrap().as_str(),
            "AB12CD34"
        );
        assert!(HealthId::parse("h", "AB12CD3").is_err());
        assert!(HealthId::parse("h", "AB12CD3-").is_err());
    }

    #[test]
    fn phones_and_emails() {
        assert_eq!(parse_phone("p", "(503)555-1212").unwrap(), "(503)555-1212");
        assert_eq!(parse_phone("p", "503.555.1212").unwrap(), "(503)555-1212");
        assert!(parse_phone("p", "555-1212").is_err());
        assert!(parse_email("e", "james@jones.com").is_ok());
        assert!(parse_email("e", "james@jones").is_err());
        assert!(parse_email("e", "james jones@x.com").is_err());
    }

    #[test]
    fn cents() {
        assert_eq!(Cents::parse("c", "125.5").unwrap(), Cents(12550));
        assert_eq!(Cents::parse("c", "125").unwrap(), Cents(12500));
        assert!(Cents::parse("c", "1.234").is_err());
        assert!(Cents::parse("c", "-1").is_err());
        assert_eq!(Cents(12550).to_string(), "125.50");
        assert_eq!(Cents::from_f64("c", 99.99).unwrap(), Cents(9999));
    }

    #[test]
    fn amounts_have_a_ceiling_and_checked_sums() {
        assert_eq!(Cents::parse("c", "99999999.99").unwrap(), Cents::MAX);
        assert_eq!(Cents::parse("c", "0099999999.99").unwrap(), Cents::MAX);
        for over in ["100000000", "100000000.00", "92233720368547758.07", "1e400"] {
            let e = Cents::parse("line 1 charge", over).unwrap_err();
            if over != "1e400" {
                assert!(e
                    .message
                    .starts_with("line 1 charge: an amount is at most 99999999.99"));
            }
        }
        assert!(Cents::parse("c", &"9".repeat(400)).is_err());
        assert!(Cents::from_f64("c", 1e8).is_err());
        assert!(Cents::from_f64("c", 9.2e16).is_err());
        assert_eq!(Cents::MAX.checked_add(Cents(1)), None);
        assert_eq!(Cents(i64::MAX).checked_add(Cents(100)), None);
        assert_eq!(
            Cents::checked_sum([Cents(6_000_000_000), Cents(3_999_999_999)]),
            Some(Cents::MAX)
        );
        assert_eq!(Cents::checked_sum([Cents(i64::MAX), Cents(100)]), None);
        assert_eq!(Cents::checked_sum([Cents::MAX, Cents(1)]), None);
        assert_eq!(Cents(100).checked_mul(9999), Some(Cents(999_900)));
        assert_eq!(Cents::MAX.checked_mul(2), None);
        assert_eq!(Cents(i64::MAX).checked_mul(9999), None);
        assert_eq!(Cents::MAX.saturating_mul(9999), Cents::MAX);
        assert!(Cents(Cents::MAX.0 + 1).within_ceiling("x").is_err());
        // Every cent up to the ceiling is exact as a JSON number.
        assert_eq!(Cents::MAX.as_f64(), 99_999_999.99);
    }
}
