/**
 * Pages with their view already in them (server-rendered.ts: the overview at `/`, the list at
 * `/reports`, a report at `/reports/:id`, with the view's filters as the query), rendered on the
 * server by the front end's own components (web/src/ssr.tsx, built into dist/web-ssr by
 * `npm run build:web`) from the API's answers. The page also carries the answers, so that the
 * browser hydrates the markup instead of asking and rendering again. A first visit then shows
 * the view as soon as the HTML and the stylesheet are in, without waiting for React, Ant Design
 * and ECharts to be compiled.
 *
 * The server cannot see the address's hash: a small script at the top of the head sends such a
 * view's hash on to the view's own address, and hides the prerendered markup from the first
 * paint of any other view; main.tsx clears it.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Queryable } from '../store/open.js';
import { GenerationCache } from './cache.js';
import { guardScript, type ServerView } from './server-rendered.js';

/** What web/src/ssr.tsx exports. */
interface ViewRenderer {
  /** The API requests the view at `hash` makes first: paths with their query, under /api. */
  requestsFor(hash: string): string[];
  /** The markup of `#root`, and what goes in the head (Ant Design's run-time styles). */
  renderView(view: { hash: string; answers: Record<string, unknown> }): { root: string; head: string };
}

const GUARD_STYLE = 'html[data-other-view] #root{display:none}';
const ROOT = '<div id="root"></div>';

/** The CSP source that allows `script` as an inline script (and no other). */
export function scriptSource(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** JSON text safe inside a `<script>` element (no `</script>`, no `<!--`). */
function scriptSafe(json: string): string {
  return json.replace(/</gu, '\\u003c');
}

/**
 * `template` (the built index.html) with the rendered `root` in `#root`, the API answers it was
 * rendered from (JSON texts by API path and query) in `#fazhi-initial`, the guard first in the
 * head and `head` last; the template as it is when it has no empty root.
 */
export function pageWithView(
  template: string,
  view: ServerView,
  rendered: { root: string; head: string },
  answers: Record<string, string>,
): string {
  const head = /<head>(\s*<meta charset=[^>]*>)?/iu.exec(template);
  if (!head || !template.includes(ROOT) || !template.includes('</head>')) return template;
  const initial = `{"hash":${JSON.stringify(view.hash)},"answers":{${Object.entries(answers)
    .map(([path, json]) => `${JSON.stringify(path)}:${scriptSafe(json)}`)
    .join(',')}}}`;
  // The guard before the stylesheets: an inline script after a stylesheet waits for it, and the
  // parser with it.
  const at = head.index + head[0].length;
  return `${template.slice(0, at)}<script>${guardScript(view)}</script><style>${GUARD_STYLE}</style>${template.slice(at)}`
    .replace('</head>', () => `${rendered.head}</head>`)
    .replace(
      ROOT,
      () =>
        `<div id="root">${rendered.root}</div><script type="application/json" id="fazhi-initial">${initial}</script>`,
    );
}

/** A prerendered page, with its compressed copies, its entity tag and the CSP source of its script. */
export interface RenderedPage {
  html: string;
  br: Buffer;
  gzip: Buffer;
  etag: string;
  scriptSource: string;
}

export class Prerenderer {
  private readonly cache: GenerationCache;
  private renderer: { version: string; module: Promise<ViewRenderer> } | null = null;

  constructor(
    db: Queryable,
    private readonly options: {
      /** The built index.html. */
      template: string;
      /** The server renderer module (dist/web-ssr/ssr.js). */
      renderer: string;
      /** The API's answer at `path` (under /api, with its query) as JSON text, or null when it gives none. */
      answer: (path: string) => Promise<string | null>;
      /** Told why a page could not be prerendered (the plain one is served instead). */
      onError: (error: unknown) => void;
    },
  ) {
    // Pages of filtered views come and go: the most recently used are kept.
    this.cache = new GenerationCache(db, { maxEntries: 64 });
  }

  /** Forget the pages (after a write of this process). */
  invalidate(): void {
    this.cache.invalidate();
  }

  /**
   * The page of `view` for the store's current generation and the current build, or null when it
   * cannot be prerendered: no renderer built, an answer missing (no such report, filters the API
   * refuses), or the render failed (the reason goes to `onError`).
   */
  async page(view: ServerView): Promise<RenderedPage | null> {
    // A rebuilt front end is used without a restart, as the static files are.
    const [template, renderer] = await Promise.all([
      stat(this.options.template).catch(() => null),
      stat(this.options.renderer).catch(() => null),
    ]);
    if (!template || !renderer) return null;
    const version = `${template.mtimeMs}/${renderer.mtimeMs}`;
    return this.cache.get(`${version} ${view.path}`, () => this.render(view, version).catch(this.failed));
  }

  private readonly failed = (error: unknown): null => {
    this.options.onError(error);
    return null;
  };

  private async render(view: ServerView, version: string): Promise<RenderedPage | null> {
    if (this.renderer?.version !== version) {
      // The query string makes a rebuilt module a new one to import.
      const url = `${pathToFileURL(this.options.renderer).href}?v=${encodeURIComponent(version)}`;
      this.renderer = { version, module: import(url) as Promise<ViewRenderer> };
    }
    const module = await this.renderer.module;
    const paths = module.requestsFor(view.hash);
    const [template, texts] = await Promise.all([
      readFile(this.options.template, 'utf8'),
      Promise.all(paths.map((path) => this.options.answer(path))),
    ]);
    const answers: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    for (const [i, path] of paths.entries()) {
      const text = texts[i];
      if (text == null) return null;
      answers[path] = text;
      values[path] = JSON.parse(text);
    }
    const rendered = module.renderView({ hash: view.hash, answers: values });
    const html = pageWithView(template, view, rendered, answers);
    const bytes = Buffer.from(html);
    return {
      html,
      br: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }),
      gzip: gzipSync(bytes, { level: 6 }),
      etag: `"v-${createHash('sha256').update(bytes).digest('base64url').slice(0, 22)}"`,
      scriptSource: scriptSource(guardScript(view)),
    };
  }
}
