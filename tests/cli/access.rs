//! Issue 3, the access model: clerks, invitations, roles, switch provider, link accounts,
//! group providers and the administrator transfer (seeds 000, 002 and 004).

use crate::common::*;
use serde_json::{json, Value};
use std::path::PathBuf;

pub(crate) const A: &str = "506675928";
const CLERK_PASSWORD: &str = "Five-Alive-2026";
const SEED_002_JOHNNIE: &[&str] = &[
    "Claim Inquiry",
    "Claim Submission",
    "Eligibility Inquiry",
    "Prior Auth Inquiry",
    "Prior Auth Submit",
];
/// As the seed's Assigned Roles box lists them.
const SEED_002_JENJEN: &[&str] = &[
    "Eligibility Inquiry",
    "PCPCH",
    "Plan of Care Inquiry",
    "Prior Auth Inquiry",
    "Prior Auth Submit",
    "Trade Files",
];
/// The same six in catalog order, as JSON carries them.
const SEED_002_JENJEN_SORTED: &[&str] = &[
    "Eligibility Inquiry",
    "Prior Auth Inquiry",
    "Prior Auth Submit",
    "Plan of Care Inquiry",
    "Trade Files",
    "PCPCH",
];

// ---------- helpers ----------

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or_default()
}

fn names(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().map(|x| s(x).to_string()).collect())
        .unwrap_or_default()
}

