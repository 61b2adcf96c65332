//! Claims and prior authorization rules: ICNs and PA numbers, code shapes, the claim as
//! keyed (parsed from raw text), statuses with their X12 codes, fee-schedule lookup and
//! pricing, timely filing. Pure: no I/O, no SQL.

use crate::domain::ids::{Cents, HealthId, Npi};
use crate::domain::time::{months_before, parse_date};
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::fmt;

/// Months after the date of service within which a claim must be filed (and may be voided).
pub const TIMELY_FILING_MONTHS: u32 = 12;
/// Most service lines on one claim (the 837P's limit).
pub const MAX_LINES: usize = 50;
/// Most diagnosis codes on one claim (the 837P's HI limit).
pub const MAX_DIAGNOSES: usize = 12;
/// Most modifiers on one line.
pub const MAX_MODIFIERS: usize = 4;
/// Longest PA date range, in months.
pub const PA_MAX_MONTHS: u32 = 12;
/// CARC 96: non-covered charge(s) — the code is not on the fee schedule.
pub const CARC_NOT_COVERED: &str = "96";
/// CARC 16: the claim lacks information or has billing errors (an amount above the ceiling,
/// stored before the ceiling existed).
pub const CARC_BILLING_ERROR: &str = "16";
/// The place of service of an emergency room (hospital), the only one CAWEM covers.
pub const POS_EMERGENCY_ROOM: &str = "23";
/// Benefit plans that cover emergency services only (CAWEM).
pub const EMERGENCY_ONLY_PLANS: &[&str] = &["CWM"];

/// The earliest date of service that is still within timely filing on `today`.
pub fn timely_limit(today: NaiveDate) -> NaiveDate {
    months_before(today, TIMELY_FILING_MONTHS)
}

/// How a claim reached us: the first two digits of its ICN.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimType {
    /// Professional claim keyed on the portal (direct data entry): `20`.
    PortalProfessional,
    /// Professional claim received electronically as an 837P: `22`.
    X12Professional,
}

impl ClaimType {
    pub fn code(self) -> &'static str {
        match self {
            ClaimType::PortalProfessional => "20",
            ClaimType::X12Professional => "22",
        }
    }
    pub fn source(self) -> &'static str {
        match self {
            ClaimType::PortalProfessional => "portal",
            ClaimType::X12Professional => "x12",
        }
    }
}

/// An internal control number: 13 digits — claim type (2), year (2), Julian day of
/// receipt (3), sequence (6).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Icn(String);

