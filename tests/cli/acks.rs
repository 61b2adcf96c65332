//! Acknowledgments say what happened: a broken 837P envelope is never acknowledged as
//! accepted. An interchange-level fault gets a TA1 with TA104 R, a group- or set-level
//! fault a 999 rejecting every set, an unreadable ISA no acknowledgment at all; in every
//! case exit 6 and nothing stored.

use crate::claims::{batch_837, pyx12_valid, setup, write_unique};
use crate::common::{Run, Sandbox};

/// An 837P with one claim (ISA13 000000007, GS06 7, ST02 0001) and the same text with
/// `from` replaced by `to` (which must occur).
fn broken(sb: &Sandbox, from: &str, to: &str) -> String {
    let file = batch_837(sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(from), "{from:?} not in {text}");
    write_unique(sb, "837", &text.replacen(from, to, 1))
}

/// The SE of the 837P `batch_837` writes (`SE*n*0001`).
fn se(sb: &Sandbox) -> String {
    let file = batch_837(sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    let at = text.find("SE*").unwrap();
    text[at..].split('~').next().unwrap().to_string()
}

/// Submits `file` with `--ack`, asserting exit 6 and that nothing was stored; returns
/// the run and the acknowledgment's text (None when no file was written).
fn refused(sb: &Sandbox, file: &str) -> (Run, Option<String>) {
    let ack = sb.path(&format!("{}.ack", file.rsplit('/').next().unwrap()));
    let r = sb
        .run_as(
            "admin",
            &[
                "claim",
                "submit",
                "--x12",
                file,
                "--ack",
                ack.to_str().unwrap(),
            ],
            None,
        )
        .code(6)
        .err_contains("is not a readable 837P")
        .err_contains("nothing was stored");
    let list = sb.json_as("admin", &["claim", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 0, "{list}");
    let text = std::fs::read_to_string(&ack).ok();
    if text.is_some() {
        pyx12_valid(&[ack.to_str().unwrap()]);
        assert!(
            r.stderr
                .contains(&format!("was written to {}", ack.display())),
            "{}",
            r.stderr
        );
    }
    (r, text)
}

/// The acknowledgment is a TA1 rejecting the interchange with note `code`, and no 999.
#[track_caller]
fn assert_ta1(r: &Run, text: &str, code: &str) {
    assert!(
        text.contains(&format!("~TA1*000000007*260316*0900*R*{code}~IEA*0*")),
        "{text}"
    );
    assert!(!text.contains("AK9") && !text.contains("GS*"), "{text}");
    assert!(
        r.stderr
            .contains(&format!("a TA1 rejecting the interchange (TA105 {code}")),
        "{}",
        r.stderr
    );
}

/// The acknowledgment is a 999 whose set and AK9 end with `tail`, and accepts nothing.
#[track_caller]
fn assert_999(r: &Run, text: &str, tail: &str) {
    assert!(
        text.contains(&format!(
            "AK1*HC*7*005010X222A1~AK2*837*0001*005010X222A1~{tail}"
        )),
        "{text}"
    );
    assert!(!text.contains("AK9*A") && !text.contains("IK5*A"), "{text}");
    assert!(
        r.stderr.contains("a 999 rejecting every transaction set"),
        "{}",
        r.stderr
    );
}

#[test]
fn iea02_not_isa13_gets_a_ta1_with_note_001() {
    let sb = setup();
    let file = broken(&sb, "IEA*1*000000007", "IEA*1*000000777");
    let (r, text) = refused(&sb, &file);
    assert_ta1(&r, &text.unwrap(), "001");
}

#[test]
fn a_missing_iea_gets_a_ta1_with_note_023() {
    let sb = setup();
    let file = broken(&sb, "IEA*1*000000007~", "");
    let (r, text) = refused(&sb, &file);
    assert_ta1(&r, &text.unwrap(), "023");
}

#[test]
fn a_wrong_iea01_gets_a_ta1_with_note_021() {
    let sb = setup();
    let file = broken(&sb, "IEA*1*000000007", "IEA*2*000000007");
    let (r, text) = refused(&sb, &file);
    assert_ta1(&r, &text.unwrap(), "021");
}

#[test]
fn a_wrong_ge01_gets_a_999_with_ak905_5() {
    let sb = setup();
    let file = broken(&sb, "GE*1*7", "GE*2*7");
    let (r, text) = refused(&sb, &file);
    assert_999(&r, &text.unwrap(), "IK5*R~AK9*R*2*1*0*5~");
}

#[test]
fn ge02_not_gs06_gets_a_999_with_ak905_4() {
    let sb = setup();
    let file = broken(&sb, "GE*1*7", "GE*1*8");
    let (r, text) = refused(&sb, &file);
    assert_999(&r, &text.unwrap(), "IK5*R~AK9*R*1*1*0*4~");
}

#[test]
fn a_wrong_se01_gets_a_999_with_ik502_4() {
    let sb = setup();
    let se = se(&sb);
    let n: usize = se.split('*').nth(1).unwrap().parse().unwrap();
    let file = broken(&sb, &se, &format!("SE*{}*0001", n + 1));
    let (r, text) = refused(&sb, &file);
    assert_999(&r, &text.unwrap(), "IK5*R*4~AK9*R*1*1*0~");
}

#[test]
fn se02_not_st02_gets_a_999_with_ik502_3() {
    let sb = setup();
    let se = se(&sb);
    let file = broken(&sb, &se, &se.replace("*0001", "*0002"));
    let (r, text) = refused(&sb, &file);
    assert_999(&r, &text.unwrap(), "IK5*R*3~AK9*R*1*1*0~");
}

#[test]
fn a_missing_ge_gets_a_999_with_ak905_3() {
    let sb = setup();
    let file = broken(&sb, "GE*1*7~", "");
    let (r, text) = refused(&sb, &file);
    assert_999(&r, &text.unwrap(), "IK5*R~AK9*R*1*1*0*3~");
}

#[test]
fn a_missing_se_gets_a_999_with_ik502_2() {
    let sb = setup();
    let se = se(&sb);
    let file = broken(&sb, &format!("{se}~"), "");
    let (r, text) = refused(&sb, &file);
    assert_999(&r, &text.unwrap(), "IK5*R*2~AK9*R*1*1*0~");
}

#[test]
fn another_837_version_gets_a_999_naming_it() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    let file = write_unique(&sb, "837", &text.replace("005010X222A1", "005010X223A2"));
    let (r, text) = refused(&sb, &file);
    let text = text.unwrap();
    assert!(
        text.contains("AK1*HC*7*005010X223A2~AK2*837*0001*005010X223A2~IK5*R*I6~AK9*R*1*1*0*2~"),
        "{text}"
    );
    r.err_contains("GS08 is \"005010X223A2\"");
}

#[test]
fn an_unreadable_isa_gets_no_acknowledgment() {
    let sb = setup();
    for junk in [
        "hello".to_string(),
        "ISA*00*   *00".to_string(),
        // A readable ISA whose control number a TA1 cannot name.
        std::fs::read_to_string(batch_837(
            &sb,
            &[("PCN-1", "OC100001", "90837", "2026-03-10")],
        ))
        .unwrap()
        .replace("000000007", "00000000X"),
    ] {
        let file = write_unique(&sb, "837", &junk);
        let (r, text) = refused(&sb, &file);
        assert!(text.is_none(), "an acknowledgment was written: {text:?}");
        r.err_contains("no acknowledgment was written to");
        // The refusal is audited, file named.
        let log = sb.json_as("ops", &["audit", "log"]);
        assert!(
            log.as_array()
                .unwrap()
                .iter()
                .any(|e| e["action"] == "claim submit"
                    && e["outcome"] == "refused"
                    && e["target"] == file.as_str()),
            "{log}"
        );
    }
}

#[test]
fn a_taken_file_whose_sender_cannot_be_answered_is_stored_with_a_warning() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let text = std::fs::read_to_string(&file).unwrap();
    // A non-ASCII ISA06 (15 bytes, 14 characters): an ISA cannot carry it back. (A
    // one-character ISA06 is answered: tests/cli/replies.rs.)
    let isa06 = format!("*{:<15}*", super::claims::PROVIDER);
    assert!(text.contains(&isa06), "{text}");
    let file = write_unique(
        &sb,
        "837",
        &text.replacen(&isa06, &format!("*Ñ5{}*", " ".repeat(12)), 1),
    );
    let ack = sb.path("none.999");
    let r = sb
        .run_as(
            "admin",
            &[
                "claim",
                "submit",
                "--x12",
                &file,
                "--ack",
                ack.to_str().unwrap(),
                "--json",
            ],
            None,
        )
        .ok()
        .err_contains("warning: no acknowledgment was written to")
        .err_contains("outside the X12 character set");
    let v = r.json();
    assert_eq!(v["accepted"], 1);
    assert!(v["ack"].is_null(), "{v}");
    assert!(!ack.exists());
}

#[test]
fn a_valid_837p_still_gets_an_accepting_999() {
    let sb = setup();
    let file = batch_837(&sb, &[("PCN-1", "OC100001", "90837", "2026-03-10")]);
    let ack = sb.path("good.999");
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
    assert_eq!(v["accepted"], 1);
    assert_eq!(v["ack"], ack.to_str().unwrap());
    let text = std::fs::read_to_string(&ack).unwrap();
    assert!(
        text.contains("AK2*837*0001*005010X222A1~IK5*A~AK9*A*1*1*1~"),
        "{text}"
    );
    pyx12_valid(&[ack.to_str().unwrap()]);
    assert_eq!(
        sb.json_as("admin", &["claim", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
