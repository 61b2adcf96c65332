//! The fee schedule, claims with their lines and history, payment cycles, sequences.

use super::db::{Backend, Param, Row, RowResult, Val};
use super::Tx;
use crate::domain::claims::{ClaimStatus, Icn, PaNumber};
use crate::domain::ids::{Cents, HealthId, Npi, ProviderId};
use crate::error::Result;
use crate::params;
use chrono::{Datelike, NaiveDate};

/// A fee-schedule row as stored (amounts in cents).
#[derive(Debug, Clone)]
pub struct FeeRow {
    pub procedure_code: String,
    pub modifier: String,
    pub description: String,
    pub max_allowable: Cents,
    pub pa_required: bool,
}

/// A claim to store (already accepted by every edit).
#[derive(Debug, Clone)]
pub struct NewClaim<'a> {
    pub icn: &'a Icn,
    pub provider_id: &'a ProviderId,
    pub member_id: HealthId,
    pub billing_npi: &'a Npi,
    pub rendering_npi: &'a Npi,
    pub diagnosis_codes: &'a str,
    pub place_of_service: &'a str,
    pub prior_auth_number: Option<&'a PaNumber>,
    pub patient_control_number: Option<&'a str>,
    pub source: &'a str,
    pub received_on: NaiveDate,
    pub billed: Cents,
    pub first_dos: NaiveDate,
    pub last_dos: NaiveDate,
    pub created_at: &'a str,
    pub created_by: &'a str,
}

#[derive(Debug, Clone)]
pub struct NewLine<'a> {
    pub procedure_code: &'a str,
    pub modifiers: String,
    pub date_of_service: NaiveDate,
    pub units: i64,
    pub charge: Cents,
}

