import { describe, expect, it } from 'vitest';
import { benchReuse, formatReuseBench } from './bench.js';

describe('benchReuse', () => {
  it('signs, indexes and queries a small synthetic corpus and reports what it measured', () => {
    const r = benchReuse(12);
    expect(r.reports).toBe(12);
    expect(r.units).toBeGreaterThan(100);
    expect(r.paragraphsPerSecond).toBeGreaterThan(0);
    expect(r.indexAndQuerySeconds).toBeCloseTo(r.indexSeconds + r.querySeconds);
    expect(formatReuseBench(r)[0]).toContain('12 reports');
  });
});
