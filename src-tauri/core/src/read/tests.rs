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
fn a_pasted_linkedin_conversation_names_its_sender() {
    let text = "Noor Haddad\nMar 14, 2026\nNoor Haddad  5:58 PM\nThanks for letting me know, all the best with the move!\n\nWrite a message…\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Reply);
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Noor Haddad"));
}

#[test]
fn a_greeting_is_no_platform_card() {
    let text = "Hello Aisha,\n\nI'm pleased to let you know that the team at Fennick Labs would like to invite you to an interview for the Data Engineer position.\n\nMany thanks,\nGareth Lloyd-Evans\nRecruitment Partner, Fennick Labs\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Gareth Lloyd-Evans"));
}

#[test]
fn a_reply_is_read_by_what_it_asks_not_by_its_footer() {
    let intent = |text: &str| read(text.as_bytes(), now()).unwrap().reply.unwrap().intent;
    // A mailbox's footer under the signature does not make an acknowledgement automatic. (A
    // system's "Your application has been withdrawn as requested." is another matter: since
    // the corpus has tools' confirmations keyed `other`, the model reads that line as one.)
    assert_eq!(
        intent("Dear Monica,\n\nThank you for letting us know, and all the best with the new role.\n\nSincerely,\nPriya Nair\nQuillfern Health\n\nPlease do not reply to this email; this mailbox is not monitored.\n"),
        Intent::Acknowledged
    );
    // A question asking why outranks a survey mentioned on the side.
    assert_eq!(
        intent("Hi Darnell,\n\nThanks for letting me know. Would you be willing to share what led to your decision?\n\nSeparately, you'll get a short automated survey from our system.\n\nBest,\nRachel\n"),
        Intent::AsksReason
    );
    // "What made you change your mind?" asks for a reason.
    assert_eq!(
        intent("Sorry to hear that! Can I ask what made you change your mind?\n\nAna\n"),
        Intent::AsksReason
    );
    // Keeping a profile on file for the future is no offer of another role.
    assert_eq!(
        intent("No worries at all, thanks for letting me know. We'll keep your details on file, so if something else comes up we might be in touch.\n\nCheers,\nLiam\n"),
        Intent::Acknowledged
    );
}

#[test]
fn a_newsletter_and_a_proposal_are_told_apart_from_what_they_resemble() {
    let newsletter = "This week:\n• Five questions worth asking in a final round\nReader question: \"A recruiter keeps calling after I said no.\"\nRead the full issue →\nYou're receiving this because you subscribed. Unsubscribe\n";
    assert_eq!(
        read(newsletter.as_bytes(), now()).unwrap().kind,
        Kind::Other
    );
    // A wish to see the user on a day is an invitation, not a booking.
    let proposal = "Hi Sam,\n\nThey'd like to see you Friday 16th October at 10:30am BST at their Swindon office. Does that work?\n\nBest,\nJo Reed\nConsultant, Harbour Search\n";
    let r = read(proposal.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Invitation);
    assert_eq!(r.situation.stage, Some(Stage::Invited));
    // "See you Monday … the invite has been sent": a booking.
    let booked = "Subject: Re: Technical round - Backend Developer\n\nHi Arjun,\n\nThanks for confirming! See you Monday 30 November at 15:00 IST - the calendar invite has been sent.\n\nRegards,\nPooja Malhotra\nTalent Acquisition Lead\nVastrika Technologies\n";
    let r = read(booked.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.stage, Some(Stage::Scheduled));
}

#[test]
fn the_role_is_the_job_next_to_its_noun() {
    let text = "Hi Ana,\n\nThanks for letting me know. For what it's worth, we've been approved up to a higher band for the right person in the Senior Network Engineer role. Would you reconsider?\n\nBest,\nFarah\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.role.as_deref(), Some("Senior Network Engineer"));
}

#[test]
fn a_company_split_from_the_title_line_is_one_even_as_one_word() {
    let text = "Hi Sam,\n\nThanks for applying! Would you be free for a first call next week?\n\nBest,\nSegun Adebayo\nEngineering Recruiter | Quorvane\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Quorvane"));
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

#[test]
fn a_whole_linkedin_conversation_is_read_from_the_other_persons_last_message() {
    // Copied whole: their card, days, the user's decline, then their answer.
    let text = "Noor Haddad (She/Her) · 1st\nTalent Partner at Quillhaven Labs\n\nOCT 28\nSam Whitfield  5:31 PM\nHi Noor - I've decided to pass on the Data Engineer role. Thanks for thinking of me.\n\nTODAY\nNoor Haddad  9:14 AM\nTotally understand, Sam. Would you mind telling me what put you off?\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Reply);
    assert_eq!(r.reply.unwrap().intent, Intent::AsksReason);
    let s = &r.situation;
    assert_eq!(s.origin_channel, Some(OriginChannel::Linkedin));
    assert_eq!(s.company.as_deref(), Some("Quillhaven Labs"));
    let c = s.contact.as_ref().unwrap();
    assert_eq!(c.name.as_deref(), Some("Noor Haddad"));
    assert_eq!(c.title.as_deref(), Some("Talent Partner"));
    // The user's own words are quoted, not the new content.
    let doc = super::input::decode(text.as_bytes()).unwrap();
    assert!(doc.body.starts_with("Totally understand"), "{:?}", doc.body);
    assert!(
        doc.quoted.contains("pass on the Data Engineer role"),
        "{:?}",
        doc.quoted
    );
}

#[test]
fn times_keep_a_spelled_meridiem_a_ranges_meridiem_and_a_named_place() {
    let at = |line: &str| {
        let text = format!("Hi Sam,\n\nWe'd like to invite you to interview for the Analyst role.\n{line}\n\nBest,\nJo Reed\n");
        let r = read(text.as_bytes(), now()).unwrap();
        (
            r.situation.interview_at.clone(),
            r.interview_options.clone(),
        )
    };
    // "a.m." does not end the sentence before its zone.
    assert_eq!(
        at("Would Wednesday, November 11 at 10:00 a.m. Eastern work?")
            .0
            .as_deref(),
        Some("2026-11-11T10:00:00-05:00")
    );
    // A range's end gives its start the meridiem ("1:00-1:45pm" starts at 1pm, "11-12pm" at 11am).
    let (_, options) = at("- Tue 11/10, 1:00-1:45pm PT\n- Wed 11/11, 11-12pm PT");
    assert_eq!(
        options,
        vec![
            "2026-11-10T13:00:00-08:00".to_owned(),
            "2026-11-11T11:00:00-08:00".to_owned()
        ]
    );
    // Places named with "time" or in brackets, beyond the few the rules first knew.
    assert_eq!(
        at("Could you do Tuesday 10 November at 9:30am (NZ time)?")
            .0
            .as_deref(),
        Some("2026-11-10T09:30:00+13:00")
    );
    assert_eq!(
        at("Could you do Tuesday 10 November at 11:00 Helsinki time?")
            .0
            .as_deref(),
        Some("2026-11-10T11:00:00+02:00")
    );
}

#[test]
fn an_ordinary_sentence_opening_names_no_client_and_legal_forms_go_without_their_dot() {
    let text = "Hi Sam,\n\nI'm working on a Head of Data search for a fintech client (can't name them yet).\n\nPackage is strong: £120k base plus equity.\n\nWould you be open to a call on Thursday 12 November at 10:00 GMT?\n\nTom Ashworth\nPrincipal Consultant\nBrackenfield Talent\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_ne!(r.situation.company.as_deref(), Some("Package"));
    assert_eq!(
        super::words::strip_legal("Maasvlakte AI B.V"),
        "Maasvlakte AI"
    );
    assert_eq!(
        super::words::strip_legal("Brera Digital S.r.l"),
        "Brera Digital"
    );
}

#[test]
fn linkedin_s_own_lines_in_a_copied_conversation_are_not_the_message() {
    let text = "Beth Rowntree\nRecruitment Consultant at Chalkline Education\n\nMAR 3\nHannah Bellamy sent the following message at 8:02 PM\nView Hannah’s profile\nHannah Bellamy\nHi Beth, I've decided not to go ahead with the interview for the Year 4 teacher post.\n\nTODAY\nBeth Rowntree sent the following message at 4:51 PM\nView Beth’s profileBeth Rowntree\nBeth Rowntree  4:51 PM\nThanks for letting me know, Hannah. Would you be interested in a Year 2 cover role instead?\n";
    let doc = super::input::decode(text.as_bytes()).unwrap();
    assert!(
        doc.body.starts_with("Thanks for letting me know"),
        "{:?}",
        doc.body
    );
    assert!(!doc.body.contains("View"), "{:?}", doc.body);
    assert!(
        doc.quoted.contains("Year 4 teacher post"),
        "{:?}",
        doc.quoted
    );
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Beth Rowntree"));
    assert_eq!(c.title.as_deref(), Some("Recruitment Consultant"));
}

#[test]
fn a_teams_mailbox_is_nobodys_address_and_names_are_written_plainly() {
    let text = "From: \"Ng, Jessica\" <careers@quillhaven.example>\nDate: Tue, 3 Nov 2026 09:00:00 +0000\nSubject: Interview - Data Analyst\nMessage-ID: <a@quillhaven.example>\nMIME-Version: 1.0\nContent-Type: text/plain\n\nHi Sam,\n\nWe'd like to invite you to interview for the Data Analyst role on Tuesday 10 November at 14:00 GMT.\n\nBest,\nJessica Ng\nTalent Partner\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Jessica Ng"));
    assert_eq!(c.email, None, "careers@ is the team's, not hers");
    assert_eq!(
        super::people::plain_name("Dr. Katrin Schäfer"),
        "Katrin Schäfer"
    );
    assert_eq!(super::people::plain_name("Dr. Who"), "Dr. Who");
}

#[test]
fn a_zone_named_for_a_list_applies_to_its_slots_and_a_bold_deadline_is_still_a_deadline() {
    let slots = "Subject: Interview Invitation - Java Developer\n\nDear Aditi,\n\nKindly confirm your availability for any one of the below slots (IST):\n\n1) Thu, 12 Nov 2026 - 11:00 AM\n2) Fri, 13 Nov 2026 - 03:30 PM\n\nThanks & Regards,\nHarini S\nHR Executive\n";
    let r = read(slots.as_bytes(), now()).unwrap();
    assert_eq!(
        r.interview_options,
        vec![
            "2026-11-12T11:00:00+05:30".to_owned(),
            "2026-11-13T15:30:00+05:30".to_owned()
        ]
    );
    // HTML's bold comes through as ** around the deadline's time: it stays a deadline.
    let html = "From: Bridget Moore <bridget@yarrabend.example>\nTo: Hannah <hannah@mail.example>\nDate: Mon, 2 Nov 2026 16:22:50 +1100\nSubject: Your interview\nMessage-ID: <b@yarrabend.example>\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<p>Hi Hannah, your interview is locked in: Wednesday 11 November, 2:00pm (AEDT).</p><p>Please complete the assessment by <strong>11:59pm Sunday 8 November</strong>.</p><p>Bridget Moore<br>Talent Partner</p>\n";
    let r = read(html.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-11T14:00:00+11:00")
    );
    assert!(r.interview_options.is_empty(), "{:?}", r.interview_options);
}

