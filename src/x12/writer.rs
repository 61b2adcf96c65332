//! X12 writer: envelopes with computed counts, delimiter-safe elements.

use chrono::{NaiveDate, NaiveTime};

use super::{Delimiters, X12Error};

/// What the ISA needs from the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterchangeHeader {
    /// ISA05, e.g. `ZZ` (mutually defined) or `30` (federal tax id).
    pub sender_qualifier: String,
    /// ISA06, at most 15 characters.
    pub sender_id: String,
    pub receiver_qualifier: String,
    pub receiver_id: String,
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// ISA13, 1..=999_999_999.
    pub control_number: u32,
    /// ISA15: `P` when true, `T` otherwise.
    pub production: bool,
    /// ISA14.
    pub ack_requested: bool,
}

/// What a GS needs from the caller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupHeader {
    /// GS01, e.g. `HB`.
    pub functional_id: String,
    /// GS02 (2..15 characters).
    pub sender: String,
    /// GS03 (2..15 characters).
    pub receiver: String,
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// GS06, 1..=999_999_999.
    pub control_number: u32,
    /// GS08, e.g. `005010X279A1`.
    pub version: String,
}

/// Everything the envelopes of a generated file need: ISA sender and
/// receiver, GS application ids (the same ids are used), dates, control
/// numbers and delimiters. The functional id code and version come from the
/// transaction being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    pub sender_qualifier: String,
    /// ISA06 and GS02 (2 to 15 characters).
    pub sender_id: String,
    pub receiver_qualifier: String,
    /// ISA08 and GS03 (2 to 15 characters).
    pub receiver_id: String,
    pub date: NaiveDate,
    pub time: NaiveTime,
    /// ISA13.
    pub interchange_control_number: u32,
    /// GS06.
    pub group_control_number: u32,
    /// ISA15 `P` when true, `T` otherwise.
    pub production: bool,
    pub delimiters: Delimiters,
    /// Line break after each segment terminator.
    pub newline: bool,
    /// GS02 when it is not ISA06 (an answer's GS02 is the GS03 it answers: an ISA06 of
    /// one character cannot be a GS02, which is 2 to 15).
    pub group_sender: Option<String>,
    /// GS03 when it is not ISA08.
    pub group_receiver: Option<String>,
}

impl Envelope {
    /// A test-usage envelope with default delimiters.
    pub fn new(
        sender_id: &str,
        receiver_id: &str,
        date: NaiveDate,
        time: NaiveTime,
        control_number: u32,
    ) -> Self {
        Envelope {
            sender_qualifier: "ZZ".into(),
            sender_id: sender_id.into(),
            receiver_qualifier: "ZZ".into(),
            receiver_id: receiver_id.into(),
            date,
            time,
            interchange_control_number: control_number,
            group_control_number: control_number,
            production: false,
            delimiters: Delimiters::default(),
            newline: false,
            group_sender: None,
            group_receiver: None,
        }
    }

    /// The envelope of an answer to an interchange: the same delimiters as the file
    /// answered (its sender's data cannot hold them), or, where those cannot write a 5010
    /// interchange (no repetition separator), a usable set none of whose characters
    /// occurs in `text`. See [`answer_delimiters`].
    pub fn with_answer_delimiters(mut self, theirs: Delimiters, text: &str) -> Self {
        self.delimiters = answer_delimiters(theirs, text);
        self
    }

