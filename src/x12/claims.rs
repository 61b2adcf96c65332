//! 837P professional claims (005010X222A1): reading and writing.

use chrono::NaiveDate;

use super::{
    date_or_range, parse_d8, parse_date_or_range, st_control_number, DateText, Envelope,
    Interchange, Segment, TransactionSet, X12Error,
};

/// The implementation guide version of the 837P.
pub const X222: &str = "005010X222A1";

/// A provider named in an NM1 (billing 2010AA, rendering 2310B/2420A).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Provider<'a> {
    /// NM102: `1` person, `2` organization.
    pub entity_type: &'a str,
    /// NM103: organization or last name.
    pub name: &'a str,
    /// NM104.
    pub first_name: &'a str,
    /// NM109 when NM108 is `XX`.
    pub npi: Option<&'a str>,
}

impl<'a> Provider<'a> {
    fn from_nm1(seg: &Segment<'a>) -> Self {
        let id = seg.element(9);
        Provider {
            entity_type: seg.element(2),
            name: seg.element(3),
            first_name: seg.element(4),
            npi: (seg.element(8) == "XX" && !id.is_empty()).then_some(id),
        }
    }
}

/// A person named in an NM1 with DMG (subscriber 2010BA, patient 2010CA).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Person<'a> {
    /// NM109 (2010BA: NM108 `MI` or `II`).
    pub member_id: Option<&'a str>,
    pub last_name: &'a str,
    pub first_name: &'a str,
    /// DMG02.
    pub birth_date: Option<NaiveDate>,
    /// DMG03.
    pub gender: &'a str,
}

/// The payer (2010BB).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Payer<'a> {
    pub name: &'a str,
    /// NM109.
    pub id: &'a str,
}

/// A 2400 service line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceLine837<'a> {
    /// Segment number of the LX.
    pub segment: usize,
    /// LX01.
    pub line_number: &'a str,
    /// SV101-1, e.g. `HC`.
    pub code_qualifier: &'a str,
    /// SV101-2, the CPT/HCPCS code.
    pub procedure_code: &'a str,
    /// SV101-3..6 (non-empty ones).
    pub modifiers: Vec<&'a str>,
    /// SV102, the line charge as written.
    pub charge: &'a str,
    /// SV103, `UN` (units) or `MJ` (minutes).
    pub unit_basis: &'a str,
    /// SV104, the quantity as written.
    pub units: &'a str,
    /// SV105 when present.
    pub place_of_service: Option<&'a str>,
    /// SV107 components (pointers into the claim's diagnosis codes, 1-based).
    pub diagnosis_pointers: Vec<&'a str>,
    /// DTP*472 (D8 or RD8).
    pub service_dates: Option<(NaiveDate, NaiveDate)>,
    /// REF*G1 of the line.
    pub prior_authorization: Option<&'a str>,
    /// 2420A NM1*82.
    pub rendering_provider: Option<Provider<'a>>,
}

/// One 2300 claim of an 837P.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim837<'a> {
    /// Index of the functional group in the interchange.
    pub group_index: usize,
    /// Index of the transaction set in its group.
    pub transaction_index: usize,
    /// ST02 of the transaction set.
    pub transaction_control_number: &'a str,
    /// Segment number of the CLM.
    pub segment: usize,
    /// CLM01.
    pub patient_control_number: &'a str,
    /// CLM02 as written.
    pub total_charge: &'a str,
    /// CLM05-1.
    pub place_of_service: &'a str,
    /// CLM05-3 (`1` original, `7` replacement, `8` void).
    pub frequency_code: &'a str,
    /// 2010AA.
    pub billing_provider: Provider<'a>,
    /// 2310B, when present.
    pub rendering_provider: Option<Provider<'a>>,
    /// 2010BA.
    pub subscriber: Person<'a>,
    /// 2010CA, when the patient is not the subscriber.
    pub patient: Option<Person<'a>>,
    /// 2010BB.
    pub payer: Payer<'a>,
    /// HI qualifier of the principal code: `ABK` (ICD-10-CM) or `BK` (ICD-9-CM).
    pub diagnosis_code_set: &'a str,
    /// Principal diagnosis first, then the others; qualifier stripped,
    /// without dots, upper case.
    pub diagnosis_codes: Vec<String>,
    /// REF*G1 of the claim.
    pub prior_authorization: Option<&'a str>,
    /// REF*F8 of the claim (payer claim control number): the ICN of the claim a
    /// replacement (CLM05-3 = 7) or void (8) corrects.
    pub original_icn: Option<&'a str>,
    pub lines: Vec<ServiceLine837<'a>>,
}

/// Parses an X12 decimal amount (`100`, `21.04`, `-5.5`) into cents.
/// More than two decimals is refused.
pub fn amount_cents(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, digits) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if (int.is_empty() && frac.is_empty())
        || frac.len() > 2
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: i64 = if int.is_empty() { 0 } else { int.parse().ok()? };
    let mut cents: i64 = if frac.is_empty() {
        0
    } else {
        frac.parse().ok()?
    };
    if frac.len() == 1 {
        cents *= 10;
    }
    let v = whole.checked_mul(100)?.checked_add(cents)?;
    Some(if neg { -v } else { v })
}

