use super::*;

#[test]
fn format_is_told_from_the_content() {
    let eml = b"Date: Tue, 08 Sep 2026 09:14:22 +0100\r\nFrom: A <a@b.co>\r\nSubject: Hi\r\nMIME-Version: 1.0\r\n\r\nHello";
    assert_eq!(decode(eml).unwrap().format, Format::Eml);
    let pasted = "From: A <a@b.co>\nSent: Monday, 7 September 2026 10:02 AM\nSubject: Hi\n\nHello";
    let doc = decode(pasted.as_bytes()).unwrap();
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.subject.as_deref(), Some("Hi"));
    assert!(doc.pasted_date.is_some());
    assert_eq!(
        decode(b"Subject: Hi\n\nHello").unwrap().format,
        Format::Text
    );
    assert!(decode(b"  \n ").is_err());
    assert!(decode(b"caf\xe9").is_err());
}

#[test]
fn quoted_and_forwarded_parts_are_not_the_new_content() {
    let doc = decode(
        "Thanks!\nJo\n\nOn Mon, 5 Oct 2026 at 18:41, Al <al@x.example> wrote:\n> old text\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.body.trim(), "Thanks!\nJo");
    assert!(doc.quoted.contains("old text"));
    // German mail clients put the writer after the verb: "Am …, schrieb Name <address>:".
    let doc = decode(
        "Passt Montag?\nLea\n\nAm Mo., 16. Nov. 2026 um 18:05 Uhr schrieb Emre Y <e@y.example>:\n> Guten Tag\n"
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(doc.body.trim(), "Passt Montag?\nLea");
    assert!(doc.quoted.contains("Guten Tag"));
    let doc = decode(
        "note to self\n\n---------- Forwarded message ---------\nFrom: Oli B <o@s.example>\nDate: Fri\nSubject: Interview\n\nHi Dana".as_bytes(),
    )
    .unwrap();
    let forward = doc.forward.unwrap();
    assert_eq!(forward.from.unwrap().email.as_deref(), Some("o@s.example"));
    assert_eq!(forward.body.trim(), "Hi Dana");
}
