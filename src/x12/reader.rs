//! Zero-copy X12 reader with envelope validation.

use super::{Delimiters, X12Error};

/// One segment, borrowed from the input. Element 0 is the segment id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment<'a> {
    text: &'a str,
    position: usize,
    delims: Delimiters,
}

impl<'a> Segment<'a> {
    /// Makes a segment from its text (without the terminator).
    pub fn new(text: &'a str, position: usize, delims: Delimiters) -> Self {
        Segment {
            text,
            position,
            delims,
        }
    }

    /// The segment id (element 0), e.g. `NM1`.
    pub fn id(&self) -> &'a str {
        self.element(0)
    }

    /// The 1-based segment number in the file.
    pub fn position(&self) -> usize {
        self.position
    }

    /// The segment text without its terminator.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn delimiters(&self) -> Delimiters {
        self.delims
    }

    fn raw_elements(&self) -> std::str::Split<'a, char> {
        self.text.split(self.delims.element as char)
    }

    /// Element `n` (1-based; 0 is the id), or "" when absent.
    pub fn element(&self, n: usize) -> &'a str {
        let sep = self.delims.element;
        let mut start = 0;
        let mut idx = 0;
        for (i, &b) in self.text.as_bytes().iter().enumerate() {
            if b == sep {
                if idx == n {
                    return self.text.get(start..i).unwrap_or("");
                }
                idx += 1;
                start = i + 1;
            }
        }
        if idx == n {
            self.text.get(start..).unwrap_or("")
        } else {
            ""
        }
    }

    /// The elements after the id.
    pub fn elements(&self) -> impl Iterator<Item = &'a str> {
        self.raw_elements().skip(1)
    }

    /// Number of elements after the id (trailing empty ones included).
    pub fn element_count(&self) -> usize {
        self.raw_elements().count().saturating_sub(1)
    }

    /// The repetitions of element `n` (one item when not repeated; none
    /// when the element is empty or absent).
    pub fn repetitions(&self, n: usize) -> impl Iterator<Item = &'a str> {
        let e = self.element(n);
        let sep = self.delims.repetition;
        let mut rest = if e.is_empty() { None } else { Some(e) };
        std::iter::from_fn(move || {
            let cur = rest?;
            match sep.and_then(|s| cur.split_once(s as char)) {
                Some((a, b)) => {
                    rest = Some(b);
                    Some(a)
                }
                None => {
                    rest = None;
                    Some(cur)
                }
            }
        })
    }

    /// Component `m` (1-based) of the first repetition of element `n`, or ""
    /// when absent.
    pub fn component(&self, n: usize, m: usize) -> &'a str {
        if m == 0 {
            return "";
        }
        self.components(n).nth(m - 1).unwrap_or("")
    }

    /// The components of the first repetition of element `n`.
    pub fn components(&self, n: usize) -> std::str::Split<'a, char> {
        let first = self.repetitions(n).next().unwrap_or("");
        first.split(self.delims.component as char)
    }

    /// The components of a given repetition value (from [`Self::repetitions`]).
    pub fn split_components(&self, value: &'a str) -> std::str::Split<'a, char> {
        value.split(self.delims.component as char)
    }
}

/// The ISA header fields (fixed-width values trimmed of their padding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IsaHeader<'a> {
    pub segment: Segment<'a>,
    pub authorization_qualifier: &'a str,
    pub authorization: &'a str,
    pub security_qualifier: &'a str,
    pub security: &'a str,
    pub sender_qualifier: &'a str,
    pub sender_id: &'a str,
    pub receiver_qualifier: &'a str,
    pub receiver_id: &'a str,
    /// ISA09, YYMMDD.
    pub date: &'a str,
    /// ISA10, HHMM.
    pub time: &'a str,
    /// ISA12, e.g. `00501`.
    pub version: &'a str,
    /// ISA13, 9 digits.
    pub control_number: &'a str,
    /// ISA14, `0` or `1`.
    pub ack_requested: &'a str,
    /// ISA15, `T` (test) or `P` (production).
    pub usage: &'a str,
}

/// A GS/GE functional group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionalGroup<'a> {
    pub gs: Segment<'a>,
    /// GS01, e.g. `HS` (270), `HB` (271), `HC` (837), `FA` (999).
    pub functional_id: &'a str,
    pub sender: &'a str,
    pub receiver: &'a str,
    /// GS04, CCYYMMDD.
    pub date: &'a str,
    /// GS05, HHMM[SS[D..]].
    pub time: &'a str,
    /// GS06.
    pub control_number: &'a str,
    pub agency: &'a str,
    /// GS08, e.g. `005010X279A1`.
    pub version: &'a str,
    pub transactions: Vec<TransactionSet<'a>>,
    /// GE01 as written (the number of transaction sets the sender declared).
    pub declared_count: &'a str,
    /// The GE segment (`None` when the group has no trailer).
    pub ge: Option<Segment<'a>>,
    /// Envelope problems found in this group's GS/GE (lenient parsing).
    pub errors: Vec<X12Error>,
}

