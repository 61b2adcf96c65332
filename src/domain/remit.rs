//! The remittance advice (835) of a payment cycle: what each claim priced or reversed in the
//! cycle looks like on a provider's remittance (CLP with its CAS, SVC per line with its own
//! CAS), how a provider's payment is settled (BPR, PLB forward balance), and the balancing
//! rules every remittance obeys. Pure: no I/O, no SQL.
//!
//! Balancing (005010X221A1 section 1.10.2):
//! - per line: charge = paid + Σ line CAS;
//! - per claim: billed = paid + Σ claim CAS + Σ line CAS;
//! - per remittance: BPR02 = Σ CLP04 − Σ PLB04.
//!
//! A reversal (CLP02 = 22) repeats the earlier payment with every amount negated, so it
//! balances exactly as the payment did and nets against this cycle's payments. When a
//! provider's reversals (and any balance carried from before) exceed its payments, BPR02 cannot
//! go below zero: the remittance pays 0 (BPR01 = H, notification only) and a PLB with reason
//! `FB` (forward balance) carries the difference as a negative amount; the provider's next
//! remittance collects it with a positive `FB` PLB, as far as that remittance's payments reach.

use crate::domain::ids::Cents;
use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::fmt;

/// CARC 45: charge exceeds the fee schedule / maximum allowable.
pub const CARC_ABOVE_FEE_SCHEDULE: &str = "45";
/// CLP06 of every claim: Medicaid.
pub const CLAIM_FILING_INDICATOR: &str = "MC";
/// PLB03-1 reason for a balance carried between remittances.
pub const PLB_FORWARD_BALANCE: &str = "FB";
/// The group of every adjustment we make: contractual obligation (the provider may not bill
/// the member for it; Medicaid members owe no patient responsibility).
pub const GROUP_CONTRACTUAL: &str = "CO";

/// What a CARC we use means for the biller (`remit show`, docs/claims.md).
pub fn carc_text(carc: &str) -> &'static str {
    match carc {
        "45" => "Charge exceeds fee schedule/maximum allowable; the difference is written off",
        "96" => "Non-covered charge: the service is not on the Medicaid fee schedule",
        "16" => "Claim/service lacks information or has billing errors; correct and resubmit",
        "18" => "Exact duplicate claim/service",
        "29" => "The time limit for filing has expired",
        "197" => "Precertification/authorization absent",
        _ => "See the X12 claim adjustment reason code list",
    }
}

/// CLP02: how the payer processed the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClpStatus {
    /// 1: processed as primary (some line paid).
    Processed,
    /// 4: denied (no line paid).
    Denied,
    /// 22: reversal of an earlier payment.
    Reversal,
}

impl ClpStatus {
    pub fn code(self) -> &'static str {
        match self {
            ClpStatus::Processed => "1",
            ClpStatus::Denied => "4",
            ClpStatus::Reversal => "22",
        }
    }
    pub fn parse(code: &str) -> Option<ClpStatus> {
        match code {
            "1" => Some(ClpStatus::Processed),
            "4" => Some(ClpStatus::Denied),
            "22" => Some(ClpStatus::Reversal),
            _ => None,
        }
    }
    /// A word for people.
    pub fn word(self) -> &'static str {
        match self {
            ClpStatus::Processed => "paid",
            ClpStatus::Denied => "denied",
            ClpStatus::Reversal => "reversed",
        }
    }
}

impl fmt::Display for ClpStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A claim line as adjudicated: what was billed and what pricing made of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricedLine {
    pub line_no: i64,
    pub procedure_code: String,
    /// Comma-separated, as stored.
    pub modifiers: String,
    pub date_of_service: NaiveDate,
    pub units: i64,
    pub charge: Cents,
    pub allowed: Cents,
    pub paid: Cents,
    /// The CARC of a denied line (`None` for a paid one).
    pub carc: Option<String>,
}

