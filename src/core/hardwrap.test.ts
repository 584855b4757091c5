import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.js';
import { generateReport } from '../synth/generate.js';
import { analyze } from './analyze.js';
import { softLineBreaks } from './hardwrap.js';
import { normalize } from './normalize.js';

/** Break every line of `text` after `width` characters (as a mail or a PDF copy does). */
function wrapByChars(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const chars = [...line];
      const out: string[] = [];
      for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
      return out.length > 0 ? out : [''];
    })
    .join('\n');
}

/** Break lines at a display width: Chinese characters two columns, ASCII one (a typeset page). */
function wrapByColumns(text: string, columns: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let current = '';
      let used = 0;
      for (const ch of line) {
        const w = (ch.codePointAt(0) as number) > 0x2e7f ? 2 : 1;
        if (used + w > columns) {
          out.push(current);
          current = '';
          used = 0;
        }
        current += ch;
        used += w;
      }
      out.push(current);
      return out;
    })
    .join('\n');
}

const knowledge = loadKnowledge();
const reading = (text: string) => {
  const r = analyze(text, { knowledge });
  return {
    title: r.meta.title,
    year: r.meta.year,
    signed: r.meta.signed,
    headings: r.parts.map((p) => p.heading),
    figures: r.figures.map((f) => `${f.key}=${f.value}${f.unit}`).sort(),
  };
};

describe('hard-wrapped text', () => {
  const reports = Array.from({ length: 12 }, (_, i) => generateReport({ seed: 500 + i }).text);

  it('reads the same as the unwrapped text, wrapped by characters or by display width', () => {
    for (const [i, text] of reports.entries()) {
      const expected = reading(text);
      expect(expected.figures.length, `report ${i}`).toBeGreaterThan(3);
      for (const wrapped of [wrapByChars(text, 28), wrapByChars(text, 41), wrapByColumns(text, 70)]) {
        expect(softLineBreaks(wrapped).size, `report ${i}`).toBeGreaterThan(10);
        expect(reading(wrapped), `report ${i}`).toEqual(expected);
      }
    }
  });

  it('leaves texts with one paragraph per line alone', () => {
    for (const text of reports) expect(softLineBreaks(text).size).toBe(0);
    const fixtures = new URL('../../test/fixtures/reports/', import.meta.url);
    for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.txt'))) {
      expect(softLineBreaks(readFileSync(new URL(name, fixtures), 'utf8')).size, name).toBe(0);
    }
  });

  it('joins wrapped lines, also after a sentence end, but not before headings or indented lines', () => {
    const line = '全面推进严格规范公正文明执法,深化行政执法体制改革,'; // 26 characters
    const text = [
      '一、主要举措',
      `${line}`,
      '推进综合执法,',
      `${line}`,
      `${line}`.replace(/,$/u, '。'),
      '(一)加强领导',
      `${line}`,
      '　　新段落从缩进开始,办理复议案件12件。',
      `${line}`,
      `${line.slice(0, 24)}ab`,
      'cd文本结束。',
      `${line}`,
      `${line}`,
    ].join('\n');
    const { text: normalized, map } = normalize(text);
    expect(normalized.split('\n')).toEqual([
      '一、主要举措',
      `${line}推进综合执法,`,
      `${line}${line.replace(/,$/u, '。')}`,
      '(一)加强领导',
      line,
      '新段落从缩进开始,办理复议案件12件。',
      `${line}${line.slice(0, 24)}ab cd文本结束。`,
      `${line}${line}`,
    ]);
    // Offsets still lead back to the source.
    const at = normalized.indexOf('推进综合执法');
    expect(text.slice(map.toSource(at), map.toSource(at) + 6)).toBe('推进综合执法');
  });
});
