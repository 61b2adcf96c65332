//! A server store reached over the network (issue 9, point 1; docs/store.md): TLS with
//! `sslmode=require` and `verify-full` works; the password comes from `PGPASSWORD`,
//! `~/.pgpass` or the URL in the config file, never from argv; a wrong root certificate, a
//! wrong password or a connection without TLS to a server that demands it is exit 8 naming
//! the server, and no password is ever printed.
//!
//! scripts/test's throwaway cluster takes loopback TCP connections with TLS only
//! (`hostssl` in its pg_hba.conf, scram passwords), so a command that gets through over TCP
//! has used TLS. These tests run on both halves of the suite (they make their own database);
//! without that cluster they skip with a notice, and fail under CI=true.

use crate::common::*;
use std::path::PathBuf;

const PW: &str = "Bench-Operator-99";

/// The test cluster over loopback TCP: `localhost:PORT`, the `postgres` password, the root
/// certificate that signed the server's, and the server's own certificate (scripts/test).
struct Tcp {
    host_port: String,
    password: String,
    ca: PathBuf,
    cert: PathBuf,
}

fn tcp_server(why: &str) -> Option<Tcp> {
    let var = |k: &str| std::env::var(k).ok().filter(|v| !v.trim().is_empty());
    match (
        var("MMIS_TEST_PG_TCP"),
        var("MMIS_TEST_PG_PASSWORD"),
        var("MMIS_TEST_PG_CA"),
        var("MMIS_TEST_PG_CERT"),
    ) {
        (Some(url), Some(password), Some(ca), Some(cert)) => {
            // postgresql://postgres:PASSWORD@localhost:PORT/
            let host_port = url
                .rsplit_once('@')
                .map(|(_, h)| h.trim_end_matches('/').to_string())
                .expect("MMIS_TEST_PG_TCP has a user part");
            Some(Tcp {
                host_port,
                password,
                ca: PathBuf::from(ca),
                cert: PathBuf::from(cert),
            })
        }
        _ => {
            if std::env::var("CI").as_deref() == Ok("true") {
                panic!("CI=true but MMIS_TEST_PG_TCP/_PASSWORD/_CA/_CERT are not set (run scripts/test): {why}");
            }
            eprintln!("notice: no PostgreSQL server over TCP (MMIS_TEST_PG_TCP), skipped: {why}");
            None
        }
    }
}

/// A new empty database on the test server (made over its socket), and the server over TCP.
fn server(why: &str) -> Option<(PgDb, Tcp)> {
    let base = pg_server(why)?;
    let tcp = tcp_server(why)?;
    Some((PgDb::create(&base), tcp))
}

impl Tcp {
    /// The database's URL over TCP, without a password, with `query` (sslmode and so on).
    fn url(&self, db: &PgDb, query: &str) -> String {
        format!(
            "postgresql://postgres@{}/{}?{query}",
            self.host_port, db.name
        )
    }

    /// `verify-full` against `root` (a root certificate, or the server's own).
    fn verify_full_with(&self, db: &PgDb, root: &std::path::Path) -> String {
        self.url(
            db,
            &format!("sslmode=verify-full&sslrootcert={}", root.display()),
        )
    }

    fn verify_full(&self, db: &PgDb) -> String {
        self.verify_full_with(db, &self.ca)
    }
}

/// `mmis init` then `whoami`, on `url` with `env`: the two runs.
fn init_and_whoami(sb: &Sandbox, url: &str, env: &[(&str, &str)]) -> (Run, Run) {
    let mut all = vec![("MMIS_DB", url)];
    all.extend_from_slice(env);
    let init = sb.run_env(
        "ops",
        &["init", "--username", "ops", "--password-stdin"],
        Some(&format!("{PW}\n")),
        &all,
    );
    let login = sb.run_env(
        "ops",
        &["login", "--username", "ops", "--password-stdin"],
        Some(&format!("{PW}\n")),
        &all,
    );
    assert_eq!(login.code, init.code, "login: {}", login.stderr);
    let who = sb.run_env("ops", &["whoami", "--json"], None, &all);
    (init, who)
}

#[test]
fn verify_full_with_the_servers_root_and_the_password_from_pgpassword_works() {
    let Some((db, tcp)) = server("TLS verify-full") else {
        return;
    };
    let sb = Sandbox::new();
    let url = tcp.verify_full(&db);
    let (init, who) = init_and_whoami(&sb, &url, &[("PGPASSWORD", &tcp.password)]);
    let init = init.ok();
    let who = who.ok();
    let v: serde_json::Value = serde_json::from_str(&who.stdout).unwrap();
    assert_eq!(v["user_name"], "ops", "{v}");
    for out in [&init.stdout, &init.stderr, &who.stdout, &who.stderr] {
        assert!(
            !out.contains(&tcp.password),
            "the password was printed: {out}"
        );
    }
    // The store really is that database: its schema is there.
    let mut c = db.client();
    let n: i64 = c
        .query_one("SELECT count(*) FROM users", &[])
        .unwrap()
        .get(0);
    assert_eq!(n, 1);
}

