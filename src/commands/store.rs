//! `store copy` (between SQLite and PostgreSQL) and `store backup` (SQLite's online backup).

use crate::auth;
use crate::cli::{StoreBackupArgs, StoreCopyArgs};
use crate::context::Context;
use crate::error::{Error, Result};
use crate::output::{self, files, Output};
use crate::store::{pg, OpenMode, Store};
use std::path::Path;

/// A URL given on the command line must not carry the password (it would sit in the shell
/// history and in `ps`): refuse it before connecting.
fn refuse_password_on_argv(url: &str) -> Result<()> {
    if pg::has_password(url) {
        return Err(Error::usage(
            "--to: the URL carries a password, and a password never goes on the command line",
        )
        .hint(
            "leave it out of the URL and set PGPASSWORD, or put it in ~/.pgpass (docs/store.md)",
        ));
    }
    Ok(())
}

pub fn cmd_store_copy(ctx: &Context, args: &StoreCopyArgs) -> Result<Output> {
    let to = args.to.trim();
    if pg::is_url(to) {
        refuse_password_on_argv(to)?;
    }
    let store = ctx.open_store()?;
    // The copy runs inside the source's write transaction: every table is read from one
    // state of the store, and its own audit entry travels with it.
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::StoreCopy)?;
    let now = ctx.clock.now_str();
    let (target, building) = open_target(to)?;
    let shown = target.path().display().to_string();
    tx.audit(&actor.entry(&now, "store copy", Some(&shown), "ok", None))?;
    let dst = target.write()?;
    if !dst.holds_no_rows()? {
        return Err(Error::conflict(format!(
            "the target store {shown} is not empty; nothing was copied"
        ))
        .hint("copy into a new file or an empty database"));
    }
    let counts = tx.copy_into(&dst)?;
    dst.commit()?;
    drop(target);
    if let Some(out) = building {
        out.persist()?;
    }
    tx.commit()?;
    let mut tables = serde_json::Map::new();
    for (t, n) in &counts {
        tables.insert(t.clone(), serde_json::json!(n));
    }
    let value = serde_json::json!({ "tables": tables });
    let rows: Vec<Vec<String>> = counts
        .iter()
        .map(|(t, n)| vec![t.clone(), n.to_string()])
        .collect();
    let human = format!(
        "Copied to {shown}:\n{}",
        output::table_of(&["table", "rows"], &rows)
    );
    Ok(Output::record_with(value, human))
}

/// The target store, created (an empty file is built beside its final name and put in
/// place after the commit; a server database gets the schema) or opened when it exists.
fn open_target(to: &str) -> Result<(Store, Option<files::OutFile>)> {
    if pg::is_url(to) {
        return Ok((Store::open(Path::new(to), OpenMode::Create)?, None));
    }
    let path = Path::new(to);
    if files::is_stdout(path) {
        return Err(Error::usage("--to: a store cannot be copied to stdout")
            .hint("name a new SQLite file or a postgresql:// URL"));
    }
    files::check_target(path)?;
    if path.exists() {
        return Ok((Store::open(path, OpenMode::Create)?, None));
    }
    let out = files::OutFile::create(path)?;
    let tmp = out
        .temp_path()
        .ok_or_else(|| Error::internal("no temporary file for the copy"))?
        .to_path_buf();
    let store = Store::open(&tmp, OpenMode::Create)?;
    Ok((store, Some(out)))
}

pub fn cmd_store_backup(ctx: &Context, args: &StoreBackupArgs) -> Result<Output> {
    let to_stdout = files::is_stdout(&args.file);
    if to_stdout && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        return Err(
            Error::usage("a backup is a binary file: it is not written to a terminal")
                .hint("redirect it (`mmis store backup - > FILE`), or name the file"),
        );
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::StoreBackup)?;
    // The backup takes its own snapshot: no transaction of ours may be open meanwhile.
    drop(tx);
    if to_stdout {
        return backup_to_stdout(ctx, &store, &actor);
    }
    let mut out = files::OutFile::create(&args.file)?;
    let tmp = out
        .temp_path()
        .ok_or_else(|| Error::internal("no temporary file for the backup"))?
        .to_path_buf();
    let bytes = store.backup_to(&tmp)?;
    out.finish()?;
    let shown = args.file.display().to_string();
    record_backup(ctx, &store, &actor, &shown, bytes)?;
    out.persist()?;
    let value = serde_json::json!({ "out": shown, "bytes": bytes });
    let human = format!("Backed the store up to {shown} ({bytes} bytes).");
    Ok(Output::record_with(value, human))
}

/// The audit entry of a backup made to `target` (a file, or `-`): a short write of its own,
/// committed before the backup appears where it goes.
fn record_backup(
    ctx: &Context,
    store: &Store,
    actor: &auth::Actor,
    target: &str,
    bytes: u64,
) -> Result<()> {
    let tx = store.write()?;
    let now = ctx.clock.now_str();
    let detail = format!("bytes={bytes}");
    tx.audit(&actor.entry(&now, "store backup", Some(target), "ok", Some(&detail)))?;
    tx.commit()
}

/// `mmis store backup -`: SQLite's online backup writes a file, so the backup is made in a
/// private temporary file beside the store (0600, removed when the command ends), recorded
/// in the audit log, and only then copied to stdout. Nothing else goes to stdout.
fn backup_to_stdout(ctx: &Context, store: &Store, actor: &auth::Actor) -> Result<Output> {
    // A server store is refused by `backup_to` before it writes anything: the folder is
    // only used for a SQLite file's.
    let dir = match store.path().parent() {
        Some(d)
            if store.backend() == crate::store::Backend::Sqlite && !d.as_os_str().is_empty() =>
        {
            d.to_path_buf()
        }
        _ => std::env::temp_dir(),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".mmis-backup-")
        .tempfile_in(&dir)
        .map_err(|e| {
            Error::invalid(format!(
                "cannot make the backup's temporary file in {}: {e}",
                dir.display()
            ))
        })?;
    let bytes = store.backup_to(tmp.path())?;
    record_backup(ctx, store, actor, "-", bytes)?;
    let mut file = std::fs::File::open(tmp.path())
        .map_err(|e| Error::internal(format!("cannot read the backup back: {e}")))?;
    let mut out = std::io::stdout().lock();
    let copied = std::io::copy(&mut file, &mut out).and_then(|_| std::io::Write::flush(&mut out));
    match copied {
        Ok(()) => Ok(Output::Nothing),
        // The reader went away (`| head`): what it took is its business.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(Output::Nothing),
        Err(e) => Err(Error::internal(format!(
            "cannot write the backup to stdout: {e}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_password_in_the_url_is_refused() {
        use super::refuse_password_on_argv as r;
        assert!(r("postgresql://ann:secret@h/db").is_err());
        assert!(r("postgresql://h/db?user=ann&password=secret").is_err());
        assert!(r("postgresql://ann@h:5432/db?sslmode=require").is_ok());
        assert!(r("postgresql:///db?host=/tmp/sock").is_ok());
    }
}
