import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { MEASURES, reportText } from '../checks/testing/fixtures.js';
import { encodeGbk } from '../readers/testing/gbk.js';
import { registerCheckCommand, runCheck } from './check-command.js';
import { memoryOutput } from './output.js';

const GARBLED = reportText({ measures: `${MEASURES}\n(十一)开展专项督察。1016日至20日，县政府组织督察。` });
const RESIDUE = reportText({ measures: `${MEASURES}\n(十一)召开XX专题会议。` });

function workspace(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fazhi-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Run `fazhi check …` through commander, as main.ts does. */
async function cli(cwd: string, ...argv: string[]) {
  const out = memoryOutput();
  let code = -1;
  const program = new Command('fazhi').exitOverride().configureOutput({
    writeOut: (s) => void out.write(s),
    writeErr: (s) => out.error(s.trimEnd()),
  });
  registerCheckCommand(program, out, (c) => {
    code = c;
  });
  // runCheck resolves relative paths and the config from cwd.
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    await program.parseAsync(['check', ...argv], { from: 'user' });
  } catch (error) {
    return { code: 2, stdout: out.stdout, stderr: `${out.stderr}${(error as Error).message}` };
  } finally {
    process.chdir(previous);
  }
  return { code, stdout: out.stdout, stderr: out.stderr };
}

