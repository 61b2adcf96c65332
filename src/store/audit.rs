//! The audit log: append-only, each entry chained to the one before by SHA-256.

use super::Tx;
use crate::error::Result;
use sha2::{Digest, Sha256};

const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One thing that happened, as the caller describes it.
#[derive(Debug, Clone)]
pub struct AuditEntry<'a> {
    pub at: &'a str,
    pub actor: &'a str,
    pub actor_kind: &'a str,
    pub provider_id: Option<&'a str>,
    pub action: &'a str,
    pub target: Option<&'a str>,
    pub outcome: &'a str,
    pub detail: Option<&'a str>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: String,
    pub actor: String,
    pub actor_kind: String,
    pub provider_id: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub outcome: String,
    pub detail: Option<String>,
    #[serde(skip)]
    pub prev_hash: String,
    #[serde(skip)]
    pub hash: String,
}

#[derive(Debug, Default)]
pub struct AuditFilter {
    pub user: Option<String>,
    pub action: Option<String>,
    pub since: Option<String>,
    pub providers: Option<Vec<String>>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct VerifyReport {
    pub entries: i64,
    /// The first entry that does not fit the chain, and why.
    pub first_bad: Option<(i64, String)>,
}

#[allow(clippy::too_many_arguments)]
fn entry_hash(
    prev: &str,
    id: i64,
    at: &str,
    actor: &str,
    actor_kind: &str,
    provider_id: Option<&str>,
    action: &str,
    target: Option<&str>,
    outcome: &str,
    detail: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    h.update(prev.as_bytes());
    for field in [
        id.to_string().as_str(),
        at,
        actor,
        actor_kind,
        provider_id.unwrap_or("\u{0}"),
        action,
        target.unwrap_or("\u{0}"),
        outcome,
        detail.unwrap_or("\u{0}"),
    ] {
        h.update([0x1f]);
        h.update(field.len().to_le_bytes());
        h.update(field.as_bytes());
    }
    hex(&h.finalize())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(HEX[(b >> 4) as usize] as char);
        s.push(HEX[(b & 15) as usize] as char);
    }
    s
}

