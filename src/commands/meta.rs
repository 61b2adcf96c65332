//! Generated things: completions, man pages, the role catalog.

use crate::auth::guard;
use crate::cli::{CompletionsArgs, ManArgs};
use crate::domain::roles::Role;
use crate::error::{Error, Result};
use crate::output::Output;
use serde::Serialize;

pub fn completions(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "mmis", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

pub fn cmd_completions(args: &CompletionsArgs) -> Result<Output> {
    Ok(Output::Raw(completions(args.shell)))
}

/// The environment variables mmis reads (the man pages' ENVIRONMENT section).
pub const ENVIRONMENT: &[(&str, &str)] = &[
    ("MMIS_DB", "The store (a SQLite file), as --db; default $XDG_DATA_HOME/mmis/mmis.db."),
    ("MMIS_PROVIDER", "Act for this provider, as --provider."),
    ("MMIS_TOKEN", "An API token from `mmis token create`: commands act with exactly its roles instead of the signed-in session."),
    ("MMIS_TODAY", "Pin the business date (YYYY-MM-DD); honoured by sandbox stores only, refused by a live store."),
    ("MMIS_CONFIG", "The config file to read instead of $XDG_CONFIG_HOME/mmis/config.toml; it must exist."),
    ("MMIS_PIN", "The PIN for `mmis account setup`, instead of --pin or a prompt."),
    ("MMIS_INVITE_CODE", "The invitation code for `mmis account accept-invite`, instead of --code or a prompt."),
    ("MMIS_MAX_PAGE_COUNT", "Cap the store's size in SQLite pages (PRAGMA max_page_count); a write past it fails with exit 8."),
    ("NO_COLOR", "When set and not empty, no colour in any output."),
    ("COMPLETE", "Set by the shell's dynamic completion (`source <(COMPLETE=bash mmis)`, see `mmis completions --help`): mmis prints the shell's registration, or the candidates for a Tab, and nothing else."),
    ("XDG_CONFIG_HOME", "Where config.toml is looked for (default ~/.config)."),
    ("XDG_DATA_HOME", "Where the default store lives (default ~/.local/share)."),
    ("XDG_STATE_HOME", "Where session files live (default ~/.local/state)."),
];

/// The files mmis reads and writes (the man pages' FILES section).
pub const FILES: &[(&str, &str)] = &[
    ("$XDG_CONFIG_HOME/mmis/config.toml", "Session and token lifetimes (docs/config.md); every key optional. `mmis info` names the file used."),
    ("$XDG_DATA_HOME/mmis/mmis.db", "The default store (with its -wal and -shm files while in use)."),
    ("$XDG_DATA_HOME/mmis/demo.db", "The sandbox store `mmis demo` makes, replaced by each run."),
    ("$XDG_STATE_HOME/mmis/session-*.json", "One sign-in per store for this OS user (mode 0600; the folder 0700)."),
];

/// `\` and a leading `.` or `'` would be read as roff requests; `-` is a hyphen.
fn roff_text(s: &str) -> String {
    let t = s.replace('\\', "\\e").replace('-', "\\-");
    if t.starts_with('.') || t.starts_with('\'') {
        format!("\\&{t}")
    } else {
        t
    }
}

/// EXAMPLES, ENVIRONMENT, FILES and EXIT STATUS for a command's man page.
fn man_sections(path: &str, has_subcommands: bool) -> String {
    let mut r = String::new();
    let lines: Vec<&str> = match crate::cli::examples::for_path(path) {
        Some(l) => l.to_vec(),
        None if has_subcommands => crate::cli::examples::group_lines(path),
        None => Vec::new(),
    };
    if !lines.is_empty() {
        r.push_str(".SH EXAMPLES\n");
        for l in lines {
            match l.strip_prefix('#') {
                Some(comment) => {
                    r.push_str(".PP\n");
                    r.push_str(&roff_text(comment.trim()));
                    r.push('\n');
                }
                None => {
                    r.push_str(".IP\n.nf\n\\fB");
                    r.push_str(&roff_text(l));
                    r.push_str("\\fR\n.fi\n");
                }
            }
        }
    }
    r.push_str(".SH ENVIRONMENT\n");
    for (k, v) in ENVIRONMENT {
        r.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff_text(k),
            roff_text(v)
        ));
    }
    r.push_str(".SH FILES\n");
    for (k, v) in FILES {
        r.push_str(&format!(
            ".TP\n\\fI{}\\fR\n{}\n",
            roff_text(k),
            roff_text(v)
        ));
    }
    r.push_str(".SH \"EXIT STATUS\"\n");
    r.push_str(&roff_text(
        "0 ok, 1 internal error, 2 usage, 3 not authenticated, 4 permission denied, 5 not found, 6 invalid input, 7 conflict, 8 store unavailable.",
    ));
    r.push('\n');
    r
}

