//! `elig batch ROSTER.csv`: one answer per roster row, streamed in input order.
//!
//! Bounded memory: rows are read a chunk at a time ([`CHUNK`]); the chunk's Health IDs,
//! sorted and distinct, go to the store as one list and are answered in one sweep (the
//! store's pages are read in sequence, not at random; names are resolved on the name index
//! and their members swept the same way); the chunk's results are written in input order
//! before the next chunk is read. An answer holds numbers for its plan names ([`Names`]),
//! not copies. JSON is written as an array one element at a time.
//! Results go straight to stdout (not through `Output`), a closed pipe ends the batch
//! quietly. One audit entry records the batch.

use super::{runs, sort_runs, Who};
use crate::auth;
use crate::cli::elig::BatchArgs;
use crate::context::Context;
use crate::domain::eligibility::{
    answer_ref, check_window, parse_name, ymd_bytes, DayAnswer, Lane,
};
use crate::domain::ids::HealthId;
use crate::domain::time::parse_date;
use crate::error::{Error, Result};
use crate::output::{Format, Output};
use crate::store::{Listed, Store, Tx};
use chrono::NaiveDate;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::io::{BufWriter, Read, Write};

/// One result row (NDJSON line, JSON array element, CSV row).
#[derive(Serialize, Debug, Default)]
pub struct BatchRow<'a> {
    pub row: u64,
    pub health_id: Option<&'a str>,
    pub date: Option<NaiveDate>,
    pub eligible: Option<bool>,
    pub lane: Option<&'static str>,
    pub benefit_plan: Option<&'a str>,
    pub cco: Option<&'a str>,
    pub plan_partner: Option<&'a str>,
    pub error: Option<&'a str>,
}

impl BatchRow<'_> {
    /// The row as one JSON object, as `serde_json` writes it (same keys, order and
    /// escapes), without its per-key machinery: a 1M-row roster writes 9M fields.
    fn write_json<W: Write>(&self, w: &mut W) -> std::io::Result<()> {
        write!(w, "{{\"row\":{}", self.row)?;
        json_field(w, "health_id", self.health_id)?;
        w.write_all(b",\"date\":")?;
        match self.date {
            Some(d) => {
                w.write_all(b"\"")?;
                w.write_all(&ymd_bytes(d))?;
                w.write_all(b"\"")?;
            }
            None => w.write_all(b"null")?,
        }
        w.write_all(match self.eligible {
            Some(true) => b",\"eligible\":true",
            Some(false) => b",\"eligible\":false",
            None => b",\"eligible\":null",
        })?;
        json_field(w, "lane", self.lane)?;
        json_field(w, "benefit_plan", self.benefit_plan)?;
        json_field(w, "cco", self.cco)?;
        json_field(w, "plan_partner", self.plan_partner)?;
        json_field(w, "error", self.error)?;
        w.write_all(b"}")
    }
}

/// `,"key":value` with a string value or null; `key` needs no escaping.
fn json_field<W: Write>(w: &mut W, key: &str, value: Option<&str>) -> std::io::Result<()> {
    w.write_all(b",\"")?;
    w.write_all(key.as_bytes())?;
    w.write_all(b"\":")?;
    match value {
        None => w.write_all(b"null"),
        Some(v) if !v.bytes().any(|c| c == b'"' || c == b'\\' || c < 0x20) => {
            w.write_all(b"\"")?;
            w.write_all(v.as_bytes())?;
            w.write_all(b"\"")
        }
        Some(v) => serde_json::to_writer(w, v).map_err(std::io::Error::other),
    }
}

const CSV_COLUMNS: [&str; 9] = [
    "row",
    "health_id",
    "date",
    "eligible",
    "lane",
    "benefit_plan",
    "cco",
    "plan_partner",
    "error",
];

