//! `--form FILE` (TOML, keys in snake_case) and prompts for whatever is missing.

use crate::context::Ui;
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    /// Hidden input; `confirm` names the key that must repeat it.
    Secret {
        confirm: Option<&'static str>,
    },
    Bool,
    List,
    Integer,
    Number,
    /// Structured (arrays of tables): only from a file, never prompted.
    Table,
}

#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub label: &'static str,
    pub kind: Kind,
    pub required: bool,
}

pub const fn field(key: &'static str, label: &'static str, kind: Kind, required: bool) -> Field {
    Field {
        key,
        label,
        kind,
        required,
    }
}

#[derive(Debug, Default)]
pub struct Form {
    values: toml::Table,
}

impl Form {
    /// Reads a form file (`-` for stdin); no file gives an empty form.
    pub fn load(path: Option<&Path>) -> Result<Form> {
        let Some(path) = path else {
            return Ok(Form::default());
        };
        let text = if path == Path::new("-") {
            let mut s = String::new();
            std::io::stdin()
                .take(crate::limits::MAX_TOML_BYTES)
                .read_to_string(&mut s)
                .map_err(|e| Error::invalid(format!("cannot read the form from stdin: {e}")))?;
            s
        } else {
            crate::limits::check_file_size(path, crate::limits::MAX_TOML_BYTES, "a form")?;
            std::fs::read_to_string(path).map_err(|e| {
                Error::invalid(format!("cannot read the form file {}: {e}", path.display()))
            })?
        };
        let values: toml::Table = toml::from_str(&text).map_err(|e| {
            Error::invalid(format!(
                "the form {} is not valid TOML: {}",
                path.display(),
                e.message()
            ))
            .hint("see fixtures/forms/ for examples")
        })?;
        Ok(Form { values })
    }

    pub fn from_table(values: toml::Table) -> Form {
        Form { values }
    }

    /// Checks keys against the screen's fields, prompts for missing ones on a TTY,
    /// and otherwise fails with exit 6 naming every missing field.
    pub fn complete(
        mut self,
        screen: &str,
        fields: &[Field],
        ui: &Ui,
        may_prompt: bool,
    ) -> Result<Form> {
        let unknown: Vec<&String> = self
            .values
            .keys()
            .filter(|k| !fields.iter().any(|f| f.key == k.as_str()))
            .collect();
        if !unknown.is_empty() {
            let names: Vec<&str> = unknown.iter().map(|s| s.as_str()).collect();
            return Err(Error::invalid(format!(
                "{screen}: unknown form field(s): {}; the fields are: {}",
                names.join(", "),
                fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
            )));
        }
        let missing: Vec<&Field> = fields
            .iter()
            .filter(|f| f.required && self.is_blank(f.key))
            .collect();
        if missing.is_empty() {
            return Ok(self);
        }
        if !(may_prompt && ui.can_prompt()) {
            return Err(Error::invalid(format!(
                "{screen}: missing required field(s): {}",
                missing.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
            ))
            .hint("give them in the --form file (see fixtures/forms/), or run on a terminal to be asked"));
        }
        ui.note(&format!(
            "{screen} — required fields are asked for; Ctrl-C cancels."
        ));
        for f in fields {
            let confirm_target = fields
                .iter()
                .any(|o| matches!(o.kind, Kind::Secret { confirm: Some(c) } if c == f.key));
            if confirm_target || !self.is_blank(f.key) {
                continue;
            }
            if !f.required && !matches!(f.kind, Kind::Text | Kind::Secret { .. }) {
                continue;
            }
            self.prompt(f)?;
        }
        Ok(self)
    }

