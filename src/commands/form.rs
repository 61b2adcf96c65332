//! `mmis form template NAME`: a commented example of each `--form` file.
//!
//! The template is built from the same field list the command's form parser checks (so a
//! field added there shows up here), with example values from the sandbox fixtures embedded
//! in the binary (the values fit the `mmis demo` sandbox).

use crate::cli::FormName;
use crate::error::{Error, Result};
use crate::forms::{Field, Kind};
use crate::output::Output;

/// One form: the command that reads it, a note, its fields and example values.
pub struct Template {
    pub name: &'static str,
    pub usage: &'static str,
    pub note: &'static str,
    pub fields: fn() -> Vec<Field>,
    pub example: &'static str,
}

fn account_setup_fields() -> Vec<Field> {
    [
        crate::commands::account::CONTACT_FIELDS,
        crate::commands::account::ACCEPT_FIELDS,
    ]
    .concat()
}

fn clerk_add_fields() -> Vec<Field> {
    [
        crate::commands::account::CONTACT_FIELDS,
        crate::commands::clerk::add::ROLES_FIELD,
    ]
    .concat()
}

pub fn template(name: FormName) -> Template {
    use crate::commands::demo;
    match name {
        FormName::AccountSetup => Template {
            name: "account-setup",
            usage: "MMIS_PIN=PIN mmis account setup --login-id PROVIDER_ID --form account-setup.toml",
            note: "Account Setup from the PIN letter: the site administrator's contact details, password\n\
                   and secret questions. Without MMIS_PIN or --pin, a terminal asks for the PIN.",
            fields: account_setup_fields,
            example: demo::SETUP_FORM,
        },
        FormName::AcceptInvite => Template {
            name: "accept-invite",
            usage: "MMIS_INVITE_CODE=INV-XXXX-XXXX-XXXX-XXXX mmis account accept-invite --form accept-invite.toml",
            note: "The clerk's own password and secret questions (same rules as account setup).\n\
                   Without MMIS_INVITE_CODE or --code, a terminal asks for the code.",
            fields: || crate::commands::account::ACCEPT_FIELDS.to_vec(),
            example: demo::ACCEPT_INVITE_FORM,
        },
        FormName::PasswordChange => Template {
            name: "password-change",
            usage: "mmis account password change --form password-change.toml",
            note: "Change your own password (signed in).",
            fields: || crate::commands::account::CHANGE_FIELDS.to_vec(),
            example: include_str!("../../fixtures/forms/password-change.toml"),
        },
        FormName::PasswordReset => Template {
            name: "password-reset",
            usage: "mmis account password reset --username USER --form password-reset.toml",
            note: "Reset a forgotten password with the secret answers (case-sensitive);\n\
                   secret_answer_2 only where a second question was set.",
            fields: || crate::commands::account::RESET_FIELDS.to_vec(),
            example: include_str!("../../fixtures/forms/password-reset.toml"),
        },
        FormName::ClerkAdd => Template {
            name: "clerk-add",
            usage: "mmis clerk add --form clerk-add.toml",
            note: "Clerk Maintenance > add clerk. No password here: the command prints a one-time\n\
                   invitation code and the clerk runs `mmis account accept-invite`.\n\
                   Roles: portal names or kebab-case slugs (`mmis roles` lists them).",
            fields: clerk_add_fields,
            example: demo::CLERK_ADD_FORM,
        },
        FormName::TransferRequest => Template {
            name: "transfer-request",
            usage: "mmis admin transfer-request --form transfer-request.toml [--out email.txt]",
            note: "Sent by the Chief Financial Officer or Privacy and Security Officer when the site\n\
                   administrator has left. No sign-in needed.",
            fields: || crate::commands::admin::TRANSFER_FIELDS.to_vec(),
            example: include_str!("../../fixtures/forms/transfer-request.toml"),
        },
        FormName::Claim => Template {
            name: "claim",
            usage: "mmis claim submit --form claim.toml",
            note: "A fee-for-service claim. Identifiers, codes and dates are strings; units an\n\
                   integer; charge a number or a string. Place of service: 11 office,\n\
                   02 telehealth, 23 emergency room. One [[lines]] table per service line.",
            fields: || crate::commands::claim::submit::FIELDS.to_vec(),
            example: demo::CLAIM_FORM,
        },
        FormName::Pa => Template {
            name: "pa",
            usage: "mmis pa submit --form pa.toml",
            note: "A prior authorization (kind = \"prior-auth\") or plan of care (\"plan-of-care\").\n\
                   `from` no earlier than 12 months before today; the span is 12 months at most.",
            fields: || crate::commands::pa::FIELDS.to_vec(),
            example: include_str!("../../fixtures/forms/pa.toml"),
        },
    }
}

