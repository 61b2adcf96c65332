//! `account setup` (from the PIN letter), `pin-request`, `password change|reset`.

use crate::auth::{self, credentials, hash};
use crate::cli::access::{PasswordChangeArgs, PasswordResetArgs, PinRequestArgs, SetupArgs};
use crate::context::Context;
use crate::domain::ids::{parse_email, parse_phone, parse_user_name, Npi, ProviderId};
use crate::domain::password;
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use crate::forms::{field, Field, Form, Kind, Prompts};
use crate::output::Output;
use crate::store::{AuditEntry, NewUser, Store, Tx};
use serde::Serialize;

/// The portal's security agreement, shown before "I Agree" is asked (seed 002).
pub const SECURITY_AGREEMENT: &str = "Security Agreement: Trading Partner and Oregon DHS shall take reasonable care to ensure \
that data and data transmissions are timely, complete, truthful, accurate and secure, and shall take reasonable \
precautions to prevent unauthorized access to the information system, the data transmission itself or the contents \
of information which transmitted either to or from Oregon DHS in compliance with HIPAA 45 CFR.";

/// Shows the security agreement before a screen asks for "I Agree" on a terminal.
pub fn show_agreement(ctx: &Context, form: &Form) {
    if ctx.ui.can_prompt() && !form.has("agree") {
        ctx.ui.note(SECURITY_AGREEMENT);
    }
}

/// The contact fields of Account Setup and Clerk Maintenance.
pub const CONTACT_FIELDS: &[Field] = &[
    field("user_name", "User Name", Kind::Text, true),
    field("contact_first_name", "Contact First Name", Kind::Text, true),
    field("contact_last_name", "Contact Last Name", Kind::Text, true),
    field("phone_number", "Phone Number", Kind::Text, true),
    field("email", "EMail", Kind::Text, true),
    field("confirm_email", "Confirm EMail", Kind::Text, false),
];

/// The contact part of a screen (Account Setup, Clerk Maintenance), validated.
pub struct Contact {
    pub user_name: String,
    pub first: String,
    pub last: String,
    pub phone: String,
    pub email: String,
}

impl Contact {
    pub fn new_user<'a>(&'a self, now: &'a str) -> NewUser<'a> {
        NewUser {
            user_name: &self.user_name,
            first_name: &self.first,
            last_name: &self.last,
            phone: &self.phone,
            email: &self.email,
            is_operator: false,
            created_at: now,
        }
    }
}

/// Reads `user_name, contact_first_name, contact_last_name, phone_number, email,
/// confirm_email`; problems are added to `problems`.
pub fn contact_from_form(form: &Form, problems: &mut Vec<String>) -> Result<Option<Contact>> {
    let before = problems.len();
    let user_name = match form.text("user_name")? {
        Some(u) => parse_user_name("user_name", &u)
            .map_err(|e| problems.push(e.message))
            .ok(),
        None => {
            problems.push("user_name: required".into());
            None
        }
    };
    let first = form.text_or_empty("contact_first_name")?;
    let last = form.text_or_empty("contact_last_name")?;
    if first.is_empty() {
        problems.push("contact_first_name: required".into());
    }
    if last.is_empty() {
        problems.push("contact_last_name: required".into());
    }
    let phone = parse_phone("phone_number", &form.text_or_empty("phone_number")?)
        .map_err(|e| problems.push(e.message))
        .ok();
    let email = parse_email("email", &form.text_or_empty("email")?)
        .map_err(|e| problems.push(e.message))
        .ok();
    if let (Some(e), Some(c)) = (&email, form.text("confirm_email")?) {
        if !e.eq_ignore_ascii_case(c.trim()) {
            problems.push("confirm_email: does not match email".into());
        }
    }
    Ok(match (user_name, phone, email) {
        (Some(user_name), Some(phone), Some(email)) if problems.len() == before => Some(Contact {
            user_name,
            first,
            last,
            phone,
            email,
        }),
        _ => None,
    })
}

/// The password and secret-question part of a screen, validated and hashed.
pub struct Credentials {
    pub password_hash: String,
    pub question_1: String,
    pub answer_1_hash: String,
    pub question_2: Option<String>,
    pub answer_2_hash: Option<String>,
}

/// Every problem with the password, secret questions and agreement of a setup or invitation
/// form (the rules both the form file and the prompts are checked by).
pub fn credential_problems(
    tx: &Tx<'_>,
    form: &Form,
    user_id: Option<i64>,
    user_name: &str,
) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    credential_checks(tx, form, user_id, user_name, &mut problems)?;
    Ok(problems)
}

/// Validates the password, secret questions and agreement of a setup or invitation form.
/// Problems are added to `problems`; hashes are made only when there are none.
pub fn credentials_from_form(
    tx: &Tx<'_>,
    form: &Form,
    user_id: Option<i64>,
    user_name: &str,
    problems: &mut Vec<String>,
) -> Result<Option<Credentials>> {
    let (q1, a1_norm, q2, a2_norm) = credential_checks(tx, form, user_id, user_name, problems)?;
    if !problems.is_empty() {
        return Ok(None);
    }
    let pw = form.secret("password")?.unwrap_or_default();
    Ok(Some(Credentials {
        password_hash: hash::hash_secret(pw.expose())?,
        question_1: q1.unwrap_or_default(),
        answer_1_hash: hash::hash_secret(&a1_norm)?,
        answer_2_hash: match (&q2, &a2_norm) {
            (Some(_), Some(a)) => Some(hash::hash_secret(a)?),
            _ => None,
        },
        question_2: q2,
    }))
}

type CheckedSecrets = (Option<String>, String, Option<String>, Option<String>);

