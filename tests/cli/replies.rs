//! Issue 12, points 3 and 4: every reply is readable X12 (an envelope it cannot carry is
//! refused naming it; data it cannot carry never fails the file), and 270s as
//! clearinghouses send them (dependents, several service types, several interchanges,
//! implausible values) are answered. Every reply is read back with our own reader and,
//! where the venv exists, checked by pyx12 and linuxforhealth-x12.

use crate::claims::{batch_837, pyx12_valid, write_unique, PROVIDER};
use crate::common::*;
use mmis::x12::Interchange;
use std::path::{Path, PathBuf};

const MEMBERS: &str = include_str!("../../fixtures/members.csv");

/// A store with the JAMJON site administrator and the fixture members imported.
fn setup() -> Sandbox {
    let sb = Sandbox::new();
    sb.with_admin();
    let p = sb.write("members.csv", MEMBERS);
    sb.run_as(
        "ops",
        &["ops", "member", "import", p.to_str().unwrap(), "--json"],
        None,
    )
    .ok();
    sb
}

/// The four delimiters: element, repetition, component, segment.
type Delims = (char, char, char, char);
const STAR: Delims = ('*', '^', ':', '~');
const PIPE: Delims = ('|', '}', '>', '!');

/// One interchange (ISA13 `control`) of one group holding one transaction set of
/// `segments` (each a list of elements, the id first), written with `d`. `isa06` is
/// padded to 15 bytes (not characters), as a sender writing UTF-8 would.
fn interchange(
    d: Delims,
    isa06: &str,
    gs02: &str,
    (gs01, st01, version): (&str, &str, &str),
    st02: &str,
    control: u32,
    segments: &[Vec<&str>],
) -> String {
    let (e, r, c, s) = d;
    let pad = |v: &str| format!("{v}{}", " ".repeat(15usize.saturating_sub(v.len())));
    let seg = |els: &[&str]| format!("{}{s}", els.join(&e.to_string()));
    let mut out = format!(
        "ISA{e}00{e}{:10}{e}00{e}{:10}{e}ZZ{e}{}{e}ZZ{e}{}{e}260316{e}0900{e}{r}{e}00501{e}{control:09}{e}0{e}T{e}{c}{s}",
        "",
        "",
        pad(isa06),
        pad("ORMMIS")
    );
    out.push_str(&seg(&[
        "GS", gs01, gs02, "ORMMIS", "20260316", "0900", "1", "X", version,
    ]));
    out.push_str(&seg(&["ST", st01, st02, version]));
    for els in segments {
        out.push_str(&seg(els));
    }
    let n = (segments.len() + 2).to_string();
    out.push_str(&seg(&["SE", &n, st02]));
    out.push_str(&seg(&["GE", "1", "1"]));
    out.push_str(&seg(&["IEA", "1", &format!("{control:09}")]));
    out
}

const X270: (&str, &str, &str) = ("HS", "270", "005010X279A1");

/// The 2000A/2000B loops of a 270, then `inquiry` (from HL*3 on).
fn x270_segments<'a>(inquiry: &[Vec<&'a str>]) -> Vec<Vec<&'a str>> {
    let mut v = vec![
        vec!["BHT", "0022", "13", "R1", "20260316", "0900"],
        vec!["HL", "1", "", "20", "1"],
        vec![
            "NM1",
            "PR",
            "2",
            "OREGON HEALTH AUTHORITY",
            "",
            "",
            "",
            "",
            "PI",
            "ORMMIS",
        ],
        vec!["HL", "2", "1", "21", "1"],
        vec![
            "NM1",
            "1P",
            "2",
            "JONES FAMILY THERAPY",
            "",
            "",
            "",
            "",
            "XX",
            "1234567893",
        ],
    ];
    v.extend(inquiry.iter().cloned());
    v
}

/// A subscriber inquiry by Health ID with trace number `trace`.
fn by_id<'a>(id: &'a str, trace: &'a str) -> Vec<Vec<&'a str>> {
    vec![
        vec!["HL", "3", "2", "22", "0"],
        vec!["TRN", "1", trace, "9123456789"],
        vec!["NM1", "IL", "1", "", "", "", "", "", "MI", id],
        vec!["DTP", "291", "D8", "20260316"],
        vec!["EQ", "30"],
    ]
}

