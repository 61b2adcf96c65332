//! Input size limits: every file mmis reads from outside has a ceiling, checked (after the
//! permission check) before any of it is read or parsed. docs/limits.md lists them and why.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

const MIB: u64 = 1 << 20;

/// An X12 270 (`elig batch --x12`): read whole, so kept within the 64 MiB memory target —
/// 8 MiB is some 25,000 inquiries, more than a clearinghouse sends in one file.
pub const MAX_270_BYTES: u64 = 8 * MIB;
/// An X12 276 (`claim status --x12`): read whole, as a 270 is — 8 MiB is tens of
/// thousands of claim inquiries.
pub const MAX_276_BYTES: u64 = 8 * MIB;
/// An X12 837P (`claim submit --x12`): 512 MiB, room for several hundred thousand claims.
pub const MAX_837_BYTES: u64 = 512 * MIB;
/// An X12 835 (`remit post`): read whole, so kept near the 64 MiB memory target — 48 MiB is
/// some 250,000 claim payments (100,000 take about 20 MB), more than a payer sends at once.
pub const MAX_835_BYTES: u64 = 48 * MIB;
/// A member eligibility CSV (`ops member import`): 1 GiB, room for millions of members.
pub const MAX_MEMBER_CSV_BYTES: u64 = 1024 * MIB;
/// A fee schedule CSV (`ops fee-schedule import`): 4 MiB, some 100,000 rows (a state
/// schedule has tens of thousands); read whole, so kept within the 64 MiB memory target.
pub const MAX_FEE_CSV_BYTES: u64 = 4 * MIB;
/// A TOML form or the config file: 1 MiB.
pub const MAX_TOML_BYTES: u64 = MIB;

/// Refuses a file over `max` bytes (exit 6), naming it and the limit, from its size on disk.
/// A file that cannot be examined is left to the reader, which reports why it cannot read it.
pub fn check_file_size(path: &Path, max: u64, what: &str) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && m.len() > max => Err(too_big(path, m.len(), max, what)),
        _ => Ok(()),
    }
}

/// Reads a whole file (`-`: stdin) of at most `max` bytes (checked before reading, and while reading, for
/// a file that grows or is not a regular file).
pub fn read_file(path: &Path, max: u64, what: &str) -> Result<Vec<u8>> {
    check_file_size(path, max, what)?;
    let name = crate::output::input::name(path);
    let f = crate::output::input::open(path)
        .map_err(|e| Error::invalid(format!("cannot read {name}: {e}")))?;
    let mut bytes = Vec::new();
    f.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::invalid(format!("cannot read {name}: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(too_big(path, bytes.len() as u64, max, what));
    }
    Ok(bytes)
}

fn too_big(path: &Path, size: u64, max: u64, what: &str) -> Error {
    Error::invalid(format!(
        "{} is too large for {what}: {} bytes, the limit is {} ({max} bytes)",
        crate::output::input::name(path),
        if size > max {
            size.to_string()
        } else {
            format!("more than {max}")
        },
        human(max)
    ))
    .hint("split the file and send each part")
}

fn human(n: u64) -> String {
    if n.is_multiple_of(1024 * MIB) {
        format!("{} GiB", n / (1024 * MIB))
    } else if n.is_multiple_of(MIB) {
        format!("{} MiB", n / MIB)
    } else {
        format!("{n} bytes")
    }
}

/// A row of a streamed CSV (a roster, a member file): 64 KiB, hundreds of times a real row.
/// Without it, a file with no row end (`/dev/zero`, or a quote never closed) would be read
/// into one row until memory ran out; the file-size limit does not help with stdin or a FIFO.
pub const MAX_CSV_ROW_BYTES: u64 = 64 * 1024;

/// A streamed CSV input whose rows are kept to `max` bytes each: a row that runs on past it
/// (a newline outside quotes ends a row; `""` inside quotes keeps the count even) is an
/// `InvalidData` read error, so reading it costs at most `max` of memory. Rows without a
/// quote, the usual case, are measured between newlines found with memchr.
pub struct RowBound<R> {
    inner: R,
    max: u64,
    /// Bytes of the current row so far.
    since: u64,
    /// Inside a quoted field.
    quoted: bool,
}

impl<R> RowBound<R> {
    pub fn new(inner: R, max: u64) -> RowBound<R> {
        RowBound {
            inner,
            max,
            since: 0,
            quoted: false,
        }
    }

    fn check(&self, len: u64) -> std::io::Result<()> {
        if len > self.max {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a row runs on past {} bytes, the most a row may hold (no line end, or \
                     a quote never closed)",
                    self.max
                ),
            ));
        }
        Ok(())
    }

    /// The rows of `chunk`, byte by byte (quotes in play).
    fn slow(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        for &b in chunk {
            match b {
                b'"' => self.quoted = !self.quoted,
                b'\n' if !self.quoted => {
                    self.since = 0;
                    continue;
                }
                _ => {}
            }
            self.since += 1;
            self.check(self.since)?;
        }
        Ok(())
    }
}

