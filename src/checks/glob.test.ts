import { describe, expect, it } from 'vitest';
import { matchesAny, matchesGlob } from './glob.js';

describe('matchesGlob', () => {
  it('matches a bare name at any depth', () => {
    expect(matchesGlob('a/b/report.txt', '*.txt')).toBe(true);
    expect(matchesGlob('report.html', '*.txt')).toBe(false);
  });

  it('anchors patterns with a slash at the config directory', () => {
    expect(matchesGlob('drafts/x.txt', 'drafts/*.txt')).toBe(true);
    expect(matchesGlob('old/drafts/x.txt', 'drafts/*.txt')).toBe(false);
    expect(matchesGlob('old/drafts/x.txt', '**/drafts/*.txt')).toBe(true);
    expect(matchesGlob('./drafts/a/b.txt', 'drafts/')).toBe(true);
  });

  it('knows ?, [], {} and **', () => {
    expect(matchesGlob('2022/s1.txt', '20[0-9][0-9]/s?.{txt,html}')).toBe(true);
    expect(matchesGlob('2022/s1.pdf', '20[0-9][0-9]/s?.{txt,html}')).toBe(false);
    expect(matchesGlob('a/b/c/d.txt', 'a/**/d.txt')).toBe(true);
    expect(matchesGlob('a/d.txt', 'a/**/d.txt')).toBe(true);
  });

  it('lets ! re-include', () => {
    expect(matchesAny('drafts/keep.txt', ['drafts/**', '!drafts/keep.txt'])).toBe(false);
    expect(matchesAny('drafts/other.txt', ['drafts/**', '!drafts/keep.txt'])).toBe(true);
  });
});