fn clerk_form(sb: &Sandbox, user: &str, roles: &[&str]) -> PathBuf {
    let roles = roles
        .iter()
        .map(|r| format!("{r:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    sb.write(
        &format!("clerk-{user}.toml"),
        &format!(
            r#"user_name = "{user}"
contact_first_name = "JOHNNIE"
contact_last_name = "FIVE"
phone_number = "(800)555-5555"
email = "johnnie@five.example"
confirm_email = "johnnie@five.example"
roles = [{roles}]
"#
        ),
    )
}

fn accept_form(sb: &Sandbox, name: &str, password: &str) -> PathBuf {
    sb.write(
        &format!("accept-{name}.toml"),
        &format!(
            r#"password = "{password}"
confirm_password = "{password}"
secret_question_1 = "first car"
secret_answer_1 = "Gremlin"
agree = true
"#
        ),
    )
}

/// `clerk add --form` as `actor`; returns the JSON answer.
#[track_caller]
fn add_clerk(sb: &Sandbox, actor: &str, user: &str, roles: &[&str], extra: &[&str]) -> Value {
    let form = clerk_form(sb, user, roles);
    let mut args = vec!["clerk", "add", "--form", form.to_str().unwrap(), "--json"];
    args.extend_from_slice(extra);
    sb.run_as(actor, &args, None).ok().json()
}

#[track_caller]
fn accept(sb: &Sandbox, code: &str, password: &str) -> Run {
    let form = accept_form(sb, code, password);
    sb.run_as(
        "invitee",
        &[
            "account",
            "accept-invite",
            "--code",
            code,
            "--form",
            form.to_str().unwrap(),
            "--json",
        ],
        None,
    )
}

/// A clerk of the admin's provider who has accepted the invitation and signed in as `actor`.
#[track_caller]
pub(crate) fn new_clerk(sb: &Sandbox, actor: &str, user: &str, roles: &[&str], extra: &[&str]) {
    let v = add_clerk(sb, "admin", user, roles, extra);
    accept(sb, s(&v["invite_code"]), CLERK_PASSWORD).ok();
    sb.login(actor, user, CLERK_PASSWORD);
}

/// Enrolls another provider and sets `user` up as its site administrator, signed in as `actor`.
#[track_caller]
pub(crate) fn other_admin(
    sb: &Sandbox,
    actor: &str,
    user: &str,
    provider: &str,
    npi9: u32,
    kind: &str,
) {
    let pin = sb.enroll(provider, &npi(npi9), &format!("{user} Practice"), kind);
    let form = sb.setup_form(user, ADMIN_PASSWORD);
    sb.run_as(
        actor,
        &[
            "account",
            "setup",
            "--login-id",
            provider,
            "--pin",
            &pin,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .ok();
    sb.login(actor, user, ADMIN_PASSWORD);
}

fn audit_last(sb: &Sandbox, action: &str) -> Value {
    let log = sb.json_as("ops", &["audit", "log", "--action", action]);
    log.as_array()
        .and_then(|a| a.last())
        .cloned()
        .unwrap_or(Value::Null)
}

fn transfer_form(sb: &Sandbox, name: &str, edits: &[(&str, &str)]) -> PathBuf {
    let mut fields: Vec<(String, String)> = vec![
        ("npi", npi(123456789)),
        ("medicaid_id", A.to_string()),
        ("requester_name", "Pat Rivera".into()),
        ("requester_title", "Chief Financial Officer".into()),
        ("requester_email", "pat@jones.example".into()),
        ("previous_admin_name", "James Jones".into()),
        ("previous_admin_email", "james@jones.example".into()),
        ("previous_admin_user_name", "JAMJON".into()),
        ("previous_admin_phone", "(503)555-1212".into()),
        ("previous_admin_date_left", "2026-03-01".into()),
        ("new_admin_name", "Jennifer Smith".into()),
        ("new_admin_email", "jennifer@jones.example".into()),
        ("new_admin_phone", "(503)602-1128".into()),
        ("new_admin_user_name", "JENSMITH".into()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    for (k, v) in edits {
        if let Some(f) = fields.iter_mut().find(|(fk, _)| fk == k) {
            f.1 = v.to_string();
        }
    }
    let body: String = fields
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k} = {v:?}\n"))
        .collect();
    sb.write(&format!("transfer-{name}.toml"), &body)
}

#[track_caller]
fn request_transfer(sb: &Sandbox, form: &std::path::Path) -> Value {
    sb.run_as(
        "cfo",
        &[
            "admin",
            "transfer-request",
            "--form",
            form.to_str().unwrap(),
            "--json",
        ],
        None,
    )
    .ok()
    .json()
}

// ---------- 1. roles ----------

#[test]
fn roles_lists_the_13_portal_roles_with_their_commands() {
    let sb = Sandbox::new();
    let v = sb.json_as("x", &["roles"]);
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 13);
    let expected = PORTAL_ROLES;
    let got: Vec<&str> = rows.iter().map(|r| s(&r["name"])).collect();
    assert_eq!(got, expected);
    let cm = rows
        .iter()
        .find(|r| r["name"] == "Clerk Maintenance")
        .unwrap();
    assert_eq!(cm["slug"], "clerk-maintenance");
    let cmds = names(&cm["commands"]);
    for c in [
        "clerk add",
        "clerk remove",
        "clerk roles",
        "clerk list",
        "clerk search",
        "clerk unlock",
    ] {
        assert!(cmds.contains(&c.to_string()), "{c} missing from {cmds:?}");
    }
    let elig = rows
        .iter()
        .find(|r| r["name"] == "Eligibility Inquiry")
        .unwrap();
    assert!(names(&elig["commands"]).contains(&"elig check".to_string()));
    // The table names every role too.
    let table = sb.run_as("x", &["roles"], None).ok().stdout;
    for r in expected {
        assert!(table.contains(r), "table lacks {r}");
    }
}

#[test]
fn role_names_are_accepted_as_shown_and_as_slugs_and_unknown_ones_are_named() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["claim-inquiry"], &[]);
    let v = sb.json_as(
        "admin",
        &[
            "clerk",
            "roles",
            "JOHNNIE5",
            "--grant",
            "Eligibility Inquiry",
            "--grant",
            "plan-of-care-inquiry",
        ],
    );
    assert_eq!(
        names(&v["roles"]),
        [
            "Claim Inquiry",
            "Eligibility Inquiry",
            "Plan of Care Inquiry"
        ]
    );
    sb.run_as(
        "admin",
        &["clerk", "roles", "JOHNNIE5", "--grant", "Superuser"],
        None,
    )
    .code(6)
    .err_contains("unknown role \"Superuser\"")
    .err_contains("Claim Inquiry, Claim Submission");
    sb.run_as(
        "admin",
        &[
            "clerk",
            "add",
            "--existing",
            "JOHNNIE5",
            "--roles",
            "Claim Inquiry,Root",
        ],
        None,
    )
    .code(6)
    .err_contains("PCPCH");
}

// ---------- 2. new clerks and invitations ----------

#[test]
fn seed_002_walkthrough_new_clerk_and_existing_user() {
    let sb = Sandbox::new();
    sb.with_admin();
    // JOHNNIE5: a new user with the five roles of the seed's screen.
    let v = add_clerk(&sb, "admin", "JOHNNIE5", SEED_002_JOHNNIE, &[]);
    assert_eq!(v["user_name"], "JOHNNIE5");
    let code = s(&v["invite_code"]).to_string();
    assert!(code.starts_with("INV-"), "{code}");
    assert_eq!(names(&v["roles"]), SEED_002_JOHNNIE);
    let a = accept(&sb, &code, CLERK_PASSWORD).ok().json();
    assert_eq!(a["user_name"], "JOHNNIE5");
    sb.login("johnnie", "JOHNNIE5", CLERK_PASSWORD);
    let w = sb.json_as("johnnie", &["whoami"]);
    assert_eq!(w["kind"], "clerk");
    assert_eq!(w["provider_id"], A);
    assert_eq!(names(&w["roles"]), SEED_002_JOHNNIE);

    // JENJEN10 already has a portal user (site administrator of her own practice).
    other_admin(&sb, "jen", "JENJEN10", "654321", 111111111, "individual");
    let found = sb.json_as("admin", &["clerk", "search", "--username", "JENJEN10"]);
    assert_eq!(
        found,
        json!([{"user_name": "JENJEN10", "first_name": "James", "last_name": "Jones"}])
    );
    let by_last = sb.json_as("admin", &["clerk", "search", "--last", "jones"]);
    assert!(by_last.as_array().unwrap().len() >= 2);
    let roles = SEED_002_JENJEN.join(",");
    let v = sb.json_as(
        "admin",
        &["clerk", "add", "--existing", "JENJEN10", "--roles", &roles],
    );
    assert_eq!(v["user_name"], "JENJEN10");
    assert_eq!(names(&v["roles"]), SEED_002_JENJEN_SORTED);
    assert!(v.get("invite_code").is_none());

    let list = sb.json_as("admin", &["clerk", "list"]);
    let rows = list.as_array().unwrap();
    let row = |u: &str| rows.iter().find(|r| r["user_name"] == u).cloned().unwrap();
    assert_eq!(row("JAMJON")["kind"], "site_admin");
    assert_eq!(names(&row("JOHNNIE5")["roles"]), SEED_002_JOHNNIE);
    assert_eq!(row("JOHNNIE5")["status"], "active");
    assert_eq!(names(&row("JENJEN10")["roles"]), SEED_002_JENJEN_SORTED);
    assert_eq!(row("JENJEN10")["status"], "active");

    // JENJEN10 works for both providers, switching between them.
    sb.json_as("jen", &["account", "switch-provider", A]);
    let w = sb.json_as("jen", &["whoami"]);
    assert_eq!(w["kind"], "clerk");
    assert_eq!(names(&w["roles"]), SEED_002_JENJEN_SORTED);
}

#[test]
fn a_clerk_form_must_not_carry_a_password() {
    let sb = Sandbox::new();
    sb.with_admin();
    let form = sb.write(
        "bad-clerk.toml",
        r#"user_name = "JOHNNIE5"
contact_first_name = "JOHNNIE"
contact_last_name = "FIVE"
phone_number = "(800)555-5555"
email = "johnnie@five.example"
password = "Five-Alive-2026"
roles = ["Claim Inquiry"]
"#,
    );
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("never sets or learns a clerk's password");
    let list = sb.json_as("admin", &["clerk", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "nothing was added");
}

#[test]
fn clerk_add_without_a_tty_names_every_missing_field() {
    let sb = Sandbox::new();
    sb.with_admin();
    let form = sb.write("partial.toml", "user_name = \"X1\"\n");
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("contact_first_name, contact_last_name, phone_number, email, roles");
    let bad = sb.write(
        "bad.toml",
        r#"user_name = "X 1"
contact_first_name = "A"
contact_last_name = "B"
phone_number = "555"
email = "nope"
confirm_email = "other@x.example"
roles = ["Claim Inquiry"]
"#,
    );
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", bad.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("user_name:")
    .err_contains("phone_number:")
    .err_contains("email:");
}

#[test]
fn an_invitation_code_is_stored_hashed_works_once_and_is_exit_3_when_wrong() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = add_clerk(&sb, "admin", "JOHNNIE5", &["Claim Inquiry"], &[]);
    let code = s(&v["invite_code"]).to_string();
    assert_eq!(v["invite_expires"], "2026-03-30");
    // Only a SHA-256 of the code is in the store.
    let stored = sb.one("SELECT code_hash FROM invitations");
    assert_eq!(stored.len(), 64);
    assert_ne!(stored, code);
    assert_eq!(
        sb.count(&format!(
            "SELECT count(*) FROM invitations WHERE code_hash = '{code}'"
        )),
        0
    );
    // On SQLite, not in the file's bytes either (a PostgreSQL server keeps its own files).
    for file in [sb.db.clone(), sb.path("mmis.db-wal")] {
        let raw = std::fs::read(&file).unwrap_or_default();
        assert!(!String::from_utf8_lossy(&raw).contains(&code));
    }
    // Not signed in until accepted.
    sb.run_as(
        "johnnie",
        &["login", "--username", "JOHNNIE5", "--password-stdin"],
        Some(CLERK_PASSWORD),
    )
    .code(3)
    .err_contains("accept-invite");
    accept(&sb, "INV-0000-0000-0000-0000", CLERK_PASSWORD)
        .code(3)
        .err_contains("not a valid invitation code");
    accept(&sb, &code.to_lowercase(), CLERK_PASSWORD).ok();
    accept(&sb, &code, "Another-Pass-99")
        .code(3)
        .err_contains("already used");
    sb.login("johnnie", "JOHNNIE5", CLERK_PASSWORD);
}

#[test]
fn an_invitation_expires_14_days_after_the_business_date() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = add_clerk(&sb, "admin", "JOHNNIE5", &["Claim Inquiry"], &[]);
    let code = s(&v["invite_code"]).to_string();
    let form = accept_form(&sb, "late", CLERK_PASSWORD);
    let args = [
        "account",
        "accept-invite",
        "--code",
        &code,
        "--form",
        form.to_str().unwrap(),
    ];
    sb.run_env("invitee", &args, None, &[("MMIS_TODAY", "2026-03-31")])
        .code(3)
        .err_contains("expired on 2026-03-30");
    sb.run_env("invitee", &args, None, &[("MMIS_TODAY", "2026-03-30")])
        .ok();
}

