/**
 * The fazhi store: reports, their text, parts, figures and findings, the files they came from,
 * in PGlite (embedded, default) or PostgreSQL (DATABASE_URL), through one `pg` data layer.
 * See docs/store.md.
 */
export { loadMigrations, MIGRATIONS_DIR, MigrationError, migrate, migrationsFingerprint } from './migrate.js';
export {
  type Backend,
  DEFAULT_DATA_DIR,
  type OpenOptions,
  openStore,
  type Queryable,
  redactUrl,
  resolveStoreTarget,
  type Store,
  StoreError,
  type StoreTarget,
} from './open.js';
export {
  type FailedFile,
  failedFiles,
  getReport,
  type KnownFile,
  latestFiles,
  type StoreCounts,
  type StoredReport,
  storeCounts,
} from './queries.js';
export { ANALYZER_VERSION, buildRecord, type ReportRecord } from './record.js';
export {
  type BatchItem,
  type BatchResult,
  type FileFacts,
  inTransaction,
  resegment,
  writeBatch,
} from './write.js';
