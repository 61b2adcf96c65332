//! Loading what the submission edits read, and storing an accepted claim. The edits
//! themselves are pure rules in [`crate::domain::edits`]: this module loads their facts
//! from the store (once per claim, or remembered across a batch: [`Reads`]), calls them,
//! and stores what passed.

use crate::domain::claims::{ClaimInput, ClaimStatus, ClaimType, Fee, FeeSchedule, Icn, LineInput};
use crate::domain::edits::{check, provider_rule, unknown_member, Enrolled, Facts, PaFacts};
pub use crate::domain::edits::{Passed, Refusal};
use crate::domain::eligibility::Span;
use crate::domain::ids::{HealthId, Npi, ProviderId};
use crate::error::{Error, Result};
use crate::store::claims::{ClaimWriter, FeeRow, NewClaim, NewHistory, NewLine};
use crate::store::pa::PaRow;
use crate::store::ProviderRow;
use crate::store::Tx;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Runs the edits in order: billing provider, member, dates, eligibility and lane,
/// benefit plan, duplicate, prior authorization. Store errors come back as `Err`.
pub fn run(
    tx: &Tx<'_>,
    provider_id: &ProviderId,
    today: NaiveDate,
    claim: &ClaimInput,
) -> Result<std::result::Result<Passed, Refusal>> {
    run_with(tx, &mut Reads::direct(), provider_id, today, claim)
}

/// What the edits read from the store, asked of it each time ([`Reads::direct`]: one
/// claim) or remembered across the claims of a batch ([`Reads::remembering`]). A batch
/// changes none of what is remembered but the members' live claims, which [`Reads::took`]
/// keeps up to date: so a batch's claim costs lookups in memory, not a dozen queries, and
/// each edit still says what it would say with the store asked. Each kind of thing
/// remembered is forgotten at once past a few thousand (and read again when needed), so
/// a batch of many members holds no more than that.
#[derive(Default)]
pub struct Reads {
    remember: bool,
    /// At most this many items of a kind ([`REMEMBERED`]) and claim lines
    /// ([`REMEMBERED_LINES`]) are remembered.
    items_cap: usize,
    lines_cap: usize,
    /// Providers by NPI.
    providers: HashMap<String, Option<ProviderRow>>,
    /// Members' ids by Oregon Health ID (`None`: no such member).
    members: HashMap<String, Option<i64>>,
    /// Members' coverage spans by member id.
    spans: HashMap<i64, Rc<Vec<Span>>>,
    /// Fee-schedule rows by procedure code.
    fees: HashMap<String, Rc<Vec<FeeRow>>>,
    /// The provider whose claims `live` holds.
    live_provider: String,
    /// By member: the ICN of the earliest live claim with each (procedure code, date of
    /// service) among its lines.
    live: HashMap<HealthId, HashMap<(String, NaiveDate), Icn>>,
    /// The (procedure code, date of service) pairs in `live`.
    live_lines: usize,
    /// Members with more live claim lines than are remembered.
    crowded: HashSet<HealthId>,
    /// The batch's accepted claims not yet written ([`accept_held`]); written before the
    /// store is asked about their member's claims, or about claims at all
    /// ([`Reads::flush`]).
    writer: ClaimWriter,
}

/// Past this many remembered items of a kind, a [`Reads`] forgets that kind and starts over.
const REMEMBERED: usize = 4096;
/// Past this many remembered claim lines, a [`Reads`] forgets every member's live claims.
const REMEMBERED_LINES: usize = 16_384;

impl Reads {
    /// Writes the accepted claims held: a batch calls it before it ends, and before
    /// anything reads claims from the store.
    pub fn flush(&mut self, tx: &Tx<'_>) -> Result<()> {
        self.writer.flush(tx)
    }

    /// Asks the store each time.
    pub fn direct() -> Reads {
        Reads::default()
    }

    /// Remembers what the store said, for the claims of one batch (one transaction).
    pub fn remembering() -> Reads {
        Reads::remembering_at_most(REMEMBERED, REMEMBERED_LINES)
    }

    /// [`Reads::remembering`] at most `items` items of a kind and `lines` claim lines.
    pub fn remembering_at_most(items: usize, lines: usize) -> Reads {
        Reads {
            remember: true,
            items_cap: items,
            lines_cap: lines,
            ..Reads::default()
        }
    }

