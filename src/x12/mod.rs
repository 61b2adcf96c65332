//! ASC X12 5010 reading and writing: envelopes, 270/271 eligibility,
//! 837P professional claims and 999 acknowledgments.
//!
//! The reader is zero-copy: an [`Interchange`] borrows its segments from
//! the input text and checks the envelopes (ISA/IEA, GS/GE, ST/SE counts
//! and control numbers) as it goes. The [`Writer`] builds envelopes with
//! computed counts and refuses element values that contain a delimiter.

pub mod ack;
pub mod claim_ack;
pub mod claim_status;
pub mod claims;
pub mod eligibility;
mod reader;
pub mod remit;
pub mod remit_read;
mod writer;

#[cfg(test)]
mod conformance_tests;
#[cfg(test)]
mod reply_props;

use std::fmt;

pub use reader::{
    FunctionalGroup, Interchange, InterchangeFault, IsaHeader, Segment, TransactionSet, MAX_ERRORS,
};
pub use writer::{
    answer_delimiters, carry, fits, st_control_number, Envelope, GroupHeader, InterchangeHeader,
    Writer,
};

/// An error in X12 input (or a value a writer cannot emit), naming the
/// 1-based segment number in the file and the segment id.
///
/// `segment` is 0 when the problem is not tied to a segment (an empty file,
/// a value handed to a writer).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct X12Error {
    pub segment: usize,
    pub segment_id: String,
    pub message: String,
}

impl X12Error {
    pub fn new(segment: usize, segment_id: &str, message: impl Into<String>) -> Self {
        X12Error {
            segment,
            segment_id: segment_id.to_string(),
            message: message.into(),
        }
    }

    /// An error about a segment read from a file.
    pub fn at(seg: &Segment<'_>, message: impl Into<String>) -> Self {
        X12Error::new(seg.position(), seg.id(), message)
    }

    /// An error not tied to a segment of the input.
    pub fn general(message: impl Into<String>) -> Self {
        X12Error::new(0, "", message)
    }
}

impl fmt::Display for X12Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.segment, self.segment_id.is_empty()) {
            (0, true) => write!(f, "{}", self.message),
            (0, false) => write!(f, "{}: {}", self.segment_id, self.message),
            (n, true) => write!(f, "segment {}: {}", n, self.message),
            (n, false) => write!(f, "segment {} ({}): {}", n, self.segment_id, self.message),
        }
    }
}

/// The four X12 delimiters. All are single ASCII characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Delimiters {
    pub element: u8,
    /// ISA11 in 5010; `None` in older versions, where ISA11 is a code.
    pub repetition: Option<u8>,
    pub component: u8,
    pub segment: u8,
}

impl Default for Delimiters {
    fn default() -> Self {
        Delimiters {
            element: b'*',
            repetition: Some(b'^'),
            component: b':',
            segment: b'~',
        }
    }
}

impl Delimiters {
    /// True when `c` is one of the delimiters.
    pub fn is_delimiter(&self, c: u8) -> bool {
        c == self.element || c == self.component || c == self.segment || Some(c) == self.repetition
    }

    /// Checks the delimiters are distinct, printable-or-control ASCII and
    /// not letters or digits.
    pub fn validate(&self) -> Result<(), String> {
        let mut all = vec![self.element, self.component, self.segment];
        if let Some(r) = self.repetition {
            all.push(r);
        }
        for (i, &c) in all.iter().enumerate() {
            if !c.is_ascii() || c.is_ascii_alphanumeric() || c == b' ' {
                return Err(format!(
                    "delimiter {:?} is not allowed (must be ASCII punctuation or a control character)",
                    c as char
                ));
            }
            if all.iter().skip(i + 1).any(|&d| d == c) {
                return Err(format!("delimiter {:?} is used twice", c as char));
            }
        }
        Ok(())
    }
}

/// Parses a CCYYMMDD date.
pub fn parse_d8(s: &str) -> Option<chrono::NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 8 || !b.iter().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| {
        b.get(r).map(|ds| {
            ds.iter()
                .fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'))
        })
    };
    let year = i32::try_from(num(0..4)?).ok()?;
    chrono::NaiveDate::from_ymd_opt(year, num(4..6)?, num(6..8)?)
}

/// Parses a D8 (`CCYYMMDD`) or RD8 (`CCYYMMDD-CCYYMMDD`) date (range) into
/// (from, to). A range whose end is before its start is refused.
pub fn parse_date_or_range(
    qualifier: &str,
    value: &str,
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    match qualifier {
        "D8" => parse_d8(value).map(|d| (d, d)),
        "RD8" => {
            let (a, b) = value.split_once('-')?;
            let (from, to) = (parse_d8(a)?, parse_d8(b)?);
            (from <= to).then_some((from, to))
        }
        _ => None,
    }
}

/// A formatted D8 date or RD8 range held on the stack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateText {
    buf: [u8; 17],
    len: u8,
}

impl DateText {
    fn push_date(&mut self, d: chrono::NaiveDate) {
        use chrono::Datelike;
        let y = d.year().clamp(0, 9999) as u32;
        let parts = [
            (y / 1000) % 10,
            (y / 100) % 10,
            (y / 10) % 10,
            y % 10,
            d.month() / 10,
            d.month() % 10,
            d.day() / 10,
            d.day() % 10,
        ];
        for p in parts {
            if let Some(slot) = self.buf.get_mut(usize::from(self.len)) {
                *slot = b'0' + (p % 10) as u8;
                self.len += 1;
            }
        }
    }

