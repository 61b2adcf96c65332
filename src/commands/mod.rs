//! One function per command: authorize → one transaction → a view for the renderer.

pub mod account;
pub mod admin;
pub mod audit;
pub mod claim;
pub mod clerk;
pub mod demo;
pub mod elig;
pub mod form;
pub mod info;
pub mod init;
pub mod meta;
pub mod ops;
pub mod pa;
pub mod remit;
pub mod session;
pub mod store;
pub mod token;

use crate::cli::{self, Command};
use crate::context::Context;
use crate::domain::secret::Secret;
use crate::error::{Error, Result};
use crate::output::Output;

pub fn dispatch(ctx: &Context, command: Command) -> Result<Output> {
    use cli::access::{AccountCmd, AdminCmd, ClerkCmd, PasswordCmd};
    use cli::claims::{ClaimCmd, PaCmd};
    use cli::elig::EligCmd;
    use cli::ops::*;
    match command {
        Command::Init(a) => init::cmd_init(ctx, &a),
        Command::Demo(a) => demo::cmd_demo(ctx, &a),
        Command::Info => info::cmd_info(ctx),
        Command::Completions(a) => meta::cmd_completions(&a),
        Command::Man(a) => meta::cmd_man(&a),
        Command::Roles => meta::cmd_roles(),
        Command::Login(a) => session::cmd_login(ctx, &a),
        Command::Logout => session::cmd_logout(ctx),
        Command::Whoami => session::cmd_whoami(ctx),
        Command::Providers => session::cmd_providers(ctx),
        Command::Account(c) => match c {
            AccountCmd::Setup(a) => account::cmd_account_setup(ctx, &a),
            AccountCmd::PinRequest(a) => account::cmd_account_pin_request(ctx, &a),
            AccountCmd::AcceptInvite(a) => account::cmd_account_accept_invite(ctx, &a),
            AccountCmd::Link(a) => account::cmd_account_link(ctx, &a),
            AccountCmd::SwitchProvider(a) => session::cmd_account_switch_provider(ctx, &a),
            AccountCmd::Password(PasswordCmd::Change(a)) => account::cmd_password_change(ctx, &a),
            AccountCmd::Password(PasswordCmd::Reset(a)) => account::cmd_password_reset(ctx, &a),
        },
        Command::Token(c) => match c {
            cli::TokenCmd::Create(a) => token::cmd_token_create(ctx, &a),
            cli::TokenCmd::List => token::cmd_token_list(ctx),
            cli::TokenCmd::Revoke(a) => token::cmd_token_revoke(ctx, &a),
        },
        Command::Clerk(c) => match c {
            ClerkCmd::Add(a) => clerk::cmd_clerk_add(ctx, &a),
            ClerkCmd::Remove(a) => clerk::cmd_clerk_remove(ctx, &a),
            ClerkCmd::Roles(a) => clerk::cmd_clerk_roles(ctx, &a),
            ClerkCmd::List => clerk::cmd_clerk_list(ctx),
            ClerkCmd::Search(a) => clerk::cmd_clerk_search(ctx, &a),
            ClerkCmd::Unlock(a) => clerk::cmd_clerk_unlock(ctx, &a),
        },
        Command::Admin(c) => match c {
            AdminCmd::TransferRequest(a) => admin::cmd_admin_transfer_request(ctx, &a),
            AdminCmd::TransferStatus(a) => admin::cmd_admin_transfer_status(ctx, &a),
        },
        Command::Elig(c) => match c {
            EligCmd::Check(a) => elig::cmd_elig_check(ctx, &a),
            EligCmd::Batch(a) => elig::cmd_elig_batch(ctx, &a),
        },
        Command::Claim(c) => match c {
            ClaimCmd::Submit(a) => claim::submit::cmd_claim_submit(ctx, &a),
            ClaimCmd::Status(a) => claim::status::cmd_claim_status(ctx, &a),
            ClaimCmd::List(a) => claim::status::cmd_claim_list(ctx, &a),
            ClaimCmd::Export(a) => claim::export::cmd_claim_export(ctx, &a),
            ClaimCmd::Void(a) => claim::void::cmd_claim_void(ctx, &a),
            ClaimCmd::Replace(a) => claim::replace::cmd_claim_replace(ctx, &a),
        },
        Command::Pa(c) => match c {
            PaCmd::Submit(a) => pa::cmd_pa_submit(ctx, &a),
            PaCmd::Inquire(a) => pa::cmd_pa_inquire(ctx, &a),
            PaCmd::List(a) => pa::cmd_pa_list(ctx, &a),
            PaCmd::Cancel(a) => pa::cmd_pa_cancel(ctx, &a),
        },
        Command::Remit(c) => match c {
            cli::remit::RemitCmd::List => remit::list::cmd_remit_list(ctx),
            cli::remit::RemitCmd::Show(a) => remit::show::cmd_remit_show(ctx, &a),
            cli::remit::RemitCmd::Export(a) => remit::export::cmd_remit_export(ctx, &a),
            cli::remit::RemitCmd::Post(a) => remit::post::cmd_remit_post(ctx, &a),
        },
        Command::Audit(c) => match c {
            cli::AuditCmd::Log(a) => audit::cmd_audit_log(ctx, &a),
            cli::AuditCmd::Verify(a) => audit::cmd_audit_verify(ctx, &a),
            cli::AuditCmd::Anchor(a) => audit::cmd_audit_anchor(ctx, &a),
        },
        Command::Form(cli::FormCmd::Template(a)) => form::cmd_form_template(a.name),
        Command::Store(c) => match c {
            cli::StoreCmd::Copy(a) => store::cmd_store_copy(ctx, &a),
            cli::StoreCmd::Backup(a) => store::cmd_store_backup(ctx, &a),
        },
        Command::Ops(c) => match c {
            OpsCmd::Provider(ProviderCmd::Enroll(a)) => {
                ops::provider::cmd_ops_provider_enroll(ctx, &a)
            }
            OpsCmd::Provider(ProviderCmd::PinReissue(a)) => {
                ops::provider::cmd_ops_provider_pin_reissue(ctx, &a)
            }
            OpsCmd::Provider(ProviderCmd::List) => ops::provider::cmd_ops_provider_list(ctx),
            OpsCmd::PinRequests => ops::provider::cmd_ops_pin_requests(ctx),
            OpsCmd::User(UserCmd::Unlock(a)) => ops::user::cmd_ops_user_unlock(ctx, &a),
            OpsCmd::RecoverOperator(a) => ops::user::cmd_ops_recover_operator(ctx, &a),
            OpsCmd::Member(MemberCmd::Import(a)) => ops::member::cmd_ops_member_import(ctx, &a),
            OpsCmd::FeeSchedule(FeeScheduleCmd::Import(a)) => {
                ops::fees::cmd_ops_fee_schedule_import(ctx, &a)
            }
            OpsCmd::Claims(ClaimsCmd::Adjudicate(a)) => {
                ops::adjudicate::cmd_ops_claims_adjudicate(ctx, &a)
            }
            OpsCmd::Pa(OpsPaCmd::Decide(a)) => ops::pa::cmd_ops_pa_decide(ctx, &a),
            OpsCmd::Transfer(TransferCmd::List) => ops::transfer::cmd_ops_transfer_list(ctx),
            OpsCmd::Transfer(TransferCmd::Approve(a)) => {
                ops::transfer::cmd_ops_transfer_approve(ctx, &a)
            }
            OpsCmd::Transfer(TransferCmd::Reject(a)) => {
                ops::transfer::cmd_ops_transfer_reject(ctx, &a)
            }
        },
    }
}