/// Roster columns found in the header.
#[derive(Debug, Clone, Copy)]
pub struct RosterColumns {
    health_id: Option<usize>,
    last: Option<usize>,
    first: Option<usize>,
    dob: Option<usize>,
    date: Option<usize>,
}

/// Finds the roster's columns; a header with neither `health_id` nor all of
/// `last_name,first_name,dob` is not a roster (exit 6).
pub fn roster_columns(name: &str, headers: &csv::StringRecord) -> Result<RosterColumns> {
    let pos = |c: &str| {
        headers.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(c)
        })
    };
    let cols = RosterColumns {
        health_id: pos("health_id"),
        last: pos("last_name"),
        first: pos("first_name"),
        dob: pos("dob"),
        date: pos("date"),
    };
    let by_name = [cols.last, cols.first, cols.dob];
    if cols.health_id.is_none() && by_name.iter().any(|c| c.is_none()) {
        return Err(Error::invalid(format!(
            "{name}: the roster header needs a health_id column, or last_name, first_name and dob (found: {})",
            headers.iter().collect::<Vec<_>>().join(",")
        ))
        .hint("e.g. `health_id,last_name,first_name,dob,date`; the date column is optional"));
    }
    Ok(cols)
}

/// Totals for the summary line and the audit entry.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub checked: u64,
    pub eligible: u64,
    pub open_card: u64,
    pub cco: u64,
    pub not_eligible: u64,
    pub errors: u64,
}

impl Tally {
    pub fn line(&self) -> String {
        format!(
            "checked {} rows: {} eligible (open-card {}, cco {}), {} not eligible, {} errors",
            self.checked, self.eligible, self.open_card, self.cco, self.not_eligible, self.errors
        )
    }
}

/// What a row asked for.
pub fn row_request(
    rec: &csv::StringRecord,
    cols: &RosterColumns,
    today: NaiveDate,
) -> std::result::Result<(Who, NaiveDate), String> {
    let get = |c: Option<usize>| c.and_then(|i| rec.get(i)).map(str::trim).unwrap_or("");
    let hid = get(cols.health_id);
    let who = if !hid.is_empty() {
        Who::Id(HealthId::parse("health_id", hid).map_err(|e| e.message)?)
    } else {
        let (l, f, d) = (get(cols.last), get(cols.first), get(cols.dob));
        if l.is_empty() && f.is_empty() && d.is_empty() {
            return Err("no health_id, and no last_name, first_name and dob to search by".into());
        }
        Who::Name {
            last: parse_name("last_name", l)?,
            first: parse_name("first_name", f)?,
            dob: parse_date("dob", d).map_err(|e| e.message)?,
        }
    };
    let date = match get(cols.date) {
        "" => today,
        d => parse_date("date", d).map_err(|e| e.message)?,
    };
    check_window(date, date, today).map_err(|e| e.message)?;
    Ok((who, date))
}

/// Where rows go, in the chosen format.
enum Sink<W: Write> {
    Table(W),
    Csv(Box<csv::Writer<W>>),
    Json(W, bool),
    Ndjson(W),
}

/// Where the table's last column (bill / error) starts.
const LAST_COLUMN: usize = 58;

/// The table's last column wrapped between words to the terminal's width, its continuation
/// lines starting under it (a name is never split; a column narrower than 20 is not wrapped).
fn fit_last_column(text: &str) -> String {
    let Some(width) = crate::output::term::prose_width() else {
        return text.to_string();
    };
    let room = width.saturating_sub(LAST_COLUMN);
    if room < 20 || text.chars().count() <= room {
        return text.to_string();
    }
    let wrapped = crate::output::wrap_prose(text, room);
    wrapped
        .lines()
        .map(str::trim_start)
        .collect::<Vec<_>>()
        .join(&format!("\n{}", " ".repeat(LAST_COLUMN)))
}

fn io(e: std::io::Error) -> Error {
    Error::internal(format!("cannot write the results: {e}"))
}

