/**
 * The fazhi web app's HTTP server: a JSON API over the store (described by OpenAPI at
 * /api/openapi.json) and the static front end built by Vite (dist/web). The front end uses only
 * the API.
 *
 * Security: writes (upload, delete, roster) need `Authorization: Bearer <token>` unless the app
 * runs in local demo mode (bound to loopback, no token set); uploads are limited in size, number
 * and type; original files are served by report id, never by a path from the client, with a
 * sandboxing CSP; the API is rate-limited.
 *
 * @example
 * const store = await openStore(resolveStoreTarget());
 * const app = await buildApp({ store, token: process.env.FAZHI_TOKEN, uploadDir: 'fazhi-data/uploads' });
 * await app.listen({ port: 3000, host: '127.0.0.1' });
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteShorthandOptions,
} from 'fastify';
import { buildReview } from '../export/review.js';
import { renderReviewDocx } from '../export/review-docx.js';
import { buildTable, TABLE_KINDS, type Table, type TableKind } from '../export/tables.js';
import { toCsv, writeXlsx } from '../export/write.js';
import { type Analyzer, createAnalyzer } from '../ingest/analyzer.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { Store } from '../store/open.js';
import { failedFiles, getReport } from '../store/queries.js';
import type { FailedFile, IndicatorCount, ListResponse, Meta, UploadResponse } from './api-types.js';
import { GenerationCache } from './cache.js';
import { parseSpreadsheet } from './csv.js';
import {
  compare,
  facetCounts,
  indicatorCounts,
  listReports,
  overview,
  reportDetail,
  SORTS,
  type Sort,
  storedReadings,
} from './data.js';
import { FilterError, parseFilters, type ReportFilters } from './filters.js';
import { inputErrorMessage, labels } from './labels.js';
import { Prerenderer } from './prerender.js';
import { ReuseService } from './reuse.js';
import {
  clearRoster,
  ensureRosterTable,
  RosterError,
  replaceRoster,
  rosterBoard,
  rosterFromRows,
  rosterTable,
  STATUS_LABELS,
} from './roster.js';
import { querySchemas, responseSchemas } from './schemas.js';
import { serverViewAt } from './server-rendered.js';
import {
  checkUpload,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_MAX_UPLOAD_FILES,
  ingestUploads,
  type ReceivedFile,
  UPLOAD_TYPES,
} from './upload.js';

export interface AppOptions {
  store: Store;
  /** Token for writes (FAZHI_TOKEN); null or empty: writes only in demo mode. */
  token?: string | null;
  /** Local demo mode: writes need no token (only when no token is set). */
  demo?: boolean;
  /** Where uploaded files are kept. */
  uploadDir: string;
  /** The built front end (dist/web); null serves the API only. */
  webRoot?: string | null;
  /**
   * The server renderer of the front end's views (dist/web-ssr/ssr.js, see prerender.ts); null or
   * absent: every page is rendered in the browser only.
   */
  serverRenderer?: string | null;
  maxUploadBytes?: number;
  maxUploadFiles?: number;
  /** Bytes of one upload request in all (default 100 MB): files beyond it are refused, not buffered. */
  maxUploadTotalBytes?: number;
  /** Requests per minute and client on the API (default 600; uploads 60); false turns limits off. */
  rateLimit?: { max: number; uploadMax?: number } | false;
  logger?: boolean | { level: string };
  /** Analyzer for uploads (default: worker threads when built, else inline); closed with the app when created here. */
  analyzer?: Analyzer;
  jobs?: number;
}

/** A client error the handlers throw: answered with its status and a JSON body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Originals (uploaded HTML above all) must not run in the app's origin. */
const ORIGINAL_CSP = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const CONTENT_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.text': 'text/plain',
  '.html': 'text/html',
  '.htm': 'text/html',
  '.shtml': 'text/html',
  '.xhtml': 'text/html',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
};

function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}

/** RFC 5987 Content-Disposition with a Chinese file name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/gu, '_').replace(/["\\]/gu, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Exports, by the extension of their file name. */
const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: CONTENT_TYPES['.docx'] as string,
} as const;

/** Send an export as a download named `name.ext`. */
function sendAttachment(
  reply: FastifyReply,
  ext: keyof typeof EXPORT_TYPES,
  body: string | Buffer,
  name: string,
): FastifyReply {
  return reply
    .type(EXPORT_TYPES[ext])
    .header('content-disposition', contentDisposition('attachment', `${name}.${ext}`))
    .send(body);
}

function sendCsv(reply: FastifyReply, table: Table, name: string): FastifyReply {
  return sendAttachment(reply, 'csv', toCsv(table), name);
}

