-- Copy detection across the corpus (fazhi reuse): passages of a report that are near-duplicates of
-- passages of another report. Unlike the reading of a report, these depend on the whole corpus, so
-- they live apart from `findings` and are recomputed by each `fazhi reuse` run.
CREATE TABLE reuse_matches (
  report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  -- 'reuse/copied-paragraph' (another unit's report) or 'reuse/reused-from-other-year' (own earlier report).
  rule_id text NOT NULL,
  start_pos integer NOT NULL,
  end_pos integer NOT NULL,
  other_report_id bigint NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  other_start integer NOT NULL,
  other_end integer NOT NULL,
  similarity real NOT NULL,
  matched_chars integer NOT NULL,
  PRIMARY KEY (report_id, start_pos, other_report_id, other_start)
);
CREATE INDEX reuse_matches_other_idx ON reuse_matches (other_report_id);
