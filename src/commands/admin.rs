//! `admin transfer-request` and `admin transfer-status`: moving the site administrator role
//! when the old administrator has left. Not self-service: the organisation's Chief Financial
//! Officer or Privacy and Security Officer asks, the agency decides (`mmis ops transfer`).

use crate::auth;
use crate::cli::access::{TransferRequestArgs, TransferStatusArgs};
use crate::context::Context;
use crate::domain::access::{check_date_left, RequesterTitle};
use crate::domain::ids::{parse_email, parse_phone, parse_user_name, Npi, ProviderId};
use crate::domain::time::parse_date;
use crate::error::{Error, Result};
use crate::forms::{field, Field, Form, Kind};
use crate::output::{files, Output};
use crate::store::db::date_text;
use crate::store::AuditEntry;
use serde::{Deserialize, Serialize};

/// Where the request email goes (OHA's provider-access team).
pub const PROVIDER_ACCESS_EMAIL: &str = "team.provider-access@oha.oregon.gov";

pub const TRANSFER_FIELDS: &[Field] = &[
    field("npi", "NPI", Kind::Text, true),
    field("medicaid_id", "Medicaid ID", Kind::Text, true),
    field("requester_name", "Your name", Kind::Text, true),
    field(
        "requester_title",
        "Your title (Chief Financial Officer or Privacy and Security Officer)",
        Kind::Text,
        true,
    ),
    field("requester_email", "Your email", Kind::Text, true),
    field(
        "previous_admin_name",
        "Previous administrator's name",
        Kind::Text,
        true,
    ),
    field(
        "previous_admin_email",
        "Previous administrator's email",
        Kind::Text,
        true,
    ),
    field(
        "previous_admin_user_name",
        "Previous administrator's user name",
        Kind::Text,
        true,
    ),
    field(
        "previous_admin_phone",
        "Previous administrator's phone",
        Kind::Text,
        true,
    ),
    field(
        "previous_admin_date_left",
        "Date the previous administrator left (YYYY-MM-DD)",
        Kind::Text,
        true,
    ),
    field(
        "new_admin_name",
        "New administrator's name",
        Kind::Text,
        true,
    ),
    field(
        "new_admin_email",
        "New administrator's email",
        Kind::Text,
        true,
    ),
    field(
        "new_admin_phone",
        "New administrator's phone",
        Kind::Text,
        true,
    ),
    field(
        "new_admin_user_name",
        "New administrator's user name",
        Kind::Text,
        true,
    ),
];

/// The request as recorded (normalised values), and as the agency reads it back.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TransferForm {
    pub npi: String,
    pub medicaid_id: String,
    pub requester_name: String,
    pub requester_title: String,
    pub requester_email: String,
    pub previous_admin_name: String,
    pub previous_admin_email: String,
    pub previous_admin_user_name: String,
    pub previous_admin_phone: String,
    pub previous_admin_date_left: String,
    pub new_admin_name: String,
    pub new_admin_email: String,
    pub new_admin_phone: String,
    pub new_admin_user_name: String,
}

impl TransferForm {
    pub fn from_json(s: &str) -> Result<TransferForm> {
        serde_json::from_str(s)
            .map_err(|e| Error::internal(format!("a stored transfer request is unreadable: {e}")))
    }
}

