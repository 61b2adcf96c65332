//! Reading an 835 health care claim payment/advice (005010X221A1): ours, or any 5010 835.
//!
//! [`read_835`] reads a file of one or more interchanges, each of one or more 835
//! transaction sets, and hands each remittance's claim payments (CLP, with their CAS and
//! SVC) and provider-level adjustments (PLB) to a callback one at a time: nothing is held
//! but the open claim (at most [`MAX_SERVICE_LINES`] lines and [`MAX_ADJUSTMENT_SEGMENTS`]
//! CAS segments of each). The envelopes are read with [`Interchange::parse_envelope`], so a
//! file of 100,000 claims costs its text and a few hundred bytes.
//!
//! The structure is checked as it is read: BPR then TRN first, the payer (N1*PR) and the
//! payee (N1*PE) before the first CLP, CAS and SVC only inside a claim, PLB only after the
//! claims, every amount an X12 decimal of at most two places within [`MAX_AMOUNT`]. The
//! first problem ends the reading with an [`X12Error`] naming the segment; a caller that
//! must change nothing on a bad file reads it once through without acting (a callback that
//! does nothing), then again to act.

use super::claims::amount_cents;
use super::{check_transaction_version, split_interchanges, Interchange, Segment, X12Error};

/// The 835's implementation guide.
pub const X221: &str = "005010X221A1";

/// The most service lines (loop 2110, SVC) a claim payment may hold: the guide's repeat.
pub const MAX_SERVICE_LINES: usize = 999;
/// The most CAS segments a claim payment or a service line may hold (the guide allows 99).
pub const MAX_ADJUSTMENT_SEGMENTS: usize = 99;
/// The adjustments (reason, amount, quantity) one CAS carries: six triples.
pub const MAX_CAS_TRIPLES: usize = 6;
/// The adjustments one PLB carries: six (reason, amount) pairs.
pub const MAX_PLB_PAIRS: usize = 6;
/// The largest amount read, in cents: 99,999,999.99 (`Cents::MAX`, docs/claims.md).
pub const MAX_AMOUNT: i64 = 9_999_999_999;

/// What one remittance (an 835 transaction set) says about itself: read before its first
/// claim payment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemitHeader<'a> {
    /// 1-based interchange of the file.
    pub interchange: usize,
    /// ST02.
    pub control_number: &'a str,
    /// BPR01 transaction handling code (I remittance only, C payment with it, H
    /// notification, ...).
    pub handling: &'a str,
    /// BPR02, the total paid, in cents.
    pub payment: i64,
    /// BPR03: C credit or D debit.
    pub credit_debit: &'a str,
    /// BPR04 payment method: ACH, CHK, NON, ...
    pub method: &'a str,
    /// TRN02: the check or EFT trace number (our RAs carry the `remit_id` here).
    pub trace: &'a str,
    /// TRN03: the payer's identifier (`1` and its EIN), may be empty.
    pub payer_id: &'a str,
    /// N1*PR N102.
    pub payer_name: &'a str,
    /// N1*PE N102.
    pub payee_name: &'a str,
    /// N1*PE N104 (an NPI under XX, a tax id under FI).
    pub payee_id: &'a str,
}

/// One adjustment: a CAS triple, with its group code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjustment<'a> {
    /// CAS01: CO contractual, OA other, PI payer initiated, PR patient responsibility
    /// (CR, correction and reversal, is read too: older files still send it).
    pub group: &'a str,
    /// The claim adjustment reason code (CARC).
    pub reason: &'a str,
    /// In cents (negative for an adjustment that adds).
    pub amount: i64,
    pub quantity: &'a str,
}

/// One service line payment (loop 2110).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServicePayment<'a> {
    /// SVC01 as sent: qualifier and code with any modifiers (`HC:90837:GT`).
    pub procedure: &'a str,
    /// SVC02, in cents.
    pub charge: i64,
    /// SVC03, in cents.
    pub paid: i64,
    /// SVC05 units paid ("" when not sent).
    pub units: &'a str,
    pub adjustments: Vec<Adjustment<'a>>,
}

