/**
 * The rule model of `fazhi check`: a rule is metadata (id, category, default severity, Chinese and
 * English description, message templates, options and their JSON schema) plus a check over the
 * analyzed {@link Report} that emits {@link Finding}s with spans. Modelled on ESLint rules
 * (`meta` + `create(context)`), vfile-message (rule id, position, related locations) and textlint
 * (a pure kernel driven by a resolved options object).
 */
import type { Report } from '../core/analyze.js';
import type { Knowledge } from '../core/knowledge.js';
import type { Part, PartKind, Span } from '../core/types.js';
import type { Quantity } from '../figures/quantity.js';
import type { Labelling, OutlineAreas } from './areas.js';
import type { ConsistencyChecker, Inconsistency } from './consistency-source.js';
import type { Rubric } from './score.js';

export type Severity = 'error' | 'warning' | 'info';

/** Severities in ascending order; the index is the level. */
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

/** A second place a finding points at: the other operand of a sum, the part an embedded part lives in. */
export interface RelatedLocation {
  /** Another report, for corpus findings (copied text); absent for a place in the same report. */
  reportId?: string;
  span: Span;
  note: string;
}

/** An unambiguous repair: replace `text.slice(span.start, span.end)` by `text`. */
export interface Fix {
  span: Span;
  text: string;
}

/** What every check reports (architecture.md "A finding"). */
export interface Finding {
  /** Stable id, e.g. `figures/rate-mismatch`. */
  ruleId: string;
  severity: Severity;
  /** Which message template of the rule produced `message` (for tests and tools). */
  messageId: string;
  /** Chinese, from the rule's message template. */
  message: string;
  /** Offsets in `Report.text`. */
  span: Span;
  related?: RelatedLocation[];
  expected?: string;
  actual?: string;
  fix?: Fix;
  /** The values the message template was filled with. */
  data?: Record<string, string | number>;
  /**
   * How much of the defect this finding stands for, 0–1 (default 1): 3 of 10 纲要 areas missing
   * is 0.3. The score multiplies the rubric's cost by it.
   */
  extent?: number;
}

/** A minimal JSON Schema (the subset that {@link validate} in `schema.ts` understands). */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null' | JsonSchemaType[];
  description?: string;
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number | boolean | null)[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  examples?: unknown[];
  $ref?: string;
  $schema?: string;
  $id?: string;
  title?: string;
  $defs?: Record<string, JsonSchema>;
}
type JsonSchemaType = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean' | 'null';

export type RuleCategory =
  | 'structure'
  | 'publication'
  | 'title'
  | 'signature'
  | 'figures'
  | 'text'
  | 'content'
  | 'reuse';

export interface RuleMeta<O> {
  /** `category/name`; a stable contract (configs, ignores and the score refer to it). */
  id: string;
  category: RuleCategory;
  /** Severity under the `recommended` preset. */
  severity: Severity;
  /** Whether `recommended` turns the rule on (every rule is on under `strict`). */
  recommended: boolean;
  /** Severity under `strict`; default: one step above `severity`. */
  strict?: Severity;
  description: { zh: string; en: string };
  /** Where the rule is grounded (domain rule ids such as R-CONT-02). */
  basis?: string;
  /** Message templates; `{name}` is filled from the data of a report. */
  messages: Record<string, string>;
  defaultOptions: O;
  /** JSON Schema of the options object (it also goes into `fazhi.config.schema.json`). */
  schema: JsonSchema;
  /** Whether some findings carry a {@link Fix}. */
  fixable?: boolean;
}

/** What a rule passes to {@link RuleContext.emit}. */
export interface Emission {
  messageId: string;
  data?: Record<string, string | number>;
  span: Span;
  related?: RelatedLocation[];
  expected?: string;
  actual?: string;
  fix?: Fix;
  extent?: number;
  /**
   * The severity this particular finding would have under the rule's default severity, when it
   * differs: a less certain finding (a borderline date, a guessed denominator) is lower, a
   * province-specific breach higher. The configured severity moves all findings of a rule together.
   */
  severity?: Severity;
}

