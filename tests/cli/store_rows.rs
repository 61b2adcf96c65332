//! The store seam for users, memberships, providers, claims and PAs: the same calls give the
//! same rows on every backend (SQLite here; PostgreSQL under `MMIS_TEST_DB=postgres`).
//! These talk to `mmis::store` directly, so they run on PostgreSQL even while commands still
//! pass through modules that are not on the seam yet.

use crate::common::Sandbox;
use chrono::NaiveDate;
use mmis::domain::claims::{ClaimStatus, Icn, PaKind, PaNumber, PaStatus};
use mmis::domain::ids::{Cents, HealthId, Npi, ProviderId, TaxId};
use mmis::domain::roles::Role;
use mmis::error::Kind;
use mmis::store::claims::{ClaimFilter, CycleRow, FeeRow, NewClaim, NewLine};
use mmis::store::pa::NewPa;
use mmis::store::remits::ClaimResult;
use mmis::store::users::Secrets;
use mmis::store::Listed;
use mmis::store::{NewUser, OpenMode, ProviderRow, Store};
use std::path::Path;

const NOW: &str = "2026-03-16T09:00:00Z";

fn open(sb: &Sandbox) -> Store {
    Store::open(Path::new(&sb.store()), OpenMode::Create).expect("open the store")
}

fn user<'a>(name: &'a str, first: &'a str, last: &'a str) -> NewUser<'a> {
    NewUser {
        user_name: name,
        first_name: first,
        last_name: last,
        phone: "5035550100",
        email: "x@example.org",
        is_operator: false,
        created_at: NOW,
    }
}

fn pid(id: &str) -> ProviderId {
    ProviderId::parse("provider_id", id).unwrap()
}

fn day(d: &str) -> NaiveDate {
    NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap()
}

fn provider(id: &str, npi: &str, tax: &str) -> ProviderRow {
    ProviderRow {
        provider_id: pid(id),
        npi: Npi::parse("npi", npi).unwrap(),
        name: format!("Clinic {id}"),
        kind: "group".into(),
        tax_id: Some(TaxId::parse("tax_id", tax).unwrap()),
        mail_to: Some("1 Main St, Salem OR".into()),
        enrolled_on: day("2020-01-01"),
    }
}

#[test]
fn a_user_name_is_one_name_whatever_its_case() {
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    let id = tx.insert_user(&user("Alice.B", "Alice", "Brown")).unwrap();
    let found = tx
        .user_by_name("alice.b")
        .unwrap()
        .expect("found in any case");
    assert_eq!((found.id, found.user_name.as_str()), (id, "Alice.B"));
    assert!(tx.user_by_name("ALICE.B").unwrap().is_some());
    assert!(tx.user_by_name("alice").unwrap().is_none());

    // The same name in another case: a conflict (exit 7), and the transaction goes on.
    let err = tx
        .insert_user(&user("ALICE.b", "Other", "Person"))
        .unwrap_err();
    assert_eq!(err.kind, Kind::Conflict, "{err:?}");
    assert_eq!(err.kind.exit_code(), 7);
    assert!(err.message.contains("ALICE.b is taken"), "{}", err.message);
    let bob = tx.insert_user(&user("bob", "Bob", "Stone")).unwrap();
    assert_ne!(bob, id);
    tx.commit().unwrap();

    let tx = store.read().unwrap();
    let alice = tx.user_by_id(id).unwrap().unwrap();
    assert_eq!(alice.first_name, "Alice");
    assert!(!alice.is_operator);
    assert!(!tx.operator_exists().unwrap());
}

