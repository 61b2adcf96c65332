//! Reaching a PostgreSQL store: the URL, the password (never from argv), TLS, and what the
//! server's failures mean to a user.
//!
//! `MMIS_DB=postgresql://user@host:5432/dbname?sslmode=verify-full&sslrootcert=/path/ca.pem`.
//! The password comes from the URL (in the environment or the config file, never `--db`),
//! else `PGPASSWORD`, else `~/.pgpass` (`PGPASSFILE`), as libpq does. `sslmode` is libpq's:
//! `disable`, `prefer` (the default: TLS when the server offers it), `require` (TLS, the
//! server's certificate not checked), `verify-ca` (checked against `sslrootcert`, default
//! `~/.postgresql/root.crt`) and `verify-full` (checked, and the host name must match).

use crate::error::{Error, Result};
use postgres::config::{Host, SslMode};
use std::sync::Arc;
use std::time::Duration;

/// Whether a `--db` / `MMIS_DB` value names a PostgreSQL server rather than a file.
pub fn is_url(s: &str) -> bool {
    let l = s.trim_start().to_ascii_lowercase();
    l.starts_with("postgres://") || l.starts_with("postgresql://")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tls {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// A parsed server URL.
pub struct Target {
    config: postgres::Config,
    tls: Tls,
    root_cert: Option<String>,
    /// `postgresql://user@host:port/dbname`: never the password.
    pub location: String,
}

fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn bad_url(detail: impl std::fmt::Display) -> Error {
    Error::usage(format!("the store URL is not valid: {detail}")).hint(
        "write it as postgresql://USER@HOST:PORT/DATABASE?sslmode=verify-full (see docs/store.md)",
    )
}

impl Target {
    pub fn parse(url: &str) -> Result<Target> {
        let url = url.trim();
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, q),
            None => (url, ""),
        };
        let mut kept = Vec::new();
        let mut tls = None;
        let mut root_cert = None;
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            match k {
                "sslmode" => {
                    tls = Some(match decode(v).as_str() {
                        "disable" => Tls::Disable,
                        "allow" | "prefer" => Tls::Prefer,
                        "require" => Tls::Require,
                        "verify-ca" => Tls::VerifyCa,
                        "verify-full" => Tls::VerifyFull,
                        other => {
                            return Err(bad_url(format!(
                        "sslmode={other} (use disable, prefer, require, verify-ca or verify-full)"
                    )))
                        }
                    })
                }
                "sslrootcert" => root_cert = Some(decode(v)),
                _ => kept.push(pair),
            }
        }
        let rebuilt = if kept.is_empty() {
            base.to_string()
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        let mut config: postgres::Config = rebuilt.parse().map_err(|e| {
            // tokio-postgres's messages name the option, never its value.
            bad_url(e)
        })?;
        let env = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        if config.get_user().is_none() {
            let user = env("PGUSER")
                .or_else(|| env("USER"))
                .or_else(|| env("LOGNAME"))
                .unwrap_or_else(|| "postgres".into());
            config.user(&user);
        }
        if config.get_hosts().is_empty() {
            match env("PGHOST") {
                Some(h) => {
                    config.host(&h);
                }
                None => {
                    config.host_path("/var/run/postgresql");
                }
            }
        }
        if config.get_ports().is_empty() {
            if let Some(p) = env("PGPORT").and_then(|p| p.parse::<u16>().ok()) {
                config.port(p);
            }
        }
        if config.get_dbname().is_none() {
            let db =
                env("PGDATABASE").unwrap_or_else(|| config.get_user().unwrap_or("").to_string());
            config.dbname(&db);
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        config.application_name("mmis");
        let tls = tls.unwrap_or(Tls::Prefer);
        let location = redact(url);
        if config.get_password().is_none() {
            if let Some(p) = env("PGPASSWORD").or_else(|| pgpass(&config)) {
                config.password(p);
            }
        }
        Ok(Target {
            config,
            tls,
            root_cert,
            location,
        })
    }

    pub fn connect(&self) -> Result<postgres::Client> {
        let unreachable = |e: postgres::Error| {
            Error::store(format!(
                "cannot reach the PostgreSQL store {}: {}",
                self.location,
                reason(&e)
            ))
            .hint("check that the server is running, the URL (MMIS_DB) and the password (PGPASSWORD or ~/.pgpass)")
        };
        let mut config = self.config.clone();
        if self.tls == Tls::Disable {
            config.ssl_mode(SslMode::Disable);
            return config.connect(postgres::NoTls).map_err(unreachable);
        }
        let tls_config = self.rustls()?;
        config.ssl_mode(if self.tls == Tls::Prefer {
            SslMode::Prefer
        } else {
            SslMode::Require
        });
        let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config);
        config.connect(tls).map_err(unreachable)
    }

    fn rustls(&self) -> Result<rustls::ClientConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::internal(format!("TLS set-up failed: {e}")))?;
        let config = match self.tls {
            Tls::Disable | Tls::Prefer | Tls::Require => builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(Unverified(provider)))
                .with_no_client_auth(),
            Tls::VerifyCa | Tls::VerifyFull => {
                let (store, roots) = self.roots()?;
                let webpki = rustls::client::WebPkiServerVerifier::builder_with_provider(
                    Arc::new(store),
                    provider.clone(),
                )
                .build()
                .map_err(|e| Error::store(format!("cannot use the root certificate: {e}")))?;
                builder
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(Checked {
                        webpki,
                        roots,
                        names: self.tls == Tls::VerifyFull,
                    }))
                    .with_no_client_auth()
            }
        };
        Ok(config)
    }

    /// The root certificates of `sslrootcert` (or `~/.postgresql/root.crt`): as trust
    /// anchors, and as given (see [`Checked`]).
    fn roots(
        &self,
    ) -> Result<(
        rustls::RootCertStore,
        Vec<rustls::pki_types::CertificateDer<'static>>,
    )> {
        let path = match &self.root_cert {
            Some(p) => std::path::PathBuf::from(p),
            None => home_dir()
                .map(|h| h.join(".postgresql").join("root.crt"))
                .unwrap_or_default(),
        };
        let unusable = |why: &str| {
            Error::store(format!(
                "sslmode verify-ca/verify-full needs the server's root certificate, and {} {why}",
                path.display()
            ))
            .hint("name it with sslrootcert=PATH in the store URL (or put it at ~/.postgresql/root.crt)")
        };
        // A regular file of PEM certificates, read at most 1 MiB of: not a FIFO (whose open
        // would block) nor a device that never ends; its kind is looked at before opening.
        const MAX_PEM: u64 = 1 << 20;
        let read = || -> std::io::Result<Vec<u8>> {
            use std::io::Read;
            if !std::fs::metadata(&path)?.is_file() {
                return Err(std::io::Error::other("it is not a regular file"));
            }
            let file = std::fs::File::open(&path)?;
            let mut pem = Vec::new();
            file.take(MAX_PEM + 1).read_to_end(&mut pem)?;
            if pem.len() as u64 > MAX_PEM {
                return Err(std::io::Error::other("it is over 1 MiB"));
            }
            Ok(pem)
        };
        let pem = read().map_err(|e| unusable(&format!("cannot be read ({e})")))?;
        let missing = || unusable("holds no PEM certificate");
        let mut store = rustls::RootCertStore::empty();
        let mut given = Vec::new();
        for cert in rustls_pemfile::certs(&mut pem.as_slice()) {
            let cert = cert.map_err(|_| missing())?;
            store.add(cert.clone()).map_err(|e| {
                Error::store(format!(
                    "the root certificate {} is not usable: {e}",
                    path.display()
                ))
            })?;
            given.push(cert);
        }
        if store.is_empty() {
            return Err(missing());
        }
        Ok((store, given))
    }
}

