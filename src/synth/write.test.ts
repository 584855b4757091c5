import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeGbk, inGbk } from './gbk.js';
import { generateCorpus, generateReport, type SynthReport } from './generate.js';
import { renderHtml, toDocx, toHtml, toTxt, writeCorpus } from './write.js';

const utf8 = new TextDecoder('utf-8');
const gb = new TextDecoder('gb18030');

describe('toTxt', () => {
  it('is the text in UTF-8', () => {
    const r = generateReport({ seed: 3 });
    expect(utf8.decode(toTxt(r))).toBe(r.text);
  });
});

describe('gbk', () => {
  it('round-trips Chinese text and punctuation', () => {
    const s = '天门市人民政府关于2022年度法治政府建设情况的报告（一）“八五”普法〔2022〕5号·—％×〇';
    expect(gb.decode(encodeGbk(s))).toBe(s);
    expect(inGbk('法')).toBe(true);
    expect(inGbk('😀')).toBe(false);
  });
});

describe('toHtml', () => {
  it('decodes from GBK to the same page as the UTF-8 version', () => {
    for (const r of generateCorpus(40, 11)) {
      for (const layout of ['modern', 'table'] as const) {
        const u = utf8.decode(toHtml(r, { encoding: 'utf-8', layout }));
        const g = gb.decode(toHtml(r, { encoding: 'gbk', layout }));
        expect(g).toBe(renderHtml(r, { encoding: 'gbk', layout }));
        expect(
          g.replace(
            '<meta http-equiv="Content-Type" content="text/html; charset=gbk">',
            '<meta charset="utf-8">',
          ),
        ).toBe(u);
        // every character of the report survives GBK
        expect([...r.text].every(inGbk)).toBe(true);
      }
    }
  });

  it('is a government-site page with the report in <p> paragraphs', () => {
    const r = generateReport({ seed: 21, chrome: true });
    const html = renderHtml(r, { layout: 'modern' });
    expect(html).toContain(`<meta name="ArticleTitle" content="${r.gold.meta.title}">`);
    if (r.gold.meta.published)
      expect(html).toContain(`<meta name="PubDate" content="${r.gold.meta.published}`);
    expect(html).toContain('<nav>');
    expect(html).toContain('<footer');
    for (const p of r.gold.parts)
      expect(html).toContain(`<strong>${p.heading.replace(/&/gu, '&amp;')}</strong>`);
    const table = renderHtml(r, { layout: 'table' });
    expect(table).toContain('<td class="bt"');
    // the gold quotes are in the page text
    const text = html
      .replace(/<[^>]+>/gu, '')
      .replace(/&quot;/gu, '"')
      .replace(/&lt;/gu, '<')
      .replace(/&gt;/gu, '>')
      .replace(/&amp;/gu, '&');
    for (const i of r.gold.indicators) expect(text).toContain(i.quote);
  });
});

function findReport(pred: (r: SynthReport) => boolean): SynthReport {
  for (let seed = 1; seed < 500; seed++) {
    const r = generateReport({ seed });
    if (pred(r)) return r;
  }
  throw new Error('no such report');
}

describe('toDocx', () => {
  it('is a zip with word/document.xml, and Word numbering for the 一、 headings when asked', async () => {
    const r = findReport((x) => x.doc.docxNumbering);
    const bytes = await toDocx(r);
    const files = unzipSync(bytes);
    expect(files['word/document.xml']).toBeDefined();
    const numbering = files['word/numbering.xml'];
    expect(numbering).toBeDefined();
    expect(strFromU8(numbering as Uint8Array)).toContain('chineseCounting');
    expect(strFromU8(numbering as Uint8Array)).toContain('%1、');
    const doc = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(doc).toContain('<w:numPr>');
    const first = r.gold.parts[0]?.heading as string;
    expect(doc).toContain(first.slice(2)); // the heading text without "一、"
    expect(doc).not.toContain(`>${first}<`);
    // same report, same bytes
    expect(Buffer.from(await toDocx(r)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps literal 一、 when numbering is off', async () => {
    const r = findReport((x) => !x.doc.docxNumbering);
    const files = unzipSync(await toDocx(r));
    const doc = strFromU8(files['word/document.xml'] as Uint8Array);
    expect(doc).toContain(r.gold.parts[0]?.heading as string);
    expect(doc).not.toContain('<w:numPr>');
  });
});

describe('writeCorpus', () => {
  it('writes reports, gold readings and defects', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fazhi-synth-'));
    try {
      const res = await writeCorpus(dir, { count: 4, seed: 5, formats: ['txt', 'html', 'docx'] });
      const files = (await readdir(dir)).sort();
      expect(files.length).toBe(4 * 5);
      expect(res.files).toBe(files.length);
      const gold = files.filter((f) => f.endsWith('.gold.json'));
      expect(gold.length).toBe(4);
      const g = JSON.parse(await readFile(join(dir, gold[0] as string), 'utf8'));
      expect(g.source).toBe((gold[0] as string).replace('.gold.json', '.txt'));
      expect(Object.keys(g)).toEqual(['source', 'meta', 'parts', 'indicators']);
      const txt = await readFile(join(dir, g.source), 'utf8');
      for (const i of g.indicators) expect(txt).toContain(i.quote);
      const d = JSON.parse(
        await readFile(join(dir, (gold[0] as string).replace('.gold.json', '.defects.json')), 'utf8'),
      );
      expect(Array.isArray(d.defects)).toBe(true);
      expect(res.bytes).toBeGreaterThan(10_000);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
