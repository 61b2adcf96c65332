//! Terminal facts for output: a stdout whose reader went away, colour, table width, local
//! times in tables, and the one progress bar every long command uses.
//!
//! - **Closed pipe.** A write to stdout that fails with [`std::io::ErrorKind::BrokenPipe`]
//!   marks stdout closed ([`note_write_error`]); `main` then ends quietly with exit 0 (as
//!   `mmis demo | head -1` should), whatever error the command unwound with. Decided on the
//!   error's kind, never on its text.
//! - **Colour** only when the stream is a terminal and `NO_COLOR` is unset or empty.
//! - **Width** of tables: `COLUMNS` when it is a number, else the terminal's width, else 100
//!   — the same whether or not `NO_COLOR` is set.
//! - **Times** in tables are local (the `TZ` environment variable, else the system zone) with
//!   the zone's abbreviation; JSON, NDJSON and CSV keep UTC RFC 3339.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Marks stdout closed when `e` says its reader went away; returns whether it did.
pub fn note_write_error(e: &std::io::Error) -> bool {
    let closed = e.kind() == std::io::ErrorKind::BrokenPipe;
    if closed {
        STDOUT_CLOSED.store(true, Ordering::SeqCst);
    }
    closed
}

/// A line on stderr. A stderr that went away (`2>&1 | head -1`) is not an error worth a
/// panic, which `eprintln!` would make of it: the line is dropped.
pub fn say(line: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Whether a write to stdout found its reader gone (`| head`).
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::SeqCst)
}

/// The error a command unwinds with once stdout is closed; `main` ends quietly on it.
pub fn closed_error() -> crate::error::Error {
    STDOUT_CLOSED.store(true, Ordering::SeqCst);
    crate::error::Error::internal("stdout was closed by its reader")
}

fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether tables on stdout may be coloured.
pub fn stdout_color() -> bool {
    !no_color() && std::io::stdout().is_terminal()
}

/// Whether messages on stderr may be coloured.
pub fn stderr_color() -> bool {
    !no_color() && std::io::stderr().is_terminal()
}

/// `error:` in bold red when stderr is a terminal and colour is allowed.
pub fn error_prefix() -> &'static str {
    if stderr_color() {
        "\x1b[1;31merror:\x1b[0m"
    } else {
        "error:"
    }
}

/// `hint:` in cyan when stderr is a terminal and colour is allowed.
pub fn hint_prefix() -> &'static str {
    if stderr_color() {
        "\x1b[36mhint:\x1b[0m"
    } else {
        "hint:"
    }
}

/// The width text for a person is laid out to: `COLUMNS`, else stdout's terminal, else 100.
pub fn width() -> u16 {
    table_width(comfy_table::Table::new().width())
}

/// The width prose is wrapped to: `COLUMNS` when set, else stdout's terminal; `None` off a
/// terminal, where lines are left whole for whoever reads the pipe.
pub fn prose_width() -> Option<usize> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|n| *n >= 20);
    // A terminal that reports no size (0 columns, as a bare pseudo-terminal does) is left
    // unwrapped rather than squeezed.
    columns
        .or_else(|| comfy_table::Table::new().width().filter(|n| *n >= 20))
        .map(usize::from)
}

/// The width tables are drawn to: `COLUMNS`, else the terminal's, else 100.
pub fn table_width(terminal: Option<u16>) -> u16 {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|v| v.trim().parse::<u16>().ok())
        .filter(|n| *n >= 20)
    {
        return n;
    }
    terminal.filter(|n| *n >= 20).unwrap_or(100)
}

/// The colour a table cell's value gets, for the columns where colour helps.
pub fn cell_color(column: &str, value: &str) -> Option<comfy_table::Color> {
    use comfy_table::Color;
    let v = value.trim().to_ascii_lowercase();
    match column {
        "eligible" => match v.as_str() {
            "yes" | "true" => Some(Color::Green),
            "no" | "false" => Some(Color::Red),
            _ => None,
        },
        "status" | "claim_status" | "pa_status" | "decision" => match v.as_str() {
            "paid" | "approved" | "active" | "accepted" | "ok" => Some(Color::Green),
            "denied" | "rejected" | "voided" | "removed" | "locked" | "revoked" | "expired" => {
                Some(Color::Red)
            }
            "pending" | "suspended" | "pended" | "in process" | "in-process" | "invited"
            | "received" | "submitted" => Some(Color::Yellow),
            _ => None,
        },
        _ => None,
    }
}

/// An RFC 3339 timestamp (as the store and JSON carry them) as local time with the zone's
/// abbreviation: `2026-03-16T17:15:00Z` → `2026-03-16 09:15 PST` under
/// `TZ=America/Los_Angeles`. Anything else: `None`.
pub fn local_time(s: &str) -> Option<String> {
    // Only full timestamps: a date, `T`, a time and a zone.
    if s.len() < 20 || s.as_bytes().get(10) != Some(&b'T') {
        return None;
    }
    let t = chrono::DateTime::parse_from_rfc3339(s).ok()?;
    Some(local_from_epoch(t.timestamp()).unwrap_or_else(|| {
        t.with_timezone(&chrono::Utc)
            .format("%Y-%m-%d %H:%M UTC")
            .to_string()
    }))
}

