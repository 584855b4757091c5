import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../knowledge/load.js';
import { resolveConfig } from './config.js';
import { runChecks } from './engine.js';
import { loadCheckData } from './load.js';
import { RULES } from './rules/index.js';
import { reportOf, reportText } from './testing/fixtures.js';
import { defineRule, shiftSeverity } from './types.js';

describe('shiftSeverity', () => {
  it('moves a finding with its rule', () => {
    expect(shiftSeverity('error', 'warning')).toBe('error');
    expect(shiftSeverity('warning', 'error', 'warning')).toBe('info');
    expect(shiftSeverity('error', 'warning', 'info')).toBe('warning');
    expect(shiftSeverity('info', 'warning', 'info')).toBe('info');
    expect(shiftSeverity('error', 'info', 'warning')).toBe('error');
  });
});

describe('runChecks', () => {
  const report = reportOf(reportText({ shortcomings: '', header: '发布日期：2023-04-20' }));

  it('returns findings in text order with messages from the templates', () => {
    const { findings } = runChecks(report, loadKnowledge(), resolveConfig(), loadCheckData());
    const starts = findings.map((f) => f.span.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(findings.find((f) => f.ruleId === 'structure/missing-part')?.message).toBe(
      '报告缺少“存在的不足和原因”部分：既没有单独的章节，正文中也找不到相应内容',
    );
  });

  it('runs only the rules that are on, at their configured severity', () => {
    const config = resolveConfig({
      rules: { 'publication/late': 'warning', 'structure/missing-part': 'off' },
    });
    const { findings } = runChecks(report, loadKnowledge(), config, loadCheckData());
    expect(findings.some((f) => f.ruleId === 'structure/missing-part')).toBe(false);
    expect(findings.find((f) => f.ruleId === 'publication/late')?.severity).toBe('warning');
  });

  it('keeps going when a rule throws, and says which', () => {
    const broken = defineRule<Record<string, never>>({
      meta: { ...(RULES[0] as (typeof RULES)[number]).meta, id: 'test/broken', recommended: true } as never,
      check() {
        throw new Error('boom');
      },
    });
    const rules = [broken, ...RULES];
    const config = resolveConfig({}, { rules });
    const result = runChecks(report, loadKnowledge(), config, loadCheckData(), { rules });
    expect(result.errors).toEqual([{ ruleId: 'test/broken', message: 'boom' }]);
    expect(result.findings.length).toBeGreaterThan(0);
  });

  it('reports the features behind the content rules', () => {
    const { features } = runChecks(reportOf(reportText()), loadKnowledge(), resolveConfig(), loadCheckData());
    expect(features.coveredAreas).toHaveLength(10);
    expect(features.numericFacts).toBeGreaterThan(10);
    expect(features.offScopeShare).toBe(0);
  });
});

describe('the rule registry', () => {
  it('has unique ids category/name, messages and a schema for each rule', () => {
    const ids = RULES.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { meta } of RULES) {
      expect(meta.id).toMatch(/^[a-z]+\/[a-z-]+$/u);
      expect(meta.id.split('/')[0]).toBe(meta.category);
      expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
      expect(meta.description.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(meta.description.en).toMatch(/[a-z]/u);
      expect(meta.schema.type).toBe('object');
    }
  });

  it('has the ids the issue fixes as a contract', () => {
    const ids = new Set(RULES.map((r) => r.meta.id));
    for (const id of [
      'structure/missing-part',
      'structure/embedded-part',
      'structure/merged-parts',
      'publication/late',
      'publication/year-mismatch',
      'title/format',
      'signature/missing',
      'figures/sum-mismatch',
      'figures/rate-mismatch',
      'figures/order-violation',
      'figures/stock-flow',
      'text/garbled-date',
      'text/template-residue',
      'content/no-reasons',
      'content/vague-plans',
      'content/outline-coverage',
      'content/data-density',
      'content/off-scope',
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });
});
