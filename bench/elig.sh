#!/usr/bin/env bash
# Eligibility benchmark. Builds made-up data (bench/elig_gen.py), then measures:
#   - `ops member import` of 1M coverage spans vs `sqlite3 .import` of the same CSV;
#   - `elig batch` of a 100k-row and a 1M-row roster (time, peak RSS);
#   - one `elig check` with an API token vs the sqlite3 shell doing the same indexed
#     lookup and an audit insert in one transaction (the floor for an audited check),
#     at 10k and at 1M members;
#   - `elig batch --x12` of a 10,000-inquiry 270 vs pyx12 validating the same 270.
# Writes docs/BENCHMARKS.md's "Eligibility" section.
# Usage: bench/elig.sh [RUNS]   (env MMIS_X12_VENV: venv with pyx12; default .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
runs="${1:-20}"
cargo build --release --locked --quiet
bin="$PWD/target/release/mmis"
venv="${MMIS_X12_VENV:-$PWD/.venv}"
shared="${MMIS_SHARED_DIR:-$PWD/../shared}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="${ELIG_BENCH_DATA:-$work}"   # reuse generated data from an earlier run
gen="python3 bench/elig_gen.py"
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" MMIS_TODAY=2026-03-16

mkdir -p "$data"
if [ ! -f "$data/q10k.270" ]; then
  echo "generating data in $data ..." >&2
  $gen members 500000 2 "$data/spans1m.csv"      # 1M spans, 500k members, every lane
  $gen members 1000000 1 "$data/members1m.csv"   # 1M members (lookup scale)
  $gen members 10000 1 "$data/members10k.csv"    # 10k members
  $gen roster 100000 500000 "$data/roster100k.csv"
  $gen roster 1000000 500000 "$data/roster1m.csv"
  $gen x270 10000 500000 "$data/q10k.270"
fi

pw='Bench-Operator-99'
# A store with the operator, a provider, its site administrator and an Eligibility token.
new_store() {  # on $MMIS_DB; prints the token
  echo "$pw" | "$bin" init --username ops --password-stdin >/dev/null
  echo "$pw" | "$bin" login --username ops --password-stdin >/dev/null
  local pin
  pin=$("$bin" ops provider enroll --npi 1467589325 --name "Bench Clinic" --type group --provider-id 506675928 --tax-id 93-4455667 --json \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["pin"])')
  XDG_STATE_HOME="$work/state-admin" "$bin" account setup --login-id 506675928 --pin "$pin" --form fixtures/forms/account-setup.toml >/dev/null
  echo 'Willamette-Blue-42' | XDG_STATE_HOME="$work/state-admin" "$bin" login --username JAMJON --password-stdin >/dev/null
  XDG_STATE_HOME="$work/state-admin" "$bin" token create --name bench --roles "Eligibility Inquiry" --json \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}

# wall seconds and peak RSS (MiB) of a command: sets $secs and $mib
measure() {
  local out="$work/time.txt"
  /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null
  secs=$(awk '{print $1}' "$out"); mib=$(awk '{printf "%.1f", $2/1024}' "$out")
}
median_ms() {
  local fn=$1 i t0 t1
  local -a ts=()
  for ((i = 0; i < runs; i++)); do
    t0=$(date +%s%N); "$fn" >/dev/null; t1=$(date +%s%N)
    ts+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'
}

echo "import ..." >&2
export MMIS_DB="$work/a.db"
tokA=$(new_store)
measure "$bin" ops member import "$data/spans1m.csv" --json; t_import=$secs; m_import=$mib
measure sqlite3 -batch "$work/plain.db" ".import --csv $data/spans1m.csv spans"; t_sqlite_import=$secs
r_import=$(python3 -c "print(f'{$t_import/$t_sqlite_import:.2f}')")

