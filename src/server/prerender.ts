/**
 * The page at `/` with the overview already in it: rendered on the server by the front end's
 * own components (web/src/ssr.tsx, built into dist/web-ssr by `npm run build:web`) from the API's
 * answers, which the page also carries so that the browser hydrates the markup instead of asking
 * and rendering again. A first visit then shows the figures and charts as soon as the HTML and
 * the stylesheet are in, without waiting for React, Ant Design and ECharts to be compiled.
 *
 * The server cannot see the address's hash (`#/reports/12`): a small script in the head hides
 * the prerendered overview from the first paint of any other view, and main.tsx clears it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Queryable } from '../store/open.js';
import { GenerationCache } from './cache.js';
import { SERVER_RENDERED_HASH } from './server-rendered.js';

/** The API's answers the overview is rendered from, as JSON text. */
export interface OverviewData {
  meta: string;
  overview: string;
}

/** What web/src/ssr.tsx exports. */
interface OverviewRenderer {
  /** The markup of `#root`, and what goes in the head (Ant Design's run-time styles). */
  renderOverview(data: { meta: unknown; overview: unknown }): { root: string; head: string };
}

/** Hides `#root` before the first paint when the address is not the unfiltered overview. */
export const GUARD_SCRIPT = `if(!${SERVER_RENDERED_HASH}.test(location.hash))document.documentElement.setAttribute('data-other-view','')`;
const GUARD_STYLE = 'html[data-other-view] #root{display:none}';

/** The CSP source that allows the guard script (and no other inline script). */
export const GUARD_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(GUARD_SCRIPT).digest('base64')}'`;

const ROOT = '<div id="root"></div>';

/** JSON text safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptSafe(json: string): string {
  return json.replace(/</gu, '\\u003c');
}

/**
 * `template` (the built index.html) with the rendered `root` in `#root`, the answers it was
 * rendered from in `#fazhi-initial`, and the guard and `head` in the head; the template as it is
 * when it has no empty root.
 */
export function pageWithOverview(
  template: string,
  rendered: { root: string; head: string },
  data: OverviewData,
): string {
  const head = /<head>(\s*<meta charset=[^>]*>)?/iu.exec(template);
  if (!head || !template.includes(ROOT) || !template.includes('</head>')) return template;
  const initial = `{"meta":${scriptSafe(data.meta)},"overview":${scriptSafe(data.overview)}}`;
  // The guard first, before the stylesheets: an inline script after a stylesheet waits for it,
  // and the parser with it.
  const at = head.index + head[0].length;
  return `${template.slice(0, at)}<script>${GUARD_SCRIPT}</script><style>${GUARD_STYLE}</style>${template.slice(at)}`
    .replace('</head>', () => `${rendered.head}</head>`)
    .replace(
      ROOT,
      () =>
        `<div id="root">${rendered.root}</div><script type="application/json" id="fazhi-initial">${initial}</script>`,
    );
}

/** A prerendered page, with its compressed copies and its entity tag. */
export interface RenderedPage {
  html: string;
  br: Buffer;
  gzip: Buffer;
  etag: string;
}

export class PrerenderedOverview {
  private readonly cache: GenerationCache;
  private renderer: { version: string; module: Promise<OverviewRenderer> } | null = null;

  constructor(
    db: Queryable,
    private readonly options: {
      /** The built index.html. */
      template: string;
      /** The server renderer module (dist/web-ssr/ssr.js). */
      renderer: string;
      /** The answers of /api/meta and /api/overview, as the API gives them. */
      data: () => Promise<OverviewData>;
      /** Told why a page could not be prerendered (the plain one is served instead). */
      onError: (error: unknown) => void;
    },
  ) {
    this.cache = new GenerationCache(db, { maxEntries: 2 });
  }

  /** Forget the page (after a write of this process). */
  invalidate(): void {
    this.cache.invalidate();
  }

  /**
   * The page for the store's current generation and the current build, or null when it cannot
   * be prerendered (no renderer built, or the render failed: the reason goes to `onError`).
   */
  async page(): Promise<RenderedPage | null> {
    // A rebuilt front end is used without a restart, as the static files are.
    const [template, renderer] = await Promise.all([
      stat(this.options.template).catch(() => null),
      stat(this.options.renderer).catch(() => null),
    ]);
    if (!template || !renderer) return null;
    const version = `${template.mtimeMs}/${renderer.mtimeMs}`;
    return this.cache.get(version, () => this.render(version).catch(this.failed));
  }

  private readonly failed = (error: unknown): null => {
    this.options.onError(error);
    return null;
  };

  private async render(version: string): Promise<RenderedPage> {
    if (this.renderer?.version !== version) {
      // The query string makes a rebuilt module a new one to import.
      const url = `${pathToFileURL(this.options.renderer).href}?v=${encodeURIComponent(version)}`;
      this.renderer = { version, module: import(url) as Promise<OverviewRenderer> };
    }
    const [module, template, data] = await Promise.all([
      this.renderer.module,
      readFile(this.options.template, 'utf8'),
      this.options.data(),
    ]);
    const markup = module.renderOverview({
      meta: JSON.parse(data.meta),
      overview: JSON.parse(data.overview),
    });
    const html = pageWithOverview(template, markup, data);
    const bytes = Buffer.from(html);
    return {
      html,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      gzip: gzipSync(bytes, { level: 6 }),
      etag: `"ov-${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`,
    };
  }
}