#[test]
fn accepting_applies_the_password_rules_and_keeps_the_code_on_failure() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = add_clerk(&sb, "admin", "JOHNNIE5", &["Claim Inquiry"], &[]);
    let code = s(&v["invite_code"]).to_string();
    accept(&sb, &code, "short").code(6).err_contains("password");
    accept(&sb, &code, "johnnie5-Rocks1")
        .code(6)
        .err_contains("user name");
    let no_agree = sb.write(
        "noagree.toml",
        &format!(
            "password = \"{CLERK_PASSWORD}\"\nconfirm_password = \"{CLERK_PASSWORD}\"\nsecret_question_1 = \"q\"\nsecret_answer_1 = \"a\"\nagree = false\n"
        ),
    );
    sb.run_as(
        "invitee",
        &[
            "account",
            "accept-invite",
            "--code",
            &code,
            "--form",
            no_agree.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("agree");
    accept(&sb, &code, CLERK_PASSWORD).ok();
    let e = audit_last(&sb, "account accept-invite");
    assert_eq!(e["actor"], "JOHNNIE5");
    assert_eq!(e["provider_id"], A);
}

#[test]
fn user_names_are_unique_across_the_store() {
    let sb = Sandbox::new();
    sb.with_admin();
    other_admin(&sb, "jen", "JENJEN10", "654321", 111111111, "individual");
    let form = clerk_form(&sb, "jenjen10", &["Claim Inquiry"]);
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
    .code(7)
    .err_contains("taken")
    .err_contains("--existing");
    // Re-adding a never-accepted clerk of this provider issues a fresh code instead.
    let first = add_clerk(&sb, "admin", "JOHNNIE5", &["Claim Inquiry"], &[]);
    let second = add_clerk(
        &sb,
        "admin",
        "JOHNNIE5",
        &["Claim Inquiry", "Claim Void"],
        &[],
    );
    assert_ne!(first["invite_code"], second["invite_code"]);
    accept(&sb, s(&first["invite_code"]), CLERK_PASSWORD)
        .code(3)
        .err_contains("withdrawn");
    accept(&sb, s(&second["invite_code"]), CLERK_PASSWORD).ok();
    let again = clerk_form(&sb, "JOHNNIE5", &["Claim Inquiry"]);
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", again.to_str().unwrap()],
        None,
    )
    .code(7);
}

// ---------- 3. existing users under several providers ----------

#[test]
fn one_person_is_a_clerk_of_several_providers_with_different_roles() {
    let sb = Sandbox::new();
    sb.with_admin();
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["Claim Inquiry"], &[]);
    sb.json_as(
        "bob",
        &[
            "clerk",
            "add",
            "--existing",
            "JOHNNIE5",
            "--roles",
            "eligibility-inquiry,trade-files",
        ],
    );
    sb.run_as(
        "bob",
        &["clerk", "add", "--existing", "JOHNNIE5", "--roles", "PCPCH"],
        None,
    )
    .code(7)
    .err_contains("already a clerk");
    let p = sb.json_as("johnnie", &["providers"]);
    let ids: Vec<&str> = p
        .as_array()
        .unwrap()
        .iter()
        .map(|r| s(&r["provider_id"]))
        .collect();
    assert!(ids.contains(&A) && ids.contains(&"654321"), "{ids:?}");
    let w = sb.json_as("johnnie", &["whoami"]);
    assert_eq!(w["provider_id"], A);
    assert_eq!(names(&w["roles"]), ["Claim Inquiry"]);
    // --provider for one command only.
    let w = sb.json_as("johnnie", &["whoami", "--provider", "654321"]);
    assert_eq!(w["provider_id"], "654321");
    assert_eq!(names(&w["roles"]), ["Eligibility Inquiry", "Trade Files"]);
    assert_eq!(sb.json_as("johnnie", &["whoami"])["provider_id"], A);
    // Switch Provider sticks.
    let sw = sb.json_as("johnnie", &["account", "switch-provider", "654321"]);
    assert_eq!(sw["provider_id"], "654321");
    let w = sb.json_as("johnnie", &["whoami"]);
    assert_eq!(w["provider_id"], "654321");
    assert_eq!(w["provider_name"], "BOBB Practice");
    sb.run_as("johnnie", &["account", "switch-provider", "999999"], None)
        .code(4);
    sb.run_as("johnnie", &["whoami", "--provider", "999999"], None)
        .code(4);
}

// ---------- 4. roles ----------

#[test]
fn roles_change_in_one_audited_step_with_before_and_after() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "johnnie", "JOHNNIE5", SEED_002_JOHNNIE, &[]);
    let shown = sb.json_as("admin", &["clerk", "roles", "JOHNNIE5"]);
    assert_eq!(names(&shown["roles"]), SEED_002_JOHNNIE);
    let v = sb.json_as(
        "admin",
        &[
            "clerk",
            "roles",
            "JOHNNIE5",
            "--grant",
            "Claim Void",
            "--revoke",
            "Claim Submission",
        ],
    );
    assert_eq!(
        names(&v["roles"]),
        [
            "Claim Inquiry",
            "Claim Void",
            "Eligibility Inquiry",
            "Prior Auth Inquiry",
            "Prior Auth Submit"
        ]
    );
    let e = audit_last(&sb, "clerk roles");
    assert_eq!(e["target"], "JOHNNIE5");
    assert_eq!(e["actor"], "JAMJON");
    let d = s(&e["detail"]);
    assert!(d.contains("before: Claim Inquiry,Claim Submission,"), "{d}");
    assert!(d.contains("after: Claim Inquiry,Claim Void,"), "{d}");
    // The clerk's very next command sees the change.
    assert!(names(&sb.json_as("johnnie", &["whoami"])["roles"]).contains(&"Claim Void".to_string()));
    let v = sb.json_as(
        "admin",
        &["clerk", "roles", "JOHNNIE5", "--set", "Eligibility Inquiry"],
    );
    assert_eq!(names(&v["roles"]), ["Eligibility Inquiry"]);
    sb.run_as(
        "admin",
        &[
            "clerk", "roles", "JOHNNIE5", "--grant", "PCPCH", "--revoke", "pcpch",
        ],
        None,
    )
    .code(6);
    sb.run_as(
        "admin",
        &[
            "clerk", "roles", "JOHNNIE5", "--set", "PCPCH", "--grant", "PCPCH",
        ],
        None,
    )
    .code(2);
    sb.run_as("admin", &["clerk", "roles", "NOBODY9"], None)
        .code(5);
}

#[test]
fn granting_clerk_maintenance_warns_and_needs_yes() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["Claim Inquiry"], &[]);
    sb.run_as(
        "admin",
        &["clerk", "roles", "JOHNNIE5", "--grant", "Clerk Maintenance"],
        None,
    )
    .code(6)
    .err_contains("warning: granting Clerk Maintenance")
    .err_contains("in-house")
    .err_contains("--yes");
    assert_eq!(
        names(&sb.json_as("admin", &["clerk", "roles", "JOHNNIE5"])["roles"]),
        ["Claim Inquiry"]
    );
    let r = sb
        .run_as(
            "admin",
            &[
                "clerk",
                "roles",
                "JOHNNIE5",
                "--grant",
                "clerk-maintenance",
                "--yes",
                "--json",
            ],
            None,
        )
        .ok();
    assert!(r.stderr.contains("warning: granting Clerk Maintenance"));
    assert_eq!(
        names(&r.json()["roles"]),
        ["Claim Inquiry", "Clerk Maintenance"]
    );
    // Already held: no confirmation needed to keep it.
    sb.json_as(
        "admin",
        &[
            "clerk",
            "roles",
            "JOHNNIE5",
            "--set",
            "Clerk Maintenance,PCPCH",
        ],
    );
    // The same rule on `clerk add`, for a new user and an existing one.
    let form = clerk_form(&sb, "CMNEW", &["Clerk Maintenance"]);
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("--yes");
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    sb.run_as(
        "admin",
        &[
            "clerk",
            "add",
            "--existing",
            "BOBB",
            "--roles",
            "Clerk Maintenance",
        ],
        None,
    )
    .code(6);
    sb.json_as(
        "admin",
        &[
            "clerk",
            "add",
            "--existing",
            "BOBB",
            "--roles",
            "Clerk Maintenance",
            "--yes",
        ],
    );
}

