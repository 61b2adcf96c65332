
use builtin;
use str;

set edit:completion:arg-completer[mmis] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'mmis'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'mmis'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a new store and its operator (agency) account'
            cand demo 'Build a sandbox store from the embedded fixtures and walk through the main job'
            cand info 'Show the version, the store, its schema, sandbox or live, who is signed in, the config'
            cand completions 'Print shell completions (see --help for how to install them)'
            cand man 'Write man pages'
            cand roles 'List the portal roles and the commands each allows'
            cand login 'Sign in and start a session'
            cand logout 'End the session'
            cand whoami 'Show who is signed in, for which provider, with which roles'
            cand providers 'List the providers you can act for'
            cand account 'Account setup, invitations, passwords, switching providers'
            cand token 'API tokens for scripts (MMIS_TOKEN)'
            cand clerk 'Clerk Maintenance: add, change and remove clerks'
            cand admin 'Site administrator transfer requests'
            cand elig 'Eligibility and CCO enrollment'
            cand claim 'Fee-for-service claims'
            cand pa 'Prior authorizations and plans of care'
            cand remit 'Remittance advices (835): read the payment cycles'' and post a payer''s onto your claims'
            cand audit 'The audit log'
            cand ops 'The agency side (operator only)'
            cand store 'Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)'
            cand form 'Examples of the `--form` files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;init'= {
            cand --username 'The operator''s user name'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --password-stdin 'Read the operator''s password from stdin (first line)'
            cand --sandbox 'Make a sandbox store, where MMIS_TODAY may pin the business date (a store made while MMIS_TODAY is set is a sandbox too); without it the store is live and refuses MMIS_TODAY'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;demo'= {
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;info'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;completions'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;man'= {
            cand --out 'Folder to write the pages into'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;roles'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;login'= {
            cand --username 'Your user name (asked for when missing on a terminal)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --password-stdin 'Read the password from stdin (first line) instead of a prompt'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;logout'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;whoami'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;providers'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand setup 'Set the account up from a PIN letter; you become the site administrator'
            cand pin-request 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)'
            cand accept-invite 'Accept a clerk invitation: set your own password and secret questions'
            cand link 'Link another provider''s account to yours with its PIN letter (Link Account)'
            cand switch-provider 'Switch the provider you act for (Switch Provider)'
            cand password 'Change or reset your password'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;account;setup'= {
            cand --login-id 'Login ID from the PIN letter: the 6- or 9-digit Oregon Medicaid provider ID'
            cand --pin 'Personal Identification Number from the PIN letter (case-sensitive, single use); better from MMIS_PIN, or left out to be asked (hidden) on a terminal'
            cand --form 'TOML form with the setup fields (`-` for stdin); missing fields are asked on a terminal'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;pin-request'= {
            cand --name 'The provider''s name as on file'
            cand --npi 'The provider''s NPI'
            cand --mail-to 'The mail-to address on file'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;accept-invite'= {
            cand --code 'The one-time invitation code; better from MMIS_INVITE_CODE, or left out to be asked (hidden) on a terminal'
            cand --form 'TOML form: password, confirm_password, secret questions and answers, agree'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;link'= {
            cand --login-id 'The other provider''s Login ID (provider ID)'
            cand --pin 'The other provider''s PIN'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;switch-provider'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;password'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand change 'Change your password (current_password, new_password, confirm_new_password)'
            cand reset 'Reset a forgotten password by answering the secret questions (also lifts a lockout)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;account;password;change'= {
            cand --form 'TOML form: current_password, new_password, confirm_new_password (`-` for stdin); missing fields are asked on a terminal'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;password;reset'= {
            cand --username 'Your user name'
            cand --form 'TOML form: secret_answer_1, secret_answer_2, new_password, confirm_new_password (`-` for stdin); missing fields are asked on a terminal'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;account;password;help'= {
            cand change 'Change your password (current_password, new_password, confirm_new_password)'
            cand reset 'Reset a forgotten password by answering the secret questions (also lifts a lockout)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;account;password;help;change'= {
        }
        &'mmis;account;password;help;reset'= {
        }
        &'mmis;account;password;help;help'= {
        }
        &'mmis;account;help'= {
            cand setup 'Set the account up from a PIN letter; you become the site administrator'
            cand pin-request 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)'
            cand accept-invite 'Accept a clerk invitation: set your own password and secret questions'
            cand link 'Link another provider''s account to yours with its PIN letter (Link Account)'
            cand switch-provider 'Switch the provider you act for (Switch Provider)'
            cand password 'Change or reset your password'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;account;help;setup'= {
        }
        &'mmis;account;help;pin-request'= {
        }
        &'mmis;account;help;accept-invite'= {
        }
        &'mmis;account;help;link'= {
        }
        &'mmis;account;help;switch-provider'= {
        }
        &'mmis;account;help;password'= {
            cand change 'Change your password (current_password, new_password, confirm_new_password)'
            cand reset 'Reset a forgotten password by answering the secret questions (also lifts a lockout)'
        }
        &'mmis;account;help;password;change'= {
        }
        &'mmis;account;help;password;reset'= {
        }
        &'mmis;account;help;help'= {
        }
        &'mmis;token'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Make an API token (shown once) limited to some of your roles on the current provider'
            cand list 'List your live API tokens for the current provider'
            cand revoke 'Revoke an API token by name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;token;create'= {
            cand --name 'A name for the token (unique among your live tokens)'
            cand --roles 'Roles, comma-separated (default: all of yours); the token can do only what these allow'
            cand --expires-in 'Lifetime, e.g. 90d, 12h (default from config token.default_expiry, 90d)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --admin 'Also give the token the site administrator''s own commands (audit log, audit verify); only the site administrator can make such a token'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;token;list'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;token;revoke'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;token;help'= {
            cand create 'Make an API token (shown once) limited to some of your roles on the current provider'
            cand list 'List your live API tokens for the current provider'
            cand revoke 'Revoke an API token by name'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;token;help;create'= {
        }
        &'mmis;token;help;list'= {
        }
        &'mmis;token;help;revoke'= {
        }
        &'mmis;token;help;help'= {
        }
        &'mmis;clerk'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a clerk: a new user (invitation code) or an existing one (--existing)'
            cand remove 'Remove a clerk''s access to the current provider (asks first on a terminal)'
            cand roles 'Show or change a clerk''s roles'
            cand list 'The access review: every clerk with roles, status and last login'
            cand search 'Find existing portal users by user name, first or last name'
            cand unlock 'Unlock a clerk locked out by failed sign-ins'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;clerk;add'= {
            cand --form 'TOML form: user_name, contact_first_name, contact_last_name, phone_number, email, roles'
            cand --existing 'Add an existing portal user instead of creating one'
            cand --roles 'Roles for an existing user, comma-separated'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --yes 'Confirm granting Clerk Maintenance'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;clerk;remove'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --yes 'Do not ask for confirmation (off a terminal nothing is asked; the removal proceeds)'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;clerk;roles'= {
            cand --grant 'Add a role (repeatable)'
            cand --revoke 'Take a role away (repeatable)'
            cand --set 'Replace the roles with exactly these, comma-separated'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --yes 'Confirm granting Clerk Maintenance'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;clerk;list'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;clerk;search'= {
            cand --username 'User name, or the start of one'
            cand --first 'First name, or the start of one'
            cand --last 'Last name, or the start of one'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;clerk;unlock'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;clerk;help'= {
            cand add 'Add a clerk: a new user (invitation code) or an existing one (--existing)'
            cand remove 'Remove a clerk''s access to the current provider (asks first on a terminal)'
            cand roles 'Show or change a clerk''s roles'
            cand list 'The access review: every clerk with roles, status and last login'
            cand search 'Find existing portal users by user name, first or last name'
            cand unlock 'Unlock a clerk locked out by failed sign-ins'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;clerk;help;add'= {
        }
        &'mmis;clerk;help;remove'= {
        }
        &'mmis;clerk;help;roles'= {
        }
        &'mmis;clerk;help;list'= {
        }
        &'mmis;clerk;help;search'= {
        }
        &'mmis;clerk;help;unlock'= {
        }
        &'mmis;clerk;help;help'= {
        }
        &'mmis;admin'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand transfer-request 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)'
            cand transfer-status 'Show a transfer request''s status'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;admin;transfer-request'= {
            cand --form 'TOML form with the request''s fields (`-` for stdin); missing fields are asked on a terminal'
            cand --out 'Also write the email to send to the provider-access team to this file'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;admin;transfer-status'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;admin;help'= {
            cand transfer-request 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)'
            cand transfer-status 'Show a transfer request''s status'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;admin;help;transfer-request'= {
        }
        &'mmis;admin;help;transfer-status'= {
        }
        &'mmis;admin;help;help'= {
        }
        &'mmis;elig'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Check one member by Oregon Health ID, or by last name + first name + date of birth'
            cand batch 'Check a roster CSV (or answer an X12 270 with a 271)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;elig;check'= {
            cand --id 'Oregon Health ID (8 letters and digits)'
            cand --last 'Last name (with --first and --dob)'
            cand --first 'First name (with --last and --dob)'
            cand --dob 'Date of birth, YYYY-MM-DD'
            cand --date 'The date of service to check (default: today)'
            cand --from 'First date of a range to check, YYYY-MM-DD (with --to)'
            cand --to 'Last date of a range to check, YYYY-MM-DD (with --from)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --x12-270 'Print the X12 270 a client would send for this inquiry instead of answering it'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;elig;batch'= {
            cand --x12 'An X12 270 file to answer with a 271'
            cand --out 'Write the 271 here instead of stdout'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;elig;help'= {
            cand check 'Check one member by Oregon Health ID, or by last name + first name + date of birth'
            cand batch 'Check a roster CSV (or answer an X12 270 with a 271)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;elig;help;check'= {
        }
        &'mmis;elig;help;batch'= {
        }
        &'mmis;elig;help;help'= {
        }
        &'mmis;claim'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand submit 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)'
            cand status 'A claim''s status, lines and history'
            cand list 'List claims'
            cand export 'Write a claim as an X12 837P'
            cand void 'Void a paid claim or withdraw an accepted one'
            cand replace 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;claim;submit'= {
            cand --form 'TOML claim form (`-` for stdin); missing fields are asked on a terminal'
            cand --x12 'An X12 837P file of claims (needs the Trade Files role)'
            cand --ack 'Where to write the acknowledgment for --x12: a 999, or a TA1 when the interchange itself is rejected'
            cand --claim-ack 'Where to write a 277CA claim acknowledgment for --x12: each claim accepted (with its ICN) or rejected (with a status code for the reason)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;claim;status'= {
            cand --member 'Only this member''s claims (Oregon Health ID)'
            cand --from 'Only dates of service on or after this date (YYYY-MM-DD)'
            cand --to 'Only dates of service on or before this date (YYYY-MM-DD)'
            cand --status 'Only claims in this status: accepted, paid, denied or voided'
            cand --x12 'Answer an X12 276 claim status request with a 277 (on stdout, or --out)'
            cand --out 'Write the 277 here instead of stdout'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;claim;list'= {
            cand --member 'Only this member''s claims (Oregon Health ID)'
            cand --status 'Only claims in this status: accepted, paid, denied or voided'
            cand --from 'Only dates of service on or after this date (YYYY-MM-DD)'
            cand --to 'Only dates of service on or before this date (YYYY-MM-DD)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;claim;export'= {
            cand --out 'Write the 837P here instead of stdout'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --x12 'Write X12 837P (the only export format)'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;claim;void'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;claim;replace'= {
            cand --form 'TOML claim form of the corrected claim, as for `claim submit` (`-` for stdin); missing fields are asked on a terminal'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;claim;help'= {
            cand submit 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)'
            cand status 'A claim''s status, lines and history'
            cand list 'List claims'
            cand export 'Write a claim as an X12 837P'
            cand void 'Void a paid claim or withdraw an accepted one'
            cand replace 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;claim;help;submit'= {
        }
        &'mmis;claim;help;status'= {
        }
        &'mmis;claim;help;list'= {
        }
        &'mmis;claim;help;export'= {
        }
        &'mmis;claim;help;void'= {
        }
        &'mmis;claim;help;replace'= {
        }
        &'mmis;claim;help;help'= {
        }
        &'mmis;pa'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand submit 'Submit a prior authorization or plan of care request'
            cand inquire 'A PA''s status, approved and used units'
            cand list 'List PAs'
            cand cancel 'Cancel a pending or approved PA the provider no longer needs (278 C)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;pa;submit'= {
            cand --form 'TOML PA form (`-` for stdin); missing fields are asked on a terminal'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;pa;inquire'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;pa;list'= {
            cand --member 'Only this member''s PAs (Oregon Health ID)'
            cand --status 'Only PAs in this status: pending, approved, denied or cancelled'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;pa;cancel'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;pa;help'= {
            cand submit 'Submit a prior authorization or plan of care request'
            cand inquire 'A PA''s status, approved and used units'
            cand list 'List PAs'
            cand cancel 'Cancel a pending or approved PA the provider no longer needs (278 C)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;pa;help;submit'= {
        }
        &'mmis;pa;help;inquire'= {
        }
        &'mmis;pa;help;list'= {
        }
        &'mmis;pa;help;cancel'= {
        }
        &'mmis;pa;help;help'= {
        }
        &'mmis;remit'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'Your provider''s remittance advices, newest first'
            cand show 'A remittance advice as a person reads it: claims, amounts, adjustment reasons'
            cand export 'Write a remittance advice as an X12 835'
            cand post 'Post an 835 remittance onto this provider''s claims (matched by ICN and patient control number)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;remit;list'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;remit;show'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;remit;export'= {
            cand --out 'Write the 835 here instead of stdout'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --x12 'Write X12 835 (the only export format)'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;remit;post'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;remit;help'= {
            cand list 'Your provider''s remittance advices, newest first'
            cand show 'A remittance advice as a person reads it: claims, amounts, adjustment reasons'
            cand export 'Write a remittance advice as an X12 835'
            cand post 'Post an 835 remittance onto this provider''s claims (matched by ICN and patient control number)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;remit;help;list'= {
        }
        &'mmis;remit;help;show'= {
        }
        &'mmis;remit;help;export'= {
        }
        &'mmis;remit;help;post'= {
        }
        &'mmis;remit;help;help'= {
        }
        &'mmis;audit'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand log 'Show audit entries (operator: all; site administrator: their providers'')'
            cand verify 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)'
            cand anchor 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;audit;log'= {
            cand --user 'Only this acting user'
            cand --action 'Only this action (e.g. login, "clerk add")'
            cand --since 'Only entries at or after this date (YYYY-MM-DD) or RFC 3339 time'
            cand --limit 'At most this many (the newest)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;audit;verify'= {
            cand --anchor 'Also check that the log still holds this checkpoint from `mmis audit anchor` (exit 7 when it was cut, rewritten or wiped); `-` reads it from stdin'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;audit;anchor'= {
            cand --out 'Where to write the checkpoint (created 0600; never through a symlink, FIFO or device; `-` prints it). Keep it outside the store: print it, email it, commit it elsewhere'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;audit;help'= {
            cand log 'Show audit entries (operator: all; site administrator: their providers'')'
            cand verify 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)'
            cand anchor 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;audit;help;log'= {
        }
        &'mmis;audit;help;verify'= {
        }
        &'mmis;audit;help;anchor'= {
        }
        &'mmis;audit;help;help'= {
        }
        &'mmis;ops'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand provider 'Provider enrollment and PIN letters'
            cand pin-requests 'Open replacement-PIN requests'
            cand member 'Member eligibility data'
            cand fee-schedule 'The fee schedule'
            cand claims 'Claims processing'
            cand pa 'Prior authorization decisions'
            cand transfer 'Site administrator transfer requests'
            cand user 'Portal users'
            cand recover-operator 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;provider'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand enroll 'Enroll a provider and issue its PIN letter'
            cand pin-reissue 'Void the provider''s PIN and issue a new letter'
            cand list 'List enrolled providers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;provider;enroll'= {
            cand --npi 'NPI (10 digits, Luhn check digit with the 80840 prefix)'
            cand --name 'Provider or practice name'
            cand --type 'An individual practitioner or a group practice'
            cand --tax-id 'Tax ID, NN-NNNNNNN or NNNNNNNNN'
            cand --mail-to 'Mail-to address (where the PIN letter goes)'
            cand --provider-id 'The Oregon Medicaid provider ID (6 or 9 digits); assigned when not given'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;provider;pin-reissue'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;provider;list'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;provider;help'= {
            cand enroll 'Enroll a provider and issue its PIN letter'
            cand pin-reissue 'Void the provider''s PIN and issue a new letter'
            cand list 'List enrolled providers'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;provider;help;enroll'= {
        }
        &'mmis;ops;provider;help;pin-reissue'= {
        }
        &'mmis;ops;provider;help;list'= {
        }
        &'mmis;ops;provider;help;help'= {
        }
        &'mmis;ops;pin-requests'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;member'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand import 'Import coverage spans from a CSV (all-or-nothing, idempotent)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;member;import'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;member;help'= {
            cand import 'Import coverage spans from a CSV (all-or-nothing, idempotent)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;member;help;import'= {
        }
        &'mmis;ops;member;help;help'= {
        }
        &'mmis;ops;fee-schedule'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand import 'Import the fee schedule from a CSV (all-or-nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;fee-schedule;import'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;fee-schedule;help'= {
            cand import 'Import the fee schedule from a CSV (all-or-nothing)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;fee-schedule;help;import'= {
        }
        &'mmis;ops;fee-schedule;help;help'= {
        }
        &'mmis;ops;claims'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand adjudicate 'Run a payment cycle over accepted claims'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;claims;adjudicate'= {
            cand --x12-dir 'Also write each remittance advice the cycle makes as an 835 into this existing folder (`RA….835`, the same bytes as `remit export RA --x12`), once the cycle is saved'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;claims;help'= {
            cand adjudicate 'Run a payment cycle over accepted claims'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;claims;help;adjudicate'= {
        }
        &'mmis;ops;claims;help;help'= {
        }
        &'mmis;ops;pa'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand decide 'Approve (optionally with fewer units) or deny a PA'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;pa;decide'= {
            cand --units 'Approve fewer units than asked for'
            cand --reason 'Why it is denied (shown to the provider)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --approve 'Approve the request'
            cand --deny 'Deny the request (with --reason)'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;pa;help'= {
            cand decide 'Approve (optionally with fewer units) or deny a PA'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;pa;help;decide'= {
        }
        &'mmis;ops;pa;help;help'= {
        }
        &'mmis;ops;transfer'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List transfer requests'
            cand approve 'Approve: the new administrator becomes site administrator'
            cand reject 'Reject a request'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;transfer;list'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;transfer;approve'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;transfer;reject'= {
            cand --reason 'Why it is rejected (shown to the requester)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;transfer;help'= {
            cand list 'List transfer requests'
            cand approve 'Approve: the new administrator becomes site administrator'
            cand reject 'Reject a request'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;transfer;help;list'= {
        }
        &'mmis;ops;transfer;help;approve'= {
        }
        &'mmis;ops;transfer;help;reject'= {
        }
        &'mmis;ops;transfer;help;help'= {
        }
        &'mmis;ops;user'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand unlock 'Unlock a user (any user, administrators included)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;user;unlock'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;user;help'= {
            cand unlock 'Unlock a user (any user, administrators included)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;user;help;unlock'= {
        }
        &'mmis;ops;user;help;help'= {
        }
        &'mmis;ops;recover-operator'= {
            cand --username 'The operator account''s user name'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --password-stdin 'Read the new password from stdin (first line); otherwise asked twice on a terminal'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;ops;help'= {
            cand provider 'Provider enrollment and PIN letters'
            cand pin-requests 'Open replacement-PIN requests'
            cand member 'Member eligibility data'
            cand fee-schedule 'The fee schedule'
            cand claims 'Claims processing'
            cand pa 'Prior authorization decisions'
            cand transfer 'Site administrator transfer requests'
            cand user 'Portal users'
            cand recover-operator 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;ops;help;provider'= {
            cand enroll 'Enroll a provider and issue its PIN letter'
            cand pin-reissue 'Void the provider''s PIN and issue a new letter'
            cand list 'List enrolled providers'
        }
        &'mmis;ops;help;provider;enroll'= {
        }
        &'mmis;ops;help;provider;pin-reissue'= {
        }
        &'mmis;ops;help;provider;list'= {
        }
        &'mmis;ops;help;pin-requests'= {
        }
        &'mmis;ops;help;member'= {
            cand import 'Import coverage spans from a CSV (all-or-nothing, idempotent)'
        }
        &'mmis;ops;help;member;import'= {
        }
        &'mmis;ops;help;fee-schedule'= {
            cand import 'Import the fee schedule from a CSV (all-or-nothing)'
        }
        &'mmis;ops;help;fee-schedule;import'= {
        }
        &'mmis;ops;help;claims'= {
            cand adjudicate 'Run a payment cycle over accepted claims'
        }
        &'mmis;ops;help;claims;adjudicate'= {
        }
        &'mmis;ops;help;pa'= {
            cand decide 'Approve (optionally with fewer units) or deny a PA'
        }
        &'mmis;ops;help;pa;decide'= {
        }
        &'mmis;ops;help;transfer'= {
            cand list 'List transfer requests'
            cand approve 'Approve: the new administrator becomes site administrator'
            cand reject 'Reject a request'
        }
        &'mmis;ops;help;transfer;list'= {
        }
        &'mmis;ops;help;transfer;approve'= {
        }
        &'mmis;ops;help;transfer;reject'= {
        }
        &'mmis;ops;help;user'= {
            cand unlock 'Unlock a user (any user, administrators included)'
        }
        &'mmis;ops;help;user;unlock'= {
        }
        &'mmis;ops;help;recover-operator'= {
        }
        &'mmis;ops;help;help'= {
        }
        &'mmis;store'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand copy 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head'
            cand backup 'A consistent copy of this SQLite store, taken while others go on writing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;store;copy'= {
            cand --to 'Where to copy to: a new or empty SQLite file, or a postgresql:// URL of an empty database (no password in it: PGPASSWORD or ~/.pgpass supplies it)'
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;store;backup'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;store;help'= {
            cand copy 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head'
            cand backup 'A consistent copy of this SQLite store, taken while others go on writing'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;store;help;copy'= {
        }
        &'mmis;store;help;backup'= {
        }
        &'mmis;store;help;help'= {
        }
        &'mmis;form'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand template 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;form;template'= {
            cand --db 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db'
            cand --provider 'Act for this provider (default: the session''s current provider)'
            cand --format 'Output format: table on a terminal (the default), json, ndjson or csv'
            cand --json 'Short for --format json'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'mmis;form;help'= {
            cand template 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;form;help;template'= {
        }
        &'mmis;form;help;help'= {
        }
        &'mmis;help'= {
            cand init 'Create a new store and its operator (agency) account'
            cand demo 'Build a sandbox store from the embedded fixtures and walk through the main job'
            cand info 'Show the version, the store, its schema, sandbox or live, who is signed in, the config'
            cand completions 'Print shell completions (see --help for how to install them)'
            cand man 'Write man pages'
            cand roles 'List the portal roles and the commands each allows'
            cand login 'Sign in and start a session'
            cand logout 'End the session'
            cand whoami 'Show who is signed in, for which provider, with which roles'
            cand providers 'List the providers you can act for'
            cand account 'Account setup, invitations, passwords, switching providers'
            cand token 'API tokens for scripts (MMIS_TOKEN)'
            cand clerk 'Clerk Maintenance: add, change and remove clerks'
            cand admin 'Site administrator transfer requests'
            cand elig 'Eligibility and CCO enrollment'
            cand claim 'Fee-for-service claims'
            cand pa 'Prior authorizations and plans of care'
            cand remit 'Remittance advices (835): read the payment cycles'' and post a payer''s onto your claims'
            cand audit 'The audit log'
            cand ops 'The agency side (operator only)'
            cand store 'Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)'
            cand form 'Examples of the `--form` files'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'mmis;help;init'= {
        }
        &'mmis;help;demo'= {
        }
        &'mmis;help;info'= {
        }
        &'mmis;help;completions'= {
        }
        &'mmis;help;man'= {
        }
        &'mmis;help;roles'= {
        }
        &'mmis;help;login'= {
        }
        &'mmis;help;logout'= {
        }
        &'mmis;help;whoami'= {
        }
        &'mmis;help;providers'= {
        }
        &'mmis;help;account'= {
            cand setup 'Set the account up from a PIN letter; you become the site administrator'
            cand pin-request 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)'
            cand accept-invite 'Accept a clerk invitation: set your own password and secret questions'
            cand link 'Link another provider''s account to yours with its PIN letter (Link Account)'
            cand switch-provider 'Switch the provider you act for (Switch Provider)'
            cand password 'Change or reset your password'
        }
        &'mmis;help;account;setup'= {
        }
        &'mmis;help;account;pin-request'= {
        }
        &'mmis;help;account;accept-invite'= {
        }
        &'mmis;help;account;link'= {
        }
        &'mmis;help;account;switch-provider'= {
        }
        &'mmis;help;account;password'= {
            cand change 'Change your password (current_password, new_password, confirm_new_password)'
            cand reset 'Reset a forgotten password by answering the secret questions (also lifts a lockout)'
        }
        &'mmis;help;account;password;change'= {
        }
        &'mmis;help;account;password;reset'= {
        }
        &'mmis;help;token'= {
            cand create 'Make an API token (shown once) limited to some of your roles on the current provider'
            cand list 'List your live API tokens for the current provider'
            cand revoke 'Revoke an API token by name'
        }
        &'mmis;help;token;create'= {
        }
        &'mmis;help;token;list'= {
        }
        &'mmis;help;token;revoke'= {
        }
        &'mmis;help;clerk'= {
            cand add 'Add a clerk: a new user (invitation code) or an existing one (--existing)'
            cand remove 'Remove a clerk''s access to the current provider (asks first on a terminal)'
            cand roles 'Show or change a clerk''s roles'
            cand list 'The access review: every clerk with roles, status and last login'
            cand search 'Find existing portal users by user name, first or last name'
            cand unlock 'Unlock a clerk locked out by failed sign-ins'
        }
        &'mmis;help;clerk;add'= {
        }
        &'mmis;help;clerk;remove'= {
        }
        &'mmis;help;clerk;roles'= {
        }
        &'mmis;help;clerk;list'= {
        }
        &'mmis;help;clerk;search'= {
        }
        &'mmis;help;clerk;unlock'= {
        }
        &'mmis;help;admin'= {
            cand transfer-request 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)'
            cand transfer-status 'Show a transfer request''s status'
        }
        &'mmis;help;admin;transfer-request'= {
        }
        &'mmis;help;admin;transfer-status'= {
        }
        &'mmis;help;elig'= {
            cand check 'Check one member by Oregon Health ID, or by last name + first name + date of birth'
            cand batch 'Check a roster CSV (or answer an X12 270 with a 271)'
        }
        &'mmis;help;elig;check'= {
        }
        &'mmis;help;elig;batch'= {
        }
        &'mmis;help;claim'= {
            cand submit 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)'
            cand status 'A claim''s status, lines and history'
            cand list 'List claims'
            cand export 'Write a claim as an X12 837P'
            cand void 'Void a paid claim or withdraw an accepted one'
            cand replace 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)'
        }
        &'mmis;help;claim;submit'= {
        }
        &'mmis;help;claim;status'= {
        }
        &'mmis;help;claim;list'= {
        }
        &'mmis;help;claim;export'= {
        }
        &'mmis;help;claim;void'= {
        }
        &'mmis;help;claim;replace'= {
        }
        &'mmis;help;pa'= {
            cand submit 'Submit a prior authorization or plan of care request'
            cand inquire 'A PA''s status, approved and used units'
            cand list 'List PAs'
            cand cancel 'Cancel a pending or approved PA the provider no longer needs (278 C)'
        }
        &'mmis;help;pa;submit'= {
        }
        &'mmis;help;pa;inquire'= {
        }
        &'mmis;help;pa;list'= {
        }
        &'mmis;help;pa;cancel'= {
        }
        &'mmis;help;remit'= {
            cand list 'Your provider''s remittance advices, newest first'
            cand show 'A remittance advice as a person reads it: claims, amounts, adjustment reasons'
            cand export 'Write a remittance advice as an X12 835'
            cand post 'Post an 835 remittance onto this provider''s claims (matched by ICN and patient control number)'
        }
        &'mmis;help;remit;list'= {
        }
        &'mmis;help;remit;show'= {
        }
        &'mmis;help;remit;export'= {
        }
        &'mmis;help;remit;post'= {
        }
        &'mmis;help;audit'= {
            cand log 'Show audit entries (operator: all; site administrator: their providers'')'
            cand verify 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)'
            cand anchor 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store'
        }
        &'mmis;help;audit;log'= {
        }
        &'mmis;help;audit;verify'= {
        }
        &'mmis;help;audit;anchor'= {
        }
        &'mmis;help;ops'= {
            cand provider 'Provider enrollment and PIN letters'
            cand pin-requests 'Open replacement-PIN requests'
            cand member 'Member eligibility data'
            cand fee-schedule 'The fee schedule'
            cand claims 'Claims processing'
            cand pa 'Prior authorization decisions'
            cand transfer 'Site administrator transfer requests'
            cand user 'Portal users'
            cand recover-operator 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)'
        }
        &'mmis;help;ops;provider'= {
            cand enroll 'Enroll a provider and issue its PIN letter'
            cand pin-reissue 'Void the provider''s PIN and issue a new letter'
            cand list 'List enrolled providers'
        }
        &'mmis;help;ops;provider;enroll'= {
        }
        &'mmis;help;ops;provider;pin-reissue'= {
        }
        &'mmis;help;ops;provider;list'= {
        }
        &'mmis;help;ops;pin-requests'= {
        }
        &'mmis;help;ops;member'= {
            cand import 'Import coverage spans from a CSV (all-or-nothing, idempotent)'
        }
        &'mmis;help;ops;member;import'= {
        }
        &'mmis;help;ops;fee-schedule'= {
            cand import 'Import the fee schedule from a CSV (all-or-nothing)'
        }
        &'mmis;help;ops;fee-schedule;import'= {
        }
        &'mmis;help;ops;claims'= {
            cand adjudicate 'Run a payment cycle over accepted claims'
        }
        &'mmis;help;ops;claims;adjudicate'= {
        }
        &'mmis;help;ops;pa'= {
            cand decide 'Approve (optionally with fewer units) or deny a PA'
        }
        &'mmis;help;ops;pa;decide'= {
        }
        &'mmis;help;ops;transfer'= {
            cand list 'List transfer requests'
            cand approve 'Approve: the new administrator becomes site administrator'
            cand reject 'Reject a request'
        }
        &'mmis;help;ops;transfer;list'= {
        }
        &'mmis;help;ops;transfer;approve'= {
        }
        &'mmis;help;ops;transfer;reject'= {
        }
        &'mmis;help;ops;user'= {
            cand unlock 'Unlock a user (any user, administrators included)'
        }
        &'mmis;help;ops;user;unlock'= {
        }
        &'mmis;help;ops;recover-operator'= {
        }
        &'mmis;help;store'= {
            cand copy 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head'
            cand backup 'A consistent copy of this SQLite store, taken while others go on writing'
        }
        &'mmis;help;store;copy'= {
        }
        &'mmis;help;store;backup'= {
        }
        &'mmis;help;form'= {
            cand template 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`'
        }
        &'mmis;help;form;template'= {
        }
        &'mmis;help;help'= {
        }
    ]
    $completions[$command]
}