fn home_dir() -> Option<std::path::PathBuf> {
    directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf())
}

/// Whether a URL carries a password (in the user part or a `password=` parameter).
pub fn has_password(url: &str) -> bool {
    redact(url) != url.trim()
}

/// The URL as given, without its password (in the user part or a `password=` parameter):
/// how the store is named in messages, `mmis info` and the audit log.
pub fn redact(url: &str) -> String {
    let (scheme, rest) = match url.split_once("://") {
        Some((s, r)) => (s, r),
        None => return url.to_string(),
    };
    let cut = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(cut);
    let authority = match authority.rsplit_once('@') {
        Some((user, host)) => {
            let user = user.split(':').next().unwrap_or("");
            format!("{user}@{host}")
        }
        None => authority.to_string(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let kept: Vec<&str> = query
                .split('&')
                .filter(|p| !p.to_ascii_lowercase().starts_with("password="))
                .collect();
            if kept.is_empty() {
                path.to_string()
            } else {
                format!("{path}?{}", kept.join("&"))
            }
        }
        None => tail.to_string(),
    };
    format!("{scheme}://{authority}{tail}")
}

/// The password for this server in `~/.pgpass` (or `PGPASSFILE`), as libpq reads it:
/// `host:port:database:user:password`, `*` matching anything; a file others can read is
/// ignored, as libpq does.
fn pgpass(config: &postgres::Config) -> Option<String> {
    let path = match std::env::var_os("PGPASSFILE") {
        Some(p) if !p.is_empty() => std::path::PathBuf::from(p),
        _ => home_dir()?.join(".pgpass"),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(&path).ok()?;
        if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    let bytes = crate::limits::read_file(&path, 1 << 20, "the password file").ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(h)) => h.clone(),
        _ => "localhost".to_string(),
    };
    let port = config
        .get_ports()
        .first()
        .copied()
        .unwrap_or(5432)
        .to_string();
    let want = [
        host.as_str(),
        port.as_str(),
        config.get_dbname().unwrap_or(""),
        config.get_user().unwrap_or(""),
    ];
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields = split_pgpass(line);
        if fields.len() != 5 {
            continue;
        }
        if fields[..4]
            .iter()
            .zip(want)
            .all(|(f, w)| f == "*" || f == w)
        {
            return Some(fields[4].clone());
        }
    }
    None
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(n) = chars.next() {
                    if let Some(s) = out.last_mut() {
                        s.push(n);
                    }
                }
            }
            ':' if out.len() < 5 => out.push(String::new()),
            c => {
                if let Some(s) = out.last_mut() {
                    s.push(c);
                }
            }
        }
    }
    out
}

