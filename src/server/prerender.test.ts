import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageWithView, scriptSource } from './prerender.js';
import { guardScript, type ServerView, serverPathOf, serverViewAt } from './server-rendered.js';

const TEMPLATE =
  '<!doctype html><html><head><title>t</title><script type="module" src="/a.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

const OVERVIEW = serverViewAt('/', '') as ServerView;
const REPORT = serverViewAt('/reports/12', '') as ServerView;

describe('the views the server renders', () => {
  it('gives the overview, the list and each report an address of their own, with their filters', () => {
    expect(OVERVIEW).toEqual({ hash: '#/', path: '/' });
    expect(REPORT).toEqual({ hash: '#/reports/12', path: '/reports/12' });
    expect(serverViewAt('/reports', '?level=county&q=%E5%A4%8D%E8%AE%AE')).toEqual({
      hash: '#/reports?level=county&q=%E5%A4%8D%E8%AE%AE',
      path: '/reports?level=county&q=%E5%A4%8D%E8%AE%AE',
    });
    expect(serverViewAt('/', '?')).toEqual(OVERVIEW);
    for (const path of ['/reports/12/x', '/reports/abc', '/compare', '/index.html', '/reuse/3'])
      expect(serverViewAt(path, ''), path).toBeNull();
    expect(
      ['', '#', '#/', '#/reports/12', '#/reports', '#/?year=2023', '#/reports/12?tab=score', '#/compare'].map(
        serverPathOf,
      ),
    ).toEqual(['/', '/', '/', '/reports/12', '/reports', '/?year=2023', '/reports/12?tab=score', null]);
  });

  // The guard on each page: where it sends the browser, and whether it hides the page.
  const run = (view: ServerView, hash: string) => {
    const effects: string[] = [];
    const location = { hash, replace: (to: string) => effects.push(`go ${to}`) };
    const document = { documentElement: { setAttribute: () => effects.push('hide') } };
    new Function('location', 'document', guardScript(view))(location, document);
    return effects.join(' ');
  };
  const pages = { overview: OVERVIEW, 'report 12': REPORT };
  it.each([
    ['overview', '', ''],
    ['overview', '#', ''],
    ['overview', '#/', ''],
    ['overview', '#/reports/12', 'go /reports/12'],
    ['overview', '#/reports', 'go /reports'],
    ['overview', '#/?year=2023', 'go /?year=2023'],
    ['overview', '#/reports/12?tab=score', 'go /reports/12?tab=score'],
    ['overview', '#/compare', 'hide'],
    ['overview', '#/reuse/3', 'hide'],
    // Never sent on from another page than /: no loops.
    ['report 12', '', ''],
    ['report 12', '#/reports/12', ''],
    ['report 12', '#/reports/13', 'hide'],
    ['report 12', '#/', 'hide'],
    ['report 12', '#/compare', 'hide'],
  ] as const)('on the page of the %s, the address %j: %j', (page, hash, effect) => {
    expect(run(pages[page], hash)).toBe(effect);
  });
});

describe('pageWithView', () => {
  const answers = {
    '/meta': '{"demo":true}',
    '/overview': '{"total":3,"label":"</script><script>alert(1)</script>"}',
  };
  const rendered = { root: '<main>概览 $& $1</main>', head: '<style id="h"></style>' };
  const page = pageWithView(TEMPLATE, OVERVIEW, rendered, answers);

  it('puts the guard first in the head, before any stylesheet or script', () => {
    expect(page).toMatch(/^<!doctype html><html><head><script>var p=/u);
    const withCharset = pageWithView(
      TEMPLATE.replace('<head>', '<head><meta charset="utf-8" />'),
      OVERVIEW,
      rendered,
      answers,
    );
    expect(withCharset).toMatch(/<head><meta charset="utf-8" \/><script>var p=/u);
  });

  it('puts the rendered view in #root and its styles in the head', () => {
    expect(page).toContain('<div id="root"><main>概览 $& $1</main></div>');
    expect(page.indexOf('<style id="h">')).toBeLessThan(page.indexOf('</head>'));
    expect(page).toContain('<script type="module" src="/a.js"></script>');
  });

  it('carries the answers it was rendered from, unable to close their script element', () => {
    const json = /<script type="application\/json" id="fazhi-initial">(.*?)<\/script>/su.exec(page)?.[1];
    expect(json).toBeDefined();
    expect(json).not.toContain('<');
    expect(JSON.parse(json ?? '')).toEqual({
      hash: '#/',
      answers: { '/meta': JSON.parse(answers['/meta']), '/overview': JSON.parse(answers['/overview']) },
    });
  });

  it('has one inline script, the guard its CSP source allows', () => {
    const inline = [...page.matchAll(/<script>(.*?)<\/script>/gsu)].map((m) => m[1] ?? '');
    expect(inline).toEqual([guardScript(OVERVIEW)]);
    const hash = createHash('sha256')
      .update(inline[0] ?? '')
      .digest('base64');
    expect(scriptSource(guardScript(OVERVIEW))).toBe(`'sha256-${hash}'`);
  });

  it('leaves a template without an empty root as it is', () => {
    const other = '<html><head></head><body><div id="app"></div></body></html>';
    expect(pageWithView(other, OVERVIEW, { root: '<main></main>', head: '' }, answers)).toBe(other);
  });
});
