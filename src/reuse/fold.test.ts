import { describe, expect, it } from 'vitest';
import { Boilerplate, compileBoilerplate, NO_BOILERPLATE } from './boilerplate.js';
import { fold, foldedIndexAt, LEVEL_SYMBOL, NUMBER_SYMBOL } from './fold.js';
import { fnv1a } from './hash.js';
import { loadBoilerplate } from './load.js';

describe('fold', () => {
  it('keeps letters only and folds every number to one symbol', () => {
    expect(fold('共办理案件120件，纠错率5.35%。').text).toBe(
      `共办理案件${NUMBER_SYMBOL}件纠错率${NUMBER_SYMBOL}`,
    );
    expect(fold('共办理案件95件').text).toBe(fold('共办理案件1,204件').text);
  });

  it('maps each folded character back to its source, a number to all its digits', () => {
    const source = '全年受理 1,204 件（同比+5.3%）。';
    const folded = fold(source);
    for (let i = 0; i < folded.text.length; i++) {
      const piece = source.slice(folded.starts[i], folded.ends[i]);
      if (folded.text[i] === NUMBER_SYMBOL) expect(piece).toMatch(/^[\d.,]+$/u);
      else expect(piece).toBe(folded.text[i]);
    }
    expect(source.slice(folded.starts[4], folded.ends[4])).toBe('1,204');
  });

  it('folds the level word of a self-reference, and leaves other uses alone', () => {
    expect(fold('我市全市市委市政府').text).toBe(fold('我县全县县委县政府').text);
    expect(fold('全区各镇').text).toBe(`全${LEVEL_SYMBOL}各${LEVEL_SYMBOL}`);
    expect(fold('市场监管').text).toBe('市场监管');
  });

  it('lower-cases Latin letters and keeps every folded character in the BMP outside surrogates', () => {
    expect(fold('APP、Web').text).toBe('appweb');
    const folded = fold('𠀋办理');
    expect(folded.text.length).toBe(3);
    for (const ch of folded.text) expect(ch.charCodeAt(0) < 0xd800 || ch.charCodeAt(0) > 0xdfff).toBe(true);
    expect(folded.starts[1]).toBe(2);
  });

  it('finds the folded index of a source offset', () => {
    const folded = fold('一、总体情况。二、问题');
    expect(foldedIndexAt(folded, 0)).toBe(0);
    expect(foldedIndexAt(folded, 2)).toBe(1); // after 一、
    expect(foldedIndexAt(folded, 100)).toBe(folded.text.length);
  });
});

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of Chinese text, astral characters included', () => {
    const reference = (text: string): number => {
      let h = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
      return h >>> 0;
    };
    for (const text of ['法治政府', '行政复议#件', '𠀋字']) expect(fnv1a(text)).toBe(reference(text));
  });
});

describe('boilerplate', () => {
  it('masks the occurrences of stock phrases in folded text', () => {
    const bp = new Boilerplate(['深入学习贯彻习近平法治思想', '现将…情况报告如下']);
    const folded = fold('我区深入学习贯彻习近平法治思想，现将2022年度法治政府建设情况报告如下：');
    const mask = bp.mask(folded);
    const kept = [...folded.text].filter((_, i) => mask[i] === 0).join('');
    expect(kept).toBe(`我${LEVEL_SYMBOL}`);
  });

  it('masks nothing without phrases, and versions the phrase list', () => {
    expect(NO_BOILERPLATE.mask(fold('习近平法治思想')).every((x) => x === 0)).toBe(true);
    expect(new Boilerplate(['特此报告']).version).not.toBe(new Boilerplate(['现报告如下']).version);
    expect(new Boilerplate(['特此报告']).version).toBe(new Boilerplate(['特此，报告']).version);
  });

  it('compiles the data file format and rejects bad rows', () => {
    const bp = compileBoilerplate(
      '# comment\nformula\t有件必备、有备必审、有错必纠\n\nframe\t现将…报告如下\n',
    );
    expect(bp.phrases).toEqual(['有件必备、有备必审、有错必纠', '现将…报告如下']);
    expect(() => compileBoilerplate('slogan\t依法行政')).toThrow(/unknown kind/u);
    expect(() => compileBoilerplate('formula')).toThrow(/expected kind/u);
    expect(() => compileBoilerplate('formula\t依法')).toThrow(/too short/u);
  });

  it('loads data/boilerplate.tsv, which covers the guiding thought, the goal formula and the parts', () => {
    const bp = loadBoilerplate();
    expect(bp.phrases.length).toBeGreaterThan(40);
    for (const phrase of [
      '以习近平新时代中国特色社会主义思想为指导',
      '职能科学、权责法定、执法严明、公开公正、智能高效、廉洁诚信、人民满意',
      '推进法治政府建设存在的不足和原因',
    ]) {
      const folded = fold(`前文${phrase}后文`);
      expect(bp.mask(folded).reduce((n, x) => n + x, 0)).toBe(folded.text.length - 4);
    }
  });
});
