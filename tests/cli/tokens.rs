//! Issue 11, points 6, 7 and 13 for API tokens: a token does only what the roles written on
//! it allow; the site administrator's own commands need a token made with `--admin`; every
//! refusal of a token is audited (by the token's name, never the token); and the permission
//! matrix holds for a token with each single role, command by command.

use crate::access::{new_clerk, other_admin, A};
use crate::common::*;
use serde_json::{json, Value};

/// An API token of `actor`'s, made with `extra` (e.g. `--roles`, `--admin`).
#[track_caller]
fn token(sb: &Sandbox, actor: &str, name: &str, extra: &[&str]) -> String {
    let mut args = vec!["token", "create", "--name", name];
    args.extend_from_slice(extra);
    let v = sb.json_as(actor, &args);
    v["token"].as_str().expect("token").to_string()
}

fn with_token(sb: &Sandbox, token: &str, args: &[&str]) -> Run {
    sb.run_env("script", args, None, &[("MMIS_TOKEN", token)])
}

/// The whole audit log, as the operator reads it.
fn audit_log(sb: &Sandbox) -> Vec<Value> {
    sb.json_as("ops", &["audit", "log"])
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// The denied entries for `action`.
fn denials(sb: &Sandbox, action: &str) -> Vec<Value> {
    audit_log(sb)
        .into_iter()
        .filter(|e| e["action"] == action && e["outcome"] == "denied")
        .collect()
}

#[test]
fn a_site_administrators_token_acts_with_its_roles_only() {
    let sb = Sandbox::new();
    sb.with_admin();
    let t = token(&sb, "admin", "nightly", &["--roles", "Eligibility Inquiry"]);
    // The reproduction: the site administrator's token with one role read the whole
    // audit log and ran `audit verify`.
    with_token(&sb, &t, &["audit", "log"])
        .code(4)
        .err_contains("was not given the administrator's power")
        .err_contains("--admin");
    with_token(&sb, &t, &["audit", "verify"]).code(4);
    // Clerk Maintenance is a role like the others: this token was not given it.
    with_token(&sb, &t, &["clerk", "list"])
        .code(4)
        .err_contains("needs the Clerk Maintenance role")
        .err_contains("this API token lacks it; create a token with it")
        .err_contains("unset MMIS_TOKEN");
    // whoami tells the truth about what the token can do: a clerk of that provider.
    let w = with_token(&sb, &t, &["whoami", "--json"]).ok().json();
    assert_eq!(w["user_name"], "JAMJON");
    assert_eq!(w["kind"], "clerk");
    assert_eq!(w["provider_id"], A);
    assert_eq!(w["roles"], json!(["Eligibility Inquiry"]));
    assert_eq!(w["via"], "token");
    assert_eq!(w["token_name"], "nightly");
    // What its role allows still works.
    let r = with_token(&sb, &t, &["elig", "check", "--id", "AB12CD34"]);
    assert_ne!(r.code, 4, "{}", r.stderr);
    let list = sb.json_as("admin", &["token", "list"]);
    assert_eq!(list[0]["name"], "nightly");
    assert_eq!(list[0]["admin"], false);
}

#[test]
fn an_admin_token_runs_the_administrators_commands_for_its_provider_only() {
    let sb = Sandbox::new();
    sb.with_admin();
    // JAMJON also administers a second provider, whose entries a session sees.
    let pin = sb.enroll("654321", &npi(111111111), "Second Clinic", "individual");
    sb.run_as(
        "admin",
        &["account", "link", "--login-id", "654321", "--pin", &pin],
        None,
    )
    .ok();
    sb.json_as("admin", &["clerk", "list", "--provider", "654321"]);
    let v = sb.json_as(
        "admin",
        &[
            "token",
            "create",
            "--name",
            "auditor",
            "--admin",
            "--roles",
            "",
            "--provider",
            A,
        ],
    );
    assert_eq!(v["admin"], true);
    assert_eq!(v["roles"], json!([]));
    assert_eq!(v["provider_id"], A);
    let t = v["token"].as_str().unwrap().to_string();
    let list = sb.json_as("admin", &["token", "list", "--provider", A]);
    assert_eq!(list[0]["name"], "auditor");
    assert_eq!(list[0]["admin"], true);
    assert_eq!(list[0]["roles"], json!([]));

    let w = with_token(&sb, &t, &["whoami", "--json"]).ok().json();
    assert_eq!(w["kind"], "site_admin");
    assert_eq!(w["roles"], json!([]));
    let log = with_token(&sb, &t, &["audit", "log", "--json"]).ok().json();
    let rows = log.as_array().unwrap();
    assert!(!rows.is_empty());
    assert!(
        rows.iter().all(|e| e["provider_id"] == A),
        "a token sees its own provider's entries only: {log}"
    );
    let session_log = sb.json_as("admin", &["audit", "log"]);
    assert!(session_log
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["provider_id"] == "654321"));
    with_token(&sb, &t, &["audit", "verify", "--json"]).ok();
    // The power opens no role: it carries none.
    with_token(&sb, &t, &["claim", "list"])
        .code(4)
        .err_contains("this API token lacks it");
    // A token works for its one provider, power or not.
    with_token(&sb, &t, &["audit", "log", "--provider", "654321"])
        .code(4)
        .err_contains("works for provider 506675928 only");
    // A token with no role is made only with the power.
    sb.run_as(
        "admin",
        &["token", "create", "--name", "empty", "--roles", ""],
        None,
    )
    .code(6);
}

