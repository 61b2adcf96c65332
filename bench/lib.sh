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
