//! Built once per run: config, clock, output format, where the store and session live.

use crate::domain::time::{parse_date, parse_duration_within};
use crate::error::{Error, Result};
use crate::output::{Format, Output};
use crate::store::{OpenMode, Store};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Duration;

/// The business clock: `MMIS_TODAY` pins the date; sessions and audit use the real clock.
/// A pinned date is honoured only by a sandbox store ([`Context::open_store`] refuses it on a
/// live one), so on a live store the business date is always the real date.
#[derive(Debug, Clone)]
pub struct Clock {
    today: NaiveDate,
    pinned: bool,
}

impl Clock {
    #[allow(clippy::disallowed_methods)]
    pub fn from_env() -> Result<Clock> {
        let (today, pinned) = match std::env::var("MMIS_TODAY") {
            Ok(v) if !v.trim().is_empty() => (parse_date("MMIS_TODAY", &v)?, true),
            _ => (chrono::Local::now().date_naive(), false),
        };
        Ok(Clock { today, pinned })
    }
    /// A clock pinned to `today` (as `MMIS_TODAY` does).
    pub fn fixed(today: NaiveDate) -> Clock {
        Clock {
            today,
            pinned: true,
        }
    }
    /// Whether the business date was pinned (`MMIS_TODAY`) rather than read from the real clock.
    pub fn is_pinned(&self) -> bool {
        self.pinned
    }
    /// The business date.
    pub fn today(&self) -> NaiveDate {
        self.today
    }
    pub fn today_str(&self) -> String {
        self.today.format("%Y-%m-%d").to_string()
    }
    /// The real time, for sessions, tokens, lockouts and the audit log.
    #[allow(clippy::disallowed_methods)]
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
    pub fn now_str(&self) -> String {
        rfc3339(self.now())
    }
}

pub fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

