//! One renderer: tables for people, JSON / NDJSON / CSV for scripts. stdout carries results only.

use crate::error::{Error, Result};
use comfy_table::{presets::UTF8_FULL_CONDENSED, ContentArrangement, Table};
use serde_json::Value;
use std::io::Write;

pub mod files;

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

fn csv_cell(v: &Value) -> String {
    match v {
        Value::Bool(b) => b.to_string(),
        Value::Array(a) => a.iter().map(csv_cell).collect::<Vec<_>>().join(";"),
        other => cell(other),
    }
}

pub fn new_table() -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if std::env::var_os("NO_COLOR").is_some() {
        t.force_no_tty();
    }
    if t.width().is_none() {
        t.set_width(100);
    }
    t
}

/// A two-column table of a record's scalar fields.
pub fn kv_table(value: &Value) -> String {
    let mut t = new_table();
    t.set_header(vec!["field", "value"]);
    if let Value::Object(map) = value {
        for (k, v) in map {
            t.add_row(vec![k.clone(), cell(v)]);
        }
    }
    t.to_string()
}

fn write_out(out: &mut dyn Write, s: &str) -> Result<()> {
    match out.write_all(s.as_bytes()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Error::internal(format!("cannot write output: {e}"))),
    }
}

pub fn render(output: &Output, format: Format, out: &mut dyn Write) -> Result<()> {
    match output {
        Output::Nothing | Output::Delivered(_) => Ok(()),
        Output::Raw(s) => write_out(out, s),
        Output::Record { value, human } => match format {
            Format::Json => write_out(out, &format!("{}\n", pretty(value))),
            Format::Ndjson => write_out(out, &format!("{value}\n")),
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                if let Value::Object(map) = value {
                    let _ = w.write_record(map.keys());
                    let _ = w.write_record(map.values().map(csv_cell));
                }
                let bytes = w.into_inner().unwrap_or_default();
                write_out(out, &String::from_utf8_lossy(&bytes))
            }
            Format::Table => {
                let text = human.clone().unwrap_or_else(|| kv_table(value));
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
            Format::Csv => {
                let mut w = csv::Writer::from_writer(Vec::new());
                let _ = w.write_record(columns);
                for v in value {
                    let _ = w.write_record(
                        columns
                            .iter()
                            .map(|c| csv_cell(v.get(*c).unwrap_or(&Value::Null))),
                    );
                }
                let bytes = w.into_inner().unwrap_or_default();
                write_out(out, &String::from_utf8_lossy(&bytes))
            }
            Format::Table => {
                let mut t = new_table();
                t.set_header(columns.clone());
                for row in cells {
                    t.add_row(row.clone());
                }
                let mut s = if cells.is_empty() {
                    "(none)".to_string()
                } else {
                    t.to_string()
                };
                if let Some(f) = human_footer {
                    s.push('\n');
                    s.push_str(f);
                }
                write_out(out, &format!("{}\n", s.trim_end()))
            }
        },
    }
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
