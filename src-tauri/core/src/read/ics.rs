//! Invites: the VEVENTs of an iCalendar text, read with icalendar's parser. A start with a TZID
//! is placed in that zone (an IANA name, a Windows name, or the invite's own VTIMEZONE rules).

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Weekday};
use icalendar::parser::{read_calendar, unfold, Component};

use super::input::Person;
use super::zones::{self, Zone};

/// What an invite says about one event.
#[derive(Debug, Clone, Default)]
pub struct Event {
    /// SUMMARY.
    pub summary: String,
    /// DESCRIPTION.
    pub description: String,
    /// The ORGANIZER (its CN and address; SENT-BY is who sent it for them, not the contact).
    pub organizer: Option<Person>,
    /// DTSTART.
    pub start: Option<DateTime<FixedOffset>>,
    /// DTSTAMP.
    pub stamp: Option<DateTime<FixedOffset>>,
    /// The calendar's METHOD (REQUEST, CANCEL…).
    pub method: String,
    /// The raw DTSTART line, as evidence.
    pub start_text: String,
}

/// Deepest nesting of BEGIN blocks read: the parser recurses per level.
const MAX_DEPTH: usize = 16;

/// The events of `text`; an unreadable calendar has none.
pub fn events(text: &str) -> Vec<Event> {
    let unfolded = unfold(text);
    let mut depth = 0usize;
    for line in unfolded.lines() {
        let line = line.trim_start();
        if line
            .get(..6)
            .is_some_and(|p| p.eq_ignore_ascii_case("BEGIN:"))
        {
            depth += 1;
            if depth > MAX_DEPTH {
                return Vec::new();
            }
        } else if line
            .get(..4)
            .is_some_and(|p| p.eq_ignore_ascii_case("END:"))
        {
            depth = depth.saturating_sub(1);
        }
    }
    let Ok(calendar) = read_calendar(&unfolded) else {
        return Vec::new();
    };
    let method = prop(&calendar.properties, "METHOD").unwrap_or_default();
    let timezones: Vec<&Component<'_>> = calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VTIMEZONE"))
        .collect();
    calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
        .map(|c| event(c, &timezones, &method))
        .collect()
}

fn prop(props: &[icalendar::parser::Property<'_>], name: &str) -> Option<String> {
    props
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
        .map(|p| unescape(p.val.as_str()))
}

fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn event(c: &Component<'_>, timezones: &[&Component<'_>], method: &str) -> Event {
    let mut e = Event {
        summary: prop(&c.properties, "SUMMARY").unwrap_or_default(),
        description: prop(&c.properties, "DESCRIPTION").unwrap_or_default(),
        method: method.to_ascii_uppercase(),
        ..Event::default()
    };
    for p in &c.properties {
        let name = p.name.as_str().to_ascii_uppercase();
        let param = |key: &str| {
            p.params
                .iter()
                .find(|q| q.key.as_str().eq_ignore_ascii_case(key))
                .and_then(|q| q.val.as_ref())
                .map(|v| v.as_str().trim_matches('"').to_owned())
        };
        match name.as_str() {
            "ORGANIZER" => {
                let email = p
                    .val
                    .as_str()
                    .trim()
                    .strip_prefix("mailto:")
                    .or_else(|| p.val.as_str().trim().strip_prefix("MAILTO:"))
                    .map(|s| s.trim().to_lowercase())
                    .filter(|s| s.contains('@'));
                let name = param("CN").filter(|n| !n.trim().is_empty());
                if email.is_some() || name.is_some() {
                    e.organizer = Some(Person { name, email });
                }
            }
            "DTSTART" => {
                e.start_text = format!(
                    "DTSTART{}:{}",
                    param("TZID")
                        .map(|t| format!(";TZID={t}"))
                        .unwrap_or_default(),
                    p.val.as_str()
                );
                e.start = date_time(p.val.as_str(), param("TZID").as_deref(), timezones);
            }
            "DTSTAMP" => e.stamp = date_time(p.val.as_str(), None, timezones),
            _ => {}
        }
    }
    // Zoom writes the start in UTC and the host's zone as a property of the event
    // ("TZID:Asia/Calcutta"): the start on the host's clock.
    if let (Some(start), Some(zone)) = (
        e.start,
        prop(&c.properties, "TZID").and_then(|t| zones::tzid(t.trim())),
    ) {
        if start.offset().local_minus_utc() == 0 {
            e.start = zone.of_instant(&start).or(e.start);
        }
    }
    e
}