pub fn parse_rfc3339(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// `config.toml`: every key is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigFile {
    #[serde(default)]
    pub session: SessionConfig,
    #[serde(default)]
    pub token: TokenConfig,
    #[serde(default)]
    pub store: StoreConfig,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    /// The store when neither `--db` nor `MMIS_DB` names one: a path or a `postgresql://`
    /// URL (which may carry the password: the config file is private, docs/store.md).
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionConfig {
    /// Idle timeout, e.g. "15m".
    pub idle: Option<String>,
    /// Absolute lifetime, e.g. "12h".
    pub absolute: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenConfig {
    /// Default lifetime of a new API token, e.g. "90d".
    pub default_expiry: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Config {
    pub session_idle: Duration,
    pub session_absolute: Duration,
    pub token_default_expiry: Duration,
    /// `[store] url`: the store when neither `--db` nor `MMIS_DB` names one.
    pub store_url: Option<String>,
}

/// The range each configured duration must fall in (docs/config.md): a value outside is
/// refused when the config is loaded (exit 6, naming the key), so no limit can overflow later.
pub const SESSION_IDLE_RANGE: (Duration, Duration) =
    (Duration::from_secs(1), Duration::from_secs(24 * 3600));
pub const SESSION_ABSOLUTE_RANGE: (Duration, Duration) =
    (Duration::from_secs(1), Duration::from_secs(30 * 86_400));
/// The same ceiling as `token create --expires-in` (366 days).
pub const TOKEN_EXPIRY_RANGE: (Duration, Duration) =
    (Duration::from_secs(1), Duration::from_secs(366 * 86_400));

impl Default for Config {
    fn default() -> Self {
        Config {
            session_idle: Duration::from_secs(15 * 60),
            session_absolute: Duration::from_secs(12 * 3600),
            token_default_expiry: Duration::from_secs(90 * 86_400),
            store_url: None,
        }
    }
}

impl Config {
    /// The config file read: `MMIS_CONFIG`, else `$XDG_CONFIG_HOME/mmis/config.toml` (which
    /// need not exist); `None` without a home folder.
    pub fn path() -> Option<PathBuf> {
        match std::env::var_os("MMIS_CONFIG") {
            Some(p) if !p.is_empty() => Some(PathBuf::from(p)),
            _ => dirs().map(|d| d.config_dir().join("config.toml")),
        }
    }

    pub fn load() -> Result<Config> {
        let path = Config::path();
        let file = match &path {
            Some(p) if p.exists() => {
                // At most the limit is read, whatever the file is (`MMIS_CONFIG=/dev/zero`).
                let bytes =
                    crate::limits::read_file(p, crate::limits::MAX_TOML_BYTES, "a config file")?;
                let text = String::from_utf8(bytes).map_err(|_| {
                    Error::invalid(format!(
                        "cannot read the config file {}: it is not UTF-8 text",
                        p.display()
                    ))
                })?;
                toml::from_str::<ConfigFile>(&text).map_err(|e| {
                    Error::invalid(format!("config file {}: {}", p.display(), e.message()))
                        .hint("the keys: [session] idle, absolute; [token] default_expiry (durations such as \"15m\", \"12h\", \"90d\"); [store] url")
                })?
            }
            Some(p) if std::env::var_os("MMIS_CONFIG").is_some() => {
                return Err(Error::invalid(format!(
                    "MMIS_CONFIG names {}, which does not exist",
                    p.display()
                )))
            }
            _ => ConfigFile::default(),
        };
        let defaults = Config::default();
        let dur = |key: &str,
                   v: &Option<String>,
                   (min, max): (Duration, Duration),
                   default: Duration|
         -> Result<Duration> {
            match v {
                Some(s) => parse_duration_within(key, s, min, max).map_err(|mut e| {
                    if let Some(p) = &path {
                        e.message = format!("config file {}: {}", p.display(), e.message);
                    }
                    e.hint(format!(
                        "{key} must be between {} and {}",
                        crate::domain::time::human_duration(min),
                        crate::domain::time::human_duration(max)
                    ))
                }),
                None => Ok(default),
            }
        };
        Ok(Config {
            session_idle: dur(
                "session.idle",
                &file.session.idle,
                SESSION_IDLE_RANGE,
                defaults.session_idle,
            )?,
            session_absolute: dur(
                "session.absolute",
                &file.session.absolute,
                SESSION_ABSOLUTE_RANGE,
                defaults.session_absolute,
            )?,
            token_default_expiry: dur(
                "token.default_expiry",
                &file.token.default_expiry,
                TOKEN_EXPIRY_RANGE,
                defaults.token_default_expiry,
            )?,
            store_url: file
                .store
                .url
                .map(|u| u.trim().to_string())
                .filter(|u| !u.is_empty()),
        })
    }
}

pub fn dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "mmis")
}

/// Terminal facts: decides whether prompting and progress bars are allowed.
#[derive(Debug, Clone)]
pub struct Ui {
    pub stdin_tty: bool,
    pub stderr_tty: bool,
    pub color: bool,
}

impl Ui {
    pub fn detect() -> Ui {
        let stderr_tty = std::io::stderr().is_terminal();
        Ui {
            stdin_tty: std::io::stdin().is_terminal(),
            stderr_tty,
            color: stderr_tty && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        }
    }
    pub fn can_prompt(&self) -> bool {
        self.stdin_tty && self.stderr_tty
    }
    /// Called before the first prompt: from then on Ctrl-C (a SIGINT, or the key read by a
    /// menu) puts the terminal back as it was (echo, line mode, a visible cursor) and ends the
    /// run with exit 130. Nothing is saved: every prompt comes before its write transaction.
    pub fn guard_terminal(&self) {
        guard_terminal();
    }
    /// A message for the person at the terminal (stderr).
    pub fn note(&self, msg: &str) {
        crate::output::term::say(format_args!("{msg}"));
    }
    pub fn warn(&self, msg: &str) {
        crate::output::term::say(format_args!("warning: {msg}"));
    }
}

/// The terminal as it was before the first prompt (restored on Ctrl-C).
#[cfg(unix)]
static SAVED_TERMIOS: std::sync::Mutex<Option<nix::sys::termios::Termios>> =
    std::sync::Mutex::new(None);

/// Installs the Ctrl-C handler once (see [`Ui::guard_terminal`]).
pub fn guard_terminal() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        if let Ok(t) = nix::sys::termios::tcgetattr(std::io::stdin()) {
            if let Ok(mut saved) = SAVED_TERMIOS.lock() {
                *saved = Some(t);
            }
        }
        // Without a handler Ctrl-C still ends the run; only the terminal is left as it is.
        let _ = ctrlc::set_handler(|| interrupted());
    });
}

/// Ctrl-C at a prompt: restore the terminal, say so, exit 130 (128 + SIGINT, as shells do).
/// Called from the handler's thread or from a prompt that read the key itself; the first
/// caller exits and any other waits for it.
#[allow(clippy::disallowed_methods)]
pub fn interrupted() -> ! {
    static EXITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if EXITING.swap(true, std::sync::atomic::Ordering::SeqCst) {
        loop {
            std::thread::park();
        }
    }
    #[cfg(unix)]
    if let Ok(saved) = SAVED_TERMIOS.lock() {
        if let Some(t) = saved.as_ref() {
            let _ = nix::sys::termios::tcsetattr(
                std::io::stdin(),
                nix::sys::termios::SetArg::TCSANOW,
                t,
            );
        }
    }
    let term = dialoguer::console::Term::stderr();
    let _ = term.show_cursor();
    crate::output::term::say(format_args!(
        "\nerror: interrupted (Ctrl-C); nothing was saved"
    ));
    std::process::exit(130);
}

pub struct Context {
    pub db_path: PathBuf,
    /// Whether the store was named (--db / MMIS_DB) rather than defaulted.
    pub db_given: bool,
    /// Where session files live, when not $XDG_STATE_HOME/mmis (the demo's actors).
    pub state_dir: Option<PathBuf>,
    pub provider: Option<crate::domain::ids::ProviderId>,
    pub format: Format,
    pub format_given: bool,
    pub config: Config,
    pub clock: Clock,
    pub ui: Ui,
    /// Set once a sandbox store was opened: table output then carries the sandbox banner.
    pub sandbox: std::cell::Cell<bool>,
    /// Results shown once ([`Context::emit_now`]) are not printed: the in-process reader
    /// (`mmis demo --json`, whose stdout carries only its summary) takes them from the result.
    pub mute_stdout: bool,
}

