//! Tests for the iCalendar export. Output is read back with the `icalendar` crate's parser,
//! which unfolds lines and unescapes TEXT values itself (SUMMARY, DESCRIPTION, UID), so no
//! unescaping helper of ours sits between what we write and what we compare.

use std::str::FromStr;

use chrono::{DateTime, TimeZone, Utc};
use icalendar::parser::{read_calendar_simple, unfold};
use icalendar::{
    CalendarComponent, CalendarDateTime, Component as _, DatePerhapsTime, EventStatus, TodoStatus,
    Trigger,
};
use proptest::prelude::*;

use super::*;

/// A property as the independent parser saw it: name, parameters, unescaped value.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Prop {
    name: String,
    params: Vec<(String, Option<String>)>,
    value: String,
}

/// A component as the independent parser saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Node {
    name: String,
    props: Vec<Prop>,
    children: Vec<Node>,
}

impl Node {
    fn prop_names(&self) -> Vec<&str> {
        self.props.iter().map(|p| p.name.as_str()).collect()
    }

    /// The single property called `name`.
    fn one(&self, name: &str) -> &Prop {
        let found: Vec<&Prop> = self.props.iter().filter(|p| p.name == name).collect();
        assert_eq!(found.len(), 1, "{name} in {}: {found:?}", self.name);
        found[0]
    }

    fn value(&self, name: &str) -> &str {
        &self.one(name).value
    }
}

fn node(c: &icalendar::parser::Component<'_>) -> Node {
    Node {
        name: c.name.as_str().to_owned(),
        props: c
            .properties
            .iter()
            .map(|p| Prop {
                name: p.name.as_str().to_owned(),
                params: p
                    .params
                    .iter()
                    .map(|q| {
                        (
                            q.key.as_str().to_owned(),
                            q.val.as_ref().map(|v| v.as_str().to_owned()),
                        )
                    })
                    .collect(),
                value: p.val.as_str().to_owned(),
            })
            .collect(),
        children: c.components.iter().map(node).collect(),
    }
}

/// Parses `ics` with the independent parser; it must hold exactly one root, a VCALENDAR.
fn parse(ics: &str) -> Node {
    let unfolded = unfold(ics);
    let roots = read_calendar_simple(&unfolded)
        .unwrap_or_else(|e| panic!("the parser rejected our output: {e:?}\n{ics}"));
    assert_eq!(roots.len(), 1, "one root component");
    let root = node(&roots[0]);
    assert_eq!(root.name, "VCALENDAR");
    root
}

/// The high-level view of the same parser, which converts DATE-TIME values itself.
fn parse_typed(ics: &str) -> icalendar::Calendar {
    icalendar::Calendar::from_str(ics).expect("icalendar reads our output")
}

/// What a text value should read back as: CRLF and CR become LF, other controls but tab vanish.
fn expected_text(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !c.is_control() || c == '\n' || c == '\t')
        .collect()
}

/// Physical-line rules of RFC 5545 3.1, checked on raw bytes: every line ends in CRLF, there is
/// no bare CR or LF, no line exceeds 75 octets, no line splits a UTF-8 character or a
/// backslash escape. Returns the physical lines.
fn check_physical_lines(ics: &str) -> Vec<String> {
    let bytes = ics.as_bytes();
    assert!(bytes.ends_with(b"\r\n"), "ends with CRLF");
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'\n' {
            assert!(i > 0 && bytes[i - 1] == b'\r', "bare LF at byte {i}");
        }
        if b == b'\r' {
            assert_eq!(bytes.get(i + 1), Some(&b'\n'), "bare CR at byte {i}");
        }
    }
    let body = &bytes[..bytes.len() - 2];
    let mut lines = Vec::new();
    for (n, raw) in split_crlf(body).into_iter().enumerate() {
        assert!(raw.len() <= 75, "line {n} has {} octets", raw.len());
        assert!(!raw.is_empty(), "line {n} is empty");
        let line = std::str::from_utf8(raw)
            .unwrap_or_else(|e| panic!("line {n} splits a UTF-8 character: {e}"));
        let trailing = line.chars().rev().take_while(|&c| c == '\\').count();
        assert_eq!(
            trailing % 2,
            0,
            "line {n} splits a backslash escape: {line:?}"
        );
        lines.push(line.to_owned());
    }
    lines
}

