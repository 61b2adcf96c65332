//! Code that stays honest: every command's JSON is read back strictly (an unknown or a missing
//! field fails: a wire struct with `deny_unknown_fields`, and the struct written back must equal
//! what was printed) and kept as an insta snapshot; every command's help at 80 columns is a
//! snapshot too, and so is what every read command prints for a person at 80 columns (no line
//! wider, but for the few listed in `WIDER_THAN_80`). Update with
//! `INSTA_UPDATE=always cargo test --test cli contract` and commit the .snap files (never
//! .snap.new).

use crate::claims::{admin_npi, claim_form, load_members, FEES};
use crate::common::{Sandbox, ADMIN_PASSWORD};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Values that change from run to run, replaced before the snapshot.
const VOLATILE: &[&str] = &[
    "at",
    "created_at",
    "expires_at",
    "session_expires_at",
    "session_idle_expires_at",
    "last_login",
    "last_used_at",
    "token",
    "invite_code",
    "pin",
    "head",
    "first",
    "build",
    "version",
    "invited_at",
    "accepted_at",
    "removed_at",
    "requested_at",
    "decided_at",
    "submitted_at",
    // Named from a hash of the store's (temporary) path.
    "session_file",
];

fn redact(v: &Value, root: &str) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| {
                    let x = if VOLATILE.contains(&k.as_str()) && !x.is_null() {
                        Value::String(format!("[{k}]"))
                    } else {
                        redact(x, root)
                    };
                    (k.clone(), x)
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|x| redact(x, root)).collect()),
        Value::String(s) if s.contains(root) => Value::String(s.replace(root, "[sandbox]")),
        Value::String(s) => Value::String(same_on_both(s)),
        _ => v.clone(),
    }
}

/// The snapshots are the SQLite rendering; on PostgreSQL the store's name (its URL, which
/// differs per test database) and kind are mapped onto it, so that one snapshot holds both.
fn same_on_both(s: &str) -> String {
    match crate::common::pg_test_url_prefix() {
        Some(prefix) if s.starts_with(&prefix) => "[sandbox]/mmis.db".to_string(),
        Some(_) if s == "postgres" => "sqlite".to_string(),
        _ => s.to_string(),
    }
}

/// [`same_on_both`] for a table: the URL in a line, and the kind beside the schema version.
fn same_on_both_text(text: &str) -> String {
    let Some(prefix) = crate::common::pg_test_url_prefix() else {
        return text.to_string();
    };
    // A URL too long for the line goes on a line of its own under its label: put it back.
    let mut lines: Vec<String> = Vec::new();
    for l in text.lines() {
        match lines.last_mut() {
            Some(prev) if l.contains(&prefix) && !prev.contains(' ') && prev.ends_with(':') => {
                prev.push(' ');
                prev.push_str(l.trim_start());
            }
            _ => lines.push(l.to_string()),
        }
    }
    lines
        .iter()
        .map(|l| match l.find(&prefix) {
            Some(at) => {
                let end = l[at..].find(' ').map_or(l.len(), |e| at + e);
                let head = l[..at].trim_end();
                // The label column is 13 wide ("Store:       "), as on SQLite.
                format!("{head:<12} [sandbox]/mmis.db{}", &l[end..])
            }
            None => l.replace("postgres, schema", "sqlite, schema"),
        })
        .map(|l| l + "\n")
        .collect()
}

/// Reads `v` into `T` strictly and checks that nothing was lost or defaulted, then snapshots it.
#[track_caller]
fn strict<T: DeserializeOwned + Serialize>(sb: &Sandbox, name: &str, v: &Value) -> T {
    let t: T = serde_json::from_value(v.clone())
        .unwrap_or_else(|e| panic!("`{name}` does not read back strictly: {e}\n{v:#}"));
    let back = serde_json::to_value(&t).unwrap();
    assert_eq!(
        &back, v,
        "`{name}`: a field is missing from the output (or typed differently)"
    );
    let root = sb.dir.path().display().to_string();
    insta::assert_json_snapshot!(format!("json__{name}"), redact(v, &root));
    t
}

#[track_caller]
fn json(sb: &Sandbox, actor: &str, args: &[&str]) -> Value {
    sb.json_as(actor, args)
}