/// The first line of stdin, for `--password-stdin`. No more of it is read than a password
/// can be (stdin that never ends, `< /dev/zero`, is not read to its end), and what was read
/// is wiped when dropped.
pub fn read_password_stdin() -> Result<Secret> {
    use std::io::{BufRead, Read};
    // 128 characters of up to 4 bytes each, and the line's end.
    const MAX: u64 = 4 * crate::domain::password::MAX_LEN as u64 + 2;
    let mut line = zeroize::Zeroizing::new(Vec::new());
    std::io::stdin()
        .lock()
        .take(MAX + 1)
        .read_until(b'\n', &mut line)
        .map_err(|e| Error::invalid(format!("cannot read the password from stdin: {e}")))?;
    if line.len() as u64 > MAX {
        return Err(Error::invalid(format!(
            "--password-stdin: the first line of stdin is longer than any password may be \
             ({} characters)",
            crate::domain::password::MAX_LEN
        )));
    }
    let end = line
        .iter()
        .rposition(|b| *b != b'\n' && *b != b'\r')
        .map_or(0, |i| i + 1);
    let pw = std::str::from_utf8(&line[..end])
        .map_err(|_| Error::invalid("--password-stdin: the password is not UTF-8 text"))?;
    if pw.is_empty() {
        return Err(Error::invalid("--password-stdin: stdin held no password"));
    }
    Ok(Secret::new(pw.to_string()))
}

/// A password from stdin, or a hidden prompt on a terminal.
pub fn password_from(ctx: &Context, stdin: bool, prompt: &str, confirm: bool) -> Result<Secret> {
    if stdin {
        return read_password_stdin();
    }
    if !ctx.ui.can_prompt() {
        return Err(Error::invalid("no password given: stdin is not a terminal")
            .hint("pass --password-stdin and write the password to stdin"));
    }
    ctx.ui.guard_terminal();
    let mut p = dialoguer::Password::new().with_prompt(prompt);
    if confirm {
        p = p.with_confirmation("Confirm password", "the two entries differ; try again");
    }
    p.interact()
        .map(Secret::new)
        .map_err(crate::forms::prompt_error)
}
