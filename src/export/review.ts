/**
 * The review document (审阅意见) of one or more reports: what a rule-of-law office sends back to
 * the units it reviews. For each report its identity, score by dimension, the findings with the
 * text they point at, and the figures it states; before them, a summary row per report. Pure:
 * `review-docx.ts` renders it as Word, tests read the model.
 */

import type { ContractReport } from '../output/contract.js';
import type { Labels } from '../server/api-types.js';

export interface ReviewInput {
  reading: ContractReport;
  /** The normalized text the reading's spans point into. */
  text: string;
  /** The report's id in the store, when it has one. */
  id?: string;
}

export interface ReviewFinding {
  severity: string;
  /** 错误 / 警告 / 提示 */
  severityLabel: string;
  ruleId: string;
  message: string;
  /** The text the finding points at (clipped), or null when it points at no text. */
  quote: string | null;
  /** The repair the rule proposes: replace the quote by this. */
  fix: string | null;
}

export interface ReviewSection {
  heading: string;
  /** Label–value lines: 单位, 行政区划, 年度, dates, source. */
  facts: [string, string][];
  score: { total: number; rows: { name: string; points: number; weight: number; lost: string }[] } | null;
  counts: { error: number; warning: number; info: number };
  findings: ReviewFinding[];
  figures: { name: string; value: string; quote: string }[];
}

export interface Review {
  title: string;
  /** One row per report, in the order of the sections. */
  summary: { unit: string; year: string; score: string; error: number; warning: number; info: number }[];
  sections: ReviewSection[];
}

/** Longest quote printed for a finding; longer spans are cut with an ellipsis. */
const QUOTE_CHARS = 120;
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };
const APPROX: Record<string, string> = { over: '余', under: '近', about: '约' };

function quoteOf(text: string, start: number, end: number): string | null {
  if (end <= start || start < 0 || end > text.length) return null;
  const s = text
    .slice(start, Math.min(end, start + QUOTE_CHARS))
    .replace(/\s+/gu, ' ')
    .trim();
  if (!s) return null;
  return end - start > QUOTE_CHARS ? `${s}…` : s;
}

function formatValue(value: number, unit: string, approx: string | null): string {
  // As reports write numbers: no thousands separators.
  const n = String(value);
  const q = approx ? APPROX[approx] : undefined;
  // 余 follows the number, 近 and 约 precede it.
  if (q === '余') return `${n}余${unit}`;
  return `${q ?? ''}${n}${unit}`;
}

function unitName(r: ContractReport): string {
  return r.meta.issuer ?? r.meta.jurisdiction?.name ?? r.meta.title ?? r.source;
}

/** Labels and the names looked up in them, made once per review. */
interface Names {
  labels: Labels;
  rules: Map<string, string>;
  indicators: Map<string, string>;
}

function section(input: ReviewInput, names: Names, index: number): ReviewSection {
  const { reading: r, text } = input;
  const { labels, rules: ruleNames, indicators: indicatorNames } = names;
  const m = r.meta;
  const facts: [string, string][] = [];
  if (m.issuer) facts.push(['报告单位', `${m.issuer}（${labels.unitKinds[m.unitKind] ?? m.unitKind}）`]);
  if (m.jurisdiction) {
    const level = m.jurisdiction.level ? (labels.levels[m.jurisdiction.level] ?? m.jurisdiction.level) : '';
    facts.push([
      '行政区划',
      `${m.jurisdiction.name}（${m.jurisdiction.code ?? '代码未知'}${level ? `，${level}` : ''}）`,
    ]);
  }
  facts.push(['报告年度', m.year !== null ? `${m.year}年度` : '未能识别']);
  facts.push(['发布日期', m.published ?? '文中未见']);
  facts.push(['成文日期', m.signed ?? '文中未见']);
  facts.push(['来源文件', input.id ? `${r.source}（编号 ${input.id}）` : r.source]);

  const findings = (r.findings ?? [])
    .map(
      (f): ReviewFinding => ({
        severity: f.severity,
        severityLabel: labels.severities[f.severity] ?? f.severity,
        ruleId: f.ruleId,
        message: f.message,
        quote: quoteOf(text, f.span.start, f.span.end),
        fix: f.fix ? f.fix.text : null,
      }),
    )
    .sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.severity in counts) counts[f.severity as keyof typeof counts]++;

  const score = r.score
    ? {
        total: r.score.total,
        rows: r.score.dimensions.map((d) => ({
          name: d.name,
          points: d.points,
          weight: d.weight,
          lost: !d.applicable
            ? (d.note ?? '不适用')
            : d.deductions.length === 0
              ? ''
              : d.deductions.map((x) => `${ruleNames.get(x.ruleId) ?? x.ruleId}（−${x.points}）`).join('；'),
        })),
      }
    : null;

  return {
    heading: `${index + 1}. ${m.title ?? unitName(r)}`,
    facts,
    score,
    counts,
    findings,
    figures: r.indicators.map((f) => ({
      name: indicatorNames.get(f.key) ?? f.key,
      value: formatValue(f.value, f.unit, f.approx),
      quote: f.quote,
    })),
  };
}

export function buildReview(inputs: ReviewInput[], labels: Labels): Review {
  const names: Names = {
    labels,
    rules: new Map(labels.rules.map((x) => [x.id, x.name])),
    indicators: new Map(labels.indicators.map((x) => [x.key, x.name])),
  };
  const sections = inputs.map((input, i) => section(input, names, i));
  return {
    title:
      inputs.length === 1
        ? '法治政府建设年度报告审阅意见'
        : `法治政府建设年度报告审阅意见（${inputs.length} 篇）`,
    summary: inputs.map((input, i) => {
      const r = input.reading;
      const s = sections[i] as ReviewSection;
      return {
        unit: unitName(r),
        year: r.meta.year !== null ? String(r.meta.year) : '—',
        score: s.score ? s.score.total.toFixed(1) : '—',
        ...s.counts,
      };
    }),
    sections,
  };
}