#[test]
fn every_command_json_reads_back_strictly() {
    let sb = Sandbox::new();
    let p = |s: &std::path::Path| s.to_str().unwrap().to_string();
    let pw = crate::common::OPS_PASSWORD;

    let v = sb
        .run_as(
            "ops",
            &[
                "init",
                "--username",
                "ops",
                "--password-stdin",
                "--sandbox",
                "--json",
            ],
            Some(pw),
        )
        .ok()
        .json();
    strict::<Init>(&sb, "init", &v);
    let v = sb.login("ops", "ops", pw);
    strict::<Login>(&sb, "login", &v);
    strict::<Whoami>(&sb, "whoami", &json(&sb, "ops", &["whoami"]));
    strict::<Info>(&sb, "info", &json(&sb, "ops", &["info"]));
    strict::<Vec<Roles>>(&sb, "roles", &json(&sb, "ops", &["roles"]));

    let fees = sb.write("fees.csv", FEES);
    strict::<OpsFeeScheduleImport>(
        &sb,
        "ops_fee_schedule_import",
        &json(&sb, "ops", &["ops", "fee-schedule", "import", &p(&fees)]),
    );
    load_members(&sb);
    let members = sb.write("members2.csv", crate::claims::MEMBERS);
    strict::<OpsMemberImport>(
        &sb,
        "ops_member_import",
        &json(&sb, "ops", &["ops", "member", "import", &p(&members)]),
    );

    let v = json(
        &sb,
        "ops",
        &[
            "ops",
            "provider",
            "enroll",
            "--npi",
            &admin_npi(),
            "--name",
            "Jones Family Therapy",
            "--type",
            "group",
            "--tax-id",
            "93-1234567",
            "--mail-to",
            "1 Main St, Salem OR 97301",
            "--provider-id",
            "506675928",
        ],
    );
    let pin = v["pin"].as_str().unwrap().to_string();
    strict::<OpsProviderEnroll>(&sb, "ops_provider_enroll", &v);
    strict::<Vec<OpsProviderList>>(
        &sb,
        "ops_provider_list",
        &json(&sb, "ops", &["ops", "provider", "list"]),
    );
    let form = sb.setup_form("JAMJON", ADMIN_PASSWORD);
    let v = json(
        &sb,
        "admin",
        &[
            "account",
            "setup",
            "--login-id",
            "506675928",
            "--pin",
            &pin,
            "--form",
            &p(&form),
        ],
    );
    strict::<AccountSetup>(&sb, "account_setup", &v);
    sb.login("admin", "JAMJON", ADMIN_PASSWORD);
    strict::<Vec<Providers>>(&sb, "providers", &json(&sb, "admin", &["providers"]));

    let clerk = sb.write(
        "clerk.toml",
        "user_name = \"SAMLEE\"\ncontact_first_name = \"Sam\"\ncontact_last_name = \"Lee\"\nphone_number = \"(503)555-0100\"\nemail = \"sam@lee.example\"\nroles = [\"Eligibility Inquiry\", \"Claim Inquiry\"]\n",
    );
    let v = json(&sb, "admin", &["clerk", "add", "--form", &p(&clerk)]);
    let code = v["invite_code"].as_str().unwrap().to_string();
    strict::<ClerkAdd>(&sb, "clerk_add", &v);
    let accept = sb.write(
        "accept.toml",
        "password = \"Green-Leaf-Otter4\"\nconfirm_password = \"Green-Leaf-Otter4\"\nsecret_question_1 = \"first pet\"\nsecret_answer_1 = \"Rex\"\nsecret_question_2 = \"first car\"\nsecret_answer_2 = \"Civic\"\nagree = true\n",
    );
    let v = json(
        &sb,
        "clerk",
        &[
            "account",
            "accept-invite",
            "--code",
            &code,
            "--form",
            &p(&accept),
        ],
    );
    strict::<AccountAcceptInvite>(&sb, "account_accept_invite", &v);
    strict::<ClerkRoles>(
        &sb,
        "clerk_roles",
        &json(
            &sb,
            "admin",
            &["clerk", "roles", "SAMLEE", "--grant", "Claim Submission"],
        ),
    );
    strict::<Vec<ClerkList>>(&sb, "clerk_list", &json(&sb, "admin", &["clerk", "list"]));
    strict::<Vec<ClerkSearch>>(
        &sb,
        "clerk_search",
        &json(&sb, "admin", &["clerk", "search", "--username", "SAM"]),
    );

    let v = json(
        &sb,
        "admin",
        &[
            "token",
            "create",
            "--name",
            "nightly",
            "--roles",
            "Eligibility Inquiry",
            "--expires-in",
            "30d",
        ],
    );
    strict::<TokenCreate>(&sb, "token_create", &v);
    strict::<Vec<TokenList>>(&sb, "token_list", &json(&sb, "admin", &["token", "list"]));
    strict::<TokenRevoke>(
        &sb,
        "token_revoke",
        &json(&sb, "admin", &["token", "revoke", "nightly"]),
    );

    strict::<EligCheck>(
        &sb,
        "elig_check",
        &json(&sb, "admin", &["elig", "check", "--id", "OC100001"]),
    );
    let roster = sb.write("roster.csv", "health_id\nOC100001\nCC100001\nZZ999999\n");
    let r = sb
        .run_as(
            "admin",
            &["elig", "batch", &p(&roster), "--format", "ndjson"],
            None,
        )
        .ok();
    let rows: Vec<Value> = r
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    strict::<Vec<EligBatchNdjson>>(&sb, "elig_batch_ndjson", &Value::Array(rows));

    let form = sb.write(
        "claim.toml",
        &claim_form("OC100001", &[("90837", "2026-03-10", 1, "150.00")], ""),
    );
    let v = json(&sb, "admin", &["claim", "submit", "--form", &p(&form)]);
    let icn = v["icn"].as_str().unwrap().to_string();
    strict::<ClaimSubmit>(&sb, "claim_submit", &v);
    strict::<Vec<ClaimList>>(&sb, "claim_list", &json(&sb, "admin", &["claim", "list"]));
    strict::<OpsClaimsAdjudicate>(
        &sb,
        "ops_claims_adjudicate",
        &json(&sb, "ops", &["ops", "claims", "adjudicate"]),
    );
    let remit = sb.write(
        "remit.835",
        &format!(
            "ISA*00*          *00*          *ZZ*ORMMIS         *ZZ*506675928      *260316*1200*^*00501*000000001*0*T*:~GS*HP*ORMMIS*506675928*20260316*1200*1*X*005010X221A1~ST*835*0001~BPR*I*132*C*ACH*CCP*01*999999999*DA*1*1930000000**01*999988880*DA*2*20260316~TRN*1*RA000001*1930000000~N1*PR*OREGON HEALTH AUTHORITY~N1*PE*JONES FAMILY THERAPY~CLP*{icn}*1*150*132**MC*{icn}~CAS*CO*45*18~SVC*HC:90837*150*132**1~SE*9*0001~GE*1*1~IEA*1*000000001~"
        ),
    );
    strict::<RemitPost>(
        &sb,
        "remit_post",
        &json(&sb, "admin", &["remit", "post", &p(&remit)]),
    );
    strict::<ClaimStatus>(
        &sb,
        "claim_status",
        &json(&sb, "admin", &["claim", "status", &icn]),
    );
    let remits = json(&sb, "admin", &["remit", "list"]);
    strict::<Vec<RemitList>>(&sb, "remit_list", &remits);
    let ra = remits[0]["remit_id"].as_str().unwrap().to_string();
    strict::<RemitShow>(
        &sb,
        "remit_show",
        &json(&sb, "admin", &["remit", "show", &ra]),
    );
    let ra_out = sb.path("ra.835");
    strict::<RemitExport>(
        &sb,
        "remit_export",
        &json(
            &sb,
            "admin",
            &["remit", "export", &ra, "--x12", "--out", &p(&ra_out)],
        ),
    );
    strict::<ClaimVoid>(
        &sb,
        "claim_void",
        &json(&sb, "admin", &["claim", "void", &icn]),
    );

    let pa = sb.write(
        "pa.toml",
        "kind = \"prior-auth\"\nmember_id = \"OC100001\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = 12\n",
    );
    let v = json(&sb, "admin", &["pa", "submit", "--form", &p(&pa)]);
    let pa_number = v["pa_number"].as_str().unwrap().to_string();
    strict::<PaSubmit>(&sb, "pa_submit", &v);
    strict::<OpsPaDecide>(
        &sb,
        "ops_pa_decide",
        &json(
            &sb,
            "ops",
            &[
                "ops",
                "pa",
                "decide",
                &pa_number,
                "--approve",
                "--units",
                "8",
            ],
        ),
    );
    strict::<PaInquire>(
        &sb,
        "pa_inquire",
        &json(&sb, "admin", &["pa", "inquire", &pa_number]),
    );
    strict::<Vec<PaList>>(&sb, "pa_list", &json(&sb, "admin", &["pa", "list"]));

    strict::<ClerkRemove>(
        &sb,
        "clerk_remove",
        &json(&sb, "admin", &["clerk", "remove", "SAMLEE"]),
    );
    strict::<OpsUserUnlock>(
        &sb,
        "ops_user_unlock",
        &json(&sb, "ops", &["ops", "user", "unlock", "JAMJON"]),
    );
    strict::<AuditVerify>(
        &sb,
        "audit_verify",
        &json(&sb, "admin", &["audit", "verify"]),
    );
    let anchor = sb.path("anchor.json");
    strict::<AuditAnchor>(
        &sb,
        "audit_anchor",
        &json(&sb, "admin", &["audit", "anchor", "--out", &p(&anchor)]),
    );
    strict::<Vec<AuditLog>>(
        &sb,
        "audit_log",
        &json(&sb, "admin", &["audit", "log", "--limit", "2"]),
    );
    strict::<Logout>(&sb, "logout", &json(&sb, "admin", &["logout"]));
}