#[test]
fn user_search_and_completion_ignore_case_and_escape_wildcards() {
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    for (n, f, l) in [
        ("bobcat", "Robert", "Catt"),
        ("Bobby", "Roberta", "Brown"),
        ("bob", "Bob", "McBob"),
        ("carol_x", "Carol", "Xu"),
        ("carolx", "Caroline", "Xavier"),
    ] {
        tx.insert_user(&user(n, f, l)).unwrap();
    }
    let mut op = user("ops", "Agency", "Operator");
    op.is_operator = true;
    tx.insert_user(&op).unwrap();
    tx.commit().unwrap();

    let tx = store.read().unwrap();
    assert!(tx.operator_exists().unwrap());
    let names =
        |rows: Vec<mmis::store::UserRow>| rows.into_iter().map(|u| u.user_name).collect::<Vec<_>>();
    assert_eq!(
        names(tx.search_users(Some("BOB"), None, None).unwrap()),
        ["bob", "Bobby", "bobcat"]
    );
    assert_eq!(
        names(tx.search_users(None, Some("rOBERT"), None).unwrap()),
        ["Bobby", "bobcat"]
    );
    assert_eq!(
        names(tx.search_users(None, None, Some("BROWN")).unwrap()),
        ["Bobby"]
    );
    // `_` and `%` are literal.
    assert_eq!(
        names(tx.search_users(Some("l_"), None, None).unwrap()),
        ["carol_x"]
    );
    assert!(tx.search_users(Some("%"), None, None).unwrap().is_empty());
    // The operator is never listed.
    assert!(tx.search_users(Some("ops"), None, None).unwrap().is_empty());

    assert_eq!(
        tx.user_names_starting("BO", 10).unwrap(),
        ["bob", "Bobby", "bobcat"]
    );
    assert_eq!(tx.user_names_starting("bo", 2).unwrap(), ["bob", "Bobby"]);
    assert_eq!(tx.user_names_starting("CAROL_", 10).unwrap(), ["carol_x"]);
    assert!(tx.user_names_starting("x", 10).unwrap().is_empty());
}

#[test]
fn credentials_locks_and_counters_round_trip() {
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    let id = tx.insert_user(&user("dana", "Dana", "Lee")).unwrap();
    tx.update_contact(id, "Dana", "Leigh", "5035550199", "d@example.org")
        .unwrap();
    for h in ["h1", "h2", "h3"] {
        tx.set_password(id, h, NOW).unwrap();
    }
    assert_eq!(tx.password_history(id, 2).unwrap(), ["h3", "h2"]);
    tx.rehash_password(id, "h3", "h3b").unwrap();
    assert_eq!(tx.password_history(id, 5).unwrap(), ["h3b", "h2", "h1"]);
    tx.set_secrets(
        id,
        &Secrets {
            question_1: "Q1",
            answer_1_hash: "a1",
            question_2: None,
            answer_2_hash: None,
        },
        NOW,
    )
    .unwrap();
    tx.set_secret_answer_hash(id, 1, "a1b").unwrap();
    assert_eq!(tx.record_failed_login(id).unwrap(), 1);
    assert_eq!(tx.record_failed_login(id).unwrap(), 2);
    assert_eq!(tx.record_failed_answer(id).unwrap(), 1);
    tx.lock_user(id, NOW).unwrap();
    tx.lock_user_for_answers(id, "2026-03-17T00:00:00Z")
        .unwrap();
    let u = tx.user_by_id(id).unwrap().unwrap();
    assert_eq!(u.last_name, "Leigh");
    assert_eq!(u.password_hash.as_deref(), Some("h3b"));
    assert_eq!(u.secret_answer_1.as_deref(), Some("a1b"));
    assert_eq!(u.secret_question_2, None);
    assert_eq!((u.failed_logins, u.failed_answers), (3, 1));
    assert_eq!(
        u.locked_at.as_deref(),
        Some(NOW),
        "the earlier lock's time stays"
    );
    assert!(u.locked_by_answers);
    tx.unlock_user(id).unwrap();
    tx.record_login(id, NOW).unwrap();
    let u = tx.user_by_id(id).unwrap().unwrap();
    assert_eq!((u.failed_logins, u.failed_answers), (0, 0));
    assert_eq!(u.locked_at, None);
    assert!(!u.locked_by_answers);
    assert_eq!(u.last_login_at.as_deref(), Some(NOW));
    tx.commit().unwrap();
}

