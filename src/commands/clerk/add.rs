//! `clerk add`: a new user (who gets a one-time invitation code) or an existing one (`--existing`).

use super::{check_grantable, confirm_clerk_maintenance, not_self};
use crate::auth::{self, hash};
use crate::cli::access::ClerkAddArgs;
use crate::context::Context;
use crate::domain::access::invite_expires;
use crate::domain::roles::{self, Role};
use crate::error::{Error, Result};
use crate::forms::{field, Field, Form, Kind, Prompts};
use crate::output::Output;
use crate::store::{sha256_hex, NewUser, Store, Tx};
use serde::Serialize;

/// The Add Clerk screen (seed 002) without its password fields: the clerk sets those.
pub const ROLES_FIELD: &[Field] = &[field("roles", "Clerk Roles", Kind::List, true)];

fn clerk_add_fields() -> Vec<Field> {
    [crate::commands::account::CONTACT_FIELDS, ROLES_FIELD].concat()
}

#[derive(Serialize)]
pub struct InvitedView {
    pub user_name: String,
    pub invite_code: String,
    pub invite_expires: String,
    pub provider_id: String,
    pub roles: Vec<String>,
}

#[derive(Serialize)]
pub struct AddedView {
    pub user_name: String,
    pub roles: Vec<String>,
    pub provider_id: String,
}

pub fn cmd_clerk_add(ctx: &Context, args: &ClerkAddArgs) -> Result<Output> {
    let store = ctx.open_store()?;
    match &args.existing {
        Some(user) => add_existing(ctx, &store, user, args),
        None => add_new(ctx, &store, args),
    }
}

/// Checks the guard before anyone types a whole form for nothing (nothing is kept).
fn precheck(ctx: &Context, store: &Store) -> Result<()> {
    auth::permit(ctx, store, auth::Cmd::ClerkAdd)?;
    Ok(())
}

struct NewClerk {
    user_name: String,
    first: String,
    last: String,
    phone: String,
    email: String,
    roles: Vec<Role>,
}

/// The roles of the form; problems are added to `problems`.
fn form_roles(form: &Form, problems: &mut Vec<String>) -> Result<Vec<Role>> {
    let mut roles = Vec::new();
    for r in form.list("roles")?.unwrap_or_default() {
        match Role::parse(&r) {
            Ok(r) => roles.push(r),
            Err(e) => problems.push(format!("roles: {}", e.message)),
        }
    }
    let roles = roles::normalize(roles);
    if roles.is_empty() && !problems.iter().any(|p| p.starts_with("roles:")) {
        problems.push("roles: assign at least one role (see `mmis roles`)".into());
    }
    Ok(roles)
}

/// Every problem with the form (what the prompts check each answer by).
fn form_problems(form: &Form) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    crate::commands::account::contact_from_form(form, &mut problems)?;
    form_roles(form, &mut problems)?;
    Ok(problems)
}

fn read_form(form: &Form) -> Result<NewClerk> {
    let mut problems = Vec::new();
    let contact = crate::commands::account::contact_from_form(form, &mut problems)?;
    let roles = form_roles(form, &mut problems)?;
    match contact {
        Some(c) if problems.is_empty() => Ok(NewClerk {
            user_name: c.user_name,
            first: c.first,
            last: c.last,
            phone: c.phone,
            email: c.email,
            roles,
        }),
        _ => Err(Error::invalid_fields("the clerk form", &problems)),
    }
}