    /// CCYYMMDD.
    pub fn d8(d: chrono::NaiveDate) -> Self {
        let mut t = DateText {
            buf: [0; 17],
            len: 0,
        };
        t.push_date(d);
        t
    }

    /// CCYYMMDD-CCYYMMDD.
    pub fn rd8(from: chrono::NaiveDate, to: chrono::NaiveDate) -> Self {
        let mut t = Self::d8(from);
        if let Some(slot) = t.buf.get_mut(8) {
            *slot = b'-';
            t.len = 9;
        }
        t.push_date(to);
        t
    }

    pub fn as_str(&self) -> &str {
        self.buf
            .get(..usize::from(self.len))
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

/// Formats a date as CCYYMMDD.
pub fn format_d8(d: chrono::NaiveDate) -> String {
    DateText::d8(d).as_str().to_string()
}

/// Formats a date range as the (qualifier, value) pair of a DTP segment:
/// D8 for a single day, RD8 otherwise.
pub fn date_or_range(from: chrono::NaiveDate, to: chrono::NaiveDate) -> (&'static str, DateText) {
    if from == to {
        ("D8", DateText::d8(from))
    } else {
        ("RD8", DateText::rd8(from, to))
    }
}

/// Checks every group (GS08) and transaction set (ST01, ST03) is the given
/// transaction and implementation guide version.
pub fn check_transaction_version(
    ic: &reader::Interchange<'_>,
    want_st: &str,
    want_version: &str,
) -> Result<(), X12Error> {
    for g in &ic.groups {
        if g.version != want_version {
            return Err(X12Error::at(
                &g.gs,
                format!(
                    "GS08 is {:?}; expected {} (a {} file)",
                    g.version, want_version, want_st
                ),
            ));
        }
        for t in &g.transactions {
            let at = t.st().copied().unwrap_or(g.gs);
            if t.id != want_st {
                return Err(X12Error::at(
                    &at,
                    format!("transaction set {:?} is not a {}", t.id, want_st),
                ));
            }
            if !t.version.is_empty() && t.version != want_version {
                return Err(X12Error::at(
                    &at,
                    format!("ST03 is {:?}; expected {}", t.version, want_version),
                ));
            }
        }
    }
    Ok(())
}

/// Where the interchange that `text` starts with ends: the byte after its IEA's
/// terminator (or the end of `text`), or `None` when `text` does not start with a
/// readable ISA.
fn interchange_end(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    if !text.starts_with("ISA") || b.len() < 106 {
        return None;
    }
    let (element, terminator) = (*b.get(3)?, *b.get(105)?);
    let mut at = 106;
    while at < b.len() {
        let seg_end = b
            .get(at..)?
            .iter()
            .position(|&c| c == terminator)
            .map_or(b.len(), |p| at + p);
        let seg = b.get(at..seg_end)?;
        let start = seg
            .iter()
            .position(|c| !matches!(c, b'\r' | b'\n' | b' ' | b'\t'))
            .unwrap_or(seg.len());
        let seg = seg.get(start..)?;
        if seg.starts_with(b"IEA") && (seg.len() == 3 || seg.get(3) == Some(&element)) {
            return Some((seg_end + 1).min(b.len()));
        }
        at = seg_end + 1;
    }
    None
}

/// Splits a file into its interchanges (ISA ... IEA), in order. A new interchange starts
/// only where an ISA follows an IEA (after any line breaks); anything else after an IEA
/// stays with the interchange before it, for the reader to report. A file of one
/// interchange is one item.
pub fn split_interchanges(input: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = input;
    loop {
        let lead = rest.len()
            - rest
                .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
                .len();
        let body = rest.get(lead..).unwrap_or("");
        let next = interchange_end(body).and_then(|end| {
            let after = body.get(end..)?;
            let t = after.trim_start_matches(['\r', '\n', ' ', '\t']);
            t.starts_with("ISA")
                .then(|| (lead + end, rest.len() - t.len()))
        });
        match next {
            Some((end, next_start)) => {
                out.push(rest.get(..end).unwrap_or(rest));
                rest = rest.get(next_start..).unwrap_or("");
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

#[cfg(test)]
mod split_tests {
    use super::*;

    #[test]
    fn splits_interchanges_only_where_an_isa_follows_an_iea() {
        let isa = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *240102*1230*^*00501*000000001*0*T*:~";
        let one = format!("{isa}GS*HS*A*B*20240102*1230*1*X*005010X279A1~GE*0*1~IEA*1*000000001~");
        let two = format!("{one}\r\n{one}\n");
        let parts = split_interchanges(&two);
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0], one);
        assert_eq!(parts[1], format!("{one}\n"));
        assert_eq!(split_interchanges(&one), vec![one.as_str()]);
        let junk = format!("{one}GS*HS~");
        assert_eq!(split_interchanges(&junk), vec![junk.as_str()]);
        assert_eq!(split_interchanges("hello"), vec!["hello"]);
        for p in split_interchanges(&two) {
            Interchange::parse(p).unwrap();
        }
    }
}
