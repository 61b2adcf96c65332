//! Remittance advices (835) made by payment cycles: what the cycle reads, what it saves, what
//! `remit list/show/export` and `claim status` read back.

use super::claims::{apply_line_outcomes, LineRow};
use super::db::{Row, RowResult};
use super::Tx;
use crate::domain::claims::{ClaimStatus, Icn};
use crate::domain::ids::{Cents, HealthId, ProviderId};
use crate::domain::remit::{ClaimFacts, PricedLine, RemitClaim, Settlement};
use crate::error::Result;
use crate::params;
use chrono::NaiveDate;

/// A line of an accepted claim waiting for this cycle, with what identifies its claim.
#[derive(Debug, Clone)]
pub struct PendingLine {
    pub claim_id: i64,
    pub provider_id: ProviderId,
    pub icn: Icn,
    pub line_no: i64,
    pub procedure_code: String,
    pub modifiers: String,
    pub date_of_service: NaiveDate,
    pub units: i64,
    pub charge: Cents,
}

/// A voided claim whose payment this cycle takes back.
#[derive(Debug, Clone)]
pub struct Recoup {
    pub claim_id: i64,
    pub provider_id: ProviderId,
    pub icn: Icn,
    pub paid_amount: Cents,
}

#[derive(Debug, Clone)]
pub struct RemitRow {
    pub id: i64,
    pub remit_id: String,
    pub cycle: i64,
    pub provider_id: ProviderId,
    pub issued_on: NaiveDate,
    pub paid_amount: Cents,
    pub handling: String,
    pub payment_method: String,
    pub trace: String,
    pub claim_count: i64,
}

/// A CLP as stored, with what the 835 and `remit show` need of its claim and member.
#[derive(Debug, Clone)]
pub struct RemitClaimRow {
    pub seq: i64,
    pub icn: Icn,
    /// The claim (its row id in `head.claim_id`), member and dates.
    pub head: ClaimHead835,
    pub status_code: String,
    pub billed: Cents,
    pub allowed: Cents,
    pub paid: Cents,
    pub patient_resp: Cents,
    /// `claims.line_outcomes`, read back into the lines by [`Tx::remit_claim_lines_of`].
    pub line_outcomes: Option<String>,
}

/// What an 835's CLP loop names beside the amounts: the claim's patient control number,
/// member, dates and place of service. Read with a stored CLP ([`RemitClaimRow`]), or for the
/// claims a payment cycle puts on its remittances when it writes their 835s.
#[derive(Debug, Clone)]
pub struct ClaimHead835 {
    pub claim_id: i64,
    pub patient_control_number: Option<String>,
    pub member_id: HealthId,
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub first_dos: NaiveDate,
    pub last_dos: NaiveDate,
    pub place_of_service: String,
}

/// The columns of [`ClaimHead835`] (claims `c`, members `m`), read by [`claim_head`].
const HEAD_COLS: &str = "c.id, c.patient_control_number, c.member_id, m.last_name,
    m.first_name, c.first_dos, c.last_dos, c.place_of_service";

/// A [`ClaimHead835`] from the [`HEAD_COLS`] starting at column `at`.
fn claim_head(r: &Row<'_>, at: usize) -> RowResult<ClaimHead835> {
    Ok(ClaimHead835 {
        claim_id: r.get(at)?,
        patient_control_number: r.get(at + 1)?,
        member_id: r.get(at + 2)?,
        last_name: r.get(at + 3)?,
        first_name: r.get(at + 4)?,
        first_dos: r.get(at + 5)?,
        last_dos: r.get(at + 6)?,
        place_of_service: r.get(at + 7)?,
    })
}

#[derive(Debug, Clone)]
pub struct ProviderAdjRow {
    pub reason_code: String,
    pub reference: String,
    pub amount: Cents,
}

/// Rows in one multi-row INSERT or UPDATE (SQLite allows 32,766 parameters a statement; with
/// 500 rows, its compound-select limit, an UPDATE ... FROM (VALUES ..) was measured five
/// times slower).
const ROWS_PER_INSERT: usize = 200;

