//! The pieces of a date or a time in one sentence: "Tuesday 10th November", "11/10/2026",
//! "tomorrow", "2:30pm CET", "9h30"; each with where it stands, for `find` to pair them.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveTime, Weekday};
use regex::Regex;

use super::super::zones::{self, Zone};

const MONTHS: &str = r"jan(?:uary|vier|uar|uari)?|gennaio|febbraio|maggio|giugno|luglio|settembre|ottobre|feb(?:ruary|ruar|ruari)?|févr(?:ier)?|fevr(?:ier)?|mar(?:ch|s|zo)?|märz|maart|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mei|mayo|jun(?:e|i|io)?|juin|jul(?:y|i|io)?|juil(?:let)?|aug(?:ust|ustus)?|août|ago(?:sto)?|sep(?:t|tember|tembre|tiembre)?|oct(?:ober|obre)?|okt(?:ober)?|octubre|nov(?:ember|embre|iembre)?|dec(?:ember|embre)?|déc(?:embre)?|dez(?:ember)?|dic(?:iembre)?|enero|ene|janeiro|fevereiro|febrero|março|maret|maj|maio|junho|julho|augusti|agustus|setembro|setiembre|outubro|novembro|dezembro|dicembre|desember";
const WEEKDAYS: &str = r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mandag|tirsdag|lørdag|søndag|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|lunedì|martedì|mercoledì|giovedì|venerdì|senin|selasa|rabu|kamis|jumat|sabtu";

static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:le\s+)?({WEEKDAYS})\.?,?\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th|er|\.)?(?:\s+of|\s+de)?(?:\s+|-)({MONTHS})\b\.?(?:(?:,?\s+(?:de\s+)?|-)(\d{{4}}))?(?:\s*\(({WEEKDAYS})\))?"
    ))
    .unwrap()
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:({WEEKDAYS})\.?,?\s+)?({MONTHS})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"
    ))
    .unwrap()
});
/// "2026-12-09", "2026-12-09 (Wed)": a weekday in brackets after a date is that date's.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{4}})-(\d{{2}})-(\d{{2}})\b(?:\s*\(({WEEKDAYS})\.?\))?"
    ))
    .unwrap()
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:({WEEKDAYS})\.?,?\s+)?(\d{{1,2}})(?:/(\d{{1,2}})(?:/(\d{{4}}|\d{{2}}))?|-(\d{{1,2}})-(\d{{4}}))\b(?:\s*\(({WEEKDAYS})\.?\))?"
    ))
    .unwrap()
});
/// "Dienstag, 17.02., 10:00 Uhr", "am 3.11.2026": day and month with dots, as German and the
/// Nordic languages write them (the dot after the month is what tells it from a time); a
/// weekday in brackets after it is its own ("07.05.2026 (Thursday)").
static DOTTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:({WEEKDAYS}),?\s+)?(\d{{1,2}})\.(\d{{1,2}})\.(\d{{4}})?(?:\s*\(({WEEKDAYS})\.?\))?(?:[\s,]|$)"
    ))
    .unwrap()
});
static RELATIVE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(tomorrow|today|tonight|demain|morgen|mañana)\b").unwrap());
static WEEKDAY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(this|next|coming)\s+)?({WEEKDAYS})\b\.?(?:,?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\b)?"
    ))
    .unwrap()
});
static WEEKDAY_SPAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:to|through|thru|-|–|—|bis|à|a)\s*(?:{WEEKDAYS})\b"
    ))
    .unwrap()
});
static WEEKDAY_SPAN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{WEEKDAYS})\s*(?:to|through|thru|-|–|—|bis|à|a)\s*$"
    ))
    .unwrap()
});
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(\d{1,2})(?:(:)(\d{2})|\.(\d{2})|h(\d{2})?\b|\s?(hs)\b|\s(h)\b(?:\s(\d{2})\b)?)?\s?(?:([ap])(\.?m\b\.?))?",
    )
    .unwrap()
});
/// The end of a range that states the meridiem: "-4pm", "–9:45 a.m.", " to 1:45 PM".
static RANGE_END_MERIDIEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:–|-|—|to|until)\s*(\d{1,2})(?:[:.]\d{2})?\s?([ap])\.?m\b").unwrap()
});
/// A word that says a clock time follows: "kl. 10.00" (Scandinavian), "klo 10.00", "um 10.00",
/// "alle ore 10.00", "om 10.00".
static CLOCK_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:kl\.?|klo|kello|um|ore|om|às|a las|pukul)\s*$").unwrap()
});

