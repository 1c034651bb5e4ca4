//! Dates and times in running text: "Tuesday 10th November, 2:30pm CET", "11/10/2026 at 1:00 PM
//! CT", "2026-09-22 09:00 UTC", "tomorrow at 10am (UK time)", "le jeudi 22 octobre 2026 à 9h30",
//! "martes 10 de noviembre, 10:00". A date without a year is the next such date on or after the
//! reference day (the message's date, or now); a stated weekday that does not fit rules a
//! candidate out. A time keeps its stated zone; a time without one takes the message's zone hint
//! ("all Sydney time") or, when the sender's country zone agrees with the reference offset, that
//! zone; otherwise it is left out rather than guessed. Deadlines ("by Friday", "no later than")
//! and dates without a time are not interview times.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate, NaiveTime, Weekday};
use regex::Regex;

use super::zones::{self, Zone};

/// One date-time found, with the text it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The instant, in its stated zone.
    pub at: DateTime<FixedOffset>,
    /// The words it was read from.
    pub text: String,
}

/// What the text around the dates tells about zones.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context {
    /// A zone named for the whole message ("all Sydney time", "hora peninsular, Madrid").
    pub hint: Option<Zone>,
    /// The sender's country zone, used only when it agrees with `reference_offset`.
    pub writer: Option<Zone>,
    /// The offset of the reference moment (the Date header, or now).
    pub reference_offset: Option<FixedOffset>,
}

