//! `elig check`: one member, one date or a range, and where the claim goes.

use super::{bill_to, find_with_spans, spans_in, Found, Who};
use crate::auth;
use crate::cli::elig::CheckArgs;
use crate::context::Context;
use crate::domain::eligibility::{
    answer_on, check_window, parse_name, segments, window_start, ymd_string, CoverageKind, Lane,
    Span,
};
use crate::domain::ids::HealthId;
use crate::domain::reference;
use crate::domain::time::parse_date;
use crate::error::{Error, Result};
use crate::output::{new_table, Output};
use crate::store::MemberRow;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize, Clone)]
pub struct MemberView {
    pub health_id: String,
    pub last_name: String,
    pub first_name: String,
    pub dob: String,
    pub sex: String,
}

impl From<&MemberRow> for MemberView {
    fn from(m: &MemberRow) -> Self {
        MemberView {
            health_id: m.health_id.to_string(),
            last_name: m.last_name.clone(),
            first_name: m.first_name.clone(),
            dob: ymd_string(m.dob),
            sex: m.sex.clone(),
        }
    }
}

#[derive(Serialize)]
pub struct BenefitView {
    pub plan: String,
    pub plan_name: String,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct ManagedCareView {
    pub cco: String,
    pub plan_type: Option<String>,
    pub plan_partner: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct TplView {
    pub insurer: String,
    pub plan_type: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct MedicareView {
    pub part: Option<String>,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

#[derive(Serialize)]
pub struct SegmentView {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub eligible: bool,
    pub lane: Lane,
    pub benefit_plan: Option<String>,
    pub cco: Option<String>,
    pub plan_partner: Option<String>,
}

#[derive(Serialize)]
pub struct CheckView {
    pub member: MemberView,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub eligible: bool,
    pub lane: Lane,
    pub benefit_plan: Option<String>,
    pub cco: Option<String>,
    pub plan_partner: Option<String>,
    pub bill_to: String,
    pub benefits: Vec<BenefitView>,
    pub managed_care: Vec<ManagedCareView>,
    pub tpl: Vec<TplView>,
    pub medicare: Vec<MedicareView>,
    pub segments: Vec<SegmentView>,
}

/// The member asked about: `--id`, or `--last --first --dob`.
pub fn parse_who(args: &CheckArgs) -> Result<Who> {
    if let Some(id) = &args.id {
        return HealthId::parse("--id", id).map(Who::Id);
    }
    match (&args.last, &args.first, &args.dob) {
        (Some(l), Some(f), Some(d)) => Ok(Who::Name {
            last: parse_name("--last", l).map_err(Error::invalid)?,
            first: parse_name("--first", f).map_err(Error::invalid)?,
            dob: parse_date("--dob", d)?,
        }),
        _ => Err(
            Error::usage("say whom to check: --id HEALTH-ID, or --last, --first and --dob").hint(
                "mmis elig check --id AB12CD34 (or --last DOE --first JANE --dob 1990-01-02)",
            ),
        ),
    }
}

/// The dates asked: `--date`, `--from`/`--to`, or today; checked against the window.
pub fn parse_dates(args: &CheckArgs, today: NaiveDate) -> Result<(NaiveDate, NaiveDate)> {
    let (from, to) = match (&args.date, &args.from, &args.to) {
        (Some(d), _, _) => {
            let d = parse_date("--date", d)?;
            (d, d)
        }
        (None, Some(f), Some(t)) => (parse_date("--from", f)?, parse_date("--to", t)?),
        _ => (today, today),
    };
    check_window(from, to, today)?;
    Ok((from, to))
}

/// The full answer for a member over `from..=to`.
pub fn build_view(
    m: &MemberRow,
    spans: &[Span],
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> CheckView {
    let last = answer_on(spans, to);
    let shown_from = window_start(today).min(from);
    let shown_to = today.max(to);
    let mut benefits = Vec::new();
    let mut managed_care = Vec::new();
    let mut tpl = Vec::new();
    let mut medicare = Vec::new();
    let mut listed: Vec<&Span> = spans_in(spans, shown_from, shown_to).collect();
    listed.sort_by_key(|s| (s.kind, s.start));
    for s in listed {
        match s.kind {
            CoverageKind::Benefit => benefits.push(BenefitView {
                plan: s.plan.clone(),
                plan_name: reference::benefit_plan_name(&s.plan).to_string(),
                start: s.start,
                end: s.end,
            }),
            CoverageKind::Cco => managed_care.push(ManagedCareView {
                cco: s.plan.clone(),
                plan_type: s.plan_type.clone(),
                plan_partner: s.plan_partner.clone(),
                start: s.start,
                end: s.end,
            }),
            CoverageKind::Tpl => tpl.push(TplView {
                insurer: s.plan.clone(),
                plan_type: s.plan_type.clone(),
                start: s.start,
                end: s.end,
            }),
            CoverageKind::Medicare => medicare.push(MedicareView {
                part: s.plan_type.clone(),
                start: s.start,
                end: s.end,
            }),
        }
    }
    let segs = segments(spans, from, to)
        .into_iter()
        .map(|s| SegmentView {
            from: s.from,
            to: s.to,
            eligible: s.answer.eligible,
            lane: s.answer.lane,
            benefit_plan: s.answer.benefit_plan,
            cco: s.answer.cco,
            plan_partner: s.answer.plan_partner,
        })
        .collect();
    CheckView {
        member: m.into(),
        from,
        to,
        eligible: last.eligible,
        bill_to: bill_to(
            last.lane,
            last.cco.as_deref(),
            last.plan_partner.as_deref(),
            &to.to_string(),
        ),
        lane: last.lane,
        benefit_plan: last.benefit_plan,
        cco: last.cco,
        plan_partner: last.plan_partner,
        benefits,
        managed_care,
        tpl,
        medicare,
        segments: segs,
    }
}

fn opt_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "(open)".to_string(), |d| d.to_string())
}

/// What a biller reads.
pub fn human(v: &CheckView) -> String {
    let m = &v.member;
    let dates = if v.from == v.to {
        v.to.to_string()
    } else {
        format!("{} to {}", v.from, v.to)
    };
    let mut s = format!(
        "{}, {} ({}), born {}, sex {}\nDate(s) of service: {}\n",
        m.last_name, m.first_name, m.health_id, m.dob, m.sex, dates
    );
    let on = if v.from == v.to {
        String::new()
    } else {
        format!(" on {}", v.to)
    };
    match (&v.benefit_plan, v.eligible) {
        (Some(p), true) => s.push_str(&format!(
            "Eligible{on}: yes, {} ({p})\n",
            reference::benefit_plan_name(p)
        )),
        _ => s.push_str(&format!("Eligible{on}: NO\n")),
    }
    let lane = match v.lane {
        Lane::OpenCard => "Open Card (fee-for-service)".to_string(),
        Lane::Cco => format!("CCO: {}", v.cco.as_deref().unwrap_or("?")),
        Lane::None => "none".to_string(),
    };
    s.push_str(&format!("Lane{on}: {lane}\n"));
    s.push_str(&format!("=> {}\n", v.bill_to));
    if v.benefit_plan.as_deref() == Some("CWM") && v.eligible {
        s.push_str("   CAWEM: emergency services only (claims with place of service 23).\n");
    }
    if v.segments.len() > 1 {
        s.push_str("\nBy date:\n");
        let rows: Vec<Vec<String>> = v
            .segments
            .iter()
            .map(|g| {
                vec![
                    g.from.to_string(),
                    g.to.to_string(),
                    if g.eligible { "yes" } else { "no" }.to_string(),
                    g.lane.as_str().to_string(),
                    bill_to(
                        g.lane,
                        g.cco.as_deref(),
                        g.plan_partner.as_deref(),
                        &g.to.to_string(),
                    ),
                ]
            })
            .collect();
        // Fitted to the terminal, eligible yes/no coloured on a terminal.
        let t = crate::output::table_of(&["from", "to", "eligible", "lane", "bill"], &rows);
        s.push_str(&t.to_string());
        s.push('\n');
    }
    if !v.benefits.is_empty() {
        s.push_str("\nBenefit plans:\n");
        let mut t = new_table();
        t.set_header(vec!["plan", "name", "start", "end"]);
        for b in &v.benefits {
            t.add_row(vec![
                b.plan.clone(),
                b.plan_name.clone(),
                b.start.to_string(),
                opt_date(b.end),
            ]);
        }
        crate::output::fit(&mut t);
        s.push_str(&t.to_string());
        s.push('\n');
    }
    if !v.managed_care.is_empty() {
        s.push_str("\nManaged care (CCO):\n");
        let mut t = new_table();
        t.set_header(vec!["cco", "plan type", "plan partner", "start", "end"]);
        for c in &v.managed_care {
            t.add_row(vec![
                c.cco.clone(),
                c.plan_type.clone().unwrap_or_default(),
                c.plan_partner.clone().unwrap_or_default(),
                c.start.to_string(),
                opt_date(c.end),
            ]);
        }
        crate::output::fit(&mut t);
        s.push_str(&t.to_string());
        s.push('\n');
    }
    if !v.tpl.is_empty() || !v.medicare.is_empty() {
        s.push_str("\nOther coverage (bill these first):\n");
        let mut t = new_table();
        t.set_header(vec!["coverage", "payer", "start", "end"]);
        for o in &v.tpl {
            t.add_row(vec![
                "TPL".to_string(),
                o.insurer.clone(),
                o.start.to_string(),
                opt_date(o.end),
            ]);
        }
        for o in &v.medicare {
            t.add_row(vec![
                format!("Medicare Part {}", o.part.clone().unwrap_or_default()),
                "Medicare".to_string(),
                o.start.to_string(),
                opt_date(o.end),
            ]);
        }
        crate::output::fit(&mut t);
        s.push_str(&t.to_string());
        s.push('\n');
    }
    s
}

pub fn cmd_elig_check(ctx: &Context, args: &CheckArgs) -> Result<Output> {
    let today = ctx.clock.today();
    let who = parse_who(args)?;
    let (from, to) = parse_dates(args, today)?;
    if args.x12_270 {
        return super::x12::cmd_print_270(ctx, &who, from, to);
    }
    let store = ctx.open_store()?;
    let (tx, actor) = auth::begin(ctx, &store, auth::Cmd::EligCheck)?;
    let now = ctx.clock.now_str();
    let dates = if from == to {
        from.to_string()
    } else {
        format!("{from}..{to}")
    };
    let (m, spans) = match find_with_spans(&tx, &who)? {
        Found::WithSpans(m, s) => (m, s),
        Found::NotFound | Found::One(_) => {
            let target = who.describe();
            let entry = actor.entry(&now, "elig check", Some(&target), "not-found", Some(&dates));
            auth::finish(ctx, &store, tx, &actor, &[entry])?;
            // The hint fits the lookup: an ID has no date of birth to check.
            return Err(match &who {
                Who::Id(h) => Error::not_found(format!("no member with Oregon Health ID {h}"))
                    .hint("check the ID (8 letters and digits, from the member's card), or look the member up by --last, --first and --dob"),
                Who::Name { last, first, dob } => {
                    Error::not_found(format!("no member named {last}, {first} born {dob}")).hint(
                        "check the spelling and date of birth, or look the member up by Oregon Health ID (--id)",
                    )
                }
            });
        }
        Found::Many(ms) => {
            let ids: Vec<&str> = ms.iter().map(|m| m.health_id.as_str()).collect();
            let detail = format!("{dates}; matches {}", ids.join(","));
            let entry = actor.entry(
                &now,
                "elig check",
                Some("by name and date of birth"),
                "ambiguous",
                Some(&detail),
            );
            auth::finish(ctx, &store, tx, &actor, &[entry])?;
            let mut msg = format!("{} members match that name and date of birth:", ms.len());
            for m in &ms {
                msg.push_str(&format!(
                    "\n  - {} {}, {} born {} sex {}",
                    m.health_id, m.last_name, m.first_name, m.dob, m.sex
                ));
            }
            return Err(Error::conflict(msg).hint("check one of them with --id HEALTH-ID"));
        }
    };
    let view = build_view(&m, &spans, from, to, today);
    let detail = format!("{dates}: {}", view.lane.as_str());
    let entry = actor.entry(
        &now,
        "elig check",
        Some(m.health_id.as_str()),
        "ok",
        Some(&detail),
    );
    auth::finish(ctx, &store, tx, &actor, &[entry])?;
    let text = human(&view);
    Ok(Output::record_with(view, text))
}
