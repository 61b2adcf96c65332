//! `ops member import FILE.csv`: coverage spans, all-or-nothing and idempotent.
//!
//! The file is read and checked whole before the transaction opens; members in the file
//! then get exactly the file's spans (a member whose spans and demographics are unchanged
//! is not touched, so re-importing a file changes nothing).

use crate::auth;
use crate::cli::ops::FileArgs;
use crate::context::Context;
use crate::domain::eligibility::{check_member_spans, parse_row, MemberRecord, RawRow, Span};
use crate::error::{Error, Result};
use crate::output::Output;
use serde::Serialize;
use std::collections::HashMap;

/// The member file's columns, in the spec's order.
pub const COLUMNS: [&str; 11] = [
    "health_id",
    "last_name",
    "first_name",
    "dob",
    "sex",
    "coverage",
    "plan",
    "plan_type",
    "start",
    "end",
    "plan_partner",
];

/// Problems listed in full before the rest are only counted.
const MAX_LISTED: usize = 1000;

#[derive(Serialize)]
pub struct ImportView {
    pub rows: usize,
    pub members: usize,
    pub spans: usize,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

struct MemberAcc {
    record: MemberRecord,
    row: usize,
    /// The data row of each span.
    rows: Vec<usize>,
    spans: Vec<Span>,
}

/// The checked contents of a member file.
pub struct MemberFile {
    pub rows: usize,
    members: Vec<MemberAcc>,
}

fn span_key(s: &Span) -> (u8, chrono::NaiveDate, &str, Option<&str>) {
    (
        s.kind as u8,
        s.start,
        s.plan.as_str(),
        s.plan_type.as_deref(),
    )
}

fn same_spans(a: &[Span], b: &[&Span]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut x: Vec<&Span> = a.iter().collect();
    let mut y: Vec<&Span> = b.to_vec();
    x.sort_by(|p, q| span_key(p).cmp(&span_key(q)));
    y.sort_by(|p, q| span_key(p).cmp(&span_key(q)));
    x == y
}

fn where_(row: usize, line: u64) -> String {
    format!("row {row} (line {line})")
}

/// Reads and checks a member CSV. Every problem is collected; any problem fails the file.
pub fn read_member_csv<R: std::io::Read>(
    name: &str,
    input: R,
    today: chrono::NaiveDate,
) -> Result<MemberFile> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::None)
        .from_reader(input);
    let headers = rdr
        .headers()
        .map_err(|e| Error::invalid(format!("{name}: cannot read the header row: {e}")))?
        .clone();
    let mut idx = [usize::MAX; 11];
    for (i, h) in headers.iter().enumerate() {
        if let Some(k) = COLUMNS
            .iter()
            .position(|c| c.eq_ignore_ascii_case(h.trim().trim_start_matches('\u{feff}')))
        {
            idx[k] = i;
        }
    }
    let missing: Vec<&str> = COLUMNS
        .iter()
        .zip(idx.iter())
        .filter(|(_, i)| **i == usize::MAX)
        .map(|(c, _)| *c)
        .collect();
    if !missing.is_empty() {
        return Err(Error::invalid(format!(
            "{name}: the header lacks column(s) {}",
            missing.join(", ")
        ))
        .hint(format!(
            "the member file's header is: {}",
            COLUMNS.join(",")
        )));
    }
    let mut problems: Vec<String> = Vec::new();
    let mut extra = 0usize;
    let mut note = |p: String, problems: &mut Vec<String>| {
        if problems.len() < MAX_LISTED {
            problems.push(p);
        } else {
            extra += 1;
        }
    };
    let mut by_id: HashMap<String, usize> = HashMap::new();
    let mut members: Vec<MemberAcc> = Vec::new();
    let mut lines: Vec<u64> = Vec::new();
    let mut rec = csv::StringRecord::new();
    let mut row = 0usize;
    loop {
        match rdr.read_record(&mut rec) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(Error::invalid(format!(
                    "{name}: not a readable CSV after row {row}: {e}"
                )))
            }
        }
        row += 1;
        let line = rec.position().map_or(0, |p| p.line());
        lines.push(line);
        let col = |k: usize| rec.get(idx[k]).unwrap_or("");
        if rec.len() != headers.len() {
            note(
                format!(
                    "{}: has {} fields, the header has {}",
                    where_(row, line),
                    rec.len(),
                    headers.len()
                ),
                &mut problems,
            );
            continue;
        }
        let raw = RawRow {
            health_id: col(0),
            last_name: col(1),
            first_name: col(2),
            dob: col(3),
            sex: col(4),
            coverage: col(5),
            plan: col(6),
            plan_type: col(7),
            start: col(8),
            end: col(9),
            plan_partner: col(10),
        };
        match parse_row(&raw, today) {
            Err(ps) => {
                for p in ps {
                    note(
                        format!("{}, column {}: {}", where_(row, line), p.column, p.reason),
                        &mut problems,
                    );
                }
            }
            // Files usually list a member's rows together: check the last member first.
            Ok((m, s)) => match members
                .last()
                .filter(|a| a.record.health_id == m.health_id)
                .map(|_| members.len() - 1)
                .or_else(|| by_id.get(m.health_id.as_str()).copied())
            {
                Some(i) => {
                    let acc = &mut members[i];
                    if acc.record != m {
                        note(
                            format!(
                                "{}, column health_id: {} appears on row {} with a different name, date of birth or sex",
                                where_(row, line),
                                m.health_id,
                                acc.row
                            ),
                            &mut problems,
                        );
                    } else {
                        acc.rows.push(row);
                        acc.spans.push(s);
                    }
                }
                None => {
                    by_id.insert(m.health_id.as_str().to_string(), members.len());
                    members.push(MemberAcc {
                        record: m,
                        row,
                        rows: vec![row],
                        spans: vec![s],
                    });
                }
            },
        }
    }
    for acc in &members {
        for (i, p) in check_member_spans(&acc.spans) {
            let r = acc.rows[i];
            let line = lines.get(r - 1).copied().unwrap_or(0);
            note(
                format!("{}, column {}: {}", where_(r, line), p.column, p.reason),
                &mut problems,
            );
        }
    }
    if !problems.is_empty() {
        let total = problems.len() + extra;
        if extra > 0 {
            problems.push(format!("... and {extra} more"));
        }
        let mut msg = format!("{name}: {total} problem(s); nothing was imported:");
        for p in &problems {
            msg.push_str("\n  - ");
            msg.push_str(p);
        }
        let e = Error::invalid(msg);
        return Err(e.hint("fix the rows listed and import the whole file again"));
    }
    members.sort_by(|a, b| a.record.health_id.as_str().cmp(b.record.health_id.as_str()));
    Ok(MemberFile { rows: row, members })
}

