//! The 835 health care claim payment/advice (005010X221A1) of a remittance advice.
//!
//! Written a claim at a time ([`Remit835::claim`]) so that a remittance of any size is
//! written in bounded memory: the caller drains the text into its file as it goes
//! ([`Remit835::drain_into`]).
//!
//! Shape (one ST per remittance): ISA / GS*HP / ST*835 / BPR / TRN (TRN02 = the remittance
//! id) / DTM*405 / N1*PR N3 N4 PER*BL / N1*PE (NPI) / LX*1 / per claim: CLP (CLP01 the
//! patient control number or the ICN, CLP07 the ICN), CAS, NM1*QC, DTM*232/233, then per
//! line SVC, DTM*472, CAS, AMT*B6 / PLB / SE / GE / IEA.

use chrono::NaiveDate;

use super::claims::{format_amount, AmountText};
use super::{carry, st_control_number, Envelope, Writer, X12Error};

/// GS08 and ST03 of an 835.
pub const VERSION_835: &str = "005010X221A1";

/// What the 835's header says: the payment, the payer, the payee.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header835 {
    /// TRN02.
    pub remit_id: String,
    /// BPR01: `I` or `H`.
    pub handling: String,
    /// BPR02 in cents (≥ 0).
    pub paid_amount: i64,
    /// BPR04: `CHK`, `ACH` or `NON`.
    pub method: String,
    /// BPR16 and DTM*405.
    pub issued_on: NaiveDate,
    pub payer_name: String,
    /// TRN03: `1` and the payer's 9-digit tax id.
    pub payer_tin: String,
    pub payer_street: String,
    pub payer_city: String,
    pub payer_state: String,
    pub payer_zip: String,
    pub payer_phone: String,
    pub payee_name: String,
    pub payee_npi: String,
}

/// A CAS triple.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cas835 {
    pub group: String,
    pub carc: String,
    pub amount: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Svc835 {
    pub procedure_code: String,
    pub modifiers: Vec<String>,
    pub charge: i64,
    pub paid: i64,
    pub units: i64,
    pub date_of_service: NaiveDate,
    pub allowed: i64,
    pub adjustments: Vec<Cas835>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clp835 {
    /// CLP01.
    pub patient_control_number: String,
    /// CLP02: 1, 4 or 22.
    pub status_code: String,
    pub billed: i64,
    pub paid: i64,
    pub patient_responsibility: i64,
    /// CLP07.
    pub icn: String,
    /// CLP08 (the place of service).
    pub place_of_service: String,
    pub member_id: String,
    pub last_name: String,
    pub first_name: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub adjustments: Vec<Cas835>,
    pub lines: Vec<Svc835>,
}

/// A PLB adjustment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plb835 {
    pub reason: String,
    pub reference: String,
    pub amount: i64,
}

/// An 835 being written.
pub struct Remit835 {
    w: Writer,
    payee_npi: String,
    issued_on: NaiveDate,
}

fn d8(d: NaiveDate) -> super::DateText {
    super::DateText::d8(d)
}

impl Remit835 {
    /// Writes the envelopes and the header (through N1*PE and LX*1).
    pub fn begin(env: &Envelope, h: &Header835) -> Result<Remit835, X12Error> {
        let mut w = env.open("HP", VERSION_835)?;
        let d = w.delimiters();
        // ST03 is not used in an 835.
        w.begin_transaction("835", &st_control_number(1), "")?;
        let date = d8(h.issued_on);
        let date = date.as_str();
        let amount = format_amount(h.paid_amount);
        let mut bpr: Vec<&str> = vec![&h.handling, &amount, "C", &h.method];
        bpr.resize(15, "");
        bpr.push(date);
        w.segment("BPR", &bpr)?;
        w.segment("TRN", &["1", &h.remit_id, &h.payer_tin])?;
        w.segment("DTM", &["405", date])?;
        w.segment("N1", &["PR", &carry(&h.payer_name, &d)])?;
        w.segment("N3", &[&carry(&h.payer_street, &d)])?;
        w.segment(
            "N4",
            &[&carry(&h.payer_city, &d), &h.payer_state, &h.payer_zip],
        )?;
        w.segment("PER", &["BL", "PROVIDER SERVICES", "TE", &h.payer_phone])?;
        w.segment("N1", &["PE", &carry(&h.payee_name, &d), "XX", &h.payee_npi])?;
        w.segment("LX", &["1"])?;
        Ok(Remit835 {
            w,
            payee_npi: h.payee_npi.clone(),
            issued_on: h.issued_on,
        })
    }