/// The facts of one claim on a remittance.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimFacts {
    pub claim_id: i64,
    pub icn: String,
    pub lines: Vec<PricedLine>,
}

/// A CAS adjustment: group, reason and amount (positive reduces the payment).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Adjustment {
    pub group: String,
    pub carc: String,
    pub amount: Cents,
}

/// An SVC with its CAS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemitLine {
    pub line_no: i64,
    pub procedure_code: String,
    pub modifiers: String,
    pub date_of_service: NaiveDate,
    /// Negative on a reversal.
    pub units: i64,
    pub charge: Cents,
    pub allowed: Cents,
    pub paid: Cents,
    pub adjustments: Vec<Adjustment>,
}

/// A CLP with its claim-level CAS and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemitClaim {
    pub claim_id: i64,
    pub icn: String,
    pub status: ClpStatus,
    pub billed: Cents,
    pub allowed: Cents,
    pub paid: Cents,
    /// CLP05: always 0 (Medicaid members owe nothing).
    pub patient_responsibility: Cents,
    pub adjustments: Vec<Adjustment>,
    pub lines: Vec<RemitLine>,
}

/// A PLB adjustment: reason (PLB03-1), reference (PLB03-2), amount (positive reduces BPR02).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProviderAdjustment {
    pub reason: String,
    pub reference: String,
    pub amount: Cents,
}

/// How a provider's remittance pays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settlement {
    /// BPR02, never negative.
    pub paid_amount: Cents,
    /// BPR01: `I` (remittance with payment) or `H` (notification only, nothing paid).
    pub handling: &'static str,
    /// BPR04: `CHK` or `NON` (no payment).
    pub method: &'static str,
    pub provider_adjustments: Vec<ProviderAdjustment>,
    /// What the provider still owes after this remittance (carried to the next one).
    pub carried: Cents,
}

/// One provider's remittance for a cycle (the whole of it, for tests and small cycles; the
/// payment cycle builds the same thing claim by claim).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remittance {
    pub provider_id: String,
    pub claims: Vec<RemitClaim>,
    pub settlement: Settlement,
}

fn overflow() -> Error {
    Error::internal("a remittance amount overflows; nothing was paid")
}

fn add(a: Cents, b: Cents) -> Result<Cents> {
    a.0.checked_add(b.0).map(Cents).ok_or_else(overflow)
}

fn sub(a: Cents, b: Cents) -> Result<Cents> {
    a.0.checked_sub(b.0).map(Cents).ok_or_else(overflow)
}

fn neg(a: Cents) -> Result<Cents> {
    a.0.checked_neg().map(Cents).ok_or_else(overflow)
}

/// A line's CAS: a denied line's whole charge under its CARC; a paid line's charge above the
/// allowed amount as CO-45.
fn line_adjustments(l: &PricedLine) -> Result<Vec<Adjustment>> {
    let amount = sub(l.charge, l.paid)?;
    if amount.0 == 0 {
        return Ok(Vec::new());
    }
    let carc = l
        .carc
        .clone()
        .unwrap_or_else(|| CARC_ABOVE_FEE_SCHEDULE.to_string());
    Ok(vec![Adjustment {
        group: GROUP_CONTRACTUAL.to_string(),
        carc,
        amount,
    }])
}

/// The CLP of a claim priced in this cycle: 1 when a line was paid, 4 when none was.
pub fn remit_payment(c: &ClaimFacts) -> Result<RemitClaim> {
    let mut out = RemitClaim {
        claim_id: c.claim_id,
        icn: c.icn.clone(),
        status: ClpStatus::Denied,
        billed: Cents(0),
        allowed: Cents(0),
        paid: Cents(0),
        patient_responsibility: Cents(0),
        adjustments: Vec::new(),
        lines: Vec::with_capacity(c.lines.len()),
    };
    for l in &c.lines {
        if l.carc.is_none() {
            out.status = ClpStatus::Processed;
        }
        out.billed = add(out.billed, l.charge)?;
        out.allowed = add(out.allowed, l.allowed)?;
        out.paid = add(out.paid, l.paid)?;
        out.lines.push(RemitLine {
            line_no: l.line_no,
            procedure_code: l.procedure_code.clone(),
            modifiers: l.modifiers.clone(),
            date_of_service: l.date_of_service,
            units: l.units,
            charge: l.charge,
            allowed: l.allowed,
            paid: l.paid,
            adjustments: line_adjustments(l)?,
        });
    }
    Ok(out)
}

