use super::*;

#[test]
fn roles_and_companies() {
    assert_eq!(
        role(&["I'm pleased to confirm your first-round technical interview for the Backend Engineer (Platform) position at Brackenfold Systems."]).unwrap().0,
        "Backend Engineer (Platform)"
    );
    assert_eq!(
        role(&["pour le poste de Responsable e-commerce chez Maison Berthelot."])
            .unwrap()
            .0,
        "Responsable e-commerce"
    );
    assert_eq!(
        by_domain(
            &["Thanks for applying to Kaveri Fintech Solutions Pvt Ltd."],
            "kaverifintech"
        )
        .unwrap()
        .0,
        "Kaveri Fintech Solutions"
    );
    assert_eq!(
        client(
            &["Good news! Pallasite Cloud have come back on your profile"],
            "Kilnworth Talent",
            &[]
        )
        .unwrap()
        .0,
        "Pallasite Cloud"
    );
    assert!(client(
        &["my client, a leading specialist insurer in the City, would like to meet you"],
        "Greyfriars Search Partners",
        &[]
    )
    .is_none());
}

#[test]
fn a_field_after_in_belongs_to_the_job_a_place_or_team_does_not() {
    let cases = [
        (
            "your interview for the position of Lektor (Senior Lecturer) in Applied Ecology at the Faculty of Science.",
            "Lektor (Senior Lecturer) in Applied Ecology",
        ),
        (
            "We are hiring a Software Engineer in Test to join us.",
            "Software Engineer in Test",
        ),
        (
            "We are hiring a Data Engineer in Berlin to join us.",
            "Data Engineer",
        ),
        (
            "We are hiring a Data Engineer in our Payments team.",
            "Data Engineer",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(role(&[text]).unwrap().0, want, "{text}");
    }
}

#[test]
fn a_name_with_joining_words_of_other_languages_or_its_short_form_spells_the_address() {
    // The short form in brackets spells the address.
    assert_eq!(
        by_domain(
            &["Asociación Costera para la Salud Comunitaria (ACSC)"],
            "acscchile"
        )
        .unwrap()
        .0,
        "Asociación Costera para la Salud Comunitaria"
    );
    // Initials across "pour la", "for".
    assert_eq!(
        by_domain(
            &["at the Fondation Verte pour la Mobilité Durable."],
            "fvmd"
        )
        .unwrap()
        .0,
        "Fondation Verte pour la Mobilité Durable"
    );
    assert_eq!(
        by_domain(&["at the Baltic Network for Rural Finance (BNRF)."], "bnrf")
            .unwrap()
            .0,
        "Baltic Network for Rural Finance"
    );
    // A name in brackets is no short form ("Daniel <> Shira (Arbelio)").
    assert!(by_domain(&["Daniel <> Shira (Arbelio)"], "arbeliohq").is_none_or(|f| f.0 != "Shira"));
}

#[test]
fn a_public_body_is_found_by_the_name_its_address_spells_not_its_street() {
    use crate::read::words::domain_label;
    // Registry suffixes under a country are skipped, however many.
    assert_eq!(
        domain_label("p.okafor@jobs.millbeck.nhs.uk").as_deref(),
        Some("millbeck")
    );
    assert_eq!(
        domain_label("office@tanglewood.nsw.edu.au").as_deref(),
        Some("tanglewood")
    );
    // The kind of body may come first.
    let sig = "Rowan Achterberg\nResourcing Officer\nPeople Services\nUniversity of Pellworth\n\
               Harbour Building, Pellworth Campus, Pellworth PW4 2QX";
    assert_eq!(
        by_domain(&[sig], "pellworth").unwrap().0,
        "University of Pellworth"
    );
    let sig = "Medical Staffing | Workforce\nNHS Kelderside\nFenwick House, 3 Loch Road, \
               Kelderside KD1 7AB";
    assert_eq!(by_domain(&[sig], "kelderside").unwrap().0, "NHS Kelderside");
    // A street or a postcode is where it is, not who.
    let sig = "Tanglewood Heights Grammar School\n41 Tanglewood Road\nTanglewood NSW 2795";
    assert_eq!(
        by_domain(&[sig], "tanglewood").unwrap().0,
        "Tanglewood Heights Grammar School"
    );
}

#[test]
fn a_saint_or_a_campus_does_not_beat_the_body_the_address_spells() {
    let sig = "Admissions Office\nUniversity of St Kilda\nCollege Gate, St Kilda, Fife KY16 9AJ";
    assert_eq!(
        by_domain(&[sig], "stkilda").unwrap().0,
        "University of St Kilda"
    );
    let text =
        "You would be based at our Pellworth campus.\n\nRowan Achterberg\nUniversity of Pellworth";
    assert_eq!(
        by_domain(&[text], "pellworth").unwrap().0,
        "University of Pellworth"
    );
    assert_eq!(
        crate::read::words::domain_label("hr@careers.vic.com").as_deref(),
        Some("vic")
    );
    // "hos" inside "those" asks for no client.
    assert_ne!(
        client(
            &["I place people with those Big Four firms every week."],
            "Brightline Recruitment",
            &[]
        )
        .map(|c| c.0)
        .as_deref(),
        Some("Big Four")
    );
}