/// Formats cents as an X12 decimal (`40`, `21.04`, `21.5`).
pub fn format_amount(cents: i64) -> String {
    AmountText::new(cents).as_str().to_string()
}

/// An amount as X12 writes it (see [`format_amount`]), on the stack: what a writer of
/// hundreds of thousands of amounts uses.
pub struct AmountText {
    buf: [u8; 24],
    start: usize,
}

impl AmountText {
    pub fn new(cents: i64) -> AmountText {
        let mut t = AmountText {
            buf: [0; 24],
            start: 24,
        };
        let a = cents.unsigned_abs();
        let (mut whole, frac) = (a / 100, a % 100);
        let frac_digits: &[u64] = match frac {
            0 => &[],
            f if f % 10 == 0 => &[f / 10],
            f => &[f / 10, f % 10],
        };
        for d in frac_digits.iter().rev() {
            t.push(b'0' + *d as u8);
        }
        if !frac_digits.is_empty() {
            t.push(b'.');
        }
        loop {
            t.push(b'0' + (whole % 10) as u8);
            whole /= 10;
            if whole == 0 {
                break;
            }
        }
        if cents < 0 {
            t.push(b'-');
        }
        t
    }

    fn push(&mut self, b: u8) {
        if self.start > 0 {
            self.start -= 1;
            if let Some(slot) = self.buf.get_mut(self.start) {
                *slot = b;
            }
        }
    }

    pub fn as_str(&self) -> &str {
        self.buf
            .get(self.start..)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ctx {
    Header,
    Billing,
    Subscriber,
    Patient,
    Claim,
    OtherSubscriber,
    Line,
}

/// Reads the claims of an 837P interchange, in file order.
///
/// A file that is not an 837 of 005010X222A1, a claim without the billing
/// provider / subscriber loops before it, a service line outside a claim or
/// a date that is not a date is an error naming the segment.
pub fn read_837p<'a>(ic: &Interchange<'a>) -> Result<Vec<Claim837<'a>>, X12Error> {
    super::check_transaction_version(ic, "837", X222)?;
    let mut out = Vec::new();
    for (gi, g) in ic.groups.iter().enumerate() {
        for (ti, t) in g.transactions.iter().enumerate() {
            out.extend(read_837p_set(gi, ti, t)?);
        }
    }
    Ok(out)
}

/// Reads the claims of one 837P transaction set (`gi`, `ti`: its group and
/// set indexes, recorded in each claim), so that a bad set can be refused
/// (in a 999) while the others are read.
pub fn read_837p_set<'a>(
    gi: usize,
    ti: usize,
    t: &TransactionSet<'a>,
) -> Result<Vec<Claim837<'a>>, X12Error> {
    let mut out = Vec::new();
    each_837p_claim(gi, ti, t, |c| {
        out.push(c);
        Ok::<(), std::convert::Infallible>(())
    })
    .unwrap_or_else(|never| match never {})?;
    Ok(out)
}

/// Reads the claims of one 837P transaction set as [`read_837p_set`] does, handing each
/// to `each` as soon as it ends, with no list of claims or segments held (the set's
/// segments are read with [`TransactionSet::body_segments`]): an 837P of 100,000 claims
/// is read in the room of one.
///
/// The outer error is the first `each` returned (reading stops there); the inner one
/// says the set is not a readable 837P. A set in error may have handed over the claims
/// before the segment in error: read it once through without storing anything to learn
/// whether it is readable, then again to take its claims.
pub fn each_837p_claim<'a, E>(
    gi: usize,
    ti: usize,
    t: &TransactionSet<'a>,
    mut each: impl FnMut(Claim837<'a>) -> Result<(), E>,
) -> Result<Result<(), X12Error>, E> {
    let mut failed = None;
    let read = read_claims(gi, ti, t, &mut |c| match each(c) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    });
    match failed {
        Some(e) => Err(e),
        None => Ok(read),
    }
}

