#!/usr/bin/env python3
"""Many writers at once (issue 9, point 3): PROCS clients, each running CMDS mixed mmis
commands one after another, all against one store; then the invariants.

  concurrency.py --bin target/release/mmis --db STORE --work DIR [--procs 32] [--cmds 1000]

STORE is what MMIS_DB takes (a file, or a postgresql:// URL of an EMPTY database): the driver
makes the store itself (operator, provider 506675928 with site administrator JAMJON, the fee
schedule, members, approved PAs, clerks, one session per client). The mix: elig check (API
token), elig batch (small roster, API token), claim submit (unique claims; claims against a
few approved PAs with few units, so they run out; and pairs of identical claims sent at the
same instant), claim void (of claims others may be voiding too), pa submit, token create,
clerk roles, login. Every command writes exactly one audit entry.

Checks, after the run: every exit code as expected (1 or 8 never: "serialization failures
never reach the user"); nothing lost (every claim, PA and token a command reported is in the
store, and nothing else), no ICN twice, each pair one claim and one duplicate (exit 7 naming
the other), every approved PA's used units = the units of the live claims that took them
(never above the approval), `audit verify` passes with exactly one entry per command, per
action. Prints one JSON summary on stdout (figures and checks), progress on stderr; exits 1
when a check fails. Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import random
import subprocess
import sys
import threading
import time

TODAY = "2026-03-16"
PROVIDER = "506675928"
NPI = "1467589325"
OPS_PW = "Bench-Operator-99"
ADMIN = "JAMJON"
ADMIN_PW = "Willamette-Blue-42"   # fixtures/forms/account-setup.toml
CODES = ["90791", "90792", "90832", "90834", "90837", "90839", "90846", "90847", "90853", "99283"]
N_MEMBERS = 200                   # CM000000..: claims, checks, rosters
CLAIM_DAY0 = datetime.date(2025, 4, 1)
PA_DAY0 = datetime.date(2026, 1, 1)
PA_DAYS = 75                      # 2026-01-01 .. 2026-03-16 (today)
PA_UNITS = 30                     # approved units per PA
N_CLERKS = 4

# kind: (weight, audit action). A pair is two commands.
MIX = {
    "elig check": (22, "elig check"),
    "elig batch": (5, "elig batch"),
    "claim submit": (28, "claim submit"),
    "claim submit (PA)": (8, "claim submit"),
    "claim submit (identical pair)": (3, "claim submit"),
    "claim void": (10, "claim void"),
    "pa submit": (8, "pa submit"),
    "token create": (6, "token create"),
    "clerk roles": (6, "clerk roles"),
    "login": (4, "login"),
}
EXPECTED = {  # exit codes a kind may end with
    "elig check": {0},
    "elig batch": {0},
    "claim submit": {0},
    "claim submit (PA)": {0, 6},          # 6: the PA has too few units left
    "claim submit (identical pair)": {0, 7},
    "claim void": {0, 7},                 # 7: another client voided it first
    "pa submit": {0},
    "token create": {0},
    "clerk roles": {0},
    "login": {0},
}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


class Driver:
    def __init__(self, a):
        self.bin = os.path.abspath(a.bin)
        self.db = a.db
        self.work = os.path.abspath(a.work)
        self.procs, self.cmds = a.procs, a.cmds
        self.seed = a.seed
        self.root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
        os.makedirs(os.path.join(self.work, "forms"), exist_ok=True)
        self.lock = threading.Lock()
        self.next_claim = 0
        self.next_pa_claim = {}
        self.claims = {}        # ICN -> (PA number or None, units)
        self.icns_reported = []  # every ICN a command reported, duplicates kept
        self.voided = []         # ICNs a void reported done (duplicates kept)
        self.pas_created = []    # PA numbers pa submit reported
        self.tokens_created = []  # token names token create reported
        self.results = []        # (kind, code, seconds)
        self.failures = []
        self.pairs = 0
        self.pairs_bad = []
        self.files = 0

    # ---------------------------------------------------------------- running mmis

    def env(self, actor, extra=None):
        e = {k: v for k, v in os.environ.items() if k.startswith("PG") or k in ("PATH", "LANG", "TZ")}
        e.update({
            "HOME": self.work,
            "MMIS_DB": self.db,
            "MMIS_TODAY": TODAY,
            "XDG_STATE_HOME": os.path.join(self.work, "state-" + actor),
            "XDG_CONFIG_HOME": os.path.join(self.work, "config"),
            "XDG_DATA_HOME": os.path.join(self.work, "data"),
            "NO_COLOR": "1",
        })
        e.update(extra or {})
        return e

    def run(self, actor, args, stdin=None, extra=None):
        t0 = time.monotonic()
        p = subprocess.run([self.bin] + args, input=stdin, capture_output=True, text=True,
                           env=self.env(actor, extra), cwd=self.work, timeout=600)
        return p.returncode, p.stdout, p.stderr, time.monotonic() - t0

    def must(self, actor, args, stdin=None, extra=None):
        code, out, err, _ = self.run(actor, args + ["--json"], stdin, extra)
        if code != 0:
            raise SystemExit(f"setup: mmis {' '.join(args)} exited {code}:\n{err}")
        return json.loads(out) if out.strip() else None

    def write(self, name, text):
        with self.lock:
            self.files += 1
            path = os.path.join(self.work, "forms", f"{self.files}-{name}")
        with open(path, "w") as f:
            f.write(text)
        return path

    # ---------------------------------------------------------------- the store

    def setup(self):
        log(f"setting up the store ({self.db.split('@')[-1]}) ...")
        # The run takes longer than the default 15-minute idle limit: the operator's session
        # (signed in here, used again for the checks at the end) must outlive it.
        conf = os.path.join(self.work, "config", "mmis")
        os.makedirs(conf, exist_ok=True)
        fd = os.open(os.path.join(conf, "config.toml"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as f:
            f.write('[session]\nidle = "12h"\n')
        self.must("ops", ["init", "--username", "ops", "--password-stdin"], OPS_PW)
        self.must("ops", ["login", "--username", "ops", "--password-stdin"], OPS_PW)
        pin = self.must("ops", ["ops", "provider", "enroll", "--npi", NPI, "--name", "Bench Clinic",
                                "--type", "group", "--tax-id", "93-4455667",
                                "--mail-to", "1 Main St, Salem OR 97301", "--provider-id", PROVIDER])["pin"]
        self.must("admin", ["account", "setup", "--login-id", PROVIDER, "--pin", pin,
                            "--form", os.path.join(self.root, "fixtures/forms/account-setup.toml")])
        self.must("admin", ["login", "--username", ADMIN, "--password-stdin"], ADMIN_PW)
        self.must("ops", ["ops", "fee-schedule", "import", os.path.join(self.root, "fixtures/fees.csv")])
        rows = ["health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner"]
        rows += [f"CM{m:06d},Bench,Member{m},1990-01-01,F,benefit,BMH,,2024-01-01,," for m in range(N_MEMBERS)]
        self.n_pas = max(2, min(48, self.procs * self.cmds // 650))
        rows += [f"PM{p:06d},Bench,Authorized{p},1985-06-01,M,benefit,BMH,,2024-01-01,," for p in range(self.n_pas)]
        self.must("ops", ["ops", "member", "import", self.write("members.csv", "\n".join(rows) + "\n")])
        self.token = self.must("admin", ["token", "create", "--name", "bench-elig",
                                         "--roles", "Eligibility Inquiry"])["token"]
        self.setup_tokens = ["bench-elig"]
        self.roster = self.write("roster.csv", "health_id\n" + "".join(
            f"CM{(m * 7) % N_MEMBERS:06d}\n" for m in range(19)) + "ZZ999999\n")
        self.clerks = []
        for c in range(N_CLERKS):
            user = f"CLERK{c:02d}"
            form = self.write(f"clerk{c}.toml", (
                f'user_name = "{user}"\ncontact_first_name = "Bench"\ncontact_last_name = "Clerk{c}"\n'
                'phone_number = "(503)555-0100"\nemail = "clerk@bench.example"\n'
                'confirm_email = "clerk@bench.example"\nroles = ["Claim Inquiry"]\n'))
            self.must("admin", ["clerk", "add", "--form", form])
            self.clerks.append(user)
        self.pas = []  # the approved PAs claims take units from: (number, member)
        for p in range(self.n_pas):
            form = self.write(f"pa{p}.toml", (
                f'kind = "prior-auth"\nmember_id = "PM{p:06d}"\ndiagnosis_codes = ["F43.10"]\n'
                f'procedure_codes = ["H0004"]\nfrom = "2026-01-01"\nto = "2026-06-30"\nunits = {PA_UNITS}\n'))
            number = self.must("admin", ["pa", "submit", "--form", form])["pa_number"]
            self.must("ops", ["ops", "pa", "decide", number, "--approve"])
            self.pas.append((number, f"PM{p:06d}"))
            self.next_pa_claim[number] = 0
        log(f"signing {self.procs} clients in ...")
        for w in range(self.procs):
            self.must(f"w{w}", ["login", "--username", ADMIN, "--password-stdin"], ADMIN_PW)
        v = self.must("ops", ["audit", "verify"])
        assert v["ok"], v
        # The verify just run writes its own entry after the ones it counted.
        self.audit_before = v["entries"] + 1

    # ---------------------------------------------------------------- the commands

    def claim_form(self, member, code, dos, units, pa=None):
        extra = f'prior_auth_number = "{pa}"\n' if pa else ""
        return (f'member_id = "{member}"\nbilling_npi = "{NPI}"\ndiagnosis_codes = ["F41.1"]\n'
                f'place_of_service = "11"\n{extra}\n[[lines]]\nprocedure_code = "{code}"\n'
                f'modifiers = []\ndate_of_service = "{dos}"\nunits = {units}\ncharge = "{60 * units}"\n')

    def unique_claim(self):
        with self.lock:
            k = self.next_claim
            self.next_claim += 1
        member = f"CM{k % N_MEMBERS:06d}"
        code = CODES[(k // N_MEMBERS) % len(CODES)]
        dos = CLAIM_DAY0 + datetime.timedelta(days=k // (N_MEMBERS * len(CODES)))
        return self.claim_form(member, code, dos, 1)

    def record(self, kind, code, secs, err, ok):
        with self.lock:
            self.results.append((kind, code, secs))
            if not ok:
                self.failures.append(f"{kind}: exit {code}: {err.strip()[:400]}")

    def accepted(self, out, pa, units):
        icn = json.loads(out)["icn"]
        with self.lock:
            self.icns_reported.append(icn)
            self.claims[icn] = (pa, units)
        return icn

    def one(self, w, rng, kind):
        me = f"w{w}"
        if kind == "claim void":
            with self.lock:
                icns = list(self.claims)
            if not icns:
                kind = "claim submit"
            else:
                # Mostly recent claims: other clients are likely voiding the same ones.
                icn = icns[-1 - int(rng.expovariate(1 / 8)) % len(icns)]
                code, out, err, secs = self.run(me, ["claim", "void", icn, "--json"])
                ok = code in EXPECTED[kind] and (code == 0 or "already voided" in err)
                if code == 0:
                    with self.lock:
                        self.voided.append(icn)
                self.record(kind, code, secs, err, ok)
                return 1
        if kind == "claim submit (PA)":
            number, member = self.pas[rng.randrange(len(self.pas))]
            with self.lock:
                day = self.next_pa_claim[number]
                self.next_pa_claim[number] += 1
            if day >= PA_DAYS:
                kind = "claim submit"
            else:
                units = rng.randint(1, 3)
                dos = PA_DAY0 + datetime.timedelta(days=day)
                form = self.write("pa-claim.toml", self.claim_form(member, "H0004", dos, units, number))
                code, out, err, secs = self.run(me, ["claim", "submit", "--form", form, "--json"])
                ok = code in EXPECTED[kind] and (code == 0 or "unit(s) left" in err)
                if code == 0:
                    self.accepted(out, number, units)
                self.record(kind, code, secs, err, ok)
                return 1
        if kind == "claim submit":
            form = self.write("claim.toml", self.unique_claim())
            code, out, err, secs = self.run(me, ["claim", "submit", "--form", form, "--json"])
            if code == 0:
                self.accepted(out, None, 1)
            self.record(kind, code, secs, err, code == 0)
            return 1
        if kind == "claim submit (identical pair)":
            form = self.write("pair.toml", self.unique_claim())
            args = [self.bin, "claim", "submit", "--form", form, "--json"]
            t0 = time.monotonic()
            ps = [subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True, env=self.env(me), cwd=self.work)
                  for _ in range(2)]
            outs = []
            for p in ps:
                out, err = p.communicate(timeout=600)
                outs.append((p.returncode, out, err, time.monotonic() - t0))
            codes = sorted(o[0] for o in outs)
            good = codes == [0, 7]
            if good:
                won = next(o for o in outs if o[0] == 0)
                lost = next(o for o in outs if o[0] == 7)
                icn = self.accepted(won[1], None, 1)
                good = f"duplicate of claim {icn}" in lost[2]
            with self.lock:
                self.pairs += 1
                if not good:
                    self.pairs_bad.append((codes, [o[2].strip()[:300] for o in outs]))
            for code, _, err, secs in outs:
                self.record(kind, code, secs, err, good)
            return 2
        if kind == "elig check":
            member = f"CM{rng.randrange(N_MEMBERS):06d}"
            code, out, err, secs = self.run(me, ["elig", "check", "--id", member, "--json"],
                                            extra={"MMIS_TOKEN": self.token})
            ok = code == 0 and json.loads(out).get("eligible") is True
        elif kind == "elig batch":
            code, out, err, secs = self.run(me, ["elig", "batch", self.roster, "--format", "ndjson"],
                                            extra={"MMIS_TOKEN": self.token})
            ok = code == 0 and len(out.splitlines()) == 20
        elif kind == "pa submit":
            member = f"CM{rng.randrange(N_MEMBERS):06d}"
            form = self.write("pa.toml", (
                f'kind = "prior-auth"\nmember_id = "{member}"\ndiagnosis_codes = ["F43.10"]\n'
                'procedure_codes = ["H2014"]\nfrom = "2026-03-16"\nto = "2026-09-15"\nunits = 8\n'))
            code, out, err, secs = self.run(me, ["pa", "submit", "--form", form, "--json"])
            ok = code == 0
            if ok:
                with self.lock:
                    self.pas_created.append(json.loads(out)["pa_number"])
        elif kind == "token create":
            with self.lock:
                name = f"w{w}-t{len(self.tokens_created)}-{rng.randrange(1 << 30)}"
            code, out, err, secs = self.run(me, ["token", "create", "--name", name,
                                                 "--roles", "Eligibility Inquiry", "--json"])
            ok = code == 0
            if ok:
                with self.lock:
                    self.tokens_created.append(json.loads(out)["name"])
        elif kind == "clerk roles":
            user = self.clerks[rng.randrange(len(self.clerks))]
            change = rng.choice(["--grant", "--revoke"])
            code, out, err, secs = self.run(me, ["clerk", "roles", user, change, "PCPCH", "--json"])
            ok = code == 0
        elif kind == "login":
            code, out, err, secs = self.run(me, ["login", "--username", ADMIN, "--password-stdin", "--json"],
                                            stdin=ADMIN_PW)
            ok = code == 0
        else:
            raise AssertionError(kind)
        self.record(kind, code, secs, err, ok and code in EXPECTED[kind])
        return 1

    def worker(self, w):
        rng = random.Random(self.seed * 7919 + w)
        kinds = list(MIX)
        weights = [MIX[k][0] for k in kinds]
        done = 0
        while done < self.cmds:
            kind = rng.choices(kinds, weights)[0]
            if kind == "claim submit (identical pair)" and self.cmds - done < 2:
                kind = "claim submit"
            try:
                done += self.one(w, rng, kind)
            except Exception as e:  # a timeout or unreadable output: a failure, go on
                with self.lock:
                    self.failures.append(f"{kind}: {type(e).__name__}: {e}")
                done += 1

    # ---------------------------------------------------------------- the checks

    def check(self, seconds):
        checks = {}
        n = len(self.results)
        codes = {}
        for kind, code, _ in self.results:
            codes.setdefault(kind, {}).setdefault(str(code), 0)
            codes[kind][str(code)] += 1
        bad_exits = sum(1 for _, c, _ in self.results if c in (1, 8) or c < 0)
        checks["no exit 1 or 8"] = bad_exits == 0
        checks["every exit as expected"] = not self.failures

        v = self.must("ops", ["audit", "verify"])
        run_entries = v["entries"] - self.audit_before
        checks["audit verify passes"] = v["ok"] is True
        checks["audit entries = commands"] = run_entries == n
        entries = self.must("ops", ["audit", "log"])
        ids = [e["id"] for e in entries]
        checks["audit ids one line (1..N, no gap)"] = ids == list(range(1, len(ids) + 1))
        mine = [e for e in entries if self.audit_before < e["id"] <= v["entries"]]
        by_action = {}
        for e in mine:
            by_action[e["action"]] = by_action.get(e["action"], 0) + 1
        want = {}
        for kind, _, _ in self.results:
            want[MIX[kind][1]] = want.get(MIX[kind][1], 0) + 1
        checks["audit entries per action = commands per kind"] = by_action == want

        listed = self.must(f"w0", ["claim", "list"])
        listed_icns = [c["icn"] for c in listed]
        checks["no duplicate ICN (reported)"] = len(set(self.icns_reported)) == len(self.icns_reported)
        checks["no duplicate ICN (stored)"] = len(set(listed_icns)) == len(listed_icns)
        checks["no lost or extra claim"] = set(listed_icns) == set(self.claims)
        stored_voided = {c["icn"] for c in listed if c["status"] == "voided"}
        checks["each claim voided once, as reported"] = (
            len(set(self.voided)) == len(self.voided) and stored_voided == set(self.voided))
        checks["identical pairs: one claim, one duplicate (exit 7)"] = not self.pairs_bad

        pas = self.must("w0", ["pa", "list"])
        numbers = [p["pa_number"] for p in pas]
        want_pas = set(self.pas_created) | {p for p, _ in self.pas}
        checks["no lost or extra PA"] = (len(set(numbers)) == len(numbers) and set(numbers) == want_pas)
        toks = self.must("w0", ["token", "list"])
        names = [t["name"] for t in toks]
        checks["no lost or extra token"] = (
            len(set(names)) == len(names) and set(names) == set(self.tokens_created) | set(self.setup_tokens))

        units_ok, pa_claims, detail = True, 0, []
        voided = set(self.voided)
        for number, _ in self.pas:
            live = {icn: u for icn, (p, u) in self.claims.items() if p == number and icn not in voided}
            pa_claims += len([1 for p, _ in self.claims.values() if p == number])
            got = self.must("w0", ["pa", "inquire", number])
            stored = {c["icn"]: c["units"] for c in got["claims"]}
            if (got["used_units"] != sum(live.values()) or stored != live
                    or got["used_units"] > got["approved_units"]
                    or got["units_left"] != got["approved_units"] - got["used_units"]):
                units_ok = False
                detail.append(f"{number}: used {got['used_units']} of {got['approved_units']}, "
                              f"claims {sum(live.values())} units in {len(live)}")
        checks["PA units: used = units of the live claims that took them, never above the approval"] = units_ok
        if detail:
            self.failures += detail

        lat = sorted(s for _, _, s in self.results)
        pct = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000 if lat else 0.0
        kinds = {}
        for kind in MIX:
            ts = sorted(s for k, _, s in self.results if k == kind)
            if ts:
                kinds[kind] = {"n": len(ts), "exits": codes.get(kind, {}),
                               "p50_ms": round(ts[len(ts) // 2] * 1000, 1),
                               "p99_ms": round(ts[min(len(ts) - 1, int(0.99 * len(ts)))] * 1000, 1)}
        return {
            "store": "postgres" if self.db.startswith(("postgres://", "postgresql://")) else "sqlite",
            "procs": self.procs, "cmds_per_proc": self.cmds, "commands": n,
            "seconds": round(seconds, 2), "throughput": round(n / seconds, 1) if seconds else 0,
            "p50_ms": round(pct(0.50), 1), "p99_ms": round(pct(0.99), 1), "max_ms": round(pct(1.0), 1),
            "by_kind": kinds,
            "claims_accepted": len(self.claims), "claims_voided": len(set(self.voided)),
            "pa_claims_accepted": pa_claims, "approved_pas": len(self.pas), "identical_pairs": self.pairs,
            "pas_created": len(self.pas_created), "tokens_created": len(self.tokens_created),
            "audit_entries_run": run_entries, "audit_entries_total": v["entries"],
            "checks": checks, "ok": all(checks.values()),
            "failures": self.failures[:50],
        }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--procs", type=int, default=int(os.environ.get("STORE_BENCH_PROCS", 32)))
    ap.add_argument("--cmds", type=int, default=int(os.environ.get("STORE_BENCH_CMDS", 1000)))
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    d = Driver(a)
    d.setup()
    log(f"running {a.procs} clients x {a.cmds} commands ...")
    threads = [threading.Thread(target=d.worker, args=(w,)) for w in range(a.procs)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.monotonic() - t0
    log(f"done in {seconds:.1f} s; checking ...")
    summary = d.check(seconds)
    print(json.dumps(summary, indent=1))
    return 0 if summary["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
