//! Reading what a recruiter sent: the window pastes text or drops a file, `politely read` gives
//! a file or standard input, and both get the same [`Read`]. A reply read on its own is matched
//! to the user's opportunity by its thread, the sender's address, or the company.

use chrono::{DateTime, FixedOffset};
use rusqlite::OptionalExtension;
use serde::Serialize;

pub use crate::read::{Intent, Kind, Read, MAX_READ_BYTES};
use crate::store::Store;
use crate::Result;

/// Reads one received message (pasted text, an .eml or an .ics, told apart by content). `now`
/// resolves dates in pasted text, which carries no date of its own.
pub fn read(input: &[u8], now: DateTime<FixedOffset>) -> Result<Read> {
    crate::read::read(input, now)
}

/// A reply read on its own, and the opportunity it answers (if one fits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadReply {
    /// What was read.
    pub read: Read,
    /// The opportunity it answers, for the user to confirm before it is recorded.
    pub matched: Option<Match>,
}

/// Reads a reply pasted or dropped on its own and finds the opportunity it answers
/// ([`match_reply`]); nothing is recorded.
pub fn read_reply(store: &Store, input: &[u8], now: DateTime<FixedOffset>) -> Result<ReadReply> {
    let read = read(input, now)?;
    let matched = match_reply(store, &read)?;
    Ok(ReadReply { read, matched })
}

/// How a reply was matched to an opportunity, most certain first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// Its subject answers a message sent from that opportunity, or its thread headers name a
    /// message stored there.
    Thread,
    /// It comes from the opportunity's contact address.
    Email,
    /// It names the opportunity's company.
    Company,
}

/// The opportunity a reply belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Match {
    /// The opportunity.
    pub opportunity_id: i64,
    /// Its company, to show.
    pub company: String,
    /// Its role, to show.
    pub role: String,
    /// Why.
    pub by: MatchedBy,
}

/// The live opportunity (not in the trash) that `read` answers, if one fits: by thread, then
/// by the sender's address, then by company; the most recently changed when several fit.
pub fn match_reply(store: &Store, read: &Read) -> Result<Option<Match>> {
    let conn = store.conn();
    let action = "matching the reply";
    // Thread: "Re: <subject we sent>", or a Message-ID stored in a recorded message or reply.
    if let Some(subject) = read.thread.subject.as_deref() {
        let bare = strip_reply_prefix(subject);
        if !bare.is_empty() {
            let found = store.sql(
                action,
                conn.query_row(
                    "SELECT m.opportunity_id FROM messages m JOIN opportunities o ON o.id = m.opportunity_id
                     WHERE o.deleted_at IS NULL AND m.subject IS NOT NULL AND lower(trim(m.subject)) = lower(?1)
                     ORDER BY o.updated_at DESC, o.id DESC LIMIT 1",
                    [bare],
                    |r| r.get::<_, i64>(0),
                )
                .optional(),
            )?;
            if let Some(id) = found {
                return matched(store, id, MatchedBy::Thread);
            }
        }
    }
    for id in read
        .thread
        .references
        .iter()
        .chain(read.thread.message_id.iter())
    {
        let id = id.trim().trim_matches(['<', '>']);
        if id.len() < 6 {
            continue;
        }
        let found = store.sql(
            action,
            conn.query_row(
                "SELECT o.id FROM opportunities o WHERE o.deleted_at IS NULL AND (
                    EXISTS (SELECT 1 FROM replies r WHERE r.opportunity_id = o.id AND instr(r.body, ?1) > 0)
                    OR EXISTS (SELECT 1 FROM messages m WHERE m.opportunity_id = o.id AND instr(m.body, ?1) > 0))
                 ORDER BY o.updated_at DESC, o.id DESC LIMIT 1",
                [id],
                |r| r.get::<_, i64>(0),
            )
            .optional(),
        )?;
        if let Some(id) = found {
            return matched(store, id, MatchedBy::Thread);
        }
    }
    // The sender's address (a no-reply sender is still the company's mailbox).
    let emails = [
        read.situation
            .contact
            .as_ref()
            .and_then(|c| c.email.clone()),
        read.thread.from.clone(),
    ];
    for email in emails.iter().flatten() {
        let found = store.sql(
            action,
            conn.query_row(
                "SELECT id FROM opportunities WHERE deleted_at IS NULL AND lower(contact_email) = lower(?1)
                 ORDER BY updated_at DESC, id DESC LIMIT 1",
                [email],
                |r| r.get::<_, i64>(0),
            )
            .optional(),
        )?;
        if let Some(id) = found {
            return matched(store, id, MatchedBy::Email);
        }
    }
    // The company, compared by its letters ("Kelderwick" matches "Kelderwick Insurance").
    if let Some(company) = read.situation.company.as_deref() {
        let want = letters(company);
        if want.len() >= 3 {
            let mut stmt = store.sql(
                action,
                conn.prepare(
                    "SELECT id, company FROM opportunities WHERE deleted_at IS NULL
                     ORDER BY updated_at DESC, id DESC",
                ),
            )?;
            let rows = store.sql(
                action,
                stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))),
            )?;
            for row in rows {
                let (id, name) = store.sql(action, row)?;
                let have = letters(&name);
                if have.len() >= 3 && (have.starts_with(&want) || want.starts_with(&have)) {
                    return matched(store, id, MatchedBy::Company);
                }
            }
        }
    }
    Ok(None)
}

