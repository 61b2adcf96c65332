#!/usr/bin/env bash
# Claims benchmark: keyed claims one command each with an API token (median of a sample),
# one 837P batch of 10,000 claims, and a payment cycle over 100,000 accepted claims.
# Builds its own store; writes docs/BENCHMARKS.md's "Claims" section.
# Usage: bench/claims.sh [SAMPLE]   (default 500 single-claim commands)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
sample="${1:-500}"
cargo build --release --locked --quiet
bin="$PWD/target/release/mmis"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MMIS_DB="$work/bench.db" XDG_STATE_HOME="$work/state" XDG_CONFIG_HOME="$work/config" MMIS_TODAY=2026-03-16
pw='Bench-Operator-99'
pin=$(bench_practice)

# 1,200 Open Card members; 10 codes without PA × 10 dates of service each = 100 claims a member.
python3 - "$work" "$sample" <<'PY'
import sys, os
work, sample = sys.argv[1], int(sys.argv[2])
codes = ["90791", "90792", "90832", "90834", "90837", "90839", "90846", "90847", "90853", "99283"]
dates = [f"2026-02-{d:02d}" for d in range(1, 11)]
with open(f"{work}/members.csv", "w") as f:
    f.write("health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner\n")
    for m in range(1, 1201):
        f.write(f"BM{m:06d},Bench,Member{m},1990-01-01,F,benefit,BMH,,2024-01-01,,\n")
def combos(first, last):
    for m in range(first, last + 1):
        for c in codes:
            for d in dates:
                yield f"BM{m:06d}", c, d
# Keyed claims: members 1-100.
os.makedirs(f"{work}/forms")
for i, (h, c, d) in enumerate(combos(1, 100)):
    if i >= sample:
        break
    with open(f"{work}/forms/{i:05d}.toml", "w") as f:
        f.write(f'member_id = "{h}"\nbilling_npi = "1467589325"\ndiagnosis_codes = ["F41.1"]\n'
                f'place_of_service = "11"\n[[lines]]\nprocedure_code = "{c}"\ndate_of_service = "{d}"\n'
                f'units = 1\ncharge = 180\n')
def batch(path, first, last, control):
    segs = ["ST*837*0001*005010X222A1", f"BHT*0019*00*B{control}*20260316*1200*CH",
            "NM1*41*2*BENCH CLINIC*****46*506675928", "PER*IC*BENCH CLINIC*TE*5035551212",
            "NM1*40*2*OREGON HEALTH AUTHORITY*****46*ORMMIS", "HL*1**20*1",
            "NM1*85*2*BENCH CLINIC*****XX*1467589325", "N3*1 Main St", "N4*Salem*OR*97301",
            "REF*EI*934455667"]
    hl = 1
    for n, (h, c, d) in enumerate(combos(first, last)):
        hl += 1
        segs += [f"HL*{hl}*1*22*0", "SBR*P*18*******MC", f"NM1*IL*1*BENCH*MEMBER****MI*{h}",
                 "DMG*D8*19900101*F", "NM1*PR*2*OREGON HEALTH AUTHORITY*****PI*ORMMIS",
                 f"CLM*P{control}-{n}*180***11:B:1*Y*A*Y*Y", "HI*ABK:F411", "LX*1",
                 f"SV1*HC:{c}*180*UN*1***1", f"DTP*472*D8*{d.replace('-', '')}"]
    segs.append(f"SE*{len(segs) + 1}*0001")
    isa = (f"ISA*00*{'':10}*00*{'':10}*ZZ*{'506675928':15}*ZZ*{'ORMMIS':15}*260316*1200*^*00501*"
           f"{control:09d}*0*T*:")
    assert len(isa) == 105
    gs = f"GS*HC*506675928*ORMMIS*20260316*1200*{control}*X*005010X222A1"
    with open(path, "w") as f:
        f.write("~".join([isa, gs] + segs + [f"GE*1*{control}", f"IEA*1*{control:09d}"]) + "~")
