//! Our types at the seam: how a Health ID, a provider ID, an NPI, a date or an amount is
//! bound to a placeholder and read back from a column.
//!
//! A value is read back only when it is exactly what mmis writes (`OC100001`, not
//! ` oc100001 `; `2026-03-02`, not `20260302`): anything else was put there outside mmis,
//! and reading the row fails naming the column (exit 8, the store is corrupt) instead of
//! passing a string the commands would have to check again.

use super::db::{Cell, FromCell, Param, Val};
use crate::domain::claims::{ClaimStatus, Icn, PaKind, PaNumber, PaStatus};
use crate::domain::ids::{Cents, HealthId, Npi, ProviderId, TaxId};
use chrono::{DateTime, NaiveDate, Utc};

type Read<T> = std::result::Result<T, String>;

fn text<'c>(c: Cell<'c>, what: &str) -> Read<&'c str> {
    match c {
        Cell::Text(t) => Ok(t),
        other => Err(format!("expected {what}, got {other:?}")),
    }
}

/// A type stored as the text its `as_str` gives: bound as that text, and read back only when
/// `parse` takes the column's text and gives back exactly the same text.
macro_rules! stored_as_text {
    ($($t:ty, $what:expr, $parse:expr;)*) => {$(
        impl Param for $t {
            fn val(&self) -> Val<'_> {
                Val::Text(self.as_str())
            }
        }
        impl FromCell for $t {
            fn from_cell(c: Cell<'_>) -> Read<Self> {
                let t = text(c, $what)?;
                #[allow(clippy::redundant_closure_call)]
                match ($parse)(t) {
                    Ok(v) if v.as_str() == t => Ok(v),
                    _ => Err(format!("not {}: {t:?}", $what)),
                }
            }
        }
    )*};
}

stored_as_text! {
    HealthId, "a Health ID", |t| HealthId::parse("", t);
    ProviderId, "a provider ID", |t| ProviderId::parse("", t);
    Npi, "an NPI", |t| Npi::parse("", t);
    TaxId, "a tax ID", |t| TaxId::parse("", t);
    Icn, "an ICN", |t| Icn::parse("", t);
    PaNumber, "a PA number", |t| PaNumber::parse("", t);
    ClaimStatus, "a claim status", ClaimStatus::parse;
    PaStatus, "a PA status", PaStatus::parse;
    PaKind, "a PA kind", |t| PaKind::parse("", t);
}

/// An amount is stored as whole cents, at most [`Cents::MAX`] either way.
impl Param for Cents {
    fn val(&self) -> Val<'_> {
        Val::Int(self.0)
    }
}
impl FromCell for Cents {
    fn from_cell(c: Cell<'_>) -> Read<Self> {
        match c {
            Cell::Int(i) if i.abs() <= Cents::MAX.0 => Ok(Cents(i)),
            Cell::Int(i) => Err(format!("an amount above {}: {i} cents", Cents::MAX)),
            other => Err(format!("expected an amount in cents, got {other:?}")),
        }
    }
}

/// A date is stored as `YYYY-MM-DD`.
impl Param for NaiveDate {
    fn val(&self) -> Val<'_> {
        Val::Date(*self)
    }
}
impl FromCell for NaiveDate {
    fn from_cell(c: Cell<'_>) -> Read<Self> {
        const WHAT: &str = "a date (YYYY-MM-DD)";
        let t = text(c, WHAT)?;
        crate::domain::time::canonical_date(t).ok_or_else(|| format!("not {WHAT}: {t:?}"))
    }
}

/// A moment is stored as RFC 3339 text in UTC (`2026-03-16T09:00:00Z`); any RFC 3339 time is
/// read (stores written before the seconds were fixed hold fractions).
impl FromCell for DateTime<Utc> {
    fn from_cell(c: Cell<'_>) -> Read<Self> {
        const WHAT: &str = "a time (RFC 3339)";
        let t = text(c, WHAT)?;
        crate::context::parse_rfc3339(t).ok_or_else(|| format!("not {WHAT}: {t:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<T: FromCell>(t: &str) -> Read<T> {
        T::from_cell(Cell::Text(t))
    }

    #[test]
    fn values_mmis_writes_read_back() {
        assert_eq!(read::<HealthId>("OC100001").unwrap().as_str(), "OC100001");
        assert_eq!(read::<ProviderId>("500001").unwrap().as_str(), "500001");
        assert_eq!(
            read::<Icn>("2026061000001").unwrap().as_str(),
            "2026061000001"
        );
        assert_eq!(
            read::<NaiveDate>("2026-03-02").unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
        );
        assert_eq!(read::<ClaimStatus>("paid").unwrap(), ClaimStatus::Paid);
        assert_eq!(read::<PaKind>("plan-of-care").unwrap(), PaKind::PlanOfCare);
        assert_eq!(Cents::from_cell(Cell::Int(15012)).unwrap(), Cents(15012));
        assert_eq!(Cents::from_cell(Cell::Int(-15012)).unwrap(), Cents(-15012));
    }

    #[test]
    fn values_written_outside_mmis_are_refused_naming_what_was_expected() {
        for bad in ["oc100001", " OC100001", "OC10000", "OC1000011", ""] {
            let e = read::<HealthId>(bad).unwrap_err();
            assert!(e.starts_with("not a Health ID"), "{bad:?}: {e}");
        }
        for bad in ["50000", "5000011", " 500001"] {
            assert!(read::<ProviderId>(bad).is_err(), "{bad:?}");
        }
        for bad in [
            "20260302",
            "2026-3-2",
            "2026-02-30",
            "2026-03-02T00:00:00Z",
            "",
        ] {
            let e = read::<NaiveDate>(bad).unwrap_err();
            assert!(e.contains("YYYY-MM-DD"), "{bad:?}: {e}");
        }
        for bad in ["Paid", "PAID", " paid", "refunded"] {
            assert!(read::<ClaimStatus>(bad).is_err(), "{bad:?}");
        }
        assert!(read::<PaStatus>("canceled").is_err());
        assert!(read::<PaKind>("poc").is_err());
        assert!(Cents::from_cell(Cell::Int(Cents::MAX.0 + 1)).is_err());
        assert!(Cents::from_cell(Cell::Text("12.00")).is_err());
        assert!(HealthId::from_cell(Cell::Int(12345678)).is_err());
        assert!(NaiveDate::from_cell(Cell::Null).is_err());
        for bad in ["now", "2026-03-16", "2026-03-16 09:00:00", ""] {
            let e = DateTime::<Utc>::from_cell(Cell::Text(bad)).unwrap_err();
            assert!(e.contains("RFC 3339"), "{bad:?}: {e}");
        }
        assert_eq!(
            crate::context::rfc3339(
                read::<DateTime<Utc>>("2026-03-16T09:00:00.250+00:00").unwrap()
            ),
            "2026-03-16T09:00:00Z"
        );
        assert_eq!(Option::<NaiveDate>::from_cell(Cell::Null).unwrap(), None);
    }

    #[test]
    fn dates_bind_as_the_text_they_are_stored_as() {
        let d = NaiveDate::from_ymd_opt(987, 1, 5).unwrap();
        assert!(matches!(d.val(), Val::Date(x) if x == d));
        assert_eq!(super::super::db::date_text(d), "0987-01-05");
    }
}