const MONTHS: &str = r"jan(?:uary|vier|uar|uari)?|feb(?:ruary|ruar|ruari)?|févr(?:ier)?|fevr(?:ier)?|mar(?:ch|s|zo)?|märz|maart|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mei|mayo|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust|ustus)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre)?|oct(?:ober|obre)?|okt(?:ober)?|octubre|nov(?:ember|embre|iembre)?|dec(?:ember|embre)?|déc(?:embre)?|dez(?:ember)?|dic(?:iembre)?|enero|ene";
const WEEKDAYS: &str = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag";

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:le\s+)?({WEEKDAYS})\.?,?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th|er|\.)?(?:\s+of|\s+de)?\s+({MONTHS})\b\.?(?:,?\s+(?:de\s+)?(\d{{4}}))?(?:\s*\(({WEEKDAYS})\))?"
    ))
    .unwrap()
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:({WEEKDAYS})\.?,?\s+)?({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"
    ))
    .unwrap()
});
static ISO: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").unwrap());
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:({WEEKDAYS})\.?,?\s+)?(\d{{1,2}})/(\d{{1,2}})(?:/(\d{{4}}|\d{{2}}))?\b"
    ))
    .unwrap()
});
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(tomorrow|today|tonight|demain|morgen|mañana)\b").unwrap());
static WEEKDAY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(this|next|coming)\s+)?({WEEKDAYS})\b(?:\s+the\s+(\d{{1,2}})(?:st|nd|rd|th)\b)?"
    ))
    .unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:(:)(\d{2})|\.(\d{2})|h(\d{2})?\b|\s(h)\b)?\s?(?:([ap])(\.?m\b\.?))?",
    )
    .unwrap()
});
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:–|-|—|to|until|bis|à|a)\s*\d{1,2}(?:[:.h]\d{2})?\s?(?:[ap]\.?m\.?)?")
        .unwrap()
});
static ZONE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[(\[]?\s*(?:(GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?|([A-Z]{2,5})\b|(Eastern|Pacific|Central|Mountain)\b(?:\s+time)?|(?i:heure de (paris|l'est|londres))|(?i:(UK|London|Lagos|Dubai|Sydney|Paris|Madrid|Singapore|India|Athens|Berlin|Amsterdam|Oslo|New York|Toronto|Melbourne)\s+time))").unwrap()
});
static PAREN_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[(\[]([A-Za-z' ]{2,20})[)\]]").unwrap());
static DEADLINE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\bby|\bbefore|\buntil|no later than|deadline|\bbis(?: zum)?|\bavant le|\bantes del|\bdue|\barrive at|\barrival|\bexpires?|\bclosed from|\bon or before|delivered:?)\s*(?:the\s+|on\s+|at\s+)?$").unwrap()
});
static HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:all\s+|in\s+)?\b(UK|London|Sydney|Melbourne|Singapore|Dubai|Lagos|Paris|Madrid|Berlin|Amsterdam|Athens|India|New York|Toronto|Eastern|Pacific|Central)\s+time\b|\bhora peninsular\b|heure de (Paris|l'Est)|\btimes?\s*\((UK|ET|CET|GMT|BST|PT|IST|SGT|AEDT|AEST)\)").unwrap()
});

/// A zone the message names for all its times, if any.
pub fn hint(text: &str) -> Option<Zone> {
    let c = HINT.captures(text)?;
    if let Some(place) = c.get(1).or(c.get(2)) {
        let word = place.as_str();
        return zones::abbreviation(word).or_else(|| zones::place(word));
    }
    if let Some(abbr) = c.get(3) {
        return zones::place(abbr.as_str()).or_else(|| zones::abbreviation(abbr.as_str()));
    }
    zones::place("peninsular")
}

#[derive(Debug, Clone, Copy, Default)]
struct DateSpec {
    year: Option<i32>,
    month: Option<u32>,
    day: Option<u32>,
    weekday: Option<Weekday>,
    relative: Option<i64>,
}

fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    let starts = |p: &[&str]| p.iter().any(|x| w.starts_with(x));
    Some(if starts(&["jan", "ene"]) {
        1
    } else if starts(&["feb", "fév", "fev"]) {
        2
    } else if starts(&["mar", "mär", "maa"]) {
        3
    } else if starts(&["apr", "avr", "abr"]) {
        4
    } else if starts(&["may", "mai", "mei"]) {
        5
    } else if starts(&["jun", "juin"]) {
        6
    } else if starts(&["jul", "juil"]) {
        7
    } else if starts(&["aug", "aoû", "ago"]) {
        8
    } else if starts(&["sep"]) {
        9
    } else if starts(&["oct", "okt"]) {
        10
    } else if starts(&["nov"]) {
        11
    } else if starts(&["dec", "déc", "dez", "dic"]) {
        12
    } else {
        return None;
    })
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_lowercase();
    let starts = |p: &[&str]| p.iter().any(|x| w.starts_with(x));
    Some(if starts(&["mon", "lun"]) {
        Weekday::Mon
    } else if starts(&["tue", "mar", "die"]) {
        Weekday::Tue
    } else if starts(&["wed", "mer", "mié", "mie", "mit"]) {
        Weekday::Wed
    } else if starts(&["thu", "jeu", "jue", "don"]) {
        Weekday::Thu
    } else if starts(&["fri", "ven", "vie", "fre"]) {
        Weekday::Fri
    } else if starts(&["sat", "sam", "sáb", "sab"]) {
        Weekday::Sat
    } else if starts(&["sun", "dim", "dom", "son"]) {
        Weekday::Sun
    } else {
        return None;
    })
}

fn num<T: std::str::FromStr>(m: Option<regex::Match<'_>>) -> Option<T> {
    m.and_then(|m| m.as_str().parse().ok())
}

/// Dates in one sentence: (start, end, spec), in order, without overlaps.
fn dates_in(s: &str) -> Vec<(usize, usize, DateSpec)> {
    let mut out: Vec<(usize, usize, DateSpec)> = Vec::new();
    let mut push = |start: usize, end: usize, spec: DateSpec| {
        if !out.iter().any(|(a, b, _)| start < *b && *a < end) {
            out.push((start, end, spec));
        }
    };
    for c in ISO.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(
            m.start(),
            m.end(),
            DateSpec {
                year: num(c.get(1)),
                month: num(c.get(2)),
                day: num(c.get(3)),
                ..DateSpec::default()
            },
        );
    }
    for c in DAY_MONTH.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(
            m.start(),
            m.end(),
            DateSpec {
                weekday: c.get(1).or(c.get(5)).and_then(|w| weekday(w.as_str())),
                day: num(c.get(2)),
                month: c.get(3).and_then(|w| month(w.as_str())),
                year: num(c.get(4)),
                relative: None,
            },
        );
    }
    for c in MONTH_DAY.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(
            m.start(),
            m.end(),
            DateSpec {
                weekday: c.get(1).and_then(|w| weekday(w.as_str())),
                month: c.get(2).and_then(|w| month(w.as_str())),
                day: num(c.get(3)),
                year: num(c.get(4)),
                relative: None,
            },
        );
    }
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).unwrap();
        let a: u32 = num(c.get(2)).unwrap_or(0);
        let b: u32 = num(c.get(3)).unwrap_or(0);
        // Month first (as in the US) unless the first number cannot be a month.
        let (month, day) = if a > 12 { (b, a) } else { (a, b) };
        let year = c.get(4).and_then(|y| {
            let y: i32 = y.as_str().parse().ok()?;
            Some(if y < 100 { 2000 + y } else { y })
        });
        push(
            m.start(),
            m.end(),
            DateSpec {
                weekday: c.get(1).and_then(|w| weekday(w.as_str())),
                month: Some(month),
                day: Some(day),
                year,
                relative: None,
            },
        );
    }
    for c in RELATIVE.captures_iter(s) {
        let m = c.get(0).unwrap();
        let word = m.as_str().to_lowercase();
        let days = if word == "today" || word == "tonight" {
            0
        } else {
            1
        };
        push(
            m.start(),
            m.end(),
            DateSpec {
                relative: Some(days),
                ..DateSpec::default()
            },
        );
    }
    for c in WEEKDAY_ONLY.captures_iter(s) {
        let m = c.get(0).unwrap();
        push(
            m.start(),
            m.end(),
            DateSpec {
                weekday: c.get(2).and_then(|w| weekday(w.as_str())),
                day: num(c.get(3)),
                ..DateSpec::default()
            },
        );
    }
    out.sort_by_key(|d| d.0);
    out
}