    fn provider(&mut self, tx: &Tx<'_>, npi: &Npi) -> Result<Option<ProviderRow>> {
        if let Some(p) = self.providers.get(npi.as_str()) {
            return Ok(p.clone());
        }
        let p = tx.provider_by_npi(npi)?;
        if self.remember {
            forget_past(&mut self.providers, self.items_cap);
            self.providers.insert(npi.to_string(), p.clone());
        }
        Ok(p)
    }

    /// The member's id; `None` when there is no such member.
    fn member(&mut self, tx: &Tx<'_>, hid: &HealthId) -> Result<Option<i64>> {
        if let Some(m) = self.members.get(hid.as_str()) {
            return Ok(*m);
        }
        let m = tx.member_by_health_id(hid)?.map(|m| m.id);
        if self.remember {
            forget_past(&mut self.members, self.items_cap);
            self.members.insert(hid.to_string(), m);
        }
        Ok(m)
    }

    /// The member's coverage spans.
    fn spans(&mut self, tx: &Tx<'_>, member_id: i64) -> Result<Rc<Vec<Span>>> {
        if let Some(s) = self.spans.get(&member_id) {
            return Ok(s.clone());
        }
        let s = Rc::new(tx.member_spans(member_id)?);
        if self.remember {
            forget_past(&mut self.spans, self.items_cap);
            self.spans.insert(member_id, s.clone());
        }
        Ok(s)
    }

    fn fees(&mut self, tx: &Tx<'_>, code: &str) -> Result<Rc<Vec<FeeRow>>> {
        if let Some(f) = self.fees.get(code) {
            return Ok(f.clone());
        }
        let f = Rc::new(tx.fees_for_code(code)?);
        if self.remember {
            forget_past(&mut self.fees, self.items_cap);
            self.fees.insert(code.to_string(), f.clone());
        }
        Ok(f)
    }

    /// The earliest live claim of the provider for the member with this code and date
    /// of service (as [`Tx::duplicate_claim`] finds it).
    fn duplicate(
        &mut self,
        tx: &Tx<'_>,
        provider_id: &ProviderId,
        hid: HealthId,
        code: &str,
        dos: NaiveDate,
    ) -> Result<Option<Icn>> {
        if !self.remember {
            return tx.duplicate_claim(provider_id, hid, code, dos);
        }
        if self.live_provider != provider_id.as_str() {
            self.forget_live();
            self.crowded.clear();
            self.live_provider = provider_id.to_string();
        }
        if self.crowded.contains(&hid) {
            if self.writer.holds_member(hid) {
                self.writer.flush(tx)?;
            }
            return tx.duplicate_claim(provider_id, hid, code, dos);
        }
        if !self.live.contains_key(&hid) {
            if self.writer.holds_member(hid) {
                self.writer.flush(tx)?;
            }
            let lines = tx.live_claim_lines(provider_id, hid)?;
            if lines.len() > self.lines_cap {
                self.crowd(hid);
                return tx.duplicate_claim(provider_id, hid, code, dos);
            }
            let mut first = HashMap::new();
            for (icn, code, dos) in lines {
                first.entry((code, dos)).or_insert(icn);
            }
            if self.live_lines + first.len() > self.lines_cap {
                self.forget_live();
            }
            self.live_lines += first.len();
            self.live.insert(hid, first);
        }
        Ok(self
            .live
            .get(&hid)
            .and_then(|m| m.get(&(code.to_string(), dos)))
            .cloned())
    }

    fn forget_live(&mut self) {
        self.live.clear();
        self.live_lines = 0;
    }

    /// A member with more live claim lines than are remembered: the duplicate edit asks
    /// the store for each of its claims.
    fn crowd(&mut self, hid: HealthId) {
        if let Some(first) = self.live.remove(&hid) {
            self.live_lines -= first.len();
        }
        if self.crowded.len() >= self.items_cap {
            self.crowded.clear();
        }
        self.crowded.insert(hid);
    }

    /// A claim of the member was voided or replaced: its live claims are read again.
    pub fn forget_member(&mut self, hid: HealthId) {
        if let Some(first) = self.live.remove(&hid) {
            self.live_lines -= first.len();
        }
    }

