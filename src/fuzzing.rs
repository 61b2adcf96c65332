//! Entry points for the fuzz targets (`fuzz/`) and the regression corpus
//! (`tests/regressions/`): each feeds arbitrary bytes to one reader of outside input exactly
//! as the commands do, and throws the answer away. Only a panic, a hang or unbounded memory
//! is a finding; every `Err` is a correct answer. They change no behaviour.

use crate::domain::claims::{
    parse_claim, parse_diagnosis_code, parse_fee_row, parse_modifier, parse_place_of_service,
    parse_procedure_code, parse_units, Icn, PaNumber, RawClaim, RawLine,
};
use crate::domain::eligibility::{parse_name, parse_sex, parse_ymd};
use crate::domain::ids::{
    parse_email, parse_phone, parse_user_name, Cents, HealthId, Npi, ProviderId, TaxId,
};
use crate::domain::time::{parse_date, parse_duration};
use crate::x12::Interchange;
use chrono::NaiveDate;

/// A reader target: bytes in, nothing out.
pub type Target = fn(&[u8]);

/// Every reader target, by name: the fuzz targets and the regression corpus folders.
pub const TARGETS: &[(&str, Target)] = &[
    ("interchange", interchange),
    ("x12_270", x12_270),
    ("x12_837p", x12_837p),
    ("x12_999", x12_999),
    ("x12_276", x12_276),
    ("x12_835", x12_835),
    ("member_csv", member_csv),
    ("fee_csv", fee_csv),
    ("roster_csv", roster_csv),
    ("toml_form", toml_form),
    ("config", config),
    ("small_parsers", small_parsers),
];

/// The business date the readers are given (the test sandbox's).
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 16).unwrap_or_default()
}

fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// The generic interchange reader, strict and lenient.
pub fn interchange(data: &[u8]) {
    let _ = Interchange::parse_bytes(data);
    if let Some(t) = text(data) {
        if let Ok(ic) = Interchange::parse_lenient(t) {
            let _ = ic.transactions().count();
            let _ = crate::x12::ack::unnamed(&ic, &ic.delimiters);
            let _ = crate::x12::ack::interchange_note(&ic, &ic.delimiters);
        }
    }
}

/// A 270 as `elig batch --x12` reads it (strict envelope, then the inquiries).
pub fn x12_270(data: &[u8]) {
    if let Ok(ic) = Interchange::parse_bytes(data) {
        let _ = crate::x12::eligibility::read_270(&ic);
    }
}

/// An 837P as `claim submit --x12` reads it (lenient envelope, then each set and claim).
pub fn x12_837p(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let Ok(ic) = Interchange::parse_lenient(t) else {
        return;
    };
    let _ = crate::x12::check_transaction_version(&ic, "837", "005010X222A1");
    for (gi, g) in ic.groups.iter().enumerate() {
        for (ti, set) in g.transactions.iter().enumerate() {
            let Ok(claims) = crate::x12::claims::read_837p_set(gi, ti, set) else {
                continue;
            };
            for c in claims {
                let _ = crate::x12::claims::amount_cents(c.total_charge);
                let raw = RawClaim {
                    member_id: c.subscriber.member_id.unwrap_or("").to_string(),
                    billing_npi: c.billing_provider.npi.unwrap_or("").to_string(),
                    rendering_npi: String::new(),
                    diagnosis_codes: c.diagnosis_codes.clone(),
                    place_of_service: c.place_of_service.to_string(),
                    prior_auth_number: c.prior_authorization.map(str::to_string),
                    patient_control_number: Some(c.patient_control_number.to_string()),
                    lines: c
                        .lines
                        .iter()
                        .map(|l| RawLine {
                            procedure_code: l.procedure_code.to_string(),
                            modifiers: l.modifiers.iter().map(|m| m.to_string()).collect(),
                            date_of_service: String::new(),
                            units: l.units.to_string(),
                            charge: l.charge.to_string(),
                        })
                        .collect(),
                };
                if let Ok(claim) = parse_claim(&raw) {
                    let _ = claim.billed();
                }
            }
        }
    }
}

/// A 999 (or any acknowledgment) read back: the envelope and the set's version.
pub fn x12_999(data: &[u8]) {
    if let Some(t) = text(data) {
        if let Ok(ic) = Interchange::parse_lenient(t) {
            let _ = crate::x12::check_transaction_version(&ic, "999", "005010X231A1");
        }
    }
}