fn split_crlf(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        if bytes[i] == b'\r' && bytes[i + 1] == b'\n' {
            out.push(&bytes[start..i]);
            i += 2;
            start = i;
        } else {
            i += 1;
        }
    }
    out.push(&bytes[start..]);
    out
}

fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339)
        .expect("test time")
        .with_timezone(&Utc)
}

const NASTY: &str =
    "{{ 7*7 }} <script>alert(1)</script> 🚀 شركة, a; b\\ c\nline two\r\nline three\rend\\n";

fn acme() -> IcsItem {
    IcsItem {
        uid: "reminder-12@politely.app".into(),
        summary: "Reply to Acme Robotics".into(),
        description: NASTY.into(),
        due: at("2026-12-01T09:30:00Z"),
        created: at("2026-11-26T10:00:00Z"),
        done: false,
    }
}

fn globex() -> IcsItem {
    IcsItem {
        uid: "reminder-13@politely.app".into(),
        summary: "Follow up, Globex; today".into(),
        description: "Short.".into(),
        due: at("2027-01-15T23:59:59Z"),
        created: at("2026-12-31T00:00:01Z"),
        done: true,
    }
}

fn now() -> DateTime<Utc> {
    at("2026-11-27T08:00:00Z")
}

fn utc(d: DateTime<Utc>) -> DatePerhapsTime {
    DatePerhapsTime::DateTime(CalendarDateTime::Utc(d))
}

fn assert_calendar_header(cal: &Node) {
    let props: Vec<(&str, &str)> = cal
        .props
        .iter()
        .map(|p| (p.name.as_str(), p.value.as_str()))
        .collect();
    assert_eq!(
        props,
        [
            ("VERSION", "2.0"),
            ("PRODID", "-//Politely//Reminders//EN"),
            ("CALSCALE", "GREGORIAN"),
            ("METHOD", "PUBLISH"),
        ]
    );
}

/// The component's one VALARM, checked field by field.
fn assert_alarm(component: &Node, item: &IcsItem, due: &str) {
    assert_eq!(
        component.children.len(),
        1,
        "one VALARM inside {}",
        component.name
    );
    let alarm = &component.children[0];
    assert_eq!(alarm.name, "VALARM");
    assert!(alarm.children.is_empty());
    assert_eq!(alarm.prop_names(), ["ACTION", "DESCRIPTION", "TRIGGER"]);
    assert_eq!(alarm.value("ACTION"), "DISPLAY");
    assert_eq!(alarm.value("DESCRIPTION"), expected_text(&item.summary));
    let trigger = alarm.one("TRIGGER");
    assert_eq!(
        trigger.params,
        [("VALUE".to_owned(), Some("DATE-TIME".to_owned()))]
    );
    assert_eq!(trigger.value, due);
}

