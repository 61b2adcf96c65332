#!/usr/bin/env bash
# The store on SQLite and on PostgreSQL (issue 9, point 8). Each figure is a ratio of two
# things measured in this one run, so that the machine's load weighs on both sides:
#   1. an audited `elig check` with an API token on PostgreSQL against `psql` doing the same
#      token lookup, member + spans lookup and hash-chained audit insert in one transaction
#      (mean of RUNS calls each: hyperfine when installed, else a bash loop);
#   2. `elig batch` of a 100,000-row roster on PostgreSQL against the same on SQLite (and the
#      two outputs must be byte-identical);
#   3. `ops member import` of 1,000,000 coverage spans (500,000 members) into PostgreSQL
#      against psql's `\copy` of the same CSV into one table;
#   4. bench/concurrency.py: STORE_BENCH_PROCS clients x STORE_BENCH_CMDS mixed commands
#      against one PostgreSQL store (default 32 x 1,000): throughput, p99 latency and the
#      invariants (nothing lost or doubled, audit verify passes). Any unexpected exit fails.
# Writes docs/BENCHMARKS.md's "Store: SQLite and PostgreSQL" section; exits 1 when a check of
# point 4 fails (the section is still written, with the failures).
#
# PostgreSQL: STORE_BENCH_PG, a base URL without a database name (e.g.
# postgresql://postgres@127.0.0.1:5432/ — the password from PGPASSWORD or ~/.pgpass, never
# in the URL on argv); the script creates its own databases there and drops them at the end.
# Unset: a throwaway cluster is started for the run (initdb into a temporary folder, default
# settings — fsync on — listening on a loopback port with a random password) and removed.
#
# Usage: bench/store.sh   (env STORE_BENCH_RUNS=30, STORE_BENCH_PROCS=32, STORE_BENCH_CMDS=1000,
#        STORE_BENCH_DATA=DIR to reuse generated data, STORE_BENCH_CONC_SQLITE=0 to skip the
#        reference run of point 4 on SQLite, STORE_BENCH_CONC=0 to skip point 4 and keep its
#        figures from docs/BENCHMARKS.md, marked with their date, STORE_BENCH_REPEAT=3: rounds
#        of points 2 and 3, medians reported)
set -euo pipefail
shopt -s inherit_errexit
cd "$(dirname "$0")/.."
. bench/lib.sh
runs="${STORE_BENCH_RUNS:-30}"
reps="${STORE_BENCH_REPEAT:-3}"
procs="${STORE_BENCH_PROCS:-32}"
cmds="${STORE_BENCH_CMDS:-1000}"
cargo build --release --locked --quiet
bin="$PWD/target/release/mmis"
work=$(mktemp -d)
data="${STORE_BENCH_DATA:-$work}"
pg_dir=""; pg_data=""; pg_bin=""; pg_as=(env); dbs=()
export XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" MMIS_TODAY=2026-03-16