fn add_new(ctx: &Context, store: &Store, args: &ClerkAddArgs) -> Result<Output> {
    let form = super::refusal_first(
        ctx,
        store,
        crate::auth::Cmd::ClerkAdd,
        Form::load(args.form.as_deref()),
    )?;
    let secret_keys: Vec<&str> = ["password", "confirm_password"]
        .into_iter()
        .filter(|k| form.raw(k).is_some())
        .collect();
    if !secret_keys.is_empty() {
        let e = Error::invalid(format!(
            "the clerk form must not contain {}: the administrator never sets or learns a clerk's password",
            secret_keys.join(" or ")
        ))
        .hint("remove it; the clerk sets their own password with `mmis account accept-invite --code CODE`");
        return super::refusal_first(ctx, store, crate::auth::Cmd::ClerkAdd, Err(e));
    }
    let incomplete = clerk_add_fields()
        .iter()
        .any(|f| f.required && !form.has(f.key));
    if incomplete {
        // Refusal first: nobody is asked (or told about) fields they may not submit.
        precheck(ctx, store)?;
    }
    let prompts = Prompts::new().check(form_problems).choices(
        "roles",
        Role::ALL
            .iter()
            .map(|r| {
                (
                    r.name().to_string(),
                    format!("{} — {}", r.name(), r.description()),
                )
            })
            .collect(),
    );
    let form = form.complete_with("Add Clerk", &clerk_add_fields(), &ctx.ui, true, &prompts)?;
    let c = super::refusal_first(ctx, store, crate::auth::Cmd::ClerkAdd, read_form(&form))?;
    confirm_clerk_maintenance(ctx, &c.user_name, &c.roles, args.yes)?;

    let (tx, actor) = auth::begin(ctx, store, auth::Cmd::ClerkAdd)?;
    let provider = actor.provider()?.clone();
    if let Err(e) = check_grantable(&actor, &provider, &c.roles) {
        return Err(refuse(
            ctx,
            store,
            tx,
            &actor,
            Some(c.user_name.as_str()),
            e,
        ));
    }
    let now = ctx.clock.now_str();
    let uid = match tx.user_by_name(&c.user_name)? {
        Some(u) => {
            if let Err(e) = not_self(&actor, &u, "add") {
                return Err(refuse(
                    ctx,
                    store,
                    tx,
                    &actor,
                    Some(u.user_name.as_str()),
                    e,
                ));
            }
            // Re-inviting a clerk of this provider who never accepted: a fresh code.
            let reinvite = !u.is_operator
                && u.password_hash.is_none()
                && tx
                    .membership(u.id, &provider)?
                    .is_some_and(|m| !m.is_site_admin());
            if !reinvite {
                return Err(Error::conflict(format!(
                    "the user name {} is taken",
                    u.user_name
                ))
                .hint(format!(
                    "to give an existing portal user access, run `mmis clerk add --existing {} --roles \"...\"`; \
                     `mmis clerk search` finds users",
                    u.user_name
                )));
            }
            tx.update_contact(u.id, &c.first, &c.last, &c.phone, &c.email)?;
            u.id
        }
        None => tx.insert_user(&NewUser {
            user_name: &c.user_name,
            first_name: &c.first,
            last_name: &c.last,
            phone: &c.phone,
            email: &c.email,
            is_operator: false,
            created_at: &now,
        })?,
    };
    let user_name = tx
        .user_by_id(uid)?
        .map(|u| u.user_name)
        .unwrap_or(c.user_name.clone());
    tx.upsert_membership(uid, &provider, "clerk", &c.roles, &now)?;
    // A re-invitation: the codes given before stop working (said below, and audited).
    let voided = tx.void_invitations(uid, &provider, &now)?;
    let code = hash::new_invite_code();
    let issued = ctx.clock.today();
    let expires = invite_expires(issued);
    tx.insert_invitation(
        &sha256_hex(code.expose()),
        uid,
        &provider,
        issued,
        expires,
        &now,
    )?;
    let detail = format!(
        "{} (code expires {expires}); roles: {}",
        if voided > 0 {
            "re-invited, the earlier code voided"
        } else {
            "new user, invited"
        },
        roles::encode(&c.roles)
    );
    tx.audit(&actor.entry(&now, "clerk add", Some(&user_name), "ok", Some(&detail)))?;
    let human = format!(
        "Clerk {user_name} added to provider {provider} with roles: {}.\n\n\
         Invitation code (shown once; works once; expires {expires}):\n\n  {code}\n\n\
         Give it to {user_name} in person or by phone, not in the same email as the user name.\n\
         They set their own password and secret questions with:\n\n  \
         mmis account accept-invite\n\n\
         It asks for the code without showing it (a script sets MMIS_INVITE_CODE instead).{}",
        c.roles
            .iter()
            .map(|r| r.name())
            .collect::<Vec<_>>()
            .join(", "),
        if voided > 0 {
            format!("\n\nThis is a new invitation: the code {user_name} was given before no longer works.")
        } else {
            String::new()
        },
        code = code.expose(),
    );
    // The code is shown once: written and flushed before the commit.
    let shown = ctx.emit_now(Output::record_with(
        InvitedView {
            user_name,
            invite_code: code.expose().to_string(),
            invite_expires: expires.to_string(),
            provider_id: provider.to_string(),
            roles: roles::names(&c.roles),
        },
        human,
    ))?;
    tx.commit()?;
    Ok(shown)
}

