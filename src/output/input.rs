//! Files a command reads: `-` is stdin, wherever a file is read (`elig batch -`,
//! `ops member import -`, `ops fee-schedule import -`, `claim submit --x12 -`, `--form -`).

use std::io::{self, Read};
use std::path::Path;

/// Whether `path` is `-` (stdin).
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// How a file is named in messages: `stdin` for `-`.
pub fn name(path: &Path) -> String {
    if is_stdin(path) {
        "stdin".to_string()
    } else {
        path.display().to_string()
    }
}

/// Opens `path` for reading (`-`: stdin).
pub fn open(path: &Path) -> io::Result<Box<dyn Read>> {
    if is_stdin(path) {
        Ok(Box::new(io::stdin().lock()))
    } else {
        Ok(Box::new(std::fs::File::open(path)?))
    }
}

/// The size of `path` when it is a file (for a progress bar); 0 for stdin or unknown.
pub fn size(path: &Path) -> u64 {
    if is_stdin(path) {
        0
    } else {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }
}

// Whole files are read through `crate::limits::read_file`, which stops at the input's limit.