impl<R: Read> Read for RowBound<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let chunk = &buf[..n];
        if self.quoted || memchr::memchr(b'"', chunk).is_some() {
            self.slow(chunk)?;
            return Ok(n);
        }
        let mut rest = chunk;
        while let Some(i) = memchr::memchr(b'\n', rest) {
            self.check(self.since + i as u64)?;
            self.since = 0;
            rest = &rest[i + 1..];
        }
        self.since += rest.len() as u64;
        self.check(self.since)?;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads all of `input` through a [`RowBound`] of `max`, in reads of `step` bytes.
    fn bounded(input: &[u8], max: u64, step: usize) -> std::io::Result<Vec<u8>> {
        struct Steps<'a>(&'a [u8], usize);
        impl Read for Steps<'_> {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let mut out = Vec::new();
        RowBound::new(Steps(input, step), max).read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn rows_are_kept_to_their_bound_with_or_without_quotes() {
        for step in [1, 3, 7, 64, 4096] {
            // Rows of 10 bytes pass a bound of 10, whatever the reads' sizes.
            let ok = b"0123456789\nabcdefghij\n\n0123456789".to_vec();
            assert_eq!(bounded(&ok, 10, step).unwrap(), ok, "step {step}");
            // One byte more does not.
            let long = b"0123456789\nabcdefghijk\n".to_vec();
            let e = bounded(&long, 10, step).unwrap_err();
            assert_eq!(e.kind(), std::io::ErrorKind::InvalidData);
            assert!(e.to_string().contains("runs on past 10 bytes"), "{e}");
            // No line end at all (`/dev/zero`).
            assert!(bounded(&[0u8; 100], 10, step).is_err(), "step {step}");
            // A newline inside quotes does not end the row...
            let quoted = b"a,\"b\nc\nd\ne\nf\",g\n".to_vec();
            assert!(bounded(&quoted, 10, step).is_err(), "step {step}");
            assert_eq!(bounded(&quoted, 16, step).unwrap(), quoted, "step {step}");
            // ...and `""` keeps the quote open.
            let escaped = b"\"a\"\"\nbbbbbbbbbb\"\nx\n".to_vec();
            assert!(bounded(&escaped, 12, step).is_err(), "step {step}");
            assert_eq!(bounded(&escaped, 17, step).unwrap(), escaped, "step {step}");
        }
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f");
        std::fs::write(&p, vec![b'a'; 11]).unwrap();
        let e = check_file_size(&p, 10, "a test").unwrap_err();
        assert_eq!(e.kind, crate::error::Kind::Invalid);
        assert!(e.message.contains("too large for a test"), "{}", e.message);
        assert!(read_file(&p, 10, "a test").is_err());
        assert_eq!(read_file(&p, 11, "a test").unwrap().len(), 11);
        assert_eq!(human(16 * MIB), "16 MiB");
        assert_eq!(human(1024 * MIB), "1 GiB");
    }
}
