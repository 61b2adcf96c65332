//! Names the build for `mmis --version` and `mmis info`: the git commit and its date when
//! built from a git checkout, always the target triple and profile. Outside a checkout (a
//! crate tarball, no git on PATH) the commit is simply left out.

use std::process::Command;

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git").args(args).output().ok()?;
    if !out.status.success() {
        return None;
    }
    let s = String::from_utf8(out.stdout).ok()?.trim().to_string();
    (!s.is_empty()).then_some(s)
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=MMIS_BUILD_COMMIT");
    // Rebuild when HEAD moves: HEAD itself (a branch switch) and the branch's ref (a commit).
    for path in [
        git(&["rev-parse", "--git-path", "HEAD"]),
        git(&["symbolic-ref", "-q", "HEAD"]).and_then(|r| git(&["rev-parse", "--git-path", &r])),
        git(&["rev-parse", "--git-path", "packed-refs"]),
    ]
    .into_iter()
    .flatten()
    {
        if std::path::Path::new(&path).exists() {
            println!("cargo:rerun-if-changed={path}");
        }
    }
    let commit = std::env::var("MMIS_BUILD_COMMIT")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| git(&["rev-parse", "--short=10", "HEAD"]));
    let date = commit
        .as_ref()
        .and_then(|_| git(&["log", "-1", "--format=%cs", "HEAD"]));
    let target = std::env::var("TARGET").unwrap_or_else(|_| "unknown-target".into());
    let profile = std::env::var("PROFILE").unwrap_or_else(|_| "unknown-profile".into());
    let build = match (&commit, &date) {
        (Some(c), Some(d)) => format!("{c} {d}, {target}, {profile}"),
        (Some(c), None) => format!("{c}, {target}, {profile}"),
        _ => format!("{target}, {profile}"),
    };
    println!("cargo:rustc-env=MMIS_BUILD={build}");
    println!(
        "cargo:rustc-env=MMIS_BUILD_COMMIT={}",
        commit.unwrap_or_default()
    );
    println!(
        "cargo:rustc-env=MMIS_BUILD_DATE={}",
        date.unwrap_or_default()
    );
    println!("cargo:rustc-env=MMIS_BUILD_TARGET={target}");
    println!("cargo:rustc-env=MMIS_BUILD_PROFILE={profile}");
}
