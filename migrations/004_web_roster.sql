-- The web app's review board (src/server/roster.ts): units expected to report.
CREATE TABLE IF NOT EXISTS web_roster (
  ord integer PRIMARY KEY, name text NOT NULL, jurisdiction_code text, unit_kind text,
  deadline text, contact text, note text, imported_at timestamptz NOT NULL DEFAULT now()
);
