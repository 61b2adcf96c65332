//! 270 eligibility inquiries and 271 responses (005010X279A1).

use chrono::NaiveDate;

use super::{
    date_or_range, parse_d8, parse_date_or_range, st_control_number, DateText, Envelope,
    Interchange, Segment, Writer, X12Error,
};

/// The implementation guide version of 270/271.
pub const X279: &str = "005010X279A1";

/// An NM1 (name) segment, borrowed from the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Entity<'a> {
    seg: Segment<'a>,
}

impl Default for Entity<'_> {
    fn default() -> Self {
        Entity {
            seg: Segment::new("NM1", 0, super::Delimiters::default()),
        }
    }
}

impl<'a> Entity<'a> {
    /// Reads an NM1 segment.
    pub fn from_nm1(seg: &Segment<'a>) -> Self {
        Entity { seg: *seg }
    }

    /// The NM1 segment itself.
    pub fn segment(&self) -> &Segment<'a> {
        &self.seg
    }

    /// NM101, e.g. `PR` (payer), `1P` (provider), `IL` (insured), `03` (dependent).
    pub fn entity_code(&self) -> &'a str {
        self.seg.element(1)
    }

    /// NM102: `1` person, `2` non-person.
    pub fn entity_type(&self) -> &'a str {
        self.seg.element(2)
    }

    /// NM103: last name or organization name.
    pub fn last_or_org(&self) -> &'a str {
        self.seg.element(3)
    }

    /// NM104.
    pub fn first(&self) -> &'a str {
        self.seg.element(4)
    }

    /// NM105.
    pub fn middle(&self) -> &'a str {
        self.seg.element(5)
    }

    /// NM107.
    pub fn suffix(&self) -> &'a str {
        self.seg.element(7)
    }

    /// NM108, e.g. `PI`, `XX`, `MI`.
    pub fn id_qualifier(&self) -> &'a str {
        self.seg.element(8)
    }

    /// NM109.
    pub fn id(&self) -> &'a str {
        self.seg.element(9)
    }

    fn write(&self, w: &mut Writer) -> Result<(), X12Error> {
        let mut el = ["", "", "", "", "", "", "", "", ""];
        // NM101..NM109 as X12 sizes them; NM106 is not used in 5010; NM110+ are not
        // echoed. A value the 271 cannot carry unchanged is left out.
        const SIZES: [(usize, usize); 9] = [
            (2, 3),
            (1, 1),
            (1, 60),
            (1, 35),
            (1, 25),
            (0, 0),
            (1, 10),
            (1, 2),
            (2, 80),
        ];
        let d = w.delimiters();
        for ((slot, v), (min, max)) in el.iter_mut().zip(self.seg.elements()).zip(SIZES) {
            *slot = super::fits(v, min, max, &d).unwrap_or("");
        }
        w.segment("NM1", &el)
    }
}

/// A TRN trace number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trace<'a> {
    /// TRN01: `1` current transaction (from the sender), `2` referenced (echoed).
    pub kind: &'a str,
    /// TRN02.
    pub reference: &'a str,
    /// TRN03, the originating company id (10 characters, `1`/`9` + EIN).
    pub originator: &'a str,
    /// TRN04 (may be empty).
    pub secondary: &'a str,
}

/// The hierarchical level an inquiry came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// Loop 2000C.
    Subscriber,
    /// Loop 2000D (the dependent's name, the subscriber's member id).
    Dependent,
}

/// AAA03 reject reasons used in loop 2100C.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RejectCode {
    /// 72 — invalid/missing member id.
    InvalidMemberId,
    /// 73 — invalid/missing subscriber/insured name.
    InvalidName,
    /// 58 — invalid/missing date of birth.
    InvalidBirthDate,
    /// 75 — subscriber/insured not found.
    NotFound,
    /// 62 — date of service not within allowable inquiry period.
    DateOutsideWindow,
    /// 57 — invalid/missing date(s) of service.
    InvalidDate,
}

impl RejectCode {
    /// The AAA03 code.
    pub fn code(self) -> &'static str {
        match self {
            RejectCode::InvalidMemberId => "72",
            RejectCode::InvalidName => "73",
            RejectCode::InvalidBirthDate => "58",
            RejectCode::NotFound => "75",
            RejectCode::DateOutsideWindow => "62",
            RejectCode::InvalidDate => "57",
        }
    }

    /// The AAA03 code in a dependent's own loop (2100D), whose code list names the
    /// patient where 2100C's names the subscriber: 67 patient not found, 64 invalid or
    /// missing patient ID, 65 invalid or missing patient name.
    pub fn dependent_code(self) -> &'static str {
        match self {
            RejectCode::NotFound => "67",
            RejectCode::InvalidMemberId => "64",
            RejectCode::InvalidName => "65",
            other => other.code(),
        }
    }

    /// The code list description.
    pub fn description(self) -> &'static str {
        match self {
            RejectCode::InvalidMemberId => "Invalid/Missing Subscriber/Insured ID",
            RejectCode::InvalidName => "Invalid/Missing Subscriber/Insured Name",
            RejectCode::InvalidBirthDate => "Invalid/Missing Date-of-Birth",
            RejectCode::NotFound => "Subscriber/Insured Not Found",
            RejectCode::DateOutsideWindow => "Date of Service Not Within Allowable Inquiry Period",
            RejectCode::InvalidDate => "Invalid/Missing Date(s) of Service",
        }
    }

    /// Reads an AAA03 code.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "72" | "64" => RejectCode::InvalidMemberId,
            "73" | "65" => RejectCode::InvalidName,
            "58" => RejectCode::InvalidBirthDate,
            "75" | "67" => RejectCode::NotFound,
            "62" => RejectCode::DateOutsideWindow,
            "57" => RejectCode::InvalidDate,
            _ => return None,
        })
    }
}

/// A structural problem in one inquiry: it is answered with an AAA
/// rejection instead of failing the whole file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InquiryProblem {
    pub code: RejectCode,
    /// What was wrong, naming the segment.
    pub message: String,
}

