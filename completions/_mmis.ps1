
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'mmis' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'mmis'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'mmis' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new store and its operator (agency) account')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a sandbox store from the embedded fixtures and walk through the main job')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show the version, the store, its schema, sandbox or live, who is signed in, the config')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (see --help for how to install them)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'List the portal roles and the commands each allows')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in and start a session')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who is signed in, for which provider, with which roles')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers you can act for')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Account setup, invitations, passwords, switching providers')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'API tokens for scripts (MMIS_TOKEN)')
            [CompletionResult]::new('clerk', 'clerk', [CompletionResultType]::ParameterValue, 'Clerk Maintenance: add, change and remove clerks')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Site administrator transfer requests')
            [CompletionResult]::new('elig', 'elig', [CompletionResultType]::ParameterValue, 'Eligibility and CCO enrollment')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Fee-for-service claims')
            [CompletionResult]::new('pa', 'pa', [CompletionResultType]::ParameterValue, 'Prior authorizations and plans of care')
            [CompletionResult]::new('remit', 'remit', [CompletionResultType]::ParameterValue, 'Remittance advices (835): read the payment cycles'' and post a payer''s onto your claims')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit log')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'The agency side (operator only)')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)')
            [CompletionResult]::new('form', 'form', [CompletionResultType]::ParameterValue, 'Examples of the `--form` files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;init' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The operator''s user name')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the operator''s password from stdin (first line)')
            [CompletionResult]::new('--sandbox', '--sandbox', [CompletionResultType]::ParameterName, 'Make a sandbox store, where MMIS_TODAY may pin the business date (a store made while MMIS_TODAY is set is a sandbox too); without it the store is live and refuses MMIS_TODAY')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;demo' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;info' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Folder to write the pages into')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;roles' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;login' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Your user name (asked for when missing on a terminal)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from stdin (first line) instead of a prompt')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;logout' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;whoami' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;providers' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set the account up from a PIN letter; you become the site administrator')
            [CompletionResult]::new('pin-request', 'pin-request', [CompletionResultType]::ParameterValue, 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)')
            [CompletionResult]::new('accept-invite', 'accept-invite', [CompletionResultType]::ParameterValue, 'Accept a clerk invitation: set your own password and secret questions')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link another provider''s account to yours with its PIN letter (Link Account)')
            [CompletionResult]::new('switch-provider', 'switch-provider', [CompletionResultType]::ParameterValue, 'Switch the provider you act for (Switch Provider)')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Change or reset your password')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;account;setup' {
            [CompletionResult]::new('--login-id', '--login-id', [CompletionResultType]::ParameterName, 'Login ID from the PIN letter: the 6- or 9-digit Oregon Medicaid provider ID')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'Personal Identification Number from the PIN letter (case-sensitive, single use); better from MMIS_PIN, or left out to be asked (hidden) on a terminal')
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML form with the setup fields (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;pin-request' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The provider''s name as on file')
            [CompletionResult]::new('--npi', '--npi', [CompletionResultType]::ParameterName, 'The provider''s NPI')
            [CompletionResult]::new('--mail-to', '--mail-to', [CompletionResultType]::ParameterName, 'The mail-to address on file')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;accept-invite' {
            [CompletionResult]::new('--code', '--code', [CompletionResultType]::ParameterName, 'The one-time invitation code; better from MMIS_INVITE_CODE, or left out to be asked (hidden) on a terminal')
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML form: password, confirm_password, secret questions and answers, agree')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;link' {
            [CompletionResult]::new('--login-id', '--login-id', [CompletionResultType]::ParameterName, 'The other provider''s Login ID (provider ID)')
            [CompletionResult]::new('--pin', '--pin', [CompletionResultType]::ParameterName, 'The other provider''s PIN')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;switch-provider' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;password' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change your password (current_password, new_password, confirm_new_password)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset a forgotten password by answering the secret questions (also lifts a lockout)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;account;password;change' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML form: current_password, new_password, confirm_new_password (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;password;reset' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Your user name')
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML form: secret_answer_1, secret_answer_2, new_password, confirm_new_password (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;account;password;help' {
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change your password (current_password, new_password, confirm_new_password)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset a forgotten password by answering the secret questions (also lifts a lockout)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;account;password;help;change' {
            break
        }
        'mmis;account;password;help;reset' {
            break
        }
        'mmis;account;password;help;help' {
            break
        }
        'mmis;account;help' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set the account up from a PIN letter; you become the site administrator')
            [CompletionResult]::new('pin-request', 'pin-request', [CompletionResultType]::ParameterValue, 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)')
            [CompletionResult]::new('accept-invite', 'accept-invite', [CompletionResultType]::ParameterValue, 'Accept a clerk invitation: set your own password and secret questions')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link another provider''s account to yours with its PIN letter (Link Account)')
            [CompletionResult]::new('switch-provider', 'switch-provider', [CompletionResultType]::ParameterValue, 'Switch the provider you act for (Switch Provider)')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Change or reset your password')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;account;help;setup' {
            break
        }
        'mmis;account;help;pin-request' {
            break
        }
        'mmis;account;help;accept-invite' {
            break
        }
        'mmis;account;help;link' {
            break
        }
        'mmis;account;help;switch-provider' {
            break
        }
        'mmis;account;help;password' {
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change your password (current_password, new_password, confirm_new_password)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset a forgotten password by answering the secret questions (also lifts a lockout)')
            break
        }
        'mmis;account;help;password;change' {
            break
        }
        'mmis;account;help;password;reset' {
            break
        }
        'mmis;account;help;help' {
            break
        }
        'mmis;token' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make an API token (shown once) limited to some of your roles on the current provider')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your live API tokens for the current provider')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token by name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;token;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name for the token (unique among your live tokens)')
            [CompletionResult]::new('--roles', '--roles', [CompletionResultType]::ParameterName, 'Roles, comma-separated (default: all of yours); the token can do only what these allow')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'Lifetime, e.g. 90d, 12h (default from config token.default_expiry, 90d)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--admin', '--admin', [CompletionResultType]::ParameterName, 'Also give the token the site administrator''s own commands (audit log, audit verify); only the site administrator can make such a token')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;token;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;token;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make an API token (shown once) limited to some of your roles on the current provider')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your live API tokens for the current provider')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token by name')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;token;help;create' {
            break
        }
        'mmis;token;help;list' {
            break
        }
        'mmis;token;help;revoke' {
            break
        }
        'mmis;token;help;help' {
            break
        }
        'mmis;clerk' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a clerk: a new user (invitation code) or an existing one (--existing)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a clerk''s access to the current provider (asks first on a terminal)')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Show or change a clerk''s roles')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The access review: every clerk with roles, status and last login')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find existing portal users by user name, first or last name')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a clerk locked out by failed sign-ins')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;clerk;add' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML form: user_name, contact_first_name, contact_last_name, phone_number, email, roles')
            [CompletionResult]::new('--existing', '--existing', [CompletionResultType]::ParameterName, 'Add an existing portal user instead of creating one')
            [CompletionResult]::new('--roles', '--roles', [CompletionResultType]::ParameterName, 'Roles for an existing user, comma-separated')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm granting Clerk Maintenance')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;clerk;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (off a terminal nothing is asked; the removal proceeds)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;clerk;roles' {
            [CompletionResult]::new('--grant', '--grant', [CompletionResultType]::ParameterName, 'Add a role (repeatable)')
            [CompletionResult]::new('--revoke', '--revoke', [CompletionResultType]::ParameterName, 'Take a role away (repeatable)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Replace the roles with exactly these, comma-separated')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Confirm granting Clerk Maintenance')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;clerk;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;clerk;search' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'User name, or the start of one')
            [CompletionResult]::new('--first', '--first', [CompletionResultType]::ParameterName, 'First name, or the start of one')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Last name, or the start of one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;clerk;unlock' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;clerk;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a clerk: a new user (invitation code) or an existing one (--existing)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a clerk''s access to the current provider (asks first on a terminal)')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Show or change a clerk''s roles')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The access review: every clerk with roles, status and last login')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find existing portal users by user name, first or last name')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a clerk locked out by failed sign-ins')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;clerk;help;add' {
            break
        }
        'mmis;clerk;help;remove' {
            break
        }
        'mmis;clerk;help;roles' {
            break
        }
        'mmis;clerk;help;list' {
            break
        }
        'mmis;clerk;help;search' {
            break
        }
        'mmis;clerk;help;unlock' {
            break
        }
        'mmis;clerk;help;help' {
            break
        }
        'mmis;admin' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('transfer-request', 'transfer-request', [CompletionResultType]::ParameterValue, 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)')
            [CompletionResult]::new('transfer-status', 'transfer-status', [CompletionResultType]::ParameterValue, 'Show a transfer request''s status')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;admin;transfer-request' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML form with the request''s fields (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Also write the email to send to the provider-access team to this file')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;admin;transfer-status' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;admin;help' {
            [CompletionResult]::new('transfer-request', 'transfer-request', [CompletionResultType]::ParameterValue, 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)')
            [CompletionResult]::new('transfer-status', 'transfer-status', [CompletionResultType]::ParameterValue, 'Show a transfer request''s status')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;admin;help;transfer-request' {
            break
        }
        'mmis;admin;help;transfer-status' {
            break
        }
        'mmis;admin;help;help' {
            break
        }
        'mmis;elig' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check one member by Oregon Health ID, or by last name + first name + date of birth')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Check a roster CSV (or answer an X12 270 with a 271)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;elig;check' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Oregon Health ID (8 letters and digits)')
            [CompletionResult]::new('--last', '--last', [CompletionResultType]::ParameterName, 'Last name (with --first and --dob)')
            [CompletionResult]::new('--first', '--first', [CompletionResultType]::ParameterName, 'First name (with --last and --dob)')
            [CompletionResult]::new('--dob', '--dob', [CompletionResultType]::ParameterName, 'Date of birth, YYYY-MM-DD')
            [CompletionResult]::new('--date', '--date', [CompletionResultType]::ParameterName, 'The date of service to check (default: today)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'First date of a range to check, YYYY-MM-DD (with --to)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Last date of a range to check, YYYY-MM-DD (with --from)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--x12-270', '--x12-270', [CompletionResultType]::ParameterName, 'Print the X12 270 a client would send for this inquiry instead of answering it')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;elig;batch' {
            [CompletionResult]::new('--x12', '--x12', [CompletionResultType]::ParameterName, 'An X12 270 file to answer with a 271')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the 271 here instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;elig;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check one member by Oregon Health ID, or by last name + first name + date of birth')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Check a roster CSV (or answer an X12 270 with a 271)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;elig;help;check' {
            break
        }
        'mmis;elig;help;batch' {
            break
        }
        'mmis;elig;help;help' {
            break
        }
        'mmis;claim' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A claim''s status, lines and history')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a claim as an X12 837P')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void a paid claim or withdraw an accepted one')
            [CompletionResult]::new('replace', 'replace', [CompletionResultType]::ParameterValue, 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;claim;submit' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML claim form (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--x12', '--x12', [CompletionResultType]::ParameterName, 'An X12 837P file of claims (needs the Trade Files role)')
            [CompletionResult]::new('--ack', '--ack', [CompletionResultType]::ParameterName, 'Where to write the acknowledgment for --x12: a 999, or a TA1 when the interchange itself is rejected')
            [CompletionResult]::new('--claim-ack', '--claim-ack', [CompletionResultType]::ParameterName, 'Where to write a 277CA claim acknowledgment for --x12: each claim accepted (with its ICN) or rejected (with a status code for the reason)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;claim;status' {
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'Only this member''s claims (Oregon Health ID)')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Only dates of service on or after this date (YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only dates of service on or before this date (YYYY-MM-DD)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only claims in this status: accepted, paid, denied or voided')
            [CompletionResult]::new('--x12', '--x12', [CompletionResultType]::ParameterName, 'Answer an X12 276 claim status request with a 277 (on stdout, or --out)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the 277 here instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;claim;list' {
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'Only this member''s claims (Oregon Health ID)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only claims in this status: accepted, paid, denied or voided')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Only dates of service on or after this date (YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Only dates of service on or before this date (YYYY-MM-DD)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;claim;export' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the 837P here instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--x12', '--x12', [CompletionResultType]::ParameterName, 'Write X12 837P (the only export format)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;claim;void' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;claim;replace' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML claim form of the corrected claim, as for `claim submit` (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;claim;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A claim''s status, lines and history')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a claim as an X12 837P')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void a paid claim or withdraw an accepted one')
            [CompletionResult]::new('replace', 'replace', [CompletionResultType]::ParameterValue, 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;claim;help;submit' {
            break
        }
        'mmis;claim;help;status' {
            break
        }
        'mmis;claim;help;list' {
            break
        }
        'mmis;claim;help;export' {
            break
        }
        'mmis;claim;help;void' {
            break
        }
        'mmis;claim;help;replace' {
            break
        }
        'mmis;claim;help;help' {
            break
        }
        'mmis;pa' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a prior authorization or plan of care request')
            [CompletionResult]::new('inquire', 'inquire', [CompletionResultType]::ParameterValue, 'A PA''s status, approved and used units')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List PAs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a pending or approved PA the provider no longer needs (278 C)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;pa;submit' {
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'TOML PA form (`-` for stdin); missing fields are asked on a terminal')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;pa;inquire' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;pa;list' {
            [CompletionResult]::new('--member', '--member', [CompletionResultType]::ParameterName, 'Only this member''s PAs (Oregon Health ID)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only PAs in this status: pending, approved, denied or cancelled')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;pa;cancel' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;pa;help' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a prior authorization or plan of care request')
            [CompletionResult]::new('inquire', 'inquire', [CompletionResultType]::ParameterValue, 'A PA''s status, approved and used units')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List PAs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a pending or approved PA the provider no longer needs (278 C)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;pa;help;submit' {
            break
        }
        'mmis;pa;help;inquire' {
            break
        }
        'mmis;pa;help;list' {
            break
        }
        'mmis;pa;help;cancel' {
            break
        }
        'mmis;pa;help;help' {
            break
        }
        'mmis;remit' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Your provider''s remittance advices, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A remittance advice as a person reads it: claims, amounts, adjustment reasons')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a remittance advice as an X12 835')
            [CompletionResult]::new('post', 'post', [CompletionResultType]::ParameterValue, 'Post an 835 remittance onto this provider''s claims (matched by ICN and patient control number)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;remit;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;remit;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;remit;export' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the 835 here instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--x12', '--x12', [CompletionResultType]::ParameterName, 'Write X12 835 (the only export format)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;remit;post' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;remit;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Your provider''s remittance advices, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A remittance advice as a person reads it: claims, amounts, adjustment reasons')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a remittance advice as an X12 835')
            [CompletionResult]::new('post', 'post', [CompletionResultType]::ParameterValue, 'Post an 835 remittance onto this provider''s claims (matched by ICN and patient control number)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;remit;help;list' {
            break
        }
        'mmis;remit;help;show' {
            break
        }
        'mmis;remit;help;export' {
            break
        }
        'mmis;remit;help;post' {
            break
        }
        'mmis;remit;help;help' {
            break
        }
        'mmis;audit' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show audit entries (operator: all; site administrator: their providers'')')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)')
            [CompletionResult]::new('anchor', 'anchor', [CompletionResultType]::ParameterValue, 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;audit;log' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this acting user')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only this action (e.g. login, "clerk add")')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only entries at or after this date (YYYY-MM-DD) or RFC 3339 time')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many (the newest)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;audit;verify' {
            [CompletionResult]::new('--anchor', '--anchor', [CompletionResultType]::ParameterName, 'Also check that the log still holds this checkpoint from `mmis audit anchor` (exit 7 when it was cut, rewritten or wiped); `-` reads it from stdin')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;audit;anchor' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where to write the checkpoint (created 0600; never through a symlink, FIFO or device; `-` prints it). Keep it outside the store: print it, email it, commit it elsewhere')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;audit;help' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show audit entries (operator: all; site administrator: their providers'')')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)')
            [CompletionResult]::new('anchor', 'anchor', [CompletionResultType]::ParameterValue, 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;audit;help;log' {
            break
        }
        'mmis;audit;help;verify' {
            break
        }
        'mmis;audit;help;anchor' {
            break
        }
        'mmis;audit;help;help' {
            break
        }
        'mmis;ops' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Provider enrollment and PIN letters')
            [CompletionResult]::new('pin-requests', 'pin-requests', [CompletionResultType]::ParameterValue, 'Open replacement-PIN requests')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Member eligibility data')
            [CompletionResult]::new('fee-schedule', 'fee-schedule', [CompletionResultType]::ParameterValue, 'The fee schedule')
            [CompletionResult]::new('claims', 'claims', [CompletionResultType]::ParameterValue, 'Claims processing')
            [CompletionResult]::new('pa', 'pa', [CompletionResultType]::ParameterValue, 'Prior authorization decisions')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Site administrator transfer requests')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Portal users')
            [CompletionResult]::new('recover-operator', 'recover-operator', [CompletionResultType]::ParameterValue, 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;provider' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enroll a provider and issue its PIN letter')
            [CompletionResult]::new('pin-reissue', 'pin-reissue', [CompletionResultType]::ParameterValue, 'Void the provider''s PIN and issue a new letter')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List enrolled providers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;provider;enroll' {
            [CompletionResult]::new('--npi', '--npi', [CompletionResultType]::ParameterName, 'NPI (10 digits, Luhn check digit with the 80840 prefix)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Provider or practice name')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'An individual practitioner or a group practice')
            [CompletionResult]::new('--tax-id', '--tax-id', [CompletionResultType]::ParameterName, 'Tax ID, NN-NNNNNNN or NNNNNNNNN')
            [CompletionResult]::new('--mail-to', '--mail-to', [CompletionResultType]::ParameterName, 'Mail-to address (where the PIN letter goes)')
            [CompletionResult]::new('--provider-id', '--provider-id', [CompletionResultType]::ParameterName, 'The Oregon Medicaid provider ID (6 or 9 digits); assigned when not given')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;provider;pin-reissue' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;provider;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;provider;help' {
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enroll a provider and issue its PIN letter')
            [CompletionResult]::new('pin-reissue', 'pin-reissue', [CompletionResultType]::ParameterValue, 'Void the provider''s PIN and issue a new letter')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List enrolled providers')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;provider;help;enroll' {
            break
        }
        'mmis;ops;provider;help;pin-reissue' {
            break
        }
        'mmis;ops;provider;help;list' {
            break
        }
        'mmis;ops;provider;help;help' {
            break
        }
        'mmis;ops;pin-requests' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;member' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import coverage spans from a CSV (all-or-nothing, idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;member;import' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;member;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import coverage spans from a CSV (all-or-nothing, idempotent)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;member;help;import' {
            break
        }
        'mmis;ops;member;help;help' {
            break
        }
        'mmis;ops;fee-schedule' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import the fee schedule from a CSV (all-or-nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;fee-schedule;import' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;fee-schedule;help' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import the fee schedule from a CSV (all-or-nothing)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;fee-schedule;help;import' {
            break
        }
        'mmis;ops;fee-schedule;help;help' {
            break
        }
        'mmis;ops;claims' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('adjudicate', 'adjudicate', [CompletionResultType]::ParameterValue, 'Run a payment cycle over accepted claims')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;claims;adjudicate' {
            [CompletionResult]::new('--x12-dir', '--x12-dir', [CompletionResultType]::ParameterName, 'Also write each remittance advice the cycle makes as an 835 into this existing folder (`RA….835`, the same bytes as `remit export RA --x12`), once the cycle is saved')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;claims;help' {
            [CompletionResult]::new('adjudicate', 'adjudicate', [CompletionResultType]::ParameterValue, 'Run a payment cycle over accepted claims')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;claims;help;adjudicate' {
            break
        }
        'mmis;ops;claims;help;help' {
            break
        }
        'mmis;ops;pa' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('decide', 'decide', [CompletionResultType]::ParameterValue, 'Approve (optionally with fewer units) or deny a PA')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;pa;decide' {
            [CompletionResult]::new('--units', '--units', [CompletionResultType]::ParameterName, 'Approve fewer units than asked for')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it is denied (shown to the provider)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--approve', '--approve', [CompletionResultType]::ParameterName, 'Approve the request')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Deny the request (with --reason)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;pa;help' {
            [CompletionResult]::new('decide', 'decide', [CompletionResultType]::ParameterValue, 'Approve (optionally with fewer units) or deny a PA')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;pa;help;decide' {
            break
        }
        'mmis;ops;pa;help;help' {
            break
        }
        'mmis;ops;transfer' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transfer requests')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve: the new administrator becomes site administrator')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a request')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;transfer;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;transfer;approve' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;transfer;reject' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it is rejected (shown to the requester)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;transfer;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transfer requests')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve: the new administrator becomes site administrator')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a request')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;transfer;help;list' {
            break
        }
        'mmis;ops;transfer;help;approve' {
            break
        }
        'mmis;ops;transfer;help;reject' {
            break
        }
        'mmis;ops;transfer;help;help' {
            break
        }
        'mmis;ops;user' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a user (any user, administrators included)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;user;unlock' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;user;help' {
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a user (any user, administrators included)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;user;help;unlock' {
            break
        }
        'mmis;ops;user;help;help' {
            break
        }
        'mmis;ops;recover-operator' {
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'The operator account''s user name')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the new password from stdin (first line); otherwise asked twice on a terminal')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;ops;help' {
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Provider enrollment and PIN letters')
            [CompletionResult]::new('pin-requests', 'pin-requests', [CompletionResultType]::ParameterValue, 'Open replacement-PIN requests')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Member eligibility data')
            [CompletionResult]::new('fee-schedule', 'fee-schedule', [CompletionResultType]::ParameterValue, 'The fee schedule')
            [CompletionResult]::new('claims', 'claims', [CompletionResultType]::ParameterValue, 'Claims processing')
            [CompletionResult]::new('pa', 'pa', [CompletionResultType]::ParameterValue, 'Prior authorization decisions')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Site administrator transfer requests')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Portal users')
            [CompletionResult]::new('recover-operator', 'recover-operator', [CompletionResultType]::ParameterValue, 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;ops;help;provider' {
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enroll a provider and issue its PIN letter')
            [CompletionResult]::new('pin-reissue', 'pin-reissue', [CompletionResultType]::ParameterValue, 'Void the provider''s PIN and issue a new letter')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List enrolled providers')
            break
        }
        'mmis;ops;help;provider;enroll' {
            break
        }
        'mmis;ops;help;provider;pin-reissue' {
            break
        }
        'mmis;ops;help;provider;list' {
            break
        }
        'mmis;ops;help;pin-requests' {
            break
        }
        'mmis;ops;help;member' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import coverage spans from a CSV (all-or-nothing, idempotent)')
            break
        }
        'mmis;ops;help;member;import' {
            break
        }
        'mmis;ops;help;fee-schedule' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import the fee schedule from a CSV (all-or-nothing)')
            break
        }
        'mmis;ops;help;fee-schedule;import' {
            break
        }
        'mmis;ops;help;claims' {
            [CompletionResult]::new('adjudicate', 'adjudicate', [CompletionResultType]::ParameterValue, 'Run a payment cycle over accepted claims')
            break
        }
        'mmis;ops;help;claims;adjudicate' {
            break
        }
        'mmis;ops;help;pa' {
            [CompletionResult]::new('decide', 'decide', [CompletionResultType]::ParameterValue, 'Approve (optionally with fewer units) or deny a PA')
            break
        }
        'mmis;ops;help;pa;decide' {
            break
        }
        'mmis;ops;help;transfer' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transfer requests')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve: the new administrator becomes site administrator')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a request')
            break
        }
        'mmis;ops;help;transfer;list' {
            break
        }
        'mmis;ops;help;transfer;approve' {
            break
        }
        'mmis;ops;help;transfer;reject' {
            break
        }
        'mmis;ops;help;user' {
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a user (any user, administrators included)')
            break
        }
        'mmis;ops;help;user;unlock' {
            break
        }
        'mmis;ops;help;recover-operator' {
            break
        }
        'mmis;ops;help;help' {
            break
        }
        'mmis;store' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'A consistent copy of this SQLite store, taken while others go on writing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;store;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Where to copy to: a new or empty SQLite file, or a postgresql:// URL of an empty database (no password in it: PGPASSWORD or ~/.pgpass supplies it)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;store;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;store;help' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'A consistent copy of this SQLite store, taken while others go on writing')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;store;help;copy' {
            break
        }
        'mmis;store;help;backup' {
            break
        }
        'mmis;store;help;help' {
            break
        }
        'mmis;form' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;form;template' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The store (a SQLite file); default: $XDG_DATA_HOME/mmis/mmis.db')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Act for this provider (default: the session''s current provider)')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format: table on a terminal (the default), json, ndjson or csv')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Short for --format json')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'mmis;form;help' {
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;form;help;template' {
            break
        }
        'mmis;form;help;help' {
            break
        }
        'mmis;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a new store and its operator (agency) account')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Build a sandbox store from the embedded fixtures and walk through the main job')
            [CompletionResult]::new('info', 'info', [CompletionResultType]::ParameterValue, 'Show the version, the store, its schema, sandbox or live, who is signed in, the config')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (see --help for how to install them)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'List the portal roles and the commands each allows')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign in and start a session')
            [CompletionResult]::new('logout', 'logout', [CompletionResultType]::ParameterValue, 'End the session')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Show who is signed in, for which provider, with which roles')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List the providers you can act for')
            [CompletionResult]::new('account', 'account', [CompletionResultType]::ParameterValue, 'Account setup, invitations, passwords, switching providers')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'API tokens for scripts (MMIS_TOKEN)')
            [CompletionResult]::new('clerk', 'clerk', [CompletionResultType]::ParameterValue, 'Clerk Maintenance: add, change and remove clerks')
            [CompletionResult]::new('admin', 'admin', [CompletionResultType]::ParameterValue, 'Site administrator transfer requests')
            [CompletionResult]::new('elig', 'elig', [CompletionResultType]::ParameterValue, 'Eligibility and CCO enrollment')
            [CompletionResult]::new('claim', 'claim', [CompletionResultType]::ParameterValue, 'Fee-for-service claims')
            [CompletionResult]::new('pa', 'pa', [CompletionResultType]::ParameterValue, 'Prior authorizations and plans of care')
            [CompletionResult]::new('remit', 'remit', [CompletionResultType]::ParameterValue, 'Remittance advices (835): read the payment cycles'' and post a payer''s onto your claims')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit log')
            [CompletionResult]::new('ops', 'ops', [CompletionResultType]::ParameterValue, 'The agency side (operator only)')
            [CompletionResult]::new('store', 'store', [CompletionResultType]::ParameterValue, 'Move the store between SQLite and PostgreSQL, back a SQLite store up (operator only)')
            [CompletionResult]::new('form', 'form', [CompletionResultType]::ParameterValue, 'Examples of the `--form` files')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'mmis;help;init' {
            break
        }
        'mmis;help;demo' {
            break
        }
        'mmis;help;info' {
            break
        }
        'mmis;help;completions' {
            break
        }
        'mmis;help;man' {
            break
        }
        'mmis;help;roles' {
            break
        }
        'mmis;help;login' {
            break
        }
        'mmis;help;logout' {
            break
        }
        'mmis;help;whoami' {
            break
        }
        'mmis;help;providers' {
            break
        }
        'mmis;help;account' {
            [CompletionResult]::new('setup', 'setup', [CompletionResultType]::ParameterValue, 'Set the account up from a PIN letter; you become the site administrator')
            [CompletionResult]::new('pin-request', 'pin-request', [CompletionResultType]::ParameterValue, 'Ask the agency for a replacement PIN letter (name, NPI, mail-to address on file)')
            [CompletionResult]::new('accept-invite', 'accept-invite', [CompletionResultType]::ParameterValue, 'Accept a clerk invitation: set your own password and secret questions')
            [CompletionResult]::new('link', 'link', [CompletionResultType]::ParameterValue, 'Link another provider''s account to yours with its PIN letter (Link Account)')
            [CompletionResult]::new('switch-provider', 'switch-provider', [CompletionResultType]::ParameterValue, 'Switch the provider you act for (Switch Provider)')
            [CompletionResult]::new('password', 'password', [CompletionResultType]::ParameterValue, 'Change or reset your password')
            break
        }
        'mmis;help;account;setup' {
            break
        }
        'mmis;help;account;pin-request' {
            break
        }
        'mmis;help;account;accept-invite' {
            break
        }
        'mmis;help;account;link' {
            break
        }
        'mmis;help;account;switch-provider' {
            break
        }
        'mmis;help;account;password' {
            [CompletionResult]::new('change', 'change', [CompletionResultType]::ParameterValue, 'Change your password (current_password, new_password, confirm_new_password)')
            [CompletionResult]::new('reset', 'reset', [CompletionResultType]::ParameterValue, 'Reset a forgotten password by answering the secret questions (also lifts a lockout)')
            break
        }
        'mmis;help;account;password;change' {
            break
        }
        'mmis;help;account;password;reset' {
            break
        }
        'mmis;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Make an API token (shown once) limited to some of your roles on the current provider')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List your live API tokens for the current provider')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke an API token by name')
            break
        }
        'mmis;help;token;create' {
            break
        }
        'mmis;help;token;list' {
            break
        }
        'mmis;help;token;revoke' {
            break
        }
        'mmis;help;clerk' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a clerk: a new user (invitation code) or an existing one (--existing)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a clerk''s access to the current provider (asks first on a terminal)')
            [CompletionResult]::new('roles', 'roles', [CompletionResultType]::ParameterValue, 'Show or change a clerk''s roles')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'The access review: every clerk with roles, status and last login')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Find existing portal users by user name, first or last name')
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a clerk locked out by failed sign-ins')
            break
        }
        'mmis;help;clerk;add' {
            break
        }
        'mmis;help;clerk;remove' {
            break
        }
        'mmis;help;clerk;roles' {
            break
        }
        'mmis;help;clerk;list' {
            break
        }
        'mmis;help;clerk;search' {
            break
        }
        'mmis;help;clerk;unlock' {
            break
        }
        'mmis;help;admin' {
            [CompletionResult]::new('transfer-request', 'transfer-request', [CompletionResultType]::ParameterValue, 'Ask the agency to move the site administrator role (CFO or Privacy and Security Officer)')
            [CompletionResult]::new('transfer-status', 'transfer-status', [CompletionResultType]::ParameterValue, 'Show a transfer request''s status')
            break
        }
        'mmis;help;admin;transfer-request' {
            break
        }
        'mmis;help;admin;transfer-status' {
            break
        }
        'mmis;help;elig' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check one member by Oregon Health ID, or by last name + first name + date of birth')
            [CompletionResult]::new('batch', 'batch', [CompletionResultType]::ParameterValue, 'Check a roster CSV (or answer an X12 270 with a 271)')
            break
        }
        'mmis;help;elig;check' {
            break
        }
        'mmis;help;elig;batch' {
            break
        }
        'mmis;help;claim' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a fee-for-service claim (--form) or an 837P batch (--x12, Trade Files role)')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'A claim''s status, lines and history')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List claims')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a claim as an X12 837P')
            [CompletionResult]::new('void', 'void', [CompletionResultType]::ParameterValue, 'Void a paid claim or withdraw an accepted one')
            [CompletionResult]::new('replace', 'replace', [CompletionResultType]::ParameterValue, 'Replace a paid claim with a corrected one (the original is reversed in the next cycle)')
            break
        }
        'mmis;help;claim;submit' {
            break
        }
        'mmis;help;claim;status' {
            break
        }
        'mmis;help;claim;list' {
            break
        }
        'mmis;help;claim;export' {
            break
        }
        'mmis;help;claim;void' {
            break
        }
        'mmis;help;claim;replace' {
            break
        }
        'mmis;help;pa' {
            [CompletionResult]::new('submit', 'submit', [CompletionResultType]::ParameterValue, 'Submit a prior authorization or plan of care request')
            [CompletionResult]::new('inquire', 'inquire', [CompletionResultType]::ParameterValue, 'A PA''s status, approved and used units')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List PAs')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a pending or approved PA the provider no longer needs (278 C)')
            break
        }
        'mmis;help;pa;submit' {
            break
        }
        'mmis;help;pa;inquire' {
            break
        }
        'mmis;help;pa;list' {
            break
        }
        'mmis;help;pa;cancel' {
            break
        }
        'mmis;help;remit' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'Your provider''s remittance advices, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'A remittance advice as a person reads it: claims, amounts, adjustment reasons')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write a remittance advice as an X12 835')
            [CompletionResult]::new('post', 'post', [CompletionResultType]::ParameterValue, 'Post an 835 remittance onto this provider''s claims (matched by ICN and patient control number)')
            break
        }
        'mmis;help;remit;list' {
            break
        }
        'mmis;help;remit;show' {
            break
        }
        'mmis;help;remit;export' {
            break
        }
        'mmis;help;remit;post' {
            break
        }
        'mmis;help;audit' {
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show audit entries (operator: all; site administrator: their providers'')')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain: an edited, inserted or deleted entry is named (exit 7)')
            [CompletionResult]::new('anchor', 'anchor', [CompletionResultType]::ParameterValue, 'Write a checkpoint of the chain (entries, head hash, time) to keep outside the store')
            break
        }
        'mmis;help;audit;log' {
            break
        }
        'mmis;help;audit;verify' {
            break
        }
        'mmis;help;audit;anchor' {
            break
        }
        'mmis;help;ops' {
            [CompletionResult]::new('provider', 'provider', [CompletionResultType]::ParameterValue, 'Provider enrollment and PIN letters')
            [CompletionResult]::new('pin-requests', 'pin-requests', [CompletionResultType]::ParameterValue, 'Open replacement-PIN requests')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Member eligibility data')
            [CompletionResult]::new('fee-schedule', 'fee-schedule', [CompletionResultType]::ParameterValue, 'The fee schedule')
            [CompletionResult]::new('claims', 'claims', [CompletionResultType]::ParameterValue, 'Claims processing')
            [CompletionResult]::new('pa', 'pa', [CompletionResultType]::ParameterValue, 'Prior authorization decisions')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Site administrator transfer requests')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Portal users')
            [CompletionResult]::new('recover-operator', 'recover-operator', [CompletionResultType]::ParameterValue, 'Break glass: a new operator password, lock lifted, sessions ended (no session needed; needs write access to the store itself)')
            break
        }
        'mmis;help;ops;provider' {
            [CompletionResult]::new('enroll', 'enroll', [CompletionResultType]::ParameterValue, 'Enroll a provider and issue its PIN letter')
            [CompletionResult]::new('pin-reissue', 'pin-reissue', [CompletionResultType]::ParameterValue, 'Void the provider''s PIN and issue a new letter')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List enrolled providers')
            break
        }
        'mmis;help;ops;provider;enroll' {
            break
        }
        'mmis;help;ops;provider;pin-reissue' {
            break
        }
        'mmis;help;ops;provider;list' {
            break
        }
        'mmis;help;ops;pin-requests' {
            break
        }
        'mmis;help;ops;member' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import coverage spans from a CSV (all-or-nothing, idempotent)')
            break
        }
        'mmis;help;ops;member;import' {
            break
        }
        'mmis;help;ops;fee-schedule' {
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import the fee schedule from a CSV (all-or-nothing)')
            break
        }
        'mmis;help;ops;fee-schedule;import' {
            break
        }
        'mmis;help;ops;claims' {
            [CompletionResult]::new('adjudicate', 'adjudicate', [CompletionResultType]::ParameterValue, 'Run a payment cycle over accepted claims')
            break
        }
        'mmis;help;ops;claims;adjudicate' {
            break
        }
        'mmis;help;ops;pa' {
            [CompletionResult]::new('decide', 'decide', [CompletionResultType]::ParameterValue, 'Approve (optionally with fewer units) or deny a PA')
            break
        }
        'mmis;help;ops;pa;decide' {
            break
        }
        'mmis;help;ops;transfer' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List transfer requests')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve: the new administrator becomes site administrator')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a request')
            break
        }
        'mmis;help;ops;transfer;list' {
            break
        }
        'mmis;help;ops;transfer;approve' {
            break
        }
        'mmis;help;ops;transfer;reject' {
            break
        }
        'mmis;help;ops;user' {
            [CompletionResult]::new('unlock', 'unlock', [CompletionResultType]::ParameterValue, 'Unlock a user (any user, administrators included)')
            break
        }
        'mmis;help;ops;user;unlock' {
            break
        }
        'mmis;help;ops;recover-operator' {
            break
        }
        'mmis;help;store' {
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every table into an empty store (a SQLite file or a PostgreSQL URL), in one transaction; the copy verifies with the same audit chain head')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'A consistent copy of this SQLite store, taken while others go on writing')
            break
        }
        'mmis;help;store;copy' {
            break
        }
        'mmis;help;store;backup' {
            break
        }
        'mmis;help;form' {
            [CompletionResult]::new('template', 'template', [CompletionResultType]::ParameterValue, 'Print a commented example of a form (TOML) to fill in and pass as `--form FILE`')
            break
        }
        'mmis;help;form;template' {
            break
        }
        'mmis;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
