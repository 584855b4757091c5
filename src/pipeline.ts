/**
 * Adapter from a file to its reading: read the bytes, pick the reader, analyze. Every failure is
 * an {@link InputError} naming what went wrong with this one input, so batches can go on.
 */
import { readFile, stat } from 'node:fs/promises';
import { analyze, type Report } from './core/analyze.js';
import type { Knowledge } from './core/knowledge.js';
import type { RawDocument } from './core/types.js';
import { InputError, toInputError } from './errors.js';
import { loadKnowledge } from './knowledge/load.js';
import { readDocument } from './readers/index.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface PipelineOptions {
  knowledge?: Knowledge;
  /** Largest input accepted, in bytes. */
  maxBytes?: number;
  /** Analyze even what does not look like a rule-of-law report. */
  force?: boolean;
}

/** A report together with what the reader said about the file. */
export interface AnalyzedDocument {
  report: Report;
  /** What the reader produced; `text` is what `report.sourceMap` maps back into. */
  document: Pick<RawDocument, 'format' | 'encoding' | 'warnings' | 'text'>;
}

/** Read and analyze bytes of a file named `fileName`. Throws InputError. */
export async function analyzeBytes(
  bytes: Uint8Array,
  fileName: string,
  options: PipelineOptions = {},
): Promise<AnalyzedDocument> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    const document = await readDocument(bytes, fileName, { maxBytes });
    const report = analyze(document.text, {
      knowledge: options.knowledge ?? loadKnowledge(),
      hints: document.hints,
    });
    if (report.notAReport && !options.force) {
      throw new InputError(
        'not-a-report',
        `not a rule-of-law government report: ${report.notAReport} (use --force to analyze anyway)`,
      );
    }
    const { format, encoding, warnings, text } = document;
    return { report, document: { format, encoding, warnings, text } };
  } catch (error) {
    throw toInputError(error);
  }
}

/** The bytes of the file at `path`, refusing a directory or a file over `maxBytes` before reading it. */
export async function readInputFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError('unsupported-format', 'is a directory');
    size = info.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError('not-found', 'no such file');
  }
  if (size > maxBytes) {
    throw new InputError(
      'too-large',
      `file is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-bytes)`,
    );
  }
  try {
    return await readFile(path);
  } catch (error) {
    throw new InputError('not-found', `cannot read: ${(error as Error).message}`);
  }
}

/** Read and analyze the file at `path`. Throws InputError. */
export async function analyzeFile(path: string, options: PipelineOptions = {}): Promise<AnalyzedDocument> {
  return analyzeBytes(await readInputFile(path, options.maxBytes), path, options);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