// ---------- 5. remove ----------

#[test]
fn removing_a_clerk_ends_that_providers_sessions_and_tokens_only() {
    let sb = Sandbox::new();
    sb.with_admin();
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    new_clerk(
        &sb,
        "johnnie",
        "JOHNNIE5",
        &["Claim Inquiry", "Eligibility Inquiry"],
        &[],
    );
    sb.json_as(
        "bob",
        &[
            "clerk",
            "add",
            "--existing",
            "JOHNNIE5",
            "--roles",
            "Eligibility Inquiry",
        ],
    );
    // A second session of the same clerk, working on the other provider.
    sb.login("johnnie-b", "JOHNNIE5", CLERK_PASSWORD);
    sb.json_as("johnnie-b", &["account", "switch-provider", "654321"]);
    let token_a = sb.json_as("johnnie", &["token", "create", "--name", "a"])["token"]
        .as_str()
        .unwrap()
        .to_string();
    let token_b = sb.json_as("johnnie-b", &["token", "create", "--name", "b"])["token"]
        .as_str()
        .unwrap()
        .to_string();

    let v = sb.json_as("admin", &["clerk", "remove", "JOHNNIE5"]);
    assert_eq!(v["user_name"], "JOHNNIE5");
    assert_eq!(v["removed"], true);
    assert_eq!(v["sessions_ended"], 1);
    assert_eq!(v["tokens_revoked"], 1);

    sb.run_as("johnnie", &["whoami"], None)
        .code(3)
        .err_contains("ended");
    sb.run_env("script", &["whoami"], None, &[("MMIS_TOKEN", &token_a)])
        .code(3);
    sb.run_as("johnnie-b", &["whoami", "--provider", A], None)
        .code(4);
    // The other provider is untouched.
    assert_eq!(
        sb.json_as("johnnie-b", &["whoami"])["provider_id"],
        "654321"
    );
    let w = sb
        .run_env(
            "script",
            &["whoami", "--json"],
            None,
            &[("MMIS_TOKEN", &token_b)],
        )
        .ok()
        .json();
    assert_eq!(w["provider_id"], "654321");
    // Signing in again lands on the provider still open to them.
    assert_eq!(
        sb.login("johnnie", "JOHNNIE5", CLERK_PASSWORD)["provider_id"],
        "654321"
    );
    sb.run_as("johnnie", &["account", "switch-provider", A], None)
        .code(4);
    let e = audit_last(&sb, "clerk remove");
    assert_eq!(e["target"], "JOHNNIE5");
    assert!(s(&e["detail"]).contains("roles were: Claim Inquiry,Eligibility Inquiry"));
    sb.run_as("admin", &["clerk", "remove", "JOHNNIE5"], None)
        .code(5);
    // Re-adding brings the person back with the roles given now.
    let v = sb.json_as(
        "admin",
        &["clerk", "add", "--existing", "JOHNNIE5", "--roles", "PCPCH"],
    );
    assert_eq!(names(&v["roles"]), ["PCPCH"]);
}

#[test]
fn removing_an_invited_clerk_withdraws_the_code() {
    let sb = Sandbox::new();
    sb.with_admin();
    let v = add_clerk(&sb, "admin", "JOHNNIE5", &["Claim Inquiry"], &[]);
    sb.json_as("admin", &["clerk", "remove", "JOHNNIE5"]);
    accept(&sb, s(&v["invite_code"]), CLERK_PASSWORD)
        .code(3)
        .err_contains("withdrawn");
}

// ---------- 6. access review and unlock ----------

#[test]
fn the_access_review_shows_status_roles_and_last_login_and_exports_csv() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "active", "ACTIVE1", &["Claim Inquiry"], &[]);
    add_clerk(&sb, "admin", "INVITED1", &["Eligibility Inquiry"], &[]);
    new_clerk(&sb, "locked", "LOCKED1", &["Claim Inquiry"], &[]);
    for _ in 0..5 {
        sb.run_as(
            "x",
            &["login", "--username", "LOCKED1", "--password-stdin"],
            Some("Wrong-Pass-1"),
        )
        .code(3);
    }
    new_clerk(&sb, "gone", "REMOVED1", &["PCPCH"], &[]);
    sb.json_as("admin", &["clerk", "remove", "REMOVED1"]);

    let list = sb.json_as("admin", &["clerk", "list"]);
    let rows = list.as_array().unwrap();
    let status: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (s(&r["user_name"]), s(&r["status"])))
        .collect();
    assert_eq!(
        status,
        [
            ("JAMJON", "active"),
            ("ACTIVE1", "active"),
            ("INVITED1", "invited"),
            ("LOCKED1", "locked"),
            ("REMOVED1", "removed"),
        ]
    );
    for r in rows {
        for k in ["user_name", "roles", "status", "last_login", "created_at"] {
            assert!(r.get(k).is_some(), "{k} missing in {r}");
        }
    }
    let active = &rows[1];
    assert!(s(&active["last_login"]).contains('T'), "{active}");
    assert!(rows[2]["last_login"].is_null());
    assert_eq!(rows[2]["invite_expires"], "2026-03-30");
    assert_eq!(names(&rows[0]["roles"]).len(), 13);

    let csv = sb
        .run_as("admin", &["clerk", "list", "--format", "csv"], None)
        .ok()
        .stdout;
    let mut lines = csv.lines();
    // Every JSON field (issue 13 point 5), name, email and removal date included.
    assert_eq!(
        lines.next(),
        Some("user_name,kind,first_name,last_name,email,roles,status,created_at,last_login,removed_at,invite_expires")
    );
    assert!(csv.contains(",Eligibility Inquiry,invited,"), "{csv}");
    let table = sb.run_as("admin", &["clerk", "list"], None).ok().stdout;
    assert!(table.contains("Access review for provider 506675928"));
    let e = audit_last(&sb, "clerk list");
    assert_eq!(e["actor"], "JAMJON");
}

#[test]
fn clerk_unlock_is_for_this_providers_clerks_never_the_administrator() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["Claim Inquiry"], &[]);
    for _ in 0..5 {
        sb.run_as(
            "x",
            &["login", "--username", "JOHNNIE5", "--password-stdin"],
            Some("Wrong-Pass-1"),
        )
        .code(3);
    }
    sb.run_as("johnnie", &["whoami"], None).code(3);
    let v = sb.json_as("admin", &["clerk", "unlock", "JOHNNIE5"]);
    assert_eq!(v["locked"], false);
    assert_eq!(v["was_locked"], true);
    sb.login("johnnie", "JOHNNIE5", CLERK_PASSWORD);
    // A Clerk Maintenance clerk may unlock too; nobody here unlocks the site administrator.
    sb.json_as(
        "admin",
        &[
            "clerk",
            "roles",
            "JOHNNIE5",
            "--grant",
            "Clerk Maintenance",
            "--yes",
        ],
    );
    sb.run_as("johnnie", &["clerk", "unlock", "JAMJON"], None)
        .code(4)
        .err_contains("site administrator");
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    sb.run_as("admin", &["clerk", "unlock", "BOBB"], None)
        .code(5);
    // A clerk here who administers another provider is unlocked by the agency only.
    sb.json_as(
        "admin",
        &["clerk", "add", "--existing", "BOBB", "--roles", "PCPCH"],
    );
    sb.run_as("johnnie", &["clerk", "unlock", "BOBB"], None)
        .code(4)
        .err_contains("agency");
    // The refusals are audited too (issue 11, point 7).
    let e = audit_last(&sb, "clerk unlock");
    assert_eq!(e["outcome"], "denied");
    assert_eq!(e["target"], "BOBB");
    let log = sb.json_as("ops", &["audit", "log", "--action", "clerk unlock"]);
    let outcomes: Vec<(&str, &str)> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (s(&e["outcome"]), s(&e["detail"])))
        .collect();
    assert_eq!(outcomes.len(), 3, "{log}");
    assert_eq!(outcomes[0], ("ok", "lockout lifted"));
    assert_eq!(outcomes[1].0, "denied");
}