    /// The GS02/GS03 of the answer: the GS03/GS02 of the group answered, used when the
    /// ISA ids cannot be GS ids (fewer than 2 characters).
    pub fn with_group_ids(mut self, sender: &str, receiver: &str) -> Self {
        let usable =
            |s: &str| (2..=15).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_graphic());
        if !usable(&self.sender_id) && usable(sender) {
            self.group_sender = Some(sender.to_string());
        }
        if !usable(&self.receiver_id) && usable(receiver) {
            self.group_receiver = Some(receiver.to_string());
        }
        self
    }

    /// Checks the ISA and GS this envelope writes can be written (without writing).
    pub fn check(&self, functional_id: &str, version: &str) -> Result<(), X12Error> {
        self.open(functional_id, version).map(|_| ())
    }

    /// A writer with the ISA and GS written.
    pub fn open(&self, functional_id: &str, version: &str) -> Result<Writer, X12Error> {
        let mut w = Writer::new(self.delimiters, self.newline)?;
        w.begin_interchange(&InterchangeHeader {
            sender_qualifier: self.sender_qualifier.clone(),
            sender_id: self.sender_id.clone(),
            receiver_qualifier: self.receiver_qualifier.clone(),
            receiver_id: self.receiver_id.clone(),
            date: self.date,
            time: self.time,
            control_number: self.interchange_control_number,
            production: self.production,
            ack_requested: false,
        })?;
        w.begin_group(&GroupHeader {
            functional_id: functional_id.into(),
            sender: self
                .group_sender
                .clone()
                .unwrap_or_else(|| self.sender_id.clone()),
            receiver: self
                .group_receiver
                .clone()
                .unwrap_or_else(|| self.receiver_id.clone()),
            date: self.date,
            time: self.time,
            control_number: self.group_control_number,
            version: version.into(),
        })?;
        Ok(w)
    }

    /// A writer with only the ISA written, for segments that stand outside
    /// any functional group (a TA1): see [`Writer::interchange_segment`].
    pub fn open_interchange(&self) -> Result<Writer, X12Error> {
        let mut w = Writer::new(self.delimiters, self.newline)?;
        w.begin_interchange(&InterchangeHeader {
            sender_qualifier: self.sender_qualifier.clone(),
            sender_id: self.sender_id.clone(),
            receiver_qualifier: self.receiver_qualifier.clone(),
            receiver_id: self.receiver_id.clone(),
            date: self.date,
            time: self.time,
            control_number: self.interchange_control_number,
            production: self.production,
            ack_requested: false,
        })?;
        Ok(w)
    }

    /// CCYYMMDD of the envelope date (for BHT04 and the like).
    pub fn date_d8(&self) -> String {
        self.date.format("%Y%m%d").to_string()
    }

    /// HHMM of the envelope time.
    pub fn time_hhmm(&self) -> String {
        self.time.format("%H%M").to_string()
    }
}

/// ST02 for the n-th (1-based) transaction set of a file: `0001`, `0002`...
pub fn st_control_number(n: usize) -> String {
    format!("{:04}", n)
}

/// The delimiters of an answer to a file written with `theirs`: the same ones (by
/// definition they occur in none of the sender's values, so every value echoed from the
/// file can be carried). Where one of `theirs` cannot serve (no repetition separator, as
/// in a 4010-style ISA11; `-` or `.`, which our own values hold), it is replaced by the
/// first candidate (punctuation, then the control characters US, RS, GS, FS) that occurs
/// nowhere in `text` and is none of the others; should every candidate occur, the
/// default delimiters are used.
pub fn answer_delimiters(theirs: Delimiters, text: &str) -> Delimiters {
    // Characters our own values need (RD8 date ranges, decimals) are never delimiters.
    const OURS: &[u8] = b"-.";
    // Preferred first, then any punctuation, then the information separators (control
    // characters, which no element value may hold).
    const CANDIDATES: &[u8] = b"^}{!#$%&@`|\\;~*:><'\"()+,/=?[]_\x1f\x1e\x1d\x1c";
    let usable = |c: u8| !OURS.contains(&c);
    if theirs.repetition.is_some_and(usable)
        && [theirs.element, theirs.component, theirs.segment]
            .iter()
            .all(|&c| usable(c))
        && theirs.validate().is_ok()
    {
        return theirs;
    }
    let mut d = theirs;
    let pick = |d: &Delimiters| {
        CANDIDATES
            .iter()
            .copied()
            .find(|&c| !text.as_bytes().contains(&c) && !d.is_delimiter(c))
    };
    for slot in 0..4 {
        let cur = match slot {
            0 => Some(d.element),
            1 => d.repetition,
            2 => Some(d.component),
            _ => Some(d.segment),
        };
        if cur.is_some_and(usable) {
            continue;
        }
        let Some(c) = pick(&d) else {
            return Delimiters::default();
        };
        match slot {
            0 => d.element = c,
            1 => d.repetition = Some(c),
            2 => d.component = c,
            _ => d.segment = c,
        }
    }
    if d.validate().is_ok() {
        d
    } else {
        Delimiters::default()
    }
}