/// The reader behind [`each_837p_claim`]: `each` returns false to stop.
fn read_claims<'a>(
    gi: usize,
    ti: usize,
    t: &TransactionSet<'a>,
    each: &mut dyn FnMut(Claim837<'a>) -> bool,
) -> Result<(), X12Error> {
    let mut ctx = Ctx::Header;
    let mut billing: Option<Provider<'a>> = None;
    let mut subscriber: Option<Person<'a>> = None;
    let mut payer: Option<Payer<'a>> = None;
    let mut patient: Option<Person<'a>> = None;
    // Which person the next DMG belongs to.
    let mut last_person: Option<Ctx> = None;
    let mut claim: Option<Claim837<'a>> = None;
    // The principal diagnosis codes of the open claim (see `with_principals`).
    let mut principals: Vec<String> = Vec::new();

    let mut body = t.body_segments().peekable();
    if let Some(first) = body.peek() {
        if first.id() != "BHT" {
            return Err(X12Error::at(first, "an 837 starts with BHT after ST"));
        }
    }
    for seg in body {
        let seg = &seg;
        let id = seg.id();
        match id {
            "HL" => {
                if let Some(c) = claim.take() {
                    if !each(with_principals(c, &mut principals)) {
                        return Ok(());
                    }
                }
                match seg.element(3) {
                    "20" => {
                        ctx = Ctx::Billing;
                        billing = None;
                        subscriber = None;
                        payer = None;
                        patient = None;
                    }
                    "22" => {
                        if billing.is_none() {
                            return Err(X12Error::at(seg, "subscriber level (HL03=22) before the billing provider (2010AA NM1*85)"));
                        }
                        ctx = Ctx::Subscriber;
                        subscriber = None;
                        payer = None;
                        patient = None;
                    }
                    "23" => {
                        if subscriber.is_none() {
                            return Err(X12Error::at(
                                seg,
                                "patient level (HL03=23) before the subscriber (2010BA NM1*IL)",
                            ));
                        }
                        ctx = Ctx::Patient;
                        patient = None;
                    }
                    other => {
                        return Err(X12Error::at(
                            seg,
                            format!("HL03 {other:?} is not an 837P level (20, 22 or 23)"),
                        ))
                    }
                }
                last_person = None;
            }
            "NM1" => {
                let code = seg.element(1);
                match (ctx, code) {
                    (Ctx::Billing, "85") => billing = Some(Provider::from_nm1(seg)),
                    (Ctx::Subscriber, "IL") => {
                        let mid = seg.element(9);
                        subscriber = Some(Person {
                            member_id: (!mid.is_empty()).then_some(mid),
                            last_name: seg.element(3),
                            first_name: seg.element(4),
                            birth_date: None,
                            gender: "",
                        });
                        last_person = Some(Ctx::Subscriber);
                    }
                    (Ctx::Subscriber, "PR") => {
                        payer = Some(Payer {
                            name: seg.element(3),
                            id: seg.element(9),
                        });
                        last_person = None;
                    }
                    (Ctx::Patient, "QC") => {
                        let mid = seg.element(9);
                        patient = Some(Person {
                            member_id: (!mid.is_empty()).then_some(mid),
                            last_name: seg.element(3),
                            first_name: seg.element(4),
                            birth_date: None,
                            gender: "",
                        });
                        last_person = Some(Ctx::Patient);
                    }
                    (Ctx::Claim, "82") => {
                        if let Some(c) = claim.as_mut() {
                            c.rendering_provider = Some(Provider::from_nm1(seg));
                        }
                    }
                    (Ctx::Line, "82") => {
                        if let Some(l) = claim.as_mut().and_then(|c| c.lines.last_mut()) {
                            l.rendering_provider = Some(Provider::from_nm1(seg));
                        }
                    }
                    _ => last_person = None,
                }
            }
            "DMG" => {
                let target = match last_person {
                    Some(Ctx::Subscriber) => subscriber.as_mut(),
                    Some(Ctx::Patient) => patient.as_mut(),
                    _ => None,
                };
                if let Some(p) = target {
                    let v = seg.element(2);
                    if !v.is_empty() {
                        match (seg.element(1), parse_d8(v)) {
                            ("D8", Some(d)) => p.birth_date = Some(d),
                            _ => {
                                return Err(X12Error::at(
                                    seg,
                                    format!("date of birth {v:?} is not a D8 date (CCYYMMDD)"),
                                ))
                            }
                        }
                    }
                    p.gender = seg.element(3);
                }
            }
            "CLM" => {
                if let Some(c) = claim.take() {
                    if !each(with_principals(c, &mut principals)) {
                        return Ok(());
                    }
                }
                let (Some(b), Some(s)) = (billing, subscriber) else {
                    return Err(X12Error::at(
                        seg,
                        "claim (CLM) before the billing provider and subscriber loops",
                    ));
                };
                if seg.element(1).is_empty() {
                    return Err(X12Error::at(seg, "CLM01 patient control number is missing"));
                }
                if amount_cents(seg.element(2)).is_none() {
                    return Err(X12Error::at(
                        seg,
                        format!("CLM02 total charge {:?} is not an amount", seg.element(2)),
                    ));
                }
                claim = Some(Claim837 {
                    group_index: gi,
                    transaction_index: ti,
                    transaction_control_number: t.control_number,
                    segment: seg.position(),
                    patient_control_number: seg.element(1),
                    total_charge: seg.element(2),
                    place_of_service: seg.component(5, 1),
                    frequency_code: seg.component(5, 3),
                    billing_provider: b,
                    rendering_provider: None,
                    subscriber: s,
                    patient: if ctx == Ctx::Patient { patient } else { None },
                    payer: payer.unwrap_or_default(),
                    diagnosis_code_set: "",
                    diagnosis_codes: Vec::new(),
                    prior_authorization: None,
                    original_icn: None,
                    lines: Vec::new(),
                });
                ctx = Ctx::Claim;
            }
            "HI" if ctx == Ctx::Claim => {
                if let Some(c) = claim.as_mut() {
                    for (i, rep) in seg.elements().enumerate() {
                        let mut comps = seg.split_components(rep);
                        let q = comps.next().unwrap_or("");
                        let code = comps.next().unwrap_or("");
                        let principal = matches!(q, "ABK" | "BK");
                        let other = matches!(q, "ABF" | "BF");
                        if !(principal || other) || code.is_empty() {
                            continue;
                        }
                        if principal && i == 0 {
                            c.diagnosis_code_set = q;
                        }
                        let clean: String = code
                            .chars()
                            .filter(|&ch| ch != '.')
                            .map(|ch| ch.to_ascii_uppercase())
                            .collect();
                        // Principal codes go first, the latest first (as inserting each
                        // at the front would put them), without shifting the others:
                        // they are kept apart and joined when the claim ends.
                        if principal {
                            principals.push(clean);
                        } else {
                            c.diagnosis_codes.push(clean);
                        }
                    }
                }
            }
            "REF" if seg.element(1) == "G1" => match ctx {
                Ctx::Claim => {
                    if let Some(c) = claim.as_mut() {
                        c.prior_authorization = Some(seg.element(2));
                    }
                }
                Ctx::Line => {
                    if let Some(l) = claim.as_mut().and_then(|c| c.lines.last_mut()) {
                        l.prior_authorization = Some(seg.element(2));
                    }
                }
                _ => {}
            },
            "REF" if seg.element(1) == "F8" && ctx == Ctx::Claim => {
                if let Some(c) = claim.as_mut() {
                    c.original_icn = Some(seg.element(2));
                }
            }
            "SBR" if matches!(ctx, Ctx::Claim) => ctx = Ctx::OtherSubscriber,
            "LX" => {
                let Some(c) = claim.as_mut() else {
                    return Err(X12Error::at(seg, "service line (LX) outside a claim"));
                };
                c.lines.push(ServiceLine837 {
                    segment: seg.position(),
                    line_number: seg.element(1),
                    code_qualifier: "",
                    procedure_code: "",
                    modifiers: Vec::new(),
                    charge: "",
                    unit_basis: "",
                    units: "",
                    place_of_service: None,
                    diagnosis_pointers: Vec::new(),
                    service_dates: None,
                    prior_authorization: None,
                    rendering_provider: None,
                });
                ctx = Ctx::Line;
            }
            "SV1" if ctx == Ctx::Line => {
                if let Some(l) = claim.as_mut().and_then(|c| c.lines.last_mut()) {
                    let mut comps = seg.components(1);
                    l.code_qualifier = comps.next().unwrap_or("");
                    l.procedure_code = comps.next().unwrap_or("");
                    l.modifiers = comps.take(4).filter(|m| !m.is_empty()).collect();
                    l.charge = seg.element(2);
                    if amount_cents(l.charge).is_none() {
                        return Err(X12Error::at(
                            seg,
                            format!("SV102 line charge {:?} is not an amount", l.charge),
                        ));
                    }
                    l.unit_basis = seg.element(3);
                    l.units = seg.element(4);
                    let pos = seg.element(5);
                    l.place_of_service = (!pos.is_empty()).then_some(pos);
                    l.diagnosis_pointers = seg.components(7).filter(|p| !p.is_empty()).collect();
                }
            }
            "DTP" if ctx == Ctx::Line && seg.element(1) == "472" => {
                if let Some(l) = claim.as_mut().and_then(|c| c.lines.last_mut()) {
                    match parse_date_or_range(seg.element(2), seg.element(3)) {
                        Some(r) => l.service_dates = Some(r),
                        None => {
                            return Err(X12Error::at(
                                seg,
                                format!(
                                    "date of service {:?} is not a D8 date or RD8 range",
                                    seg.element(3)
                                ),
                            ))
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(c) = claim.take() {
        each(with_principals(c, &mut principals));
    }
    Ok(())
}

/// Puts the claim's principal diagnosis codes (in `principals`, in file order) before
/// its other codes, the last one first: linear, however many codes the claim has.
fn with_principals<'a>(mut c: Claim837<'a>, principals: &mut Vec<String>) -> Claim837<'a> {
    if !principals.is_empty() {
        let mut codes = std::mem::take(principals);
        codes.reverse();
        codes.append(&mut c.diagnosis_codes);
        c.diagnosis_codes = codes;
    }
    c
}

// ---------------------------------------------------------------------------
// Writing

/// The submitter (1000A) of an 837P.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submitter {
    pub name: String,
    /// NM109 (qualifier 46, ETIN).
    pub id: String,
    pub contact_name: String,
    /// PER04 (TE).
    pub phone: String,
}

/// The billing provider (2010AA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillingProvider {
    /// `1` person, `2` organization.
    pub entity_type: String,
    /// Organization or last name.
    pub name: String,
    pub first_name: Option<String>,
    pub npi: String,
    /// REF*EI, 9 digits.
    pub tax_id: String,
    pub address: String,
    pub city: String,
    /// 2-letter state code.
    pub state: String,
    /// 5 or 9 digits.
    pub zip: String,
}

/// The rendering provider (2310B).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderingProvider {
    /// `1` person, `2` organization.
    pub entity_type: String,
    pub name: String,
    pub first_name: Option<String>,
    pub npi: String,
}

/// The subscriber, who is also the patient (2010BA).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscriberInfo {
    pub member_id: String,
    pub last_name: String,
    pub first_name: String,
    pub birth_date: NaiveDate,
    /// `F`, `M` or `U`.
    pub sex: String,
}