impl Tx<'_> {
    /// Appends an entry in this transaction, chained to the last one.
    pub fn audit(&self, e: &AuditEntry<'_>) -> Result<i64> {
        let head = self.meta_get("audit_head")?;
        let (last_id, prev) = match head.as_deref().and_then(|h| h.split_once(':')) {
            Some((id, hash)) => (id.parse::<i64>().unwrap_or(0), hash.to_string()),
            None => (0, GENESIS.to_string()),
        };
        let id = last_id + 1;
        let hash = entry_hash(
            &prev,
            id,
            e.at,
            e.actor,
            e.actor_kind,
            e.provider_id,
            e.action,
            e.target,
            e.outcome,
            e.detail,
        );
        self.conn()
            .prepare_cached(
                "INSERT INTO audit_log(id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )
            .and_then(|mut s| {
                s.execute(rusqlite::params![
                    id,
                    e.at,
                    e.actor,
                    e.actor_kind,
                    e.provider_id,
                    e.action,
                    e.target,
                    e.outcome,
                    e.detail,
                    prev,
                    hash
                ])
            })
            .map_err(self.err())?;
        self.meta_set("audit_head", &format!("{id}:{hash}"))?;
        Ok(id)
    }

    pub fn audit_rows(&self, f: &AuditFilter) -> Result<Vec<AuditRow>> {
        let providers_json = f
            .providers
            .as_ref()
            .map(|p| serde_json::to_string(p).unwrap_or_else(|_| "[]".into()));
        let mut s = self
            .conn()
            .prepare_cached(
                "SELECT id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash
                 FROM audit_log
                 WHERE (?1 IS NULL OR actor = ?1 COLLATE NOCASE)
                   AND (?2 IS NULL OR action = ?2 OR action LIKE ?2 || ' %')
                   AND (?3 IS NULL OR at >= ?3)
                   AND (?4 IS NULL OR provider_id IN (SELECT value FROM json_each(?4)))
                 ORDER BY id DESC LIMIT ?5",
            )
            .map_err(self.err())?;
        let limit = f.limit.map(|l| l as i64).unwrap_or(-1);
        let rows = s
            .query_map(
                rusqlite::params![f.user, f.action, f.since, providers_json, limit],
                |r| {
                    Ok(AuditRow {
                        id: r.get(0)?,
                        at: r.get(1)?,
                        actor: r.get(2)?,
                        actor_kind: r.get(3)?,
                        provider_id: r.get(4)?,
                        action: r.get(5)?,
                        target: r.get(6)?,
                        outcome: r.get(7)?,
                        detail: r.get(8)?,
                        prev_hash: r.get(9)?,
                        hash: r.get(10)?,
                    })
                },
            )
            .map_err(self.err())?;
        let mut out = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(self.err())?;
        out.reverse();
        Ok(out)
    }

    /// Walks the whole chain: an edited, inserted or deleted entry breaks it.
    pub fn audit_verify(&self) -> Result<VerifyReport> {
        let mut s = self
            .conn()
            .prepare(
                "SELECT id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash
                 FROM audit_log ORDER BY id",
            )
            .map_err(self.err())?;
        let mut rows = s.query([]).map_err(self.err())?;
        let mut prev = GENESIS.to_string();
        let mut expected_id = 1i64;
        let mut count = 0i64;
        let mut first_bad = None;
        while let Some(r) = rows.next().map_err(self.err())? {
            let get = |i: usize| -> rusqlite::Result<Option<String>> { r.get(i) };
            let id: i64 = r.get(0).map_err(self.err())?;
            let at = get(1).map_err(self.err())?.unwrap_or_default();
            let actor = get(2).map_err(self.err())?.unwrap_or_default();
            let kind = get(3).map_err(self.err())?.unwrap_or_default();
            let provider = get(4).map_err(self.err())?;
            let action = get(5).map_err(self.err())?.unwrap_or_default();
            let target = get(6).map_err(self.err())?;
            let outcome = get(7).map_err(self.err())?.unwrap_or_default();
            let detail = get(8).map_err(self.err())?;
            let prev_hash = get(9).map_err(self.err())?.unwrap_or_default();
            let hash = get(10).map_err(self.err())?.unwrap_or_default();
            count += 1;
            if first_bad.is_none() {
                if id != expected_id {
                    first_bad = Some((
                        id,
                        format!("entry {expected_id} is missing (the next entry is {id})"),
                    ));
                } else if prev_hash != prev {
                    first_bad = Some((
                        id,
                        "its link to the previous entry does not match (an entry before it was deleted or inserted)".into(),
                    ));
                } else {
                    let recomputed = entry_hash(
                        &prev,
                        id,
                        &at,
                        &actor,
                        &kind,
                        provider.as_deref(),
                        &action,
                        target.as_deref(),
                        &outcome,
                        detail.as_deref(),
                    );
                    if recomputed != hash {
                        first_bad =
                            Some((id, "its contents were changed after it was written".into()));
                    }
                }
            }
            prev = hash;
            expected_id = id + 1;
        }
        drop(rows);
        if first_bad.is_none() {
            let head = self.meta_get("audit_head")?;
            let expected = if count == 0 {
                None
            } else {
                Some(format!("{}:{prev}", expected_id - 1))
            };
            if head != expected {
                let (hid, _) = head
                    .as_deref()
                    .and_then(|h| h.split_once(':'))
                    .unwrap_or(("0", ""));
                first_bad = Some((
                    hid.parse().unwrap_or(0),
                    format!(
                        "the log ends at entry {} but the chain head says {} (entries were deleted from the end)",
                        expected_id - 1,
                        hid
                    ),
                ));
            }
        }
        Ok(VerifyReport {
            entries: count,
            first_bad,
        })
    }
}