describe('fazhi check', () => {
  it('exits 0 on a clean report and says so', async () => {
    const dir = workspace({ 'clean.txt': reportText() });
    const { code, stdout } = await cli(dir, 'clean.txt');
    expect(code).toBe(0);
    expect(stdout).toBe('clean.txt: no problems, score 100/100\n');
  });

  it('prints stylish findings with file line:column and exits 1 on an error', async () => {
    const dir = workspace({ 'r.txt': `\n\n${RESIDUE}` });
    const { code, stdout } = await cli(dir, 'r.txt');
    expect(code).toBe(1);
    const lines = RESIDUE.split('\n');
    const line = lines.findIndex((l) => l.includes('XX')) + 1 + 2;
    const column = (lines[line - 3] as string).indexOf('XX') + 1;
    expect(stdout).toContain(
      `r.txt\n  ${line}:${column}  error    残留模板占位符“XX”，发布前应填写实际内容  text/template-residue`,
    );
    expect(stdout).toMatch(/✖ 1 problem \(1 error, 0 warnings, 0 infos\)/u);
    expect(stdout).toMatch(/score \d+(\.\d)?\/100 {2}\(Q1 10\/10 · /u);
  });

  it('shows fix suggestions', async () => {
    const dir = workspace({ 'g.txt': GARBLED });
    const { code, stdout } = await cli(dir, 'g.txt');
    expect(code).toBe(0);
    expect(stdout).toContain('↳ 修改建议：1016日 → 10月16日');
    expect(stdout).toContain('1 problem with a fix suggestion');
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const dir = workspace({ 'g.txt': GARBLED });
    expect((await cli(dir, 'g.txt', '--max-warnings', '1')).code).toBe(0);
    const { code, stderr } = await cli(dir, 'g.txt', '--max-warnings', '0');
    expect(code).toBe(1);
    expect(stderr).toContain('too many warnings (1; maximum: 0)');
  });

  it('--format json gives findings with line/column, fix and score', async () => {
    const dir = workspace({ 'g.txt': GARBLED });
    const { stdout } = await cli(dir, 'g.txt', '--format', 'json');
    const json = JSON.parse(stdout);
    const [finding] = json.results[0].findings;
    expect(finding).toMatchObject({
      ruleId: 'text/garbled-date',
      severity: 'warning',
      fix: { text: '10月16日' },
      quote: '1016日',
    });
    expect(finding.line).toBe(GARBLED.split('\n').findIndex((l) => l.includes('1016日')) + 1);
    expect(json.results[0].score.total).toBeGreaterThan(90);
    expect(json.warningCount).toBe(1);
  });

  it('--format sarif writes SARIF 2.1.0 with rules, regions and fixes', async () => {
    const dir = workspace({ 'g.txt': GARBLED, 'r.txt': RESIDUE });
    const { stdout } = await cli(dir, 'g.txt', 'r.txt', '--format', 'sarif');
    const sarif = JSON.parse(stdout);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toContain('text/template-residue');
    const results = run.results as {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: unknown[];
      fixes?: unknown[];
    }[];
    const garbled = results.find((r) => r.ruleId === 'text/garbled-date');
    expect(run.tool.driver.rules[garbled?.ruleIndex ?? -1].id).toBe('text/garbled-date');
    expect(garbled?.locations[0]).toMatchObject({
      physicalLocation: { artifactLocation: { uri: 'g.txt' }, region: { snippet: { text: '1016日' } } },
    });
    expect(garbled?.fixes).toHaveLength(1);
    expect(results.find((r) => r.ruleId === 'text/template-residue')?.level).toBe('error');
  });

  it('--format markdown summarizes scores and findings', async () => {
    const dir = workspace({ 'g.txt': GARBLED, 'r.txt': RESIDUE });
    const { stdout } = await cli(dir, 'g.txt', 'r.txt', '--format', 'markdown');
    expect(stdout).toMatch(/^# fazhi check\n\n2 份报告 · 1 个错误 · 1 个警告/u);
    expect(stdout).toContain('| Q11 文本规范 |');
    expect(stdout).toContain('`text/garbled-date`');
  });

  it('reads fazhi.config.json: rules, overrides and ignores', async () => {
    const dir = workspace({
      'fazhi.config.json': JSON.stringify({
        rules: { 'text/garbled-date': 'error' },
        overrides: [{ files: 'lenient/**', rules: { 'text/template-residue': 'off' } }],
        ignores: ['drafts/**'],
      }),
      'g.txt': GARBLED,
      'lenient/r.txt': RESIDUE,
      'drafts/r.txt': RESIDUE,
    });
    const { code, stdout, stderr } = await cli(
      dir,
      'g.txt',
      'lenient/r.txt',
      'drafts/r.txt',
      '--format',
      'json',
    );
    expect(code).toBe(1); // the garbled date is now an error
    const json = JSON.parse(stdout);
    expect(json.results.map((r: { source: string }) => r.source)).toEqual(['g.txt', 'lenient/r.txt']);
    expect(json.results[0].findings[0].severity).toBe('error');
    expect(json.results[1].findings).toEqual([]);
    expect(stderr).toContain('drafts/r.txt: ignored by');
  });

  it('--config names the file; a bad config exits 2 with its problems', async () => {
    const dir = workspace({
      'off.json': JSON.stringify({ rules: { 'text/template-residue': 'off' } }),
      'bad.json': JSON.stringify({ rules: { 'text/template-residu': 'off' } }),
      'r.txt': RESIDUE,
    });
    expect((await cli(dir, 'r.txt', '--config', 'off.json')).code).toBe(0);
    const bad = await cli(dir, 'r.txt', '--config', 'bad.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '/rules/text/template-residu: unknown rule (did you mean text/template-residue?)',
    );
  });

  it('--preset strict raises severities; --quiet keeps errors only', async () => {
    const dir = workspace({ 'g.txt': GARBLED });
    const strict = await cli(dir, 'g.txt', '--preset', 'strict', '--format', 'json');
    expect(JSON.parse(strict.stdout).results[0].findings[0].severity).toBe('error');
    expect(strict.code).toBe(1);
    const quiet = await cli(dir, 'g.txt', '--quiet');
    expect(quiet.stdout).not.toContain('garbled-date');
  });

  it('honours directives in TXT, and --no-inline-config ignores them', async () => {
    const text = RESIDUE.replace(
      '(十一)召开XX',
      'fazhi-disable-next-line text/template-residue -- 引用原文\n(十一)召开XX',
    );
    const dir = workspace({ 'r.txt': text });
    expect((await cli(dir, 'r.txt')).code).toBe(0);
    expect((await cli(dir, 'r.txt', '--no-inline-config')).code).toBe(1);
  });

  it('honours directives written as HTML comments', async () => {
    const paragraphs = RESIDUE.split('\n').map((l) =>
      l.includes('XX')
        ? `<!-- fazhi-disable-next-line text/template-residue -->\n<p>${l}</p>`
        : `<p>${l}</p>`,
    );
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>t</title></head><body>${paragraphs.join('\n')}</body></html>`;
    const dir = workspace({ 'r.html': html, 'plain.html': html.replace(/<!--[^>]*-->/gu, '') });
    const { code, stdout } = await cli(dir, 'r.html', 'plain.html', '--format', 'json');
    const json = JSON.parse(stdout);
    const residue = (i: number) =>
      json.results[i].findings.filter((f: { ruleId: string }) => f.ruleId === 'text/template-residue').length;
    expect(residue(0)).toBe(0);
    expect(residue(1)).toBe(1);
    expect(json.results[0].suppressedCount).toBe(1);
    expect(code).toBe(1);
  });

  it('anchors HTML directives in a GBK page', async () => {
    const paragraphs = RESIDUE.split('\n').map((l) =>
      l.includes('XX')
        ? `<!-- fazhi-disable-next-line text/template-residue -->\n<p>${l}</p>`
        : `<p>${l}</p>`,
    );
    const html = `<html><head><meta charset="gbk"><title>t</title></head><body>${paragraphs.join('\n')}</body></html>`;
    const dir = workspace({});
    writeFileSync(join(dir, 'gbk.html'), encodeGbk(html));
    const { code, stdout } = await cli(dir, 'gbk.html', '--format', 'json');
    expect(JSON.parse(stdout).results[0].suppressedCount).toBe(1);
    expect(code).toBe(0);
  });

  it('reports unreadable inputs and goes on', async () => {
    const dir = workspace({ 'empty.txt': '', 'ok.txt': reportText() });
    const out = memoryOutput();
    const code = await runCheck(
      [join(dir, 'empty.txt'), join(dir, 'ok.txt')],
      { format: 'json', cwd: dir },
      out,
    );
    expect(code).toBe(1);
    const json = JSON.parse(out.stdout);
    expect(json.results[0]).toMatchObject({ errorCode: 'empty' });
    expect(json.results[1].findings).toEqual([]);
    expect(json.failedCount).toBe(1);
  });
});