    /// A claim was stored with `icn`: its lines are live claims of its member from now on.
    pub fn took(&mut self, provider_id: &ProviderId, claim: &ClaimInput, icn: &Icn) {
        if self.live_provider != provider_id.as_str() {
            return;
        }
        let hid = claim.member_id;
        let Some(first) = self.live.get_mut(&hid) else {
            return;
        };
        for l in &claim.lines {
            let key = (l.procedure_code.clone(), l.date_of_service);
            if let std::collections::hash_map::Entry::Vacant(v) = first.entry(key) {
                v.insert(icn.clone());
                self.live_lines += 1;
            }
        }
        if first.len() > self.lines_cap {
            self.crowd(hid);
        } else if self.live_lines > self.lines_cap {
            self.forget_live();
        }
    }
}

/// Empties a map of remembered items that has grown to `cap`.
fn forget_past<K, V>(map: &mut HashMap<K, V>, cap: usize) {
    if map.len() >= cap {
        map.clear();
    }
}

/// The claim a replacement replaces, as the edits see it: its lines are no duplicates of
/// the replacement, and the PA units it holds are the replacement's to take.
#[derive(Debug, Clone, Copy)]
pub struct Replacing<'r> {
    pub icn: &'r str,
    pub claim_id: i64,
}

/// [`run`], reading through `reads`.
pub fn run_with(
    tx: &Tx<'_>,
    reads: &mut Reads,
    provider_id: &ProviderId,
    today: NaiveDate,
    claim: &ClaimInput,
) -> Result<std::result::Result<Passed, Refusal>> {
    run_replacing(tx, reads, provider_id, today, claim, None)
}

/// Loads the facts the edits read ([`Facts`]) and runs them ([`check`]): a replacement
/// names the claim it replaces.
pub fn run_replacing(
    tx: &Tx<'_>,
    reads: &mut Reads,
    provider_id: &ProviderId,
    today: NaiveDate,
    claim: &ClaimInput,
    replacing: Option<Replacing<'_>>,
) -> Result<std::result::Result<Passed, Refusal>> {
    // What follows reads the claims of a replacement and the units taken of a PA.
    if replacing.is_some() || claim.prior_auth_number.is_some() {
        reads.flush(tx)?;
    }
    let npi = claim.billing_npi.as_str();
    let billing = reads.provider(tx, &claim.billing_npi)?.map(enrolled);
    // A claim from another provider is refused before anything of the member is read.
    if let Some(r) = provider_rule(billing.as_ref(), provider_id, npi) {
        return Ok(Err(r));
    }
    let hid = claim.member_id;
    let Some(member_id) = reads.member(tx, &hid)? else {
        return Ok(Err(unknown_member(hid.as_str())));
    };
    let spans = reads.spans(tx, member_id)?;
    let mut live = Vec::with_capacity(claim.lines.len());
    for l in &claim.lines {
        let dos = l.date_of_service;
        live.push(match replacing {
            // The claim replaced may be the earliest: the next one is asked for too.
            Some(_) => tx.duplicate_claims(provider_id, hid, &l.procedure_code, dos, 2)?,
            None => reads
                .duplicate(tx, provider_id, hid, &l.procedure_code, dos)?
                .into_iter()
                .collect(),
        });
    }
    let fees = schedule_for(tx, reads, &claim.lines)?;
    let pa = match &claim.prior_auth_number {
        None => None,
        Some(number) => match tx.pa_by_number(number)? {
            None => None,
            Some(p) => {
                let held = match replacing {
                    Some(r) => tx.pa_units_held(p.id, r.claim_id)?,
                    None => 0,
                };
                Some(pa_facts(&p, held))
            }
        },
    };
    let facts = Facts {
        today,
        provider_id,
        billing,
        member_known: true,
        spans: &spans,
        live,
        replaces: replacing.map(|r| r.icn),
        fees: &fees,
        pa,
    };
    Ok(check(claim, &facts))
}

fn enrolled(p: ProviderRow) -> Enrolled {
    Enrolled {
        provider_id: p.provider_id.clone(),
        name: p.name,
    }
}

fn pa_facts(p: &PaRow, held_by_replaced: i64) -> PaFacts {
    PaFacts {
        id: p.id,
        provider_id: p.provider_id.clone(),
        member_id: p.member_id,
        status: p.status,
        procedure_codes: p.procedure_codes(),
        from_date: p.from_date,
        to_date: p.to_date,
        approved_units: p.approved_units,
        units_left: p.units_left(),
        held_by_replaced,
    }
}

