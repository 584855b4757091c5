import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildConfigSchema } from './config.js';
import { validate } from './schema.js';

const SCHEMA_FILE = new URL('../../fazhi.config.schema.json', import.meta.url);

describe('validate', () => {
  it('reports types, enums, ranges, patterns and unknown properties with their path', () => {
    const schema = {
      type: 'object' as const,
      additionalProperties: false,
      required: ['a'],
      properties: {
        a: { type: 'integer' as const, minimum: 1 },
        b: { type: 'string' as const, enum: ['x', 'y'] },
        c: { type: 'array' as const, items: { type: 'string' as const, pattern: '^\\d{2}$' } },
      },
    };
    expect(validate({ a: 1, b: 'x', c: ['01'] }, schema)).toEqual([]);
    expect(validate({ a: 0, b: 'z', c: ['1'], d: true }, schema)).toEqual([
      '/a: must be ≥ 1',
      '/b: must be one of "x", "y"',
      '/c/0: must match ^\\d{2}$',
      '/d: unknown property',
    ]);
    expect(validate({}, schema)).toEqual(['/: missing property "a"']);
    expect(validate({ a: 1.5 }, schema)).toEqual(['/a: expected integer, got number']);
  });
});

describe('fazhi.config.schema.json', () => {
  it('is the schema the rules define (FAZHI_UPDATE_SCHEMA=1 rewrites it)', () => {
    const expected = buildConfigSchema();
    if (process.env.FAZHI_UPDATE_SCHEMA) writeFileSync(SCHEMA_FILE, `${JSON.stringify(expected, null, 2)}\n`);
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(expected);
  });
});
