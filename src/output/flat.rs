//! CSV a spreadsheet can use: no JSON inside a cell.
//!
//! - A **list** (`Output::Rows`) has one CSV row per item and a column for every JSON key
//!   of any item, in the order they first appear; nested objects become dotted columns
//!   (`member.health_id`), lists of values one cell joined with `;`, and a list of objects
//!   inside an item numbered columns (`claims.1.icn`).
//! - A **record** (`Output::Record`) has one CSV row per line item or segment: its list of
//!   objects named first in [`ROW_LISTS`] (else its first list of objects) gives the rows,
//!   as dotted columns (`lines.procedure`), with the record's own fields repeated on each;
//!   with no such items it is one row. Its other lists of objects (a claim's history, a
//!   member's benefit spans) are in the JSON only.

use serde_json::{Map, Value};

/// The lists a record is expanded by, in order of preference.
pub const ROW_LISTS: [&str; 6] = ["lines", "segments", "claims", "results", "rows", "items"];

/// A header and its rows.
#[derive(Debug, Default, PartialEq)]
pub struct Flat {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// One scalar as a CSV cell: `true`/`false`, numbers and strings as written, null empty.
pub fn scalar(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(scalar).collect::<Vec<_>>().join(";"),
        Value::Object(_) => {
            let mut out = Vec::new();
            flatten_into("", v, &mut out, true);
            out.into_iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join(";")
        }
    }
}

fn is_objects(a: &[Value]) -> bool {
    a.iter().any(|v| v.is_object())
}

/// `(dotted key, cell)` pairs of `v`; lists of objects numbered when `number_lists`,
/// skipped otherwise.
fn flatten_into(prefix: &str, v: &Value, out: &mut Vec<(String, String)>, number_lists: bool) {
    let key = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match v {
                    Value::Object(_) => flatten_into(&key(k), v, out, number_lists),
                    Value::Array(a) if is_objects(a) => {
                        if number_lists {
                            for (i, item) in a.iter().enumerate() {
                                flatten_into(&key(&format!("{k}.{}", i + 1)), item, out, true);
                            }
                        }
                    }
                    other => out.push((key(k), scalar(other))),
                }
            }
        }
        other => out.push((prefix.to_string(), scalar(other))),
    }
}

/// Rows of (key, cell) pairs under one header: every key, in order of first appearance.
fn tabulate(items: Vec<Vec<(String, String)>>) -> Flat {
    let mut columns: Vec<String> = Vec::new();
    let mut index = std::collections::HashMap::new();
    for item in &items {
        for (k, _) in item {
            if !index.contains_key(k) {
                index.insert(k.clone(), columns.len());
                columns.push(k.clone());
            }
        }
    }
    let rows = items
        .into_iter()
        .map(|item| {
            let mut row = vec![String::new(); columns.len()];
            for (k, v) in item {
                if let Some(&i) = index.get(&k) {
                    row[i] = v;
                }
            }
            row
        })
        .collect();
    Flat { columns, rows }
}

/// A list: one row per item, a column for every key of any item.
pub fn rows_table(items: &[Value]) -> Flat {
    let flat: Vec<Vec<(String, String)>> = items
        .iter()
        .map(|v| {
            let mut out = Vec::new();
            flatten_into("", v, &mut out, true);
            out
        })
        .collect();
    let mut f = tabulate(flat);
    if items.is_empty() {
        f.rows.clear();
    }
    f
}

/// The list of objects a record is expanded by.
fn row_list(map: &Map<String, Value>) -> Option<&str> {
    let objects =
        |k: &str| matches!(map.get(k), Some(Value::Array(a)) if is_objects(a) || a.is_empty());
    ROW_LISTS.iter().copied().find(|k| objects(k)).or_else(|| {
        map.iter()
            .find(|(_, v)| matches!(v, Value::Array(a) if is_objects(a)))
            .map(|(k, _)| k.as_str())
    })
}

/// A record: one row per item of its [`row_list`], the record's fields repeated.
pub fn record_table(value: &Value) -> Flat {
    let Value::Object(map) = value else {
        return tabulate(vec![vec![(String::from("value"), scalar(value))]]);
    };
    let mut own = Vec::new();
    flatten_into("", value, &mut own, false);
    if let Some((k, Value::Array(a))) = row_list(map).and_then(|k| map.get(k).map(|v| (k, v))) {
        if !a.is_empty() {
            let rows = a
                .iter()
                .map(|item| {
                    let mut row = own.clone();
                    flatten_into(k, item, &mut row, true);
                    row
                })
                .collect();
            return tabulate(rows);
        }
    }
    tabulate(vec![own])
}

/// The CSV text of a table (RFC 4180 quoting by the csv crate).
pub fn csv_text(f: &Flat) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(&f.columns);
    for r in &f.rows {
        let _ = w.write_record(r);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_record_is_one_row_per_line() {
        let v = json!({"icn": "1", "member": {"health_id": "AB123456"}, "dx": ["F41.1", "Z00"],
            "lines": [{"line": 1, "code": "90837"}, {"line": 2, "code": "90834", "units": 2}],
            "history": [{"status": "paid"}]});
        let f = record_table(&v);
        assert_eq!(
            f.columns,
            [
                "icn",
                "member.health_id",
                "dx",
                "lines.line",
                "lines.code",
                "lines.units"
            ]
        );
        assert_eq!(f.rows.len(), 2);
        assert_eq!(f.rows[1], ["1", "AB123456", "F41.1;Z00", "2", "90834", "2"]);
        assert!(!csv_text(&f).contains('{'));
    }

    #[test]
    fn a_list_carries_every_key() {
        let v = [
            json!({"a": 1, "b": null}),
            json!({"a": 2, "c": {"d": true}}),
        ];
        let f = rows_table(&v);
        assert_eq!(f.columns, ["a", "b", "c.d"]);
        assert_eq!(f.rows[1], ["2", "", "true"]);
    }
}
