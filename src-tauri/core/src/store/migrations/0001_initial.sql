-- Politely's career folder, version 1.
-- Times are RFC 3339 text in UTC ("2026-11-26T13:22:33Z") unless the user gave an offset
-- (invited_at, interview_at keep theirs). Ids are kept across export/import.

CREATE TABLE opportunities (
    id              INTEGER PRIMARY KEY,
    company         TEXT NOT NULL,
    role            TEXT NOT NULL,
    contact_name    TEXT,
    contact_email   TEXT,
    contact_title   TEXT,
    stage           TEXT NOT NULL CHECK (stage IN ('invited', 'scheduled', 'interviewed', 'offer')),
    origin_channel  TEXT NOT NULL CHECK (origin_channel IN ('email', 'phone', 'linkedin', 'messaging')),
    invited_at      TEXT NOT NULL,
    interview_at    TEXT,
    status          TEXT NOT NULL CHECK (status IN ('open', 'declined', 'replied', 'closed', 'reopened')),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    deleted_at      TEXT
) STRICT;
CREATE INDEX opportunities_by_update ON opportunities (deleted_at, updated_at DESC, id DESC);

-- The Situation and Advice as they were when the user decided.
CREATE TABLE decisions (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    situation       TEXT NOT NULL,
    advice          TEXT,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX decisions_by_opportunity ON decisions (opportunity_id);

CREATE TABLE messages (
    id                  INTEGER PRIMARY KEY,
    opportunity_id      INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    channel             TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'linkedin')),
    subject             TEXT,
    body                TEXT NOT NULL,
    status              TEXT NOT NULL CHECK (status IN ('draft', 'sent')),
    created_at          TEXT NOT NULL,
    sent_at             TEXT,
    reopens_message_id  INTEGER REFERENCES messages (id) ON DELETE SET NULL
) STRICT;
CREATE INDEX messages_by_opportunity ON messages (opportunity_id);

CREATE TABLE replies (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    body            TEXT NOT NULL,
    received_at     TEXT NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX replies_by_opportunity ON replies (opportunity_id);

CREATE TABLE notes (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    body            TEXT NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX notes_by_opportunity ON notes (opportunity_id);

-- Every status change, for the timeline.
CREATE TABLE status_events (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
    from_status     TEXT,
    to_status       TEXT NOT NULL,
    at              TEXT NOT NULL
) STRICT;
CREATE INDEX status_events_by_opportunity ON status_events (opportunity_id);

-- Filled by the Practise issue.
CREATE TABLE practice_runs (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE SET NULL,
    duration_ms     INTEGER NOT NULL CHECK (duration_ms >= 0),
    beats           TEXT NOT NULL,
    created_at      TEXT NOT NULL
) STRICT;

-- Filled by the Reminders issue.
CREATE TABLE reminders (
    id              INTEGER PRIMARY KEY,
    opportunity_id  INTEGER REFERENCES opportunities (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL,
    due_at          TEXT NOT NULL,
    state           TEXT NOT NULL CHECK (state IN ('pending', 'notified', 'done', 'dismissed')),
    notified_at     TEXT,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX reminders_by_due ON reminders (state, due_at);

-- Full-text search: one row per opportunity (rowid = opportunity id) holding its company, role,
-- contact, message subjects and bodies, replies and notes. Contentless and without positions, so
-- indexing stays fast at 100k opportunities; the triggers rebuild an opportunity's row whenever
-- any of its text changes. A bulk import sets the triggers aside and indexes once at the end.
CREATE VIRTUAL TABLE search USING fts5 (
    text,
    content = '',
    contentless_delete = 1,
    detail = none,
    tokenize = 'unicode61 remove_diacritics 2'
);
-- Every distinct indexed word, so a partial word can be expanded to the words it starts.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search, 'row');

CREATE VIEW search_text (opportunity_id, text) AS
SELECT o.id, concat_ws(' ', o.company, o.role, o.contact_name, o.contact_email, o.contact_title,
    (SELECT group_concat(concat_ws(' ', m.subject, m.body), ' ') FROM messages m WHERE m.opportunity_id = o.id),
    (SELECT group_concat(r.body, ' ') FROM replies r WHERE r.opportunity_id = o.id),
    (SELECT group_concat(n.body, ' ') FROM notes n WHERE n.opportunity_id = o.id))
FROM opportunities o;

CREATE TRIGGER opportunities_ai AFTER INSERT ON opportunities BEGIN
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = new.id;
END;
CREATE TRIGGER opportunities_au AFTER UPDATE OF company, role, contact_name, contact_email, contact_title ON opportunities BEGIN
    DELETE FROM search WHERE rowid = old.id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = new.id;
END;
CREATE TRIGGER opportunities_ad AFTER DELETE ON opportunities BEGIN
    DELETE FROM search WHERE rowid = old.id;
END;
CREATE TRIGGER messages_id_search AFTER INSERT ON messages BEGIN
    DELETE FROM search WHERE rowid = new.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = new.opportunity_id;
END;
CREATE TRIGGER messages_dd_search AFTER DELETE ON messages BEGIN
    DELETE FROM search WHERE rowid = old.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = old.opportunity_id;
END;
CREATE TRIGGER replies_id_search AFTER INSERT ON replies BEGIN
    DELETE FROM search WHERE rowid = new.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = new.opportunity_id;
END;
CREATE TRIGGER replies_dd_search AFTER DELETE ON replies BEGIN
    DELETE FROM search WHERE rowid = old.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = old.opportunity_id;
END;
CREATE TRIGGER notes_id_search AFTER INSERT ON notes BEGIN
    DELETE FROM search WHERE rowid = new.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = new.opportunity_id;
END;
CREATE TRIGGER notes_dd_search AFTER DELETE ON notes BEGIN
    DELETE FROM search WHERE rowid = old.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = old.opportunity_id;
END;
CREATE TRIGGER messages_text_search AFTER UPDATE OF subject, body ON messages BEGIN
    DELETE FROM search WHERE rowid = new.opportunity_id;
    INSERT INTO search (rowid, text) SELECT opportunity_id, text FROM search_text WHERE opportunity_id = new.opportunity_id;
END;