/// One eligibility inquiry: a 2000C subscriber loop (or a 2000D dependent
/// loop) of a 270.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inquiry<'a> {
    /// Index of the functional group in the interchange.
    pub group_index: usize,
    /// Index of the transaction set in its group.
    pub transaction_index: usize,
    /// ST02 of the transaction set.
    pub transaction_control_number: &'a str,
    /// BHT03 of the transaction set (echoed in the 271's BHT03).
    pub reference: &'a str,
    /// Segment number of the HL that starts the loop.
    pub segment: usize,
    pub level: Level,
    /// 2100A information source (the payer asked).
    pub source: Entity<'a>,
    /// Segment number of the 2000A HL (distinguishes sources).
    pub source_segment: usize,
    /// 2100B information receiver (the provider asking).
    pub receiver: Entity<'a>,
    /// Segment number of the 2000B HL.
    pub receiver_segment: usize,
    /// TRN segments of the loop.
    pub traces: Vec<Trace<'a>>,
    /// 2100C NM1 (the subscriber; for a dependent inquiry, its subscriber).
    pub subscriber: Entity<'a>,
    /// 2100D NM1 for a dependent inquiry.
    pub dependent: Option<Entity<'a>>,
    /// NM109 of the 2100C NM1 when NM108 is `MI`.
    pub member_id: Option<&'a str>,
    /// NM103 of the patient (2100D for a dependent, else 2100C).
    pub last_name: Option<&'a str>,
    /// NM104 of the patient.
    pub first_name: Option<&'a str>,
    /// DMG02 (D8) of the patient.
    pub birth_date: Option<NaiveDate>,
    /// DMG03 of the patient (`F`, `M`, `U`).
    pub gender: Option<&'a str>,
    /// DTP*291 (loop 2100, else the first in 2110) as (from, to).
    pub dates: Option<(NaiveDate, NaiveDate)>,
    /// EQ01 service type codes, in order.
    pub service_types: Vec<&'a str>,
    /// Set when the inquiry is structurally bad; answer it with this code.
    pub problem: Option<InquiryProblem>,
}

/// The earliest year a 271 carries in a date: X12 dates are CCYYMMDD, and the validators
/// (pyx12) refuse a year before 1800 (`DMG*D8*17371207`); such a date is a problem of its
/// inquiry, never echoed.
pub const EARLIEST_YEAR: i32 = 1800;

fn plausible(d: NaiveDate) -> bool {
    use chrono::Datelike;
    (EARLIEST_YEAR..=9999).contains(&d.year())
}

fn non_empty(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

struct Pending<'a> {
    inquiry: Inquiry<'a>,
    has_children: bool,
    name_seen: bool,
    in_2110: bool,
}

impl<'a> Pending<'a> {
    fn problem(&mut self, code: RejectCode, seg: &Segment<'_>, msg: &str) {
        if self.inquiry.problem.is_none() {
            self.inquiry.problem = Some(InquiryProblem {
                code,
                message: format!("segment {} ({}): {}", seg.position(), seg.id(), msg),
            });
        }
    }

    /// Finishes the loop; returns the inquiry when the loop is one.
    fn finish(mut self) -> Option<Inquiry<'a>> {
        let inq = &mut self.inquiry;
        let is_inquiry = inq.level == Level::Dependent
            || !self.has_children
            || !inq.traces.is_empty()
            || !inq.service_types.is_empty();
        if !is_inquiry {
            return None;
        }
        if inq.problem.is_none() {
            let msg = |m: &str| format!("segment {} (HL): {}", inq.segment, m);
            if !self.name_seen {
                inq.problem = Some(InquiryProblem {
                    code: RejectCode::InvalidMemberId,
                    message: msg("the loop has no NM1 name segment"),
                });
            } else if inq.member_id.is_none() {
                if inq.last_name.is_none() || inq.first_name.is_none() {
                    inq.problem = Some(InquiryProblem {
                        code: if inq.last_name.is_none() && inq.first_name.is_none() {
                            RejectCode::InvalidMemberId
                        } else {
                            RejectCode::InvalidName
                        },
                        message: msg("no member id, and no last and first name to search by"),
                    });
                } else if inq.birth_date.is_none() {
                    inq.problem = Some(InquiryProblem {
                        code: RejectCode::InvalidBirthDate,
                        message: msg("a search by name needs the date of birth (DMG)"),
                    });
                }
            }
        }
        Some(self.inquiry)
    }
}

/// Reads the inquiries of a 270 interchange, in file order.
///
/// A file that is not a 270 of 005010X279A1, or whose loops are out of
/// order, is an error; a bad value inside one inquiry (a date that is not a
/// date, a missing member id) is recorded in [`Inquiry::problem`].
pub fn read_270<'a>(ic: &Interchange<'a>) -> Result<Vec<Inquiry<'a>>, X12Error> {
    super::check_transaction_version(ic, "270", X279)?;
    let mut out = Vec::new();
    for (gi, g) in ic.groups.iter().enumerate() {
        for (ti, t) in g.transactions.iter().enumerate() {
            read_transaction(gi, ti, t, &mut out)?;
        }
    }
    Ok(out)
}

