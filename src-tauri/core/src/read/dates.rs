//! Dates and times in running text: "Tuesday 10th November, 2:30pm CET", "11/10/2026 at 1:00 PM
//! CT", "2026-09-22 09:00 UTC", "tomorrow at 10am (UK time)", "le jeudi 22 octobre 2026 à 9h30",
//! "martes 10 de noviembre, 10:00". A date without a year is the next such date on or after the
//! reference day (the message's date, or now); a stated weekday that does not fit rules a
//! candidate out. A time keeps its stated zone; a time without one takes the message's zone hint
//! ("all Sydney time") or, when the sender's country zone agrees with the reference offset, that
//! zone; otherwise it is left out rather than guessed. Deadlines ("by Friday", "no later than")
//! and dates without a time are not interview times.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Duration, FixedOffset, NaiveDate};
use regex::Regex;

mod spans;

use super::zones::{self, Zone};
use spans::{dates_in, times_in, DateSpec, TimeSpec, DEADLINE_BEFORE};

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
    /// The sender's zone (their country's, or a place the message names), used only when it
    /// agrees with the reference moment's offset: the sender is plainly where the clock is.
    pub writer: Option<Zone>,
    /// The reference moment (the Date header, or now).
    pub reference: Option<DateTime<FixedOffset>>,
    /// Nothing places the sender anywhere (no country's domain, phone number, place or
    /// one-zone language): a time without a zone is on the reference's clock, the message's
    /// own (its Date header) or the user's (now, for pasted text), as people read it.
    pub shared_clock: bool,
}

static HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:all\s+|in\s+)?\b(UK|London|Sydney|Melbourne|Singapore|Dubai|Lagos|Paris|Madrid|Berlin|Amsterdam|Athens|India|New York|Toronto|Eastern|Pacific|Central)\s+time\b|\bhora peninsular\b|heure de (Paris|l'Est)|\btimes?\s*\((UK|ET|CET|GMT|BST|PT|IST|SGT|AEDT|AEST)\)").unwrap()
});

/// A zone named for a list or for all times: "the below slots (IST):", "(all times ET)",
/// "All times are in Sydney time", "Times shown in CET".
static LIST_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?im)\(\s*(?:all\s+)?(?:times?\s+(?:are\s+)?(?:in\s+)?)?([A-Za-z]{2,9}|[A-Za-z]+(?: [A-Za-z]+)?\s+time)\s*\)\s*:?\s*$|\ball\s+(?:times|slots)\s+(?:are\s+|shown\s+|listed\s+|below\s+are\s+)?(?:in\s+)?([A-Z]{2,5}\b|[A-Za-z]+(?: [A-Za-z]+)?\s+time\b)|\btimes\s+(?:are\s+)?(?:shown|listed|given)\s+in\s+([A-Z]{2,5}\b|[A-Za-z]+(?: [A-Za-z]+)?\s+time\b)|[,(–-]\s*(\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?\s+time)\s*\)?\s*:\s*$").unwrap()
});

/// Between a time and the date after it: its zone ("9am my time (Central) on Thursday 19
/// March", "10:00 CET on Monday 3 May").
static ZONE_THEN_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:my|our|your)\s+time\s*)?(?:\([^()]{1,30}\)|(?-i:[A-Z]{2,5})|[A-Za-z]+ time)?\s*(?:on|,)?\s*(?:the\s+)?$").unwrap()
});

static CLOCKS_CHANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\bclocks?\s+(?:go|goes|went|change|changes|move|moves|spring|fall)\b|\b(?:switch|switches|switching|changes?|changing|moves?|moving|goes|go|going)\s+(?:back\s+)?(?:to|onto)\s+(?:winter|summer|standard|daylight)(?:\s+saving)?\s+time\b|\bdaylight saving(?:s)? (?:time )?(?:starts|ends|begins)\b)[^.;:]{0,25}$",
    )
    .unwrap()
});

