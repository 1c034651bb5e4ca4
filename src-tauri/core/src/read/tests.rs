//! `read` on small messages of our own and on hostile input.

use chrono::DateTime;

use super::*;

fn now() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-03T09:00:00+00:00").unwrap()
}

#[test]
fn a_pasted_invitation_fills_the_situation() {
    let text = "Subject: Interview confirmation – Backend Engineer (Platform)\n\nHi Tom,\n\nI'm pleased to confirm your first-round technical interview for the Backend Engineer (Platform) position at Brackenfold Systems.\n\nDate: Tuesday 10th November\nTime: 2:30pm CET (45 minutes)\n\nBest regards,\n\nCamille Roussel\nTalent Acquisition Partner\nBrackenfold Systems\ncamille.roussel@brackenfold.io\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Invitation);
    let s = &r.situation;
    assert_eq!(s.company.as_deref(), Some("Brackenfold Systems"));
    assert_eq!(s.role.as_deref(), Some("Backend Engineer (Platform)"));
    assert_eq!(s.interview_at.as_deref(), Some("2026-11-10T14:30:00+01:00"));
    assert_eq!(s.stage, Some(Stage::Scheduled));
    assert_eq!(s.origin_channel, Some(OriginChannel::Email));
    assert!(s.invited_at.is_none(), "pasted text has no date of its own");
    let c = s.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Camille Roussel"));
    assert_eq!(c.email.as_deref(), Some("camille.roussel@brackenfold.io"));
    assert!(r.evidence.contains_key("company"));
}

#[test]
fn a_reply_gets_its_intent_and_the_answer() {
    let text = "Hi Ben, thanks for letting me know. Was it something we did? Would be good to understand for next time. Cheers, Lucy";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Reply);
    let reply = r.reply.unwrap();
    assert_eq!(reply.intent, Intent::AsksReason);
    assert_eq!(reply.scenario, Some(MessageKind::PushbackPrivate));
    assert_eq!(r.situation.contact.unwrap().name.as_deref(), Some("Lucy"));
}

#[test]
fn nothing_is_guessed() {
    let r = read(b"Hello there, how are you?", now()).unwrap();
    assert_eq!(r.kind, Kind::Other);
    assert_eq!(r.situation.company, None);
    assert_eq!(r.situation.interview_at, None);
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    assert!(read(b"", now()).is_err());
    assert!(read(b" \n\t", now()).is_err());
    assert!(read(b"\xff\xfe\x00bad", now()).is_err());
    assert!(read(&vec![b'a'; MAX_READ_BYTES + 1], now()).is_err());
}

#[test]
fn hostile_input_is_read_literally_and_never_panics() {
    let mut deep = String::from("Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: a@b.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n");
    for i in 0..200 {
        deep.push_str(&format!(
            "Content-Type: multipart/mixed; boundary=\"b{i}\"\r\n\r\n--b{i}\r\n"
        ));
    }
    deep.push_str(
        "Content-Type: text/plain\r\n\r\nHello {{ company }} <script>alert(1)</script>\r\n",
    );
    let huge_header = format!(
        "Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: a@b.example\r\nSubject: {}\r\nMIME-Version: 1.0\r\n\r\nbody",
        "x".repeat(500_000)
    );
    let html = format!(
        "Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: a@b.example\r\nMIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n{}<p>{{{{ role }}}}</p><script>document.write('x')</script>{}",
        "<div>".repeat(20_000),
        "</div>".repeat(20_000)
    );
    let broken = b"Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: =?utf-8?b?////?= <a@b.example>\r\nSubject: =?x-unknown?q?=ZZ?=\r\nMIME-Version: 1.0\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64***\r\n";
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:99991231T235959Z\nSUMMARY:{{ x }} <script>\nEND:VEVENT\nEND:VCALENDAR\n";
    for input in [
        deep.as_bytes(),
        huge_header.as_bytes(),
        html.as_bytes(),
        broken,
        ics.as_bytes(),
    ] {
        if let Ok(r) = read(input, now()) {
            let json = serde_json::to_string(&r).unwrap();
            assert!(
                !json.contains("9999-"),
                "every date-time passes time::check"
            );
        }
    }
    let r = read(
        "Subject: {{ company }} <script>alert(1)</script>\n\nHi".as_bytes(),
        now(),
    )
    .unwrap();
    assert!(
        r.evidence.get("kind").unwrap().contains("<script>"),
        "text is kept literally"
    );
}

#[test]
fn an_emails_decoded_text_is_given_to_keep_and_pasted_text_is_kept_as_given() {
    let eml = "Date: Tue, 03 Nov 2026 10:00:00 +0000\r\nFrom: Lucy Hart <lucy@tallow.example>\r\nTo: Ben <ben@example.org>\r\nSubject: =?UTF-8?Q?Re=3A_Your_application_=E2=80=93_Analyst?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nHi Ben, thanks for letting me know. Was it something we did? Caf=C3=A9 chat =\r\nany time.\r\n\r\nLucy\r\n";
    let r = read(eml.as_bytes(), now()).unwrap();
    assert_eq!(r.format, Format::Eml);
    assert!(
        r.text
            .starts_with("Subject: Re: Your application – Analyst\n\nHi Ben, thanks"),
        "{}",
        r.text
    );
    assert!(r.text.contains("Café chat any time."), "{}", r.text);
    assert!(!r.text.contains("Content-Transfer-Encoding"));
    let pasted = read(b"Hi Ben, thanks for letting me know. Cheers, Lucy", now()).unwrap();
    assert_eq!(pasted.text, "", "pasted text is kept as it was given");
    assert!(serde_json::to_value(&pasted).unwrap().get("text").is_none());
}