/// What went wrong, in the server's words (these never carry the password).
fn reason(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut s = e.to_string();
    let mut src = std::error::Error::source(e);
    while let Some(inner) = src {
        s = format!("{s}: {inner}");
        src = inner.source();
    }
    s
}

/// Maps a PostgreSQL failure on an open connection onto our kinds.
pub fn map_error(location: &str, e: &postgres::Error) -> Error {
    use postgres::error::SqlState as S;
    if let Some(code) = e.code() {
        let c = code.clone();
        if c == S::DISK_FULL || c == S::OUT_OF_MEMORY || c == S::INSUFFICIENT_RESOURCES {
            return Error::store(format!("the store {location} is full; nothing was saved"))
                .hint("free space on the database server and run the command again");
        }
        if c == S::LOCK_NOT_AVAILABLE
            || c == S::QUERY_CANCELED
            || c == S::T_R_SERIALIZATION_FAILURE
            || c == S::T_R_DEADLOCK_DETECTED
        {
            return Error::store(format!(
                "the store {location} stayed busy; nothing was saved"
            ))
            .hint("another mmis process held the store too long; run the command again");
        }
        if c == S::INSUFFICIENT_PRIVILEGE || c == S::READ_ONLY_SQL_TRANSACTION {
            return Error::store(format!(
                "the database role cannot change the store {location}; nothing was saved: {}",
                reason(e)
            ))
            .hint("grant the role the privileges in docs/store.md");
        }
        if c.code().starts_with("08")
            || c == S::ADMIN_SHUTDOWN
            || c == S::CRASH_SHUTDOWN
            || c == S::CANNOT_CONNECT_NOW
        {
            return Error::store(format!(
                "lost the connection to the store {location}; nothing was saved"
            ))
            .hint("check that the server is running and run the command again");
        }
        return Error::internal(format!("store error: {}", reason(e)));
    }
    if e.is_closed() || std::error::Error::source(e).is_some() {
        return Error::store(format!(
            "lost the connection to the store {location}; nothing was saved: {}",
            reason(e)
        ))
        .hint("check that the server is running and run the command again");
    }
    Error::internal(format!("store error: {}", reason(e)))
}