/// An administrator-transfer form for provider 506675928 (new administrator `new_admin`).
/// `claim replace` and the status of a replacement (a sandbox of its own: the main walk's
/// audit log stays as it is).
#[test]
fn claim_replace_json_reads_back_strictly() {
    let sb = crate::claims::setup();
    let p = |s: &std::path::Path| s.to_str().unwrap().to_string();
    let form = sb.write(
        "claim.toml",
        &claim_form("OC100001", &[("90837", "2026-03-10", 1, "150.00")], ""),
    );
    let v = json(&sb, "admin", &["claim", "submit", "--form", &p(&form)]);
    let icn = v["icn"].as_str().unwrap().to_string();
    json(&sb, "ops", &["ops", "claims", "adjudicate"]);
    let fixed = sb.write(
        "fixed.toml",
        &claim_form("OC100001", &[("90834", "2026-03-10", 1, "120.00")], ""),
    );
    let v = json(
        &sb,
        "admin",
        &["claim", "replace", &icn, "--form", &p(&fixed)],
    );
    let new = v["icn"].as_str().unwrap().to_string();
    strict::<ClaimReplace>(&sb, "claim_replace", &v);
    json(&sb, "ops", &["ops", "claims", "adjudicate"]);
    let v = json(&sb, "admin", &["claim", "status", &new]);
    assert_eq!(v["replaces"], icn.as_str());
    strict::<ClaimStatus>(&sb, "claim_status_replacement", &v);
}

fn transfer_form(sb: &Sandbox, name: &str, new_admin: &str) -> std::path::PathBuf {
    sb.write(
        &format!("transfer-{name}.toml"),
        &format!(
            "npi = \"{}\"\nmedicaid_id = \"506675928\"\nrequester_name = \"Pat Rivera\"\nrequester_title = \"Chief Financial Officer\"\nrequester_email = \"pat@jones.example\"\nprevious_admin_name = \"James Jones\"\nprevious_admin_email = \"james@jones.example\"\nprevious_admin_user_name = \"JAMJON\"\nprevious_admin_phone = \"(503)555-1212\"\nprevious_admin_date_left = \"2026-03-01\"\nnew_admin_name = \"Jennifer Smith\"\nnew_admin_email = \"jennifer@jones.example\"\nnew_admin_phone = \"(503)602-1128\"\nnew_admin_user_name = \"{new_admin}\"\n",
            admin_npi()
        ),
    )
}