fn matched(store: &Store, id: i64, by: MatchedBy) -> Result<Option<Match>> {
    let (company, role) = store.sql(
        "matching the reply",
        store.conn().query_row(
            "SELECT company, role FROM opportunities WHERE id = ?1",
            [id],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        ),
    )?;
    Ok(Some(Match {
        opportunity_id: id,
        company,
        role,
        by,
    }))
}

fn strip_reply_prefix(subject: &str) -> String {
    let mut s = subject.trim();
    loop {
        let lower = s.to_ascii_lowercase();
        match ["re:", "aw:", "sv:", "fwd:", "fw:", "antw:"]
            .iter()
            .find(|p| lower.starts_with(*p))
        {
            Some(p) => s = s[p.len()..].trim_start(),
            None => return s.to_owned(),
        }
    }
}

fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decide::Situation;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-20T10:00:00+00:00").unwrap()
    }

    fn store_with(company: &str, email: &str) -> (tempfile::TempDir, Store, i64) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open_file(&dir.path().join("p.db")).unwrap();
        let situation: Situation = serde_json::from_value(serde_json::json!({
            "company": company, "role": "Data Analyst",
            "contact": {"name": "Hannah Whitcombe", "email": email},
            "invited_at": "2026-11-01T09:00:00+00:00"
        }))
        .unwrap();
        let id = store.add_opportunity(&situation, None).unwrap();
        (dir, store, id)
    }

    #[test]
    fn a_reply_is_matched_by_address_then_company() {
        let (_dir, store, id) =
            store_with("Marrowby Analytics", "h.whitcombe@marrowby-analytics.co.uk");
        let eml = "Date: Wed, 18 Nov 2026 09:02:00 +0000\r\nFrom: Hannah Whitcombe <h.whitcombe@marrowby-analytics.co.uk>\r\nTo: Sam <sam@x.example>\r\nSubject: RE: Data Analyst interview\r\nMessage-ID: <a@b>\r\nMIME-Version: 1.0\r\n\r\nHi Sam,\r\n\r\nNo problem at all, thank you for letting me know. I've withdrawn you from the process.\r\n\r\nKind regards,\r\nHannah\r\n";
        let r = read(eml.as_bytes(), now()).unwrap();
        assert_eq!(r.kind, Kind::Reply);
        let m = match_reply(&store, &r).unwrap().unwrap();
        assert_eq!((m.opportunity_id, m.by), (id, MatchedBy::Email));
        let pasted = "Thanks for letting me know. Best of luck!\n\nHannah\nMarrowby Analytics";
        let r = read(pasted.as_bytes(), now()).unwrap();
        let m = match_reply(&store, &r).unwrap();
        assert!(m.is_none_or(|m| m.opportunity_id == id));
    }

    #[test]
    fn nothing_matches_an_unknown_sender() {
        let (_dir, store, _) = store_with("Marrowby Analytics", "h@marrowby.example");
        let r = read(
            b"Subject: Re: Something\n\nNoted, thanks. Best of luck.\n\nZed",
            now(),
        )
        .unwrap();
        assert_eq!(match_reply(&store, &r).unwrap(), None);
    }
}
