//! Generated things: completions, man pages, the role catalog.

use crate::auth::guard;
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::domain::roles::Role;
use crate::error::{Error, Result};
use crate::output::Output;
use clap::CommandFactory;
use serde::Serialize;

pub fn completions(shell: clap_complete::Shell) -> String {
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "mmis", &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

pub fn cmd_completions(args: &CompletionsArgs) -> Result<Output> {
    Ok(Output::Raw(completions(args.shell)))
}

/// Every man page: `mmis.1` and one per subcommand (`mmis-clerk-add.1`), name → roff text.
pub fn man_pages() -> Result<Vec<(String, String)>> {
    fn walk(cmd: clap::Command, name: String, out: &mut Vec<(String, String)>) -> Result<()> {
        let cmd = cmd.name(name.clone());
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd.clone())
            .render(&mut buf)
            .map_err(|e| Error::internal(format!("man page for {name}: {e}")))?;
        out.push((
            format!("{name}.1"),
            String::from_utf8_lossy(&buf).into_owned(),
        ));
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            walk(sub.clone(), format!("{name}-{}", sub.get_name()), out)?;
        }
        Ok(())
    }
    let mut out = Vec::new();
    let mut cmd = Cli::command();
    cmd.build();
    walk(cmd, "mmis".into(), &mut out)?;
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
