//! Property tests: values survive the trip through their text form.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rashomon::timeline::{
    self, Account, Bound, Event, FacetValue, Point, Relation, RelationKind, Source, SourceKind,
    Stance, Timeline, When,
    when::{Season, TimeOfDay, Unspecified},
};

fn point() -> impl Strategy<Value = Point> {
    (
        1900i32..2100,
        0u8..=12,
        1u8..=28,
        any::<bool>(),
        any::<bool>(),
        prop::option::of((
            0u8..24,
            0u8..60,
            prop::option::of(0u8..60),
            prop::option::of(-720i16..=840),
        )),
    )
        .prop_map(|(year, month, day, approximate, uncertain, time)| {
            let (month, day) = match month {
                0 => (None, None),
                m if day % 3 == 0 => (Some(m), None),
                m => (Some(m), Some(day)),
            };
            let time =
                time.filter(|_| day.is_some())
                    .map(|(hour, minute, second, offset_minutes)| TimeOfDay {
                        hour,
                        minute,
                        second,
                        offset_minutes,
                    });
            Point {
                month,
                day,
                time,
                approximate,
                uncertain,
                ..Point::year(year)
            }
        })
}

/// EDTF level 1 points: seasons, unspecified digits, years of more than four digits.
fn level_one_point() -> impl Strategy<Value = Point> {
    (
        1900i32..2100,
        0u8..6,
        1u8..=12,
        0usize..4,
        any::<bool>(),
        10_000i32..=i32::MAX,
    )
        .prop_map(|(year, kind, month, season, approximate, big)| {
            let unspecified = |year_digits, month, day| Unspecified {
                year_digits,
                month,
                day,
            };
            let p = match kind {
                0 => Point::season(year, Season::ALL[season]),
                1 => Point {
                    unspecified: unspecified(1, false, false),
                    ..Point::year(year - year % 10)
                },
                2 => Point {
                    unspecified: unspecified(0, true, false),
                    ..Point::year(year)
                },
                3 => Point {
                    unspecified: unspecified(0, false, true),
                    ..Point::month(year, month)
                },
                4 => Point {
                    unspecified: unspecified(0, true, true),
                    ..Point::year(year)
                },
                _ => Point::year(if approximate { -big } else { big }),
            };
            Point { approximate, ..p }
        })
}

fn when() -> impl Strategy<Value = When> {
    prop_oneof![
        1 => Just(When::Unknown),
        4 => point().prop_map(When::Point),
        2 => level_one_point().prop_map(When::Point),
        1 => (point(), level_one_point()).prop_map(|(a, b)| {
            let (a, b) = if When::Point(b) < When::Point(a) { (b, a) } else { (a, b) };
            When::Interval(Bound::At(a), Bound::At(b))
        }),
        3 => (point(), point()).prop_map(|(a, b)| {
            let (a, b) = if b.latest() < a.earliest() { (b, a) } else { (a, b) };
            When::Interval(Bound::At(a), Bound::At(b))
        }),
        1 => point().prop_map(|a| When::Interval(Bound::At(a), Bound::Open)),
        1 => point().prop_map(|b| When::Interval(Bound::Unknown, Bound::At(b))),
    ]
}

/// Text that YAML likes to misread: numbers, booleans, nulls, dates, quotes, colons, hashes.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.'’\"()-]{1,40}",
        Just("62".to_string()),
        Just("yes".to_string()),
        Just("null".to_string()),
        Just("~".to_string()),
        Just("2016-09-17".to_string()),
        Just("- item".to_string()),
        Just("key: value # not a comment".to_string()),
        Just("  leading and trailing  ".to_string()),
        Just("line one\nline two".to_string()),
        Just("<script>alert('x')</script>".to_string()),
        Just("Deir ez-Zor — «80» killed".to_string()),
        Just("@handle".to_string()),
        Just("*alias".to_string()),
        Just("&anchor".to_string()),
        Just("!tag".to_string()),
        Just("%percent".to_string()),
        Just("tab\there".to_string()),
        Just("  indented first\nsecond".to_string()),
        Just("ends with a newline\n".to_string()),
        Just("\nstarts with a newline".to_string()),
        Just("para one\n\npara two\n\n".to_string()),
    ]
}

