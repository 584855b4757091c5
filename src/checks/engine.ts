/**
 * The rule engine: runs every rule that the resolved configuration turns on over one analyzed
 * report, applies inline directives, and scores the result. Pure and synchronous: the report, the
 * knowledge, the rule data and the configuration are all passed in.
 */
import type { Report } from '../core/analyze.js';
import type { Knowledge } from '../core/knowledge.js';
import type { Span } from '../core/types.js';
import type { Labelling } from './areas.js';
import type { ResolvedConfig } from './config.js';
import {
  type Directive,
  type DirectiveProblem,
  insideDirective,
  parseDirectives,
  silencedBy,
} from './directives.js';
import { computeFeatures, createShared, type Features } from './features.js';
import { RULES } from './rules/index.js';
import { computeScore, type Score, type ScoredFinding } from './score.js';
import {
  type CheckData,
  type CorpusFacts,
  type Emission,
  type Finding,
  formatMessage,
  type Rule,
  type RuleMeta,
  type Severity,
  shiftSeverity,
} from './types.js';

/** Findings the engine itself reports (not rules): problems with directives. */
export const DIRECTIVE_RULE_ID = 'fazhi/directive';

export interface RunOptions {
  /** Directives found outside `Report.text` (HTML comments, see `htmlDirectives`). */
  directives?: Directive[];
  directiveProblems?: DirectiveProblem[];
  /** The rules to choose from (default: all registered rules). */
  rules?: readonly Rule[];
  /** Facts from the corpus around the report (copy detection); corpus rules need them. */
  corpus?: CorpusFacts;
}

export interface CheckResult {
  /** Reported findings, in text order. */
  findings: Finding[];
  /** Findings silenced by inline directives (not counted by the score). */
  suppressed: Finding[];
  score: Score;
  /** Paragraph- and sentence-level 纲要 area labels. */
  labels: Labelling;
  features: Features;
  /** Rules that threw (a bug; the other rules still ran). */
  errors: { ruleId: string; message: string }[];
}

interface RawFinding {
  finding: Finding;
  baseSeverity: Severity;
}

/** The `emit` of a rule: fills its message template and applies the configured severity. */
function emitter(
  meta: RuleMeta<unknown>,
  setting: { severity: Severity },
  out: RawFinding[],
): (e: Emission) => void {
  return (e) => {
    const template = meta.messages[e.messageId];
    if (template === undefined) throw new Error(`${meta.id}: no message ${e.messageId}`);
    const finding: Finding = {
      ruleId: meta.id,
      severity: shiftSeverity(setting.severity, meta.severity, e.severity),
      messageId: e.messageId,
      message: formatMessage(template, e.data),
      span: e.span,
    };
    if (e.related?.length) finding.related = e.related;
    if (e.expected !== undefined) finding.expected = e.expected;
    if (e.actual !== undefined) finding.actual = e.actual;
    if (e.fix) finding.fix = e.fix;
    if (e.data) finding.data = e.data;
    if (e.extent !== undefined) finding.extent = Math.max(0, Math.min(1, e.extent));
    out.push({ finding, baseSeverity: e.severity ?? meta.severity });
  };
}

/**
 * The findings of the corpus rules alone, for a report already checked without its corpus (the
 * store adds them after copy detection; see `rescoreWith` in score.ts for the score).
 */
export function runCorpusRules(
  corpus: CorpusFacts,
  config: ResolvedConfig,
  rules: readonly Rule[] = RULES,
): { findings: RawFinding[]; errors: CheckResult['errors'] } {
  const out: RawFinding[] = [];
  const errors: CheckResult['errors'] = [];
  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (!setting || !rule.checkCorpus) continue;
    try {
      rule.checkCorpus({ corpus, options: setting.options, emit: emitter(rule.meta, setting, out) });
    } catch (error) {
      errors.push({ ruleId: rule.meta.id, message: (error as Error).message });
    }
  }
  out.sort((a, b) => byPosition(a.finding, b.finding));
  return { findings: out, errors };
}

function byPosition(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId);
}