#[test]
fn only_the_site_administrator_makes_an_admin_token_and_clerk_refusals_are_audited() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(
        &sb,
        "clerk",
        "CLERKA",
        &["Claim Inquiry", "Clerk Maintenance"],
        &["--yes"],
    );
    new_clerk(&sb, "other", "CLERKB", &["Eligibility Inquiry"], &[]);
    sb.run_as(
        "clerk",
        &["token", "create", "--name", "t", "--admin"],
        None,
    )
    .code(4)
    .err_contains("only the site administrator");
    let d = denials(&sb, "token create");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["actor"], "CLERKA");

    // A clerk's token with Clerk Maintenance opens the clerk commands...
    let t = token(&sb, "clerk", "cm", &["--roles", "Clerk Maintenance"]);
    with_token(&sb, &t, &["clerk", "list", "--json"]).ok();
    // ...and every refusal inside them is audited, naming the token, never holding it.
    with_token(&sb, &t, &["clerk", "remove", "JAMJON"])
        .code(4)
        .err_contains("site administrator");
    with_token(
        &sb,
        &t,
        &["clerk", "roles", "CLERKB", "--grant", "Claim Inquiry"],
    )
    .code(4)
    .err_contains("cannot grant roles they do not hold");
    let remove = denials(&sb, "clerk remove");
    assert_eq!(remove.len(), 1, "{remove:?}");
    assert_eq!(remove[0]["actor"], "CLERKA");
    assert_eq!(remove[0]["target"], "JAMJON");
    assert_eq!(denials(&sb, "clerk roles").len(), 1);
    let all = serde_json::to_string(&audit_log(&sb)).unwrap();
    assert!(!all.contains(&t), "the audit log holds a token");
}

#[test]
fn every_refusal_of_a_token_is_audited_by_its_name() {
    let sb = Sandbox::new();
    sb.with_admin();
    let t = token(&sb, "admin", "nightly", &["--roles", "Eligibility Inquiry"]);
    // Wrong provider for the token.
    with_token(&sb, &t, &["whoami", "--provider", "999999999"])
        .code(4)
        .err_contains("works for provider 506675928 only");
    // A session-only command.
    with_token(&sb, &t, &["token", "list"])
        .code(4)
        .err_contains("API tokens")
        .err_contains("unset MMIS_TOKEN");
    // A missing role.
    with_token(&sb, &t, &["claim", "list"])
        .code(4)
        .err_contains("Claim Inquiry");
    // The administrator's own command without the power.
    with_token(&sb, &t, &["audit", "verify"]).code(4);
    for action in ["whoami", "token list", "claim list", "audit verify"] {
        let d = denials(&sb, action);
        assert_eq!(d.len(), 1, "{action}: {d:?}");
        assert_eq!(d[0]["actor"], "JAMJON", "{action}");
        assert_eq!(d[0]["provider_id"], A, "{action}");
        assert!(
            d[0]["detail"]
                .as_str()
                .unwrap_or_default()
                .contains("nightly"),
            "{action}: the entry names the token: {}",
            d[0]
        );
    }
    let all = serde_json::to_string(&audit_log(&sb)).unwrap();
    assert!(!all.contains(&t), "the audit log holds the token");
    // A token that is not one is not authenticated, whatever the command.
    with_token(&sb, "mmis_notarealtoken", &["token", "list"]).code(3);
}

#[test]
fn a_role_the_person_lost_is_asked_of_the_site_administrator() {
    let sb = Sandbox::new();
    sb.with_admin();
    new_clerk(
        &sb,
        "clerk",
        "CLERKA",
        &["Claim Inquiry", "Eligibility Inquiry"],
        &[],
    );
    let t = token(&sb, "clerk", "claims", &["--roles", "Claim Inquiry"]);
    with_token(&sb, &t, &["claim", "list", "--json"]).ok();
    sb.json_as(
        "admin",
        &["clerk", "roles", "CLERKA", "--revoke", "Claim Inquiry"],
    );
    with_token(&sb, &t, &["claim", "list"])
        .code(4)
        .err_contains("ask the site administrator");
    let w = with_token(&sb, &t, &["whoami", "--json"]).ok().json();
    assert_eq!(w["roles"], json!([]));
}