/// A claim's outcome in a payment cycle, to record.
#[derive(Debug, Clone)]
pub struct ClaimResult {
    pub claim_id: i64,
    pub status: ClaimStatus,
    pub allowed: Cents,
    pub paid: Cents,
    /// The lines' outcomes as `claims.line_outcomes` holds them
    /// ([`super::claims::push_line_outcome`]).
    pub line_outcomes: String,
}

/// A column of [`Tx::update_rows`]'s list of new values, with its SQL type (`BIGINT` or
/// `TEXT`: a parameter in `VALUES` has no type of its own on PostgreSQL).
type Col = (&'static str, &'static str);

/// A statement parameter, for statements built row by row.
#[derive(Clone, Copy)]
enum P<'a> {
    I(i64),
    T(&'a str),
}

impl crate::store::Param for P<'_> {
    fn val(&self) -> crate::store::Val<'_> {
        match *self {
            P::I(i) => crate::store::Val::Int(i),
            P::T(s) => crate::store::Val::Text(s),
        }
    }
}

/// A claim line as the payment cycle priced it (a denied line carries its CARC; 96 if none
/// was kept).
fn priced_line(l: LineRow) -> PricedLine {
    PricedLine {
        line_no: l.line_no,
        procedure_code: l.procedure_code,
        modifiers: l.modifiers,
        date_of_service: l.date_of_service,
        units: l.units,
        charge: l.charge,
        allowed: l.allowed.unwrap_or_default(),
        paid: l.paid.unwrap_or_default(),
        carc: if l.status == ClaimStatus::Denied {
            Some(l.carc.unwrap_or_else(|| "96".into()))
        } else {
            None
        },
    }
}

const RCOLS: &str = "id, remit_id, cycle, provider_id, issued_on, paid_amount, handling,
    payment_method, trace, claim_count";

fn remit_row(r: &Row<'_>) -> RowResult<RemitRow> {
    Ok(RemitRow {
        id: r.get(0)?,
        remit_id: r.get(1)?,
        cycle: r.get(2)?,
        provider_id: r.get(3)?,
        issued_on: r.get(4)?,
        paid_amount: r.get(5)?,
        handling: r.get(6)?,
        payment_method: r.get(7)?,
        trace: r.get(8)?,
        claim_count: r.get(9)?,
    })
}