fn read_transaction<'a>(
    gi: usize,
    ti: usize,
    t: &super::TransactionSet<'a>,
    out: &mut Vec<Inquiry<'a>>,
) -> Result<(), X12Error> {
    let body = t.body();
    let bht = match body.first() {
        Some(s) if s.id() == "BHT" => s,
        Some(s) => return Err(X12Error::at(s, "a 270 starts with BHT after ST")),
        None => {
            let at = t.st().copied();
            return Err(match at {
                Some(s) => X12Error::at(&s, "the 270 transaction set is empty"),
                None => X12Error::general("empty transaction set"),
            });
        }
    };
    if bht.element(1) != "0022" {
        return Err(X12Error::at(bht, "BHT01 must be 0022"));
    }
    let reference = bht.element(3);
    out.reserve(body.iter().filter(|s| s.id() == "HL").count());
    let mut source: Option<(Entity<'a>, usize)> = None;
    let mut receiver: Option<(Entity<'a>, usize)> = None;
    let mut subscriber: Option<(Entity<'a>, Option<&'a str>)> = None;
    let mut level = 0u8;
    let mut pending: Option<Pending<'a>> = None;
    let mut hl_seen_source = 0usize;

    for seg in body.iter().skip(1) {
        let id = seg.id();
        if id == "HL" {
            if let Some(p) = pending.take() {
                if let Some(inq) = p.finish() {
                    out.push(inq);
                }
            }
            let code = seg.element(3);
            match code {
                "20" => {
                    level = 20;
                    hl_seen_source = seg.position();
                    source = None;
                    receiver = None;
                    subscriber = None;
                }
                "21" => {
                    if source.is_none() && hl_seen_source == 0 {
                        return Err(X12Error::at(
                            seg,
                            "receiver level (HL03=21) before any source level (HL03=20)",
                        ));
                    }
                    level = 21;
                    receiver = None;
                    subscriber = None;
                }
                "22" | "23" => {
                    let (Some(src), Some(rcv)) = (source, receiver) else {
                        return Err(X12Error::at(
                            seg,
                            format!("HL03={code} before the information source and receiver loops (2100A/2100B NM1)"),
                        ));
                    };
                    let lvl = if code == "22" {
                        subscriber = None;
                        Level::Subscriber
                    } else {
                        if subscriber.is_none() {
                            return Err(X12Error::at(
                                seg,
                                "dependent level (HL03=23) without a subscriber level (HL03=22)",
                            ));
                        }
                        Level::Dependent
                    };
                    level = if code == "22" { 22 } else { 23 };
                    let (sub_entity, sub_id) = subscriber.unwrap_or_default();
                    pending = Some(Pending {
                        inquiry: Inquiry {
                            group_index: gi,
                            transaction_index: ti,
                            transaction_control_number: t.control_number,
                            reference,
                            segment: seg.position(),
                            level: lvl,
                            source: src.0,
                            source_segment: src.1,
                            receiver: rcv.0,
                            receiver_segment: rcv.1,
                            traces: Vec::new(),
                            subscriber: sub_entity,
                            dependent: None,
                            member_id: sub_id,
                            last_name: None,
                            first_name: None,
                            birth_date: None,
                            gender: None,
                            dates: None,
                            service_types: Vec::new(),
                            problem: None,
                        },
                        has_children: seg.element(4) == "1",
                        name_seen: false,
                        in_2110: false,
                    });
                }
                other => {
                    return Err(X12Error::at(
                        seg,
                        format!("HL03 {other:?} is not a 270 level (20, 21, 22 or 23)"),
                    ))
                }
            }
            continue;
        }
        match level {
            20 => {
                if id == "NM1" && source.is_none() {
                    source = Some((Entity::from_nm1(seg), hl_seen_source));
                }
            }
            21 => {
                if id == "NM1" && receiver.is_none() {
                    receiver = Some((Entity::from_nm1(seg), seg.position()));
                }
            }
            22 | 23 => {
                let Some(p) = pending.as_mut() else { continue };
                match id {
                    "TRN" if !p.name_seen => p.inquiry.traces.push(Trace {
                        kind: seg.element(1),
                        reference: seg.element(2),
                        originator: seg.element(3),
                        secondary: seg.element(4),
                    }),
                    "NM1" if !p.name_seen => {
                        p.name_seen = true;
                        let e = Entity::from_nm1(seg);
                        if level == 22 {
                            let member_id = if e.id_qualifier() == "MI" {
                                let id = non_empty(e.id());
                                if id.is_none() {
                                    p.problem(
                                        RejectCode::InvalidMemberId,
                                        seg,
                                        "NM108 is MI but NM109 is empty",
                                    );
                                }
                                id
                            } else {
                                None
                            };
                            p.inquiry.subscriber = e;
                            p.inquiry.member_id = member_id;
                            subscriber = Some((e, member_id));
                        } else {
                            p.inquiry.dependent = Some(e);
                        }
                        p.inquiry.last_name = non_empty(e.last_or_org());
                        p.inquiry.first_name = non_empty(e.first());
                    }
                    "DMG" if !p.in_2110 => {
                        let (q, v) = (seg.element(1), seg.element(2));
                        if !v.is_empty() || !q.is_empty() {
                            match (q, parse_d8(v)) {
                                ("D8", Some(d)) if plausible(d) => p.inquiry.birth_date = Some(d),
                                _ => p.problem(
                                    RejectCode::InvalidBirthDate,
                                    seg,
                                    &format!("date of birth {v:?} is not a D8 date (CCYYMMDD)"),
                                ),
                            }
                        }
                        p.inquiry.gender = non_empty(seg.element(3));
                    }
                    "DTP" if seg.element(1) == "291" => {
                        if p.in_2110 && p.inquiry.dates.is_some() {
                            continue;
                        }
                        match parse_date_or_range(seg.element(2), seg.element(3)) {
                            Some(r) if plausible(r.0) && plausible(r.1) => {
                                p.inquiry.dates = Some(r)
                            }
                            _ => p.problem(
                                RejectCode::InvalidDate,
                                seg,
                                &format!(
                                    "date of service {:?} is not a D8 date or RD8 range",
                                    seg.element(3)
                                ),
                            ),
                        }
                    }
                    "EQ" => {
                        p.in_2110 = true;
                        p.inquiry.service_types.extend(seg.repetitions(1));
                    }
                    _ => {}
                }
            }
            _ => {
                return Err(X12Error::at(seg, "segment before the first HL"));
            }
        }
    }
    if let Some(p) = pending.take() {
        if let Some(inq) = p.finish() {
            out.push(inq);
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 271

/// The member found for an inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub last_name: String,
    pub first_name: String,
    pub birth_date: NaiveDate,
    /// `F`, `M` or `U`; `None` leaves DMG03 out.
    pub sex: Option<String>,
}

/// A benefit plan span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenefitSpan {
    /// Active on the dates asked (EB01 `1`) or not (EB01 `6`).
    pub active: bool,
    /// REF*18 (plan number), e.g. `BMH`.
    pub plan_code: String,
    /// EB05, e.g. `OHP Plus`.
    pub plan_name: String,
    pub from: NaiveDate,
    /// `None`: open-ended.
    pub to: Option<NaiveDate>,
}

/// A managed-care (CCO) span: EB*MC with the CCO in loop 2120C.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManagedCareSpan {
    pub cco_name: String,
    /// NM109 of the CCO (payer id); `None` derives one from the name.
    pub cco_id: Option<String>,
    /// EB05, e.g. `CCOA`.
    pub plan_type: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
    /// Health Share of Oregon plan partner, written as
    /// `MSG*PLAN PARTNER <name>` before the 2120C loop (a second 2120C NM1
    /// is legal X12 but linuxforhealth-x12 drops it).
    pub plan_partner: Option<String>,
}

/// Kind of other coverage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherPayerKind {
    /// Third-party liability (commercial insurance): EB04 `C1`.
    ThirdParty,
    /// Medicare Part A: EB04 `MA`.
    MedicarePartA,
    /// Medicare Part B: EB04 `MB`.
    MedicarePartB,
    /// Medicare Part D: EB04 `OT`.
    MedicarePartD,
}

/// Other coverage (EB*R with the payer in loop 2120C, entity `PRP`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherPayerSpan {
    pub kind: OtherPayerKind,
    pub name: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// What the payer found for an inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub member: Member,
    /// The dates answered (2100C DTP*291); usually the inquiry's dates, or
    /// the default date when it had none.
    pub dates: (NaiveDate, NaiveDate),
    pub benefits: Vec<BenefitSpan>,
    pub managed_care: Vec<ManagedCareSpan>,
    pub other_payers: Vec<OtherPayerSpan>,
}

