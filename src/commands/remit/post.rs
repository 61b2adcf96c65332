//! `remit post FILE.835`: posts a remittance onto the signed-in provider's claims.
//!
//! Each claim payment (CLP) is matched to a claim of this provider by its ICN (CLP07) and
//! patient control number (CLP01; the ICN for a portal claim without one), or, when the
//! 835 does not name one of our ICNs, by the patient control number alone when exactly one
//! claim has it. Every claim payment and provider adjustment (PLB) is recorded in
//! `postings`, matched or not, keyed so that posting the same 835 again changes nothing.
//! The file is read once through before anything is posted: a malformed 835 posts nothing.

use crate::auth;
use crate::cli::remit::PostArgs;
use crate::commands::claim::money;
use crate::context::Context;
use crate::domain::ids::{Cents, ProviderId};
use crate::domain::posting::{self, Candidate};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::store::postings::{NewPosting, NewRun, PostingClaim};
use crate::store::Tx;
use crate::x12::remit_read::{read_835, RemitItem};
use serde::Serialize;

/// One claim payment or adjustment the biller has to look at.
#[derive(Serialize, Debug, Clone)]
pub struct Exception {
    /// `unmatched`, `differs` or `takeback`.
    pub kind: &'static str,
    /// TRN02 of its remittance.
    pub remit_id: String,
    /// CLP01 (a PLB's reference).
    pub patient_control_number: String,
    /// CLP07, the payer's claim control number ("" for a PLB).
    pub payer_icn: String,
    /// The claim it was posted onto.
    pub icn: Option<String>,
    /// CLP02 (a PLB's reason code, with `PLB ` before it).
    pub status_code: String,
    /// CLP04 (for a PLB, the amount taken back, negative).
    pub paid: f64,
    /// Our paid amount (its negative for a takeback), when matched.
    pub expected: Option<f64>,
}

/// The JSON of `remit post`.
#[derive(Serialize, Debug, Default)]
pub struct PostView {
    /// Claim payments (CLP) in the file.
    pub claims: usize,
    /// Claim payments posted now onto one of this provider's claims.
    pub matched: usize,
    /// Claim payments posted now that match none of this provider's claims.
    pub unmatched: usize,
    /// Matched claim payments whose CLP04 is not our paid amount.
    pub differs: usize,
    /// Takebacks posted now: claim payments that reverse a payment (CLP02 22, or a negative
    /// CLP04) and PLB recoupments (money withheld from the payment).
    pub takebacks: usize,
    /// Claim payments and PLB adjustments posted before (from this 835 or another with the
    /// same payer, trace number and order): nothing changed for them.
    pub already_posted: usize,
    /// Σ CLP04 − Σ PLB of what was posted now (a new 835's BPR02).
    pub paid_amount: f64,
    /// Remittances (835 transaction sets) in the file.
    pub remits: usize,
    /// The unmatched, differing and takeback items, in file order: the first
    /// [`MAX_EXCEPTIONS`].
    pub exceptions: Vec<Exception>,
    /// Exceptions past the first [`MAX_EXCEPTIONS`]: counted, not listed (every one is
    /// recorded in `postings`).
    pub exceptions_omitted: usize,
}

/// The most exceptions `remit post` lists: a file of 100,000 unknown claims costs a count,
/// not a list.
pub const MAX_EXCEPTIONS: usize = 1000;

impl PostView {
    fn exception(&mut self, e: impl FnOnce() -> Exception) {
        if self.exceptions.len() < MAX_EXCEPTIONS {
            self.exceptions.push(e());
        } else {
            self.exceptions_omitted += 1;
        }
    }
}

/// The claim a claim payment belongs to: by ICN (CLP07) and CLP01, else by a patient
/// control number that exactly one of the provider's claims has.
fn find_match(
    tx: &Tx<'_>,
    provider_id: &ProviderId,
    clp01: &str,
    clp07: &str,
) -> Result<Option<PostingClaim>> {
    fn cand(c: &PostingClaim) -> Candidate<'_> {
        Candidate {
            icn: c.icn.as_str(),
            patient_control_number: c.patient_control_number.as_deref(),
            paid_amount: c.paid_amount.0,
        }
    }
    if !clp07.is_empty() {
        if let Some(c) = tx.posting_claim_by_icn(provider_id, clp07)? {
            // Our ICN with another patient control number: not this claim's payment.
            return Ok(posting::matches_by_icn(&cand(&c), clp01, clp07).then_some(c));
        }
    }
    let mut by_pcn = tx.posting_claims_by_pcn(provider_id, clp01)?;
    if by_pcn.len() == 1 {
        return Ok(by_pcn.pop());
    }
    if by_pcn.is_empty() && clp07.is_empty() {
        // A portal claim sends its ICN as CLP01.
        if let Some(c) = tx.posting_claim_by_icn(provider_id, clp01)? {
            if c.patient_control_number.is_none() {
                return Ok(Some(c));
            }
        }
    }
    Ok(None)
}