#[test]
fn credentials_after_a_name_and_pronouns_on_their_own_line_are_no_obstacle() {
    assert_eq!(
        super::words::person_name("Graham Whitlock, P.Eng.").as_deref(),
        Some("Graham Whitlock")
    );
    assert_eq!(
        super::words::person_name("Amara Obi, MBA, CIPD").as_deref(),
        Some("Amara Obi")
    );
    let chat = "Talia Brennan\n (She/Her) · 2nd\nTalent Acquisition Partner at Hollowpine Games\nNOV 9\nTalia Brennan   4:51 PM\nHi Jordan! Would you be up for a quick intro call about the Senior Gameplay Engineer role?\n";
    let r = read(chat.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Talia Brennan"));
    assert_eq!(c.title.as_deref(), Some("Talent Acquisition Partner"));
    assert_eq!(r.situation.company.as_deref(), Some("Hollowpine Games"));
}

#[test]
fn a_recruiter_who_booked_the_slot_themselves_has_scheduled_it() {
    for text in [
        "Hi Riley,\n\nThe hiring manager would like to meet you. I went ahead and booked a 30-min video screen for Monday, Nov 9 at 1:00 PM PT.\n\nTalk soon,\nMarcus Oyelaran\nSenior Technical Recruiter\n",
        "Hi Kevin,\n\nAs discussed, I've scheduled your video interview with Lyle for Monday, November 9 at 9:00 AM CT.\n\nAngela Ruiz\nTalent Acquisition Partner\n",
    ] {
        let r = read(text.as_bytes(), now()).unwrap();
        assert_eq!(r.kind, Kind::Invitation, "{text}");
        assert_eq!(r.situation.stage, Some(Stage::Scheduled), "{text}");
    }
}

#[test]
fn a_company_beside_a_phone_number_or_after_at_in_a_headline_is_the_company() {
    let sig = "Hello Priya,\n\nWe'd like to invite you to a video interview for the Data Steward role. Could you send me two times that suit you?\n\nOrla Brennan\nRecruiting Coordinator\nMarrowgate Analytics | 312.555.0144\n";
    let r = read(sig.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Marrowgate Analytics"));
    let card = "Keira Voss\nSenior Technical Recruiter at Thornwick | We're hiring!\nWednesday\n\nHi Sam, you're confirmed for tomorrow at 10am ET for a short intro call about the Staff Data Engineer role.\n\nKeira\n";
    let r = read(card.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Thornwick"));
}

#[test]
fn an_agency_reply_whose_subject_names_only_the_job_keeps_the_agency() {
    let text = "From: Neil Hardy <neil.hardy@brindlepartners.example>\nSubject: RE: Interim Finance Director - moving Friday's call\n\nHi Sam,\n\nToday is my last day here, so a colleague will pick this up.\n\nAll the best,\nNeil\n\nNeil Hardy\nPrincipal Consultant\nBrindle Partners\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Brindle Partners"));
}

#[test]
fn a_role_loses_the_words_that_are_not_the_job() {
    // The company, a stage or a reference in a parenthesis; the interview's name before it.
    assert_eq!(
        fields::tidy_role("Senior Level Designer (Pixelfen)", Some("Pixelfen")).as_deref(),
        Some("Senior Level Designer")
    );
    assert_eq!(
        fields::tidy_role("UX Researcher (first stage)", None).as_deref(),
        Some("UX Researcher")
    );
    assert_eq!(
        fields::tidy_role("Risk Analyst (CB-4471)", None).as_deref(),
        Some("Risk Analyst")
    );
    assert_eq!(
        fields::tidy_role("Pairing interview (Full Stack Engineer)", None).as_deref(),
        Some("Full Stack Engineer")
    );
    assert_eq!(
        fields::tidy_role("Sam Lee <> Orchid Lane (Product Manager, Fleet)", None).as_deref(),
        Some("Product Manager, Fleet")
    );
    // A parenthesis that belongs to the job stays.
    assert_eq!(
        fields::tidy_role("Frontend Engineer (React)", Some("Pixelfen")).as_deref(),
        Some("Frontend Engineer (React)")
    );
    // The company before the role, and words after it.
    assert_eq!(
        fields::tidy_role("Ellery Partners Graduate Analyst", Some("Ellery Partners")).as_deref(),
        Some("Graduate Analyst")
    );
    assert_eq!(
        fields::tidy_role("Gameplay Programmer på Söder Games", Some("Söder Games")).as_deref(),
        Some("Gameplay Programmer")
    );
    assert_eq!(
        fields::tidy_role("Principal Program Manager offer", None).as_deref(),
        Some("Principal Program Manager")
    );
}

#[test]
fn a_role_named_by_the_user_in_a_copied_conversation_or_after_the_role_is() {
    let cases = [
        ("Hey Chidi,\n\nGreat, let's lock in Wednesday at 4pm for your chat with the team. The role is Senior Platform Engineer - the team is spread across three cities.\n\nInês\n", "Senior Platform Engineer"),
        ("Meera Pillai  2:47 PM\nHi Rahul, I'm sorry but I won't be able to attend tomorrow's Data Scientist interview. Is it possible to reschedule?\nRahul Bansal  3:18 PM\nHi Meera, no problem at all. Please send me your availability for next week.\n", "Data Scientist"),
        ("Mara Schulte  13:40\nHallo Jonas, ich habe mich entschieden, den Prozess für die UX Researcher Stelle nicht weiterzuführen.\nJonas Albrecht  14:58\nHi Mara, schade, aber verstehe ich total! Kennst du jemanden, der passen könnte?\n", "UX Researcher"),
    ];
    for (text, role) in cases {
        let r = read(text.as_bytes(), now()).unwrap();
        assert_eq!(r.situation.role.as_deref(), Some(role), "{text}");
    }
}

#[test]
fn a_time_without_a_zone_takes_the_place_the_sender_plainly_writes_from() {
    let at = |text: &str, now: &str| {
        let now = DateTime::parse_from_rfc3339(now).unwrap();
        read(text.as_bytes(), now).unwrap().situation.interview_at
    };
    // A Leeds office, written to in BST about a day after the clocks go back: GMT that day.
    let leeds = "Hi Sam,\n\nThe panel would like to meet you at our Leeds office.\n\nDate: Tuesday 27th October\nTime: 2.30pm\n\nPlease confirm by Friday.\n\nKind regards,\nEmma Tasker\nSenior Consultant\n";
    assert_eq!(
        at(leeds, "2026-10-22T16:45:00+01:00").as_deref(),
        Some("2026-10-27T14:30:00+00:00")
    );
    // The same place, but the reader's clock is elsewhere: the sender may not be there.
    assert_eq!(at(leeds, "2026-10-22T10:45:00-05:00"), None);
    // Places in several zones: no one of them is the sender's.
    let spread = "Hey Chidi,\n\nLet's lock in Wednesday at 4pm for your chat with the team, who are spread across Lisbon, Toronto and Singapore.\n\nInês\n";
    assert_eq!(at(spread, "2026-07-20T10:00:00+01:00"), None);
    // An hour from 1 to 6 with no meridiem is in the afternoon.
    let calgary = "Hi Jordan,\n\nNo worries at all. Gord could do Monday at 1:30 instead, at our Calgary office.\n\nThanks,\nPriya\n";
    assert_eq!(
        at(calgary, "2026-04-29T09:00:00-06:00").as_deref(),
        Some("2026-05-04T13:30:00-06:00")
    );
}

#[test]
fn a_chat_or_mail_stamp_is_no_interview_time() {
    let chat = "Rachel Goh\nTalent Acquisition Lead at Harbour Capital\nMAR 2\nRachel Goh sent the following message at 9:12 PM\nRachel Goh  9:12 PM\nHi Wei Ling, I'm hiring a Data Platform Lead for our Singapore office. Would you be open to a quick call sometime next week?\n";
    let now = DateTime::parse_from_rfc3339("2026-03-02T21:30:00+08:00").unwrap();
    let r = read(chat.as_bytes(), now).unwrap();
    assert_eq!(r.situation.interview_at, None);
    assert!(r.interview_options.is_empty());
}

#[test]
fn an_invites_utc_start_is_given_in_the_zone_its_description_states() {
    let ics = |description: &str| {
        format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-1@example.test\r\nDTSTAMP:20260109T224501Z\r\nDTSTART:20260115T183000Z\r\nDTEND:20260115T191500Z\r\nSUMMARY:Technical Interview – Staff Data Engineer\r\nDESCRIPTION:{description}\r\nORGANIZER;CN=Greg Tan:mailto:greg.tan@sablecove.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    };
    let at = |description: &str| {
        read(ics(description).as_bytes(), now())
            .unwrap()
            .situation
            .interview_at
    };
    assert_eq!(
        at("Technical interview (10:30–11:15 AM Pacific)").as_deref(),
        Some("2026-01-15T10:30:00-08:00")
    );
    // Stated in UTC too: UTC stays.
    assert_eq!(
        at("10:30 AM PT / 18:30 UTC").as_deref(),
        Some("2026-01-15T18:30:00+00:00")
    );
    // A description that names another moment changes nothing.
    assert_eq!(
        at("Join five minutes early (9:00 AM Pacific).").as_deref(),
        Some("2026-01-15T18:30:00+00:00")
    );
    // Zoom: the start in UTC, the host's zone a property of the event.
    let zoom = ics("Join Zoom Meeting").replace("DTEND:", "TZID:Asia/Calcutta\r\nDTEND:");
    assert_eq!(
        read(zoom.as_bytes(), now())
            .unwrap()
            .situation
            .interview_at
            .as_deref(),
        Some("2026-01-16T00:00:00+05:30")
    );
}

#[test]
fn a_quoted_mails_sent_line_is_no_interview_time() {
    // A quoted mail with no separator line, its header in German (a zone for all the times).
    let text = "Dear Mr. Lee,\n\nof course we can move the interview. Dr. Wendt could offer (German time):\n\n  * Tuesday, 31 March, 10:00 - 11:00\n  * Wednesday, 1 April, 15:00 - 16:00\n\nKind regards\n\nJana Vogt\nTalent Acquisition Specialist\n\nVon: Sam Lee <sam.lee@mail.example>\nGesendet: Mittwoch, 25. März 2026 07:58\nBetreff: Interview\n\nDear Ms. Vogt,\ncould we move our interview to next week?\n";
    let now = DateTime::parse_from_rfc3339("2026-03-25T09:00:00+01:00").unwrap();
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.interview_options,
        vec!["2026-03-31T10:00:00+02:00", "2026-04-01T15:00:00+02:00"]
    );
}

#[test]
fn linkedin_cards_in_their_other_shapes_still_name_the_writer() {
    let cases = [
        // "2nd degree connection" and "· 2nd" on lines of their own.
        "Rachel Goh\n 2nd degree connection\n· 2nd\nTalent Acquisition Lead at Kestrel Harbour | Hiring across data\nMAR 2\nRachel Goh sent the following message at 9:12 PM\nView Rachel’s profile\nRachel Goh\nRachel Goh  9:12 PM\nHi Wei Ling, I'm hiring a Data Platform Lead for our office. Would you be open to a quick call next week?\n",
        // The name again under the headline, a blank line, then the day.
        "Rachel Goh\nTalent Acquisition Lead at Kestrel Harbour\nRachel Goh\n · 2nd\n\nMAR 27\nSam Lee  4:51 PM\nHi Rachel, I have to decline the final interview for the Data Platform Lead position.\n\nTODAY\nRachel Goh  9:02 AM\nHi Sam, what a pity! Thanks for letting me know.\n",
        // An InMail's subject between the card and the first message.
        "Rachel Goh\nTalent Acquisition Lead at Kestrel Harbour | Hiring ML engineers\n\nData Platform Lead - intro chat?\n\nRachel Goh  11:32 AM\nHi Taylor,\n\nWould you be open to a 20-minute intro call next week?\n\nBest,\nRachel\n",
        // The day in Portuguese, the headline's "at" too, times on a 24-hour clock.
        "Rachel Goh\nTalent Acquisition Lead na Kestrel Harbour | Pessoas & Cultura\n\nHOJE\nLucas Ferreira  09:12\nOi Rachel, obrigado, mas vou declinar a entrevista para Analytics Engineer.\n\nRachel Goh  09:58\nOi Lucas! Tudo bem, entendo.\n",
        // The name again with pronouns, then "2nd degree connection · 2nd" on one line.
        "Rachel Goh\nRachel Goh (She/Her)\n 2nd degree connection · 2nd\nTalent Acquisition Lead – Data | Kestrel Harbour\nDEC 7\nRachel Goh sent the following message at 10:58 AM\nView Rachel’s profileRachel Goh\nRachel Goh  10:58 AM\nHi Sam, would you be open to a short call about a Data Platform Lead role?\n",
        // The degree alone on its line ("1st", no dot), the headline "Title | Company".
        "Rachel Goh\n 1st\nTalent Acquisition Lead, Data | Kestrel Harbour\nMONDAY\nRachel Goh sent the following message at 4:15 PM\nView Rachel’s profile\nRachel Goh\nRachel Goh  4:15 PM\nHi Sam, would you be up for a chat about a Data Platform Lead role?\nTODAY\nSam Lee sent the following message at 9:41 AM\nSam Lee  9:41 AM\nThanks, but I'll pass for now.\nRachel Goh sent the following message at 10:02 AM\nRachel Goh  10:02 AM\nUnderstood! Would you still do a 20-minute call, no commitment?\n",
    ];
    for text in cases {
        let r = read(text.as_bytes(), now()).unwrap();
        let c = r.situation.contact.clone().unwrap();
        assert_eq!(c.name.as_deref(), Some("Rachel Goh"), "{text}");
        assert_eq!(
            c.title.as_deref(),
            Some("Talent Acquisition Lead"),
            "{text}"
        );
        assert_eq!(
            r.situation.company.as_deref(),
            Some("Kestrel Harbour"),
            "{text}"
        );
        assert_eq!(
            r.situation.origin_channel,
            Some(OriginChannel::Linkedin),
            "{text}"
        );
    }
}

#[test]
fn a_chat_copied_from_elsewhere_is_from_whoever_wrote_last() {
    let slack = "Devon Clarke  1:52 PM\nHi Maya, thanks for the time last week. I'm going to step back from the Founding Engineer process.\nMaya Lindgren  2:14 PM\nhey! got your note, thanks for being upfront\nMaya Lindgren  2:15 PM\ntotally respect it. if you don't mind me asking, what put you off?\n";
    let r = read(slack.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Maya Lindgren")
    );
    assert_eq!(
        r.situation.origin_channel, None,
        "no sign of where it came from"
    );
    assert_eq!(r.situation.role.as_deref(), Some("Founding Engineer"));
    // An earlier message of the same chat can tell it was LinkedIn; a role in a later clause
    // is found though an earlier phrase overlaps it.
    let linked = "Kelvin Chan  7:02 PM\nHi Sharon, thanks for accepting my connection request!\n\nSharon Yip  7:40 PM\nHi Kelvin, yes I'm still interested.\n\nKelvin Chan  7:51 PM\nGreat! I spoke to our QA manager today and she would like to have a first interview with you for the QA Automation Engineer position. Could you send me two times that suit you?\n";
    let r = read(linked.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    assert_eq!(r.situation.role.as_deref(), Some("QA Automation Engineer"));
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Kelvin Chan")
    );
}

#[test]
fn the_company_from_a_platforms_card_another_address_or_a_title_at_it() {
    let company = |text: &str| read(text.as_bytes(), now()).unwrap().situation.company;
    // A scheduling platform's card and the recruiter's own address in it.
    let card = "From: Slotwise <no-reply@slotwise-mail.example>\nSubject: Confirmed: Android Engineer interview\n\nInterview confirmed\nCompany: Quenby Labs\nPosition: Android Engineer\n";
    assert_eq!(company(card).as_deref(), Some("Quenby Labs"));
    let address = "From: Slotwise <no-reply@slotwise-mail.example>\nSubject: Interview confirmed\n\nYour interview for the Android Engineer role is booked for Mon, Oct 19 at 9:00 AM PT. Quenby Labs looks forward to meeting you.\nYour recruiter: Dmitri Vasquez (dmitri.vasquez@quenbylabs.example)\n";
    assert_eq!(company(address).as_deref(), Some("Quenby Labs"));
    // A title at a company of two words, and a platform writing on a company's behalf.
    let title = "Hi Ife, I'm a Technical Recruiter at Holloway Cartographics. Are you free Thursday 29 October at 15:00 GMT for a 30 minute chat?\n";
    assert_eq!(company(title).as_deref(), Some("Holloway Cartographics"));
    let behalf = "Hi Ben,\n\nPlease pick a time for your Food Scientist interview: Tue 3 Nov 10:00 GMT or Wed 4 Nov 14:00 GMT.\n\nCadencehire - scheduling on behalf of Tessaly Foods. Please don't reply to this message.\n";
    assert_eq!(company(behalf).as_deref(), Some("Tessaly Foods"));
    // A country is not a company; a team's sign-off over "This mailbox is not monitored." is
    // no name either, so the company comes from the words around the role.
    let place = "Hi Mateo, I talked with our VP this morning and we could make the Product Designer role fully remote within Germany. Would that change anything?\nOlivia\n";
    assert_ne!(company(place).as_deref(), Some("Germany"));
    let receipt = "From: Hirequay <no-reply@hirequay.example>\nSubject: Application submitted: Bike Mechanic at Wheelwright Cycles\n\nHi Ciaran,\n\nThanks for applying to the Bike Mechanic role at Wheelwright Cycles through Hirequay.\n\n- The Hirequay team\nThis mailbox is not monitored.\n";
    let r = read(receipt.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Wheelwright Cycles"));
    assert_eq!(r.situation.role.as_deref(), Some("Bike Mechanic"));
    assert_eq!(r.situation.contact, None, "nobody wrote a receipt");
}

#[test]
fn a_company_name_is_given_whole_or_without_its_legal_form() {
    let company = |text: &str| read(text.as_bytes(), now()).unwrap().situation.company;
    // The domain spells the start; the name goes on with what kind of body it is.
    let council = "From: Ruth Okafor <ruth.okafor@nettlebury.gov.example>\nSubject: Interview invitation\n\nDear Sam,\n\nNettlebury Borough Council would like to invite you to interview for the Planning Officer post on Tuesday 10 November at 10:00 GMT.\n\nRuth Okafor\nHR Advisor\nNettlebury\n";
    assert_eq!(
        company(council).as_deref(),
        Some("Nettlebury Borough Council")
    );
    // ... but not with a building's name.
    let house = "From: Ian Reid <ian.reid@thistlebank.example>\nSubject: Interview\n\nDear Sam,\n\nWe'd like to meet you at Thistlebank House on Tuesday 10 November at 10:00 GMT for the Grid Analyst role at Thistlebank Energy.\n\nIan Reid\nRecruiter\n";
    assert_eq!(company(house).as_deref(), Some("Thistlebank Energy"));
    // A legal form that lost its dot is left off whole; "Ink." is no abbreviation.
    let co = "Hi Sam,\n\nThanks for your time. Could you do a call on Tuesday 10 November at 10:00 GMT?\n\nBest,\nAmy Hart\nRecruiting Coordinator | Fernhill Outdoor Co\n";
    assert_eq!(company(co).as_deref(), Some("Fernhill Outdoor"));
    let ink = "Hi Sam,\n\nI'm the Talent Coordinator at Wattle & Ink. Would you like to interview for the Junior Designer role?\n\nMia\n";
    assert_eq!(company(ink).as_deref(), Some("Wattle & Ink"));
}

#[test]
fn an_html_signature_in_bold_and_a_bold_or_foreign_outlook_header_are_read() {
    let text = "Subject: Re: Content Strategist - second interview\n\nHi Jenna,\n\nThanks for letting me know. Could I ask what changed since we spoke?\n\nCheers,\nDevon\n\n**Devon MacLeod** | People Partner\nTamarack Learning\n\n**From:** Jenna Kowalski <jenna.k@mail.example>\n**Sent:** Tuesday, August 18, 2026 9:47 PM\n**To:** Devon MacLeod\n**Subject:** Content Strategist - second interview\n\nHi Devon, I'm going to step back from the Content Strategist process. Jenna\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Devon MacLeod"));
    assert_eq!(c.title.as_deref(), Some("People Partner"));
    assert_eq!(r.kind, Kind::Reply);
    assert_eq!(r.reply.unwrap().intent, Intent::AsksReason);
    let german = "Hi Sam,\n\nThanks for your note. We'd like to invite you to an interview on Tuesday 10 November at 10:00 CET instead.\n\nBeste Grüße\n**Jana Vogt**\nRecruiterin\n\nVon: Sam Lee <sam.lee@mail.example>\nGesendet: Montag, 2. November 2026 07:58\nAn: Jana Vogt\nBetreff: Interview\n\nHi Jana, could we move the interview? I have an appointment on Friday 6 November at 14:00 CET.\n";
    let r = read(german.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-10T10:00:00+01:00"),
        "the quoted message's own time is not the new one"
    );
}