#[test]
fn a_refusal_inside_a_session_command_is_audited() {
    let sb = Sandbox::new();
    sb.with_admin();
    sb.run_as("admin", &["account", "switch-provider", "999999"], None)
        .code(4);
    let d = denials(&sb, "account switch-provider");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["target"], "999999");
    // The right password for a provider one has no access to.
    sb.run_as(
        "admin2",
        &[
            "login",
            "--username",
            "JAMJON",
            "--password-stdin",
            "--provider",
            "999999",
        ],
        Some(ADMIN_PASSWORD),
    )
    .code(4);
    let d = denials(&sb, "login");
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0]["actor"], "JAMJON");
    other_admin(&sb, "bob", "BOBB", "654321", 111111111, "individual");
    sb.run_as(
        "bob",
        &[
            "token",
            "create",
            "--name",
            "x",
            "--roles",
            "Claim Inquiry",
            "--provider",
            A,
        ],
        None,
    )
    .code(4);
    assert_eq!(denials(&sb, "token create").len(), 1);
}

/// Point 13: for each role in the catalog, a token carrying only that role (and a token with
/// the administrator's power and no role) runs every guarded command in the permission table;
/// the table decides allowed or exit 4. A new command without matrix arguments fails here.
#[test]
fn the_permission_matrix_holds_for_a_token_with_each_single_role() {
    use mmis::auth::guard::{Need, TABLE};
    use mmis::domain::roles::Role;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    let sb = Sandbox::new();
    sb.with_admin();
    // (label, the one role, administrator's power, token)
    let mut tokens: Vec<(String, Option<Role>, bool, String)> = PORTAL_ROLES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let role = Role::parse(name).expect("a catalog role");
            let t = token(&sb, "admin", &format!("r{i}"), &["--roles", name]);
            (name.to_string(), Some(role), false, t)
        })
        .collect();
    let t = token(&sb, "admin", "power", &["--admin", "--roles", ""]);
    tokens.push(("--admin (no role)".into(), None, true, t));

    let matrix = MatrixArgs::new(&sb);
    let args_for = |cmd: &str| matrix.for_command(cmd);
    // None: allowed; Some(text): exit 4 with `text` on stderr (the reason fits the case).
    let decide = |need: Need, role: Option<Role>, admin: bool| -> Option<&'static str> {
        let lacks = Some("this API token lacks it");
        match need {
            Need::Public => unreachable!("public commands need no identity"),
            Need::Signed | Need::SignedOptional => None,
            Need::Session => Some("API tokens"),
            Need::Operator => Some("operator account only"),
            Need::OperatorOrSiteAdmin | Need::SiteAdmin => {
                (!admin).then_some("not given the administrator's power")
            }
            Need::Role(r) => (role != Some(r)).then_some(lacks).flatten(),
            Need::AnyRole(rs) => (!role.is_some_and(|r| rs.contains(&r)))
                .then_some(lacks)
                .flatten(),
        }
    };

    struct Cell {
        cmd: &'static str,
        who: String,
        token: String,
        args: Vec<String>,
        denied: Option<&'static str>,
    }
    let mut cells = Vec::new();
    for (cmd, need) in TABLE.iter() {
        if *need == Need::Public {
            continue;
        }
        let args = args_for(cmd).unwrap_or_else(|| panic!("no matrix arguments for `{cmd}`"));
        for (who, role, admin, t) in &tokens {
            cells.push(Cell {
                cmd,
                who: who.clone(),
                token: t.clone(),
                args: args.clone(),
                denied: decide(*need, *role, *admin),
            });
        }
    }
    let denied_cells = cells.iter().filter(|c| c.denied.is_some()).count();

    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(2)
        .clamp(2, 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(c) = cells.get(i) else { break };
                let args: Vec<&str> = c.args.iter().map(String::as_str).collect();
                let r = with_token(&sb, &c.token, &args);
                let err = r.stderr.trim().replace('\n', " | ");
                let problem = match c.denied {
                    Some(text) if r.code != 4 || !r.stderr.contains(text) => Some(format!(
                        "expected exit 4 saying {text:?}, got {}: {err}",
                        r.code
                    )),
                    Some(_) => None,
                    None if matches!(r.code, 1..=4) || r.stderr.contains("needs the") => {
                        Some(format!("expected to pass the guard, got {}: {err}", r.code))
                    }
                    None => None,
                };
                if let Some(p) = problem {
                    failures
                        .lock()
                        .unwrap()
                        .push(format!("`{}` with a token of {}: {p}", c.cmd, c.who));
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "token matrix failures ({} of {} cells):\n{}",
        failures.len(),
        cells.len(),
        failures.join("\n")
    );
    assert!(cells.len() > 14 * 35, "only {} cells", cells.len());

    // Every refusal was audited, by the token's name, and no entry holds a token.
    let log = audit_log(&sb);
    let refused = log
        .iter()
        .filter(|e| e["outcome"] == "denied" && e["actor"] == "JAMJON")
        .count();
    assert_eq!(refused, denied_cells, "one audit entry per refusal");
    let text = serde_json::to_string(&log).unwrap();
    for (who, _, _, t) in &tokens {
        assert!(
            !text.contains(t.as_str()),
            "the audit log holds {who}'s token"
        );
    }
}
