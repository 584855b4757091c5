/** Ingestion into the store: local (worker threads, batched writes) and queued (pg-boss workers). */
export {
  type Analyzer,
  type AnalyzerOptions,
  createAnalyzer,
  defaultJobs,
  inlineAnalyzer,
} from './analyzer.js';
export { type FailedInput, type IngestOptions, type IngestSummary, ingestFiles } from './ingest.js';
export { FileProcessor, type ProcessOptions, sha256 } from './process.js';
export { createProgress, type Progress, type ProgressMode, progressLine } from './progress.js';
export {
  type EnqueueSummary,
  enqueueFiles,
  QUEUE_NAME,
  QueueError,
  runWorker,
  startBoss,
  type WorkerOptions,
  type WorkerSummary,
} from './queue.js';
