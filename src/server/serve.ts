/**
 * `fazhi serve [DATA-DIR]` (and `npm start`, which adds `--demo`): open the store, fill an empty
 * one with the demo corpus when asked, serve the web app and print its URL. Runs until SIGINT or
 * SIGTERM, then closes the server and the store.
 *
 * Environment: PORT (default 3000), HOST (default 127.0.0.1), FAZHI_DATA, DATABASE_URL,
 * FAZHI_TOKEN (bearer token for writes; without it, writes are open only on loopback).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Output } from '../cli/output.js';
import { type Analyzer, createAnalyzer } from '../ingest/analyzer.js';
import { ingestFiles } from '../ingest/ingest.js';
import { DEFAULT_DATA_DIR, openStore, resolveStoreTarget, type Store } from '../store/open.js';
import { storeCounts } from '../store/queries.js';
import { writeCorpus } from '../synth/write.js';
import { buildApp } from './app.js';

export interface ServeOptions {
  data?: string;
  databaseUrl?: string;
  port?: number;
  host?: string;
  /** Bearer token for writes (default FAZHI_TOKEN). */
  token?: string;
  /** Fill an empty store with the demo corpus (synthetic reports). */
  demo?: boolean;
  demoCount?: number;
  uploadDir?: string;
  /** The built front end (default dist/web of this package). */
  webRoot?: string;
  /** The server renderer of the front end's views (default dist/web-ssr/ssr.js of this package). */
  serverRenderer?: string;
  jobs?: number;
  maxUploadBytes?: number;
}

/** The seed of the demo corpus (as `fazhi demo`). */
export const DEMO_SEED = 20240401;
export const DEMO_COUNT = 36;
const DEMO_FORMATS = ['txt', 'html', 'docx'] as const;

/** dist/web beside this module's package (from src/server and from dist/server alike). */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));
export const DEFAULT_SERVER_RENDERER = fileURLToPath(new URL('../../dist/web-ssr/ssr.js', import.meta.url));

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === '::1' || host === 'localhost' || /^127\./u.test(host);
}

/**
 * Write the demo corpus to `dir` (txt, html and docx of every report, with gold readings) and
 * ingest one format of each report, in turn, so the store holds every kind of input once.
 */
export async function seedDemo(
  store: Store,
  dir: string,
  count: number,
  log: (line: string) => void,
  analyzer?: Analyzer,
): Promise<{ added: number; failed: number; seconds: number }> {
  const started = Date.now();
  const hasCorpus =
    existsSync(dir) && readdirSync(dir).filter((f) => f.endsWith('.gold.json')).length >= count;
  if (!hasCorpus) {
    log(`生成演示语料（${count} 篇合成报告）：${dir}`);
    await writeCorpus(dir, { count, seed: DEMO_SEED, formats: [...DEMO_FORMATS] });
  }
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .map((f) => f.slice(0, -'.gold.json'.length))
    .sort()
    .slice(0, count);
  const examples = writeReuseExamples(dir, names);
  const paths = names
    .map(
      (name, i) => examples.replace.get(i) ?? join(dir, `${name}.${DEMO_FORMATS[i % DEMO_FORMATS.length]}`),
    )
    .filter((p) => existsSync(p));
  paths.push(...examples.extra);
  log(`导入演示语料：${paths.length} 个文件 …`);
  const summary = await ingestFiles(store, paths, { ...(analyzer ? { analyzer } : {}), batchSize: 12 });
  for (const f of summary.failed) log(`  未能导入 ${f.path}：${f.message}`);
  return { added: summary.added, failed: summary.failed.length, seconds: (Date.now() - started) / 1000 };
}

/** Body paragraphs of a synthetic TXT report: indented lines of prose, not headings. */
function bodyLines(lines: string[]): number[] {
  return lines
    .map((line, i) => ({ line: line.trim(), i }))
    .filter(({ line }) => line.length >= 80 && !/^[(（]?[一二三四五六七八九十0-9]+[)）、.]/u.test(line))
    .map(({ i }) => i);
}

