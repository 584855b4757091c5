-- fazhi store, version 1: reports (immutable per content hash), their text with a Chinese
-- full-text index, parts, figures, findings, the files they came from, and ingest runs.
-- PostgreSQL 15 subset: runs unchanged on PGlite (PostgreSQL 18) and Debian's PostgreSQL 15.
-- Spans (start_pos, end_pos, …) are UTF-16 offsets into report_texts.text, as in the JS Report;
-- cp_start/cp_end are the same span in code points, for substr() in SQL.

-- One row per distinct file content (sha256 of the bytes). Never updated.
CREATE TABLE reports (
  id bigserial PRIMARY KEY,
  hash text NOT NULL UNIQUE,
  -- The path and its version under which this content was first ingested.
  source_path text NOT NULL,
  version integer NOT NULL,
  format text NOT NULL,
  encoding text,
  analyzer_version text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  title text,
  issuer text,
  unit_kind text,
  jurisdiction_name text,
  jurisdiction_code text,
  jurisdiction_level text,
  -- GB/T 2260 code of the province, e.g. '130000'.
  province_code text,
  year integer,
  published date,
  signed date,
  -- The checks score (0–100), when the reading carried one.
  score_total double precision,
  -- The JSON reading (output/contract.ts), for display without re-analysis.
  reading jsonb NOT NULL
);
CREATE INDEX reports_province_idx ON reports (province_code);
CREATE INDEX reports_year_idx ON reports (year);
CREATE INDEX reports_jurisdiction_code_idx ON reports (jurisdiction_code);

-- The normalized text, its jieba segmentation and the full-text vector.
CREATE TABLE report_texts (
  report_id bigint PRIMARY KEY REFERENCES reports (id) ON DELETE CASCADE,
  text text NOT NULL,
  -- jieba cutForSearch tokens joined by single spaces.
  seg text NOT NULL,
  -- Which segmentation produced seg (src/search/segment.ts SEG_VERSION).
  seg_version integer NOT NULL,
  tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', seg)) STORED
);
CREATE INDEX report_texts_tsv_idx ON report_texts USING gin (tsv);

-- Top-level parts (embedded = false) and mandated parts found inside another part (embedded = true).
CREATE TABLE parts (
  report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  kinds text[] NOT NULL,
  heading text,
  embedded boolean NOT NULL DEFAULT false,
  -- For an embedded part: the cue that identified it and the index (ord) of the part holding it.
  cue text,
  within integer,
  start_pos integer NOT NULL,
  end_pos integer NOT NULL,
  heading_start integer,
  heading_end integer,
  cp_start integer NOT NULL,
  cp_end integer NOT NULL,
  PRIMARY KEY (report_id, ord)
);
CREATE INDEX parts_kinds_idx ON parts USING gin (kinds);

CREATE TABLE figures (
  report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  key text NOT NULL,
  value double precision NOT NULL,
  unit text NOT NULL,
  approx text,
  start_pos integer NOT NULL,
  end_pos integer NOT NULL,
  quote_start integer NOT NULL,
  quote_end integer NOT NULL,
  quote text NOT NULL,
  -- 纲要 area of the indicator (A01–A10, X_society).
  area text,
  PRIMARY KEY (report_id, ord)
);
CREATE INDEX figures_key_idx ON figures (key);
CREATE INDEX figures_area_idx ON figures (area, report_id);

CREATE TABLE findings (
  report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  ord integer NOT NULL,
  rule_id text NOT NULL,
  severity text NOT NULL,
  message_id text,
  message text NOT NULL,
  start_pos integer NOT NULL,
  end_pos integer NOT NULL,
  related jsonb,
  expected text,
  actual text,
  data jsonb,
  PRIMARY KEY (report_id, ord)
);
CREATE INDEX findings_rule_idx ON findings (rule_id, report_id);

-- One ingest command, queue enqueue or worker process.
CREATE TABLE ingest_runs (
  id bigserial PRIMARY KEY,
  -- 'local' (fazhi ingest), 'enqueue' (fazhi ingest --queue) or 'worker' (fazhi worker).
  mode text NOT NULL,
  -- 'running', 'done' or 'stopped'; a run killed outright stays 'running'.
  status text NOT NULL DEFAULT 'running',
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  host text,
  pid integer,
  inputs text[] NOT NULL DEFAULT '{}',
  total integer NOT NULL DEFAULT 0,
  added integer NOT NULL DEFAULT 0,
  linked integer NOT NULL DEFAULT 0,
  unchanged integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0
);

-- Every version of every file: a path with new content is a new row (version + 1). A file whose
-- bytes could not be read has hash NULL.
CREATE TABLE files (
  id bigserial PRIMARY KEY,
  path text NOT NULL,
  hash text,
  version integer NOT NULL,
  size bigint,
  mtime timestamptz,
  -- 'ok' (report_id set) or 'failed' (error_code, error set).
  status text NOT NULL CHECK (status IN ('ok', 'failed')),
  error_code text,
  error text,
  report_id bigint REFERENCES reports (id),
  -- True on the newest version of the path that was read successfully.
  current boolean NOT NULL DEFAULT false,
  attempts integer NOT NULL DEFAULT 1,
  run_id bigint REFERENCES ingest_runs (id),
  first_seen timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT files_path_hash_key UNIQUE NULLS NOT DISTINCT (path, hash),
  CONSTRAINT files_path_version_key UNIQUE (path, version)
);
CREATE INDEX files_report_idx ON files (report_id) WHERE current;
CREATE INDEX files_hash_idx ON files (hash);
CREATE INDEX files_failed_idx ON files (path) WHERE status = 'failed';