/**
 * Run the configured rules over a report.
 *
 * @example
 * const result = runChecks(report, knowledge, resolveConfig(), loadCheckData());
 * result.findings[0]; // { ruleId: 'text/garbled-date', severity: 'warning', message: '…', span, fix }
 */
export function runChecks(
  report: Report,
  knowledge: Knowledge,
  config: ResolvedConfig,
  data: CheckData,
  options: RunOptions = {},
): CheckResult {
  const rules = options.rules ?? RULES;
  const shared = createShared(report, knowledge, data);
  const raw: RawFinding[] = [];
  const errors: CheckResult['errors'] = [];

  for (const rule of rules) {
    const setting = config.rules[rule.meta.id];
    if (!setting) continue;
    const emit = emitter(rule.meta, setting, raw);
    try {
      if (rule.check) {
        rule.check({ report, knowledge, data, options: setting.options, shared, emit });
      } else if (options.corpus) {
        rule.checkCorpus({ corpus: options.corpus, options: setting.options, emit });
      }
    } catch (error) {
      errors.push({ ruleId: rule.meta.id, message: (error as Error).message });
    }
  }

  // Inline directives.
  const directives = [
    ...(config.noInlineConfig ? [] : parseDirectives(report.text)),
    ...(options.directives ?? []),
  ];
  const used = new Set<Directive>();
  const kept: typeof raw = [];
  const suppressed: Finding[] = [];
  for (const r of raw) {
    if (insideDirective(r.finding.span, directives)) continue;
    const by = config.noInlineConfig ? null : silencedBy(r.finding, directives);
    if (by) {
      used.add(by);
      suppressed.push(r.finding);
    } else kept.push(r);
  }
  if (!config.noInlineConfig)
    kept.push(...directiveFindings(report, directives, used, config, rules, options));

  kept.sort((a, b) => byPosition(a.finding, b.finding));
  const findings = kept.map((k) => k.finding);
  const scored: ScoredFinding[] = kept.map((k, index) => ({
    finding: k.finding,
    index,
    baseSeverity: k.baseSeverity,
  }));
  const hasBody = report.body.end - report.body.start > 0;
  const score = computeScore(scored, data.rubric, {
    published:
      report.meta.published !== null ||
      (report.meta.unitKind === 'department' && report.meta.signed !== null),
    year: report.meta.year !== null,
    body: hasBody,
  });
  return {
    findings,
    suppressed: suppressed.sort(byPosition),
    score,
    labels: shared.labels(),
    features: computeFeatures(report, shared, data),
    errors,
  };
}

const DIRECTIVE_MESSAGES = {
  unknownRule: '注释指令中的规则“{rule}”不存在',
  unused: '注释指令“{directive}”没有屏蔽任何问题',
  unanchored: '无法定位 HTML 注释指令“{directive}”：{reason}',
} as const;

function directiveFindings(
  report: Report,
  directives: Directive[],
  used: Set<Directive>,
  config: ResolvedConfig,
  rules: readonly Rule[],
  options: RunOptions,
): { finding: Finding; baseSeverity: Severity }[] {
  const out: { finding: Finding; baseSeverity: Severity }[] = [];
  const known = new Set(rules.map((r) => r.meta.id));
  const at = (d: Directive): Span => d.span ?? d.target;
  const push = (
    messageId: keyof typeof DIRECTIVE_MESSAGES,
    span: Span,
    data: Record<string, string>,
  ): void => {
    out.push({
      finding: {
        ruleId: DIRECTIVE_RULE_ID,
        severity: 'warning',
        messageId,
        message: formatMessage(DIRECTIVE_MESSAGES[messageId], data),
        span,
        data,
      },
      baseSeverity: 'warning',
    });
  };
  for (const d of directives) {
    for (const id of d.rules ?? []) if (!known.has(id)) push('unknownRule', at(d), { rule: id });
    if (config.reportUnusedDirectives && d.kind !== 'enable' && !used.has(d)) {
      push('unused', at(d), { directive: d.raw });
    }
  }
  for (const p of options.directiveProblems ?? []) {
    push(
      'unanchored',
      { start: report.body.start, end: report.body.start },
      { directive: p.raw, reason: p.message },
    );
  }
  return out;
}
