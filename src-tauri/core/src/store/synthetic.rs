//! Synthetic career folders of any size, for tests and benchmarks: deterministic from a seed,
//! made of plausible companies, roles, messages, replies and notes in our own words.

use super::export::{Export, FORMAT, VERSION};
use super::records::*;

const COMPANIES: &[&str] = &[
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Hooli",
    "Vandelay",
    "Stark",
    "Wayne",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Wonka",
    "Gringotts",
    "Monarch",
    "Aperture",
    "Oscorp",
];
const SUFFIXES: &[&str] = &[
    "Labs",
    "Industries",
    "Systems",
    "Group",
    "Analytics",
    "Health",
    "Logistics",
    "Studio",
];
const ROLES: &[&str] = &[
    "Data Engineer",
    "Product Designer",
    "Staff Engineer",
    "Nurse Manager",
    "Sales Lead",
    "Research Scientist",
    "Accountant",
    "Teacher",
    "Site Reliability Engineer",
    "Marketing Manager",
];
const NAMES: &[&str] = &[
    "Priya", "Dana", "Kenji", "Amara", "Lucas", "Sofia", "Omar", "Zoë", "Mateo", "Ingrid",
];
const STATUSES: &[&str] = &["open", "declined", "replied", "closed", "reopened"];
const WORDS: &[&str] = &[
    "thank",
    "you",
    "for",
    "the",
    "invitation",
    "after",
    "thinking",
    "it",
    "over",
    "I",
    "have",
    "decided",
    "to",
    "withdraw",
    "commute",
    "relocation",
    "offer",
    "team",
    "best",
    "wishes",
    "future",
    "touch",
    "schedule",
    "growth",
    "direction",
    "kind",
    "regards",
    "appreciate",
    "time",
    "process",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
    fn sentence(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.pick(WORDS))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn time(base_days: u64, minutes: u64) -> String {
    let t = chrono::DateTime::from_timestamp(
        1_700_000_000 + (base_days * 86_400 + minutes * 60) as i64,
        0,
    )
    .expect("in range");
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An export with `n` opportunities, each with 3 messages, and replies and notes on some.
pub fn history(n: usize, seed: u64) -> Export {
    let mut r = Lcg(seed);
    let mut e = Export {
        format: FORMAT.into(),
        version: VERSION,
        opportunities: Vec::with_capacity(n),
        decisions: Vec::new(),
        messages: Vec::with_capacity(n * 3),
        replies: Vec::new(),
        notes: Vec::new(),
        status_events: Vec::new(),
        practice_runs: Vec::new(),
        reminders: Vec::new(),
    };
    for i in 0..n {
        let id = i as i64 + 1;
        let day = r.next() % 700;
        let status = r.pick(STATUSES).to_owned();
        e.opportunities.push(Opportunity {
            id,
            company: format!("{} {}", r.pick(COMPANIES), r.pick(SUFFIXES)),
            role: r.pick(ROLES).to_owned(),
            contact_name: Some(r.pick(NAMES).to_owned()),
            contact_email: Some(format!("talent{}@example.com", r.next() % 1000)),
            contact_title: None,
            stage: "invited".into(),
            origin_channel: "email".into(),
            invited_at: time(day, 0),
            interview_at: None,
            status: status.clone(),
            created_at: time(day, 5),
            updated_at: time(day, 60 + i as u64 % 600),
            deleted_at: None,
        });
        e.status_events.push(StatusEvent {
            id,
            opportunity_id: id,
            from_status: None,
            to_status: "open".into(),
            at: time(day, 5),
        });
        for k in 0..3 {
            let mid = e.messages.len() as i64 + 1;
            let sent = k == 0 && status != "open";
            let words = 40 + (r.next() % 60) as usize;
            e.messages.push(Message {
                id: mid,
                opportunity_id: id,
                channel: ["email", "phone", "linkedin"][k].into(),
                subject: (k == 0).then(|| "Interview invitation".to_owned()),
                body: r.sentence(words),
                status: if sent { "sent" } else { "draft" }.into(),
                created_at: time(day, 10 + k as u64),
                sent_at: sent.then(|| time(day, 30)),
                reopens_message_id: None,
            });
        }
        if r.next().is_multiple_of(3) {
            e.replies.push(Reply {
                id: e.replies.len() as i64 + 1,
                opportunity_id: id,
                body: r.sentence(25),
                received_at: time(day + 1, 0),
                created_at: time(day + 1, 1),
            });
        }
        if r.next().is_multiple_of(4) {
            e.notes.push(Note {
                id: e.notes.len() as i64 + 1,
                opportunity_id: id,
                body: r.sentence(15),
                created_at: time(day, 90),
            });
        }
    }
    e
}