/// The commands the first scenario does not reach: PIN requests and links, passwords,
/// administrator transfers, operator recovery, PA cancel and the X12 paths' JSON summaries.
#[test]
fn every_other_command_json_reads_back_strictly() {
    let sb = crate::claims::setup();
    let p = |s: &std::path::Path| s.to_str().unwrap().to_string();
    let second_npi = crate::common::npi(111111111);
    sb.enroll("654321", &second_npi, "Second Clinic", "individual");

    let v = json(
        &sb,
        "x",
        &[
            "account",
            "pin-request",
            "--name",
            "Second Clinic",
            "--npi",
            &second_npi,
            "--mail-to",
            "1 Main St, Salem OR 97301",
        ],
    );
    strict::<AccountPinRequest>(&sb, "account_pin_request", &v);
    strict::<Vec<OpsPinRequests>>(
        &sb,
        "ops_pin_requests",
        &json(&sb, "ops", &["ops", "pin-requests"]),
    );
    let v = json(&sb, "ops", &["ops", "provider", "pin-reissue", "654321"]);
    let pin = v["pin"].as_str().unwrap().to_string();
    strict::<OpsProviderPinReissue>(&sb, "ops_provider_pin_reissue", &v);
    let v = json(
        &sb,
        "admin",
        &["account", "link", "--login-id", "654321", "--pin", &pin],
    );
    strict::<AccountLink>(&sb, "account_link", &v);
    strict::<AccountSwitchProvider>(
        &sb,
        "account_switch_provider",
        &json(&sb, "admin", &["account", "switch-provider", "654321"]),
    );
    json(&sb, "admin", &["account", "switch-provider", "506675928"]);

    let change = sb.write(
        "change.toml",
        &format!("current_password = \"{ADMIN_PASSWORD}\"\nnew_password = \"Second-Pass-22\"\nconfirm_new_password = \"Second-Pass-22\"\n"),
    );
    strict::<AccountPasswordChange>(
        &sb,
        "account_password_change",
        &json(
            &sb,
            "admin",
            &["account", "password", "change", "--form", &p(&change)],
        ),
    );
    let reset = sb.write(
        "reset.toml",
        "secret_answer_1 = \"Blue\"\nnew_password = \"Third-Pass-33\"\nconfirm_new_password = \"Third-Pass-33\"\n",
    );
    strict::<AccountPasswordReset>(
        &sb,
        "account_password_reset",
        &json(
            &sb,
            "x",
            &[
                "account",
                "password",
                "reset",
                "--username",
                "JAMJON",
                "--form",
                &p(&reset),
            ],
        ),
    );
    sb.login("admin", "JAMJON", "Third-Pass-33");

    let pa = sb.write(
        "pa.toml",
        "kind = \"prior-auth\"\nmember_id = \"OC100001\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = 12\n",
    );
    let v = json(&sb, "admin", &["pa", "submit", "--form", &p(&pa)]);
    let pa_number = v["pa_number"].as_str().unwrap().to_string();
    strict::<PaCancel>(
        &sb,
        "pa_cancel",
        &json(&sb, "admin", &["pa", "cancel", &pa_number]),
    );

    let batch = crate::claims::batch_837(
        &sb,
        &[
            ("PCN-1", "OC100001", "90837", "2026-03-10"),
            ("PCN-2", "CC100001", "90837", "2026-03-10"),
        ],
    );
    let ack = sb.path("batch.999");
    strict::<ClaimSubmitX12>(
        &sb,
        "claim_submit_x12",
        &json(
            &sb,
            "admin",
            &["claim", "submit", "--x12", &batch, "--ack", &p(&ack)],
        ),
    );
    let x270 = sb
        .run_as(
            "admin",
            &["elig", "check", "--id", "OC100001", "--x12-270"],
            None,
        )
        .ok()
        .stdout;
    let x270 = sb.write("check.270", &x270);
    let x271 = sb.path("check.271");
    strict::<EligBatchX12>(
        &sb,
        "elig_batch_x12",
        &json(
            &sb,
            "admin",
            &["elig", "batch", "--x12", &p(&x270), "--out", &p(&x271)],
        ),
    );

    let first = transfer_form(&sb, "first", "JENSMITH");
    let v = json(
        &sb,
        "cfo",
        &["admin", "transfer-request", "--form", &p(&first)],
    );
    let req = v["request_id"].as_str().unwrap().to_string();
    strict::<AdminTransferRequest>(&sb, "admin_transfer_request", &v);
    strict::<AdminTransferStatus>(
        &sb,
        "admin_transfer_status",
        &json(&sb, "anyone", &["admin", "transfer-status", &req]),
    );
    strict::<Vec<OpsTransferList>>(
        &sb,
        "ops_transfer_list",
        &json(&sb, "ops", &["ops", "transfer", "list"]),
    );
    strict::<OpsTransferReject>(
        &sb,
        "ops_transfer_reject",
        &json(
            &sb,
            "ops",
            &[
                "ops",
                "transfer",
                "reject",
                &req,
                "--reason",
                "the requester is not on file",
            ],
        ),
    );
    let second = transfer_form(&sb, "second", "JENSMITH");
    let v = json(
        &sb,
        "cfo",
        &["admin", "transfer-request", "--form", &p(&second)],
    );
    let req = v["request_id"].as_str().unwrap().to_string();
    strict::<OpsTransferApprove>(
        &sb,
        "ops_transfer_approve",
        &json(&sb, "ops", &["ops", "transfer", "approve", &req]),
    );

    let v = sb
        .run_as(
            "ops",
            &[
                "ops",
                "recover-operator",
                "--username",
                "ops",
                "--password-stdin",
                "--json",
            ],
            Some("Recovered-Op3rator!"),
        )
        .ok()
        .json();
    strict::<OpsRecoverOperator>(&sb, "ops_recover_operator", &v);
}