/// The checks of [`credentials_from_form`]; returns the questions and normalised answers.
fn credential_checks(
    tx: &Tx<'_>,
    form: &Form,
    user_id: Option<i64>,
    user_name: &str,
    problems: &mut Vec<String>,
) -> Result<CheckedSecrets> {
    let pw = form.secret("password")?;
    let confirm = form.secret("confirm_password")?;
    problems.extend(credentials::new_password_problems(
        tx,
        user_id,
        user_name,
        "password",
        pw.as_ref(),
        "confirm_password",
        confirm.as_ref(),
    )?);
    let q1 = form.text("secret_question_1")?;
    let a1 = form.secret("secret_answer_1")?;
    let q2 = form.text("secret_question_2")?;
    let a2 = form.secret("secret_answer_2")?;
    if q1.is_none() {
        problems.push("secret_question_1: required".into());
    }
    let a1_norm = a1
        .as_ref()
        .map(|a| credentials::normalize_answer(a.expose()))
        .unwrap_or_default();
    if a1_norm.is_empty() {
        problems.push("secret_answer_1: required".into());
    }
    let a2_norm = a2
        .as_ref()
        .map(|a| credentials::normalize_answer(a.expose()));
    match (&q2, &a2_norm) {
        (Some(_), None) => {
            problems.push("secret_answer_2: required when secret_question_2 is given".into())
        }
        (None, Some(a)) if !a.is_empty() => {
            problems.push("secret_question_2: required when secret_answer_2 is given".into())
        }
        _ => {}
    }
    if let (Some(q1), Some(q2)) = (&q1, &q2) {
        if q1.eq_ignore_ascii_case(q2) {
            problems.push("secret_question_2: must differ from secret_question_1".into());
        }
    }
    if form.bool("agree")? != Some(true) {
        problems.push("agree: the security agreement must be accepted (agree = true)".into());
    }
    Ok((q1, a1_norm, q2, a2_norm))
}

/// How the credential fields are asked on a terminal: the rules shown before the password,
/// the second answer only when there is a second question.
pub fn ask_secret_answer_2(form: &Form, key: &str) -> bool {
    key != "secret_answer_2" || form.has("secret_question_2")
}

pub fn store_credentials(tx: &Tx<'_>, user_id: i64, c: &Credentials, now: &str) -> Result<()> {
    tx.set_password(user_id, &c.password_hash, now)?;
    tx.set_secrets(
        user_id,
        &crate::store::users::Secrets {
            question_1: &c.question_1,
            answer_1_hash: &c.answer_1_hash,
            question_2: c.question_2.as_deref(),
            answer_2_hash: c.answer_2_hash.as_deref(),
        },
        now,
    )
}

/// Checks a PIN letter (Login ID + PIN): exit 3 for a wrong, used, voided or expired PIN.
pub fn check_pin(
    ctx: &Context,
    tx: &Tx<'_>,
    login_id: &str,
    pin: &str,
) -> Result<(crate::store::ProviderRow, i64)> {
    let pid = ProviderId::parse("--login-id", login_id)?;
    let wrong = || {
        Error::unauthenticated(format!(
            "the PIN does not match the letter for provider {pid} (PINs are case-sensitive)"
        ))
        .hint("check the letter again, or request a new one with `mmis account pin-request`")
    };
    let Some(provider) = tx.provider(&pid)? else {
        hash::dummy_verify(pin);
        return Err(
            Error::unauthenticated(format!("no PIN letter was issued for Login ID {pid}")).hint(
                "the Login ID is the 6- or 9-digit Oregon Medicaid provider ID on the PIN letter",
            ),
        );
    };
    let Some(row) = tx.latest_pin(&pid)? else {
        hash::dummy_verify(pin);
        return Err(wrong());
    };
    if !hash::verify_secret(pin, &row.pin_hash) {
        return Err(wrong());
    }
    if row.used_at.is_some() {
        return Err(Error::unauthenticated(format!(
            "this PIN for provider {pid} was already used"
        ))
        .hint("a PIN works once; ask the site administrator to add you, or request a new PIN"));
    }
    if row.voided_at.is_some() {
        return Err(Error::unauthenticated(format!(
            "this PIN for provider {pid} was replaced by a newer letter"
        )));
    }
    if ctx.clock.today() > row.expires_on {
        return Err(Error::unauthenticated(format!(
            "this PIN for provider {pid} expired on {} (PINs are inactive after 60 days unused)",
            row.expires_on
        ))
        .hint("request a new one with `mmis account pin-request`"));
    }
    Ok((provider, row.id))
}

/// Records a refused PIN at account setup (target: the Login ID; never the PIN) in its own
/// transaction, and hands the refusal back. A malformed Login ID is plain invalid input.
fn audit_pin_failure(ctx: &Context, store: &Store, login_id: &str, e: Error) -> Result<Error> {
    if e.kind != crate::error::Kind::NotAuthenticated {
        return Ok(e);
    }
    let tx = store.write()?;
    tx.audit(&AuditEntry {
        at: &ctx.clock.now_str(),
        actor: "-",
        actor_kind: "anonymous",
        provider_id: None,
        action: "account setup",
        target: Some(login_id.trim()),
        outcome: "failed",
        detail: Some(&e.message),
    })?;
    tx.commit()?;
    Ok(e)
}

#[derive(Serialize)]
pub struct SetupView {
    pub user_name: String,
    pub provider_id: String,
    pub kind: &'static str,
}