impl Tx<'_> {
    // ---- the payment cycle ----

    /// The lines of the next accepted claims after claim id `after` (at most `claims` claims),
    /// in claim and line order: the cycle reads accepted claims a slice at a time.
    pub fn pending_lines_after(&self, after: i64, claims: i64) -> Result<Vec<PendingLine>> {
        self.db().query(
            "SELECT c.id, c.provider_id, c.icn, l.line_no, l.procedure_code, l.modifiers,
                    l.date_of_service, l.units, l.charge
             FROM claims c JOIN claim_lines l ON l.claim_id = c.id
             WHERE c.status = 'accepted' AND c.id > ?1
               AND c.id <= COALESCE((SELECT MAX(t.id) FROM
                     (SELECT id FROM claims WHERE status = 'accepted' AND id > ?1
                      ORDER BY id LIMIT ?2) t), ?1)
             ORDER BY c.id, l.line_no",
            params![after, claims],
            |r| {
                Ok(PendingLine {
                    claim_id: r.get(0)?,
                    provider_id: r.get(1)?,
                    icn: r.get(2)?,
                    line_no: r.get(3)?,
                    procedure_code: r.get(4)?,
                    modifiers: r.get(5)?,
                    date_of_service: r.get(6)?,
                    units: r.get(7)?,
                    charge: r.get(8)?,
                })
            },
        )
    }

    /// The CLP heads of the claims `ids`, in the order of `ids` (a claim that is missing is
    /// left out).
    pub fn claim_heads_835(&self, ids: &[i64]) -> Result<Vec<ClaimHead835>> {
        let sql = match self.db().backend() {
            // The CROSS JOIN keeps the list as the outer loop: rows come in list order.
            super::Backend::Sqlite => format!(
                "SELECT {HEAD_COLS} FROM rarray(?1) AS r CROSS JOIN claims c ON c.id = r.value
                 LEFT JOIN members m ON m.health_id = c.member_id"
            ),
            super::Backend::Postgres => format!(
                "SELECT {HEAD_COLS}
                 FROM unnest(CAST(?1 AS BIGINT[])) WITH ORDINALITY AS r(value, pos)
                 JOIN claims c ON c.id = r.value
                 LEFT JOIN members m ON m.health_id = c.member_id
                 ORDER BY r.pos"
            ),
        };
        self.db()
            .query(&sql, params![super::Val::IntList(ids)], |r| {
                claim_head(r, 0)
            })
    }

    /// Voided claims still to be recouped after claim id `after`, at most `limit`.
    pub fn recoups_after(&self, after: i64, limit: i64) -> Result<Vec<Recoup>> {
        self.db().query(
            "SELECT id, provider_id, icn, paid_amount FROM claims
             WHERE recoup_pending = 1 AND id > ?1 ORDER BY id LIMIT ?2",
            params![after, limit],
            |r| {
                Ok(Recoup {
                    claim_id: r.get(0)?,
                    provider_id: r.get(1)?,
                    icn: r.get(2)?,
                    paid_amount: r.get(3)?,
                })
            },
        )
    }

    /// A claim's lines as priced when it was paid, for its reversal.
    pub fn priced_claim(&self, claim_id: i64, icn: &Icn) -> Result<ClaimFacts> {
        let lines = self.claim_lines(claim_id)?;
        Ok(ClaimFacts {
            claim_id,
            icn: icn.to_string(),
            lines: lines.into_iter().map(priced_line).collect(),
        })
    }

    /// What a provider owes from earlier remittances (forward balances not yet collected).
    pub fn provider_owed(&self, provider_id: &ProviderId) -> Result<Cents> {
        let fb: Cents = self.db().value(
            "SELECT CAST(COALESCE(SUM(a.amount), 0) AS BIGINT)
             FROM remit_provider_adjustments a JOIN remits r ON r.id = a.remit
             WHERE r.provider_id = ?1 AND a.reason_code = 'FB'",
            params![provider_id],
        )?;
        Ok(Cents(-fb.0))
    }

    /// Opens a remittance (nothing paid yet); its row id.
    pub fn open_remit(
        &self,
        remit_id: &str,
        cycle: i64,
        provider_id: &ProviderId,
        issued_on: NaiveDate,
    ) -> Result<i64> {
        self.db().value(
            "INSERT INTO remits(remit_id, cycle, provider_id, issued_on, paid_amount, handling,
                payment_method, trace)
             VALUES (?1, ?2, ?3, ?4, 0, 'H', 'NON', ?1) RETURNING id",
            params![remit_id, cycle, provider_id, issued_on],
        )
    }

    /// Saves the CLPs of claims put on remittances: `(remittance row, seq, claim)`. Their
    /// SVCs and CASes are not stored: they are the claim's priced lines (`claim_lines`, never
    /// changed once priced) under the remittance rules, made again when the remittance is
    /// read ([`Tx::remit_claim_lines_of`], `commands::remit::show::each_claim`).
    pub fn save_remit_claims(&self, claims: &[(i64, i64, RemitClaim)]) -> Result<()> {
        let mut clp = Vec::with_capacity(claims.len() * 8);
        for (remit, seq, c) in claims {
            clp.extend([
                P::I(*remit),
                P::I(*seq),
                P::I(c.claim_id),
                P::T(c.status.code()),
                P::I(c.billed.0),
                P::I(c.allowed.0),
                P::I(c.paid.0),
                P::I(c.patient_responsibility.0),
            ]);
        }
        self.insert_rows(
            "remit_claims",
            &[
                "remit",
                "seq",
                "claim_id",
                "status_code",
                "billed",
                "allowed",
                "paid",
                "patient_resp",
            ],
            &clp,
        )
    }

    /// Adds history entries to claims, as [`Tx::add_claim_history`] does one at a time:
    /// `(claim id, status, note)` (with the status's 277 category code), all on `on_date` at
    /// `at` by `actor`.
    pub fn add_claim_histories(
        &self,
        on_date: NaiveDate,
        at: &str,
        actor: &str,
        entries: &[(i64, ClaimStatus, &str)],
    ) -> Result<()> {
        let on_date = super::db::date_text(on_date);
        let rows: Vec<P> = entries
            .iter()
            .flat_map(|(claim_id, status, note)| {
                [
                    P::I(*claim_id),
                    P::T(&on_date),
                    P::T(at),
                    P::T(status.as_str()),
                    P::T(status.category_code()),
                    P::T(actor),
                    P::T(note),
                ]
            })
            .collect();
        self.insert_rows(
            "claim_history",
            &[
                "claim_id",
                "on_date",
                "at",
                "status",
                "category_code",
                "actor",
                "note",
            ],
            &rows,
        )
    }

    /// Records each priced claim's status, allowed and paid amounts, its lines' outcomes
    /// (`claims.line_outcomes`) and its cycle.
    pub fn finish_claims(&self, claims: &[ClaimResult], cycle: i64) -> Result<()> {
        let rows: Vec<P> = claims
            .iter()
            .flat_map(|c| {
                [
                    P::I(c.claim_id),
                    P::T(c.status.as_str()),
                    P::I(c.allowed.0),
                    P::I(c.paid.0),
                    P::T(&c.line_outcomes),
                    P::I(cycle),
                ]
            })
            .collect();
        self.update_rows(
            "claims",
            &[("id", "BIGINT")],
            &[
                ("status", "TEXT"),
                ("allowed", "BIGINT"),
                ("paid_amount", "BIGINT"),
                ("line_outcomes", "TEXT"),
                ("paid_cycle", "BIGINT"),
            ],
            &rows,
        )
    }

    /// Marks voided claims as recouped in `cycle`.
    pub fn mark_recouped(&self, claim_ids: &[i64], cycle: i64) -> Result<()> {
        let rows: Vec<P> = claim_ids
            .iter()
            .flat_map(|id| [P::I(*id), P::I(0), P::I(cycle)])
            .collect();
        self.update_rows(
            "claims",
            &[("id", "BIGINT")],
            &[("recoup_pending", "BIGINT"), ("recoup_cycle", "BIGINT")],
            &rows,
        )
    }

    /// `WITH v(keys, cols) AS (VALUES (..), (..)) UPDATE {table} SET col = v.col, ..
    /// FROM v WHERE key = v.key AND ..`, at most [`ROWS_PER_INSERT`] rows a statement: many
    /// rows changed by one statement, on both backends. `rows` holds the rows' values one
    /// after another, keys first.
    fn update_rows(&self, table: &str, keys: &[Col], cols: &[Col], rows: &[P]) -> Result<()> {
        let types: Vec<&str> = keys.iter().chain(cols).map(|c| c.1).collect();
        let names: Vec<&str> = keys.iter().chain(cols).map(|c| c.0).collect();
        let set: Vec<String> = cols.iter().map(|c| format!("{0} = v.{0}", c.0)).collect();
        let on: Vec<String> = keys
            .iter()
            .map(|c| format!("{table}.{0} = v.{0}", c.0))
            .collect();
        let head = format!("WITH v({}) AS (VALUES ", names.join(", "));
        let tail = format!(
            ") UPDATE {table} SET {} FROM v WHERE {}",
            set.join(", "),
            on.join(" AND ")
        );
        self.rows_in_chunks(&head, &tail, &types, rows)
    }

    /// `INSERT INTO {table}({cols}) VALUES (..), (..)`, at most [`ROWS_PER_INSERT`] rows a
    /// statement; `rows` holds the rows' values one after another.
    fn insert_rows(&self, table: &str, cols: &[&str], rows: &[P]) -> Result<()> {
        let head = format!("INSERT INTO {table}({}) VALUES ", cols.join(", "));
        self.rows_in_chunks(&head, "", &vec![""; cols.len()], rows)
    }

    /// Runs `{head}(?1, ?2, ..), (..){tail}` over `rows` (of `types.len()` values each, a
    /// value cast to its type where one is given), [`ROWS_PER_INSERT`] rows a statement: the
    /// statement's text is made once for full chunks and once for the rest.
    fn rows_in_chunks(&self, head: &str, tail: &str, types: &[&str], rows: &[P]) -> Result<()> {
        let width = types.len();
        if width == 0 || !rows.len().is_multiple_of(width) {
            return Err(crate::error::Error::internal("a list of rows is not whole"));
        }
        let sql_for = |n: usize| {
            let mut sql = String::with_capacity(head.len() + tail.len() + n * width * 24);
            sql.push_str(head);
            let mut k = 0;
            for i in 0..n {
                sql.push_str(if i == 0 { "(" } else { ", (" });
                for (j, ty) in types.iter().enumerate() {
                    k += 1;
                    if j > 0 {
                        sql.push_str(", ");
                    }
                    if ty.is_empty() {
                        sql.push_str(&format!("?{k}"));
                    } else {
                        sql.push_str(&format!("CAST(?{k} AS {ty})"));
                    }
                }
                sql.push(')');
            }
            sql.push_str(tail);
            sql
        };
        let mut full: Option<String> = None;
        for chunk in rows.chunks(ROWS_PER_INSERT * width) {
            let n = chunk.len() / width;
            let params: Vec<&dyn crate::store::Param> = chunk
                .iter()
                .map(|p| p as &dyn crate::store::Param)
                .collect();
            if n == ROWS_PER_INSERT {
                let sql = full.get_or_insert_with(|| sql_for(n));
                self.db().execute(sql, &params)?;
            } else {
                self.db().execute(&sql_for(n), &params)?;
            }
        }
        Ok(())
    }

    /// Closes a remittance with its settlement (BPR, PLB) and claim count.
    pub fn close_remit(&self, remit: i64, claim_count: i64, s: &Settlement) -> Result<()> {
        self.db().execute(
            "UPDATE remits SET paid_amount = ?2, handling = ?3, payment_method = ?4,
                claim_count = ?5 WHERE id = ?1",
            params![remit, s.paid_amount.0, s.handling, s.method, claim_count],
        )?;
        for (n, p) in s.provider_adjustments.iter().enumerate() {
            self.db().execute(
                "INSERT INTO remit_provider_adjustments(remit, n, reason_code, reference, amount)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![remit, n as i64, p.reason, p.reference, p.amount.0],
            )?;
        }
        Ok(())
    }

    // ---- reading remittances ----

    /// A provider's remittances, newest first.
    pub fn remits_of_provider(&self, provider_id: &ProviderId) -> Result<Vec<RemitRow>> {
        self.db().query(
            &format!(
                "SELECT {RCOLS} FROM remits WHERE provider_id = ?1 ORDER BY cycle DESC, id DESC"
            ),
            params![provider_id],
            remit_row,
        )
    }

    pub fn remit_by_id(&self, remit_id: &str) -> Result<Option<RemitRow>> {
        self.db().query_opt(
            &format!("SELECT {RCOLS} FROM remits WHERE remit_id = ?1"),
            params![remit_id],
            remit_row,
        )
    }

    /// Claims of a remittance with seq after `after`, at most `limit`, in LX order.
    pub fn remit_claims_after(
        &self,
        remit: i64,
        after: i64,
        limit: i64,
    ) -> Result<Vec<RemitClaimRow>> {
        self.db().query(
            &format!(
                "SELECT rc.seq, c.icn, rc.status_code, rc.billed, rc.allowed, rc.paid,
                        rc.patient_resp, c.line_outcomes, {HEAD_COLS}
                 FROM remit_claims rc JOIN claims c ON c.id = rc.claim_id
                      LEFT JOIN members m ON m.health_id = c.member_id
                 WHERE rc.remit = ?1 AND rc.seq > ?2 ORDER BY rc.seq LIMIT ?3"
            ),
            params![remit, after, limit],
            |r| {
                Ok(RemitClaimRow {
                    seq: r.get(0)?,
                    icn: r.get(1)?,
                    status_code: r.get(2)?,
                    billed: r.get(3)?,
                    allowed: r.get(4)?,
                    paid: r.get(5)?,
                    patient_resp: r.get(6)?,
                    line_outcomes: r.get(7)?,
                    head: claim_head(r, 8)?,
                })
            },
        )
    }

    /// The priced lines of `claims` (a run of one remittance's claims read by
    /// [`Tx::remit_claims_after`]): `(seq, line)`, in seq and line order.
    pub fn remit_claim_lines_of(
        &self,
        remit: i64,
        claims: &[RemitClaimRow],
    ) -> Result<Vec<(i64, PricedLine)>> {
        let (Some(first), Some(last)) = (claims.first(), claims.last()) else {
            return Ok(Vec::new());
        };
        let lines: Vec<(i64, LineRow)> = self.db().query(
            "SELECT rc.seq, l.line_no, l.procedure_code, l.modifiers, l.date_of_service, l.units,
                    l.charge
             FROM remit_claims rc JOIN claim_lines l ON l.claim_id = rc.claim_id
             WHERE rc.remit = ?1 AND rc.seq BETWEEN ?2 AND ?3
             ORDER BY rc.seq, l.line_no",
            params![remit, first.seq, last.seq],
            |r| {
                Ok((
                    r.get(0)?,
                    LineRow {
                        line_no: r.get(1)?,
                        procedure_code: r.get(2)?,
                        modifiers: r.get(3)?,
                        date_of_service: r.get(4)?,
                        units: r.get(5)?,
                        charge: r.get(6)?,
                        status: ClaimStatus::Accepted,
                        allowed: None,
                        paid: None,
                        carc: None,
                    },
                ))
            },
        )?;
        let mut out = Vec::with_capacity(lines.len());
        let mut lines = lines.into_iter().peekable();
        let mut of_claim: Vec<LineRow> = Vec::new();
        for c in claims {
            of_claim.clear();
            while let Some((_, l)) = lines.next_if(|(seq, _)| *seq == c.seq) {
                of_claim.push(l);
            }
            apply_line_outcomes(c.icn.as_str(), c.line_outcomes.as_deref(), &mut of_claim)?;
            out.extend(of_claim.drain(..).map(|l| (c.seq, priced_line(l))));
        }
        Ok(out)
    }

    pub fn remit_provider_adjustments(&self, remit: i64) -> Result<Vec<ProviderAdjRow>> {
        self.db().query(
            "SELECT reason_code, reference, amount FROM remit_provider_adjustments
             WHERE remit = ?1 ORDER BY n",
            params![remit],
            |r| {
                Ok(ProviderAdjRow {
                    reason_code: r.get(0)?,
                    reference: r.get(1)?,
                    amount: r.get(2)?,
                })
            },
        )
    }

    /// The remittance that last carried a claim.
    pub fn last_remit_of_claim(&self, claim_id: i64) -> Result<Option<String>> {
        self.db().query_opt(
            "SELECT r.remit_id FROM remit_claims rc JOIN remits r ON r.id = rc.remit
             WHERE rc.claim_id = ?1 ORDER BY r.cycle DESC, r.id DESC LIMIT 1",
            params![claim_id],
            |r| r.get(0),
        )
    }
}

impl Tx<'_> {
    /// How many claims wait for the next payment cycle.
    pub fn pending_claim_count(&self) -> Result<i64> {
        self.db().value(
            "SELECT count(*) FROM claims WHERE status = 'accepted'",
            params![],
        )
    }
}