#[test]
fn a_signature_under_an_unknown_sign_off_above_a_footer_or_with_an_honorific_is_read() {
    let footer = "Hi Sam,\n\nWe'd love to invite you to an assessment day on Tuesday 10 November at 10:00 CET in Barcelona.\n\nFins aviat!\n**Núria Ferrer**\nPeople & Culture Lead\nSolera Grid\nSolera Grid S.L. · Carrer de Pallars 88, 08018 Barcelona · You received this email because you applied for a position at Solera Grid.\n";
    let c = read(footer.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("Núria Ferrer"));
    assert_eq!(c.title.as_deref(), Some("People & Culture Lead"));
    let doctor = "From: Helen Ashworth <helen.ashworth@larkspur.example>\nSubject: Re: Panel interview\n\nHi Sam,\n\nWould a later start help? The panel slot on Thursday is still yours.\n\nBest wishes,\nHelen\n\nDr Helen Ashworth\nHead of Clinical Data\nLarkspur Health\n";
    let c = read(doctor.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.title.as_deref(), Some("Head of Clinical Data"));
    let inmail = "Yousef Al Hashimi\nEngineering Manager at Falconridge Structures\nSep 1 · InMail\n\nSenior Façade Engineer – Dubai\n\nHello Daniel,\n\nWould you be free for a Teams call on Monday at 11 GST?\n\nKind regards,\nYousef\n";
    let r = read(inmail.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Yousef Al Hashimi")
    );
    assert_eq!(
        r.situation.company.as_deref(),
        Some("Falconridge Structures")
    );
}

#[test]
fn an_invites_organizer_signs_its_description_on_one_line_above_the_meeting_link() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-2@example.test\r\nDTSTAMP:20261101T120000Z\r\nDTSTART;TZID=America/New_York:20261110T100000\r\nSUMMARY:Interview - Senior Operations Manager\r\nDESCRIPTION:Hi Sam\\,\\n\\nLooking forward to our conversation.\\n\\nNadia Haddad | HR Business Partner | Brightwater Logistics | 614-555-0102\\n\\n________________________________________________________________________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nMeeting ID: 284 113 650 977\\n________________________________________________________________________________\\n\r\nORGANIZER;CN=Nadia Haddad:mailto:nadia.haddad@brightwater.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let c = read(ics.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.title.as_deref(), Some("HR Business Partner"));
}

#[test]
fn a_window_to_pick_a_time_in_is_no_interview_time() {
    for text in [
        "Hi Sam,\n\nOur team lead has a window any time on Thursday 12 November between 2 and 4pm ET. Let me know what works inside that window.\n\nBest,\nAmy\n",
        "Hi Sam,\n\nCould you hop on a call Tuesday 10 November? I'm open between 1pm and 5pm PT, whatever's easiest.\n\nAmy\n",
    ] {
        let r = read(text.as_bytes(), now()).unwrap();
        assert_eq!(r.situation.interview_at, None, "{text}");
        assert!(r.interview_options.is_empty(), "{text}");
    }
    // A slot with its end is still a slot.
    let slot = "Hi Sam,\n\nWe'd like to invite you to interview on Tuesday 10 November, 3-4pm ET.\n\nAmy\n";
    let r = read(slot.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-10T15:00:00-05:00")
    );
}

#[test]
fn the_one_date_booked_in_so_many_words_is_the_interview_and_confirmations_are_bookings() {
    let text = "Hi Meera,\n\nPlease find the next steps below.\n\nCase study\n• You will receive the case study by email on Monday, 9 November 2026 at 10:00 AM IST.\n• Submission deadline: Thursday, 12 November 2026, 10:00 AM IST.\n\nPanel interview\n• Your panel interview has been scheduled for Friday, 13 November 2026 at 4:00 PM IST (60 minutes).\n\nBest regards,\nRohan Deshpande\nTalent Acquisition Manager\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-13T16:00:00+05:30")
    );
    assert!(r.interview_options.is_empty());
    assert_eq!(r.situation.stage, Some(Stage::Scheduled));
    for text in [
        "Subject: Confirmation: panel interview – Senior DevOps Engineer\n\nHi Erik,\n\nThank you for confirming on the phone. Here is a summary so you have everything in writing.\n\nPosition: Senior DevOps Engineer\nType: Panel interview (video, Microsoft Teams)\nWhen: Thursday 12 November 2026, 09:00–10:30 CET\nPanel: Håkon Berntsen (Head of Platform) and me\n\nThe Teams link will arrive as a separate calendar invitation today.\n\nBest regards\nØystein Håland\n",
        "Hi Marco,\n\nGood news – Serena has confirmed the technical interview on Thursday 12 November at 10:00 CET, see her message below.\n\nNiccolò\n",
    ] {
        let r = read(text.as_bytes(), now()).unwrap();
        assert_eq!(r.situation.stage, Some(Stage::Scheduled), "{text}");
    }
}

#[test]
fn roles_after_hiring_a_an_application_a_title_a_package_or_in_swedish() {
    let role = |text: &str| read(text.as_bytes(), now()).unwrap().situation.role;
    let cases = [
        ("Hi Chris! Thanks for connecting. I'm hiring a Store Manager for our new location opening in spring. Would you be open to a call?\n\nDevon\n", "Store Manager"),
        ("Hi Wei Ling, I'm hiring a Data Platform Lead for our Singapore office (we're a mid-sized asset manager, ~300 people). Would you be open to a call?\n\nRachel\n", "Data Platform Lead"),
        ("Hi Chris,\n\nFollowing your application for Junior QA Analyst, I'd like to invite you to a short phone screen.\n\nAmy\n", "Junior QA Analyst"),
        ("Hi Sam, we're a 6-person team. Formally the title is Founding Backend Engineer, but you'd do a bit of everything. Fancy a chat?\n\nLeo\n", "Founding Backend Engineer"),
        ("Hi Sam, I went back to my client on the Principal Platform Engineer package and they've confirmed they can move. Could we talk?\n\nMei\n", "Principal Platform Engineer"),
        ("Hej Linnea, tack för att du hörde av dig igen. Jag tackar nej till Senior iOS Developer-tjänsten.\nLinnea Berg  10:02\nTack för att du säger det! Vad var det som avgjorde?\n", "Senior iOS Developer"),
    ];
    for (text, want) in cases {
        assert_eq!(role(text).as_deref(), Some(want), "{text}");
    }
    // "Process" at the start of a job stays; at the end of a subject it is the hiring process.
    assert_eq!(
        role("Hi Sam,\n\nWe'd like to invite you to interview for the Process Chemist role.\n\nAmy\n").as_deref(),
        Some("Process Chemist")
    );
}

#[test]
fn a_pasted_header_in_german_and_a_mail_signature_say_it_came_by_email() {
    let german = "Von: Sabine Hoffmann <sabine.hoffmann@rheintal.example>\nGesendet: Dienstag, 3. November 2026 09:21\nAn: Piotr Kowalczyk <p.k@web.example>\nBetreff: AW: Ihre Bewerbung als Teamleiter Kundenservice\n\nSehr geehrter Herr Kowalczyk,\n\nvielen Dank für Ihre offene Rückmeldung. Dürfen wir fragen, was den Ausschlag gegeben hat?\n\nMit freundlichen Grüßen\nSabine Hoffmann\n";
    let r = read(german.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Email));
    let c = r.situation.contact.unwrap();
    assert_eq!(c.email.as_deref(), Some("sabine.hoffmann@rheintal.example"));
    let signed = "Dear Aisha,\n\nThank you for your honest reply, I understand the weekend rota is difficult. We have just opened a Visual Merchandising Manager position at our head office. Would you like me to put you forward?\n\nHessa Al Marzooqi\nTalent Acquisition Specialist | Souq Lane Retail\n+971 4 555 0316\nhessa.almarzooqi@souqlane.example\n";
    let r = read(signed.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Email));
    let gday = "G'day Priyanka,\n\nWe'd love to have a chat about the Learning Designer role. Would Wednesday 11 November at 4pm AEDT suit?\n\nCheers,\nLachlan Doyle\nPeople & Culture Advisor\n";
    let r = read(gday.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Email));
}

#[test]
fn a_platforms_notice_names_the_recruiter_in_its_own_words() {
    let contact = |text: &str| read(text.as_bytes(), now()).unwrap().situation.contact;
    let colon = "From: Slotwise <no-reply@slotwise-mail.example>\nSubject: Confirmed: Android Engineer interview with Quenby Labs\n\nInterview confirmed\nMon, Nov 9, 2026 - 9:00 AM (Pacific Time - US & Canada)\nYour recruiter: Dmitri Vasquez (dmitri.vasquez@quenbylabs.example)\n";
    let c = contact(colon).unwrap();
    assert_eq!(c.name.as_deref(), Some("Dmitri Vasquez"));
    assert_eq!(
        c.email.as_deref(),
        Some("dmitri.vasquez@quenbylabs.example")
    );
    let from_has = "From: SlotWise <no-reply@slotwise.example>\nSubject: Your interview is confirmed\n\nHi Sam,\n\n**Ashlyn Park** from **Tidewater Games** has scheduled the following event with you: Thursday, November 12, 2026, 1:00pm (Pacific Time).\n";
    assert_eq!(
        contact(from_has).unwrap().name.as_deref(),
        Some("Ashlyn Park")
    );
    let proposed = "From: Cadencehire <no-reply@cadencehire.example>\nSubject: Choose a time\n\nIngrid Solberg (Recruiter, Tessaly Foods) has proposed the following times for your interview: Tue 10 Nov 10:00 GMT, Wed 11 Nov 14:00 GMT.\n";
    let c = contact(proposed).unwrap();
    assert_eq!(c.name.as_deref(), Some("Ingrid Solberg"));
    assert_eq!(c.title.as_deref(), Some("Recruiter"));
    // A display name with the company after it, an organizer listed surname first.
    let display = "From: Liam Foster (Bluegum Software) <liam@bluegum.example>\nSubject: Interview\n\nHi Sam, could you do Tuesday 10 November at 10:00 AEDT?\n\nLiam\n";
    assert_eq!(
        contact(display).unwrap().name.as_deref(),
        Some("Liam Foster")
    );
}

#[test]
fn an_agencys_subject_names_the_client_even_in_one_word_or_with_an_aside() {
    let company = |text: &str| read(text.as_bytes(), now()).unwrap().situation.company;
    let one = "From: Hollie Brooks <hollie@larchwoodsearch.example>\nSubject: RE: Fernmoor - Head of Claims Transformation\n\nHi Sam,\n\nSorry to hear that. Before you close the door, could we talk on Tuesday 10 November at 10:00 GMT?\n\nHollie Brooks\nSenior Consultant\nLarchwood Search\n";
    assert_eq!(company(one).as_deref(), Some("Fernmoor"));
    let associates = "From: Oliver Pennant <oliver@norburygrant.example>\nSubject: Re: Principal Electrical Engineer – Fielding Marsh\n\nHi Ayesha,\n\nI completely get it. Could we talk once more on Tuesday 10 November at 14:00 GMT?\n\nOliver Pennant\nNorbury Grant Associates\n";
    assert_eq!(company(associates).as_deref(), Some("Fielding Marsh"));
    let aside = "Subject: Lead Technical Artist – Frostlantern Interactive (Stockholm, relocation)\n\nHi Sam,\n\nWould you be open to a call on Tuesday 10 November at 10:00 CET?\n\nBest,\nElin Dahl\nSenior Consultant\nNorthbound Talent AB\n";
    assert_eq!(company(aside).as_deref(), Some("Frostlantern Interactive"));
    // A one-word subject part that greets the reader is no client.
    let greeted = "From: Hollie Brooks <hollie@larchwoodsearch.example>\nSubject: Sam - Head of Claims\n\nHi Sam,\n\nCould we talk on Tuesday 10 November at 10:00 GMT?\n\nHollie Brooks\nSenior Consultant\nLarchwood Search\n";
    assert_eq!(company(greeted).as_deref(), Some("Larchwood Search"));
}

#[test]
fn a_zone_named_for_all_times_in_other_words_and_clock_words_and_next_weeks_days() {
    let options = |text: &str, now: &str| {
        let now = DateTime::parse_from_rfc3339(now).unwrap();
        read(text.as_bytes(), now).unwrap().interview_options
    };
    let hk = "Hi Sharon,\n\nShe has these slots open, all HK time:\nWed 16 Sep 10:00am\nFri 18 Sep 11:00am\n\nLet me know which one you prefer.\n\nKelvin\n";
    assert_eq!(
        options(hk, "2026-09-10T19:00:00+08:00"),
        vec!["2026-09-16T10:00:00+08:00", "2026-09-18T11:00:00+08:00"]
    );
    let eastern = "Hi Sam,\n\nI'd love to set up a conversation. Here's what I have open (all Eastern):\n– Mon 5/18, 10:00 am\n– Wed 5/20, 12:30 pm\n\nBest,\nDana\n";
    assert_eq!(
        options(eastern, "2026-05-12T09:00:00-04:00"),
        vec!["2026-05-18T10:00:00-04:00", "2026-05-20T12:30:00-04:00"]
    );
    let swedish = "Hej Erik!\n\nPassar någon av de här tiderna för ett första samtal?\n\n* fredag 23 oktober kl. 10.00\n* måndag 26 oktober kl. 15.30\n\n(svensk tid)\n\nHälsningar,\nÅsa\n";
    assert_eq!(
        options(swedish, "2026-10-14T10:00:00+02:00"),
        vec!["2026-10-23T10:00:00+02:00", "2026-10-26T15:30:00+01:00"]
    );
    // Sent on a Tuesday: "next week" is the week after, Wednesday included.
    let next = "hey Sam! would love to grab 30 min next week, could do Tues 11am or Wed 4pm my time (PT). totally casual.\n\nJordan\n";
    assert_eq!(
        options(next, "2026-03-03T10:00:00-08:00"),
        vec!["2026-03-10T11:00:00-07:00", "2026-03-11T16:00:00-07:00"]
    );
}

#[test]
fn hearing_good_news_is_no_reaction_to_a_no() {
    let text = "Subject: Senior Android Engineer – interview with my client\n\nHi Kelvin,\n\nThanks for the call yesterday, great to hear you're open to moves this year.\n\nGood news: their Head of Mobile would like to meet you for the Senior Android Engineer role. He's proposed Tuesday 10 November at 4:30pm HKT, 45 mins over Zoom. Could you confirm if that works?\n\nVincent Lam\nSenior Consultant\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Invitation);
    assert_eq!(r.situation.stage, Some(Stage::Invited));
    // Hearing the decision still is.
    let reply = "Hi Kelvin,\n\nI hear you, and I respect it. If anything changes, let me know.\n\nVincent\n";
    assert_eq!(read(reply.as_bytes(), now()).unwrap().kind, Kind::Reply);
}

#[test]
fn italian_months_clock_words_before_a_bare_hour_and_a_phones_country() {
    let at = |text: &str, now: &str| {
        let now = DateTime::parse_from_rfc3339(now).unwrap();
        read(text.as_bytes(), now).unwrap().situation.interview_at
    };
    // No zone written; the signature's +39 number and the reader's clock agree: Rome.
    let italian = "Gentile Marco,\n\nwe would like to invite you to an interview: le proporremmo giovedì 15 gennaio alle ore 11:00, presso la nostra sede.\n\nCordiali saluti,\nValentina Conti\nHR Business Partner\nTel. +39 02 5550 8841\n";
    assert_eq!(
        at(italian, "2026-01-12T18:45:00+01:00").as_deref(),
        Some("2026-01-15T11:00:00+01:00")
    );
    let bare = "Hallo Frau Vogt,\n\nwe would like to invite you to an interview on Tuesday 10 November um 10 Uhr.\n\nViele Grüße\nJana Weber\n+49 30 555 0188\n";
    assert_eq!(
        at(bare, "2026-11-03T09:00:00+01:00").as_deref(),
        Some("2026-11-10T10:00:00+01:00")
    );
    // The number's country and the reader's clock disagree: no guess.
    assert_eq!(at(italian, "2026-01-12T12:45:00-05:00"), None);
}