/// The stamp a chat export puts in front of each message: WhatsApp's "[14/03/2026, 18:52]",
/// Android's "14/03/2026, 18:52 - ". Also what `input` reads chats by.
pub(super) const CHAT_STAMP_FORM: &str = r"(?:\[\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?\]|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},?\s+\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?\s+-\s)";
/// A chat export's stamp in front of each message: "[14/03/2026, 18:52] Ada (Ofe Kitchen): …".
static CHAT_STAMP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^\s*\x{{200E}}?{CHAT_STAMP_FORM}")).unwrap());

static NEXT_WEEK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)\bnext week\b").unwrap());

/// A line that stamps a message, not a meeting: a chat's "Rachel Goh  9:12 PM", LinkedIn's "X
/// sent the following message at 9:12 PM", a pasted mail's "Mar 5, 2026, 8:14 AM (2 days ago)",
/// a quoted mail's "Sent: 20 January 2027 09:12" in any language.
static STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){0,3}\s+\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?$|sent the following messages? at|^(?:<[^>]*>\s*)*(?:Sent|Gesendet|Envoyé|Enviado|Verzonden|Skickat|Inviato|Sendt|Wysłano)\s*:").unwrap()
});
/// A pasted mail's own date line ("Mar 5, 2026, 8:14 AM (2 days ago)", "Mon, Apr 6, 3:52 PM
/// (13 minutes ago)", "Tue, Aug 4, 4:12 PM"): a stamp when it says how long ago, puts a comma
/// after the year as mail programs do, or is at a minute no meeting starts on. "Wednesday 10
/// February 2027 at 16:00 (Luxembourg time)" on a line of its own is the interview.
static DATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[A-Z][a-z]{2,8},? )?(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?),? (?:\d{4}(,)? )?(?:at )?\d{1,2}:(\d{2})(?:\s?[AaPp][Mm])?( \([^)]*\bago\))?(?: \([^)]*\))?$").unwrap()
});
fn is_date_line_stamp(line: &str) -> bool {
    DATE_LINE.captures(line).is_some_and(|c| {
        c.get(1).is_some() || c.get(3).is_some() || c[2].parse::<u32>().is_ok_and(|m| m % 5 != 0)
    })
}
static NUMERIC_STAMP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[A-Z][a-z]{2,8},? )?\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?:\s?[AaPp][Mm])?$",
    )
    .unwrap()
});

/// Other ways to name a zone for all times: "all HK time", "times are Mountain", "(all
/// Eastern)". Only words that name a zone count.
static FREE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\ball\s+([a-z]{2,5}|[a-z]+(?: [a-z]+)?)\s+time\b|\btimes\s+(?:are|will be)\s+(?:in\s+)?([a-z]{2,9}(?: time)?)\b|\(\s*all\s+([a-z]{2,9})\s*\)|\(\s*(\p{L}+)\s+(?:tid|zeit|tijd)\s*\)|\(\s*(?:both|all)\s+(?:times\s+)?(?:are\s+|in\s+)?([a-z]{2,5})\s*[,;]").unwrap()
});

fn named_zone(word: &str) -> Option<Zone> {
    let word = word.trim();
    let place = word
        .strip_suffix(" time")
        .or_else(|| word.strip_suffix(" Time"))
        .unwrap_or(word);
    zones::abbreviation(place).or_else(|| zones::place(place))
}

/// A zone the message names for all its times, if any.
pub fn hint(text: &str) -> Option<Zone> {
    let named = HINT.captures(text).and_then(|c| hint_from(&c));
    named
        .or_else(|| {
            LIST_HINT.captures_iter(text).find_map(|c| {
                let m = c.get(1).or(c.get(2)).or(c.get(3)).or(c.get(4))?;
                named_zone(m.as_str())
            })
        })
        .or_else(|| {
            FREE_HINT.captures_iter(text).find_map(|c| {
                let m = c
                    .get(1)
                    .or(c.get(2))
                    .or(c.get(3))
                    .or(c.get(4))
                    .or(c.get(5))?;
                named_zone(m.as_str())
            })
        })
}

fn hint_from(c: &regex::Captures<'_>) -> Option<Zone> {
    if let Some(place) = c.get(1).or(c.get(2)) {
        let word = place.as_str();
        return zones::abbreviation(word).or_else(|| zones::place(word));
    }
    if let Some(abbr) = c.get(3) {
        return zones::place(abbr.as_str()).or_else(|| zones::abbreviation(abbr.as_str()));
    }
    zones::place("peninsular")
}

