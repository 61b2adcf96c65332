//! Oregon reference data from the spec ("Reference data"): benefit plans, CCOs, CCO plan
//! types, Health Share of Oregon plan partners and Medicare parts. Kept as tables; the
//! functions below only look names up in them.

/// A benefit plan: its code, the portal's name, and whether it may be enrolled in a CCO.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BenefitPlan {
    pub code: &'static str,
    pub name: &'static str,
    /// CAWEM (CWM): emergency services only, never enrolled in a CCO (always Open Card).
    pub never_cco: bool,
}

#[rustfmt::skip]
pub const BENEFIT_PLANS: &[BenefitPlan] = &[
    BenefitPlan { code: "BMH", name: "OHP Plus", never_cco: false },
    BenefitPlan { code: "BMP", name: "OHP Plus Supplemental", never_cco: false },
    BenefitPlan { code: "BMD", name: "OHP with Limited Drug", never_cco: false },
    BenefitPlan { code: "BMM", name: "OHP with Limited Drug", never_cco: false },
    BenefitPlan { code: "CWM", name: "CAWEM", never_cco: true },
    BenefitPlan { code: "CWX", name: "CAWEM Plus", never_cco: false },
    BenefitPlan { code: "QMB", name: "Qualified Medicare Beneficiary", never_cco: false },
    BenefitPlan { code: "BHP", name: "OHP Bridge", never_cco: false },
];

/// The 16 coordinated care organizations.
pub const CCOS: &[&str] = &[
    "Advanced Health",
    "AllCare CCO",
    "Cascade Health Alliance",
    "Columbia Pacific CCO",
    "Eastern Oregon CCO",
    "Health Share of Oregon",
    "InterCommunity Health Network CCO",
    "Jackson Care Connect",
    "PacificSource Community Solutions - Central Oregon",
    "PacificSource Community Solutions - Columbia Gorge",
    "PacificSource Community Solutions - Lane",
    "PacificSource Community Solutions - Marion Polk",
    "PrimaryHealth of Josephine County",
    "Trillium Community Health Plan",
    "Umpqua Health Alliance",
    "Yamhill Community Care",
];

/// The CCO whose members are also assigned a plan partner (seed 003).
pub const HEALTH_SHARE: &str = "Health Share of Oregon";

/// CCO plan types: code and what the CCO covers.
pub const CCO_PLAN_TYPES: &[(&str, &str)] = &[
    ("CCOA", "physical, behavioral and dental"),
    ("CCOB", "physical and behavioral"),
    ("CCOE", "behavioral only"),
    ("CCOG", "behavioral and dental"),
];

/// Health Share of Oregon plan partners.
pub const PLAN_PARTNERS: &[&str] = &[
    "CareOregon",
    "Kaiser Permanente",
    "Legacy-PacificSource",
    "OHSU Health",
    "Providence Health & Services",
];

/// Medicare parts a member's Medicare span may name.
pub const MEDICARE_PARTS: &[(&str, &str)] = &[
    ("A", "Medicare Part A (hospital)"),
    ("B", "Medicare Part B (medical)"),
    ("D", "Medicare Part D (drugs)"),
];

fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b)
}

/// A benefit plan by code or by name (case-insensitive). A name shared by two codes
/// ("OHP with Limited Drug") resolves to the first.
pub fn benefit_plan(code_or_name: &str) -> Option<&'static BenefitPlan> {
    BENEFIT_PLANS
        .iter()
        .find(|p| same(code_or_name, p.code))
        .or_else(|| BENEFIT_PLANS.iter().find(|p| same(code_or_name, p.name)))
}

/// The CCO's canonical name.
pub fn cco(name: &str) -> Option<&'static str> {
    CCOS.iter().copied().find(|c| same(name, c))
}

pub fn cco_plan_type(code: &str) -> Option<&'static (&'static str, &'static str)> {
    CCO_PLAN_TYPES.iter().find(|(c, _)| same(code, c))
}

pub fn plan_partner(name: &str) -> Option<&'static str> {
    PLAN_PARTNERS.iter().copied().find(|p| same(name, p))
}

pub fn medicare_part(code: &str) -> Option<&'static (&'static str, &'static str)> {
    MEDICARE_PARTS.iter().find(|(c, _)| same(code, c))
}

/// The benefit plan's display name for a stored code ("OHP Plus"), or the code itself.
pub fn benefit_plan_name(code: &str) -> &str {
    match benefit_plan(code) {
        Some(p) => p.name,
        None => code,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookups_accept_code_or_name_in_any_case() {
        assert_eq!(benefit_plan("bmh").map(|p| p.code), Some("BMH"));
        assert_eq!(benefit_plan("OHP Plus").map(|p| p.code), Some("BMH"));
        assert_eq!(benefit_plan("cawem").map(|p| p.code), Some("CWM"));
        assert_eq!(benefit_plan("CAWEM Plus").map(|p| p.code), Some("CWX"));
        assert!(benefit_plan("XYZ").is_none());
        assert_eq!(CCOS.len(), 16);
        assert_eq!(
            cco("trillium community health plan"),
            Some("Trillium Community Health Plan")
        );
        assert!(cco("Trillium").is_none());
        assert_eq!(plan_partner("ohsu health"), Some("OHSU Health"));
        assert_eq!(cco_plan_type("ccob").map(|t| t.0), Some("CCOB"));
        assert_eq!(medicare_part("d").map(|t| t.0), Some("D"));
        assert!(medicare_part("C").is_none());
        assert!(benefit_plan("CWM").is_some_and(|p| p.never_cco));
    }
}