#[test]
fn a_contacts_title_comes_without_its_field_unless_it_names_only_a_rank() {
    let signed = |title_line: &str| {
        let text = format!("Hi Noor,\n\nThanks for your interest in the Data Engineer role at Pellridge Mutual. Could you do a call on Thursday 12 November at 11:00 GMT?\n\nKind regards,\n\nOrla Fenwick\n{title_line}\nPellridge Mutual\n");
        let r = read(text.as_bytes(), now()).unwrap();
        r.situation.contact.and_then(|c| c.title)
    };
    assert_eq!(
        signed("Senior Recruiter, Group Technology").as_deref(),
        Some("Senior Recruiter")
    );
    assert_eq!(
        signed("Talent Partner – Data & Analytics").as_deref(),
        Some("Talent Partner")
    );
    assert_eq!(
        signed("HR Analyst - Talent Acquisition").as_deref(),
        Some("HR Analyst")
    );
    // A rank alone needs its field to say what the person does.
    assert_eq!(
        signed("Director, Data Platforms").as_deref(),
        Some("Director, Data Platforms")
    );
    assert_eq!(
        signed("Senior Manager – Talent Acquisition").as_deref(),
        Some("Senior Manager – Talent Acquisition")
    );
}

#[test]
fn a_british_number_dialled_at_home_places_the_sender() {
    let with_phone = |phone: &str| {
        let text = format!("Dear Priya,\n\nWe would like to invite you to interview for the Payroll Officer post on Tuesday 17 November at 10:30 at our Ardwick offices.\n\nYours sincerely,\n\nMegan Howarth\nPeople Services\nTel: {phone}\n");
        read(text.as_bytes(), now()).unwrap().situation.interview_at
    };
    assert_eq!(
        with_phone("0161 496 0233").as_deref(),
        Some("2026-11-17T10:30:00+00:00")
    );
    assert_eq!(
        with_phone("07700 900356").as_deref(),
        Some("2026-11-17T10:30:00+00:00")
    );
    // Grouped another country's way, it places no one; and a +00:00 clock, which mailers
    // stamp whatever the sender's place, says nothing either.
    assert_eq!(with_phone("030 12345678"), None);
    // A British number read on a clock two hours ahead places the sender elsewhere: whose
    // 10:30 it is, nobody says.
    let text = "Dear Priya,\n\nWe would like to invite you to interview for the Payroll Officer post on Tuesday 17 November at 10:30 at our Ardwick offices.\n\nYours sincerely,\n\nMegan Howarth\nPeople Services\nTel: 0161 496 0233\n";
    let ahead = DateTime::parse_from_rfc3339("2026-11-03T11:00:00+02:00").unwrap();
    assert_eq!(
        read(text.as_bytes(), ahead).unwrap().situation.interview_at,
        None
    );
}

#[test]
fn a_role_that_names_only_a_rank_takes_its_field_from_where_it_is_written_whole() {
    let text = "Subject: Director, Clinical Operations – Ormsby Therapeutics\n\nHi Jules,\n\nI'm recruiting for the Director role at Ormsby Therapeutics and would love to set up a short call this week.\n\nBest,\nTamsin Hale\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.role.as_deref(),
        Some("Director, Clinical Operations")
    );
    // A job that says what the person does keeps its own words.
    let text = "Subject: Data Engineer, Payments – Ormsby Therapeutics\n\nHi Jules,\n\nI'm recruiting for the Data Engineer role at Ormsby Therapeutics and would love to set up a short call this week.\n\nBest,\nTamsin Hale\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.role.as_deref(), Some("Data Engineer"));
}

#[test]
fn slots_with_a_bracketed_weekday_dotted_dates_and_a_day_before_a_range() {
    let options = |text: &str| read(text.as_bytes(), now()).unwrap().interview_options;
    // A weekday in brackets belongs to the date before it, not to the next such day.
    let text = "Dear Ms. Okafor,\n\nPlease choose one of these slots for a first interview:\n\n1. 2026-11-17 (Tue) 10:00-11:00 JST\n2. 2026-11-19 (Thu) 15:30-16:30 JST\n\nBest regards,\nHaruka Ito\n";
    assert_eq!(
        options(text),
        vec!["2026-11-17T10:00:00+09:00", "2026-11-19T15:30:00+09:00"]
    );
    let text = "Hi Dan, could you do one of these for a video call? 11/18 (Wed) 14:00 JST or 11/20 (Fri) 09:30 JST. Thanks, Haruka Ito\n";
    assert_eq!(
        options(text),
        vec!["2026-11-18T14:00:00+09:00", "2026-11-20T09:30:00+09:00"]
    );
    // "Nov 16 – 8:30am": the 16 is the day; "Monday to Friday (7am–3pm)" is no slot.
    let text = "Hi Ola, we'd love a 30 minute phone screen. Any of these work (Pacific time)?\n\n  Thu Nov 12 – 10:00am\n  Mon Nov 16 – 8:30am\n\nThe shifts are Monday to Friday (7:00am–3:00pm).\n\nCheers,\nKirsten Lund\n";
    assert_eq!(
        options(text),
        vec!["2026-11-12T10:00:00-08:00", "2026-11-16T08:30:00-08:00"]
    );
}

#[test]
fn an_invites_company_from_a_two_sided_summary_or_an_address_of_initials() {
    let ics = |summary: &str, description: &str, organizer: &str| {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-3@example.test\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261110T150000Z\r\nSUMMARY:{summary}\r\nDESCRIPTION:{description}\r\nORGANIZER;CN=Rosa Maddox:mailto:{organizer}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        let r = read(text.as_bytes(), now()).unwrap();
        (r.situation.company, r.situation.role)
    };
    // A scheduling tool's "Company <> Candidate: …".
    assert_eq!(
        ics(
            "Quillfen Mapping <> Theo: Survey Data Analyst interview",
            "Looking forward to it!\\n\\nRosa Maddox\\nHead of Data\\, Quillfen Mapping",
            "rosa@quillfenmapping.example"
        ),
        (
            Some("Quillfen Mapping".into()),
            Some("Survey Data Analyst".into())
        )
    );
    // An address of initials: "hvwa" for Humber Valley Water Authority.
    assert_eq!(
        ics(
            "Interview – Asset Planner",
            "Panel interview at Humber Valley Water Authority\\, Room 4.\\n\\nRosa Maddox\\nHR Officer",
            "r.maddox@hvwa.example"
        )
        .0
        .as_deref(),
        Some("Humber Valley Water Authority")
    );
}

#[test]
fn an_agencys_subject_part_that_is_the_jobs_field_is_no_client() {
    let company = |subject: &str, body: &str| {
        let text = format!("From: Noah Pryce <noah.pryce@ferrisleigh-recruitment.example>\nSubject: {subject}\n\n{body}\n\nBest,\nNoah Pryce\nRecruitment Consultant\nFerrisleigh Recruitment\n");
        read(text.as_bytes(), now()).unwrap().situation.company
    };
    // The field carries the job's reference, or a name follows it.
    assert_eq!(
        company("Depot Manager – Cold Chain (Req 5521) – interview times", "Hi Mo, my client would like to meet you for the Depot Manager role. Could you do Thursday 12 November at 10:00 GMT?").as_deref(),
        Some("Ferrisleigh Recruitment")
    );
    assert_eq!(
        company("Interview – Depot Manager – Cold Chain – Bramwell Foods", "Hi Mo, my client would like to meet you for the Depot Manager role. Could you do Thursday 12 November at 10:00 GMT?").as_deref(),
        Some("Bramwell Foods")
    );
    // A part after the job that the message does not name otherwise is still the client.
    assert_eq!(
        company("Re: Depot Manager - Bramwell Foods", "Hi Mo, my client would like to meet you for the Depot Manager role. Could you do Thursday 12 November at 10:00 GMT?").as_deref(),
        Some("Bramwell Foods")
    );
}

#[test]
fn a_person_with_their_title_is_no_client_and_a_signed_name_is_no_title() {
    let text = "From: Aisha Kendrick <aisha.kendrick@lowmoor-consulting.example>\nSubject: Interview invitation – Senior Hydrologist\n\nHi Tom,\n\nMy client would like to invite you to a first interview with Rhiannon Price (Associate Director, Water). Could you do Tuesday 17 November at 11:00 GMT?\n\nBest wishes,\nAisha\n\nAisha Kendrick, Talent Acquisition Partner\nLowmoor Consulting\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Lowmoor Consulting"));
    assert_eq!(
        r.situation.contact.unwrap().title.as_deref(),
        Some("Talent Acquisition Partner")
    );
}

#[test]
fn an_organizers_title_beside_their_name_anywhere_in_the_invite_and_credentials_set_aside() {
    let ics = |organizer: &str, description: &str| {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-4@example.test\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261110T150000Z\r\nSUMMARY:Interview – Field Technician\r\nDESCRIPTION:{description}\r\nORGANIZER;CN={organizer}:mailto:organizer@brackwater.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        read(text.as_bytes(), now())
            .unwrap()
            .situation
            .contact
            .unwrap()
    };
    // Named first without a title, then with one in brackets.
    let c = ics("Mara Quint", "Mara Quint is inviting you to a meeting.\\n\\nTopic: Interview w/ Mara Quint (Operations Lead)");
    assert_eq!(c.title.as_deref(), Some("Operations Lead"));
    // A panel list with a dash, a one-line signature with bars.
    let c = ics(
        "Mara Quint",
        "Your panel:\\n• Mara Quint – Service Manager\\, North Region\\n• Ivo Stark – Engineer",
    );
    assert_eq!(c.title.as_deref(), Some("Service Manager"));
    let c = ics(
        "Mara Quint",
        "See you then.\\n\\nMara Quint | Talent Partner | Brackwater Utilities",
    );
    assert_eq!(c.title.as_deref(), Some("Talent Partner"));
    // The calendar writes the family name first; the description is signed the other way.
    let c = ics(
        "Tan Mei Hua",
        "Best regards\\,\\nMei Hua Tan\\nSenior HR Executive\\nBrackwater Utilities",
    );
    assert_eq!(c.name.as_deref(), Some("Mei Hua Tan"));
    assert_eq!(c.title.as_deref(), Some("Senior HR Executive"));
    // A credential before the title.
    let c = ics(
        "Mara Quint",
        "Panel:\\n  Mara Quint\\, RHIA – Director of Health Records",
    );
    assert_eq!(c.title.as_deref(), Some("Director of Health Records"));
    // Letters after a signed name without a comma.
    assert_eq!(
        super::words::person_name("Euan MacLeod RIBA RIAS").as_deref(),
        Some("Euan MacLeod")
    );
}

#[test]
fn a_role_without_the_company_a_person_bold_or_a_sentence_after_it() {
    let tidy = |role: &str| super::fields::tidy_role(role, Some("Larchmont Foods"));
    assert_eq!(
        tidy("Product Designer, Larchmont Foods").as_deref(),
        Some("Product Designer")
    );
    assert_eq!(
        tidy("Product Designer @ Larchmont Foods").as_deref(),
        Some("Product Designer")
    );
    assert_eq!(
        tidy("Senior Business Analyst, Payments (Ruth Amadi)").as_deref(),
        Some("Senior Business Analyst, Payments")
    );
    assert_eq!(
        tidy("Patient Access Representative**").as_deref(),
        Some("Patient Access Representative")
    );
    assert_eq!(
        tidy("Analista de Dados Pleno e temos uma ótima notícia").as_deref(),
        Some("Analista de Dados Pleno")
    );
    // A job's own brackets and "and" between capitals stay.
    assert_eq!(
        tidy("Frontend Engineer (React)").as_deref(),
        Some("Frontend Engineer (React)")
    );
    assert_eq!(
        tidy("Analista de Pesquisa e Desenvolvimento").as_deref(),
        Some("Analista de Pesquisa e Desenvolvimento")
    );
    // "Sr." keeps its dot where the message writes it.
    let text = "Hola Diego,\n\nTe escribo por el puesto de Analista de Riesgos Sr. en Larchmont Foods. ¿Podemos hablar el martes 10 de noviembre a las 10:00 (UTC-03:00)?\n\nSaludos,\nLucía Ferreyra\n";
    assert_eq!(
        read(text.as_bytes(), now())
            .unwrap()
            .situation
            .role
            .as_deref(),
        Some("Analista de Riesgos Sr.")
    );
}

#[test]
fn more_jobs_by_name_and_application_words_in_other_languages() {
    for job in [
        "Collections Registrar",
        "Plant Metallurgist",
        "Senior SDET",
        "Interim CFO",
        "Teamleiter Kundenservice",
    ] {
        assert!(super::words::is_role(job), "{job}");
    }
    let subject_role = |subject: &str| {
        let text = format!("Subject: {subject}\n\nGuten Tag Herr Brandt,\n\nvielen Dank für Ihre Nachricht. Schade, aber wir verstehen das.\n\nViele Grüße\nSabine Roth\n");
        read(text.as_bytes(), now()).unwrap().situation.role
    };
    assert_eq!(
        subject_role("Re: Ihre Bewerbung als Teamleiter Kundenservice").as_deref(),
        Some("Teamleiter Kundenservice")
    );
    assert_eq!(
        subject_role("Re: Sollicitatie Werkvoorbereider Installaties").as_deref(),
        Some("Werkvoorbereider Installaties")
    );
}

#[test]
fn an_institution_is_nobodys_name_and_an_alert_in_another_language_fills_nothing() {
    for org in [
        "Thornbury University",
        "Rideau Polytechnic",
        "Dhahab Healthcare",
        "Kestrel Valley Hospital",
    ] {
        assert_eq!(super::words::person_name(org), None, "{org}");
    }
    let alert = "Hola Laura,\n\nEncontramos 3 nuevas vacantes que coinciden con tu alerta \"Analista de datos\":\n\n* Analista de Datos Jr.\n  Banco del Páramo - Bogotá\n\n* Analista de Datos Senior\n  Colibrí Telecom - Remoto\n\nRecibes este correo porque creaste una alerta de empleo.\nAdministrar alertas | Cancelar suscripción\n";
    let r = read(alert.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Other);
    assert!(
        r.situation.company.is_none()
            && r.situation.role.is_none()
            && r.situation.contact.is_none()
    );
}

#[test]
fn the_rules_are_not_sure_of_a_reply_on_words_an_invitation_says_too() {
    use super::classify::rules_are_sure;
    let sure = |body: &str| rules_are_sure(Kind::Reply, "Interview availability", body, false);
    assert!(!sure("Please pick a slot below. If none of these work, feel free to grab a time on my calendar instead."));
    assert!(!sure(
        "Your interview has moved. If the new slot does not work for you, let me know."
    ));
    assert!(sure(
        "Thanks for letting me know, and best of luck with the new role."
    ));
    assert!(sure("That's a shame, but I completely understand."));
}

#[test]
fn a_mailbox_named_for_the_company_names_it_when_nothing_else_does() {
    let receipt = |from: &str| {
        let text = format!("From: {from}\r\nTo: sam@mailbox.example\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nSubject: Thanks for applying - Store Manager\r\nMessage-ID: <r-1@example.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi Sam,\r\n\r\nThanks for applying for Store Manager. We've received your application and will be in touch.\r\n\r\nThe Hiring Team\r\n");
        read(text.as_bytes(), now()).unwrap().situation.company
    };
    assert_eq!(
        receipt("Fernside Outfitters Careers <no-reply@careers.fso.example>").as_deref(),
        Some("Fernside Outfitters")
    );
    assert_eq!(
        receipt("Fernside Outfitters Ltd via Loomhire <notifications@loomhire.example>").as_deref(),
        Some("Fernside Outfitters")
    );
    // A person writing through a platform names no company.
    assert_eq!(
        receipt("Maya Lund via Loomhire <notifications@loomhire.example>"),
        None
    );
}

#[test]
fn names_with_particles_or_a_nickname_and_a_link_marked_like_a_quote() {
    assert_eq!(
        super::words::person_name("Nur Aisyah binte Rahman").as_deref(),
        Some("Nur Aisyah binte Rahman")
    );
    assert_eq!(
        super::words::person_name("Kristina \"Tin\" Dela Cruz").as_deref(),
        Some("Kristina Dela Cruz")
    );
    // One line marked ">>" above a signature is no quote: the signature is still the writer's.
    let text = "Hi Sam,\n\nPlease pick a slot for your interview.\n\n  >> Pick a slot: https://slots.example/s/abc\n\nThank you,\n\nKeisha Obi\nTalent Acquisition Specialist\nLarkmoor Billing\n";
    let c = read(text.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("Keisha Obi"));
    assert_eq!(c.title.as_deref(), Some("Talent Acquisition Specialist"));
}