/// Sentences of a line: split after `.`, `?` or `!` followed by a space (not "a.m.").
fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if matches!(b, b'.' | b'?' | b'!') && bytes.get(i + 1) == Some(&b' ') {
            let word_before = line[start..i].rsplit(' ').next().unwrap_or("");
            // ("a.m" is three bytes: it was never caught by the length test below.)
            let abbrev = word_before.eq_ignore_ascii_case("a.m")
                || word_before.eq_ignore_ascii_case("p.m")
                || word_before.len() <= 2
                    && (word_before.eq_ignore_ascii_case("a")
                        || word_before.eq_ignore_ascii_case("p")
                        || word_before.eq_ignore_ascii_case("dr")
                        || word_before.eq_ignore_ascii_case("mr")
                        || word_before.eq_ignore_ascii_case("ms")
                        || word_before.eq_ignore_ascii_case("st")
                        || word_before.eq_ignore_ascii_case("kl")
                        || word_before.chars().all(|c| c.is_ascii_digit()))
                || short_month_or_day(word_before)
                    && line[i + 2..].starts_with(|c: char| c.is_ascii_digit() || c.is_uppercase());
            if !abbrev {
                out.push(&line[start..=i]);
                start = i + 1;
            }
        }
    }
    out.push(&line[start..]);
    out
}

