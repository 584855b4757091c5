-- Substring search: a pg_trgm GIN index on the report text serves LIKE/ILIKE '%…%' for strings of
-- three or more characters. pg_trgm is optional: where the extension cannot be created (not
-- installed, or no privilege), search still works, by sequential scan.
-- PGlite bundles pg_trgm; src/store/open.ts loads it into every embedded database.
DO $$
BEGIN
  CREATE EXTENSION IF NOT EXISTS pg_trgm;
EXCEPTION WHEN OTHERS THEN
  RAISE NOTICE 'pg_trgm is not available (%); substring search will not be indexed', SQLERRM;
END
$$;

DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
    CREATE INDEX IF NOT EXISTS report_texts_trgm_idx ON report_texts USING gin (text gin_trgm_ops);
  END IF;
END
$$;