impl<W: Write> Sink<W> {
    fn new(format: Format, mut w: W) -> std::io::Result<Sink<W>> {
        Ok(match format {
            Format::Table => {
                writeln!(
                    w,
                    "{:>6}  {:<9} {:<10}  {:<8}  {:<9}  {:<5}  bill / error",
                    "row", "health_id", "date", "eligible", "lane", "plan"
                )?;
                Sink::Table(w)
            }
            Format::Csv => {
                let mut c = csv::Writer::from_writer(w);
                c.write_record(CSV_COLUMNS).map_err(csv_io)?;
                Sink::Csv(Box::new(c))
            }
            Format::Json => {
                w.write_all(b"[")?;
                Sink::Json(w, true)
            }
            Format::Ndjson => Sink::Ndjson(w),
        })
    }

    fn row(&mut self, r: &BatchRow<'_>) -> std::io::Result<()> {
        match self {
            Sink::Ndjson(w) => {
                r.write_json(w)?;
                w.write_all(b"\n")
            }
            Sink::Json(w, first) => {
                w.write_all(if *first { b"\n  " } else { b",\n  " })?;
                *first = false;
                r.write_json(w)
            }
            Sink::Csv(c) => {
                let b = |v: Option<bool>| v.map_or(String::new(), |b| b.to_string());
                c.write_record([
                    r.row.to_string().as_str(),
                    r.health_id.unwrap_or(""),
                    &r.date.map_or(String::new(), |d| d.to_string()),
                    &b(r.eligible),
                    r.lane.unwrap_or(""),
                    r.benefit_plan.unwrap_or(""),
                    r.cco.unwrap_or(""),
                    r.plan_partner.unwrap_or(""),
                    r.error.unwrap_or(""),
                ])
                .map_err(csv_io)
            }
            Sink::Table(w) => {
                let last = match (r.error, r.lane) {
                    (Some(e), _) => format!("error: {e}"),
                    (None, Some("open-card")) => "Bill OHA (Open Card)".to_string(),
                    (None, Some("cco")) => match r.plan_partner {
                        Some(p) => format!("Bill {} ({p})", r.cco.unwrap_or("?")),
                        None => format!("Bill {}", r.cco.unwrap_or("?")),
                    },
                    _ => "not eligible".to_string(),
                };
                writeln!(
                    w,
                    "{:>6}  {:<9} {:<10}  {:<8}  {:<9}  {:<5}  {}",
                    r.row,
                    r.health_id.unwrap_or("-"),
                    r.date.map_or("-".to_string(), |d| d.to_string()),
                    match r.eligible {
                        Some(true) => "yes",
                        Some(false) => "no",
                        None => "-",
                    },
                    r.lane.unwrap_or("-"),
                    r.benefit_plan.unwrap_or("-"),
                    fit_last_column(&last)
                )
            }
        }
    }

    fn finish(self) -> std::io::Result<()> {
        match self {
            Sink::Json(mut w, first) => {
                w.write_all(if first { b"]\n" } else { b"\n]\n" })?;
                w.flush()
            }
            Sink::Csv(c) => c
                .into_inner()
                .map_err(|e| std::io::Error::other(e.to_string()))?
                .flush(),
            Sink::Table(mut w) | Sink::Ndjson(mut w) => w.flush(),
        }
    }
}

fn csv_io(e: csv::Error) -> std::io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => std::io::Error::other(format!("{other:?}")),
    }
}

/// Feeds everything read through SHA-256 (the audit entry names the roster by digest).
struct Hashing<R> {
    inner: R,
    hash: Sha256,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        Ok(n)
    }
}

/// Rows read and answered a chunk at a time (about 12 MiB of rows and answers; a 100,000-row
/// roster is one chunk, one sweep of the store).
const CHUNK: usize = 131_072;

