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
