//! Parse, build the context, run, and map any error to `error: ...` + its exit code.

use mmis::cli::Cli;
use mmis::context::{default_db_path, Clock, Config, Context, Ui};
use mmis::error::Error;
use mmis::output::{self, Format, Output};

fn run(cli: Cli) -> Result<(), Error> {
    let ui = Ui::detect();
    let format = if cli.global.json {
        Format::Json
    } else {
        cli.global.format.unwrap_or_default()
    };
    refuse_password_on_argv()?;
    let config = Config::load()?;
    let db_given = cli.global.db.is_some() || config.store_url.is_some();
    let db_path = cli
        .global
        .db
        .clone()
        .or_else(|| config.store_url.clone().map(Into::into))
        .unwrap_or_else(default_db_path);
    let ctx = Context {
        db_path,
        db_given,
        state_dir: None,
        provider: provider_flag(cli.global.provider.as_deref())?,
        format,
        format_given: cli.global.json || cli.global.format.is_some(),
        config,
        clock: Clock::from_env()?,
        ui,
        sandbox: Default::default(),
        mute_stdout: false,
    };
    let out = mmis::commands::dispatch(&ctx, cli.command)?;
    output::render(&out, ctx.format, &mut std::io::stdout().lock())?;
    // A person reading a table must not take a sandbox for the live store; scripts reading
    // JSON, NDJSON or CSV on stdout see nothing extra (`whoami` carries "sandbox").
    if ctx.sandbox.get()
        && !output::term::stdout_closed()
        && ctx.format == Format::Table
        && matches!(
            out,
            Output::Record { .. } | Output::Rows { .. } | Output::Streamed(_)
        )
    {
        output::term::say(format_args!(
            "{}",
            output::sandbox_banner(&ctx.clock.today_str())
        ));
    }
    Ok(())
}

/// `--provider` / `MMIS_PROVIDER`: a provider ID (6 or 9 digits), or nothing when blank.
fn provider_flag(given: Option<&str>) -> Result<Option<mmis::domain::ids::ProviderId>, Error> {
    match given.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(None),
        Some(p) => mmis::domain::ids::ProviderId::parse("--provider", p)
            .map(Some)
            .map_err(|e| {
                e.hint("pass the provider's Oregon Medicaid ID, with --provider or MMIS_PROVIDER")
            }),
    }
}

/// `--db postgresql://user:PASSWORD@…` on the command line would leave the password in the
/// shell history and in `ps`: refused (docs/store.md). `MMIS_DB` and the config file may carry it.
fn refuse_password_on_argv() -> Result<(), Error> {
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--db=") {
            Some(v) => Some(v.to_string()),
            None if a == "--db" => args.get(i + 1).cloned(),
            None => None,
        };
        if let Some(v) = value {
            if mmis::store::pg::is_url(&v) && mmis::store::pg::has_password(&v) {
                return Err(Error::usage(
                    "--db: the URL carries a password, and a password never goes on the command line",
                )
                .hint("leave it out of the URL and set PGPASSWORD, put it in ~/.pgpass, or set MMIS_DB (docs/store.md)"));
            }
        }
    }
    Ok(())
}

#[allow(clippy::disallowed_methods)]
fn main() -> anyhow::Result<()> {
    // `COMPLETE=bash mmis`: print the shell's registration, or (called back at a Tab) the
    // candidates, and exit; without COMPLETE this returns at once (docs/config.md).
    clap_complete::CompleteEnv::with_factory(mmis::cli::command).complete();
    let cli = match mmis::cli::parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    if let Err(e) = run(cli) {
        // The reader of stdout went away (`mmis demo | head -1`): end quietly, as Unix
        // tools do, with exit 0 (docs/exit-codes.md). Decided by the write's
        // io::ErrorKind::BrokenPipe, never by an error's text.
        if output::term::stdout_closed() {
            std::process::exit(0);
        }
        output::term::say(format_args!(
            "{} {}",
            output::term::error_prefix(),
            e.message
        ));
        for h in &e.hints {
            output::term::say(format_args!("{} {h}", output::term::hint_prefix()));
        }
        std::process::exit(e.kind.exit_code());
    }
    Ok(())
}