/**
 * Passages of our own, distinctive enough not to count as common text (the synthetic corpus is
 * built from a shared pool of sentences, which copy detection rightly discounts as boilerplate).
 */
const DISTINCT = {
  park: '创新推出“法治体检进园区”服务，组织律师、公证员和行政执法人员组成12支服务队，深入产业园区逐户走访企业，围绕合同管理、劳动用工、知识产权保护等方面开展法律风险评估，形成“一企一档”法治体检报告，帮助企业建立风险台账并跟踪整改，全年累计为园区企业梳理法律风险点四百余个，提出整改建议六百余条。',
  files:
    '探索建立“行政执法案卷交叉互评”机制，每季度从各执法部门随机抽取已办结的行政处罚、行政许可和行政检查案卷，由不同部门的法制审核人员交叉评查，重点检查证据收集、程序履行、法律适用和文书制作等环节，评查结果在全县通报并纳入年度法治建设考核，对发现的共性问题编印成册供执法人员学习对照。',
  night:
    '持续打造“夜间法治服务站”品牌，依托社区党群服务中心在工作日晚间和周末开放，安排法律顾问、人民调解员轮流值守，为上班族提供婚姻家庭、邻里纠纷、劳动争议等方面的咨询和调解服务，服务站运行情况每月向居民公示，群众可通过扫码对值守人员的服务质量进行评价。',
  review:
    '建立重大行政决策“回头看”制度，对上一年度作出的重大行政决策逐项梳理执行情况，通过问卷调查、座谈走访等方式听取利害关系人和社会公众意见，对执行中出现的新情况新问题及时研究提出调整建议，评估报告报送政府常务会议审议后向社会公开。',
};

/** `lines` with `paragraphs` inserted after the third body paragraph. */
function insertParagraphs(lines: string[], paragraphs: string[]): string[] {
  const at = bodyLines(lines)[2] ?? Math.min(lines.length, 8);
  return [...lines.slice(0, at + 1), ...paragraphs.map((p) => `    ${p}`), ...lines.slice(at + 1)];
}

/**
 * Demo reports that give copy detection something to show: report 1 and report 5 (different
 * units) share two passages, one lightly edited (copying); report 3 comes again one year later
 * with two of its passages carried over (reused own text). Returns the files to ingest in place
 * of the corpus files of those reports (by index), and the extra file.
 */
export function writeReuseExamples(
  dir: string,
  names: string[],
): { replace: Map<number, string>; extra: string[] } {
  const replace = new Map<number, string>();
  const extra: string[] = [];
  const txt = (i: number) => join(dir, `${names[i]}.txt`);
  const read = (i: number) => readFileSync(txt(i), 'utf8').split('\n');
  if (names.length < 5 || ![0, 2, 4].every((i) => existsSync(txt(i)))) return { replace, extra };
  const write = (name: string, lines: string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\n'));
    return path;
  };
  replace.set(0, write(`${names[0]}.reuse.txt`, insertParagraphs(read(0), [DISTINCT.park, DISTINCT.files])));
  const edited = DISTINCT.park
    .replace('12支', '8支')
    .replace('四百余个', '三百余个')
    .replace('六百余条', '五百余条');
  replace.set(4, write(`${names[4]}.reuse.txt`, insertParagraphs(read(4), [DISTINCT.files, edited])));
  const own = insertParagraphs(read(2), [DISTINCT.night, DISTINCT.review]);
  replace.set(2, write(`${names[2]}.reuse.txt`, own));
  const year = Number(/_(\d{4})$/u.exec(names[2] as string)?.[1]);
  if (Number.isInteger(year)) {
    // The same unit one year on: years and dates move forward, other paragraphs from report 4.
    const other = read(3);
    const theirs = bodyLines(other);
    const next = [...own];
    bodyLines(next).forEach((line, k) => {
      const t = theirs[k];
      if (k % 2 === 1 && t !== undefined && !Object.values(DISTINCT).includes((next[line] ?? '').trim())) {
        next[line] = other[t] as string;
      }
    });
    const text = next
      .join('\n')
      .replace(new RegExp(`${year + 1}(?=[-年])`, 'gu'), String(year + 2))
      .replace(new RegExp(`${year}(?=年)`, 'gu'), String(year + 1));
    extra.push(
      write(`${(names[2] as string).replace(/_\d{4}$/u, `_${year + 1}`)}.next-year.txt`, text.split('\n')),
    );
  }
  return { replace, extra };
}

