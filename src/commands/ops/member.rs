//! `ops member import FILE.csv`: coverage spans, all-or-nothing and idempotent.
//!
//! The permission is checked first, before the file is opened. The file is then streamed
//! row by row inside the one transaction: each member's rows (which files list together)
//! are checked as a group and written as soon as the group ends, so memory stays flat
//! whatever the file's size. A member whose rows come back later in the file is merged
//! with what was written for it (a temporary table remembers the Health IDs met). Any
//! problem fails the file: the rows are still all checked (the first 100 problems are
//! listed, the rest counted) and the transaction is rolled back. Members in the file get
//! exactly the file's spans (a member whose spans and demographics are unchanged is not
//! touched, so re-importing a file changes nothing).

use crate::auth;
use crate::cli::ops::FileArgs;
use crate::context::Context;
use crate::domain::eligibility::{check_member_spans, parse_row, MemberRecord, RawRow, Span};
use crate::error::{Error, Result};
use crate::output::Output;
use serde::Serialize;

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
const MAX_LISTED: usize = 100;

#[derive(Serialize)]
pub struct ImportView {
    pub rows: usize,
    pub members: usize,
    pub spans: usize,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
}

/// One member's consecutive rows in the file.
pub struct MemberGroup {
    pub record: MemberRecord,
    /// The data row of the first of them.
    pub row: usize,
    /// The data row and file line of each span.
    pub rows: Vec<(usize, u64)>,
    pub spans: Vec<Span>,
}

/// The problems found so far: the first [`MAX_LISTED`] in full, the rest counted.
#[derive(Default)]
pub struct Problems {
    listed: Vec<String>,
    extra: usize,
}

impl Problems {
    pub fn note(&mut self, p: String) {
        if self.listed.len() < MAX_LISTED {
            self.listed.push(p);
        } else {
            self.extra += 1;
        }
    }
    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }
    /// Notes the problems of `other` after these, as if each had been noted here.
    pub fn append(&mut self, other: Problems) {
        for p in other.listed {
            self.note(p);
        }
        // `other` lists the first MAX_LISTED of its own: the rest would only be counted here.
        self.extra += other.extra;
    }
    /// The error naming them all (exit 6), or `Ok` when there are none.
    pub fn into_result(self, name: &str) -> Result<()> {
        if self.listed.is_empty() {
            return Ok(());
        }
        let total = self.listed.len() + self.extra;
        let mut msg = format!("{name}: {total} problem(s); nothing was imported:");
        for p in &self.listed {
            msg.push_str("\n  - ");
            msg.push_str(p);
        }
        if self.extra > 0 {
            msg.push_str(&format!(
                "\n  - ... and {} more (the first {MAX_LISTED} are listed)",
                self.extra
            ));
        }
        Err(Error::invalid(msg).hint("fix the rows listed and import the whole file again"))
    }
}

fn span_key(s: &Span) -> (u8, chrono::NaiveDate, &str, Option<&str>) {
    (
        s.kind as u8,
        s.start,
        s.plan.as_str(),
        s.plan_type.as_deref(),
    )
}

fn same_spans(a: &[Span], b: &[Span]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut x: Vec<&Span> = a.iter().collect();
    let mut y: Vec<&Span> = b.iter().collect();
    x.sort_by(|p, q| span_key(p).cmp(&span_key(q)));
    y.sort_by(|p, q| span_key(p).cmp(&span_key(q)));
    x == y
}

fn where_(row: usize, line: u64) -> String {
    if line == 0 {
        // A member's spans written earlier in this import: their row is known, not each line.
        return format!("row {row}");
    }
    format!("row {row} (line {line})")
}

/// Notes the span problems of one member's spans; `rows` gives the row and line of each.
pub(crate) fn note_span_problems(spans: &[Span], rows: &[(usize, u64)], problems: &mut Problems) {
    for (i, p) in check_member_spans(spans) {
        let (r, line) = rows.get(i).copied().unwrap_or((0, 0));
        problems.note(format!(
            "{}, column {}: {}",
            where_(r, line),
            p.column,
            p.reason
        ));
    }
}