/// An ST/SE transaction set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransactionSet<'a> {
    /// ST01, e.g. `270`.
    pub id: &'a str,
    /// ST02.
    pub control_number: &'a str,
    /// ST03 (may be empty; GS08 then applies).
    pub version: &'a str,
    /// Every segment from ST to SE inclusive; only ST and SE when read with
    /// [`Interchange::parse_envelope`] (then [`Self::body_segments`] reads the others).
    pub segments: Vec<Segment<'a>>,
    /// The text of the segments between ST and SE (or the end of the set), terminators
    /// included: what [`Self::body_segments`] reads again.
    pub body_text: &'a str,
    /// The number of segments from ST to SE inclusive, as SE01 counts them (unrecognized
    /// segments past the [`MAX_ERRORS`] cap included).
    pub segment_count: usize,
    /// The segment number of the ST in the file.
    pub start: usize,
    /// Envelope problems found in this set's ST/SE (lenient parsing).
    pub errors: Vec<X12Error>,
    /// Segments of this set whose id is not a segment id (lenient parsing).
    pub unrecognized: Vec<Segment<'a>>,
}

impl<'a> TransactionSet<'a> {
    /// The segments between ST and SE (none when the set was read with
    /// [`Interchange::parse_envelope`]: use [`Self::body_segments`]).
    pub fn body(&self) -> &[Segment<'a>] {
        let n = self.segments.len();
        let end = match self.segments.last() {
            Some(s) if s.id() == "SE" && n > 1 => n - 1,
            _ => n,
        };
        self.segments.get(1..end).unwrap_or(&[])
    }

    /// The ST segment.
    pub fn st(&self) -> Option<&Segment<'a>> {
        self.segments.first()
    }

    /// The segments between ST and SE, read again from [`Self::body_text`] one at a time
    /// (numbered as in the file): the same segments as [`Self::body`], with no list held,
    /// however the set was read.
    pub fn body_segments(&self) -> impl Iterator<Item = Segment<'a>> {
        SegmentIter {
            rest: self.body_text,
            delims: self.st().map(|s| s.delimiters()).unwrap_or_default(),
            position: self.start,
        }
    }

    /// The 1-based position of a file segment number within this set
    /// (ST is 1), as a 999 IK302 reports it.
    pub fn position_in_set(&self, file_segment: usize) -> usize {
        file_segment.saturating_sub(self.start) + 1
    }
}

/// A problem with the interchange itself, as opposed to one of its groups or
/// transaction sets: a TA1 reports it, with `note_code` as TA105.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterchangeFault {
    /// TA105 (X12 element I18): `001` interchange control numbers in header
    /// and trailer do not match, `018` invalid interchange control number,
    /// `020` invalid test indicator, `021` invalid number of included
    /// groups, `022` invalid control structure, `023` premature end of file,
    /// `024` invalid interchange content.
    pub note_code: &'static str,
    pub error: X12Error,
}

/// A parsed interchange (ISA ... IEA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interchange<'a> {
    pub isa: IsaHeader<'a>,
    pub delimiters: Delimiters,
    pub groups: Vec<FunctionalGroup<'a>>,
    /// TA1 segments (interchange acknowledgments) outside any group.
    pub ta1: Vec<Segment<'a>>,
    /// The IEA (`None` when the file ends without one).
    pub iea: Option<Segment<'a>>,
    /// Number of segments in the file, ISA and IEA included.
    pub segment_count: usize,
    /// Every envelope problem, in file order (empty after a strict parse).
    pub errors: Vec<X12Error>,
    /// The problems in `errors` that belong to the interchange rather than
    /// to a group or a transaction set, in the order they were found (an
    /// IEA02 mismatch before an IEA01 count).
    pub faults: Vec<InterchangeFault>,
    /// Problems found past the first [`MAX_ERRORS`]: counted, not kept.
    pub errors_dropped: usize,
}

/// The most envelope problems an interchange keeps (in `errors`, `faults`, and on each group
/// and set); a hostile file of millions of bad segments costs a count, not a list.
pub const MAX_ERRORS: usize = 100;

/// The interchange's problems: the first [`MAX_ERRORS`], and a count of the rest.
#[derive(Default)]
struct Capped {
    list: Vec<X12Error>,
    dropped: usize,
}

impl Capped {
    fn full(&self) -> bool {
        self.list.len() >= MAX_ERRORS
    }
    fn push(&mut self, e: X12Error) {
        if self.full() {
            self.dropped += 1;
        } else {
            self.list.push(e);
        }
    }
}