#[derive(Debug, Clone, Copy)]
struct TimeSpec {
    time: NaiveTime,
    zone: Option<Zone>,
    excluded: bool,
}

/// Times in one sentence: (start, end, spec); the end of a range ("15:00–16:30") is not a time.
fn times_in(s: &str) -> Vec<(usize, usize, TimeSpec)> {
    let mut out = Vec::new();
    let mut skip_until = 0;
    for c in TIME.captures_iter(s) {
        let m = c.get(0).unwrap();
        if m.start() < skip_until {
            continue;
        }
        // Not part of a longer number, a date or a phone number.
        let before = &s[..m.start()];
        if before.ends_with(['/', '-', '+', '#']) && !before.ends_with(" -") {
            continue;
        }
        if before.chars().last().is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        let after_all = &s[m.end()..];
        if after_all.starts_with(['/', '-'])
            && after_all[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        let hour: u32 = num(c.get(1)).unwrap_or(99);
        let minute: u32 = num(c.get(3).or(c.get(4)).or(c.get(5))).unwrap_or(0);
        let colon = c.get(2).is_some();
        let french_h = c.get(5).is_some() || c.get(6).is_some() || m.as_str().contains('h');
        let meridiem = c
            .get(7)
            .filter(|_| c.get(8).is_some())
            .map(|a| a.as_str().to_ascii_lowercase());
        if !colon && meridiem.is_none() && !french_h {
            continue;
        }
        if c.get(4).is_some() && meridiem.is_none() {
            // "10.15" alone may be anything; "10.15am" is a time.
            continue;
        }
        let hour = match meridiem.as_deref() {
            Some("p") if hour < 12 => hour + 12,
            Some("a") if hour == 12 => 0,
            Some(_) if hour > 12 => continue,
            _ => hour,
        };
        let Some(time) = NaiveTime::from_hms_opt(hour, minute, 0) else {
            continue;
        };
        let mut end = m.end();
        let mut rest = &s[end..];
        if let Some(r) = RANGE_END.find(rest) {
            // "9:30am to 1pm", "15:00–16:30": the end of the range is skipped.
            end += r.end();
            rest = &s[end..];
            skip_until = end;
            // "1:00 - 1:45 PM" gives the meridiem to both ends.
            if meridiem.is_none() && !colon_is_24h(hour) {
                let tail = r.as_str().to_ascii_lowercase();
                if tail.contains('p') && hour < 12 {
                    // Not trusted: a range with one meridiem is an agenda line.
                }
            }
        }
        let zone = zone_after(rest);
        let excluded = DEADLINE_BEFORE.is_match(&s[..m.start()]);
        out.push((
            m.start(),
            end,
            TimeSpec {
                time,
                zone,
                excluded,
            },
        ));
    }
    out
}

fn colon_is_24h(hour: u32) -> bool {
    hour > 12
}

fn zone_after(rest: &str) -> Option<Zone> {
    if let Some(c) = ZONE_AFTER.captures(rest) {
        if let Some(sign) = c.get(2) {
            let h: u32 = num(c.get(3))?;
            let m: u32 = num(c.get(4)).unwrap_or(0);
            return zones::fixed(sign.as_str().chars().next()?, h, m);
        }
        if let Some(gmt) = c.get(1) {
            return zones::abbreviation(gmt.as_str());
        }
        if let Some(abbr) = c.get(5) {
            if let Some(z) = zones::abbreviation(abbr.as_str()) {
                return Some(z);
            }
            return zones::place(abbr.as_str());
        }
        if let Some(word) = c.get(6) {
            return zones::abbreviation(word.as_str());
        }
        if let Some(place) = c.get(7) {
            let p = place.as_str().to_lowercase();
            return zones::place(if p == "londres" { "london" } else { &p });
        }
        if let Some(place) = c.get(8) {
            return zones::place(place.as_str());
        }
    }
    if let Some(c) = PAREN_PLACE.captures(rest) {
        let inner = c[1].trim().to_lowercase();
        let inner = inner.trim_end_matches(" time");
        return zones::place(inner).or_else(|| zones::abbreviation(inner));
    }
    None
}

/// Sentences of a line: split after `.`, `?` or `!` followed by a space (not "a.m.").
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            let word_before = line[start..i].rsplit(' ').next().unwrap_or("");
            let abbrev = word_before.len() <= 2
                && (word_before.eq_ignore_ascii_case("a")
                    || word_before.eq_ignore_ascii_case("p")
                    || word_before.eq_ignore_ascii_case("a.m")
                    || word_before.eq_ignore_ascii_case("p.m")
                    || word_before.eq_ignore_ascii_case("dr")
                    || word_before.eq_ignore_ascii_case("mr")
                    || word_before.eq_ignore_ascii_case("ms")
                    || word_before.eq_ignore_ascii_case("st")
                    || word_before.chars().all(|c| c.is_ascii_digit()));
            if !abbrev {
                out.push(&line[start..=i]);
                start = i + 1;
            }
        }
    }
    out.push(&line[start..]);
    out
}