// ---------- 7. least privilege ----------

#[test]
fn least_privilege_rules_beyond_the_guard() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(
        &sb,
        "johnnie",
        "JOHNNIE5",
        &["Claim Inquiry", "Eligibility Inquiry"],
        &[],
    );
    // Without Clerk Maintenance, no clerk command at all.
    sb.run_as("johnnie", &["clerk", "list"], None)
        .code(4)
        .err_contains("Clerk Maintenance");
    let form = clerk_form(&sb, "FRIEND1", &["Claim Inquiry"]);
    sb.run_as(
        "johnnie",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
    .code(4);
    sb.run_as(
        "johnnie",
        &["clerk", "roles", "JOHNNIE5", "--grant", "Claim Void"],
        None,
    )
    .code(4);
    // With it: still never on themselves, never on the site administrator, never beyond their own roles.
    sb.json_as(
        "admin",
        &[
            "clerk",
            "roles",
            "JOHNNIE5",
            "--grant",
            "Clerk Maintenance",
            "--yes",
        ],
    );
    sb.run_as(
        "johnnie",
        &["clerk", "roles", "JOHNNIE5", "--grant", "Claim Void"],
        None,
    )
    .code(4)
    .err_contains("yourself");
    sb.run_as(
        "johnnie",
        &["clerk", "roles", "JOHNNIE5", "--revoke", "Claim Inquiry"],
        None,
    )
    .code(4);
    sb.run_as("johnnie", &["clerk", "remove", "JOHNNIE5"], None)
        .code(4);
    sb.run_as(
        "johnnie",
        &["clerk", "add", "--existing", "JOHNNIE5", "--roles", "PCPCH"],
        None,
    )
    .code(4)
    .err_contains("yourself");
    sb.run_as("johnnie", &["clerk", "remove", "JAMJON"], None)
        .code(4)
        .err_contains("site administrator");
    sb.run_as(
        "johnnie",
        &["clerk", "roles", "JAMJON", "--revoke", "PCPCH"],
        None,
    )
    .code(4);
    sb.run_as(
        "admin",
        &["clerk", "roles", "JAMJON", "--revoke", "PCPCH"],
        None,
    )
    .code(4);
    sb.run_as("admin", &["clerk", "remove", "JAMJON"], None)
        .code(4);
    sb.run_as(
        "admin",
        &["clerk", "add", "--existing", "JAMJON", "--roles", "PCPCH"],
        None,
    )
    .code(4);
    let v = add_clerk(&sb, "johnnie", "FRIEND1", &["Claim Inquiry"], &[]);
    assert!(v["invite_code"].is_string());
    sb.run_as(
        "johnnie",
        &["clerk", "roles", "FRIEND1", "--grant", "Claim Void"],
        None,
    )
    .code(4)
    .err_contains("do not hold");
    let form = clerk_form(&sb, "FRIEND2", &["Trade Files"]);
    sb.run_as(
        "johnnie",
        &["clerk", "add", "--form", form.to_str().unwrap()],
        None,
    )
    .code(4);
    // Showing roles is a read: a clerk may look at their own.
    let me = sb.json_as("johnnie", &["clerk", "roles", "JOHNNIE5"]);
    assert_eq!(
        me["roles"],
        json!(["Claim Inquiry", "Eligibility Inquiry", "Clerk Maintenance"])
    );
    // Refusals are audited.
    let log = sb.json_as("ops", &["audit", "log", "--action", "clerk list"]);
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["outcome"] == "denied" && e["actor"] == "JOHNNIE5"));
}