/// One claim payment (loop 2100, CLP).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimPayment<'a> {
    /// 1-based order of the CLP in its transaction set.
    pub seq: usize,
    /// Segment number of the CLP in its interchange.
    pub position: usize,
    /// CLP01: the provider's patient control number.
    pub patient_control_number: &'a str,
    /// CLP02: 1 processed as primary, 2 secondary, 3 tertiary, 4 denied, 19–21 processed
    /// and forwarded, 22 reversal of a previous payment, 23 not our claim, forwarded.
    pub status: &'a str,
    /// CLP03, in cents.
    pub billed: i64,
    /// CLP04, in cents (negative in a reversal).
    pub paid: i64,
    /// CLP05, in cents, when sent.
    pub patient_responsibility: Option<i64>,
    /// CLP07: the payer's claim control number (our ICN).
    pub payer_claim_control_number: &'a str,
    /// Claim-level CAS.
    pub adjustments: Vec<Adjustment<'a>>,
    pub lines: Vec<ServicePayment<'a>>,
}

impl ClaimPayment<'_> {
    /// A takeback: a reversal of an earlier payment (CLP02 22) or money paid back (a
    /// negative CLP04).
    pub fn is_takeback(&self) -> bool {
        self.status == "22" || self.paid < 0
    }
}

/// One provider-level adjustment (a PLB reason and amount pair).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderAdjustment<'a> {
    /// 1-based order of the pair among the set's PLB pairs.
    pub seq: usize,
    /// Segment number of the PLB in its interchange.
    pub position: usize,
    /// PLB01.
    pub provider_id: &'a str,
    /// PLB02, CCYYMMDD.
    pub fiscal_period: &'a str,
    /// PLB03-1 (and the later pairs' first component): WO overpayment recovery, 72
    /// authorized return, L6 interest, FB forwarding balance, CS adjustment, ...
    pub reason: &'a str,
    /// PLB03-2: the reference (an overpayment recovery names the claim's ICN here).
    pub reference: &'a str,
    /// PLB04, in cents: positive is money taken from this payment, negative is money added.
    pub amount: i64,
}

impl ProviderAdjustment<'_> {
    /// A recoupment: money withheld from this payment.
    pub fn is_recoupment(&self) -> bool {
        self.amount > 0
    }
}

/// What [`read_835`] hands over, in file order.
#[derive(Debug)]
pub enum RemitItem<'r, 'a> {
    /// A remittance begins (its header is read); its claims follow.
    Remit(&'r RemitHeader<'a>),
    Claim(&'r RemitHeader<'a>, &'r ClaimPayment<'a>),
    ProviderAdjustment(&'r RemitHeader<'a>, &'r ProviderAdjustment<'a>),
}

/// What a file held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RemitCounts {
    pub interchanges: usize,
    pub remits: usize,
    pub claims: usize,
    pub provider_adjustments: usize,
}

/// Reads every 835 of `text` (one or more interchanges), handing each remittance, claim
/// payment and provider adjustment to `each`.
///
/// The outer error is the first one `each` returned (reading stops there); the inner one
/// says the file is not a readable 835, naming the segment (and the interchange, in a file
/// of several). Items before the problem may have been handed over: see the module's note.
pub fn read_835<'a, E>(
    text: &'a str,
    mut each: impl FnMut(RemitItem<'_, 'a>) -> Result<(), E>,
) -> Result<Result<RemitCounts, String>, E> {
    let chunks = split_interchanges(text);
    let total = chunks.len();
    let which = |n: usize| {
        if total > 1 {
            format!("interchange {} of {total}: ", n + 1)
        } else {
            String::new()
        }
    };
    let mut counts = RemitCounts {
        interchanges: total,
        ..RemitCounts::default()
    };
    for (n, chunk) in chunks.iter().enumerate() {
        let ic = match Interchange::parse_envelope(chunk) {
            Ok(ic) => ic,
            Err(e) => return Ok(Err(format!("{}{e}", which(n)))),
        };
        if let Some(e) = ic.errors.first() {
            return Ok(Err(format!("{}{e}", which(n))));
        }
        if let Err(e) = check_transaction_version(&ic, "835", X221) {
            return Ok(Err(format!("{}{e}", which(n))));
        }
        for (_, _, t) in ic.transactions() {
            let mut failed = None;
            let read = read_set(n + 1, t, &mut counts, &mut |item| match each(item) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            });
            if let Some(e) = failed {
                return Err(e);
            }
            if let Err(e) = read {
                return Ok(Err(format!("{}{e}", which(n))));
            }
        }
    }
    Ok(Ok(counts))
}

