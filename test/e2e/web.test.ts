/**
 * End-to-end: the web app built by Vite, served by the Fastify app on an embedded store holding
 * the demo corpus, driven in Debian's Chromium (playwright-core, no browser download) through
 * upload → report view → compare → export, with a look at the overview, copy detection and the
 * review board. Screenshots go to test-output/ (git-ignored). The time the overview and a report
 * take to render is measured and printed, not asserted.
 *
 * Without /usr/bin/chromium the suite is skipped, except under CI, where it fails loudly:
 * `.ci/run` installs chromium and fonts-wqy-microhei (CJK glyphs) with apt-get.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineAnalyzer } from '../../src/ingest/analyzer.js';
import { readDocx } from '../../src/readers/docx.js';
import { buildApp } from '../../src/server/app.js';
import { seedDemo } from '../../src/server/serve.js';
import { openStore, type Store } from '../../src/store/open.js';
import { generateCorpus } from '../../src/synth/generate.js';
import { toHtml } from '../../src/synth/write.js';

const CHROMIUM = process.env.FAZHI_CHROMIUM || '/usr/bin/chromium';
const HAVE_CHROMIUM = existsSync(CHROMIUM);
const OUT = resolve('test-output');
const DEMO_COUNT = 24;

if (!HAVE_CHROMIUM && process.env.CI) {
  describe('web app end to end', () => {
    it('needs Chromium under CI', () => {
      throw new Error(
        `CI is set but ${CHROMIUM} is missing: install it with apt-get install -y chromium fonts-wqy-microhei ` +
          '(see .ci/run), or set FAZHI_CHROMIUM',
      );
    });
  });
}

/**
 * Runs in the page before its scripts (a string: this file is type-checked without the DOM
 * library): watches the DOM for views that say they are ready (`[data-testid][data-ready="true"]`)
 * with every chart inside drawn (`[data-chart][data-drawn="true"]`), and notes in
 * `window.__fazhiReady[testId]` when the frame showing them has been painted (after the next
 * animation frame, one message later), as wall-clock time: the page may have been reached through
 * another one (/#/reports/12 goes on to /reports/12). A chart the server drew counts as drawn;
 * the time its live one (the browser's ECharts, once the app has taken over the page) is painted
 * goes to `window.__fazhiLive[testId]`.
 */
const READY_CLOCK = `(() => {
  const clocks = { ready: {}, live: {} };
  window.__fazhiReady = clocks.ready;
  window.__fazhiLive = clocks.live;
  const pending = new Set();
  const painted = (kind, id) => {
    pending.add(kind + id);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { clocks[kind][id] = performance.timeOrigin + performance.now(); };
      channel.port2.postMessage(null);
    });
  };
  const check = () => {
    // Not while the HTML is being parsed: a view the server rendered may not be all there yet.
    if (document.readyState === 'loading') return;
    for (const el of document.querySelectorAll('[data-testid][data-ready="true"]')) {
      const id = el.dataset.testid;
      const charts = [...el.querySelectorAll('[data-chart]')];
      if (!pending.has('ready' + id) && charts.every((c) => c.dataset.drawn === 'true')) painted('ready', id);
      if (!pending.has('live' + id) && charts.length > 0 && charts.every((c) => c.dataset.live === 'true'))
        painted('live', id);
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready', 'data-drawn', 'data-live'],
  });
  document.addEventListener('readystatechange', check);
})();`;

/** The theme's colours (web/src/theme.ts) as the browser computes them. */
const PRIMARY = 'rgb(29, 79, 145)'; // #1d4f91
const NAV = 'rgb(15, 43, 82)'; // #0f2b52

/** A computed style property of the element (this file is type-checked without the DOM library). */
function computed(locator: Locator, property: string): Promise<string> {
  return locator.evaluate(
    (el, p) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): Record<string, string> }).getComputedStyle(
        el,
      )[p] ?? '',
    property,
  );
}