#[test]
fn the_permission_matrix_holds_for_every_guarded_command() {
    use mmis::auth::guard::{Need, TABLE};
    use mmis::domain::roles::Role;

    let sb = Sandbox::new();
    sb.with_admin();
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    new_clerk(&sb, "clerk", "CLERKA", &["Claim Inquiry"], &[]);
    let all: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
    sb.json_as(
        "admin",
        &["clerk", "roles", "CLERKA", "--set", &all.join(","), "--yes"],
    );
    sb.login("bye", "JAMJON", ADMIN_PASSWORD);

    // Tokens with exactly one role, and with every role but some.
    let mut n = 0;
    let mut token = |roles: Vec<&str>| -> String {
        n += 1;
        let v = sb.json_as(
            "admin",
            &[
                "token",
                "create",
                "--name",
                &format!("m{n}"),
                "--roles",
                &roles.join(","),
            ],
        );
        s(&v["token"]).to_string()
    };
    let admin_token = token(all.clone());
    let bob_token =
        s(&sb.json_as("bob", &["token", "create", "--name", "bob-all"])["token"]).to_string();

    // Files that are valid for their command, so a refusal can only come from the guard.
    let matrix = MatrixArgs::new(&sb);
    let args_for = |cmd: &str| matrix.for_command(cmd);

    let public: Vec<&str> = TABLE
        .iter()
        .filter(|(_, n)| *n == Need::Public)
        .map(|(c, _)| *c)
        .collect();
    assert_eq!(
        public,
        [
            "init",
            "demo",
            "completions",
            "man",
            "roles",
            "form template",
            "login",
            "account setup",
            "account pin-request",
            "account accept-invite",
            "account password reset",
            "admin transfer-request",
            "admin transfer-status",
            "ops recover-operator",
        ],
        "a new public command needs a decision here"
    );

    #[derive(Clone)]
    enum Who {
        Session(&'static str, bool),
        Token(String),
        /// Another provider's token, pointed at provider A.
        OtherToken(String),
        Anonymous,
    }
    let run = |who: &Who, args: &[String]| -> Run {
        let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
        match who {
            Who::Session(actor, other) => {
                if *other {
                    a.extend(["--provider", A]);
                }
                sb.run_as(actor, &a, None)
            }
            Who::Token(t) => sb.run_env("script", &a, None, &[("MMIS_TOKEN", t)]),
            Who::OtherToken(t) => {
                a.extend(["--provider", A]);
                sb.run_env("script", &a, None, &[("MMIS_TOKEN", t)])
            }
            Who::Anonymous => sb.run_as("nobody", &a, None),
        }
    };
    let mut checked = 0;
    let mut failures = Vec::new();
    for (cmd, need) in TABLE.iter() {
        if *need == Need::Public {
            continue;
        }
        let args = args_for(cmd).unwrap_or_else(|| panic!("no matrix arguments for `{cmd}`"));
        let (allowed, refused): (Vec<Who>, Vec<(Who, i32)>) = match need {
            Need::Public => unreachable!(),
            // Works for anyone; reports who is signed in when someone is.
            Need::SignedOptional => (
                vec![
                    Who::Session("admin", false),
                    Who::Token(admin_token.clone()),
                    Who::Anonymous,
                ],
                vec![],
            ),
            Need::Signed => (
                vec![Who::Session("admin", false)],
                vec![(Who::Anonymous, 3)],
            ),
            Need::Session => (
                vec![Who::Session(
                    if *cmd == "logout" { "bye" } else { "admin" },
                    false,
                )],
                // `logout` with nobody signed in is already done (exit 0; tours::logout_…).
                if *cmd == "logout" {
                    vec![(Who::Token(admin_token.clone()), 4)]
                } else {
                    vec![(Who::Token(admin_token.clone()), 4), (Who::Anonymous, 3)]
                },
            ),
            Need::Operator => (
                vec![Who::Session("ops", false)],
                vec![
                    (Who::Session("admin", false), 4),
                    (Who::Token(admin_token.clone()), 4),
                    (Who::Session("bob", false), 4),
                ],
            ),
            Need::OperatorOrSiteAdmin | Need::SiteAdmin => (
                vec![Who::Session("admin", false)],
                vec![
                    (Who::Session("clerk", false), 4),
                    (Who::Session("bob", true), 4),
                ],
            ),
            Need::Role(r) => (
                vec![Who::Token(token(vec![r.name()]))],
                vec![
                    (
                        Who::Token(token(
                            all.iter().copied().filter(|x| *x != r.name()).collect(),
                        )),
                        4,
                    ),
                    (Who::Session("bob", true), 4),
                    (Who::OtherToken(bob_token.clone()), 4),
                    (Who::Session("ops", false), 4),
                ],
            ),
            Need::AnyRole(rs) => {
                let names: Vec<&str> = rs.iter().map(|r| r.name()).collect();
                (
                    rs.iter()
                        .map(|r| Who::Token(token(vec![r.name()])))
                        .collect(),
                    vec![
                        (
                            Who::Token(token(
                                all.iter().copied().filter(|x| !names.contains(x)).collect(),
                            )),
                            4,
                        ),
                        (Who::Session("bob", true), 4),
                        (Who::OtherToken(bob_token.clone()), 4),
                    ],
                )
            }
        };
        for (i, (who, code)) in refused.iter().enumerate() {
            let r = run(who, &args);
            checked += 1;
            if r.code != *code {
                failures.push(format!(
                    "`{cmd}` refused identity #{i}: expected exit {code}, got {} ({})",
                    r.code,
                    r.stderr.trim()
                ));
            }
        }
        for who in &allowed {
            let r = run(who, &args);
            checked += 1;
            if matches!(r.code, 1..=4) {
                failures.push(format!(
                    "`{cmd}` allowed identity: got exit {} ({})",
                    r.code,
                    r.stderr.trim()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "matrix failures:\n{}",
        failures.join("\n")
    );
    assert!(checked > 40, "only {checked} cells checked");
}

// ---------- 8. switch provider and link ----------

#[test]
fn a_site_administrator_links_a_second_provider_with_its_pin() {
    let sb = Sandbox::new();
    sb.with_admin();
    let pin = sb.enroll("654321", &npi(111111111), "Second Clinic", "individual");
    sb.run_as(
        "admin",
        &[
            "account",
            "link",
            "--login-id",
            "654321",
            "--pin",
            "Wrong9pin",
        ],
        None,
    )
    .code(3);
    assert_eq!(audit_last(&sb, "account link")["outcome"], "failed");
    let v = sb
        .run_as(
            "admin",
            &[
                "account",
                "link",
                "--login-id",
                "654321",
                "--pin",
                &pin,
                "--json",
            ],
            None,
        )
        .ok()
        .json();
    assert_eq!(v["provider_id"], "654321");
    assert_eq!(v["kind"], "site_admin");
    assert_eq!(v["site_admin_of"], json!([A, "654321"]));
    let w = sb.json_as("admin", &["whoami", "--provider", "654321"]);
    assert_eq!(w["kind"], "site_admin");
    assert_eq!(names(&w["roles"]).len(), 13);
    sb.json_as("admin", &["account", "switch-provider", "654321"]);
    assert_eq!(sb.json_as("admin", &["whoami"])["provider_id"], "654321");
    let p = sb.json_as("admin", &["providers"]);
    let current: Vec<&str> = p
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["current"] == true)
        .map(|r| s(&r["provider_id"]))
        .collect();
    assert_eq!(current, ["654321"]);
    // Once only; never onto a provider that has an administrator; never by a clerk.
    sb.run_as(
        "admin",
        &["account", "link", "--login-id", "654321", "--pin", &pin],
        None,
    )
    .code(7);
    let pin3 = sb.enroll("777777", &npi(222222222), "Third Clinic", "individual");
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["Claim Inquiry"], &[]);
    sb.run_as(
        "johnnie",
        &["account", "link", "--login-id", "777777", "--pin", &pin3],
        None,
    )
    .code(4)
    .err_contains("only a site administrator");
    other_admin(&sb, "bob", "BOBB", "888888", 444444444, "individual");
    sb.run_as(
        "admin",
        &[
            "account",
            "link",
            "--login-id",
            "888888",
            "--pin",
            "Xy3Xy3Xy3",
        ],
        None,
    )
    .code(7)
    .err_contains("already has a site administrator");
    sb.run_as(
        "admin",
        &["account", "link", "--login-id", "12", "--pin", "x"],
        None,
    )
    .code(6);
    sb.run_env(
        "script",
        &["account", "link", "--login-id", "777777", "--pin", &pin3],
        None,
        &[],
    )
    .code(3);
}

// ---------- 9. group providers ----------

#[test]
fn a_group_sees_the_practitioners_enrolled_under_its_tax_id() {
    let sb = Sandbox::new();
    sb.with_admin(); // 506675928 is a group, tax ID 93-1234567
    sb.enroll("654321", &npi(111111111), "Dr Ada Lee", "individual");
    sb.enroll("765432", &npi(555555555), "Other Group", "group");
    let p = sb.json_as("admin", &["providers"]);
    let rows = p.as_array().unwrap();
    let own = rows.iter().find(|r| r["provider_id"] == A).unwrap();
    assert_eq!(own["role"], "site_admin");
    assert_eq!(own["type"], "group");
    assert!(own["group_id"].is_null());
    let lee = rows.iter().find(|r| r["provider_id"] == "654321").unwrap();
    assert_eq!(lee["role"], "practitioner");
    assert_eq!(lee["group_id"], A);
    assert_eq!(lee["current"], false);
    assert!(
        rows.iter().all(|r| r["provider_id"] != "765432"),
        "a group is not a practitioner"
    );
    // An individual provider sees only itself.
    let pin = sb.enroll("111222", &npi(666666666), "Solo", "individual");
    let form = sb.setup_form("SOLO1", ADMIN_PASSWORD);
    sb.run_as(
        "solo",
        &[
            "account",
            "setup",
            "--login-id",
            "111222",
            "--pin",
            &pin,
            "--form",
            form.to_str().unwrap(),
        ],
        None,
    )
    .ok();
    sb.login("solo", "SOLO1", ADMIN_PASSWORD);
    let p = sb.json_as("solo", &["providers"]);
    assert_eq!(p.as_array().unwrap().len(), 1);
}

// ---------- 10. administrator transfer ----------

#[test]
fn a_transfer_request_needs_no_session_and_prints_the_email() {
    let sb = Sandbox::new();
    sb.with_admin();
    let form = transfer_form(&sb, "ok", &[]);
    let out = sb.path("email.txt");
    let v = sb
        .run_as(
            "cfo",
            &[
                "admin",
                "transfer-request",
                "--form",
                form.to_str().unwrap(),
                "--out",
                out.to_str().unwrap(),
                "--json",
            ],
            None,
        )
        .ok()
        .json();
    assert_eq!(v["request_id"], "TR-000001");
    assert_eq!(v["status"], "pending");
    let email = std::fs::read_to_string(&out).unwrap();
    assert!(email.starts_with("To: team.provider-access@oha.oregon.gov\n"));
    for text in [
        "JAMJON",
        "2026-03-01",
        "JENSMITH",
        "Chief Financial Officer",
        "506675928",
        "TR-000001",
    ] {
        assert!(email.contains(text), "email lacks {text}:\n{email}");
    }
    assert_eq!(s(&v["email"]), email);
    // Table output is the email itself.
    let form2 = transfer_form(&sb, "dup", &[]);
    sb.run_as(
        "cfo",
        &[
            "admin",
            "transfer-request",
            "--form",
            form2.to_str().unwrap(),
        ],
        None,
    )
    .code(7)
    .err_contains("already pending (TR-000001)");
    let st = sb.json_as("anyone", &["admin", "transfer-status", "TR-000001"]);
    assert_eq!(st["status"], "pending");
    assert_eq!(st["provider_id"], A);
    sb.run_as("anyone", &["admin", "transfer-status", "TR-424242"], None)
        .code(5);
    let e = audit_last(&sb, "admin transfer-request");
    assert_eq!(e["provider_id"], A);
    assert_eq!(e["target"], "TR-000001");
}

#[test]
fn a_transfer_request_is_validated() {
    let sb = Sandbox::new();
    sb.with_admin();
    let run = |name: &str, edits: &[(&str, &str)]| {
        let form = transfer_form(&sb, name, edits);
        sb.run_as(
            "cfo",
            &[
                "admin",
                "transfer-request",
                "--form",
                form.to_str().unwrap(),
            ],
            None,
        )
    };
    run(
        "bad",
        &[
            ("npi", "1234567890"),
            ("requester_title", "Office Manager"),
            ("previous_admin_date_left", "2026-03-17"),
            ("requester_email", "pat-at-jones"),
            ("new_admin_phone", "555-1212"),
            ("previous_admin_email", "x@"),
        ],
    )
    .code(6)
    .err_contains("npi: NPI 1234567890 fails its check digit")
    .err_contains("Chief Financial Officer or Privacy and Security Officer")
    .err_contains("in the future")
    .err_contains("requester_email")
    .err_contains("previous_admin_email")
    .err_contains("new_admin_phone");
    run(
        "missing",
        &[("new_admin_user_name", ""), ("previous_admin_phone", "")],
    )
    .code(6)
    .err_contains("missing required field(s): previous_admin_phone, new_admin_user_name");
    run("unknown", &[("medicaid_id", "999999")])
        .code(5)
        .err_contains("no enrolled provider");
    run("mismatch", &[("npi", &npi(111111111))])
        .code(6)
        .err_contains("does not match");
    run("same", &[("new_admin_user_name", "jamjon")])
        .code(6)
        .err_contains("must differ");
    run(
        "privacy",
        &[
            ("requester_title", "Privacy and Security Officer"),
            ("previous_admin_date_left", "2026-03-16"),
        ],
    )
    .ok();
}

#[test]
fn approval_moves_the_site_administrator_to_an_existing_user() {
    let sb = Sandbox::new();
    sb.with_admin();
    other_admin(&sb, "jen", "JENSMITH", "654321", 111111111, "individual");
    let old_token =
        s(&sb.json_as("admin", &["token", "create", "--name", "old"])["token"]).to_string();
    let t = request_transfer(&sb, &transfer_form(&sb, "ok", &[]));
    let req = s(&t["request_id"]).to_string();
    // Only the agency decides.
    sb.run_as("admin", &["ops", "transfer", "approve", &req], None)
        .code(4);
    sb.run_as("jen", &["ops", "transfer", "approve", &req], None)
        .code(4);
    let list = sb.json_as("ops", &["ops", "transfer", "list"]);
    assert_eq!(list[0]["request_id"], req.as_str());
    assert_eq!(list[0]["current_admin"], "JAMJON");
    assert_eq!(list[0]["new_admin_exists"], true);
    let v = sb.json_as("ops", &["ops", "transfer", "approve", &req]);
    assert_eq!(v["request_id"], req.as_str());
    assert_eq!(v["status"], "approved");
    assert_eq!(v["new_admin"], "JENSMITH");
    assert_eq!(v["previous_admin"], "JAMJON");
    assert!(v["invite_code"].is_null());
    // The old administrator's access to that provider has ended, at once.
    sb.run_as("admin", &["whoami"], None).code(3);
    sb.run_env("script", &["whoami"], None, &[("MMIS_TOKEN", &old_token)])
        .code(3);
    let back = sb.login("admin", "JAMJON", ADMIN_PASSWORD);
    assert!(back["provider_id"].is_null());
    let w = sb.json_as("jen", &["whoami", "--provider", A]);
    assert_eq!(w["kind"], "site_admin");
    let list = sb.json_as("jen", &["clerk", "list", "--provider", A]);
    let jam = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["user_name"] == "JAMJON")
        .unwrap()
        .clone();
    assert_eq!(jam["status"], "removed");
    assert_eq!(
        sb.json_as("anyone", &["admin", "transfer-status", &req])["status"],
        "approved"
    );
    sb.run_as("ops", &["ops", "transfer", "approve", &req], None)
        .code(7)
        .err_contains("already approved");
    sb.run_as(
        "ops",
        &["ops", "transfer", "reject", &req, "--reason", "x"],
        None,
    )
    .code(7);
    let e = audit_last(&sb, "ops transfer approve");
    assert_eq!(e["provider_id"], A);
    assert!(s(&e["detail"]).contains("JAMJON -> JENSMITH"), "{e}");
    // The new administrator can see the provider's audit entries.
    let log = sb.json_as(
        "jen",
        &[
            "audit",
            "log",
            "--provider",
            A,
            "--action",
            "ops transfer approve",
        ],
    );
    let ok: Vec<&Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["outcome"] == "ok")
        .collect();
    assert_eq!(ok.len(), 1, "{log}");
    assert!(log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["outcome"] == "denied" && e["actor"] == "JAMJON"));
}