/// One roster row of the current chunk.
enum Slot {
    /// The CSV reader could not split the row.
    Unreadable(String),
    /// What the row asks for, or why it cannot be asked (the given Health ID, the error).
    Asked(std::result::Result<(Who, NaiveDate), (Option<String>, String)>),
    /// Looked up.
    Answered {
        who: Who,
        date: NaiveDate,
        looked: Looked,
    },
}

enum Looked {
    /// The answer's names are numbers in the batch's [`Names`].
    Found(HealthId, DayAnswer<u32>),
    NotFound,
    Many(usize),
}

/// The distinct benefit plans, CCOs and plan partners of a batch's answers, each held
/// once: a row's answer holds their numbers, not copies (a chunk holds 131,072 answers).
#[derive(Debug, Default)]
struct Names {
    all: Vec<String>,
    number: std::collections::HashMap<String, u32>,
}

impl Names {
    fn number(&mut self, name: Option<&str>) -> Option<u32> {
        let name = name?;
        if let Some(&n) = self.number.get(name) {
            return Some(n);
        }
        let n = self.all.len() as u32;
        self.all.push(name.to_string());
        self.number.insert(name.to_string(), n);
        Some(n)
    }

    fn name(&self, n: Option<u32>) -> Option<&str> {
        n.and_then(|n| self.all.get(n as usize)).map(String::as_str)
    }

    fn answer(&mut self, a: DayAnswer<&str>) -> DayAnswer<u32> {
        DayAnswer {
            eligible: a.eligible,
            lane: a.lane,
            benefit_plan: self.number(a.benefit_plan),
            cco: self.number(a.cco),
            plan_partner: self.number(a.plan_partner),
        }
    }
}

fn write_slot<W: Write>(
    sink: &mut Sink<W>,
    names: &Names,
    tally: &mut Tally,
    n: u64,
    slot: &Slot,
) -> std::io::Result<()> {
    match slot {
        Slot::Unreadable(msg) => {
            tally.errors += 1;
            sink.row(&BatchRow {
                row: n,
                error: Some(msg),
                ..BatchRow::default()
            })
        }
        Slot::Asked(Err((given, msg))) => {
            tally.errors += 1;
            sink.row(&BatchRow {
                row: n,
                health_id: given.as_deref(),
                error: Some(msg),
                ..BatchRow::default()
            })
        }
        // Not reached: every well-formed row is looked up before the chunk is written.
        Slot::Asked(Ok(_)) => Err(std::io::Error::other("a roster row was not looked up")),
        Slot::Answered { who, date, looked } => match looked {
            Looked::Found(health_id, a) => {
                match a.lane {
                    Lane::OpenCard => tally.open_card += 1,
                    Lane::Cco => tally.cco += 1,
                    Lane::None => tally.not_eligible += 1,
                }
                if a.eligible {
                    tally.eligible += 1;
                }
                sink.row(&BatchRow {
                    row: n,
                    health_id: Some(health_id.as_str()),
                    date: Some(*date),
                    eligible: Some(a.eligible),
                    lane: Some(a.lane.as_str()),
                    benefit_plan: names.name(a.benefit_plan),
                    cco: names.name(a.cco),
                    plan_partner: names.name(a.plan_partner),
                    error: None,
                })
            }
            Looked::NotFound => {
                tally.errors += 1;
                let hid = match who {
                    Who::Id(h) => Some(h.as_str()),
                    Who::Name { .. } => None,
                };
                sink.row(&BatchRow {
                    row: n,
                    health_id: hid,
                    date: Some(*date),
                    error: Some("member not found"),
                    ..BatchRow::default()
                })
            }
            Looked::Many(count) => {
                tally.errors += 1;
                let msg =
                    format!("{count} members match this name and date of birth; use the health_id");
                sink.row(&BatchRow {
                    row: n,
                    date: Some(*date),
                    error: Some(&msg),
                    ..BatchRow::default()
                })
            }
        },
    }
}