fn add(total: i64, amount: i64) -> Result<i64> {
    Cents(total)
        .checked_add(Cents(amount))
        .map(|c| c.0)
        .ok_or_else(|| {
            Error::invalid(format!(
                "the 835's payments add up to more than {}",
                Cents::MAX
            ))
            .hint("split the file and post each part")
        })
}

pub fn cmd_remit_post(ctx: &Context, args: &PostArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::RemitPost)?;
    let provider_id = actor.provider()?.clone();
    let now = ctx.clock.now_str();
    let today = ctx.clock.today();
    let name = crate::output::input::name(&args.file);
    // Permission first (above), then the size, then the file.
    let bytes = crate::limits::read_file(&args.file, crate::limits::MAX_835_BYTES, "an 835")?;
    let digest = {
        use sha2::{Digest, Sha256};
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<String>()
    };
    let refuse = |tx: Tx<'_>, msg: String| -> Result<Output> {
        let err = Error::invalid(format!("{name} is not a readable 835: {msg}"))
            .hint("nothing was posted; ask the payer for a corrected 835");
        tx.audit(&actor.entry(
            &now,
            "remit post",
            Some(&name),
            "refused",
            Some(&format!("{}; 835 sha256 {digest}", err.message)),
        ))?;
        tx.commit()?;
        Err(err)
    };
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        Err(e) => return refuse(tx, format!("invalid UTF-8 at byte {}", e.valid_up_to())),
    };
    // Once through, posting nothing: a malformed 835 is refused whole.
    let checked: std::result::Result<_, std::convert::Infallible> = read_835(text, |_| Ok(()));
    let counts = match checked {
        Ok(Ok(c)) => c,
        Ok(Err(msg)) => return refuse(tx, msg),
        Err(never) => match never {},
    };
    let mut view = PostView {
        claims: counts.claims,
        remits: counts.remits,
        ..PostView::default()
    };
    let mut paid_total = 0i64;
    // 100,000 claim payments touch some 30 MB of tables and indexes: a page cache that
    // holds them (SQLite; within the 64 MiB memory target).
    tx.cache_mib(16)?;
    let progress = ctx.progress(counts.claims as u64, "posting claim payments");
    // The open remittance's row and whether it is new (then none of its items was posted
    // before); this run's row, made at the first item posted (a second post of the same
    // 835 changes nothing, not even that).
    let mut remit: (i64, bool) = (0, true);
    let mut run: Option<i64> = None;
    let new_run = NewRun {
        provider_id: &provider_id,
        posted_on: today,
        posted_at: &now,
        posted_by: &actor.user_name,
        file_sha256: &digest,
    };
    // Whether an item is new, and this run's row when it is.
    let mut fresh =
        |tx: &Tx<'_>, remit: (i64, bool), kind: &str, seq: usize| -> Result<Option<i64>> {
            if !remit.1 && tx.posting_exists(remit.0, kind, seq as i64)? {
                return Ok(None);
            }
            Ok(Some(match run {
                Some(r) => r,
                None => *run.insert(tx.insert_posting_run(&new_run)?),
            }))
        };
    let posted: Result<Result<_, String>> = read_835(text, |item| {
        match item {
            RemitItem::Remit(h) => {
                remit = tx.posted_remit(
                    &provider_id,
                    h.payer_id,
                    h.trace,
                    h.payer_name,
                    Cents(h.payment),
                )?;
            }
            RemitItem::Claim(h, c) => {
                progress.inc(1);
                let Some(run) = fresh(&tx, remit, "claim", c.seq)? else {
                    view.already_posted += 1;
                    return Ok(());
                };
                let clp07 = c.payer_claim_control_number;
                let found = find_match(&tx, &provider_id, c.patient_control_number, clp07)?;
                let takeback = c.is_takeback();
                let outcome = found
                    .as_ref()
                    .map(|m| posting::outcome(m.paid_amount.0, c.paid, takeback));
                tx.insert_posting(&NewPosting {
                    remit: remit.0,
                    kind: "claim",
                    seq: c.seq as i64,
                    run,
                    claim_id: found.as_ref().map(|m| m.id),
                    clp01: c.patient_control_number,
                    clp02: c.status,
                    paid: Cents(c.paid),
                    expected: outcome.map(|o| Cents(o.expected)),
                    payer_icn: clp07,
                })?;
                paid_total = add(paid_total, c.paid)?;
                let exception = |kind| Exception {
                    kind,
                    remit_id: h.trace.to_string(),
                    patient_control_number: c.patient_control_number.to_string(),
                    payer_icn: clp07.to_string(),
                    icn: found.as_ref().map(|m| m.icn.to_string()),
                    status_code: c.status.to_string(),
                    paid: money(Cents(c.paid)),
                    expected: outcome.map(|o| money(Cents(o.expected))),
                };
                match outcome {
                    None => {
                        view.unmatched += 1;
                        view.exception(|| exception("unmatched"));
                    }
                    Some(o) => {
                        view.matched += 1;
                        if o.differs {
                            view.differs += 1;
                            view.exception(|| exception("differs"));
                        }
                    }
                }
                if takeback {
                    view.takebacks += 1;
                    view.exception(|| exception("takeback"));
                }
            }
            RemitItem::ProviderAdjustment(h, p) => {
                let Some(run) = fresh(&tx, remit, "plb", p.seq)? else {
                    view.already_posted += 1;
                    return Ok(());
                };
                // An overpayment recovery names the claim's ICN as its reference.
                let found = if p.reference.is_empty() {
                    None
                } else {
                    tx.posting_claim_by_icn(&provider_id, p.reference)?
                };
                tx.insert_posting(&NewPosting {
                    remit: remit.0,
                    kind: "plb",
                    seq: p.seq as i64,
                    run,
                    claim_id: found.as_ref().map(|m| m.id),
                    clp01: p.reference,
                    clp02: p.reason,
                    paid: Cents(p.amount),
                    expected: None,
                    payer_icn: "",
                })?;
                paid_total = add(paid_total, -p.amount)?;
                if p.is_recoupment() {
                    view.takebacks += 1;
                    view.exception(|| Exception {
                        kind: "takeback",
                        remit_id: h.trace.to_string(),
                        patient_control_number: p.reference.to_string(),
                        payer_icn: String::new(),
                        icn: found.map(|m| m.icn.to_string()),
                        status_code: format!("PLB {}", p.reason),
                        paid: money(Cents(-p.amount)),
                        expected: None,
                    });
                }
            }
        }
        Ok(())
    });
    drop(progress);
    if let Err(msg) = posted? {
        // Read once already: cannot happen, but never post half a file.
        return Err(Error::invalid(format!(
            "{name} is not a readable 835: {msg}"
        )));
    }
    view.paid_amount = money(Cents(paid_total));
    let detail = format!(
        "835: claims {}, matched {}, unmatched {}, differs {}, takebacks {}, already posted {}, paid {}; 835 sha256 {digest}",
        view.claims,
        view.matched,
        view.unmatched,
        view.differs,
        view.takebacks,
        view.already_posted,
        Cents(paid_total)
    );
    tx.audit(&actor.entry(&now, "remit post", Some(&name), "ok", Some(&detail)))?;
    tx.commit()?;
    let human = human(&name, &view, paid_total);
    Ok(Output::record_with(view, human))
}