fn x270(d: Delims, isa06: &str, inquiry: &[Vec<&str>]) -> String {
    interchange(d, isa06, "CLINIC", X270, "0001", 1, &x270_segments(inquiry))
}

/// The Python venv with lfhx12 and pyx12 (`MMIS_X12_VENV`, default `.venv`).
fn venv() -> Option<PathBuf> {
    let dir = std::env::var_os("MMIS_X12_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join(".venv"));
    if dir.join("bin/lfhx12").exists() {
        return Some(dir);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but no X12 validator venv at {}",
        dir.display()
    );
    eprintln!("notice: no X12 validator venv; skipping linuxforhealth-x12");
    None
}

/// Which independent validators a reply must pass.
#[derive(Clone, Copy, PartialEq)]
enum By {
    /// A 999: pyx12 with its own maps.
    Pyx12,
    /// A 271 with AAA rejections: pyx12 with the shared maps (linuxforhealth-x12 checks a
    /// 2100C AAA against 2100B's code list).
    Pyx12Shared,
    /// A 271: pyx12 with the shared maps and linuxforhealth-x12.
    Both,
}

/// The reply passes our reader (every interchange of it) and the validators `by`.
#[track_caller]
fn valid(path: &Path, by: By) {
    let lfh = by == By::Both;
    let text = std::fs::read_to_string(path).unwrap();
    for part in mmis::x12::split_interchanges(&text) {
        if let Err(e) = Interchange::parse(part) {
            panic!("our reader rejects {}: {e}\n{text}", path.display());
        }
    }
    if by == By::Pyx12 {
        pyx12_valid(&[path.to_str().unwrap()]);
        return;
    }
    let Some(v) = venv() else { return };
    // pyx12 with the shared maps (its own lack the 271).
    let shared = std::env::var_os("MMIS_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    if shared.join("x12/pyx12check.py").exists() {
        let out = std::process::Command::new(v.join("bin/python"))
            .arg(shared.join("x12/pyx12check.py"))
            .arg("-m")
            .arg(shared.join("x12/pyx12maps"))
            .arg(path)
            .output()
            .expect("run pyx12check");
        assert!(
            out.status.success(),
            "pyx12 rejects {}:\n{}{}\n{text}",
            path.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    } else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI=true but no shared X12 material at {}",
            shared.display()
        );
    }
    if lfh {
        let out = std::process::Command::new(v.join("bin/lfhx12"))
            .args(["-m", "-x"])
            .arg(path)
            .output()
            .expect("run lfhx12");
        assert!(
            out.status.success(),
            "lfhx12 rejects {}:\n{}\n{text}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// Answers the 270 `text`, expecting exit 0; returns the 271 and its path.
fn answer(sb: &Sandbox, name: &str, text: &str) -> (String, PathBuf) {
    let p = sb.write(name, text);
    let o = sb.path(&format!("{name}.271"));
    sb.run_as(
        "admin",
        &[
            "elig",
            "batch",
            "--x12",
            p.to_str().unwrap(),
            "--out",
            o.to_str().unwrap(),
            "--json",
        ],
        None,
    )
    .ok();
    (std::fs::read_to_string(&o).expect("271 written"), o)
}

// ------------------------------------------------------------------ point 3: 271s

#[test]
fn a_270_from_a_non_ascii_isa06_is_refused_naming_the_envelope() {
    let sb = setup();
    let text = x270(STAR, "CLÍNIC", &by_id("TR200001", "T1"));
    assert_eq!(text.find("GS*").unwrap(), 106, "the ISA is 106 bytes");
    let p = sb.write("utf8.270", &text);
    let o = sb.path("utf8.271");
    sb.run_as(
        "admin",
        &[
            "elig",
            "batch",
            "--x12",
            p.to_str().unwrap(),
            "--out",
            o.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("the 271 cannot be addressed to the 270's sender")
    .err_contains("outside the X12 character set")
    .err_contains("nothing was answered");
    assert!(!o.exists());
}

#[test]
fn a_270_from_a_one_character_isa06_is_answered() {
    let sb = setup();
    let text = x270(STAR, "5", &by_id("TR200001", "T1"));
    let (out, o) = answer(&sb, "one.270", &text);
    assert!(out.contains("*ZZ*5              *"), "{out}");
    // GS03 is the 270's GS02 (a GS id is 2 to 15 characters).
    assert!(out.contains("~GS*HB*ORMMIS*CLINIC*"), "{out}");
    assert!(out.contains("EB*1*IND*30*MC*"), "{out}");
    valid(&o, By::Both);
}

#[test]
fn a_star_in_a_trace_number_under_pipes_is_echoed_with_the_senders_delimiters() {
    let sb = setup();
    let text = x270(PIPE, "CLINIC", &by_id("TR200001", "T*1"));
    let (out, o) = answer(&sb, "pipes.270", &text);
    assert!(out.starts_with("ISA|00|"), "{out}");
    assert!(out.contains("|}|00501|"), "{out}");
    assert!(out.contains("TRN|2|T*1|9123456789!"), "{out}");
    valid(&o, By::Both);
}

#[test]
fn store_data_holding_the_senders_delimiter_is_carried_without_it() {
    // Oduya Grace's plan partner is "Providence Health & Services": under `&` as the
    // component separator the 271 carries it with a space instead.
    let sb = setup();
    let text = x270(('*', '^', '&', '~'), "CLINIC", &by_id("HS300005", "T1"));
    let (out, o) = answer(&sb, "amp.270", &text);
    assert!(
        out.contains("MSG*PLAN PARTNER Providence Health   Services~"),
        "{out}"
    );
    valid(&o, By::Both);
}

// ------------------------------------------------------------------ point 3: 999s

/// Submits the 837P `text`, expecting exit 0; returns the JSON and the ack text.
fn submit(sb: &Sandbox, text: &str) -> (serde_json::Value, String, PathBuf) {
    let file = write_unique(sb, "837", text);
    let ack = sb.path(&format!("{}.999", file.rsplit('/').next().unwrap()));
    let v = sb.json_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            &file,
            "--ack",
            ack.to_str().unwrap(),
        ],
    );
    let t = std::fs::read_to_string(&ack).expect("ack written");
    (v, t, ack)
}

#[test]
fn an_837p_with_a_star_in_st02_under_pipes_is_taken_and_acknowledged() {
    let sb = crate::claims::setup();
    let text = std::fs::read_to_string(batch_837(
        &sb,
        &[("PCN-1", "OC100001", "90837", "2026-03-10")],
    ))
    .unwrap();
    assert!(!text.contains('|') && !text.contains('!'));
    let piped = text
        .replace('*', "|")
        .replace('~', "!")
        .replace("|^|00501|", "|}|00501|")
        .replace("ST|837|0001|", "ST|837|0*01|")
        .replacen("|0001!GE|", "|0*01!GE|", 1);
    assert!(piped.contains("|0*01!GE|"), "{piped}");
    let (v, ack, path) = submit(&sb, &piped);
    assert_eq!(v["accepted"], 1, "{v}");
    assert!(
        ack.contains("AK2|837|0*01|005010X222A1!IK5|A!AK9|A|1|1|1!"),
        "{ack}"
    );
    valid(&path, By::Pyx12);
}

#[test]
fn an_837p_with_a_one_character_isa06_gets_a_real_999() {
    let sb = crate::claims::setup();
    let text = std::fs::read_to_string(batch_837(
        &sb,
        &[("PCN-1", "OC100001", "90837", "2026-03-10")],
    ))
    .unwrap();
    let isa06 = format!("*{PROVIDER:<15}*");
    let text = text.replacen(&isa06, &format!("*{:<15}*", "5"), 1);
    let (v, ack, path) = submit(&sb, &text);
    assert_eq!(v["accepted"], 1, "{v}");
    assert!(ack.contains("*ZZ*5              *"), "{ack}");
    assert!(ack.contains("AK9*A*1*1*1~"), "{ack}");
    valid(&path, By::Pyx12);
}

// ------------------------------------------------------------------ point 4

#[test]
fn a_dependent_not_found_is_answered_in_the_dependents_own_loop() {
    let sb = setup();
    let inquiry = vec![
        vec!["HL", "3", "2", "22", "1"],
        vec![
            "NM1",
            "IL",
            "1",
            "LINDQVIST",
            "ERIK",
            "",
            "",
            "",
            "MI",
            "TR200001",
        ],
        vec!["HL", "4", "3", "23", "0"],
        vec!["TRN", "1", "DEP1", "9123456789"],
        vec!["NM1", "03", "1", "LINDQVIST", "ASTRID"],
        vec!["DMG", "D8", "20150101"],
        vec!["DTP", "291", "D8", "20260316"],
        vec!["EQ", "30"],
    ];
    let (out, o) = answer(&sb, "dep.270", &x270(STAR, "CLINIC", &inquiry));
    assert!(
        out.contains("HL*3*2*22*1~NM1*IL*1*LINDQVIST*ERIK****MI*TR200001~HL*4*3*23*0~TRN*2*DEP1*9123456789~NM1*03*1*LINDQVIST*ASTRID~AAA*N**67*C~DMG*D8*20150101~"),
        "{out}"
    );
    assert!(!out.contains("NM1*IL*1*LINDQVIST*ASTRID"), "{out}");
    valid(&o, By::Pyx12Shared);
}

#[test]
fn every_service_type_asked_is_answered() {
    let sb = setup();
    let mut inquiry = by_id("OC100001", "T1");
    inquiry.pop();
    inquiry.push(vec!["EQ", "30^1^33"]);
    inquiry.push(vec!["EQ", "88"]);
    let (out, o) = answer(&sb, "eq.270", &x270(STAR, "CLINIC", &inquiry));
    for st in ["30", "1", "33", "88"] {
        assert!(
            out.contains(&format!("EB*1*IND*{st}*MC*")),
            "service type {st}: {out}"
        );
    }
    valid(&o, By::Both);
}

#[test]
fn several_270_interchanges_are_each_answered() {
    let sb = setup();
    let one = x270(STAR, "CLINIC", &by_id("TR200001", "T1"));
    let two = interchange(
        PIPE,
        "OTHER",
        "OTHER",
        X270,
        "0001",
        2,
        &x270_segments(&by_id("OC100001", "T2")),
    );
    let p = sb.write("two.270", &format!("{one}\n{two}\n"));
    let o = sb.path("two.271");
    let v = sb.json_as(
        "admin",
        &[
            "elig",
            "batch",
            "--x12",
            p.to_str().unwrap(),
            "--out",
            o.to_str().unwrap(),
        ],
    );
    assert_eq!(v["inquiries"], 2, "{v}");
    assert_eq!(v["interchanges"], 2, "{v}");
    let out = std::fs::read_to_string(&o).unwrap();
    let parts = mmis::x12::split_interchanges(&out);
    assert_eq!(parts.len(), 2, "{out}");
    assert!(parts[0].contains("TRN*2*T1*"), "{out}");
    assert!(
        parts[1].starts_with("ISA|") && parts[1].contains("TRN|2|T2|"),
        "{out}"
    );
    for (n, part) in parts.iter().enumerate() {
        let one = sb.write(&format!("part{n}.271"), part);
        valid(&one, By::Both);
    }
    // Trailing junk after the last IEA is still refused.
    let p = sb.write("junk.270", &format!("{one}GS*HS~"));
    sb.run_as(
        "admin",
        &["elig", "batch", "--x12", p.to_str().unwrap()],
        None,
    )
    .code(6)
    .err_contains("data after IEA");
}

#[test]
fn several_837p_interchanges_are_each_taken_with_one_999_each() {
    let sb = crate::claims::setup();
    let a = std::fs::read_to_string(batch_837(
        &sb,
        &[("PCN-1", "OC100001", "90837", "2026-03-10")],
    ))
    .unwrap();
    let b = std::fs::read_to_string(batch_837(
        &sb,
        &[("PCN-2", "OC100002", "90834", "2026-03-11")],
    ))
    .unwrap()
    .replace("000000007", "000000008");
    let (v, ack, path) = submit(&sb, &format!("{a}\n{b}"));
    assert_eq!(v["accepted"], 2, "{v}");
    let parts = mmis::x12::split_interchanges(&ack);
    assert_eq!(parts.len(), 2, "{ack}");
    for part in &parts {
        assert!(part.contains("AK9*A*1*1*1~"), "{ack}");
    }
    valid(&path, By::Pyx12);
    // A broken second interchange refuses the file: nothing stored, and each
    // interchange's acknowledgment says so.
    let sb = crate::claims::setup();
    let a = std::fs::read_to_string(batch_837(
        &sb,
        &[("PCN-1", "OC100001", "90837", "2026-03-10")],
    ))
    .unwrap();
    let bad = a
        .replace("000000007", "000000008")
        .replace("IEA*1*000000008", "IEA*2*000000008");
    let file = write_unique(&sb, "837", &format!("{a}{bad}"));
    let ack = sb.path("refused.999");
    sb.run_as(
        "admin",
        &[
            "claim",
            "submit",
            "--x12",
            &file,
            "--ack",
            ack.to_str().unwrap(),
        ],
        None,
    )
    .code(6)
    .err_contains("interchange 2 of 2");
    let text = std::fs::read_to_string(&ack).unwrap();
    let parts = mmis::x12::split_interchanges(&text);
    assert_eq!(parts.len(), 2, "{text}");
    assert!(parts[0].contains("AK9*R*1*1*0~"), "{text}");
    assert!(
        parts[1].contains("TA1*000000008*") && parts[1].contains("*R*021~"),
        "{text}"
    );
    assert_eq!(
        sb.json_as("admin", &["claim", "list"])
            .as_array()
            .unwrap()
            .len(),
        0
    );
}

#[test]
fn a_birth_date_before_1800_is_not_echoed() {
    let sb = setup();
    let inquiry = vec![
        vec!["HL", "3", "2", "22", "0"],
        vec!["TRN", "1", "T1", "9123456789"],
        vec!["NM1", "IL", "1", "DOE", "JANE"],
        vec!["DMG", "D8", "17371207"],
        vec!["DTP", "291", "D8", "20260316"],
        vec!["EQ", "30"],
    ];
    let (out, o) = answer(&sb, "old.270", &x270(STAR, "CLINIC", &inquiry));
    assert!(!out.contains("1737"), "{out}");
    assert!(out.contains("AAA*N**58*C~"), "{out}");
    valid(&o, By::Pyx12Shared);
}

// ------------------------------------------------------------------ properties

/// Random 270 interchanges (random delimiters; random printable receiver names, trace
/// numbers and patient names), all in one file: the 271 answering each passes our reader,
/// pyx12 and linuxforhealth-x12.
#[test]
fn random_270s_get_valid_271s() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    const PUNCT: &str = "!\"#$%&'()*+,/;<=>?@[\\]^_`{|}~:";
    let strategy = (
        proptest::sample::subsequence(PUNCT.chars().collect::<Vec<_>>(), 4).prop_shuffle(),
        "[ -~]{1,60}",
        "[ -~]{1,50}",
        "[ -~]{1,35}",
    );
    let mut runner = TestRunner::deterministic();
    let sb = setup();
    let mut file = String::new();
    let mut traces = Vec::new();
    for n in 0..12u32 {
        let (d, name, trace, first) = strategy.new_tree(&mut runner).unwrap().current();
        let d: Delims = (d[0], d[1], d[2], d[3]);
        let clean = |s: &str| {
            let t: String = s
                .chars()
                .map(|c| {
                    if [d.0, d.1, d.2, d.3].contains(&c) {
                        'X'
                    } else {
                        c
                    }
                })
                .collect();
            let t = t.trim().to_string();
            if t.is_empty() {
                "X".to_string()
            } else {
                t
            }
        };
        let (name, trace, first) = (clean(&name), clean(&trace), clean(&first));
        let mut segs = x270_segments(&[]);
        segs[4][3] = &name;
        let ids = ["TR200001", "OC100001", "HS300002"];
        let inquiry = vec![
            vec!["HL", "3", "2", "22", "0"],
            vec!["TRN", "1", &trace, "9123456789"],
            vec![
                "NM1",
                "IL",
                "1",
                "DOE",
                &first,
                "",
                "",
                "",
                "MI",
                ids[n as usize % 3],
            ],
            vec!["DTP", "291", "D8", "20260316"],
            vec!["EQ", "30"],
        ];
        segs.extend(inquiry);
        file.push_str(&interchange(
            d,
            "CLINIC",
            "CLINIC",
            X270,
            "0001",
            n + 1,
            &segs,
        ));
        file.push('\n');
        traces.push(trace);
    }
    let (out, _) = answer(&sb, "random.270", &file);
    let parts = mmis::x12::split_interchanges(&out);
    assert_eq!(parts.len(), 12, "{out}");
    for (n, (part, trace)) in parts.iter().zip(&traces).enumerate() {
        let ic = Interchange::parse(part).unwrap_or_else(|e| panic!("{e}\n{part}"));
        let trn = ic.groups[0].transactions[0]
            .segments
            .iter()
            .find(|s| s.id() == "TRN")
            .map(|s| s.element(2));
        assert_eq!(trn, Some(trace.as_str()), "{part}");
        let p = sb.write(&format!("random{n}.271"), part);
        valid(&p, By::Both);
    }
}

/// Random delimiters and random printable ST02s, several interchanges in one 837P file:
/// the 999s (one per interchange) pass our reader and pyx12, and echo each ST02.
#[test]
fn random_837ps_get_valid_999s() {
    use proptest::strategy::{Strategy, ValueTree};
    use proptest::test_runner::TestRunner;
    let sb = crate::claims::setup();
    let base = std::fs::read_to_string(batch_837(
        &sb,
        &[("PCN-1", "OC100001", "90837", "2026-03-10")],
    ))
    .unwrap();
    // Delimiters the 837's own text does not hold.
    let free: Vec<char> = "!\"#$%&'()*+,/;<=>?@[\\]^_`{|}~:"
        .chars()
        .filter(|c| !"*^:~".contains(*c) && !base.contains(*c))
        .collect();
    let strategy = (
        proptest::sample::subsequence(free, 4).prop_shuffle(),
        "[ -~]{4,9}",
    );
    let mut runner = TestRunner::deterministic();
    let mut file = String::new();
    let mut st02s = Vec::new();
    for n in 0..6u32 {
        let (d, st02) = strategy.new_tree(&mut runner).unwrap().current();
        let st02: String = st02
            .chars()
            .map(|c| {
                if d.contains(&c) || "*^:~ ".contains(c) {
                    'X'
                } else {
                    c
                }
            })
            .collect();
        let text = base
            .replace("000000007", &format!("{:09}", n + 1))
            .replace("ST*837*0001*", &format!("ST*837*{st02}*"))
            .replace("*0001~GE*", &format!("*{st02}~GE*"));
        let mapped: String = text
            .chars()
            .map(|c| match c {
                '*' => d[0],
                '^' => d[1],
                ':' => d[2],
                '~' => d[3],
                c => c,
            })
            .collect();
        file.push_str(&mapped);
        st02s.push(st02);
    }
    let (v, ack, _) = submit(&sb, &file);
    // The same claim six times: the first is accepted, the others are duplicates.
    assert_eq!(v["accepted"], 1, "{v}");
    assert_eq!(v["refused"], 5, "{v}");
    let parts = mmis::x12::split_interchanges(&ack);
    assert_eq!(parts.len(), 6, "{ack}");
    for (n, (part, st02)) in parts.iter().zip(&st02s).enumerate() {
        let ic = Interchange::parse(part).unwrap_or_else(|e| panic!("{e}\n{part}"));
        let ak2 = ic.groups[0].transactions[0]
            .segments
            .iter()
            .find(|s| s.id() == "AK2")
            .map(|s| s.element(2));
        assert_eq!(ak2, Some(st02.as_str()), "{part}");
        let p = sb.write(&format!("random{n}.999"), part);
        valid(&p, By::Pyx12);
    }
}
