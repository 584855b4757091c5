import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { GUARD_SCRIPT, GUARD_SCRIPT_SOURCE, pageWithOverview } from './prerender.js';
import { SERVER_RENDERED_HASH } from './server-rendered.js';

const TEMPLATE =
  '<!doctype html><html><head><title>t</title><script type="module" src="/a.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

describe('pageWithOverview', () => {
  const data = {
    meta: '{"demo":true}',
    overview: '{"total":3,"label":"</script><script>alert(1)</script>"}',
  };
  const rendered = { root: '<main>概览 $& $1</main>', head: '<style id="h"></style>' };
  const page = pageWithOverview(TEMPLATE, rendered, data);

  it('puts the guard first in the head, before any stylesheet or script', () => {
    expect(page).toMatch(/^<!doctype html><html><head><script>if\(/u);
    const withCharset = pageWithOverview(
      TEMPLATE.replace('<head>', '<head><meta charset="utf-8" />'),
      rendered,
      data,
    );
    expect(withCharset).toMatch(/<head><meta charset="utf-8" \/><script>if\(/u);
  });

  it('puts the rendered overview in #root and its styles in the head', () => {
    expect(page).toContain('<div id="root"><main>概览 $& $1</main></div>');
    expect(page.indexOf('<style id="h">')).toBeLessThan(page.indexOf('</head>'));
    expect(page).toContain('<script type="module" src="/a.js"></script>');
  });

  it('carries the answers it was rendered from, unable to close their script element', () => {
    const json = /<script type="application\/json" id="fazhi-initial">(.*?)<\/script>/su.exec(page)?.[1];
    expect(json).toBeDefined();
    expect(json).not.toContain('<');
    expect(JSON.parse(json ?? '')).toEqual({
      meta: JSON.parse(data.meta),
      overview: JSON.parse(data.overview),
    });
  });

  it('has one inline script, the guard the CSP source allows', () => {
    const inline = [...page.matchAll(/<script>(.*?)<\/script>/gsu)].map((m) => m[1] ?? '');
    expect(inline).toHaveLength(1);
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    expect(GUARD_SCRIPT_SOURCE).toBe(`'sha256-${hash}'`);
  });

  it('leaves a template without an empty root as it is', () => {
    const other = '<html><head></head><body><div id="app"></div></body></html>';
    expect(pageWithOverview(other, { root: '<main></main>', head: '' }, data)).toBe(other);
  });
});

describe('the guard script', () => {
  // It hides the page exactly when the browser app will not hydrate it (web/src/main.tsx).
  it.each(['', '#', '#/', '#/reports', '#/reports/12', '#/?year=2023', '#/compare', '#//'])(
    'agrees with the app on %j',
    (hash) => {
      const attributes = new Set<string>();
      const document = { documentElement: { setAttribute: (name: string) => attributes.add(name) } };
      new Function('location', 'document', GUARD_SCRIPT)({ hash }, document);
      expect(attributes.has('data-other-view')).toBe(!SERVER_RENDERED_HASH.test(hash));
    },
  );
});