export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  url: string;
  demo: boolean;
  close(): Promise<void>;
}

/** Open the store, seed it if asked, and listen. */
export async function startServer(
  options: ServeOptions,
  out: Output,
  env = process.env,
): Promise<RunningServer> {
  const target = resolveStoreTarget({ data: options.data, databaseUrl: options.databaseUrl }, env);
  const dataDir =
    target.backend === 'pglite' && 'dataDir' in target
      ? target.dataDir
      : resolve(env.FAZHI_DATA || DEFAULT_DATA_DIR);
  const store = await openStore(target);
  let analyzer: Analyzer | null = null;
  try {
    const host = options.host ?? env.HOST ?? '127.0.0.1';
    const port = options.port ?? (env.PORT ? Number(env.PORT) : 3000);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad port: ${env.PORT}`);
    const token = options.token ?? env.FAZHI_TOKEN ?? '';
    const demo = !token && isLoopback(host);
    analyzer = createAnalyzer({ jobs: options.jobs ?? 2 });

    if (options.demo) {
      const counts = await storeCounts(store.pool);
      if (counts.reports === 0) {
        const seeded = await seedDemo(
          store,
          join(dataDir, 'demo'),
          options.demoCount ?? DEMO_COUNT,
          out.error,
          analyzer,
        );
        out.error(`演示语料已导入：${seeded.added} 篇报告（${seeded.seconds.toFixed(1)} 秒）`);
      }
    }
    if (!token && !demo) {
      out.error(`注意：服务监听 ${host} 且未设置 FAZHI_TOKEN，上传、删除和名册导入已禁用`);
    }
    const app = await buildApp({
      store,
      token,
      demo,
      uploadDir: options.uploadDir ?? join(dataDir, 'uploads'),
      webRoot: options.webRoot ?? DEFAULT_WEB_ROOT,
      serverRenderer: options.serverRenderer ?? DEFAULT_SERVER_RENDERER,
      analyzer,
      ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
      logger: { level: env.FAZHI_LOG_LEVEL || 'warn' },
    });
    await app.listen({ port, host });
    const address = app.server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
    const url = `http://${shown}:${actualPort}/`;
    if (!existsSync(join(options.webRoot ?? DEFAULT_WEB_ROOT, 'index.html'))) {
      out.error('前端尚未构建（npm run build:web），目前只提供 API');
    }
    const closeAll = async (): Promise<void> => {
      await app.close();
      await analyzer?.close();
      await store.close();
    };
    return { app, store, url, demo, close: closeAll };
  } catch (error) {
    await analyzer?.close();
    await store.close();
    throw error;
  }
}

/** `fazhi serve`: start, print the URL, run until interrupted. Returns the exit code. */
export async function runServe(options: ServeOptions, out: Output): Promise<number> {
  const server = await startServer(options, out);
  await out.write(
    `fazhi 网页版已启动：${server.url}\n` +
      `数据：${server.store.location}（${server.store.backend}）` +
      `${server.demo ? '；本地演示模式，写操作无需令牌' : ''}\n` +
      `API 说明：${server.url}api/openapi.json\n按 Ctrl-C 停止。\n`,
  );
  await new Promise<void>((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().finally(done);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}
