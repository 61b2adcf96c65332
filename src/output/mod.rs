//! One renderer: tables for people, JSON / NDJSON / CSV for scripts. stdout carries results only.

use crate::error::{Error, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde_json::Value;
use std::io::Write;

pub mod files;
pub mod flat;
pub mod input;
pub mod term;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    #[default]
    Table,
    Json,
    Csv,
    Ndjson,
}

/// What a command hands back to be printed.
pub enum Output {
    /// Nothing on stdout.
    Nothing,
    /// One record. `human` replaces the default key/value table when given.
    Record { value: Value, human: Option<String> },
    /// Rows with columns: a table, a CSV, a JSON array or NDJSON lines.
    Rows {
        value: Vec<Value>,
        columns: Vec<&'static str>,
        cells: Vec<Vec<String>>,
        human_footer: Option<String>,
    },
    /// Text exactly as it is (an X12 file, completions, a man page).
    Raw(String),
    /// Already written to stdout and flushed before the command committed (a secret shown
    /// once, see [`crate::context::Context::emit_now`]): nothing more to print.
    Delivered(Box<Output>),
    /// One record too big to hold as a JSON value (the results of an 837P of 100,000
    /// claims): it writes itself, item by item, in the format asked for, as
    /// [`Output::Record`] would print it.
    Streamed(Box<dyn Streamed>),
}

/// A record that writes itself (see [`Output::Streamed`]).
pub trait Streamed {
    /// Writes the record in `format` to `out` (buffered by the caller), exactly as
    /// [`render`] prints an [`Output::Record`] of the same value and human text.
    fn write(&self, format: Format, out: &mut dyn Write) -> std::io::Result<()>;
}

impl Output {
    pub fn record(value: impl serde::Serialize) -> Output {
        Output::Record {
            value: to_value(value),
            human: None,
        }
    }
    pub fn record_with(value: impl serde::Serialize, human: String) -> Output {
        Output::Record {
            value: to_value(value),
            human: Some(human),
        }
    }
    /// Rows from serialisable items; the table's cells are taken from the named JSON fields.
    pub fn rows<T: serde::Serialize>(items: &[T], columns: Vec<&'static str>) -> Output {
        let value: Vec<Value> = items.iter().map(to_value).collect();
        let cells = value
            .iter()
            .map(|v| {
                columns
                    .iter()
                    .map(|c| cell(v.get(*c).unwrap_or(&Value::Null)))
                    .collect()
            })
            .collect();
        Output::Rows {
            value,
            columns,
            cells,
            human_footer: None,
        }
    }
    /// Rows whose table shows columns of its own (folded or shortened to fit a terminal);
    /// JSON, NDJSON and CSV still carry every field of the items.
    pub fn rows_with_table<T: serde::Serialize>(
        items: &[T],
        columns: Vec<&'static str>,
        cells: Vec<Vec<String>>,
    ) -> Output {
        Output::Rows {
            value: items.iter().map(to_value).collect(),
            columns,
            cells,
            human_footer: None,
        }
    }
}

pub fn to_value(v: impl serde::Serialize) -> Value {
    serde_json::to_value(v).unwrap_or(Value::Null)
}

/// A JSON value as one table or CSV cell.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => {
            if *b {
                "yes".into()
            } else {
                "no".into()
            }
        }
        Value::Number(n) => n.to_string(),
        Value::Array(a) => a.iter().map(cell).collect::<Vec<_>>().join(", "),
        Value::Object(_) => v.to_string(),
    }
}

/// A table drawn to the terminal's width (`COLUMNS`, else the terminal, else 100), whatever
/// `NO_COLOR` says: colour and width are separate things (docs/config.md).
pub fn new_table() -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    let width = term::table_width(t.width());
    t.set_width(width);
    t
}