impl Icn {
    pub fn parse(field: &str, s: &str) -> Result<Icn> {
        let t = s.trim();
        if t.len() != 13 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid(format!(
                "{field}: an ICN is 13 digits, got {t:?}"
            )));
        }
        Ok(Icn(t.to_string()))
    }
    /// The sequence counter's name for ICNs of this type received on `received`.
    pub fn prefix(kind: ClaimType, received: NaiveDate) -> String {
        format!(
            "{}{:02}{:03}",
            kind.code(),
            received.year().rem_euclid(100),
            received.ordinal()
        )
    }
    /// Builds an ICN; `None` when the day's sequence (6 digits) is used up.
    pub fn new(kind: ClaimType, received: NaiveDate, seq: i64) -> Option<Icn> {
        if !(1..=999_999).contains(&seq) {
            return None;
        }
        Some(Icn(format!("{}{seq:06}", Icn::prefix(kind, received))))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Icn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A prior authorization number: 10 digits — year (2), Julian day of submission (3),
/// sequence (5).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PaNumber(String);

impl PaNumber {
    pub fn parse(field: &str, s: &str) -> Result<PaNumber> {
        let t = s.trim();
        if t.len() != 10 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Error::invalid(format!(
                "{field}: a PA number is 10 digits, got {t:?}"
            )));
        }
        Ok(PaNumber(t.to_string()))
    }
    pub fn prefix(submitted: NaiveDate) -> String {
        format!(
            "PA{:02}{:03}",
            submitted.year().rem_euclid(100),
            submitted.ordinal()
        )
    }
    pub fn new(submitted: NaiveDate, seq: i64) -> Option<PaNumber> {
        if !(1..=99_999).contains(&seq) {
            return None;
        }
        Some(PaNumber(format!(
            "{:02}{:03}{seq:05}",
            submitted.year().rem_euclid(100),
            submitted.ordinal()
        )))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PaNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A CPT code (5 digits, or 4 digits and F/T/U for Category II, III and PLA codes) or a
/// HCPCS Level II code (a letter A–V and 4 digits). Upper-cased.
pub fn parse_procedure_code(field: &str, s: &str) -> Result<String> {
    let t = s.trim().to_ascii_uppercase();
    let b = t.as_bytes();
    let ok = b.len() == 5
        && (b.iter().all(u8::is_ascii_digit)
            || (b[..4].iter().all(u8::is_ascii_digit) && matches!(b[4], b'F' | b'T' | b'U'))
            || ((b'A'..=b'V').contains(&b[0]) && b[1..].iter().all(u8::is_ascii_digit)));
    if !ok {
        return Err(Error::invalid(format!(
            "{field}: {:?} is not a CPT or HCPCS code (5 digits like 90837, or a letter and 4 digits like H0004)",
            s.trim()
        )));
    }
    Ok(t)
}

/// A procedure modifier: 2 letters or digits, upper-cased.
pub fn parse_modifier(field: &str, s: &str) -> Result<String> {
    let t = s.trim().to_ascii_uppercase();
    if t.len() != 2 || !t.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::invalid(format!(
            "{field}: a modifier is 2 letters or digits (like GT or HE), got {:?}",
            s.trim()
        )));
    }
    Ok(t)
}

/// An ICD-10-CM code's shape: a letter, a digit, a letter or digit, then up to 4 more
/// letters or digits after an optional dot. Stored upper-cased without the dot.
pub fn parse_diagnosis_code(field: &str, s: &str) -> Result<String> {
    let t = s.trim().to_ascii_uppercase();
    let bad = || {
        Error::invalid(format!(
            "{field}: {:?} is not an ICD-10-CM code (like F41.1 or F32.A)",
            s.trim()
        ))
    };
    if !t.is_ascii() {
        return Err(bad());
    }
    let (head, tail) = match t.split_once('.') {
        Some((h, tl)) => {
            if tl.is_empty() {
                return Err(bad());
            }
            (h.to_string(), tl.to_string())
        }
        None if t.len() > 3 => (t[..3].to_string(), t[3..].to_string()),
        None => (t.clone(), String::new()),
    };
    let h = head.as_bytes();
    if h.len() != 3
        || !h[0].is_ascii_uppercase()
        || !h[1].is_ascii_digit()
        || !h[2].is_ascii_alphanumeric()
        || tail.len() > 4
        || !tail.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return Err(bad());
    }
    Ok(format!("{head}{tail}"))
}

/// An ICD-10-CM code as people write it (with the dot after the third character).
pub fn display_diagnosis(code: &str) -> String {
    if code.len() > 3 && code.is_char_boundary(3) {
        format!("{}.{}", &code[..3], &code[3..])
    } else {
        code.to_string()
    }
}

/// Place of service: 2 digits (01–99).
pub fn parse_place_of_service(field: &str, s: &str) -> Result<String> {
    let t = s.trim();
    if t.len() != 2 || !t.bytes().all(|b| b.is_ascii_digit()) || t == "00" {
        return Err(Error::invalid(format!(
            "{field}: a place of service is 2 digits (like 11 office, 02 telehealth), got {t:?}"
        )));
    }
    Ok(t.to_string())
}

