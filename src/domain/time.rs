//! Dates and durations as the portal and its config speak them.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::time::Duration;

/// `YYYY-MM-DD` (also `YYYYMMDD`, as X12 writes it).
pub fn parse_date(field: &str, s: &str) -> Result<NaiveDate> {
    let t = s.trim();
    if let Some(d) = canonical_date(t) {
        return Ok(d);
    }
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

/// `YYYY-MM-DD` exactly (how the store keeps every date), read without a format parser: an
/// export reads hundreds of thousands. Anything else is left to the parser (`None`).
pub(crate) fn canonical_date(t: &str) -> Option<NaiveDate> {
    let b = t.as_bytes();
    if b.len() != 10 || b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    NaiveDate::from_ymd_opt(year, num(5..7)?, num(8..10)?)
}

/// "15m", "12h", "2s", "90d", "1h30m", or a bare number of seconds.
pub fn parse_duration(field: &str, s: &str) -> Result<Duration> {
    let t = s.trim();
    match duration_secs(t) {
        Ok(n) => u64::try_from(n)
            .map(Duration::from_secs)
            .map_err(|_| too_large(field, t)),
        Err(DurationProblem::TooLarge) => Err(too_large(field, t)),
        Err(DurationProblem::Format) => Err(not_a_duration(field, t)),
    }
}

fn not_a_duration(field: &str, t: &str) -> Error {
    Error::invalid(format!(
        "{field}: not a duration: {t:?} (use a number and a unit: 30s, 15m, 12h, 90d)"
    ))
}

fn too_large(field: &str, t: &str) -> Error {
    Error::invalid(format!("{field}: {t:?} is too long a duration"))
}

enum DurationProblem {
    Format,
    TooLarge,
}

/// The number of seconds a duration names, counted wide enough that no input wraps.
fn duration_secs(t: &str) -> std::result::Result<u128, DurationProblem> {
    use DurationProblem::*;
    if t.is_empty() {
        return Err(Format);
    }
    // Digits beyond this many overflow u64 seconds whatever the unit.
    const MAX_DIGITS: usize = 25;
    let number = |digits: &str| -> std::result::Result<u128, DurationProblem> {
        if digits.len() > MAX_DIGITS {
            return Err(TooLarge);
        }
        digits.parse::<u128>().map_err(|_| Format)
    };
    if t.bytes().all(|b| b.is_ascii_digit()) {
        return match number(t)? {
            0 => Err(Format),
            n => Ok(n),
        };
    }
    let mut total: u128 = 0;
    let mut rest = t;
    while !rest.is_empty() {
        let digits_end = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let (digits, after) = rest.split_at(digits_end);
        let unit_end = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        let (unit, after) = after.split_at(unit_end);
        if digits.is_empty() || unit.is_empty() {
            return Err(Format);
        }
        let mult: u128 = match unit {
            "s" | "sec" | "secs" | "second" | "seconds" => 1,
            "m" | "min" | "mins" | "minute" | "minutes" => 60,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600,
            "d" | "day" | "days" => 86_400,
            "w" | "week" | "weeks" => 604_800,
            _ => return Err(Format),
        };
        total = total.saturating_add(number(digits)?.saturating_mul(mult));
        rest = after;
    }
    if total == 0 {
        return Err(Format);
    }
    Ok(total)
}

/// A duration as [`parse_duration`] reads it, within `min..=max`: anything outside (also a
/// value too large to count) is refused naming `field`, so no later arithmetic can overflow.
pub fn parse_duration_within(
    field: &str,
    s: &str,
    min: Duration,
    max: Duration,
) -> Result<Duration> {
    let t = s.trim();
    let too_long = || {
        Error::invalid(format!(
            "{field}: {t:?} is longer than the longest allowed, {}",
            human_duration(max)
        ))
    };
    let secs = match duration_secs(t) {
        Ok(n) => n,
        Err(DurationProblem::TooLarge) => return Err(too_long()),
        Err(DurationProblem::Format) => return Err(not_a_duration(field, t)),
    };
    if secs > u128::from(max.as_secs()) {
        return Err(too_long());
    }
    let d = Duration::from_secs(u64::try_from(secs).map_err(|_| too_long())?);
    if d < min {
        return Err(Error::invalid(format!(
            "{field}: {t:?} is shorter than the shortest allowed, {}",
            human_duration(min)
        )));
    }
    Ok(d)
}

/// "15m", "12h", "30d", "2s": the largest whole unit.
pub fn human_duration(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 86_400 && s.is_multiple_of(86_400) {
        format!("{}d", s / 86_400)
    } else if s >= 3600 && s.is_multiple_of(3600) {
        format!("{}h", s / 3600)
    } else if s >= 60 && s.is_multiple_of(60) {
        format!("{}m", s / 60)
    } else {
        format!("{s}s")
    }
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
    fn bounded_durations() {
        let (min, max) = (Duration::from_secs(1), Duration::from_secs(30 * 86_400));
        let ok = |s: &str| parse_duration_within("session.absolute", s, min, max);
        assert_eq!(ok("12h").unwrap().as_secs(), 43_200);
        assert_eq!(ok("30d").unwrap().as_secs(), 30 * 86_400);
        assert_eq!(ok("1s").unwrap().as_secs(), 1);
        for long in [
            "31d",
            "9999999999d",
            "18446744073709551615s",
            "18446744073709551616s",
            "99999999999999999999999999d",
            "18446744073709551615",
            "307445734561825861w1s",
            "1d18446744073709551615s",
        ] {
            let e = ok(long).unwrap_err();
            assert_eq!(e.kind, crate::error::Kind::Invalid, "{long}");
            assert!(
                e.message.starts_with("session.absolute: "),
                "{long}: {}",
                e.message
            );
            assert!(
                e.message.contains("longest allowed, 30d"),
                "{long}: {}",
                e.message
            );
        }
        for bad in ["", "0s", "x", "1.5h", "-1s", "1y"] {
            let e = ok(bad).unwrap_err();
            assert!(
                e.message.starts_with("session.absolute: "),
                "{bad}: {}",
                e.message
            );
        }
        let idle = parse_duration_within(
            "session.idle",
            "25h",
            Duration::from_secs(1),
            Duration::from_secs(86_400),
        )
        .unwrap_err();
        assert!(
            idle.message.contains("longest allowed, 1d"),
            "{}",
            idle.message
        );
    }

    #[test]
    fn human_durations() {
        assert_eq!(human_duration(Duration::from_secs(900)), "15m");
        assert_eq!(human_duration(Duration::from_secs(43_200)), "12h");
        assert_eq!(human_duration(Duration::from_secs(86_400 * 30)), "30d");
        assert_eq!(human_duration(Duration::from_secs(2)), "2s");
        assert_eq!(human_duration(Duration::from_secs(90)), "90s");
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
        // The fast path for YYYY-MM-DD reads what the format parser reads, and leaves the
        // rest to it.
        for t in [
            "2026-02-03",
            "2024-02-29",
            "2025-02-29",
            "0000-01-01",
            "9999-12-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-32",
            "2026-1-03",
            "2026-01-3 ",
            "2026/01/03",
            "2026-01-0a",
            "-026-01-03",
            "+2026-01-0",
            "2026-01-03x",
            "２026-01-03",
        ] {
            let parsed = NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
            if let Some(fast) = canonical_date(t) {
                assert_eq!(Some(fast), parsed, "{t}");
            }
            assert_eq!(
                parse_date("d", t).ok(),
                parsed.or_else(|| {
                    (t.trim().len() == 8)
                        .then(|| NaiveDate::parse_from_str(t.trim(), "%Y%m%d").ok())
                        .flatten()
                }),
                "{t}"
            );
        }
        assert_eq!(
            months_before(d, 13),
            NaiveDate::from_ymd_opt(2025, 2, 28).unwrap()
        );
    }
}
