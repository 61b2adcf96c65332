//! Completions and man pages are generated from the clap definitions; the committed
//! copies must match. Regenerate with `MMIS_UPDATE_GENERATED=1 cargo test --test cli generated`.

use mmis::commands::meta;
use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn check(path: PathBuf, expected: &str, stale: &mut Vec<String>) {
    if std::env::var_os("MMIS_UPDATE_GENERATED").is_some() {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&path, expected).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(text) if text == expected => {}
        _ => stale.push(path.display().to_string()),
    }
}

pub const COMPLETION_FILES: &[(clap_complete::Shell, &str)] = &[
    (clap_complete::Shell::Bash, "mmis.bash"),
    (clap_complete::Shell::Zsh, "_mmis"),
    (clap_complete::Shell::Fish, "mmis.fish"),
    (clap_complete::Shell::PowerShell, "_mmis.ps1"),
    (clap_complete::Shell::Elvish, "mmis.elv"),
];

#[test]
fn committed_completions_are_current() {
    let mut stale = Vec::new();
    for (shell, file) in COMPLETION_FILES {
        check(
            root().join("completions").join(file),
            &meta::completions(*shell),
            &mut stale,
        );
    }
    assert!(
        stale.is_empty(),
        "stale completions (regenerate with MMIS_UPDATE_GENERATED=1): {stale:?}"
    );
}

#[test]
fn committed_man_pages_are_current() {
    let mut stale = Vec::new();
    let pages = meta::man_pages().unwrap();
    for (name, text) in &pages {
        check(root().join("docs/man").join(name), text, &mut stale);
    }
    if std::env::var_os("MMIS_UPDATE_GENERATED").is_none() {
        let committed = std::fs::read_dir(root().join("docs/man")).unwrap().count();
        assert_eq!(
            committed,
            pages.len(),
            "docs/man has pages for commands that no longer exist"
        );
    }
    assert!(
        stale.is_empty(),
        "stale man pages (regenerate with MMIS_UPDATE_GENERATED=1): {stale:?}"
    );
}

#[test]
fn completions_command_prints_them() {
    let sb = crate::common::Sandbox::new();
    let r = sb.run_as("x", &["completions", "bash"], None).ok();
    assert_eq!(r.stdout, meta::completions(clap_complete::Shell::Bash));
}

#[test]
fn every_man_page_has_examples_environment_and_files() {
    for (name, text) in meta::man_pages().unwrap() {
        for section in [
            ".SH EXAMPLES",
            ".SH ENVIRONMENT",
            ".SH FILES",
            ".SH \"EXIT STATUS\"",
        ] {
            assert!(text.contains(section), "{name} lacks {section}");
        }
        for var in [
            "MMIS_DB",
            "MMIS_TOKEN",
            "MMIS_TODAY",
            "MMIS_CONFIG",
            "NO_COLOR",
        ] {
            assert!(text.contains(var), "{name} does not mention {var}");
        }
    }
    let completions = meta::man_pages()
        .unwrap()
        .into_iter()
        .find(|(n, _)| n == "mmis-completions.1")
        .unwrap()
        .1;
    assert!(completions.contains("bash\\-completion"), "{completions}");
    assert!(
        !completions.contains("\\-\\-format"),
        "--format means nothing for completions"
    );
}