echo "batch ..." >&2
export MMIS_TOKEN="$tokA"
measure "$bin" elig batch "$data/roster100k.csv" --format ndjson; t_b100k=$secs; m_b100k=$mib
# The floor: the sqlite3 shell doing the roster's Health ID lookups as one join, the
# way the batch does them (sorted, distinct IDs driving the index), with no output.
cut -d, -f1 "$data/roster100k.csv" | tail -n +2 | grep -v '^$' | sort -u > "$work/ids.txt"
n_ids=$(wc -l < "$work/ids.txt")
sqlite3 -batch "$work/ids.db" "CREATE TABLE r(h TEXT PRIMARY KEY) WITHOUT ROWID;" ".import $work/ids.txt r"
printf '%s\n' "ATTACH '$work/ids.db' AS x;" \
  "SELECT count(*), count(s.kind) FROM x.r CROSS JOIN members m ON m.health_id = r.h LEFT JOIN coverage_spans s ON s.member_id = m.id;" > "$work/join.sql"
measure sh -c "sqlite3 -batch '$MMIS_DB' < '$work/join.sql'"; t_join=$secs
measure "$bin" elig batch "$data/roster1m.csv" --format ndjson; t_b1m=$secs; m_b1m=$mib
measure "$bin" elig batch "$data/roster1m.csv" --format json; t_b1mj=$secs; m_b1mj=$mib

echo "270 -> 271 ..." >&2
measure "$bin" elig batch --x12 "$data/q10k.270" --out "$work/q10k.271"; t_x12=$secs; m_x12=$mib
t_pyx12="n/a"; m_pyx12="n/a"; r_x12="n/a"
if [ -x "$venv/bin/python" ] && [ -f "$shared/x12/pyx12check.py" ]; then
  measure "$venv/bin/python" "$shared/x12/pyx12check.py" -m "$shared/x12/pyx12maps" "$data/q10k.270"; t_pyx12=$secs; m_pyx12=$mib
  r_x12=$(python3 -c "print(f'{$t_pyx12/max($t_x12,0.01):.0f}')")
fi
unset MMIS_TOKEN

echo "single check ..." >&2
export MMIS_DB="$work/k10.db"
tok10k=$(new_store)
"$bin" ops member import "$data/members10k.csv" >/dev/null
export MMIS_DB="$work/m1.db"
tok1m=$(new_store)
measure "$bin" ops member import "$data/members1m.csv" --json; t_import1m=$secs
check_10k() { MMIS_DB="$work/k10.db" MMIS_TOKEN="$tok10k" "$bin" elig check --id M0004321 --json; }
check_1m() { MMIS_DB="$work/m1.db" MMIS_TOKEN="$tok1m" "$bin" elig check --id M0654321 --json; }
floor_sql="PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; BEGIN IMMEDIATE;
SELECT m.id, m.health_id, m.last_name, m.first_name, m.dob, m.sex, s.kind, s.plan, s.plan_type, s.start_date, s.end_date, s.plan_partner
  FROM members m LEFT JOIN coverage_spans s ON s.member_id = m.id WHERE m.health_id = 'M0654321';
INSERT INTO audit_log(at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash)
  VALUES ('2026-03-16T09:00:00Z', 'JAMJON', 'site_admin', '506675928', 'elig check', 'M0654321', 'ok', '2026-03-16: open-card', 'x', 'y');
COMMIT;"
floor_1m() { sqlite3 -batch "$work/m1.db" "$floor_sql"; }
true_bin() { /bin/true; }
t_c10k=$(median_ms check_10k)
t_c1m=$(median_ms check_1m)
t_floor=$(median_ms floor_1m)
t_proc=$(median_ms true_bin)
r_check=$(python3 -c "print(f'{$t_c1m/$t_floor:.2f}')")
r_scale=$(python3 -c "print(f'{$t_c1m/$t_c10k:.2f}')")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
machine="$(nproc) cores (nproc), ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg)"
ok() { python3 -c "import sys; print('met' if $1 else 'MISSED')"; }