/// Where in a set the reader is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Part {
    /// After BPR, before TRN.
    Bpr,
    /// In the header, after TRN.
    Header,
    /// In loop 1000A (payer).
    Payer,
    /// In loop 1000B (payee).
    Payee,
    /// In loop 2000 (LX, TS3, TS2), before any claim of it.
    Number,
    /// In a claim (loop 2100).
    Claim,
    /// In a service line (loop 2110).
    Line,
    /// After the first PLB.
    Plb,
}

fn amount(seg: &Segment<'_>, n: usize, name: &str) -> Result<i64, X12Error> {
    let v = seg.element(n);
    if v.is_empty() {
        return Err(X12Error::at(seg, format!("{name} (the amount) is missing")));
    }
    optional_amount(seg, n, name).map(|a| a.unwrap_or(0))
}

fn optional_amount(seg: &Segment<'_>, n: usize, name: &str) -> Result<Option<i64>, X12Error> {
    let v = seg.element(n);
    if v.is_empty() {
        return Ok(None);
    }
    match amount_cents(v) {
        Some(c) if c.abs() <= MAX_AMOUNT => Ok(Some(c)),
        Some(_) => Err(X12Error::at(
            seg,
            format!("{name} {v:?} is above the ceiling of 99999999.99"),
        )),
        None => Err(X12Error::at(
            seg,
            format!("{name} {v:?} is not an amount (digits, at most 2 decimals)"),
        )),
    }
}

fn required<'a>(seg: &Segment<'a>, n: usize, name: &str) -> Result<&'a str, X12Error> {
    let v = seg.element(n);
    if v.is_empty() {
        Err(X12Error::at(seg, format!("{name} is missing")))
    } else {
        Ok(v)
    }
}

/// The triples of a CAS.
fn cas<'a>(seg: &Segment<'a>, into: &mut Vec<Adjustment<'a>>) -> Result<(), X12Error> {
    let group = required(seg, 1, "CAS01 (claim adjustment group code)")?;
    if !matches!(group, "CO" | "CR" | "OA" | "PI" | "PR") {
        return Err(X12Error::at(
            seg,
            format!("CAS01 {group:?} is not a claim adjustment group code (CO, OA, PI or PR)"),
        ));
    }
    if seg.element_count() > 1 + 3 * MAX_CAS_TRIPLES {
        return Err(X12Error::at(
            seg,
            format!(
                "a CAS holds at most {MAX_CAS_TRIPLES} adjustments (19 elements), this one has {} elements",
                seg.element_count()
            ),
        ));
    }
    for k in 0..MAX_CAS_TRIPLES {
        let r = 2 + 3 * k;
        let reason = seg.element(r);
        let amt = seg.element(r + 1);
        if reason.is_empty() {
            if k == 0 {
                return Err(X12Error::at(
                    seg,
                    "CAS02 (claim adjustment reason code) is missing",
                ));
            }
            if !amt.is_empty() || !seg.element(r + 2).is_empty() {
                return Err(X12Error::at(
                    seg,
                    format!("CAS{:02} has an amount without its reason code", r + 1),
                ));
            }
            continue;
        }
        if reason.len() > 5 || !reason.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(X12Error::at(
                seg,
                format!("CAS{r:02} {reason:?} is not a claim adjustment reason code"),
            ));
        }
        let amount = amount(seg, r + 1, &format!("CAS{:02}", r + 1))?;
        into.push(Adjustment {
            group,
            reason,
            amount,
            quantity: seg.element(r + 2),
        });
    }
    Ok(())
}

/// Hands the open claim over; false when `each` asked to stop.
fn flush<'a>(
    claim: &mut Option<ClaimPayment<'a>>,
    h: &RemitHeader<'a>,
    counts: &mut RemitCounts,
    each: &mut dyn FnMut(RemitItem<'_, 'a>) -> bool,
) -> bool {
    match claim.take() {
        Some(c) => {
            counts.claims += 1;
            each(RemitItem::Claim(h, &c))
        }
        None => true,
    }
}

