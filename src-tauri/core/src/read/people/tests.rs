use super::*;

#[test]
fn signatures() {
    let s = signature("Hi Tom,\n\nText here that is long enough to be a paragraph of the message body itself.\n\nBest regards,\n\nCamille Roussel\nTalent Acquisition Partner\nBrackenfold Systems\n+33 4 72 18 55 09\ncamille.roussel@brackenfold.io");
    assert_eq!(s.name.as_deref(), Some("Camille Roussel"));
    assert_eq!(s.title.as_deref(), Some("Talent Acquisition Partner"));
    assert_eq!(s.company.as_deref(), Some("Brackenfold Systems"));
    assert_eq!(s.email.as_deref(), Some("camille.roussel@brackenfold.io"));
    let s = signature("Body text.\n\nThanks,\nJess\n\nJess Harrow\nTalent Partner | People Team\nTallowbrook\njess@tallowbrook.co");
    assert_eq!(s.name.as_deref(), Some("Jess Harrow"));
    assert_eq!(s.title.as_deref(), Some("Talent Partner"));
    let s = signature(
        "Body.\n\nBest,\nLena Whitaker\nPartner, Ironbark Search Partners\n(617) 555-0119",
    );
    assert_eq!(s.title.as_deref(), Some("Partner"));
    assert_eq!(s.company.as_deref(), Some("Ironbark Search Partners"));
    let s = signature("Body.\n\nBest regards,\nJasmine Lim\nSenior Consultant, Supply Chain\nStraits Talent Advisory\n+65 8555 0172");
    // The job title alone, as the corpus brief keys it (docs/read.md).
    assert_eq!(s.title.as_deref(), Some("Senior Consultant"));
}

#[test]
fn of_several_parts_after_bars_the_company_is_the_last_name() {
    assert_eq!(
        split_title(
            "Principal Consultant – Commercial | South West | Kestrel Built Recruitment",
            false
        ),
        (
            "Principal Consultant – Commercial".to_owned(),
            Some("Kestrel Built Recruitment".to_owned())
        )
    );
    assert_eq!(
        split_title(
            "Talent Partner | People Team | Tallowbrook | +44 20 7946 0321",
            false
        ),
        ("Talent Partner".to_owned(), Some("Tallowbrook".to_owned()))
    );
}
