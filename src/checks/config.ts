/**
 * Configuration of the checks, as written in `fazhi.config.json` ({@link UserConfig}) and as the
 * engine takes it ({@link ResolvedConfig}: one severity and one options object per rule that is
 * on). Pure: reading the file is `config-load.ts`.
 *
 * Resolution order (later wins): preset (`extends`, or `--preset`) → `rules` → every matching
 * `overrides[]` entry in order.
 */
import { matchesAny } from './glob.js';
import { RULES } from './rules/index.js';
import { validate } from './schema.js';
import type { JsonSchema, Rule, Severity } from './types.js';

export type PresetName = 'recommended' | 'strict';
export const PRESETS: readonly PresetName[] = ['recommended', 'strict'];

/** How a rule is set in a config: a severity, or a severity and options (ESLint style). */
export type SeverityName = 'off' | Severity | 'warn';
export type RuleSetting = SeverityName | [SeverityName] | [SeverityName, Record<string, unknown>];

export interface ConfigOverride {
  /** Globs of the files this entry applies to (relative to the config file's directory). */
  files: string | string[];
  /** Globs of files to leave out even when `files` matches. */
  excludeFiles?: string | string[];
  rules: Record<string, RuleSetting>;
}

/** The contents of `fazhi.config.json`. */
export interface UserConfig {
  $schema?: string;
  extends?: PresetName;
  rules?: Record<string, RuleSetting>;
  overrides?: ConfigOverride[];
  /** Globs of files `fazhi check` skips altogether. */
  ignores?: string[];
  /** Ignore `fazhi-disable…` directives written in reports. */
  noInlineConfig?: boolean;
  /** Report directives that suppressed nothing (as warnings of `fazhi/unused-directive`). */
  reportUnusedDirectives?: boolean;
}

export interface ResolvedRule {
  severity: Severity;
  options: Record<string, unknown>;
}

/** What the engine takes: every rule that is on, with its severity and full options. */
export interface ResolvedConfig {
  rules: Record<string, ResolvedRule>;
  noInlineConfig: boolean;
  reportUnusedDirectives: boolean;
}

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super(problems.length ? `${message}:\n  ${problems.join('\n  ')}` : message);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function raise(severity: Severity): Severity {
  return severity === 'info' ? 'warning' : 'error';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Objects merge key by key; anything else (arrays included) replaces. */
export function mergeOptions(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeOptions(base[k], v);
  return out;
}

function severityOf(name: SeverityName): Severity | 'off' {
  return name === 'warn' ? 'warning' : name;
}

/** The preset's setting of every rule. */
export function presetRules(
  preset: PresetName,
  rules: readonly Rule[] = RULES,
): Record<string, ResolvedRule> {
  const out: Record<string, ResolvedRule> = {};
  for (const rule of rules) {
    const { meta } = rule;
    if (preset === 'recommended' && !meta.recommended) continue;
    const severity = preset === 'strict' ? (meta.strict ?? raise(meta.severity)) : meta.severity;
    out[meta.id] = { severity, options: structuredClone(meta.defaultOptions) as Record<string, unknown> };
  }
  return out;
}

function applySettings(
  target: Record<string, ResolvedRule>,
  settings: Record<string, RuleSetting>,
  rules: readonly Rule[],
): void {
  for (const [id, setting] of Object.entries(settings)) {
    const rule = rules.find((r) => r.meta.id === id);
    if (!rule) continue; // validation reports unknown ids
    const [name, options] = Array.isArray(setting) ? setting : [setting, undefined];
    const severity = severityOf(name);
    if (severity === 'off') {
      delete target[id];
      continue;
    }
    const base =
      target[id]?.options ?? (structuredClone(rule.meta.defaultOptions) as Record<string, unknown>);
    target[id] = {
      severity,
      options: (options === undefined ? base : mergeOptions(base, options)) as Record<string, unknown>,
    };
  }
}

export interface ResolveOptions {
  /** Path of the checked file relative to the config's directory, for `overrides`. */
  file?: string;
  /** A preset that replaces the config's `extends` (the `--preset` flag). */
  preset?: PresetName;
  rules?: readonly Rule[];
}

/**
 * Resolve a config for one file.
 *
 * @example
 * resolveConfig({ rules: { 'content/data-density': ['warning', { min: 2 }] } }).rules['content/data-density']
 * // → { severity: 'warning', options: { min: 2, … } }
 */
export function resolveConfig(user: UserConfig = {}, options: ResolveOptions = {}): ResolvedConfig {
  const rules = options.rules ?? RULES;
  const resolved = presetRules(options.preset ?? user.extends ?? 'recommended', rules);
  applySettings(resolved, user.rules ?? {}, rules);
  if (options.file !== undefined) {
    for (const o of user.overrides ?? []) {
      const files = Array.isArray(o.files) ? o.files : [o.files];
      const excluded = o.excludeFiles === undefined ? [] : [o.excludeFiles].flat();
      if (matchesAny(options.file, files) && !matchesAny(options.file, excluded)) {
        applySettings(resolved, o.rules, rules);
      }
    }
  }
  return {
    rules: resolved,
    noInlineConfig: user.noInlineConfig ?? false,
    reportUnusedDirectives: user.reportUnusedDirectives ?? false,
  };
}

/** Whether `fazhi check` skips `file` (relative to the config's directory). */
export function isIgnored(user: UserConfig, file: string): boolean {
  return matchesAny(file, user.ignores ?? []);
}

const SEVERITY_SCHEMA: JsonSchema = {
  type: 'string',
  enum: ['off', 'info', 'warning', 'warn', 'error'],
  description: 'off, info, warning (or warn), error',
};

function ruleSettingSchema(rule: Rule): JsonSchema {
  return {
    description: `${rule.meta.description.zh} — ${rule.meta.description.en} (default: ${rule.meta.recommended ? rule.meta.severity : 'off'})`,
    oneOf: [
      { $ref: '#/$defs/severity' },
      { type: 'array', items: { $ref: '#/$defs/severity' }, minItems: 1, maxItems: 1 },
      {
        type: 'array',
        minItems: 2,
        maxItems: 2,
        items: { anyOf: [{ $ref: '#/$defs/severity' }, rule.meta.schema] },
      },
    ],
  };
}

/** The JSON Schema of `fazhi.config.json` (written to `fazhi.config.schema.json`). */
export function buildConfigSchema(rules: readonly Rule[] = RULES): JsonSchema {
  const ruleProps: Record<string, JsonSchema> = {};
  for (const rule of rules) ruleProps[rule.meta.id] = ruleSettingSchema(rule);
  const rulesSchema: JsonSchema = {
    type: 'object',
    description: 'Rule id → severity, or [severity, options].',
    properties: ruleProps,
    additionalProperties: false,
  };
  const globs: JsonSchema = {
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
  };
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/fazhi/fazhi/fazhi.config.schema.json',
    title: 'fazhi check configuration (fazhi.config.json)',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      extends: {
        type: 'string',
        enum: [...PRESETS],
        description: 'Preset the rules start from (default: recommended).',
      },
      rules: { $ref: '#/$defs/rules' },
      overrides: {
        type: 'array',
        description: 'Settings for some files only, applied in order after `rules`.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['files', 'rules'],
          properties: {
            files: { ...globs, description: 'Globs relative to the directory of the config file.' },
            excludeFiles: globs,
            rules: { $ref: '#/$defs/rules' },
          },
        },
      },
      ignores: {
        type: 'array',
        items: { type: 'string' },
        description: 'Globs of files `fazhi check` skips.',
      },
      noInlineConfig: {
        type: 'boolean',
        description: 'Ignore fazhi-disable directives written in reports.',
      },
      reportUnusedDirectives: {
        type: 'boolean',
        description: 'Warn about fazhi-disable directives that suppressed nothing.',
      },
    },
    $defs: { severity: SEVERITY_SCHEMA, rules: rulesSchema },
  };
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost));
    }
    prev = row;
  }
  return prev[b.length] as number;
}

