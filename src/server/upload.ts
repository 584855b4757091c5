/**
 * Uploads: files received over multipart are checked (size, extension, content), saved under the
 * upload directory as `<first 16 hex of sha256>/<safe name>`, and ingested into the store like
 * `fazhi ingest` does. Each file gets its own result: added, linked (the same content is already
 * stored), unchanged (this very file was uploaded before) or failed with a code and a message.
 */
import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { Analyzer } from '../ingest/analyzer.js';
import { ingestFiles } from '../ingest/ingest.js';
import type { Store } from '../store/open.js';
import { latestFiles } from '../store/queries.js';
import type { UploadResult, UploadStatus } from './api-types.js';
import { inputErrorMessage } from './labels.js';

/** Extensions accepted for upload, and what their content must look like. */
export const UPLOAD_TYPES: Record<string, 'text' | 'zip' | 'pdf'> = {
  '.txt': 'text',
  '.text': 'text',
  '.html': 'text',
  '.htm': 'text',
  '.shtml': 'text',
  '.xhtml': 'text',
  '.docx': 'zip',
  '.pdf': 'pdf',
};

export const DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_UPLOAD_FILES = 50;

export interface ReceivedFile {
  name: string;
  bytes: Uint8Array | null;
  size: number;
  /** Set when the file was refused before saving. */
  error?: { code: string; message: string };
}

/** A file name safe to create: the last path segment, odd characters replaced, length capped. */
export function safeFileName(name: string): string {
  const last = name.split(/[\\/]/u).pop() ?? '';
  const base = last === '.' || last === '..' ? '' : last;
  let safe = [...base.normalize('NFC')]
    .map((c) => (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f || '<>:"|?*'.includes(c) ? '_' : c))
    .join('')
    .replace(/^\.+/u, '_')
    .trim();
  if (safe === '' || safe === '.' || safe === '..') safe = 'upload';
  if (safe.length > 120) {
    const ext = extname(safe).slice(0, 10);
    safe = safe.slice(0, 120 - ext.length) + ext;
  }
  return safe;
}

/** Why these bytes cannot be a report of this name; null when they can. */
export function checkUpload(
  name: string,
  bytes: Uint8Array,
  maxBytes: number,
): { code: string; message: string } | null {
  const ext = extname(name).toLowerCase();
  const kind = UPLOAD_TYPES[ext];
  if (!kind) {
    return {
      code: 'unsupported-type',
      message: `不支持的文件类型“${ext || '无扩展名'}”（支持 ${Object.keys(UPLOAD_TYPES).join(' ')}）`,
    };
  }
  if (bytes.length > maxBytes) {
    return { code: 'too-large', message: `文件超过 ${Math.round(maxBytes / 1024 / 1024)} MB 上限` };
  }
  if (bytes.length === 0) return { code: 'empty', message: '文件为空' };
  const head = bytes.subarray(0, 8192);
  if (kind === 'pdf' && !(head[0] === 0x25 && head[1] === 0x50 && head[2] === 0x44 && head[3] === 0x46)) {
    return { code: 'bad-content', message: '文件内容不是 PDF' };
  }
  if (kind === 'zip' && !(head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04)) {
    return { code: 'bad-content', message: '文件内容不是 DOCX（应为 ZIP 容器）' };
  }
  if (kind === 'text') {
    const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
    if (!utf16 && head.includes(0))
      return { code: 'bad-content', message: '文件内容不是文本（含二进制数据）' };
  }
  return null;
}

export interface IngestUploadsOptions {
  uploadDir: string;
  analyzer?: Analyzer;
}

/** Save the accepted files and ingest them; one result per received file, in order. */
export async function ingestUploads(
  store: Store,
  files: ReceivedFile[],
  options: IngestUploadsOptions,
): Promise<UploadResult[]> {
  const results: UploadResult[] = files.map((f) => ({
    name: f.name,
    size: f.size,
    status: 'failed',
    reportId: null,
    ...(f.error ? f.error : {}),
  }));
  const saved: { index: number; path: string; hash: string }[] = [];
  const root = resolve(options.uploadDir);
  for (const [index, f] of files.entries()) {
    if (f.error || !f.bytes) continue;
    const hash = createHash('sha256').update(f.bytes).digest('hex');
    const dir = join(root, hash.slice(0, 16));
    const path = join(dir, safeFileName(f.name));
    if (!path.startsWith(`${root}/`)) {
      results[index] = { ...(results[index] as UploadResult), code: 'bad-name', message: '文件名无效' };
      continue;
    }
    await mkdir(dir, { recursive: true });
    const exists = await stat(path).then(
      (s) => s.isFile() && s.size === f.bytes?.length,
      () => false,
    );
    if (!exists) await writeFile(path, f.bytes);
    saved.push({ index, path, hash });
  }
  if (saved.length === 0) return results;

  const paths = [...new Set(saved.map((s) => s.path))];
  const before = await latestFiles(store.pool, paths);
  const { rows: known } = await store.pool.query<{ hash: string; id: string }>(
    'SELECT hash, id FROM reports WHERE hash = ANY($1::text[])',
    [saved.map((s) => s.hash)],
  );
  const knownHashes = new Set(known.map((k) => k.hash));
  await ingestFiles(store, paths, {
    ...(options.analyzer ? { analyzer: options.analyzer } : {}),
    batchSize: 20,
    flushMs: 500,
  });
  const { rows } = await store.pool.query<{
    path: string;
    status: 'ok' | 'failed';
    report_id: string | null;
    error_code: string | null;
    error: string | null;
  }>(
    `SELECT DISTINCT ON (path) path, status, report_id, error_code, error FROM files
     WHERE path = ANY($1::text[]) ORDER BY path, version DESC`,
    [paths],
  );
  const after = new Map(rows.map((r) => [r.path, r]));
  for (const s of saved) {
    const r = after.get(s.path);
    const prior = before.get(s.path);
    const result = results[s.index] as UploadResult;
    if (!r) {
      results[s.index] = { ...result, code: 'store', message: '未能写入数据库' };
    } else if (r.status === 'failed') {
      results[s.index] = {
        ...result,
        code: r.error_code ?? 'failed',
        message: inputErrorMessage(r.error_code, r.error),
      };
    } else {
      const status: UploadStatus =
        prior?.status === 'ok' && prior.hash === s.hash
          ? 'unchanged'
          : knownHashes.has(s.hash)
            ? 'linked'
            : 'added';
      results[s.index] = { name: result.name, size: result.size, status, reportId: String(r.report_id) };
    }
  }
  return results;
}