fn read_form(ctx: &Context, form: &Form) -> Result<TransferForm> {
    let mut problems = Vec::new();
    let mut req = |key: &str| -> Result<String> {
        let v = form.text(key)?.unwrap_or_default();
        if v.is_empty() {
            problems.push(format!("{key}: required"));
        }
        Ok(v)
    };
    let npi = req("npi")?;
    let medicaid_id = req("medicaid_id")?;
    let requester_name = req("requester_name")?;
    let requester_title = req("requester_title")?;
    let requester_email = req("requester_email")?;
    let previous_admin_name = req("previous_admin_name")?;
    let previous_admin_email = req("previous_admin_email")?;
    let previous_admin_user_name = req("previous_admin_user_name")?;
    let previous_admin_phone = req("previous_admin_phone")?;
    let previous_admin_date_left = req("previous_admin_date_left")?;
    let new_admin_name = req("new_admin_name")?;
    let new_admin_email = req("new_admin_email")?;
    let new_admin_phone = req("new_admin_phone")?;
    let new_admin_user_name = req("new_admin_user_name")?;

    let mut check = |r: Result<String>, empty: &str| -> String {
        if empty.is_empty() {
            return String::new();
        }
        r.map_err(|e| problems.push(e.message)).unwrap_or_default()
    };
    let npi_ok = check(
        Npi::parse("npi", &npi).map(|n| n.as_str().to_string()),
        &npi,
    );
    let medicaid_ok = check(
        ProviderId::parse("medicaid_id", &medicaid_id).map(|p| p.as_str().to_string()),
        &medicaid_id,
    );
    let title_ok = check(
        RequesterTitle::parse("requester_title", &requester_title).map(|t| t.name().to_string()),
        &requester_title,
    );
    let requester_email = check(
        parse_email("requester_email", &requester_email),
        &requester_email,
    );
    let previous_admin_email = check(
        parse_email("previous_admin_email", &previous_admin_email),
        &previous_admin_email,
    );
    let previous_admin_user_name = check(
        parse_user_name("previous_admin_user_name", &previous_admin_user_name),
        &previous_admin_user_name,
    );
    let previous_admin_phone = check(
        parse_phone("previous_admin_phone", &previous_admin_phone),
        &previous_admin_phone,
    );
    let date_left = check(
        parse_date("previous_admin_date_left", &previous_admin_date_left).and_then(|d| {
            check_date_left("previous_admin_date_left", d, ctx.clock.today())?;
            Ok(d.to_string())
        }),
        &previous_admin_date_left,
    );
    let new_admin_email = check(
        parse_email("new_admin_email", &new_admin_email),
        &new_admin_email,
    );
    let new_admin_phone = check(
        parse_phone("new_admin_phone", &new_admin_phone),
        &new_admin_phone,
    );
    let new_admin_user_name = check(
        parse_user_name("new_admin_user_name", &new_admin_user_name),
        &new_admin_user_name,
    );
    if !new_admin_user_name.is_empty()
        && new_admin_user_name.eq_ignore_ascii_case(&previous_admin_user_name)
    {
        problems.push("new_admin_user_name: must differ from previous_admin_user_name".to_string());
    }
    if !problems.is_empty() {
        return Err(Error::invalid_fields(
            "the administrator transfer request",
            &problems,
        ));
    }
    Ok(TransferForm {
        npi: npi_ok,
        medicaid_id: medicaid_ok,
        requester_name,
        requester_title: title_ok,
        requester_email,
        previous_admin_name,
        previous_admin_email,
        previous_admin_user_name,
        previous_admin_phone,
        previous_admin_date_left: date_left,
        new_admin_name,
        new_admin_email,
        new_admin_phone,
        new_admin_user_name,
    })
}

/// The email the requester sends to the provider-access team.
pub fn email_text(f: &TransferForm, provider_name: &str, request_id: &str) -> String {
    format!(
        "To: {PROVIDER_ACCESS_EMAIL}\n\
         Subject: MMIS Provider Web Portal site administrator change - NPI {npi}, Medicaid ID {mid} ({request_id})\n\
         \n\
         Hello Provider Access team,\n\
         \n\
         As the {title} of {provider_name}, I ask you to change the site administrator\n\
         of our MMIS Provider Web Portal account. Our previous administrator has left.\n\
         \n\
         \x20 NPI:          {npi}\n\
         \x20 Medicaid ID:  {mid}\n\
         \n\
         Previous site administrator\n\
         \x20 Name:       {pn}\n\
         \x20 Email:      {pe}\n\
         \x20 User name:  {pu}\n\
         \x20 Phone:      {pp}\n\
         \x20 Date left:  {pd}\n\
         \n\
         New site administrator\n\
         \x20 Name:       {nn}\n\
         \x20 Email:      {ne}\n\
         \x20 Phone:      {np}\n\
         \x20 User name:  {nu}\n\
         \n\
         Request ID: {request_id}\n\
         \n\
         Thank you,\n\
         {rn}\n\
         {title}\n\
         {re}\n",
        npi = f.npi,
        mid = f.medicaid_id,
        title = f.requester_title,
        pn = f.previous_admin_name,
        pe = f.previous_admin_email,
        pu = f.previous_admin_user_name,
        pp = f.previous_admin_phone,
        pd = f.previous_admin_date_left,
        nn = f.new_admin_name,
        ne = f.new_admin_email,
        np = f.new_admin_phone,
        nu = f.new_admin_user_name,
        rn = f.requester_name,
        re = f.requester_email,
    )
}

#[derive(Serialize)]
pub struct RequestedView {
    pub request_id: String,
    pub status: &'static str,
    pub provider_id: String,
    pub email_to: &'static str,
    pub email: String,
    pub out: Option<String>,
}