cleanup() {
  local rc=$?
  if [ -n "$pg_data" ]; then
    "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
    rm -rf "$pg_dir"
  elif [ -n "${suffix:-}" ]; then
    # Every database of this run (newdb runs in a command substitution, a subshell, so
    # its list is not seen here: they are found by the run's suffix).
    local d
    for d in $(psql -X -At "$(url "$base" postgres)" \
                 -c "SELECT datname FROM pg_database WHERE datname LIKE 'mmis\\_bench\\_%\\_$suffix'" 2>/dev/null); do
      psql -X -q "$(url "$base" postgres)" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
    done
  fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# url BASE DB: the base URL (…/ or …/?query) with a database name put in.
url() {
  local head="${1%%\?*}" query=""
  [ "$head" != "$1" ] && query="?${1#*\?}"
  printf '%s%s%s' "${head%/}/" "$2" "$query"
}

find_pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -rn) \
           "$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || echo /nonexistent)")")"; do
    if [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

start_pg() {  # sets base (and PGPASSWORD)
  pg_bin=$(find_pg_bin) || { echo "bench/store.sh: no initdb/pg_ctl: install Debian's postgresql package, or set STORE_BENCH_PG" >&2; exit 2; }
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/mmis-bench-pg.XXXXXX")
  pg_data="$pg_dir/data"
  local owner
  owner=$(id -un)
  if [ "$(id -u)" = 0 ]; then  # initdb refuses root
    owner=postgres
    pg_as=(runuser -u postgres --)
    chown postgres: "$pg_dir"
  fi
  chmod 700 "$pg_dir"
  mkdir "$pg_dir/sock" && chown "$owner" "$pg_dir/sock"
  PGPASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  export PGPASSWORD
  ( umask 077; printf '%s\n' "$PGPASSWORD" >"$pg_dir/pwfile" ) && chown "$owner" "$pg_dir/pwfile"
  "${pg_as[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --pwfile="$pg_dir/pwfile" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pg_dir/initdb.log" 2>&1 \
    || { cat "$pg_dir/initdb.log" >&2; exit 2; }
  rm -f "$pg_dir/pwfile"
  local port
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  # Default settings (fsync on, synchronous_commit on); only where it listens.
  "${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$pg_dir/sock" start >/dev/null \
    || { cat "$pg_dir/server.log" >&2; exit 2; }
  base="postgresql://postgres@127.0.0.1:$port/?sslmode=disable"
}

if [ -n "${STORE_BENCH_PG:-}" ]; then
  base="$STORE_BENCH_PG"
  case "$base" in *://*:*@*) echo "bench/store.sh: put the password in PGPASSWORD or ~/.pgpass, not in STORE_BENCH_PG" >&2; exit 2;; esac
  where="the server at STORE_BENCH_PG"
else
  echo "starting a throwaway PostgreSQL cluster ..." >&2
  start_pg
  where="a throwaway cluster started for the run (initdb defaults)"
fi
suffix=$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')
newdb() {  # newdb NAME: creates mmis_bench_NAME_SUFFIX, prints its URL
  local d="mmis_bench_${1}_$suffix"
  psql -X -q "$(url "$base" postgres)" -c "CREATE DATABASE $d" >/dev/null
  dbs+=("$d")
  url "$base" "$d"
}
pg_show() { psql -X -At "$(url "$base" postgres)" -c "SHOW $1"; }
pg_version=$(psql -X -At "$(url "$base" postgres)" -c "SELECT split_part(version(), ' ', 2)")
pg_settings="fsync=$(pg_show fsync), synchronous_commit=$(pg_show synchronous_commit), shared_buffers=$(pg_show shared_buffers)"

mkdir -p "$data"
if [ ! -f "$data/roster100k.csv" ]; then
  echo "generating data in $data ..." >&2
  python3 bench/elig_gen.py members 500000 2 "$data/spans1m.csv"   # 1M spans, 500k members
  python3 bench/elig_gen.py roster 100000 500000 "$data/roster100k.csv"
fi
spans=$(( $(wc -l < "$data/spans1m.csv") - 1 ))

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

# wall seconds and peak RSS (MiB) of a command (GNU time), its stdout in $work/last.out:
# sets $secs and $mib; a failing command stops the run
measure() {
  local out="$work/time.txt"
  if ! /usr/bin/time -f '%e %M' -o "$out" "$@" >"$work/last.out" 2>"$work/last.err"; then
    echo "failed: $*" >&2; cat "$work/last.err" >&2; exit 1
  fi
  secs=$(awk 'END {print $1}' "$out"); mib=$(awk 'END {printf "%.1f", $2/1024}' "$out")
}
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
median() { python3 -c "import statistics, sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "$@"; }
ok() { python3 -c "print('met' if $1 else 'MISSED')"; }

echo "SQLite: import ..." >&2
export MMIS_DB="$work/a.db"
tok_sq=$(new_store)
measure "$bin" ops member import "$data/spans1m.csv" --json; t_sq_import=$secs
grep -q '"added": 500000' "$work/last.out" || { cat "$work/last.out" "$work/last.err" >&2; exit 1; }

# PostgreSQL: each round a new store imports the spans, then psql copies the same CSV into
# one table (emptied first); the last store serves the batch and the single checks.
copy_db=$(newdb copy)
psql -X -q "$copy_db" -c "CREATE TABLE spans (health_id TEXT, last_name TEXT, first_name TEXT, dob TEXT, sex TEXT,
  coverage TEXT, plan TEXT, plan_type TEXT, start_date TEXT, end_date TEXT, plan_partner TEXT)" >/dev/null
imports=(); copies=(); floors=(); m_pg_import=0
# The import's floor: psql doing the same work on the server, in one transaction: the rows
# as the import stores them (dumped from the first round's store) copied into an empty store
# with the same keys, index and foreign key dropped first and built after, as the import does.
# It reads no CSV and makes no row ids, so it is a floor, not a rival; its DDL is read from the
# store's own catalog, so it follows the schema.
floor_import_sql() {  # floor_import_sql STORE_URL: prints the SQL
  local defs
  defs=$(psql -X -At "$1" -c "SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
      FROM pg_constraint WHERE conrelid IN ('members'::regclass, 'coverage_spans'::regclass) AND contype = 'p'
      UNION ALL SELECT format('ALTER TABLE %s ADD CONSTRAINT %I %s;', conrelid::regclass, conname, pg_get_constraintdef(oid))
      FROM pg_constraint WHERE conrelid = 'members'::regclass AND contype = 'u'")
  echo "BEGIN;"
  echo "SET LOCAL maintenance_work_mem = '256MB';"   # as the import's own restore_keys
  psql -X -At "$1" -c "SELECT format('ALTER TABLE coverage_spans DROP CONSTRAINT %I;', conname) FROM pg_constraint WHERE conrelid = 'coverage_spans'::regclass AND contype = 'f'"
  psql -X -At "$1" -c "SELECT format('ALTER TABLE %s DROP CONSTRAINT %I;', conrelid::regclass, conname) FROM pg_constraint
      WHERE conrelid IN ('members'::regclass, 'coverage_spans'::regclass) AND contype IN ('p', 'u') ORDER BY contype"
  echo "DROP INDEX members_name_dob;"
  echo "\\copy members FROM '$work/members.copy'"
  echo "\\copy coverage_spans FROM '$work/spans.copy'"
  echo "$defs"
  psql -X -At "$1" -c "SELECT pg_get_indexdef('members_name_dob'::regclass) || ';'"
  psql -X -At "$1" -c "SELECT format('ALTER TABLE coverage_spans ADD CONSTRAINT %I %s;', conname, pg_get_constraintdef(oid)) FROM pg_constraint WHERE conrelid = 'coverage_spans'::regclass AND contype = 'f'"
  echo "COMMIT;"
}
for ((round = 1; round <= reps; round++)); do
  echo "PostgreSQL: import, COPY and the import's floor, round $round of $reps ..." >&2
  export MMIS_DB; MMIS_DB=$(newdb "main$round")
  tok_pg=$(new_store)
  if [ "$round" = 1 ]; then  # an empty store to copy for the floors
    empty_name="mmis_bench_empty_$suffix"
    psql -X -q "$(url "$base" postgres)" -c "CREATE DATABASE $empty_name TEMPLATE mmis_bench_main${round}_$suffix" >/dev/null
  fi
  measure "$bin" ops member import "$data/spans1m.csv" --json; imports+=("$secs"); m_pg_import=$mib
  grep -q '"added": 500000' "$work/last.out" || { cat "$work/last.out" "$work/last.err" >&2; exit 1; }
  psql -X -q "$copy_db" -c "TRUNCATE spans" >/dev/null
  measure psql -X -q "$copy_db" -c "\\copy spans FROM '$data/spans1m.csv' WITH (FORMAT csv, HEADER true)"; copies+=("$secs")
  n_copied=$(psql -X -At "$copy_db" -c "SELECT count(*) FROM spans")
  [ "$n_copied" = "$spans" ] || { echo "COPY loaded $n_copied rows, not $spans" >&2; exit 1; }
  if [ "$round" = 1 ]; then
    psql -X -q "$MMIS_DB" -c "\\copy members TO '$work/members.copy'" -c "\\copy coverage_spans TO '$work/spans.copy'"
    floor_import_sql "$MMIS_DB" >"$work/floor-import.sql"
  fi
  floor_name="mmis_bench_floorimport_$suffix"
  psql -X -q "$(url "$base" postgres)" -c "CREATE DATABASE $floor_name TEMPLATE $empty_name" >/dev/null
  measure psql -X -q -v ON_ERROR_STOP=1 "$(url "$base" "$floor_name")" -f "$work/floor-import.sql"; floors+=("$secs")
  n_floor=$(psql -X -At "$(url "$base" "$floor_name")" -c "SELECT count(*) FROM coverage_spans")
  [ "$n_floor" = "$spans" ] || { echo "the import's floor loaded $n_floor spans, not $spans" >&2; exit 1; }
  psql -X -q "$(url "$base" postgres)" -c "DROP DATABASE $floor_name" >/dev/null
done
t_pg_import=$(median "${imports[@]}"); t_copy=$(median "${copies[@]}"); t_floor_import=$(median "${floors[@]}")
r_import=$(ratio "$t_pg_import" "$t_copy")
r_import_floor=$(ratio "$t_pg_import" "$t_floor_import"); r_floor_copy=$(ratio "$t_floor_import" "$t_copy")

# The batch, on SQLite and PostgreSQL in turn.
sq_batches=(); pg_batches=()
for ((round = 1; round <= reps; round++)); do
  echo "batch on SQLite and PostgreSQL, round $round of $reps ..." >&2
  measure env MMIS_DB="$work/a.db" MMIS_TOKEN="$tok_sq" "$bin" elig batch "$data/roster100k.csv" --format ndjson
  sq_batches+=("$secs"); m_sq_batch=$mib
  mv "$work/last.out" "$work/batch-sqlite.ndjson"
  measure env MMIS_TOKEN="$tok_pg" "$bin" elig batch "$data/roster100k.csv" --format ndjson
  pg_batches+=("$secs"); m_pg_batch=$mib
  if cmp -s "$work/last.out" "$work/batch-sqlite.ndjson"; then same_batch="byte-identical"; else same_batch="DIFFERENT"; break; fi
  [ "$(wc -l < "$work/last.out")" = 100000 ] || { echo "the PostgreSQL batch wrote $(wc -l < "$work/last.out") rows" >&2; exit 1; }
done
t_sq_batch=$(median "${sq_batches[@]}"); t_pg_batch=$(median "${pg_batches[@]}")
r_batch=$(ratio "$t_pg_batch" "$t_sq_batch")
# The batch's floor: psql only fetching rows the batch reads (the members of the roster's
# Health IDs, and their spans, in one snapshot; the rows asked by name are left out), output
# discarded: no roster read, no answer made. Measured right after SQLite's batch, in turn.
n_ids=$(python3 - "$data/roster100k.csv" "$work/roster-ids.txt" <<'PY'
import csv, sys
rows = csv.DictReader(open(sys.argv[1], newline=""))
ids = [r["health_id"] for r in rows if r["health_id"]]
open(sys.argv[2], "w").write("{" + ",".join(ids) + "}")
print(f"{len(ids):,}")
PY
)
cat >"$work/floor-batch.sql" <<SQL
\\set ids \`cat $work/roster-ids.txt\`
BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT m.id, m.health_id, m.last_name, m.first_name, m.dob, m.sex FROM members m WHERE m.health_id = ANY(:'ids'::text[]);
SELECT s.member_id, s.seq, s.kind, s.plan, s.plan_type, s.start_date, s.end_date, s.plan_partner FROM coverage_spans s
 WHERE s.member_id IN (SELECT id FROM members WHERE health_id = ANY(:'ids'::text[]));
COMMIT;
SQL
sq_floor_batches=(); floor_batches=()
for ((round = 1; round <= reps; round++)); do
  measure env MMIS_DB="$work/a.db" MMIS_TOKEN="$tok_sq" "$bin" elig batch "$data/roster100k.csv" --format ndjson
  sq_floor_batches+=("$secs")
  measure psql -X -q -A -t -v ON_ERROR_STOP=1 "$MMIS_DB" -f "$work/floor-batch.sql"; floor_batches+=("$secs")
done
n_fetched=$(wc -l < "$work/last.out" | python3 -c 'print(f"{int(input()):,}")')
t_floor_batch=$(median "${floor_batches[@]}"); t_sq_floor_batch=$(median "${sq_floor_batches[@]}")
r_floor_batch=$(ratio "$t_floor_batch" "$t_sq_floor_batch")

echo "single checks ..." >&2
member=M0354321
# The floor: psql doing what an audited check does, in one transaction, in a copy of the store
# (its audit entries are not chained the way mmis chains them; the copy is thrown away).
floor_name="mmis_bench_floor_$suffix"
main_name=${MMIS_DB##*/}; main_name=${main_name%%\?*}
psql -X -q "$(url "$base" postgres)" -c "CREATE DATABASE $floor_name TEMPLATE $main_name" >/dev/null
dbs+=("$floor_name")
floor_db=$(url "$base" "$floor_name")
token_hash=$(printf '%s' "$tok_pg" | sha256sum | cut -d' ' -f1)
cat >"$work/floor.sql" <<SQL
BEGIN;
SELECT t.id, t.user_id, t.provider_id, t.roles, t.admin, t.expires_at, t.revoked_at, u.user_name, u.locked_at, m.kind, m.roles, m.status
  FROM api_tokens t JOIN users u ON u.id = t.user_id
  LEFT JOIN memberships m ON m.user_id = t.user_id AND m.provider_id = t.provider_id
 WHERE t.token_hash = '$token_hash';
SELECT m.id, m.health_id, m.last_name, m.first_name, m.dob, m.sex, s.kind, s.plan, s.plan_type, s.start_date, s.end_date, s.plan_partner
  FROM members m LEFT JOIN coverage_spans s ON s.member_id = m.id WHERE m.health_id = '$member' ORDER BY s.seq;
SELECT value FROM meta WHERE key = 'audit_head';
INSERT INTO audit_log(id, at, actor, actor_kind, provider_id, action, target, outcome, detail, prev_hash, hash)
SELECT h.id + 1, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'JAMJON', 'site_admin', '506675928',
       'elig check', '$member', 'ok', '2026-03-16: open-card', h.hash,
       encode(sha256(convert_to(concat_ws(chr(31), h.hash, h.id + 1, 'JAMJON', 'site_admin', '506675928',
              'elig check', '$member', 'ok', '2026-03-16: open-card'), 'UTF8')), 'hex')
  FROM (SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1) h;
UPDATE meta SET value = (SELECT id || ':' || hash FROM audit_log ORDER BY id DESC LIMIT 1) WHERE key = 'audit_head';
COMMIT;
SQL
psql -X -q -v ON_ERROR_STOP=1 "$floor_db" -f "$work/floor.sql" >/dev/null   # fails loudly if the SQL is wrong
before=$(psql -X -At "$floor_db" -c "SELECT count(*) FROM audit_log")
check_pg() { MMIS_TOKEN="$tok_pg" "$bin" elig check --id "$member" --json; }
check_sq() { MMIS_DB="$work/a.db" MMIS_TOKEN="$tok_sq" "$bin" elig check --id "$member" --json; }
floor_pg() { psql -X -q -v ON_ERROR_STOP=1 "$floor_db" -f "$work/floor.sql"; }
check_pg | grep -q '"eligible": true' || { echo "elig check on PostgreSQL failed" >&2; check_pg >&2; exit 1; }
if command -v hyperfine >/dev/null 2>&1; then
  how="hyperfine, $runs runs each after 3 warm-ups, mean"
  export MMIS_TOKEN="$tok_pg" floor_db member work bin tok_sq
  hyperfine -N --style none --warmup 3 --runs "$runs" --export-json "$work/hf.json" \
    "$bin elig check --id $member --json" \
    "psql -X -q -v ON_ERROR_STOP=1 $floor_db -f $work/floor.sql" \
    "env MMIS_DB=$work/a.db MMIS_TOKEN=$tok_sq $bin elig check --id $member --json" >&2
  unset MMIS_TOKEN
  read -r t_check t_floor t_check_sq < <(python3 -c "import json; r = json.load(open('$work/hf.json'))['results']; print(*[f'{x[\"mean\"] * 1000:.1f}' for x in r])")
else
  how="a bash loop, the three commands in turn, $runs rounds, mean"
  declare -A total=([check_pg]=0 [floor_pg]=0 [check_sq]=0)
  for f in check_pg floor_pg check_sq; do "$f" >/dev/null; done   # warm-up
  for ((i = 0; i < runs; i++)); do
    for f in check_pg floor_pg check_sq; do
      t0=$(date +%s%N); "$f" >/dev/null; t1=$(date +%s%N)
      total[$f]=$(( ${total[$f]} + t1 - t0 ))
    done
  done
  mean() { python3 -c "print(f'{${total[$1]} / $runs / 1e6:.1f}')"; }
  t_check=$(mean check_pg); t_floor=$(mean floor_pg); t_check_sq=$(mean check_sq)
fi
after=$(psql -X -At "$floor_db" -c "SELECT count(*) FROM audit_log")
[ "$after" -gt "$before" ] || { echo "the psql floor inserted no audit entry" >&2; exit 1; }
r_check=$(ratio "$t_check" "$t_floor")

conc_rc=0
if [ "${STORE_BENCH_CONC:-1}" != 0 ]; then
echo "concurrency: $procs clients x $cmds commands ..." >&2
conc_db=$(newdb conc)
mkdir -p "$work/conc"
python3 bench/concurrency.py --bin "$bin" --db "$conc_db" --work "$work/conc" --procs "$procs" --cmds "$cmds" \
  >"$work/conc.json" || conc_rc=$?
[ -s "$work/conc.json" ] || { echo "bench/concurrency.py wrote no summary" >&2; exit 1; }
conc_sq=""
if [ "${STORE_BENCH_CONC_SQLITE:-1}" != 0 ]; then
  echo "the same on SQLite ..." >&2
  mkdir -p "$work/conc-sqlite"
  python3 bench/concurrency.py --bin "$bin" --db "$work/conc-sqlite/mmis.db" --work "$work/conc-sqlite" \
    --procs "$procs" --cmds "$cmds" >"$work/conc-sqlite.json" || conc_rc=$?
  conc_sq=$(python3 - "$work/conc-sqlite.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
print(f"| (for reference) the same run on one SQLite file | {d['seconds']} s: {d['throughput']} commands/s, "
      f"p50 {d['p50_ms']} ms, p99 {d['p99_ms']} ms, max {d['max_ms']} ms | invariants hold, no exit 1 or 8 | "
      + ("met" if d["ok"] else "MISSED: " + "; ".join(k for k, v in d["checks"].items() if not v)) + " |")
PY
)
fi
# The run's figures as shell words, and its tables as Markdown.
eval "$(python3 - "$work/conc.json" "$work/conc.md" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k in ("commands", "seconds", "throughput", "p50_ms", "p99_ms", "max_ms"):
    print(f"c_{k}={d[k]}")
print("c_ok=" + ("met" if d["ok"] else "MISSED"))
md = ["| kind | commands | exits | p50 ms | p99 ms |", "| --- | --- | --- | --- | --- |"]
for k, v in d["by_kind"].items():
    exits = ", ".join(f"{c}: {n}" for c, n in sorted(v["exits"].items()))
    md.append(f"| {k} | {v['n']} | {exits} | {v['p50_ms']} | {v['p99_ms']} |")
md += ["", (f"{d['claims_accepted']} claims accepted ({d['pa_claims_accepted']} against "
            f"{d['approved_pas']} approved PAs), {d['claims_voided']} voided, {d['identical_pairs']} "
            f"identical pairs, {d['pas_created']} PAs and {d['tokens_created']} tokens created; "
            f"{d['audit_entries_run']} audit entries for {d['commands']} commands "
            f"({d['audit_entries_total']} in the log). The checks after the run:"), "",
       "| invariant | holds |", "| --- | --- |"]
md += [f"| {k} | {'yes' if v else '**NO**'} |" for k, v in d["checks"].items()]
if d["failures"]:
    md += ["", "Failures (the first 50):", ""] + [f"- {f}" for f in d["failures"]]
open(sys.argv[2], "w").write("\n".join(md) + "\n")
PY
)"

conc_row="| ${procs} clients × ${cmds} mixed commands, one PostgreSQL store: ${c_commands} commands | ${c_seconds} s: **${c_throughput} commands/s**, p50 ${c_p50_ms} ms, **p99 ${c_p99_ms} ms**, max ${c_max_ms} ms | invariants hold, no exit 1 or 8 | ${c_ok} |"
else
  # STORE_BENCH_CONC=0: point 4 is not run; its figures are kept from the section as it
  # stands, marked with the date they were measured.
  echo "concurrency: not run (STORE_BENCH_CONC=0); keeping the figures in docs/BENCHMARKS.md" >&2
  eval "$(python3 - "$work/conc.md" <<'PY'
import re, shlex, sys, pathlib
text = pathlib.Path("docs/BENCHMARKS.md").read_text()
m = re.search(r"^## Store: SQLite and PostgreSQL\n(.*?)(?=^## |\Z)", text, re.S | re.M)
if not m:
    sys.exit("bench/store.sh: STORE_BENCH_CONC=0, but docs/BENCHMARKS.md has no concurrency figures to keep")
sec = m.group(1)
row = next(l for l in sec.splitlines() if re.match(r"\| \d+ clients × ", l))
when = re.search(r"measured (\S+ \S+ UTC), not repeated", row) or re.search(r"^Measured (\S+ \S+ UTC)", sec, re.M)
ref = next((l for l in sec.splitlines() if l.startswith("| (for reference) the same run on one SQLite file")), "")
mix = sec.split("latency per kind:\n\n", 1)[1].split("\nHow the invariants are checked", 1)[0]
procs = re.match(r"\| (\d+) clients", row).group(1)
note = f" (measured {when.group(1)}, not repeated)"
if "not repeated" not in row:
    row = re.sub(r"(: \d+ commands) \|", lambda x: x.group(1) + note + " |", row, count=1)
pathlib.Path(sys.argv[1]).write_text(mix.rstrip("\n") + "\n")
print(f"conc_row={shlex.quote(row)}")
print(f"conc_sq={shlex.quote(ref)}")
print(f"procs={procs}")
PY
)"
fi
cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
machine="$(nproc) cores (nproc), ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
report=$(cat <<EOT
## Store: SQLite and PostgreSQL

Measured $(date -u '+%Y-%m-%d %H:%M UTC') on: $machine — **shared with other builds**, so
absolute times are noisy; each ratio compares two things measured back to back in this one run.
PostgreSQL $pg_version on the same machine, over loopback TCP (no TLS), $where:
$pg_settings. SQLite in WAL mode with \`synchronous=FULL\`. So both sides make every commit
durable (an fsync per transaction). Release build. Script: \`bench/store.sh\` (data made up by
\`bench/elig_gen.py\`; the concurrency run by \`bench/concurrency.py\`).

| measurement | result | target | |
| --- | --- | --- | --- |
| \`elig check --id\` with \`MMIS_TOKEN\`, PostgreSQL, 500,000 members | ${t_check} ms | | |
| \`psql\`: the same token lookup, member + spans lookup and hash-chained audit insert, one transaction | ${t_floor} ms | | |
| check ÷ \`psql\` | ${r_check}× | ≤ 1.5× | $(ok "$r_check <= 1.5") |
| (for reference) the same \`elig check\` on SQLite | ${t_check_sq} ms | | |
| \`elig batch\`, 100,000-row roster, ndjson, SQLite | ${t_sq_batch} s, peak ${m_sq_batch} MiB | | |
| \`elig batch\`, the same roster, PostgreSQL (output ${same_batch} to SQLite's) | ${t_pg_batch} s, peak ${m_pg_batch} MiB | | |
| PostgreSQL ÷ SQLite | ${r_batch}× | ≤ 1.5× | $(ok "$r_batch <= 1.5") |
| \`ops member import\`, ${spans} spans / 500,000 members, PostgreSQL | ${t_pg_import} s, peak ${m_pg_import} MiB | | |
| \`psql \\copy\` of the same CSV into one table (11 TEXT columns, no index, no checks) | ${t_copy} s | | |
| import ÷ \`COPY\` | ${r_import}× | ≤ 1.5× | $(ok "$r_import <= 1.5") |
| (for reference) the same import on SQLite | ${t_sq_import} s | | |
| (floor) \`psql\`: the import's server work alone — the stored rows \`\\copy\`'d into an empty store, its keys, name index and foreign key dropped before and built after, one transaction | ${t_floor_import} s | | |
| import ÷ floor; floor ÷ \`COPY\` | ${r_import_floor}×; ${r_floor_copy}× | | |
| (floor) \`psql\` fetching the rows the batch reads (members of the roster's ${n_ids} Health IDs and their spans, ${n_fetched} rows, one snapshot), output discarded | ${t_floor_batch} s | | |
| floor ÷ SQLite's whole batch, measured in turn | ${r_floor_batch}× (SQLite ${t_sq_floor_batch} s) | | |
${conc_row}
${conc_sq}

The batch and the import are each measured ${reps} times (\`STORE_BENCH_REPEAT\`), SQLite
and PostgreSQL batches in turn, each import into a new store followed by its \`COPY\`; the
table gives the medians (batches: SQLite ${sq_batches[*]} s, PostgreSQL ${pg_batches[*]} s;
imports ${imports[*]} s, \`COPY\` ${copies[*]} s).

Notes on the PostgreSQL batch and import (issue 9 point 8; measured 2026-12-03 with the
server's statement log on this machine at load 0.1-1.5; each figure moves by ±20% from run to
run; the earlier history of this work is in git, \`docs/BENCHMARKS.md\` of 2026-12-02):

- **\`elig batch\`**: 3.15× on 2026-12-02, when one statement hash-joined every span to the
  members found and sorted 178,000 rows on the server (0.45-0.6 s of server time for that
  statement alone). Now (\`Tx::each_spans_by\`, \`sweep_in_two\` in src/store/members.rs):
  names are resolved first on the name index (10,000 index probes, about 50 ms); then one
  pass over the members tests each against the roster's Health IDs and the names' row ids,
  both hashed (\`= ANY\` of a constant array, 80-100 ms), and one pass over the spans tests
  each against the found members' row ids, hashed (about 100 ms of scan, 180-240 ms with
  sending 178,000 rows); the spans are put in (member, seq) order on the client. They are held
  until then with their texts in one buffer (64 bytes a span and no allocation of its own). A \`CASE\`
  around each test keeps the planner from estimating the list key by key (20-40 ms per
  statement before). The names' second sweep (a cold index probe per member, about 90 ms)
  is gone. The same roster, side by side with the code before, alternately: 0.82-0.99 s
  before, 0.44-0.53 s after, against SQLite's 0.24-0.29 s in the same loop (1.7-2.0×). A run
  of this script can land under 1.5× (SQLite's median is the noisier side), but **not reliably**: on 2 cores the server's passes over 1.5M
  rows and its sending of 267,000 rows (about 0.3 s of CPU) plus the client's own work
  (0.25-0.3 s of CPU, as much as SQLite's whole run) cannot both fit in 1.5× SQLite's 0.25 s.
  The floor row above shows it: \`psql\` merely fetching the rows of the roster's Health IDs
  (the names' tenth left out, nothing answered) takes longer than this batch does, and over
  1.5× SQLite's whole batch.
  Tried and measured, not kept: PostgreSQL's parallel plans (slower here: 3 processes on 2
  cores, and the leader still sends every row); the spans split over two connections (no
  faster: each scans the whole table); a hash join of \`unnest(…)\` (the planner hashed the
  big side); fetching through a portal in pages (no overlap with the server); \`COPY … TO
  STDOUT\` (no faster than rows); spans aggregated per member on the server (slower).
- **\`ops member import\`** into an empty store: 3.48× on 2026-12-02. Now the \`COPY\` text
  is written as each member is added (no owned copy of every row kept until the flush) and
  the CSV reader may run 64 chunks (about 32,000 rows) ahead, so it parses while the server
  ingests (import 3.7-3.9 s → 2.9-3.1 s side by side). The name index folds ASCII letters
  only (\`lower(x COLLATE "C")\`, migration 012, as SQLite's \`lower()\` and
  docs/eligibility.md do) and builds in 0.5-0.7 s rather than 0.75-1.1 s. Server time of one
  import, about 2.6 s: \`COPY\` of spans and members about 1.1 s, the members' and spans' keys
  0.55-0.7 s, the name index 0.5-0.7 s, the foreign key's check 0.3 s. **Still over 1.5×, by
  the design of the comparison**: the reference \`COPY\` writes one table with no index; the
  store must hold four B-tree indexes and a checked foreign key, and building those alone
  costs more than the reference \`COPY\` on this machine. The floor row above measures it:
  \`psql\` doing only the import's server work (the stored rows, already in \`COPY\` form,
  into an empty store, the same keys, index and foreign key built after) is itself over 2×
  the reference \`COPY\` (the two tables' \`COPY\` alone, server-side files, 2026-12-03:
  members 0.55-0.6 s and spans 1.1-1.3 s against 1.6 s for the reference), so no client can
  bring the import under 1.5× without dropping an index or the checked foreign key. Parallel
  index builds are on (PostgreSQL's default two workers), and barely help on 2 cores (the
  members' keys, the spans' key, the name index and the foreign key's check: 0.37, 0.58,
  0.99, 0.38 s with them, 0.35, 0.64, 1.04, 0.44 s with none); building the
  Health ID key on \`COLLATE "C"\` was no faster. Tried, not kept: the foreign key
  checked by a merge join of the new indexes (no faster inside the loading transaction,
  where the heap must be visited for every row).

Single checks: ${how}, wall time of the whole process (both sides start a process and open
a connection). The concurrency run's clients each run their commands one after another, each
a new \`mmis\` process (so its latency includes process start, connecting and, for
\`login\`, one argon2id hash); every client has its own session, \`elig\` commands use an API
token. Its mix, exits and latency per kind:

$(cat "$work/conc.md")

How the invariants are checked (\`bench/concurrency.py\`; a smaller run of the same is the test
\`concurrency::many_writers_lose_nothing_and_double_nothing\`, on both backends): every claim,
PA and token a command reported is listed by \`claim list\`, \`pa list\` and \`token list\`,
and nothing else; no ICN is reported or stored twice; of each pair of identical claims sent at
the same instant exactly one is accepted and the other refused as its duplicate (exit 7 naming
it); claims against ${procs}-client-contended PAs with few units take units until none are
left (exit 6 after that), and each PA's used units (\`pa inquire\`) equal the units of its
claims that were accepted and not voided, never above the approval; a claim voided by two
clients at once is voided once (exit 7 for the other); \`audit verify\` passes, the entries'
ids run 1..N without a gap, and the run added exactly one entry per command, per action.
EOT
)
echo "$report"
write_section "Store: SQLite and PostgreSQL" "$report"
if [ "$conc_rc" -ne 0 ]; then
  echo "bench/store.sh: the concurrency run failed its checks (see above)" >&2
  exit 1
fi