/// A one-time secret (PIN, invitation code) from its flag or environment variable (clap reads
/// both; the flag wins), else a hidden prompt when stdin is a terminal; else exit 6.
pub fn one_time_secret(
    ctx: &Context,
    given: Option<&str>,
    what: &str,
    flag: &str,
    env: &str,
    example: &str,
) -> Result<Secret> {
    if let Some(v) = given.map(str::trim).filter(|v| !v.is_empty()) {
        return Ok(Secret::new(v));
    }
    if ctx.ui.stdin_tty {
        ctx.ui.guard_terminal();
        let typed = Secret::new(
            rpassword::prompt_password(format!("{what}: "))
                .map_err(|e| Error::invalid(format!("prompt cancelled: {e}")))?,
        );
        let v = typed.expose().trim();
        if !v.is_empty() {
            return Ok(Secret::new(v));
        }
    }
    Err(Error::invalid(format!(
        "no {what} given: pass {flag}, set {env}, or run on a terminal to be asked for it"
    ))
    .hint(format!(
        "{env} keeps it off the command line and out of shell history: {env}=... {example}"
    )))
}

pub fn cmd_account_setup(ctx: &Context, args: &SetupArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let form = Form::load(args.form.as_deref())?;
    let pin = one_time_secret(
        ctx,
        args.pin.as_deref(),
        "PIN",
        "--pin",
        "MMIS_PIN",
        &format!("mmis account setup --login-id {}", args.login_id.trim()),
    )?;
    let view = setup_with(ctx, &store, &args.login_id, &pin, form)?;
    let human = format!(
        "Account set up: {} is the site administrator of provider {}.\nNext: mmis login --username {}",
        view.user_name, view.provider_id, view.user_name
    );
    Ok(Output::record_with(view, human))
}

pub fn setup_with(
    ctx: &Context,
    store: &Store,
    login_id: &str,
    pin: &Secret,
    form: Form,
) -> Result<SetupView> {
    // The PIN is checked before any prompting, so nobody types a whole form for nothing.
    {
        let tx = store.read()?;
        let checked = check_pin(ctx, &tx, login_id, pin.expose());
        let (provider, _) = match checked {
            Ok(v) => v,
            Err(e) => {
                drop(tx);
                return Err(audit_pin_failure(ctx, store, login_id, e)?);
            }
        };
        if tx.site_admin_of(&provider.provider_id)?.is_some() {
            return Err(Error::conflict(format!(
                "provider {} already has a site administrator",
                provider.provider_id
            ))
            .hint("ask the site administrator to add you as a clerk, or file `mmis admin transfer-request`"));
        }
    }
    show_agreement(ctx, &form);
    // Seed 002's screen: the contact fields, then the password, secret questions and agreement.
    let fields = [CONTACT_FIELDS, ACCEPT_FIELDS].concat();
    let prompts = Prompts::new()
        .check(|form: &Form| {
            let mut problems = Vec::new();
            contact_from_form(form, &mut problems)?;
            let tx = store.read()?;
            let user_name = form.text_or_empty("user_name")?;
            problems.extend(credential_problems(&tx, form, None, &user_name)?);
            Ok(problems)
        })
        .note("password", password::rules_text())
        .ask_if(ask_secret_answer_2);
    let form = form.complete_with("Account Setup", &fields, &ctx.ui, true, &prompts)?;
    let mut problems = Vec::new();
    let contact = contact_from_form(&form, &mut problems)?;
    let creds = {
        let tx = store.read()?;
        credentials_from_form(
            &tx,
            &form,
            None,
            &form.text_or_empty("user_name")?,
            &mut problems,
        )?
    };
    let (Some(contact), Some(creds), true) = (contact, creds, problems.is_empty()) else {
        return Err(Error::invalid_fields("the account setup form", &problems));
    };
    let user_name = contact.user_name.clone();

    let tx = store.write()?;
    let checked = check_pin(ctx, &tx, login_id, pin.expose());
    let (provider, pin_id) = match checked {
        Ok(v) => v,
        Err(e) => {
            drop(tx);
            return Err(audit_pin_failure(ctx, store, login_id, e)?);
        }
    };
    if tx.site_admin_of(&provider.provider_id)?.is_some() {
        return Err(Error::conflict(format!(
            "provider {} already has a site administrator",
            provider.provider_id
        )));
    }
    if tx.user_by_name(&user_name)?.is_some() {
        return Err(Error::conflict(format!("the user name {user_name} is taken"))
            .hint("choose another user name; to add an existing user to a provider, use `mmis account link` or Clerk Maintenance"));
    }
    let now = ctx.clock.now_str();
    if !tx.use_pin(pin_id, &now)? {
        return Err(Error::unauthenticated("this PIN was already used"));
    }
    let uid = tx.insert_user(&contact.new_user(&now))?;
    store_credentials(&tx, uid, &creds, &now)?;
    tx.upsert_membership(uid, &provider.provider_id, "site_admin", &[], &now)?;
    tx.audit(&AuditEntry {
        at: &now,
        actor: &user_name,
        actor_kind: "site_admin",
        provider_id: Some(provider.provider_id.as_str()),
        action: "account setup",
        target: Some(provider.provider_id.as_str()),
        outcome: "ok",
        detail: None,
    })?;
    tx.commit()?;
    Ok(SetupView {
        user_name,
        provider_id: provider.provider_id.to_string(),
        kind: "site_admin",
    })
}

