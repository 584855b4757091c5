import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.js';

describe('parseQuery', () => {
  const texts = (q: string) => {
    const p = parseQuery(q);
    return { terms: p.terms.map((t) => t.text), excluded: p.excluded.map((t) => t.text) };
  };

  it('splits terms on white space, full-width included', () => {
    expect(texts('行政复议  出庭应诉率　柔性执法')).toEqual({
      terms: ['行政复议', '出庭应诉率', '柔性执法'],
      excluded: [],
    });
  });

  it('keeps quoted phrases together, with ASCII or Chinese quotes', () => {
    expect(texts('"行政 复议" “法治 政府” 其他').terms).toEqual(['行政 复议', '法治 政府', '其他']);
  });

  it('excludes terms with a leading minus', () => {
    expect(texts('法治 -疫情 -"新冠 肺炎"')).toEqual({ terms: ['法治'], excluded: ['疫情', '新冠 肺炎'] });
  });

  it('normalizes like report texts: full-width ASCII becomes half-width', () => {
    expect(texts('（一） １００％').terms).toEqual(['(一)', '100%']);
  });

  it('drops empty and duplicate terms', () => {
    expect(texts('"" 复议 复议 -').terms).toEqual(['复议', '-']);
    expect(texts('   ').terms).toEqual([]);
  });

  it('gives each term its index tokens', () => {
    expect(parseQuery('行政复议').terms[0]?.tokens).toEqual(['行政', '复议']);
  });
});
