//! `mmis info`: where am I — the build, the store, its schema, sandbox or live, who is signed
//! in and until when, the config file and the session folder (as `docker info` does).
//!
//! It never needs a sign-in and never fails for want of a store: a store that does not exist
//! yet, or cannot be opened, is reported (`store_exists`, `store_error`) with exit 0, so it is
//! the first thing to run when something else fails.

use crate::auth::{self, Via};
use crate::context::{rfc3339, Config, Context};
use crate::error::Result;
use crate::output::Output;
use crate::store::{OpenMode, Store};
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct InfoView {
    /// The package version.
    pub version: &'static str,
    /// Git commit and date (when built from a checkout), target triple, profile.
    pub build: &'static str,
    pub store: String,
    pub store_kind: &'static str,
    pub store_exists: bool,
    /// Why the store could not be used (it exists but is foreign, newer, damaged...).
    pub store_error: Option<String>,
    /// The store's schema version (null when there is no usable store).
    pub schema_version: Option<i64>,
    /// The schema version this mmis writes.
    pub schema_version_supported: i64,
    /// Sandbox (made-up data, MMIS_TODAY honoured) or live (null when there is no store).
    pub sandbox: Option<bool>,
    /// The business date in effect (MMIS_TODAY on a sandbox, else today).
    pub business_date: String,
    pub user_name: Option<String>,
    pub kind: Option<&'static str>,
    pub provider_id: Option<String>,
    /// "session" or "token" (MMIS_TOKEN); null when not signed in.
    pub via: Option<&'static str>,
    pub token_name: Option<String>,
    /// When the session (or the API token) ends at the latest.
    pub session_expires_at: Option<String>,
    /// When the session ends if left idle from now (null for a token).
    pub session_idle_expires_at: Option<String>,
    /// Why nobody is signed in, when a sign-in was found but is no good (expired, ended...).
    pub auth_error: Option<String>,
    /// The config file read (MMIS_CONFIG, else the default path, which need not exist).
    pub config: Option<String>,
    pub config_exists: bool,
    pub session_dir: Option<String>,
    pub session_file: Option<String>,
}

pub fn cmd_info(ctx: &Context) -> Result<Output> {
    let config = Config::path();
    let session_file = ctx.session_file().ok();
    let mut view = InfoView {
        version: env!("CARGO_PKG_VERSION"),
        build: env!("MMIS_BUILD"),
        store: ctx.store_name(),
        store_kind: if ctx.on_server() {
            "postgres"
        } else {
            "sqlite"
        },
        // A server store is asked; a file is looked for.
        store_exists: ctx.on_server() || ctx.db_path.exists(),
        store_error: None,
        schema_version: None,
        schema_version_supported: i64::from(crate::store::schema_version()),
        sandbox: None,
        business_date: ctx.clock.today_str(),
        user_name: None,
        kind: None,
        provider_id: None,
        via: None,
        token_name: None,
        session_expires_at: None,
        session_idle_expires_at: None,
        auth_error: None,
        config_exists: config.as_ref().is_some_and(|p| p.is_file()),
        config: config.map(|p| p.display().to_string()),
        session_dir: session_file
            .as_ref()
            .and_then(|p| p.parent())
            .map(|p| p.display().to_string()),
        session_file: session_file.map(|p| p.display().to_string()),
    };
    if view.store_exists {
        if let Err(e) = fill_from_store(ctx, &mut view) {
            if ctx.on_server() && e.message.contains("is an empty database") {
                // A server database with no store in it yet: as a file that is not there.
                view.store_exists = false;
            } else {
                view.store_error = Some(e.message);
            }
        }
    }
    let human = human(&view);
    Ok(Output::record_with(view, human))
}