/// A name or address as compared for a PIN request: case, spacing and punctuation do not
/// count ("1200 Court St. NE, Salem" matches "1200 court st ne salem"); letters and digits do.
pub fn loose_key(s: &str) -> String {
    s.chars()
        // "St." and "N.E." read as "St" and "NE"; other punctuation separates words.
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn cmd_account_pin_request(ctx: &Context, args: &PinRequestArgs) -> Result<Output> {
    let npi = Npi::parse("--npi", &args.npi)?;
    let name = args.name.trim();
    let mail_to = args.mail_to.trim();
    if name.is_empty() || mail_to.is_empty() {
        return Err(Error::invalid("--name and --mail-to must not be empty"));
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AccountPinRequest)?;
    let provider = tx.provider_by_npi(&npi)?.ok_or_else(|| {
        Error::not_found(format!("no enrolled provider has NPI {npi}"))
            .hint("enroll with OHA first; a PIN letter follows enrollment")
    })?;
    let on_file = provider.mail_to.clone().unwrap_or_default();
    let same = |a: &str, b: &str| loose_key(a) == loose_key(b);
    let mut problems = Vec::new();
    if !same(name, &provider.name) {
        problems.push("--name: does not match the provider's name on file".to_string());
    }
    if !same(mail_to, &on_file) {
        problems.push("--mail-to: does not match the mail-to address on file".to_string());
    }
    if !problems.is_empty() {
        return Err(Error::invalid_fields("the PIN request", &problems)
            .hint("give the name, NPI and mail-to address exactly as on the enrollment record"));
    }
    let now = ctx.clock.now_str();
    let id = tx.insert_pin_request(
        &provider.provider_id,
        name,
        &npi,
        mail_to,
        ctx.clock.today(),
        &now,
    )?;
    let request_id = format!("PINREQ-{id:06}");
    let a = crate::auth::Actor {
        provider_id: Some(provider.provider_id.clone()),
        ..actor
    };
    tx.audit(&a.entry(&now, "account pin-request", Some(&request_id), "ok", None))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"request_id": request_id, "provider_id": provider.provider_id.as_str(), "status": "open"}),
        format!(
            "Replacement PIN requested ({request_id}) for provider {}. The agency reissues it (`mmis ops provider pin-reissue`); the new letter goes to the mail-to address on file.",
            provider.provider_id
        ),
    ))
}

/// Checks `new_password` / `confirm_new_password` of a form (rules, history, not the
/// current one) and hashes it.
fn new_password_hash(
    tx: &Tx<'_>,
    user_id: i64,
    user_name: &str,
    form: &Form,
    current: Option<&Secret>,
) -> Result<String> {
    let new = form.secret("new_password")?;
    let mut problems = credentials::new_password_problems(
        tx,
        Some(user_id),
        user_name,
        "new_password",
        new.as_ref(),
        "confirm_new_password",
        form.secret("confirm_new_password")?.as_ref(),
    )?;
    if let (Some(n), Some(c)) = (&new, current) {
        if problems.is_empty() && n.expose() == c.expose() {
            problems.push("new_password: must differ from the current password".into());
        }
    }
    match new {
        Some(n) if problems.is_empty() => hash::hash_secret(n.expose()),
        _ => Err(Error::invalid_fields("the new password", &problems)),
    }
}

/// [`new_password_hash`] made in a read snapshot, outside the write lock (the history check
/// and the hash are argon2id, which takes a while, and the write lock is everyone's), with
/// the password hash it was checked against.
struct NewPassword {
    seen: Option<String>,
    hashed: Result<String>,
}

impl NewPassword {
    fn prepare(
        store: &Store,
        user_id: i64,
        user_name: &str,
        form: &Form,
        current: Option<&Secret>,
    ) -> Result<NewPassword> {
        let tx = store.read()?;
        let seen = tx.user_by_id(user_id)?.and_then(|u| u.password_hash);
        let hashed = new_password_hash(&tx, user_id, user_name, form, current);
        Ok(NewPassword { seen, hashed })
    }

    /// The hash to store, in the write transaction `tx`: the one prepared, unless the
    /// password changed in between (the history with it), when it is checked again here.
    fn take(
        self,
        tx: &Tx<'_>,
        user: &crate::store::UserRow,
        form: &Form,
        current: Option<&Secret>,
    ) -> Result<String> {
        if user.password_hash == self.seen {
            self.hashed
        } else {
            new_password_hash(tx, user.id, &user.user_name, form, current)
        }
    }
}

/// The rules a new password is checked by as it is typed: the policy, the confirmation and
/// "not the current one". The history is checked only once the current password or the
/// secret answers are proven, so the prompt tells nobody what a user's old passwords were.
fn new_password_rules(store: &Store, user_name: &str, form: &Form) -> Result<Vec<String>> {
    let tx = store.read()?;
    let new = form.secret("new_password")?;
    let mut problems = credentials::new_password_problems(
        &tx,
        None,
        user_name,
        "new_password",
        new.as_ref(),
        "confirm_new_password",
        form.secret("confirm_new_password")?.as_ref(),
    )?;
    if let (Some(n), Some(c)) = (&new, form.secret("current_password")?) {
        if n.expose() == c.expose() {
            problems.push("new_password: must differ from the current password".into());
        }
    }
    Ok(problems)
}

pub const CHANGE_FIELDS: &[Field] = &[
    field(
        "current_password",
        "Current Password",
        Kind::Secret { confirm: None },
        true,
    ),
    field(
        "new_password",
        "New Password",
        Kind::Secret {
            confirm: Some("confirm_new_password"),
        },
        true,
    ),
    field(
        "confirm_new_password",
        "Confirm New Password",
        Kind::Secret { confirm: None },
        true,
    ),
];

