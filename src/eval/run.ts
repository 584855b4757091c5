/** Adapter: run the analyzer over the reports a gold directory describes and score them. */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Knowledge } from '../core/knowledge.js';
import { loadKnowledge } from '../knowledge/load.js';
import { toContract } from '../output/contract.js';
import { analyzeFile } from '../pipeline.js';
import { type GoldReading, type ReportScore, scoreReport, type Totals, totals } from './score.js';

export interface EvalOptions {
  /** Directory of the reports; default: the gold file's `source` resolved against the gold set's root (GOLD_DIR/../..). */
  corpus?: string;
  knowledge?: Knowledge;
}

export interface EvalResult {
  scores: ReportScore[];
  totals: Totals;
  /** Gold files whose report could not be found or read. */
  errors: { gold: string; error: string }[];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Where the report of a gold reading is. */
async function reportPath(goldDir: string, gold: GoldReading, corpus?: string): Promise<string> {
  if (corpus) return join(corpus, basename(gold.source));
  const fromRoot = resolve(goldDir, '..', '..', gold.source);
  if (await exists(fromRoot)) return fromRoot;
  return resolve(goldDir, basename(gold.source));
}

export async function evaluateGold(goldDir: string, options: EvalOptions = {}): Promise<EvalResult> {
  const knowledge = options.knowledge ?? loadKnowledge();
  // A generated corpus keeps gold readings as <name>.gold.json beside other JSON (defects).
  const all = (await readdir(goldDir)).filter((f) => f.endsWith('.json')).sort();
  const files = all.some((f) => f.endsWith('.gold.json')) ? all.filter((f) => f.endsWith('.gold.json')) : all;
  const scores: ReportScore[] = [];
  const errors: EvalResult['errors'] = [];
  for (const file of files) {
    const gold = JSON.parse(await readFile(join(goldDir, file), 'utf8')) as GoldReading;
    try {
      const path = await reportPath(goldDir, gold, options.corpus);
      const analyzed = await analyzeFile(path, { knowledge, force: true });
      const predicted = toContract(gold.source, analyzed) as unknown as GoldReading;
      scores.push(scoreReport(gold, predicted));
    } catch (error) {
      errors.push({ gold: file, error: (error as Error).message });
    }
  }
  // Indicators are reported per 纲要 area, as the catalogue assigns them.
  const areaOf = (key: string): string => knowledge.catalogue.indicators.get(key)?.area ?? 'unknown';
  return { scores, totals: totals(scores, areaOf), errors };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A plain-text report of an evaluation, misses listed. */
export function formatEval(result: EvalResult): string {
  const t = result.totals;
  const lines: string[] = [
    `reports: ${t.reports}${result.errors.length ? `, ${result.errors.length} unreadable` : ''}`,
  ];
  lines.push(`metadata accuracy: ${pct(t.metaOverall)}`);
  for (const [field, acc] of Object.entries(t.metaAccuracy)) lines.push(`  ${field.padEnd(20)} ${pct(acc)}`);
  lines.push(`part recall: ${pct(t.partRecall)}   spurious part kinds: ${t.spuriousParts}`);
  lines.push(
    `indicators: precision ${pct(t.indicatorPrecision)}  recall ${pct(t.indicatorRecall)}  F1 ${pct(t.indicatorF1)}`,
  );
  for (const [group, g] of Object.entries(t.indicatorsByGroup)) {
    lines.push(
      `  ${group.padEnd(22)} P ${pct(g.precision).padStart(6)}  R ${pct(g.recall).padStart(6)}  (gold ${g.gold}, predicted ${g.predicted})`,
    );
  }
  for (const s of result.scores) {
    const bad = s.meta.filter((m) => !m.ok);
    if (
      bad.length === 0 &&
      s.parts.missed.length === 0 &&
      s.parts.spurious.length === 0 &&
      !s.indicators.missed.length &&
      !s.indicators.spurious.length
    )
      continue;
    lines.push(`\n${s.source}`);
    for (const m of bad)
      lines.push(`  meta ${m.field}: gold ${JSON.stringify(m.gold)}, got ${JSON.stringify(m.predicted)}`);
    if (s.parts.missed.length) lines.push(`  parts missed: ${s.parts.missed.join(', ')}`);
    if (s.parts.spurious.length) lines.push(`  parts spurious: ${s.parts.spurious.join(', ')}`);
    for (const m of s.indicators.missed) lines.push(`  missed   ${m.key} = ${m.value}  「${m.quote ?? ''}」`);
    for (const m of s.indicators.spurious)
      lines.push(`  spurious ${m.key} = ${m.value}  「${m.quote ?? ''}」`);
  }
  for (const e of result.errors) lines.push(`error ${e.gold}: ${e.error}`);
  return lines.join('\n');
}
