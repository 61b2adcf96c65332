//! Dynamic completion (`source <(COMPLETE=bash mmis)`): user names, ICNs and PA numbers come
//! from the store the command line names, only those the signed-in identity could see with
//! the command being typed, and nothing is written, asked or printed besides them.
//!
//! The protocol is clap_complete's (4.6, `unstable-dynamic`): the shell runs
//! `COMPLETE=bash mmis -- WORDS...` with `_CLAP_COMPLETE_INDEX` naming the word under the
//! cursor and `_CLAP_IFS` separating the candidates on stdout.

use crate::access::{new_clerk, other_admin, A};
use crate::claims::{accepted, run_token, setup, token, write_unique};
use crate::common::{npi, on_postgres, Run, Sandbox, ADMIN_PASSWORD};

const B: &str = "700000001";
const B_NPI9: u32 = 222222222;

/// The values a Tab offers at the end of `line` (its last word is the one being completed; a
/// line ending in a space completes an empty word), run as `actor` with `env` added. The
/// flags clap offers beside them for an empty word are left out.
fn tab(sb: &Sandbox, actor: &str, line: &str, env: &[(&str, &str)]) -> Vec<String> {
    tab_all(sb, actor, line, env)
        .into_iter()
        .filter(|c| !c.starts_with('-'))
        .collect()
}

/// Everything a Tab offers (values, flags, subcommands).
fn tab_all(sb: &Sandbox, actor: &str, line: &str, env: &[(&str, &str)]) -> Vec<String> {
    let r = tab_run(sb, actor, line, env);
    assert_eq!(r.code, 0, "completion failed:\n{}", r.stderr);
    assert!(
        r.stderr.is_empty(),
        "completion printed to stderr:\n{}",
        r.stderr
    );
    r.stdout
        .split('\n')
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn tab_run(sb: &Sandbox, actor: &str, line: &str, env: &[(&str, &str)]) -> Run {
    let words: Vec<&str> = line.split(' ').collect();
    let index = (words.len() - 1).to_string();
    let mut args = vec!["--"];
    args.extend(&words);
    let mut all: Vec<(&str, &str)> = vec![
        ("COMPLETE", "bash"),
        ("_CLAP_COMPLETE_INDEX", &index),
        ("_CLAP_COMPLETE_COMP_TYPE", "9"),
        ("_CLAP_COMPLETE_SPACE", "true"),
        ("_CLAP_IFS", "\n"),
    ];
    all.extend_from_slice(env);
    sb.run_env(actor, &args, None, &all)
}

fn claim_form(npi_value: &str, member: &str, dos: &str) -> String {
    format!(
        "member_id = \"{member}\"\nbilling_npi = \"{npi_value}\"\ndiagnosis_codes = [\"F41.1\"]\nplace_of_service = \"11\"\n\n[[lines]]\nprocedure_code = \"90837\"\ndate_of_service = \"{dos}\"\nunits = 1\ncharge = \"180\"\n"
    )
}

fn pa_form(member: &str) -> String {
    format!(
        "kind = \"prior-auth\"\nmember_id = \"{member}\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = 12\n"
    )
}

fn submit(sb: &Sandbox, actor: &str, what: &str, form: &str, key: &str) -> String {
    let f = write_unique(sb, "toml", form);
    let v = sb
        .run_as(actor, &[what, "submit", "--form", &f, "--json"], None)
        .ok()
        .json();
    v[key].as_str().unwrap().to_string()
}

/// Two providers with claims, PAs and clerks each:
/// - A (admin JAMJON as `admin`; clerk JOHNNIE as `clerk` with Claim Inquiry and Prior Auth
///   Inquiry; clerk JENJEN as `elig` with Eligibility Inquiry only),
/// - B (admin BOBADM as `adminb`; invited clerk JOBETH).
struct World {
    sb: Sandbox,
    a_icns: Vec<String>,
    a_pas: Vec<String>,
    b_icn: String,
    b_pa: String,
}

fn world() -> World {
    let sb = setup();
    let a_icns = vec![
        accepted(&sb, "OC100001", ("90837", "2026-03-10", 1, "180"), ""),
        accepted(&sb, "OC100002", ("90837", "2026-03-11", 1, "180"), ""),
    ];
    let a_pas = vec![submit(
        &sb,
        "admin",
        "pa",
        &pa_form("OC100001"),
        "pa_number",
    )];
    new_clerk(
        &sb,
        "clerk",
        "JOHNNIE",
        &["Claim Inquiry", "Prior Auth Inquiry"],
        &[],
    );
    new_clerk(&sb, "elig", "JENJEN", &["Eligibility Inquiry"], &[]);
    other_admin(&sb, "adminb", "BOBADM", B, B_NPI9, "group");
    let b_icn = submit(
        &sb,
        "adminb",
        "claim",
        &claim_form(&npi(B_NPI9), "OC100002", "2026-03-12"),
        "icn",
    );
    let b_pa = submit(&sb, "adminb", "pa", &pa_form("OC100002"), "pa_number");
    let form = sb.write(
        "clerk-jobeth.toml",
        "user_name = \"JOBETH\"\ncontact_first_name = \"JO\"\ncontact_last_name = \"BETH\"\nphone_number = \"(800)555-5555\"\nemail = \"jo@beth.example\"\nconfirm_email = \"jo@beth.example\"\nroles = [\"Claim Inquiry\"]\n",
    );
    sb.run_as(
        "adminb",
        &["clerk", "add", "--form", form.to_str().unwrap(), "--json"],
        None,
    )
    .ok();
    World {
        sb,
        a_icns,
        a_pas,
        b_icn,
        b_pa,
    }
}

fn starting<'a>(values: &'a [String], prefix: &str) -> Vec<&'a str> {
    values
        .iter()
        .filter(|v| v.starts_with(prefix))
        .map(String::as_str)
        .collect()
}