/// Outputs that do not fit 80 columns yet (none now: keep it that way, or name one here).
const WIDER_THAN_80: &[&str] = &[];

/// Runs `args` as `actor` for a person at an 80-column terminal (`COLUMNS=80`, `NO_COLOR=1`,
/// `TZ=UTC`), asserts that no line is wider than 80 columns, and snapshots the text with the
/// run-to-run values blanked.
#[track_caller]
fn table(sb: &Sandbox, name: &str, actor: &str, args: &[&str]) {
    let r = sb
        .run_env(
            actor,
            args,
            None,
            &[("COLUMNS", "80"), ("NO_COLOR", "1"), ("TZ", "UTC")],
        )
        .ok();
    // A PostgreSQL store's URL is its name and is not wrapped: its line is left out.
    let url = crate::common::pg_test_url_prefix();
    let wide: Vec<(usize, &str)> = r
        .stdout
        .lines()
        .filter(|l| l.chars().count() > 80)
        .filter(|l| url.as_ref().is_none_or(|u| !l.contains(u.as_str())))
        .map(|l| (l.chars().count(), l))
        .collect();
    if WIDER_THAN_80.contains(&name) {
        // Known and reported: once it fits, take it off the list.
        assert!(
            !wide.is_empty(),
            "`{name}` fits 80 columns now: take it off WIDER_THAN_80"
        );
    } else {
        assert!(
            wide.is_empty(),
            "`{name}` is wider than 80 columns:\n{wide:#?}\n{}",
            r.stdout
        );
    }
    let root = sb.dir.path().display().to_string();
    insta::assert_snapshot!(
        format!("table__{name}"),
        blank_volatile(&same_on_both_text(&r.stdout.replace(&root, "[sandbox]")))
    );
}

/// What a person reads from every read command, as a table at 80 columns.
#[test]
fn every_read_table_fits_80_columns() {
    let sb = crate::claims::setup();
    let p = |s: &std::path::Path| s.to_str().unwrap().to_string();
    let clerk = sb.write(
        "clerk.toml",
        "user_name = \"SAMLEE\"\ncontact_first_name = \"Sam\"\ncontact_last_name = \"Lee\"\nphone_number = \"(503)555-0100\"\nemail = \"sam@lee.example\"\nroles = [\"Eligibility Inquiry\", \"Claim Inquiry\"]\n",
    );
    json(&sb, "admin", &["clerk", "add", "--form", &p(&clerk)]);
    json(
        &sb,
        "admin",
        &[
            "token",
            "create",
            "--name",
            "nightly",
            "--roles",
            "Eligibility Inquiry,Claim Inquiry",
            "--expires-in",
            "30d",
        ],
    );
    let form = sb.write(
        "claim.toml",
        &claim_form(
            "OC100001",
            &[
                ("90837", "2026-03-10", 1, "150.00"),
                ("99999", "2026-03-10", 1, "20.00"),
            ],
            "",
        ),
    );
    let icn = json(&sb, "admin", &["claim", "submit", "--form", &p(&form)])["icn"]
        .as_str()
        .unwrap()
        .to_string();
    json(&sb, "ops", &["ops", "claims", "adjudicate"]);
    let pa = sb.write(
        "pa.toml",
        "kind = \"prior-auth\"\nmember_id = \"OC100001\"\ndiagnosis_codes = [\"F43.10\"]\nprocedure_codes = [\"H0004\"]\nfrom = \"2026-03-01\"\nto = \"2026-08-31\"\nunits = 12\n",
    );
    let pa_number = json(&sb, "admin", &["pa", "submit", "--form", &p(&pa)])["pa_number"]
        .as_str()
        .unwrap()
        .to_string();
    json(
        &sb,
        "ops",
        &[
            "ops",
            "pa",
            "decide",
            &pa_number,
            "--approve",
            "--units",
            "8",
        ],
    );
    json(
        &sb,
        "x",
        &[
            "account",
            "pin-request",
            "--name",
            "Jones Family Therapy",
            "--npi",
            &admin_npi(),
            "--mail-to",
            "1 Main St, Salem OR 97301",
        ],
    );
    let form = transfer_form(&sb, "t", "JENSMITH");
    let req = json(
        &sb,
        "cfo",
        &["admin", "transfer-request", "--form", &p(&form)],
    )["request_id"]
        .as_str()
        .unwrap()
        .to_string();
    let roster = sb.write(
        "roster.csv",
        "health_id,last_name,first_name,dob\nOC100001,,,\nCC100001,,,\nHS100001,,,\nZZ999999,,,\n,Nguyen,Bao,1979-11-20\n",
    );

    table(&sb, "whoami", "admin", &["whoami"]);
    table(&sb, "providers", "admin", &["providers"]);
    table(&sb, "roles", "admin", &["roles"]);
    table(&sb, "clerk_list", "admin", &["clerk", "list"]);
    table(
        &sb,
        "clerk_search",
        "admin",
        &["clerk", "search", "--username", "SAM"],
    );
    table(&sb, "token_list", "admin", &["token", "list"]);
    table(
        &sb,
        "elig_check",
        "admin",
        &["elig", "check", "--id", "HS100001"],
    );
    table(&sb, "elig_batch", "admin", &["elig", "batch", &p(&roster)]);
    table(&sb, "claim_list", "admin", &["claim", "list"]);
    table(&sb, "claim_status", "admin", &["claim", "status", &icn]);
    table(&sb, "pa_list", "admin", &["pa", "list"]);
    table(&sb, "pa_inquire", "admin", &["pa", "inquire", &pa_number]);
    table(
        &sb,
        "ops_provider_list",
        "ops",
        &["ops", "provider", "list"],
    );
    table(&sb, "ops_pin_requests", "ops", &["ops", "pin-requests"]);
    table(
        &sb,
        "ops_transfer_list",
        "ops",
        &["ops", "transfer", "list"],
    );
    table(
        &sb,
        "admin_transfer_status",
        "anyone",
        &["admin", "transfer-status", &req],
    );
    table(&sb, "audit_log", "admin", &["audit", "log", "--limit", "5"]);
    table(&sb, "audit_verify", "admin", &["audit", "verify"]);
    table(&sb, "info", "admin", &["info"]);
}

