# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_mmis_global_optspecs
    string join \n db= provider= format= json h/help V/version
end

function __fish_mmis_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_mmis_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_mmis_using_subcommand
    set -l cmd (__fish_mmis_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c mmis -n "__fish_mmis_needs_command" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_needs_command" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_needs_command" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_needs_command" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mmis -n "__fish_mmis_needs_command" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "init" -d 'Create a new store and its operator (agency) account'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "demo" -d 'Build a sandbox store from the embedded fixtures and walk through the main job'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "info" -d 'Show the version, the store, its schema, sandbox or live, who is signed in, the config'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "completions" -d 'Print shell completions (see --help for how to install them)'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "man" -d 'Write man pages'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "roles" -d 'List the portal roles and the commands each allows'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "login" -d 'Sign in and start a session'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "logout" -d 'End the session'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "whoami" -d 'Show who is signed in, for which provider, with which roles'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "providers" -d 'List the providers you can act for'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "account" -d 'Account setup, invitations, passwords, switching providers'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "token" -d 'API tokens for scripts (MMIS_TOKEN)'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "clerk" -d 'Clerk Maintenance: add, change and remove clerks'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "admin" -d 'Site administrator transfer requests'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "elig" -d 'Eligibility and CCO enrollment'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "claim" -d 'Fee-for-service claims'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "pa" -d 'Prior authorizations and plans of care'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "remit" -d 'Remittance advices (835): read the payment cycles\' and post a payer\'s onto your claims'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "audit" -d 'The audit log'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "ops" -d 'The agency side (operator only)'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "store" -d 'Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "form" -d 'Examples of the `--form` files'
complete -c mmis -n "__fish_mmis_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand init" -l username -d 'The operator\'s user name' -r
complete -c mmis -n "__fish_mmis_using_subcommand init" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand init" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand init" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand init" -l password-stdin -d 'Read the operator\'s password from stdin (first line)'
complete -c mmis -n "__fish_mmis_using_subcommand init" -l sandbox -d 'Make a sandbox store, where MMIS_TODAY may pin the business date (a store made while MMIS_TODAY is set is a sandbox too); without it the store is live and refuses MMIS_TODAY'
complete -c mmis -n "__fish_mmis_using_subcommand init" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand init" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand init" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand demo" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand demo" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand demo" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand demo" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand demo" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand demo" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand info" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand info" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand info" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand info" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand info" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand info" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand completions" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand completions" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand completions" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand completions" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mmis -n "__fish_mmis_using_subcommand completions" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand man" -l out -d 'Folder to write the pages into' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand man" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand man" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand man" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand man" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand man" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand man" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand roles" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand roles" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand roles" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand roles" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand roles" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand roles" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand login" -l username -d 'Your user name (asked for when missing on a terminal)' -r
complete -c mmis -n "__fish_mmis_using_subcommand login" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand login" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand login" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand login" -l password-stdin -d 'Read the password from stdin (first line) instead of a prompt'
complete -c mmis -n "__fish_mmis_using_subcommand login" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand login" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand login" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand logout" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand logout" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand logout" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand logout" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand logout" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand logout" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand whoami" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand whoami" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand whoami" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand whoami" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand whoami" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand providers" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand providers" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand providers" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand providers" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand providers" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand providers" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "setup" -d 'Set the account up from a PIN letter; you become the site administrator'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "pin-request" -d 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "accept-invite" -d 'Accept a clerk invitation: set your own password and secret questions'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "link" -d 'Link another provider\'s account to yours with its PIN letter (Link Account)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "switch-provider" -d 'Switch the provider you act for (Switch Provider)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "password" -d 'Change or reset your password'
complete -c mmis -n "__fish_mmis_using_subcommand account; and not __fish_seen_subcommand_from setup pin-request accept-invite link switch-provider password help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l login-id -d 'Login ID from the PIN letter: the 6- or 9-digit Oregon Medicaid provider ID' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l pin -d 'Personal Identification Number from the PIN letter (case-sensitive, single use); better from MMIS_PIN, or left out to be asked (hidden) on a terminal' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l form -d 'TOML form with the setup fields (`-` for stdin); missing fields are asked on a terminal' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from setup" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l name -d 'The provider\'s name as on file' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l npi -d 'The provider\'s NPI' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l mail-to -d 'The mail-to address on file' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from pin-request" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -l code -d 'The one-time invitation code; better from MMIS_INVITE_CODE, or left out to be asked (hidden) on a terminal' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -l form -d 'TOML form: password, confirm_password, secret questions and answers, agree' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from accept-invite" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -l login-id -d 'The other provider\'s Login ID (provider ID)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -l pin -d 'The other provider\'s PIN' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from link" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from switch-provider" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from switch-provider" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from switch-provider" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from switch-provider" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from switch-provider" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from switch-provider" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -f -a "change" -d 'Change your password (current_password, new_password, confirm_new_password)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -f -a "reset" -d 'Reset a forgotten password by answering the secret questions (also lifts a lockout)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from password" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "setup" -d 'Set the account up from a PIN letter; you become the site administrator'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "pin-request" -d 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "accept-invite" -d 'Accept a clerk invitation: set your own password and secret questions'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "link" -d 'Link another provider\'s account to yours with its PIN letter (Link Account)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "switch-provider" -d 'Switch the provider you act for (Switch Provider)'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "password" -d 'Change or reset your password'
complete -c mmis -n "__fish_mmis_using_subcommand account; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Make an API token (shown once) limited to some of your roles on the current provider'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List your live API tokens for the current provider'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke an API token by name'
complete -c mmis -n "__fish_mmis_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l name -d 'A name for the token (unique among your live tokens)' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l roles -d 'Roles, comma-separated (default: all of yours); the token can do only what these allow' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l expires-in -d 'Lifetime, e.g. 90d, 12h (default from config token.default_expiry, 90d)' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l admin -d 'Also give the token the site administrator\'s own commands (audit log, audit verify); only the site administrator can make such a token'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from list" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from list" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from list" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from list" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from revoke" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from revoke" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from revoke" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from revoke" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Make an API token (shown once) limited to some of your roles on the current provider'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List your live API tokens for the current provider'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke an API token by name'
complete -c mmis -n "__fish_mmis_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "add" -d 'Add a clerk: a new user (invitation code) or an existing one (--existing)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "remove" -d 'Remove a clerk\'s access to the current provider (asks first on a terminal)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "roles" -d 'Show or change a clerk\'s roles'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "list" -d 'The access review: every clerk with roles, status and last login'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "search" -d 'Find existing portal users by user name, first or last name'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "unlock" -d 'Unlock a clerk locked out by failed sign-ins'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and not __fish_seen_subcommand_from add remove roles list search unlock help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l form -d 'TOML form: user_name, contact_first_name, contact_last_name, phone_number, email, roles' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l existing -d 'Add an existing portal user instead of creating one' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l roles -d 'Roles for an existing user, comma-separated' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l yes -d 'Confirm granting Clerk Maintenance'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -l yes -d 'Do not ask for confirmation (off a terminal nothing is asked; the removal proceeds)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from remove" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l grant -d 'Add a role (repeatable)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l revoke -d 'Take a role away (repeatable)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l set -d 'Replace the roles with exactly these, comma-separated' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l yes -d 'Confirm granting Clerk Maintenance'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from roles" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from list" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from list" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from list" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from list" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l username -d 'User name, or the start of one' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l first -d 'First name, or the start of one' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l last -d 'Last name, or the start of one' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from search" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from unlock" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from unlock" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from unlock" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from unlock" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from unlock" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from unlock" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a clerk: a new user (invitation code) or an existing one (--existing)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a clerk\'s access to the current provider (asks first on a terminal)'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "roles" -d 'Show or change a clerk\'s roles'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "list" -d 'The access review: every clerk with roles, status and last login'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "search" -d 'Find existing portal users by user name, first or last name'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "unlock" -d 'Unlock a clerk locked out by failed sign-ins'
complete -c mmis -n "__fish_mmis_using_subcommand clerk; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -f -a "transfer-request" -d 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -f -a "transfer-status" -d 'Show a transfer request\'s status'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and not __fish_seen_subcommand_from transfer-request transfer-status help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -l form -d 'TOML form with the request\'s fields (`-` for stdin); missing fields are asked on a terminal' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -l out -d 'Also write the email to send to the provider-access team to this file' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-request" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-status" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-status" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-status" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-status" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-status" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from transfer-status" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "transfer-request" -d 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "transfer-status" -d 'Show a transfer request\'s status'
complete -c mmis -n "__fish_mmis_using_subcommand admin; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -f -a "check" -d 'Check one member by Oregon Health ID, or by last name + first name + date of birth'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -f -a "batch" -d 'Check a roster CSV (or answer an X12 270 with a 271)'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and not __fish_seen_subcommand_from check batch help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l id -d 'Oregon Health ID (8 letters and digits)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l last -d 'Last name (with --first and --dob)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l first -d 'First name (with --last and --dob)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l dob -d 'Date of birth, YYYY-MM-DD' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l date -d 'The date of service to check (default: today)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l from -d 'First date of a range to check, YYYY-MM-DD (with --to)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l to -d 'Last date of a range to check, YYYY-MM-DD (with --from)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l x12-270 -d 'Print the X12 270 a client would send for this inquiry instead of answering it'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -l x12 -d 'An X12 270 file to answer with a 271' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -l out -d 'Write the 271 here instead of stdout' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from batch" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check one member by Oregon Health ID, or by last name + first name + date of birth'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from help" -f -a "batch" -d 'Check a roster CSV (or answer an X12 270 with a 271)'
complete -c mmis -n "__fish_mmis_using_subcommand elig; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "submit" -d 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "status" -d 'A claim\'s status, lines and history'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "list" -d 'List claims'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "export" -d 'Write a claim as an X12 837P'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "void" -d 'Void a paid claim or withdraw an accepted one'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "replace" -d 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and not __fish_seen_subcommand_from submit status list export void replace help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l form -d 'TOML claim form (`-` for stdin); missing fields are asked on a terminal' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l x12 -d 'An X12 837P file of claims (needs the Trade Files role)' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l ack -d 'Where to write the acknowledgment for --x12: a 999, or a TA1 when the interchange itself is rejected' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l claim-ack -d 'Where to write a 277CA claim acknowledgment for --x12: each claim accepted (with its ICN) or rejected (with a status code for the reason)' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from submit" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l member -d 'Only this member\'s claims (Oregon Health ID)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l from -d 'Only dates of service on or after this date (YYYY-MM-DD)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l to -d 'Only dates of service on or before this date (YYYY-MM-DD)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l status -d 'Only claims in this status: accepted, paid, denied or voided' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l x12 -d 'Answer an X12 276 claim status request with a 277 (on stdout, or --out)' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l out -d 'Write the 277 here instead of stdout' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from status" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l member -d 'Only this member\'s claims (Oregon Health ID)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l status -d 'Only claims in this status: accepted, paid, denied or voided' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l from -d 'Only dates of service on or after this date (YYYY-MM-DD)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l to -d 'Only dates of service on or before this date (YYYY-MM-DD)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -l out -d 'Write the 837P here instead of stdout' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -l x12 -d 'Write X12 837P (the only export format)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from void" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from void" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from void" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from void" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from void" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from void" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -l form -d 'TOML claim form of the corrected claim, as for `claim submit` (`-` for stdin); missing fields are asked on a terminal' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from replace" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "status" -d 'A claim\'s status, lines and history'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "list" -d 'List claims'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a claim as an X12 837P'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "void" -d 'Void a paid claim or withdraw an accepted one'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "replace" -d 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)'
complete -c mmis -n "__fish_mmis_using_subcommand claim; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -f -a "submit" -d 'Submit a prior authorization or plan of care request'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -f -a "inquire" -d 'A PA\'s status, approved and used units'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -f -a "list" -d 'List PAs'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -f -a "cancel" -d 'Cancel a pending or approved PA the provider no longer needs (278 C)'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and not __fish_seen_subcommand_from submit inquire list cancel help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -l form -d 'TOML PA form (`-` for stdin); missing fields are asked on a terminal' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from submit" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from inquire" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from inquire" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from inquire" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from inquire" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from inquire" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from inquire" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -l member -d 'Only this member\'s PAs (Oregon Health ID)' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -l status -d 'Only PAs in this status: pending, approved, denied or cancelled' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from cancel" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from cancel" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from cancel" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from cancel" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from cancel" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from help" -f -a "submit" -d 'Submit a prior authorization or plan of care request'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from help" -f -a "inquire" -d 'A PA\'s status, approved and used units'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from help" -f -a "list" -d 'List PAs'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Cancel a pending or approved PA the provider no longer needs (278 C)'
complete -c mmis -n "__fish_mmis_using_subcommand pa; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -f -a "list" -d 'Your provider\'s remittance advices, newest first'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -f -a "show" -d 'A remittance advice as a person reads it: claims, amounts, adjustment reasons'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -f -a "export" -d 'Write a remittance advice as an X12 835'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -f -a "post" -d 'Post an 835 remittance onto this provider\'s claims (matched by ICN and patient control number)'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and not __fish_seen_subcommand_from list show export post help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from list" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from list" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from list" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from list" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from show" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from show" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from show" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from show" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -l out -d 'Write the 835 here instead of stdout' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -l x12 -d 'Write X12 835 (the only export format)'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from export" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from post" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from post" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from post" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from post" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from post" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from post" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from help" -f -a "list" -d 'Your provider\'s remittance advices, newest first'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from help" -f -a "show" -d 'A remittance advice as a person reads it: claims, amounts, adjustment reasons'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from help" -f -a "export" -d 'Write a remittance advice as an X12 835'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from help" -f -a "post" -d 'Post an 835 remittance onto this provider\'s claims (matched by ICN and patient control number)'
complete -c mmis -n "__fish_mmis_using_subcommand remit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -f -a "log" -d 'Show audit entries (operator: all; site administrator: their providers\')'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -f -a "verify" -d 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -f -a "anchor" -d 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and not __fish_seen_subcommand_from log verify anchor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l user -d 'Only this acting user' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l action -d 'Only this action (e.g. login, "clerk add")' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l since -d 'Only entries at or after this date (YYYY-MM-DD) or RFC 3339 time' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l limit -d 'At most this many (the newest)' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from log" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -l anchor -d 'Also check that the log still holds this checkpoint from `mmis audit anchor` (exit 7 when it was cut, rewritten or wiped); `-` reads it from stdin' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l out -d 'Where to write the checkpoint (created 0600; never through a symlink, FIFO or device; `-` prints it). Keep it outside the store: print it, email it, commit it elsewhere' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from anchor" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "log" -d 'Show audit entries (operator: all; site administrator: their providers\')'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "anchor" -d 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store'
complete -c mmis -n "__fish_mmis_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "provider" -d 'Provider enrollment and PIN letters'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "pin-requests" -d 'Open replacement-PIN requests'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "member" -d 'Member eligibility data'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "fee-schedule" -d 'The fee schedule'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "claims" -d 'Claims processing'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "pa" -d 'Prior authorization decisions'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "transfer" -d 'Site administrator transfer requests'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "user" -d 'Portal users'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "recover-operator" -d 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and not __fish_seen_subcommand_from provider pin-requests member fee-schedule claims pa transfer user recover-operator help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -f -a "enroll" -d 'Enroll a provider and issue its PIN letter'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -f -a "pin-reissue" -d 'Void the provider\'s PIN and issue a new letter'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -f -a "list" -d 'List enrolled providers'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from provider" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pin-requests" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pin-requests" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pin-requests" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pin-requests" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pin-requests" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pin-requests" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -f -a "import" -d 'Import coverage spans from a CSV (all-or-nothing, idempotent)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from member" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -f -a "import" -d 'Import the fee schedule from a CSV (all-or-nothing)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from fee-schedule" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -f -a "adjudicate" -d 'Run a payment cycle over accepted claims'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from claims" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -f -a "decide" -d 'Approve (optionally with fewer units) or deny a PA'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from pa" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -f -a "list" -d 'List transfer requests'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -f -a "approve" -d 'Approve: the new administrator becomes site administrator'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -f -a "reject" -d 'Reject a request'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from transfer" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -f -a "unlock" -d 'Unlock a user (any user, administrators included)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from user" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -l username -d 'The operator account\'s user name' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -l password-stdin -d 'Read the new password from stdin (first line); otherwise asked twice on a terminal'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from recover-operator" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "provider" -d 'Provider enrollment and PIN letters'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "pin-requests" -d 'Open replacement-PIN requests'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "member" -d 'Member eligibility data'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "fee-schedule" -d 'The fee schedule'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "claims" -d 'Claims processing'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "pa" -d 'Prior authorization decisions'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "transfer" -d 'Site administrator transfer requests'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "user" -d 'Portal users'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "recover-operator" -d 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)'
complete -c mmis -n "__fish_mmis_using_subcommand ops; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -f -a "copy" -d 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head'
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -f -a "backup" -d 'A consistent copy of this SQLite store, taken while others go on writing'
complete -c mmis -n "__fish_mmis_using_subcommand store; and not __fish_seen_subcommand_from copy backup help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -l to -d 'Where to copy to: a new or empty SQLite file, or a postgresql:// URL of an empty database (no password in it: PGPASSWORD or ~/.pgpass supplies it)' -r
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from copy" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from backup" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from backup" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from backup" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from backup" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "copy" -d 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "backup" -d 'A consistent copy of this SQLite store, taken while others go on writing'
complete -c mmis -n "__fish_mmis_using_subcommand store; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -s h -l help -d 'Print help'
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -f -a "template" -d 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`'
complete -c mmis -n "__fish_mmis_using_subcommand form; and not __fish_seen_subcommand_from template help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from template" -l db -d 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db' -r -F
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from template" -l provider -d 'Act for this provider (default: the session\'s current provider)' -r
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from template" -l format -d 'Output format: table on a terminal (the default), json, ndjson or csv' -r -f -a "table\t''
json\t''
csv\t''
ndjson\t''"
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from template" -l json -d 'Short for --format json'
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from template" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from template" -s V -l version -d 'Print version'
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "template" -d 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`'
complete -c mmis -n "__fish_mmis_using_subcommand form; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "init" -d 'Create a new store and its operator (agency) account'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "demo" -d 'Build a sandbox store from the embedded fixtures and walk through the main job'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "info" -d 'Show the version, the store, its schema, sandbox or live, who is signed in, the config'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "completions" -d 'Print shell completions (see --help for how to install them)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "man" -d 'Write man pages'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "roles" -d 'List the portal roles and the commands each allows'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "login" -d 'Sign in and start a session'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "logout" -d 'End the session'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "whoami" -d 'Show who is signed in, for which provider, with which roles'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "providers" -d 'List the providers you can act for'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "account" -d 'Account setup, invitations, passwords, switching providers'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "token" -d 'API tokens for scripts (MMIS_TOKEN)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "clerk" -d 'Clerk Maintenance: add, change and remove clerks'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "admin" -d 'Site administrator transfer requests'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "elig" -d 'Eligibility and CCO enrollment'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "claim" -d 'Fee-for-service claims'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "pa" -d 'Prior authorizations and plans of care'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "remit" -d 'Remittance advices (835): read the payment cycles\' and post a payer\'s onto your claims'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "audit" -d 'The audit log'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "ops" -d 'The agency side (operator only)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "store" -d 'Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "form" -d 'Examples of the `--form` files'
complete -c mmis -n "__fish_mmis_using_subcommand help; and not __fish_seen_subcommand_from init demo info completions man roles login logout whoami providers account token clerk admin elig claim pa remit audit ops store form help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "setup" -d 'Set the account up from a PIN letter; you become the site administrator'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "pin-request" -d 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "accept-invite" -d 'Accept a clerk invitation: set your own password and secret questions'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "link" -d 'Link another provider\'s account to yours with its PIN letter (Link Account)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "switch-provider" -d 'Switch the provider you act for (Switch Provider)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from account" -f -a "password" -d 'Change or reset your password'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Make an API token (shown once) limited to some of your roles on the current provider'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List your live API tokens for the current provider'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke an API token by name'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from clerk" -f -a "add" -d 'Add a clerk: a new user (invitation code) or an existing one (--existing)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from clerk" -f -a "remove" -d 'Remove a clerk\'s access to the current provider (asks first on a terminal)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from clerk" -f -a "roles" -d 'Show or change a clerk\'s roles'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from clerk" -f -a "list" -d 'The access review: every clerk with roles, status and last login'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from clerk" -f -a "search" -d 'Find existing portal users by user name, first or last name'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from clerk" -f -a "unlock" -d 'Unlock a clerk locked out by failed sign-ins'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "transfer-request" -d 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from admin" -f -a "transfer-status" -d 'Show a transfer request\'s status'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from elig" -f -a "check" -d 'Check one member by Oregon Health ID, or by last name + first name + date of birth'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from elig" -f -a "batch" -d 'Check a roster CSV (or answer an X12 270 with a 271)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "submit" -d 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "status" -d 'A claim\'s status, lines and history'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "list" -d 'List claims'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "export" -d 'Write a claim as an X12 837P'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "void" -d 'Void a paid claim or withdraw an accepted one'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from claim" -f -a "replace" -d 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from pa" -f -a "submit" -d 'Submit a prior authorization or plan of care request'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from pa" -f -a "inquire" -d 'A PA\'s status, approved and used units'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from pa" -f -a "list" -d 'List PAs'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from pa" -f -a "cancel" -d 'Cancel a pending or approved PA the provider no longer needs (278 C)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from remit" -f -a "list" -d 'Your provider\'s remittance advices, newest first'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from remit" -f -a "show" -d 'A remittance advice as a person reads it: claims, amounts, adjustment reasons'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from remit" -f -a "export" -d 'Write a remittance advice as an X12 835'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from remit" -f -a "post" -d 'Post an 835 remittance onto this provider\'s claims (matched by ICN and patient control number)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "log" -d 'Show audit entries (operator: all; site administrator: their providers\')'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "anchor" -d 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "provider" -d 'Provider enrollment and PIN letters'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "pin-requests" -d 'Open replacement-PIN requests'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "member" -d 'Member eligibility data'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "fee-schedule" -d 'The fee schedule'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "claims" -d 'Claims processing'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "pa" -d 'Prior authorization decisions'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "transfer" -d 'Site administrator transfer requests'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "user" -d 'Portal users'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from ops" -f -a "recover-operator" -d 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "copy" -d 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from store" -f -a "backup" -d 'A consistent copy of this SQLite store, taken while others go on writing'
complete -c mmis -n "__fish_mmis_using_subcommand help; and __fish_seen_subcommand_from form" -f -a "template" -d 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`'
