import { describe, expect, it } from 'vitest';
import { makeSnippet } from './snippet.js';

const text = `标题\n${'前文。'.repeat(40)}全年办理行政复议案件115件，行政复议纠错率8%。\n${'后文。'.repeat(40)}`;

describe('makeSnippet', () => {
  it('cuts a window around the first match and marks every match with 【】', () => {
    const s = makeSnippet(text, ['行政复议'], { length: 60 });
    expect(s.text).toContain('【行政复议】案件115件,'.replace(',', '，'));
    expect(s.text.match(/【行政复议】/gu)).toHaveLength(2);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.matchStart).toBe(text.indexOf('行政复议'));
  });

  it('marks with <mark> and escapes HTML', () => {
    const s = makeSnippet('a<b> 复议 & c', ['复议'], { highlight: 'html' });
    expect(s.text).toBe('a&lt;b&gt; <mark>复议</mark> &amp; c');
  });

  it('prefers the longest term where terms overlap, and ignores ASCII case', () => {
    expect(makeSnippet('推行APP办理', ['app', '办理'], {}).text).toBe('推行【APP】【办理】');
    expect(makeSnippet('行政复议', ['复议', '行政复议'], {}).text).toBe('【行政复议】');
  });

  it('takes the first match inside the given spans', () => {
    const at = text.lastIndexOf('行政复议');
    const s = makeSnippet(text, ['行政复议'], { within: [{ start: at, end: at + 10 }] });
    expect(s.matchStart).toBe(at);
  });

  it('starts at the fallback when nothing matches, on one line', () => {
    const s = makeSnippet(text, [], { fallbackStart: 3, length: 20 });
    expect(s.text).toBe(`…${'前文。'.repeat(6)}前文…`);
    expect(s.matchStart).toBeNull();
    expect(makeSnippet('一\n二', []).text).toBe('一 二');
  });

  it('never splits a surrogate pair', () => {
    const s = makeSnippet(`${'𠀀'.repeat(30)}复议`, ['复议'], { length: 21 });
    expect(s.text.includes('\uFFFD')).toBe(false);
    expect([...s.text.replace(/^…/u, '')].every((c) => c.length === 2 || !/[\uD800-\uDFFF]/u.test(c))).toBe(
      true,
    );
  });
});