fn fill_from_store(ctx: &Context, view: &mut InfoView) -> Result<()> {
    let store = Store::open(&ctx.db_path, OpenMode::Existing)?;
    view.schema_version = Some(store.schema_version()?);
    view.sandbox = Some(store.is_sandbox()?);
    // A live store refuses MMIS_TODAY: say so, as every other command would.
    ctx.check_store_kind(&store)?;
    let (tx, actor, why) = auth::begin_optional(ctx, &store, auth::Cmd::Info)?;
    view.auth_error = why.map(|e| e.message);
    if actor.user_id.is_some() {
        view.user_name = Some(actor.user_name.clone());
        view.kind = Some(actor.kind.as_str());
        view.provider_id = actor.provider_id.as_ref().map(ToString::to_string);
    }
    match &actor.via {
        Via::Session { id } => {
            view.via = Some("session");
            if let Some(s) = tx.session_by_id(*id)? {
                let (idle, absolute) = auth::session_limits(&s, &ctx.config);
                let plus = |t: Option<chrono::DateTime<chrono::Utc>>, d: std::time::Duration| {
                    t.zip(chrono::Duration::from_std(d).ok())
                        .and_then(|(t, d)| t.checked_add_signed(d))
                        .map(rfc3339)
                };
                view.session_expires_at = plus(Some(s.created_at), absolute);
                view.session_idle_expires_at = plus(Some(ctx.clock.now()), idle)
                    .filter(|t| view.session_expires_at.as_ref().is_none_or(|a| t < a))
                    .or(view.session_expires_at.clone());
            }
        }
        Via::Token { id, name, .. } => {
            view.via = Some("token");
            view.token_name = Some(name.clone());
            view.session_expires_at = tx.token_by_id(*id)?.and_then(|t| t.expires_at.map(rfc3339));
        }
        Via::None => {}
    }
    auth::finish(ctx, &store, tx, &actor, &[])?;
    Ok(())
}

fn human(v: &InfoView) -> String {
    let mut s = format!("mmis {} ({})\n", v.version, v.build);
    let store = if !v.store_exists {
        "does not exist yet (`mmis init` or `mmis demo` makes one)".to_string()
    } else if let Some(e) = &v.store_error {
        format!("cannot be used: {e}")
    } else {
        format!(
            "{}, schema {}{}, {}",
            v.store_kind,
            v.schema_version.unwrap_or_default(),
            if v.schema_version == Some(v.schema_version_supported) {
                String::new()
            } else {
                format!(" (this mmis writes {})", v.schema_version_supported)
            },
            match v.sandbox {
                Some(true) => format!("sandbox (business date {})", v.business_date),
                _ => "live".to_string(),
            }
        )
    };
    s.push_str(&format!("Store:       {}\n             {store}\n", v.store));
    let who = match (&v.user_name, v.via) {
        (Some(u), via) => {
            let mut w = format!("{u} ({}", v.kind.unwrap_or("user"));
            if let Some(p) = &v.provider_id {
                w.push_str(&format!(", provider {p}"));
            }
            w.push(')');
            if via == Some("token") {
                w.push_str(&format!(
                    " with API token {:?}",
                    v.token_name.as_deref().unwrap_or("")
                ));
            }
            if let Some(t) = &v.session_expires_at {
                w.push_str(&format!(", until {t}"));
            }
            if let Some(t) = v
                .session_idle_expires_at
                .as_ref()
                .filter(|t| Some(*t) != v.session_expires_at.as_ref())
            {
                w.push_str(&format!(" (or {t} if idle)"));
            }
            w
        }
        (None, _) => match &v.auth_error {
            Some(e) => format!("nobody ({e})"),
            None => "nobody".to_string(),
        },
    };
    s.push_str(&format!("Signed in:   {who}\n"));
    s.push_str(&format!(
        "Config:      {}\n",
        match &v.config {
            Some(c) if v.config_exists => c.clone(),
            Some(c) => format!("{c} (not found; defaults in use)"),
            None => "none (no home folder)".to_string(),
        }
    ));
    s.push_str(&format!(
        "Sessions:    {}\n",
        v.session_dir
            .as_deref()
            .unwrap_or("unknown (no home folder)")
    ));
    s
}