fn resolve(spec: DateSpec, reference: NaiveDate, previous: Option<NaiveDate>) -> Option<NaiveDate> {
    if let Some(days) = spec.relative {
        return reference.checked_add_signed(Duration::days(days));
    }
    let fits = |d: NaiveDate| spec.weekday.is_none_or(|w| d.weekday() == w);
    match (spec.year, spec.month, spec.day) {
        (Some(y), Some(m), Some(d)) => {
            let date = NaiveDate::from_ymd_opt(y, m, d)?;
            // A past date with a year is not an interview to come.
            (date >= reference - Duration::days(1)).then_some(date)
        }
        (None, Some(m), Some(d)) => [reference.year(), reference.year() + 1]
            .into_iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
            .find(|date| *date >= reference && fits(*date)),
        (None, None, Some(d)) => {
            // "Wednesday the 9th": the month of the date before it, or of the reference.
            let base = previous.unwrap_or(reference);
            let mut month = base.with_day(1)?;
            for _ in 0..3 {
                if let Some(date) = month.with_day(d) {
                    if date >= reference && fits(date) {
                        return Some(date);
                    }
                }
                month = month.checked_add_months(chrono::Months::new(1))?;
            }
            None
        }
        (None, None, None) => {
            let w = spec.weekday?;
            (1..=7)
                .map(|n| reference + Duration::days(n))
                .find(|d| d.weekday() == w)
        }
        _ => None,
    }
}