    /// CAS segments: one per group, at most six reasons each.
    fn cas(&mut self, adj: &[Cas835]) -> Result<(), X12Error> {
        let mut groups: Vec<&str> = Vec::new();
        for a in adj {
            if !groups.contains(&a.group.as_str()) {
                groups.push(&a.group);
            }
        }
        for g in groups {
            let of_group: Vec<&Cas835> = adj.iter().filter(|a| a.group == g).collect();
            for chunk in of_group.chunks(6) {
                let amounts: Vec<AmountText> =
                    chunk.iter().map(|a| AmountText::new(a.amount)).collect();
                let mut el: Vec<&str> = vec![g];
                for (a, amt) in chunk.iter().zip(&amounts) {
                    el.extend([a.carc.as_str(), amt.as_str(), ""]);
                }
                self.w.segment("CAS", &el)?;
            }
        }
        Ok(())
    }

    /// Writes one claim (loop 2100 and its 2110 lines).
    pub fn claim(&mut self, c: &Clp835) -> Result<(), X12Error> {
        let d = self.w.delimiters();
        let billed = AmountText::new(c.billed);
        let paid = AmountText::new(c.paid);
        let resp = AmountText::new(c.patient_responsibility);
        self.w.segment(
            "CLP",
            &[
                &c.patient_control_number,
                &c.status_code,
                billed.as_str(),
                paid.as_str(),
                resp.as_str(),
                crate::domain::remit::CLAIM_FILING_INDICATOR,
                &c.icn,
                &c.place_of_service,
                "1",
            ],
        )?;
        self.cas(&c.adjustments)?;
        let last = carry(&c.last_name, &d);
        let first = carry(&c.first_name, &d);
        let last = if last.is_empty() {
            std::borrow::Cow::Borrowed("UNKNOWN")
        } else {
            last
        };
        self.w.segment(
            "NM1",
            &["QC", "1", &last, &first, "", "", "", "MI", &c.member_id],
        )?;
        self.w.segment("DTM", &["232", d8(c.from).as_str()])?;
        self.w.segment("DTM", &["233", d8(c.to).as_str()])?;
        for l in &c.lines {
            let mut comp: Vec<&str> = vec!["HC", &l.procedure_code];
            comp.extend(l.modifiers.iter().map(String::as_str));
            let charge = AmountText::new(l.charge);
            let lpaid = AmountText::new(l.paid);
            let units = l.units.to_string();
            self.w.segment_composite(
                "SVC",
                &[
                    &comp,
                    &[charge.as_str()],
                    &[lpaid.as_str()],
                    &[""],
                    &[&units],
                ],
            )?;
            self.w
                .segment("DTM", &["472", d8(l.date_of_service).as_str()])?;
            self.cas(&l.adjustments)?;
            self.w
                .segment("AMT", &["B6", AmountText::new(l.allowed).as_str()])?;
        }
        Ok(())
    }

    /// Hands what is written so far to `out`.
    pub fn drain_into(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.w.drain_into(out)
    }