#[test]
fn memberships_list_by_user_name_whatever_its_case() {
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    let p1 = pid("500000001");
    tx.insert_provider(
        &provider("500000001", &crate::common::npi(100000001), "931111111"),
        NOW,
    )
    .unwrap();
    let zed = tx.insert_user(&user("zed", "Zed", "Z")).unwrap();
    let bea = tx.insert_user(&user("Bea", "Bea", "B")).unwrap();
    let amy = tx.insert_user(&user("amy", "Amy", "A")).unwrap();
    let bob = tx.insert_user(&user("bob", "Bob", "B")).unwrap();
    tx.upsert_membership(zed, &p1, "site_admin", &[], NOW)
        .unwrap();
    tx.upsert_membership(bea, &p1, "clerk", &[Role::ClaimInquiry], NOW)
        .unwrap();
    tx.upsert_membership(amy, &p1, "clerk", &[Role::ClaimVoid], NOW)
        .unwrap();
    tx.upsert_membership(bob, &p1, "clerk", &[], NOW).unwrap();
    let bob_m = tx.membership(bob, &p1).unwrap().unwrap();
    tx.remove_membership(bob_m.id, NOW).unwrap();

    let all = tx.memberships_of_provider(&p1).unwrap();
    let names: Vec<_> = all.iter().map(|m| m.user_name.as_str()).collect();
    assert_eq!(names, ["amy", "Bea", "bob", "zed"]);
    assert_eq!(
        tx.member_names_starting(&p1, true, "B", 10).unwrap(),
        ["Bea"]
    );
    assert_eq!(
        tx.member_names_starting(&p1, false, "b", 10).unwrap(),
        ["Bea", "bob"]
    );
    let admin = tx.site_admin_of(&p1).unwrap().unwrap();
    assert_eq!(admin.user_name, "zed");
    assert_eq!(admin.effective_roles().len(), 13);

    // Re-adding a removed clerk re-activates the one membership.
    tx.upsert_membership(bob, &p1, "clerk", &[Role::TradeFiles], NOW)
        .unwrap();
    let again = tx.membership(bob, &p1).unwrap().unwrap();
    assert_eq!(again.id, bob_m.id);
    assert!(again.is_active());
    assert_eq!(again.removed_at, None);
    assert_eq!(again.roles, [Role::TradeFiles]);
    tx.set_membership_roles(again.id, &[Role::ClaimInquiry, Role::ClaimVoid])
        .unwrap();
    tx.set_membership_kind(admin.id, "clerk").unwrap();
    assert!(tx.site_admin_of(&p1).unwrap().is_none());
    let mine = tx.memberships_of_user(bob).unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].roles, [Role::ClaimInquiry, Role::ClaimVoid]);
    tx.commit().unwrap();
}