fn facet_value() -> impl Strategy<Value = FacetValue> {
    prop_oneof![
        any::<bool>().prop_map(FacetValue::Bool),
        any::<i64>().prop_map(FacetValue::Int),
        nasty().prop_map(FacetValue::Text)
    ]
}

fn stance() -> impl Strategy<Value = Stance> {
    prop_oneof![
        Just(Stance::Asserts),
        Just(Stance::Alleges),
        Just(Stance::Denies),
        Just(Stance::Questions)
    ]
}

fn timeline() -> impl Strategy<Value = Timeline> {
    let sources = prop::collection::vec((nasty(), prop::option::of(when()), any::<bool>()), 1..4);
    let events = prop::collection::vec(
        (
            nasty(),
            when(),
            prop::collection::vec(nasty(), 0..3),
            prop::collection::vec(
                (
                    nasty(),
                    stance(),
                    prop::collection::btree_map("[a-z_]{1,8}", facet_value(), 0..3),
                    any::<bool>(),
                    prop::option::of(nasty()),
                ),
                0..4,
            ),
        ),
        0..4,
    );
    (nasty(), prop::option::of(nasty()), sources, events).prop_map(
        |(title, description, sources, events)| {
            let sources: Vec<Source> = sources
                .into_iter()
                .enumerate()
                .map(|(i, (outlet, published, copy))| Source {
                    id: format!("s{i}"),
                    outlet: Some(outlet),
                    published,
                    kind: Some(SourceKind::Report),
                    republishes: (copy && i > 0).then(|| "s0".to_string()),
                    extracted: if copy { vec![[0, 5], [7, 12]] } else { vec![] },
                    notes: copy.then(|| "line one\nline two".to_string()),
                    ..Source::default()
                })
                .collect();
            let n = sources.len();
            let events: Vec<Event> = events
                .into_iter()
                .enumerate()
                .map(|(i, (title, when, places, accounts))| Event {
                    id: format!("e{i}"),
                    title,
                    when,
                    places,
                    accounts: accounts
                        .into_iter()
                        .enumerate()
                        .map(|(j, (claimant, stance, facets, comment, quote))| Account {
                            id: format!("e{i}-a{j}"),
                            source: format!("s{}", j % n),
                            claimant,
                            via: vec!["BBC".into()],
                            stance,
                            quote,
                            span: Some([j, j + 3]),
                            facets: facets.into_iter().collect::<BTreeMap<_, _>>().into(),
                            comment,
                            ..Account::default()
                        })
                        .collect(),
                    ..Event::default()
                })
                .collect();
            let relations = if events.len() >= 2 {
                vec![Relation {
                    from: "e1".into(),
                    to: "e0".into(),
                    kind: RelationKind::After,
                    claimed_by: vec![],
                    note: None,
                }]
            } else {
                vec![]
            };
            let mut t = Timeline {
                title,
                description,
                sources,
                events,
                relations,
                rejected: vec![],
            };
            timeline::normalize(&mut t);
            t
        },
    )
}

proptest! {
    #[test]
    fn when_text_round_trips(w in when()) {
        let text = w.to_string();
        let back: When = text.parse().map_err(|e| TestCaseError::fail(format!("{text}: {e}")))?;
        prop_assert_eq!(back, w);
    }

    #[test]
    fn when_order_is_total_and_consistent(a in when(), b in when()) {
        prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
        prop_assert_eq!(a.cmp(&b) == std::cmp::Ordering::Equal, a == b);
        prop_assert_eq!(a.overlaps(&b), b.overlaps(&a));
    }

    #[test]
    fn timeline_survives_save_and_load(t in timeline()) {
        let text = timeline::to_yaml(&t).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = timeline::load_str("generated.yaml", &text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &t, "{}", text);
        // Saving again gives the same bytes: no quoting churn.
        prop_assert_eq!(timeline::to_yaml(&back).map_err(|e| TestCaseError::fail(e.to_string()))?, text.clone());
        // Written as it is made (as `extract` writes), the same bytes.
        let mut streamed = Vec::new();
        timeline::write_yaml(&t, &mut streamed).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(String::from_utf8(streamed).expect("UTF-8"), text);
    }
}
