import { describe, expect, it } from 'vitest';
import type { Finding } from '../checks/index.js';
import { normalize } from '../core/normalize.js';
import {
  countFindings,
  createLocator,
  displayWidth,
  type FileResult,
  formatJson,
  formatMarkdown,
  formatSarif,
  formatStylish,
} from './format-findings.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'text/template-residue',
  severity: 'error',
  messageId: 'residue',
  message: '残留模板占位符“XX”，发布前应填写实际内容',
  span: { start: 0, end: 2 },
  ...over,
});

describe('createLocator', () => {
  it('maps spans of the normalized text to lines and columns of the source text', () => {
    const source = '\n\n　　第一行ＸＸ\r\n\n第二行XX';
    const { text, map } = normalize(source.replace(/\r\n/gu, '\n'));
    const locate = createLocator(text, map, source.replace(/\r\n/gu, '\n'));
    const second = text.lastIndexOf('XX');
    expect(locate({ start: second, end: second + 2 })).toEqual({
      start: { line: 5, column: 4 },
      end: { line: 5, column: 6 },
    });
    // Without a source text, positions are in the normalized text.
    const plain = createLocator('a\nbc');
    expect(plain({ start: 3, end: 4 }).start).toEqual({ line: 2, column: 2 });
  });
});

describe('displayWidth', () => {
  it('counts CJK as two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('日期820日')).toBe(9);
  });
});

describe('formatters', () => {
  const text = 'XX会议\n落款2024228';
  const results: FileResult[] = [
    {
      source: 'a.txt',
      format: 'txt',
      text,
      suppressed: 0,
      locate: createLocator(text),
      score: { total: 90, dimensions: [] },
      findings: [
        finding(),
        finding({
          ruleId: 'text/garbled-date',
          severity: 'warning',
          message: '日期“2024228”缺少“年”“月”等字，应为“2024年2月28日”',
          span: { start: 7, end: 14 },
          fix: { span: { start: 7, end: 14 }, text: '2024年2月28日' },
        }),
      ],
    },
    {
      source: 'b.html',
      format: 'html',
      text,
      suppressed: 1,
      locate: createLocator(text),
      findings: [finding()],
    },
    {
      source: 'c.pdf',
      findings: [],
      suppressed: 0,
      error: { code: 'no-text-layer', message: 'no text layer' },
    },
  ];

  it('counts', () => {
    expect(countFindings(results)).toEqual({ errors: 2, warnings: 1, infos: 0, fixable: 1, failed: 1 });
  });

  it('stylish: file, line:column, severity, message, rule, fix, summary', () => {
    const out = formatStylish(results);
    expect(out).toContain('a.txt\n  1:1  error    残留模板占位符“XX”，发布前应填写实际内容');
    expect(out).toContain('2:3  warning  日期“2024228”');
    expect(out).toContain('↳ 修改建议：2024228 → 2024年2月28日');
    expect(out).toContain('c.pdf\n  error  no text layer  (no-text-layer)');
    expect(out).toContain('✖ 3 problems (2 errors, 1 warning, 0 infos)');
  });

  it('json: positions, quotes, counts and errors', () => {
    const json = JSON.parse(formatJson(results));
    expect(json.results[0].findings[1]).toMatchObject({
      line: 2,
      column: 3,
      endLine: 2,
      endColumn: 10,
      quote: '2024228',
    });
    expect(json.results[1].suppressedCount).toBe(1);
    expect(json.results[2]).toEqual({ source: 'c.pdf', error: 'no text layer', errorCode: 'no-text-layer' });
    expect(json.errorCount).toBe(2);
  });

  it('sarif: regions and fixes for text files only, notifications for failures', () => {
    const sarif = JSON.parse(formatSarif(results));
    const [txt, , html] = sarif.runs[0].results;
    expect(txt.locations[0].physicalLocation.region).toMatchObject({
      startLine: 1,
      startColumn: 1,
      endColumn: 3,
    });
    expect(html.locations[0].physicalLocation.region).toBeUndefined();
    expect(html.properties.quote).toBe('XX');
    expect(sarif.runs[0].results[1].fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe(
      '2024年2月28日',
    );
    expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(false);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(
      'c.pdf: no text layer',
    );
  });

  it('markdown: an overview table for several reports and a section per report', () => {
    const md = formatMarkdown(results);
    expect(md).toContain('| a.txt | 90 | 1 | 1 | 0 |');
    expect(md).toContain('## c.pdf\n\n无法检查：no text layer（no-text-layer）');
    expect(md).toContain('（建议：2024228 → 2024年2月28日）');
  });
});
