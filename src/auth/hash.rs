//! argon2id for passwords, secret answers and PINs; random secrets; API token format.

use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use rand::rngs::OsRng;
use rand::Rng;

/// OWASP's minimum for argon2id: 19 MiB, 2 passes, 1 lane.
pub const M_COST_KIB: u32 = 19 * 1024;
pub const T_COST: u32 = 2;
pub const P_COST: u32 = 1;

fn argon() -> Argon2<'static> {
    let params = Params::new(M_COST_KIB, T_COST, P_COST, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`).
pub fn hash_secret(secret: &str) -> Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|_| Error::internal("could not hash a secret"))
}

/// Checks a secret against a PHC string, whatever parameters it was made with.
pub fn verify_secret(secret: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(h) => Argon2::default()
            .verify_password(secret.as_bytes(), &h)
            .is_ok(),
        Err(_) => false,
    }
}

/// True when a stored hash was made with other parameters than today's (rehash it on login).
pub fn needs_rehash(phc: &str) -> bool {
    let Ok(h) = PasswordHash::new(phc) else {
        return true;
    };
    let Ok(p) = Params::try_from(&h) else {
        return true;
    };
    h.algorithm.as_str() != "argon2id"
        || p.m_cost() != M_COST_KIB
        || p.t_cost() != T_COST
        || p.p_cost() != P_COST
}

/// A hash that never matches, verified when the user does not exist, so timing does not tell.
pub fn dummy_verify(secret: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let phc = DUMMY.get_or_init(|| hash_secret("mmis-dummy-password").unwrap_or_default());
    let _ = verify_secret(secret, phc);
}

const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// Letters and digits that cannot be misread on a printed letter (no 0/O, 1/l/I).
const PIN_UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const PIN_LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const PIN_DIGIT: &[u8] = b"23456789";

fn pick(rng: &mut impl Rng, set: &[u8]) -> char {
    set[rng.gen_range(0..set.len())] as char
}

/// A 9-character case-sensitive PIN mixing upper- and lower-case letters and digits.
pub fn new_pin() -> Secret {
    let mut rng = OsRng;
    let all: Vec<u8> = [PIN_UPPER, PIN_LOWER, PIN_DIGIT].concat();
    loop {
        let pin: String = (0..9).map(|_| pick(&mut rng, &all)).collect();
        if pin.chars().any(|c| c.is_ascii_uppercase())
            && pin.chars().any(|c| c.is_ascii_lowercase())
            && pin.chars().any(|c| c.is_ascii_digit())
        {
            return Secret::new(pin);
        }
    }
}

/// A one-time invitation code: `INV-XXXX-XXXX-XXXX-XXXX` (80 random bits, Crockford base32).
pub fn new_invite_code() -> Secret {
    const CROCKFORD: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut rng = OsRng;
    let groups: Vec<String> = (0..4)
        .map(|_| (0..4).map(|_| pick(&mut rng, CROCKFORD)).collect())
        .collect();
    Secret::new(format!("INV-{}", groups.join("-")))
}

/// A session token: 256 random bits in hex.
pub fn new_session_token() -> Secret {
    let mut bytes = [0u8; 32];
    OsRng.fill(&mut bytes);
    Secret::new(crate::store::hex_prefix(&bytes, 32))
}

const TOKEN_PREFIX: &str = "mmis_";
const TOKEN_BODY: usize = 43; // 43 base62 characters carry 256 bits
const TOKEN_CHECK: usize = 6; // CRC32 of the body, base62

fn base62_fixed(mut v: u64, width: usize) -> String {
    let mut out = vec![b'0'; width];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(v % 62) as usize];
        v /= 62;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// An API token: `mmis_` + 256 random bits in base62 + a CRC32 checksum, like GitHub's tokens.
pub fn new_api_token() -> Secret {
    let mut rng = OsRng;
    let body: String = (0..TOKEN_BODY).map(|_| pick(&mut rng, BASE62)).collect();
    let check = base62_fixed(u64::from(crc32fast::hash(body.as_bytes())), TOKEN_CHECK);
    Secret::new(format!("{TOKEN_PREFIX}{body}{check}"))
}

/// Whether a string has the shape and checksum of one of our API tokens (no store lookup).
pub fn api_token_well_formed(token: &str) -> bool {
    let Some(rest) = token.strip_prefix(TOKEN_PREFIX) else {
        return false;
    };
    if rest.len() != TOKEN_BODY + TOKEN_CHECK || !rest.bytes().all(|b| BASE62.contains(&b)) {
        return false;
    }
    let (body, check) = rest.split_at(TOKEN_BODY);
    base62_fixed(u64::from(crc32fast::hash(body.as_bytes())), TOKEN_CHECK) == check
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_carry_owasp_parameters() {
        let h = hash_secret("Tr7vel-Kettle").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify_secret("Tr7vel-Kettle", &h));
        assert!(!verify_secret("tr7vel-kettle", &h));
        assert!(!needs_rehash(&h));
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        )
        .hash_password(b"x", &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
        assert!(needs_rehash(&weak));
        assert!(verify_secret("x", &weak));
    }

    #[test]
    fn pins_mix_cases_and_digits() {
        for _ in 0..200 {
            let p = new_pin();
            let s = p.expose();
            assert_eq!(s.len(), 9);
            assert!(s.chars().any(|c| c.is_ascii_uppercase()));
            assert!(s.chars().any(|c| c.is_ascii_lowercase()));
            assert!(s.chars().any(|c| c.is_ascii_digit()));
        }
    }

    #[test]
    fn api_tokens_carry_a_checksum() {
        let t = new_api_token();
        assert!(t.expose().starts_with("mmis_"));
        assert_eq!(t.expose().len(), 5 + 43 + 6);
        assert!(api_token_well_formed(t.expose()));
        let mut broken = t.expose().to_string();
        let last = broken.pop().unwrap();
        broken.push(if last == 'a' { 'b' } else { 'a' });
        assert!(!api_token_well_formed(&broken));
        assert!(!api_token_well_formed("ghp_abc"));
    }

    #[test]
    fn invite_codes() {
        let c = new_invite_code();
        assert_eq!(c.expose().len(), 4 + 4 * 4 + 3);
        assert!(c.expose().starts_with("INV-"));
    }
}
