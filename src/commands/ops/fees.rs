//! `ops fee-schedule import FILE.csv`: validated, all-or-nothing.

use crate::auth;
use crate::cli::ops::FileArgs;
use crate::context::Context;
use crate::domain::claims::parse_fee_row;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::claims::FeeRow;
use std::collections::HashMap;

const COLUMNS: [&str; 5] = [
    "procedure_code",
    "modifier",
    "description",
    "max_allowable",
    "pa_required",
];

/// The most row problems listed (the rest are counted).
const MAX_PROBLEMS: usize = 100;

/// Reads and checks the whole file; every bad row is listed.
pub fn read_fees(path: &std::path::Path) -> Result<Vec<FeeRow>> {
    // `-` reads the fee schedule from stdin; either way at most MAX_FEE_CSV_BYTES.
    let name = crate::output::input::name(path);
    let bytes = crate::limits::read_file(path, crate::limits::MAX_FEE_CSV_BYTES, "a fee schedule")?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Error::invalid(format!(
            "cannot read {name}: not UTF-8 text (at byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    parse_fees(&text, &name)
}

pub fn parse_fees(text: &str, name: &str) -> Result<Vec<FeeRow>> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| Error::invalid(format!("{name}: not a CSV file: {e}")))?
        .clone();
    let mut index = Vec::new();
    let mut missing = Vec::new();
    for c in COLUMNS {
        match headers.iter().position(|h| h.eq_ignore_ascii_case(c)) {
            Some(i) => index.push(i),
            None => missing.push(c),
        }
    }
    if !missing.is_empty() {
        return Err(Error::invalid(format!(
            "{name}: the header lacks column(s) {}; a fee schedule has {}",
            missing.join(", "),
            COLUMNS.join(",")
        )));
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut stopped_at = None;
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        // The answer is already "refused": stop reading (memory and time stay bounded).
        if problems.len() >= MAX_PROBLEMS {
            stopped_at = Some(row);
            break;
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("row {row}: {e}"));
                continue;
            }
        };
        if rec.iter().all(|f| f.is_empty()) {
            continue;
        }
        let fields: Vec<&str> = index.iter().map(|&i| rec.get(i).unwrap_or("")).collect();
        match parse_fee_row(&fields) {
            Ok(f) => {
                let key = (f.procedure_code.clone(), f.modifier.clone());
                if let Some(first) = seen.get(&key) {
                    problems.push(format!(
                        "row {row}: {} {} repeats row {first}",
                        f.procedure_code,
                        if f.modifier.is_empty() {
                            "(any modifier)".to_string()
                        } else {
                            format!("modifier {}", f.modifier)
                        }
                    ));
                    continue;
                }
                seen.insert(key, row);
                rows.push(FeeRow {
                    procedure_code: f.procedure_code,
                    modifier: f.modifier,
                    description: f.description,
                    max_allowable: f.max_allowable,
                    pa_required: f.pa_required,
                });
            }
            Err(ps) => {
                for p in ps {
                    problems.push(format!("row {row}: {p}"));
                }
            }
        }
    }
    if let Some(row) = stopped_at {
        problems.truncate(MAX_PROBLEMS);
        problems.push(format!(
            "... reading stopped at row {row} after {MAX_PROBLEMS} problems; there may be more"
        ));
    }
    if !problems.is_empty() {
        return Err(Error::invalid_fields(name, &problems)
            .hint("nothing was imported; fix the rows and import the whole file again"));
    }
    if rows.is_empty() {
        return Err(Error::invalid(format!("{name}: the file has no fee rows")));
    }
    Ok(rows)
}

pub fn cmd_ops_fee_schedule_import(ctx: &Context, args: &FileArgs) -> Result<Output> {
    // Permission first, then the size, then the file.
    let store = ctx.open_store()?;
    auth::permit(ctx, &store, auth::Cmd::OpsFeeScheduleImport)?;
    let rows = read_fees(&args.file)?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsFeeScheduleImport)?;
    let added = tx.upsert_fees(&rows)?;
    let now = ctx.clock.now_str();
    let detail = format!("{} rows ({} new)", rows.len(), added);
    tx.audit(&actor.entry(
        &now,
        "ops fee-schedule import",
        Some(&args.file.display().to_string()),
        "ok",
        Some(&detail),
    ))?;
    tx.commit()?;
    let n = rows.len();
    Ok(Output::record_with(
        serde_json::json!({"rows": n, "added": added, "updated": n - added}),
        format!(
            "Imported {n} fee schedule rows ({added} new, {} updated).",
            n - added
        ),
    ))
}
