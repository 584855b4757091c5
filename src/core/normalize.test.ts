import { describe, expect, it } from 'vitest';
import { lineSpans, normalize, OffsetMap } from './normalize.js';

describe('normalize', () => {
  it('unifies full-width forms and keeps Chinese punctuation', () => {
    const { text } = normalize(
      '（一）全年受理行政复议申请１１５件，审结９０件；纠错率５.３５％。“八五”普法、《条例》',
    );
    expect(text).toBe('(一)全年受理行政复议申请115件,审结90件;纠错率5.35%。“八五”普法、《条例》');
  });

  it('drops blank lines, indentation and zero-width characters, and collapses spaces', () => {
    const { text } = normalize('\ufeff  标题\r\n\r\n\u3000\u3000第一段\u200b文字  与   空格\n\n\n  落款  \n');
    expect(text).toBe('标题\n第一段文字 与 空格\n落款');
  });

  it('keeps spaces between CJK characters, which separate fields on saved pages', () => {
    expect(normalize('发布机构 天门市人民政府 文 号').text).toBe('发布机构 天门市人民政府 文 号');
  });

  it('maps every normalized offset back to the same character in the source', () => {
    const source = '  　（二）强化  监督。\r\n\r\n\t２０２３年３月１日  ';
    const { text, map } = normalize(source);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] as string;
      if (ch === '\n' || ch === ' ') continue;
      const back = source[map.toSource(i)] as string;
      expect(back.normalize('NFKC')).toBe(ch);
    }
  });

  it('keeps one map run for text that needs no change', () => {
    const { text, map } = normalize('一、情况\n二、问题');
    expect(text).toBe('一、情况\n二、问题');
    expect(map.runs).toBe(1);
  });
});

describe('OffsetMap', () => {
  it('finds the run of an offset by binary search', () => {
    const map = new OffsetMap();
    map.add(0, 5);
    map.add(1, 6);
    map.add(2, 10);
    map.add(3, 11);
    expect(map.toSource(0)).toBe(5);
    expect(map.toSource(1)).toBe(6);
    expect(map.toSource(3)).toBe(11);
    expect(map.runs).toBe(2);
  });
});

describe('lineSpans', () => {
  it('returns the span of each non-empty line', () => {
    expect(lineSpans('ab\ncd')).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });
});

describe('normalize: traditional characters', () => {
  const t2s = new Map(
    [...'區縣報設與國權'].map((ch, i) => [ch.charCodeAt(0), '区县报设与国权'.charCodeAt(i)]),
  );

  it('converts a text written in traditional characters, keeping offsets', () => {
    const { text, convertedFromTraditional, map } = normalize('某縣法治政府建設年度報告', { t2s });
    expect(convertedFromTraditional).toBe(true);
    expect(text).toBe('某县法治政府建设年度报告');
    expect(map.runs).toBe(1);
  });

  it('leaves a simplified text alone', () => {
    const { text, convertedFromTraditional } = normalize('某县法治政府建设年度报告', { t2s });
    expect(convertedFromTraditional).toBe(false);
    expect(text).toBe('某县法治政府建设年度报告');
  });
});

describe('normalize: paragraphs run together', () => {
  it('breaks a long run-on line before 一、 and (一) headings that follow a sentence end', () => {
    const sentence = '全县各部门认真贯彻落实法治政府建设各项部署要求,扎实推进依法行政工作,取得了明显成效。';
    const source = `${sentence.repeat(4)}现将有关情况报告如下:一、主要举措和成效(一)加强组织领导。${sentence}二、存在的不足`;
    const { text, map } = normalize(source);
    const lines = text.split('\n');
    expect(lines.map((l) => l.slice(0, 6))).toEqual([sentence.slice(0, 6), '一、主要举措', '二、存在的不']);
    const second = text.indexOf('一、主要');
    expect(source.slice(map.toSource(second), map.toSource(second) + 4)).toBe('一、主要');
  });

  it('leaves ordinary paragraphs alone', () => {
    const { text } = normalize('我县落实“一、二、三”工作法。二、问题');
    expect(text).toBe('我县落实“一、二、三”工作法。二、问题');
  });
});