fn kind_hint(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "text",
        Kind::Secret { .. } => "secret",
        Kind::Bool => "true or false",
        Kind::List => "a list of strings",
        Kind::Integer => "a whole number",
        Kind::Number => "a number",
        Kind::Table => "tables, below",
    }
}

/// Renders the commented TOML template; fails (internal) when the example values and the
/// field list disagree, which the tests check for every form.
pub fn render(t: &Template) -> Result<String> {
    let example: toml::Table = toml::from_str(t.example)
        .map_err(|e| Error::internal(format!("form template {}: {}", t.name, e.message())))?;
    let fields = (t.fields)();
    if let Some(k) = example
        .keys()
        .find(|k| !fields.iter().any(|f| f.key == k.as_str()))
    {
        return Err(Error::internal(format!(
            "form template {}: example key {k} is not a field of the form",
            t.name
        )));
    }
    let mut out = String::new();
    out.push_str(&format!("# {}\n", t.usage));
    for line in t.note.lines() {
        out.push_str(&format!("# {}\n", line.trim()));
    }
    out.push_str(
        "# Keys marked (required) must be given; the values fit the `mmis demo` sandbox.\n",
    );
    if fields.iter().any(|f| matches!(f.kind, Kind::Secret { .. })) {
        out.push_str(
            "# It holds secrets once filled in: keep it private (chmod 600), delete it afterwards.\n",
        );
    }
    let mut tables = toml::Table::new();
    for f in &fields {
        let need = if f.required { "required" } else { "optional" };
        if matches!(f.kind, Kind::Table) {
            match example.get(f.key) {
                Some(v) => {
                    tables.insert(f.key.to_string(), v.clone());
                }
                None if f.required => {
                    return Err(Error::internal(format!(
                        "form template {}: no example for the required field {}",
                        t.name, f.key
                    )))
                }
                None => {}
            }
            continue;
        }
        out.push_str(&format!(
            "\n# {} ({need}; {})\n",
            f.label,
            kind_hint(f.kind)
        ));
        match example.get(f.key) {
            Some(v) => out.push_str(&format!("{} = {}\n", f.key, v)),
            None if f.required => {
                return Err(Error::internal(format!(
                    "form template {}: no example for the required field {}",
                    t.name, f.key
                )))
            }
            None => {
                let blank = match f.kind {
                    Kind::List => "[]",
                    Kind::Bool => "false",
                    Kind::Integer | Kind::Number => "0",
                    _ => "\"\"",
                };
                out.push_str(&format!("# {} = {blank}\n", f.key));
            }
        }
    }
    if !tables.is_empty() {
        for f in fields.iter().filter(|f| matches!(f.kind, Kind::Table)) {
            out.push_str(&format!("\n# {} (required; one table per item)\n", f.label));
        }
        // Each item's keys in the order a person reads them, then any others.
        const ORDER: &[&str] = &[
            "procedure_code",
            "modifiers",
            "date_of_service",
            "units",
            "charge",
        ];
        for (key, items) in &tables {
            for item in items.as_array().into_iter().flatten() {
                out.push_str(&format!("[[{key}]]\n"));
                let Some(item) = item.as_table() else {
                    continue;
                };
                let mut keys: Vec<&String> = item.keys().collect();
                keys.sort_by_key(|k| ORDER.iter().position(|o| o == k).unwrap_or(ORDER.len()));
                for k in keys {
                    out.push_str(&format!("{k} = {}\n", item[k.as_str()]));
                }
                out.push('\n');
            }
        }
    }
    Ok(out)
}

pub fn cmd_form_template(name: FormName) -> Result<Output> {
    Ok(Output::Raw(render(&template(name))?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    #[test]
    fn every_template_renders_and_parses_back_with_the_same_fields() {
        for name in FormName::value_variants() {
            let t = template(*name);
            let text = render(&t).unwrap_or_else(|e| panic!("{}: {e}", t.name));
            let back: toml::Table = toml::from_str(&text).unwrap();
            let fields = (t.fields)();
            for f in fields.iter().filter(|f| f.required) {
                assert!(back.contains_key(f.key), "{}: {} missing", t.name, f.key);
            }
            for f in &fields {
                assert!(text.contains(f.key), "{}: {} not shown", t.name, f.key);
            }
            assert!(!text.contains("fixtures/"), "{}", t.name);
        }
    }
}