/// `value` as an element written with `d` can carry it: every delimiter and control
/// character (and anything outside printable ASCII, the X12 basic and extended character
/// sets) replaced by a space, and surrounding spaces trimmed. For values of our own
/// (names in the store) that must not make an answer unwritable.
pub fn carry<'v>(value: &'v str, d: &Delimiters) -> std::borrow::Cow<'v, str> {
    let ok = |c: char| (c.is_ascii_graphic() || c == ' ') && !d.is_delimiter(c as u8);
    if value.chars().all(ok) {
        return std::borrow::Cow::Borrowed(value);
    }
    let s: String = value.chars().map(|c| if ok(c) { c } else { ' ' }).collect();
    std::borrow::Cow::Owned(s.trim().to_string())
}

/// `value` when an element of `min..=max` characters written with `d` can carry it
/// unchanged (printable ASCII, no delimiter), else `None`: for values echoed from a file,
/// which are left out rather than changed.
pub fn fits<'v>(value: &'v str, min: usize, max: usize, d: &Delimiters) -> Option<&'v str> {
    ((min..=max).contains(&value.len())
        && value
            .bytes()
            .all(|b| (b.is_ascii_graphic() || b == b' ') && !d.is_delimiter(b)))
    .then_some(value)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Interchange,
    Group,
    Transaction,
    Done,
}

/// Builds one interchange. Counts (SE01, GE01, IEA01) and trailer control
/// numbers are computed; element values containing a delimiter or a
/// control character are refused.
#[derive(Debug)]
pub struct Writer {
    out: String,
    delims: Delimiters,
    newline: bool,
    state: State,
    isa13: String,
    gs06: String,
    st02: String,
    groups: usize,
    sets_in_group: usize,
    segments_in_set: usize,
    forbidden: [bool; 256],
}

fn forbidden_bytes(d: &Delimiters) -> [bool; 256] {
    let mut t = [false; 256];
    for (i, slot) in t.iter_mut().enumerate() {
        let c = i as u8;
        *slot = c.is_ascii_control() || d.is_delimiter(c);
    }
    t
}

fn check_len(what: &str, value: &str, min: usize, max: usize) -> Result<(), X12Error> {
    let n = value.chars().count();
    if n < min || n > max {
        return Err(X12Error::new(
            0,
            what.get(..3)
                .unwrap_or(what)
                .trim_end_matches(|c: char| c.is_ascii_digit()),
            format!("{what} {value:?} must be {min} to {max} characters"),
        ));
    }
    Ok(())
}

impl Writer {
    /// A writer with the given delimiters; `newline` puts a line break after
    /// every segment terminator.
    pub fn new(delims: Delimiters, newline: bool) -> Result<Self, X12Error> {
        delims.validate().map_err(X12Error::general)?;
        if delims.repetition.is_none() {
            return Err(X12Error::general(
                "5010 needs a repetition separator (ISA11)",
            ));
        }
        Ok(Writer {
            out: String::new(),
            delims,
            newline,
            state: State::Start,
            isa13: String::new(),
            gs06: String::new(),
            st02: String::new(),
            groups: 0,
            sets_in_group: 0,
            segments_in_set: 0,
            forbidden: forbidden_bytes(&delims),
        })
    }

    /// A writer with `*`, `^`, `:`, `~` and no line breaks.
    pub fn with_defaults() -> Self {
        Writer {
            out: String::new(),
            delims: Delimiters::default(),
            newline: false,
            state: State::Start,
            isa13: String::new(),
            gs06: String::new(),
            st02: String::new(),
            groups: 0,
            sets_in_group: 0,
            segments_in_set: 0,
            forbidden: forbidden_bytes(&Delimiters::default()),
        }
    }

    pub fn delimiters(&self) -> Delimiters {
        self.delims
    }

    /// Hands the text written so far to `out` and empties the buffer (for output too long
    /// to hold: the envelope's counts are kept, so writing goes on where it stopped).
    pub fn drain_into(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(self.out.as_bytes())?;
        self.out.clear();
        Ok(())
    }

    /// Reserves output capacity (bytes).
    pub fn reserve(&mut self, additional: usize) {
        self.out.reserve(additional);
    }

    fn expect_state(&self, want: State, what: &str) -> Result<(), X12Error> {
        if self.state != want {
            return Err(X12Error::new(
                0,
                what,
                format!(
                    "{what} written out of order (writer is in {:?})",
                    self.state
                ),
            ));
        }
        Ok(())
    }

    fn check_value(&self, id: &str, index: usize, value: &str) -> Result<(), X12Error> {
        for c in value.bytes() {
            if self.delims.is_delimiter(c) {
                return Err(X12Error::new(
                    0,
                    id,
                    format!(
                        "{id}{index:02} value {value:?} contains the delimiter {:?}",
                        c as char
                    ),
                ));
            }
            if c.is_ascii_control() {
                return Err(X12Error::new(
                    0,
                    id,
                    format!("{id}{index:02} value {value:?} contains a control character"),
                ));
            }
        }
        Ok(())
    }