/// `sslmode=require`: encrypted, the certificate not checked (libpq's meaning); the
/// handshake's signature is still verified.
#[derive(Debug)]
struct Unverified(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for Unverified {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> std::result::Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// `sslmode=verify-ca` and `verify-full`: the server's certificate must chain to a root
/// certificate of `sslrootcert` (webpki), or — as libpq (OpenSSL) allows — be one of those
/// root certificates itself: a self-signed server certificate the office copied to each
/// clerk's machine (PostgreSQL's documentation makes one with `openssl req -x509`, which
/// marks it as a CA, and webpki refuses a CA certificate as a server's). Such a pinned
/// certificate is still checked for its validity period and, under `verify-full`, its
/// host names; the handshake's signature is checked by its key either way.
#[derive(Debug)]
struct Checked {
    webpki: Arc<rustls::client::WebPkiServerVerifier>,
    /// The certificates of `sslrootcert`, as given.
    roots: Vec<rustls::pki_types::CertificateDer<'static>>,
    /// `verify-full`: the host name must be one of the certificate's names.
    names: bool,
}

impl Checked {
    /// A server certificate that is one of the root certificates given: its validity period
    /// and (`verify-full`) its names.
    fn pinned(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        server_name: &rustls::pki_types::ServerName<'_>,
        now: rustls::pki_types::UnixTime,
    ) -> std::result::Result<(), rustls::Error> {
        use rustls::CertificateError;
        use x509_cert::der::Decode;
        let bad = |_| rustls::Error::InvalidCertificate(CertificateError::BadEncoding);
        let cert = x509_cert::Certificate::from_der(end_entity.as_ref()).map_err(bad)?;
        let validity = &cert.tbs_certificate.validity;
        let now = now.as_secs();
        if now < validity.not_before.to_unix_duration().as_secs() {
            return Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidYet,
            ));
        }
        if now > validity.not_after.to_unix_duration().as_secs() {
            return Err(rustls::Error::InvalidCertificate(CertificateError::Expired));
        }
        if self.names {
            let parsed = rustls::server::ParsedCertificate::try_from(end_entity)?;
            rustls::client::verify_server_name(&parsed, server_name)?;
        }
        Ok(())
    }
}