#[test]
fn todo_fields_round_trip_through_an_independent_parser() {
    let items = [acme(), globex()];
    let ics = calendar(&items, IcsKind::Todo, now());
    check_physical_lines(&ics);

    let cal = parse(&ics);
    assert_calendar_header(&cal);
    assert_eq!(cal.children.len(), 2);
    for (todo, (item, due, status)) in cal.children.iter().zip([
        (&items[0], "20261201T093000Z", "NEEDS-ACTION"),
        (&items[1], "20270115T235959Z", "COMPLETED"),
    ]) {
        assert_eq!(todo.name, "VTODO");
        assert_eq!(
            todo.prop_names(),
            [
                "UID",
                "DTSTAMP",
                "CREATED",
                "SUMMARY",
                "DESCRIPTION",
                "DUE",
                "STATUS"
            ]
        );
        assert_eq!(todo.value("UID"), item.uid);
        assert_eq!(todo.value("DTSTAMP"), "20261127T080000Z");
        assert_eq!(todo.value("SUMMARY"), item.summary);
        assert_eq!(todo.value("DESCRIPTION"), expected_text(&item.description));
        assert_eq!(todo.value("DUE"), due);
        assert_eq!(todo.value("STATUS"), status);
        assert_alarm(todo, item, due);
    }
    assert_eq!(cal.children[0].value("CREATED"), "20261126T100000Z");

    // The typed view converts the DATE-TIME values itself.
    let typed = parse_typed(&ics);
    assert_eq!(typed.components.len(), 2);
    for (component, item) in typed.components.iter().zip(&items) {
        let CalendarComponent::Todo(todo) = component else {
            panic!("expected a VTODO, got {component:?}");
        };
        assert_eq!(todo.get_uid(), Some(item.uid.as_str()));
        assert_eq!(todo.get_summary(), Some(item.summary.as_str()));
        assert_eq!(
            todo.get_description(),
            Some(expected_text(&item.description).as_str())
        );
        assert_eq!(todo.get_due(), Some(utc(item.due)));
        assert_eq!(todo.get_created(), Some(item.created));
        assert_eq!(todo.get_timestamp(), Some(now()));
        assert_eq!(todo.get_start(), None);
        let status = if item.done {
            TodoStatus::Completed
        } else {
            TodoStatus::NeedsAction
        };
        assert_eq!(todo.get_status(), Some(status));

        let alarms = todo.components();
        assert_eq!(alarms.len(), 1);
        let trigger = alarms[0].properties().get("TRIGGER").expect("TRIGGER");
        let trigger = Trigger::try_from(trigger).expect("a TRIGGER the parser understands");
        assert_eq!(
            trigger.as_date_time(),
            Some(&CalendarDateTime::Utc(item.due))
        );
    }
}

#[test]
fn event_fields_round_trip_through_an_independent_parser() {
    let items = [acme(), globex()];
    let ics = calendar(&items, IcsKind::Event, now());
    check_physical_lines(&ics);

    let cal = parse(&ics);
    assert_calendar_header(&cal);
    assert_eq!(cal.children.len(), 2);
    for (event, (item, start)) in cal.children.iter().zip([
        (&items[0], "20261201T093000Z"),
        (&items[1], "20270115T235959Z"),
    ]) {
        assert_eq!(event.name, "VEVENT");
        assert_eq!(
            event.prop_names(),
            [
                "UID",
                "DTSTAMP",
                "CREATED",
                "SUMMARY",
                "DESCRIPTION",
                "DTSTART",
                "DURATION",
                "STATUS"
            ]
        );
        assert_eq!(event.value("UID"), item.uid);
        assert_eq!(event.value("SUMMARY"), item.summary);
        assert_eq!(event.value("DESCRIPTION"), expected_text(&item.description));
        assert_eq!(event.value("DTSTART"), start);
        assert_eq!(event.value("DURATION"), "PT15M");
        // Done or not, an event is confirmed.
        assert_eq!(event.value("STATUS"), "CONFIRMED");
        assert_alarm(event, item, start);
    }

    let typed = parse_typed(&ics);
    assert_eq!(typed.components.len(), 2);
    for (component, item) in typed.components.iter().zip(&items) {
        let CalendarComponent::Event(event) = component else {
            panic!("expected a VEVENT, got {component:?}");
        };
        assert_eq!(event.get_uid(), Some(item.uid.as_str()));
        assert_eq!(event.get_start(), Some(utc(item.due)));
        assert_eq!(event.get_created(), Some(item.created));
        assert_eq!(event.get_timestamp(), Some(now()));
        assert_eq!(event.get_status(), Some(EventStatus::Confirmed));
        let trigger = event.components()[0]
            .properties()
            .get("TRIGGER")
            .expect("TRIGGER");
        let trigger = Trigger::try_from(trigger).expect("a TRIGGER the parser understands");
        assert_eq!(
            trigger.as_date_time(),
            Some(&CalendarDateTime::Utc(item.due))
        );
    }
}

#[test]
fn nasty_description_is_escaped_on_the_wire_and_reads_back_exactly() {
    let ics = calendar(&[acme()], IcsKind::Todo, now());
    let unfolded = ics.replace("\r\n ", "");
    let line = unfolded
        .split("\r\n")
        .find(|l| l.starts_with("DESCRIPTION:{{"))
        .expect("the DESCRIPTION line");
    assert_eq!(
        line,
        "DESCRIPTION:{{ 7*7 }} <script>alert(1)</script> 🚀 شركة\\, a\\; b\\\\ c\\nline two\\nline three\\nend\\\\n"
    );

    let todo = &parse(&ics).children[0];
    assert_eq!(
        todo.value("DESCRIPTION"),
        "{{ 7*7 }} <script>alert(1)</script> 🚀 شركة, a; b\\ c\nline two\nline three\nend\\n"
    );
}