#[derive(Debug, Clone)]
pub struct ClaimRow {
    pub id: i64,
    pub icn: Icn,
    pub provider_id: ProviderId,
    pub member_id: HealthId,
    pub billing_npi: Npi,
    pub rendering_npi: Npi,
    pub diagnosis_codes: String,
    pub place_of_service: String,
    pub prior_auth_number: Option<PaNumber>,
    pub patient_control_number: Option<String>,
    pub source: String,
    pub received_on: NaiveDate,
    pub status: ClaimStatus,
    pub billed: Cents,
    pub allowed: Cents,
    pub paid_amount: Cents,
    pub first_dos: NaiveDate,
    pub last_dos: NaiveDate,
    pub paid_cycle: Option<i64>,
    pub recoup_pending: bool,
    pub recoup_cycle: Option<i64>,
    /// CLM05-3: '1' original, '7' replacement.
    pub frequency: String,
    /// The claim a replacement replaces.
    pub replaces_claim_id: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct LineRow {
    pub line_no: i64,
    pub procedure_code: String,
    pub modifiers: String,
    pub date_of_service: NaiveDate,
    pub units: i64,
    pub charge: Cents,
    /// `accepted` until its claim is priced, then `paid` or `denied`.
    pub status: ClaimStatus,
    pub allowed: Option<Cents>,
    pub paid: Option<Cents>,
    pub carc: Option<String>,
}

#[derive(Debug, Clone)]
pub struct HistoryRow {
    pub on_date: NaiveDate,
    pub at: String,
    pub status: ClaimStatus,
    pub category_code: String,
    pub actor: String,
    pub note: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct ClaimFilter {
    pub provider_id: Option<ProviderId>,
    pub member_id: Option<HealthId>,
    pub status: Option<ClaimStatus>,
    /// Claims with a date of service on or after this date.
    pub from: Option<NaiveDate>,
    /// Claims with a date of service on or before this date.
    pub to: Option<NaiveDate>,
}

/// A line of an accepted claim, for adjudication.
#[derive(Debug, Clone)]
pub struct PendingLine {
    pub claim_id: i64,
    pub line_no: i64,
    pub procedure_code: String,
    pub modifiers: String,
    pub units: i64,
    pub charge: Cents,
}

/// A priced line's outcome, as a payment cycle records it on its claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineOutcomeRow<'a> {
    /// Paid what is allowed.
    Paid(Cents),
    /// Denied with this CARC.
    Denied(&'a str),
}

/// Writes a claim's line outcomes as the `claims.line_outcomes` column holds them (migration
/// 011): one token per line in line order, single spaces between — the allowed cents of a paid
/// line, `D` and the CARC of a denied one.
pub fn push_line_outcome(out: &mut String, o: LineOutcomeRow<'_>) {
    use std::fmt::Write;
    if !out.is_empty() {
        out.push(' ');
    }
    match o {
        LineOutcomeRow::Paid(c) => {
            let _ = write!(out, "{}", c.0);
        }
        LineOutcomeRow::Denied(carc) => {
            out.push('D');
            out.push_str(carc);
        }
    }
}

/// Reads `claims.line_outcomes` back into the claim's lines (in line order): their status,
/// allowed, paid and CARC. No outcomes: the lines are `accepted`. A token that is not an
/// amount or `D` and a CARC, or a count that is not the lines', is a store that was changed
/// behind mmis's back: refused (exit 7) naming the claim, not read as something else.
pub fn apply_line_outcomes(icn: &str, outcomes: Option<&str>, lines: &mut [LineRow]) -> Result<()> {
    let bad = || {
        crate::error::Error::conflict(format!(
            "claim {icn}: its stored line outcomes do not match its lines; the store was \
             changed outside mmis"
        ))
        .hint("restore the store from a backup (docs/store.md) and run `mmis audit verify`")
    };
    let Some(text) = outcomes else {
        for l in lines.iter_mut() {
            l.status = ClaimStatus::Accepted;
            l.allowed = None;
            l.paid = None;
            l.carc = None;
        }
        return Ok(());
    };
    let mut tokens = text.split(' ');
    for l in lines.iter_mut() {
        match parse_line_outcome(tokens.next().ok_or_else(bad)?).ok_or_else(bad)? {
            LineOutcomeRow::Paid(c) => {
                l.status = ClaimStatus::Paid;
                l.allowed = Some(c);
                l.paid = Some(c);
                l.carc = None;
            }
            LineOutcomeRow::Denied(carc) => {
                l.status = ClaimStatus::Denied;
                l.allowed = Some(Cents(0));
                l.paid = Some(Cents(0));
                l.carc = Some(carc.to_string());
            }
        }
    }
    if tokens.next().is_some() {
        return Err(bad());
    }
    Ok(())
}

/// One token of `claims.line_outcomes`; `None` if it is neither a paid amount (digits, within
/// [`Cents::MAX`]) nor `D` and a CARC (1 to 5 letters and digits).
fn parse_line_outcome(t: &str) -> Option<LineOutcomeRow<'_>> {
    if let Some(carc) = t.strip_prefix('D') {
        let ok = (1..=5).contains(&carc.len()) && carc.bytes().all(|b| b.is_ascii_alphanumeric());
        return ok.then_some(LineOutcomeRow::Denied(carc));
    }
    if t.is_empty() || t.len() > 19 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let c: i64 = t.parse().ok()?;
    (c <= Cents::MAX.0).then_some(LineOutcomeRow::Paid(Cents(c)))
}

#[derive(Debug, Clone)]
pub struct CycleRow {
    pub id: i64,
    pub run_on: NaiveDate,
    pub paid_claims: i64,
    pub denied_claims: i64,
    pub paid_amount: Cents,
    pub recouped_claims: i64,
    pub recouped: Cents,
}

const CCOLS: &str = "id, icn, provider_id, member_id, billing_npi, rendering_npi, diagnosis_codes,
    place_of_service, prior_auth_number, patient_control_number, source, received_on, status,
    billed, allowed, paid_amount, first_dos, last_dos, paid_cycle, recoup_pending, recoup_cycle,
    frequency, replaces_claim_id";

fn crow(r: &Row<'_>) -> RowResult<ClaimRow> {
    Ok(ClaimRow {
        id: r.get(0)?,
        icn: r.get(1)?,
        provider_id: r.get(2)?,
        member_id: r.get(3)?,
        billing_npi: r.get(4)?,
        rendering_npi: r.get(5)?,
        diagnosis_codes: r.get(6)?,
        place_of_service: r.get(7)?,
        prior_auth_number: r.get(8)?,
        patient_control_number: r.get(9)?,
        source: r.get(10)?,
        received_on: r.get(11)?,
        status: r.get(12)?,
        billed: r.get(13)?,
        allowed: r.get(14)?,
        paid_amount: r.get(15)?,
        first_dos: r.get(16)?,
        last_dos: r.get(17)?,
        paid_cycle: r.get(18)?,
        recoup_pending: r.get::<i64>(19)? != 0,
        recoup_cycle: r.get(20)?,
        frequency: r.get(21)?,
        replaces_claim_id: r.get(22)?,
    })
}

impl Tx<'_> {
    // ---- sequences ----