/// Every interview-like date-time in `text`, in order, each once.
pub fn find(text: &str, reference: DateTime<FixedOffset>, context: &Context) -> Vec<Found> {
    let reference_day = reference.date_naive();
    let mut found: Vec<Found> = Vec::new();
    let mut previous: Option<NaiveDate> = None;
    // A date on a line of its own ("Date: …") waits for a time on the next lines ("Time: …").
    let mut pending: Option<(NaiveDate, String, usize)> = None;
    for (line_no, line) in text.lines().enumerate() {
        if line.chars().count() > 2000 {
            continue;
        }
        let mut line_had_date = false;
        for sentence in sentences(line) {
            let dates = dates_in(sentence);
            let times = times_in(sentence);
            let mut resolved: Vec<(usize, usize, Option<NaiveDate>, bool)> = Vec::new();
            for &(start, end, spec) in &dates {
                let deadline = DEADLINE_BEFORE.is_match(&sentence[..start]);
                let date = resolve(spec, reference_day, previous);
                if let Some(d) = date {
                    if spec.relative.is_none() && (spec.month.is_some() || spec.day.is_some()) {
                        previous = Some(d);
                    }
                }
                resolved.push((start, end, date, deadline));
            }
            if !dates.is_empty() {
                line_had_date = true;
            }
            let mut used_dates = vec![false; resolved.len()];
            for &(tstart, tend, spec) in &times {
                if spec.excluded {
                    continue;
                }
                // The nearest date before the time, or one right after it ("10am on Tuesday").
                let before = resolved
                    .iter()
                    .enumerate()
                    .rev()
                    .find(|(_, (_, end, _, _))| *end <= tstart);
                let after = resolved.iter().enumerate().find(|(_, (start, _, _, _))| {
                    *start >= tend && sentence[tend..*start].trim().len() <= 4
                });
                let Some((k, &(dstart, _, date, deadline))) = before.or(after) else {
                    if let Some((date, ref label, at)) = pending {
                        if line_no <= at + 2
                            && dates.is_empty()
                            && sentence.trim().chars().count() <= 60
                        {
                            push(
                                &mut found,
                                date,
                                spec,
                                context,
                                format!("{label} {}", sentence[tstart..tend].trim()),
                            );
                        }
                    }
                    continue;
                };
                used_dates[k] = true;
                if deadline {
                    continue;
                }
                let Some(date) = date else { continue };
                let (from, to) = (dstart.min(tstart), tend.max(resolved[k].1));
                push(
                    &mut found,
                    date,
                    spec,
                    context,
                    sentence[from..to].trim().to_owned(),
                );
            }
            for (k, &(start, end, date, deadline)) in resolved.iter().enumerate() {
                if !used_dates[k]
                    && !deadline
                    && times.is_empty()
                    && sentence.trim().chars().count() <= 60
                {
                    if let Some(date) = date {
                        pending = Some((date, sentence[start..end].trim().to_owned(), line_no));
                    }
                }
            }
        }
        if line_had_date && !line.trim().is_empty() {
            // A new date line replaces the pending one; otherwise it stays for two lines.
        }
    }
    found
}