/// The CLP 22 that takes back an earlier payment: the payment's CLP with every amount negated.
pub fn remit_reversal(c: &ClaimFacts) -> Result<RemitClaim> {
    let paid = remit_payment(c)?;
    let negate_adj = |a: &Adjustment| -> Result<Adjustment> {
        Ok(Adjustment {
            group: a.group.clone(),
            carc: a.carc.clone(),
            amount: neg(a.amount)?,
        })
    };
    let mut lines = Vec::with_capacity(paid.lines.len());
    for l in &paid.lines {
        lines.push(RemitLine {
            line_no: l.line_no,
            procedure_code: l.procedure_code.clone(),
            modifiers: l.modifiers.clone(),
            date_of_service: l.date_of_service,
            units: -l.units,
            charge: neg(l.charge)?,
            allowed: neg(l.allowed)?,
            paid: neg(l.paid)?,
            adjustments: l
                .adjustments
                .iter()
                .map(negate_adj)
                .collect::<Result<_>>()?,
        });
    }
    Ok(RemitClaim {
        claim_id: paid.claim_id,
        icn: paid.icn,
        status: ClpStatus::Reversal,
        billed: neg(paid.billed)?,
        allowed: neg(paid.allowed)?,
        paid: neg(paid.paid)?,
        patient_responsibility: Cents(0),
        adjustments: paid
            .adjustments
            .iter()
            .map(negate_adj)
            .collect::<Result<_>>()?,
        lines,
    })
}

/// Settles a provider's remittance: `claims_paid` is Σ CLP04 (reversals negative),
/// `owed` what the provider owed before (≥ 0, carried by earlier remittances), `reference`
/// the PLB03-2 (the remittance's id).
///
/// BPR02 = max(Σ CLP04 − owed, 0); one `FB` PLB of Σ CLP04 − BPR02 (positive: collecting
/// what was owed; negative: carrying a new debt forward) when that is not zero.
pub fn settle(claims_paid: Cents, owed: Cents, reference: &str) -> Result<Settlement> {
    let net = sub(claims_paid, owed)?;
    let paid_amount = if net.0 > 0 { net } else { Cents(0) };
    let plb = sub(claims_paid, paid_amount)?;
    let carried = sub(owed, plb)?;
    let provider_adjustments = if plb.0 == 0 {
        Vec::new()
    } else {
        vec![ProviderAdjustment {
            reason: PLB_FORWARD_BALANCE.to_string(),
            reference: reference.to_string(),
            amount: plb,
        }]
    };
    let (handling, method) = if paid_amount.0 > 0 {
        ("I", "CHK")
    } else {
        ("H", "NON")
    };
    Ok(Settlement {
        paid_amount,
        handling,
        method,
        provider_adjustments,
        carried,
    })
}

/// One thing a cycle did to a claim of a provider.
#[derive(Debug, Clone)]
pub enum CycleItem {
    /// Priced this cycle.
    Priced(ClaimFacts),
    /// Paid earlier, voided (or replaced) since: reversed this cycle.
    Reversed(ClaimFacts),
}

