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

/// Declares every command once: its variant in [`Cmd`], the path as typed and what it needs.
macro_rules! commands {
    ($($variant:ident => $path:literal, $need:expr;)*) => {
        /// Every command, as a type: `auth::begin(ctx, &store, Cmd::EligCheck)`. What a command
        /// needs is declared with it ([`Cmd::need`]); a new command cannot be added without it.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Cmd {
            $($variant),*
        }

        impl Cmd {
            pub const ALL: &'static [Cmd] = &[$(Cmd::$variant),*];
            /// The command path as typed (subcommands joined by spaces): the audit action.
            pub const fn path(self) -> &'static str {
                match self {
                    $(Cmd::$variant => $path),*
                }
            }
            /// What the acting identity needs to run this command.
            pub const fn need(self) -> Need {
                match self {
                    $(Cmd::$variant => $need),*
                }
            }
        }

        /// Command path → what it needs, in declaration order (for `mmis roles` and the tests).
        /// A test walks the clap tree and fails when a command is missing here.
        pub const TABLE: &[(&str, Need)] = &[$(($path, $need)),*];
    };
}

commands! {
    Init => "init", Public;
    Demo => "demo", Public;
    Info => "info", SignedOptional;
    Completions => "completions", Public;
    Man => "man", Public;
    Roles => "roles", Public;
    FormTemplate => "form template", Public;
    Login => "login", Public;
    Logout => "logout", Session;
    Whoami => "whoami", Signed;
    Providers => "providers", Signed;
    AccountSetup => "account setup", Public;
    AccountPinRequest => "account pin-request", Public;
    AccountAcceptInvite => "account accept-invite", Public;
    AccountLink => "account link", Session;
    AccountSwitchProvider => "account switch-provider", Session;
    AccountPasswordChange => "account password change", Session;
    AccountPasswordReset => "account password reset", Public;
    TokenCreate => "token create", Session;
    TokenList => "token list", Session;
    TokenRevoke => "token revoke", Session;
    ClerkAdd => "clerk add", Role(Role::ClerkMaintenance);
    ClerkRemove => "clerk remove", Role(Role::ClerkMaintenance);
    ClerkRoles => "clerk roles", Role(Role::ClerkMaintenance);
    ClerkList => "clerk list", Role(Role::ClerkMaintenance);
    ClerkSearch => "clerk search", Role(Role::ClerkMaintenance);
    ClerkUnlock => "clerk unlock", Role(Role::ClerkMaintenance);
    AdminTransferRequest => "admin transfer-request", Public;
    AdminTransferStatus => "admin transfer-status", Public;
    EligCheck => "elig check", Role(Role::EligibilityInquiry);
    EligBatch => "elig batch", Role(Role::EligibilityInquiry);
    ClaimSubmit => "claim submit", Role(Role::ClaimSubmission);
    ClaimStatus => "claim status", Role(Role::ClaimInquiry);
    ClaimList => "claim list", Role(Role::ClaimInquiry);
    ClaimExport => "claim export", Role(Role::ClaimInquiry);
    ClaimVoid => "claim void", Role(Role::ClaimVoid);
    ClaimReplace => "claim replace", Role(Role::ClaimSubmission);
    RemitList => "remit list", Role(Role::ClaimInquiry);
    RemitShow => "remit show", Role(Role::ClaimInquiry);
    RemitExport => "remit export", Role(Role::ClaimInquiry);
    PaSubmit => "pa submit", Role(Role::PriorAuthSubmit);
    PaInquire => "pa inquire", AnyRole(PA_READ);
    PaList => "pa list", AnyRole(PA_READ);
    PaCancel => "pa cancel", Role(Role::PriorAuthSubmit);
    RemitPost => "remit post", Role(Role::ClaimInquiry);
    AuditLog => "audit log", OperatorOrSiteAdmin;
    AuditVerify => "audit verify", OperatorOrSiteAdmin;
    AuditAnchor => "audit anchor", OperatorOrSiteAdmin;
    OpsProviderEnroll => "ops provider enroll", Operator;
    OpsProviderPinReissue => "ops provider pin-reissue", Operator;
    OpsProviderList => "ops provider list", Operator;
    OpsPinRequests => "ops pin-requests", Operator;
    OpsMemberImport => "ops member import", Operator;
    OpsFeeScheduleImport => "ops fee-schedule import", Operator;
    OpsClaimsAdjudicate => "ops claims adjudicate", Operator;
    OpsPaDecide => "ops pa decide", Operator;
    OpsTransferList => "ops transfer list", Operator;
    OpsTransferApprove => "ops transfer approve", Operator;
    OpsTransferReject => "ops transfer reject", Operator;
    OpsUserUnlock => "ops user unlock", Operator;
    // Break glass: the proof is write access to the store itself, not a session.
    OpsRecoverOperator => "ops recover-operator", Public;
    StoreCopy => "store copy", Operator;
    StoreBackup => "store backup", Operator;
}

/// How a command uses the store (docs/security.md, "Concurrency").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Looks up and reports: the guard's lookups and the command's own run in a read
    /// snapshot, which never waits for a writer; the session touch and the audit entry are
    /// written at the end in a short write transaction of their own ([`crate::auth::finish`]).
    Read,
    /// Changes the store: the guard's lookups, the lookups that decide the change and the
    /// change itself run in one write transaction, opened only once any input has been read
    /// and any prompt answered, and committed at once.
    Write,
}

/// The commands that only read (their audit entry aside). Every other command writes:
/// a new command is a writer until it is declared here.
const READS: &[Cmd] = &[
    Cmd::Info,
    Cmd::Whoami,
    Cmd::Providers,
    Cmd::TokenList,
    Cmd::ClerkList,
    Cmd::ClerkSearch,
    Cmd::AdminTransferStatus,
    Cmd::EligCheck,
    Cmd::EligBatch,
    Cmd::ClaimStatus,
    Cmd::ClaimList,
    Cmd::RemitList,
    Cmd::RemitShow,
    Cmd::RemitExport,
    Cmd::PaInquire,
    Cmd::PaList,
    Cmd::AuditLog,
    Cmd::AuditVerify,
    Cmd::OpsProviderList,
    Cmd::OpsPinRequests,
    Cmd::OpsTransferList,
];

impl Cmd {
    /// Whether the command only reads or changes the store ([`Access`]).
    pub fn access(self) -> Access {
        if READS.contains(&self) {
            Access::Read
        } else {
            Access::Write
        }
    }

    /// The command with this path.
    pub fn from_path(path: &str) -> Option<Cmd> {
        Cmd::ALL.iter().copied().find(|c| c.path() == path)
    }
}

impl std::fmt::Display for Cmd {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path())
    }
}

/// What the command with this path needs (`None`: no such command).
pub fn need(command: &str) -> Option<Need> {
    Cmd::from_path(command).map(Cmd::need)
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