/// A window to pick a time in, not a time: "between 2 and 4pm ET", "between 1pm and 5pm".
static WINDOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bbetween\s+\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:and|-|–|to)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?").unwrap()
});
static RANGE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:hrs\b\.?|uhr\b)?\s*(?:–|-|—|to|until|till|bis|à|a|às|as|hasta(?: las)?|alle|tot)\s*\d{1,2}(?:[:.h]\d{2})?\s?(?:[ap]\.?m\.?|hrs\b|uhr\b|h\b)?")
        .unwrap()
});
static ZONE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[(\[]?\s*(?:(GMT|UTC)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?|([A-Z]{2,5})\b|(Eastern|Pacific|Central|Mountain)\b(?:\s+time)?|(?i:heure de (paris|l'est|londres))|(?i:(\p{L}+(?: \p{L}+){0,2}?)\s+time\b))").unwrap()
});
/// Words before a date that make it a deadline, not an interview ("by", "no later than").
pub(super) static DEADLINE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(\bby|\bbefore|\buntil|no later than|deadline|\bbis(?: zum)?|\bavant le|\bantes del|\bdue|\barrive at|\barrival|\bexpires?|\bclosed from|\bon or before|delivered:?|\bpaling lambat|\bselambat-lambatnya|\bsenast|\buiterlijk|\bspätestens|\bau plus tard|\ba más tardar|\bentro (?:e non oltre )?(?:il )?)\s*(?:(?:the|on|at|el|le|den|am)\s+)?[*_\s]*$").unwrap()
});
/// Words before a time that make it no interview: "Previous time (cancelled): Friday 12 June,
/// 11:00" no longer stands.
static NO_LONGER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:previous|original|old|former|initial)(?:ly)?\s+(?:scheduled\s+)?(?:time|date|slot|booking|interview)\b|\(cancell?ed\)|\bwas originally\b|\bno longer\b|\bto prepare\b|\bprep(?:aration)? call\b|\bdebrief\b")
        .unwrap()
});
/// A label right before a time that is for something else: "Reporting time: 10:30 AM",
/// "Written test: 10:00 AM".
static OTHER_PURPOSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\breporting time|\b(?:written|aptitude) test|\breport(?:ing)? (?:at|by))\s*:?\s*$",
    )
    .unwrap()
});
/// A label of its own line that says the date-time under it no longer stands: "Previous time
/// (cancelled):", "Original slots:".
pub(super) static NO_LONGER_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:previous|original|old|former|initial)(?:ly)?\s+(?:scheduled\s+)?(?:times?|dates?|slots?|booking)\b|\(cancell?ed\)")
        .unwrap()
});
static PAREN_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[(\[]([A-Za-z' ]{2,20})[)\]]").unwrap());
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DateSpec {
    pub(super) year: Option<i32>,
    pub(super) month: Option<u32>,
    pub(super) day: Option<u32>,
    pub(super) weekday: Option<Weekday>,
    pub(super) relative: Option<i64>,
    /// "Wed 10/06": either number may be the month; the weekday decides.
    pub(super) either_order: bool,
}

fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    let w = w.trim_end_matches('.');
    let starts = |p: &[&str]| p.iter().any(|x| w.starts_with(x));
    Some(if starts(&["jan", "ene", "gen"]) {
        1
    } else if starts(&["feb", "fév", "fev"]) {
        2
    } else if starts(&["mar", "mär", "maa"]) {
        3
    } else if starts(&["apr", "avr", "abr"]) {
        4
    } else if starts(&["may", "mai", "mei", "mag", "maj"]) {
        5
    } else if starts(&["jun", "juin", "giu"]) {
        6
    } else if starts(&["jul", "juil", "lug"]) {
        7
    } else if starts(&["aug", "aoû", "ago", "agu"]) {
        8
    } else if starts(&["sep", "set"]) {
        9
    } else if starts(&["oct", "okt", "ott", "out"]) {
        10
    } else if starts(&["nov"]) {
        11
    } else if starts(&["dec", "déc", "dez", "dic", "des"]) {
        12
    } else {
        return None;
    })
}

fn weekday(word: &str) -> Option<Weekday> {
    let w = word.to_lowercase();
    let starts = |p: &[&str]| p.iter().any(|x| w.starts_with(x));
    // English, French, Spanish, German, then the Nordic languages, Dutch, Portuguese, Italian
    // and Indonesian.
    Some(
        if starts(&["mon", "lun", "mån", "man", "maa", "seg", "sen"]) {
            Weekday::Mon
        } else if starts(&["tue", "mar", "die", "tis", "tir", "din", "ter", "sel"]) {
            Weekday::Tue
        } else if starts(&[
            "wed", "mer", "mié", "mie", "mit", "ons", "woe", "qua", "rab",
        ]) {
            Weekday::Wed
        } else if starts(&["thu", "jeu", "jue", "don", "tor", "qui", "gio", "kam"]) {
            Weekday::Thu
        } else if starts(&["fri", "ven", "vie", "fre", "vri", "sex", "jum"]) {
            Weekday::Fri
        } else if starts(&["sat", "sam", "sáb", "sab", "lör", "lør", "zat"]) {
            Weekday::Sat
        } else if starts(&["sun", "dim", "dom", "son", "sön", "søn", "zon"]) {
            Weekday::Sun
        } else {
            return None;
        },
    )
}

pub(super) fn num<T: std::str::FromStr>(m: Option<regex::Match<'_>>) -> Option<T> {
    m.and_then(|m| m.as_str().parse().ok())
}

/// Dates in one sentence: (start, end, spec), in order, without overlaps.
pub(super) fn dates_in(s: &str) -> Vec<(usize, usize, DateSpec)> {
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
                weekday: c.get(4).and_then(|w| weekday(w.as_str())),
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
                ..DateSpec::default()
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
                ..DateSpec::default()
            },
        );
    }
    for c in NUMERIC.captures_iter(s) {
        let m = c.get(0).unwrap();
        // "18/06", "18/06/2026" or "18-06-2026" (dashes only with the year).
        let a: u32 = num(c.get(2)).unwrap_or(0);
        let b: u32 = num(c.get(3).or(c.get(5))).unwrap_or(0);
        // Month first (as in the US) unless the first number cannot be a month.
        let year = c.get(4).or(c.get(6)).and_then(|y| {
            let y: i32 = y.as_str().parse().ok()?;
            Some(if y < 100 { 2000 + y } else { y })
        });
        let named_day = c.get(1).or(c.get(7)).and_then(|w| weekday(w.as_str()));
        // "05/06/2026 (Friday)": the reading whose weekday is the one written, when only one is.
        let is_on = |month: u32, day: u32| {
            year.zip(named_day).is_some_and(|(y, w)| {
                chrono::NaiveDate::from_ymd_opt(y, month, day).is_some_and(|d| d.weekday() == w)
            })
        };
        let (month, day) = if a > 12 || (b <= 12 && is_on(b, a) && !is_on(a, b)) {
            (b, a)
        } else {
            (a, b)
        };
        push(
            m.start(),
            m.end(),
            DateSpec {
                weekday: named_day,
                month: Some(month),
                day: Some(day),
                year,
                relative: None,
                either_order: year.is_none() && named_day.is_some() && a <= 12 && b <= 12,
            },
        );
    }
    for c in DOTTED.captures_iter(s) {
        let m = c.get(0).unwrap();
        let (day, month): (u32, u32) = (num(c.get(2)).unwrap_or(0), num(c.get(3)).unwrap_or(0));
        if !(1..=31).contains(&day) || !(1..=12).contains(&month) {
            continue;
        }
        let end = m.start() + m.as_str().trim_end_matches([' ', ',', '\t']).len();
        push(
            m.start(),
            end,
            DateSpec {
                weekday: c.get(1).or(c.get(5)).and_then(|w| weekday(w.as_str())),
                day: Some(day),
                month: Some(month),
                year: num(c.get(4)),
                ..DateSpec::default()
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
        // "Monday to Friday", "Mon–Fri": working days, not a day.
        if WEEKDAY_SPAN.is_match(&s[m.end()..]) || WEEKDAY_SPAN_END.is_match(&s[..m.start()]) {
            continue;
        }
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
pub(super) struct TimeSpec {
    pub(super) time: NaiveTime,
    pub(super) zone: Option<Zone>,
    pub(super) excluded: bool,
}

/// Times in one sentence: (start, end, spec); the end of a range ("15:00–16:30") is not a time.
/// A number inside one of the sentence's `dates` is no time ("Mon May 4 – 8:30am": the 4 is the
/// day, 8:30am the time).
pub(super) fn times_in(
    s: &str,
    dates: &[(usize, usize, DateSpec)],
) -> Vec<(usize, usize, TimeSpec)> {
    let mut out = Vec::new();
    let mut skip_until = 0;
    // Read once per sentence, not once per time.
    let windows: Vec<(usize, usize)> = WINDOW.find_iter(s).map(|w| (w.start(), w.end())).collect();
    for c in TIME.captures_iter(s) {
        let m = c.get(0).unwrap();
        if m.start() < skip_until || dates.iter().any(|d| d.0 <= m.start() && m.start() < d.1) {
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
        // "kl. 10.00", "at 10.30" (as Britain and Ireland write it): a dot after a clock word or
        // "at" is as good as a colon.
        static AT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bat\s*$").unwrap());
        static FROM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bfrom\s*$").unwrap());
        // "from 9.30 to 11.30" is a time; "free from 10.06 onwards" a date.
        let from_time = || {
            FROM.is_match(before)
                && (RANGE_END.is_match(after_all)
                    || c.get(4)
                        .is_some_and(|m| m.as_str().parse::<u32>().is_ok_and(|n| n % 15 == 0)))
        };
        // "09.00 – 10.30 WITA": a zone after it (or after the range's end) too.
        let zone_follows = || {
            let rest = RANGE_END
                .find(after_all)
                .map_or(after_all, |r| &after_all[r.end()..]);
            zone_after(rest).is_some()
        };
        let colon = c.get(2).is_some()
            || c.get(4).is_some()
                && (CLOCK_WORD.is_match(before)
                    || AT.is_match(before)
                    || from_time()
                    || zone_follows());
        // "22-05", "4/28": a date; "9:00-9:45" is a range.
        if !colon
            && after_all.starts_with(['/', '-'])
            && after_all[1..].starts_with(|c: char| c.is_ascii_digit())
            && !RANGE_END_MERIDIEM.is_match(after_all)
        {
            continue;
        }
        let hour: u32 = num(c.get(1)).unwrap_or(99);
        // "16 h 15", as French writes it in Canada.
        let minute: u32 = num(c.get(3).or(c.get(4)).or(c.get(5)).or(c.get(8))).unwrap_or(0);
        // "9h30", "10 h", "10 hs" (as Argentina writes it): a 24-hour clock.
        let french_h = c.get(5).is_some()
            || c.get(6).is_some()
            || c.get(7).is_some()
            || m.as_str().contains('h');
        let mut meridiem = c
            .get(9)
            .filter(|_| c.get(10).is_some())
            .map(|a| a.as_str().to_ascii_lowercase());
        // "3-4pm", "1:00-1:45pm": the range's end gives its start the meridiem, unless that
        // would put the start after the end ("11-12pm" starts at 11am).
        if meridiem.is_none() && !french_h && hour <= 12 {
            if let Some(r) = RANGE_END_MERIDIEM.captures(after_all) {
                let end_hour: u32 = num(r.get(1)).unwrap_or(99);
                let pm = r[2].eq_ignore_ascii_case("p");
                let end24 = if pm && end_hour < 12 {
                    end_hour + 12
                } else {
                    end_hour
                };
                let start24 = if pm && hour < 12 { hour + 12 } else { hour };
                meridiem = Some(if pm && start24 <= end24 { "p" } else { "a" }.to_owned());
            }
        }
        // "alle ore 11", "um 10 Uhr", "kl 14": a clock word makes a bare hour a time.
        let clock_hour = c.get(2).is_none()
            && c.get(4).is_none()
            && CLOCK_WORD.is_match(before)
            && !after_all.trim_start().starts_with(['/', '-', '.'])
            && hour <= 23;
        if !colon && meridiem.is_none() && !french_h && !clock_hour {
            continue;
        }
        if c.get(4).is_some() && meridiem.is_none() && !colon {
            // "10.15" alone may be anything; "10.15am" and "kl. 10.00" are times.
            continue;
        }
        // "he could do Monday at 1:30": an hour from 1 to 6 without a meridiem or a leading
        // zero is in the afternoon, as meetings are (a 24-hour clock writes 13:30 or 01:30).
        if colon
            && meridiem.is_none()
            && !french_h
            && (1..=6).contains(&hour)
            && !c.get(1).is_some_and(|h| h.as_str().starts_with('0'))
        {
            meridiem = Some("p".to_owned());
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
        let in_window = windows
            .iter()
            .any(|&(start, end)| start <= m.start() && m.start() < end);
        let excluded = DEADLINE_BEFORE.is_match(&s[..m.start()])
            || in_window
            || NO_LONGER.is_match(&s[..m.start()])
            || OTHER_PURPOSE.is_match(&s[..m.start()]);
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
    // "Monday 2nd November, 4pm WAT or Tuesday 3rd, 11am": a time after one with a zone, in
    // the same sentence, is in that zone too — unless the sentence converts between zones
    // ("4pm WAT, that's 3pm for you").
    static CONVERTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\bfor you\b|\byour time\b|\bthat'?s\b|\bthat is\b|\bwhich is\b|\bi\.e\.|\byour end\b|\blocal\b",
        )
        .unwrap()
    });
    // "14:00 Norwegian time (CEST) – this is 09:00 in Halifax": a time right after a word that
    // converts restates the one before it that names its zone; it is no time of its own.
    static RESTATES: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\bthat'?s|\bthat is|\bwhich is|\bthis is|\bi\.e\.,?)\s*(?:about\s+)?$")
            .unwrap()
    });
    for k in 1..out.len() {
        if out[..k].iter().any(|t| t.2.zone.is_some()) && RESTATES.is_match(&s[..out[k].0]) {
            out[k].2.excluded = true;
        }
    }
    let stated: Vec<Zone> = out.iter().filter_map(|t| t.2.zone).collect();
    if let Some(&first) = stated.first() {
        if stated.iter().all(|z| *z == first) && !CONVERTS.is_match(s) {
            let first_at = out.iter().position(|t| t.2.zone.is_some()).unwrap_or(0);
            // "Thursday 10/22 at 3pm or Friday 10/23 at 9am Pacific": a time offered just
            // before, as the other choice, is in the zone named after both.
            let mut from = first_at;
            while from > 0 {
                let gap = &s[out[from - 1].1..out[from].0];
                if gap.len() > 160 || gap.contains([';', '\n']) {
                    break;
                }
                // (A time's match may end with the space after it.)
                let between = format!(" {gap} ");
                let joined = between.chars().count() <= 42
                    && (between.contains(" or ")
                        || between.contains(" and ")
                        || between.contains(", "));
                if !joined {
                    break;
                }
                from -= 1;
            }
            for t in out.iter_mut().skip(from) {
                t.2.zone.get_or_insert(first);
            }
        }
    }
    out
}

fn colon_is_24h(hour: u32) -> bool {
    hour > 12
}

fn zone_after(rest: &str) -> Option<Zone> {
    // "10:00 Uhr MEZ", "14:00 hrs GST": the clock's own word comes before the zone.
    static CLOCK_AFTER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:uhr|hrs|hours|hs|h|noon|midday)\b\.?").unwrap());
    let rest = CLOCK_AFTER.find(rest).map_or(rest, |m| &rest[m.end()..]);
    // "9am my time (Central)": the writer's zone, named in brackets.
    static MY_TIME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^\s*(?:my|our)\s+time\s*[(\[]").unwrap());
    // (The bracket, one byte, stays for the zone's own pattern.)
    let rest = MY_TIME.find(rest).map_or(rest, |m| &rest[m.end() - 1..]);
    zone_named(rest).or_else(|| {
        // "3:00 PM KSA time (GMT+3)": a name the table does not know, then the offset.
        static OFFSET_SOON: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[^()\n]{0,25}?[(\[]\s*(?:GMT|UTC)\s*[+\-−]\s*\d").unwrap()
        });
        // "10:00 – 10:45 (Gulf Standard Time, UTC+4)": a long name, then the offset.
        static NAME_THEN_OFFSET: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*[(\[][^()\[\]\n]{2,40}[,;/]\s*((?:GMT|UTC)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?)\s*[)\]]").unwrap()
        });
        if let Some(c) = NAME_THEN_OFFSET.captures(rest) {
            return zone_named(&c[1]);
        }
        let m = OFFSET_SOON.find(rest)?;
        let open = rest[..m.end()].rfind(['(', '['])?;
        zone_named(&rest[open..])
    })
}

fn zone_named(rest: &str) -> Option<Zone> {
    // "(hora del centro de México)", "hora de Bogotá", "horário de Brasília": a place's clock in
    // Spanish or Portuguese.
    static HORA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*[(\[]?\s*(?:hora|horário|horario)\s+(?:de|del|da)\s+(?:la\s+)?(\p{L}+(?:\s+(?:de\s+)?\p{L}+){0,2})").unwrap()
    });
    if let Some(c) = HORA.captures(rest) {
        let place = c[1].trim().to_lowercase();
        let mut words: Vec<&str> = place.split_whitespace().collect();
        while !words.is_empty() {
            if let Some(z) = zones::place(&words.join(" ")) {
                return Some(z);
            }
            words.pop();
        }
    }
    if let Some(c) = ZONE_AFTER.captures(rest) {
        if let Some(sign) = c.get(2) {
            let h: u32 = num(c.get(3))?;
            let m: u32 = num(c.get(4)).unwrap_or(0);
            let fixed = zones::fixed(sign.as_str().chars().next()?, h, m)?;
            // Outlook's "(UTC-05:00) Eastern Time (US & Canada)", "(UTC+01:00) Amsterdam,
            // Berlin": the standard offset as a label, the region it names in force.
            static REGION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
                Regex::new(
                    r"^\s*\)\s*(Eastern|Central|Mountain|Pacific)\b|^\s*\)\s*(\p{Lu}\p{L}+)\s*,",
                )
                .unwrap()
            });
            let region = REGION_AFTER
                .captures(&rest[c.get(0)?.end()..])
                .and_then(|r| {
                    r.get(1).map_or_else(
                        || zones::place(&r[2].to_lowercase()),
                        |w| zones::abbreviation(w.as_str()),
                    )
                });
            return Some(region.unwrap_or(fixed));
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
        // "(Bucharest time)" names a city's clock; "(Sofia)" alone may be a person.
        return match inner.strip_suffix(" time") {
            Some(place) => zones::place(place),
            None => zones::listed_place(&inner),
        }
        .or_else(|| zones::abbreviation(&inner));
    }
    None
}
