use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::{America::New_York, Europe::London};

use super::*;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn an_invitation_gets_24_and_72_hour_replies_and_a_cancellation_48_hours_ahead() {
    let invited = utc("2026-11-25T09:30:00Z");
    let interview = utc("2026-12-03T14:00:00Z");
    let plan = for_invitation(invited, Some(interview), utc("2026-11-25T10:00:00Z"));
    assert_eq!(
        plan,
        [
            Planned {
                kind: ReminderKind::RespondIdeal,
                due_at: utc("2026-11-26T09:30:00Z")
            },
            Planned {
                kind: ReminderKind::RespondLastCall,
                due_at: utc("2026-11-28T09:30:00Z")
            },
            Planned {
                kind: ReminderKind::CancelInterview,
                due_at: utc("2026-12-01T14:00:00Z")
            },
        ]
    );
    // Logged two days late: the ideal moment has passed, the last call has not.
    let late = for_invitation(invited, None, utc("2026-11-27T12:00:00Z"));
    assert_eq!(
        late,
        [Planned {
            kind: ReminderKind::RespondLastCall,
            due_at: utc("2026-11-28T09:30:00Z")
        }]
    );
    // An interview tomorrow: cancel now; one already past: nothing.
    let soon = for_invitation(
        invited,
        Some(utc("2026-11-28T09:00:00Z")),
        utc("2026-11-27T12:00:00Z"),
    );
    assert_eq!(
        soon.last().unwrap(),
        &Planned {
            kind: ReminderKind::CancelInterview,
            due_at: utc("2026-11-27T12:00:00Z")
        }
    );
    assert!(for_invitation(
        invited,
        Some(utc("2026-11-26T09:00:00Z")),
        utc("2026-11-30T00:00:00Z")
    )
    .is_empty());
}

#[test]
fn a_decline_schedules_confirmation_follow_up_and_optionally_a_reply_check() {
    let sent = utc("2026-11-26T15:00:00Z");
    let phone = for_decline("phone", sent, 6, true, &London);
    let kinds: Vec<ReminderKind> = phone.iter().map(|p| p.kind).collect();
    assert_eq!(
        kinds,
        [
            ReminderKind::ConfirmByEmail,
            ReminderKind::FollowUp,
            ReminderKind::AwaitingReply
        ]
    );
    assert_eq!(phone[0].due_at, utc("2026-11-26T16:00:00Z"));
    assert_eq!(
        phone[1].due_at,
        utc("2027-05-26T14:00:00Z"),
        "15:00 London in May is 14:00 UTC"
    );
    assert_eq!(phone[2].due_at, utc("2026-12-03T15:00:00Z"));
    let email = for_decline("email", sent, 12, false, &London);
    assert_eq!(
        email,
        [Planned {
            kind: ReminderKind::FollowUp,
            due_at: utc("2027-11-26T15:00:00Z")
        }]
    );
    assert!(check_months(5).is_err() && check_months(13).is_err());
    assert_eq!(check_months(9).unwrap(), 9);
}