    /// The next value of a named counter (1, 2, ...).
    ///
    /// The counter this transaction took from last is remembered: the next number of it
    /// is then one plain `UPDATE` (the upsert's `RETURNING` would make SQLite copy the
    /// page it changes to a statement journal first, for each of a batch's claims).
    pub fn next_sequence(&self, name: &str) -> Result<i64> {
        let known = match &self.memo.borrow().sequence {
            Some((n, last)) if n == name => Some(*last),
            _ => None,
        };
        let next = match known {
            Some(last) => {
                let next = last.checked_add(1).ok_or_else(|| {
                    crate::error::Error::internal(format!("the counter {name} is used up"))
                })?;
                self.db().execute(
                    "UPDATE sequences SET last = ?2 WHERE name = ?1",
                    params![name, next],
                )?;
                next
            }
            None => self.db().value(
                "INSERT INTO sequences(name, last) VALUES (?1, 1)
                 ON CONFLICT(name) DO UPDATE SET last = sequences.last + 1
                 RETURNING last",
                params![name],
            )?,
        };
        match &mut self.memo.borrow_mut().sequence {
            Some((n, last)) if n == name => *last = next,
            other => *other = Some((name.to_string(), next)),
        }
        Ok(next)
    }

    // ---- fee schedule ----

    /// Inserts or replaces rows (by code + modifier); returns how many were new.
    pub fn upsert_fees(&self, rows: &[FeeRow]) -> Result<usize> {
        let mut added = 0;
        for f in rows {
            let had: bool = self.db().value(
                "SELECT EXISTS(SELECT 1 FROM fee_schedule WHERE procedure_code = ?1 AND modifier = ?2)",
                params![f.procedure_code, f.modifier],
            )?;
            if !had {
                added += 1;
            }
            self.db().execute(
                "INSERT INTO fee_schedule(procedure_code, modifier, description, max_allowable, pa_required)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(procedure_code, modifier) DO UPDATE SET
                   description = excluded.description,
                   max_allowable = excluded.max_allowable,
                   pa_required = excluded.pa_required",
                params![
                    f.procedure_code,
                    f.modifier,
                    f.description,
                    f.max_allowable,
                    f.pa_required as i64
                ],
            )?;
        }
        Ok(added)
    }

    pub fn fee_schedule(&self) -> Result<Vec<FeeRow>> {
        self.db().query(
            "SELECT procedure_code, modifier, description, max_allowable, pa_required
             FROM fee_schedule ORDER BY procedure_code, modifier",
            params![],
            fee_row,
        )
    }

    /// The fee-schedule rows of one code (every modifier).
    pub fn fees_for_code(&self, code: &str) -> Result<Vec<FeeRow>> {
        self.db().query(
            "SELECT procedure_code, modifier, description, max_allowable, pa_required
             FROM fee_schedule WHERE procedure_code = ?1",
            params![code],
            fee_row,
        )
    }

    // ---- claims ----