#[test]
fn a_thousand_character_summary_folds_into_many_lines_and_reads_back() {
    // Mixed widths: 1, 2, 4 and 2 octets, so folds land next to multi-octet characters.
    let summary: String = "aé🚀ش".chars().cycle().take(1000).collect();
    assert_eq!(summary.chars().count(), 1000);
    let item = IcsItem {
        summary: summary.clone(),
        ..acme()
    };
    let ics = calendar(&[item], IcsKind::Event, now());
    let lines = check_physical_lines(&ics);

    let summary_lines: Vec<&String> = lines
        .iter()
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .collect();
    // 8 + 2250 octets at most 75 on the first line and 74 after the leading space.
    assert!(
        summary_lines.len() >= 31,
        "{} physical lines",
        summary_lines.len()
    );
    assert!(summary_lines[1..].iter().all(|l| l.starts_with(' ')));

    let event = &parse(&ics).children[0];
    assert_eq!(event.value("SUMMARY"), summary);
    assert_eq!(event.children[0].value("DESCRIPTION"), summary);
}

#[test]
fn zero_items_give_a_valid_empty_calendar() {
    for kind in [IcsKind::Todo, IcsKind::Event] {
        let ics = calendar(&[], kind, now());
        assert_eq!(
            ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Politely//Reminders//EN\r\n\
             CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\nEND:VCALENDAR\r\n"
        );
        let cal = parse(&ics);
        assert_calendar_header(&cal);
        assert!(cal.children.is_empty());
        assert!(parse_typed(&ics).components.is_empty());
    }
}

#[test]
fn control_characters_are_removed_and_tabs_kept() {
    let item = IcsItem {
        summary: "a\u{0}b\u{7}c\u{1b}[31md\u{7f}e\u{85}f\tg\u{c}h".into(),
        description: "x\r\n\r\ny\u{8}z".into(),
        ..acme()
    };
    let ics = calendar(&[item], IcsKind::Todo, now());
    for b in [0x00u8, 0x07, 0x08, 0x0c, 0x1b, 0x7f] {
        assert!(!ics.as_bytes().contains(&b), "byte {b:#04x} was written");
    }
    assert!(!ics.contains('\u{85}'));
    let todo = &parse(&ics).children[0];
    assert_eq!(todo.value("SUMMARY"), "abc[31mdef\tgh");
    assert_eq!(todo.value("DESCRIPTION"), "x\n\nyz");
    assert!(ics.contains("DESCRIPTION:x\\n\\nyz\r\n"));
}

/// The summary line of a one-item calendar, as physical lines.
fn summary_lines(summary: &str) -> Vec<String> {
    let item = IcsItem {
        summary: summary.into(),
        ..acme()
    };
    let ics = calendar(&[item], IcsKind::Todo, now());
    check_physical_lines(&ics)
        .into_iter()
        .skip_while(|l| !l.starts_with("SUMMARY:"))
        .take_while(|l| l.starts_with("SUMMARY:") || l.starts_with(' '))
        .collect()
}

#[test]
fn a_line_of_exactly_75_octets_is_not_folded_and_76_is() {
    let a67 = "a".repeat(67);
    assert_eq!(summary_lines(&a67), [format!("SUMMARY:{a67}")]);
    assert_eq!(
        summary_lines(&format!("{a67}b")),
        [format!("SUMMARY:{a67}"), " b".to_owned()]
    );
    // Continuation lines hold 74 octets after their space.
    let long = "c".repeat(67 + 74 + 1);
    assert_eq!(
        summary_lines(&long),
        [
            format!("SUMMARY:{}", "c".repeat(67)),
            format!(" {}", "c".repeat(74)),
            " c".to_owned()
        ]
    );
}