#[test]
fn approval_invites_a_new_administrator_who_had_no_user() {
    let sb = Sandbox::new();
    sb.with_admin();
    let t = request_transfer(&sb, &transfer_form(&sb, "ok", &[]));
    let v = sb.json_as("ops", &["ops", "transfer", "approve", s(&t["request_id"])]);
    assert_eq!(v["status"], "approved");
    let code = s(&v["invite_code"]).to_string();
    assert!(code.starts_with("INV-"));
    let a = accept(&sb, &code, "Jen-Smith-Admin1").ok().json();
    assert_eq!(a["user_name"], "JENSMITH");
    let l = sb.login("jen", "JENSMITH", "Jen-Smith-Admin1");
    assert_eq!(l["provider_id"], A);
    assert_eq!(l["kind"], "site_admin");
    let w = sb.json_as("jen", &["whoami"]);
    assert_eq!(w["kind"], "site_admin");
    // And the new administrator delegates straight away.
    add_clerk(&sb, "jen", "JOHNNIE5", SEED_002_JOHNNIE, &[]);
}

#[test]
fn rejection_records_the_reason() {
    let sb = Sandbox::new();
    sb.with_admin();
    let t = request_transfer(&sb, &transfer_form(&sb, "ok", &[]));
    let req = s(&t["request_id"]).to_string();
    sb.run_as(
        "ops",
        &["ops", "transfer", "reject", &req, "--reason", " "],
        None,
    )
    .code(6);
    let v = sb.json_as(
        "ops",
        &[
            "ops",
            "transfer",
            "reject",
            &req,
            "--reason",
            "requester is not an officer",
        ],
    );
    assert_eq!(v["status"], "rejected");
    let st = sb.json_as("anyone", &["admin", "transfer-status", &req]);
    assert_eq!(st["status"], "rejected");
    assert_eq!(st["reason"], "requester is not an officer");
    assert_eq!(sb.json_as("admin", &["whoami"])["kind"], "site_admin");
    sb.run_as("ops", &["ops", "transfer", "approve", "TR-000099"], None)
        .code(5);
    // A new request may follow a decided one.
    request_transfer(&sb, &transfer_form(&sb, "again", &[]));
}