/// Answers every `Asked(Ok)` slot of a chunk. Names are resolved to member row ids on the
/// name index first; then the Health IDs (one sorted list of distinct IDs) and those row
/// ids go to the store together, in one sweep (see [`Tx::each_spans_by`]). Keys are
/// sorted as small `(key, slot)` pairs, not by reaching into the slots.
fn look_up_chunk(tx: &Tx<'_>, slots: &mut [Slot], names: &mut Names) -> Result<()> {
    let mut by_id: Vec<(HealthId, u32)> = Vec::new();
    let mut by_name: Vec<u32> = Vec::new();
    for (i, s) in slots.iter().enumerate() {
        match s {
            Slot::Asked(Ok((Who::Id(h), _))) => by_id.push((*h, i as u32)),
            Slot::Asked(Ok((Who::Name { .. }, _))) => by_name.push(i as u32),
            _ => {}
        }
    }
    // Names, in (last, first, date of birth) order through the name index; a name that
    // matches exactly one member is looked up by its row id with the Health IDs.
    let name_key = |i: &u32| match &slots[*i as usize] {
        Slot::Asked(Ok((Who::Name { last, first, dob }, _))) => Some((last, first, *dob)),
        _ => None,
    };
    by_name.sort_unstable_by(|a, b| name_key(a).cmp(&name_key(b)));
    let keys: Vec<(&str, &str, NaiveDate)> = by_name
        .iter()
        .filter_map(name_key)
        .map(|(last, first, dob)| (last.as_str(), first.as_str(), dob))
        .collect();
    let found = if keys.is_empty() {
        Vec::new()
    } else {
        tx.member_ids_by_names(&keys)?
    };
    drop(keys);
    let mut by_member: Vec<(i64, u32)> = Vec::new();
    for (i, ids) in by_name.into_iter().zip(found) {
        match ids[..] {
            [] => {}
            [id] => by_member.push((id, i)),
            ref many => {
                let n = many.len();
                settle(&mut slots[i as usize], |_| Looked::Many(n));
            }
        }
    }
    by_member.sort_unstable();
    let (member_ids, member_starts) = runs(&by_member);
    let (ids, starts) = sort_runs(&mut by_id);
    tx.each_spans_by(&ids, &member_ids, |hit, spans| {
        let mut answer = |i: u32| {
            settle(&mut slots[i as usize], |date| {
                Looked::Found(hit.health_id, names.answer(answer_ref(spans, date)))
            })
        };
        match hit.listed {
            Listed::HealthIds => by_id[starts[hit.pos]..starts[hit.pos + 1]]
                .iter()
                .for_each(|p| answer(p.1)),
            Listed::MemberIds => by_member[member_starts[hit.pos]..member_starts[hit.pos + 1]]
                .iter()
                .for_each(|p| answer(p.1)),
        }
        Ok(())
    })?;
    // What is still asked was not found.
    for slot in slots.iter_mut() {
        settle(slot, |_| Looked::NotFound);
    }
    Ok(())
}

/// Turns an `Asked(Ok)` slot into its answer.
fn settle(slot: &mut Slot, looked: impl FnOnce(NaiveDate) -> Looked) {
    let Slot::Asked(Ok((_, date))) = slot else {
        return;
    };
    let date = *date;
    if let Slot::Asked(Ok((who, _))) = std::mem::replace(slot, Slot::Unreadable(String::new())) {
        *slot = Slot::Answered {
            who,
            date,
            looked: looked(date),
        };
    }
}