/**
 * Problems of a parsed config file (schema, unknown rule ids, bad options); empty when valid.
 * Options are checked against the rule's own schema so the message names the rule.
 */
export function validateConfig(value: unknown, rules: readonly Rule[] = RULES): string[] {
  if (!isPlainObject(value)) return ['/: the config must be a JSON object'];
  const problems: string[] = [];
  const known = new Set(rules.map((r) => r.meta.id));
  const checkRules = (settings: unknown, path: string): void => {
    if (!isPlainObject(settings)) return;
    for (const [id, setting] of Object.entries(settings)) {
      if (!known.has(id)) {
        const near = [...known].filter(
          (k) => editDistance(k, id) <= 3 || k.split('/')[1] === id.split('/')[1],
        );
        problems.push(
          `${path}/${id}: unknown rule${near.length ? ` (did you mean ${near.join(', ')}?)` : ''}`,
        );
        continue;
      }
      const rule = rules.find((r) => r.meta.id === id) as Rule;
      const [name, options] = Array.isArray(setting) ? setting : [setting, undefined];
      problems.push(...validate(name, SEVERITY_SCHEMA, `${path}/${id}${Array.isArray(setting) ? '/0' : ''}`));
      if (Array.isArray(setting) && (setting.length < 1 || setting.length > 2)) {
        problems.push(`${path}/${id}: expected [severity] or [severity, options]`);
      }
      if (options !== undefined) problems.push(...validate(options, rule.meta.schema, `${path}/${id}/1`));
    }
  };
  const shape = buildConfigSchema(rules);
  // The shape without the per-rule parts, then the rules with rule-specific messages.
  const { rules: _rules, overrides: _overrides, ...topProps } = shape.properties ?? {};
  const { rules: rulesValue, overrides: overridesValue, ...rest } = value;
  problems.push(...validate(rest, { ...shape, properties: topProps }));
  checkRules(rulesValue, '/rules');
  if (rulesValue !== undefined && !isPlainObject(rulesValue)) problems.push('/rules: expected object');
  if (overridesValue !== undefined) {
    if (!Array.isArray(overridesValue)) problems.push('/overrides: expected array');
    else {
      const overrideSchema = (shape.properties?.overrides?.items ?? {}) as JsonSchema;
      const { rules: _or, ...props } = overrideSchema.properties ?? {};
      overridesValue.forEach((o: unknown, i) => {
        if (!isPlainObject(o)) {
          problems.push(`/overrides/${i}: expected object`);
          return;
        }
        const { rules: overrideRules, ...others } = o;
        problems.push(
          ...validate(
            others,
            { ...overrideSchema, properties: props, required: ['files'] },
            `/overrides/${i}`,
            shape,
          ),
        );
        if (overrideRules === undefined) problems.push(`/overrides/${i}: missing property "rules"`);
        else if (!isPlainObject(overrideRules)) problems.push(`/overrides/${i}/rules: expected object`);
        checkRules(overrideRules, `/overrides/${i}/rules`);
      });
    }
  }
  return problems;
}
