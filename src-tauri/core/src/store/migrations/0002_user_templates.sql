-- The user's own message templates (Tera source, rendered in the sandbox). Names are unique so
-- the menu and the CLI can refer to a template by name.
CREATE TABLE user_templates (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) BETWEEN 1 AND 100),
    channel    TEXT NOT NULL CHECK (channel IN ('email', 'phone', 'linkedin')),
    subject    TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