async function xlsxBuffer(tables: Table[]): Promise<Buffer> {
  const path = join(
    tmpdir(),
    `fazhi-export-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`,
  );
  try {
    await writeXlsx(path, tables);
    return await readFile(path);
  } finally {
    await rm(path, { force: true });
  }
}

/** Reports in one review document (a Word file of this many reports is already a long read). */
const MAX_REVIEW_REPORTS = 200;

function filtersOf(req: FastifyRequest): ReportFilters {
  return parseFilters(req.query as Record<string, unknown>);
}

function str(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : undefined;
}

function int(value: unknown, fallback: number): number {
  const n = Number(str(value));
  return Number.isFinite(n) ? Math.floor(n) : fallback;
}

function reportId(req: FastifyRequest): string {
  const id = (req.params as { id?: string }).id ?? '';
  if (!/^\d{1,18}$/u.test(id)) throw new HttpError(400, 'bad-id', '报告编号应为数字');
  return id;
}

function listTable(rows: Awaited<ReturnType<typeof listReports>>['rows']): Table {
  const l = labels();
  return {
    name: 'reports',
    header: [
      'id',
      'title',
      'issuer',
      'unit_kind',
      'jurisdiction',
      'jurisdiction_code',
      'level',
      'province',
      'year',
      'published',
      'signed',
      'score',
      'findings',
      'errors',
      'warnings',
      'format',
      'source',
    ],
    rows: rows.map((r) => [
      r.id,
      r.title,
      r.issuer,
      r.unitKind ? (l.unitKinds[r.unitKind] ?? r.unitKind) : null,
      r.jurisdiction?.name ?? null,
      r.jurisdiction?.code ?? null,
      r.jurisdiction?.level ? (l.levels[r.jurisdiction.level] ?? r.jurisdiction.level) : null,
      r.province,
      r.year,
      r.published,
      r.signed,
      r.score,
      r.findings,
      r.errors,
      r.warnings,
      r.format,
      r.source.split(/[\\/]/u).pop() ?? r.source,
    ]),
  };
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { store } = options;
  const token = options.token || null;
  const demo = Boolean(options.demo) && !token;
  const maxUploadBytes = options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const maxUploadFiles = options.maxUploadFiles ?? DEFAULT_MAX_UPLOAD_FILES;
  const maxUploadTotalBytes = options.maxUploadTotalBytes ?? 100 * 1024 * 1024;
  const uploadDir = resolve(options.uploadDir);
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 2 * 1024 * 1024,
    // Report ids and file names come through the query string; keep arrays for repeated keys.
    routerOptions: { maxParamLength: 200 },
  });

  await ensureRosterTable(store.pool);
  const reuse = new ReuseService(store.pool);
  // The overview per store generation (see cache.ts); writes here invalidate it at once.
  const overviews = new GenerationCache(store.pool);
  const cachedOverview = (f: ReportFilters) =>
    overviews.get(JSON.stringify(f), () => overview(store.pool, f));
  // The list's facet counts likewise: they depend on the filters only, not on the page or order.
  const facets = new GenerationCache(store.pool);
  const cachedFacets = (f: ReportFilters) => facets.get(JSON.stringify(f), () => facetCounts(store.pool, f));
  const webRoot = options.webRoot ? resolve(options.webRoot) : null;
  // Pages with their view in them (the overview, the list, a report), rendered from the API's own answers.
  const prerenderer =
    webRoot && options.serverRenderer
      ? new Prerenderer(store.pool, {
          template: join(webRoot, 'index.html'),
          renderer: resolve(options.serverRenderer),
          // No answer for a missing report or filters the API refuses (400): the plain page.
          answer: async (path) => {
            const res = await app.inject({ method: 'GET', url: `/api${path}` });
            if (res.statusCode === 404 || res.statusCode === 400) return null;
            if (res.statusCode !== 200) throw new Error(`/api${path}: ${res.statusCode} ${res.body}`);
            return res.body;
          },
          onError: (error) => app.log.error({ err: error }, 'a page could not be prerendered'),
        })
      : null;
  const changed = (): void => {
    reuse.invalidate();
    overviews.invalidate();
    facets.invalidate();
    prerenderer?.invalidate();
  };
  // The landing page is computed as the server starts, not on the first visit (not awaited: the
  // server is ready at once; a failure is left to the first request to report).
  app.addHook('onReady', async () => {
    cachedOverview(parseFilters({})).catch(() => {});
    const overviewView = serverViewAt('/', '');
    if (overviewView) prerenderer?.page(overviewView).catch(() => {});
  });
  let analyzer = options.analyzer ?? null;
  const ownAnalyzer = !options.analyzer;
  const getAnalyzer = (): Analyzer => {
    analyzer ??= createAnalyzer({ jobs: options.jobs ?? 2 });
    return analyzer;
  };
  app.addHook('onClose', async () => {
    if (ownAnalyzer && analyzer) await analyzer.close();
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'fazhi API',
        description:
          '法治政府建设年度报告：浏览、检索、比较与审阅。JSON over HTTP; views also as .json and .csv. ' +
          'Writes need `Authorization: Bearer <FAZHI_TOKEN>` (except local demo mode).',
        version: '0.1.0',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      },
      tags: [
        { name: 'reports', description: '报告' },
        { name: 'overview', description: '概览' },
        { name: 'compare', description: '指标对比' },
        { name: 'upload', description: '上传' },
        { name: 'roster', description: '报送名册' },
        { name: 'meta', description: '元数据' },
      ],
    },
  });

  await app.register(fastifyMultipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: maxUploadBytes, files: maxUploadFiles, fields: 20, parts: maxUploadFiles + 20 },
  });

  const rateLimit = options.rateLimit ?? { max: 600, uploadMax: 60 };
  if (rateLimit) {
    await app.register(fastifyRateLimit, {
      global: true,
      max: rateLimit.max,
      timeWindow: '1 minute',
      // The API, and the pages of filtered views (each a render on the server); not the app's files.
      allowList: (req) => !req.url.startsWith('/api/') && !req.url.includes('?'),
      errorResponseBuilder: (_req, ctx) => ({
        statusCode: ctx.statusCode,
        error: 'rate-limited',
        message: `请求过于频繁，请 ${ctx.after} 后再试`,
      }),
    });
  }

  // Demo mode answers loopback names only: a page of another site cannot reach the unauthenticated
  // API by pointing its own host name at 127.0.0.1 (DNS rebinding).
  if (demo) {
    app.addHook('onRequest', async (req, reply) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/u, '').toLowerCase();
      if (!['localhost', '127.0.0.1', '[::1]', '::1'].includes(host) && !/^127\./u.test(host)) {
        return reply
          .status(421)
          .send({ error: 'misdirected', message: '演示模式只接受本机地址（localhost、127.0.0.1）' });
      }
    });
  }

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', APP_CSP);
    if (!reply.hasHeader('x-frame-options')) reply.header('x-frame-options', 'DENY');
    if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler(
    (error: Error & { statusCode?: number; code?: string; validation?: unknown }, req, reply) => {
      if (error instanceof HttpError) {
        return reply.status(error.statusCode).send({ error: error.code, message: error.message });
      }
      if (error instanceof FilterError || error instanceof RosterError) {
        return reply.status(400).send({ error: 'bad-request', message: error.message });
      }
      if (error.validation) {
        return reply.status(400).send({ error: 'bad-request', message: error.message });
      }
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) req.log.error(error);
      return reply.status(status).send({
        error: status === 429 ? 'rate-limited' : (error.code ?? 'error'),
        message: status >= 500 ? '服务器内部错误' : error.message,
      });
    },
  );

  /** Writes: a valid bearer token, or local demo mode. */
  const requireWrite = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    // A form on another site can POST multipart without a preflight: writes must come from the app's own origin.
    const origin = req.headers.origin;
    if (origin !== undefined) {
      let same = false;
      try {
        same = new URL(origin).host === req.headers.host;
      } catch {
        same = false;
      }
      if (!same) throw new HttpError(403, 'cross-origin', '拒绝来自其他网站的写请求');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site')
      throw new HttpError(403, 'cross-origin', '拒绝来自其他网站的写请求');
    if (demo) return;
    if (!token) {
      throw new HttpError(
        403,
        'writes-disabled',
        '服务器未设置 FAZHI_TOKEN，写操作（上传、删除、名册）已禁用',
      );
    }
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!given || !timingSafeEqual(digest(given), digest(token))) {
      reply.header('www-authenticate', 'Bearer realm="fazhi"');
      throw new HttpError(401, 'unauthorized', '需要有效的访问令牌（Authorization: Bearer …）');
    }
  };
  const writeRoute = (schema: RouteShorthandOptions['schema']): RouteShorthandOptions => ({
    preHandler: requireWrite,
    schema: { ...schema, security: [{ bearer: [] }] },
  });

  const q = querySchemas;
  const r = responseSchemas;

  // --- meta ------------------------------------------------------------------------------------

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/api/health',
    { schema: { tags: ['meta'], summary: '健康检查', response: { 200: r.health } } },
    async () => {
      await store.pool.query('SELECT 1');
      return { ok: true, backend: store.backend };
    },
  );

  app.get(
    '/api/meta',
    { schema: { tags: ['meta'], summary: '标签、限制与写权限', response: { 200: r.meta } } },
    async (): Promise<Meta> => ({
      version: '0.1.0',
      backend: store.backend,
      demo,
      writable: demo,
      authRequired: !demo,
      writesEnabled: demo || token !== null,
      limits: { maxUploadBytes, maxUploadFiles, types: Object.keys(UPLOAD_TYPES) },
      labels: labels(),
      statuses: STATUS_LABELS,
    }),
  );

  // --- reports ---------------------------------------------------------------------------------

  const listHandler = async (req: FastifyRequest): Promise<ListResponse> => {
    const f = filtersOf(req);
    const query = req.query as Record<string, unknown>;
    const sort = str(query.sort) as Sort | undefined;
    if (sort && !SORTS.includes(sort)) throw new HttpError(400, 'bad-request', `unknown sort "${sort}"`);
    const order = str(query.order);
    const result = await listReports(store.pool, f, {
      sort,
      order: order === 'asc' || order === 'desc' ? order : undefined,
      limit: int(query.limit, 20),
      offset: int(query.offset, 0),
    });
    return { ...result, facets: str(query.facets) === 'false' ? [] : await cachedFacets(f) };
  };
  const listSchema = {
    tags: ['reports'],
    summary: '报告列表：筛选、全文检索、分面计数、分页',
    querystring: q.list,
    response: { 200: r.list },
  };
  app.get('/api/reports', { schema: listSchema }, listHandler);
  app.get('/api/reports.json', { schema: { ...listSchema, summary: '报告列表（JSON）' } }, listHandler);
  app.get(
    '/api/reports.csv',
    {
      schema: {
        tags: ['reports'],
        summary: '报告列表（CSV，全部匹配的报告，至多 10000 篇）',
        querystring: q.list,
      },
    },
    async (req, reply) => {
      const f = filtersOf(req);
      const query = req.query as Record<string, unknown>;
      const rows: Awaited<ReturnType<typeof listReports>>['rows'] = [];
      for (let offset = 0; offset < 10000; offset += 1000) {
        const order = str(query.order);
        const page = await listReports(store.pool, f, {
          sort: (str(query.sort) as Sort | undefined) ?? undefined,
          order: order === 'asc' || order === 'desc' ? order : undefined,
          limit: 1000,
          offset,
          snippetLength: 0,
        });
        rows.push(...page.rows);
        if (page.rows.length < 1000) break;
      }
      return sendCsv(reply, listTable(rows), 'reports');
    },
  );

  const detailSchema = {
    tags: ['reports'],
    summary: '一篇报告：文本、结构、数据、检查发现、评分、纲要覆盖',
    params: q.idParams,
    response: { 200: r.detail },
  };
  const detailHandler = async (req: FastifyRequest) => {
    const id = reportId(req);
    const detail = await reportDetail(store.pool, id);
    if (!detail) throw new HttpError(404, 'not-found', `没有编号为 ${id} 的报告`);
    return detail;
  };
  app.get('/api/reports/:id', { schema: detailSchema }, detailHandler);
  app.get('/api/reports/:id.json', { schema: detailSchema }, detailHandler);
  app.get(
    '/api/reports/:id/review.docx',
    { schema: { tags: ['reports'], summary: '一篇报告的审阅意见（DOCX）', params: q.idParams } },
    async (req, reply) => {
      const id = reportId(req);
      // Any stored report, a superseded version too (as its detail view).
      const report = await getReport(store.pool, id);
      if (!report) throw new HttpError(404, 'not-found', `没有编号为 ${id} 的报告`);
      const input = { id, reading: report.reading, text: report.text };
      return sendAttachment(
        reply,
        'docx',
        await renderReviewDocx(buildReview([input], labels())),
        `审阅意见-${id}`,
      );
    },
  );
  app.get(
    '/api/reports/:id.csv',
    { schema: { tags: ['reports'], summary: '一篇报告的数据（CSV）', params: q.idParams } },
    async (req, reply) => {
      const id = reportId(req);
      const detail = await reportDetail(store.pool, id);
      if (!detail) throw new HttpError(404, 'not-found', `没有编号为 ${id} 的报告`);
      return sendCsv(
        reply,
        buildTable('figures', [detail.reading], loadKnowledge().catalogue),
        `report-${id}-figures`,
      );
    },
  );

  app.get(
    '/api/reports/:id/original',
    {
      schema: {
        tags: ['reports'],
        summary: '原始文件（按报告编号，不接受路径）',
        params: q.idParams,
        querystring: q.original,
      },
    },
    async (req, reply) => {
      const id = reportId(req);
      const { rows } = await store.pool.query<{ path: string; hash: string }>(
        `SELECT f.path, r.hash FROM files f JOIN reports r ON r.id = f.report_id
         WHERE f.report_id = $1 AND f.current ORDER BY f.id`,
        [id],
      );
      if (rows.length === 0) throw new HttpError(404, 'not-found', `没有编号为 ${id} 的报告的原始文件`);
      // The first current file whose bytes are still those of the report.
      for (const row of rows) {
        let bytes: Buffer;
        try {
          const info = await stat(row.path);
          if (!info.isFile() || info.size > 200 * 1024 * 1024) continue;
          bytes = await readFile(row.path);
        } catch {
          continue;
        }
        if (createHash('sha256').update(bytes).digest('hex') !== row.hash) continue;
        const name = row.path.split(/[\\/]/u).pop() ?? `report-${id}`;
        const ext = extname(name).toLowerCase();
        const download =
          str((req.query as Record<string, unknown>).download) === '1' || ext === '.docx' || ext === '.doc';
        const type = CONTENT_TYPES[ext] ?? 'application/octet-stream';
        reply
          .type(type)
          .header('content-disposition', contentDisposition(download ? 'attachment' : 'inline', name))
          .header('cache-control', 'private, max-age=300');
        if (type === 'text/html' || type === 'text/plain')
          reply.header('content-security-policy', ORIGINAL_CSP);
        else
          reply.header(
            'content-security-policy',
            "default-src 'none'; object-src 'self'; plugin-types application/pdf",
          );
        return reply.send(bytes);
      }
      throw new HttpError(410, 'original-gone', '原始文件已移动、删除或内容已变更');
    },
  );

  app.delete(
    '/api/reports/:id',
    writeRoute({
      tags: ['reports'],
      summary: '删除报告（及其文件记录与上传的原件）',
      params: q.idParams,
      response: { 200: r.deleted },
    }),
    async (req) => {
      const id = reportId(req);
      const client = await store.pool.connect();
      let paths: string[] = [];
      try {
        await client.query('BEGIN');
        const found = await client.query('SELECT 1 FROM reports WHERE id = $1', [id]);
        if (found.rowCount === 0) throw new HttpError(404, 'not-found', `没有编号为 ${id} 的报告`);
        const { rows } = await client.query<{ path: string }>(
          'SELECT DISTINCT path FROM files WHERE report_id = $1',
          [id],
        );
        paths = rows.map((x) => x.path);
        await client.query('DELETE FROM files WHERE report_id = $1', [id]);
        await client.query('DELETE FROM reports WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
      // Uploaded copies go too; files ingested from elsewhere are left where they are.
      let removed = 0;
      for (const p of paths) {
        const abs = resolve(p);
        if (abs.startsWith(uploadDir + sep) && existsSync(abs)) {
          await rm(abs, { force: true });
          removed++;
        }
      }
      changed();
      return { deleted: id, files: paths.length, removedUploads: removed };
    },
  );

  app.get(
    '/api/reports/:id/reuse',
    {
      schema: {
        tags: ['reports'],
        summary: '复用检测：与其他报告近似重复的段落（即时计算，或 fazhi reuse 存储的结果）',
        params: q.idParams,
        querystring: q.reuse,
        response: { 200: r.reuse },
      },
    },
    async (req) => {
      const id = reportId(req);
      const source = str((req.query as Record<string, unknown>).source);
      const result = await reuse.find(id, source === 'live' || source === 'stored' ? source : undefined);
      if (!result) throw new HttpError(404, 'not-found', `没有编号为 ${id} 的报告`);
      return result;
    },
  );

  app.get(
    '/api/files/failed',
    { schema: { tags: ['upload'], summary: '未能入库的文件及原因', response: { 200: r.failed } } },
    async (): Promise<{ files: FailedFile[] }> => {
      const rows = await failedFiles(store.pool, 500);
      return {
        files: rows.map((f) => ({
          name: f.path.split(/[\\/]/u).pop() ?? f.path,
          version: f.version,
          code: f.errorCode,
          message: inputErrorMessage(f.errorCode, f.error),
          attempts: f.attempts,
          updatedAt: new Date(f.updatedAt).toISOString(),
        })),
      };
    },
  );

  // --- overview --------------------------------------------------------------------------------

  const overviewSchema = {
    tags: ['overview'],
    summary: '概览：按层级、省份、年度计数，公开时间与期限，评分分布，常见问题',
    querystring: q.filters,
    response: { 200: r.overview },
  };
  const overviewHandler = async (req: FastifyRequest) => cachedOverview(filtersOf(req));
  app.get('/api/overview', { schema: overviewSchema }, overviewHandler);
  app.get('/api/overview.json', { schema: overviewSchema }, overviewHandler);
  app.get(
    '/api/overview.csv',
    { schema: { tags: ['overview'], summary: '概览计数（CSV）', querystring: q.filters } },
    async (req, reply) => {
      const o = await cachedOverview(filtersOf(req));
      const rows: (string | number | null)[][] = [];
      for (const [dim, counts] of [
        ['level', o.byLevel],
        ['province', o.byProvince],
        ['year', o.byYear],
        ['unit_kind', o.byUnitKind],
      ] as const) {
        for (const c of counts) rows.push([dim, c.value, c.label, c.count]);
      }
      for (const b of o.scores.bins)
        rows.push(['score', `${b.from}-${b.to}`, `${b.from}-${b.to}分`, b.count]);
      for (const t of o.topFindings) rows.push(['rule', t.ruleId, t.name, t.reports]);
      rows.push(['publication', 'on_time', '按期公开', o.publication.onTime]);
      rows.push(['publication', 'late', '逾期公开', o.publication.late]);
      rows.push(['publication', 'unknown', '公开日期未知', o.publication.unknown]);
      return sendCsv(
        reply,
        { name: 'overview', header: ['dimension', 'value', 'label', 'count'], rows },
        'overview',
      );
    },
  );

  // --- compare ---------------------------------------------------------------------------------

  app.get(
    '/api/indicators',
    {
      schema: {
        tags: ['compare'],
        summary: '指标目录及含各指标的报告数',
        querystring: q.filters,
        response: { 200: r.indicators },
      },
    },
    async (req): Promise<{ indicators: IndicatorCount[] }> => {
      const counts = await indicatorCounts(store.pool, filtersOf(req));
      return {
        indicators: labels()
          .indicators.map((i) => ({ ...i, reports: counts.get(i.key) ?? 0 }))
          .sort((a, b) => b.reports - a.reports),
      };
    },
  );

  const keysOf = (req: FastifyRequest): string[] => {
    const raw = (req.query as Record<string, unknown>).keys;
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .flatMap((x) => String(x).split(','))
      .map((x) => x.trim())
      .filter(Boolean);
    if (list.length === 0) throw new HttpError(400, 'bad-request', '请指定至少一个指标（keys）');
    if (list.length > 20) throw new HttpError(400, 'bad-request', '一次最多比较 20 个指标');
    return list;
  };
  const compareSchema = {
    tags: ['compare'],
    summary: '指标对比：指标 × 单位 × 年度（比率附分子、分母）',
    querystring: q.compare,
    response: { 200: r.compare },
  };
  const compareHandler = async (req: FastifyRequest) => compare(store.pool, filtersOf(req), keysOf(req));
  app.get('/api/compare', { schema: compareSchema }, compareHandler);
  app.get('/api/compare.json', { schema: compareSchema }, compareHandler);
  app.get(
    '/api/compare.csv',
    { schema: { tags: ['compare'], summary: '指标对比（CSV）', querystring: q.compare } },
    async (req, reply) => {
      const result = await compare(store.pool, filtersOf(req), keysOf(req));
      const names = new Map(labels().indicators.map((i) => [i.key, i.name]));
      const units = new Map(result.units.map((u) => [u.key, u]));
      return sendCsv(
        reply,
        {
          name: 'compare',
          header: [
            'unit',
            'jurisdiction_code',
            'year',
            'key',
            'name_zh',
            'value',
            'unit_of_measure',
            'approx',
            'numerator_key',
            'numerator',
            'denominator_key',
            'denominator',
            'computed_rate',
            'report_id',
            'quote',
          ],
          rows: result.cells.map((c) => [
            units.get(c.unitKey)?.name ?? c.unitKey,
            units.get(c.unitKey)?.code ?? null,
            c.year,
            c.key,
            names.get(c.key) ?? null,
            c.value,
            c.unit,
            c.approx,
            c.numerator?.key ?? null,
            c.numerator?.value ?? null,
            c.denominator?.key ?? null,
            c.denominator?.value ?? null,
            c.computedRate ?? null,
            c.reportId,
            c.quote,
          ]),
        },
        'compare',
      );
    },
  );

  // --- export ----------------------------------------------------------------------------------

  app.get(
    '/api/export',
    {
      schema: {
        tags: ['reports'],
        summary: '导出：数据（长表/宽表）、检查发现、评分，CSV 或 XLSX（as=csv|xlsx；筛选同报告列表）',
        querystring: q.export,
      },
    },
    async (req, reply) => {
      const query = req.query as Record<string, unknown>;
      const table = (str(query.table) ?? 'figures') as TableKind | 'all' | 'review';
      const format = str(query.as) ?? 'csv';
      if ((table === 'review') !== (format === 'docx'))
        throw new HttpError(400, 'bad-request', '审阅意见只导出为 DOCX（table=review&as=docx）');
      if (table === 'review') {
        const inputs = await storedReadings(store.pool, filtersOf(req), MAX_REVIEW_REPORTS + 1, true);
        if (inputs.length > MAX_REVIEW_REPORTS)
          throw new HttpError(
            413,
            'too-many-reports',
            `审阅意见一次至多导出 ${MAX_REVIEW_REPORTS} 篇报告，请先缩小筛选范围`,
          );
        return sendAttachment(
          reply,
          'docx',
          await renderReviewDocx(buildReview(inputs, labels())),
          'fazhi-审阅意见',
        );
      }
      if (table !== 'all' && !TABLE_KINDS.includes(table))
        throw new HttpError(400, 'bad-request', `unknown table "${table}"`);
      if (format !== 'csv' && format !== 'xlsx')
        throw new HttpError(400, 'bad-request', `unknown format "${format}"`);
      if (format === 'csv' && table === 'all')
        throw new HttpError(400, 'bad-request', 'CSV 一次导出一张表；全部表请选 XLSX');
      const reports = (await storedReadings(store.pool, filtersOf(req), 5000)).map((x) => x.reading);
      const catalogue = loadKnowledge().catalogue;
      const kinds = table === 'all' ? TABLE_KINDS : [table];
      const tables = kinds.map((k) => buildTable(k, reports, catalogue));
      const name = `fazhi-${table}`;
      if (format === 'csv') return sendCsv(reply, tables[0] as Table, name);
      return sendAttachment(reply, 'xlsx', await xlsxBuffer(tables), name);
    },
  );

  // --- upload ----------------------------------------------------------------------------------

  app.post(
    '/api/upload',
    {
      ...writeRoute({
        tags: ['upload'],
        summary: `上传报告文件（multipart/form-data，字段 files；每个文件至多 ${Math.round(maxUploadBytes / 1048576)} MB，每次至多 ${maxUploadFiles} 个）`,
        consumes: ['multipart/form-data'],
        response: { 200: r.upload },
      }),
      config: rateLimit ? { rateLimit: { max: rateLimit.uploadMax ?? 60, timeWindow: '1 minute' } } : {},
    },
    async (req): Promise<UploadResponse> => {
      if (!req.isMultipart())
        throw new HttpError(415, 'unsupported-media-type', '请以 multipart/form-data 上传');
      const received: ReceivedFile[] = [];
      let totalBytes = 0;
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file') continue;
          const name = (part.filename || 'upload').slice(0, 500);
          const chunks: Buffer[] = [];
          let size = 0;
          let over = false;
          for await (const chunk of part.file) {
            size += (chunk as Buffer).length;
            totalBytes += (chunk as Buffer).length;
            // Past the request's total the rest is read and dropped, not kept in memory.
            if (totalBytes > maxUploadTotalBytes) over = true;
            if (!over) chunks.push(chunk as Buffer);
          }
          if (over) {
            received.push({
              name,
              bytes: null,
              size,
              error: {
                code: 'request-too-large',
                message: `本次上传总量超过 ${Math.round(maxUploadTotalBytes / 1048576)} MB，请分批上传`,
              },
            });
            continue;
          }
          if (part.file.truncated) {
            received.push({
              name,
              bytes: null,
              size,
              error: {
                code: 'too-large',
                message: `文件超过 ${Math.round(maxUploadBytes / 1048576)} MB 上限`,
              },
            });
            continue;
          }
          const bytes = Buffer.concat(chunks);
          const problem = checkUpload(name, bytes, maxUploadBytes);
          received.push(problem ? { name, bytes: null, size, error: problem } : { name, bytes, size });
        }
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
          throw new HttpError(413, 'too-many-files', `每次至多上传 ${maxUploadFiles} 个文件`);
        }
        throw error;
      }
      if (received.length === 0) throw new HttpError(400, 'no-files', '没有收到文件');
      const results = await ingestUploads(store, received, { uploadDir, analyzer: getAnalyzer() });
      // Every outcome writes the files table (a failure too); a new report changes the corpus.
      if (results.some((x) => x.status === 'added')) changed();
      else overviews.invalidate();
      const count = (s: string) => results.filter((x) => x.status === s).length;
      return {
        results,
        added: count('added'),
        linked: count('linked'),
        unchanged: count('unchanged'),
        failed: count('failed'),
      };
    },
  );

  // --- roster ----------------------------------------------------------------------------------

  const yearOf = (req: FastifyRequest): number | undefined => {
    const y = str((req.query as Record<string, unknown>).year);
    if (y === undefined) return undefined;
    if (!/^\d{4}$/u.test(y)) throw new HttpError(400, 'bad-request', 'year must be 4 digits');
    return Number(y);
  };
  const rosterSchema = {
    tags: ['roster'],
    summary: '报送名册与各单位状态（未报送、逾期、有错误、已报送）',
    querystring: q.roster,
    response: { 200: r.roster },
  };
  const rosterHandler = async (req: FastifyRequest) => rosterBoard(store.pool, yearOf(req));
  app.get('/api/roster', { schema: rosterSchema }, rosterHandler);
  app.get('/api/roster.json', { schema: rosterSchema }, rosterHandler);
  app.get(
    '/api/roster.csv',
    { schema: { tags: ['roster'], summary: '报送情况（CSV）', querystring: q.roster } },
    async (req, reply) => {
      const board = await rosterBoard(store.pool, yearOf(req));
      return sendCsv(reply, rosterTable(board), `报送情况-${board.year ?? ''}`);
    },
  );
  app.get(
    '/api/roster.xlsx',
    { schema: { tags: ['roster'], summary: '报送情况（XLSX）', querystring: q.roster } },
    async (req, reply) => {
      const board = await rosterBoard(store.pool, yearOf(req));
      return sendAttachment(
        reply,
        'xlsx',
        await xlsxBuffer([rosterTable(board)]),
        `报送情况-${board.year ?? ''}`,
      );
    },
  );
  app.post(
    '/api/roster',
    writeRoute({
      tags: ['roster'],
      summary:
        '导入名册（CSV 或 XLSX，multipart 字段 file；替换现有名册）。列：单位名称、行政区划代码、单位类型、截止日期、联系人、备注',
      consumes: ['multipart/form-data'],
      response: { 200: r.rosterImported },
    }),
    async (req) => {
      if (!req.isMultipart())
        throw new HttpError(415, 'unsupported-media-type', '请以 multipart/form-data 上传名册');
      const file = await req.file({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } });
      if (!file) throw new HttpError(400, 'no-files', '没有收到名册文件');
      const bytes = await file.toBuffer().catch(() => {
        throw new HttpError(413, 'too-large', '名册文件超过 5 MB');
      });
      if (file.file.truncated) throw new HttpError(413, 'too-large', '名册文件超过 5 MB');
      const ext = extname(file.filename).toLowerCase();
      if (!['.csv', '.xlsx', '.txt', '.tsv'].includes(ext)) {
        throw new HttpError(400, 'unsupported-type', '名册应为 CSV 或 XLSX 文件');
      }
      let rows: string[][];
      try {
        rows = await parseSpreadsheet(bytes);
      } catch (error) {
        throw new HttpError(400, 'bad-content', `无法读取名册：${(error as Error).message}`);
      }
      const units = rosterFromRows(rows);
      await replaceRoster(store.pool, units);
      return { imported: units.length };
    },
  );
  app.delete(
    '/api/roster',
    writeRoute({ tags: ['roster'], summary: '清空名册', response: { 200: r.rosterImported } }),
    async () => {
      await clearRoster(store.pool);
      return { imported: 0 };
    },
  );

  // --- the front end ---------------------------------------------------------------------------

  if (webRoot && existsSync(join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      // `/` is a route of its own below: the overview prerendered when it can be.
      index: false,
      // Files are looked up per request (a rebuilt front end is served without a restart).
      wildcard: true,
      // The build writes Brotli and gzip copies of its text files (vite.config.ts): sent when accepted.
      preCompressed: true,
      setHeaders: (res, path) => {
        if (path.includes(`${sep}assets${sep}`))
          res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }
  if (webRoot) {
    // `/`, `/reports` and `/reports/:id`: the view prerendered when it can be (server-rendered.ts),
    // else the plain page, which the browser renders.
    const sendView = async (req: FastifyRequest, reply: FastifyReply) => {
      const url = new URL(req.url, 'http://localhost');
      const view = serverViewAt(url.pathname, url.search);
      const page = view ? await prerenderer?.page(view) : null;
      if (!page) return sendIndex(reply);
      reply
        .header('cache-control', 'no-cache')
        .header('etag', page.etag)
        .header('vary', 'accept-encoding')
        .header(
          'content-security-policy',
          APP_CSP.replace("script-src 'self'", `script-src 'self' ${page.scriptSource}`),
        )
        .type('text/html; charset=utf-8');
      if (req.headers['if-none-match'] === page.etag) return reply.status(304).send();
      const accepts = String(req.headers['accept-encoding'] ?? '');
      if (/\bbr\b/u.test(accepts)) return reply.header('content-encoding', 'br').send(page.br);
      if (/\bgzip\b/u.test(accepts)) return reply.header('content-encoding', 'gzip').send(page.gzip);
      return reply.send(page.html);
    };
    app.get('/', { schema: { hide: true } }, sendView);
    app.get('/reports', { schema: { hide: true } }, sendView);
    app.get('/reports/:id', { schema: { hide: true } }, sendView);
  }
  const sendIndex = (reply: FastifyReply) => {
    if (!webRoot || !existsSync(join(webRoot, 'index.html'))) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('前端尚未构建：请先运行 npm run build:web（API 仍可用：/api/openapi.json）');
    }
    return reply.sendFile('index.html');
  };
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !webRoot || req.method !== 'GET') {
      return reply
        .status(404)
        .send({ error: 'not-found', message: `没有这个地址：${req.method} ${req.url.split('?')[0]}` });
    }
    return sendIndex(reply);
  });

  return app;
}