fn push(found: &mut Vec<Found>, date: NaiveDate, spec: TimeSpec, context: &Context, text: String) {
    let local = date.and_time(spec.time);
    let zone = match spec.zone.or(context.hint) {
        Some(z) => z,
        None => {
            // No zone written: the sender's country zone, when it agrees with the reference.
            let (Some(writer), Some(offset)) = (context.writer, context.reference_offset) else {
                return;
            };
            let Some(at) = writer.at(local) else { return };
            if *at.offset() != offset {
                return;
            }
            writer
        }
    };
    let Some(at) = zone.at(local) else { return };
    if crate::time::check("interview_at", &at).is_err() {
        return;
    }
    if found.iter().any(|f| f.at == at) {
        return;
    }
    found.push(Found { at, text });
}

/// A pasted `Sent:` line's date (a reference for dates without a year).
pub fn header_date(value: &str) -> Option<DateTime<FixedOffset>> {
    let (_, _, spec) = dates_in(value)
        .into_iter()
        .find(|(_, _, s)| s.year.is_some())?;
    let date = NaiveDate::from_ymd_opt(spec.year?, spec.month?, spec.day?)?;
    let at = date.and_hms_opt(0, 0, 0)?.and_utc().fixed_offset();
    crate::time::check("date", &at).ok()?;
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn all(text: &str, reference: &str) -> Vec<String> {
        find(text, at(reference), &Context::default())
            .into_iter()
            .map(|f| f.at.to_rfc3339())
            .collect()
    }

    #[test]
    fn dates_without_a_year_are_the_next_such_date() {
        assert_eq!(
            all(
                "Date: Tuesday 10th November\nTime: 2:30pm CET (45 minutes)",
                "2026-11-03T09:00:00+00:00"
            ),
            ["2026-11-10T14:30:00+01:00"]
        );
        assert_eq!(
            all(
                "How about Tuesday 5 January at 10:00 GMT?",
                "2026-12-28T10:00:00+00:00"
            ),
            ["2027-01-05T10:00:00+00:00"]
        );
    }

    #[test]
    fn zones_as_written() {
        assert_eq!(
            all(
                "Monday 3/15 at 11am ET\nTuesday 3/16 at 2pm ET",
                "2027-03-10T09:00:00-05:00"
            ),
            ["2027-03-15T11:00:00-04:00", "2027-03-16T14:00:00-04:00"]
        );
        assert_eq!(
            all(
                "Date: 5th October 2026 (Monday)\nTime: 15:00 IST",
                "2026-09-30T11:00:00+05:30"
            ),
            ["2026-10-05T15:00:00+05:30"]
        );
        assert_eq!(
            all(
                "on Friday 4 December at 14:00 GMT+1 (he's in Madrid)",
                "2026-11-24T10:00:00+00:00"
            ),
            ["2026-12-04T14:00:00+01:00"]
        );
        assert_eq!(
            all(
                "Mon, Dec 14: 10:00 AM ET or 3:00 PM ET",
                "2026-12-07T12:00:00-05:00"
            ),
            ["2026-12-14T10:00:00-05:00", "2026-12-14T15:00:00-05:00"]
        );
        assert_eq!(
            all(
                "le jeudi 22 octobre 2026 à 9h30 (heure de Paris)",
                "2026-10-12T17:45:00+02:00"
            ),
            ["2026-10-22T09:30:00+02:00"]
        );
    }

    #[test]
    fn deadlines_and_times_without_a_zone_are_left_out() {
        assert!(all(
            "Please confirm by 5pm on Wednesday 18 November.",
            "2026-11-11T14:03:22+00:00"
        )
        .is_empty());
        assert!(all(
            "Monday 7 December at 15:00 via Teams",
            "2026-11-30T09:00:00+00:00"
        )
        .is_empty());
    }
}