/// A claim's status, with its X12 277 claim status category.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClaimStatus {
    Accepted,
    Paid,
    Denied,
    Voided,
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Accepted => "accepted",
            ClaimStatus::Paid => "paid",
            ClaimStatus::Denied => "denied",
            ClaimStatus::Voided => "voided",
        }
    }
    /// The 277 claim status category code.
    pub fn category_code(self) -> &'static str {
        match self {
            ClaimStatus::Accepted => "A2",
            ClaimStatus::Paid => "F1",
            ClaimStatus::Denied => "F2",
            ClaimStatus::Voided => "F4",
        }
    }
    pub fn parse(s: &str) -> Result<ClaimStatus> {
        match s.trim().to_ascii_lowercase().as_str() {
            "accepted" => Ok(ClaimStatus::Accepted),
            "paid" => Ok(ClaimStatus::Paid),
            "denied" => Ok(ClaimStatus::Denied),
            "voided" => Ok(ClaimStatus::Voided),
            other => Err(Error::invalid(format!(
                "--status: {other:?} is not a claim status (accepted, paid, denied, voided)"
            ))),
        }
    }
}

impl fmt::Display for ClaimStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A prior authorization's status, with its X12 278 action code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaStatus {
    Pending,
    Approved,
    Denied,
    Cancelled,
}

impl PaStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            PaStatus::Pending => "pending",
            PaStatus::Approved => "approved",
            PaStatus::Denied => "denied",
            PaStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Result<PaStatus> {
        match s.trim().to_ascii_lowercase().as_str() {
            "pending" => Ok(PaStatus::Pending),
            "approved" => Ok(PaStatus::Approved),
            "denied" => Ok(PaStatus::Denied),
            "cancelled" | "canceled" => Ok(PaStatus::Cancelled),
            other => Err(Error::invalid(format!(
                "--status: {other:?} is not a PA status (pending, approved, denied, cancelled)"
            ))),
        }
    }
}

impl fmt::Display for PaStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The 278 action code of an approval: A1 all units certified, A2 fewer.
pub fn approval_action(requested: i64, approved: i64) -> &'static str {
    if approved >= requested {
        "A1"
    } else {
        "A2"
    }
}

/// The kind of a PA request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaKind {
    PriorAuth,
    PlanOfCare,
}

impl PaKind {
    pub fn as_str(self) -> &'static str {
        match self {
            PaKind::PriorAuth => "prior-auth",
            PaKind::PlanOfCare => "plan-of-care",
        }
    }
    pub fn parse(field: &str, s: &str) -> Result<PaKind> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace([' ', '_'], "-")
            .as_str()
        {
            "prior-auth" | "prior-authorization" | "pa" => Ok(PaKind::PriorAuth),
            "plan-of-care" | "poc" => Ok(PaKind::PlanOfCare),
            other => Err(Error::invalid(format!(
                "{field}: {other:?} is not a kind (prior-auth or plan-of-care)"
            ))),
        }
    }
}

impl fmt::Display for PaKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A claim as keyed or read from an 837P, before any shape check.
#[derive(Debug, Clone, Default)]
pub struct RawClaim {
    pub member_id: String,
    pub billing_npi: String,
    pub rendering_npi: String,
    pub diagnosis_codes: Vec<String>,
    pub place_of_service: String,
    pub prior_auth_number: Option<String>,
    pub patient_control_number: Option<String>,
    pub lines: Vec<RawLine>,
}

#[derive(Debug, Clone, Default)]
pub struct RawLine {
    pub procedure_code: String,
    pub modifiers: Vec<String>,
    pub date_of_service: String,
    pub units: String,
    pub charge: String,
}

/// A claim whose every field has the right shape.
#[derive(Debug, Clone)]
pub struct ClaimInput {
    pub member_id: HealthId,
    pub billing_npi: Npi,
    pub rendering_npi: Npi,
    pub diagnosis_codes: Vec<String>,
    pub place_of_service: String,
    pub prior_auth_number: Option<PaNumber>,
    pub patient_control_number: Option<String>,
    pub lines: Vec<LineInput>,
}

#[derive(Debug, Clone)]
pub struct LineInput {
    pub procedure_code: String,
    pub modifiers: Vec<String>,
    pub date_of_service: NaiveDate,
    pub units: i64,
    pub charge: Cents,
}