    /// Writes the PLBs and the trailers; the rest of the text.
    pub fn finish(mut self, plbs: &[Plb835]) -> Result<String, X12Error> {
        // PLB02: the last day of the provider's fiscal year (the calendar year here).
        let fiscal = format!("{}1231", self.issued_on.format("%Y"));
        for chunk in plbs.chunks(6) {
            let amounts: Vec<String> = chunk.iter().map(|p| format_amount(p.amount)).collect();
            let mut el: Vec<Vec<&str>> = vec![vec![self.payee_npi.as_str()], vec![&fiscal]];
            for (p, a) in chunk.iter().zip(&amounts) {
                el.push(vec![p.reason.as_str(), p.reference.as_str()]);
                el.push(vec![a.as_str()]);
            }
            let refs: Vec<&[&str]> = el.iter().map(Vec::as_slice).collect();
            self.w.segment_composite("PLB", &refs)?;
        }
        self.w.end_transaction()?;
        self.w.end_group()?;
        self.w.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    pub(crate) fn sample() -> String {
        let env = Envelope::new(
            "ORMMIS",
            "P1234567",
            NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
            NaiveTime::from_hms_opt(12, 0, 0).unwrap(),
            7,
        );
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let h = Header835 {
            remit_id: "RA00000001".into(),
            handling: "I".into(),
            paid_amount: 9000 - 4000 - 1000,
            method: "CHK".into(),
            issued_on: NaiveDate::from_ymd_opt(2026, 3, 16).unwrap(),
            payer_name: "OREGON HEALTH AUTHORITY".into(),
            payer_tin: "1936000000".into(),
            payer_street: "500 SUMMER ST NE".into(),
            payer_city: "SALEM".into(),
            payer_state: "OR".into(),
            payer_zip: "97301".into(),
            payer_phone: "8004224012".into(),
            payee_name: "WILLAMETTE THERAPY".into(),
            payee_npi: "1234567893".into(),
        };
        let mut w = Remit835::begin(&env, &h).unwrap();
        let line = |charge: i64, paid: i64, carc: &str| Svc835 {
            procedure_code: "97110".into(),
            modifiers: vec!["GP".into()],
            charge,
            paid,
            units: 2,
            date_of_service: day,
            allowed: paid,
            adjustments: vec![Cas835 {
                group: "CO".into(),
                carc: carc.into(),
                amount: charge - paid,
            }],
        };
        let claim = |status: &str, billed: i64, paid: i64, carc: &str| Clp835 {
            patient_control_number: "PCN1".into(),
            status_code: status.into(),
            billed,
            paid,
            patient_responsibility: 0,
            icn: "2026075000001".into(),
            place_of_service: "11".into(),
            member_id: "AB123456".into(),
            last_name: "DOE".into(),
            first_name: "JANE".into(),
            from: day,
            to: day,
            adjustments: vec![],
            lines: vec![line(billed, paid, carc)],
        };
        w.claim(&claim("1", 15000, 9000, "45")).unwrap();
        w.claim(&claim("4", 12000, 0, "96")).unwrap();
        w.claim(&claim("22", -6000, -4000, "45")).unwrap();
        let mut out = Vec::new();
        w.drain_into(&mut out).unwrap();
        let rest = w
            .finish(&[Plb835 {
                reason: "FB".into(),
                reference: "RA00000001".into(),
                amount: 1000,
            }])
            .unwrap();
        String::from_utf8(out).unwrap() + &rest
    }

    #[test]
    fn writes_a_balanced_835() {
        let text = sample();
        assert!(text.contains("~BPR*I*40*C*CHK************20260316~TRN*1*RA00000001*1936000000~"));
        assert!(text.contains("~CLP*PCN1*22*-60*-40*0*MC*2026075000001*11*1~"));
        assert!(
            text.contains("~SVC*HC:97110:GP*150*90**2~DTM*472*20260302~CAS*CO*45*60~AMT*B6*90~")
        );
        assert!(text.contains("~PLB*1234567893*20261231*FB:RA00000001*10~SE*"));
        let ic = super::super::Interchange::parse(&text).unwrap();
        assert_eq!(ic.groups.len(), 1);
    }

    #[test]
    fn valid_under_pyx12_when_installed() {
        let venv = std::env::var("MMIS_X12_VENV").unwrap_or_else(|_| ".venv".into());
        let py = std::path::Path::new(&venv).join("bin/python");
        if !py.exists() {
            eprintln!("notice: no pyx12 venv at {venv}; skipping");
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("ra.835");
        std::fs::write(&f, sample()).unwrap();
        let script = "import sys, pyx12.params, pyx12.x12n_document, io\n\
            p = pyx12.params.params()\n\
            fd = io.StringIO()\n\
            ok = pyx12.x12n_document.x12n_document(param=p, src_file=sys.argv[1], fd_997=fd, fd_html=None, fd_xmldoc=None)\n\
            sys.exit(0 if ok else 1)\n";
        let out = std::process::Command::new(&py)
            .args(["-c", script])
            .arg(&f)
            .output()
            .unwrap();
        if String::from_utf8_lossy(&out.stderr).contains("No module named") {
            eprintln!("notice: pyx12 not installed; skipping");
            return;
        }
        assert!(
            out.status.success(),
            "pyx12 rejects the 835:\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