#[test]
fn a_linkedin_notifications_headline_below_the_pages_own_lines() {
    let text = "Ines Duarte sent the following messages at 6:52 PM\nView Ines’ profile\nInes Duarte\nInes Duarte (She/Her) · 2nd\nTalent Acquisition Partner @ Gorse Analytics | Hiring data folk\nInes Duarte  6:52 PM\nHi Tom! Would you be open to a quick call about a Data Engineer role on Thursday 12 November at 15:00 GMT?\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Ines Duarte"));
    assert_eq!(c.title.as_deref(), Some("Talent Acquisition Partner"));
    assert_eq!(r.situation.company.as_deref(), Some("Gorse Analytics"));
}

#[test]
fn a_companys_first_words_are_not_skipped_and_a_sum_is_no_company() {
    let company = |text: &str| read(text.as_bytes(), now()).unwrap().situation.company;
    assert_eq!(
        company("Dear Marcus,\n\nThank you for your interest in Corbel Federal Systems. We have received your application.\n").as_deref(),
        Some("Corbel Federal Systems")
    );
    assert_eq!(
        super::fields::tidy_company(("SGD 14.5k/month".into(), String::new())),
        None
    );
    assert_eq!(
        super::fields::tidy_company(("2nd".into(), String::new())),
        None
    );
}

#[test]
fn a_contact_who_signs_a_given_name_is_named_in_full_where_the_message_does() {
    let text = "Hatchboard\nInbox\n\nMarta Oyelowo\nSenior Technical Recruiter · Lumen Bio\nOct 28\n\nHey Riley — thanks for applying! Could you do a call on Thursday 12 November at 15:00 GMT?\n\nTalk soon,\nMarta\n";
    let c = read(text.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("Marta Oyelowo"));
    // Nobody else's name is taken: "Marta" stays when no fuller form is written.
    let text = "Hey Riley — thanks for applying! Could you do a call on Thursday 12 November at 15:00 GMT?\n\nTalk soon,\nMarta\n";
    let c = read(text.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("Marta"));
}

#[test]
fn a_reply_takes_its_writers_address_from_the_quoted_decline_and_a_team_is_no_company() {
    let text = "Subject: RE: Clinical Data Manager – withdrawing\n\nHi Mei,\n\nThanks for letting me know, and all the best.\n\nWarm regards,\n\nGeorgia Pappas\nTalent Acquisition Advisor | People & Culture\nHarbourline Health\nP: 02 9555 0173\n\n-----Original Message-----\nFrom: Mei Lin Tan <meilin@webmail.example>\nSent: Tuesday, 10 March 2026 7:58 PM\nTo: Georgia Pappas <georgia.pappas@harbourlinehealth.example>\nSubject: Clinical Data Manager – withdrawing\n\nHi Georgia, I'd like to withdraw.\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(
        c.email.as_deref(),
        Some("georgia.pappas@harbourlinehealth.example")
    );
    assert_eq!(r.situation.company.as_deref(), Some("Harbourline Health"));
    // Sent to someone else: not the writer's address.
    let other = text.replace("To: Georgia Pappas", "To: Hiring Desk");
    let c = read(other.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.email, None);
}

#[test]
fn an_invites_role_without_the_interview_and_the_candidates_name() {
    let role = |summary: &str| {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-9@example.test\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261110T150000Z\r\nSUMMARY:{summary}\r\nDESCRIPTION:See you then.\r\nORGANIZER;CN=Rosa Maddox:mailto:rosa@quillfen.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        read(text.as_bytes(), now()).unwrap().situation.role
    };
    assert_eq!(
        role("Quillfen – Survey Data Analyst interview (Theo Marsh)").as_deref(),
        Some("Survey Data Analyst")
    );
    assert_eq!(
        role("Tweede gesprek Data Scientist - Quillfen").as_deref(),
        Some("Data Scientist")
    );
}

#[test]
fn an_attached_invites_utc_start_takes_the_zone_the_mail_states() {
    let eml = "From: SlotWise <notifications@slotwise.example>\r\nTo: darren@mail.example\r\nSubject: Rescheduled: Technical Interview with Kelong Pay\r\nDate: Thu, 14 Jan 2027 02:48:09 +0000\r\nMessage-ID: <t-1@slotwise.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nYour interview has been rescheduled.\r\n\r\nNEW TIME: Wed, 20 Jan 2027, 4:00 PM - 5:00 PM (GMT+8)\r\n\r\nAn updated calendar invite is attached.\r\n--b1\r\nContent-Type: text/calendar; method=REQUEST; charset=utf-8\r\n\r\nBEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SlotWise//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-2@slotwise.example\r\nDTSTAMP:20270114T024809Z\r\nDTSTART:20270120T080000Z\r\nSUMMARY:Technical Interview\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n--b1--\r\n";
    let r = read(eml.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2027-01-20T16:00:00+08:00")
    );
}

#[test]
fn an_online_test_to_take_is_no_invitation_unless_an_interview_is_asked_for_too() {
    let kind = |subject: &str, body: &str| classify::kind(subject, body, "", false, &|| true).0;
    assert_eq!(
        kind(
            "Coding assessment – Software Engineer II",
            "Hi Robin,\n\nWestmoor Freight has invited you to complete an online assessment for the Software Engineer II position.\nDuration: 90 minutes\nComplete by: 12.12.2025, 23:59 CET\n"
        ),
        Kind::Other
    );
    assert_eq!(
        kind(
            "Interview confirmation – Risk Analyst",
            "Hi Robin,\n\nWe'd like to meet you on Tuesday 12 November at 14:00 GMT. Before the interview, please complete the online psychometric assessment by 17:00 on Monday.\n"
        ),
        Kind::Invitation
    );
}

