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
            // At most the limit is read, whatever the file is (a FIFO or a device that never
            // ends included).
            let bytes = crate::limits::read_file(path, crate::limits::MAX_TOML_BYTES, "a form")?;
            String::from_utf8(bytes).map_err(|_| {
                Error::invalid(format!(
                    "cannot read the form file {}: it is not UTF-8 text",
                    path.display()
                ))
            })?
        };
        let values: toml::Table = toml::from_str(&text).map_err(|e| {
            Error::invalid(format!(
                "the form {} is not valid TOML: {}",
                path.display(),
                e.message()
            ))
            .hint("`mmis form template NAME` prints a commented example of each form")
        })?;
        Ok(Form { values })
    }

    pub fn from_table(values: toml::Table) -> Form {
        Form { values }
    }

    /// Checks keys against the screen's fields, prompts for missing ones on a TTY,
    /// and otherwise fails with exit 6 naming every missing field.
    pub fn complete(
        self,
        screen: &str,
        fields: &[Field],
        ui: &Ui,
        may_prompt: bool,
    ) -> Result<Form> {
        self.complete_with(screen, fields, ui, may_prompt, &Prompts::default())
    }

    /// [`Form::complete`], asking on a terminal as `prompts` says: each answer is checked as
    /// it is typed (by the rules the non-interactive path applies) and asked again until it
    /// fits; the answers are then shown for a last confirmation, where "no" asks what to change.
    pub fn complete_with(
        mut self,
        screen: &str,
        fields: &[Field],
        ui: &Ui,
        may_prompt: bool,
        prompts: &Prompts<'_>,
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
            .hint("give them in the --form file (`mmis form template NAME` prints an example), or run on a terminal to be asked"));
        }
        ui.guard_terminal();
        ui.note(&format!(
            "{screen} — fields marked * are required; each answer is checked as you type it; Ctrl-C cancels."
        ));
        for f in fields {
            if is_confirm_target(fields, f) || !self.is_blank(f.key) {
                continue;
            }
            if !f.required && !matches!(f.kind, Kind::Text | Kind::Secret { .. }) {
                continue;
            }
            if !prompts.applies(&self, f.key) {
                continue;
            }
            self.prompt(f, prompts, false)?;
        }
        self.review(screen, fields, ui, prompts)
    }

    /// Asks again for any answer that does not fit (one given in the file, or one a changed
    /// answer made wrong), shows every answer and asks to confirm; "no" asks what to change.
    fn review(
        mut self,
        screen: &str,
        fields: &[Field],
        ui: &Ui,
        prompts: &Prompts<'_>,
    ) -> Result<Form> {
        let theme = dialoguer::theme::SimpleTheme;
        let shown: Vec<&Field> = fields
            .iter()
            .filter(|f| !is_confirm_target(fields, f) && f.kind != Kind::Table)
            .collect();
        loop {
            for f in &shown {
                if !prompts.applies(&self, f.key) {
                    self.values.remove(f.key);
                    if let Kind::Secret { confirm: Some(c) } = f.kind {
                        self.values.remove(c);
                    }
                    continue;
                }
                let problems = self.problems_for(prompts, f.key);
                if !problems.is_empty() {
                    ui.note(&format!("error: {}", problems.join("; ")));
                    self.prompt(f, prompts, true)?;
                }
            }
            let asked: Vec<&Field> = shown
                .iter()
                .copied()
                .filter(|f| prompts.applies(&self, f.key))
                .collect();
            ui.note(&format!("\n{screen}:"));
            for f in &asked {
                ui.note(&format!("  {}: {}", f.label, self.shown_value(f)));
            }
            let ok = dialoguer::Confirm::with_theme(&theme)
                .with_prompt("Submit these answers?")
                .default(true)
                .interact()
                .map_err(prompt_error)?;
            if ok {
                return Ok(self);
            }
            let mut items: Vec<String> = asked
                .iter()
                .map(|f| format!("{}: {}", f.label, self.shown_value(f)))
                .collect();
            items.push("Cancel: discard these answers".into());
            let pick = dialoguer::Select::with_theme(&theme)
                .with_prompt("What do you want to change? (arrows to move, enter to pick)")
                .items(&items)
                .default(0)
                .interact()
                .map_err(prompt_error)?;
            match asked.get(pick) {
                Some(f) => self.prompt(f, prompts, true)?,
                None => {
                    return Err(Error::invalid(format!(
                        "{screen}: cancelled at the confirmation; nothing was saved"
                    )))
                }
            }
        }
    }

    /// An answer as the confirmation shows it (never a secret).
    fn shown_value(&self, f: &Field) -> String {
        if self.is_blank(f.key) {
            return "(blank)".into();
        }
        match (f.kind, self.values.get(f.key)) {
            (Kind::Secret { .. }, _) => "(hidden)".into(),
            (_, Some(toml::Value::Boolean(b))) => if *b { "yes" } else { "no" }.into(),
            (_, Some(toml::Value::String(s))) => s.clone(),
            (_, Some(toml::Value::Array(a))) => a
                .iter()
                .map(|v| match v {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(", "),
            (_, Some(other)) => other.to_string(),
            (_, None) => "(blank)".into(),
        }
    }

    /// The problems the screen's rules find with `key` (messages start with `key:`).
    fn problems_for(&self, prompts: &Prompts<'_>, key: &str) -> Vec<String> {
        let Some(check) = &prompts.problems else {
            return Vec::new();
        };
        let prefix = format!("{key}:");
        let all = match check(self) {
            Ok(p) => p,
            Err(e) => vec![e.message],
        };
        all.into_iter().filter(|p| p.starts_with(&prefix)).collect()
    }

    /// What the rules say of `value` as the answer to `f` (None: it fits).
    fn check_answer(
        &self,
        prompts: &Prompts<'_>,
        f: &Field,
        value: Option<toml::Value>,
    ) -> Option<String> {
        prompts.problems.as_ref()?;
        let mut probe = Form {
            values: self.values.clone(),
        };
        probe.set(f, value);
        let problems = probe.problems_for(prompts, f.key);
        (!problems.is_empty()).then(|| problems.join("; "))
    }

    /// Sets (or, for None, removes) an answer and its confirmation.
    fn set(&mut self, f: &Field, value: Option<toml::Value>) {
        let confirm = match f.kind {
            Kind::Secret { confirm } => confirm,
            _ => None,
        };
        match value {
            Some(v) => {
                if let Some(c) = confirm {
                    self.values.insert(c.into(), v.clone());
                }
                self.values.insert(f.key.into(), v);
            }
            None => {
                self.values.remove(f.key);
                if let Some(c) = confirm {
                    self.values.remove(c);
                }
            }
        }
    }

    /// Asks for one field until the answer fits; `again` when changing an earlier answer.
    fn prompt(&mut self, f: &Field, prompts: &Prompts<'_>, again: bool) -> Result<()> {
        let theme = dialoguer::theme::SimpleTheme;
        if let Some(note) = prompts.note_for(f.key) {
            crate::output::term::say(format_args!("{note}"));
        }
        let label = if f.required {
            format!("{}*", f.label)
        } else {
            format!("{} (optional)", f.label)
        };
        let current = self
            .text(f.key)
            .ok()
            .flatten()
            .filter(|_| again && f.required);
        match f.kind {
            Kind::Text | Kind::Integer | Kind::Number => {
                let mut input = dialoguer::Input::<String>::with_theme(&theme)
                    .with_prompt(label)
                    .allow_empty(!f.required)
                    .validate_with(|v: &String| -> std::result::Result<(), String> {
                        match self.check_answer(prompts, f, text_value(v)) {
                            Some(e) => Err(e),
                            None => Ok(()),
                        }
                    });
                if let Some(c) = current {
                    input = input.default(c);
                }
                let v = input.interact_text().map_err(prompt_error)?;
                self.set(f, text_value(&v));
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
                p = p.validate_with(|v: &String| -> std::result::Result<(), String> {
                    let value = (!v.is_empty()).then(|| toml::Value::String(v.clone()));
                    match self.check_answer(prompts, f, value) {
                        Some(e) => Err(e),
                        None => Ok(()),
                    }
                });
                let v = Secret::new(p.interact().map_err(prompt_error)?);
                let value = (!v.is_empty()).then(|| toml::Value::String(v.expose().to_string()));
                self.set(f, value);
            }
            Kind::Bool => loop {
                let v = dialoguer::Confirm::with_theme(&theme)
                    .with_prompt(label.clone())
                    .default(false)
                    .interact()
                    .map_err(prompt_error)?;
                let value = Some(toml::Value::Boolean(v));
                match self.check_answer(prompts, f, value.clone()) {
                    Some(e) => crate::output::term::say(format_args!("error: {e}")),
                    None => {
                        self.set(f, value);
                        break;
                    }
                }
            },
            Kind::List => {
                if let Some(choices) = prompts.choices_for(f.key) {
                    let chosen = self.list(f.key).ok().flatten().unwrap_or_default();
                    let labels: Vec<&str> = choices.iter().map(|(_, l)| l.as_str()).collect();
                    let defaults: Vec<bool> = choices
                        .iter()
                        .map(|(v, _)| chosen.iter().any(|c| c.eq_ignore_ascii_case(v)))
                        .collect();
                    loop {
                        let picked = dialoguer::MultiSelect::with_theme(&theme)
                            .with_prompt(format!(
                                "{label} (arrows to move, space to pick, enter when done)"
                            ))
                            .items(&labels)
                            .defaults(&defaults)
                            .interact()
                            .map_err(prompt_error)?;
                        let items: Vec<toml::Value> = picked
                            .iter()
                            .filter_map(|&i| choices.get(i))
                            .map(|(v, _)| toml::Value::String(v.clone()))
                            .collect();
                        let value = Some(toml::Value::Array(items));
                        match self.check_answer(prompts, f, value.clone()) {
                            Some(e) => crate::output::term::say(format_args!("error: {e}")),
                            None => {
                                self.set(f, value);
                                break;
                            }
                        }
                    }
                } else {
                    let to_list = |v: &str| {
                        toml::Value::Array(
                            v.split(',')
                                .map(|s| s.trim())
                                .filter(|s| !s.is_empty())
                                .map(|s| toml::Value::String(s.to_string()))
                                .collect(),
                        )
                    };
                    let mut input = dialoguer::Input::<String>::with_theme(&theme)
                        .with_prompt(format!("{label} (comma-separated)"))
                        .allow_empty(!f.required)
                        .validate_with(|v: &String| -> std::result::Result<(), String> {
                            match self.check_answer(prompts, f, Some(to_list(v))) {
                                Some(e) => Err(e),
                                None => Ok(()),
                            }
                        });
                    if again && f.required && self.has(f.key) {
                        input = input.default(self.shown_value(f));
                    }
                    let v = input.interact_text().map_err(prompt_error)?;
                    self.set(f, Some(to_list(&v)));
                }
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

/// A typed line as a form value (None when blank).
fn text_value(v: &str) -> Option<toml::Value> {
    let t = v.trim();
    (!t.is_empty()).then(|| toml::Value::String(t.to_string()))
}

/// Whether `f` is the confirmation of another field (asked with it, never alone).
fn is_confirm_target(fields: &[Field], f: &Field) -> bool {
    fields
        .iter()
        .any(|o| matches!(o.kind, Kind::Secret { confirm: Some(c) } if c == f.key))
}

/// A prompt that failed: Ctrl-C restores the terminal and exits 130; anything else is exit 6.
pub fn prompt_error(e: dialoguer::Error) -> Error {
    let dialoguer::Error::IO(io) = &e;
    if io.kind() == std::io::ErrorKind::Interrupted {
        crate::context::interrupted();
    }
    Error::invalid(format!("prompt cancelled: {e}"))
}

/// Whether a field applies given the answers so far (`false`: not asked, and dropped).
type Applies<'a> = Box<dyn Fn(&Form, &str) -> bool + 'a>;
/// Every problem with a whole form, each starting `key:` as the non-interactive path says it.
type Problems<'a> = Box<dyn Fn(&Form) -> Result<Vec<String>> + 'a>;

/// How a screen is asked on a terminal: the rules each answer is checked by (the same
/// function the non-interactive path reports with), notes shown before a field's prompt,
/// choices for a list, and fields that are asked only when they apply.
#[derive(Default)]
pub struct Prompts<'a> {
    problems: Option<Problems<'a>>,
    notes: Vec<(&'static str, String)>,
    choices: Vec<(&'static str, Vec<(String, String)>)>,
    applies: Option<Applies<'a>>,
}

impl<'a> Prompts<'a> {
    pub fn new() -> Self {
        Self::default()
    }
    /// The screen's rules: every problem with the whole form, each message starting with
    /// its field's key (`email: not an email address ...`). An answer is accepted when no
    /// problem names its field.
    pub fn check(mut self, problems: impl Fn(&Form) -> Result<Vec<String>> + 'a) -> Self {
        self.problems = Some(Box::new(problems));
        self
    }
    /// Text shown before `key` is asked (the password rules, say).
    pub fn note(mut self, key: &'static str, text: impl Into<String>) -> Self {
        self.notes.push((key, text.into()));
        self
    }
    /// A list field picked from `items` (value, label) with a multi-select.
    pub fn choices(mut self, key: &'static str, items: Vec<(String, String)>) -> Self {
        self.choices.push((key, items));
        self
    }
    /// Asks `key` only when `applies(form so far, key)` says so.
    pub fn ask_if(mut self, applies: impl Fn(&Form, &str) -> bool + 'a) -> Self {
        self.applies = Some(Box::new(applies));
        self
    }
    fn note_for(&self, key: &str) -> Option<&str> {
        self.notes
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, t)| t.as_str())
    }
    fn choices_for(&self, key: &str) -> Option<&[(String, String)]> {
        self.choices
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| c.as_slice())
    }
    fn applies(&self, form: &Form, key: &str) -> bool {
        self.applies.as_ref().is_none_or(|a| a(form, key))
    }
}