# One batch of 10,000 (members 101-200); ten more for 100,000 to adjudicate (members 201-1200).
batch(f"{work}/batch10k.837", 101, 200, 1)
for k in range(10):
    batch(f"{work}/fill{k}.837", 201 + 100 * k, 300 + 100 * k, 10 + k)
PY
"$bin" ops member import "$work/members.csv" >/dev/null
"$bin" account setup --login-id 506675928 --pin "$pin" --form fixtures/forms/account-setup.toml >/dev/null
export XDG_STATE_HOME="$work/state-admin"
echo 'Willamette-Blue-42' | "$bin" login --username JAMJON --password-stdin >/dev/null
token=$("$bin" token create --name bench --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

ms() { echo $(( ($2 - $1) / 1000000 )); }

# 1. Keyed claims, one process each, with the API token.
times="$work/times.txt"
: >"$times"
for f in "$work"/forms/*.toml; do
  t0=$(date +%s%N)
  MMIS_TOKEN="$token" "$bin" claim submit --form "$f" --json >/dev/null
  t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000 )) >>"$times"
done
n_single=$(wc -l <"$times")
t_single=$(sort -n "$times" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}')
t_single_10k=$(python3 -c "print(round($t_single * 10000 / 1000, 1))")

# 2. One 837P batch of 10,000 claims.
t0=$(date +%s%N)
/usr/bin/time -f '%M' -o "$work/rss" env MMIS_TOKEN="$token" "$bin" claim submit --x12 "$work/batch10k.837" \
  --ack "$work/batch10k.999" --json >"$work/batch.json"
t1=$(date +%s%N)
t_batch=$(ms "$t0" "$t1")
rss_batch=$(( $(cat "$work/rss") / 1024 ))
acc=$(python3 -c "import json; print(json.load(open('$work/batch.json'))['accepted'])")
[ "$acc" = 10000 ] || { echo "batch accepted $acc of 10000" >&2; exit 1; }

# 3. Fill to 100,000+ accepted claims, then one payment cycle.
for k in $(seq 0 9); do
  MMIS_TOKEN="$token" "$bin" claim submit --x12 "$work/fill$k.837" --json >/dev/null
done
export XDG_STATE_HOME="$work/state"
echo "$pw" | "$bin" login --username ops --password-stdin >/dev/null
pending=$(( n_single + 10000 + 100000 ))
t0=$(date +%s%N)
/usr/bin/time -f '%M' -o "$work/rss" "$bin" ops claims adjudicate --json >"$work/cycle.json"
t1=$(date +%s%N)
t_adj=$(ms "$t0" "$t1")
rss_adj=$(( $(cat "$work/rss") / 1024 ))
paid=$(python3 -c "import json; print(json.load(open('$work/cycle.json'))['paid'])")

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')
machine="$(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"

report=$(cat <<EOT
## Claims

Measured $(date -u +%Y-%m-%d) on: $machine. Release build, wall time of the whole process
(\`bench/claims.sh $sample\`); every write is one \`BEGIN IMMEDIATE\` transaction with
\`synchronous=FULL\`, each claim audited.

| what | result |
| --- | --- |
| \`mmis claim submit --form\` with \`MMIS_TOKEN\`, one claim per process (median of $n_single) | ${t_single} ms per claim (≈ ${t_single_10k} s for 10,000) |
| \`mmis claim submit --x12\` one 837P of 10,000 claims (all edits, 999 written) | ${t_batch} ms in all, peak RSS ${rss_batch} MiB |
| \`mmis ops claims adjudicate\` over $pending accepted claims ($paid paid) | ${t_adj} ms, peak RSS ${rss_adj} MiB |

The single-claim figure is dominated by process start and the durable commit; a biller
with many claims sends an 837P batch. Figures on a machine shared with other builds vary by
about ±30%.
EOT
)
echo "$report"
write_section Claims "$report"