/// Every man page: `mmis.1` and one per subcommand (`mmis-clerk-add.1`), name → roff text.
/// Each has the usual sections (clap_mangen), then EXAMPLES, ENVIRONMENT, FILES and EXIT
/// STATUS. The version is the package's, not the build's, so the pages stay put across commits.
pub fn man_pages() -> Result<Vec<(String, String)>> {
    fn walk(
        cmd: clap::Command,
        name: String,
        path: String,
        out: &mut Vec<(String, String)>,
    ) -> Result<()> {
        let cmd = cmd.name(name.clone()).version(env!("CARGO_PKG_VERSION"));
        let man = clap_mangen::Man::new(cmd.clone());
        let mut buf = Vec::new();
        let err = |e: std::io::Error| Error::internal(format!("man page for {name}: {e}"));
        man.render_title(&mut buf).map_err(err)?;
        man.render_name_section(&mut buf).map_err(err)?;
        man.render_synopsis_section(&mut buf).map_err(err)?;
        man.render_description_section(&mut buf).map_err(err)?;
        if cmd.get_arguments().any(|a| !a.is_hide_set()) {
            man.render_options_section(&mut buf).map_err(err)?;
        }
        if cmd.has_subcommands() {
            man.render_subcommands_section(&mut buf).map_err(err)?;
        }
        buf.extend_from_slice(man_sections(&path, cmd.has_subcommands()).as_bytes());
        man.render_version_section(&mut buf).map_err(err)?;
        out.push((
            format!("{name}.1"),
            String::from_utf8_lossy(&buf).into_owned(),
        ));
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let sub_path = format!("{path} {}", sub.get_name()).trim().to_string();
            walk(
                sub.clone(),
                format!("{name}-{}", sub.get_name()),
                sub_path,
                out,
            )?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(
        crate::cli::built_command(),
        "mmis".into(),
        String::new(),
        &mut out,
    )?;
    Ok(out)
}

pub fn cmd_man(args: &ManArgs) -> Result<Output> {
    std::fs::create_dir_all(&args.out)?;
    let pages = man_pages()?;
    for (name, text) in &pages {
        crate::output::files::write_now(&args.out.join(name), text.as_bytes(), false)?;
    }
    Ok(Output::record_with(
        serde_json::json!({"pages": pages.len(), "dir": args.out.display().to_string()}),
        format!("Wrote {} man pages to {}.", pages.len(), args.out.display()),
    ))
}

#[derive(Serialize)]
pub struct RoleView {
    pub name: &'static str,
    pub slug: String,
    pub description: &'static str,
    pub commands: Vec<&'static str>,
}

pub fn cmd_roles() -> Result<Output> {
    let rows: Vec<RoleView> = Role::ALL
        .iter()
        .map(|r| RoleView {
            name: r.name(),
            slug: r.slug(),
            description: r.description(),
            commands: guard::commands_for(*r),
        })
        .collect();
    let mut out = Output::rows(&rows, vec!["name", "slug", "commands", "description"]);
    if let Output::Rows { human_footer, .. } = &mut out {
        *human_footer = Some(
            "The site administrator holds every role. Grant clerks only what their work needs; keep Clerk Maintenance in-house."
                .into(),
        );
    }
    Ok(out)
}