/// Every provider's remittance from the facts of a cycle: `items` as (provider, item),
/// `owed` what a provider owed before (none: 0). Providers in order of first appearance.
pub fn build_remittances(
    items: &[(String, CycleItem)],
    owed: &dyn Fn(&str) -> Cents,
    reference: &dyn Fn(&str) -> String,
) -> Result<Vec<Remittance>> {
    let mut out: Vec<Remittance> = Vec::new();
    let mut sums: Vec<Cents> = Vec::new();
    for (provider, item) in items {
        let claim = match item {
            CycleItem::Priced(c) => remit_payment(c)?,
            CycleItem::Reversed(c) => remit_reversal(c)?,
        };
        let i = match out.iter().position(|r| &r.provider_id == provider) {
            Some(i) => i,
            None => {
                out.push(Remittance {
                    provider_id: provider.clone(),
                    claims: Vec::new(),
                    settlement: settle(Cents(0), Cents(0), "")?,
                });
                sums.push(Cents(0));
                out.len() - 1
            }
        };
        sums[i] = add(sums[i], claim.paid)?;
        out[i].claims.push(claim);
    }
    for (r, sum) in out.iter_mut().zip(sums) {
        r.settlement = settle(sum, owed(&r.provider_id), &reference(&r.provider_id))?;
    }
    Ok(out)
}

/// Σ of adjustment amounts.
pub fn adjustments_total(adj: &[Adjustment]) -> Result<Cents> {
    adj.iter().try_fold(Cents(0), |acc, a| add(acc, a.amount))
}

/// Per line: charge = paid + Σ CAS.
pub fn line_balances(l: &RemitLine) -> Result<bool> {
    Ok(l.charge == add(l.paid, adjustments_total(&l.adjustments)?)?)
}

/// Per claim: billed = paid + Σ claim CAS + Σ line CAS, and every line balances.
pub fn claim_balances(c: &RemitClaim) -> Result<bool> {
    let mut total = add(c.paid, adjustments_total(&c.adjustments)?)?;
    for l in &c.lines {
        if !line_balances(l)? {
            return Ok(false);
        }
        total = add(total, adjustments_total(&l.adjustments)?)?;
    }
    Ok(total == c.billed)
}