impl Context {
    /// Whether the store is a PostgreSQL server (`--db`/`MMIS_DB` is a URL).
    pub fn on_server(&self) -> bool {
        crate::store::pg::is_url(&self.db_path.to_string_lossy())
    }

    /// The store as messages name it: the file path, or the server URL without its password.
    pub fn store_name(&self) -> String {
        let s = self.db_path.to_string_lossy();
        if crate::store::pg::is_url(&s) {
            crate::store::pg::redact(&s)
        } else {
            self.db_path.display().to_string()
        }
    }

    /// Opens the existing store, refusing a pinned business date (`MMIS_TODAY`) on a live one.
    pub fn open_store(&self) -> Result<Store> {
        let store = Store::open(&self.db_path, OpenMode::Existing)?;
        self.check_store_kind(&store)?;
        Ok(store)
    }

    /// Live stores run on the real date only; `MMIS_TODAY` is for sandbox stores.
    pub fn check_store_kind(&self, store: &Store) -> Result<()> {
        let sandbox = store.is_sandbox()?;
        self.sandbox.set(sandbox);
        if self.clock.is_pinned() && !sandbox {
            return Err(Error::usage(format!(
                "MMIS_TODAY is set but this store is live ({}): a pinned business date is honoured only by a sandbox store",
                self.store_name()
            ))
            .hint("unset MMIS_TODAY to work on this store (its business date is today's date)")
            .hint("or use a sandbox store: `mmis init --sandbox --db PATH`, or `mmis demo`"));
        }
        Ok(())
    }
    /// A progress bar for long work (`total` items; 0 when unknown), on stderr: shown only
    /// when stderr is a terminal and, for `--json`/`--format` output, stdout is one too
    /// (never off a terminal, never with `--json` into a pipe). See [`crate::output::term::Progress`].
    pub fn progress(&self, total: u64, what: &str) -> crate::output::term::Progress {
        crate::output::term::Progress::new(self.progress_shown(), total, what)
    }

    /// A progress bar counting bytes of input (`total`: the file's size, 0 for stdin).
    pub fn progress_bytes(&self, total: u64, what: &str) -> crate::output::term::Progress {
        crate::output::term::Progress::bytes(self.progress_shown(), total, what)
    }

    fn progress_shown(&self) -> bool {
        let script = self.format != Format::Table;
        self.ui.stderr_tty && (!script || std::io::stdout().is_terminal())
    }

    pub fn create_store(&self) -> Result<Store> {
        Store::open(&self.db_path, OpenMode::Create)
    }

    /// Renders `out` to stdout now and flushes it, for a result that must reach its reader
    /// before the transaction commits: a secret shown once (a token, an invitation code, a
    /// PIN). A failed write or a closed pipe is an error, so the caller's transaction rolls
    /// back and nothing is created. Returns [`Output::Delivered`] for `main` (which prints
    /// nothing more) and the demo (which reads its value).
    pub fn emit_now(&self, out: Output) -> Result<Output> {
        use std::io::Write;
        if self.mute_stdout {
            return Ok(Output::Delivered(Box::new(out)));
        }
        let mut buf = Vec::new();
        crate::output::render(&out, self.format, &mut buf)?;
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&buf)
            .and_then(|()| stdout.flush())
            .map_err(|e| {
                Error::internal(format!(
                    "cannot write the result ({e}); nothing was created"
                ))
                .with_io(&e)
                .hint("the secret is shown only once, so it was not issued: run the command again with stdout going somewhere that can be written")
            })?;
        Ok(Output::Delivered(Box::new(out)))
    }

    /// Where this OS user's session for this store lives.
    pub fn session_file(&self) -> Result<PathBuf> {
        let dir = match std::env::var_os("XDG_STATE_HOME") {
            _ if self.state_dir.is_some() => self.state_dir.clone().unwrap_or_default(),
            Some(d) if !d.is_empty() => PathBuf::from(d).join("mmis"),
            _ => dirs()
                .and_then(|d| d.state_dir().map(|p| p.to_path_buf()))
                .ok_or_else(|| Error::internal("cannot find a home folder for the session file"))?,
        };
        let canonical = if self.on_server() {
            PathBuf::from(self.store_name())
        } else {
            std::fs::canonicalize(&self.db_path).unwrap_or_else(|_| self.db_path.clone())
        };
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(canonical.to_string_lossy().as_bytes());
        let name = crate::store::hex_prefix(&digest, 8);
        Ok(dir.join(format!("session-{name}.json")))
    }
}

/// The default store: `$XDG_DATA_HOME/mmis/mmis.db`.
pub fn default_db_path() -> PathBuf {
    data_dir().join("mmis.db")
}

/// `$XDG_DATA_HOME/mmis`.
pub fn data_dir() -> PathBuf {
    match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => PathBuf::from(d).join("mmis"),
        _ => dirs()
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from(".")),
    }
}
