import { describe, expect, it } from 'vitest';
import { isIgnored, mergeOptions, resolveConfig, type UserConfig, validateConfig } from './config.js';
import { RULES } from './rules/index.js';

describe('resolveConfig', () => {
  it('starts from recommended: default severities, rules not recommended left off', () => {
    const { rules } = resolveConfig();
    expect(rules['structure/missing-part']?.severity).toBe('error');
    expect(rules['content/data-density']?.severity).toBe('info');
    expect(rules['structure/part-order']).toBeUndefined();
    expect(Object.keys(rules).length).toBe(RULES.filter((r) => r.meta.recommended).length);
  });

  it('turns every rule on under strict, one step up unless the rule says otherwise', () => {
    const { rules } = resolveConfig({ extends: 'strict' });
    expect(Object.keys(rules).length).toBe(RULES.length);
    expect(rules['content/data-density']?.severity).toBe('warning');
    expect(rules['structure/embedded-part']?.severity).toBe('error');
    expect(rules['structure/part-order']?.severity).toBe('info');
    // --preset overrides extends
    expect(
      resolveConfig({ extends: 'strict' }, { preset: 'recommended' }).rules['structure/part-order'],
    ).toBeUndefined();
  });

  it('sets severities and merges options over the defaults', () => {
    const { rules } = resolveConfig({
      rules: {
        'text/template-residue': 'off',
        'content/data-density': ['warn', { min: 2 }],
        'publication/late': ['error'],
      },
    });
    expect(rules['text/template-residue']).toBeUndefined();
    expect(rules['content/data-density']).toEqual({
      severity: 'warning',
      options: { min: 2, minBodyChars: 500 },
    });
    expect(rules['publication/late']?.options.borderlineDays).toBe(1);
  });

  it('applies overrides whose files match, in order', () => {
    const user: UserConfig = {
      rules: { 'content/off-scope': 'warning' },
      overrides: [
        { files: ['departments/**'], rules: { 'content/outline-coverage': 'off' } },
        { files: '*.html', excludeFiles: 'keep/*', rules: { 'signature/missing': 'off' } },
      ],
    };
    const dept = resolveConfig(user, { file: 'departments/2023/sfj.txt' });
    expect(dept.rules['content/outline-coverage']).toBeUndefined();
    expect(dept.rules['content/off-scope']?.severity).toBe('warning');
    expect(resolveConfig(user, { file: 'gov/a.txt' }).rules['content/outline-coverage']).toBeDefined();
    expect(resolveConfig(user, { file: 'pages/a.html' }).rules['signature/missing']).toBeUndefined();
    expect(resolveConfig(user, { file: 'keep/a.html' }).rules['signature/missing']).toBeDefined();
  });

  it('does not share option objects between resolutions', () => {
    const cues = (config: ReturnType<typeof resolveConfig>): string[] =>
      (config.rules['content/no-reasons']?.options.cues ?? []) as string[];
    cues(resolveConfig()).push('x');
    expect(cues(resolveConfig()).includes('x')).toBe(false);
  });
});

describe('mergeOptions', () => {
  it('merges objects and replaces arrays', () => {
    expect(mergeOptions({ a: 1, b: { c: 2, d: 3 }, e: [1] }, { b: { c: 5 }, e: [2] })).toEqual({
      a: 1,
      b: { c: 5, d: 3 },
      e: [2],
    });
  });
});

describe('isIgnored', () => {
  it('matches the ignores globs', () => {
    expect(isIgnored({ ignores: ['drafts/**'] }, 'drafts/x.txt')).toBe(true);
    expect(isIgnored({ ignores: ['drafts/**'] }, 'final/x.txt')).toBe(false);
    expect(isIgnored({}, 'x.txt')).toBe(false);
  });
});

describe('validateConfig', () => {
  it('accepts a valid config', () => {
    expect(
      validateConfig({
        $schema: './fazhi.config.schema.json',
        extends: 'strict',
        rules: {
          'publication/late': [
            'error',
            { deadlines: [{ publish: '03-31' }, { province: '61', level: 'county', sign: '02-28' }] },
          ],
          'title/format': [
            'warning',
            { prescribedNames: [{ province: '61', name: '法治政府建设年度报告' }] },
          ],
          'content/off-scope': 'off',
        },
        overrides: [{ files: ['a/**'], rules: { 'content/data-density': ['info', { min: 1 }] } }],
        ignores: ['drafts/**'],
        noInlineConfig: false,
      }),
    ).toEqual([]);
  });

  it('names unknown rules, bad severities, bad options and unknown keys', () => {
    const problems = validateConfig({
      extends: 'lenient',
      rules: {
        'structure/missing-parts': 'error',
        'content/data-density': ['loud', { min: -1 }],
        'publication/late': ['error', { deadlines: [{ publish: '3-31' }] }],
      },
      overrides: [{ rules: { 'content/off-scope': ['info', { max: 2 }] } }],
      colour: true,
    });
    expect(problems).toEqual([
      '/extends: must be one of "recommended", "strict"',
      '/colour: unknown property',
      '/rules/structure/missing-parts: unknown rule (did you mean structure/missing-part?)',
      '/rules/content/data-density/0: must be one of "off", "info", "warning", "warn", "error"',
      '/rules/content/data-density/1/min: must be ≥ 0',
      '/rules/publication/late/1/deadlines/0/publish: must match ^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
      '/overrides/0: missing property "files"',
      '/overrides/0/rules/content/off-scope/1/max: must be ≤ 1',
    ]);
  });
});