#[test]
fn an_organizers_title_is_the_one_under_their_name_not_a_panel_lists() {
    let title = |description: &str| {
        let text = format!("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-8@example.test\r\nDTSTAMP:20261101T120000Z\r\nDTSTART:20261110T150000Z\r\nSUMMARY:Interview: Product Designer\r\nDESCRIPTION:{description}\r\nORGANIZER;CN=Aoife Byrne:mailto:aoife.byrne@quillfen.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        read(text.as_bytes(), now())
            .unwrap()
            .situation
            .contact
            .and_then(|c| c.title)
    };
    assert_eq!(
        title("Panel: Aoife Byrne\\, Conor Walsh (Design Lead)\\n\\nAoife Byrne\\nTalent Acquisition Partner\\nQuillfen").as_deref(),
        Some("Talent Acquisition Partner")
    );
    assert_eq!(
        title("Panel:\\n- Dara Lim\\, Head of Risk\\n- Aoife Byrne\\, Talent Acquisition (observer)\\n\\nAoife Byrne\\nDirector\\, Computational Biology\\nQuillfen").as_deref(),
        Some("Director, Computational Biology")
    );
}

#[test]
fn an_agencys_client_a_partnership_retained_or_behind_a_label() {
    let company = |subject: &str, body: &str| {
        let text = format!("From: Noah Pryce <noah.pryce@ferrisleigh-search.example>\nSubject: {subject}\n\n{body}\n\nBest,\nNoah Pryce\nPrincipal | Ferrisleigh Search Group\n");
        read(text.as_bytes(), now()).unwrap().situation.company
    };
    // A firm of partners in a trade is the client; a talent firm of partners is an agency.
    assert_eq!(
        company(
            "Director of Revenue Cycle – Bramwell Dental Partners",
            "Hi Mo, would you have 20 minutes this week to talk about it?"
        )
        .as_deref(),
        Some("Bramwell Dental Partners")
    );
    assert_eq!(
        company("Quant Developer", "Hi Mo, I'm retained by Sable Cove Capital to find a Quant Developer. Are you free for a call on Wednesday?").as_deref(),
        Some("Sable Cove Capital")
    );
    // A subject's label is no name: the client unnamed, the agency.
    assert_eq!(
        company("Confidential: Director of Product Security – Series C company", "Hi Mo, I'm leading a confidential search for a Director of Product Security. Would you have 20 minutes this week?").as_deref(),
        Some("Ferrisleigh Search Group")
    );
}

#[test]
fn a_scheduling_tools_mail_is_signed_by_the_note_it_quotes() {
    let body = "Hi Andrea,\n\nCarmela Dizon from Bayanihan Cloud Services would like to schedule an interview with you.\n\nMessage from Carmela:\n\"Hi Andrea! This first interview will be a video call with me. We will talk about your experience handling enterprise accounts and what you are looking for in your next role. Looking forward to it!\n\nCarmela Dizon\nTalent Acquisition Specialist, Bayanihan Cloud Services\"\n\n--\nYou received this email because you applied for a job at Bayanihan Cloud Services.\nHireLoom, on behalf of Bayanihan Cloud Services. Please do not reply to this email.\n";
    let sig = people::signature(body);
    assert_eq!(sig.name.as_deref(), Some("Carmela Dizon"));
    assert_eq!(sig.title.as_deref(), Some("Talent Acquisition Specialist"));
}

#[test]
fn linkedins_read_receipt_and_buttons_are_no_signature() {
    let text = "Owen Hale\nSenior Recruiter at Redline Staffing\n\nMAY 15\nOwen Hale sent the following message at 5:02 PM\nOwen Hale 5:02 PM\nHi Alex, I'm working with Fairmount Grid on a Site Reliability Engineer hire. Worth a chat?\n\nMAY 18\nAlex Moreau sent the following message at 9:47 AM\nAlex Moreau 9:47 AM\nThanks, but I'm going to pass.\n\nTODAY\nOwen Hale sent the following message at 2:14 PM\nOwen Hale 2:14 PM\nTotally hear you. Would 3 days in office change things?\nSeen by Alex Moreau at 2:20 PM.\n\nWrite a message…\nAttach an image\nAttach a file\nSend a GIF\nOpen Emoji Keyboard\nSend\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let contact = r.situation.contact.unwrap();
    assert_eq!(contact.name.as_deref(), Some("Owen Hale"));
    assert!(!r.evidence.values().any(|e| e.contains("Emoji")));
}

#[test]
fn a_name_in_another_script_is_given_in_the_latin_form_written_after_it() {
    let text = "Subject: Invitation to second interview – Supply Chain Analyst\n\nDear Ms. Lim,\n\nWe would like to invite you to a second interview at our head office on Thursday 3 December at 14:00 JST.\n\nBest regards,\n\n中村 翔太 / Shota Nakamura\nTalent Acquisition Specialist, HR Division\nTsubame Logistics K.K.\n";
    let contact = read(text.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(contact.name.as_deref(), Some("Shota Nakamura"));
    assert_eq!(
        contact.title.as_deref(),
        Some("Talent Acquisition Specialist")
    );
    assert_eq!(
        people::plain_name("渡辺 健二 (Kenji Watanabe)"),
        "Kenji Watanabe"
    );
}

#[test]
fn a_roles_where_and_reference_a_candidate_before_it_and_a_process_word_go() {
    let role = |subject: &str| {
        let text = format!("From: Lucía Marín <lucia@olivar.example>\nSubject: {subject}\n\nHola, ¿podrías el martes 10 de noviembre a las 10:00 CET?\n\nLucía Marín\nTalent Partner\nOlivar\n");
        read(text.as_bytes(), now()).unwrap().situation.role
    };
    assert_eq!(
        role("Entrevista – Analista de Datos (Sevilla / híbrido)").as_deref(),
        Some("Analista de Datos")
    );
    assert_eq!(
        role("Interview – GIS Officer (Post ref WDC/2026/118)").as_deref(),
        Some("GIS Officer")
    );
    assert_eq!(
        role("Interview – Backend Engineer (Payments)").as_deref(),
        Some("Backend Engineer (Payments)")
    );
    assert_eq!(
        role("Re: Proceso Desarrollador Backend Senior – Olivar").as_deref(),
        Some("Desarrollador Backend Senior")
    );
    assert_eq!(
        role("Interview: Tom Hargreaves / Senior Embedded Engineer").as_deref(),
        Some("Senior Embedded Engineer")
    );
}

#[test]
fn a_systems_or_departments_box_is_nobodys_address() {
    for address in [
        "surveys@candor.example",
        "invites@codequarry.example",
        "privacidad@olivar.es",
        "feedback@x.example",
    ] {
        assert!(words::is_no_reply(address), "{address}");
    }
    assert!(!words::is_no_reply("sofia.invites@x.example"));
}

#[test]
fn a_title_in_spanish_portuguese_or_german_is_a_title() {
    let title = |sig: &str| {
        let text = format!("Hola Ana,\n\n¿Podrías el martes 10 de noviembre a las 10:00 CST para una entrevista?\n\nSaludos,\nMarisol Vega\n{sig}\nGrupo Arrecife\n");
        read(text.as_bytes(), now())
            .unwrap()
            .situation
            .contact
            .and_then(|c| c.title)
    };
    assert_eq!(title("Reclutadora Sr.").as_deref(), Some("Reclutadora Sr."));
    assert_eq!(
        title("Analista de Recrutamento e Seleção").as_deref(),
        Some("Analista de Recrutamento e Seleção")
    );
    assert_eq!(
        title("Jefe de Riesgos Técnicos").as_deref(),
        Some("Jefe de Riesgos Técnicos")
    );
}

#[test]
fn a_writers_title_from_their_own_earlier_mail_the_reply_quotes() {
    let eml = "From: Lena Marchetti <lmarchetti@cobaltbridge.example>\r\nTo: chris@mail.example\r\nSubject: Re: Withdrawing\r\nDate: Mon, 22 Jun 2026 17:02:00 -0400\r\nMessage-ID: <t-7@cobaltbridge.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi Chris,\r\n\r\nThanks for letting me know, and congratulations on the offer! Best of luck in the new role.\r\n\r\nLena\r\n\r\n> On Jun 22, 2026, at 4:31 PM, Chris A <chris@mail.example> wrote:\r\n> I've accepted an offer elsewhere, so I'd like to withdraw.\r\n>\r\n>> On Thu, Jun 18, 2026 at 10:02 AM Lena Marchetti <lmarchetti@cobaltbridge.example> wrote:\r\n>> Hi Chris, the hiring manager would like to schedule the final round.\r\n>>\r\n>> Lena Marchetti (she/her)\r\n>> Senior Recruiter | Cobalt Bridge RPO\r\n>> 860-555-0172\r\n";
    let contact = read(eml.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(contact.title.as_deref(), Some("Senior Recruiter"));
}

#[test]
fn a_cancellation_at_the_users_request_with_a_new_slot_is_a_reply() {
    let text = "Dear Ankit,\n\nAs per your request, your Technical Round-1 interview for the post of Java Developer (scheduled on 12-Aug-2025) has been cancelled. We can reschedule the same on 14-Aug-2025 (Thursday) at 3:00 PM IST through MS Teams.\n\nKindly confirm your availability for the new slot.\n\nThanks & Regards,\nPooja Deshmukh\nHR Executive\n";
    let kind = classify::kind("", text, "", false, &|| true).0;
    assert_eq!(kind, Kind::Reply);
}

#[test]
fn a_companys_own_alert_or_survey_names_the_company_a_newsletter_does_not() {
    let company = |from: &str| {
        let eml = format!("From: {from}\r\nTo: robin@mail.example\r\nSubject: New roles this month\r\nDate: Thu, 02 Apr 2026 08:00:00 +0100\r\nMessage-ID: <t-6@x.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi Robin,\r\n\r\nYou signed up for job updates. Here's what's new this month:\r\n\r\n* Senior iOS Engineer - London\r\n* Staff Data Engineer - London\r\n\r\nManage your job alert preferences or unsubscribe: https://x.example/alerts\r\n");
        read(eml.as_bytes(), now()).unwrap().situation.company
    };
    assert_eq!(
        company("Lumen Harbour Careers <careers-noreply@lumenharbour.example>").as_deref(),
        Some("Lumen Harbour")
    );
    assert_eq!(
        company("Tradewind Careers <newsletter@tradewind.example>"),
        None
    );
}

#[test]
fn a_role_named_as_a_hire_or_with_a_brands_small_first_letter() {
    let role = |body: &str| {
        let text = format!("Hi Sam,\n\n{body}\n\nWould you be free for a call on Thursday 12 November at 10:00 GMT?\n\nBest,\nNoah Pryce\nSenior Consultant\n");
        read(text.as_bytes(), now()).unwrap().situation.role
    };
    assert_eq!(
        role("I'm partnering with a Series C fintech on a Lead Platform Engineer hire.").as_deref(),
        Some("Lead Platform Engineer")
    );
    assert_eq!(
        role("Thanks for applying for the iOS Developer role at Mynta!").as_deref(),
        Some("iOS Developer")
    );
}

#[test]
fn a_role_in_bold_after_for() {
    let html = "From: Ines Lund <ines@quillfen.example>\r\nTo: sam@mail.example\r\nSubject: Final round\r\nDate: Thu, 05 Nov 2026 10:00:00 +0000\r\nMessage-ID: <t-4@quillfen.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Congratulations, you made it to the final round for <b>Frontend Engineer (React)</b>! Could you come in on Thursday 12 November at 10:00 GMT?</p><p>Ines Lund<br>Talent Partner</p>\r\n";
    assert_eq!(
        read(html.as_bytes(), now())
            .unwrap()
            .situation
            .role
            .as_deref(),
        Some("Frontend Engineer (React)")
    );
}

#[test]
fn a_re_subject_over_a_quoted_mail_that_declines_nothing_is_no_reply() {
    let kind = |quoted: &str| {
        classify::kind(
            "Re: Interview - Senior Python Developer",
            "Hi Kofi,\n\nJust bumping this in case it got buried. I'm still holding the two slots below for you:\n- Tuesday 9 September, 10:00-11:00\n- Tuesday 9 September, 14:30-15:30\n\nThanks,\nLaura\n",
            quoted,
            false,
            &|| true,
        )
        .0
    };
    // Her own invitation, quoted: a chase, an invitation.
    assert_eq!(kind("Hi Kofi,\nWould either of these suit?\n- Tuesday 9 September, 10:00-11:00\nBest,\nLaura\n"), Kind::Invitation);
    // The user's withdrawal, quoted: a reply.
    assert_eq!(
        kind("Hi Laura,\nI'd like to withdraw my application.\nKofi\n"),
        Kind::Reply
    );
}

#[test]
fn a_reply_in_another_language_reacts_or_quotes_a_decline_in_it() {
    let kind = |body: &str, quoted: &str| classify::kind("", body, quoted, false, &|| true).0;
    assert_eq!(
        kind("Hola Andrés:\nGracias por tu sinceridad y por avisarnos con tiempo. ¿Te lo replantearías con 2 días presenciales?\nLucía\n", ""),
        Kind::Reply
    );
    assert_eq!(
        kind("Gentile Marco,\nle auguro il meglio per la nuova esperienza.\nGiulia\n", "la ringrazio per l'invito al colloquio, ma ho accettato un'altra proposta e devo quindi rinunciare.\n"),
        Kind::Reply
    );
}

#[test]
fn a_replys_intent_in_spanish_or_portuguese() {
    let intent = |body: &str| intent::intent(body, false).0;
    assert_eq!(
        intent("Gracias por tu sinceridad. ¿Te lo replantearías con estas condiciones?\nLucía\n"),
        Intent::AsksReconsider
    );
    assert_eq!(
        intent("Poxa, que pena! Posso te perguntar o que pesou mais na decisão?\nCamila\n"),
        Intent::AsksReason
    );
    assert_eq!(intent("Lo entendemos. Acabamos de abrir la posición de Arquitecta de Soluciones, sin personas a cargo. ¿Te interesaría?\nMariana\n"), Intent::OffersOtherRole);
}

#[test]
fn a_companys_site_is_not_its_name() {
    assert_eq!(
        fields::tidy_company(("Grainger & Lowe Support Office".into(), "why".into()))
            .map(|c| c.0)
            .as_deref(),
        Some("Grainger & Lowe")
    );
    assert_eq!(
        fields::tidy_company(("Harbour HQ".into(), "why".into()))
            .map(|c| c.0)
            .as_deref(),
        Some("Harbour")
    );
}

#[test]
fn a_tools_mail_names_the_person_to_write_to() {
    let eml = |from: &str| {
        format!("From: {from}\r\nTo: karthik@mail.example\r\nSubject: Interview booked - Data Engineer II\r\nDate: Mon, 15 Jun 2026 10:00:00 +0530\r\nMessage-ID: <t-3@x.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHi Karthik,\r\n\r\nYour interview is booked for 18-06-2026 (Thursday), 14:00 IST.\r\nInterviewers: Ananya Iyer (Senior Talent Acquisition Specialist), Vikram Desai (Lead Data Engineer)\r\n\r\nQuestions about the role? Write to Ananya at ananya.iyer@kesar.example.\r\n\r\nMaria Lobo\r\n")
    };
    let contact = read(
        eml("Kesar via SlotHive <no-reply@slothive.example>").as_bytes(),
        now(),
    )
    .unwrap()
    .situation
    .contact
    .unwrap();
    assert_eq!(contact.name.as_deref(), Some("Ananya Iyer"));
    assert_eq!(contact.email.as_deref(), Some("ananya.iyer@kesar.example"));
    assert_eq!(
        contact.title.as_deref(),
        Some("Senior Talent Acquisition Specialist")
    );
    // A person's own mail that hands over to a colleague keeps its writer.
    let contact = read(
        eml("Maria Lobo <maria.lobo@kesar.example>").as_bytes(),
        now(),
    )
    .unwrap()
    .situation
    .contact
    .unwrap();
    assert_eq!(contact.name.as_deref(), Some("Maria Lobo"));
}

#[test]
fn after_review_a_title_after_a_long_dash_a_bullet_line_and_a_german_sentence_are_read_safely() {
    // The evidence of a title after "–" (three bytes) ending in a letter of two bytes: no panic.
    let text = "Hi Sam,\n\nCould you do Thursday 12 November at 10:00 GMT?\n\nAna López – Especialista en Selección\n";
    let eml = format!("From: Talent via Slot <no-reply@slot.example>\r\nTo: sam@mail.example\r\nSubject: Interview\r\nDate: Thu, 05 Nov 2026 10:00:00 +0000\r\nMessage-ID: <t-2@slot.example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{text}Write to Ana at ana.lopez@acme.example.\r\n");
    let contact = read(eml.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(contact.name.as_deref(), Some("Ana López"));
    assert_eq!(contact.title.as_deref(), Some("Especialista en Selección"));
    // A bullet before a name in Latin letters is no other script.
    assert_eq!(people::latin_form("• / Head Of People"), None);
    // A sentence that says "schrieb" is no quote header.
    let doc = input::decode(
        "Am Montag schrieb ich Ihnen folgende Termine:\n- Dienstag, 17.11., 10:00 Uhr\n".as_bytes(),
    )
    .unwrap();
    assert!(doc.body.contains("Dienstag"));
}

#[test]
fn an_agency_named_like_a_team_is_still_the_company_its_address_or_headline_gives() {
    // "Recruiting" and "HR" name a team too; the writer's address spells the name whole.
    let mail = "Hi Sam,\n\nNo problem, I told the client you need to move Thursday's interview. Which days next week suit you?\n\nJo\n\nJo Marsh | Senior Recruiter\nBrindlewood Recruiting\njo@brindlewoodrecruiting.com\n";
    let r = read(mail.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.company.as_deref(),
        Some("Brindlewood Recruiting")
    );
    // A LinkedIn headline's company after "at".
    let card = "Ravi Menon\nSenior Consultant at Brightpeak HR Solutions\n\nJUL 1\nSam Lee  7:45 PM\nThanks, but I'll pass on the Data Lead role.\n\nJUL 2\nRavi Menon  11:08 AM\nHi Sam, could you reconsider? The package is flexible.\n";
    let r = read(card.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.company.as_deref(),
        Some("Brightpeak HR Solutions")
    );
    // A team's line under a title is still no company.
    let team = "Hi Sam,\n\nThanks for letting us know. All the best!\n\nJo Marsh\nTalent Partner\nCampus Recruiting\n";
    let r = read(team.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company, None);
}

#[test]
fn an_adverts_number_a_hiring_unit_or_a_workload_is_no_part_of_the_role() {
    for (raw, want) in [
        (
            "Lecturer (Robotics), Advt. No. 7/2027",
            "Lecturer (Robotics)",
        ),
        (
            "Senior Lecturer (Law), Job Ref QMU/LAW/2026/12",
            "Senior Lecturer (Law)",
        ),
        ("Lektor (Lecturer), Faculty of Arts", "Lektor (Lecturer)"),
        (
            "Analista Fiscal Pleno (vaga nº 2026-0112)",
            "Analista Fiscal Pleno",
        ),
        ("Data Engineer (insurance client)", "Data Engineer"),
        ("Leiter/in Finanzen (80", "Leiter/in Finanzen"),
        ("Leiter/in Finanzen (80–100 %)", "Leiter/in Finanzen"),
        // A field after a comma stays.
        ("Director, Cloud Platform", "Director, Cloud Platform"),
    ] {
        assert_eq!(fields::tidy_role(raw, None).as_deref(), Some(want), "{raw}");
    }
    // "Final interview, …" is the interview's name, not the job's.
    let text = "Subject: Re: Request to reschedule – Final interview, Charge Nurse (Theatres)\n\nHi Sam,\n\nNo problem, we can move it. Would Tuesday 10:00 work instead?\n\nPriya\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.role.as_deref(), Some("Charge Nurse (Theatres)"));
}

#[test]
fn a_city_the_zone_database_knows_or_an_australian_state_sets_the_zone() {
    for (text, want) in [
        (
            "Hi Sam,\n\nWould you be free for a first talk on Wednesday, 4 November at 14:00 (Bucharest time)? About 45 minutes.\n\nIoana\n",
            "2026-11-04T14:00:00+02:00",
        ),
        (
            "Hi Sam,\n\nWe'd like to see you on Thursday 10th December, 9.30am (QLD time), at our Fortitude Valley office.\n\nMel\n",
            "2026-12-10T09:30:00+10:00",
        ),
        (
            "Hi Sam,\n\nCould you do Tuesday 17 November at 3pm Jakarta time on Zoom?\n\nDewi\n",
            "2026-11-17T15:00:00+07:00",
        ),
    ] {
        let r = read(text.as_bytes(), now()).unwrap();
        assert_eq!(r.situation.interview_at.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn dates_in_more_languages_and_a_sign_off_that_places_the_sender() {
    for (sent, text, want) in [
        (
            "2026-03-26T10:12:00+01:00",
            "Hej Jonas,\n\nVi vill gärna träffa dig för en intervju.\n\nTid: tisdag 14 april 2026, kl. 10.00–11.15\n\nMed vänlig hälsning\n\nKarin Ek\nHR-specialist\n",
            "2026-04-14T10:00:00+02:00",
        ),
        (
            "2026-03-26T10:12:00+01:00",
            "Beste Jonas,\n\nGraag nodigen wij je uit voor een gesprek op dinsdag 7 april om 14.00 uur.\n\nMet vriendelijke groet,\n\nSanne de Vries\n",
            "2026-04-07T14:00:00+02:00",
        ),
        // Lisbon's clock: an hour behind the others (summer time from 29 March).
        (
            "2026-04-02T10:12:00+01:00",
            "Olá Jonas,\n\nConfirmo a sua entrevista na quinta-feira, 9 de abril de 2026, às 15:00.\n\nCom os melhores cumprimentos,\n\nRita Sousa\n",
            "2026-04-09T15:00:00+01:00",
        ),
    ] {
        let now = DateTime::parse_from_rfc3339(sent).unwrap();
        let r = read(text.as_bytes(), now).unwrap();
        assert_eq!(r.situation.interview_at.as_deref(), Some(want), "{text}");
    }
    // The same sign-off from a clock that is not that country's places no one.
    let far = DateTime::parse_from_rfc3339("2026-03-26T10:12:00-05:00").unwrap();
    let text = "Hej Jonas,\n\nVi vill gärna träffa dig för en intervju.\n\nTid: tisdag 14 april 2026, kl. 10.00–11.15\n\nMed vänlig hälsning\n\nKarin Ek\n";
    assert_eq!(
        read(text.as_bytes(), far).unwrap().situation.interview_at,
        None
    );
}

#[test]
fn an_irish_number_dialled_at_home_places_the_sender() {
    let now = DateTime::parse_from_rfc3339("2026-07-09T11:48:00+01:00").unwrap();
    let text = "Subject: CAD Technician position\n\nHi Kevin,\n\nCould you come in on Tuesday 14th at 10.30 for a chat with myself and Declan?\n\nThanks,\nSinead\n\nSinead Walsh\nOffice Manager\nBrackenridge Engineering Ltd.\n091 555 0127\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-07-14T10:30:00+01:00")
    );
    // The same digits from a clock two hours ahead (a number dialled at home elsewhere) place
    // no one.
    let now = DateTime::parse_from_rfc3339("2026-07-09T11:48:00+02:00").unwrap();
    assert_eq!(
        read(text.as_bytes(), now).unwrap().situation.interview_at,
        None
    );
}

#[test]
fn a_signatures_faculty_line_gives_way_to_the_organisation_below_it() {
    let text = "Dear Sam,\n\nWe would like to invite you to an interview for the position of Lecturer in Data Science.\n\nKind regards,\n\nAnna Virta\nHR Specialist\nFaculty of Natural Sciences\nUniversity of Harjuvaara\nanna.virta@harjuvaara.example\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.company.as_deref(),
        Some("University of Harjuvaara")
    );
    // A unit with nothing that is a name below it stays the only candidate.
    let text = "Dear Sam,\n\nWe would like to invite you to an interview.\n\nKind regards,\n\nAnna Virta\nHR Specialist\nFaculty of Natural Sciences\nPL 8000, 90014 Harjuvaara\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_ne!(
        r.situation.company.as_deref(),
        Some("PL 8000, 90014 Harjuvaara")
    );
}

#[test]
fn jobs_in_compounds_and_more_languages_and_file_numbers_after_them() {
    for (raw, want) in [
        ("Kreditanalytiker", "Kreditanalytiker"),
        (
            "Beleidsadviseur Duurzaamheid (vacaturenummer V2026-118)",
            "Beleidsadviseur Duurzaamheid",
        ),
        ("IT-arkitekt, Dnr KS 2026/114", "IT-arkitekt"),
        (
            "Coordinador(a) de Proyectos (Código FAC-2026-12)",
            "Coordinador(a) de Proyectos",
        ),
        ("Analis Kredit Komersial", "Analis Kredit Komersial"),
        // A level or a grade in brackets is the job's.
        ("Software Engineer (L5)", "Software Engineer (L5)"),
        ("Marine Electrician II", "Marine Electrician II"),
    ] {
        assert_eq!(fields::tidy_role(raw, None).as_deref(), Some(want), "{raw}");
    }
    // A long word that merely ends like a job is none.
    assert!(!words::is_role("Creditor"));
}

#[test]
fn a_subject_shown_above_a_pasted_header_block_is_no_message_of_its_own() {
    let text = "Automatic reply: Withdrawal - Store Manager application\n\nFrom: Ruth Ames <ruth.ames@fernbrook.example>\nSent: 04 August 2026 09:58\nTo: Sam Lee\nSubject: Automatic reply: Withdrawal - Store Manager application\n\nThank you for your email. I am on leave until Monday 17th August.\n\nKind regards,\n\nRuth Ames\nTalent Acquisition Manager\nFernbrook Retail Ltd\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.clone().unwrap();
    assert_eq!(c.name.as_deref(), Some("Ruth Ames"));
    assert_eq!(c.email.as_deref(), Some("ruth.ames@fernbrook.example"));
    assert_eq!(r.situation.role.as_deref(), Some("Store Manager"));
}

#[test]
fn a_one_word_signature_under_a_card_takes_the_cards_full_name() {
    let text = "Nurul Aisyah Binti Rahman\n 2nd degree connection · 2nd\nPrincipal Consultant | Tanjung Search\nDEC 7\nNurul Aisyah Binti Rahman  10:58 AM\nHi Sam, would you be open to a short call about a Head of Audit role?\n\nTerima kasih!\nAisyah\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Nurul Aisyah Binti Rahman")
    );
}

#[test]
fn a_companys_team_mailbox_is_nobodys_name_or_address() {
    let text = "From: Brightmoor Candidate Experience <candidate-experience@brightmoor.example>\nSubject: How did we do? Your interview for Data Engineer\n\nHi Sam,\n\nThanks for interviewing with Brightmoor for the Data Engineer role. Tell us how it went in a two-minute survey.\n\nBrightmoor Candidate Experience\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap_or_default();
    assert_eq!(c.name, None);
    assert_eq!(c.email, None);
    let text = "Hi Sam,\n\nWe'd love to invite you to our graduate assessment centre. Questions? Write to grads@pellamy.example.\n\nPellamy Graduate Team\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.contact.unwrap_or_default().email, None);
}

#[test]
fn a_cancelled_time_under_its_label_and_a_reporting_time_are_no_interview() {
    let text = "Hi Sam,\n\nYour interview has been moved.\n\nPrevious time (cancelled):\n  Tuesday, 17 November 2026, 11:30 AM - 12:30 PM (IST)\n\nNew time:\n  Thursday, 19 November 2026, 3:00 PM - 4:00 PM (IST)\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-19T15:00:00+05:30")
    );
    assert!(r.interview_options.is_empty());
    let text = "Dear Sam,\n\nWe are pleased to invite you to an interview.\n\nDate            : 18-Nov-2026 (Wednesday)\nReporting time  : 10:30 AM (for document verification)\nInterview time  : 11:30 AM IST\n\nKindly confirm by 12-Nov-2026, 5:00 PM.\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-18T11:30:00+05:30")
    );
    assert!(r.interview_options.is_empty());
}

