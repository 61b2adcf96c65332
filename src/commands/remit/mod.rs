//! `remit list|show|export`: the remittance advices (835) payment cycles made for the signed-in
//! provider; `remit post`: any 835 posted onto the provider's claims.

pub mod export;
pub mod list;
pub mod post;
pub mod show;

use crate::domain::ids::ProviderId;
use crate::error::{Error, Result};
use crate::store::remits::RemitRow;
use crate::store::Tx;

/// Longest remittance advice id.
pub const MAX_REMIT_ID: usize = 30;

/// Checks the shape of a remittance advice id: `RA` and digits (`RA00000001`).
pub fn parse_remit_id(s: &str) -> Result<String> {
    let t = s.trim().to_ascii_uppercase();
    let ok = t.len() <= MAX_REMIT_ID
        && t.len() > 2
        && t.starts_with("RA")
        && t[2..].bytes().all(|b| b.is_ascii_digit());
    if !ok {
        return Err(Error::invalid(format!(
            "remittance advice id: RA and digits, like RA00000001, got {s:?}"
        ))
        .hint("`mmis remit list` shows your remittance advices"));
    }
    Ok(t)
}

/// The current provider's remittance advice with this id, or exit 5 (another provider's is
/// "not found" too: its existence is not disclosed).
pub fn find_remit(tx: &Tx<'_>, provider_id: &ProviderId, remit_id: &str) -> Result<RemitRow> {
    let id = parse_remit_id(remit_id)?;
    tx.remit_by_id(&id)?
        .filter(|r| &r.provider_id == provider_id)
        .ok_or_else(|| {
            Error::not_found(format!(
                "no remittance advice {id} for provider {provider_id}"
            ))
            .hint("`mmis remit list` shows this provider's remittance advices")
        })
}

/// Claims read from the store at a time (show, export).
pub const CHUNK: i64 = 1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remit_ids_are_ra_and_digits() {
        assert_eq!(parse_remit_id("ra00000012").unwrap(), "RA00000012");
        for bad in ["", "RA", "RB001", "RA12x", &format!("RA{}", "1".repeat(29))] {
            assert!(parse_remit_id(bad).is_err(), "{bad}");
        }
    }
}