/// The text for a person: the totals, then the claim payments to look at.
fn human(name: &str, v: &PostView, paid: i64) -> String {
    let mut s = format!(
        "835 {name}: {} claim payment(s) in {} remittance(s): {} matched, {} unmatched, {} paid differs, {} takeback(s), {} already posted. Paid {}.\n",
        v.claims,
        v.remits,
        v.matched,
        v.unmatched,
        v.differs,
        v.takebacks,
        v.already_posted,
        Cents(paid)
    );
    for (kind, title) in [
        ("unmatched", "Unmatched (no claim of this provider):"),
        ("differs", "Paid differs from what we expected:"),
        ("takeback", "Takebacks:"),
    ] {
        // (Only the first MAX_EXCEPTIONS are listed; the count of the rest follows.)
        let items: Vec<&Exception> = v.exceptions.iter().filter(|e| e.kind == kind).collect();
        if items.is_empty() {
            continue;
        }
        s.push_str(title);
        s.push('\n');
        for e in items {
            s.push_str(&format!(
                "  {}  PCN {}  {}  status {}  paid {:.2}{}\n",
                e.remit_id,
                e.patient_control_number,
                match (&e.icn, e.payer_icn.as_str()) {
                    (Some(icn), _) => format!("claim {icn}"),
                    (None, "") => "no ICN".to_string(),
                    (None, p) => format!("payer ICN {p}"),
                },
                e.status_code,
                e.paid,
                e.expected
                    .map(|x| format!("  expected {x:.2}"))
                    .unwrap_or_default()
            ));
        }
    }
    if v.exceptions_omitted > 0 {
        s.push_str(&format!(
            "… and {} more not listed (only the first {MAX_EXCEPTIONS} are).\n",
            v.exceptions_omitted
        ));
    }
    s
}