    pub fn insert_claim(&self, c: &NewClaim<'_>, lines: &[NewLine<'_>]) -> Result<i64> {
        let id: i64 = self.db().insert_id(
            "INSERT INTO claims(icn, provider_id, member_id, billing_npi, rendering_npi,
                diagnosis_codes, place_of_service, prior_auth_number, patient_control_number,
                source, received_on, status, billed, first_dos, last_dos, created_at, created_by)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'accepted', ?12, ?13, ?14, ?15, ?16)
             RETURNING id",
            params![
                c.icn,
                c.provider_id,
                c.member_id,
                c.billing_npi,
                c.rendering_npi,
                c.diagnosis_codes,
                c.place_of_service,
                c.prior_auth_number,
                c.patient_control_number,
                c.source,
                c.received_on,
                c.billed,
                c.first_dos,
                c.last_dos,
                c.created_at,
                c.created_by
            ],
        )?;
        for (i, l) in lines.iter().enumerate() {
            self.db().execute(
                "INSERT INTO claim_lines(claim_id, line_no, procedure_code, modifiers, date_of_service, units, charge)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    id,
                    (i + 1) as i64,
                    l.procedure_code,
                    l.modifiers,
                    l.date_of_service,
                    l.units,
                    l.charge
                ],
            )?;
        }
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn add_claim_history(
        &self,
        claim_id: i64,
        on_date: NaiveDate,
        at: &str,
        status: ClaimStatus,
        actor: &str,
        note: Option<&str>,
    ) -> Result<()> {
        self.db().execute(
            "INSERT INTO claim_history(claim_id, on_date, at, status, category_code, actor, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                claim_id,
                on_date,
                at,
                status,
                status.category_code(),
                actor,
                note
            ],
        )?;
        Ok(())
    }

    /// An earlier live (accepted or paid) claim of this provider for the same member,
    /// code and date of service.
    pub fn duplicate_claim(
        &self,
        provider_id: &ProviderId,
        member_id: HealthId,
        code: &str,
        dos: NaiveDate,
    ) -> Result<Option<Icn>> {
        self.db().query_opt(
            "SELECT c.icn FROM claims c JOIN claim_lines l ON l.claim_id = c.id
             WHERE c.member_id = ?1 AND c.provider_id = ?2 AND l.procedure_code = ?3
               AND l.date_of_service = ?4 AND c.status IN ('accepted', 'paid')
             ORDER BY c.id LIMIT 1",
            params![member_id, provider_id, code, dos],
            |r| r.get(0),
        )
    }

    /// The first `limit` live (accepted or paid) claims of this provider for the same
    /// member, code and date of service, earliest first (ICNs).
    pub fn duplicate_claims(
        &self,
        provider_id: &ProviderId,
        member_id: HealthId,
        code: &str,
        dos: NaiveDate,
        limit: i64,
    ) -> Result<Vec<Icn>> {
        self.db().query(
            "SELECT c.icn FROM claims c
             WHERE c.member_id = ?1 AND c.provider_id = ?2 AND c.status IN ('accepted', 'paid')
               AND EXISTS(SELECT 1 FROM claim_lines l WHERE l.claim_id = c.id
                          AND l.procedure_code = ?3 AND l.date_of_service = ?4)
             ORDER BY c.id LIMIT ?5",
            params![member_id, provider_id, code, dos, limit],
            |r| r.get(0),
        )
    }

    /// Every claim of this provider for this member, in the order received (the
    /// `claims_member` index: the claim status inquiries of a 276 ask member by member).
    pub fn claims_of_member(
        &self,
        provider_id: &ProviderId,
        member_id: HealthId,
    ) -> Result<Vec<ClaimRow>> {
        self.db().query(
            &format!(
                "SELECT {CCOLS} FROM claims WHERE member_id = ?1 AND provider_id = ?2 ORDER BY id"
            ),
            params![member_id, provider_id],
            crow,
        )
    }

    pub fn claim_by_icn(&self, icn: &Icn) -> Result<Option<ClaimRow>> {
        self.db().query_opt(
            &format!("SELECT {CCOLS} FROM claims WHERE icn = ?1"),
            params![icn],
            crow,
        )
    }

    /// A claim's lines in line order, with their outcomes once the claim is priced.
    pub fn claim_lines(&self, claim_id: i64) -> Result<Vec<LineRow>> {
        let mut lines = self.db().query(
            "SELECT line_no, procedure_code, modifiers, date_of_service, units, charge
             FROM claim_lines WHERE claim_id = ?1 ORDER BY line_no",
            params![claim_id],
            |r| {
                Ok(LineRow {
                    line_no: r.get(0)?,
                    procedure_code: r.get(1)?,
                    modifiers: r.get(2)?,
                    date_of_service: r.get(3)?,
                    units: r.get(4)?,
                    charge: r.get(5)?,
                    status: ClaimStatus::Accepted,
                    allowed: None,
                    paid: None,
                    carc: None,
                })
            },
        )?;
        let claim: Option<(Icn, Option<String>)> = self.db().query_opt(
            "SELECT icn, line_outcomes FROM claims WHERE id = ?1",
            params![claim_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if let Some((icn, outcomes)) = claim {
            apply_line_outcomes(icn.as_str(), outcomes.as_deref(), &mut lines)?;
        }
        Ok(lines)
    }

    pub fn claim_history(&self, claim_id: i64) -> Result<Vec<HistoryRow>> {
        self.db().query(
            "SELECT on_date, at, status, category_code, actor, note
             FROM claim_history WHERE claim_id = ?1 ORDER BY id",
            params![claim_id],
            |r| {
                Ok(HistoryRow {
                    on_date: r.get(0)?,
                    at: r.get(1)?,
                    status: r.get(2)?,
                    category_code: r.get(3)?,
                    actor: r.get(4)?,
                    note: r.get(5)?,
                })
            },
        )
    }

    pub fn claims_search(&self, f: &ClaimFilter) -> Result<Vec<ClaimRow>> {
        self.db().query(
            &format!(
                "SELECT {CCOLS} FROM claims
                 WHERE (CAST(?1 AS TEXT) IS NULL OR provider_id = ?1)
                   AND (CAST(?2 AS TEXT) IS NULL OR member_id = ?2)
                   AND (CAST(?3 AS TEXT) IS NULL OR status = ?3)
                   AND (CAST(?4 AS TEXT) IS NULL OR last_dos >= ?4)
                   AND (CAST(?5 AS TEXT) IS NULL OR first_dos <= ?5)
                 ORDER BY id"
            ),
            params![f.provider_id, f.member_id, f.status, f.from, f.to],
            crow,
        )
    }

    /// Marks a stored claim as the replacement (CLM05-3 = 7) of another.
    pub fn mark_replacement(&self, claim_id: i64, replaces_claim_id: i64) -> Result<()> {
        self.db().execute(
            "UPDATE claims SET frequency = '7', replaces_claim_id = ?2 WHERE id = ?1",
            params![claim_id, replaces_claim_id],
        )?;
        Ok(())
    }

    /// The ICN of the claim that replaced this one, if one did.
    pub fn replaced_by(&self, claim_id: i64) -> Result<Option<Icn>> {
        self.db().query_opt(
            "SELECT icn FROM claims WHERE replaces_claim_id = ?1 ORDER BY id LIMIT 1",
            params![claim_id],
            |r| r.get(0),
        )
    }

    /// Voids a claim: a paid one waits for recoupment in the next cycle.
    pub fn void_claim(&self, claim_id: i64, recoup: bool) -> Result<()> {
        self.db().execute(
            "UPDATE claims SET status = 'voided', recoup_pending = ?2 WHERE id = ?1",
            params![claim_id, recoup as i64],
        )?;
        Ok(())
    }

    // ---- adjudication ----

    /// Every line of every accepted claim, in claim order.
    pub fn pending_lines(&self) -> Result<Vec<PendingLine>> {
        self.db().query(
            "SELECT l.claim_id, l.line_no, l.procedure_code, l.modifiers, l.units, l.charge
             FROM claims c JOIN claim_lines l ON l.claim_id = c.id
             WHERE c.status = 'accepted' ORDER BY l.claim_id, l.line_no",
            params![],
            |r| {
                Ok(PendingLine {
                    claim_id: r.get(0)?,
                    line_no: r.get(1)?,
                    procedure_code: r.get(2)?,
                    modifiers: r.get(3)?,
                    units: r.get(4)?,
                    charge: r.get(5)?,
                })
            },
        )
    }

    pub fn start_cycle(&self, run_on: NaiveDate, run_at: &str, run_by: &str) -> Result<i64> {
        self.db().value(
            "INSERT INTO payment_cycles(run_on, run_at, run_by) VALUES (?1, ?2, ?3) RETURNING id",
            params![run_on, run_at, run_by],
        )
    }

    /// Voided claims whose payment is still to be taken back: (id, paid amount).
    pub fn recoup_pending(&self) -> Result<Vec<(i64, Cents)>> {
        self.db().query(
            "SELECT id, paid_amount FROM claims WHERE recoup_pending = 1 ORDER BY id",
            params![],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
    }

    pub fn close_cycle(&self, c: &CycleRow) -> Result<()> {
        self.db().execute(
            "UPDATE payment_cycles SET paid_claims = ?2, denied_claims = ?3, paid_amount = ?4,
                recouped_claims = ?5, recouped = ?6 WHERE id = ?1",
            params![
                c.id,
                c.paid_claims,
                c.denied_claims,
                c.paid_amount,
                c.recouped_claims,
                c.recouped
            ],
        )?;
        Ok(())
    }

    /// ICN and id of a claim by id (for history notes).
    pub fn claim_icn(&self, claim_id: i64) -> Result<Option<Icn>> {
        self.db().query_opt(
            "SELECT icn FROM claims WHERE id = ?1",
            params![claim_id],
            |r| r.get(0),
        )
    }
}

fn fee_row(r: &Row<'_>) -> RowResult<FeeRow> {
    Ok(FeeRow {
        procedure_code: r.get(0)?,
        modifier: r.get(1)?,
        description: r.get(2)?,
        max_allowable: r.get(3)?,
        pa_required: r.get::<i64>(4)? != 0,
    })
}

impl Tx<'_> {
    /// The provider's ICNs starting with `prefix`, in order, at most `limit` (completion).
    pub fn icns_starting(
        &self,
        provider_id: &ProviderId,
        prefix: &str,
        limit: i64,
    ) -> Result<Vec<Icn>> {
        self.db().query(
            "SELECT icn FROM claims WHERE provider_id = ?1 AND icn LIKE ?2 ESCAPE '\\'
             ORDER BY icn LIMIT ?3",
            params![provider_id, super::like_prefix(prefix), limit],
            |r| r.get(0),
        )
    }

    /// Every line of the provider's live (accepted or paid) claims for a member, as
    /// (ICN, procedure code, date of service), earliest claim first: what
    /// [`Tx::duplicate_claim`] looks through, read once for the claims of a batch.
    pub fn live_claim_lines(
        &self,
        provider_id: &ProviderId,
        member_id: HealthId,
    ) -> Result<Vec<(Icn, String, NaiveDate)>> {
        self.db().query(
            "SELECT c.icn, l.procedure_code, l.date_of_service
             FROM claims c JOIN claim_lines l ON l.claim_id = c.id
             WHERE c.member_id = ?1 AND c.provider_id = ?2 AND c.status IN ('accepted', 'paid')
             ORDER BY c.id, l.line_no",
            params![member_id, provider_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
    }
}

/// Column values held for multi-row `INSERT`s, their text in one buffer (no allocation
/// per value).
#[derive(Default)]
struct Held {
    text: String,
    cells: Vec<HeldCell>,
}

#[derive(Clone, Copy)]
enum HeldCell {
    Null,
    Int(i64),
    Text(usize, usize),
}

impl Held {
    fn int(&mut self, v: i64) {
        self.cells.push(HeldCell::Int(v));
    }
    fn text(&mut self, t: &str) {
        let at = self.text.len();
        self.text.push_str(t);
        self.cells.push(HeldCell::Text(at, self.text.len()));
    }
    /// A date as the store keeps it (`YYYY-MM-DD`), written into the buffer digit by digit.
    fn date(&mut self, d: NaiveDate) {
        let at = self.text.len();
        push_date(&mut self.text, d);
        self.cells.push(HeldCell::Text(at, self.text.len()));
    }
    fn opt(&mut self, t: Option<&str>) {
        match t {
            Some(t) => self.text(t),
            None => self.cells.push(HeldCell::Null),
        }
    }
    fn val(&self, c: HeldCell) -> Val<'_> {
        match c {
            HeldCell::Null => Val::Null,
            HeldCell::Int(v) => Val::Int(v),
            HeldCell::Text(a, b) => Val::Text(self.text.get(a..b).unwrap_or_default()),
        }
    }
    fn clear(&mut self) {
        self.text.clear();
        self.cells.clear();
    }
}

/// Appends `d` as `YYYY-MM-DD` (what [`super::db::date_text`] makes, without a format
/// parser or an allocation).
fn push_date(out: &mut String, d: NaiveDate) {
    let y = d.year();
    if !(0..=9999).contains(&y) {
        out.push_str(&super::db::date_text(d));
        return;
    }
    let y = y as u32;
    let digits = [
        y / 1000,
        y / 100 % 10,
        y / 10 % 10,
        y % 10,
        10,
        d.month() / 10,
        d.month() % 10,
        10,
        d.day() / 10,
        d.day() % 10,
    ];
    for n in digits {
        out.push(if n == 10 {
            '-'
        } else {
            char::from(b'0' + n as u8)
        });
    }
}

/// Claims a batch holds before writing them, at most this many.
const HELD_CLAIMS: usize = 128;
/// Rows of one multi-row `INSERT`, at most (a remainder goes in powers of two, so that
/// few distinct statements are prepared).
const ROWS_PER_INSERT: usize = 128;

const CLAIM_COLS: usize = 18;
const LINE_COLS: usize = 7;
const HISTORY_COLS: usize = 7;

/// Accepted claims of a batch, held and written several to a statement ([`Tx::hold_claim`]):
/// on SQLite a one-row `INSERT` costs most of its time in starting and ending the statement
/// (opening a cursor on the table and each of its seven indexes, building the `IN` lists of
/// its `CHECK`s), which a multi-row `INSERT` pays once for many claims. Each claim's row id
/// is given when it is held (the batch's transaction holds the write lock: the ids after
/// the highest are free), and [`ClaimWriter::flush`] writes what is held: before anything
/// reads claims, and before the batch ends. On PostgreSQL each claim is written at once.
#[derive(Default)]
pub struct ClaimWriter {
    next_id: Option<i64>,
    claims: Held,
    lines: Held,
    history: Held,
}

/// The history entry of a claim held by a [`ClaimWriter`].
pub struct NewHistory<'a> {
    pub on_date: NaiveDate,
    pub at: &'a str,
    /// Its 277 category code goes beside it.
    pub status: ClaimStatus,
    pub actor: &'a str,
    pub note: Option<&'a str>,
}

impl ClaimWriter {
    /// Whether a claim of this member (Oregon Health ID) is held, not yet written.
    pub fn holds_member(&self, member_id: HealthId) -> bool {
        self.claims
            .cells
            .iter()
            .skip(3)
            .step_by(CLAIM_COLS)
            .any(|c| matches!(self.claims.val(*c), Val::Text(t) if t == member_id.as_str()))
    }

    fn held(&self) -> usize {
        self.claims.cells.len() / CLAIM_COLS
    }

    /// Writes the claims held, their lines and their history.
    pub fn flush(&mut self, tx: &Tx<'_>) -> Result<()> {
        if self.claims.cells.is_empty() {
            return Ok(());
        }
        insert_held(
            tx,
            "INSERT INTO claims(id, icn, provider_id, member_id, billing_npi, rendering_npi,
                diagnosis_codes, place_of_service, prior_auth_number, patient_control_number,
                source, received_on, status, billed, first_dos, last_dos, created_at, created_by) VALUES ",
            CLAIM_COLS,
            &self.claims,
        )?;
        insert_held(
            tx,
            "INSERT INTO claim_lines(claim_id, line_no, procedure_code, modifiers, date_of_service, units, charge) VALUES ",
            LINE_COLS,
            &self.lines,
        )?;
        insert_held(
            tx,
            "INSERT INTO claim_history(claim_id, on_date, at, status, category_code, actor, note) VALUES ",
            HISTORY_COLS,
            &self.history,
        )?;
        self.claims.clear();
        self.lines.clear();
        self.history.clear();
        Ok(())
    }
}