    fn terminate(&mut self) {
        self.out.push(self.delims.segment as char);
        if self.newline {
            self.out.push('\n');
        }
    }

    /// Writes a segment of simple elements. Trailing empty elements are
    /// dropped.
    pub fn segment(&mut self, id: &str, elements: &[&str]) -> Result<(), X12Error> {
        self.expect_state(State::Transaction, id)?;
        let used = elements
            .iter()
            .rposition(|e| !e.is_empty())
            .map_or(0, |p| p + 1);
        let mark = self.out.len();
        let sep = self.delims.element as char;
        self.out.push_str(id);
        for (i, e) in elements.iter().take(used).enumerate() {
            if e.bytes()
                .any(|c| self.forbidden.get(usize::from(c)).copied().unwrap_or(true))
            {
                self.out.truncate(mark);
                return self.check_value(id, i + 1, e);
            }
            self.out.push(sep);
            self.out.push_str(e);
        }
        self.terminate();
        self.segments_in_set += 1;
        Ok(())
    }

    /// Writes a segment whose elements may be composites: each element is a
    /// list of components (a simple element is a one-item list). Trailing
    /// empty components and elements are dropped.
    pub fn segment_composite(&mut self, id: &str, elements: &[&[&str]]) -> Result<(), X12Error> {
        self.expect_state(State::Transaction, id)?;
        for (i, comps) in elements.iter().enumerate() {
            for c in comps.iter() {
                self.check_value(id, i + 1, c)?;
            }
        }
        let used_of = |comps: &[&str]| {
            comps
                .iter()
                .rposition(|c| !c.is_empty())
                .map_or(0, |p| p + 1)
        };
        let used = elements
            .iter()
            .rposition(|c| used_of(c) > 0)
            .map_or(0, |p| p + 1);
        self.out.push_str(id);
        for comps in elements.iter().take(used) {
            self.out.push(self.delims.element as char);
            for (j, c) in comps.iter().take(used_of(comps)).enumerate() {
                if j > 0 {
                    self.out.push(self.delims.component as char);
                }
                self.out.push_str(c);
            }
        }
        self.terminate();
        self.segments_in_set += 1;
        Ok(())
    }