pub fn cmd_password_change(ctx: &Context, args: &PasswordChangeArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let form = Form::load(args.form.as_deref())?;
    let incomplete = CHANGE_FIELDS.iter().any(|f| f.required && !form.has(f.key));
    // Who is asking is known before anyone types (and a signed-out user is told first).
    let user_name = if incomplete && ctx.ui.can_prompt() {
        auth::permit(ctx, &store, auth::Cmd::AccountPasswordChange)?.user_name
    } else {
        String::new()
    };
    let prompts = Prompts::new()
        .check(|form: &Form| new_password_rules(&store, &user_name, form))
        .note("new_password", password::rules_text());
    let form = form.complete_with("Change Password", CHANGE_FIELDS, &ctx.ui, true, &prompts)?;
    // Who is acting, in a read snapshot: the current password is checked, and the new one
    // hashed, before the write transaction opens.
    let actor = auth::permit(ctx, &store, auth::Cmd::AccountPasswordChange)?;
    let uid = actor
        .user_id
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    let user = store
        .read()?
        .user_by_id(uid)?
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    let current = form.secret("current_password")?.unwrap_or_default();
    if !hash::verify_secret(
        current.expose(),
        user.password_hash.as_deref().unwrap_or(""),
    ) {
        let tx = store.write()?;
        let now = ctx.clock.now_str();
        let n = tx.record_failed_login(uid)?;
        if n >= auth::LOCKOUT_THRESHOLD {
            tx.lock_user(uid, &now)?;
            tx.end_user_sessions(uid, None, &now, "locked")?;
        }
        tx.audit(&actor.entry(
            &now,
            "account password change",
            Some(&user.user_name),
            "failed",
            Some("wrong current password"),
        ))?;
        tx.commit()?;
        return Err(Error::unauthenticated("current_password: wrong password"));
    }
    let new = NewPassword::prepare(&store, uid, &user.user_name, &form, Some(&current))?;
    let tx = store.write()?;
    let fresh = tx
        .user_by_id(uid)?
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    let hashed = new.take(&tx, &fresh, &form, Some(&current))?;
    let now = ctx.clock.now_str();
    tx.set_password(uid, &hashed, &now)?;
    let ended = tx.end_user_sessions(uid, actor.session_id(), &now, "password changed")?;
    tx.audit(&actor.entry(
        &now,
        "account password change",
        Some(&user.user_name),
        "ok",
        None,
    ))?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"user_name": user.user_name, "other_sessions_ended": ended}),
        format!(
            "Password changed for {}; {ended} other session(s) ended.",
            user.user_name
        ),
    ))
}

pub const RESET_FIELDS: &[Field] = &[
    field(
        "secret_answer_1",
        "1st Answer",
        Kind::Secret { confirm: None },
        true,
    ),
    field(
        "secret_answer_2",
        "2nd Answer",
        Kind::Secret { confirm: None },
        false,
    ),
    field(
        "new_password",
        "New Password",
        Kind::Secret {
            confirm: Some("confirm_new_password"),
        },
        true,
    ),
    field(
        "confirm_new_password",
        "Confirm New Password",
        Kind::Secret { confirm: None },
        true,
    ),
];

/// Records one password-reset attempt in its own transaction (never the answers).
fn reset_audit(
    ctx: &Context,
    store: &Store,
    user: Option<&str>,
    outcome: &str,
    detail: &str,
) -> Result<()> {
    let tx = store.write()?;
    tx.audit(&AuditEntry {
        at: &ctx.clock.now_str(),
        actor: user.unwrap_or("-"),
        actor_kind: "anonymous",
        provider_id: None,
        action: "account password reset",
        target: user,
        outcome,
        detail: Some(detail),
    })?;
    tx.commit()
}

/// Audits a reset for an unknown user or one that cannot reset by answers.
fn refuse_ineligible(
    ctx: &Context,
    store: &Store,
    user: Option<&crate::store::UserRow>,
) -> Result<()> {
    match user {
        // The typed name is not recorded: it may be a secret typed in the wrong field.
        None => reset_audit(ctx, store, None, "failed", "unknown user name"),
        Some(u) => reset_audit(
            ctx,
            store,
            Some(&u.user_name),
            "failed",
            if u.is_operator {
                "the operator account has no secret questions (see `mmis ops recover-operator`)"
            } else {
                "no secret questions on file"
            },
        ),
    }
}

/// The refusal once wrong answers have closed the reset (until an unlock).
fn reset_closed(user_name: &str) -> Error {
    Error::unauthenticated(format!(
        "the password reset is closed for {user_name} after {} wrong secret answers",
        auth::LOCKOUT_THRESHOLD
    ))
    .hint(format!(
        "ask your site administrator to unlock you (`mmis clerk unlock {user_name}`); \
         an administrator asks the agency (`mmis ops user unlock {user_name}`)"
    ))
}