#[test]
fn months_keep_the_wall_clock_time_and_clamp_the_day() {
    // 31 August + 6 months → 28 February (2027 is not a leap year), same local time.
    let at = London
        .with_ymd_and_hms(2026, 8, 31, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    let due = add_months(at, 6, &London).with_timezone(&London);
    assert_eq!(due.to_rfc3339(), "2027-02-28T10:00:00+00:00");
    let at = New_York
        .with_ymd_and_hms(2027, 8, 31, 10, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        add_months(at, 6, &New_York)
            .with_timezone(&New_York)
            .to_rfc3339(),
        "2028-02-29T10:00:00-05:00"
    );
}

#[test]
fn spring_forward_keeps_morning_reminders_at_nine_local() {
    // London springs forward at 01:00 UTC on Sunday 29 March 2026 (GMT → BST).
    let saturday_evening = utc("2026-03-28T20:00:00Z");
    let tomorrow = snooze_until(
        Snooze::Tomorrow,
        saturday_evening,
        saturday_evening,
        &London,
    )
    .unwrap();
    assert_eq!(
        tomorrow,
        utc("2026-03-29T08:00:00Z"),
        "09:00 BST is 08:00 UTC"
    );
    let next_week = snooze_until(
        Snooze::NextWeek,
        saturday_evening,
        saturday_evening,
        &London,
    )
    .unwrap();
    assert_eq!(next_week, utc("2026-04-04T08:00:00Z"));
    // An hour is an hour, whatever the clocks do.
    assert_eq!(
        snooze_until(
            Snooze::Hour,
            utc("2026-03-29T00:30:00Z"),
            utc("2026-03-29T00:30:00Z"),
            &London
        )
        .unwrap(),
        utc("2026-03-29T01:30:00Z")
    );
    // A wall-clock time inside the gap (01:30 does not exist that night) moves past it.
    let gap = resolve(
        &London,
        chrono::NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(),
        chrono::NaiveTime::from_hms_opt(1, 30, 0).unwrap(),
    );
    assert_eq!(
        gap,
        utc("2026-03-29T01:00:00Z"),
        "02:00 BST, the first time after the gap"
    );
    // New York: 8 March 2026. Six months before a September 09:00 is a March 09:00.
    let sept = New_York
        .with_ymd_and_hms(2025, 9, 8, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(
        add_months(sept, 6, &New_York),
        utc("2026-03-08T13:00:00Z"),
        "09:00 EDT on the switch day"
    );
}

#[test]
fn fall_back_keeps_morning_reminders_at_nine_local_and_takes_the_first_of_two_times() {
    // London falls back at 01:00 UTC on Sunday 25 October 2026 (BST → GMT).
    let saturday_evening = utc("2026-10-24T20:00:00Z");
    assert_eq!(
        snooze_until(
            Snooze::Tomorrow,
            saturday_evening,
            saturday_evening,
            &London
        )
        .unwrap(),
        utc("2026-10-25T09:00:00Z"),
        "09:00 GMT"
    );
    // 01:30 happens twice that night: the first one (BST).
    let twice = resolve(
        &London,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(),
        chrono::NaiveTime::from_hms_opt(1, 30, 0).unwrap(),
    );
    assert_eq!(twice, utc("2026-10-25T00:30:00Z"));
    // New York falls back on 1 November 2026: a follow-up made at 09:00 EDT in May lands at 09:00 EST.
    let may = New_York
        .with_ymd_and_hms(2026, 5, 1, 9, 0, 0)
        .unwrap()
        .with_timezone(&Utc);
    assert_eq!(add_months(may, 6, &New_York), utc("2026-11-01T14:00:00Z"));
    // The stored instant is UTC; shown in New York it reads 09:00 again.
    assert_eq!(
        add_months(may, 6, &New_York)
            .with_timezone(&New_York)
            .format("%H:%M")
            .to_string(),
        "09:00"
    );
}

#[test]
fn a_picked_date_must_be_ahead() {
    let now = utc("2026-11-26T12:00:00Z");
    let err = snooze_until(
        Snooze::Until {
            at: utc("2026-11-26T11:59:00Z"),
        },
        now,
        now,
        &Utc,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("until: is in the past"),
        "{err}"
    );
    assert_eq!(
        snooze_until(
            Snooze::Until {
                at: utc("2027-01-01T00:00:00Z")
            },
            now,
            now,
            &Utc
        )
        .unwrap(),
        utc("2027-01-01T00:00:00Z")
    );
}

#[test]
fn a_snooze_only_ever_moves_a_reminder_later() {
    // A follow-up due in June, snoozed in December: an hour after June's time, never "today".
    let now = utc("2026-12-01T10:00:00Z");
    let june = utc("2027-06-01T08:00:00Z");
    assert_eq!(
        snooze_until(Snooze::Hour, june, now, &London).unwrap(),
        utc("2027-06-01T09:00:00Z")
    );
    assert_eq!(
        snooze_until(Snooze::Tomorrow, june, now, &London).unwrap(),
        utc("2027-06-02T08:00:00Z"),
        "09:00 BST the day after it was due"
    );
    let err = snooze_until(
        Snooze::Until {
            at: utc("2027-01-01T09:00:00Z"),
        },
        june,
        now,
        &London,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("moves it later"), "{err}");
    // An overdue reminder snoozes from now.
    let overdue = utc("2026-11-30T08:00:00Z");
    assert_eq!(
        snooze_until(Snooze::Hour, overdue, now, &London).unwrap(),
        utc("2026-12-01T11:00:00Z")
    );
    for s in [Snooze::Hour, Snooze::Tomorrow, Snooze::NextWeek] {
        for due in [june, overdue, now] {
            assert!(
                snooze_until(s, due, now, &London).unwrap() > due.max(now),
                "{s:?} from {due}"
            );
        }
    }
}

#[test]
fn an_invitation_past_both_reply_moments_gets_a_reply_now_reminder() {
    let now = utc("2026-12-01T10:00:00Z");
    let planned = for_invitation(now - Duration::hours(80), None, now);
    assert_eq!(
        planned,
        vec![Planned {
            kind: ReminderKind::RespondLastCall,
            due_at: now
        }],
        "the most urgent case is not left without a reminder"
    );
    assert_eq!(
        for_invitation(now - Duration::hours(30), None, now).len(),
        1,
        "only the last call ahead"
    );
}

#[test]
fn summaries_name_the_company_and_custom_titles_win() {
    assert_eq!(
        ReminderKind::RespondIdeal.summary("Acme Robotics", None),
        "Reply to Acme Robotics today"
    );
    assert_eq!(
        ReminderKind::ConfirmByEmail.summary(" ", None),
        "Confirm your call with the company by email"
    );
    assert_eq!(
        ReminderKind::Custom.summary("Acme", Some("Send the thank-you card")),
        "Send the thank-you card"
    );
    for k in ReminderKind::ALL {
        assert_eq!(ReminderKind::parse(k.as_str()), Some(k));
        assert!(k.why().ends_with('.') || k == ReminderKind::Custom);
    }
}

#[test]
fn groups_count_days_in_the_local_time_zone() {
    let now = utc("2026-11-26T22:30:00Z"); // 17:30 in New York, 22:30 in London
    assert_eq!(
        group(utc("2026-11-26T22:00:00Z"), true, now, &London),
        Group::Overdue
    );
    assert_eq!(
        group(utc("2026-11-26T23:30:00Z"), true, now, &London),
        Group::Today
    );
    assert_eq!(
        group(utc("2026-11-27T00:30:00Z"), true, now, &London),
        Group::Upcoming,
        "after midnight in London"
    );
    assert_eq!(
        group(utc("2026-11-27T00:30:00Z"), true, now, &New_York),
        Group::Today,
        "still the 26th in New York"
    );
    assert_eq!(
        group(utc("2026-11-20T00:00:00Z"), false, now, &London),
        Group::Closed
    );
}