#[test]
fn a_time_restated_in_another_zone_or_the_day_the_clocks_change_is_no_option() {
    let now = DateTime::parse_from_rfc3339("2026-09-08T09:55:00+02:00").unwrap();
    for text in [
        "Dear Sam,\n\nI confirm your interview.\n\nDate: Thursday 24 September 2026\nTime: 14:00-15:30 Norwegian time (CEST) - this is 09:00-10:30 in Halifax (ADT)\n\nBest regards,\nIngrid\n",
        "Dear Sam,\n\nWe would like to invite you to an interview on Thursday 24 September at 14:00 Geneva time. Please note that Switzerland switches to winter time on 25 October, so 14:00 in Geneva will be 15:00 in Nairobi from then.\n\nBest regards,\nIngrid\n",
    ] {
        let r = read(text.as_bytes(), now).unwrap();
        assert_eq!(
            r.situation.interview_at.as_deref(),
            Some("2026-09-24T14:00:00+02:00"),
            "{text}"
        );
        assert!(r.interview_options.is_empty(), "{text}");
    }
}

#[test]
fn signed_on_someones_behalf_and_an_institute_of_something() {
    let text = "Dear Sam,\n\nYou have been shortlisted for the post of Lecturer. Thank you for your interest in the Kelaniya Institute of Technology.\n\nYours faithfully,\n\nNadeesha Perera\nDeputy Registrar\nfor Registrar\nTel: +94 11 297 3306\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.company.as_deref(),
        Some("Kelaniya Institute of Technology")
    );
    assert_eq!(
        r.situation.contact.unwrap().title.as_deref(),
        Some("Deputy Registrar")
    );
    // A Dutch adviser's title.
    let text = "Beste Sam,\n\nGraag nodigen wij je uit voor een gesprek.\n\nMet vriendelijke groet,\n\nSanne de Vries\nHR-adviseur\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().title.as_deref(),
        Some("HR-adviseur")
    );
}

#[test]
fn asian_and_african_zone_abbreviations_and_cities_that_place_the_sender() {
    let now = DateTime::parse_from_rfc3339("2026-08-25T14:08:00+07:00").unwrap();
    let text = "Yth. Bapak Sam,\n\nKami mengundang Bapak untuk mengikuti wawancara.\n\nTanggal: Senin, 7 September 2026\nWaktu: 09.00 – 10.30 WITA\n\nMohon konfirmasi paling lambat Kamis, 3 September 2026 pukul 12.00 WIB.\n\nHormat kami,\nDewi\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-09-07T09:00:00+08:00")
    );
    assert!(r.interview_options.is_empty());
    let now = DateTime::parse_from_rfc3339("2026-10-19T10:14:00+05:00").unwrap();
    let text = "Dear Mr. Sam,\n\nWe would like to invite you for a panel interview on Tuesday 27th October at 2:30 pm at our Head Office.\n\nRegards,\n\nHira Siddiqui\nAssistant Manager\nHead Office, I.I. Chundrigar Road, Karachi\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-10-27T14:30:00+05:00")
    );
}

#[test]
fn a_forward_under_a_line_of_underscores_a_numeric_sent_stamp_and_the_weekday_with_its_day() {
    let now = DateTime::parse_from_rfc3339("2026-05-27T20:15:00+01:00").unwrap();
    let text = "From: Gareth Lloyd <gareth.lloyd@tawewater.example>\nSent: 27 May 2026 19:52\nTo: Sam Lee\nSubject: FW: Interview arrangements - SCADA Engineer\n\nHi Sam, forwarding this on in case it ended up in your junk folder.\n\nGareth\n07700 900 733\n\n________________________________\nFrom: Bethan Pritchard <bethan.pritchard@tawewater.example>\nSent: 26 May 2026 14:10\nSubject: Interview arrangements - SCADA Engineer\n\nDear Sam,\n\nI am writing to confirm your interview.\n\nDate: Wednesday 3rd June 2026\nTime: 1.30pm\n\nBethan Pritchard\nHR Officer\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-06-03T13:30:00+01:00")
    );
    let now = DateTime::parse_from_rfc3339("2026-10-20T17:55:00+01:00").unwrap();
    let text = "Interview invitation – Asset Manager\n\nNadia Hussain <nadia.hussain@ravenha.example>\nTue 20/10/2026 17:31\nTo: you\n\nDear Sam,\n\nWe would like to invite you to interview.\n\nDate: Monday 2nd November 2026\nTime: 10.00am\n\nNadia\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert!(r.interview_options.is_empty());
    let now = DateTime::parse_from_rfc3339("2026-04-08T10:30:00+01:00").unwrap();
    let text = "Hi Sam,\n\nFergal would like to meet you. Would next Thursday, the 16th, at 2pm work for you?\n\nAoife\n01 555 0199\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(r.interview_options, Vec::<String>::new());
    assert!(r
        .situation
        .interview_at
        .as_deref()
        .is_some_and(|t| t.starts_with("2026-04-16T14:00")));
}

#[test]
fn the_reviews_cases_of_this_pass_read_as_a_person_would() {
    // A person's name before the company's capitals is no company.
    let text = "From: Jane Roe <jane@kpmg.example>\nSubject: Interview\n\nHi Sam,\n\nYou'll meet Priya Shah (KPMG) on Tuesday 10 November at 10:00 GMT.\n\nJane\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_ne!(r.situation.company.as_deref(), Some("Priya Shah"));
    // "This is a reminder" converts nothing: both times are CET.
    let text = "Hi Sam,\n\nThis is a reminder that you can pick Tuesday 10 November at 10:00 or 14:00 CET.\n\nJane\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.interview_options,
        vec!["2026-11-10T10:00:00+01:00", "2026-11-10T14:00:00+01:00"]
    );
    // A label that says "original" about the interview, not its time, hides nothing.
    let text = "Hi Sam,\n\nWe've had to move your original interview. The new time is:\nThursday 12 November, 14:00 GMT\n\nJane\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-12T14:00:00+00:00")
    );
    // "report at reception by 09:45" is a deadline; the interview at 10:00 stands.
    let text = "Hi Sam,\n\nPlease report at reception by 09:45 for your interview at 10:00 GMT on Monday 16 November.\n\nJane\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-16T10:00:00+00:00")
    );
    // "(Sofia)" after a time is a person; "Code Jam 2026" is no time.
    let text = "Hi Sam,\n\nWould Tuesday 10 November at 10:00 GMT (Sofia) work? Join us for Code Jam 2026 too.\n\nJane\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-10T10:00:00+00:00")
    );
    // A person whose first name starts like the company's is still a person.
    let text = "Hi Sam,\n\nThanks for your interest in the Analyst role at Ada. Would Tuesday 10 November at 10:00 GMT work?\n\nAdam Clarke\nRecruiter, Ada\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.and_then(|c| c.name).as_deref(),
        Some("Adam Clarke")
    );
    // A month after "in" is no field of the job; an English compound is no job.
    assert_eq!(
        org::role(&["We are hiring a Graduate Data Analyst in September."])
            .unwrap()
            .0,
        "Graduate Data Analyst"
    );
    assert!(!words::is_role("Homeowner"));
}

#[test]
fn a_time_without_a_zone_is_on_the_clock_of_a_sender_nothing_places_elsewhere() {
    let now = DateTime::parse_from_rfc3339("2026-06-01T14:00:00+08:00").unwrap();
    // A shop asks the user round: the shop's clock is the user's.
    let text = "Hi Mia! This is Ben from Corkwood Coffee. We'd love to meet you about the barista job. Could you come by the shop on Saturday 6 June at 10am? Bring your CV. Thanks, Ben";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-06-06T10:00:00+08:00")
    );
    // The same time from a sender the message places in London: whose 10am is it?
    let text = "Hi Mia! This is Ben from Corkwood Coffee in London. We'd love to meet you about the barista job. Could you do a video call on Saturday 6 June at 10am? Thanks, Ben";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(r.situation.interview_at, None);
    // A chat export's stamps are when each line was sent, not times offered.
    let text = "[01/06/2026, 13:40] Ben (Corkwood Coffee): Hi Mia, we'd love to meet you about the barista job\n[01/06/2026, 13:41] Ben (Corkwood Coffee): Could you come by the shop on Saturday 6 June at 10am?\n[01/06/2026, 13:52] Mia: Sure!";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-06-06T10:00:00+08:00")
    );
    assert!(r.interview_options.is_empty());
    // "a más tardar el viernes … 14:00" is when to confirm by.
    let text = "Estimada Ana:\n\nLa entrevista será presencial el martes 9 de junio a las 11:00 horas en nuestras oficinas (Av. Central 12).\n\nLe pedimos confirmar su asistencia a más tardar el viernes 5 de junio a las 14:00 horas.\n\nAtentamente,\nLucía Ramos\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-06-09T11:00:00+08:00")
    );
}

#[test]
fn sign_offs_in_more_languages_end_the_letter() {
    // "Viele Grüße", the name, then the signature block with the name again.
    let text = "Hallo Jana,\n\nhätten Sie Zeit für ein kurzes Gespräch per Teams?\n\nViele Grüße\nKonrad Albers\n\nKonrad Albers\nTalent Acquisition Manager\nWeidenbach Optik GmbH\nTel. +49 30 5555 0101\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Konrad Albers"));
    assert_eq!(c.title.as_deref(), Some("Talent Acquisition Manager"));
    assert_eq!(r.situation.company.as_deref(), Some("Weidenbach Optik"));
    // A degree written before the name is no part of it; a directorate is a team.
    let text = "Olá Pedro,\n\nGostaríamos de conversar com você sobre a vaga de Analista de Crédito.\n\nAbraços,\nLic. Helena Prates\nBusiness Partner de Pessoas | Diretoria de Crédito\nBanco Serra Alta S.A.\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Helena Prates")
    );
    assert_eq!(r.situation.company.as_deref(), Some("Banco Serra Alta"));
}

#[test]
fn a_chat_introduction_names_the_company() {
    let now = DateTime::parse_from_rfc3339("2026-05-04T17:00:00+03:00").unwrap();
    for (text, company) in [
        ("Hi Wanjiru, Otieno here, GM at Mvule Court Hotel in Naivasha. Could you come for an interview on Thursday at 10am? Bring your CV.", "Mvule Court Hotel"),
        ("Hey Sam its Dale from Pike & Daughters Roofing. We need a roofer. Can you swing by the yard Monday at 7am?", "Pike & Daughters Roofing"),
        ("Good pm! This is Ma'am Liza of Kusina Bituin. Pls come for interview on Sat May 9, 9am. Thank you!", "Kusina Bituin"),
    ] {
        let r = read(text.as_bytes(), now).unwrap();
        assert_eq!(r.situation.company.as_deref(), Some(company), "{text}");
    }
}

#[test]
fn a_survey_names_the_job_and_an_alert_names_none() {
    let text = "Subject: Tell us about your interview experience\n\nHi Lee,\n\nYou recently interviewed with us for the Claims Team Leader role. We'd love your feedback: the survey takes two minutes.\n\nStart the survey: https://survey.example/abc\n\nYou're receiving this because you applied with us. Unsubscribe\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Other);
    assert_eq!(r.situation.role.as_deref(), Some("Claims Team Leader"));
    let text = "Subject: 9 new jobs matching \"Claims Team Leader\"\n\nHi Lee,\n\nClaims Team Leader – Harrowgate Mutual – Leeds\nClaims Handler – Ostrey Insurance – York\n\nManage your job alerts | Unsubscribe\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Other);
    assert_eq!(r.situation.role, None);
}

#[test]
fn a_linkedin_page_copied_in_french_or_spanish_is_read_as_linkedin() {
    let text = "Margaux Lefèvre\nMargaux Lefèvre\n · 2e\nTalent Acquisition Manager chez Orvault Conseil\nMAR.\nMargaux Lefèvre a envoyé le message suivant à 10:12\nVoir le profil de Margaux Lefèvre\nMargaux Lefèvre\nBonjour Hugo,\n\nVotre profil m'a beaucoup plu pour notre poste de Chef de projet data. Seriez-vous disponible pour un premier échange en visio ?\n\nBien à vous,\nMargaux\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Margaux Lefèvre"));
    assert_eq!(c.title.as_deref(), Some("Talent Acquisition Manager"));
    assert_eq!(r.situation.company.as_deref(), Some("Orvault Conseil"));
    let text = "Lucía Benítez\nLucía Benítez\n · 2º\nTalent Acquisition Lead en Quebracho Labs\nVIE\nLucía Benítez envió el siguiente mensaje a las 18:47\nLucía Benítez  18:47\nHola Nico! Te escribo por una posición de Data Engineer en Quebracho Labs. ¿Tendrías 20 minutos para una llamada la semana que viene?\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    assert_eq!(
        r.situation.contact.unwrap().title.as_deref(),
        Some("Talent Acquisition Lead")
    );
    assert_eq!(r.situation.company.as_deref(), Some("Quebracho Labs"));
}

#[test]
fn times_written_in_more_ways() {
    let at = |text: &str, now: &str| {
        let r = read(text.as_bytes(), DateTime::parse_from_rfc3339(now).unwrap()).unwrap();
        (r.situation.interview_at, r.interview_options)
    };
    // A pasted mail's stamp without a year is when it was sent.
    let text = "Subject: Interview - Buyer - Tallowmere Foods\n\nLena Ortiz <lena@tallowmere.example>\nMon, Apr 6, 3:52 PM (13 minutes ago)\nto me\n\nHi Sam,\n\nWe'd like to invite you to interview on Thursday 4/9 at 1:00 PM Arizona time.\n\nLena\n";
    assert_eq!(
        at(text, "2026-04-06T16:05:00-07:00"),
        (Some("2026-04-09T13:00:00-07:00".into()), vec![])
    );
    // "das 15h00 às 16h00": a range, one time.
    let text = "Olá Pedro,\n\nGostaríamos de convidar você para uma entrevista.\nData: quinta-feira, 20 de agosto\nHorário: das 15h00 às 16h00 (horário de Brasília)\n\nAbraços,\nCarla\n";
    assert_eq!(
        at(text, "2026-08-14T16:42:00-03:00"),
        (Some("2026-08-20T15:00:00-03:00".into()), vec![])
    );
    // "Wed 10/06" in June is the 10th of June, a Wednesday; a list's "Brasília time:".
    let text = "Hi Lucas,\n\nWe'd like to invite you to a system design interview. Here are the slots we have, Brasília time:\n\n• Tue 09/06 - 15:00\n• Wed 10/06 - 10:00\n\nReply with the one you prefer.\n\nFernanda\n";
    assert_eq!(
        at(text, "2026-06-03T10:00:00-03:00").1,
        vec!["2026-06-09T15:00:00-03:00", "2026-06-10T10:00:00-03:00"]
    );
    // A date line of its own with a year is the interview, not a mail's stamp; "from 9.30".
    let text = "Dear Julie,\n\nOur client proposes a first video call on:\n\n    Wednesday 10 February 2027 at 16:00 (Luxembourg time)\n\nKind regards,\nLaurent\n";
    assert_eq!(
        at(text, "2027-02-04T12:41:30+01:00"),
        (Some("2027-02-10T16:00:00+01:00".into()), vec![])
    );
    let text = "Dear Alex,\n\nWe would like to invite you to a second interview. We have set aside Tuesday 9 February from 9.30 to 11.30 at our head office.\n\nBest regards\nLars\n";
    assert_eq!(
        at(text, "2027-02-01T15:20:00+01:00"),
        (Some("2027-02-09T09:30:00+01:00".into()), vec![])
    );
    // Canadian French: "16 h 15 (HNE)".
    let text = "Bonjour Julie,\n\nNous aimerions vous rencontrer en entrevue virtuelle le mercredi 28 janvier à 16 h 15 (HNE).\n\nCordialement,\nMarc\n";
    assert_eq!(
        at(text, "2026-01-19T14:45:00+01:00"),
        (Some("2026-01-28T16:15:00-05:00".into()), vec![])
    );
}