    fn prompt(&mut self, f: &Field) -> Result<()> {
        let theme = dialoguer::theme::SimpleTheme;
        let cancelled = |e: dialoguer::Error| Error::invalid(format!("prompt cancelled: {e}"));
        let label = if f.required {
            format!("{}*", f.label)
        } else {
            format!("{} (optional)", f.label)
        };
        match f.kind {
            Kind::Text => {
                let v: String = dialoguer::Input::with_theme(&theme)
                    .with_prompt(label)
                    .allow_empty(!f.required)
                    .interact_text()
                    .map_err(cancelled)?;
                if !v.is_empty() {
                    self.values.insert(f.key.into(), toml::Value::String(v));
                }
            }
            Kind::Secret { confirm } => {
                let mut p = dialoguer::Password::with_theme(&theme).with_prompt(label);
                if confirm.is_some() {
                    p = p.with_confirmation(
                        format!("Confirm {}", f.label),
                        "the two entries differ; try again",
                    );
                }
                if !f.required {
                    p = p.allow_empty_password(true);
                }
                let v = Secret::new(p.interact().map_err(cancelled)?);
                if !v.is_empty() {
                    self.values
                        .insert(f.key.into(), toml::Value::String(v.expose().to_string()));
                    if let Some(c) = confirm {
                        self.values
                            .insert(c.into(), toml::Value::String(v.expose().to_string()));
                    }
                }
            }
            Kind::Bool => {
                let v = dialoguer::Confirm::with_theme(&theme)
                    .with_prompt(label)
                    .default(false)
                    .interact()
                    .map_err(cancelled)?;
                self.values.insert(f.key.into(), toml::Value::Boolean(v));
            }
            Kind::List => {
                let v: String = dialoguer::Input::with_theme(&theme)
                    .with_prompt(format!("{label} (comma-separated)"))
                    .interact_text()
                    .map_err(cancelled)?;
                let items = v
                    .split(',')
                    .map(|s| s.trim())
                    .filter(|s| !s.is_empty())
                    .map(|s| toml::Value::String(s.to_string()))
                    .collect();
                self.values.insert(f.key.into(), toml::Value::Array(items));
            }
            Kind::Integer | Kind::Number => {
                let v: String = dialoguer::Input::with_theme(&theme)
                    .with_prompt(label)
                    .interact_text()
                    .map_err(cancelled)?;
                self.values.insert(f.key.into(), toml::Value::String(v));
            }
            Kind::Table => {}
        }
        Ok(())
    }

    fn is_blank(&self, key: &str) -> bool {
        match self.values.get(key) {
            None => true,
            Some(toml::Value::String(s)) => s.trim().is_empty(),
            Some(toml::Value::Array(a)) => a.is_empty(),
            Some(_) => false,
        }
    }

    pub fn has(&self, key: &str) -> bool {
        !self.is_blank(key)
    }

    /// A string field (TOML dates and numbers are given as their text).
    pub fn text(&self, key: &str) -> Result<Option<String>> {
        match self.values.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(toml::Value::Datetime(d)) => Ok(Some(d.to_string())),
            Some(toml::Value::Integer(i)) => Ok(Some(i.to_string())),
            Some(toml::Value::Float(f)) => Ok(Some(f.to_string())),
            Some(other) => Err(type_error(key, "a string", other)),
        }
    }

    pub fn text_or_empty(&self, key: &str) -> Result<String> {
        Ok(self.text(key)?.unwrap_or_default())
    }

    /// A secret as typed (not trimmed).
    pub fn secret(&self, key: &str) -> Result<Option<Secret>> {
        match self.values.get(key) {
            None => Ok(None),
            Some(toml::Value::String(s)) if s.is_empty() => Ok(None),
            Some(toml::Value::String(s)) => Ok(Some(Secret::new(s.clone()))),
            Some(other) => Err(type_error(key, "a string", other)),
        }
    }

    pub fn bool(&self, key: &str) -> Result<Option<bool>> {
        match self.values.get(key) {
            None => Ok(None),
            Some(toml::Value::Boolean(b)) => Ok(Some(*b)),
            Some(toml::Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
                "true" | "yes" | "y" | "i agree" => Ok(Some(true)),
                "false" | "no" | "n" | "" => Ok(Some(false)),
                _ => Err(Error::invalid(format!(
                    "{key}: expected true or false, got {s:?}"
                ))),
            },
            Some(other) => Err(type_error(key, "true or false", other)),
        }
    }

    pub fn list(&self, key: &str) -> Result<Option<Vec<String>>> {
        match self.values.get(key) {
            None => Ok(None),
            Some(toml::Value::Array(a)) => a
                .iter()
                .map(|v| match v {
                    toml::Value::String(s) => Ok(s.trim().to_string()),
                    other => Err(type_error(key, "an array of strings", other)),
                })
                .collect::<Result<Vec<_>>>()
                .map(Some),
            Some(toml::Value::String(s)) => Ok(Some(
                s.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect(),
            )),
            Some(other) => Err(type_error(key, "an array of strings", other)),
        }
    }

    pub fn integer(&self, key: &str) -> Result<Option<i64>> {
        match self.values.get(key) {
            None => Ok(None),
            Some(toml::Value::Integer(i)) => Ok(Some(*i)),
            Some(toml::Value::String(s)) => {
                s.trim().parse().map(Some).map_err(|_| {
                    Error::invalid(format!("{key}: expected a whole number, got {s:?}"))
                })
            }
            Some(other) => Err(type_error(key, "a whole number", other)),
        }
    }

    pub fn raw(&self, key: &str) -> Option<&toml::Value> {
        self.values.get(key)
    }
}

fn type_error(key: &str, want: &str, got: &toml::Value) -> Error {
    Error::invalid(format!("{key}: expected {want}, got a {}", got.type_str()))
}