/// `account password reset`: wrong answers count like wrong passwords (one counter, one
/// threshold). A user locked by sign-ins may still reset; a lock reached through wrong
/// answers (the threshold from an unlocked state, or the threshold again after a sign-in
/// lock) closes the reset until an unlock. Every attempt is audited, never the answers.
pub fn cmd_password_reset(ctx: &Context, args: &PasswordResetArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let user_name = args.username.trim();
    let user = {
        let tx = store.read()?;
        tx.user_by_name(user_name)?
    };
    // One refusal for an unknown user, a user without secret questions, wrong answers and a
    // reset closed by wrong answers: the words never reveal whether the user name exists.
    let wrong = || {
        Error::unauthenticated(
            "the answers do not match the secret questions on file, or the password reset is \
             closed (answers are case-sensitive)",
        )
        .hint(format!(
            "after {} wrong answers the reset closes until an unlock; the site administrator \
             (the agency for an administrator) can unlock it, and an account whose answers are lost",
            auth::LOCKOUT_THRESHOLD
        ))
    };
    let eligible = |u: &crate::store::UserRow| u.secret_answer_1.is_some() && !u.is_operator;
    if let Some(u) = user.as_ref().filter(|u| eligible(u) && u.locked_by_answers) {
        hash::dummy_verify(user_name);
        reset_audit(
            ctx,
            &store,
            Some(&u.user_name),
            "denied",
            "reset closed by wrong secret answers; waiting for an unlock",
        )?;
        // The form is read as for anyone else: a missing field is the same exit either way.
        Form::load(args.form.as_deref())?.complete(
            "Reset Password",
            RESET_FIELDS,
            &ctx.ui,
            true,
        )?;
        return Err(wrong());
    }
    if let Some(u) = user.as_ref().filter(|u| eligible(u)) {
        if ctx.ui.can_prompt() && args.form.is_none() {
            if let Some(q) = &u.secret_question_1 {
                ctx.ui.note(&format!("1st Secret Question: {q}"));
            }
            if let Some(q) = &u.secret_question_2 {
                ctx.ui.note(&format!("2nd Secret Question: {q}"));
            }
        }
    }
    // The form is read for an unknown user too: a missing field is the same exit either way.
    // Only the questions this user has are asked for (an unknown user: one, as for a user
    // with a single question, so the prompts do not tell whether the name exists).
    let has_second = user
        .as_ref()
        .is_some_and(|u| eligible(u) && u.secret_question_2.is_some());
    let prompts = Prompts::new()
        .check(|form: &Form| new_password_rules(&store, user_name, form))
        .note("new_password", password::rules_text())
        .ask_if(|_: &Form, key: &str| key != "secret_answer_2" || has_second);
    let form = Form::load(args.form.as_deref())?.complete_with(
        "Reset Password",
        RESET_FIELDS,
        &ctx.ui,
        true,
        &prompts,
    )?;
    let user = match user {
        Some(u) if eligible(&u) => u,
        other => {
            hash::dummy_verify(user_name);
            refuse_ineligible(ctx, &store, other.as_ref())?;
            return Err(wrong());
        }
    };
    let a1 = form
        .secret("secret_answer_1")?
        .map(|a| credentials::normalize_answer(a.expose()))
        .unwrap_or_default();
    let a2 = form
        .secret("secret_answer_2")?
        .map(|a| credentials::normalize_answer(a.expose()));
    let mut ok = hash::verify_secret(&a1, user.secret_answer_1.as_deref().unwrap_or(""));
    if let Some(h2) = &user.secret_answer_2 {
        match &a2 {
            Some(a) => ok &= hash::verify_secret(a, h2),
            None => {
                reset_audit(
                    ctx,
                    &store,
                    Some(&user.user_name),
                    "failed",
                    "secret_answer_2 missing",
                )?;
                return Err(Error::invalid(
                    "secret_answer_2: required (this user set a second secret question)",
                ));
            }
        }
    }
    let entry = |tx: &Tx<'_>, now: &str, action: &str, outcome: &str, detail: Option<&str>| {
        tx.audit(&AuditEntry {
            at: now,
            actor: &user.user_name,
            actor_kind: "anonymous",
            provider_id: None,
            action,
            target: Some(&user.user_name),
            outcome,
            detail,
        })
    };
    // With the answers right, the new password is checked and hashed before the lock.
    let new = if ok {
        Some(NewPassword::prepare(
            &store,
            user.id,
            &user.user_name,
            &form,
            None,
        )?)
    } else {
        None
    };
    let tx = store.write()?;
    let now = ctx.clock.now_str();
    // The user as it is now, under the write lock: another attempt may have closed the reset.
    let fresh = tx
        .user_by_id(user.id)?
        .ok_or_else(|| Error::unauthenticated("the user no longer exists"))?;
    let Some(new) = new else {
        // A wrong answer counts as a failed sign-in too; the answers on their own get at most
        // LOCKOUT_THRESHOLD guesses between unlocks, whatever the sign-ins did.
        let n = tx.record_failed_answer(user.id)?;
        let closes = !fresh.locked_by_answers && n >= auth::LOCKOUT_THRESHOLD;
        if closes {
            tx.lock_user_for_answers(user.id, &now)?;
            tx.end_user_sessions(user.id, None, &now, "locked")?;
        }
        entry(
            &tx,
            &now,
            "account password reset",
            "failed",
            Some(&format!("wrong secret answers ({n} since the last unlock)")),
        )?;
        if closes {
            entry(
                &tx,
                &now,
                "lockout",
                "locked",
                Some("wrong secret answers: sign-in and password reset closed until an unlock"),
            )?;
        }
        tx.commit()?;
        return Err(wrong());
    };
    if fresh.locked_by_answers {
        drop(tx);
        reset_audit(
            ctx,
            &store,
            Some(&user.user_name),
            "denied",
            "reset closed by wrong secret answers; waiting for an unlock",
        )?;
        return Err(reset_closed(&user.user_name));
    }
    let hashed = match new.take(&tx, &fresh, &form, None) {
        Ok(h) => h,
        Err(e) => {
            drop(tx);
            reset_audit(
                ctx,
                &store,
                Some(&user.user_name),
                "failed",
                "secret answers right; the new password was refused",
            )?;
            return Err(e);
        }
    };
    tx.set_password(user.id, &hashed, &now)?;
    let was_locked = fresh.locked_at.is_some();
    tx.unlock_user(user.id)?;
    tx.end_user_sessions(user.id, None, &now, "password reset")?;
    entry(
        &tx,
        &now,
        "account password reset",
        "ok",
        if was_locked {
            Some("lockout lifted")
        } else {
            None
        },
    )?;
    tx.commit()?;
    Ok(Output::record_with(
        serde_json::json!({"user_name": user.user_name, "locked": false}),
        format!(
            "Password reset for {}{}. Sign in with `mmis login`.",
            user.user_name,
            if was_locked {
                "; the lockout is lifted"
            } else {
                ""
            }
        ),
    ))
}