/// Keeps a group's or a set's problem while there are fewer than [`MAX_ERRORS`].
fn keep(list: &mut Vec<X12Error>, e: X12Error) {
    if list.len() < MAX_ERRORS {
        list.push(e);
    }
}

/// Character positions of the element separators in a 106-character ISA.
const ISA_SEPARATORS: [usize; 16] = [
    3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83, 89, 99, 101, 103,
];
const ISA_LEN: usize = 106;

fn numeric_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    match (a.parse::<u64>(), b.parse::<u64>()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

fn parse_count(s: &str) -> Option<usize> {
    let s = s.trim();
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Reads the ISA of `input` (already stripped of leading whitespace/BOM):
/// returns the delimiters.
fn read_delimiters(input: &str) -> Result<Delimiters, X12Error> {
    let bytes = input.as_bytes();
    if !input.starts_with("ISA") {
        return Err(X12Error::new(
            1,
            "",
            "not an X12 interchange: the file does not start with ISA",
        ));
    }
    let element = bytes.get(3).copied().unwrap_or(b'*');
    let truncated = || {
        X12Error::new(
            1,
            "ISA",
            format!(
                "ISA is truncated: {} characters, an ISA is exactly 106 with its terminator",
                bytes.len()
            ),
        )
    };
    for &p in &ISA_SEPARATORS {
        match bytes.get(p) {
            None => return Err(truncated()),
            Some(&b) if b == element => {}
            Some(_) => {
                return Err(X12Error::new(
                    1,
                    "ISA",
                    format!(
                        "ISA is not 106 characters with fixed-width fields: expected the element separator {:?} at character {}",
                        element as char,
                        p + 1
                    ),
                ))
            }
        }
    }
    if bytes.len() < ISA_LEN {
        return Err(truncated());
    }
    let version = input.get(84..89).unwrap_or("");
    let component = bytes.get(104).copied().unwrap_or(b':');
    let segment = bytes.get(105).copied().unwrap_or(b'~');
    let rep = bytes.get(82).copied().unwrap_or(b'U');
    // ISA11 is the repetition separator from version 00402 on.
    let repetition = if version >= "00402" && !rep.is_ascii_alphanumeric() {
        Some(rep)
    } else {
        None
    };
    let d = Delimiters {
        element,
        repetition,
        component,
        segment,
    };
    d.validate().map_err(|m| X12Error::new(1, "ISA", m))?;
    Ok(d)
}

/// Iterates the segments of an interchange, skipping CR/LF (and other
/// whitespace) between a terminator and the next segment.
struct SegmentIter<'a> {
    rest: &'a str,
    delims: Delimiters,
    position: usize,
}

impl<'a> Iterator for SegmentIter<'a> {
    type Item = Segment<'a>;
    fn next(&mut self) -> Option<Segment<'a>> {
        let t = self.delims.segment as char;
        loop {
            let trimmed = if t == '\n' || t == '\r' {
                self.rest.trim_start_matches(['\r', '\n'])
            } else {
                self.rest.trim_start_matches(['\r', '\n', ' ', '\t'])
            };
            if trimmed.is_empty() {
                self.rest = trimmed;
                return None;
            }
            let sep = self.delims.segment;
            let (seg, rest) = match trimmed.as_bytes().iter().position(|&b| b == sep) {
                Some(i) => (
                    trimmed.get(..i).unwrap_or(""),
                    trimmed.get(i + 1..).unwrap_or(""),
                ),
                None => (trimmed, ""),
            };
            self.rest = rest;
            // A terminator followed by newline when the terminator is CR.
            let seg = seg.trim_end_matches(['\r', '\n']);
            if seg.is_empty() {
                continue;
            }
            self.position += 1;
            return Some(Segment::new(seg, self.position, self.delims));
        }
    }
}

fn valid_segment_id(id: &str) -> bool {
    (2..=3).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && id.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
}

impl<'a> Interchange<'a> {
    /// Parses one interchange and checks its envelopes; the first problem
    /// is an error.
    pub fn parse(input: &'a str) -> Result<Self, X12Error> {
        // Strict: the answer is "refused" at the first problem, so reading stops there.
        let ic = Self::read(input, true, true)?;
        if let Some(e) = ic.errors.first() {
            return Err(e.clone());
        }
        Ok(ic)
    }

    /// Parses bytes (which must be ASCII/UTF-8).
    pub fn parse_bytes(input: &'a [u8]) -> Result<Self, X12Error> {
        let s = std::str::from_utf8(input).map_err(|e| {
            X12Error::general(format!(
                "not an X12 file: invalid UTF-8 at byte {}",
                e.valid_up_to()
            ))
        })?;
        Self::parse(s)
    }

