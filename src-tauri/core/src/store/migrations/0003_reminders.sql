-- Reminders become editable: the user's own wording (and custom reminders) live in `title`.
-- Settings hold the user's choices (follow-up delay, the optional "awaiting reply" reminder) and
-- what Politely has already told them (why desktop notifications are off), as key/value text.
ALTER TABLE reminders ADD COLUMN title TEXT CHECK (title IS NULL OR length(title) <= 500);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
