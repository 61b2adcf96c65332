//! One error type for the whole program: its kind decides the exit code.

use std::fmt;

/// What went wrong, as far as a script is concerned. Each kind has one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// 1: a bug or an unexpected I/O failure.
    Internal,
    /// 2: the command line itself is wrong (clap reports most of these).
    Usage,
    /// 3: no session, bad credentials, locked, expired; a wrong, used or expired PIN or code.
    NotAuthenticated,
    /// 4: missing role, wrong provider.
    PermissionDenied,
    /// 5: the thing named does not exist.
    NotFound,
    /// 6: validation, password policy, malformed file, a domain rule broken.
    Invalid,
    /// 7: duplicate, already exists, wrong state.
    Conflict,
    /// 8: the store cannot be used (disk full, read-only, corrupt, foreign, newer schema).
    StoreUnavailable,
}

impl Kind {
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Internal => 1,
            Kind::Usage => 2,
            Kind::NotAuthenticated => 3,
            Kind::PermissionDenied => 4,
            Kind::NotFound => 5,
            Kind::Invalid => 6,
            Kind::Conflict => 7,
            Kind::StoreUnavailable => 8,
        }
    }
}

/// An error a person can act on: a message and, where there is one, what to do next.
#[derive(Debug, Clone, thiserror::Error)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
    /// The I/O error's kind when the error came from one (a closed pipe, a full disk...):
    /// callers decide on it, never on the message's text.
    io_kind: Option<std::io::ErrorKind>,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
            io_kind: None,
        }
    }
    /// Keeps the kind of the I/O error this one came from.
    pub fn with_io(mut self, source: &std::io::Error) -> Self {
        self.io_kind = Some(source.kind());
        self
    }
    /// The kind of the I/O error this one came from, if any.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        self.io_kind
    }
    /// The reader of stdout went away (`| head`): not a failure of the command.
    pub fn is_broken_pipe(&self) -> bool {
        self.io_kind == Some(std::io::ErrorKind::BrokenPipe)
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(Kind::Internal, message)
    }
    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn unauthenticated(message: impl Into<String>) -> Self {
        Self::new(Kind::NotAuthenticated, message)
    }
    pub fn denied(message: impl Into<String>) -> Self {
        Self::new(Kind::PermissionDenied, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, message)
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Kind::Invalid, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(Kind::Conflict, message)
    }
    pub fn store(message: impl Into<String>) -> Self {
        Self::new(Kind::StoreUnavailable, message)
    }
    /// The store holds what mmis never writes (a value of the wrong form, a row another
    /// row needs gone): it was changed outside mmis (exit 8, as a corrupt store).
    pub fn tampered(message: impl Into<String>) -> Self {
        Self::store(message).hint(
            "the store was changed outside mmis: keep a copy for investigation and restore it from a backup",
        )
    }
    /// Several problems with one input, reported together.
    pub fn invalid_fields(what: &str, problems: &[String]) -> Self {
        let mut msg = format!("{what} has {} problem(s):", problems.len());
        for p in problems {
            msg.push_str("\n  - ");
            msg.push_str(p);
        }
        Self::invalid(msg)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::internal(format!("I/O error: {e}")).with_io(&e)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    #[test]
    fn an_io_error_keeps_its_kind() {
        let e: Error = io::Error::new(io::ErrorKind::BrokenPipe, "gone").into();
        assert_eq!(e.io_kind(), Some(io::ErrorKind::BrokenPipe));
        assert!(e.is_broken_pipe());
        // Decided on the kind, not on the words: a message that says "Broken pipe" is not one.
        assert!(!Error::internal("Broken pipe").is_broken_pipe());
        let full = io::Error::new(io::ErrorKind::StorageFull, "no space left");
        let e = Error::store("cannot write")
            .with_io(&full)
            .hint("free some space");
        assert_eq!(e.io_kind(), Some(io::ErrorKind::StorageFull));
        assert_eq!(e.kind, Kind::StoreUnavailable);
    }
}
