//! Dates and durations as the portal and its config speak them.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::time::Duration;

/// `YYYY-MM-DD` (also `YYYYMMDD`, as X12 writes it).
pub fn parse_date(field: &str, s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| {
            if t.len() == 8 {
                NaiveDate::parse_from_str(t, "%Y%m%d")
            } else {
                NaiveDate::parse_from_str("x", "%Y")
            }
        })
        .map_err(|_| Error::invalid(format!("{field}: not a date: {t:?} (expected YYYY-MM-DD)")))
}

/// "15m", "12h", "2s", "90d", "1h30m", or a bare number of seconds.
pub fn parse_duration(field: &str, s: &str) -> Result<Duration> {
    let t = s.trim();
    let bad = || {
        Error::invalid(format!(
            "{field}: not a duration: {t:?} (use a number and a unit: 30s, 15m, 12h, 90d)"
        ))
    };
    if t.is_empty() {
        return Err(bad());
    }
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return t.parse::<u64>().map(Duration::from_secs).map_err(|_| bad());
    }
    let mut total: u64 = 0;
    let mut num = String::new();
    let mut saw_unit = false;
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            num.push(c);
            i += 1;
            continue;
        }
        let mut unit = String::new();
        while i < chars.len() && chars[i].is_ascii_alphabetic() {
            unit.push(chars[i]);
            i += 1;
        }
        if unit.is_empty() || num.is_empty() {
            return Err(bad());
        }
        let mult: u64 = match unit.as_str() {
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
            "d" | "day" | "days" => 86_400,
            "w" | "week" | "weeks" => 604_800,
            _ => return Err(bad()),
        };
        let n: u64 = num.parse().map_err(|_| bad())?;
        total = n
            .checked_mul(mult)
            .and_then(|v| total.checked_add(v))
            .ok_or_else(bad)?;
        num.clear();
        saw_unit = true;
    }
    if !num.is_empty() || !saw_unit || total == 0 {
        return Err(bad());
    }
    Ok(Duration::from_secs(total))
}

/// The same calendar day `months` months earlier (clamped to the month's last day).
pub fn months_before(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_sub_months(chrono::Months::new(months))
        .unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("d", "15m").unwrap().as_secs(), 900);
        assert_eq!(parse_duration("d", "12h").unwrap().as_secs(), 43_200);
        assert_eq!(parse_duration("d", "2s").unwrap().as_secs(), 2);
        assert_eq!(parse_duration("d", "90d").unwrap().as_secs(), 90 * 86_400);
        assert_eq!(parse_duration("d", "1h30m").unwrap().as_secs(), 5_400);
        assert_eq!(parse_duration("d", "45").unwrap().as_secs(), 45);
        for bad in ["", "m", "15x", "0s", "1.5h", "h15"] {
            assert!(parse_duration("d", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("d", "2026-02-03").unwrap(),
            NaiveDate::from_ymd_opt(2026, 2, 3).unwrap()
        );
        assert!(parse_date("d", "2026-02-30").is_err());
        assert!(parse_date("d", "20260203").is_ok());
        let d = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        assert_eq!(
            months_before(d, 13),
            NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()
        );
    }
}
