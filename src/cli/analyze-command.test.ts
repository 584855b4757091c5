import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MEASURES, reportText } from '../checks/testing/fixtures.js';
import { runAnalyze } from './analyze-command.js';
import { memoryOutput } from './output.js';

const RESIDUE = reportText({ measures: `${MEASURES}\n(十一)召开XX专题会议。` });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-analyze-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

async function analyzeIn(dir: string, file: string, config?: string) {
  const out = memoryOutput();
  const failed = await runAnalyze([join(dir, file)], { format: 'json', cwd: dir, config }, out);
  return { failed, stderr: out.stderr, json: failed === 0 ? JSON.parse(out.stdout) : null };
}

const rules = (json: { findings: { ruleId: string }[] }) => json.findings.map((f) => f.ruleId);

describe('fazhi analyze: the findings and score follow the configuration of fazhi check', () => {
  it('uses the recommended preset without a config, and the nearest fazhi.config.json with one', async () => {
    const plain = await analyzeIn(workspace({ 'r.txt': RESIDUE }), 'r.txt');
    expect(rules(plain.json)).toContain('text/template-residue');

    const dir = workspace({
      'fazhi.config.json': JSON.stringify({
        overrides: [{ files: 'lenient/**', rules: { 'text/template-residue': 'off' } }],
      }),
      'r.txt': RESIDUE,
      'lenient/r.txt': RESIDUE,
    });
    expect(rules((await analyzeIn(dir, 'r.txt')).json)).toContain('text/template-residue');
    const lenient = (await analyzeIn(dir, 'lenient/r.txt')).json;
    expect(rules(lenient)).not.toContain('text/template-residue');
    expect(lenient.score.total).toBeGreaterThan(plain.json.score.total);
  });

  it('refuses a bad config (-1: exit code 2)', async () => {
    const dir = workspace({
      'bad.json': JSON.stringify({ rules: { 'no/such-rule': 'off' } }),
      'r.txt': RESIDUE,
    });
    const bad = await analyzeIn(dir, 'r.txt', join(dir, 'bad.json'));
    expect(bad.failed).toBe(-1);
    expect(bad.stderr).toContain('unknown rule');
  });
});