impl ClaimInput {
    /// The claim's total charge. [`parse_claim`] refuses a claim whose total is above
    /// [`Cents::MAX`], so the sum is checked; held at the ceiling should one ever be built
    /// otherwise.
    pub fn billed(&self) -> Cents {
        Cents::checked_sum(self.lines.iter().map(|l| l.charge)).unwrap_or(Cents::MAX)
    }
    pub fn first_dos(&self) -> Option<NaiveDate> {
        self.lines.iter().map(|l| l.date_of_service).min()
    }
    pub fn last_dos(&self) -> Option<NaiveDate> {
        self.lines.iter().map(|l| l.date_of_service).max()
    }
}

fn collect<T>(problems: &mut Vec<String>, r: Result<T>) -> Option<T> {
    match r {
        Ok(v) => Some(v),
        Err(e) => {
            problems.push(e.message);
            None
        }
    }
}

/// Units: a whole number above 0 (an 837P may write `2` or `2.0`).
pub fn parse_units(field: &str, s: &str) -> Result<i64> {
    let t = s.trim();
    let whole = t
        .strip_suffix(".0")
        .or_else(|| t.strip_suffix(".00"))
        .unwrap_or(t);
    match whole.parse::<i64>() {
        Ok(n) if n > 0 && n <= 9_999 => Ok(n),
        _ => Err(Error::invalid(format!(
            "{field}: units are a whole number from 1 to 9999, got {t:?}"
        ))),
    }
}

/// Checks every field's shape; lists every problem at once.
pub fn parse_claim(raw: &RawClaim) -> std::result::Result<ClaimInput, Vec<String>> {
    let mut p = Vec::new();
    let member_id = collect(&mut p, HealthId::parse("member_id", &raw.member_id));
    let billing_npi = collect(&mut p, Npi::parse("billing_npi", &raw.billing_npi));
    let rendering_npi = if raw.rendering_npi.trim().is_empty() {
        billing_npi.clone()
    } else {
        collect(&mut p, Npi::parse("rendering_npi", &raw.rendering_npi))
    };
    if raw.diagnosis_codes.is_empty() {
        p.push("diagnosis_codes: at least one ICD-10-CM code is needed".into());
    }
    if raw.diagnosis_codes.len() > MAX_DIAGNOSES {
        p.push(format!(
            "diagnosis_codes: at most {MAX_DIAGNOSES} codes, got {}",
            raw.diagnosis_codes.len()
        ));
    }
    // Past the limit the claim is refused anyway: the codes after it are not checked
    // one by one (an 837P may carry hundreds of thousands).
    let diagnosis_codes: Vec<String> = raw
        .diagnosis_codes
        .iter()
        .take(MAX_DIAGNOSES)
        .filter_map(|d| collect(&mut p, parse_diagnosis_code("diagnosis_codes", d)))
        .collect();
    let place_of_service = collect(
        &mut p,
        parse_place_of_service("place_of_service", &raw.place_of_service),
    );
    let prior_auth_number = match raw.prior_auth_number.as_deref().map(str::trim) {
        Some(s) if !s.is_empty() => collect(&mut p, PaNumber::parse("prior_auth_number", s)),
        _ => None,
    };
    if raw.lines.is_empty() {
        p.push("lines: at least one service line ([[lines]]) is needed".into());
    }
    if raw.lines.len() > MAX_LINES {
        p.push(format!(
            "lines: at most {MAX_LINES} service lines, got {}",
            raw.lines.len()
        ));
    }
    let mut lines = Vec::new();
    for (i, l) in raw.lines.iter().enumerate() {
        let n = i + 1;
        let code = collect(
            &mut p,
            parse_procedure_code(&format!("line {n} procedure_code"), &l.procedure_code),
        );
        if l.modifiers.len() > MAX_MODIFIERS {
            p.push(format!(
                "line {n} modifiers: at most {MAX_MODIFIERS}, got {}",
                l.modifiers.len()
            ));
        }
        let modifiers: Vec<String> = l
            .modifiers
            .iter()
            .filter(|m| !m.trim().is_empty())
            .filter_map(|m| collect(&mut p, parse_modifier(&format!("line {n} modifiers"), m)))
            .collect();
        let dos = collect(
            &mut p,
            parse_date(&format!("line {n} date_of_service"), &l.date_of_service),
        );
        let units = collect(&mut p, parse_units(&format!("line {n} units"), &l.units));
        let charge = match Cents::parse(&format!("line {n} charge"), &l.charge) {
            Ok(c) if c.0 > 0 => Some(c),
            Ok(_) => {
                p.push(format!("line {n} charge: must be more than 0"));
                None
            }
            Err(e) => {
                p.push(e.message);
                None
            }
        };
        if let (Some(procedure_code), Some(date_of_service), Some(units), Some(charge)) =
            (code, dos, units, charge)
        {
            lines.push(LineInput {
                procedure_code,
                modifiers,
                date_of_service,
                units,
                charge,
            });
        }
    }
    // Every charge is within the ceiling; their sum must be too (checked, never wrapping).
    if p.is_empty() && Cents::checked_sum(lines.iter().map(|l| l.charge)).is_none() {
        let total: i128 = lines.iter().map(|l| i128::from(l.charge.0)).sum();
        p.push(format!(
            "total charge: the lines' charges add up to {}.{:02}, above the ceiling of a claim's total, {}",
            total / 100,
            total % 100,
            Cents::MAX
        ));
    }
    let pcn = raw
        .patient_control_number
        .as_ref()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if let Some(pcn) = &pcn {
        if pcn.len() > 38 {
            p.push("patient_control_number: at most 38 characters".into());
        }
    }
    match (member_id, billing_npi, rendering_npi, place_of_service) {
        (Some(member_id), Some(billing_npi), Some(rendering_npi), Some(place_of_service))
            if p.is_empty() =>
        {
            Ok(ClaimInput {
                member_id,
                billing_npi,
                rendering_npi,
                diagnosis_codes,
                place_of_service,
                prior_auth_number,
                patient_control_number: pcn,
                lines,
            })
        }
        _ => Err(p),
    }
}