/// Answers every row of `input`, writing results to `out`. Returns the tally, the digest
/// of the roster and whether the reader of `out` went away. Each chunk is looked up in a
/// read snapshot of its own, taken once its rows are read: waiting on a slow roster (a
/// pipe, a FIFO) holds no transaction at all, so it keeps nobody waiting, and the write-ahead
/// log can be checkpointed meanwhile.
pub fn run_batch<R: Read, W: Write>(
    store: &Store,
    name: &str,
    input: R,
    out: W,
    format: Format,
    today: NaiveDate,
    progress: Option<&indicatif::ProgressBar>,
) -> Result<(Tally, String, bool)> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(Hashing {
            // A row that runs on without end is a read error, not all of memory.
            inner: crate::limits::RowBound::new(input, crate::limits::MAX_CSV_ROW_BYTES),
            hash: Sha256::new(),
        });
    let headers = rdr
        .headers()
        .map_err(|e| Error::invalid(format!("{name}: cannot read the header row: {e}")))?
        .clone();
    let cols = roster_columns(name, &headers)?;
    let mut tally = Tally::default();
    let mut sink = match Sink::new(format, out) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return Ok((tally, String::new(), true))
        }
        Err(e) => return Err(io(e)),
    };
    let mut rec = csv::StringRecord::new();
    let mut closed = false;
    let mut n: u64 = 0;
    let mut slots: Vec<Slot> = Vec::with_capacity(CHUNK);
    let mut names = Names::default();
    let mut done = false;
    while !done && !closed {
        // 1. Read a chunk of rows.
        slots.clear();
        while slots.len() < CHUNK {
            match rdr.read_record(&mut rec) {
                Ok(true) => slots.push(Slot::Asked(row_request(&rec, &cols, today).map_err(
                    |msg| {
                        let given = cols
                            .health_id
                            .and_then(|i| rec.get(i))
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(str::to_string);
                        (given, msg)
                    },
                ))),
                Ok(false) => {
                    done = true;
                    break;
                }
                Err(e) => {
                    // A row the CSV reader cannot split (bad UTF-8, say) is that row's error.
                    slots.push(Slot::Unreadable(format!("unreadable row: {e}")));
                    if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                        done = true;
                        break;
                    }
                }
            }
        }
        // 2. Look the chunk's members up, in key order, in a snapshot of its own.
        let tx = store.read()?;
        look_up_chunk(&tx, &mut slots, &mut names)?;
        drop(tx);
        // 3. Write the chunk's results in input order.
        for slot in &slots {
            n += 1;
            tally.checked += 1;
            let written = write_slot(&mut sink, &names, &mut tally, n, slot);
            if let Err(e) = written {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    closed = true;
                    break;
                }
                return Err(io(e));
            }
        }
        if let Some(pb) = progress {
            pb.set_position(rdr.position().byte());
        }
    }
    if !closed {
        if let Err(e) = sink.finish() {
            if e.kind() != std::io::ErrorKind::BrokenPipe {
                return Err(io(e));
            }
            closed = true;
        }
    }
    let digest = crate::store::hex_prefix(&rdr.into_inner().hash.finalize(), 32);
    Ok((tally, digest, closed))
}