#[test]
fn a_signed_in_clerk_gets_their_providers_icns_with_the_prefix_and_never_anothers() {
    let w = world();
    // All ICNs share the date's prefix; another provider's ICN would match it.
    let prefix = &w.a_icns[0][..7];
    assert!(w.b_icn.starts_with(prefix), "{} vs {prefix}", w.b_icn);
    for actor in ["admin", "clerk"] {
        let got = tab(&w.sb, actor, &format!("mmis claim status {prefix}"), &[]);
        assert_eq!(got, starting(&w.a_icns, prefix), "{actor}");
        assert!(!got.contains(&w.b_icn), "{actor} sees B's ICN: {got:?}");
    }
    // The typed prefix narrows them (in SQL, not by the shell).
    let one = &w.a_icns[1];
    assert_eq!(
        tab(&w.sb, "clerk", &format!("mmis claim export {one}"), &[]),
        [one.as_str()]
    );
    assert_eq!(
        tab(&w.sb, "admin", &format!("mmis claim void {prefix}"), &[]),
        starting(&w.a_icns, prefix)
    );
    // B's administrator sees B's only.
    let got = tab(&w.sb, "adminb", "mmis claim status 2", &[]);
    assert_eq!(got, [w.b_icn.as_str()]);
}

#[test]
fn pa_numbers_are_the_providers_own_and_pending_ones_for_the_agency() {
    let w = world();
    let prefix = &w.a_pas[0][..4];
    assert!(w.b_pa.starts_with(prefix));
    let got = tab(&w.sb, "clerk", &format!("mmis pa inquire {prefix}"), &[]);
    assert_eq!(got, w.a_pas);
    assert_eq!(tab(&w.sb, "admin", "mmis pa cancel ", &[]), w.a_pas);
    assert_eq!(
        tab(&w.sb, "adminb", "mmis pa inquire ", &[]),
        [w.b_pa.as_str()]
    );
    // The operator decides every provider's pending PAs.
    let mut all = vec![w.a_pas[0].clone(), w.b_pa.clone()];
    all.sort();
    assert_eq!(tab(&w.sb, "ops", "mmis ops pa decide ", &[]), all);
}

#[test]
fn user_names_are_the_providers_clerks_and_every_user_for_the_agency() {
    let w = world();
    // Another active clerk of the provider (not yourself, not the site administrator, not
    // B's clerk), any case typed.
    assert_eq!(
        tab(&w.sb, "admin", "mmis clerk remove J", &[]),
        ["JENJEN", "JOHNNIE"]
    );
    assert_eq!(
        tab(&w.sb, "admin", "mmis clerk roles joh", &[]),
        ["JOHNNIE"]
    );
    assert_eq!(
        tab(&w.sb, "admin", "mmis clerk unlock ", &[]),
        ["JENJEN", "JOHNNIE"]
    );
    assert_eq!(tab(&w.sb, "adminb", "mmis clerk remove ", &[]), ["JOBETH"]);
    // The audit log's --user: anyone who had access to the provider.
    assert_eq!(
        tab(&w.sb, "admin", "mmis audit log --user J", &[]),
        ["JAMJON", "JENJEN", "JOHNNIE"]
    );
    // The operator unlocks anyone.
    let got = tab(&w.sb, "ops", "mmis ops user unlock ", &[]);
    for name in ["BOBADM", "JAMJON", "JENJEN", "JOBETH", "JOHNNIE", "ops"] {
        assert!(got.iter().any(|g| g == name), "{name} missing: {got:?}");
    }
}