/// A 276 claim status request as `claim status --x12` reads it: each interchange, then its
/// inquiries.
pub fn x12_276(data: &[u8]) {
    if let Some(t) = text(data) {
        for chunk in crate::x12::split_interchanges(t) {
            if let Ok(ic) = Interchange::parse(chunk) {
                let _ = crate::x12::claim_status::read_276(&ic);
            }
        }
    }
}

/// An 835 remittance advice as `remit post` reads it: every claim payment and provider
/// adjustment handed over, as the posting pass sees them.
pub fn x12_835(data: &[u8]) {
    if let Some(t) = text(data) {
        let mut n = 0usize;
        let r: Result<_, std::convert::Infallible> = crate::x12::remit_read::read_835(t, |_| {
            n += 1;
            Ok(())
        });
        let _ = (r, n);
    }
}

/// The member eligibility CSV of `ops member import`.
pub fn member_csv(data: &[u8]) {
    use crate::commands::ops::member::{note_span_problems, read_member_csv, Problems};
    let mut problems = Problems::default();
    let _ = read_member_csv("fuzz.csv", data, today(), &mut problems, |g, problems| {
        note_span_problems(&g.spans, &g.rows, problems);
        Ok(())
    });
}

/// The fee schedule CSV of `ops fee-schedule import`.
pub fn fee_csv(data: &[u8]) {
    if let Some(t) = text(data) {
        let _ = crate::commands::ops::fees::parse_fees(t, "fuzz.csv");
        let fields: Vec<&str> = t.split(',').collect();
        let _ = parse_fee_row(&fields);
    }
}

/// The roster CSV of `elig batch` (its header and each row's request).
pub fn roster_csv(data: &[u8]) {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(data);
    let Ok(headers) = rdr.headers().cloned() else {
        return;
    };
    let Ok(cols) = crate::commands::elig::batch::roster_columns("fuzz.csv", &headers) else {
        return;
    };
    for rec in rdr.records().take(10_000).flatten() {
        let _ = crate::commands::elig::batch::row_request(&rec, &cols, today());
    }
}

/// A TOML form (`--form`), read as the commands read one: the table, then typed keys.
pub fn toml_form(data: &[u8]) {
    let Some(t) = text(data) else { return };
    let Ok(values) = toml::from_str::<toml::Table>(t) else {
        return;
    };
    let keys: Vec<String> = values.keys().cloned().collect();
    let form = crate::forms::Form::from_table(values);
    for k in &keys {
        let _ = form.text(k);
        let _ = form.list(k);
        let _ = form.integer(k);
        let _ = form.bool(k);
    }
}

/// `config.toml`.
pub fn config(data: &[u8]) {
    if let Some(t) = text(data) {
        let _ = toml::from_str::<crate::context::ConfigFile>(t);
    }
}

/// The small parsers (dates, IDs, amounts, codes), each given the whole input.
pub fn small_parsers(data: &[u8]) {
    let Some(s) = text(data) else { return };
    let f = "fuzz";
    let _ = parse_date(f, s);
    let _ = parse_duration(f, s);
    let _ = parse_ymd(s);
    let _ = crate::x12::parse_d8(s);
    let _ = Npi::parse(f, s);
    let _ = ProviderId::parse(f, s);
    let _ = TaxId::parse(f, s);
    let _ = HealthId::parse(f, s);
    let _ = Icn::parse(f, s);
    let _ = PaNumber::parse(f, s);
    let _ = parse_user_name(f, s);
    let _ = parse_email(f, s);
    let _ = parse_phone(f, s);
    let _ = parse_name(f, s);
    let _ = parse_sex(s);
    if let Ok(c) = Cents::parse(f, s) {
        assert!(
            c <= Cents::MAX,
            "an amount above the ceiling was accepted: {s:?}"
        );
        let _ = c.to_string();
    }
    let _ = crate::x12::claims::amount_cents(s);
    let _ = parse_units(f, s);
    let _ = parse_procedure_code(f, s);
    let _ = parse_modifier(f, s);
    let _ = parse_diagnosis_code(f, s);
    let _ = parse_place_of_service(f, s);
    let _ = crate::domain::roles::Role::parse_list(s);
}