#[test]
fn verify_full_with_the_servers_own_certificate_as_the_root_works_as_with_libpq() {
    let Some((db, tcp)) = server("TLS verify-full, the server's certificate pinned") else {
        return;
    };
    let sb = Sandbox::new();
    let url = tcp.verify_full_with(&db, &tcp.cert);
    let (init, who) = init_and_whoami(&sb, &url, &[("PGPASSWORD", &tcp.password)]);
    init.ok();
    who.ok();
    // Pinned, the host name is still checked: 127.0.0.2 is not one of the certificate's
    // names (and not where the server listens either: the refusal comes first or the
    // connection fails; either way exit 8, naming the server).
    let (_, port) = tcp.host_port.rsplit_once(':').unwrap();
    let other = format!(
        "postgresql://postgres@127.0.0.2:{port}/{}?sslmode=verify-full&sslrootcert={}",
        db.name,
        tcp.cert.display()
    );
    sb.run_env(
        "ops",
        &["whoami"],
        None,
        &[("MMIS_DB", &other), ("PGPASSWORD", &tcp.password)],
    )
    .code(8)
    .err_contains("127.0.0.2");
}

#[test]
fn require_takes_the_password_from_pgpass_when_pgpassword_is_unset() {
    let Some((db, tcp)) = server("TLS require with ~/.pgpass") else {
        return;
    };
    let sb = Sandbox::new();
    // The sandbox is the commands' HOME.
    let pgpass = sb.path(".pgpass");
    std::fs::write(
        &pgpass,
        format!("{}:*:postgres:{}\n", tcp.host_port, tcp.password),
    )
    .unwrap();
    let url = tcp.url(&db, "sslmode=require");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A password file others may read is ignored, as libpq ignores it: no password.
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o644)).unwrap();
        let r = sb
            .run_env("ops", &["whoami"], None, &[("MMIS_DB", &url)])
            .code(8)
            .err_contains(&tcp.host_port);
        assert!(!r.stderr.contains(&tcp.password), "{}", r.stderr);
        std::fs::set_permissions(&pgpass, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let (init, who) = init_and_whoami(&sb, &url, &[]);
    init.ok();
    who.ok();
}

#[test]
fn the_config_file_may_carry_the_url_with_its_password_and_it_is_never_shown() {
    let Some((db, tcp)) = server("a password in the config file's URL") else {
        return;
    };
    let sb = Sandbox::new();
    let with_pw = format!(
        "postgresql://postgres:{}@{}/{}?sslmode=require",
        tcp.password, tcp.host_port, db.name
    );
    let cfg = sb.path("config/mmis");
    std::fs::create_dir_all(&cfg).unwrap();
    std::fs::write(
        cfg.join("config.toml"),
        format!("[store]\nurl = {with_pw:?}\n"),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(
            cfg.join("config.toml"),
            std::fs::Permissions::from_mode(0o600),
        )
        .unwrap();
    }
    let mut c = sb.cmd_as("ops");
    c.env_remove("MMIS_DB")
        .args(["init", "--username", "ops", "--password-stdin"])
        .write_stdin(format!("{PW}\n"));
    let out = c.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut c = sb.cmd_as("ops");
    c.env_remove("MMIS_DB").args(["info", "--json"]);
    let out = c.output().unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        !text.contains(&tcp.password),
        "the password was shown: {text}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v["store"],
        format!(
            "postgresql://postgres@{}/{}?sslmode=require",
            tcp.host_port, db.name
        ),
        "{v}"
    );
}

#[test]
fn a_root_certificate_that_did_not_sign_the_servers_is_refused() {
    let Some((db, tcp)) = server("TLS verify-full with another root") else {
        return;
    };
    let sb = Sandbox::new();
    let other =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tls/unrelated-root.pem");
    let url = tcp.url(
        &db,
        &format!("sslmode=verify-full&sslrootcert={}", other.display()),
    );
    let r = sb
        .run_env(
            "ops",
            &["init", "--username", "ops", "--password-stdin"],
            Some(&format!("{PW}\n")),
            &[("MMIS_DB", &url), ("PGPASSWORD", &tcp.password)],
        )
        .code(8)
        .err_contains("cannot reach the PostgreSQL store")
        .err_contains(&tcp.host_port)
        .err_contains("certificate");
    assert!(!r.stderr.contains(&tcp.password), "{}", r.stderr);
    // Nothing was written: the database is still empty.
    let mut c = db.client();
    let n: i64 = c
        .query_one(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
    // A root certificate that cannot be read is named, with the fix.
    let url = tcp.url(
        &db,
        "sslmode=verify-full&sslrootcert=/nonexistent/mmis-root.pem",
    );
    sb.run_env(
        "ops",
        &["whoami"],
        None,
        &[("MMIS_DB", &url), ("PGPASSWORD", &tcp.password)],
    )
    .code(8)
    .err_contains("/nonexistent/mmis-root.pem")
    .err_contains("sslrootcert=");
}

#[test]
fn a_wrong_password_or_no_tls_is_exit_8_naming_the_server_and_never_the_password() {
    let Some((db, tcp)) = server("a refused login over TCP") else {
        return;
    };
    let sb = Sandbox::new();
    let wrong = "Not-The-Password-31337";
    let r = sb
        .run_env(
            "ops",
            &["whoami"],
            None,
            &[("MMIS_DB", &tcp.verify_full(&db)), ("PGPASSWORD", wrong)],
        )
        .code(8)
        .err_contains(&tcp.host_port)
        .err_contains("PGPASSWORD");
    assert!(!r.stderr.contains(wrong), "{}", r.stderr);
    // The right password without TLS: the server takes TCP connections with TLS only.
    let r = sb
        .run_env(
            "ops",
            &["whoami"],
            None,
            &[
                ("MMIS_DB", &tcp.url(&db, "sslmode=disable")),
                ("PGPASSWORD", &tcp.password),
            ],
        )
        .code(8)
        .err_contains(&tcp.host_port);
    assert!(!r.stderr.contains(&tcp.password), "{}", r.stderr);
}