#[test]
fn folding_moves_a_whole_character_or_escape_to_the_next_line() {
    let a66 = "a".repeat(66);
    // "SUMMARY:" + 66 octets = 74; a 4-octet rocket does not fit in the last octet.
    assert_eq!(
        summary_lines(&format!("{a66}🚀z")),
        [format!("SUMMARY:{a66}"), " 🚀z".to_owned()]
    );
    // Nor does the 2-octet escape `\,`, which stays whole.
    assert_eq!(
        summary_lines(&format!("{a66},z")),
        [format!("SUMMARY:{a66}"), " \\,z".to_owned()]
    );
    // A 1-octet character still fits at octet 75.
    assert_eq!(
        summary_lines(&format!("{a66}bz")),
        [format!("SUMMARY:{a66}b"), " z".to_owned()]
    );
}

#[test]
fn times_are_utc_to_the_second_and_clamped_to_four_digit_years() {
    let mut item = acme();
    item.due = at("2026-12-01T09:30:00.999999999Z");
    item.created = Utc.with_ymd_and_hms(12_000, 1, 1, 0, 0, 0).unwrap();
    let before_year_zero = Utc.with_ymd_and_hms(-5, 6, 7, 8, 9, 10).unwrap();
    let ics = calendar(&[item], IcsKind::Todo, before_year_zero);
    let todo = &parse(&ics).children[0];
    assert_eq!(todo.value("DUE"), "20261201T093000Z");
    assert_eq!(todo.value("CREATED"), "99991231T235959Z");
    assert_eq!(todo.value("DTSTAMP"), "00000101T000000Z");
    assert_eq!(todo.children[0].value("TRIGGER"), "20261201T093000Z");
}

#[test]
fn kinds_serialize_in_snake_case() {
    assert_eq!(serde_json::to_string(&IcsKind::Todo).unwrap(), "\"todo\"");
    assert_eq!(serde_json::to_string(&IcsKind::Event).unwrap(), "\"event\"");
    assert_eq!(
        serde_json::from_str::<IcsKind>("\"event\"").unwrap(),
        IcsKind::Event
    );
}

/// Strings rich in what escaping and folding must get right.
fn nasty_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("\\".to_owned()),
            Just(";".to_owned()),
            Just(",".to_owned()),
            Just(":".to_owned()),
            Just("\"".to_owned()),
            Just("\n".to_owned()),
            Just("\r".to_owned()),
            Just("\r\n".to_owned()),
            Just("\t".to_owned()),
            Just(" ".to_owned()),
            Just("\\n".to_owned()),
            Just("🚀".to_owned()),
            Just("شركة".to_owned()),
            Just("é".to_owned()),
            Just("END:VTODO".to_owned()),
            any::<char>().prop_map(String::from),
            "[a-z]{1,8}",
        ],
        0..120,
    )
    .prop_map(|parts| parts.concat())
}

fn round_trips(summary: &str, description: &str, uid: &str, kind: IcsKind) {
    let item = IcsItem {
        uid: uid.into(),
        summary: summary.into(),
        description: description.into(),
        ..acme()
    };
    let ics = calendar(&[item], kind, now());
    check_physical_lines(&ics);
    let cal = parse(&ics);
    assert_eq!(cal.children.len(), 1);
    let component = &cal.children[0];
    assert_eq!(component.value("UID"), expected_text(uid));
    assert_eq!(component.value("SUMMARY"), expected_text(summary));
    assert_eq!(component.value("DESCRIPTION"), expected_text(description));
    assert_eq!(component.children.len(), 1);
    assert_eq!(
        component.children[0].value("DESCRIPTION"),
        expected_text(summary)
    );
}

fn kind() -> impl Strategy<Value = IcsKind> {
    prop_oneof![Just(IcsKind::Todo), Just(IcsKind::Event)]
}

proptest! {
    #[test]
    fn arbitrary_text_round_trips(
        summary in any::<String>(),
        description in any::<String>(),
        uid in any::<String>(),
        kind in kind(),
    ) {
        round_trips(&summary, &description, &uid, kind);
    }

    #[test]
    fn nasty_text_round_trips(
        summary in nasty_text(),
        description in nasty_text(),
        kind in kind(),
    ) {
        round_trips(&summary, &description, "reminder-1@politely.app", kind);
    }
}