/// What [`scan_member_csv`] finds, in file order: a problem with a row, or a member's
/// consecutive rows.
enum Item {
    Problem(String),
    /// The group, and the problems of its spans checked on their own when asked for (the
    /// writer notes them unless the member was met before, when all its spans are checked
    /// together).
    Member(MemberGroup, Problems),
}

/// Streams a member CSV: checks each row, groups a member's consecutive rows and hands
/// each group to `on_member` when it ends (with the problem list, for what needs the
/// store). Returns the number of data rows. Problems are noted in `problems`; only an
/// unreadable file (or an error from `on_member`) is an error here.
pub fn read_member_csv<R: std::io::Read>(
    name: &str,
    input: R,
    today: chrono::NaiveDate,
    problems: &mut Problems,
    mut on_member: impl FnMut(MemberGroup, &mut Problems) -> Result<()>,
) -> Result<usize> {
    scan_member_csv(name, input, today, false, |item| match item {
        Item::Problem(p) => {
            problems.note(p);
            Ok(())
        }
        Item::Member(g, _) => on_member(g, problems),
    })
}

/// Rows (spans) the reader thread of [`read_member_csv_ahead`] puts in one chunk, and the
/// chunks it may have sent that the writer has not taken: with the chunk being filled
/// and the one being written, at most (`AHEAD_CHUNKS` + 2) × `AHEAD_ROWS` rows are held
/// (or one member's rows, when a member has more). 64 chunks (about 32,000 rows, 2-3 MB)
/// let the reader parse on while the writer waits on the store: on PostgreSQL a `COPY` of
/// 10,000 members takes the server tens of milliseconds, which a channel of 4 chunks left
/// the reader idle through (the import of 1M spans 15-25% slower).
const AHEAD_ROWS: usize = 512;
const AHEAD_CHUNKS: usize = 64;

/// Rows as the reader thread of [`read_member_csv_ahead`] hands them over: each text field
/// copied into one buffer, so that what the parse allocated is freed on the reader's own
/// thread (memory freed by another thread than the one that took it costs the allocator
/// more than the parse saves) and the writer binds values straight from the buffer.
#[derive(Default)]
pub struct Chunk {
    text: String,
    entries: Vec<Entry>,
    spans: Vec<PackedSpan>,
}

enum Entry {
    Problem(String),
    Member(PackedMember),
}

struct PackedMember {
    health_id: crate::domain::ids::HealthId,
    last_name: std::ops::Range<usize>,
    first_name: std::ops::Range<usize>,
    dob: chrono::NaiveDate,
    sex: &'static str,
    row: usize,
    /// Its spans in the chunk's.
    spans: std::ops::Range<usize>,
    /// Its spans' problems, checked on their own.
    problems: Problems,
}

struct PackedSpan {
    kind: crate::domain::eligibility::CoverageKind,
    plan: std::ops::Range<usize>,
    plan_type: Option<std::ops::Range<usize>>,
    start: chrono::NaiveDate,
    end: Option<chrono::NaiveDate>,
    plan_partner: Option<std::ops::Range<usize>>,
    /// Its data row and file line.
    at: (usize, u64),
}

impl Chunk {
    fn put(&mut self, s: &str) -> std::ops::Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }
    fn str(&self, r: &std::ops::Range<usize>) -> &str {
        self.text.get(r.clone()).unwrap_or_default()
    }
    /// Adds a member's group (whose strings are then dropped by the caller's thread).
    fn pack(&mut self, g: &MemberGroup, problems: Problems) {
        let first = self.spans.len();
        for (s, at) in g.spans.iter().zip(&g.rows) {
            let span = PackedSpan {
                kind: s.kind,
                plan: self.put(&s.plan),
                plan_type: s.plan_type.as_deref().map(|t| self.put(t)),
                start: s.start,
                end: s.end,
                plan_partner: s.plan_partner.as_deref().map(|t| self.put(t)),
                at: *at,
            };
            self.spans.push(span);
        }
        let m = PackedMember {
            health_id: g.record.health_id,
            last_name: self.put(&g.record.last_name),
            first_name: self.put(&g.record.first_name),
            dob: g.record.dob,
            sex: g.record.sex,
            row: g.row,
            spans: first..self.spans.len(),
            problems,
        };
        self.entries.push(Entry::Member(m));
    }
}

