/**
 * A small JSON Schema validator for the subset the configuration uses (type, properties,
 * additionalProperties, required, items, enum, minimum/maximum, minItems/maxItems, pattern, oneOf,
 * anyOf, local `$ref`). Enough to give precise messages for a hand-written config file without a
 * dependency.
 */
import type { JsonSchema } from './types.js';

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

function resolveRef(ref: string, root: JsonSchema): JsonSchema {
  const m = /^#\/\$defs\/(.+)$/u.exec(ref);
  const target = m ? root.$defs?.[m[1] as string] : undefined;
  if (!target) throw new Error(`unresolvable $ref ${ref}`);
  return target;
}

/**
 * Problems of `value` against `schema`, each as `path: what is wrong`; empty when valid.
 *
 * @example validate({ a: 1 }, { type: 'object', additionalProperties: false }) // ['/a: unknown property']
 */
export function validate(value: unknown, schema: JsonSchema, path = '', root: JsonSchema = schema): string[] {
  if (schema.$ref) return validate(value, resolveRef(schema.$ref, root), path, root);
  const at = path || '/';
  if (schema.oneOf || schema.anyOf) {
    const options = (schema.oneOf ?? schema.anyOf) as JsonSchema[];
    const results = options.map((s) => validate(value, s, path, root));
    const passing = results.filter((r) => r.length === 0).length;
    if (passing === 0) {
      // Report the branch that got furthest (fewest problems), else a summary.
      const best = results.reduce((a, b) => (b.length < a.length ? b : a));
      return best.length > 0 ? best : [`${at}: does not match any allowed form`];
    }
    if (schema.oneOf && passing > 1) return [`${at}: matches more than one allowed form`];
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    if (!types.some((t) => typeMatches(value, t))) {
      return [`${at}: expected ${types.join(' or ')}, got ${typeOf(value)}`];
    }
  }
  const problems: string[] = [];
  if (schema.enum && !schema.enum.some((e) => e === value)) {
    problems.push(`${at}: must be one of ${schema.enum.map((e) => JSON.stringify(e)).join(', ')}`);
  }
  if (typeof value === 'number') {
    if (schema.minimum !== undefined && value < schema.minimum)
      problems.push(`${at}: must be ≥ ${schema.minimum}`);
    if (schema.maximum !== undefined && value > schema.maximum)
      problems.push(`${at}: must be ≤ ${schema.maximum}`);
  }
  if (typeof value === 'string' && schema.pattern && !new RegExp(schema.pattern, 'u').test(value)) {
    problems.push(`${at}: must match ${schema.pattern}`);
  }
  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) {
      problems.push(`${at}: needs at least ${schema.minItems} item(s)`);
    }
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      problems.push(`${at}: allows at most ${schema.maxItems} item(s)`);
    }
    if (schema.items) {
      value.forEach((item, i) => {
        problems.push(...validate(item, schema.items as JsonSchema, `${path}/${i}`, root));
      });
    }
  }
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of schema.required ?? []) {
      if (!(key in obj)) problems.push(`${at}: missing property "${key}"`);
    }
    for (const [key, v] of Object.entries(obj)) {
      const child = `${path}/${key}`;
      const prop = schema.properties?.[key];
      if (prop) problems.push(...validate(v, prop, child, root));
      else if (schema.additionalProperties === false) problems.push(`${child}: unknown property`);
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...validate(v, schema.additionalProperties, child, root));
      }
    }
  }
  return problems;
}
