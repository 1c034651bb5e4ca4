//! The user's own details — name, email, phone and sign-off — kept once for every case and
//! every start, so no new decision asks for the signature again.

use crate::decide::situation::Sender;
use crate::store::Store;
use crate::Result;

/// The setting the details are kept under.
const KEY: &str = "profile";

/// The user's details as the window edits them (empty fields are simply absent).
pub type Profile = Sender;

/// The saved details (all empty the first time).
pub fn get(store: &Store) -> Result<Profile> {
    Ok(store
        .setting(KEY)?
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default())
}

/// Checks and saves the details; returns them as stored (trimmed, empty fields dropped).
pub fn save(store: &mut Store, profile: &Profile) -> Result<Profile> {
    let trim = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let clean = Sender {
        name: trim(&profile.name),
        email: trim(&profile.email),
        phone: trim(&profile.phone),
        sign_off: trim(&profile.sign_off),
    };
    let problems = clean.problems();
    if !problems.is_empty() {
        return Err(super::problems(problems));
    }
    let text = serde_json::to_string(&clean).map_err(|e| crate::Error::Storage {
        action: "saving your details".into(),
        reason: e.to_string(),
    })?;
    store.set_setting(KEY, Some(&text))?;
    Ok(clean)
}

/// Whether the details have anything in them.
pub fn is_empty(profile: &Profile) -> bool {
    [
        &profile.name,
        &profile.email,
        &profile.phone,
        &profile.sign_off,
    ]
    .iter()
    .all(|v| v.is_none())
}