pub fn cmd_elig_batch(ctx: &Context, args: &BatchArgs) -> Result<Output> {
    if let Some(x) = &args.x12 {
        return super::x12::cmd_answer_270(ctx, x, args.out.as_deref());
    }
    let Some(path) = &args.file else {
        return Err(Error::usage("give a roster CSV, or --x12 FILE.270"));
    };
    // `-` reads the roster from stdin.
    let name = crate::output::input::name(path);
    let file = crate::output::input::open(path)
        .map_err(|e| Error::invalid(format!("cannot read {name}: {e}")))?;
    let size = crate::output::input::size(path);
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::EligBatch)?;
    // Lookups are made a chunk at a time in key order, so a page is read once per chunk:
    // a small page cache does (a bigger one measured no faster), leaving the memory
    // budget (a 1M-row roster under 64 MiB) to the chunk. (The setting is the connection's:
    // it holds for the chunks' snapshots too.)
    tx.cache_mib(8)?;
    // The guard's snapshot ends here: the chunks take their own (see `run_batch`).
    drop(tx);
    // Progress in bytes of the roster read (a spinner for stdin).
    let progress = ctx.progress_bytes(size, "checking roster");
    let sink: Box<dyn Write> = if ctx.mute_stdout {
        Box::new(std::io::sink())
    } else {
        Box::new(std::io::stdout().lock())
    };
    let out = BufWriter::with_capacity(1 << 16, sink);
    let result = run_batch(
        &store,
        &name,
        std::io::BufReader::with_capacity(1 << 16, file),
        out,
        ctx.format,
        ctx.clock.today(),
        progress.bar(),
    );
    drop(progress);
    let (tally, digest, closed) = result?;
    let now = ctx.clock.now_str();
    let base = if crate::output::input::is_stdin(path) {
        Some(std::ffi::OsStr::new("stdin"))
    } else {
        path.file_name()
    };
    let base = base
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    // A batch whose reader went away (`| head`) is recorded as cut short, never as complete:
    // the tally and digest cover only the rows read before it stopped.
    let (outcome, cut) = if closed {
        (
            "incomplete",
            "cut short: the output was closed by its reader; so far: ",
        )
    } else {
        ("ok", "")
    };
    let detail = format!(
        "{cut}rows {}, eligible {}, open-card {}, cco {}, not eligible {}, errors {}; roster sha256 {}",
        tally.checked,
        tally.eligible,
        tally.open_card,
        tally.cco,
        tally.not_eligible,
        tally.errors,
        digest
    );
    // The batch's audit entry (and the session touch), in a short write transaction at the end.
    let entry = actor.entry(&now, "elig batch", Some(&base), outcome, Some(&detail));
    auth::record(ctx, &store, &actor, &[entry])?;
    if closed {
        // Quietly, as `head` expects: no summary that would read as complete.
        return Err(crate::output::term::closed_error());
    }
    ctx.ui.note(&tally.line());
    Ok(Output::Nothing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_written_as_serde_json_writes_them() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 16).unwrap();
        let rows = [
            BatchRow {
                row: 1,
                health_id: Some("AB123456"),
                date: Some(d),
                eligible: Some(true),
                lane: Some("cco"),
                benefit_plan: Some("BMH"),
                cco: Some("Health Share of Oregon"),
                plan_partner: Some("Providence Health & Services"),
                error: None,
            },
            BatchRow {
                row: 18_446_744_073_709_551_615,
                eligible: Some(false),
                error: Some("bad \"quote\" \\ back\tslash\u{1}\u{7f} ünï €"),
                ..BatchRow::default()
            },
            BatchRow::default(),
        ];
        for r in rows {
            let mut ours = Vec::new();
            r.write_json(&mut ours).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&r).unwrap()
            );
        }
    }

    #[test]
    fn names_are_held_once() {
        let mut names = Names::default();
        let a = names.answer(DayAnswer {
            eligible: true,
            lane: Lane::Cco,
            benefit_plan: Some("BMH"),
            cco: Some("AllCare CCO"),
            plan_partner: None,
        });
        let b = names.answer(DayAnswer {
            eligible: true,
            lane: Lane::OpenCard,
            benefit_plan: Some("BMH"),
            cco: None,
            plan_partner: None,
        });
        assert_eq!(a.benefit_plan, b.benefit_plan);
        assert_eq!(names.name(a.cco), Some("AllCare CCO"));
        assert_eq!(names.name(b.cco), None);
        assert_eq!(names.all.len(), 2);
    }

    #[test]
    fn runs_group_equal_keys() {
        let pairs = [(1u64, 9u32), (1, 4), (3, 0), (7, 2), (7, 5), (7, 1)];
        let (keys, starts) = runs(&pairs);
        assert_eq!(keys, vec![1, 3, 7]);
        assert_eq!(starts, vec![0, 2, 3, 6]);
        let (keys, starts) = runs::<u64>(&[]);
        assert!(keys.is_empty());
        assert_eq!(starts, vec![0]);
    }
}