// ---------- 11. demo ----------

#[test]
fn the_demo_adds_the_biller_as_a_clerk_and_shows_the_access_review() {
    let sb = Sandbox::new();
    let out = sb.run_as("demo", &["demo"], None).ok().stdout;
    let at = out.find("$ mmis clerk add --form").expect("clerk add step");
    let rest = &out[at..];
    assert!(rest.contains("Invitation code (shown once"), "{rest}");
    assert!(
        rest.contains("$ mmis account accept-invite --code INV-"),
        "{rest}"
    );
    assert!(rest.contains("Signed in as JOHNNIE5 (clerk)."), "{rest}");
    let review = &rest[rest.find("$ mmis clerk list").expect("access review")..];
    assert!(review.contains("every role (site"), "{review}");
    assert!(review.contains("JOHNNIE5"), "{review}");
    assert!(
        review.contains("Access review for provider 506675928"),
        "{review}"
    );
    // The clerk's password never appears in the add step's output.
    let add_step = &rest[..rest
        .find("$ mmis account accept-invite")
        .unwrap_or(rest.len())];
    assert!(!add_step.contains("Five-Alive-2026"));
}

#[test]
fn the_example_transfer_form_works_against_the_demo_sandbox() {
    let sb = Sandbox::new();
    sb.run_as("demo", &["demo"], None).ok();
    let form = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/forms/transfer-request.toml"
    );
    let v = sb
        .run_as(
            "cfo",
            &["admin", "transfer-request", "--form", form, "--json"],
            None,
        )
        .ok()
        .json();
    assert_eq!(v["status"], "pending");
    assert_eq!(v["provider_id"], A);
}

#[test]
fn a_clerk_without_clerk_maintenance_is_refused_before_any_form_check() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["Claim Inquiry"], &[]);
    sb.run_as("johnnie", &["clerk", "add"], None)
        .code(4)
        .err_contains("Clerk Maintenance");
    sb.run_as("admin", &["clerk", "add"], None)
        .code(6)
        .err_contains("missing required field(s)");
    sb.run_as("johnnie", &["clerk", "search"], None).code(4);
    sb.run_as(
        "johnnie",
        &["clerk", "roles", "X", "--grant", "Superuser"],
        None,
    )
    .code(4);
    sb.run_as("johnnie", &["clerk", "add", "--existing", "X"], None)
        .code(4);
    let pw = sb.write("pw.toml", "user_name = \"X\"\npassword = \"x\"\n");
    sb.run_as(
        "johnnie",
        &["clerk", "add", "--form", pw.to_str().unwrap()],
        None,
    )
    .code(4);
    sb.run_as(
        "admin",
        &["clerk", "add", "--form", pw.to_str().unwrap()],
        None,
    )
    .code(6);
    sb.run_as("admin", &["clerk", "search"], None)
        .code(6)
        .err_contains("at least one search criterion");
}

/// Runs `mmis ARGS` as `actor` on a pseudo-terminal (util-linux `script`), typing `keys`.
/// None when `script` is not installed.
fn on_a_terminal(sb: &Sandbox, actor: &str, args: &[&str], keys: &str) -> Option<(i32, String)> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let script = ["/usr/bin/script", "/bin/script"]
        .into_iter()
        .find(|p| std::path::Path::new(p).exists())?;
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    // `timeout` guards against a prompt that never gets its key.
    let line = format!(
        "timeout --foreground 30 {} {}",
        env!("CARGO_BIN_EXE_mmis"),
        quoted.join(" ")
    );
    let root = sb.dir.path();
    let mut child = Command::new(script)
        .args(["-qec", &line, "/dev/null"])
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", root)
        .env("TERM", "xterm")
        .env("MMIS_DB", sb.store())
        .env("MMIS_TODAY", &sb.today)
        .env("XDG_STATE_HOME", root.join(format!("state-{actor}")))
        .env("XDG_CONFIG_HOME", root.join("config"))
        .env("XDG_DATA_HOME", root.join("data"))
        .env("NO_COLOR", "1")
        .current_dir(root)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(keys.as_bytes()).ok()?;
    let out = child.wait_with_output().ok()?;
    Some((
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    ))
}

#[test]
fn on_a_terminal_granting_clerk_maintenance_asks_first() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(&sb, "johnnie", "JOHNNIE5", &["Claim Inquiry"], &[]);
    let grant = ["clerk", "roles", "JOHNNIE5", "--grant", "Clerk Maintenance"];
    let Some((code, out)) = on_a_terminal(&sb, "admin", &grant, "n") else {
        eprintln!("skipped: no `script` to make a terminal");
        return;
    };
    assert_eq!(code, 6, "{out}");
    assert!(
        out.contains("Grant Clerk Maintenance to JOHNNIE5?"),
        "{out}"
    );
    assert!(out.contains("in-house"), "{out}");
    assert_eq!(
        names(&sb.json_as("admin", &["clerk", "roles", "JOHNNIE5"])["roles"]),
        ["Claim Inquiry"]
    );
    let (code, out) = on_a_terminal(&sb, "admin", &grant, "y").unwrap_or_default();
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        names(&sb.json_as("admin", &["clerk", "roles", "JOHNNIE5"])["roles"]),
        ["Claim Inquiry", "Clerk Maintenance"]
    );
}

#[test]
fn a_provider_flag_that_is_not_a_provider_id_is_invalid_input_naming_it() {
    let sb = Sandbox::new();
    sb.with_admin();
    for bad in ["abc", "50667592", "5066759280"] {
        sb.run_as("admin", &["--provider", bad, "whoami"], None)
            .code(6)
            .err_contains("--provider: an Oregon Medicaid provider ID is 6 or 9 digits")
            .err_contains("MMIS_PROVIDER");
    }
    // Blank is no provider at all; the right one still works.
    sb.run_as("admin", &["--provider", " ", "whoami"], None)
        .ok();
    sb.run_as("admin", &["--provider", "506675928", "whoami"], None)
        .ok();
}

#[test]
fn a_session_whose_stored_provider_was_forged_is_refused_naming_the_column() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.sql("UPDATE sessions SET provider_id = '50667592X'");
    sb.run_as("admin", &["whoami"], None)
        .code(8)
        .err_contains("provider_id: not a provider ID: \"50667592X\"")
        .err_contains("the store was changed outside mmis");
}

/// A provider's NPI, tax ID or enrollment date that the store holds in a form mmis never
/// writes was put there outside mmis: reading the provider fails with exit 8 naming the
/// column (the providers list, the site administrator's `providers`).
#[test]
fn a_provider_value_written_outside_mmis_is_exit_8_naming_its_column() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.sql(&format!(
        "UPDATE providers SET enrolled_on = '2020-1-1' WHERE provider_id = '{A}'"
    ));
    sb.run_as("ops", &["ops", "provider", "list"], None)
        .code(8)
        .err_contains("holds a value mmis does not write (column 5, enrolled_on: not a date (YYYY-MM-DD): \"2020-1-1\")")
        .err_contains("the store was changed outside mmis");
    sb.sql(&format!(
        "UPDATE providers SET enrolled_on = '2020-01-01', tax_id = '93-1111111' WHERE provider_id = '{A}'"
    ));
    sb.run_as("admin", &["providers"], None)
        .code(8)
        .err_contains("(column 4, tax_id: not a tax ID: \"93-1111111\")");
}