/// The billing provider must be enrolled, and be the provider we act for.
pub fn provider_edit(tx: &Tx<'_>, provider_id: &ProviderId, npi: &Npi) -> Result<Option<Refusal>> {
    let found = tx.provider_by_npi(npi)?.map(enrolled);
    Ok(provider_rule(found.as_ref(), provider_id, npi.as_str()))
}

/// Who the claim is from and for, checked before anything else in a batch claim whose
/// other fields are unusable: a file from elsewhere is refused for what matters most.
pub fn party_edit(
    tx: &Tx<'_>,
    provider_id: &ProviderId,
    billing_npi: &str,
    member_id: &str,
) -> Result<Option<Refusal>> {
    match crate::domain::ids::Npi::parse("billing_npi", billing_npi) {
        Ok(npi) => {
            if let Some(r) = provider_edit(tx, provider_id, &npi)? {
                return Ok(Some(r));
            }
        }
        Err(e) => {
            return Ok(Some(Refusal::edit(
                format!(
                    "the billing provider is not one Oregon Medicaid knows: {}",
                    e.message
                ),
                "bill with the enrolled provider's NPI",
            )))
        }
    }
    match crate::domain::ids::HealthId::parse("member_id", member_id) {
        Ok(hid) => {
            if tx.member_by_health_id(&hid)?.is_none() {
                return Ok(Some(unknown_member(hid.as_str())));
            }
        }
        Err(e) => {
            return Ok(Some(Refusal::edit(
                format!("the member is not one Oregon Medicaid knows: {}", e.message),
                "use the member's Oregon Health ID (8 letters and digits) as the subscriber's member ID",
            )))
        }
    }
    Ok(None)
}

fn schedule_for(tx: &Tx<'_>, reads: &mut Reads, lines: &[LineInput]) -> Result<FeeSchedule> {
    let mut rows = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for l in lines {
        if seen.contains(&l.procedure_code.as_str()) {
            continue;
        }
        seen.push(&l.procedure_code);
        for f in reads.fees(tx, &l.procedure_code)?.iter() {
            rows.push(Fee {
                procedure_code: f.procedure_code.clone(),
                modifier: f.modifier.clone(),
                description: f.description.clone(),
                max_allowable: f.max_allowable,
                pa_required: f.pa_required,
            });
        }
    }
    Ok(FeeSchedule::new(rows))
}

/// Stores an accepted claim: a new ICN, the claim and its lines, its history, the PA
/// units it takes. Returns the ICN.
#[allow(clippy::too_many_arguments)]
pub fn accept(
    tx: &Tx<'_>,
    provider_id: &ProviderId,
    today: NaiveDate,
    now: &str,
    actor: &str,
    kind: ClaimType,
    claim: &ClaimInput,
    passed: &Passed,
) -> Result<Icn> {
    accept_as(
        tx,
        provider_id,
        today,
        now,
        actor,
        kind,
        claim,
        passed,
        None,
    )
}

/// [`accept`] within a batch: the claim is held by `reads` and written with others
/// ([`ClaimWriter`]; [`Reads::flush`] before the batch ends), unless it takes PA units.
#[allow(clippy::too_many_arguments)]
pub fn accept_held(
    tx: &Tx<'_>,
    reads: &mut Reads,
    provider_id: &ProviderId,
    today: NaiveDate,
    now: &str,
    actor: &str,
    kind: ClaimType,
    claim: &ClaimInput,
    passed: &Passed,
) -> Result<Icn> {
    if passed.pa_units.is_some() {
        reads.flush(tx)?;
        return accept(tx, provider_id, today, now, actor, kind, claim, passed);
    }
    store_claim(
        tx,
        Some(&mut reads.writer),
        provider_id,
        today,
        now,
        actor,
        kind,
        claim,
        passed,
        None,
    )
}

/// [`accept`], the claim stored as the replacement (CLM05-3 = 7) of `replacing` when given
/// (the original is voided by the caller).
#[allow(clippy::too_many_arguments)]
pub fn accept_as(
    tx: &Tx<'_>,
    provider_id: &ProviderId,
    today: NaiveDate,
    now: &str,
    actor: &str,
    kind: ClaimType,
    claim: &ClaimInput,
    passed: &Passed,
    replacing: Option<Replacing<'_>>,
) -> Result<Icn> {
    store_claim(
        tx,
        None,
        provider_id,
        today,
        now,
        actor,
        kind,
        claim,
        passed,
        replacing,
    )
}