/// A service line to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimLine {
    pub procedure_code: String,
    /// Up to 4.
    pub modifiers: Vec<String>,
    pub charge_cents: i64,
    /// SV104, e.g. `1` or `2.5`.
    pub units: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// SV105 when it differs from the claim's.
    pub place_of_service: Option<String>,
    /// 1-based pointers to the claim's diagnosis codes (1..=4 of them); empty
    /// means `1`.
    pub diagnosis_pointers: Vec<u8>,
    pub prior_authorization: Option<String>,
}

/// A claim to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimToWrite {
    pub patient_control_number: String,
    pub place_of_service: String,
    /// CLM05-3: `1` original (default), `7` replacement, `8` void.
    pub frequency_code: String,
    pub billing_provider: BillingProvider,
    pub rendering_provider: Option<RenderingProvider>,
    pub subscriber: SubscriberInfo,
    /// ICD-10-CM codes, principal first, with or without dots (1..=12).
    pub diagnosis_codes: Vec<String>,
    pub prior_authorization: Option<String>,
    /// REF*F8: the ICN of the claim a replacement (7) or void (8) corrects.
    pub original_icn: Option<String>,
    /// 1..=50 lines; CLM02 is their total.
    pub lines: Vec<ClaimLine>,
}

/// An 837P batch: one transaction set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch837 {
    pub submitter: Submitter,
    /// 1000B receiver name and id (qualifier 46).
    pub receiver_name: String,
    pub receiver_id: String,
    /// 2010BB payer name and id (qualifier PI).
    pub payer_name: String,
    pub payer_id: String,
    /// BHT03, the batch's reference.
    pub reference: String,
    pub claims: Vec<ClaimToWrite>,
}