#[test]
fn providers_pins_and_pin_requests_round_trip() {
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    let (n1, n2) = (crate::common::npi(100000001), crate::common::npi(100000002));
    let (p1, p2) = (pid("500000001"), pid("500000002"));
    tx.insert_provider(&provider("500000002", &n2, "931111111"), NOW)
        .unwrap();
    tx.insert_provider(&provider("500000001", &n1, "931111111"), NOW)
        .unwrap();
    let (n1, n2) = (Npi::parse("", &n1).unwrap(), Npi::parse("", &n2).unwrap());
    assert!(tx.provider_id_taken(&p1).unwrap());
    assert!(!tx.provider_id_taken(&pid("500000009")).unwrap());
    assert_eq!(tx.provider_by_npi(&n2).unwrap().unwrap().provider_id, p2);
    let p = tx.provider(&p1).unwrap().unwrap();
    assert_eq!(
        (p.kind.as_str(), p.tax_id.as_ref().map(TaxId::as_str)),
        ("group", Some("931111111"))
    );
    assert_eq!((p.npi, p.enrolled_on), (n1.clone(), day("2020-01-01")));
    let same_tax: Vec<_> = tx
        .providers_by_tax_id(&TaxId::parse("", "93-1111111").unwrap())
        .unwrap()
        .into_iter()
        .map(|p| p.provider_id)
        .collect();
    assert_eq!(same_tax, [p1.clone(), p2.clone()]);

    tx.issue_pin(&p1, "pin-1", day("2026-03-16"), day("2026-04-15"), NOW)
        .unwrap();
    let first = tx.latest_pin(&p1).unwrap().unwrap();
    tx.issue_pin(&p1, "pin-2", day("2026-03-16"), day("2026-04-15"), NOW)
        .unwrap();
    let second = tx.latest_pin(&p1).unwrap().unwrap();
    assert_eq!(second.pin_hash, "pin-2");
    assert_eq!(
        (&second.provider_id, second.issued_on, second.expires_on),
        (&p1, day("2026-03-16"), day("2026-04-15"))
    );
    assert!(
        !tx.use_pin(first.id, NOW).unwrap(),
        "voided by the newer PIN"
    );
    assert!(tx.use_pin(second.id, NOW).unwrap());
    assert!(!tx.use_pin(second.id, NOW).unwrap(), "used once only");
    assert!(tx.latest_pin(&p2).unwrap().is_none());

    let r1 = tx
        .insert_pin_request(&p1, "Clinic", &n1, "mail", day("2026-03-16"), NOW)
        .unwrap();
    let r2 = tx
        .insert_pin_request(&p2, "Clinic", &n2, "mail", day("2026-03-16"), NOW)
        .unwrap();
    assert!(r2 > r1);
    assert_eq!(tx.close_pin_requests(&p1).unwrap(), 1);
    assert_eq!(tx.close_pin_requests(&p1).unwrap(), 0);
    let reqs = tx.pin_requests_all().unwrap();
    let order: Vec<_> = reqs
        .iter()
        .map(|r| (r.provider_id.as_str(), r.status.as_str()))
        .collect();
    assert_eq!(order, [("500000002", "open"), ("500000001", "reissued")]);
    assert_eq!(reqs[1].request_id, format!("PINREQ-{r1:06}"));

    let admin = tx.insert_user(&user("Admin1", "A", "D")).unwrap();
    tx.upsert_membership(admin, &p1, "site_admin", &[], NOW)
        .unwrap();
    let all = tx.providers_all().unwrap();
    let listed: Vec<_> = all
        .iter()
        .map(|p| (p.provider_id.as_str(), p.site_admin.as_deref()))
        .collect();
    assert_eq!(listed, [("500000001", Some("Admin1")), ("500000002", None)]);
    tx.commit().unwrap();
}

#[test]
fn members_and_their_spans_read_back_typed() {
    use mmis::domain::eligibility::{CoverageKind, MemberRecord, Span};
    use mmis::domain::ids::HealthId;
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    let hid = |s: &str| HealthId::parse("health_id", s).unwrap();
    let record = |h: &str, first: &str| MemberRecord {
        health_id: hid(h),
        last_name: "Alvarez".into(),
        first_name: first.into(),
        dob: day("1987-02-14"),
        sex: "F",
    };
    let a = tx.insert_member(&record("OC100001", "Maria")).unwrap();
    let b = tx.insert_member(&record("OC100002", "maria")).unwrap();
    let c = tx.insert_member(&record("OC100003", "Ana")).unwrap();
    let span = Span {
        kind: CoverageKind::Cco,
        plan: "Trillium".into(),
        plan_type: Some("CCOB".into()),
        start: day("2026-03-01"),
        end: Some(day("2026-12-31")),
        plan_partner: None,
    };
    tx.insert_span(a, 1, &span).unwrap();

    let m = tx.member_by_health_id(&hid("OC100001")).unwrap().unwrap();
    assert_eq!(
        (m.id, m.health_id, m.dob),
        (a, hid("OC100001"), day("1987-02-14"))
    );
    assert!(tx.member_by_health_id(&hid("OC100009")).unwrap().is_none());
    let (m, spans) = tx.member_with_spans(&hid("OC100001")).unwrap().unwrap();
    assert_eq!((m.id, spans), (a, vec![span.clone()]));
    let same: Vec<_> = tx
        .members_by_name(" alvarez", "MARIA", day("1987-02-14"))
        .unwrap()
        .into_iter()
        .map(|m| m.health_id)
        .collect();
    assert_eq!(same, [hid("OC100001"), hid("OC100002")]);
    assert!(tx
        .members_by_name("Alvarez", "Maria", day("1987-02-15"))
        .unwrap()
        .is_empty());
    assert_eq!(
        tx.member_ids_by_names(&[
            ("Alvarez", "Ana", day("1987-02-14")),
            ("Alvarez", "Maria", day("1987-02-14")),
            ("Alvarez", "Maria", day("2000-01-01")),
        ])
        .unwrap(),
        [vec![c], vec![a, b], vec![]]
    );
    let mut hits = Vec::new();
    tx.each_spans_by(&[hid("OC100009"), hid("OC100001")], &[], |h, s| {
        hits.push((h.listed, h.pos, h.health_id, s.len()));
        Ok(())
    })
    .unwrap();
    assert_eq!(hits, [(Listed::HealthIds, 1, hid("OC100001"), 1)]);
    // Both lists: a member in both is met once for each, with the same spans; in a write
    // transaction and in a read snapshot (PostgreSQL answers long lists in two statements
    // there, one otherwise).
    let both = |tx: &mmis::store::Tx<'_>| {
        let mut hits = Vec::new();
        tx.each_spans_by(&[hid("OC100001")], &[c, a, 999_999], |h, s| {
            hits.push((h.listed, h.pos, h.health_id, s.to_vec()));
            Ok(())
        })
        .unwrap();
        hits.sort_by_key(|h| (h.0 == Listed::MemberIds, h.1));
        assert_eq!(
            hits,
            [
                (Listed::HealthIds, 0, hid("OC100001"), vec![span.clone()]),
                (Listed::MemberIds, 0, hid("OC100003"), vec![]),
                (Listed::MemberIds, 1, hid("OC100001"), vec![span.clone()]),
            ]
        );
    };
    both(&tx);
    tx.commit().unwrap();
    both(&store.read().unwrap());
}