/// `YYYY-MM-DD HH:MM ZONE` in the process's local zone (`TZ`), by the C library's
/// `localtime_r`, which knows the zone's abbreviation (chrono does not).
#[cfg(unix)]
#[allow(unsafe_code)]
fn local_from_epoch(secs: i64) -> Option<String> {
    #[allow(clippy::useless_conversion)] // time_t is i32 on some targets
    let t: libc::time_t = secs.try_into().ok()?;
    // SAFETY: `tzset` reads TZ into the C library's zone state; `localtime_r` fills the
    // `tm` we own from a valid `time_t`; `tm_zone` then points at a NUL-terminated static
    // string of the C library (or is null), read at once.
    unsafe {
        tzset();
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&t, &mut tm).is_null() {
            return None;
        }
        let zone = if tm.tm_zone.is_null() {
            String::new()
        } else {
            std::ffi::CStr::from_ptr(tm.tm_zone)
                .to_string_lossy()
                .into_owned()
        };
        let zone = if zone.is_empty() || zone.starts_with(['+', '-']) {
            let off = tm.tm_gmtoff;
            let sign = if off < 0 { '-' } else { '+' };
            let off = off.abs();
            format!("UTC{sign}{:02}:{:02}", off / 3600, (off % 3600) / 60)
        } else {
            zone
        };
        Some(format!(
            "{:04}-{:02}-{:02} {:02}:{:02} {zone}",
            tm.tm_year + 1900,
            tm.tm_mon + 1,
            tm.tm_mday,
            tm.tm_hour,
            tm.tm_min
        ))
    }
}

#[cfg(unix)]
extern "C" {
    fn tzset();
}

#[cfg(not(unix))]
fn local_from_epoch(_secs: i64) -> Option<String> {
    None
}

/// Progress on long work: a bar on stderr when stderr is a terminal (and, with `--json`
/// or another script format, only when stdout is a terminal too); hidden otherwise. Every
/// long command makes one with [`crate::context::Ui::progress`] and calls [`Progress::inc`].
pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    /// A bar for `total` items (`0`: unknown, a spinner), or nothing when `show` is false.
    pub fn new(show: bool, total: u64, what: &str) -> Progress {
        Progress::styled(show, total, what, false)
    }

    /// A bar counting bytes of input (`total`: the file's size; 0 for stdin).
    pub fn bytes(show: bool, total: u64, what: &str) -> Progress {
        Progress::styled(show, total, what, true)
    }

    fn styled(show: bool, total: u64, what: &str, bytes: bool) -> Progress {
        let (pos, len, rate) = if bytes {
            ("{bytes}", "{total_bytes}", "{bytes_per_sec}")
        } else {
            ("{human_pos}", "{human_len}", "{per_sec}")
        };
        if !show {
            return Progress { bar: None };
        }
        let bar = if total == 0 {
            let b = indicatif::ProgressBar::new_spinner();
            if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
                "{{spinner}} {{msg}}: {pos} {rate}"
            )) {
                b.set_style(style);
            }
            b
        } else {
            let b = indicatif::ProgressBar::new(total);
            if let Ok(style) = indicatif::ProgressStyle::with_template(&format!(
                "{{msg}} [{{bar:30}}] {pos}/{len} {rate} eta {{eta}}"
            )) {
                b.set_style(style.progress_chars("=> "));
            }
            b
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(10));
        bar.set_message(what.to_string());
        Progress { bar: Some(bar) }
    }

    /// A progress that shows nothing.
    pub fn hidden() -> Progress {
        Progress { bar: None }
    }

    pub fn is_shown(&self) -> bool {
        self.bar.is_some()
    }

    pub fn inc(&self, n: u64) {
        if let Some(b) = &self.bar {
            b.inc(n);
        }
    }

    pub fn set(&self, pos: u64) {
        if let Some(b) = &self.bar {
            b.set_position(pos);
        }
    }

    pub fn set_total(&self, total: u64) {
        if let Some(b) = &self.bar {
            b.set_length(total);
        }
    }

    /// `r`, counting the bytes read on the bar (a bar made with the input's size).
    pub fn wrap_read<R: std::io::Read + 'static>(&self, r: R) -> Box<dyn std::io::Read> {
        match &self.bar {
            Some(b) => Box::new(b.wrap_read(r)),
            None => Box::new(r),
        }
    }

    /// The underlying bar, for code that drives indicatif itself.
    pub fn bar(&self) -> Option<&indicatif::ProgressBar> {
        self.bar.as_ref()
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_full_timestamps_are_times() {
        assert_eq!(local_time("2026-03-16"), None);
        assert_eq!(local_time("AB123456"), None);
        assert_eq!(local_time("2026-03-16 09:15"), None);
        assert!(local_time("2026-03-16T17:15:00Z").is_some());
    }

    #[test]
    fn colours_only_where_they_help() {
        assert_eq!(
            cell_color("eligible", "yes"),
            Some(comfy_table::Color::Green)
        );
        assert_eq!(cell_color("eligible", "no"), Some(comfy_table::Color::Red));
        assert_eq!(
            cell_color("status", "denied"),
            Some(comfy_table::Color::Red)
        );
        assert_eq!(cell_color("name", "denied"), None);
    }
}