fn is_units(s: &str) -> bool {
    let (a, b) = s.split_once('.').unwrap_or((s, ""));
    !a.is_empty() && a.bytes().all(|c| c.is_ascii_digit()) && b.bytes().all(|c| c.is_ascii_digit())
}

/// Writes an 837P: one transaction set with the claims in order (a
/// billing-provider level per run of claims with the same billing NPI, a
/// subscriber level per claim).
pub fn write_837p(batch: &Batch837, env: &Envelope) -> Result<String, X12Error> {
    if batch.claims.is_empty() {
        return Err(X12Error::general("an 837P needs at least one claim"));
    }
    let mut w = env.open("HC", X222)?;
    let date = env.date_d8();
    let time = env.time_hhmm();
    w.begin_transaction("837", &st_control_number(1), X222)?;
    w.segment("BHT", &["0019", "00", &batch.reference, &date, &time, "CH"])?;
    let s = &batch.submitter;
    w.segment("NM1", &["41", "2", &s.name, "", "", "", "", "46", &s.id])?;
    w.segment("PER", &["IC", &s.contact_name, "TE", &s.phone])?;
    w.segment(
        "NM1",
        &[
            "40",
            "2",
            &batch.receiver_name,
            "",
            "",
            "",
            "",
            "46",
            &batch.receiver_id,
        ],
    )?;
    let mut hl = 0usize;
    let mut billing_hl = String::new();
    let mut last_npi: Option<&str> = None;
    for c in &batch.claims {
        if c.lines.is_empty() || c.lines.len() > 50 {
            return Err(X12Error::general(format!(
                "claim {}: an 837P claim has 1 to 50 service lines",
                c.patient_control_number
            )));
        }
        if c.diagnosis_codes.is_empty() || c.diagnosis_codes.len() > 12 {
            return Err(X12Error::general(format!(
                "claim {}: an 837P claim has 1 to 12 diagnosis codes",
                c.patient_control_number
            )));
        }
        let b = &c.billing_provider;
        if last_npi != Some(b.npi.as_str()) {
            hl += 1;
            billing_hl = hl.to_string();
            w.segment("HL", &[&billing_hl, "", "20", "1"])?;
            w.segment(
                "NM1",
                &[
                    "85",
                    &b.entity_type,
                    &b.name,
                    b.first_name.as_deref().unwrap_or(""),
                    "",
                    "",
                    "",
                    "XX",
                    &b.npi,
                ],
            )?;
            w.segment("N3", &[&b.address])?;
            w.segment("N4", &[&b.city, &b.state, &b.zip])?;
            w.segment("REF", &["EI", &b.tax_id])?;
            last_npi = Some(b.npi.as_str());
        }
        hl += 1;
        let sub_hl = hl.to_string();
        w.segment("HL", &[&sub_hl, &billing_hl, "22", "0"])?;
        w.segment("SBR", &["P", "18", "", "", "", "", "", "", "MC"])?;
        let p = &c.subscriber;
        w.segment(
            "NM1",
            &[
                "IL",
                "1",
                &p.last_name,
                &p.first_name,
                "",
                "",
                "",
                "MI",
                &p.member_id,
            ],
        )?;
        w.segment("DMG", &["D8", DateText::d8(p.birth_date).as_str(), &p.sex])?;
        w.segment(
            "NM1",
            &[
                "PR",
                "2",
                &batch.payer_name,
                "",
                "",
                "",
                "",
                "PI",
                &batch.payer_id,
            ],
        )?;

        let mut total = 0i64;
        for l in &c.lines {
            total = total.checked_add(l.charge_cents).ok_or_else(|| {
                X12Error::general(format!(
                    "claim {}: total charge overflows",
                    c.patient_control_number
                ))
            })?;
        }
        let freq = if c.frequency_code.is_empty() {
            "1"
        } else {
            &c.frequency_code
        };
        w.segment_composite(
            "CLM",
            &[
                &[&c.patient_control_number],
                &[&format_amount(total)],
                &[],
                &[],
                &[&c.place_of_service, "B", freq],
                &["Y"],
                &["A"],
                &["Y"],
                &["Y"],
            ],
        )?;
        if let Some(pa) = &c.prior_authorization {
            w.segment("REF", &["G1", pa])?;
        }
        if let Some(icn) = &c.original_icn {
            w.segment("REF", &["F8", icn])?;
        }
        let codes: Vec<String> = c
            .diagnosis_codes
            .iter()
            .map(|d| {
                d.chars()
                    .filter(|&ch| ch != '.')
                    .map(|ch| ch.to_ascii_uppercase())
                    .collect()
            })
            .collect();
        let hi: Vec<[&str; 2]> = codes
            .iter()
            .enumerate()
            .map(|(i, code)| [if i == 0 { "ABK" } else { "ABF" }, code.as_str()])
            .collect();
        let hi_refs: Vec<&[&str]> = hi.iter().map(|x| &x[..]).collect();
        w.segment_composite("HI", &hi_refs)?;
        if let Some(r) = &c.rendering_provider {
            w.segment(
                "NM1",
                &[
                    "82",
                    &r.entity_type,
                    &r.name,
                    r.first_name.as_deref().unwrap_or(""),
                    "",
                    "",
                    "",
                    "XX",
                    &r.npi,
                ],
            )?;
        }
        for (i, l) in c.lines.iter().enumerate() {
            if l.modifiers.len() > 4 {
                return Err(X12Error::general(format!(
                    "claim {} line {}: at most 4 modifiers",
                    c.patient_control_number,
                    i + 1
                )));
            }
            if !is_units(&l.units) {
                return Err(X12Error::general(format!(
                    "claim {} line {}: units {:?} is not a number",
                    c.patient_control_number,
                    i + 1,
                    l.units
                )));
            }
            if l.to < l.from {
                return Err(X12Error::general(format!(
                    "claim {} line {}: the service end date is before its start",
                    c.patient_control_number,
                    i + 1
                )));
            }
            let pointers: Vec<String> = if l.diagnosis_pointers.is_empty() {
                vec!["1".to_string()]
            } else {
                l.diagnosis_pointers
                    .iter()
                    .take(4)
                    .map(|p| p.to_string())
                    .collect()
            };
            if let Some(bad) = l
                .diagnosis_pointers
                .iter()
                .find(|&&p| p == 0 || usize::from(p) > codes.len())
            {
                return Err(X12Error::general(format!(
                    "claim {} line {}: diagnosis pointer {} does not point to a diagnosis code",
                    c.patient_control_number,
                    i + 1,
                    bad
                )));
            }
            w.segment("LX", &[&(i + 1).to_string()])?;
            let mut proc: Vec<&str> = vec!["HC", &l.procedure_code];
            proc.extend(l.modifiers.iter().map(String::as_str));
            let ptr_refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
            w.segment_composite(
                "SV1",
                &[
                    &proc,
                    &[&format_amount(l.charge_cents)],
                    &["UN"],
                    &[&l.units],
                    &[l.place_of_service.as_deref().unwrap_or("")],
                    &[],
                    &ptr_refs,
                ],
            )?;
            let (q, v) = date_or_range(l.from, l.to);
            w.segment("DTP", &["472", q, v.as_str()])?;
            if let Some(pa) = &l.prior_authorization {
                w.segment("REF", &["G1", pa])?;
            }
        }
    }
    w.end_transaction()?;
    w.end_group()?;
    w.finish()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    pub(crate) fn env() -> Envelope {
        Envelope::new(
            "CLINIC",
            "OHA",
            d(2024, 3, 1),
            NaiveTime::from_hms_opt(9, 5, 0).unwrap(),
            5,
        )
    }

    pub(crate) fn batch() -> Batch837 {
        let bp = BillingProvider {
            entity_type: "2".into(),
            name: "BRIDGE THERAPY".into(),
            first_name: None,
            npi: "1234567893".into(),
            tax_id: "931234567".into(),
            address: "1 MAIN ST".into(),
            city: "PORTLAND".into(),
            state: "OR".into(),
            zip: "97201".into(),
        };
        let claim = |pcn: &str, npi: &str| ClaimToWrite {
            patient_control_number: pcn.into(),
            place_of_service: "11".into(),
            frequency_code: String::new(),
            billing_provider: BillingProvider {
                npi: npi.into(),
                ..bp.clone()
            },
            rendering_provider: Some(RenderingProvider {
                entity_type: "1".into(),
                name: "SMITH".into(),
                first_name: Some("ANNA".into()),
                npi: "1003000126".into(),
            }),
            subscriber: SubscriberInfo {
                member_id: "AB123456".into(),
                last_name: "DOE".into(),
                first_name: "JANE".into(),
                birth_date: d(1980, 1, 2),
                sex: "F".into(),
            },
            diagnosis_codes: vec!["F84.0".into(), "r62.50".into()],
            prior_authorization: Some("1234567890".into()),
            original_icn: None,
            lines: vec![
                ClaimLine {
                    procedure_code: "97153".into(),
                    modifiers: vec!["HN".into(), "U1".into()],
                    charge_cents: 12050,
                    units: "4".into(),
                    from: d(2024, 2, 5),
                    to: d(2024, 2, 5),
                    place_of_service: None,
                    diagnosis_pointers: vec![1, 2],
                    prior_authorization: None,
                },
                ClaimLine {
                    procedure_code: "97155".into(),
                    modifiers: vec![],
                    charge_cents: 6000,
                    units: "2".into(),
                    from: d(2024, 2, 6),
                    to: d(2024, 2, 9),
                    place_of_service: Some("02".into()),
                    diagnosis_pointers: vec![],
                    prior_authorization: Some("1234567891".into()),
                },
            ],
        };
        Batch837 {
            submitter: Submitter {
                name: "BRIDGE THERAPY".into(),
                id: "TP123".into(),
                contact_name: "PAT BILLER".into(),
                phone: "5035551212".into(),
            },
            receiver_name: "OREGON HEALTH AUTHORITY".into(),
            receiver_id: "OHA".into(),
            payer_name: "OREGON HEALTH AUTHORITY".into(),
            payer_id: "OHA".into(),
            reference: "B0001".into(),
            claims: vec![
                claim("PCN1", "1234567893"),
                claim("PCN2", "1234567893"),
                claim("PCN3", "1306849450"),
            ],
        }
    }

    /// A replacement (CLM05-3 = 7) carries REF*F8 with the original's ICN after REF*G1,
    /// and reads back with both; an original has no REF*F8.
    #[test]
    fn a_replacement_reads_back_with_its_ref_f8() {
        let mut b = batch();
        b.claims[1].frequency_code = "7".into();
        b.claims[1].original_icn = Some("2026075000001".into());
        let text = write_837p(&b, &env()).unwrap();
        assert!(
            text.contains("REF*G1*1234567890~REF*F8*2026075000001~"),
            "{text}"
        );
        let ic = Interchange::parse(&text).unwrap();
        let claims = read_837p(&ic).unwrap();
        assert_eq!(
            (claims[0].frequency_code, claims[0].original_icn),
            ("1", None)
        );
        assert_eq!(
            (claims[1].frequency_code, claims[1].original_icn),
            ("7", Some("2026075000001"))
        );
    }

    #[test]
    fn write_837p_reads_back() {
        let text = write_837p(&batch(), &env()).unwrap();
        let ic = Interchange::parse(&text).unwrap();
        let claims = read_837p(&ic).unwrap();
        assert_eq!(claims.len(), 3);
        let c = &claims[0];
        assert_eq!(c.patient_control_number, "PCN1");
        assert_eq!(c.total_charge, "180.5");
        assert_eq!(amount_cents(c.total_charge), Some(18050));
        assert_eq!(c.place_of_service, "11");
        assert_eq!(c.billing_provider.npi, Some("1234567893"));
        assert_eq!(c.rendering_provider.and_then(|r| r.npi), Some("1003000126"));
        assert_eq!(c.subscriber.member_id, Some("AB123456"));
        assert_eq!(c.subscriber.birth_date, Some(d(1980, 1, 2)));
        assert_eq!(c.payer.id, "OHA");
        assert_eq!(c.diagnosis_codes, vec!["F840", "R6250"]);
        assert_eq!(c.diagnosis_code_set, "ABK");
        assert_eq!(c.prior_authorization, Some("1234567890"));
        assert_eq!(c.lines.len(), 2);
        let l = &c.lines[0];
        assert_eq!(
            (l.procedure_code, l.modifiers.clone()),
            ("97153", vec!["HN", "U1"])
        );
        assert_eq!((l.charge, l.units, l.unit_basis), ("120.5", "4", "UN"));
        assert_eq!(l.diagnosis_pointers, vec!["1", "2"]);
        assert_eq!(l.service_dates, Some((d(2024, 2, 5), d(2024, 2, 5))));
        let l = &c.lines[1];
        assert_eq!(l.place_of_service, Some("02"));
        assert_eq!(l.service_dates, Some((d(2024, 2, 6), d(2024, 2, 9))));
        assert_eq!(l.prior_authorization, Some("1234567891"));
        assert_eq!(claims[2].billing_provider.npi, Some("1306849450"));
        assert_eq!(text.matches("HL*").count(), 5);
    }

    /// Claims are handed over one at a time, from a set read with only its ST and SE
    /// kept: the same claims as a full reading; the caller can stop the reading; a set in
    /// error hands over the claims before the segment in error, then says what it is.
    #[test]
    fn claims_are_handed_over_one_at_a_time() {
        let text = write_837p(&batch(), &env()).unwrap();
        let full = Interchange::parse(&text).unwrap();
        let lean = Interchange::parse_envelope(&text).unwrap();
        let t = &lean.groups[0].transactions[0];
        let mut seen = Vec::new();
        let read = each_837p_claim(0, 0, t, |c| {
            seen.push(c);
            Ok::<(), &str>(())
        });
        assert!(matches!(read, Ok(Ok(()))));
        assert_eq!(seen, read_837p(&full).unwrap());
        assert_eq!(seen, read_837p_set(0, 0, t).unwrap());
        assert_eq!(seen.len(), 3);

        let mut handed = 0;
        let read = each_837p_claim(0, 0, t, |_| {
            handed += 1;
            if handed == 2 {
                Err("enough")
            } else {
                Ok(())
            }
        });
        assert_eq!(read, Err("enough"));
        assert_eq!(handed, 2);

        // The second claim's first date of service is not a date.
        let (head, tail) = text.split_at(text.find("CLM*PCN2").unwrap());
        let bad = format!(
            "{head}{}",
            tail.replacen("DTP*472*D8*20240205", "DTP*472*D8*20240231", 1)
        );
        let lean = Interchange::parse_envelope(&bad).unwrap();
        let t = &lean.groups[0].transactions[0];
        let mut pcns = Vec::new();
        let read = each_837p_claim(0, 0, t, |c| {
            pcns.push(c.patient_control_number);
            Ok::<(), &str>(())
        });
        let Ok(Err(e)) = read else { panic!("{read:?}") };
        assert_eq!(e.segment_id, "DTP");
        assert_eq!(pcns, ["PCN1"]);
        assert!(read_837p_set(0, 0, t).is_err());
    }

    #[test]
    fn principal_codes_go_first_the_latest_first() {
        let text = write_837p(&batch(), &env()).unwrap();
        let hi = text.split('~').find(|s| s.starts_with("HI*")).unwrap();
        let ic_text = text.replacen(hi, "HI*ABK:A01*ABF:B02*ABK:c0.3*ABF:D04", 1);
        let ic = Interchange::parse(&ic_text).unwrap();
        let claims = read_837p(&ic).unwrap();
        assert_eq!(claims[0].diagnosis_codes, vec!["C03", "A01", "B02", "D04"]);
        assert_eq!(claims[1].diagnosis_codes.len(), 2);
    }

    #[test]
    fn bad_claims_are_refused() {
        let mut b = batch();
        b.claims[0].lines[0].diagnosis_pointers = vec![3];
        assert!(write_837p(&b, &env()).is_err());
        let mut b = batch();
        b.claims[0].lines[0].units = "x".into();
        assert!(write_837p(&b, &env()).is_err());
        let mut b = batch();
        b.claims[0].patient_control_number = "A*B".into();
        assert!(write_837p(&b, &env()).is_err());
        let text = write_837p(&batch(), &env()).unwrap();
        let bad = text.replace("DTP*472*D8*20240205", "DTP*472*D8*20240231");
        let ic = Interchange::parse(&bad).unwrap();
        let e = read_837p(&ic).unwrap_err();
        assert_eq!(e.segment_id, "DTP");
        assert!(e.message.contains("20240231"), "{e}");
    }

    #[test]
    fn amounts() {
        assert_eq!(amount_cents("100"), Some(10000));
        assert_eq!(amount_cents("21.04"), Some(2104));
        assert_eq!(amount_cents("21.5"), Some(2150));
        assert_eq!(amount_cents(".5"), Some(50));
        assert_eq!(amount_cents("-3"), Some(-300));
        assert_eq!(amount_cents("1.234"), None);
        assert_eq!(amount_cents("abc"), None);
        assert_eq!(amount_cents(""), None);
        assert_eq!(format_amount(10000), "100");
        assert_eq!(format_amount(2104), "21.04");
        assert_eq!(format_amount(2150), "21.5");
        assert_eq!(format_amount(-5), "-0.05");
        assert_eq!(format_amount(0), "0");
        assert_eq!(format_amount(-300), "-3");
        assert_eq!(format_amount(i64::MIN), "-92233720368547758.08");
        assert_eq!(format_amount(i64::MAX), "92233720368547758.07");
        // Every amount reads back to itself.
        for c in (-100_000..100_000)
            .step_by(7)
            .chain([1, 9, 10, 99, 100, 101, 999_999_999])
        {
            assert_eq!(amount_cents(&format_amount(c)), Some(c), "{c}");
        }
    }
}
