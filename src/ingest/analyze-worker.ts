/** Worker-thread entry of the analysis pool (see analyzer.ts): one file at a time. */
import { parentPort, workerData } from 'node:worker_threads';
import { type AnalyzerOptions, analyzeTask, type WorkerRequest, type WorkerResponse } from './analyzer.js';

const options = (workerData ?? {}) as Pick<AnalyzerOptions, 'force' | 'maxBytes'>;

parentPort?.on('message', async (request: WorkerRequest) => {
  const result = await analyzeTask(request.task, options);
  const response: WorkerResponse = { id: request.id, result };
  parentPort?.postMessage(response);
});
