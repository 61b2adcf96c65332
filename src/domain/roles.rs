//! The portal's role catalog, named exactly as the portal shows them.

use crate::error::{Error, Result};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    ClaimInquiry,
    ClaimSubmission,
    ClaimVoid,
    EligibilityInquiry,
    PriorAuthInquiry,
    PriorAuthSubmit,
    PlanOfCareInquiry,
    ClerkMaintenance,
    TradeFiles,
    DemographicMaint,
    BenefitsHscInquiry,
    EhrIncentive,
    Pcpch,
}

impl Role {
    pub const ALL: [Role; 13] = [
        Role::ClaimInquiry,
        Role::ClaimSubmission,
        Role::ClaimVoid,
        Role::EligibilityInquiry,
        Role::PriorAuthInquiry,
        Role::PriorAuthSubmit,
        Role::PlanOfCareInquiry,
        Role::ClerkMaintenance,
        Role::TradeFiles,
        Role::DemographicMaint,
        Role::BenefitsHscInquiry,
        Role::EhrIncentive,
        Role::Pcpch,
    ];

    /// The name exactly as the portal shows it (and as JSON carries it).
    pub fn name(self) -> &'static str {
        match self {
            Role::ClaimInquiry => "Claim Inquiry",
            Role::ClaimSubmission => "Claim Submission",
            Role::ClaimVoid => "Claim Void",
            Role::EligibilityInquiry => "Eligibility Inquiry",
            Role::PriorAuthInquiry => "Prior Auth Inquiry",
            Role::PriorAuthSubmit => "Prior Auth Submit",
            Role::PlanOfCareInquiry => "Plan of Care Inquiry",
            Role::ClerkMaintenance => "Clerk Maintenance",
            Role::TradeFiles => "Trade Files",
            Role::DemographicMaint => "Demographic Maint",
            Role::BenefitsHscInquiry => "Benefits HSC Inquiry",
            Role::EhrIncentive => "EHR Incentive",
            Role::Pcpch => "PCPCH",
        }
    }

    /// The kebab-case slug (`claim-inquiry`), also accepted on input.
    pub fn slug(self) -> String {
        self.name().to_ascii_lowercase().replace(' ', "-")
    }

    pub fn description(self) -> &'static str {
        match self {
            Role::ClaimInquiry => "look up fee-for-service claims and their status",
            Role::ClaimSubmission => "key in fee-for-service claims",
            Role::ClaimVoid => "void or withdraw a claim",
            Role::EligibilityInquiry => "check member eligibility and CCO enrollment",
            Role::PriorAuthInquiry => "look up prior authorizations",
            Role::PriorAuthSubmit => "submit prior authorization and plan of care requests",
            Role::PlanOfCareInquiry => "look up plan of care requests",
            Role::ClerkMaintenance => "add, change and remove clerks (keep it in-house)",
            Role::TradeFiles => "exchange X12 batch files (837P intake)",
            Role::DemographicMaint => "maintain the provider's demographic record",
            Role::BenefitsHscInquiry => "benefits and health services inquiry",
            Role::EhrIncentive => "EHR incentive program attestation",
            Role::Pcpch => "patient-centered primary care home",
        }
    }

    /// Accepts the portal name (any case) or the kebab-case slug.
    pub fn parse(s: &str) -> Result<Role> {
        let t = s.trim();
        let norm = t.to_ascii_lowercase().replace(['-', '_'], " ");
        let norm: String = norm.split_whitespace().collect::<Vec<_>>().join(" ");
        for r in Role::ALL {
            if r.name().to_ascii_lowercase() == norm {
                return Ok(r);
            }
        }
        Err(Error::invalid(format!(
            "unknown role {t:?}; the roles are: {}",
            Role::ALL
                .iter()
                .map(|r| r.name())
                .collect::<Vec<_>>()
                .join(", ")
        ))
        .hint("`mmis roles` lists them with what each allows"))
    }

    /// Parse a comma-separated list ("Claim Inquiry,eligibility-inquiry").
    pub fn parse_list(s: &str) -> Result<Vec<Role>> {
        let mut out = Vec::new();
        for part in s.split(',') {
            if part.trim().is_empty() {
                continue;
            }
            out.push(Role::parse(part)?);
        }
        Ok(normalize(out))
    }
}

/// Sorted in catalog order, without repeats.
pub fn normalize(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
}

pub fn names(roles: &[Role]) -> Vec<String> {
    roles.iter().map(|r| r.name().to_string()).collect()
}

/// Stored form: names joined by commas.
pub fn encode(roles: &[Role]) -> String {
    names(roles).join(",")
}

pub fn decode(s: &str) -> Vec<Role> {
    normalize(s.split(',').filter_map(|p| Role::parse(p).ok()).collect())
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_slugs_round_trip() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.name()).unwrap(), r);
            assert_eq!(Role::parse(&r.slug()).unwrap(), r);
        }
        assert_eq!(
            Role::parse("plan-of-care-inquiry").unwrap(),
            Role::PlanOfCareInquiry
        );
        assert_eq!(Role::parse("ehr incentive").unwrap(), Role::EhrIncentive);
        assert!(Role::parse("Superuser").is_err());
    }

    #[test]
    fn lists_are_normalized() {
        let r = Role::parse_list("eligibility-inquiry, Claim Inquiry,claim-inquiry").unwrap();
        assert_eq!(r, vec![Role::ClaimInquiry, Role::EligibilityInquiry]);
        assert_eq!(decode(&encode(&r)), r);
    }
}