fn icn(s: &str) -> Icn {
    Icn::parse("", s).unwrap()
}
fn hid(s: &str) -> HealthId {
    HealthId::parse("", s).unwrap()
}

fn claim<'a>(
    icn: &'a Icn,
    provider: &'a ProviderId,
    npi: &'a Npi,
    pa: Option<&'a PaNumber>,
) -> NewClaim<'a> {
    NewClaim {
        icn,
        provider_id: provider,
        member_id: hid("OC100001"),
        billing_npi: npi,
        rendering_npi: npi,
        diagnosis_codes: "F329",
        place_of_service: "11",
        prior_auth_number: pa,
        patient_control_number: None,
        source: "portal",
        received_on: day("2026-03-16"),
        billed: Cents(25_000),
        first_dos: day("2026-03-01"),
        last_dos: day("2026-03-02"),
        created_at: NOW,
        created_by: "bob",
    }
}

fn line<'a>(code: &'a str, dos: &str, units: i64) -> NewLine<'a> {
    NewLine {
        procedure_code: code,
        modifiers: String::new(),
        date_of_service: day(dos),
        units,
        charge: Cents(12_500),
    }
}

#[test]
fn claims_cycles_and_pa_units_round_trip() {
    let sb = Sandbox::new();
    let store = open(&sb);
    let tx = store.write().unwrap();
    let npi = crate::common::npi(100000001);
    tx.insert_provider(&provider("500000001", &npi, "931111111"), NOW)
        .unwrap();
    let npi = Npi::parse("", &npi).unwrap();
    let ours = pid("500000001");
    assert_eq!(tx.next_sequence("icn").unwrap(), 1);
    assert_eq!(tx.next_sequence("icn").unwrap(), 2);
    assert_eq!(tx.next_sequence("pa").unwrap(), 1);

    let fee = |code: &str, cents: i64, pa: bool| FeeRow {
        procedure_code: code.into(),
        modifier: String::new(),
        description: format!("code {code}"),
        max_allowable: Cents(cents),
        pa_required: pa,
    };
    assert_eq!(
        tx.upsert_fees(&[fee("90837", 15_000, false), fee("H0004", 5_000, true)])
            .unwrap(),
        2
    );
    assert_eq!(tx.upsert_fees(&[fee("90837", 16_000, false)]).unwrap(), 0);
    let fees = tx.fee_schedule().unwrap();
    assert_eq!(fees.len(), 2);
    assert_eq!(
        (fees[0].max_allowable, fees[1].pa_required),
        (Cents(16_000), true)
    );
    assert_eq!(tx.fees_for_code("H0004").unwrap().len(), 1);

    let number = PaNumber::parse("", "2607500001").unwrap();
    let pa_id = tx
        .insert_pa(&NewPa {
            pa_number: &number,
            kind: PaKind::PriorAuth,
            provider_id: &ours,
            member_id: hid("OC100001"),
            diagnosis_codes: "F329",
            procedure_codes: "H0004",
            from_date: day("2026-03-01"),
            to_date: day("2026-06-30"),
            requested_units: 10,
            submitted_on: day("2026-03-16"),
            created_at: NOW,
            created_by: "bob",
        })
        .unwrap();
    tx.decide_pa(
        pa_id,
        PaStatus::Approved,
        "A1",
        Some(8),
        None,
        day("2026-03-16"),
        "ops",
    )
    .unwrap();

    let (i1, i2) = (icn("2026075000001"), icn("2026075000002"));
    let c1 = tx
        .insert_claim(
            &claim(&i1, &ours, &npi, Some(&number)),
            &[
                line("H0004", "2026-03-01", 2),
                line("90837", "2026-03-02", 1),
            ],
        )
        .unwrap();
    let c2 = tx
        .insert_claim(
            &claim(&i2, &ours, &npi, None),
            &[line("90837", "2026-03-05", 1)],
        )
        .unwrap();
    assert!(c2 > c1);
    let accepted = ClaimStatus::Accepted;
    tx.add_claim_history(c1, day("2026-03-16"), NOW, accepted, "bob", None)
        .unwrap();
    tx.add_claim_history(c1, day("2026-03-16"), NOW, accepted, "bob", Some("x"))
        .unwrap();
    let history = tx.claim_history(c1).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(
        (
            history[1].on_date,
            history[1].status,
            history[1].category_code.as_str()
        ),
        (day("2026-03-16"), accepted, "A2")
    );
    let lines = tx.claim_lines(c1).unwrap();
    assert_eq!(lines.iter().map(|l| l.line_no).collect::<Vec<_>>(), [1, 2]);
    assert_eq!((lines[0].allowed, lines[0].carc.as_deref()), (None, None));
    assert_eq!(
        (lines[1].date_of_service, lines[1].charge, lines[1].status),
        (day("2026-03-02"), Cents(12_500), accepted)
    );
    let member = hid("OC100001");
    assert_eq!(
        tx.duplicate_claim(&ours, member, "90837", day("2026-03-02"))
            .unwrap(),
        Some(i1.clone())
    );
    assert!(tx
        .duplicate_claim(&ours, member, "90837", day("2026-03-03"))
        .unwrap()
        .is_none());
    assert_eq!(
        tx.live_claim_lines(&ours, member).unwrap()[0],
        (i1.clone(), "H0004".to_string(), day("2026-03-01"))
    );

    // PA units: a claim taking units twice adds up; a void gives them back.
    tx.use_pa_units(pa_id, c1, 2, day("2026-03-16")).unwrap();
    tx.use_pa_units(pa_id, c1, 3, day("2026-03-16")).unwrap();
    let pa = tx.pa_by_number(&number).unwrap().unwrap();
    assert_eq!((pa.used_units, pa.units_left()), (5, 3));
    assert_eq!(pa.procedure_codes(), ["H0004"]);
    assert_eq!(
        (pa.kind, pa.status, pa.member_id, pa.to_date, pa.decided_on),
        (
            PaKind::PriorAuth,
            PaStatus::Approved,
            member,
            day("2026-06-30"),
            Some(day("2026-03-16"))
        )
    );
    assert_eq!(tx.pa_claims(pa_id).unwrap(), [(i1.clone(), 5)]);
    assert_eq!(
        tx.pa_list(Some(&ours), None, Some(PaStatus::Approved))
            .unwrap()
            .len(),
        1
    );
    assert!(tx
        .pa_list(None, Some(hid("OC999999")), None)
        .unwrap()
        .is_empty());
    assert_eq!(
        tx.pa_numbers_starting(Some(&ours), None, "26075", 10)
            .unwrap(),
        std::slice::from_ref(&number)
    );
    assert!(tx
        .pa_numbers_starting(None, Some(PaStatus::Pending), "", 10)
        .unwrap()
        .is_empty());

    let search = |f: ClaimFilter| -> Vec<String> {
        tx.claims_search(&f)
            .unwrap()
            .into_iter()
            .map(|c| c.icn.to_string())
            .collect()
    };
    assert_eq!(search(ClaimFilter::default()).len(), 2);
    assert_eq!(
        search(ClaimFilter {
            from: Some(day("2026-03-03")),
            ..Default::default()
        }),
        Vec::<String>::new(),
        "both claims end on 2026-03-02"
    );
    assert_eq!(
        search(ClaimFilter {
            provider_id: Some(ours.clone()),
            member_id: Some(member),
            status: Some(accepted),
            to: Some(day("2026-03-01")),
            ..Default::default()
        }),
        ["2026075000001", "2026075000002"]
    );
    assert_eq!(
        tx.icns_starting(&ours, "2026075", 1).unwrap(),
        std::slice::from_ref(&i1)
    );
    assert!(tx
        .icns_starting(&pid("500000009"), "", 5)
        .unwrap()
        .is_empty());

    // A payment cycle pays the first claim; its void waits for recoupment.
    let pending = tx.pending_lines().unwrap();
    assert_eq!(pending.len(), 3);
    let cycle = tx.start_cycle(day("2026-03-16"), NOW, "ops").unwrap();
    let c1_lines = pending.iter().filter(|l| l.claim_id == c1).count();
    assert_eq!(c1_lines, 2);
    tx.finish_claims(
        &[ClaimResult {
            claim_id: c1,
            status: ClaimStatus::Paid,
            allowed: Cents(20_000),
            paid: Cents(20_000),
            line_outcomes: "10000 10000".into(),
        }],
        cycle,
    )
    .unwrap();
    let paid = tx.claim_by_icn(&i1).unwrap().unwrap();
    assert_eq!(
        (paid.status, paid.paid_amount, paid.paid_cycle),
        (ClaimStatus::Paid, Cents(20_000), Some(cycle))
    );
    assert_eq!(
        (
            paid.provider_id.as_str(),
            paid.member_id,
            paid.billing_npi.as_str(),
            paid.prior_auth_number.as_ref(),
            paid.received_on,
            paid.first_dos,
            paid.last_dos,
            paid.billed
        ),
        (
            "500000001",
            member,
            npi.as_str(),
            Some(&number),
            day("2026-03-16"),
            day("2026-03-01"),
            day("2026-03-02"),
            Cents(25_000)
        )
    );
    assert_eq!(tx.claim_lines(c1).unwrap()[0].paid, Some(Cents(10_000)));
    tx.void_claim(c1, true).unwrap();
    assert_eq!(tx.return_pa_units(c1, day("2026-03-17")).unwrap(), 5);
    assert_eq!(tx.return_pa_units(c1, day("2026-03-17")).unwrap(), 0);
    assert_eq!(tx.pa_by_number(&number).unwrap().unwrap().used_units, 0);
    assert_eq!(tx.recoup_pending().unwrap(), [(c1, Cents(20_000))]);
    let next = tx.start_cycle(day("2026-03-23"), NOW, "ops").unwrap();
    assert!(next > cycle);
    tx.mark_recouped(&[c1], next).unwrap();
    assert!(tx.recoup_pending().unwrap().is_empty());
    tx.close_cycle(&CycleRow {
        id: next,
        run_on: day("2026-03-23"),
        paid_claims: 0,
        denied_claims: 0,
        paid_amount: Cents(0),
        recouped_claims: 1,
        recouped: Cents(20_000),
    })
    .unwrap();
    let voided = tx.claim_by_icn(&i1).unwrap().unwrap();
    assert_eq!(
        (voided.status, voided.recoup_pending, voided.recoup_cycle),
        (ClaimStatus::Voided, false, Some(next))
    );
    assert_eq!(tx.claim_icn(c2).unwrap(), Some(i2));
    assert!(tx.claim_icn(c2 + 100).unwrap().is_none());
    tx.commit().unwrap();
}