/// `20261203T093000Z`, or local with a TZID. A date without a time is no interview time.
fn date_time(
    value: &str,
    tzid: Option<&str>,
    timezones: &[&Component<'_>],
) -> Option<DateTime<FixedOffset>> {
    let value = value.trim();
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(v) => (v, true),
        None => (value, false),
    };
    let naive = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").ok()?;
    let at = if utc {
        Some(FixedOffset::east_opt(0)?.from_utc_datetime(&naive))
    } else if let Some(tzid) = tzid {
        match zones::tzid(tzid) {
            Some(zone) => zone.at(naive),
            None => own_rules(tzid, naive, timezones),
        }
    } else {
        // Floating time: no zone to place it in.
        None
    }?;
    crate::time::check("interview_at", &at).ok()?;
    Some(at)
}

/// The offset of a VTIMEZONE the invite defines itself: the observance (STANDARD or DAYLIGHT)
/// whose yearly onset came last before `local`.
fn own_rules(
    tzid: &str,
    local: NaiveDateTime,
    timezones: &[&Component<'_>],
) -> Option<DateTime<FixedOffset>> {
    let tz = timezones
        .iter()
        .find(|t| prop(&t.properties, "TZID").is_some_and(|id| id.trim() == tzid.trim()))?;
    let mut best: Option<(NaiveDateTime, i32)> = None;
    for obs in &tz.components {
        let offset = parse_offset(&prop(&obs.properties, "TZOFFSETTO")?)?;
        let rule = prop(&obs.properties, "RRULE").unwrap_or_default();
        let start = prop(&obs.properties, "DTSTART")
            .and_then(|s| NaiveDateTime::parse_from_str(s.trim(), "%Y%m%dT%H%M%S").ok())?;
        for year in [local.year() - 1, local.year()] {
            let onset = if rule.is_empty() {
                start
            } else {
                yearly_onset(&rule, year, start)?
            };
            if onset <= local && best.is_none_or(|(b, _)| onset > b) {
                best = Some((onset, offset));
            }
        }
    }
    let (_, offset) = best?;
    Zone::Fixed(offset).at(local)
}

fn parse_offset(s: &str) -> Option<i32> {
    let s = s.trim();
    let (sign, rest) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => (1, s),
    };
    if rest.len() < 4 {
        return None;
    }
    let h: i32 = rest.get(..2)?.parse().ok()?;
    let m: i32 = rest.get(2..4)?.parse().ok()?;
    Some(sign * (h * 3600 + m * 60))
}

/// `FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU` in `year`, at the observance's time of day.
fn yearly_onset(rule: &str, year: i32, start: NaiveDateTime) -> Option<NaiveDateTime> {
    let mut month = None;
    let mut byday = None;
    for part in rule.split(';') {
        let (k, v) = part.split_once('=')?;
        match k.trim().to_ascii_uppercase().as_str() {
            "BYMONTH" => month = v.trim().parse::<u32>().ok(),
            "BYDAY" => byday = Some(v.trim().to_ascii_uppercase()),
            _ => {}
        }
    }
    let month = month?;
    let byday = byday?;
    let (n, day) = byday.split_at(byday.len().checked_sub(2)?);
    let weekday = match day {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    let n: i32 = if n.is_empty() { 1 } else { n.parse().ok()? };
    let date = if n > 0 {
        NaiveDate::from_weekday_of_month_opt(year, month, weekday, u8::try_from(n).ok()?)?
    } else {
        // -1: the last such weekday of the month.
        let next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)?
        };
        let mut d = next.pred_opt()?;
        while d.weekday() != weekday {
            d = d.pred_opt()?;
        }
        d
    };
    Some(date.and_time(start.time()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_vtimezone_of_its_own_places_the_start() {
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Somewhere\r\nBEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0700\r\nTZOFFSETTO:-0800\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\nBEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:-0800\r\nTZOFFSETTO:-0700\r\nRRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3\r\nEND:DAYLIGHT\r\nEND:VTIMEZONE\r\nBEGIN:VEVENT\r\nDTSTAMP:20261110T191512Z\r\nDTSTART;TZID=Somewhere:20261201T130000\r\nSUMMARY:Interview\r\nORGANIZER;CN=Whit A:mailto:w@b.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let e = &events(ics)[0];
        assert_eq!(e.start.unwrap().to_rfc3339(), "2026-12-01T13:00:00-08:00");
        assert_eq!(e.stamp.unwrap().to_rfc3339(), "2026-11-10T19:15:12+00:00");
        assert_eq!(
            e.organizer.as_ref().unwrap().name.as_deref(),
            Some("Whit A")
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_recursed() {
        let mut ics = String::from("BEGIN:VCALENDAR\n");
        for _ in 0..10_000 {
            ics.push_str("BEGIN:X\n");
        }
        assert!(events(&ics).is_empty());
    }
}
