//! Every file a command writes (`--out`, `--ack`, exports): checked, written privately
//! beside its target, and put in place only once the command's transaction has committed.
//!
//! A call site goes: [`OutFile::create`] (refuses a symlink, FIFO, socket, device or
//! folder, and creates a temporary file 0600 beside the target) → write →
//! [`OutFile::finish`] (flush and fsync) → `tx.commit()` → [`OutFile::persist`] (rename
//! over the target). Dropped without `persist` — any error on the way — the temporary file
//! is removed and the target is as it was. `-` is stdout: the bytes are held and written
//! there by `persist`, after the commit.

use crate::error::{Error, Result};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Whether `path` is `-` (stdout).
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// What a target is, when it is something a command must not write over (or, for the
/// store, open: a FIFO would block its first read).
pub(crate) fn refused_kind(t: &std::fs::FileType) -> Option<&'static str> {
    if t.is_symlink() {
        return Some("a symbolic link");
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
    }
    if !t.is_file() {
        return Some("not a regular file");
    }
    None
}

fn refused(path: &Path, what: &str) -> Error {
    Error::invalid(format!(
        "refusing to write {}: it is {what} (left as it is)",
        path.display()
    ))
    // Not every command that writes a file can write to stdout instead (`store backup`
    // cannot): the hint names what they all take.
    .hint("name a regular file, or one that does not exist yet")
}

/// Refuses a target that is a symlink, FIFO, socket, device node or folder, without
/// opening it (a FIFO would block). A missing target is fine.
pub fn check_target(path: &Path) -> Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) => match refused_kind(&m.file_type()) {
            Some(what) => Err(refused(path, what)),
            None => Ok(()),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(Error::invalid(format!(
            "cannot write {}: {e}",
            path.display()
        ))),
    }
}

enum Sink {
    /// `-`: held until `persist`, then written to stdout.
    Stdout(Vec<u8>),
    File {
        tmp: PathBuf,
        w: Option<BufWriter<File>>,
        synced: bool,
        persisted: bool,
    },
}

/// A file being written for a command; see the module documentation.
/// [`OutFile::as_write`].
pub struct WriteTo<'f>(&'f mut OutFile);

impl Write for WriteTo<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .write_bytes(buf)
            .map_err(|e| std::io::Error::other(e.message))?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub struct OutFile {
    target: PathBuf,
    sink: Sink,
}

impl OutFile {
    /// Checks `path` and creates its temporary file (0600 whatever the umask).
    pub fn create(path: &Path) -> Result<OutFile> {
        Self::create_mode(path, true)
    }

    /// As [`OutFile::create`] for a file that is not private (a man page): 0644 less the
    /// umask.
    pub fn create_public(path: &Path) -> Result<OutFile> {
        Self::create_mode(path, false)
    }

    fn create_mode(path: &Path, private: bool) -> Result<OutFile> {
        if is_stdout(path) {
            return Ok(OutFile {
                target: path.to_path_buf(),
                sink: Sink::Stdout(Vec::new()),
            });
        }
        check_target(path)?;
        let name = path.file_name().ok_or_else(|| {
            Error::invalid(format!("cannot write {}: it names no file", path.display()))
        })?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let mut last = None;
        for _ in 0..16 {
            let mut tmp_name = std::ffi::OsString::from(".");
            tmp_name.push(name);
            tmp_name.push(format!(
                ".{}-{:08x}.mmis-tmp",
                std::process::id(),
                rand::random::<u32>()
            ));
            let tmp = dir.join(tmp_name);
            let mut opts = std::fs::OpenOptions::new();
            // create_new is O_CREAT|O_EXCL: it never follows a symlink or opens a FIFO.
            opts.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                opts.mode(if private { 0o600 } else { 0o644 });
            }
            match opts.open(&tmp) {
                Ok(file) => {
                    let out = OutFile {
                        target: path.to_path_buf(),
                        sink: Sink::File {
                            tmp,
                            w: Some(BufWriter::with_capacity(1 << 16, file)),
                            synced: false,
                            persisted: false,
                        },
                    };
                    if private {
                        out.make_private()?;
                    }
                    return Ok(out);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
                Err(e) => {
                    return Err(
                        Error::invalid(format!("cannot write {}: {e}", path.display())).hint(
                            format!(
                                "check that the folder {} exists and that you may write in it",
                                dir.display()
                            ),
                        ),
                    )
                }
            }
        }
        Err(Error::internal(format!(
            "cannot create a temporary file beside {}: {}",
            path.display(),
            last.map(|e| e.to_string()).unwrap_or_default()
        )))
    }

    /// Exactly 0600: the umask can only take bits away, so set it on the open file.
    fn make_private(&self) -> Result<()> {
        #[cfg(unix)]
        if let Sink::File { w: Some(w), .. } = &self.sink {
            use std::os::unix::fs::PermissionsExt;
            w.get_ref()
                .set_permissions(std::fs::Permissions::from_mode(0o600))
                .map_err(|e| self.io_err(e))?;
        }
        Ok(())
    }

    /// The temporary file being written, for a writer that needs a path rather than a
    /// stream (SQLite, for `store copy` and `store backup`); `None` for stdout.
    pub fn temp_path(&self) -> Option<&Path> {
        match &self.sink {
            Sink::File { tmp, .. } => Some(tmp),
            Sink::Stdout(_) => None,
        }
    }

    /// Where the file goes (`-` for stdout).
    pub fn target(&self) -> &Path {
        &self.target
    }

    fn io_err(&self, e: io::Error) -> Error {
        Error::internal(format!("cannot write {}: {e}", self.target.display()))
    }