/// The answer to one inquiry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerResult {
    /// AAA*N**code*C in loop 2100C.
    Rejected {
        code: RejectCode,
    },
    Found(Box<Coverage>),
}

/// An inquiry and its answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer<'i, 'a> {
    pub inquiry: &'i Inquiry<'a>,
    pub result: AnswerResult,
}

/// How to write a 271.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options271 {
    /// Envelopes (the payer is the sender).
    pub envelope: Envelope,
    /// One subscriber per transaction set (for validators such as
    /// linuxforhealth-x12 that reject a second 2000C under a 2000B).
    /// Otherwise one 271 transaction set per 270 transaction set.
    pub one_subscriber_per_transaction: bool,
}

fn derive_id(name: &str) -> String {
    let id: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .take(80)
        .collect();
    if id.is_empty() {
        "UNKNOWN".to_string()
    } else {
        id
    }
}

/// Writes DTP*291 for a closed span, DTP*346 (plan begin) for an open one.
fn write_span_dates(
    w: &mut Writer,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<(), X12Error> {
    match to {
        Some(to) => {
            let (q, v) = date_or_range(from, to.max(from));
            w.segment("DTP", &["291", q, v.as_str()])
        }
        None => w.segment("DTP", &["346", "D8", DateText::d8(from).as_str()]),
    }
}

#[derive(Default)]
struct Hl271 {
    next: usize,
    source_key: Option<usize>,
    source_hl: String,
    receiver_key: Option<usize>,
    receiver_hl: String,
}

/// Writes a 271 answering `answers` (one 2000C each, in order).
///
/// The information source and receiver loops and the trace numbers (as
/// TRN01=2) are echoed from the 270; the answer goes in loop 2100C (AAA
/// rejection) or 2110C (EB segments: `1`/`6` per benefit plan, `MC` per
/// managed-care span with the CCO in loop 2120C, `R` per other payer).
pub fn write_271(answers: &[Answer<'_, '_>], opts: &Options271) -> Result<String, X12Error> {
    write_271_from(answers, answers.len(), opts)
}

/// Like [`write_271`], taking the answers one at a time (a payer computing each answer
/// as it writes need not hold them all). `count` sizes the output buffer.
pub fn write_271_from<'i, 'a: 'i, A, I>(
    answers: I,
    count: usize,
    opts: &Options271,
) -> Result<String, X12Error>
where
    A: std::borrow::Borrow<Answer<'i, 'a>>,
    I: IntoIterator<Item = A>,
{
    let mut out: Vec<u8> = Vec::with_capacity(count.saturating_mul(320));
    match write_271_to(answers, opts, &mut out) {
        Ok(()) => String::from_utf8(out).map_err(|_| X12Error::general("the 271 is not text")),
        Err(e) => Err(match e.into_inner().map(|b| b.downcast::<X12Error>()) {
            Some(Ok(x)) => *x,
            Some(Err(other)) => X12Error::general(other.to_string()),
            None => X12Error::general("cannot write the 271"),
        }),
    }
}

/// Writes the 271 to `out` as it goes (the whole text is never held). An answer that
/// cannot be written is an `InvalidData` error wrapping the [`X12Error`].
pub fn write_271_to<'i, 'a: 'i, A, I>(
    answers: I,
    opts: &Options271,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()>
where
    A: std::borrow::Borrow<Answer<'i, 'a>>,
    I: IntoIterator<Item = A>,
{
    let x12 = |e: X12Error| std::io::Error::new(std::io::ErrorKind::InvalidData, e);
    let env = &opts.envelope;
    let mut w = env.open("HB", X279).map_err(x12)?;
    let date = env.date_d8();
    let time = env.time_hhmm();
    let mut sets = 0usize;
    let mut open_key: Option<(usize, usize)> = None;
    let mut hl = Hl271::default();
    for (n, a) in answers.into_iter().enumerate() {
        let a = a.borrow();
        write_subscriber(
            &mut w,
            a,
            opts,
            &date,
            &time,
            &mut sets,
            &mut open_key,
            &mut hl,
        )
        .map_err(x12)?;
        if n % 256 == 255 {
            w.drain_into(out)?;
        }
    }
    let end = |w: &mut Writer| -> Result<(), X12Error> {
        if open_key.is_some() {
            w.end_transaction()?;
        }
        w.end_group()
    };
    end(&mut w).map_err(x12)?;
    let rest = w.finish().map_err(x12)?;
    out.write_all(rest.as_bytes())
}