/// Keeps copyable tokens whole: every column is at least as wide as the longest token in
/// it — a word with a digit, `_`, `-`, `@`, `.` or `:` or in capitals (a Health ID, ICN, PA
/// number, role slug, user name, code) — and a column of times (`2026-03-16 09:15 PST`) as
/// wide as its longest time, so none is split across lines. When the table has room, plain
/// words and the header's names are kept whole too. Call after the rows are added.
pub fn fit(t: &mut Table) {
    use comfy_table::{ColumnConstraint, Width};
    let n = t.column_count();
    // Per column: (tokens and times, every word of the cells, every word with the header's,
    // holds times).
    let mut mins: Vec<(usize, usize, usize, bool)> = vec![(0, 0, 0, false); n];
    let mut measure = |i: usize, text: &str, header: bool| {
        let Some(m) = mins.get_mut(i) else {
            return;
        };
        let whole = is_local_time(text);
        for line in text.lines() {
            if whole {
                let len = line.chars().count();
                m.0 = m.0.max(len);
                m.1 = m.1.max(len);
                m.2 = m.2.max(len);
                m.3 = true;
                continue;
            }
            for w in line.split_whitespace() {
                let len = w.chars().count().min(48);
                m.2 = m.2.max(len);
                if !header {
                    m.1 = m.1.max(len);
                    if is_token(w) {
                        m.0 = m.0.max(len);
                    }
                }
            }
        }
    };
    if let Some(h) = t.header() {
        for (i, c) in h.cell_iter().enumerate() {
            measure(i, &c.content(), true);
        }
    }
    for row in t.row_iter() {
        for (i, c) in row.cell_iter().enumerate() {
            measure(i, &c.content(), false);
        }
    }
    // Borders and padding: 3 characters a column, and 1.
    let room = usize::from(t.width().unwrap_or(100)).saturating_sub(3 * n + 1);
    // The most that fits: every word with the headers', else every word of the cells, else
    // the tokens and times.
    type Tier = fn(&(usize, usize, usize, bool)) -> usize;
    let tiers: [Tier; 3] = [|m| m.2, |m| m.1, |m| m.0];
    let fits = |widths: &[usize]| {
        let free = widths.iter().filter(|w| **w == 0).count() * 4;
        widths.iter().sum::<usize>() + free <= room
    };
    let mut widths: Vec<usize> = Vec::new();
    for tier in tiers {
        widths = mins.iter().map(tier).collect();
        if fits(&widths) {
            break;
        }
    }
    // Too many long tokens for the width: first a very long one (a digest in a free-text
    // column) may wrap, then a time may wrap at its spaces (`2026-03-16` / `09:15 PST`), so
    // that the other columns keep some room (4 characters); IDs, codes and slugs never do.
    let over = |widths: &[usize]| !fits(widths);
    while over(&widths) {
        match widths.iter_mut().filter(|w| **w > 24).max() {
            Some(w) => *w = 0,
            None => break,
        }
    }
    for (i, m) in mins.iter().enumerate() {
        if over(&widths) && m.3 {
            // `2026-03-16` on one line, `09:15 PST` on the next.
            widths[i] = 10;
        }
    }
    for (i, w) in widths.into_iter().enumerate() {
        // Only columns with something to keep whole are constrained; the others share
        // what is left. A fixed width counts the column's padding (1 each side).
        if w > 0 {
            if let Some(c) = t.column_mut(i) {
                c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(w as u16 + 2)));
            }
        }
    }
}

/// A word someone copies whole: an ID, code, slug, user name or amount.
fn is_token(w: &str) -> bool {
    let w = w.trim_end_matches([',', ';']);
    w.chars()
        .any(|c| c.is_ascii_digit() || matches!(c, '_' | '-' | '@' | '.' | ':' | '/'))
        || (w.chars().count() >= 2
            && w.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
}

/// Whether a table cell is a time [`term::local_time`] wrote (kept on one line).
fn is_local_time(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() >= 20
        && b.get(4) == Some(&b'-')
        && b.get(10) == Some(&b' ')
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b' ')
        && !s[17..].contains(' ')
}

/// A table cell as a person reads it: timestamps in local time with the zone, and colour
/// for `eligible` and statuses when stdout is a terminal that takes colour.
fn table_cell(column: &str, text: &str, color: bool) -> comfy_table::Cell {
    let text = term::local_time(text).unwrap_or_else(|| text.to_string());
    let c = comfy_table::Cell::new(&text);
    match term::cell_color(column, &text) {
        Some(col) if color => c.fg(col),
        _ => c,
    }
}

/// A table with `columns` as its header and `rows` as its cells, localised, coloured and
/// fitted (see [`fit`]).
pub fn table_of(columns: &[&str], rows: &[Vec<String>]) -> Table {
    let color = term::stdout_color();
    let mut t = new_table();
    t.set_header(columns.to_vec());
    for row in rows {
        t.add_row(
            row.iter()
                .enumerate()
                .map(|(i, v)| table_cell(columns.get(i).copied().unwrap_or(""), v, color))
                .collect::<Vec<_>>(),
        );
    }
    fit(&mut t);
    t
}

/// A two-column table of a record's scalar fields.
pub fn kv_table(value: &Value) -> String {
    let color = term::stdout_color();
    let mut t = new_table();
    t.set_header(vec!["field", "value"]);
    if let Value::Object(map) = value {
        for (k, v) in map {
            t.add_row(vec![
                comfy_table::Cell::new(k),
                table_cell(k, &cell(v), color),
            ]);
        }
    }
    fit(&mut t);
    t.to_string()
}

fn write_out(out: &mut dyn Write, s: &str) -> Result<()> {
    match out.write_all(s.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) if term::note_write_error(&e) => Ok(()),
        Err(e) => Err(Error::internal(format!("cannot write output: {e}"))),
    }
}