/// One row of the fee schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fee {
    pub procedure_code: String,
    /// Empty: applies to any modifier.
    pub modifier: String,
    pub description: String,
    /// Per unit.
    pub max_allowable: Cents,
    pub pa_required: bool,
}

/// `pa_required`: true/false, Y/N (also yes/no, 1/0).
pub fn parse_flag(field: &str, s: &str) -> Result<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "y" | "yes" | "1" => Ok(true),
        "false" | "n" | "no" | "0" => Ok(false),
        other => Err(Error::invalid(format!(
            "{field}: expected true/false or Y/N, got {other:?}"
        ))),
    }
}

/// One fee-schedule CSV record (already split into its 5 fields).
pub fn parse_fee_row(fields: &[&str]) -> std::result::Result<Fee, Vec<String>> {
    let mut p = Vec::new();
    let get = |i: usize| fields.get(i).copied().unwrap_or("");
    let code = collect(&mut p, parse_procedure_code("procedure_code", get(0)));
    let modifier = if get(1).trim().is_empty() {
        Some(String::new())
    } else {
        collect(&mut p, parse_modifier("modifier", get(1)))
    };
    let description = get(2).trim().to_string();
    if description.is_empty() || description.len() > 200 {
        p.push("description: 1 to 200 characters".into());
    }
    let max_allowable = collect(&mut p, Cents::parse("max_allowable", get(3)));
    let pa_required = collect(&mut p, parse_flag("pa_required", get(4)));
    match (code, modifier, max_allowable, pa_required) {
        (Some(procedure_code), Some(modifier), Some(max_allowable), Some(pa_required))
            if p.is_empty() =>
        {
            Ok(Fee {
                procedure_code,
                modifier,
                description,
                max_allowable,
                pa_required,
            })
        }
        _ => Err(p),
    }
}

