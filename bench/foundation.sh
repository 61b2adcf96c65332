#!/usr/bin/env bash
# Foundation benchmark: median wall time of `whoami --json` with an API token and with a
# session, and of one `login` (argon2id). Builds its own store; writes docs/BENCHMARKS.md's
# "Foundation" section. Usage: bench/foundation.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs="${1:-40}"
cargo build --release --locked --quiet
bin="$PWD/target/release/mmis"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MMIS_DB="$work/bench.db" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" MMIS_TODAY=2026-03-16
pw='Bench-Operator-99'
echo "$pw" | "$bin" init --username ops --password-stdin >/dev/null
echo "$pw" | "$bin" login --username ops --password-stdin >/dev/null
pin=$("$bin" ops provider enroll --npi 1467589325 --name "Bench Clinic" --type group --provider-id 506675928 --json \
      | python3 -c 'import json,sys; print(json.load(sys.stdin)["pin"])')
"$bin" account setup --login-id 506675928 --pin "$pin" --form fixtures/forms/account-setup.toml >/dev/null
echo 'Willamette-Blue-42' | "$bin" login --username JAMJON --password-stdin >/dev/null
token=$("$bin" token create --name bench --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# median of N timings (ms) of a command line given as a function name
median_ms() {
  local fn=$1 i t0 t1
  local -a ts=()
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); "$fn" >/dev/null; t1=$(date +%s%N)
    ts+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}
whoami_token() { MMIS_TOKEN="$token" "$bin" whoami --json; }
whoami_session() { "$bin" whoami --json; }
login_once() { echo 'Willamette-Blue-42' | "$bin" login --username JAMJON --password-stdin --json; }
true_bin() { /bin/true; }

t_token=$(median_ms whoami_token)
t_session=$(median_ms whoami_session)
t_login=$(median_ms login_once)
t_proc=$(median_ms true_bin)
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
machine="$(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"

report=$(cat <<EOT
## Foundation

Measured $(date -u +%Y-%m-%d) on: $machine. Release build, median of $runs runs each,
wall time of the whole process (\`bench/foundation.sh\`).

| command | median |
| --- | --- |
| \`mmis whoami --json\` with \`MMIS_TOKEN\` (SHA-256 lookup) | ${t_token} ms |
| \`mmis whoami --json\` with a session (lookup + idle-time update, one transaction) | ${t_session} ms |
| \`mmis login --password-stdin\` (argon2id m=19 MiB, t=2, p=1, session row, audit entry) | ${t_login} ms |
| \`/bin/true\` (process start floor, for reference) | ${t_proc} ms |

argon2id parameters: OWASP's minimum (m = 19456 KiB, t = 2, p = 1). A sign-in costs one hash;
scripted commands with an API token cost none.
EOT
)
echo "$report"
write_section Foundation "$report"