/// One answer's loops (2000A/B when they change, 2000C/2100C), opening a new transaction
/// set when the inquiry's changes (or for each subscriber, when asked).
#[allow(clippy::too_many_arguments)]
fn write_subscriber(
    w: &mut Writer,
    a: &Answer<'_, '_>,
    opts: &Options271,
    date: &str,
    time: &str,
    sets: &mut usize,
    open_key: &mut Option<(usize, usize)>,
    hl: &mut Hl271,
) -> Result<(), X12Error> {
    let inq = a.inquiry;
    let key = (inq.group_index, inq.transaction_index);
    let new_set = match *open_key {
        None => true,
        Some(k) => opts.one_subscriber_per_transaction || k != key,
    };
    if new_set {
        if open_key.is_some() {
            w.end_transaction()?;
        }
        *sets += 1;
        w.begin_transaction("271", &st_control_number(*sets), X279)?;
        let reference = super::fits(inq.reference, 1, 50, &w.delimiters()).unwrap_or("");
        w.segment("BHT", &["0022", "11", reference, date, time])?;
        *open_key = Some(key);
        *hl = Hl271 {
            next: 1,
            ..Hl271::default()
        };
    }
    if hl.source_key != Some(inq.source_segment) {
        let id = hl.next.to_string();
        hl.next += 1;
        w.segment("HL", &[&id, "", "20", "1"])?;
        inq.source.write(w)?;
        hl.source_key = Some(inq.source_segment);
        hl.source_hl = id;
        hl.receiver_key = None;
    }
    if hl.receiver_key != Some(inq.receiver_segment) {
        let id = hl.next.to_string();
        hl.next += 1;
        w.segment("HL", &[&id, &hl.source_hl, "21", "1"])?;
        inq.receiver.write(w)?;
        hl.receiver_key = Some(inq.receiver_segment);
        hl.receiver_hl = id;
    }
    let d = w.delimiters();
    let id = hl.next.to_string();
    hl.next += 1;
    // A dependent (2000D) the payer does not answer as a member of their own is answered
    // in the dependent's own loop, under an echo of their subscriber (2000C/2100C).
    let in_dependent_loop =
        inq.level == Level::Dependent && matches!(a.result, AnswerResult::Rejected { .. });
    if in_dependent_loop {
        w.segment("HL", &[&id, &hl.receiver_hl, "22", "1"])?;
        let sub = &inq.subscriber;
        let member_id = inq.member_id.and_then(|v| super::fits(v, 2, 80, &d));
        w.segment(
            "NM1",
            &[
                "IL",
                "1",
                super::fits(sub.last_or_org(), 1, 60, &d).unwrap_or(""),
                super::fits(sub.first(), 1, 35, &d).unwrap_or(""),
                "",
                "",
                "",
                if member_id.is_some() { "MI" } else { "" },
                member_id.unwrap_or(""),
            ],
        )?;
        let dep = hl.next.to_string();
        hl.next += 1;
        w.segment("HL", &[&dep, &id, "23", "0"])?;
    } else {
        w.segment("HL", &[&id, &hl.receiver_hl, "22", "0"])?;
    }
    write_traces(w, inq)?;
    write_2100c(w, a)
}

/// The inquiry's trace numbers (at most two), as TRN01 `2`; a trace number the 271 cannot
/// carry unchanged (more than 50 characters, not printable ASCII) is left out.
fn write_traces(w: &mut Writer, inq: &Inquiry<'_>) -> Result<(), X12Error> {
    let d = w.delimiters();
    for t in inq.traces.iter().take(2) {
        let (Some(r), Some(o)) = (
            super::fits(t.reference, 1, 50, &d),
            super::fits(t.originator, 10, 10, &d),
        ) else {
            continue;
        };
        let s = super::fits(t.secondary, 1, 50, &d).unwrap_or("");
        w.segment("TRN", &["2", r, o, s])?;
    }
    Ok(())
}

/// The service types an answer's benefit EBs are given: `30` (health benefit plan
/// coverage) and every other code the inquiry asked (EQ01, repeated or in several EQs),
/// each once. A code that is not a code (1 or 2 letters or digits) is not echoed.
pub fn answered_service_types<'a>(inq: &Inquiry<'a>) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = vec!["30"];
    for st in &inq.service_types {
        let code = (1..=2).contains(&st.len())
            && st
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if code && !out.contains(st) {
            out.push(st);
        }
    }
    out
}