/// One member's rows in a [`Chunk`], as the writer sees them.
pub struct MemberRows<'c> {
    chunk: &'c Chunk,
    m: &'c PackedMember,
}

impl<'c> MemberRows<'c> {
    pub fn health_id(&self) -> crate::domain::ids::HealthId {
        self.m.health_id
    }
    /// The data row of the first of them.
    pub fn row(&self) -> usize {
        self.m.row
    }
    pub fn span_count(&self) -> usize {
        self.m.spans.len()
    }
    /// The member, borrowed for [`crate::store::BulkInsert::add`].
    pub fn new_member(&self) -> crate::store::NewMember<'c> {
        crate::store::NewMember {
            health_id: self.m.health_id,
            last_name: self.chunk.str(&self.m.last_name),
            first_name: self.chunk.str(&self.m.first_name),
            dob: self.m.dob,
            sex: self.m.sex,
        }
    }
    /// Its spans, borrowed for [`crate::store::BulkInsert::add`].
    pub fn new_spans(&self) -> impl Iterator<Item = crate::store::NewSpan<'c>> + 'c {
        let chunk = self.chunk;
        let opt = move |r: &Option<std::ops::Range<usize>>| r.as_ref().map(|r| chunk.str(r));
        chunk.spans[self.m.spans.clone()]
            .iter()
            .map(move |s| crate::store::NewSpan {
                kind: s.kind,
                plan: chunk.str(&s.plan),
                plan_type: opt(&s.plan_type),
                start: s.start,
                end: s.end,
                plan_partner: opt(&s.plan_partner),
            })
    }
    /// The rows as an owned group (for the paths that compare with the store).
    pub fn group(&self) -> MemberGroup {
        let spans = &self.chunk.spans[self.m.spans.clone()];
        let text = |r: &std::ops::Range<usize>| self.chunk.str(r).to_string();
        MemberGroup {
            record: MemberRecord {
                health_id: self.m.health_id,
                last_name: text(&self.m.last_name),
                first_name: text(&self.m.first_name),
                dob: self.m.dob,
                sex: self.m.sex,
            },
            row: self.m.row,
            rows: spans.iter().map(|s| s.at).collect(),
            spans: spans
                .iter()
                .map(|s| Span {
                    kind: s.kind,
                    plan: text(&s.plan),
                    plan_type: s.plan_type.as_ref().map(text),
                    start: s.start,
                    end: s.end,
                    plan_partner: s.plan_partner.as_ref().map(text),
                })
                .collect(),
        }
    }
}

