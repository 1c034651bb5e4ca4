//! Date-times as Politely accepts them: RFC 3339 with an offset, in the years 1970 to 2200. Every
//! date-time from outside (a Situation, a reminder, an import, the window) passes through here,
//! so no date arithmetic anywhere can overflow and no far-future typo is stored or announced.

use chrono::{DateTime, Datelike, TimeZone, Utc};

use crate::{Error, Result};

/// The first and last year accepted.
pub const YEARS: (i32, i32) = (1970, 2200);

/// `Ok` when `at` falls in [`YEARS`]; else an error naming `field` and what is accepted.
pub fn check<Tz: TimeZone>(field: &str, at: &DateTime<Tz>) -> Result<()> {
    let year = at.with_timezone(&Utc).year();
    if (YEARS.0..=YEARS.1).contains(&year) {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!(
                "is in the year {year}; Politely accepts dates from {} to {}",
                YEARS.0, YEARS.1
            ),
        ))
    }
}

/// Reads an RFC 3339 date-time given for `field` (in range), or says what is accepted.
pub fn parse(field: &str, value: &str) -> Result<DateTime<Utc>> {
    let at = DateTime::parse_from_rfc3339(value.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::invalid(
                field,
                format!(
                    "“{}” is not a date-time like 2026-11-26T14:30:00+01:00",
                    shown(value)
                ),
            )
        })?;
    check(field, &at)?;
    Ok(at)
}

/// [`parse`], in the stored form: UTC, whole seconds.
pub fn stored(field: &str, value: &str) -> Result<String> {
    parse(field, value).map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// A value as it appears in a message: at most 40 characters, control characters as `�`.
fn shown(value: &str) -> String {
    let mut out: String = value
        .chars()
        .take(40)
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c })
        .collect();
    if value.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_years_1970_to_2200_pass() {
        assert!(parse("due", "2026-11-26T09:00:00+01:00").is_ok());
        assert!(parse("due", "1970-01-01T00:00:00Z").is_ok());
        assert!(parse("due", "2200-12-31T23:59:59Z").is_ok());
        for far in [
            "9999-12-31T23:59:59-14:00",
            "+262142-12-31T23:59:59Z",
            "1969-12-31T23:59:59Z",
            "2201-01-01T00:00:00Z",
        ] {
            let e = parse("due", far).expect_err(far).to_string();
            assert!(
                e.contains("Politely accepts dates from 1970 to 2200")
                    || e.contains("is not a date-time"),
                "{far}: {e}"
            );
        }
        let e = parse("due", "\u{1b}[31mred").unwrap_err().to_string();
        assert!(
            !e.contains('\u{1b}'),
            "no escape sequence in a message: {e:?}"
        );
    }
}