impl rustls::client::danger::ServerCertVerifier for Checked {
    fn verify_server_cert(
        &self,
        end_entity: &rustls::pki_types::CertificateDer<'_>,
        intermediates: &[rustls::pki_types::CertificateDer<'_>],
        server_name: &rustls::pki_types::ServerName<'_>,
        ocsp_response: &[u8],
        now: rustls::pki_types::UnixTime,
    ) -> std::result::Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        let verified = rustls::client::danger::ServerCertVerified::assertion;
        let chained = self.webpki.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        match chained {
            Ok(v) => Ok(v),
            // verify-ca: the chain is all that is checked.
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForName
                | rustls::CertificateError::NotValidForNameContext { .. },
            )) if !self.names => Ok(verified()),
            Err(e) => {
                if !self.roots.iter().any(|r| r.as_ref() == end_entity.as_ref()) {
                    return Err(e);
                }
                self.pinned(end_entity, server_name, now)?;
                Ok(verified())
            }
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> std::result::Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.webpki.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.webpki.supported_verify_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rustls::client::danger::ServerCertVerifier;
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};

    /// A self-signed certificate marked as a CA (as `openssl req -x509` makes), without a
    /// host name, valid for a hundred years from 2026-12-03.
    fn self_signed() -> CertificateDer<'static> {
        let pem = include_bytes!("../../fixtures/tls/unrelated-root.pem");
        rustls_pemfile::certs(&mut pem.as_slice())
            .next()
            .expect("a certificate")
            .expect("PEM")
    }

    fn checked(roots: Vec<CertificateDer<'static>>, names: bool) -> Checked {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut store = rustls::RootCertStore::empty();
        store.add(self_signed()).unwrap();
        let webpki =
            rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(store), provider)
                .build()
                .unwrap();
        Checked {
            webpki,
            roots,
            names,
        }
    }

    fn at(years_after_2026: u64) -> UnixTime {
        // 2027-01-01 plus whole years of 365.25 days.
        UnixTime::since_unix_epoch(std::time::Duration::from_secs(
            1_798_761_600 + years_after_2026 * 31_557_600,
        ))
    }

    fn verify(c: &Checked, name: &str, now: UnixTime) -> std::result::Result<(), rustls::Error> {
        let name = ServerName::try_from(name.to_string()).unwrap();
        c.verify_server_cert(&self_signed(), &[], &name, &[], now)
            .map(|_| ())
    }

    #[test]
    fn a_self_signed_server_certificate_given_as_the_root_is_trusted_as_libpq_trusts_it() {
        // verify-ca: the pinned certificate, whatever the host is called.
        assert_eq!(
            verify(
                &checked(vec![self_signed()], false),
                "db.office.example",
                at(0)
            ),
            Ok(())
        );
        // verify-full: its names are still checked (this one has none).
        assert!(matches!(
            verify(
                &checked(vec![self_signed()], true),
                "db.office.example",
                at(0)
            ),
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidForName
                    | rustls::CertificateError::NotValidForNameContext { .. }
            ))
        ));
        // And its validity period.
        assert_eq!(
            verify(&checked(vec![self_signed()], false), "db", at(200)),
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::Expired
            ))
        );
        let before = UnixTime::since_unix_epoch(std::time::Duration::from_secs(1_700_000_000));
        assert_eq!(
            verify(&checked(vec![self_signed()], false), "db", before),
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::NotValidYet
            ))
        );
        // Not among the certificates given: webpki's refusal stands.
        assert!(verify(&checked(Vec::new(), false), "db", at(0)).is_err());
    }

    #[test]
    fn the_location_never_carries_the_password() {
        let t = Target::parse("postgresql://ann:s3cret@db.example:6543/office?sslmode=require")
            .unwrap();
        assert_eq!(
            t.location,
            "postgresql://ann@db.example:6543/office?sslmode=require"
        );
        assert_eq!(
            redact("postgres://a:b:c@h/d?password=x&sslmode=disable"),
            "postgres://a@h/d?sslmode=disable"
        );
        assert_eq!(t.tls, Tls::Require);
    }

    #[test]
    fn libpq_sslmodes_are_understood_and_others_refused() {
        let t = Target::parse(
            "postgres://a@h/d?sslmode=verify-full&sslrootcert=%2Ftmp%2Fca.pem&connect_timeout=3",
        )
        .unwrap();
        assert_eq!(t.tls, Tls::VerifyFull);
        assert_eq!(t.root_cert.as_deref(), Some("/tmp/ca.pem"));
        let e = Target::parse("postgres://a@h/d?sslmode=maybe")
            .err()
            .unwrap();
        assert!(e.message.contains("sslmode=maybe"), "{}", e.message);
    }

    #[test]
    fn pgpass_lines_split_on_unescaped_colons() {
        assert_eq!(
            split_pgpass(r"h:5432:*:ann:pa\:ss\\word"),
            vec!["h", "5432", "*", "ann", r"pa:ss\word"]
        );
    }

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("postgresql://x/y"));
        assert!(is_url("POSTGRES://x/y"));
        assert!(!is_url("/tmp/postgres.db"));
        assert!(!is_url("postgres.db"));
    }
}