report=$(cat <<EOT
## Eligibility

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on: $machine. Release build; single checks are
the median of $runs runs (wall time of the whole process), the rest one run each
(\`/usr/bin/time\`: wall time, peak RSS). Data from \`bench/elig_gen.py\` (made up).
Script: \`bench/elig.sh\`. The machine is shared with other builds, so figures are noisy.

| measurement | result | target | |
| --- | --- | --- | --- |
| \`ops member import\`, 1,000,000 spans / 500,000 members (validate, 1 transaction) | ${t_import} s (peak ${m_import} MiB) | | |
| \`sqlite3 .import\` of the same CSV (one TEXT table, no index, no checks) | ${t_sqlite_import} s | | |
| import ÷ \`sqlite3 .import\` | ${r_import}× | ≤ 1.5× | $(ok "$r_import <= 1.5") |
| \`elig batch\` 100,000 rows, ndjson | ${t_b100k} s, peak ${m_b100k} MiB | < 1 s | $(ok "$t_b100k < 1") |
| sqlite3 shell: the roster's ${n_ids} distinct Health IDs, sorted, as one join (floor: same plan, no output) | ${t_join} s | | |
| \`elig batch\` 1,000,000 rows, ndjson | ${t_b1m} s, peak ${m_b1m} MiB | < 64 MiB | $(ok "$m_b1m < 64") |
| \`elig batch\` 1,000,000 rows, json | ${t_b1mj} s, peak ${m_b1mj} MiB | < 64 MiB | $(ok "$m_b1mj < 64") |
| \`elig check --id\` with \`MMIS_TOKEN\`, 1M members | ${t_c1m} ms | | |
| sqlite3 shell: same lookup + audit insert, 1 transaction, synchronous=FULL (floor) | ${t_floor} ms | | |
| check ÷ floor | ${r_check}× | ≤ 1.5× | $(ok "$r_check <= 1.5") |
| \`elig check\` at 10k members | ${t_c10k} ms | | |
| check at 1M ÷ check at 10k | ${r_scale}× | ≤ 1.2× | $(ok "$r_scale <= 1.2") |
| \`elig batch --x12\`, 270 with 10,000 inquiries (60,011 segments) → 271 | ${t_x12} s, peak ${m_x12} MiB | < 24 MiB | $(ok "$m_x12 < 24") |
| pyx12 validating the same 270 | ${t_pyx12} s, peak ${m_pyx12} MiB | | |
| pyx12 ÷ 270→271 | ${r_x12}× | ≥ 100× | $( [ "$r_x12" = n/a ] && echo n/a || ok "$r_x12 >= 100") |
| import of 1,000,000 members (1 span each) | ${t_import1m} s | | |
| \`/bin/true\` (process start) | ${t_proc} ms | | |

Notes (figures vary between runs on this shared machine by ±20%; read a ratio near its
target line as "about there", not as a verdict):

- **How the batch and the 270 got fast.** Both look members up as lists: the Health IDs
  asked (a chunk of 131,072 roster rows, or all the 270's inquiries), sorted and distinct,
  are bound as one parameter (\`rarray(?)\`) and joined to the members and their spans in
  one statement, so SQLite's cursors move forward through the index and tables instead of
  a statement per row descending from the root. The roster's lookup reads only the Health
  ID index and the spans (the index holds the member's row id); results are merged back
  to the rows through small \`(Health ID, row)\` pairs and written in input order. Answers
  hold numbers for plan names instead of copies; rows are written as JSON field by field.
  The 270's members are kept packed (~150 bytes each) until the 271, streamed in the 270's
  order, needs them. New stores use 16 KiB pages (a sweep reads a quarter as many pages).
  Output is byte-identical to the row-at-a-time code (checked on the 100k roster in
  ndjson and json, and on the 10,000-inquiry 271 up to its control numbers).
- **Memory.** A table of 100,000 common passwords (\`&[&str]\` from the \`passwords\`
  crate) cost every run of mmis ~4 MiB of relocated pages at start-up; it is now one
  embedded string searched in place (\`mmis --version\`: 8.7 → 4.3 MiB peak). That, the
  streamed 271 and the packed members keep the 270 → 271 well under 24 MiB.
- **Import within 1.5× of \`sqlite3 .import\`**: ours validates every row and writes two
  tables and three indexes, \`.import\` one table (into a fresh file with SQLite's default
  4 KiB pages; ours are 16 KiB, which also makes the bulk load cheaper).
- **Single check within 1.5× of the sqlite3 floor**: both sides pay an fsync at commit
  (synchronous=FULL); ours also opens and checks the store (application id, schema
  version, WAL) and authenticates the token (SHA-256 lookup, user, membership) before the
  lookup and the chained audit insert.
EOT
)
echo "$report"
write_section Eligibility "$report"
