//! Posting a remittance: which claim an 835's claim payment belongs to, and what it says
//! about what we expected. Pure: the command looks the candidates up and calls these.

/// A claim of ours that a claim payment may be posted onto.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub icn: &'a str,
    pub patient_control_number: Option<&'a str>,
    /// Our adjudicated paid amount, in cents (0 when not paid).
    pub paid_amount: i64,
}

/// The patient control number an 835 of ours sends back in CLP01 for this claim: the
/// claim's own, or its ICN when it has none (a portal claim).
pub fn clp01_of<'a>(c: &Candidate<'a>) -> &'a str {
    c.patient_control_number.unwrap_or(c.icn)
}

/// Whether a claim payment (CLP01 and CLP07) is this claim's: CLP07 must be its ICN and
/// CLP01 its patient control number (its ICN when it has none).
pub fn matches_by_icn(c: &Candidate<'_>, clp01: &str, clp07: &str) -> bool {
    c.icn == clp07 && clp01_of(c) == clp01
}

/// What posting a claim payment onto a matched claim finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// What we expected CLP04 to be: our paid amount, or its negative for a takeback.
    pub expected: i64,
    /// CLP04 is not what we expected.
    pub differs: bool,
}

/// Compares a claim payment's CLP04 with our paid amount (a takeback — CLP02 22 or a
/// negative CLP04 — is expected to take back what we paid).
pub fn outcome(our_paid: i64, clp04: i64, takeback: bool) -> Outcome {
    let expected = if takeback { -our_paid } else { our_paid };
    Outcome {
        expected,
        differs: clp04 != expected,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_matches_by_icn_and_its_patient_control_number() {
        let x12 = Candidate {
            icn: "2026075000001",
            patient_control_number: Some("PCN-1"),
            paid_amount: 100,
        };
        assert!(matches_by_icn(&x12, "PCN-1", "2026075000001"));
        assert!(!matches_by_icn(&x12, "PCN-2", "2026075000001"));
        assert!(!matches_by_icn(&x12, "PCN-1", "2026075000002"));
        let portal = Candidate {
            patient_control_number: None,
            ..x12
        };
        assert!(matches_by_icn(&portal, "2026075000001", "2026075000001"));
        assert!(!matches_by_icn(&portal, "PCN-1", "2026075000001"));
    }

    #[test]
    fn outcome_compares_with_our_paid_amount() {
        assert_eq!(
            outcome(12000, 12000, false),
            Outcome {
                expected: 12000,
                differs: false
            }
        );
        assert!(outcome(12000, 11000, false).differs);
        assert!(!outcome(12000, -12000, true).differs);
        assert!(outcome(12000, -11000, true).differs);
        // Denied by us, paid by the 835: differs.
        assert!(outcome(0, 500, false).differs);
    }
}
