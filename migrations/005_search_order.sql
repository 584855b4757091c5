-- Search walks the reports newest first (or best score first) when a term is in most of them
-- (src/search/search.ts, Walk): these indexes give that order without sorting the table.
CREATE INDEX IF NOT EXISTS reports_year_order_idx ON reports ((coalesce(year, 0)) DESC, id);
CREATE INDEX IF NOT EXISTS reports_score_order_idx ON reports ((coalesce(score_total, -1)) DESC, id);