pub fn cmd_admin_transfer_request(ctx: &Context, args: &TransferRequestArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let form = Form::load(args.form.as_deref())?.complete(
        "Administrator Transfer Request",
        TRANSFER_FIELDS,
        &ctx.ui,
        true,
    )?;
    let f = read_form(ctx, &form)?;
    let (tx, _) = auth::begin(ctx, &store, auth::Cmd::AdminTransferRequest)?;
    let medicaid_id = ProviderId::parse("medicaid_id", &f.medicaid_id)?;
    let provider = tx.provider(&medicaid_id)?.ok_or_else(|| {
        Error::not_found(format!(
            "medicaid_id: no enrolled provider has Medicaid ID {}",
            f.medicaid_id
        ))
        .hint("give the 6- or 9-digit Oregon Medicaid provider ID (the portal Login ID)")
    })?;
    if provider.npi.as_str() != f.npi {
        return Err(Error::invalid(format!(
            "npi: NPI {} does not match provider {}'s NPI on file",
            f.npi, provider.provider_id
        ))
        .hint("give the NPI and Medicaid ID of the same provider"));
    }
    if let Some(p) = tx.pending_transfer_for(&provider.provider_id)? {
        return Err(Error::conflict(format!(
            "a transfer request for provider {} is already pending ({})",
            provider.provider_id, p.request_id
        ))
        .hint(format!(
            "follow it with `mmis admin transfer-status {}`",
            p.request_id
        )));
    }
    let json =
        serde_json::to_string(&f).map_err(|e| Error::internal(format!("transfer request: {e}")))?;
    let now = ctx.clock.now_str();
    let request_id = tx.insert_transfer(&provider.provider_id, &json, ctx.clock.today(), &now)?;
    let detail = format!(
        "requested by {} ({}); previous administrator {} left {}; new administrator {}",
        f.requester_name,
        f.requester_title,
        f.previous_admin_user_name,
        f.previous_admin_date_left,
        f.new_admin_user_name
    );
    tx.audit(&AuditEntry {
        at: &now,
        actor: &f.requester_email,
        actor_kind: "anonymous",
        provider_id: Some(provider.provider_id.as_str()),
        action: "admin transfer-request",
        target: Some(&request_id),
        outcome: "ok",
        detail: Some(&detail),
    })?;
    let email = email_text(&f, &provider.name, &request_id);
    // The email is written beside its file before the commit (no recorded request without
    // its email) and takes the file's name after it (no email without its request).
    let file = match &args.out {
        Some(out) => Some(files::prepare(out, email.as_bytes())?),
        None => None,
    };
    tx.commit()?;
    let to_stdout = file.as_ref().is_some_and(|f| files::is_stdout(f.target()));
    if let Some(file) = file {
        file.persist()?;
    }
    if to_stdout {
        // `--out -`: the email alone is the result on stdout; the rest is a note.
        ctx.ui.note(&format!(
            "Recorded as {request_id} (pending). Send the email above to {PROVIDER_ACCESS_EMAIL}.\n\
             Follow it with: mmis admin transfer-status {request_id}"
        ));
        return Ok(Output::Nothing);
    }
    let human = format!(
        "{email}\n---\nRecorded as {request_id} (pending). Send the email above to {PROVIDER_ACCESS_EMAIL}{}.\n\
         Follow it with: mmis admin transfer-status {request_id}",
        args.out
            .as_ref()
            .map(|p| format!(" (also written to {})", p.display()))
            .unwrap_or_default()
    );
    Ok(Output::record_with(
        RequestedView {
            request_id,
            status: "pending",
            provider_id: provider.provider_id.to_string(),
            email_to: PROVIDER_ACCESS_EMAIL,
            email,
            out: args.out.as_ref().map(|p| p.display().to_string()),
        },
        human,
    ))
}

#[derive(Serialize)]
pub struct StatusView {
    pub request_id: String,
    pub status: String,
    pub provider_id: String,
    pub submitted_on: String,
    pub decided_at: Option<String>,
    pub reason: Option<String>,
}

pub fn cmd_admin_transfer_status(ctx: &Context, args: &TransferStatusArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::AdminTransferStatus)?;
    let id = args.request_id.trim();
    let t = tx.transfer(id)?.ok_or_else(|| {
        Error::not_found(format!("no transfer request {id}"))
            .hint("the request ID was printed by `mmis admin transfer-request` (TR-NNNNNN)")
    })?;
    let now = ctx.clock.now_str();
    let entry = actor.entry(
        &now,
        "admin transfer-status",
        Some(&t.request_id),
        "ok",
        None,
    );
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    Ok(Output::record(StatusView {
        request_id: t.request_id,
        status: t.status,
        provider_id: t.provider_id.to_string(),
        submitted_on: date_text(t.created_on),
        decided_at: t.decided_at,
        reason: t.reason,
    }))
}