/// "Dec." or "Wed." before a date ("Wednesday, Dec. 2: 10:00 AM", "Wed. Dec 2"): no end of a
/// sentence.
fn short_month_or_day(word: &str) -> bool {
    const SHORT: [&str; 22] = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ];
    SHORT.iter().any(|s| word.eq_ignore_ascii_case(s))
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
        (None, Some(m), Some(d)) => {
            let next = |m: u32, d: u32| {
                [reference.year(), reference.year() + 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
                    .find(|date| *date >= reference && fits(*date))
            };
            // "Wed 10/06" from June: the 10th of June is a Wednesday sooner than 6 October.
            match (next(m, d), spec.either_order.then(|| next(d, m)).flatten()) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            }
        }
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
    // "Previous time (cancelled):" on a line of its own: the date-time under it no longer stands.
    let mut label_no_longer = false;
    for (line_no, line) in text.lines().enumerate() {
        if line.chars().count() > 2000
            || STAMP.is_match(line.trim())
            || is_date_line_stamp(line.trim())
        {
            continue;
        }
        // The message after a chat's stamp: the stamp is when it was sent.
        let line = CHAT_STAMP.find(line).map_or(line, |m| &line[m.end()..]);
        // "Tue 20/10/2026 17:31" under the sender's name at the top of a pasted mail: when it
        // was sent.
        if line_no < 8 && NUMERIC_STAMP.is_match(line.trim()) {
            continue;
        }
        // A blank line or the next label ends what a label covers.
        if line.trim().is_empty() {
            label_no_longer = false;
            continue;
        }
        if line.trim().ends_with(':') {
            let lower = line.to_lowercase();
            label_no_longer = spans::NO_LONGER_LABEL.is_match(line) && !lower.contains("new ");
        } else if label_no_longer {
            continue;
        }
        let mut line_had_date = false;
        for sentence in sentences(line) {
            let dates = dates_in(sentence);
            let times = times_in(sentence, &dates);
            let mut resolved: Vec<(usize, usize, Option<NaiveDate>, bool)> = Vec::new();
            for &(start, end, spec) in &dates {
                // "the clocks go back here on Sunday, so that will be 13:00 EET (12:00 in
                // Berlin)": the day of a clock change, and the times that convert, are no
                // interview.
                let deadline = DEADLINE_BEFORE.is_match(&sentence[..start])
                    || CLOCKS_CHANGE.is_match(&sentence[..start]);
                let mut date = resolve(spec, reference_day, previous);
                // "next week — could do Tues 11am or Wed 4pm": the days of the coming week,
                // not the next such day.
                if let (Some(w), None, None, None) =
                    (spec.weekday, spec.day, spec.month, spec.relative)
                {
                    if NEXT_WEEK.is_match(&sentence[..start]) {
                        let monday = reference_day
                            + Duration::days(
                                7 - i64::from(reference_day.weekday().num_days_from_monday()),
                            );
                        date = Some(monday + Duration::days(i64::from(w.num_days_from_monday())));
                    }
                }
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
                    *start >= tend
                        && (sentence[tend..*start].trim().len() <= 4
                            || ZONE_THEN_ON.is_match(&sentence[tend..*start]))
                });
                let Some((k, &(dstart, _, date, deadline))) = before.or(after) else {
                    if let Some((date, ref label, at)) = pending {
                        // "Time 09:30 – 16:00 (please arrive by 09:15 …)": an aside does not
                        // make the line long.
                        let own = sentence.split(" (").next().unwrap_or(sentence);
                        if line_no <= at + 2 && dates.is_empty() && own.trim().chars().count() <= 60
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
    let zone = match (
        spec.zone.or(context.hint),
        context.writer,
        context.reference,
    ) {
        (Some(z), _, _) => z,
        // No zone written: the sender's zone, when it agrees with the reference. Compared at
        // the reference moment: a message sent in BST about a day after the clocks change is
        // still from London.
        (None, Some(writer), Some(reference)) if writer.agrees_with(&reference) => writer,
        // "Can you swing by the shop Monday at 7am?": on the clock the message was written by.
        (None, None, Some(reference))
            if context.shared_clock && reference.offset().local_minus_utc() != 0 =>
        {
            let offset = reference.offset().local_minus_utc();
            // Unless every place on that clock keeps it until the interview: a clock change in
            // between makes the offset a guess.
            // (Morocco's clock, which stops for Ramadan, aside: it would make every February
            // at +01:00 a guess.)
            let keeps = chrono_tz::TZ_VARIANTS.iter().all(|tz| {
                if matches!(
                    tz,
                    chrono_tz::Tz::Africa__Casablanca | chrono_tz::Tz::Africa__El_Aaiun
                ) {
                    return true;
                }
                let zone = Zone::Region(*tz);
                !zone.agrees_with(&reference)
                    || zone
                        .at(local)
                        .is_some_and(|at| at.offset().local_minus_utc() == offset)
            });
            if !keeps {
                return;
            }
            Zone::Fixed(offset)
        }
        _ => return,
    };
    let Some(at) = zone.at(local) else { return };
    if crate::time::check("interview_at", &at).is_err() {
        return;
    }
    // Earlier than the message itself ("Thu, Mar 5, 2026 at 8:00 AM" printed above it): no
    // interview to come.
    if context
        .reference
        .is_some_and(|r| at < r - Duration::hours(1))
    {
        return;
    }
    if found.iter().any(|f| f.at == at) {
        return;
    }
    found.push(Found { at, text });
}

/// `moment` in the zone a time in `text` names for the same wall-clock time, if any ("10:30–11:15
/// AM Pacific" for 18:30 UTC in January): an invite's UTC start as its description states it.
pub fn as_stated(text: &str, moment: DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
    let hint = hint(text);
    let stated: Vec<DateTime<FixedOffset>> = text
        .lines()
        // As `find`: a line longer than any a person writes is no date line.
        .filter(|line| line.len() <= 8000 && line.chars().count() <= 2000)
        .flat_map(sentences)
        .flat_map(|s| times_in(s, &dates_in(s)))
        .filter_map(|(_, _, spec)| {
            let zone = spec.zone.or(hint)?;
            let day = moment.naive_utc().date();
            [day.pred_opt()?, day, day.succ_opt()?]
                .into_iter()
                .filter_map(|d| zone.at(d.and_time(spec.time)))
                .find(|at| *at == moment)
        })
        .collect();
    // "10:00 AM ET / 15:00 UTC": stated in UTC as well, so UTC stays.
    if stated.iter().any(|at| at.offset().local_minus_utc() == 0) {
        return None;
    }
    stated.into_iter().next()
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
mod tests;