/// Gives an existing store's member exactly the file's spans and demographics; a member
/// whose spans and demographics are unchanged is not written.
fn apply_member(tx: &crate::store::Tx<'_>, m: &MemberAcc, view: &mut ImportView) -> Result<()> {
    let spans: Vec<&Span> = m.spans.iter().collect();
    view.spans += spans.len();
    match tx.member_by_health_id(m.record.health_id.as_str())? {
        None => {
            let id = tx.insert_member(&m.record)?;
            for (i, s) in spans.iter().enumerate() {
                tx.insert_span(id, i + 1, s)?;
            }
            view.added += 1;
        }
        Some(row) => {
            let same_demo = row.last_name == m.record.last_name
                && row.first_name == m.record.first_name
                && row.dob == crate::domain::eligibility::ymd_string(m.record.dob)
                && row.sex == m.record.sex;
            let old = tx.member_spans(row.id)?;
            let same = same_spans(&old, &spans);
            if !same_demo {
                tx.update_member(row.id, &m.record)?;
            }
            if !same {
                tx.delete_member_spans(row.id)?;
                for (i, s) in spans.iter().enumerate() {
                    tx.insert_span(row.id, i + 1, s)?;
                }
            }
            if same && same_demo {
                view.unchanged += 1;
            } else {
                view.changed += 1;
            }
        }
    }
    Ok(())
}