/// The fee schedule in memory, keyed by (code, modifier).
#[derive(Debug, Default)]
pub struct FeeSchedule {
    rows: HashMap<(String, String), Fee>,
}

impl FeeSchedule {
    pub fn new(rows: Vec<Fee>) -> FeeSchedule {
        FeeSchedule {
            rows: rows
                .into_iter()
                .map(|f| ((f.procedure_code.clone(), f.modifier.clone()), f))
                .collect(),
        }
    }
    /// The row for a line: an exact code + modifier match (the line's modifiers in order)
    /// first, then the code's any-modifier row.
    pub fn lookup(&self, code: &str, modifiers: &[String]) -> Option<&Fee> {
        modifiers
            .iter()
            .find_map(|m| self.rows.get(&(code.to_string(), m.clone())))
            .or_else(|| self.rows.get(&(code.to_string(), String::new())))
    }
    pub fn len(&self) -> usize {
        self.rows.len()
    }
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// A line's allowed amount: the lesser of its charge and the maximum allowable × units.
/// Units × maximum allowable is checked: above [`Cents::MAX`] it is held at the ceiling
/// (the charge, itself at most the ceiling, is then the lesser).
pub fn allowed_amount(charge: Cents, units: i64, max_allowable: Cents) -> Cents {
    let cap = max_allowable.saturating_mul(units);
    charge.min(cap)
}

/// How a line came out of adjudication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineOutcome {
    Paid { allowed: Cents },
    Denied { carc: &'static str },
}

/// Prices one line against the schedule.
pub fn price_line(
    schedule: &FeeSchedule,
    code: &str,
    modifiers: &[String],
    units: i64,
    charge: Cents,
) -> LineOutcome {
    // A charge outside 0..=Cents::MAX can only come from a store written before the
    // ceiling (docs/claims.md): it is denied as a billing error, never paid.
    if charge.0 < 0 || charge > Cents::MAX {
        return LineOutcome::Denied {
            carc: CARC_BILLING_ERROR,
        };
    }
    match schedule.lookup(code, modifiers) {
        Some(fee) => LineOutcome::Paid {
            allowed: allowed_amount(charge, units, fee.max_allowable),
        },
        None => LineOutcome::Denied {
            carc: CARC_NOT_COVERED,
        },
    }
}

/// The dates a PA may cover, checked against the business date.
pub fn check_pa_range(today: NaiveDate, from: NaiveDate, to: NaiveDate) -> Result<()> {
    if to < from {
        return Err(Error::invalid(format!("to ({to}) is before from ({from})")));
    }
    let earliest = timely_limit(today);
    if from < earliest {
        return Err(Error::invalid(format!(
            "from ({from}) is more than {TIMELY_FILING_MONTHS} months before today ({today}); the earliest a PA may start is {earliest}"
        ))
        .hint("a retroactive PA follows the same 12-month limit as timely filing"));
    }
    let latest_to = from
        .checked_add_months(chrono::Months::new(PA_MAX_MONTHS))
        .unwrap_or(from);
    if to >= latest_to {
        return Err(Error::invalid(format!(
            "a PA covers at most {PA_MAX_MONTHS} months: from {from} it may run to {} at the latest",
            latest_to.pred_opt().unwrap_or(latest_to)
        ))
        .hint("split a longer course of treatment into a renewal PA"));
    }
    let latest_from = today
        .checked_add_months(chrono::Months::new(PA_MAX_MONTHS))
        .unwrap_or(today);
    if from > latest_from {
        return Err(Error::invalid(format!(
            "from ({from}) is more than {PA_MAX_MONTHS} months ahead of today ({today})"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date("d", s).unwrap()
    }

    #[test]
    fn icn_layout() {
        let icn = Icn::new(ClaimType::PortalProfessional, d("2026-03-16"), 42).unwrap();
        assert_eq!(icn.as_str(), "2026075000042");
        assert_eq!(icn.as_str().len(), 13);
        let x = Icn::new(ClaimType::X12Professional, d("2026-12-31"), 999_999).unwrap();
        assert_eq!(x.as_str(), "2226365999999");
        assert!(Icn::new(ClaimType::X12Professional, d("2026-12-31"), 1_000_000).is_none());
        assert!(Icn::parse("icn", "2026075000042").is_ok());
        assert!(Icn::parse("icn", "202607500004").is_err());
        assert!(Icn::parse("icn", "20260750000a2").is_err());
    }

    #[test]
    fn pa_number_layout() {
        let pa = PaNumber::new(d("2026-03-16"), 7).unwrap();
        assert_eq!(pa.as_str(), "2607500007");
        assert!(PaNumber::parse("pa", "2607500007").is_ok());
        assert!(PaNumber::parse("pa", "260750007").is_err());
        assert!(PaNumber::new(d("2026-03-16"), 100_000).is_none());
    }

    #[test]
    fn procedure_codes() {
        for ok in [
            "90837", "h0004", "97110", "0001U", "1036F", "0042T", "G0444",
        ] {
            assert!(parse_procedure_code("c", ok).is_ok(), "{ok}");
        }
        for bad in ["9083", "908377", "W1234", "H00O4", "", "90837A"] {
            assert!(parse_procedure_code("c", bad).is_err(), "{bad}");
        }
        assert_eq!(parse_procedure_code("c", " h0032 ").unwrap(), "H0032");
    }

    #[test]
    fn diagnosis_codes() {
        assert_eq!(parse_diagnosis_code("d", "F41.1").unwrap(), "F411");
        assert_eq!(parse_diagnosis_code("d", "f32.a").unwrap(), "F32A");
        assert_eq!(parse_diagnosis_code("d", "F4310").unwrap(), "F4310");
        assert_eq!(parse_diagnosis_code("d", "Z63").unwrap(), "Z63");
        assert_eq!(parse_diagnosis_code("d", "S72.001A").unwrap(), "S72001A");
        for bad in [
            "F4",
            "41.1",
            "FF1.1",
            "F41.",
            "F41.12345",
            "F41-1",
            "",
            "Fé11",
            "F1é",
        ] {
            assert!(parse_diagnosis_code("d", bad).is_err(), "{bad}");
        }
        assert_eq!(display_diagnosis("F4310"), "F43.10");
        assert_eq!(display_diagnosis("Z63"), "Z63");
    }

    #[test]
    fn modifiers_and_place_of_service() {
        assert_eq!(parse_modifier("m", "gt").unwrap(), "GT");
        assert!(parse_modifier("m", "G").is_err());
        assert!(parse_modifier("m", "G-").is_err());
        assert!(parse_place_of_service("p", "11").is_ok());
        assert!(parse_place_of_service("p", "1").is_err());
        assert!(parse_place_of_service("p", "00").is_err());
        assert!(parse_place_of_service("p", "1a").is_err());
    }

    fn raw() -> RawClaim {
        RawClaim {
            member_id: "ab123456".into(),
            billing_npi: "1234567893".into(),
            rendering_npi: "".into(),
            diagnosis_codes: vec!["F41.1".into()],
            place_of_service: "11".into(),
            prior_auth_number: None,
            patient_control_number: None,
            lines: vec![RawLine {
                procedure_code: "90837".into(),
                modifiers: vec![],
                date_of_service: "2026-03-10".into(),
                units: "1".into(),
                charge: "180.00".into(),
            }],
        }
    }

    #[test]
    fn claim_shapes() {
        let c = parse_claim(&raw()).unwrap();
        assert_eq!(c.member_id.as_str(), "AB123456");
        assert_eq!(c.rendering_npi.as_str(), "1234567893");
        assert_eq!(c.billed(), Cents(18000));
        let mut r = raw();
        r.billing_npi = "1234567890".into();
        r.lines[0].units = "0".into();
        r.lines[0].charge = "0".into();
        r.lines[0].modifiers = vec![
            "a".into(),
            "GT".into(),
            "HE".into(),
            "HF".into(),
            "HG".into(),
        ];
        r.place_of_service = "111".into();
        let p = parse_claim(&r).unwrap_err();
        let all = p.join("\n");
        assert!(all.contains("check digit"), "{all}");
        assert!(all.contains("line 1 units"), "{all}");
        assert!(all.contains("line 1 charge"), "{all}");
        assert!(all.contains("at most 4"), "{all}");
        assert!(all.contains("place of service"), "{all}");
        assert_eq!(parse_units("u", "2.0").unwrap(), 2);
        assert!(parse_units("u", "2.5").is_err());
    }

    #[test]
    fn fee_rows_and_lookup() {
        let f = parse_fee_row(&["90837", "", "Psychotherapy, 60 min", "150.32", "N"]).unwrap();
        assert!(!f.pa_required);
        assert_eq!(f.max_allowable, Cents(15032));
        let g = parse_fee_row(&[
            "90837",
            "GT",
            "Psychotherapy, 60 min, telehealth",
            "140",
            "true",
        ])
        .unwrap();
        let e = parse_fee_row(&["9083", "G", "", "x", "maybe"]).unwrap_err();
        assert_eq!(e.len(), 5, "{e:?}");
        let s = FeeSchedule::new(vec![f, g]);
        assert_eq!(
            s.lookup("90837", &["GT".into()]).unwrap().max_allowable,
            Cents(14000)
        );
        assert_eq!(
            s.lookup("90837", &["HE".into()]).unwrap().max_allowable,
            Cents(15032)
        );
        assert!(s.lookup("90834", &[]).is_none());
    }

    #[test]
    fn pricing() {
        assert_eq!(allowed_amount(Cents(20000), 1, Cents(15032)), Cents(15032));
        assert_eq!(allowed_amount(Cents(10000), 1, Cents(15032)), Cents(10000));
        assert_eq!(allowed_amount(Cents(50000), 4, Cents(10000)), Cents(40000));
        let s = FeeSchedule::new(vec![]);
        assert_eq!(
            price_line(&s, "90837", &[], 1, Cents(100)),
            LineOutcome::Denied { carc: "96" }
        );
    }

    #[test]
    fn timely_and_pa_ranges() {
        let today = d("2026-03-16");
        assert_eq!(timely_limit(today), d("2025-03-16"));
        assert!(check_pa_range(today, d("2026-03-01"), d("2026-09-30")).is_ok());
        assert!(check_pa_range(today, d("2026-03-01"), d("2026-02-01")).is_err());
        assert!(check_pa_range(today, d("2025-03-15"), d("2025-06-01")).is_err());
        assert!(check_pa_range(today, d("2026-03-16"), d("2027-03-16")).is_err());
        assert!(check_pa_range(today, d("2026-03-16"), d("2027-03-15")).is_ok());
        assert_eq!(approval_action(10, 10), "A1");
        assert_eq!(approval_action(10, 6), "A2");
    }

    proptest::proptest! {
        #[test]
        fn shape_checks_never_panic(s in "\\PC{0,12}") {
            let _ = parse_diagnosis_code("d", &s);
            let _ = parse_procedure_code("c", &s);
            let _ = parse_modifier("m", &s);
            let _ = parse_place_of_service("p", &s);
            let _ = parse_units("u", &s);
            let _ = parse_flag("f", &s);
            let _ = Icn::parse("i", &s);
            let _ = PaNumber::parse("p", &s);
            let _ = PaKind::parse("k", &s);
            let _ = display_diagnosis(&s);
            let _ = parse_fee_row(&[&s, &s, &s, &s, &s]);
        }
    }

    #[test]
    fn statuses() {
        assert_eq!(ClaimStatus::Accepted.category_code(), "A2");
        assert_eq!(ClaimStatus::parse("PAID").unwrap(), ClaimStatus::Paid);
        assert!(ClaimStatus::parse("x").is_err());
        assert_eq!(
            PaKind::parse("k", "Plan of Care").unwrap(),
            PaKind::PlanOfCare
        );
        assert_eq!(PaStatus::parse("canceled").unwrap(), PaStatus::Cancelled);
    }
}
