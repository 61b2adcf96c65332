//! Runnable examples for every command: shown under `Examples:` in `--help` and as the man
//! pages' EXAMPLES section. A unit test parses every line with the real clap definitions, so
//! an example that names a flag that does not exist fails the build's tests.

/// Command path (as typed, subcommands joined by spaces; "" for `mmis` itself) → example
/// lines. A line starting with `#` says what the next line does.
pub const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "",
        &[
            "# Try everything on a throw-away sandbox store",
            "mmis demo",
            "# Where am I: store, schema, sandbox or live, who is signed in",
            "mmis info",
            "# Sign in, check a member, see your roles",
            "mmis login --username JAMJON",
            "mmis elig check --id OC100001",
            "mmis whoami --json",
        ],
    ),
    (
        "init",
        &[
            "# A new live store with its operator account (password asked twice)",
            "mmis init --username ops",
            "# A sandbox store for trying things, the password from a file",
            "mmis init --sandbox --db ./sandbox.db --username ops --password-stdin < ops-password.txt",
        ],
    ),
    (
        "demo",
        &[
            "# Build a sandbox store from the embedded fixtures and walk through the main job",
            "mmis demo",
        ],
    ),
    (
        "info",
        &[
            "# Version, store, schema, sandbox or live, who is signed in and until when",
            "mmis info",
            "# The same for a script",
            "mmis info --json",
        ],
    ),
    (
        "completions",
        &[
            "# bash: load now, and for every new shell",
            "source <(mmis completions bash)",
            "mmis completions bash > ~/.local/share/bash-completion/completions/mmis",
            "# zsh: a folder on $fpath (then restart zsh)",
            "mmis completions zsh > ~/.zfunc/_mmis",
            "# fish",
            "mmis completions fish > ~/.config/fish/completions/mmis.fish",
            "# PowerShell: add this line to $PROFILE",
            "mmis completions powershell | Out-String | Invoke-Expression",
            "# elvish: add `eval (slurp < ~/.config/elvish/lib/mmis.elv)` to rc.elv",
            "mmis completions elvish > ~/.config/elvish/lib/mmis.elv",
            "# Or complete user names, ICNs and PA numbers from your store too (bash, in ~/.bashrc)",
            "source <(COMPLETE=bash mmis)",
        ],
    ),
    (
        "man",
        &[
            "# Write the man pages and read one",
            "mmis man --out ~/.local/share/man/man1",
            "man mmis-elig-check",
        ],
    ),
    (
        "roles",
        &[
            "# The portal roles and the commands each opens",
            "mmis roles",
            "mmis roles --format csv > roles.csv",
        ],
    ),
    (
        "login",
        &[
            "# Sign in (user name and password asked on a terminal)",
            "mmis login",
            "# From a script: the password on stdin",
            "mmis login --username JAMJON --password-stdin < password.txt",
            "# Act for one of your providers from the start",
            "mmis login --username JAMJON --provider 506675928",
        ],
    ),
    ("logout", &["# End the session", "mmis logout"]),
    (
        "whoami",
        &[
            "# Who is signed in, for which provider, with which roles",
            "mmis whoami",
            "mmis whoami --json",
        ],
    ),
    (
        "providers",
        &[
            "# The providers you can act for (the current one marked)",
            "mmis providers",
        ],
    ),
    (
        "account setup",
        &[
            "# Set the account up from a PIN letter (the PIN and missing fields asked)",
            "mmis account setup --login-id 506675928",
            "# From a script: the PIN from the environment, the fields from a form",
            "MMIS_PIN=\"$PIN\" mmis account setup --login-id 506675928 --form setup.toml",
        ],
    ),
    (
        "account pin-request",
        &[
            "# Ask for a replacement PIN letter",
            "mmis account pin-request --name \"Jones Family Therapy\" --npi 1234567893 --mail-to \"1 Main St, Salem OR 97301\"",
        ],
    ),
    (
        "account accept-invite",
        &[
            "# Accept an invitation (code, password and questions asked)",
            "mmis account accept-invite",
            "# From a script",
            "MMIS_INVITE_CODE=\"$CODE\" mmis account accept-invite --form accept.toml",
        ],
    ),
    (
        "account link",
        &[
            "# Link another provider's account with its PIN letter",
            "mmis account link --login-id 506675929 --pin \"$PIN\"",
        ],
    ),
    (
        "account switch-provider",
        &[
            "# Act for another of your providers from now on",
            "mmis account switch-provider 506675929",
        ],
    ),
    (
        "account password change",
        &[
            "# Change your password (asked on a terminal)",
            "mmis account password change",
            "mmis account password change --form password-change.toml",
        ],
    ),
    (
        "account password reset",
        &[
            "# Reset a forgotten password with the secret answers (also lifts a lockout)",
            "mmis account password reset --username SAMLEE",
            "mmis account password reset --username SAMLEE --form reset.toml",
        ],
    ),
    (
        "token create",
        &[
            "# A token for a nightly eligibility script, 30 days",
            "mmis token create --name nightly-elig --roles eligibility-inquiry --expires-in 30d",
            "# Use it",
            "MMIS_TOKEN=\"$TOKEN\" mmis elig batch roster.csv --format ndjson",
        ],
    ),
    ("token list", &["# Your live tokens", "mmis token list"]),
    (
        "token revoke",
        &["# Revoke a token by name", "mmis token revoke nightly-elig"],
    ),
    (
        "clerk add",
        &[
            "# Add a new clerk from a form (prints a one-time invitation code)",
            "mmis clerk add --form clerk.toml",
            "# Give an existing portal user access to this provider",
            "mmis clerk add --existing SAMLEE --roles eligibility-inquiry,claim-inquiry",
        ],
    ),
    (
        "clerk remove",
        &[
            "# Remove a clerk's access (asks first on a terminal)",
            "mmis clerk remove SAMLEE",
            "# In a script, or to skip the question",
            "mmis clerk remove SAMLEE --yes",
        ],
    ),
    (
        "clerk roles",
        &[
            "# Show a clerk's roles",
            "mmis clerk roles SAMLEE",
            "# Grant one, take one away",
            "mmis clerk roles SAMLEE --grant claim-submission --revoke claim-void",
            "# Exactly these",
            "mmis clerk roles SAMLEE --set eligibility-inquiry,claim-inquiry",
        ],
    ),
    (
        "clerk list",
        &[
            "# The access review",
            "mmis clerk list",
            "mmis clerk list --format csv > access-review.csv",
        ],
    ),
    (
        "clerk search",
        &[
            "# Find portal users",
            "mmis clerk search --last Lee",
            "mmis clerk search --username SAM",
        ],
    ),
    (
        "clerk unlock",
        &["# Unlock a clerk after failed sign-ins", "mmis clerk unlock SAMLEE"],
    ),
    (
        "admin transfer-request",
        &[
            "# Ask the agency to move the site administrator role; keep the email to send",
            "mmis admin transfer-request --form transfer.toml --out transfer-email.txt",
        ],
    ),
    (
        "admin transfer-status",
        &["# A request's status", "mmis admin transfer-status TR-000001"],
    ),
    (
        "elig check",
        &[
            "# Eligible today? Open Card or which CCO?",
            "mmis elig check --id OC100001",
            "# By name and date of birth, for a date of service",
            "mmis elig check --last Alvarez --first Maria --dob 1987-02-14 --date 2026-03-16",
            "# Over a range of dates",
            "mmis elig check --id OC100001 --from 2026-01-01 --to 2026-03-31 --json",
            "# The X12 270 a client would send for this inquiry",
            "mmis elig check --id OC100001 --x12-270 > inquiry.270",
        ],
    ),
    (
        "elig batch",
        &[
            "# Check a roster, one JSON line per row",
            "mmis elig batch roster.csv --format ndjson",
            "# Answer an X12 270 with a 271",
            "mmis elig batch --x12 inquiry.270 --out reply.271",
        ],
    ),
    (
        "claim submit",
        &[
            "# Submit a claim from a form (missing fields asked on a terminal)",
            "mmis claim submit --form claim.toml",
            "# An 837P batch (Trade Files role), the 999 written beside it",
            "mmis claim submit --x12 claims.837 --ack claims.999",
            "# The same, with a 277CA: each claim's ICN or why it was rejected",
            "mmis claim submit --x12 claims.837 --ack claims.999 --claim-ack claims.277",
        ],
    ),
    (
        "claim status",
        &[
            "# One claim's status, lines and history",
            "mmis claim status 2226075000001",
            "# Claims for a member over a period",
            "mmis claim status --member OC100001 --from 2026-01-01 --to 2026-03-31",
            "# Answer a clearinghouse's 276 claim status request with a 277",
            "mmis claim status --x12 status.276 --out status.277",
        ],
    ),
    (
        "claim list",
        &[
            "# Every claim, or only the paid ones of a member",
            "mmis claim list",
            "mmis claim list --member OC100001 --status paid --format csv",
        ],
    ),
    (
        "claim export",
        &[
            "# A claim as an X12 837P",
            "mmis claim export 2226075000001 --x12 --out claim.837",
        ],
    ),
    (
        "claim void",
        &["# Void a paid claim", "mmis claim void 2226075000001"],
    ),
    (
        "claim replace",
        &[
            "# Replace a paid claim with a corrected one (same form as claim submit)",
            "mmis claim replace 2226075000001 --form corrected.toml",
        ],
    ),
    (
        "remit list",
        &[
            "# Your remittance advices, newest first",
            "mmis remit list",
        ],
    ),
    (
        "remit show",
        &[
            "# A remittance advice: each claim, what was paid, each adjustment reason",
            "mmis remit show RA00000001",
        ],
    ),
    (
        "remit export",
        &[
            "# A remittance advice as an X12 835",
            "mmis remit export RA00000001 --x12 --out cycle.835",
        ],
    ),
    (
        "remit post",
        &[
            "# Post a payer's 835 remittance onto your claims",
            "mmis remit post payment.835",
            "# The counts for a script",
            "mmis remit post payment.835 --json",
        ],
    ),
    (
        "pa submit",
        &[
            "# Submit a prior authorization from a form",
            "mmis pa submit --form pa.toml",
        ],
    ),
    (
        "pa inquire",
        &["# A PA's status and units", "mmis pa inquire 2607500007"],
    ),
    (
        "pa list",
        &[
            "# PAs, or a member's pending ones",
            "mmis pa list",
            "mmis pa list --member OC100001 --status pending",
        ],
    ),
    (
        "pa cancel",
        &["# Cancel a PA no longer needed", "mmis pa cancel 2607500007"],
    ),
    (
        "audit log",
        &[
            "# The last 20 entries",
            "mmis audit log --limit 20",
            "# One user's sign-ins since a date",
            "mmis audit log --user SAMLEE --action login --since 2026-03-01",
        ],
    ),
    (
        "audit verify",
        &[
            "# Check the hash chain",
            "mmis audit verify",
            "# And that it still holds a checkpoint kept elsewhere",
            "mmis audit verify --anchor audit-anchor.json",
        ],
    ),
    (
        "form template",
        &[
            "# A commented example of the claim form, to fill in",
            "mmis form template claim > claim.toml",
            "# The account setup form from a PIN letter",
            "mmis form template account-setup > setup.toml",
        ],
    ),
    (
        "audit anchor",
        &[
            "# Write a checkpoint to keep outside the store",
            "mmis audit anchor --out audit-anchor.json",
        ],
    ),
    (
        "store copy",
        &[
            "# Move a practice's store to a PostgreSQL server (password from PGPASSWORD or ~/.pgpass)",
            "mmis store copy --to postgresql://mmis@db.office.example/mmis?sslmode=verify-full",
            "# And back from the server to a file",
            "MMIS_DB=postgresql://mmis@db.office.example/mmis mmis store copy --to ./office.db",
        ],
    ),
    (
        "store backup",
        &[
            "# A consistent backup of a SQLite store while others work",
            "mmis store backup /backups/mmis-2026-12-02.db",
        ],
    ),
    (
        "ops provider enroll",
        &[
            "# Enroll a group practice and print its PIN letter",
            "mmis ops provider enroll --npi 1234567893 --name \"Jones Family Therapy\" --type group --tax-id 93-1234567 --mail-to \"1 Main St, Salem OR 97301\" --provider-id 506675928",
        ],
    ),
    (
        "ops provider pin-reissue",
        &["# Void the PIN and issue a new letter", "mmis ops provider pin-reissue 506675928"],
    ),
    ("ops provider list", &["# Enrolled providers", "mmis ops provider list"]),
    (
        "ops pin-requests",
        &["# Open replacement-PIN requests", "mmis ops pin-requests"],
    ),
    (
        "ops member import",
        &["# Load coverage spans", "mmis ops member import members.csv"],
    ),
    (
        "ops fee-schedule import",
        &["# Load the fee schedule", "mmis ops fee-schedule import fees.csv"],
    ),
    (
        "ops claims adjudicate",
        &[
            "# Run a payment cycle",
            "mmis ops claims adjudicate --json",
            "# ... and write each remittance advice it makes as an 835 into ./835s",
            "mmis ops claims adjudicate --x12-dir 835s --json",
        ],
    ),
    (
        "ops pa decide",
        &[
            "# Approve with fewer units, or deny",
            "mmis ops pa decide 2607500007 --approve --units 8",
            "mmis ops pa decide 2607500007 --deny --reason \"not medically necessary\"",
        ],
    ),
    ("ops transfer list", &["# Transfer requests", "mmis ops transfer list"]),
    (
        "ops transfer approve",
        &["# Approve a transfer", "mmis ops transfer approve TR-000001"],
    ),
    (
        "ops transfer reject",
        &[
            "# Reject a transfer",
            "mmis ops transfer reject TR-000001 --reason \"the requester is not an officer\"",
        ],
    ),
    (
        "ops user unlock",
        &["# Unlock any user", "mmis ops user unlock JAMJON"],
    ),
    (
        "ops recover-operator",
        &[
            "# Break glass: a new operator password (asked twice), sessions ended",
            "mmis ops recover-operator --username ops",
            "mmis ops recover-operator --username ops --password-stdin < new-password.txt",
        ],
    ),
];

/// The example lines for a command path.
pub fn for_path(path: &str) -> Option<&'static [&'static str]> {
    EXAMPLES.iter().find(|(p, _)| *p == path).map(|(_, e)| *e)
}

/// The `Examples:` block for `--help`.
pub fn help_block(lines: &[&str]) -> String {
    let mut s = String::from("Examples:\n");
    for l in lines {
        s.push_str("  ");
        s.push_str(l);
        s.push('\n');
    }
    s.trim_end().to_string()
}

/// A command group's examples: the first runnable line of each of its commands.
pub fn group_lines(group: &str) -> Vec<&'static str> {
    let prefix = format!("{group} ");
    EXAMPLES
        .iter()
        .filter(|(p, _)| p.starts_with(&prefix))
        .filter_map(|(_, lines)| lines.iter().find(|l| !l.starts_with('#')).copied())
        .collect()
}
