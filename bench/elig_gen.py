#!/usr/bin/env python3
"""Made-up eligibility data for bench/elig.sh (no real people).

  elig_gen.py members N_MEMBERS SPANS_PER_MEMBER OUT.csv   (1 or 2 spans each; 1.1: every
                                                            10th member has a second span)
  elig_gen.py roster N_ROWS N_MEMBERS OUT.csv              (IDs, some by name, some unknown)
  elig_gen.py x270 N_INQUIRIES N_MEMBERS OUT.270           (one ST, one 2000C per inquiry)
"""
import sys

LAST = ["Smith", "Nguyen", "Garcia", "Johnson", "Lee", "Brown", "Martinez", "Davis", "Lopez", "Wilson",
        "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Thompson", "White", "Harris", "Clark"]
FIRST = ["Ava", "Ben", "Cara", "Dan", "Eli", "Fay", "Gus", "Hana", "Ian", "Jo",
         "Kai", "Lia", "Max", "Nia", "Omar", "Pia", "Quin", "Rosa", "Sam", "Tia"]
PARTNERS = ["CareOregon", "Kaiser Permanente", "Legacy-PacificSource", "OHSU Health", "Providence Health & Services"]
HEAD = "health_id,last_name,first_name,dob,sex,coverage,plan,plan_type,start,end,plan_partner\n"


def person(i):
    hid = "M%07d" % i
    last = LAST[i % 20] + LAST[(i // 20) % 20].lower()
    first = FIRST[(i // 400) % 20] + FIRST[(i // 8000) % 20].lower()
    dob = "%04d-%02d-%02d" % (1940 + i % 80, 1 + (i // 80) % 12, 1 + (i // 960) % 28)
    sex = "FM"[i % 2]
    return hid, last, first, dob, sex


def members(n, per, out):
    with open(out, "w") as f:
        f.write(HEAD)
        for i in range(n):
            hid, last, first, dob, sex = person(i)
            p = f"{hid},{last},{first},{dob},{sex}"
            f.write(f"{p},benefit,BMH,,2024-01-01,,\n")
            if per < 2 and not (per > 1 and i % round(1 / (per - 1)) == 0):
                continue
            k = i % 4
            if k == 0:
                f.write(f"{p},cco,Health Share of Oregon,CCOA,2024-02-01,,{PARTNERS[(i // 4) % 5]}\n")
            elif k == 1:
                f.write(f"{p},cco,Trillium Community Health Plan,CCOB,2024-02-01,,\n")
            elif k == 2:
                f.write(f"{p},tpl,Example Mutual Insurance,,2024-01-01,,\n")
            else:
                f.write(f"{p},medicare,Medicare,A,2024-01-01,,\n")


def roster(n, m, out):
    with open(out, "w") as f:
        f.write("health_id,last_name,first_name,dob,date\n")
        for r in range(n):
            i = (r * 7919) % m
            hid, last, first, dob, _ = person(i)
            if r % 100 == 99:
                f.write("ZZ%06d,,,,\n" % r)
            elif r % 10 == 3:
                f.write(f",{last},{first},{dob},\n")
            elif r % 10 == 7:
                f.write(f"{hid},,,,2026-01-15\n")
            else:
                f.write(f"{hid},,,,\n")


def x270(n, m, out):
    segs = ["ST*270*0001*005010X279A1", "BHT*0022*13*BENCH1*20260316*0900",
            "HL*1**20*1", "NM1*PR*2*OREGON HEALTH AUTHORITY*****PI*ORMMIS",
            "HL*2*1*21*1", "NM1*1P*2*BENCH CLINIC*****XX*1467589325"]
    for q in range(n):
        i = (q * 7919) % m
        hid, last, first, dob, _ = person(i)
        if q % 100 == 99:
            hid = "ZZ%06d" % q
        segs += [f"HL*{q + 3}*2*22*0", f"TRN*1*T{q}*1934455667",
                 f"NM1*IL*1*{last.upper()}*{first.upper()}****MI*{hid}",
                 f"DMG*D8*{dob.replace('-', '')}", "DTP*291*D8*20260316", "EQ*30"]
    segs.append(f"SE*{len(segs) + 1}*0001")
    isa = ("ISA*00*          *00*          *ZZ*506675928      *ZZ*ORMMIS         "
           "*260316*0900*^*00501*000000001*0*T*:")
    text = [isa, "GS*HS*506675928*ORMMIS*20260316*0900*1*X*005010X279A1"] + segs + ["GE*1*1", "IEA*1*000000001"]
    with open(out, "w") as f:
        f.write("~".join(text) + "~")


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "members":
        members(int(sys.argv[2]), float(sys.argv[3]), sys.argv[4])
    elif kind == "roster":
        roster(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    elif kind == "x270":
        x270(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
    else:
        sys.exit(__doc__)