/// Reads one 835 set; `each` returns false to stop.
fn read_set<'a>(
    interchange: usize,
    t: &super::TransactionSet<'a>,
    counts: &mut RemitCounts,
    each: &mut dyn FnMut(RemitItem<'_, 'a>) -> bool,
) -> Result<(), X12Error> {
    let st = t.st().copied();
    let mut h = RemitHeader {
        interchange,
        control_number: t.control_number,
        ..RemitHeader::default()
    };
    let mut part: Option<Part> = None;
    let mut claim: Option<ClaimPayment<'a>> = None;
    // CAS segments of the open claim (claim level) and of its open line.
    let mut claim_cas = 0usize;
    let mut line_cas = 0usize;
    let mut seq = 0usize;
    let mut plb_seq = 0usize;
    let mut have_payer = false;
    let mut have_payee = false;
    let mut announced = false;

    let mut stopped = false;
    for seg in t.body_segments() {
        let id = seg.id();
        let Some(p) = part else {
            if id != "BPR" {
                return Err(X12Error::at(&seg, "an 835 starts with BPR after ST"));
            }
            h.handling = required(&seg, 1, "BPR01 (transaction handling code)")?;
            h.payment = amount(&seg, 2, "BPR02 (total payment)")?;
            h.credit_debit = required(&seg, 3, "BPR03 (credit or debit flag)")?;
            if !matches!(h.credit_debit, "C" | "D") {
                return Err(X12Error::at(
                    &seg,
                    format!("BPR03 {:?} is not C (credit) or D (debit)", h.credit_debit),
                ));
            }
            h.method = required(&seg, 4, "BPR04 (payment method code)")?;
            part = Some(Part::Bpr);
            continue;
        };
        match (id, p) {
            ("TRN", Part::Bpr) => {
                if seg.element(1) != "1" {
                    return Err(X12Error::at(
                        &seg,
                        format!(
                            "TRN01 {:?} is not 1 (current transaction trace numbers)",
                            seg.element(1)
                        ),
                    ));
                }
                h.trace = required(&seg, 2, "TRN02 (check or EFT trace number)")?;
                h.payer_id = seg.element(3);
                part = Some(Part::Header);
            }
            (_, Part::Bpr) => {
                return Err(X12Error::at(
                    &seg,
                    "an 835 names its trace number (TRN) right after BPR",
                ))
            }
            ("TRN" | "BPR", _) => {
                return Err(X12Error::at(
                    &seg,
                    format!("a second {id} in one transaction set"),
                ))
            }
            ("N1", Part::Header | Part::Payer | Part::Payee) => match seg.element(1) {
                "PR" if !have_payer => {
                    h.payer_name = required(&seg, 2, "N102 (payer name)")?;
                    have_payer = true;
                    part = Some(Part::Payer);
                }
                "PE" if have_payer && !have_payee => {
                    h.payee_name = required(&seg, 2, "N102 (payee name)")?;
                    h.payee_id = seg.element(4);
                    have_payee = true;
                    part = Some(Part::Payee);
                }
                "PE" if !have_payer => {
                    return Err(X12Error::at(
                        &seg,
                        "the payee (N1*PE) comes after the payer (N1*PR)",
                    ))
                }
                other => {
                    return Err(X12Error::at(
                        &seg,
                        format!("N101 {other:?} is not expected here: an 835 names one payer (PR) and then one payee (PE)"),
                    ))
                }
            },
            ("LX", Part::Payee | Part::Number | Part::Claim | Part::Line) => {
                if !flush(&mut claim, &h, counts, each) {
                    stopped = true;
                    break;
                }
                part = Some(Part::Number);
            }
            ("CLP", Part::Payee | Part::Number | Part::Claim | Part::Line) => {
                if !flush(&mut claim, &h, counts, each) {
                    stopped = true;
                    break;
                }
                if !announced {
                    announced = true;
                    counts.remits += 1;
                    if !each(RemitItem::Remit(&h)) {
                        stopped = true;
                        break;
                    }
                }
                seq += 1;
                claim_cas = 0;
                claim = Some(ClaimPayment {
                    seq,
                    position: seg.position(),
                    patient_control_number: required(
                        &seg,
                        1,
                        "CLP01 (patient control number)",
                    )?,
                    status: required(&seg, 2, "CLP02 (claim status code)")?,
                    billed: amount(&seg, 3, "CLP03 (total claim charge)")?,
                    paid: amount(&seg, 4, "CLP04 (claim payment amount)")?,
                    patient_responsibility: optional_amount(
                        &seg,
                        5,
                        "CLP05 (patient responsibility)",
                    )?,
                    payer_claim_control_number: seg.element(7),
                    adjustments: Vec::new(),
                    lines: Vec::new(),
                });
                let status = seg.element(2);
                if status.len() > 2 || !status.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(X12Error::at(
                        &seg,
                        format!("CLP02 {status:?} is not a claim status code"),
                    ));
                }
                part = Some(Part::Claim);
            }
            ("CLP" | "LX", _) => {
                let why = if p == Part::Plb {
                    "after the provider adjustments (PLB), which end an 835"
                } else {
                    "before the payee (N1*PE)"
                };
                return Err(X12Error::at(&seg, format!("{id} {why}")));
            }
            ("CAS", Part::Claim) => {
                claim_cas += 1;
                if claim_cas > MAX_ADJUSTMENT_SEGMENTS {
                    return Err(X12Error::at(
                        &seg,
                        format!(
                            "a claim payment holds at most {MAX_ADJUSTMENT_SEGMENTS} CAS segments"
                        ),
                    ));
                }
                if let Some(c) = claim.as_mut() {
                    cas(&seg, &mut c.adjustments)?;
                }
            }
            ("CAS", Part::Line) => {
                line_cas += 1;
                if line_cas > MAX_ADJUSTMENT_SEGMENTS {
                    return Err(X12Error::at(
                        &seg,
                        format!(
                            "a service line holds at most {MAX_ADJUSTMENT_SEGMENTS} CAS segments"
                        ),
                    ));
                }
                if let Some(l) = claim.as_mut().and_then(|c| c.lines.last_mut()) {
                    cas(&seg, &mut l.adjustments)?;
                }
            }
            ("CAS", _) => {
                return Err(X12Error::at(
                    &seg,
                    "CAS outside a claim payment (CLP) or service line (SVC)",
                ))
            }
            ("SVC", Part::Claim | Part::Line) => {
                let Some(c) = claim.as_mut() else {
                    return Err(X12Error::at(&seg, "SVC outside a claim payment (CLP)"));
                };
                if c.lines.len() >= MAX_SERVICE_LINES {
                    return Err(X12Error::at(
                        &seg,
                        format!("a claim payment holds at most {MAX_SERVICE_LINES} service lines (SVC)"),
                    ));
                }
                let procedure = required(&seg, 1, "SVC01 (procedure code)")?;
                if seg.component(1, 2).is_empty() {
                    return Err(X12Error::at(
                        &seg,
                        format!("SVC01 {procedure:?} has no procedure code after its qualifier"),
                    ));
                }
                c.lines.push(ServicePayment {
                    procedure,
                    charge: amount(&seg, 2, "SVC02 (line charge)")?,
                    paid: amount(&seg, 3, "SVC03 (line payment)")?,
                    units: seg.element(5),
                    adjustments: Vec::new(),
                });
                line_cas = 0;
                part = Some(Part::Line);
            }
            ("SVC", _) => {
                return Err(X12Error::at(&seg, "SVC outside a claim payment (CLP)"));
            }
            ("PLB", Part::Payee | Part::Number | Part::Claim | Part::Line | Part::Plb) => {
                if !flush(&mut claim, &h, counts, each) {
                    stopped = true;
                    break;
                }
                if !announced {
                    announced = true;
                    counts.remits += 1;
                    if !each(RemitItem::Remit(&h)) {
                        stopped = true;
                        break;
                    }
                }
                part = Some(Part::Plb);
                let provider_id = required(&seg, 1, "PLB01 (provider identifier)")?;
                let fiscal_period = required(&seg, 2, "PLB02 (fiscal period date)")?;
                if seg.element_count() > 2 + 2 * MAX_PLB_PAIRS {
                    return Err(X12Error::at(
                        &seg,
                        format!(
                            "a PLB holds at most {MAX_PLB_PAIRS} adjustments (14 elements), this one has {} elements",
                            seg.element_count()
                        ),
                    ));
                }
                for k in 0..MAX_PLB_PAIRS {
                    let r = 3 + 2 * k;
                    let reason = seg.component(r, 1);
                    if reason.is_empty() {
                        if k == 0 {
                            return Err(X12Error::at(
                                &seg,
                                "PLB03 (adjustment reason code) is missing",
                            ));
                        }
                        if !seg.element(r + 1).is_empty() {
                            return Err(X12Error::at(
                                &seg,
                                format!("PLB{:02} has an amount without its reason", r + 1),
                            ));
                        }
                        continue;
                    }
                    plb_seq += 1;
                    let adj = ProviderAdjustment {
                        seq: plb_seq,
                        position: seg.position(),
                        provider_id,
                        fiscal_period,
                        reason,
                        reference: seg.component(r, 2),
                        amount: amount(&seg, r + 1, &format!("PLB{:02}", r + 1))?,
                    };
                    counts.provider_adjustments += 1;
                    if !each(RemitItem::ProviderAdjustment(&h, &adj)) {
                        stopped = true;
                        break;
                    }
                }
                if stopped {
                    break;
                }
            }
            ("PLB", _) => {
                return Err(X12Error::at(&seg, "PLB before the payee (N1*PE)"));
            }
            (_, Part::Plb) => {
                return Err(X12Error::at(
                    &seg,
                    format!("{id} after the provider adjustments (PLB), which end an 835"),
                ));
            }
            // Every other segment (DTM, REF, N3, N4, PER, NM1, MIA, MOA, AMT, QTY, LQ, TS3,
            // TS2, CUR, RDM) is read over: posting needs none of them.
            _ => {}
        }
    }
    if stopped {
        return Ok(());
    }
    let Some(p) = part else {
        return Err(match st {
            Some(s) => X12Error::at(&s, "the 835 has no BPR (financial information)"),
            None => X12Error::general("the 835 has no BPR (financial information)"),
        });
    };
    let end = |msg: &str| match st {
        Some(s) => X12Error::at(&s, format!("transaction set {}: {msg}", t.control_number)),
        None => X12Error::general(msg.to_string()),
    };
    if p == Part::Bpr {
        return Err(end("the 835 has no TRN (reassociation trace number)"));
    }
    if !have_payer {
        return Err(end("the 835 names no payer (N1*PR)"));
    }
    if !have_payee {
        return Err(end("the 835 names no payee (N1*PE)"));
    }
    if !flush(&mut claim, &h, counts, each) {
        return Ok(());
    }
    if !announced {
        // A remittance with no claim and no adjustment (a zero payment): still a remittance.
        counts.remits += 1;
        each(RemitItem::Remit(&h));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ISA: &str = "ISA*00*          *00*          *ZZ*ORMMIS         *ZZ*506675928      *260316*1200*^*00501*000000001*0*T*:~";

    /// An interchange with one 835 set of `body` (segments after ST, before SE).
    fn wrap(body: &[&str]) -> String {
        let mut s =
            format!("{ISA}GS*HP*ORMMIS*506675928*20260316*1200*1*X*005010X221A1~ST*835*0001~");
        for b in body {
            s.push_str(b);
            s.push('~');
        }
        s.push_str(&format!(
            "SE*{}*0001~GE*1*1~IEA*1*000000001~",
            body.len() + 2
        ));
        s
    }

    const HEAD: [&str; 4] = [
        "BPR*I*150*C*ACH*CCP*01*999999999*DA*123456*1234567890**01*999988880*DA*98765*20260320",
        "TRN*1*RA000001*1930000000",
        "N1*PR*OREGON HEALTH AUTHORITY",
        "N1*PE*BENCH CLINIC*XX*1467589325",
    ];

    fn body(rest: &[&'static str]) -> Vec<&'static str> {
        HEAD.iter().chain(rest.iter()).copied().collect()
    }

    #[derive(Default, Debug)]
    struct Seen {
        remits: Vec<String>,
        claims: Vec<(String, String, i64, String, usize, usize)>,
        plb: Vec<(String, String, i64)>,
    }

    fn read(text: &str) -> Result<Seen, String> {
        let mut seen = Seen::default();
        let r: Result<Result<RemitCounts, String>, ()> = read_835(text, |item| {
            match item {
                RemitItem::Remit(h) => seen.remits.push(h.trace.to_string()),
                RemitItem::Claim(_, c) => seen.claims.push((
                    c.patient_control_number.to_string(),
                    c.status.to_string(),
                    c.paid,
                    c.payer_claim_control_number.to_string(),
                    c.adjustments.len(),
                    c.lines.len(),
                )),
                RemitItem::ProviderAdjustment(_, p) => {
                    seen.plb
                        .push((p.reason.to_string(), p.reference.to_string(), p.amount))
                }
            }
            Ok(())
        });
        r.unwrap().map(|_| seen)
    }

    #[test]
    fn reads_claims_adjustments_lines_and_plb() {
        let text = wrap(&body(&[
            "LX*1",
            "CLP*PCN1*1*180*150**MC*2026075000001",
            "CAS*CO*45*30",
            "NM1*QC*1*RIVERA*ANA****MI*OC100001",
            "SVC*HC:90837*180*150**1",
            "DTM*472*20260302",
            "CAS*CO*45*20*1*96*10",
            "CLP*2026075000002*22*-120*-120**MC*2026075000002",
            "CAS*CR*45*0",
            "PLB*1467589325*20261231*WO:2026075000003*25*L6*-1.5",
        ]));
        let s = read(&text).unwrap();
        assert_eq!(s.remits, ["RA000001"]);
        assert_eq!(
            s.claims,
            [
                (
                    "PCN1".into(),
                    "1".into(),
                    15000,
                    "2026075000001".into(),
                    1,
                    1
                ),
                (
                    "2026075000002".into(),
                    "22".into(),
                    -12000,
                    "2026075000002".into(),
                    1,
                    0
                ),
            ]
        );
        assert_eq!(
            s.plb,
            [
                ("WO".into(), "2026075000003".into(), 2500),
                ("L6".into(), "".into(), -150)
            ]
        );
    }

    #[test]
    fn a_line_keeps_its_cas_triples() {
        let text = wrap(&body(&[
            "CLP*P*1*100*40**MC*1",
            "SVC*HC:90837:GT*100*40**2",
            "CAS*CO*45*50*1*96*5**A1*5",
        ]));
        let mut got = None;
        let _: Result<_, ()> = read_835(&text, |item| {
            if let RemitItem::Claim(_, c) = item {
                got = Some(c.lines.clone());
            }
            Ok(())
        });
        let lines = got.unwrap();
        assert_eq!(lines[0].procedure, "HC:90837:GT");
        assert_eq!(lines[0].units, "2");
        let a: Vec<_> = lines[0]
            .adjustments
            .iter()
            .map(|a| (a.group, a.reason, a.amount))
            .collect();
        assert_eq!(
            a,
            [("CO", "45", 5000), ("CO", "96", 500), ("CO", "A1", 500)]
        );
    }

    #[test]
    fn several_sets_and_interchanges_are_read() {
        let one = wrap(&body(&["CLP*A*1*10*10**MC*1"]));
        let text = format!("{one}\n{one}");
        let s = read(&text).unwrap();
        assert_eq!(s.remits.len(), 2);
        assert_eq!(s.claims.len(), 2);
        // Two sets in one group.
        let two = one.replace(
            "SE*7*0001~",
            "SE*7*0001~ST*835*0002~BPR*I*0*C*NON************20260320~TRN*1*RA2*1930000000~N1*PR*P~N1*PE*Q~SE*6*0002~",
        ).replace("GE*1*1", "GE*2*1");
        let s = read(&two).unwrap();
        assert_eq!(s.remits, ["RA000001", "RA2"]);
    }

    fn refused(rest: &[&'static str]) -> String {
        read(&wrap(&body(rest))).unwrap_err()
    }

    #[test]
    fn malformed_835s_name_the_segment() {
        let e = refused(&["CLP*A*1*10*ten**MC*1"]);
        assert!(e.contains("segment 8 (CLP)") && e.contains("CLP04"), "{e}");
        let e = refused(&["CAS*CO*45*1"]);
        assert!(e.contains("(CAS)") && e.contains("outside a claim"), "{e}");
        let e = refused(&["CLP*A*1*10*10**MC*1", "CAS*XX*45*1"]);
        assert!(e.contains("CAS01 \"XX\""), "{e}");
        let e = refused(&[
            "CLP*A*1*10*10**MC*1",
            "CAS*CO*1*1**2*1**3*1**4*1**5*1**6*1**7*1",
        ]);
        assert!(e.contains("at most 6 adjustments"), "{e}");
        let e = refused(&[
            "CLP*A*1*10*10**MC*1",
            "PLB*X*20261231*WO:1*1",
            "CLP*B*1*1*1",
        ]);
        assert!(
            e.contains("(CLP)") && e.contains("after the provider adjustments"),
            "{e}"
        );
        let e = refused(&["CLP*A*1*10*10**MC*1", "PLB*X*20261231"]);
        assert!(e.contains("PLB03"), "{e}");
        let e = refused(&["SVC*HC:1*1*1"]);
        assert!(e.contains("SVC outside"), "{e}");
        let e = refused(&["CLP*A*1*10*100000000000**MC*1"]);
        assert!(e.contains("ceiling"), "{e}");
        // No BPR first.
        let text = wrap(&["TRN*1*X*1", "N1*PR*P", "N1*PE*Q"]);
        assert!(read(&text).unwrap_err().contains("starts with BPR"));
        // No payee.
        let text = wrap(&[HEAD[0], HEAD[1], HEAD[2]]);
        assert!(read(&text).unwrap_err().contains("no payee"));
        // Not an 835.
        let text = wrap(&body(&[])).replace("ST*835", "ST*837");
        assert!(read(&text).unwrap_err().contains("is not a 835"));
        // Broken counts.
        let text = wrap(&body(&[])).replace("SE*6*", "SE*9*");
        assert!(read(&text).unwrap_err().contains("SE01"));
        // The second interchange is named.
        let one = wrap(&body(&[]));
        let bad = format!("{one}{}", wrap(&body(&["CLP*A"])));
        let e = read(&bad).unwrap_err();
        assert!(e.starts_with("interchange 2 of 2: segment 8 (CLP)"), "{e}");
    }

    #[test]
    fn too_many_service_lines_are_refused_early() {
        let mut rest: Vec<&'static str> = vec!["CLP*A*1*10*10**MC*1"];
        rest.extend(std::iter::repeat_n(
            "SVC*HC:90837*1*1",
            MAX_SERVICE_LINES + 1,
        ));
        let e = refused(&rest);
        assert!(e.contains("at most 999 service lines"), "{e}");
    }

    #[test]
    fn the_callback_can_stop_the_reading() {
        let text = wrap(&body(&["CLP*A*1*1*1", "CLP*B*1*1*1", "CLP*C*1*1*1"]));
        let mut n = 0;
        let r = read_835(&text, |item| {
            if let RemitItem::Claim(..) = item {
                n += 1;
                if n == 2 {
                    return Err("stop");
                }
            }
            Ok(())
        });
        assert_eq!(r.unwrap_err(), "stop");
        assert_eq!(n, 2);
    }

    #[test]
    fn takebacks_and_recoupments() {
        let c = ClaimPayment {
            seq: 1,
            position: 1,
            patient_control_number: "A",
            status: "22",
            billed: 0,
            paid: 0,
            patient_responsibility: None,
            payer_claim_control_number: "",
            adjustments: vec![],
            lines: vec![],
        };
        assert!(c.is_takeback());
        assert!(ClaimPayment {
            status: "1",
            paid: -1,
            ..c.clone()
        }
        .is_takeback());
        assert!(!ClaimPayment { status: "1", ..c }.is_takeback());
    }
}