/// [`accept_as`], through `writer` when given (a claim that neither replaces another nor
/// takes PA units).
#[allow(clippy::too_many_arguments)]
fn store_claim(
    tx: &Tx<'_>,
    writer: Option<&mut ClaimWriter>,
    provider_id: &ProviderId,
    today: NaiveDate,
    now: &str,
    actor: &str,
    kind: ClaimType,
    claim: &ClaimInput,
    passed: &Passed,
    replacing: Option<Replacing<'_>>,
) -> Result<Icn> {
    let seq = tx.next_sequence(&Icn::prefix(kind, today))?;
    let icn = Icn::new(kind, today, seq).ok_or_else(|| {
        Error::conflict(format!(
            "the ICN sequence for {today} is used up (999,999 claims of this type in one day)"
        ))
        .hint("submit the claim again on the next business day")
    })?;
    let diagnoses = claim.diagnosis_codes.join(",");
    let lines: Vec<NewLine<'_>> = claim
        .lines
        .iter()
        .map(|l| NewLine {
            procedure_code: &l.procedure_code,
            modifiers: l.modifiers.join(","),
            date_of_service: l.date_of_service,
            units: l.units,
            charge: l.charge,
        })
        .collect();
    let new = NewClaim {
        icn: &icn,
        provider_id,
        member_id: claim.member_id,
        billing_npi: &claim.billing_npi,
        rendering_npi: &claim.rendering_npi,
        diagnosis_codes: &diagnoses,
        place_of_service: &claim.place_of_service,
        prior_auth_number: claim.prior_auth_number.as_ref(),
        patient_control_number: claim.patient_control_number.as_deref(),
        source: kind.source(),
        received_on: today,
        billed: claim.billed(),
        first_dos: claim.first_dos().unwrap_or(today),
        last_dos: claim.last_dos().unwrap_or(today),
        created_at: now,
        created_by: actor,
    };
    let st = ClaimStatus::Accepted;
    let from = match kind {
        ClaimType::PortalProfessional => "received on the portal",
        ClaimType::X12Professional => "received in an 837P batch",
    };
    let note = match replacing {
        Some(r) => format!(
            "{from} as the replacement of claim {}; accepted into adjudication",
            r.icn
        ),
        None => format!("{from}; accepted into adjudication"),
    };
    let history = NewHistory {
        on_date: today,
        at: now,
        status: st,
        actor,
        note: Some(&note),
    };
    if let (Some(w), None, None) = (writer, replacing, passed.pa_units) {
        tx.hold_claim(w, &new, &lines, &history)?;
        return Ok(icn);
    }
    let id = tx.insert_claim(&new, &lines)?;
    if let Some(r) = replacing {
        tx.mark_replacement(id, r.claim_id)?;
    }
    tx.add_claim_history(
        id,
        history.on_date,
        history.at,
        history.status,
        history.actor,
        history.note,
    )?;
    if let Some((pa_id, units)) = passed.pa_units {
        tx.use_pa_units(pa_id, id, units, today)?;
    }
    Ok(icn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::Cents;

    fn pid() -> ProviderId {
        ProviderId::parse("provider", "506675928").unwrap()
    }
    use crate::domain::claims::{parse_claim, RawClaim, RawLine};
    use crate::domain::eligibility::{CoverageKind, MemberRecord};
    use crate::domain::ids::{npi_check_digit, ProviderId};
    use crate::store::{OpenMode, Store};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A batch through remembered reads refuses and accepts exactly as with the store
    /// asked each time — duplicates in and before the batch, unknown members, another
    /// provider's NPI — however little is remembered.
    #[test]
    fn remembered_reads_edit_as_the_store_does() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
        let tx = store.write().unwrap();
        let now = "2026-03-16T09:00:00Z";
        let (ours, theirs) = batch_store(&tx, now);
        let members = ["OC100001", "OC100002", "OC100003"];
        let today = d("2026-03-16");
        let take = |reads: &mut Reads, c: &ClaimInput| -> std::result::Result<String, String> {
            match run_with(&tx, reads, &pid(), today, c).unwrap() {
                Ok(passed) => {
                    let icn = accept(
                        &tx,
                        &pid(),
                        today,
                        now,
                        "tester",
                        ClaimType::X12Professional,
                        c,
                        &passed,
                    )
                    .unwrap();
                    reads.took(&pid(), c, &icn);
                    Ok(icn.as_str().to_string())
                }
                Err(r) => Err(r.reason),
            }
        };
        // Claims before the batch.
        take(
            &mut Reads::direct(),
            &claim("OC100001", &ours, &[("90837", "2026-03-02")]),
        )
        .unwrap();
        take(
            &mut Reads::direct(),
            &claim("OC100002", &ours, &[("90834", "2026-03-03")]),
        )
        .unwrap();
        for (round, (items, lines)) in [(REMEMBERED, REMEMBERED_LINES), (2, 3), (1, 1)]
            .into_iter()
            .enumerate()
        {
            let mut reads = Reads::remembering_at_most(items, lines);
            let codes = ["90837", "90834"];
            // The first round's dates are those of the claims before the batch.
            let dates: Vec<String> = (0..4u64)
                .map(|i| {
                    (d("2026-03-02") - chrono::Days::new(10 * round as u64) + chrono::Days::new(i))
                        .to_string()
                })
                .collect();
            let mut accepted = 0;
            let mut duplicates = 0;
            for k in 0..60usize {
                let hid = if k % 13 == 5 {
                    "ZZ999999"
                } else {
                    members[k * 7 % 3]
                };
                let npi = if k % 17 == 8 {
                    theirs.clone()
                } else {
                    ours.clone()
                };
                let mut lines = vec![(codes[k / 3 % 2], dates[k * 5 % 4].as_str())];
                if k % 4 == 0 {
                    lines.push((codes[(k + 1) % 2], dates[(k + 1) % 4].as_str()));
                }
                let c = claim(hid, &npi, &lines);
                // What the store says, asked each time, before the claim is taken.
                let direct = run_with(&tx, &mut Reads::direct(), &pid(), today, &c)
                    .unwrap()
                    .map(|_| ())
                    .map_err(|r| r.reason);
                let taken = take(&mut reads, &c);
                assert_eq!(
                    direct,
                    taken.as_ref().map(|_| ()).map_err(String::clone),
                    "claim {k}"
                );
                match taken {
                    Ok(_) => accepted += 1,
                    Err(r) if r.contains("duplicate of claim") => duplicates += 1,
                    Err(_) => {}
                }
            }
            assert!(accepted > 0 && duplicates > 0, "{accepted} {duplicates}");
        }
    }

    /// A one-diagnosis claim of `lines` (code, date of service), each 1 unit at $180.
    fn claim(hid: &str, npi: &str, lines: &[(&str, &str)]) -> ClaimInput {
        parse_claim(&RawClaim {
            member_id: hid.into(),
            billing_npi: npi.into(),
            diagnosis_codes: vec!["F41.1".into()],
            place_of_service: "11".into(),
            lines: lines
                .iter()
                .map(|(code, dos)| RawLine {
                    procedure_code: code.to_string(),
                    date_of_service: dos.to_string(),
                    units: "1".into(),
                    charge: "180".into(),
                    ..RawLine::default()
                })
                .collect(),
            ..RawClaim::default()
        })
        .unwrap()
    }

    /// Sets up a store for the batch tests: two providers (the first ours), two codes,
    /// three members covered; returns our NPI and the other provider's.
    fn batch_store(tx: &Tx<'_>, now: &str) -> (String, String) {
        let npi = |nine: &str| format!("{nine}{}", npi_check_digit(nine).unwrap());
        for (id, n) in [
            ("506675928", npi("123456789")),
            ("506675929", npi("223456789")),
        ] {
            tx.insert_provider(
                &ProviderRow {
                    provider_id: ProviderId::parse("", id).unwrap(),
                    npi: Npi::parse("", &n).unwrap(),
                    name: "Clinic".into(),
                    kind: "group".into(),
                    tax_id: None,
                    mail_to: None,
                    enrolled_on: d("2024-01-01"),
                },
                now,
            )
            .unwrap();
        }
        let fee = |code: &str| FeeRow {
            procedure_code: code.into(),
            modifier: String::new(),
            description: "Psychotherapy".into(),
            max_allowable: Cents(15000),
            pa_required: false,
        };
        tx.upsert_fees(&[fee("90837"), fee("90834")]).unwrap();
        for hid in ["OC100001", "OC100002", "OC100003"] {
            let id = tx
                .insert_member(&MemberRecord {
                    health_id: HealthId::parse("member_id", hid).unwrap(),
                    last_name: "Doe".into(),
                    first_name: "Pat".into(),
                    dob: d("1980-01-02"),
                    sex: "F",
                })
                .unwrap();
            let span = Span {
                kind: CoverageKind::Benefit,
                plan: "BMH".into(),
                plan_type: None,
                start: d("2024-01-01"),
                end: None,
                plan_partner: None,
            };
            tx.insert_span(id, 0, &span).unwrap();
        }
        (npi("123456789"), npi("223456789"))
    }

    /// Claims held by a batch and written several at a time ([`accept_held`]) are edited
    /// and stored exactly as claims stored one by one with the store asked each time:
    /// the same outcomes (duplicates of held claims found), the same rows, however little
    /// is remembered.
    #[test]
    fn held_claims_are_edited_and_stored_as_claims_stored_at_once() {
        let now = "2026-03-16T09:00:00Z";
        let today = d("2026-03-16");
        for (items, lines) in [(REMEMBERED, REMEMBERED_LINES), (2, 3), (1, 1)] {
            let mut seen: Vec<(Vec<String>, String)> = Vec::new();
            for held in [false, true] {
                let dir = tempfile::tempdir().unwrap();
                let store = Store::open(&dir.path().join("t.db"), OpenMode::Create).unwrap();
                let tx = store.write().unwrap();
                let (ours, theirs) = batch_store(&tx, now);
                // A claim before the batch.
                let before = claim("OC100001", &ours, &[("90837", "2026-03-02")]);
                let passed = run(&tx, &pid(), today, &before).unwrap().unwrap();
                accept(
                    &tx,
                    &pid(),
                    today,
                    now,
                    "tester",
                    ClaimType::X12Professional,
                    &before,
                    &passed,
                )
                .unwrap();
                let mut reads = if held {
                    Reads::remembering_at_most(items, lines)
                } else {
                    Reads::direct()
                };
                let members = ["OC100001", "OC100002", "OC100003", "ZZ999999"];
                let codes = ["90837", "90834"];
                let dates: Vec<String> = (0..40u64)
                    .map(|i| (d("2026-01-02") + chrono::Days::new(i)).to_string())
                    .collect();
                let mut outcomes = Vec::new();
                for k in 0..300usize {
                    let npi = if k % 17 == 8 { &theirs } else { &ours };
                    let mut ls = vec![(codes[k / 7 % 2], dates[k / 4 * 3 % 40].as_str())];
                    if k % 4 == 0 {
                        ls.push((codes[(k / 7 + 1) % 2], dates[(k / 4 + 1) % 40].as_str()));
                    }
                    let c = claim(members[k % 4], npi, &ls);
                    outcomes.push(
                        match run_with(&tx, &mut reads, &pid(), today, &c).unwrap() {
                            Ok(passed) => {
                                let icn = if held {
                                    accept_held(
                                        &tx,
                                        &mut reads,
                                        &pid(),
                                        today,
                                        now,
                                        "tester",
                                        ClaimType::X12Professional,
                                        &c,
                                        &passed,
                                    )
                                } else {
                                    accept(
                                        &tx,
                                        &pid(),
                                        today,
                                        now,
                                        "tester",
                                        ClaimType::X12Professional,
                                        &c,
                                        &passed,
                                    )
                                }
                                .unwrap();
                                reads.took(&pid(), &c, &icn);
                                icn.as_str().to_string()
                            }
                            Err(r) => r.reason,
                        },
                    );
                }
                reads.flush(&tx).unwrap();
                let mut rows = String::new();
                for c in tx.claims_search(&Default::default()).unwrap() {
                    rows.push_str(&format!(
                        "{c:?}\n{:?}\n{:?}\n",
                        tx.claim_lines(c.id).unwrap(),
                        tx.claim_history(c.id).unwrap()
                    ));
                }
                seen.push((outcomes, rows));
            }
            let (direct, held) = (&seen[0], &seen[1]);
            assert!(direct.0.iter().any(|o| o.contains("duplicate of claim")));
            assert_eq!(direct.0, held.0, "outcomes, remembering {items}/{lines}");
            assert!(direct.1.matches("ClaimRow").count() > 100);
            assert_eq!(direct.1, held.1, "rows, remembering {items}/{lines}");
        }
    }
}