/// A value of our own (a name in the store) as the 271 can carry it, at most `max`
/// characters (see [`super::carry`]).
fn ours(value: &str, max: usize, d: &super::Delimiters) -> String {
    let c = super::carry(value, d);
    c.chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

fn write_2100c(w: &mut Writer, a: &Answer<'_, '_>) -> Result<(), X12Error> {
    let inq = a.inquiry;
    let d = w.delimiters();
    match &a.result {
        AnswerResult::Rejected { code } => {
            let id = inq.member_id.and_then(|v| super::fits(v, 2, 80, &d));
            let (q, id) = match id {
                Some(id) if inq.level == Level::Subscriber => ("MI", id),
                _ => ("", ""),
            };
            let entity = if inq.level == Level::Dependent {
                "03"
            } else {
                "IL"
            };
            w.segment(
                "NM1",
                &[
                    entity,
                    "1",
                    inq.last_name
                        .and_then(|v| super::fits(v, 1, 60, &d))
                        .unwrap_or(""),
                    inq.first_name
                        .and_then(|v| super::fits(v, 1, 35, &d))
                        .unwrap_or(""),
                    "",
                    "",
                    "",
                    q,
                    id,
                ],
            )?;
            let aaa03 = if inq.level == Level::Dependent {
                code.dependent_code()
            } else {
                code.code()
            };
            w.segment("AAA", &["N", "", aaa03, "C"])?;
            if let Some(b) = inq.birth_date {
                w.segment("DMG", &["D8", DateText::d8(b).as_str()])?;
            }
            if let (Some((from, to)), false) = (inq.dates, *code == RejectCode::InvalidDate) {
                let (q, v) = date_or_range(from, to);
                w.segment("DTP", &["291", q, v.as_str()])?;
            }
        }
        AnswerResult::Found(c) => {
            let m = &c.member;
            w.segment(
                "NM1",
                &[
                    "IL",
                    "1",
                    &ours(&m.last_name, 60, &d),
                    &ours(&m.first_name, 35, &d),
                    "",
                    "",
                    "",
                    "MI",
                    &ours(&m.id, 80, &d),
                ],
            )?;
            let dob = DateText::d8(m.birth_date);
            let sex = m
                .sex
                .as_deref()
                .filter(|s| matches!(*s, "F" | "M" | "U"))
                .unwrap_or("");
            w.segment("DMG", &["D8", dob.as_str(), sex])?;
            let (q, v) = date_or_range(c.dates.0, c.dates.1);
            w.segment("DTP", &["291", q, v.as_str()])?;
            let types = answered_service_types(inq);
            if c.benefits.is_empty() {
                for st in &types {
                    w.segment("EB", &["6", "IND", st])?;
                }
            }
            for b in &c.benefits {
                let plan_name = ours(&b.plan_name, 50, &d);
                let plan_code = ours(&b.plan_code, 50, &d);
                for st in &types {
                    w.segment(
                        "EB",
                        &[
                            if b.active { "1" } else { "6" },
                            "IND",
                            st,
                            "MC",
                            &plan_name,
                        ],
                    )?;
                    if !plan_code.is_empty() {
                        w.segment("REF", &["18", &plan_code])?;
                    }
                    write_span_dates(w, b.from, b.to)?;
                }
            }
            for mc in &c.managed_care {
                w.segment(
                    "EB",
                    &["MC", "IND", "30", "HM", &ours(&mc.plan_type, 50, &d)],
                )?;
                write_span_dates(w, mc.from, mc.to)?;
                if let Some(p) = &mc.plan_partner {
                    w.segment("MSG", &[&ours(&format!("PLAN PARTNER {p}"), 264, &d)])?;
                }
                w.segment("LS", &["2120"])?;
                let id = mc.cco_id.clone().unwrap_or_else(|| derive_id(&mc.cco_name));
                w.segment(
                    "NM1",
                    &[
                        "Y2",
                        "2",
                        &ours(&mc.cco_name, 60, &d),
                        "",
                        "",
                        "",
                        "",
                        "PI",
                        &ours(&id, 80, &d),
                    ],
                )?;
                w.segment("LE", &["2120"])?;
            }
            for o in &c.other_payers {
                let ins = match o.kind {
                    OtherPayerKind::ThirdParty => "C1",
                    OtherPayerKind::MedicarePartA => "MA",
                    OtherPayerKind::MedicarePartB => "MB",
                    OtherPayerKind::MedicarePartD => "OT",
                };
                let name = ours(&o.name, 50, &d);
                w.segment("EB", &["R", "IND", "30", ins, &name])?;
                write_span_dates(w, o.from, o.to)?;
                w.segment("LS", &["2120"])?;
                w.segment(
                    "NM1",
                    &[
                        "PRP",
                        "2",
                        &ours(&o.name, 60, &d),
                        "",
                        "",
                        "",
                        "",
                        "PI",
                        &derive_id(&o.name),
                    ],
                )?;
                w.segment("LE", &["2120"])?;
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 270

/// A party named in a 270 (2100A source or 2100B receiver).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Party {
    /// NM101: `PR` payer for the source, `1P` provider for the receiver.
    pub entity_code: String,
    /// NM102: `1` person, `2` organization.
    pub entity_type: String,
    /// NM103: organization or last name.
    pub name: String,
    /// NM104 (persons).
    pub first_name: Option<String>,
    /// NM108: `PI` payer id, `XX` NPI, ...
    pub id_qualifier: String,
    /// NM109.
    pub id: String,
}

/// One inquiry to put in a 270: by member id, or by name and date of birth.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InquiryRequest {
    /// TRN02, the client's trace number for this inquiry.
    pub trace: String,
    pub member_id: Option<String>,
    pub last_name: Option<String>,
    pub first_name: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// EQ01, usually `30` (health benefit plan coverage).
    pub service_type: String,
}

/// A 270 to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request270 {
    pub source: Party,
    pub receiver: Party,
    /// BHT03, the submitter's reference.
    pub reference: String,
    /// TRN03: `9` + the receiver's EIN (or another 10-character id).
    pub trace_originator: String,
    pub inquiries: Vec<InquiryRequest>,
}

fn write_party(w: &mut Writer, p: &Party) -> Result<(), X12Error> {
    w.segment(
        "NM1",
        &[
            &p.entity_code,
            &p.entity_type,
            &p.name,
            p.first_name.as_deref().unwrap_or(""),
            "",
            "",
            "",
            &p.id_qualifier,
            &p.id,
        ],
    )
}

/// Writes a 270 with every inquiry under one source and receiver, in one
/// transaction set (or one per inquiry when `one_per_transaction`).
pub fn write_270(
    req: &Request270,
    env: &Envelope,
    one_per_transaction: bool,
) -> Result<String, X12Error> {
    if req.inquiries.is_empty() {
        return Err(X12Error::general("a 270 needs at least one inquiry"));
    }
    let mut w = env.open("HS", X279)?;
    let date = env.date_d8();
    let time = env.time_hhmm();
    let mut sets = 0usize;
    let mut hl = 0usize;
    for (i, q) in req.inquiries.iter().enumerate() {
        if i == 0 || one_per_transaction {
            if i > 0 {
                w.end_transaction()?;
            }
            sets += 1;
            w.begin_transaction("270", &st_control_number(sets), X279)?;
            w.segment("BHT", &["0022", "13", &req.reference, &date, &time])?;
            w.segment("HL", &["1", "", "20", "1"])?;
            write_party(&mut w, &req.source)?;
            w.segment("HL", &["2", "1", "21", "1"])?;
            write_party(&mut w, &req.receiver)?;
            hl = 2;
        }
        hl += 1;
        let id = hl.to_string();
        w.segment("HL", &[&id, "2", "22", "0"])?;
        w.segment("TRN", &["1", &q.trace, &req.trace_originator])?;
        let member_id = q.member_id.as_deref().unwrap_or("");
        let has_id = !member_id.is_empty();
        if !has_id && (q.last_name.is_none() || q.first_name.is_none() || q.birth_date.is_none()) {
            return Err(X12Error::general(
                "an inquiry needs a member id, or last name, first name and date of birth",
            ));
        }
        w.segment(
            "NM1",
            &[
                "IL",
                "1",
                q.last_name.as_deref().unwrap_or(""),
                q.first_name.as_deref().unwrap_or(""),
                "",
                "",
                "",
                if has_id { "MI" } else { "" },
                member_id,
            ],
        )?;
        if let Some(d) = q.birth_date {
            w.segment("DMG", &["D8", DateText::d8(d).as_str()])?;
        }
        if q.to < q.from {
            return Err(X12Error::general(
                "the inquiry's end date is before its start date",
            ));
        }
        let (dq, dv) = date_or_range(q.from, q.to);
        w.segment("DTP", &["291", dq, dv.as_str()])?;
        w.segment("EQ", &[&q.service_type])?;
    }
    w.end_transaction()?;
    w.end_group()?;
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    fn env() -> Envelope {
        Envelope::new(
            "OHA",
            "CLINIC",
            d(2024, 3, 1),
            NaiveTime::from_hms_opt(9, 5, 0).unwrap(),
            17,
        )
    }

    fn party(code: &str, name: &str, q: &str, id: &str) -> Party {
        Party {
            entity_code: code.into(),
            entity_type: "2".into(),
            name: name.into(),
            first_name: None,
            id_qualifier: q.into(),
            id: id.into(),
        }
    }

    fn request(n: usize) -> Request270 {
        Request270 {
            source: party("PR", "OREGON HEALTH AUTHORITY", "PI", "OHA"),
            receiver: party("1P", "BRIDGE THERAPY", "XX", "1234567893"),
            reference: "REF1".into(),
            trace_originator: "9123456789".into(),
            inquiries: (0..n)
                .map(|i| InquiryRequest {
                    trace: format!("T{i}"),
                    member_id: (i % 2 == 0).then(|| format!("AB{i:06}")),
                    last_name: Some("DOE".into()),
                    first_name: Some("JANE".into()),
                    birth_date: Some(d(1980, 1, 2)),
                    from: d(2024, 2, 1),
                    to: if i % 3 == 0 {
                        d(2024, 2, 1)
                    } else {
                        d(2024, 2, 29)
                    },
                    service_type: "30".into(),
                })
                .collect(),
        }
    }

    fn found(q: &Inquiry<'_>, with_cco: bool) -> AnswerResult {
        AnswerResult::Found(Box::new(Coverage {
            member: Member {
                id: q.member_id.unwrap_or("AB999999").to_string(),
                last_name: "DOE".into(),
                first_name: "JANE".into(),
                birth_date: d(1980, 1, 2),
                sex: Some("F".into()),
            },
            dates: q.dates.unwrap_or((d(2024, 3, 1), d(2024, 3, 1))),
            benefits: vec![BenefitSpan {
                active: true,
                plan_code: "BMH".into(),
                plan_name: "OHP Plus".into(),
                from: d(2023, 1, 1),
                to: None,
            }],
            managed_care: if with_cco {
                vec![ManagedCareSpan {
                    cco_name: "Health Share of Oregon".into(),
                    cco_id: None,
                    plan_type: "CCOA".into(),
                    from: d(2023, 1, 1),
                    to: Some(d(2024, 12, 31)),
                    plan_partner: Some("CareOregon".into()),
                }]
            } else {
                vec![]
            },
            other_payers: vec![],
        }))
    }

    #[test]
    fn write_270_reads_back() {
        let text = write_270(&request(3), &env(), false).unwrap();
        let ic = Interchange::parse(&text).unwrap();
        let inqs = read_270(&ic).unwrap();
        assert_eq!(inqs.len(), 3);
        let a = &inqs[0];
        assert_eq!(a.member_id, Some("AB000000"));
        assert_eq!(a.last_name, Some("DOE"));
        assert_eq!(a.birth_date, Some(d(1980, 1, 2)));
        assert_eq!(a.dates, Some((d(2024, 2, 1), d(2024, 2, 1))));
        assert_eq!(a.service_types, vec!["30"]);
        assert_eq!(a.traces[0].reference, "T0");
        assert_eq!(a.source.entity_code(), "PR");
        assert_eq!(a.receiver.id(), "1234567893");
        assert_eq!(a.reference, "REF1");
        assert!(a.problem.is_none());
        assert_eq!(inqs[1].member_id, None);
        assert_eq!(inqs[1].dates, Some((d(2024, 2, 1), d(2024, 2, 29))));
        let per_set = write_270(&request(3), &env(), true).unwrap();
        let ic = Interchange::parse(&per_set).unwrap();
        assert_eq!(ic.groups[0].transactions.len(), 3);
        assert_eq!(read_270(&ic).unwrap().len(), 3);
    }

    fn one_270(subscriber: &str) -> String {
        let body = format!("BHT*0022*13*R1*20240301*0905~HL*1**20*1~NM1*PR*2*OHA*****PI*OHA~HL*2*1*21*1~NM1*1P*2*CLINIC*****XX*1234567893~HL*3*2*22*0~{subscriber}");
        let n = body.matches('~').count() + 2;
        format!("ISA*00*          *00*          *ZZ*CLINIC         *ZZ*OHA            *240301*0905*^*00501*000000001*0*T*:~GS*HS*CLINIC*OHA*20240301*0905*1*X*005010X279A1~ST*270*0001*005010X279A1~{body}SE*{n}*0001~GE*1*1~IEA*1*000000001~")
    }

    #[test]
    fn structural_problems_are_rejections() {
        let cases = [
            (
                "NM1*IL*1*DOE*JANE****MI*AB123456~DMG*D8*19801399~EQ*30~",
                RejectCode::InvalidBirthDate,
            ),
            (
                "NM1*IL*1*DOE*JANE****MI*AB123456~DTP*291*D8*2024031~EQ*30~",
                RejectCode::InvalidDate,
            ),
            (
                "NM1*IL*1*DOE*JANE****MI*AB123456~DTP*291*RD8*20240301-20240201~EQ*30~",
                RejectCode::InvalidDate,
            ),
            ("NM1*IL*1~EQ*30~", RejectCode::InvalidMemberId),
            ("NM1*IL*1*DOE*JANE~EQ*30~", RejectCode::InvalidBirthDate),
            (
                "NM1*IL*1*DOE~DMG*D8*19800102~EQ*30~",
                RejectCode::InvalidName,
            ),
            (
                "NM1*IL*1*DOE*JANE****MI~EQ*30~",
                RejectCode::InvalidMemberId,
            ),
        ];
        for (sub, code) in cases {
            let text = one_270(sub);
            let ic = Interchange::parse(&text).unwrap();
            let inqs = read_270(&ic).unwrap();
            assert_eq!(inqs.len(), 1, "{sub}");
            let p = inqs[0].problem.as_ref().unwrap_or_else(|| panic!("{sub}"));
            assert_eq!(p.code, code, "{sub}: {}", p.message);
        }
        let ok =
            one_270("NM1*IL*1*DOE*JANE~DMG*D8*19800102*F~DTP*291*RD8*20240101-20240301~EQ*30^33~");
        let ic = Interchange::parse(&ok).unwrap();
        let inqs = read_270(&ic).unwrap();
        assert!(inqs[0].problem.is_none());
        assert_eq!(inqs[0].service_types, vec!["30", "33"]);
        assert_eq!(inqs[0].gender, Some("F"));
    }

    #[test]
    fn not_a_270_is_an_error() {
        let text = one_270("NM1*IL*1*DOE*JANE****MI*AB123456~").replace("ST*270", "ST*271");
        let ic = Interchange::parse(&text).unwrap();
        let e = read_270(&ic).unwrap_err();
        assert_eq!(e.segment, 3);
        assert_eq!(e.segment_id, "ST");
        let text = one_270("NM1*IL*1*DOE*JANE****MI*AB123456~").replace(
            "GS*HS*CLINIC*OHA*20240301*0905*1*X*005010X279A1",
            "GS*HC*CLINIC*OHA*20240301*0905*1*X*005010X222A1",
        );
        let ic = Interchange::parse(&text).unwrap();
        let e = read_270(&ic).unwrap_err();
        assert_eq!((e.segment, e.segment_id.as_str()), (2, "GS"));
        let text =
            one_270("NM1*IL*1*DOE*JANE****MI*AB123456~").replace("HL*1**20*1~", "HL*1**99*1~");
        let ic = Interchange::parse(&text).unwrap();
        assert_eq!(read_270(&ic).unwrap_err().segment, 5);
    }

    #[test]
    fn answers_271() {
        let text = write_270(&request(4), &env(), false).unwrap();
        let ic = Interchange::parse(&text).unwrap();
        let inqs = read_270(&ic).unwrap();
        let answers: Vec<Answer<'_, '_>> = inqs
            .iter()
            .enumerate()
            .map(|(i, q)| Answer {
                inquiry: q,
                result: if i == 3 {
                    AnswerResult::Rejected {
                        code: RejectCode::NotFound,
                    }
                } else {
                    found(q, i == 0)
                },
            })
            .collect();
        let opts = Options271 {
            envelope: env(),
            one_subscriber_per_transaction: false,
        };
        let out = write_271(&answers, &opts).unwrap();
        let ic = Interchange::parse(&out).unwrap();
        super::super::check_transaction_version(&ic, "271", X279).unwrap();
        assert_eq!(ic.groups[0].functional_id, "HB");
        let t = &ic.groups[0].transactions[0];
        let ids: Vec<&str> = t.segments.iter().map(|s| s.id()).collect();
        assert_eq!(ids.iter().filter(|&&s| s == "HL").count(), 6);
        assert!(out.contains("TRN*2*T0*9123456789~"));
        assert!(out.contains("AAA*N**75*C~"));
        assert!(out.contains("EB*1*IND*30*MC*OHP Plus~REF*18*BMH~DTP*346*D8*20230101~"));
        assert!(out.contains("EB*MC*IND*30*HM*CCOA~DTP*291*RD8*20230101-20241231~MSG*PLAN PARTNER CareOregon~LS*2120~NM1*Y2*2*Health Share of Oregon*****PI*HEALTHSHAREOFOREGON~LE*2120~"));
        assert!(out.contains("BHT*0022*11*REF1*20240301*0905~"));
        let per = write_271(
            &answers,
            &Options271 {
                envelope: env(),
                one_subscriber_per_transaction: true,
            },
        )
        .unwrap();
        let ic = Interchange::parse(&per).unwrap();
        assert_eq!(ic.groups[0].transactions.len(), 4);
    }

    #[test]
    fn echoed_value_the_271_cannot_carry_is_left_out_or_carried_with_their_delimiters() {
        let text = "ISA|00|          |00|          |ZZ|CLINIC         |ZZ|OHA            |240301|0905|^|00501|000000001|0|T|:~GS|HS|CLINIC|OHA|20240301|0905|1|X|005010X279A1~ST|270|0001|005010X279A1~BHT|0022|13|R1|20240301|0905~HL|1||20|1~NM1|PR|2|OHA|||||PI|OHA~HL|2|1|21|1~NM1|1P|2|CLINIC|||||XX|1234567893~HL|3|2|22|0~TRN|1|T*1|9123456789~NM1|IL|1|DOE*SMITH|JANE||||MI|AB123456~EQ|30~SE|11|0001~GE|1|1~IEA|1|000000001~";
        let ic = Interchange::parse(text).unwrap();
        let inqs = read_270(&ic).unwrap();
        assert_eq!(inqs[0].last_name, Some("DOE*SMITH"));
        let answers = [Answer {
            inquiry: &inqs[0],
            result: AnswerResult::Rejected {
                code: RejectCode::NotFound,
            },
        }];
        // With the default delimiters the name and trace cannot be carried: left out.
        let out = write_271(
            &answers,
            &Options271 {
                envelope: env(),
                one_subscriber_per_transaction: false,
            },
        )
        .unwrap();
        assert!(out.contains("NM1*IL*1**JANE****MI*AB123456~"), "{out}");
        assert!(!out.contains("TRN"), "{out}");
        Interchange::parse(&out).unwrap();
        // With the 270's own delimiters they are carried unchanged.
        let envelope = env().with_answer_delimiters(ic.delimiters, text);
        let out = write_271(
            &answers,
            &Options271 {
                envelope,
                one_subscriber_per_transaction: false,
            },
        )
        .unwrap();
        assert!(out.contains("TRN|2|T*1|9123456789~"), "{out}");
        let back = Interchange::parse(&out).unwrap();
        let nm1 = back.groups[0].transactions[0]
            .segments
            .iter()
            .find(|s| s.id() == "NM1" && s.element(1) == "IL")
            .copied()
            .unwrap();
        assert_eq!(nm1.element(3), "DOE*SMITH");
    }

    #[test]
    fn ten_thousand_inquiries() {
        let text = write_270(&request(10_000), &env(), false).unwrap();
        let ic = Interchange::parse(&text).unwrap();
        assert_eq!(ic.segment_count, 60_011);
        let inqs = read_270(&ic).unwrap();
        assert_eq!(inqs.len(), 10_000);
        let answers: Vec<Answer<'_, '_>> = inqs
            .iter()
            .map(|q| Answer {
                inquiry: q,
                result: if q.member_id.is_some() {
                    found(q, true)
                } else {
                    AnswerResult::Rejected {
                        code: RejectCode::NotFound,
                    }
                },
            })
            .collect();
        let out = write_271(
            &answers,
            &Options271 {
                envelope: env(),
                one_subscriber_per_transaction: false,
            },
        )
        .unwrap();
        let ic = Interchange::parse(&out).unwrap();
        let t = &ic.groups[0].transactions[0];
        let subscribers = t
            .segments
            .iter()
            .filter(|s| s.id() == "HL" && s.element(3) == "22")
            .count();
        assert_eq!(subscribers, 10_000);
        assert_eq!(t.segments.iter().filter(|s| s.id() == "AAA").count(), 5_000);
    }
}