/// [`read_member_csv`] with the file read, parsed and checked on a second thread while
/// this one writes: the reader hands over [`Chunk`]s through a bounded channel and
/// `on_member` sees the members as it would reading in line, in the same order, with
/// their spans' problems checked on their own (problems noted in file order, the first
/// error returned). When `on_member` fails, the reader stops at its next chunk.
pub fn read_member_csv_ahead<R: std::io::Read + Send>(
    name: &str,
    input: R,
    today: chrono::NaiveDate,
    problems: &mut Problems,
    mut on_member: impl FnMut(MemberRows<'_>, Problems, &mut Problems) -> Result<()>,
) -> Result<usize> {
    std::thread::scope(|scope| {
        let (send, recv) = std::sync::mpsc::sync_channel::<Chunk>(AHEAD_CHUNKS);
        // Chunks written go back to the reader to be filled again: their buffers are
        // allocated once, and never freed by the other thread.
        let (give_back, take_back) = std::sync::mpsc::channel::<Chunk>();
        let reader = scope.spawn(move || {
            let mut chunk = Chunk::default();
            let mut rows = 0usize;
            let read = scan_member_csv(name, input, today, true, |item| {
                match item {
                    Item::Problem(p) => {
                        rows += 1;
                        chunk.entries.push(Entry::Problem(p));
                    }
                    Item::Member(g, p) => {
                        rows += g.spans.len();
                        chunk.pack(&g, p);
                    }
                }
                if rows >= AHEAD_ROWS {
                    rows = 0;
                    let next = take_back.try_recv().unwrap_or_default();
                    // The writer has stopped (it failed): so does the reader.
                    send.send(std::mem::replace(&mut chunk, next))
                        .map_err(|_| Error::internal("the member file's writer stopped"))?;
                }
                Ok(())
            });
            if !chunk.entries.is_empty() {
                let _ = send.send(chunk);
            }
            read
        });
        let mut failed = None;
        'chunks: for mut chunk in recv.iter() {
            let mut entries = std::mem::take(&mut chunk.entries);
            for e in entries.drain(..) {
                let r = match e {
                    Entry::Problem(p) => {
                        problems.note(p);
                        Ok(())
                    }
                    Entry::Member(mut m) => {
                        let own = std::mem::take(&mut m.problems);
                        on_member(
                            MemberRows {
                                chunk: &chunk,
                                m: &m,
                            },
                            own,
                            problems,
                        )
                    }
                };
                if let Err(e) = r {
                    failed = Some(e);
                    break 'chunks;
                }
            }
            // A chunk grown for a member of many rows is dropped rather than kept.
            if chunk.spans.capacity() <= 4 * AHEAD_ROWS {
                chunk.text.clear();
                chunk.spans.clear();
                chunk.entries = entries;
                // A reader that has finished takes no more.
                let _ = give_back.send(chunk);
            }
        }
        // A reader still running sees the channel closed at its next chunk.
        drop(recv);
        let read = reader
            .join()
            .map_err(|_| Error::internal("the member file's reader failed"))?;
        match failed {
            Some(e) => Err(e),
            None => read,
        }
    })
}

/// The reading behind [`read_member_csv`]: each [`Item`] in file order to `emit`, which
/// may stop the reading with an error; with `check`, each group's spans checked on their
/// own. Returns the number of data rows.
fn scan_member_csv<R: std::io::Read>(
    name: &str,
    input: R,
    today: chrono::NaiveDate,
    check: bool,
    mut emit: impl FnMut(Item) -> Result<()>,
) -> Result<usize> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::None)
        // A row that runs on without end is a read error, not all of memory.
        .from_reader(crate::limits::RowBound::new(
            input,
            crate::limits::MAX_CSV_ROW_BYTES,
        ));
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
    let done = |g: MemberGroup| {
        let mut p = Problems::default();
        if check {
            note_span_problems(&g.spans, &g.rows, &mut p);
        }
        Item::Member(g, p)
    };
    let mut group: Option<MemberGroup> = None;
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
        let col = |k: usize| rec.get(idx[k]).unwrap_or("");
        if rec.len() != headers.len() {
            emit(Item::Problem(format!(
                "{}: has {} fields, the header has {}",
                where_(row, line),
                rec.len(),
                headers.len()
            )))?;
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
                    emit(Item::Problem(format!(
                        "{}, column {}: {}",
                        where_(row, line),
                        p.column,
                        p.reason
                    )))?;
                }
            }
            Ok((m, s)) => match group.as_mut() {
                Some(g) if g.record.health_id == m.health_id => {
                    if g.record != m {
                        emit(Item::Problem(format!(
                            "{}, column health_id: {} appears on row {} with a different name, date of birth or sex",
                            where_(row, line),
                            m.health_id,
                            g.row
                        )))?;
                    } else {
                        g.rows.push((row, line));
                        g.spans.push(s);
                    }
                }
                _ => {
                    if let Some(g) = group.take() {
                        emit(done(g))?;
                    }
                    group = Some(MemberGroup {
                        record: m,
                        row,
                        rows: vec![(row, line)],
                        spans: vec![s],
                    });
                }
            },
        }
    }
    if let Some(g) = group.take() {
        emit(done(g))?;
    }
    Ok(row)
}