/** Data files the checks need besides {@link Knowledge}: loaded by `load.ts`. */
export interface CheckData {
  areas: OutlineAreas;
  rubric: Rubric;
  /** The §6 consistency checks over the figures (see `consistency-source.ts`); null to skip them. */
  consistency: ConsistencyChecker | null;
}

/**
 * A passage of the report that is a near-copy of a passage of another report, found by copy
 * detection over a corpus (src/reuse). Facts about the corpus, given to corpus rules.
 */
export interface CorpusReuse {
  /** Another unit's report, or the same unit's report of another year. */
  kind: 'cross-unit' | 'same-unit-other-year';
  span: Span;
  other: { reportId: string; span: Span; year: number | null; title: string | null };
  /** Share of the passage that aligns, 0–1. */
  similarity: number;
  /** Characters that align (after folding). */
  matchedChars: number;
}

/** What is known about a report from the corpus around it. */
export interface CorpusFacts {
  reuse: CorpusReuse[];
}

/** What a corpus rule sees: the corpus facts about one report, not its text. */
export interface CorpusRuleContext<O> {
  corpus: CorpusFacts;
  options: O;
  emit(emission: Emission): void;
}

export interface RuleContext<O> {
  report: Report;
  knowledge: Knowledge;
  data: CheckData;
  /** The rule's options: defaults merged with the configuration. */
  options: O;
  /** Work shared between rules, computed once per report. */
  shared: SharedAnalysis;
  emit(emission: Emission): void;
}

/** Lazily computed analyses that several rules and the score use. */
export interface SharedAnalysis {
  /** Sentence- and paragraph-level 纲要 area labels of the body. */
  labels(): Labelling;
  /** Results of the §6 consistency checks (empty when not wired). */
  inconsistencies(): Inconsistency[];
  /** Spans of the body text that belong to each part kind (merged parts split at the first plan cue). */
  partText(kind: PartKind): Span[];
  /** The kinds of a top-level part, without plans that are only a one-sentence closing promise. */
  partKinds(part: Part): PartKind[];
  /** Numeric facts (quantities with a counting unit) in the body outside plan-only parts. */
  numericFacts(): Quantity[];
}

/**
 * A rule checks one report (`check`), or, for a corpus rule, the facts the corpus gives about
 * it (`checkCorpus`: copied passages), which exist only where a corpus was analyzed.
 */
export type Rule<O = unknown> = ReportRule<O> | CorpusRule<O>;

export interface ReportRule<O = unknown> {
  meta: RuleMeta<O>;
  /** Method syntax on purpose: a `Rule<Options>` is then usable where a `Rule<unknown>` is expected. */
  check(context: RuleContext<O>): void;
  checkCorpus?: never;
}

export interface CorpusRule<O = unknown> {
  meta: RuleMeta<O>;
  checkCorpus(context: CorpusRuleContext<O>): void;
  check?: never;
}

/** Identity helper that keeps the options type of a rule. */
export function defineRule<O>(rule: ReportRule<O>): ReportRule<O> {
  return rule;
}

/** Identity helper for a corpus rule. */
export function defineCorpusRule<O>(rule: CorpusRule<O>): CorpusRule<O> {
  return rule;
}

/** Fill `{name}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) =>
    name in data ? String(data[name]) : whole,
  );
}

/** The severity of a finding under the configured severity of its rule (see {@link Emission.severity}). */
export function shiftSeverity(configured: Severity, ruleDefault: Severity, hint?: Severity): Severity {
  if (!hint) return configured;
  const level = SEVERITIES.indexOf(configured) + SEVERITIES.indexOf(hint) - SEVERITIES.indexOf(ruleDefault);
  return SEVERITIES[Math.max(0, Math.min(SEVERITIES.length - 1, level))] as Severity;
}
