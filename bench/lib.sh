# Shared by the bench/ scripts: source it, don't run it.

# write_section TITLE REPORT — replaces (or appends) "## TITLE" in docs/BENCHMARKS.md.
write_section() {
  python3 - "$1" "$2" <<'PY'
import re, sys, pathlib
title, report = sys.argv[1], sys.argv[2]
p = pathlib.Path("docs/BENCHMARKS.md")
text = p.read_text() if p.exists() else "# Benchmarks\n\nEach section is written by its script under `bench/`.\n"
section = report.strip() + "\n"
pat = re.compile(r"^## " + re.escape(title) + r"\n.*?(?=^## |\Z)", re.S | re.M)
text = pat.sub(lambda m: section + "\n", text) if pat.search(text) else text.rstrip("\n") + "\n\n" + section
p.write_text(text)
PY
}

# bench_practice: on $MMIS_DB, with $bin and the operator's password $pw, a new store with
# the operator (ops) signed in, the bench provider (506675928, "Bench Clinic") enrolled and
# fixtures/fees.csv loaded; prints the PIN of the provider's PIN letter.
bench_practice() {
  echo "$pw" | "$bin" init --username ops --password-stdin >/dev/null || return 1
  echo "$pw" | "$bin" login --username ops --password-stdin >/dev/null || return 1
  "$bin" ops provider enroll --npi 1467589325 --name "Bench Clinic" --type group --tax-id 93-4455667 \
    --mail-to "1 Main St, Salem OR 97301" --provider-id 506675928 --json \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["pin"])' || return 1
  "$bin" ops fee-schedule import fixtures/fees.csv >/dev/null
}