fn add_existing(ctx: &Context, store: &Store, user: &str, args: &ClerkAddArgs) -> Result<Output> {
    let user = user.trim();
    let parsed = match &args.roles {
        None => Err(Error::invalid(
            "--roles is required with --existing (comma-separated portal role names)",
        )
        .hint("`mmis roles` lists them")),
        Some(list) => Role::parse_list(list).and_then(|w| {
            if w.is_empty() {
                Err(Error::invalid(
                    "--roles: assign at least one role (see `mmis roles`)",
                ))
            } else {
                Ok(w)
            }
        }),
    };
    let wanted = super::refusal_first(ctx, store, crate::auth::Cmd::ClerkAdd, parsed)?;
    confirm_clerk_maintenance(ctx, user, &wanted, args.yes)?;
    let (tx, actor) = auth::begin(ctx, store, auth::Cmd::ClerkAdd)?;
    let provider = actor.provider()?.clone();
    let u = tx
        .user_by_name(user)?
        .filter(|u| !u.is_operator)
        .ok_or_else(|| {
            Error::not_found(format!("no portal user is named {user}"))
                .hint("`mmis clerk search --username NAME` finds users; a new user is added with `mmis clerk add --form FILE`")
        })?;
    if let Err(e) = not_self(&actor, &u, "add") {
        return Err(refuse(
            ctx,
            store,
            tx,
            &actor,
            Some(u.user_name.as_str()),
            e,
        ));
    }
    if u.password_hash.is_none() {
        // Invited but never accepted: no password yet, so they could not sign in to use it.
        let invited_here = tx
            .membership(u.id, &provider)?
            .is_some_and(|m| !m.is_site_admin());
        let e = Error::conflict(format!(
            "{} has not accepted their invitation yet (no password), so they cannot sign in",
            u.user_name
        ));
        return Err(if invited_here {
            e.hint(format!(
                "{0} runs `mmis account accept-invite` with the code they were given; a lost or \
                 expired code is replaced by inviting again with the same user name \
                 (`mmis clerk add --form FILE`; the earlier code then stops working)",
                u.user_name
            ))
        } else {
            e.hint(format!(
                "{0} first accepts the invitation they were given (`mmis account accept-invite`); \
                 then add them with `mmis clerk add --existing {0} --roles \"...\"`",
                u.user_name
            ))
        });
    }
    if let Some(m) = tx.membership(u.id, &provider)?.filter(|m| m.is_active()) {
        return Err(if m.is_site_admin() {
            Error::conflict(format!(
                "{} is already the site administrator of provider {provider}",
                u.user_name
            ))
        } else {
            Error::conflict(format!(
                "{} is already a clerk of provider {provider}",
                u.user_name
            ))
            .hint(format!(
                "change their roles with `mmis clerk roles {}`",
                u.user_name
            ))
        });
    }
    if let Err(e) = check_grantable(&actor, &provider, &wanted) {
        return Err(refuse(
            ctx,
            store,
            tx,
            &actor,
            Some(u.user_name.as_str()),
            e,
        ));
    }
    let now = ctx.clock.now_str();
    tx.upsert_membership(u.id, &provider, "clerk", &wanted, &now)?;
    let detail = format!("existing user; roles: {}", roles::encode(&wanted));
    tx.audit(&actor.entry(&now, "clerk add", Some(&u.user_name), "ok", Some(&detail)))?;
    tx.commit()?;
    let human = format!(
        "Clerk {} added to provider {provider} with roles: {}.\n\
         They sign in as themselves and switch to this provider with `mmis account switch-provider {provider}`.",
        u.user_name,
        roles::names(&wanted).join(", ")
    );
    Ok(Output::record_with(
        AddedView {
            user_name: u.user_name,
            roles: roles::names(&wanted),
            provider_id: provider.to_string(),
        },
        human,
    ))
}

/// A refusal `clerk add` makes after the guard let it in: rolled back and audited.
fn refuse(
    ctx: &Context,
    store: &Store,
    tx: Tx<'_>,
    actor: &auth::Actor,
    target: Option<&str>,
    e: Error,
) -> Error {
    auth::refuse(ctx, store, tx, actor, auth::Cmd::ClerkAdd, target, e)
}