pub fn render(output: &Output, format: Format, out: &mut dyn Write) -> Result<()> {
    match output {
        Output::Nothing | Output::Delivered(_) => Ok(()),
        Output::Raw(s) => write_out(out, s),
        Output::Streamed(record) => {
            let mut w = std::io::BufWriter::with_capacity(1 << 16, out);
            match record.write(format, &mut w).and_then(|()| w.flush()) {
                Ok(()) => Ok(()),
                Err(e) if term::note_write_error(&e) => Ok(()),
                Err(e) => Err(Error::internal(format!("cannot write output: {e}"))),
            }
        }
        Output::Record { value, human } => match format {
            Format::Json => write_out(out, &format!("{}\n", pretty(value))),
            Format::Ndjson => write_out(out, &format!("{value}\n")),
            Format::Csv => write_out(out, &flat::csv_text(&flat::record_table(value))),
            Format::Table => {
                let text = match human {
                    Some(h) => match term::prose_width() {
                        Some(w) => wrap_prose(h, w),
                        None => h.clone(),
                    },
                    None => kv_table(value),
                };
                write_out(out, &format!("{}\n", text.trim_end()))
            }
        },
        Output::Rows {
            value,
            columns,
            cells,
            human_footer,
        } => match format {
            Format::Json => write_out(out, &format!("{}\n", pretty(&Value::Array(value.clone())))),
            Format::Ndjson => {
                let mut s = String::new();
                for v in value {
                    s.push_str(&v.to_string());
                    s.push('\n');
                }
                write_out(out, &s)
            }
            Format::Csv => write_out(out, &flat::csv_text(&flat::rows_table(value))),
            Format::Table => {
                let t = table_of(columns, cells);
                let mut s = if cells.is_empty() {
                    "(none)".to_string()
                } else {
                    t.to_string()
                };
                if let Some(f) = human_footer {
                    s.push('\n');
                    match term::prose_width() {
                        Some(w) => s.push_str(&wrap_prose(f, w)),
                        None => s.push_str(f),
                    }
                }
                write_out(out, &format!("{}\n", s.trim_end()))
            }
        },
    }
}

/// Text for a person laid out to `width` columns: a line wider than that is wrapped between
/// words (never inside one, so IDs, codes and times stay whole), its continuation indented
/// two more than the line itself. Lines of a table (box-drawing characters) are left as the
/// table drew them.
pub fn wrap_prose(text: &str, width: usize) -> String {
    const BOX: &[char] = &['│', '┆', '┌', '└', '├', '╞', '─', '═', '┬', '┼', '┴'];
    let width = width.max(20);
    let mut out = String::with_capacity(text.len());
    for line in text.split('\n') {
        if line.chars().count() <= width || line.contains(BOX) {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let indent: String = line.chars().take_while(|c| *c == ' ').collect();
        let hanging = format!("{indent}  ");
        let mut cur = indent.clone();
        let mut first = true;
        for word in line.split(' ').filter(|w| !w.is_empty()) {
            let lead = if first { &indent } else { &hanging };
            let empty = cur.chars().count() == lead.chars().count();
            if !empty && cur.chars().count() + 1 + word.chars().count() > width {
                out.push_str(&cur);
                out.push('\n');
                first = false;
                cur = hanging.clone();
            } else if !empty {
                cur.push(' ');
            }
            cur.push_str(word);
        }
        out.push_str(&cur);
        out.push('\n');
    }
    out.pop();
    out
}

/// The line (on stderr) under every table printed from a sandbox store.
pub fn sandbox_banner(business_date: &str) -> String {
    format!(
        "note: SANDBOX store (business date {business_date}): made-up data, not the live portal"
    )
}

pub fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

#[cfg(test)]
mod tests {
    use super::wrap_prose;

    #[test]
    fn prose_wraps_between_words_and_keeps_tables_and_tokens_whole() {
        let line = "=> Bill Health Share of Oregon, not OHA; plan partner CareOregon (claim 2026075000001)";
        let w = wrap_prose(line, 40);
        assert!(w.lines().all(|l| l.chars().count() <= 40), "{w}");
        assert!(w.contains("2026075000001"), "{w}");
        assert_eq!(w.lines().nth(1).map(|l| l.starts_with("  ")), Some(true));
        assert_eq!(
            w.split_whitespace().collect::<Vec<_>>(),
            line.split_whitespace().collect::<Vec<_>>()
        );
        // Indented lines keep their indent, and continue two further in.
        let w = wrap_prose(
            "  2026-03-16  accepted  A2  JOHNNIE5 — received on the portal; accepted",
            40,
        );
        assert!(w.lines().all(|l| l.starts_with("  ")), "{w}");
        // Short lines, table lines and words longer than the width are left whole.
        assert_eq!(wrap_prose("short\n\nlines", 20), "short\n\nlines");
        let table = "│ a very long cell that a table drew and that is wider than twenty │";
        assert_eq!(wrap_prose(table, 20), table);
        let long = "x".repeat(30);
        assert_eq!(wrap_prose(&format!("a {long}"), 20), format!("a\n  {long}"));
    }
}