#[test]
fn only_what_the_command_being_typed_would_show() {
    let w = world();
    // JENJEN has Eligibility Inquiry only: no ICNs, PA numbers or clerks.
    assert!(tab(&w.sb, "elig", "mmis claim status ", &[]).is_empty());
    assert!(tab(&w.sb, "elig", "mmis pa inquire ", &[]).is_empty());
    assert!(tab(&w.sb, "elig", "mmis clerk remove ", &[]).is_empty());
    // JOHNNIE may inquire but not void or cancel, nor maintain clerks.
    assert!(!tab(&w.sb, "clerk", "mmis claim status ", &[]).is_empty());
    assert!(tab(&w.sb, "clerk", "mmis claim void ", &[]).is_empty());
    assert!(tab(&w.sb, "clerk", "mmis pa cancel ", &[]).is_empty());
    assert!(tab(&w.sb, "clerk", "mmis clerk remove ", &[]).is_empty());
    // The operator does not act for providers; a provider's admin does not run ops commands.
    assert!(tab(&w.sb, "ops", "mmis claim status ", &[]).is_empty());
    assert!(tab(&w.sb, "admin", "mmis ops user unlock ", &[]).is_empty());
    assert!(tab(&w.sb, "admin", "mmis ops pa decide ", &[]).is_empty());
    // --provider names one JAMJON cannot act for: nothing.
    assert!(tab(
        &w.sb,
        "admin",
        &format!("mmis --provider {B} claim status "),
        &[]
    )
    .is_empty());
    assert!(!tab(
        &w.sb,
        "admin",
        &format!("mmis --provider {A} claim status "),
        &[]
    )
    .is_empty());
}

#[test]
fn an_api_token_sees_its_provider_and_its_roles() {
    let w = world();
    let t = token(&w.sb, "tab", "Claim Inquiry");
    let env = [("MMIS_TOKEN", t.as_str())];
    let got = tab(&w.sb, "script", "mmis claim status ", &env);
    assert_eq!(got, w.a_icns);
    assert!(tab(&w.sb, "script", "mmis pa inquire ", &env).is_empty());
    assert!(tab(&w.sb, "script", "mmis clerk remove ", &env).is_empty());
    // A revoked token sees nothing.
    run_token(&w.sb, &t, &["whoami"]).ok();
    w.sb.json_as("admin", &["token", "revoke", "tab"]);
    assert!(tab(&w.sb, "script", "mmis claim status ", &env).is_empty());
    // Not a token at all: nothing, and no error on the terminal.
    let bad = [("MMIS_TOKEN", "not-a-token")];
    assert!(tab(&w.sb, "script", "mmis claim status ", &bad).is_empty());
}

#[test]
fn signed_out_or_expired_offers_nothing() {
    let w = world();
    assert!(!tab(&w.sb, "admin", "mmis claim status ", &[]).is_empty());
    // Someone never signed in (their own session folder).
    assert!(tab(&w.sb, "stranger", "mmis claim status ", &[]).is_empty());
    assert!(tab(&w.sb, "stranger", "mmis ops user unlock ", &[]).is_empty());
    // Signed out.
    w.sb.run_as("admin", &["logout"], None).ok();
    assert!(tab(&w.sb, "admin", "mmis claim status ", &[]).is_empty());
    assert!(tab(&w.sb, "admin", "mmis clerk remove ", &[]).is_empty());
    // An idle session: the config allows one second, and a second has passed.
    w.sb.login("admin", "JAMJON", ADMIN_PASSWORD);
    assert!(!tab(&w.sb, "admin", "mmis claim status ", &[]).is_empty());
    let config = w.sb.path("config/mmis");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[session]\nidle = \"1s\"\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1200));
    assert!(tab(&w.sb, "admin", "mmis claim status ", &[]).is_empty());
    // ... and the command itself agrees.
    w.sb.run_as("admin", &["claim", "list"], None).code(3);
}