#[test]
fn titles_in_more_languages_and_a_first_name_signed_above_the_block() {
    let text = "Hallo Mara,\n\nhast du Zeit für ein erstes Kennenlernen per Video?\n\nViele Grüße\nJonas\n\n--\nJonas Feldkamp\nTeamlead Data Engineering\nHavelkant Analytics GmbH | Am Ufer 3 | 10115 Berlin\n";
    let c = read(text.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(c.name.as_deref(), Some("Jonas Feldkamp"));
    assert_eq!(c.title.as_deref(), Some("Teamlead Data Engineering"));
    let text = "Hola Diego,\n\nNos gustaría invitarte a una entrevista para el puesto de Analista Contable.\n\nSaludos cordiales,\nValentina Rojas\nEjecutiva de Atracción de Talento\nViñedos Cordillera\n";
    let c = read(text.as_bytes(), now())
        .unwrap()
        .situation
        .contact
        .unwrap();
    assert_eq!(
        c.title.as_deref(),
        Some("Ejecutiva de Atracción de Talento")
    );
}

#[test]
fn the_user_named_in_a_forwarded_subject_is_no_company() {
    let text = "Subject: Fwd: Interview – Process Engineer (Etch) – Wen Lim\n\nHi Wen,\n\nGood news: my client would like to interview you for the Process Engineer (Etch) role at Corlith Semiconductor on Tuesday 10 November at 10:00 GMT.\n\nBest regards,\nJasmine Koh\nPrincipal Consultant\nBrightfield Search\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.company.as_deref(),
        Some("Corlith Semiconductor")
    );
}

#[test]
fn interview_words_in_a_subject_are_no_part_of_the_job() {
    for (subject, role) in [
        ("Intervju UX Researcher – Fjordlys", "UX Researcher"),
        (
            "Business Systems Analyst interview Friday",
            "Business Systems Analyst",
        ),
    ] {
        assert_eq!(
            org::strip_interview_words(subject).trim_end_matches(" – Fjordlys"),
            role
        );
    }
}

#[test]
fn a_messenger_chat_is_read_as_the_other_persons_messages() {
    let now = DateTime::parse_from_rfc3339("2026-02-20T18:00:00+03:00").unwrap();
    let text = "[20/02/2026, 17:41] Brian Otieno: Hi Achieng, Brian here, GM at Tamarind Reef Lodge in Watamu. Mama Salma gave me your number\n[20/02/2026, 17:42] Brian Otieno: We need a Guest Relations Officer from March. Could you come for an interview on Monday 23 Feb at 2pm? Bring your certificates\n[20/02/2026, 17:50] Achieng: Thank you sir, I will come\n[20/02/2026, 17:51] Brian Otieno: Karibu 👍\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(r.kind, Kind::Invitation);
    assert_eq!(
        r.situation.contact.and_then(|c| c.name).as_deref(),
        Some("Brian Otieno")
    );
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-02-23T14:00:00+03:00")
    );
    // Copied with "Me:" for the user; a phone's contact name ends with the company.
    let text = "Me: Hi, it's Jamal. Could we move my interview for the cake decorator job?\n\nRosa Sweet Hour Bakery: Hi Jamal, this is Rosa from Sweet Hour Bakery. No problem at all!! Could you do Thursday at 3pm instead? Same place, side door\n";
    let r = read(text.as_bytes(), now).unwrap();
    assert_eq!(
        r.situation.contact.and_then(|c| c.name).as_deref(),
        Some("Rosa")
    );
}

#[test]
fn a_reviewers_inputs_read_as_they_should() {
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
    // A clock change between now and the interview: the offset would be a guess.
    let text = "Hi Sam, this is Dale from Pike Roofing. Could you come by the shop on Monday 9 March at 10am? Thanks, Dale";
    let r = read(text.as_bytes(), at("2026-03-02T10:00:00-05:00")).unwrap();
    assert_eq!(r.situation.interview_at, None);
    // A time in a thank-you is no new time offered.
    let text =
        "Hi Sam,\n\nGreat, thanks for confirming. See you on Thursday at 2pm.\n\nBest,\nLucy";
    let r = read(text.as_bytes(), at("2026-11-03T09:00:00+01:00")).unwrap();
    assert_ne!(r.reply.map(|x| x.intent), Some(Intent::ProposesReschedule));
    // A headline's field is no company.
    let text = "Lucía Benítez\nLucía Benítez\n · 2º\nEspecialista en Reclutamiento y Selección\nVIE\nLucía Benítez envió el siguiente mensaje a las 18:47\nLucía Benítez  18:47\nHola Nico! ¿Tendrías 20 minutos para una llamada?\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_ne!(
        r.situation.company.as_deref(),
        Some("Reclutamiento y Selección")
    );
    // An Android chat export's stamps are no times.
    let text = "14/03/2026, 18:52 - Ada (Ofe Kitchen): Good evening Tunde, we are hiring a head chef\n14/03/2026, 18:53 - Ada (Ofe Kitchen): Can you come for a tasting interview on Monday 16 March at 10am?\n14/03/2026, 19:10 - Tunde: Good evening ma, yes!\n";
    let r = read(text.as_bytes(), at("2026-03-14T19:20:00+01:00")).unwrap();
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-03-16T10:00:00+01:00")
    );
    // "free from 10.06 onwards" is a date.
    let text = "Hi Sam,\n\nCould we do an interview on Monday 8 June? Otherwise I am free from 10.06 onwards.\n\nAnna";
    let r = read(text.as_bytes(), at("2026-06-01T09:00:00+02:00")).unwrap();
    assert_eq!(r.situation.interview_at, None);
    // A surname that is also the company's name stays.
    let text = "Hi Sam,\n\nWould you like to interview for the Buyer role? Are you free Tuesday 10 November at 10:00 GMT?\n\nEmma Boots\nRecruiter, Boots\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.and_then(|c| c.name).as_deref(),
        Some("Emma Boots")
    );
    // "GM" opens company names; a greeted first name is no prefix of one.
    let text = "Hi Jane,\n\nI'm a recruiter at Jane Street Capital and would love to set up a call on Tuesday 10 November at 10:00 GMT.\n\nTom";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.company.as_deref(), Some("Jane Street Capital"));
    // Facts listed under labels are no chat.
    let text = "Hi Sam,\n\nRole: Robotics Engineer\nCompany: Acme Robotics\nYou: onsite for the day\nUs: lunch and a tour\nInterview: Tuesday 10 November at 14:00 GMT\n\nTom";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_ne!(
        r.situation.contact.and_then(|c| c.name).as_deref(),
        Some("Us")
    );
    assert_eq!(
        r.situation.interview_at.as_deref(),
        Some("2026-11-10T14:00:00+00:00")
    );
}

#[test]
fn a_linkedin_page_copied_from_its_first_day_or_message_and_in_dutch() {
    // From the day over the first message, no card: one person's message.
    let text = "OCT 2\nMariela Quispe sent the following message at 4:10 PM\nView Mariela’s profile\nMariela Quispe\nMariela Quispe  4:10 PM\nHi Tomás! I'm hiring a Platform Engineer for Tintaya Cloud and your Kubernetes work caught my eye. Could we talk for 20 minutes this week?\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Mariela Quispe")
    );
    // No card, two people: the one who wrote last is the sender, the user's message quoted.
    let text = "NOV 28\nTomás Herrera sent the following message at 9:02 AM\nView Tomás’s profile\nTomás Herrera\nTomás Herrera  9:02 AM\nHi Mariela, thanks, but I'd rather stay out of the Platform Engineer process at Tintaya Cloud for now.\nTODAY\nMariela Quispe sent the following message at 1:15 PM\nView Mariela’s profile\nMariela Quispe\nMariela Quispe  1:15 PM\nNo problem at all Tomás, thanks for letting me know. Best of luck!\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.kind, Kind::Reply);
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Mariela Quispe")
    );
    // A card in Dutch ("1e", "… bij …", "Profiel van … bekijken"), the user's "You sent …":
    // the agency's client is the one the job is "voor".
    let text = "Joost Verhaegen\nJoost Verhaegen\n 1e\nSenior Recruiter bij Schelde Werving\nGISTEREN\nYou sent the following message at 17:40\nView your profile\nAnouk de Wit 17:40\nHoi Joost, ik stop met de procedure voor Polderlicht Energie. Dank voor alles!\nJoost Verhaegen heeft het volgende bericht verzonden om 09:05\nProfiel van Joost bekijken\nJoost Verhaegen\nJoost Verhaegen 09:05\nHoi Anouk,\n\nJammer, maar dank dat je het laat weten. Succes verder!\n\nGroet,\nJoost\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(r.situation.origin_channel, Some(OriginChannel::Linkedin));
    let c = r.situation.contact.clone().unwrap();
    assert_eq!(c.name.as_deref(), Some("Joost Verhaegen"));
    assert_eq!(c.title.as_deref(), Some("Senior Recruiter"));
    assert_eq!(r.situation.company.as_deref(), Some("Polderlicht Energie"));
}

#[test]
fn a_subjects_words_for_moving_or_applying_go_in_more_languages() {
    for (subject, job) in [
        ("Reschedule Payroll Analyst interview", "Payroll Analyst"),
        (
            "Terminverschiebung Gespräch Leiter Instandhaltung",
            "Leiter Instandhaltung",
        ),
        (
            "Uw sollicitatie Teamleider Logistiek",
            "Teamleider Logistiek",
        ),
    ] {
        assert_eq!(org::strip_interview_words(subject), job, "{subject}");
    }
    assert_eq!(
        org::strip_interview_words("Styrelseintervju Ljusnan Energi"),
        "Ljusnan Energi"
    );
}

#[test]
fn an_organizer_listed_surname_first_is_named_as_they_sign() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-9@example.test\r\nDTSTAMP:20270301T080000Z\r\nDTSTART;TZID=Europe/Warsaw:20270310T110000\r\nSUMMARY:Interview – Head of Internal Audit\r\nDESCRIPTION:Dear Mr Lind\\,\\n\\nWe look forward to meeting you. Panel: Ewa Nowicka (CFO) and Piotr Zieliński (HR).\\n\\n________________________________________________________________________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nMeeting ID: 411 207 993 120\\n________________________________________________________________________________\\n\\nKind regards\\,\\nPiotr Zieliński\\nHR Business Partner\\nWisła Logistics S.A. | ul. Portowa 4\\, 80-001 Gdańsk\r\nORGANIZER;CN=Zieliński Piotr:mailto:piotr.zielinski@wislalogistics.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let r = read(ics.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Piotr Zieliński"));
    assert_eq!(c.title.as_deref(), Some("HR Business Partner"));
}

#[test]
fn a_chat_contact_saved_with_their_agency_or_job_is_named_plainly() {
    let text = "[05/10/26, 10:02:11] Julieta Arce Pampa Talent: Hola Sol! Te escribo por la posición de Analista de Datos\n[05/10/26, 10:03:40] Julieta Arce Pampa Talent: ¿Tenés 20 minutos el jueves para una llamada?\n[05/10/26, 10:15:02] Sol: Hola Julieta! Sí, el jueves me viene bien\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Julieta Arce")
    );
    let text = "07/10/26, 18:20 - Bea: Hola Tomás, al final no sigo con el proceso, ¡gracias por todo!\n07/10/26, 18:41 - Tomás Rivas Reclutador: Hola Bea! Sin problema, gracias por avisar. Mucha suerte!\n07/10/26, 18:42 - Tomás Rivas Reclutador: Le aviso al equipo hoy mismo. Si más adelante buscás algo nuevo, escribime cuando quieras 🙂\n";
    let r = read(text.as_bytes(), now()).unwrap();
    let c = r.situation.contact.unwrap();
    assert_eq!(c.name.as_deref(), Some("Tomás Rivas"));
    assert_eq!(c.title, None);
}

#[test]
fn an_agency_named_in_more_languages_and_the_client_it_names_in_them() {
    let company = |from: &str, subject: &str, body: &str| {
        let eml = format!("From: {from}\r\nTo: Sam Lee <sam@mail.example>\r\nDate: Tue, 03 Nov 2026 09:00:00 +0100\r\nSubject: {subject}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}");
        read(eml.as_bytes(), now()).unwrap().situation.company
    };
    // "Recruit", "Talento": agencies; the client "is looking", "wil graag", in the subject with
    // its legal form ("A/S").
    assert_eq!(
        company(
            "Ida Berg <ida@fjordrecruit.example>",
            "Embedded Lead",
            "Hi Sam,\n\nTrondvik Marine is looking for an embedded lead in Bergen. Would you like to hear more?\n\nIda Berg\nSenior Consultant\nFjord Recruit\n"
        )
        .as_deref(),
        Some("Trondvik Marine")
    );
    assert_eq!(
        company(
            "Pablo Ríos <pablo@talentosur.example>",
            "Re: iOS Developer - Marejada Viajes",
            "Hola Sam,\n\nGracias por avisarme, cierro tu proceso hoy.\n\nPablo Ríos\nTalento Sur\n"
        )
        .as_deref(),
        Some("Marejada Viajes")
    );
    assert_eq!(
        company(
            "Bram Smit <bram@smitwerving.example>",
            "Uitnodiging kennismaking",
            "Hoi Sam,\n\nGoed nieuws: Lekdijk Bouw wil graag met je kennismaken voor de functie van Werkvoorbereider.\n\nGroet,\nBram Smit\nSmit Werving\n"
        )
        .as_deref(),
        Some("Lekdijk Bouw")
    );
    assert_eq!(
        company(
            "Mads Holm <mads@holmpartners.example>",
            "Østerby Shipping A/S – CFO mandate",
            "Dear Sam,\n\nThank you for your time on the phone today. As promised, a note on the mandate and next steps.\n\nMads Holm\nHolm Partners\n"
        )
        .as_deref(),
        Some("Østerby Shipping")
    );
}

#[test]
fn the_reviewers_inputs_for_chats_and_organizers() {
    // Two surnames before the job word: the name keeps both.
    let text = "05/10/26, 10:02 - Ana María García Reclutadora: Hola Leo, ¿tenés un rato esta semana para hablar de una posición de Analista?\n05/10/26, 10:03 - Ana María García Reclutadora: Sería una llamada corta de 20 minutos, cuando puedas\n05/10/26, 10:30 - Leo: Hola Ana, sí!\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Ana María García")
    );
    // A copied page without a card where the user wrote last: the contact is never the user.
    let text = "Mariela Quispe sent the following message at 4:10 PM\nView Mariela’s profile\nMariela Quispe\nMariela Quispe  4:10 PM\nHi Tomás, would you have 20 minutes this week to talk about a Platform Engineer role?\nYou sent the following message at 5:02 PM\nView your profile\nTomás Herrera 5:02 PM\nThanks Mariela, I'll pass for now.\n";
    let r = read(text.as_bytes(), now()).unwrap();
    assert_ne!(
        r.situation.contact.and_then(|c| c.name).as_deref(),
        Some("Tomás Herrera")
    );
    // An organizer's name is swapped only for the whole name signed the other way round.
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:t-10@example.test\r\nDTSTAMP:20270301T080000Z\r\nDTSTART;TZID=Europe/London:20270310T110000\r\nSUMMARY:Interview – Data Lead\r\nDESCRIPTION:Panel: Lee Samuels (CTO).\r\nORGANIZER;CN=Sam Lee:mailto:sam.lee@quayline.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let r = read(ics.as_bytes(), now()).unwrap();
    assert_eq!(
        r.situation.contact.unwrap().name.as_deref(),
        Some("Sam Lee")
    );
}