    /// Writes the ISA.
    pub fn begin_interchange(&mut self, h: &InterchangeHeader) -> Result<(), X12Error> {
        self.expect_state(State::Start, "ISA")?;
        check_len("ISA05", &h.sender_qualifier, 2, 2)?;
        check_len("ISA06", &h.sender_id, 1, 15)?;
        check_len("ISA07", &h.receiver_qualifier, 2, 2)?;
        check_len("ISA08", &h.receiver_id, 1, 15)?;
        if h.control_number == 0 || h.control_number > 999_999_999 {
            return Err(X12Error::new(
                0,
                "ISA",
                "ISA13 control number must be 1 to 999999999",
            ));
        }
        let year = h.date.format("%Y").to_string();
        if year.len() != 4 {
            return Err(X12Error::new(0, "ISA", "ISA09 date out of range"));
        }
        let fields = [
            h.sender_qualifier.as_str(),
            &h.sender_id,
            &h.receiver_qualifier,
            &h.receiver_id,
        ];
        for (i, f) in fields.iter().enumerate() {
            // The ISA is fixed-width in bytes: only printable ASCII (the X12 basic and
            // extended character sets) keeps it 106 bytes.
            if !f.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
                return Err(X12Error::new(
                    0,
                    "ISA",
                    format!(
                        "ISA{:02} {f:?} has characters outside the X12 character set (printable ASCII); an ISA cannot carry it",
                        i + 5
                    ),
                ));
            }
            self.check_value("ISA", i + 5, f)?;
        }
        let e = self.delims.element as char;
        let rep = self.delims.repetition.unwrap_or(b'^') as char;
        let comp = self.delims.component as char;
        self.isa13 = format!("{:09}", h.control_number);
        let isa = format!(
            "ISA{e}00{e}{:10}{e}00{e}{:10}{e}{}{e}{:<15}{e}{}{e}{:<15}{e}{}{e}{}{e}{rep}{e}00501{e}{}{e}{}{e}{}{e}{comp}",
            "",
            "",
            h.sender_qualifier,
            h.sender_id,
            h.receiver_qualifier,
            h.receiver_id,
            h.date.format("%y%m%d"),
            h.time.format("%H%M"),
            self.isa13,
            if h.ack_requested { '1' } else { '0' },
            if h.production { 'P' } else { 'T' },
        );
        self.out.push_str(&isa);
        self.terminate();
        self.state = State::Interchange;
        Ok(())
    }

    /// Writes a GS.
    pub fn begin_group(&mut self, g: &GroupHeader) -> Result<(), X12Error> {
        self.expect_state(State::Interchange, "GS")?;
        check_len("GS01", &g.functional_id, 2, 2)?;
        check_len("GS02", &g.sender, 2, 15)?;
        check_len("GS03", &g.receiver, 2, 15)?;
        check_len("GS08", &g.version, 1, 12)?;
        if g.control_number == 0 || g.control_number > 999_999_999 {
            return Err(X12Error::new(
                0,
                "GS",
                "GS06 control number must be 1 to 999999999",
            ));
        }
        self.gs06 = g.control_number.to_string();
        self.state = State::Transaction;
        let date = g.date.format("%Y%m%d").to_string();
        let time = g.time.format("%H%M").to_string();
        let gs06 = self.gs06.clone();
        let r = self.segment(
            "GS",
            &[
                &g.functional_id,
                &g.sender,
                &g.receiver,
                &date,
                &time,
                &gs06,
                "X",
                &g.version,
            ],
        );
        self.state = State::Group;
        r?;
        self.groups += 1;
        self.sets_in_group = 0;
        Ok(())
    }

    /// Writes an ST; `control_number` is ST02 (4 to 9 characters).
    pub fn begin_transaction(
        &mut self,
        id: &str,
        control_number: &str,
        version: &str,
    ) -> Result<(), X12Error> {
        self.expect_state(State::Group, "ST")?;
        check_len("ST02", control_number, 4, 9)?;
        self.state = State::Transaction;
        self.segments_in_set = 0;
        self.st02 = control_number.to_string();
        self.segment("ST", &[id, control_number, version])?;
        self.sets_in_group += 1;
        Ok(())
    }

    /// Segments written so far in the open transaction set (ST included).
    pub fn segments_in_transaction(&self) -> usize {
        self.segments_in_set
    }

    /// Writes the SE with the computed count.
    pub fn end_transaction(&mut self) -> Result<(), X12Error> {
        self.expect_state(State::Transaction, "SE")?;
        let count = (self.segments_in_set + 1).to_string();
        let st02 = std::mem::take(&mut self.st02);
        self.segment("SE", &[&count, &st02])?;
        self.state = State::Group;
        Ok(())
    }

    /// Writes the GE.
    pub fn end_group(&mut self) -> Result<(), X12Error> {
        self.expect_state(State::Group, "GE")?;
        let count = self.sets_in_group.to_string();
        let gs06 = std::mem::take(&mut self.gs06);
        self.state = State::Transaction;
        let r = self.segment("GE", &[&count, &gs06]);
        self.state = State::Interchange;
        r
    }

    /// Writes a segment between the ISA and the first GS (a TA1); refused
    /// once a group has been written.
    pub fn interchange_segment(&mut self, id: &str, elements: &[&str]) -> Result<(), X12Error> {
        self.expect_state(State::Interchange, id)?;
        if self.groups > 0 {
            return Err(X12Error::new(
                0,
                id,
                format!("{id} written after a functional group"),
            ));
        }
        self.state = State::Transaction;
        let r = self.segment(id, elements);
        self.state = State::Interchange;
        r
    }

    /// Writes the IEA and returns the text.
    pub fn finish(mut self) -> Result<String, X12Error> {
        self.expect_state(State::Interchange, "IEA")?;
        let count = self.groups.to_string();
        let isa13 = std::mem::take(&mut self.isa13);
        self.state = State::Transaction;
        self.segment("IEA", &[&count, &isa13])?;
        self.state = State::Done;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::x12::Interchange;

    pub(crate) fn header() -> InterchangeHeader {
        InterchangeHeader {
            sender_qualifier: "ZZ".into(),
            sender_id: "OHA".into(),
            receiver_qualifier: "ZZ".into(),
            receiver_id: "CLINIC".into(),
            date: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
            time: NaiveTime::from_hms_opt(12, 30, 0).unwrap(),
            control_number: 42,
            production: false,
            ack_requested: false,
        }
    }

    fn group() -> GroupHeader {
        GroupHeader {
            functional_id: "HB".into(),
            sender: "OHA".into(),
            receiver: "CLINIC".into(),
            date: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
            time: NaiveTime::from_hms_opt(12, 30, 0).unwrap(),
            control_number: 7,
            version: "005010X279A1".into(),
        }
    }

    #[test]
    fn writes_and_reads_back() {
        let mut w = Writer::with_defaults();
        w.begin_interchange(&header()).unwrap();
        w.begin_group(&group()).unwrap();
        w.begin_transaction("271", "0001", "005010X279A1").unwrap();
        w.segment("BHT", &["0022", "11", "", "", ""]).unwrap();
        w.segment_composite("SV1", &[&["HC", "99213", "", ""], &["40"], &[], &[""]])
            .unwrap();
        w.end_transaction().unwrap();
        w.end_group().unwrap();
        let text = w.finish().unwrap();
        assert!(text.starts_with("ISA*00*          *00*          *ZZ*OHA            *ZZ*CLINIC         *240102*1230*^*00501*000000042*0*T*:~GS*HB*OHA*CLINIC*20240102*1230*7*X*005010X279A1~ST*271*0001*005010X279A1~BHT*0022*11~SV1*HC:99213*40~SE*4*0001~GE*1*7~IEA*1*000000042~"), "{text}");
        let ic = Interchange::parse(&text).unwrap();
        assert_eq!(ic.isa.control_number, "000000042");
        assert_eq!(ic.groups[0].transactions[0].segments.len(), 4);
    }

    #[test]
    fn refuses_delimiters_in_values() {
        let mut w = Writer::with_defaults();
        w.begin_interchange(&header()).unwrap();
        w.begin_group(&group()).unwrap();
        w.begin_transaction("271", "0001", "005010X279A1").unwrap();
        for bad in ["A*B", "A~B", "A:B", "A^B", "A\nB"] {
            let e = w.segment("NM1", &["IL", "1", bad]).unwrap_err();
            assert!(e.message.contains("NM103"), "{e}");
        }
        let mut h = header();
        h.sender_id = "A*B".into();
        assert!(Writer::with_defaults().begin_interchange(&h).is_err());
        h.sender_id = "0123456789012345".into();
        assert!(Writer::with_defaults().begin_interchange(&h).is_err());
    }

    #[test]
    fn non_default_delimiters_round_trip() {
        let d = Delimiters {
            element: b'|',
            repetition: Some(b'}'),
            component: b'>',
            segment: b'\n',
        };
        let mut w = Writer::new(d, false).unwrap();
        w.begin_interchange(&header()).unwrap();
        w.begin_group(&group()).unwrap();
        w.begin_transaction("271", "0001", "005010X279A1").unwrap();
        w.segment("NM1", &["IL", "1", "A*B"]).unwrap();
        w.end_transaction().unwrap();
        w.end_group().unwrap();
        let text = w.finish().unwrap();
        let ic = Interchange::parse(&text).unwrap();
        assert_eq!(ic.delimiters, d);
        assert_eq!(ic.groups[0].transactions[0].body()[0].element(3), "A*B");
        assert!(Writer::new(
            Delimiters {
                element: b'*',
                repetition: Some(b'*'),
                component: b':',
                segment: b'~'
            },
            false
        )
        .is_err());
    }

    #[test]
    fn a_ta1_stands_between_isa_and_iea() {
        let mut w = Writer::with_defaults();
        w.begin_interchange(&header()).unwrap();
        w.interchange_segment("TA1", &["000000777", "240102", "1230", "R", "001"])
            .unwrap();
        let text = w.finish().unwrap();
        assert!(
            text.ends_with("~TA1*000000777*240102*1230*R*001~IEA*0*000000042~"),
            "{text}"
        );
        let mut w = Writer::with_defaults();
        w.begin_interchange(&header()).unwrap();
        w.begin_group(&group()).unwrap();
        assert!(w.interchange_segment("TA1", &["1"]).is_err());
    }

    #[test]
    fn out_of_order_is_an_error() {
        let mut w = Writer::with_defaults();
        assert!(w.segment("BHT", &["x"]).is_err());
        assert!(w.begin_group(&group()).is_err());
        w.begin_interchange(&header()).unwrap();
        assert!(w.end_transaction().is_err());
    }
}
