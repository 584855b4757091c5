-- A counter that moves with every committed change to what the views read, from any process:
-- `fazhi ingest`, workers, `fazhi reuse`, uploads. Reports and files suffice: findings, figures
-- and parts change only with their report's row (inserted with it, or, by `fazhi reuse`, along
-- with an update of its reading and score), and deletes cascade from it. The web app caches answers per value (src/server/cache.ts). A sequence takes no
-- locks, so concurrent writers do not wait on each other; the triggers are deferred to commit,
-- so a reader sees the new value only as the change becomes visible.
CREATE SEQUENCE store_generation;

CREATE FUNCTION bump_store_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('store_generation');
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER reports_generation AFTER INSERT OR UPDATE OR DELETE ON reports
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_generation();
CREATE CONSTRAINT TRIGGER files_generation AFTER INSERT OR UPDATE OR DELETE ON files
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_generation();