/// Gives an existing store's member exactly the group's spans and demographics; a member
/// whose spans and demographics are unchanged is not written.
fn apply_member(tx: &crate::store::Tx<'_>, m: &MemberGroup, view: &mut ImportView) -> Result<()> {
    match tx.member_by_health_id(&m.record.health_id)? {
        None => {
            let id = tx.insert_member(&m.record)?;
            for (i, s) in m.spans.iter().enumerate() {
                tx.insert_span(id, i + 1, s)?;
            }
            view.added += 1;
        }
        Some(row) => {
            let same_demo = row.last_name == m.record.last_name
                && row.first_name == m.record.first_name
                && row.dob == m.record.dob
                && row.sex == m.record.sex;
            let old = tx.member_spans(row.id)?;
            let same = same_spans(&old, &m.spans);
            if !same_demo {
                tx.update_member(row.id, &m.record)?;
            }
            if !same {
                tx.delete_member_spans(row.id)?;
                for (i, s) in m.spans.iter().enumerate() {
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

/// A member met again further down the file: its earlier rows were written by this
/// import, so the spans written and the group's are checked together and written again.
fn merge_member(
    tx: &crate::store::Tx<'_>,
    m: MemberGroup,
    first_row: usize,
    problems: &mut Problems,
) -> Result<()> {
    let Some(row) = tx.member_by_health_id(&m.record.health_id)? else {
        return Ok(());
    };
    let same_demo = row.last_name == m.record.last_name
        && row.first_name == m.record.first_name
        && row.dob == m.record.dob
        && row.sex == m.record.sex;
    let (r, line) = m.rows.first().copied().unwrap_or((m.row, 0));
    if !same_demo {
        problems.note(format!(
            "{}, column health_id: {} appears on row {first_row} with a different name, date of birth or sex",
            where_(r, line),
            m.record.health_id,
        ));
        return Ok(());
    }
    let mut spans = tx.member_spans(row.id)?;
    // The spans written earlier are reported at the row where the member was first met.
    let mut rows: Vec<(usize, u64)> = vec![(first_row, 0); spans.len()];
    rows.extend(m.rows.iter().copied());
    spans.extend(m.spans);
    note_span_problems(&spans, &rows, problems);
    tx.delete_member_spans(row.id)?;
    for (i, s) in spans.iter().enumerate() {
        tx.insert_span(row.id, i + 1, s)?;
    }
    Ok(())
}

/// Streams the member file into the store within `tx` (see the module's notes).
pub fn import_members<R: std::io::Read + Send>(
    tx: &crate::store::Tx<'_>,
    name: &str,
    input: R,
    today: chrono::NaiveDate,
) -> Result<ImportView> {
    let mut view = ImportView {
        rows: 0,
        members: 0,
        spans: 0,
        added: 0,
        changed: 0,
        unchanged: 0,
    };
    let mut problems = Problems::default();
    // An empty store: plain inserts, the name index built once at the end, and no list
    // of the Health IDs met: each member's row id is the file row where it was first met,
    // and a Health ID not above every one met so far (a file out of order) is looked up
    // in the members table, which then holds exactly the members met.
    let fresh = !tx.has_members()?;
    if fresh {
        tx.begin_fresh_load()?;
    }
    let mut seen = if fresh {
        None
    } else {
        Some(tx.seen_members()?)
    };
    let mut ins = tx.bulk_insert()?;
    let mut highest: Option<crate::domain::ids::HealthId> = None;
    // The file is read and checked on a second thread while this one writes.
    view.rows = read_member_csv_ahead(name, input, today, &mut problems, |m, own, problems| {
        let hid = m.health_id();
        let first_row = match seen.as_mut() {
            Some(seen) => seen.first_row(hid, m.row())?,
            None if highest.is_some_and(|h| hid <= h) => {
                ins.flush()?;
                tx.member_by_health_id(&hid)?
                    .map(|m| usize::try_from(m.id).unwrap_or(0))
            }
            None => {
                highest = Some(hid);
                None
            }
        };
        view.spans += m.span_count();
        if let Some(first_row) = first_row {
            return merge_member(tx, m.group(), first_row, problems);
        }
        // Met for the first time: its spans checked on their own by the reader.
        problems.append(own);
        view.members += 1;
        if fresh {
            let id = i64::try_from(m.row()).unwrap_or(i64::MAX);
            ins.add(id, &m.new_member(), m.new_spans())?;
            view.added += 1;
            Ok(())
        } else {
            apply_member(tx, &m.group(), &mut view)
        }
    })?;
    ins.flush()?;
    problems.into_result(name)?;
    tx.check_span_members()?;
    if fresh {
        tx.end_fresh_load()?;
    }
    Ok(view)
}

pub fn cmd_ops_member_import(ctx: &Context, args: &FileArgs) -> Result<Output> {
    // `-` reads the member file from stdin.
    let name = crate::output::input::name(&args.file);
    // Permission first (a non-operator hears exit 4 before any of the file is read), then
    // the size, then the file.
    let store = ctx.open_store()?;
    // Each INSERT of many rows keeps a statement journal: in memory, not a temporary file.
    store.journals_in_memory()?;
    // The spans' foreign key checked once before the commit, not row by row (this
    // command's connection only, closed when it ends).
    store.span_member_checks_at_end()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::OpsMemberImport)?;
    crate::limits::check_file_size(
        &args.file,
        crate::limits::MAX_MEMBER_CSV_BYTES,
        "a member file",
    )?;
    // Read on the import's second thread: stdin through its handle (each read takes the
    // lock; a lock held across threads is not `Send`).
    let f: Box<dyn std::io::Read + Send> = if crate::output::input::is_stdin(&args.file) {
        Box::new(std::io::stdin())
    } else {
        Box::new(
            std::fs::File::open(&args.file)
                .map_err(|e| Error::invalid(format!("cannot read {name}: {e}")))?,
        )
    };
    // Progress (a terminal only): bytes of the file read and imported.
    let progress = ctx.progress_bytes(crate::output::input::size(&args.file), "importing members");
    let f: Box<dyn std::io::Read + Send> = match progress.bar() {
        Some(bar) => Box::new(bar.wrap_read(f)),
        None => f,
    };
    // A modest page cache: the transaction's pages spill to the WAL as it grows.
    tx.cache_mib(16)?;
    let view = import_members(
        &tx,
        &name,
        std::io::BufReader::with_capacity(1 << 16, f),
        ctx.clock.today(),
    )?;
    drop(progress);
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

    /// Reads a file the way the import does, checking each group's spans.
    fn read(text: &str) -> Result<usize> {
        let mut problems = Problems::default();
        let rows = read_member_csv("m.csv", text.as_bytes(), today(), &mut problems, |g, p| {
            note_span_problems(&g.spans, &g.rows, p);
            Ok(())
        })?;
        problems.into_result("m.csv")?;
        Ok(rows)
    }

    #[test]
    fn problems_are_capped() {
        let mut text = HEAD.to_string();
        for k in 0..250 {
            text.push_str(&format!(
                "BAD{k},Doe,Jane,1990-01-02,F,benefit,BMH,,2025-01-01,,\n"
            ));
        }
        let e = read(&text).err().unwrap();
        assert!(
            e.message.starts_with("m.csv: 250 problem(s)"),
            "{}",
            e.message
        );
        assert_eq!(e.message.matches("\n  - row ").count(), 100);
        assert!(e.message.contains("... and 150 more"), "{}", e.message);
    }

    #[test]
    fn reads_and_groups_rows() {
        let text = format!(
            "{HEAD}AB12CD34,Doe,Jane,1990-01-02,F,benefit,OHP Plus,,2025-01-01,,\n\
             ab12cd34,Doe,Jane,1990-01-02,F,cco,Health Share of Oregon,CCOA,2025-01-01,,CareOregon\n\
             ZZ00ZZ01,Roe,Rick,1980-05-06,M,benefit,BMH,,2025-01-01,,\n"
        );
        let mut groups = Vec::new();
        let mut problems = Problems::default();
        let rows = read_member_csv("m.csv", text.as_bytes(), today(), &mut problems, |g, _| {
            groups.push(g);
            Ok(())
        })
        .unwrap();
        assert!(problems.is_empty());
        assert_eq!(rows, 3);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].spans.len(), 2);
    }

    #[test]
    fn lists_every_bad_row() {
        let text = format!(
            "{HEAD}AB12CD3,Doe,Jane,1990-01-02,F,benefit,OHP Plus,,2025-01-01,,\n\
             AB12CD34,Doe,Jane,1990-01-02,Q,benefit,NOPE,,2025-01-01,,\n\
             CW00CW00,Cruz,Ana,1990-01-02,F,benefit,CWM,,2025-01-01,,\n\
             CW00CW00,Cruz,Ana,1990-01-02,F,cco,AllCare CCO,CCOB,2025-06-01,,\n"
        );
        let e = read(&text).err().unwrap();
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

    /// What a read hands on, in order: each group's Health ID, first row and span count,
    /// and the problems noted.
    fn outline(ahead: bool, text: &[u8]) -> (Result<usize>, Vec<(String, usize, usize)>, String) {
        let mut seen = Vec::new();
        let mut problems = Problems::default();
        let r = if ahead {
            read_member_csv_ahead("m.csv", text, today(), &mut problems, |m, own, p| {
                p.append(own);
                seen.push((m.health_id().to_string(), m.row(), m.span_count()));
                // The packed rows read back as the group the in-line reader gives.
                let g = m.group();
                assert_eq!((g.row, g.spans.len()), (m.row(), m.span_count()));
                Ok(())
            })
        } else {
            read_member_csv("m.csv", text, today(), &mut problems, |g, p| {
                note_span_problems(&g.spans, &g.rows, p);
                seen.push((g.record.health_id.to_string(), g.row, g.spans.len()));
                Ok(())
            })
        };
        let msg = problems.into_result("m.csv").err().map(|e| e.message);
        (r, seen, msg.unwrap_or_default())
    }

    #[test]
    fn the_reader_thread_hands_on_what_the_in_line_reader_does() {
        let mut text = HEAD.to_string();
        for k in 0..5000 {
            let sex = if k % 997 == 0 { "Q" } else { "F" };
            text.push_str(&format!(
                "AB{k:06},Doe,Jane,1990-01-02,{sex},benefit,BMH,,2025-01-01,,\n"
            ));
            if k % 1500 == 0 {
                // An overlapping second span.
                text.push_str(&format!(
                    "AB{k:06},Doe,Jane,1990-01-02,F,benefit,BMP,,2025-02-01,,\n"
                ));
            }
        }
        let (a, b) = (
            outline(false, text.as_bytes()),
            outline(true, text.as_bytes()),
        );
        assert_eq!(a.0.as_ref().ok(), Some(&5004));
        assert_eq!(a.0.ok(), b.0.ok());
        assert_eq!(a.1, b.1);
        assert!(a.2.contains("row 1 (line 2), column sex"), "{}", a.2);
        assert_eq!(a.2, b.2);
        // An unreadable file after many rows: the same error, after the same groups.
        let mut bad = text.into_bytes();
        bad.extend_from_slice(b"AB\xff00001,Doe,Jane,1990-01-02,F,benefit,BMH,,2025-01-01,,\n");
        let (a, b) = (outline(false, &bad), outline(true, &bad));
        assert_eq!(a.1.len(), 4994);
        assert_eq!(a.1, b.1);
        let msg = a.0.err().map(|e| e.message).unwrap_or_default();
        assert!(
            msg.starts_with("m.csv: not a readable CSV after row 5004"),
            "{msg}"
        );
        assert_eq!(Some(msg), b.0.err().map(|e| e.message));
    }

    #[test]
    fn a_failing_writer_stops_the_reader() {
        let mut text = HEAD.to_string();
        for k in 0..20000 {
            text.push_str(&format!(
                "AB{k:06},Doe,Jane,1990-01-02,F,benefit,BMH,,2025-01-01,,\n"
            ));
        }
        let mut problems = Problems::default();
        let mut n = 0;
        let r = read_member_csv_ahead(
            "m.csv",
            text.as_bytes(),
            today(),
            &mut problems,
            |_, _, _| {
                n += 1;
                if n == 700 {
                    return Err(Error::invalid("stop here"));
                }
                Ok(())
            },
        );
        assert_eq!(r.err().map(|e| e.message).as_deref(), Some("stop here"));
        assert_eq!(n, 700);
    }

    #[test]
    fn a_missing_column_is_named() {
        let e = read("health_id,last_name\n").err().unwrap();
        assert!(e.message.contains("first_name"));
    }
}