pub fn cmd_ops_member_import(ctx: &Context, args: &FileArgs) -> Result<Output> {
    // `-` reads the member file from stdin. Permission first, then the size, then the file.
    let name = crate::output::input::name(&args.file);
    let store = ctx.open_store()?;
    auth::permit(ctx, &store, "ops member import")?;
    crate::limits::check_file_size(
        &args.file,
        crate::limits::MAX_MEMBER_CSV_BYTES,
        "a member file",
    )?;
    let f = crate::output::input::open(&args.file)
        .map_err(|e| Error::invalid(format!("cannot read {name}: {e}")))?;
    // Progress (a terminal only): bytes read, then members written.
    let reading = ctx.progress_bytes(crate::output::input::size(&args.file), "reading members");
    let f = reading.wrap_read(f);
    let file = read_member_csv(
        &name,
        std::io::BufReader::with_capacity(1 << 16, f),
        ctx.clock.today(),
    )?;
    drop(reading);
    let progress = ctx.progress(file.members.len() as u64, "importing members");
    let (tx, actor) = auth::begin(ctx, &store, "ops member import")?;
    tx.bulk_mode()?;
    let mut view = ImportView {
        rows: file.rows,
        members: file.members.len(),
        spans: 0,
        added: 0,
        changed: 0,
        unchanged: 0,
    };
    if !tx.has_members()? {
        // An empty store: plain inserts, the name index built once at the end.
        tx.begin_fresh_load()?;
        {
            let mut ins = tx.bulk_insert()?;
            for m in &file.members {
                let id = ins.member(&m.record)?;
                for (i, s) in m.spans.iter().enumerate() {
                    ins.span(id, i + 1, s)?;
                }
                view.spans += m.spans.len();
                view.added += 1;
                progress.inc(1);
            }
        }
        tx.end_fresh_load()?;
    } else {
        for m in &file.members {
            apply_member(&tx, m, &mut view)?;
            progress.inc(1);
        }
    }
    let now = ctx.clock.now_str();
    let base = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    let detail = format!(
        "rows {}, members {} (added {}, changed {}, unchanged {}), spans {}",
        view.rows, view.members, view.added, view.changed, view.unchanged, view.spans
    );
    tx.audit(&actor.entry(&now, "ops member import", Some(&base), "ok", Some(&detail)))?;
    tx.commit()?;
    // A million-span file is a large tree of small allocations; the process ends right
    // after this command, so hand it back to the OS at exit instead of freeing it piece by piece.
    std::mem::forget(file);
    let human = format!(
        "Imported {name}: {} rows, {} members ({} added, {} changed, {} unchanged), {} coverage spans.",
        view.rows, view.members, view.added, view.changed, view.unchanged, view.spans
    );
    Ok(Output::record_with(view, human))
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner\n";

    fn today() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 3, 16).unwrap()
    }

    #[test]
    fn reads_and_groups_rows() {
        let text = format!(
            "{HEAD}AB12CD34,Doe,Jane,1990-01-02,F,benefit,OHP Plus,,2025-01-01,,\n\
             ab12cd34,Doe,Jane,1990-01-02,F,cco,Health Share of Oregon,CCOA,2025-01-01,,CareOregon\n\
             ZZ00ZZ01,Roe,Rick,1980-05-06,M,benefit,BMH,,2025-01-01,,\n"
        );
        let f = read_member_csv("m.csv", text.as_bytes(), today()).unwrap();
        assert_eq!(f.rows, 3);
        assert_eq!(f.members.len(), 2);
        assert_eq!(f.members[0].spans.len(), 2);
    }

    #[test]
    fn lists_every_bad_row() {
        let text = format!(
            "{HEAD}AB12CD3,Doe,Jane,1990-01-02,F,benefit,OHP Plus,,2025-01-01,,\n\
             AB12CD34,Doe,Jane,1990-01-02,Q,benefit,NOPE,,2025-01-01,,\n\
             CW00CW00,Cruz,Ana,1990-01-02,F,benefit,CWM,,2025-01-01,,\n\
             CW00CW00,Cruz,Ana,1990-01-02,F,cco,AllCare CCO,CCOB,2025-06-01,,\n"
        );
        let e = read_member_csv("m.csv", text.as_bytes(), today())
            .err()
            .unwrap();
        assert!(
            e.message.contains("row 1 (line 2), column health_id"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("row 2 (line 3), column sex"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("row 2 (line 3), column plan"),
            "{}",
            e.message
        );
        assert!(
            e.message.contains("row 4 (line 5), column coverage"),
            "{}",
            e.message
        );
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = read_member_csv("m.csv", "health_id,last_name\n".as_bytes(), today())
            .err()
            .unwrap();
        assert!(e.message.contains("first_name"));
    }
}