/// `head` followed by the held rows of `width` columns, [`ROWS_PER_INSERT`] at most a
/// statement.
fn insert_held(tx: &Tx<'_>, head: &str, width: usize, held: &Held) -> Result<()> {
    let group = format!("({}?)", "?, ".repeat(width - 1));
    let vals: Vec<Val<'_>> = held.cells.iter().map(|c| held.val(*c)).collect();
    let mut rest = &vals[..];
    let mut sql = String::new();
    while !rest.is_empty() {
        let rows = rest.len() / width;
        let take = if rows >= ROWS_PER_INSERT {
            ROWS_PER_INSERT
        } else {
            1 << rows.max(1).ilog2()
        };
        let (chunk, tail) = rest.split_at((take * width).min(rest.len()));
        rest = tail;
        sql.clear();
        sql.push_str(head);
        for i in 0..take {
            if i > 0 {
                sql.push_str(", ");
            }
            sql.push_str(&group);
        }
        let params: Vec<&dyn Param> = chunk.iter().map(|v| v as &dyn Param).collect();
        tx.db().execute(&sql, &params)?;
    }
    Ok(())
}

impl Tx<'_> {
    /// Stores an accepted claim, its lines and its history entry through `w` (see
    /// [`ClaimWriter`]): held on SQLite, written at once on PostgreSQL. Returns its row id.
    pub fn hold_claim(
        &self,
        w: &mut ClaimWriter,
        c: &NewClaim<'_>,
        lines: &[NewLine<'_>],
        h: &NewHistory<'_>,
    ) -> Result<i64> {
        if self.db().backend() == Backend::Postgres {
            let id = self.insert_claim(c, lines)?;
            self.add_claim_history(id, h.on_date, h.at, h.status, h.actor, h.note)?;
            return Ok(id);
        }
        let id = match w.next_id {
            Some(id) => id,
            None => {
                let top: i64 = self
                    .db()
                    .value("SELECT COALESCE(MAX(id), 0) FROM claims", params![])?;
                top.checked_add(1).ok_or_else(|| {
                    crate::error::Error::internal("the claims table has no row id left")
                })?
            }
        };
        w.next_id = id.checked_add(1);
        let k = &mut w.claims;
        k.int(id);
        for t in [
            c.icn.as_str(),
            c.provider_id.as_str(),
            c.member_id.as_str(),
            c.billing_npi.as_str(),
            c.rendering_npi.as_str(),
            c.diagnosis_codes,
            c.place_of_service,
        ] {
            k.text(t);
        }
        k.opt(c.prior_auth_number.map(PaNumber::as_str));
        k.opt(c.patient_control_number);
        k.text(c.source);
        k.date(c.received_on);
        k.text(ClaimStatus::Accepted.as_str());
        k.int(c.billed.0);
        k.date(c.first_dos);
        k.date(c.last_dos);
        k.text(c.created_at);
        k.text(c.created_by);
        for (i, l) in lines.iter().enumerate() {
            let n = &mut w.lines;
            n.int(id);
            n.int(i64::try_from(i + 1).unwrap_or(i64::MAX));
            n.text(l.procedure_code);
            n.text(&l.modifiers);
            n.date(l.date_of_service);
            n.int(l.units);
            n.int(l.charge.0);
        }
        let hs = &mut w.history;
        hs.int(id);
        hs.date(h.on_date);
        for t in [h.at, h.status.as_str(), h.status.category_code(), h.actor] {
            hs.text(t);
        }
        hs.opt(h.note);
        if w.held() >= HELD_CLAIMS {
            w.flush(self)?;
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: i64) -> LineRow {
        LineRow {
            line_no: n,
            procedure_code: "90837".into(),
            modifiers: String::new(),
            date_of_service: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            units: 1,
            charge: Cents(18_000),
            status: ClaimStatus::Accepted,
            allowed: None,
            paid: None,
            carc: None,
        }
    }

    #[test]
    fn line_outcomes_read_back_as_written() {
        let mut text = String::new();
        for o in [
            LineOutcomeRow::Paid(Cents(15_012)),
            LineOutcomeRow::Denied("96"),
            LineOutcomeRow::Paid(Cents(0)),
            LineOutcomeRow::Paid(Cents::MAX),
        ] {
            push_line_outcome(&mut text, o);
        }
        assert_eq!(text, "15012 D96 0 9999999999");
        let mut lines: Vec<LineRow> = (1..=4).map(line).collect();
        apply_line_outcomes("I1", Some(&text), &mut lines).unwrap();
        let got: Vec<_> = lines
            .iter()
            .map(|l| (l.status, l.allowed, l.paid, l.carc.as_deref()))
            .collect();
        let (paid, denied) = (ClaimStatus::Paid, ClaimStatus::Denied);
        let c = |v| Some(Cents(v));
        assert_eq!(
            got,
            [
                (paid, c(15_012), c(15_012), None),
                (denied, c(0), c(0), Some("96")),
                (paid, c(0), c(0), None),
                (paid, Some(Cents::MAX), Some(Cents::MAX), None),
            ]
        );
        apply_line_outcomes("I1", None, &mut lines).unwrap();
        assert!(lines
            .iter()
            .all(|l| l.status == ClaimStatus::Accepted && l.paid.is_none() && l.carc.is_none()));
    }

    #[test]
    fn held_dates_are_written_as_the_store_keeps_them() {
        for (y, m, d) in [
            (2026, 3, 2),
            (987, 1, 5),
            (9999, 12, 31),
            (0, 1, 1),
            (2024, 2, 29),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let mut out = String::from("x");
            push_date(&mut out, day);
            assert_eq!(out, format!("x{}", super::super::db::date_text(day)));
        }
    }

    #[test]
    fn forged_line_outcomes_are_refused() {
        for bad in [
            "",
            "1",
            "1 2 3",
            "x",
            "-5",
            "+5",
            "1  2",
            " 1",
            "D",
            "D123456",
            "D9-6",
            "10000000000",
            "1.50",
            "1e3",
        ] {
            let mut lines: Vec<LineRow> = (1..=2).map(line).collect();
            let e = apply_line_outcomes("I7", Some(bad), &mut lines);
            let e = e.expect_err(bad);
            assert_eq!(e.kind.exit_code(), 7, "{bad}");
            assert!(e.message.contains("claim I7"), "{bad}: {}", e.message);
        }
    }
}