    /// Parses one interchange, recording count and control-number problems
    /// in `errors` (and on the group or transaction set concerned) instead
    /// of failing. A bad or missing ISA is still an error.
    ///
    /// At most [`MAX_ERRORS`] problems are kept in `errors` (and as many in `faults`, on
    /// each group and on each set); `errors_dropped` counts the rest.
    pub fn parse_lenient(input: &'a str) -> Result<Self, X12Error> {
        Self::read(input, false, true)
    }

    /// Reads the envelopes as [`Self::parse_lenient`] does, keeping of each transaction
    /// set only its ST and SE (and its unrecognized segments, capped): the other segments
    /// are read again, one at a time, with [`TransactionSet::body_segments`]. For files
    /// too big to hold a list of their segments (an 837P of 100,000 claims has a million).
    pub fn parse_envelope(input: &'a str) -> Result<Self, X12Error> {
        Self::read(input, false, false)
    }

    fn read(input: &'a str, stop_at_first: bool, keep_body: bool) -> Result<Self, X12Error> {
        let input = input.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if input.is_empty() {
            return Err(X12Error::general("empty input: no ISA segment"));
        }
        let delims = read_delimiters(input)?;
        let isa_text = input.get(..ISA_LEN - 1).unwrap_or("");
        let rest = input.get(ISA_LEN..).unwrap_or("");
        let isa_seg = Segment::new(isa_text, 1, delims);
        let f = |n: usize| isa_seg.element(n);
        let isa = IsaHeader {
            segment: isa_seg,
            authorization_qualifier: f(1),
            authorization: f(2).trim_end(),
            security_qualifier: f(3),
            security: f(4).trim_end(),
            sender_qualifier: f(5),
            sender_id: f(6).trim_end(),
            receiver_qualifier: f(7),
            receiver_id: f(8).trim_end(),
            date: f(9),
            time: f(10),
            version: f(12),
            control_number: f(13),
            ack_requested: f(14),
            usage: f(15),
        };
        let mut errors = Capped::default();
        let mut faults: Vec<InterchangeFault> = Vec::new();
        // An interchange-level problem: in `errors` and in `faults` (both capped; past the
        // cap the problem is only counted, never copied).
        fn fault(
            errors: &mut Capped,
            faults: &mut Vec<InterchangeFault>,
            note_code: &'static str,
            error: X12Error,
        ) {
            if faults.len() >= MAX_ERRORS {
                errors.dropped += 1;
                return;
            }
            errors.push(error.clone());
            faults.push(InterchangeFault { note_code, error });
        }
        if !isa.control_number.bytes().all(|b| b.is_ascii_digit()) {
            fault(
                &mut errors,
                &mut faults,
                "018",
                X12Error::at(&isa_seg, "ISA13 control number must be 9 digits"),
            );
        }
        if !matches!(isa.usage, "T" | "P" | "I") {
            fault(
                &mut errors,
                &mut faults,
                "020",
                X12Error::at(&isa_seg, "ISA15 usage indicator must be T or P"),
            );
        }

        let mut groups: Vec<FunctionalGroup<'a>> = Vec::new();
        let mut group: Option<FunctionalGroup<'a>> = None;
        let mut txn: Option<TransactionSet<'a>> = None;
        let mut iea: Option<Segment<'a>> = None;
        let mut ta1: Vec<Segment<'a>> = Vec::new();
        let mut last = isa_seg;
        let mut iter = SegmentIter {
            rest,
            delims,
            position: 1,
        };
        // Where the open set's body starts in `rest`, and the end of the text read so far.
        let mut body_start = 0usize;
        let consumed = |iter: &SegmentIter<'a>| rest.len() - iter.rest.len();
        // A segment of the open set's body: counted, its text part of the body.
        fn in_body<'a>(t: &mut TransactionSet<'a>, rest: &'a str, start: usize, end: usize) {
            t.segment_count += 1;
            t.body_text = rest.get(start..end).unwrap_or("");
        }
        // Closes an open transaction set that has no SE.
        fn abandon_txn<'a>(
            txn: &mut Option<TransactionSet<'a>>,
            group: &mut Option<FunctionalGroup<'a>>,
            errors: &mut Capped,
            at: &Segment<'a>,
        ) {
            if let Some(mut t) = txn.take() {
                let e = X12Error::at(
                    at,
                    format!(
                        "transaction set {} (ST02 {}) has no SE before this segment",
                        t.id, t.control_number
                    ),
                );
                errors.push(e.clone());
                keep(&mut t.errors, e);
                if let Some(g) = group.as_mut() {
                    g.transactions.push(t);
                }
            }
        }
        while let Some(seg) = iter.next() {
            let end = consumed(&iter);
            if stop_at_first && !errors.list.is_empty() {
                break;
            }
            last = seg;
            let id = seg.id();
            if iea.is_some() {
                fault(
                    &mut errors,
                    &mut faults,
                    "022",
                    X12Error::at(&seg, "data after IEA (one interchange per file)"),
                );
                break;
            }
            if !valid_segment_id(id) {
                // Past the cap nothing is built: a count is all that is kept.
                match txn.as_mut() {
                    Some(t) if t.unrecognized.len() >= MAX_ERRORS => {
                        errors.dropped += 1;
                        in_body(t, rest, body_start, end);
                        continue;
                    }
                    None if faults.len() >= MAX_ERRORS => {
                        errors.dropped += 1;
                        continue;
                    }
                    _ => {}
                }
                let e = X12Error::at(&seg, format!("{:?} is not a segment id", id));
                match txn.as_mut() {
                    Some(t) => {
                        errors.push(e.clone());
                        keep(&mut t.errors, e);
                        if keep_body {
                            t.segments.push(seg);
                        }
                        t.unrecognized.push(seg);
                        in_body(t, rest, body_start, end);
                    }
                    None => fault(&mut errors, &mut faults, "024", e),
                }
                continue;
            }
            match id {
                "ISA" => {
                    fault(
                        &mut errors,
                        &mut faults,
                        "022",
                        X12Error::at(&seg, "a second ISA before IEA"),
                    );
                    break;
                }
                "GS" => {
                    abandon_txn(&mut txn, &mut group, &mut errors, &seg);
                    if let Some(g) = group.take() {
                        errors.push(X12Error::at(
                            &seg,
                            format!("GS before the GE of group {}", g.control_number),
                        ));
                        groups.push(g);
                    }
                    group = Some(FunctionalGroup {
                        gs: seg,
                        functional_id: seg.element(1),
                        sender: seg.element(2),
                        receiver: seg.element(3),
                        date: seg.element(4),
                        time: seg.element(5),
                        control_number: seg.element(6),
                        agency: seg.element(7),
                        version: seg.element(8),
                        transactions: Vec::new(),
                        declared_count: "",
                        ge: None,
                        errors: Vec::new(),
                    });
                    if seg.element(6).is_empty() {
                        errors.push(X12Error::at(&seg, "GS06 control number is missing"));
                    }
                }
                "ST" => {
                    abandon_txn(&mut txn, &mut group, &mut errors, &seg);
                    if group.is_none() {
                        fault(
                            &mut errors,
                            &mut faults,
                            "024",
                            X12Error::at(&seg, "ST outside a functional group (no GS)"),
                        );
                    }
                    let mut t = TransactionSet {
                        id: seg.element(1),
                        control_number: seg.element(2),
                        version: seg.element(3),
                        segments: Vec::new(),
                        body_text: "",
                        segment_count: 1,
                        start: seg.position(),
                        errors: Vec::new(),
                        unrecognized: Vec::new(),
                    };
                    t.segments.push(seg);
                    body_start = end;
                    if t.control_number.is_empty() {
                        let e = X12Error::at(&seg, "ST02 control number is missing");
                        errors.push(e.clone());
                        keep(&mut t.errors, e);
                    }
                    txn = Some(t);
                }
                "SE" => match txn.take() {
                    None => fault(
                        &mut errors,
                        &mut faults,
                        "024",
                        X12Error::at(&seg, "SE without a matching ST"),
                    ),
                    Some(mut t) => {
                        t.segments.push(seg);
                        t.segment_count += 1;
                        let actual = t.segment_count;
                        match parse_count(seg.element(1)) {
                            Some(n) if n == actual => {}
                            Some(n) => {
                                let e = X12Error::at(
                                    &seg,
                                    format!(
                                        "SE01 says {} segments, the transaction has {}",
                                        n, actual
                                    ),
                                );
                                errors.push(e.clone());
                                keep(&mut t.errors, e);
                            }
                            None => {
                                let e = X12Error::at(
                                    &seg,
                                    format!(
                                        "SE01 {:?} is not a segment count (the transaction has {})",
                                        seg.element(1),
                                        actual
                                    ),
                                );
                                errors.push(e.clone());
                                keep(&mut t.errors, e);
                            }
                        }
                        if seg.element(2) != t.control_number {
                            let e = X12Error::at(
                                &seg,
                                format!(
                                    "SE02 {:?} does not match ST02 {:?}",
                                    seg.element(2),
                                    t.control_number
                                ),
                            );
                            errors.push(e.clone());
                            keep(&mut t.errors, e);
                        }
                        if let Some(g) = group.as_mut() {
                            g.transactions.push(t);
                        }
                    }
                },
                "GE" => {
                    abandon_txn(&mut txn, &mut group, &mut errors, &seg);
                    match group.take() {
                        None => fault(
                            &mut errors,
                            &mut faults,
                            "022",
                            X12Error::at(&seg, "GE without a matching GS"),
                        ),
                        Some(mut g) => {
                            g.declared_count = seg.element(1);
                            g.ge = Some(seg);
                            let actual = g.transactions.len();
                            match parse_count(seg.element(1)) {
                                Some(n) if n == actual => {}
                                _ => {
                                    let e = X12Error::at(
                                        &seg,
                                        format!(
                                            "GE01 says {} transaction sets, the group has {}",
                                            seg.element(1),
                                            actual
                                        ),
                                    );
                                    errors.push(e.clone());
                                    keep(&mut g.errors, e);
                                }
                            }
                            if !numeric_eq(seg.element(2), g.control_number) {
                                let e = X12Error::at(
                                    &seg,
                                    format!(
                                        "GE02 {:?} does not match GS06 {:?}",
                                        seg.element(2),
                                        g.control_number
                                    ),
                                );
                                errors.push(e.clone());
                                keep(&mut g.errors, e);
                            }
                            groups.push(g);
                        }
                    }
                }
                "IEA" => {
                    abandon_txn(&mut txn, &mut group, &mut errors, &seg);
                    if let Some(g) = group.take() {
                        errors.push(X12Error::at(
                            &seg,
                            format!("IEA before the GE of group {}", g.control_number),
                        ));
                        groups.push(g);
                    }
                    // The control number first: a trailer that is not this header's says
                    // nothing about this interchange's count.
                    if !numeric_eq(seg.element(2), isa.control_number) || seg.element(2).len() != 9
                    {
                        fault(
                            &mut errors,
                            &mut faults,
                            "001",
                            X12Error::at(
                                &seg,
                                format!(
                                    "IEA02 {:?} does not match ISA13 {:?}",
                                    seg.element(2),
                                    isa.control_number
                                ),
                            ),
                        );
                    }
                    match parse_count(seg.element(1)) {
                        Some(n) if n == groups.len() => {}
                        _ => fault(
                            &mut errors,
                            &mut faults,
                            "021",
                            X12Error::at(
                                &seg,
                                format!(
                                    "IEA01 says {} functional groups, the interchange has {}",
                                    seg.element(1),
                                    groups.len()
                                ),
                            ),
                        ),
                    }
                    iea = Some(seg);
                }
                "TA1" if txn.is_none() && group.is_none() => ta1.push(seg),
                _ => match txn.as_mut() {
                    Some(t) => {
                        if keep_body {
                            t.segments.push(seg);
                        }
                        in_body(t, rest, body_start, end);
                    }
                    None if faults.len() >= MAX_ERRORS => errors.dropped += 1,
                    None => fault(
                        &mut errors,
                        &mut faults,
                        "024",
                        X12Error::at(&seg, "segment outside a transaction set (no ST)"),
                    ),
                },
            }
        }
        if iea.is_none() {
            abandon_txn(&mut txn, &mut group, &mut errors, &last);
            if let Some(g) = group.take() {
                errors.push(X12Error::at(
                    &last,
                    format!("the file ends before the GE of group {}", g.control_number),
                ));
                groups.push(g);
            }
            fault(
                &mut errors,
                &mut faults,
                "023",
                X12Error::at(&last, "the file ends without an IEA"),
            );
        }
        let Capped {
            list: mut errors,
            dropped: errors_dropped,
        } = errors;
        errors.sort_by_key(|e| e.segment);
        Ok(Interchange {
            isa,
            delimiters: delims,
            groups,
            ta1,
            iea,
            segment_count: last.position(),
            errors,
            errors_dropped,
            faults,
        })
    }

    /// All transaction sets with the index of their group.
    pub fn transactions(
        &self,
    ) -> impl Iterator<Item = (usize, &FunctionalGroup<'a>, &TransactionSet<'a>)> {
        self.groups
            .iter()
            .enumerate()
            .flat_map(|(gi, g)| g.transactions.iter().map(move |t| (gi, g, t)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISA: &str = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240102*1230*^*00501*000000001*0*T*:~";

    fn wrap(body: &str) -> String {
        format!("{ISA}GS*HS*S*R*20240102*1230*7*X*005010X279A1~{body}GE*1*7~IEA*1*000000001~")
    }

    #[test]
    fn reads_default_delimiters() {
        let text = wrap("ST*270*0001*005010X279A1~BHT*0022*13*X*20240102*1230~SE*3*0001~");
        let ic = Interchange::parse(&text).unwrap();
        assert_eq!(ic.delimiters, Delimiters::default());
        assert_eq!(ic.isa.sender_id, "SENDER");
        assert_eq!(ic.isa.usage, "T");
        assert_eq!(ic.groups.len(), 1);
        let g = &ic.groups[0];
        assert_eq!(g.version, "005010X279A1");
        assert_eq!(g.control_number, "7");
        let t = &g.transactions[0];
        assert_eq!(t.id, "270");
        assert_eq!(t.start, 3);
        assert_eq!(t.body().len(), 1);
        assert_eq!(t.body()[0].element(2), "13");
        assert_eq!(t.body()[0].element(9), "");
        assert_eq!(ic.segment_count, 7);
    }

    #[test]
    fn reads_non_default_delimiters_and_newlines() {
        let text = "ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       |240102|1230|}|00501|000000042|0|P|>!\r\nGS|HS|S|R|20240102|1230|9|X|005010X279A1!\r\nST|270|0001|005010X279A1!\nEQ|30}33|HC>99213>25!\nSE|3|0001!\nGE|1|9!\nIEA|1|000000042!\n";
        let ic = Interchange::parse(text).unwrap();
        assert_eq!(
            ic.delimiters,
            Delimiters {
                element: b'|',
                repetition: Some(b'}'),
                component: b'>',
                segment: b'!'
            }
        );
        let eq = ic.groups[0].transactions[0].body()[0];
        assert_eq!(eq.id(), "EQ");
        assert_eq!(eq.position(), 4);
        assert_eq!(eq.repetitions(1).collect::<Vec<_>>(), vec!["30", "33"]);
        assert_eq!(eq.component(2, 2), "99213");
        assert_eq!(eq.component(2, 3), "25");
        assert_eq!(eq.component(2, 4), "");
        assert_eq!(ic.isa.usage, "P");
    }

    #[test]
    fn truncated_isa_is_an_error() {
        let e = Interchange::parse("ISA*00*   *00").unwrap_err();
        assert_eq!(e.segment, 1);
        assert!(e.message.contains("truncated"), "{e}");
        let e = Interchange::parse(&ISA.replace("SENDER         ", "SENDER")).unwrap_err();
        assert!(e.message.contains("fixed-width"), "{e}");
        assert!(Interchange::parse("").is_err());
        assert!(Interchange::parse("GS*HS~").is_err());
    }

    #[test]
    fn wrong_se_count_names_the_segment() {
        let text = wrap("ST*270*0001*005010X279A1~BHT*0022*13*X*20240102*1230~EQ*30~SE*3*0001~");
        let e = Interchange::parse(&text).unwrap_err();
        assert_eq!(e.segment, 6);
        assert_eq!(e.segment_id, "SE");
        assert_eq!(
            e.to_string(),
            "segment 6 (SE): SE01 says 3 segments, the transaction has 4"
        );
        let lenient = Interchange::parse_lenient(&text).unwrap();
        assert_eq!(lenient.groups[0].transactions[0].errors.len(), 1);
    }

    #[test]
    fn control_number_and_count_mismatches() {
        let base = "ST*270*0001*005010X279A1~SE*2*0001~";
        let bad_se02 = wrap(&base.replace("SE*2*0001", "SE*2*0002"));
        assert!(Interchange::parse(&bad_se02)
            .unwrap_err()
            .message
            .contains("SE02"));
        let text =
            format!("{ISA}GS*HS*S*R*20240102*1230*7*X*005010X279A1~{base}GE*2*7~IEA*1*000000001~");
        assert!(Interchange::parse(&text)
            .unwrap_err()
            .message
            .contains("GE01"));
        let text =
            format!("{ISA}GS*HS*S*R*20240102*1230*7*X*005010X279A1~{base}GE*1*8~IEA*1*000000001~");
        assert!(Interchange::parse(&text)
            .unwrap_err()
            .message
            .contains("GE02"));
        let text =
            format!("{ISA}GS*HS*S*R*20240102*1230*7*X*005010X279A1~{base}GE*1*7~IEA*2*000000001~");
        assert!(Interchange::parse(&text)
            .unwrap_err()
            .message
            .contains("IEA01"));
        let text =
            format!("{ISA}GS*HS*S*R*20240102*1230*7*X*005010X279A1~{base}GE*1*7~IEA*1*000000002~");
        assert!(Interchange::parse(&text)
            .unwrap_err()
            .message
            .contains("IEA02"));
        let text = format!("{ISA}GS*HS*S*R*20240102*1230*7*X*005010X279A1~{base}GE*1*7~");
        assert!(Interchange::parse(&text)
            .unwrap_err()
            .message
            .contains("IEA"));
    }

    #[test]
    fn nesting_errors() {
        let text = format!("{ISA}ST*270*0001~SE*2*0001~IEA*0*000000001~");
        let e = Interchange::parse(&text).unwrap_err();
        assert_eq!(e.segment, 2);
        assert!(e.message.contains("no GS"), "{e}");
        let text = wrap("ST*270*0001*005010X279A1~BHT*0022~");
        let e = Interchange::parse(&text).unwrap_err();
        assert_eq!(e.segment_id, "GE");
        let text = wrap("BHT*0022~ST*270*0001~SE*2*0001~");
        assert_eq!(Interchange::parse(&text).unwrap_err().segment, 3);
    }

    /// An envelope reading keeps of each set only its ST and SE, and reads its other
    /// segments again, one at a time, as the full reading has them: same text, same
    /// numbers, same problems.
    #[test]
    fn an_envelope_reading_reads_each_body_again() {
        let texts = [
            // Other delimiters, line breaks, two sets.
            "ISA|00|          |00|          |ZZ|SENDER         |ZZ|RECEIVER       |240102|1230|}|00501|000000042|0|P|>!\r\nGS|HS|S|R|20240102|1230|9|X|005010X279A1!\r\nST|270|0001|005010X279A1!\nEQ|30}33|HC>99213>25!\r\nEQ|1!\nSE|4|0001!\nST|270|0002!SE|2|0002!\nGE|2|9!\nIEA|1|000000042!\n".to_string(),
            // A wrong SE01, and a set without SE.
            wrap("ST*270*0001*005010X279A1~BHT*0022*13*X*20240102*1230~EQ*30~SE*3*0001~ST*270*0002~EQ*1~"),
            // Unrecognized segments past the cap: counted for SE01, not kept.
            wrap(&format!("ST*270*0001~{}EQ*30~SE*1003*0001~", "a~".repeat(1000))),
        ];
        for text in &texts {
            let full = Interchange::parse_lenient(text).unwrap();
            let lean = Interchange::parse_envelope(text).unwrap();
            assert_eq!(lean.errors, full.errors);
            assert_eq!(lean.errors_dropped, full.errors_dropped);
            assert_eq!(lean.segment_count, full.segment_count);
            assert_eq!(lean.groups.len(), full.groups.len());
            for (f, l) in full.transactions().zip(lean.transactions()) {
                let (f, l) = (f.2, l.2);
                let kept: Vec<&str> = l.segments.iter().map(|s| s.id()).collect();
                match f.segments.last().map(|s| s.id()) {
                    Some("SE") => assert_eq!(kept, ["ST", "SE"]),
                    _ => assert_eq!(kept, ["ST"]),
                }
                assert!(l.body().is_empty());
                let again: Vec<Segment<'_>> = l.body_segments().collect();
                let body = f.body();
                if f.unrecognized.len() < MAX_ERRORS {
                    assert_eq!(again, body);
                } else {
                    // Past the cap, the full reading keeps no unrecognized segment.
                    let valid = |v: &[Segment<'_>]| -> Vec<String> {
                        v.iter()
                            .filter(|s| valid_segment_id(s.id()))
                            .map(|s| format!("{}:{}", s.position(), s.text()))
                            .collect()
                    };
                    assert_eq!(valid(&again), valid(body));
                    assert_eq!(again.len(), body.len() + l.segment_count - 2 - body.len());
                }
                assert_eq!(f.body_segments().collect::<Vec<_>>(), again);
                assert_eq!(l.segment_count, f.segment_count);
                assert_eq!(l.errors, f.errors);
                assert_eq!(l.unrecognized, f.unrecognized);
                assert_eq!(
                    l.segment_count,
                    again.len() + l.segments.len(),
                    "{}",
                    l.control_number
                );
            }
        }
    }

    #[test]
    fn errors_are_capped_and_strict_reading_stops_at_the_first() {
        // Two million bad segments outside any set: 100 kept, the rest counted.
        let mut text = ISA.to_string();
        for _ in 0..200_000 {
            text.push_str("a~");
        }
        let ic = Interchange::parse_lenient(&text).unwrap();
        assert_eq!(ic.errors.len(), MAX_ERRORS);
        assert!(ic.faults.len() <= MAX_ERRORS);
        assert!(
            ic.errors_dropped >= 200_000 - MAX_ERRORS,
            "{}",
            ic.errors_dropped
        );
        let e = Interchange::parse(&text).unwrap_err();
        assert_eq!(e.segment, 2);
        assert!(e.message.contains("is not a segment id"), "{e}");
        // Inside a set: unrecognized segments past the cap are counted, and SE01 still
        // counts them.
        let mut body = String::new();
        for _ in 0..1_000 {
            body.push_str("a~");
        }
        let text = format!(
            "{ISA}GS*HS*S*R*20260316*0900*1*X*005010X279A1~ST*270*0001~{body}SE*1002*0001~GE*1*1~IEA*1*000000001~"
        );
        let ic = Interchange::parse_lenient(&text).unwrap();
        let t = &ic.groups[0].transactions[0];
        assert_eq!(t.unrecognized.len(), MAX_ERRORS);
        assert_eq!(t.errors.len(), MAX_ERRORS);
        assert!(
            !t.errors.iter().any(|e| e.message.contains("SE01")),
            "{:?}",
            t.errors.last()
        );
        assert_eq!(ic.errors_dropped, 1_000 - MAX_ERRORS);
    }
}
