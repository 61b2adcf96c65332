//! The one permission table: every command and what the acting identity needs to run it.

use crate::domain::roles::Role;

/// What a command needs from whoever runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// No sign-in (setup from a PIN letter, reference data, generated files).
    Public,
    /// Any signed-in identity, session or token, no provider needed.
    Signed,
    /// A signed-in person with a session (not an API token).
    Session,
    /// Anyone: the identity is worked out when there is one, and a missing, expired or
    /// refused sign-in is reported instead of failing the command (`mmis info`).
    SignedOptional,
    /// The agency's operator account.
    Operator,
    /// The operator, or the site administrator of the current provider.
    OperatorOrSiteAdmin,
    /// The site administrator of the current provider.
    SiteAdmin,
    /// This role for the current provider (the site administrator holds them all).
    Role(Role),
    /// Any of these roles for the current provider.
    AnyRole(&'static [Role]),
}

use Need::*;

const PA_READ: &[Role] = &[Role::PriorAuthInquiry, Role::PlanOfCareInquiry];

/// Command path (as typed, subcommands joined by spaces) → what it needs.
/// A test walks the clap tree and fails when a command is missing here.
pub const TABLE: &[(&str, Need)] = &[
    ("init", Public),
    ("demo", Public),
    ("info", SignedOptional),
    ("completions", Public),
    ("man", Public),
    ("roles", Public),
    ("form template", Public),
    ("login", Public),
    ("logout", Session),
    ("whoami", Signed),
    ("providers", Signed),
    ("account setup", Public),
    ("account pin-request", Public),
    ("account accept-invite", Public),
    ("account link", Session),
    ("account switch-provider", Session),
    ("account password change", Session),
    ("account password reset", Public),
    ("token create", Session),
    ("token list", Session),
    ("token revoke", Session),
    ("clerk add", Role(Role::ClerkMaintenance)),
    ("clerk remove", Role(Role::ClerkMaintenance)),
    ("clerk roles", Role(Role::ClerkMaintenance)),
    ("clerk list", Role(Role::ClerkMaintenance)),
    ("clerk search", Role(Role::ClerkMaintenance)),
    ("clerk unlock", Role(Role::ClerkMaintenance)),
    ("admin transfer-request", Public),
    ("admin transfer-status", Public),
    ("elig check", Role(Role::EligibilityInquiry)),
    ("elig batch", Role(Role::EligibilityInquiry)),
    ("claim submit", Role(Role::ClaimSubmission)),
    ("claim status", Role(Role::ClaimInquiry)),
    ("claim list", Role(Role::ClaimInquiry)),
    ("claim export", Role(Role::ClaimInquiry)),
    ("claim void", Role(Role::ClaimVoid)),
    ("pa submit", Role(Role::PriorAuthSubmit)),
    ("pa inquire", AnyRole(PA_READ)),
    ("pa list", AnyRole(PA_READ)),
    ("pa cancel", Role(Role::PriorAuthSubmit)),
    ("audit log", OperatorOrSiteAdmin),
    ("audit verify", OperatorOrSiteAdmin),
    ("audit anchor", OperatorOrSiteAdmin),
    ("ops provider enroll", Operator),
    ("ops provider pin-reissue", Operator),
    ("ops provider list", Operator),
    ("ops pin-requests", Operator),
    ("ops member import", Operator),
    ("ops fee-schedule import", Operator),
    ("ops claims adjudicate", Operator),
    ("ops pa decide", Operator),
    ("ops transfer list", Operator),
    ("ops transfer approve", Operator),
    ("ops transfer reject", Operator),
    ("ops user unlock", Operator),
    // Break glass: the proof is write access to the store itself, not a session.
    ("ops recover-operator", Public),
];

pub fn need(command: &str) -> Option<Need> {
    TABLE.iter().find(|(c, _)| *c == command).map(|(_, n)| *n)
}

/// The commands a role opens (for `mmis roles`).
pub fn commands_for(role: Role) -> Vec<&'static str> {
    TABLE
        .iter()
        .filter(|(_, n)| match n {
            Need::Role(r) => *r == role,
            Need::AnyRole(rs) => rs.contains(&role),
            _ => false,
        })
        .map(|(c, _)| *c)
        .collect()
}