// ---- the wire types: what each command prints, field for field ----

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountLink {
    user_name: String,
    provider_id: String,
    kind: String,
    site_admin_of: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountPasswordChange {
    user_name: String,
    other_sessions_ended: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountPasswordReset {
    user_name: String,
    locked: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountPinRequest {
    request_id: String,
    provider_id: String,
    status: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountSwitchProvider {
    provider_id: String,
    kind: String,
    roles: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AdminTransferRequest {
    request_id: String,
    status: String,
    provider_id: String,
    email_to: String,
    email: String,
    out: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AdminTransferStatus {
    request_id: String,
    status: String,
    provider_id: String,
    submitted_on: String,
    decided_at: Option<String>,
    reason: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimSubmitX12Claims {
    patient_control_number: String,
    icn: Option<String>,
    status: String,
    category_code: String,
    reason: Option<String>,
    member_id: String,
    transaction_control_number: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimSubmitX12 {
    accepted: i64,
    refused: i64,
    claims: Vec<ClaimSubmitX12Claims>,
    rejected_sets: Vec<Value>,
    ack: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EligBatchX12 {
    inquiries: i64,
    answered: i64,
    rejected: i64,
    interchanges: i64,
    out: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsPinRequests {
    request_id: String,
    provider_id: String,
    name: String,
    npi: String,
    mail_to: String,
    requested_on: String,
    status: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsProviderPinReissue {
    provider_id: String,
    npi: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    pin: String,
    pin_issued: String,
    pin_expires: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsRecoverOperator {
    user_name: String,
    locked: bool,
    was_locked: bool,
    sessions_ended: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsTransferApprove {
    request_id: String,
    status: String,
    provider_id: String,
    new_admin: String,
    previous_admin: String,
    invite_code: Option<String>,
    invite_expires: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsTransferList {
    request_id: String,
    provider_id: String,
    npi: String,
    status: String,
    requester_name: String,
    requester_title: String,
    previous_admin_user_name: String,
    previous_admin_date_left: String,
    current_admin: Option<String>,
    new_admin_user_name: String,
    new_admin_exists: bool,
    submitted_on: String,
    decided_at: Option<String>,
    decided_by: Option<String>,
    reason: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsTransferReject {
    request_id: String,
    status: String,
    reason: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct PaCancel {
    pa_number: String,
    status: String,
    action_code: String,
    previous_status: String,
    used_units: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountAcceptInvite {
    user_name: String,
    provider_id: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AccountSetup {
    user_name: String,
    provider_id: String,
    kind: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AuditAnchor {
    entries: i64,
    head: String,
    at: String,
    first: String,
    out: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AuditLog {
    id: i64,
    at: String,
    actor: String,
    actor_kind: String,
    provider_id: String,
    action: String,
    target: Option<String>,
    outcome: String,
    detail: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct AuditVerify {
    ok: bool,
    entries: i64,
    first_bad: Option<Value>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimList {
    icn: String,
    member_id: String,
    status: String,
    category_code: String,
    date_of_service: String,
    billed: f64,
    paid_amount: f64,
    received_on: String,
    patient_control_number: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimStatusLines {
    line: i64,
    procedure_code: String,
    modifiers: Vec<String>,
    date_of_service: String,
    units: i64,
    billed: f64,
    allowed: f64,
    paid: f64,
    status: String,
    carc: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimStatusHistory {
    date: String,
    at: String,
    status: String,
    category_code: String,
    by: String,
    note: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimStatusPosted {
    remit_id: String,
    paid: f64,
    posted_on: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitPostException {
    kind: String,
    remit_id: String,
    patient_control_number: String,
    payer_icn: String,
    icn: Option<String>,
    status_code: String,
    paid: f64,
    expected: Option<f64>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitPost {
    claims: i64,
    matched: i64,
    unmatched: i64,
    differs: i64,
    takebacks: i64,
    already_posted: i64,
    paid_amount: f64,
    remits: i64,
    exceptions: Vec<RemitPostException>,
    exceptions_omitted: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimStatus {
    icn: String,
    status: String,
    category_code: String,
    category_description: String,
    status_code: String,
    status_code_description: String,
    paid_amount: f64,
    billed: f64,
    allowed: f64,
    member_id: String,
    provider_id: String,
    billing_npi: String,
    rendering_npi: String,
    place_of_service: String,
    diagnosis_codes: Vec<String>,
    prior_auth_number: Option<String>,
    patient_control_number: Option<String>,
    date_of_service: String,
    last_date_of_service: String,
    received_on: String,
    source: String,
    payment_cycle: i64,
    recoupment_pending: bool,
    recouped_in_cycle: Option<i64>,
    replaces: Option<String>,
    replaced_by: Option<String>,
    remit_id: Option<String>,
    posted: Option<ClaimStatusPosted>,
    lines: Vec<ClaimStatusLines>,
    history: Vec<ClaimStatusHistory>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimSubmit {
    icn: String,
    status: String,
    category_code: String,
    member_id: String,
    billed: f64,
    received_on: String,
    lines: i64,
    prior_auth_number: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimReplace {
    icn: String,
    replaces: String,
    status: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClaimVoid {
    icn: String,
    status: String,
    category_code: String,
    previous_status: String,
    to_recoup: f64,
    pa_units_returned: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClerkAdd {
    user_name: String,
    invite_code: String,
    invite_expires: String,
    provider_id: String,
    roles: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClerkList {
    user_name: String,
    kind: String,
    first_name: String,
    last_name: String,
    email: String,
    roles: Vec<String>,
    status: String,
    created_at: String,
    last_login: Option<String>,
    removed_at: Option<String>,
    invite_expires: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClerkRemove {
    user_name: String,
    removed: bool,
    provider_id: String,
    sessions_ended: i64,
    tokens_revoked: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClerkRoles {
    user_name: String,
    roles: Vec<String>,
    provider_id: String,
    changed: bool,
    before: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct ClerkSearch {
    user_name: String,
    first_name: String,
    last_name: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EligBatchNdjson {
    row: i64,
    health_id: String,
    date: String,
    eligible: Option<bool>,
    lane: Option<String>,
    benefit_plan: Option<String>,
    cco: Option<String>,
    plan_partner: Option<String>,
    error: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EligCheckMember {
    health_id: String,
    last_name: String,
    first_name: String,
    dob: String,
    sex: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EligCheckBenefits {
    plan: String,
    plan_name: String,
    start: String,
    end: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EligCheckSegments {
    from: String,
    to: String,
    eligible: bool,
    lane: String,
    benefit_plan: String,
    cco: Option<String>,
    plan_partner: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct EligCheck {
    member: EligCheckMember,
    from: String,
    to: String,
    eligible: bool,
    lane: String,
    benefit_plan: String,
    cco: Option<String>,
    plan_partner: Option<String>,
    bill_to: String,
    benefits: Vec<EligCheckBenefits>,
    managed_care: Vec<Value>,
    tpl: Vec<Value>,
    medicare: Vec<Value>,
    segments: Vec<EligCheckSegments>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Info {
    version: String,
    build: String,
    store: String,
    store_kind: String,
    store_exists: bool,
    store_error: Option<String>,
    schema_version: i64,
    schema_version_supported: i64,
    sandbox: bool,
    business_date: String,
    user_name: String,
    kind: String,
    provider_id: Option<String>,
    via: String,
    token_name: Option<String>,
    session_expires_at: String,
    session_idle_expires_at: String,
    auth_error: Option<String>,
    config: String,
    config_exists: bool,
    session_dir: String,
    session_file: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Init {
    operator: String,
    db: String,
    sandbox: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Login {
    user_name: String,
    expires_at: String,
    kind: String,
    provider_id: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Logout {
    user_name: String,
    logged_out: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsClaimsAdjudicate {
    cycle: i64,
    run_on: String,
    paid: i64,
    denied: i64,
    paid_amount: f64,
    recouped_claims: i64,
    recouped: f64,
    net: f64,
    remits: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitList {
    remit_id: String,
    cycle: i64,
    provider_id: String,
    issued_on: String,
    paid_amount: f64,
    claims: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitAdjustment {
    group: String,
    carc: String,
    amount: f64,
    text: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitLine {
    line: i64,
    procedure_code: String,
    modifiers: Vec<String>,
    date_of_service: String,
    units: i64,
    billed: f64,
    allowed: f64,
    paid: f64,
    adjustments: Vec<RemitAdjustment>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitClaim {
    icn: String,
    patient_control_number: Option<String>,
    member_id: String,
    member_name: String,
    status: String,
    status_code: String,
    billed: f64,
    allowed: f64,
    paid: f64,
    patient_responsibility: f64,
    adjustments: Vec<RemitAdjustment>,
    lines: Vec<RemitLine>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitProviderAdjustment {
    reason: String,
    reference: String,
    amount: f64,
    text: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitShow {
    remit_id: String,
    cycle: i64,
    provider_id: String,
    issued_on: String,
    paid_amount: f64,
    payment_method: String,
    claims: Vec<RemitClaim>,
    provider_adjustments: Vec<RemitProviderAdjustment>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct RemitExport {
    remit_id: String,
    out: String,
    format: String,
    claims: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsFeeScheduleImport {
    rows: i64,
    added: i64,
    updated: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsMemberImport {
    rows: i64,
    members: i64,
    spans: i64,
    added: i64,
    changed: i64,
    unchanged: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsPaDecide {
    pa_number: String,
    status: String,
    action_code: String,
    approved_units: i64,
    requested_units: i64,
    reason: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsProviderEnroll {
    provider_id: String,
    npi: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    pin: String,
    pin_issued: String,
    pin_expires: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsProviderList {
    provider_id: String,
    npi: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    tax_id: String,
    enrolled_on: String,
    site_admin: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct OpsUserUnlock {
    user_name: String,
    locked: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct PaInquire {
    pa_number: String,
    kind: String,
    status: String,
    action_code: String,
    member_id: String,
    provider_id: String,
    procedure_codes: Vec<String>,
    diagnosis_codes: Vec<String>,
    from: String,
    to: String,
    requested_units: i64,
    approved_units: i64,
    used_units: i64,
    units_left: i64,
    reason: Option<String>,
    submitted_on: String,
    decided_on: String,
    claims: Vec<Value>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct PaList {
    pa_number: String,
    kind: String,
    status: String,
    member_id: String,
    procedure_codes: Vec<String>,
    from: String,
    to: String,
    approved_units: i64,
    used_units: i64,
    units_left: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct PaSubmit {
    pa_number: String,
    status: String,
    action_code: String,
    kind: String,
    member_id: String,
    procedure_codes: Vec<String>,
    from: String,
    to: String,
    requested_units: i64,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Providers {
    provider_id: String,
    npi: String,
    name: String,
    #[serde(rename = "type")]
    kind: String,
    role: String,
    current: bool,
    group_id: Option<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Roles {
    name: String,
    slug: String,
    description: String,
    commands: Vec<String>,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TokenCreate {
    token: String,
    name: String,
    provider_id: String,
    roles: Vec<String>,
    admin: bool,
    expires_at: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TokenList {
    name: String,
    provider_id: String,
    roles: Vec<String>,
    admin: bool,
    created_at: String,
    expires_at: String,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct TokenRevoke {
    name: String,
    revoked: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Whoami {
    user_name: String,
    kind: String,
    provider_id: Option<String>,
    provider_name: Option<String>,
    roles: Vec<String>,
    via: String,
    token_name: Option<String>,
    sandbox: bool,
}

#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
struct Probe {
    a: i64,
    b: Option<String>,
}

fn read_back(v: Value) -> Result<(), String> {
    let t: Probe = serde_json::from_value(v.clone()).map_err(|e| e.to_string())?;
    (serde_json::to_value(&t).unwrap() == v)
        .then_some(())
        .ok_or_else(|| "a field is missing".to_string())
}

#[test]
fn the_strict_reader_refuses_unknown_and_missing_fields() {
    assert!(read_back(serde_json::json!({"a": 1, "b": null})).is_ok());
    assert!(read_back(serde_json::json!({"a": 1, "b": null, "c": 2})).is_err());
    // A missing optional field would read as null: the write-back catches it.
    assert!(read_back(serde_json::json!({"a": 1})).is_err());
}

/// Every command's `--help` at 80 columns, as a snapshot: a change to the help is reviewed.
#[test]
fn every_command_help_at_80_columns() {
    fn walk(cmd: &mut clap::Command, path: &str) {
        let help = cmd.render_long_help().to_string();
        let name = if path.is_empty() {
            "help__mmis".to_string()
        } else {
            format!("help__{}", path.replace([' ', '-'], "_"))
        };
        insta::assert_snapshot!(name, help);
        let names: Vec<String> = cmd
            .get_subcommands()
            .map(|s| s.get_name().to_string())
            .filter(|n| n != "help")
            .collect();
        for n in names {
            let p = format!("{path} {n}").trim().to_string();
            if let Some(sub) = cmd.find_subcommand_mut(&n) {
                walk(sub, &p);
            }
        }
    }
    let mut cmd = mmis::cli::command().term_width(80);
    cmd.build();
    walk(&mut cmd, "");
}

/// Blanks what changes from run to run in a person's text, keeping each value's width so
/// that tables stay aligned: real-clock timestamps (`2026-03-16 14:03 UTC`,
/// `2026-03-16T14:03:07Z`) and the build line of `mmis info`.
fn blank_volatile(s: &str) -> String {
    let out: Vec<String> = s
        .lines()
        .map(|l| {
            if l.starts_with("mmis ") && l.contains(" (") {
                return "mmis [version]".to_string();
            }
            let c: Vec<char> = l.chars().collect();
            let mut o = String::new();
            let mut i = 0;
            while i < c.len() {
                match timestamp_len(&c[i..]) {
                    Some(n) => {
                        o.push_str(&format!("{:<n$}", "[time]"));
                        i += n;
                    }
                    None => {
                        o.push(c[i]);
                        i += 1;
                    }
                }
            }
            o
        })
        .collect();
    let mut t = out.join("\n");
    if s.ends_with('\n') {
        t.push('\n');
    }
    t
}

/// The length of a timestamp with a time of day at the start of `c`, if there is one.
fn timestamp_len(c: &[char]) -> Option<usize> {
    let shape = |c: &[char], pat: &str| {
        c.len() >= pat.len()
            && pat.chars().zip(c).all(|(p, &x)| match p {
                'd' => x.is_ascii_digit(),
                'T' => x == 'T' || x == ' ',
                p => p == x,
            })
    };
    if !shape(c, "dddd-dd-ddTdd:dd") {
        return None;
    }
    let mut n = 16;
    if shape(&c[n..], ":dd") {
        n += 3;
        if c.get(n) == Some(&'.') {
            n += 1;
            while c.get(n).is_some_and(|x| x.is_ascii_digit()) {
                n += 1;
            }
        }
    }
    if c.get(n) == Some(&'Z') {
        n += 1;
    } else if shape(&c[n..], "+dd:dd") || shape(&c[n..], "-dd:dd") {
        n += 6;
    } else if shape(&c[n..], " UTC") {
        n += 4;
    }
    Some(n)
}