describe.skipIf(!HAVE_CHROMIUM)('web app end to end', () => {
  let dir = '';
  let store: Store;
  let app: FastifyInstance;
  let browser: Browser;
  let base = '';
  const timings: Record<string, number> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'fazhi-e2e-'));
    // The front end as `npm run build:web` builds it, into a directory of the test's own.
    const webRoot = join(dir, 'web');
    const ssrRoot = join(dir, 'web-ssr');
    const { build } = await import('vite');
    // Production builds, as `npm run build:web` makes them (vitest sets NODE_ENV to "test", which
    // would give React's development build and JSX runtime).
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      for (const options of [{ outDir: webRoot }, { ssr: 'src/ssr.tsx', outDir: ssrRoot }]) {
        await build({
          configFile: resolve('vite.config.ts'),
          root: resolve('web'),
          logLevel: 'warn',
          build: { ...options, emptyOutDir: true },
        });
      }
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    store = await openStore({ backend: 'pglite', dataDir: join(dir, 'data') });
    const seeded = await seedDemo(store, join(dir, 'data', 'demo'), DEMO_COUNT, () => {}, inlineAnalyzer());
    expect(seeded.failed).toBe(0);
    app = await buildApp({
      store,
      demo: true,
      uploadDir: join(dir, 'data', 'uploads'),
      webRoot,
      serverRenderer: join(ssrRoot, 'ssr.js'),
      analyzer: inlineAnalyzer(),
      rateLimit: false,
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
  }, 300_000);

  afterAll(async () => {
    if (pageErrors.length > 0) console.log(`errors in the page:\n${pageErrors.join('\n')}`);
    // Each step says so when it is slow (one run timed out here once, unexplained).
    const step = async (name: string, close: () => Promise<unknown> | undefined) => {
      const slow = setTimeout(() => console.log(`closing: ${name} takes more than 2 s`), 2000);
      await close();
      clearTimeout(slow);
    };
    await step('the browser', () => browser?.close());
    await step('the server', () => app?.close());
    await step('the store', () => store?.close());
    if (dir) rmSync(dir, { recursive: true, force: true });
    if (Object.keys(timings).length > 0) {
      const lines = Object.entries(timings).map(([k, v]) => `  ${k}: ${v} ms`);
      // Measured, not asserted (the issue asks for under a second on the demo corpus).
      console.log(
        `web app render times on the demo corpus (${DEMO_COUNT + 1} reports):\n${lines.join('\n')}`,
      );
      writeFileSync(join(OUT, 'e2e-timings.json'), `${JSON.stringify(timings, null, 2)}\n`);
    }
  }, 60_000);

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${page.url()}: console: ${msg.text()}`);
    });
    await page.addInitScript(READY_CLOCK);
    return page;
  }

  /**
   * Open an address and wait until the app runs the page: a view the server rendered shows before
   * it responds, and a click before then would be lost.
   */
  async function visit(page: Page, url: string): Promise<void> {
    await page.goto(url);
    await page.waitForSelector('html[data-app="running"]');
  }

  /**
   * Load a view from scratch (a new document, the app's assets from the HTTP cache after the
   * first time) and time it: from the moment the test asks for the address (the first of the
   * documents it may go through) to the first frame painted with the view's data rendered (its
   * container `data-ready="true"`) and every chart in it drawn (`data-drawn="true"`), as the
   * page notes it (see `READY_CLOCK`).
   */
  async function timedGoto(
    page: Page,
    path: string,
    testId: string,
    label: string,
    liveLabel?: string,
  ): Promise<number> {
    await page.goto('about:blank');
    const start = Date.now();
    await page.goto(`${base}/${path}`, { waitUntil: 'commit' });
    const clock = async (name: '__fazhiReady' | '__fazhiLive', key: string) => {
      const handle = await page.waitForFunction(
        ([n, id]) => (globalThis as unknown as Record<string, Record<string, number> | undefined>)[n]?.[id],
        [name, testId] as const,
        { timeout: 20_000 },
      );
      const ms = Math.round(Number(await handle.jsonValue()) - start);
      timings[key] = Math.min(ms, timings[key] ?? Number.POSITIVE_INFINITY);
      return ms;
    };
    const ms = await clock('__fazhiReady', label);
    if (liveLabel) await clock('__fazhiLive', liveLabel);
    // What the test does next needs the app running the page, not only the server's markup.
    await page.waitForSelector('html[data-app="running"]');
    return ms;
  }

  it('shows the overview with its charts', async () => {
    const page = await newPage();
    // A server that has been serving (its code compiled, the overview computed): "cold" is the
    // browser's first visit, with nothing cached; the later ones are what a returning user sees.
    for (let i = 0; i < 3; i++) {
      for (const path of ['/api/meta', '/api/overview', '/']) {
        // Each answer read to its end: a response left unread keeps its connection busy, and the
        // server's close then waits for it.
        const res = await fetch(`${base}${path}`);
        await res.arrayBuffer();
        expect(res.ok).toBe(true);
      }
    }
    // The page at / comes with the overview rendered, charts included (web/src/ssr.tsx).
    const served = await (await fetch(`${base}/`)).text();
    expect(served).toContain('id="fazhi-initial"');
    expect(served.match(/data-chart-picture=/gu)).toHaveLength(5);
    await timedGoto(page, '#/', 'overview', 'overview (cold)', 'overview, charts live (cold)');
    for (let i = 0; i < 3; i++) await timedGoto(page, '#/', 'overview', 'overview', 'overview, charts live');
    // The browser's app has taken the page over: its own charts, no error on hydration.
    expect(await page.locator('[data-chart]:not([data-live="true"])').count()).toBe(0);
    expect(await page.locator('.chart-picture').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await page.getByText('按层级').waitFor();
    const total = (await page.locator('.ant-statistic-content-value').first().textContent()) ?? '';
    expect(Number(total.replace(/\D/gu, ''))).toBe(DEMO_COUNT + 1);
    // Ant Design's theme tokens apply (the navigation, the selected item, links).
    expect(await computed(page.locator('.ant-layout-sider'), 'backgroundColor')).toBe(NAV);
    expect(await computed(page.locator('.ant-menu-item-selected'), 'backgroundColor')).toBe(PRIMARY);
    expect(await computed(page.locator('[data-testid="overview"] .ant-table a').first(), 'color')).toBe(
      PRIMARY,
    );
    await page.screenshot({ path: join(OUT, 'overview.png'), fullPage: true });
    // Its handlers work: a click on 逾期公开 lists the late reports.
    await page.locator('.ant-card', { hasText: '逾期公开' }).click();
    await page.waitForSelector('[data-testid="report-list"][data-ready="true"]');
    expect(decodeURIComponent(page.url())).toContain('rule=publication/late');
    // Another view loaded from scratch shows no trace of the server's overview.
    await page.goto('about:blank');
    await visit(page, `${base}/#/compare`);
    await page.waitForSelector('[data-testid="compare"][data-ready="true"]');
    expect(await page.locator('[data-testid="overview"]').count()).toBe(0);
    await page.context().close();
  }, 120_000);

  it('uploads → report view → compare → export', async () => {
    const page = await newPage();
    // Upload: two new reports (ours, synthetic) and a file of the wrong type.
    const [one, two] = [...generateCorpus(2, 4242)];
    if (!one || !two) throw new Error('no synthetic reports');
    const files = join(dir, 'to-upload');
    mkdirSync(files, { recursive: true });
    writeFileSync(join(files, '新上传报告.txt'), one.text);
    writeFileSync(join(files, '新上传网页.html'), toHtml(two, { encoding: 'utf-8', layout: 'modern' }));
    writeFileSync(join(files, '说明.exe'), 'MZ');
    await visit(page, `${base}/#/upload`);
    await page.waitForSelector('[data-testid="upload"]');
    await page
      .locator('[data-testid="file-input"]')
      .setInputFiles([
        join(files, '新上传报告.txt'),
        join(files, '新上传网页.html'),
        join(files, '说明.exe'),
      ]);
    // The primary button in the theme's colour (once enabled, past its colour transition).
    await expect.poll(() => computed(page.getByTestId('upload-start'), 'backgroundColor')).toBe(PRIMARY);
    await page.getByTestId('upload-start').click();
    const summary = page.getByTestId('upload-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect((await summary.textContent()) ?? '').toContain('新入库 2 个');
    expect((await page.getByTestId('upload-table').textContent()) ?? '').toContain('不支持的文件类型');
    await page.screenshot({ path: join(OUT, 'upload.png'), fullPage: true });

    // Report view of the uploaded report.
    await page.getByTestId('uploaded-report').first().click();
    await page.waitForSelector('[data-testid="report-view"][data-ready="true"]');
    const reportUrl = page.url();
    const id = /#\/reports\/(\d+)/u.exec(reportUrl)?.[1];
    expect(id).toBeTruthy();
    expect((await page.getByTestId('report-title').textContent()) ?? '').toContain('法治政府建设');
    const figure = page.locator('.fig').first();
    await figure.hover();
    await page.waitForSelector('.ant-tooltip', { state: 'visible' });
    expect((await page.locator('.ant-tooltip').last().textContent()) ?? '').toMatch(/数值/u);
    const findings = page.locator('.finding-item');
    if ((await findings.count()) > 0) await findings.first().click();
    await page.screenshot({ path: join(OUT, 'report.png'), fullPage: false });
    await page.getByRole('tab', { name: /纲要覆盖/u }).click();
    await page.waitForSelector('[data-testid="coverage"]');
    await page.getByRole('tab', { name: /评分/u }).click();
    await page.waitForSelector('[data-testid="score"]');
    await page.screenshot({ path: join(OUT, 'report-score.png'), fullPage: false });
    // The review (审阅意见) of this report, as Word: its title and every finding's message.
    const [review] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('review-docx').click(),
    ]);
    const reviewPath = join(OUT, 'review.docx');
    await review.saveAs(reviewPath);
    const reviewText = readDocx(readFileSync(reviewPath)).text;
    expect(reviewText).toContain((await page.getByTestId('report-title').textContent()) ?? '?');
    const detail = await (await page.request.get(`${base}/api/reports/${id}`)).json();
    for (const f of detail.reading.findings as { message: string }[]) expect(reviewText).toContain(f.message);
    // The original file, by id.
    const original = await page.request.get(`${base}/api/reports/${id}/original`);
    expect(original.status()).toBe(200);
    expect(await original.text()).toContain(one.text.slice(0, 20));
    // Timed: a report opened from scratch (the app's files in the browser's cache, as after any
    // earlier visit), and as a browser's very first visit (a link sent by a colleague).
    await timedGoto(page, `#/reports/${id}`, 'report-view', 'report view (cold)');
    const fresh = await newPage();
    await timedGoto(fresh, `#/reports/${id}`, 'report-view', 'report view (first visit)');
    // It came rendered by the server, at the report's own path, and the address is the app's again.
    const served = await fresh.evaluate(() => {
      const p = globalThis as unknown as { performance: { getEntriesByType(t: string): { name: string }[] } };
      return p.performance.getEntriesByType('navigation')[0]?.name ?? '';
    });
    expect(served).toBe(`${base}/reports/${id}`);
    expect(fresh.url()).toBe(`${base}/#/reports/${id}`);
    // Once the app has taken the page over, a tab switches the margin to the score, without an error.
    await fresh.waitForSelector('html[data-app="running"]');
    await fresh.getByRole('tab', { name: /评分/u }).click();
    await fresh.waitForSelector('[data-testid="score"]');
    expect(pageErrors).toEqual([]);
    await fresh.context().close();
    const demo = await (
      await page.request.get(`${base}/api/reports?limit=3&sort=findings&facets=false`)
    ).json();
    for (const row of demo.rows as { id: string }[]) {
      await timedGoto(page, `#/reports/${row.id}`, 'report-view', 'report view');
    }

    // Compare: the indicators of the uploaded report.
    await visit(page, reportUrl);
    await page.waitForSelector('[data-testid="report-view"][data-ready="true"]');
    await page.getByText('对比本报告的指标').click();
    await page.waitForSelector('[data-testid="compare"][data-ready="true"]');
    await page.waitForSelector('[data-testid="compare"] svg');
    expect(await page.locator('[data-testid^="compare-"] .ant-card-head-title').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'compare.png'), fullPage: true });

    // Export: the compare table as CSV, the filtered list as XLSX.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('compare-csv').click()]);
    const csvPath = join(OUT, 'compare.csv');
    await csv.saveAs(csvPath);
    const text = readFileSync(csvPath, 'utf8');
    expect(text.startsWith('\ufeffunit,jurisdiction_code,year,key')).toBe(true);
    expect(text.trim().split('\r\n').length).toBeGreaterThan(1);

    await visit(page, `${base}/#/reports`);
    await page.waitForSelector('[data-testid="report-list"][data-ready="true"]');
    await page.getByTestId('export-menu').hover();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByText('全部表 XLSX').click()]);
    const xlsxPath = join(OUT, 'export.xlsx');
    await xlsx.saveAs(xlsxPath);
    expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  }, 120_000);

  it('uploads a dropped folder, file by file', async () => {
    const page = await newPage();
    // A folder as a reviewer gets it: reports in subfolders (two of one name), a broken DOCX,
    // the images of a saved web page and a hidden system file.
    const [a, b, c] = [...generateCorpus(3, 5151)];
    if (!a || !b || !c) throw new Error('no synthetic reports');
    const root = join(dir, 'dropped', '2023年报告');
    for (const sub of ['湖北', '湖南', '网页/报告_files']) mkdirSync(join(root, sub), { recursive: true });
    writeFileSync(join(root, '湖北', '天门市.txt'), a.text);
    writeFileSync(join(root, '湖南', '天门市.txt'), b.text);
    writeFileSync(join(root, '网页', '报告.html'), toHtml(c, { encoding: 'utf-8', layout: 'modern' }));
    // A ZIP header and nothing a DOCX needs: accepted for upload, then unreadable.
    writeFileSync(
      join(root, '湖北', '损坏.docx'),
      Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(600, 7)]),
    );
    writeFileSync(join(root, '网页', '报告_files', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(root, '.DS_Store'), 'Bud1');

    await visit(page, `${base}/#/upload`);
    const zone = page.getByTestId('drop-zone');
    await zone.waitFor();
    // A real drop of a directory, as the browser gets it from the desktop (CDP drag events with a
    // path): the page walks it with webkitGetAsEntry.
    const box = await zone.boundingBox();
    if (!box) throw new Error('no drop zone');
    const cdp = await page.context().newCDPSession(page);
    const data = { items: [], files: [root], dragOperationsMask: 1 | 2 | 16 };
    for (const type of ['dragEnter', 'dragOver', 'drop'] as const) {
      await cdp.send('Input.dispatchDragEvent', {
        type,
        x: box.x + box.width / 2,
        y: box.y + box.height / 2,
        data,
      });
    }
    await cdp.detach();

    const rows = page.locator('[data-testid="upload-table"] tr[data-name]');
    await expect.poll(() => rows.count()).toBe(5);
    expect(await page.getByText('另有 1 个隐藏或系统文件未列出').count()).toBe(1);
    const row = (name: string) =>
      page.locator(`[data-testid="upload-table"] tr[data-name="2023年报告/${name}"]`);
    expect(await row('网页/报告_files/logo.png').getAttribute('data-status')).toBe('skipped');
    expect((await row('网页/报告_files/logo.png').textContent()) ?? '').toContain('不支持的文件类型“.png”');
    await page.getByTestId('upload-start').click();
    const summary = page.getByTestId('upload-summary');
    await summary.waitFor({ timeout: 60_000 });
    expect((await summary.textContent()) ?? '').toContain('新入库 3 个');
    expect((await summary.textContent()) ?? '').toContain('失败 1 个');
    expect((await summary.textContent()) ?? '').toContain('跳过 1 个非报告文件');
    // Each file keeps its folder path and has its own result: the broken one says why.
    for (const name of ['湖北/天门市.txt', '湖南/天门市.txt', '网页/报告.html']) {
      expect(await row(name).getAttribute('data-status'), name).toBe('added');
      expect(await row(name).getByTestId('uploaded-report').count(), name).toBe(1);
    }
    expect(await row('湖北/损坏.docx').getAttribute('data-status')).toBe('failed');
    expect((await row('湖北/损坏.docx').textContent()) ?? '').toContain('文件已损坏或不完整');
    await page.screenshot({ path: join(OUT, 'upload-folder.png'), fullPage: true });

    // The same folder through 选择文件夹 (a webkitdirectory input): the same list, in path order (拼音).
    await page.getByText('清空列表').click();
    await page.getByTestId('folder-input').setInputFiles(root);
    await expect.poll(() => rows.count()).toBe(5);
    expect(
      await rows.evaluateAll((trs) =>
        trs.map((tr) => (tr as unknown as { dataset: { name: string } }).dataset.name),
      ),
    ).toEqual(
      [
        '湖北/损坏.docx',
        '湖北/天门市.txt',
        '湖南/天门市.txt',
        '网页/报告_files/logo.png',
        '网页/报告.html',
      ].map((n) => `2023年报告/${n}`),
    );
    await page.context().close();
  }, 120_000);

  it('lists, filters and searches reports', async () => {
    const page = await newPage();
    // As for the overview, a server that has rendered the page before (the store changed since).
    await (await fetch(`${base}/reports`)).arrayBuffer();
    await timedGoto(page, '#/reports', 'report-list', 'report list');
    await page.getByTestId('facet-level').locator('.facet-value').first().click();
    await page.waitForFunction("window.location.hash.includes('level=')");
    await page.waitForSelector('[data-testid="report-list"][data-ready="true"]');
    await page.getByTestId('search-input').locator('input').fill('行政复议');
    await page.getByTestId('search-input').locator('input').press('Enter');
    await page.waitForFunction("window.location.hash.includes('q=')");
    await page.waitForSelector('[data-testid="report-list"][data-ready="true"]');
    await page.getByTestId('list-total').filter({ hasText: '行政复议' }).waitFor();
    await page.screenshot({ path: join(OUT, 'list.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('shows copied passages side by side', async () => {
    const page = await newPage();
    const list = await (await page.request.get(`${base}/api/reports?limit=100&facets=false`)).json();
    // The report with the most reused text: one of the demo's copying examples.
    let withReuse: string | null = null;
    let most = 0;
    for (const row of list.rows as { id: string }[]) {
      const r = await (await page.request.get(`${base}/api/reports/${row.id}/reuse`)).json();
      if (r.reusedChars > most) {
        most = r.reusedChars;
        withReuse = row.id;
      }
    }
    expect(withReuse, 'the demo corpus has copied passages').not.toBeNull();
    await timedGoto(page, `#/reuse/${withReuse}`, 'reuse', 'copy detection');
    expect(await page.getByTestId('reuse-passage').count()).toBeGreaterThan(0);
    expect(await page.locator('mark.reuse-match').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'reuse.png'), fullPage: true });
    await page.context().close();
  }, 120_000);

  it('imports a roster and shows each unit’s status', async () => {
    const page = await newPage();
    const list = await (
      await page.request.get(`${base}/api/reports?limit=3&sort=id&order=asc&facets=false`)
    ).json();
    const [a] = list.rows;
    const roster = join(dir, '名册.csv');
    writeFileSync(
      roster,
      `\ufeff单位名称,行政区划代码,单位类型\r\n${a.issuer ?? a.jurisdiction?.name},${a.jurisdiction?.code ?? ''},\r\n未报送的示例单位,990000,政府\r\n`,
    );
    await visit(page, `${base}/#/roster?year=${a.year}`);
    await page.waitForSelector('[data-testid="roster"][data-ready="true"]');
    await page.getByTestId('roster-input').setInputFiles(roster);
    await page.getByTestId('roster-table').waitFor();
    const table = (await page.getByTestId('roster-table').textContent()) ?? '';
    expect(table).toContain('未报送');
    await page.screenshot({ path: join(OUT, 'roster.png'), fullPage: true });
    expect(pageErrors, 'errors in the page').toEqual([]);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('roster-csv').click()]);
    const path = join(OUT, 'roster.csv');
    await csv.saveAs(path);
    expect(readFileSync(path, 'utf8')).toContain('单位名称');
    await page.context().close();
  }, 120_000);
});