    /// Writes `bytes`, as an error that names the target.
    pub fn write_bytes(&mut self, bytes: &[u8]) -> Result<()> {
        self.write_all(bytes).map_err(|e| self.io_err(e))
    }

    /// This file as an `io::Write` for a writer that streams into it (its errors, which
    /// name the target, carried as `io::ErrorKind::Other`).
    pub fn as_write(&mut self) -> WriteTo<'_> {
        WriteTo(self)
    }

    /// Flushes, fsyncs and closes the temporary file: call it before the commit, so that a
    /// full disk is found while the transaction can still roll back. Nothing more can be
    /// written to it (a command that writes many files holds none of them open).
    pub fn finish(&mut self) -> Result<()> {
        let r = match &mut self.sink {
            Sink::Stdout(_) => Ok(()),
            Sink::File { synced: true, .. } => Ok(()),
            Sink::File { w, synced, .. } => match w.take() {
                Some(mut f) => f
                    .flush()
                    .and_then(|()| f.get_ref().sync_all())
                    .map(|()| *synced = true),
                None => Err(io::Error::other("already closed")),
            },
        };
        r.map_err(|e| self.io_err(e))
    }

    /// After the commit: puts the file in place (or writes it to stdout). The target is
    /// checked again first; a symlink put there meanwhile is replaced, never followed.
    pub fn persist(mut self) -> Result<()> {
        self.finish()?;
        let target = self.target.clone();
        match &mut self.sink {
            Sink::Stdout(buf) => {
                let mut out = io::stdout().lock();
                match out.write_all(buf).and_then(|()| out.flush()) {
                    Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                        Err(Error::internal(format!("cannot write output: {e}")))
                    }
                    _ => Ok(()),
                }
            }
            Sink::File {
                tmp, w, persisted, ..
            } => {
                if let Ok(m) = std::fs::symlink_metadata(&target) {
                    let t = m.file_type();
                    if !t.is_symlink() {
                        if let Some(what) = refused_kind(&t) {
                            return Err(refused(&target, what).hint(
                                "the command's changes were saved; only this file is missing",
                            ));
                        }
                    }
                }
                drop(w.take());
                std::fs::rename(&*tmp, &target).map_err(|e| {
                    Error::internal(format!(
                        "cannot put {} in place: {e} (the command's changes were saved)",
                        target.display()
                    ))
                })?;
                *persisted = true;
                #[cfg(unix)]
                if let Some(dir) = target.parent() {
                    let dir = if dir.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        dir
                    };
                    if let Ok(d) = File::open(dir) {
                        let _ = d.sync_all();
                    }
                }
                Ok(())
            }
        }
    }
}

impl Write for OutFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.sink {
            Sink::Stdout(v) => v.write(buf),
            Sink::File { w: Some(w), .. } => w.write(buf),
            Sink::File { w: None, .. } => Err(io::Error::other("already closed")),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(v) => v.write_all(buf),
            Sink::File { w: Some(w), .. } => w.write_all(buf),
            Sink::File { w: None, .. } => Err(io::Error::other("already closed")),
        }
    }
    fn flush(&mut self) -> io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(_) => Ok(()),
            Sink::File { w: Some(w), .. } => w.flush(),
            Sink::File { w: None, .. } => Ok(()),
        }
    }
}

impl Drop for OutFile {
    fn drop(&mut self) {
        if let Sink::File {
            tmp, w, persisted, ..
        } = &mut self.sink
        {
            // Close without flushing what is buffered: the file is going away.
            if let Some(w) = w.take() {
                drop(w.into_parts());
            }
            if !*persisted {
                let _ = std::fs::remove_file(&*tmp);
            }
        }
    }
}

/// A private file written and synced, ready to be put in place after the commit.
pub fn prepare(path: &Path, bytes: &[u8]) -> Result<OutFile> {
    let mut f = OutFile::create(path)?;
    f.write_bytes(bytes)?;
    f.finish()?;
    Ok(f)
}

/// A file that belongs to no transaction (a man page, a demo fixture), put in place now.
pub fn write_now(path: &Path, bytes: &[u8], private: bool) -> Result<()> {
    let mut f = OutFile::create_mode(path, private)?;
    f.write_bytes(bytes)?;
    f.persist()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("mmis-tmp"))
            .collect()
    }

    #[test]
    fn dropped_without_persist_leaves_nothing() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("a.999");
        let mut f = OutFile::create(&target).unwrap();
        f.write_bytes(b"ISA").unwrap();
        f.finish().unwrap();
        drop(f);
        assert!(!target.exists());
        assert!(leftovers(d.path()).is_empty());
    }

    #[test]
    fn persisted_replaces_a_regular_file_privately() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("a.271");
        std::fs::write(&target, "old").unwrap();
        prepare(&target, b"new").unwrap().persist().unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&target).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(leftovers(d.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_refused_and_left_alone() {
        let d = tempfile::tempdir().unwrap();
        let real = d.path().join("real");
        std::fs::write(&real, "keep").unwrap();
        let link = d.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let e = OutFile::create(&link).err().unwrap();
        assert_eq!(e.kind, crate::error::Kind::Invalid);
        assert!(e.message.contains("symbolic link"), "{}", e.message);
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "keep");
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[test]
    fn a_folder_put_at_the_target_before_the_rename_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let target = d.path().join("out");
        let f = prepare(&target, b"x").unwrap();
        std::fs::create_dir(&target).unwrap();
        let e = f.persist().err().unwrap();
        assert!(e.message.contains("folder"), "{}", e.message);
        assert!(target.is_dir());
        assert!(leftovers(d.path()).is_empty());
    }
}
