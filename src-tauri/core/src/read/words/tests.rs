use super::*;

#[test]
fn names_titles_companies() {
    assert_eq!(
        person_name("Femke de Roos").as_deref(),
        Some("Femke de Roos")
    );
    assert_eq!(
        person_name("DWAYNE KESSLER").as_deref(),
        Some("Dwayne Kessler")
    );
    assert_eq!(
        person_name("Danielle Okonkwo-Price, SHRM-CP").as_deref(),
        Some("Danielle Okonkwo-Price")
    );
    assert_eq!(person_name("Best regards,"), None);
    assert_eq!(person_name("Talent Partner"), None);
    assert!(is_title("Referentin Personalgewinnung"));
    assert!(!is_title("People Operations"));
    assert_eq!(
        strip_legal("Merricove Capital Pte. Ltd."),
        "Merricove Capital"
    );
    assert_eq!(
        strip_legal("Copperkettle Brewing Co."),
        "Copperkettle Brewing"
    );
    assert_eq!(
        domain_label("a@careers.ferrowind.com").as_deref(),
        Some("ferrowind")
    );
    assert_eq!(
        domain_label("a@x.clydemoor.org.uk").as_deref(),
        Some("clydemoor")
    );
    assert!(domain_match("Westerly Point Credit Union", "westerlypointcu") > 0);
    assert!(domain_match("Corvane Énergie", "corvaneenergie") > 0);
    assert_eq!(domain_match("Sam Okafor", "quillmere"), 0);
    assert!(is_no_reply("talent-noreply@brackwatergames.com"));
}

#[test]
fn a_companys_legal_form_ends_no_persons_name() {
    assert_eq!(person_name("Lindqvist Outdoor AB"), None);
    assert_eq!(person_name("Olivar Logística S.L."), None);
    assert_eq!(
        person_name("Anna Lindqvist").as_deref(),
        Some("Anna Lindqvist")
    );
}

#[test]
fn a_polish_legal_form_cut_short_is_still_a_legal_form() {
    assert_eq!(strip_legal("Lumenfield Sp. z o.o."), "Lumenfield");
    assert_eq!(strip_legal("Lumenfield Sp"), "Lumenfield");
    assert_eq!(strip_legal("Lumenfield sp. z o. o."), "Lumenfield");
}

#[test]
fn unanswered_and_shared_mailboxes_in_other_languages_are_nobodys() {
    for e in [
        "no-responder@empleo.tramontana.example",
        "nao-responda@vagas.jacaranda.example",
        "ne-pas-repondre@carrieres.lumiere.example",
        "nicht-antworten@karriere.bergwerk.example",
        "alertas@empleosur.example",
    ] {
        assert!(is_no_reply(e), "{e}");
    }
    for e in [
        "werkenbij@polderzorg.example",
        "karriere@bergwerk.example",
        "rrhh@tramontana.example",
        "rekrytering@fjallvind.example",
    ] {
        assert!(is_shared_mailbox(e), "{e}");
    }
    assert_eq!(person_name("EmpleoSur Alertas"), None);
    assert!(!is_no_reply("ana.ruiz@tramontana.example"));
    assert!(!is_shared_mailbox("ana.ruiz@tramontana.example"));
}