pub const ACCEPT_FIELDS: &[Field] = &[
    field(
        "password",
        "Password",
        Kind::Secret {
            confirm: Some("confirm_password"),
        },
        true,
    ),
    field(
        "confirm_password",
        "Confirm Password",
        Kind::Secret { confirm: None },
        true,
    ),
    field("secret_question_1", "1st Secret Question", Kind::Text, true),
    field(
        "secret_answer_1",
        "1st Answer",
        Kind::Secret { confirm: None },
        true,
    ),
    field(
        "secret_question_2",
        "2nd Secret Question",
        Kind::Text,
        false,
    ),
    field(
        "secret_answer_2",
        "2nd Answer",
        Kind::Secret { confirm: None },
        false,
    ),
    field("agree", "Security Agreement: I Agree", Kind::Bool, true),
];

/// An invitation code as typed: trimmed and upper-cased (the alphabet has no lower case).
fn invite_hash(code: &str) -> String {
    crate::store::sha256_hex(&code.trim().to_ascii_uppercase())
}

/// Finds a usable invitation: exit 3 for a wrong, used, withdrawn or expired code.
fn check_invitation(
    ctx: &Context,
    tx: &Tx<'_>,
    code_hash: &str,
) -> Result<crate::store::InvitationRow> {
    let hint =
        "ask the site administrator for a new invitation (they run `mmis clerk add --form` again)";
    let inv = tx
        .invitation_by_hash(code_hash)?
        .ok_or_else(|| Error::unauthenticated("that is not a valid invitation code").hint(hint))?;
    if inv.used_at.is_some() {
        return Err(Error::unauthenticated(format!(
            "this invitation code was already used (by {})",
            inv.user_name
        ))
        .hint("sign in with `mmis login`; a forgotten password is reset with `mmis account password reset`"));
    }
    if inv.voided_at.is_some() {
        return Err(Error::unauthenticated(
            "this invitation code was withdrawn (the clerk was removed or invited again)",
        )
        .hint(hint));
    }
    if ctx.clock.today() > inv.expires_on {
        return Err(Error::unauthenticated(format!(
            "this invitation code expired on {}",
            inv.expires_on
        ))
        .hint(hint));
    }
    Ok(inv)
}

fn audit_invite_failure(ctx: &Context, store: &Store, detail: &str) -> Result<()> {
    let tx = store.write()?;
    tx.audit(&AuditEntry {
        at: &ctx.clock.now_str(),
        actor: "-",
        actor_kind: "anonymous",
        provider_id: None,
        action: "account accept-invite",
        target: None,
        outcome: "failed",
        detail: Some(detail),
    })?;
    tx.commit()
}

#[derive(Serialize)]
pub struct AcceptedView {
    pub user_name: String,
    pub provider_id: String,
}

pub fn cmd_account_accept_invite(
    ctx: &Context,
    args: &crate::cli::access::AcceptInviteArgs,
) -> Result<Output> {
    let store = ctx.open_store()?;
    let code = one_time_secret(
        ctx,
        args.code.as_deref(),
        "invitation code",
        "--code",
        "MMIS_INVITE_CODE",
        "mmis account accept-invite --form FILE",
    )?;
    let code_hash = invite_hash(code.expose());
    drop(code);
    // The code is checked before any prompting.
    let (inv, user) = {
        let tx = store.read()?;
        let checked = check_invitation(ctx, &tx, &code_hash);
        let inv = match checked {
            Ok(inv) => inv,
            Err(e) => {
                drop(tx);
                audit_invite_failure(ctx, &store, &e.message)?;
                return Err(e);
            }
        };
        let user = tx
            .user_by_id(inv.user_id)?
            .ok_or_else(|| Error::tampered("the invitation's user is not on file"))?;
        (inv, user)
    };
    if user.password_hash.is_some() {
        return Err(
            Error::conflict(format!("{} has already set a password", user.user_name))
                .hint("sign in with `mmis login`"),
        );
    }
    if ctx.ui.can_prompt() && args.form.is_none() {
        ctx.ui.note(&format!(
            "Welcome, {}: you are invited to provider {}. Choose your own password and secret questions.",
            user.user_name, inv.provider_id
        ));
    }
    let prompts = Prompts::new()
        .check(|form: &Form| {
            let tx = store.read()?;
            credential_problems(&tx, form, Some(user.id), &user.user_name)
        })
        .note("password", password::rules_text())
        .ask_if(ask_secret_answer_2);
    let form = Form::load(args.form.as_deref())?.complete_with(
        "Accept Invitation",
        ACCEPT_FIELDS,
        &ctx.ui,
        true,
        &prompts,
    )?;
    drop(prompts);
    let mut problems = Vec::new();
    let creds = {
        let tx = store.read()?;
        credentials_from_form(&tx, &form, Some(user.id), &user.user_name, &mut problems)?
    };
    let (Some(creds), true) = (creds, problems.is_empty()) else {
        return Err(Error::invalid_fields("the invitation form", &problems));
    };
    let tx = store.write()?;
    let inv = match check_invitation(ctx, &tx, &code_hash) {
        Ok(inv) => inv,
        Err(e) => {
            drop(tx);
            audit_invite_failure(ctx, &store, &e.message)?;
            return Err(e);
        }
    };
    let now = ctx.clock.now_str();
    if !tx.use_invitation(inv.id, &now)? {
        return Err(Error::unauthenticated(
            "this invitation code was already used",
        ));
    }
    store_credentials(&tx, user.id, &creds, &now)?;
    let kind = match tx.membership(user.id, &inv.provider_id)? {
        Some(m) if m.is_site_admin() => "site_admin",
        _ => "clerk",
    };
    tx.audit(&AuditEntry {
        at: &now,
        actor: &user.user_name,
        actor_kind: kind,
        provider_id: Some(inv.provider_id.as_str()),
        action: "account accept-invite",
        target: Some(&user.user_name),
        outcome: "ok",
        detail: Some("password and secret questions set; security agreement accepted"),
    })?;
    tx.commit()?;
    let human = format!(
        "Welcome, {}. Your password is set. Sign in with:\n  mmis login --username {}",
        user.user_name, user.user_name
    );
    Ok(Output::record_with(
        AcceptedView {
            user_name: user.user_name,
            provider_id: inv.provider_id.to_string(),
        },
        human,
    ))
}