#[test]
fn the_store_is_the_one_the_line_names_read_only() {
    let w = world();
    let missing = w.sb.path("nowhere/none.db");
    let missing_s = missing.to_str().unwrap();
    let store = w.sb.store_display();
    // MMIS_DB names a missing store: nothing, and no store (or folder) is created.
    assert!(tab(
        &w.sb,
        "admin",
        "mmis claim status ",
        &[("MMIS_DB", missing_s)]
    )
    .is_empty());
    assert!(!missing.exists() && !missing.parent().unwrap().exists());
    // --db on the line wins over MMIS_DB, as for the command.
    assert!(tab(
        &w.sb,
        "admin",
        &format!("mmis --db {missing_s} claim status "),
        &[]
    )
    .is_empty());
    let line = format!("mmis claim status --db {store} ");
    assert_eq!(
        tab(&w.sb, "admin", &line, &[("MMIS_DB", missing_s)]),
        w.a_icns
    );
    // Not an mmis store: nothing, and it is left as it was.
    let junk = w.sb.write("junk.db", "not a database");
    let env = [("MMIS_DB", junk.to_str().unwrap())];
    assert!(tab(&w.sb, "admin", "mmis claim status ", &env).is_empty());
    assert_eq!(std::fs::read_to_string(&junk).unwrap(), "not a database");
    // Nothing is written: the store's bytes (session last seen, audit log) are unchanged.
    let before = store_state(&w.sb);
    for line in [
        "mmis claim status ",
        "mmis pa inquire ",
        "mmis clerk remove ",
    ] {
        assert!(!tab(&w.sb, "admin", line, &[]).is_empty(), "{line}");
    }
    assert!(tab(&w.sb, "stranger", "mmis claim status ", &[]).is_empty());
    assert_eq!(store_state(&w.sb), before, "completion changed the store");
}

/// What a completion must never change: on SQLite the file's bytes; on PostgreSQL the audit
/// log and every session's and token's last use.
fn store_state(sb: &Sandbox) -> Vec<Vec<Option<String>>> {
    if on_postgres() {
        let mut rows = sb.rows("SELECT id, hash FROM audit_log ORDER BY id");
        rows.extend(sb.rows("SELECT token_hash, last_seen_at FROM sessions ORDER BY 1"));
        rows.extend(sb.rows("SELECT name, last_used_at FROM api_tokens ORDER BY 1"));
        rows
    } else {
        let bytes = std::fs::read(&sb.db).unwrap();
        vec![vec![Some(format!("{bytes:?}"))]]
    }
}

#[test]
fn at_most_200_candidates_and_commands_and_flags_still_complete() {
    let w = world();
    // Commands and flags come from the clap tree, as in the static scripts.
    let got = tab_all(&w.sb, "admin", "mmis cla", &[]);
    assert_eq!(got, ["claim"]);
    let got = tab_all(&w.sb, "admin", "mmis claim void --", &[]);
    assert!(got.iter().any(|g| g == "--db"), "{got:?}");
    // 201 clerks: the Tab offers 200, and a prefix narrows them.
    let mut sql = String::from("BEGIN;");
    for i in 0..201 {
        sql.push_str(&format!(
            "INSERT INTO users(user_name, created_at) VALUES ('BULK{i:03}', '2026-03-16T00:00:00Z');
             INSERT INTO memberships(user_id, provider_id, kind, roles, status, created_at)
               VALUES ((SELECT id FROM users WHERE user_name = 'BULK{i:03}'), '{A}', 'clerk', '',
                       'active', '2026-03-16T00:00:00Z');"
        ));
    }
    sql.push_str("COMMIT;");
    w.sb.sql(&sql);
    assert_eq!(
        tab(&w.sb, "admin", "mmis clerk remove BULK", &[]).len(),
        200
    );
    assert_eq!(
        tab(&w.sb, "admin", "mmis clerk remove BULK20", &[]),
        ["BULK200"]
    );
}

#[test]
fn the_bash_registration_completes_through_the_shell() {
    let w = world();
    let bin = assert_cmd::cargo::cargo_bin("mmis");
    let reg =
        w.sb.run_env("admin", &[], None, &[("COMPLETE", "bash")])
            .ok();
    assert!(
        reg.stdout.contains("-F _clap_complete_mmis mmis"),
        "{}",
        reg.stdout
    );
    // What bash does at a Tab: the registered function fills COMPREPLY.
    let prefix = &w.a_icns[0][..7];
    let script = format!(
        "source <(COMPLETE=bash {bin})\n\
         COMP_WORDS=(mmis claim status {prefix}); COMP_CWORD=3; COMP_TYPE=9\n\
         _clap_complete_mmis mmis {prefix} status\n\
         printf '%s\\n' \"${{COMPREPLY[@]}}\"\n",
        bin = bin.display()
    );
    let c = w.sb.std_cmd_as("admin");
    let out = std::process::Command::new("bash")
        .env_clear()
        .envs(c.get_envs().filter_map(|(k, v)| v.map(|v| (k, v))))
        .current_dir(w.sb.dir.path())
        .args(["--norc", "--noprofile", "-c", &script])
        .output();
    let Ok(out) = out else {
        eprintln!("no bash: skipped");
        return;
    };
    let got: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        got,
        w.a_icns,
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
