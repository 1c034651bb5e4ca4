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

#[test]
fn day_and_month_with_dots_as_german_writes_them() {
    assert_eq!(
        all(
            "- Dienstag, 17.11., 10:00 Uhr MEZ\n- Donnerstag, 19.11.2026, 14:30 Uhr MEZ",
            "2026-11-03T09:00:00+01:00"
        ),
        ["2026-11-17T10:00:00+01:00", "2026-11-19T14:30:00+01:00"]
    );
    // A time with a dot at the end of a sentence is no date.
    assert_eq!(
        all(
            "Wir sehen uns am 17. November um 10.30.",
            "2026-11-03T09:00:00+01:00"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn zones_named_around_the_clock_and_shared_along_a_sentence() {
    let r = "2026-11-03T09:00:00+00:00";
    // A name the table does not know, then the offset in brackets.
    assert_eq!(
        all("Tuesday 10 November at 3:00 PM Gulf office time (GMT+4)", r),
        ["2026-11-10T15:00:00+04:00"]
    );
    // "noon" and Argentina's "hs" between the clock and the zone.
    assert_eq!(
        all("on Sunday 15 November 2026 at 12:00 noon Cairo time", r),
        ["2026-11-15T12:00:00+02:00"]
    );
    assert_eq!(
        all("- Thursday 19/11 at 10 hs (UTC-03:00)", r),
        ["2026-11-19T10:00:00-03:00"]
    );
    // A list's zone as one word: "(all times Pacific)".
    let list = "Please pick one (all times Pacific):\n- Tuesday, Nov 10, 10:00–11:30am";
    assert_eq!(
        hint(list).and_then(|z| z.at(at(r).date_naive().and_hms_opt(9, 0, 0).unwrap())),
        Some(at("2026-11-03T09:00:00-08:00"))
    );
    // A second time in the sentence shares the first one's zone, unless the sentence converts.
    assert_eq!(
        all(
            "I can do Monday 9th November, 4pm WAT or Tuesday 10th, 11am.",
            r
        ),
        ["2026-11-09T16:00:00+01:00", "2026-11-10T11:00:00+01:00"]
    );
    assert_eq!(
        all(
            "- Thursday 12 November, 14:00 CET (15:00 for you in Nairobi)",
            r
        ),
        ["2026-11-12T14:00:00+01:00"]
    );
}

#[test]
fn outlooks_offset_labels_dashed_dates_hour_words_in_ranges_and_times_that_no_longer_stand() {
    let r = "2026-04-10T09:00:00-04:00";
    // Outlook labels the zone by its standard offset; the region's summer time is in force.
    assert_eq!(
        all("When: Wednesday, April 22, 2026 2:00 PM-3:00 PM (UTC-05:00) Eastern Time (US & Canada).", r),
        ["2026-04-22T14:00:00-04:00"]
    );
    assert_eq!(
        all(
            "When: Thursday, April 23, 2026 10:00-11:00 (UTC+01:00) Amsterdam, Berlin, Bern, Rome",
            r
        ),
        ["2026-04-23T10:00:00+02:00"]
    );
    // A day-first date with dashes and its weekday; "hrs" before a range's dash.
    assert_eq!(
        all(
            "Date 18-06-2026 (Thursday)\nTime 14:00 hrs – 15:00 hrs IST (GMT+05:30)",
            r
        ),
        ["2026-06-18T14:00:00+05:30"]
    );
    // The weekday picks the reading of an ambiguous date: 05/06/2026 was a Friday in June.
    assert_eq!(
        all("Friday 05/06/2026 at 10:00 CEST", r),
        ["2026-06-05T10:00:00+02:00"]
    );
    // A cancelled time is not the interview.
    assert_eq!(
        all("Previous time (cancelled): Friday, 12 June 2026, 11:00 AM IST\nNew time: Monday, 15 June 2026, 3:30 PM - 4:30 PM IST", r),
        ["2026-06-15T15:30:00+05:30"]
    );
    // An aside does not keep a time line from its date on the line before.
    assert_eq!(
        all("Date   Wednesday 2 December 2026\nTime   09:30 – 16:00 GMT (please arrive by 09:15 to sign in at security)", r),
        ["2026-12-02T09:30:00+00:00"]
    );
}

#[test]
fn an_abbreviated_month_with_a_dot_ends_no_sentence() {
    assert_eq!(
        all(
            "Wednesday, Dec. 2: 10:00 AM CT or 2:00 PM CT\nThursday, Dec. 3: 9:30 AM CT",
            "2026-11-25T09:40:00-06:00"
        ),
        [
            "2026-12-02T10:00:00-06:00",
            "2026-12-02T14:00:00-06:00",
            "2026-12-03T09:30:00-06:00"
        ]
    );
}

#[test]
fn a_long_zone_name_then_its_offset() {
    assert_eq!(
        all(
            "When: Thursday, 11 September 2025, 10:00 – 10:45 (Gulf Standard Time, UTC+4)",
            "2025-09-01T07:20:33+00:00"
        ),
        ["2025-09-11T10:00:00+04:00"]
    );
}

#[test]
fn a_weekday_in_brackets_after_a_dotted_date_or_an_ordinal_after_a_weekday() {
    assert_eq!(
        all(
            "05.05.2026 (Tuesday) 10:00 – 11:00 CEST\n07.05.2026 (Thursday) 09:00 – 10:00 CEST",
            "2026-04-28T09:17:55+02:00"
        ),
        ["2026-05-05T10:00:00+02:00", "2026-05-07T09:00:00+02:00"]
    );
    // "Thu 5th": the 5th after the date before it, a Thursday.
    assert_eq!(
        all(
            "Could you do either Tue 3rd Feb at 10am GMT or Thu 5th at 3pm GMT?",
            "2026-01-27T18:00:00+00:00"
        ),
        ["2026-02-03T10:00:00+00:00", "2026-02-05T15:00:00+00:00"]
    );
}

#[test]
fn a_time_offered_as_the_other_choice_takes_the_zone_named_after_both() {
    assert_eq!(
        all(
            "I could do Thursday 10/22 at 3pm or Friday 10/23 at 9am Pacific, an hour either way.",
            "2026-10-16T16:47:00-07:00"
        ),
        ["2026-10-22T15:00:00-07:00", "2026-10-23T09:00:00-07:00"]
    );
    assert_eq!(
        all(
            "I could do either Monday at 9:00 or Wednesday at 17:00 (CET), both next week.",
            "2026-11-12T10:00:00+01:00"
        ),
        ["2026-11-16T09:00:00+01:00", "2026-11-18T17:00:00+01:00"]
    );
    // A time in another sentence is not the other choice.
    assert_eq!(
        all(
            "We start Thursday 10/22 at 3pm. Or Friday 10/23 at 9am Pacific.",
            "2026-10-16T16:47:00-07:00"
        ),
        ["2026-10-23T09:00:00-07:00"]
    );
}

#[test]
fn a_zone_named_for_both_times_in_an_aside() {
    assert_eq!(
        hint("I can do either of these (both ET, 60 min with me and Sofia):").map(|z| z
            .of_instant(&at("2026-10-06T15:00:00+00:00"))
            .unwrap()
            .to_rfc3339()),
        Some("2026-10-06T11:00:00-04:00".to_owned())
    );
}

#[test]
fn a_clock_change_and_a_prep_call_are_no_interview() {
    assert_eq!(
        all(
            "How about Tuesday 28 October at 13:00 EET? Note the clocks go back here on Sunday, so that will be 13:00 EET (12:00 in Berlin, 11:00 in London).",
            "2025-10-22T15:37:48+03:00"
        ),
        ["2025-10-28T13:00:00+02:00"]
    );
    assert_eq!(
        all(
            "Your conversation is set for Tuesday, December 8, 2026, 4:00 PM ET. I'll call you Monday afternoon to prepare – would 2:00 PM ET suit?",
            "2026-12-04T13:20:00-05:00"
        ),
        ["2026-12-08T16:00:00-05:00"]
    );
}

#[test]
fn the_writers_own_time_named_in_brackets() {
    assert_eq!(
        all(
            "Would 9am my time (Central) on Thursday 19 March work for you?",
            "2026-03-16T17:48:02-05:00"
        ),
        ["2026-03-19T09:00:00-05:00"]
    );
}

#[test]
fn a_places_clock_in_spanish() {
    assert_eq!(
        all(
            "- Martes 9 de junio, 11:00 hrs (hora del centro de México)\n- Miércoles 10 de junio, 17:00 hrs (hora del centro de México)",
            "2026-06-03T18:27:44-06:00"
        ),
        ["2026-06-09T11:00:00-06:00", "2026-06-10T17:00:00-06:00"]
    );
}