/// Per remittance: BPR02 = Σ CLP04 − Σ PLB, BPR02 ≥ 0, and every claim balances.
pub fn remittance_balances(r: &Remittance) -> Result<bool> {
    let mut clp = Cents(0);
    for c in &r.claims {
        if !claim_balances(c)? {
            return Ok(false);
        }
        clp = add(clp, c.paid)?;
    }
    let plb = r
        .settlement
        .provider_adjustments
        .iter()
        .try_fold(Cents(0), |acc, p| add(acc, p.amount))?;
    Ok(r.settlement.paid_amount.0 >= 0 && r.settlement.paid_amount == sub(clp, plb)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    fn line(no: i64, charge: i64, allowed: Option<i64>) -> PricedLine {
        PricedLine {
            line_no: no,
            procedure_code: "97110".into(),
            modifiers: "GP".into(),
            date_of_service: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            units: 2,
            charge: Cents(charge),
            allowed: Cents(allowed.unwrap_or(0)),
            paid: Cents(allowed.unwrap_or(0)),
            carc: if allowed.is_none() {
                Some("96".into())
            } else {
                None
            },
        }
    }

    fn claim(id: i64, lines: Vec<PricedLine>) -> ClaimFacts {
        ClaimFacts {
            claim_id: id,
            icn: format!("2026061000{id:03}"),
            lines,
        }
    }

    #[test]
    fn a_paid_claim_above_the_fee_schedule_carries_co_45_per_line() {
        let c = remit_payment(&claim(
            1,
            vec![line(1, 15000, Some(9000)), line(2, 5000, Some(5000))],
        ))
        .unwrap();
        assert_eq!(c.status, ClpStatus::Processed);
        assert_eq!(
            (c.billed, c.allowed, c.paid),
            (Cents(20000), Cents(14000), Cents(14000))
        );
        assert!(c.adjustments.is_empty());
        assert_eq!(
            c.lines[0].adjustments,
            vec![Adjustment {
                group: "CO".into(),
                carc: "45".into(),
                amount: Cents(6000)
            }]
        );
        assert!(c.lines[1].adjustments.is_empty());
        assert!(claim_balances(&c).unwrap());
    }

    #[test]
    fn a_claim_with_no_line_paid_is_denied_with_co_96() {
        let c = remit_payment(&claim(2, vec![line(1, 12000, None)])).unwrap();
        assert_eq!(c.status, ClpStatus::Denied);
        assert_eq!(c.paid, Cents(0));
        assert_eq!(c.lines[0].adjustments[0].carc, "96");
        assert_eq!(c.lines[0].adjustments[0].amount, Cents(12000));
        assert!(claim_balances(&c).unwrap());
    }

    #[test]
    fn a_claim_with_one_line_paid_and_one_denied_is_processed() {
        let c = remit_payment(&claim(
            3,
            vec![line(1, 12000, None), line(2, 8000, Some(7000))],
        ))
        .unwrap();
        assert_eq!(c.status, ClpStatus::Processed);
        assert_eq!(c.paid, Cents(7000));
        assert!(claim_balances(&c).unwrap());
    }

    #[test]
    fn a_reversal_negates_every_amount_and_balances() {
        let f = claim(4, vec![line(1, 15000, Some(9000))]);
        let r = remit_reversal(&f).unwrap();
        assert_eq!(r.status, ClpStatus::Reversal);
        assert_eq!((r.billed, r.paid), (Cents(-15000), Cents(-9000)));
        assert_eq!(r.lines[0].adjustments[0].amount, Cents(-6000));
        assert_eq!(r.lines[0].units, -2);
        assert!(claim_balances(&r).unwrap());
    }

    #[test]
    fn settling_pays_the_net_of_payments_and_reversals() {
        let s = settle(Cents(10000), Cents(0), "RA1").unwrap();
        assert_eq!(s.paid_amount, Cents(10000));
        assert_eq!((s.handling, s.method), ("I", "CHK"));
        assert!(s.provider_adjustments.is_empty());
        assert_eq!(s.carried, Cents(0));
    }

    #[test]
    fn reversals_above_payments_carry_a_forward_balance() {
        let s = settle(Cents(-5000), Cents(0), "RA1").unwrap();
        assert_eq!(s.paid_amount, Cents(0));
        assert_eq!((s.handling, s.method), ("H", "NON"));
        assert_eq!(s.provider_adjustments[0].reason, "FB");
        assert_eq!(s.provider_adjustments[0].amount, Cents(-5000));
        assert_eq!(s.carried, Cents(5000));
        // The next remittance collects it, as far as its payments reach.
        let s = settle(Cents(3000), Cents(5000), "RA2").unwrap();
        assert_eq!(s.paid_amount, Cents(0));
        assert_eq!(s.provider_adjustments[0].amount, Cents(3000));
        assert_eq!(s.carried, Cents(2000));
        let s = settle(Cents(9000), Cents(2000), "RA3").unwrap();
        assert_eq!(s.paid_amount, Cents(7000));
        assert_eq!(s.provider_adjustments[0].amount, Cents(2000));
        assert_eq!(s.carried, Cents(0));
    }

    #[test]
    fn an_amount_that_would_overflow_is_an_error_not_a_wrap() {
        let mut big = line(1, i64::MAX, Some(0));
        big.paid = Cents(-1);
        assert!(remit_payment(&claim(5, vec![big])).is_err());
        assert!(settle(Cents(i64::MIN), Cents(1), "RA").is_err());
    }

    #[test]
    fn every_carc_we_use_has_a_text() {
        for c in ["45", "96", "16"] {
            assert!(!carc_text(c).starts_with("See the X12"), "{c}");
        }
    }

    // A random cycle: providers, and claims each paid, denied, voided (reversed) or replaced
    // (the original reversed, the replacement priced).
    fn arb_line() -> impl Strategy<Value = (i64, i64, u8)> {
        // charge (up to the ceiling), units, what pricing made of it: 0 denied 96,
        // 1 denied 16, 2 paid at a max allowable of up to the charge, 3 paid in full.
        (1..=Cents::MAX.0, 1i64..=99, 0u8..4)
    }

    fn priced((charge, units, how): (i64, i64, u8), no: i64, seed: i64) -> PricedLine {
        let (allowed, carc) = match how {
            0 => (0, Some("96".to_string())),
            1 => (0, Some("16".to_string())),
            2 => (seed.rem_euclid(charge + 1), None),
            _ => (charge, None),
        };
        PricedLine {
            line_no: no,
            procedure_code: "97110".into(),
            modifiers: String::new(),
            date_of_service: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            units,
            charge: Cents(charge),
            allowed: Cents(allowed),
            paid: Cents(allowed),
            carc,
        }
    }

    fn arb_cycle() -> impl Strategy<Value = Vec<(String, CycleItem)>> {
        let claim = (
            0usize..4,
            0u8..4,
            proptest::collection::vec(arb_line(), 1..=50),
            any::<i64>(),
        );
        proptest::collection::vec(claim, 0..40).prop_map(|claims| {
            let mut items = Vec::new();
            for (i, (p, kind, lines, seed)) in claims.into_iter().enumerate() {
                let provider = format!("P{p}");
                let facts = ClaimFacts {
                    claim_id: i as i64,
                    icn: format!("ICN{i}"),
                    lines: lines
                        .into_iter()
                        .enumerate()
                        .map(|(n, l)| priced(l, n as i64 + 1, seed))
                        .collect(),
                };
                match kind {
                    // paid or denied (as pricing made it)
                    0 | 1 => items.push((provider, CycleItem::Priced(facts))),
                    // voided: the earlier payment reversed
                    2 => items.push((provider, CycleItem::Reversed(facts))),
                    // replaced: the original reversed, the replacement priced
                    _ => {
                        let mut new = facts.clone();
                        new.claim_id += 10_000;
                        items.push((provider.clone(), CycleItem::Reversed(facts)));
                        items.push((provider, CycleItem::Priced(new)));
                    }
                }
            }
            items
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn every_remittance_of_a_random_cycle_balances_to_the_cent(
            items in arb_cycle(),
            owed in proptest::collection::vec(0..=Cents::MAX.0, 4),
        ) {
            let owed_of = |p: &str| Cents(owed[p[1..].parse::<usize>().unwrap()]);
            let reference = |p: &str| format!("RA-{p}");
            let remits = build_remittances(&items, &owed_of, &reference).unwrap();
            let mut providers: HashMap<&str, usize> = HashMap::new();
            for (p, _) in &items {
                *providers.entry(p.as_str()).or_default() += 1;
            }
            // One remittance per provider with activity, carrying each of its claims.
            prop_assert_eq!(remits.len(), providers.len());
            for r in &remits {
                prop_assert_eq!(r.claims.len(), providers[r.provider_id.as_str()]);
                prop_assert!(remittance_balances(r).unwrap());
                prop_assert!(r.settlement.paid_amount.0 >= 0);
                // What is carried is what was owed less what the FB PLB collected.
                let plb: i64 = r.settlement.provider_adjustments.iter().map(|p| p.amount.0).sum();
                prop_assert_eq!(r.settlement.carried.0, owed_of(&r.provider_id).0 - plb);
                prop_assert!(r.settlement.carried.0 >= 0);
                for c in &r.claims {
                    let expected = match c.status {
                        ClpStatus::Reversal => c.paid.0 <= 0,
                        ClpStatus::Denied => c.paid.0 == 0,
                        ClpStatus::Processed => c.paid.0 >= 0,
                    };
                    prop_assert!(expected);
                }
            }
        }
    }
}