#[derive(Serialize)]
pub struct LinkedView {
    pub user_name: String,
    pub provider_id: String,
    pub kind: &'static str,
    /// Every provider this user is now site administrator of.
    pub site_admin_of: Vec<String>,
}

/// `account link`: a site administrator takes on a second provider's account with its PIN letter
/// (seed 004's Link Account). The provider must have no site administrator yet.
pub fn cmd_account_link(ctx: &Context, args: &crate::cli::access::LinkArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AccountLink)?;
    let pid = ProviderId::parse("--login-id", &args.login_id)?;
    let uid = actor
        .user_id
        .ok_or_else(|| Error::unauthenticated("not signed in"))?;
    if actor.kind == auth::ActorKind::Operator {
        let e =
            Error::denied("the operator account does not act for providers; it cannot link one");
        return Err(auth::refuse(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::AccountLink,
            Some(pid.as_str()),
            e,
        ));
    }
    let admin_of: Vec<String> = tx
        .memberships_of_user(uid)?
        .into_iter()
        .filter(|m| m.is_active() && m.is_site_admin())
        .map(|m| m.provider_id.to_string())
        .collect();
    if admin_of.is_empty() {
        let e = Error::denied(format!(
            "only a site administrator can link another provider's account; {} is not one",
            actor.user_name
        ))
        .hint("a clerk is added to another provider by that provider's site administrator");
        return Err(auth::refuse(
            ctx,
            &store,
            tx,
            &actor,
            auth::Cmd::AccountLink,
            Some(pid.as_str()),
            e,
        ));
    }
    let now = ctx.clock.now_str();
    if tx.provider(&pid)?.is_none() {
        return Err(
            Error::not_found(format!("no enrolled provider has Login ID {pid}")).hint(
                "the Login ID is the 6- or 9-digit Oregon Medicaid provider ID on the PIN letter",
            ),
        );
    }
    // Said before the PIN is tried: a provider with an administrator is not linked by PIN.
    if let Some(admin) = tx.site_admin_of(&pid)? {
        return Err(if admin.user_id == uid {
            Error::conflict(format!(
                "you are already the site administrator of provider {pid}"
            ))
        } else {
            Error::conflict(format!(
                "provider {pid} already has a site administrator"
            ))
            .hint("ask them to add you as a clerk; if they have left, file `mmis admin transfer-request`")
        });
    }
    let (provider, pin_id) = match check_pin(ctx, &tx, pid.as_str(), &args.pin) {
        Ok(v) => v,
        Err(e) => {
            drop(tx);
            let tx = store.write()?;
            tx.audit(&actor.entry(
                &now,
                "account link",
                Some(pid.as_str()),
                "failed",
                Some(&e.message),
            ))?;
            tx.commit()?;
            return Err(e);
        }
    };
    if !tx.use_pin(pin_id, &now)? {
        return Err(Error::unauthenticated("this PIN was already used"));
    }
    tx.upsert_membership(uid, &provider.provider_id, "site_admin", &[], &now)?;
    let linked = auth::Actor {
        provider_id: Some(provider.provider_id.clone()),
        kind: auth::ActorKind::SiteAdmin,
        ..actor
    };
    tx.audit(&linked.entry(
        &now,
        "account link",
        Some(provider.provider_id.as_str()),
        "ok",
        Some("PIN letter used; provider agreement accepted"),
    ))?;
    tx.commit()?;
    let mut all = admin_of;
    all.push(provider.provider_id.to_string());
    all.sort();
    let human = format!(
        "Linked provider {} ({}) to {}: you are its site administrator.\n\
         Switch to it with `mmis account switch-provider {}`, or pass --provider {} to one command.",
        provider.provider_id,
        provider.name,
        linked.user_name,
        provider.provider_id,
        provider.provider_id
    );
    Ok(Output::record_with(
        LinkedView {
            user_name: linked.user_name,
            provider_id: provider.provider_id.to_string(),
            kind: "site_admin",
            site_admin_of: all,
        },
        human,
    ))
}

#[cfg(test)]
mod loose_tests {
    use super::loose_key;

    #[test]
    fn addresses_compare_without_case_spacing_or_punctuation() {
        let on_file = "1200 Court St NE, Salem OR 97301";
        for typed in [
            "1200 court st. ne salem, or 97301",
            "  1200  COURT ST NE,SALEM OR 97301 ",
            "1200 Court St. N.E. Salem OR 97301",
        ] {
            assert_eq!(loose_key(typed), loose_key(on_file), "{typed}");
        }
        assert_ne!(
            loose_key("1201 Court St NE, Salem OR 97301"),
            loose_key(on_file)
        );
        assert_ne!(
            loose_key("1200 Court St NE, Salem OR 97302"),
            loose_key(on_file)
        );
    }
}
