//! `mmis info` (where am I) and `mmis --version` (which build).

use crate::common::{on_postgres, store_kind, Sandbox, ADMIN_PASSWORD};

#[test]
fn info_works_before_there_is_a_store() {
    let sb = Sandbox::new();
    let r = sb.run_as("x", &["info", "--json"], None).ok();
    let v = r.json();
    assert_eq!(v["store"], sb.store_display());
    assert_eq!(v["store_kind"], store_kind());
    assert_eq!(v["store_exists"], false);
    assert_eq!(v["schema_version"], serde_json::Value::Null);
    assert_eq!(v["sandbox"], serde_json::Value::Null);
    assert_eq!(v["user_name"], serde_json::Value::Null);
    assert_eq!(v["config_exists"], false);
    assert!(!sb.store_exists(), "info must not create the store");
    let r = sb.run_as("x", &["info"], None).ok();
    assert!(r.stdout.contains("does not exist yet"), "{}", r.stdout);
}

#[test]
fn info_says_nobody_is_signed_in_and_exits_0() {
    let sb = Sandbox::new();
    sb.init();
    let v = sb.json_as("stranger", &["info"]);
    assert_eq!(v["store_exists"], true);
    assert_eq!(v["sandbox"], true);
    assert_eq!(
        v["schema_version"],
        i64::from(mmis::store::schema_version())
    );
    assert_eq!(v["user_name"], serde_json::Value::Null);
    assert_eq!(v["via"], serde_json::Value::Null);
    assert_eq!(v["session_expires_at"], serde_json::Value::Null);
    assert_eq!(v["business_date"], crate::common::TODAY);
    let dir = v["session_dir"].as_str().unwrap();
    assert!(dir.ends_with("state-stranger/mmis"), "{dir}");
}

#[test]
fn info_names_who_is_signed_in_and_until_when() {
    let sb = Sandbox::new();
    sb.with_admin();
    let login = sb.login("admin", "JAMJON", ADMIN_PASSWORD);
    let v = sb.json_as("admin", &["info"]);
    assert_eq!(v["user_name"], "JAMJON");
    assert_eq!(v["kind"], "site_admin");
    assert_eq!(v["provider_id"], "506675928");
    assert_eq!(v["via"], "session");
    assert_eq!(v["session_expires_at"], login["expires_at"]);
    assert!(
        v["session_idle_expires_at"].as_str().unwrap() <= login["expires_at"].as_str().unwrap()
    );
    let r = sb.run_as("admin", &["info"], None).ok();
    assert!(
        r.stdout
            .contains("Signed in:   JAMJON (site_admin, provider 506675928)"),
        "{}",
        r.stdout
    );
}

#[test]
fn info_names_the_api_token_in_use() {
    let sb = Sandbox::new();
    sb.with_admin();
    let t = sb.json_as(
        "admin",
        &[
            "token",
            "create",
            "--name",
            "where",
            "--roles",
            "Claim Inquiry",
            "--expires-in",
            "2d",
        ],
    );
    let r = sb
        .run_env(
            "script",
            &["info", "--json"],
            None,
            &[("MMIS_TOKEN", t["token"].as_str().unwrap())],
        )
        .ok();
    let v = r.json();
    assert_eq!(v["user_name"], "JAMJON");
    assert_eq!(v["via"], "token");
    assert_eq!(v["token_name"], "where");
    assert_eq!(v["session_expires_at"], t["expires_at"]);
    assert!(
        !r.stdout.contains(t["token"].as_str().unwrap()),
        "the token is never shown"
    );
}

#[test]
fn info_reports_an_expired_session_instead_of_failing() {
    let sb = Sandbox::new();
    sb.init();
    sb.sql("UPDATE sessions SET last_seen_at = '2000-01-01T00:00:00Z', created_at = '2000-01-01T00:00:00Z'");
    let v = sb.json_as("ops", &["info"]);
    assert_eq!(v["user_name"], serde_json::Value::Null);
    assert!(v["auth_error"].as_str().unwrap().contains("expired"), "{v}");
}

#[test]
fn info_reports_a_foreign_file_instead_of_failing() {
    let sb = Sandbox::new();
    if on_postgres() {
        // A database with someone else's table in it.
        sb.sql("CREATE TABLE notes(x TEXT);");
    } else {
        std::fs::write(&sb.db, b"not a database at all, just text").unwrap();
    }
    let v = sb.json_as("x", &["info"]);
    assert_eq!(v["store_exists"], true);
    assert!(v["store_error"].is_string(), "{v}");
    assert_eq!(v["schema_version"], serde_json::Value::Null);
}

#[test]
fn info_names_the_config_file_in_use() {
    let sb = Sandbox::new();
    let cfg = sb.write("my-config.toml", "[session]\nidle = \"10m\"\n");
    let r = sb
        .run_env(
            "x",
            &["info", "--json"],
            None,
            &[("MMIS_CONFIG", cfg.to_str().unwrap())],
        )
        .ok();
    let v = r.json();
    assert_eq!(v["config"], cfg.display().to_string());
    assert_eq!(v["config_exists"], true);
}

#[test]
fn version_names_the_build() {
    let sb = Sandbox::new();
    let r = sb.run_as("x", &["--version"], None).ok();
    let line = r.stdout.trim();
    assert!(
        line.starts_with(&format!("mmis {} (", env!("CARGO_PKG_VERSION"))),
        "{line}"
    );
    // The target triple and profile are always named; the commit when built from git.
    assert!(line.contains("debug") || line.contains("release"), "{line}");
    assert!(
        line.contains("-linux-") || line.contains("-apple-") || line.contains("-windows-"),
        "{line}"
    );
    let v = sb.json_as("x", &["info"]);
    assert!(line.contains(v["build"].as_str().unwrap()), "{line} vs {v}");
}
