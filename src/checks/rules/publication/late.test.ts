import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';
import { deadlineDate } from './late.js';

const RULE = 'publication/late';
const DEPARTMENT = {
  title: '某某县司法局2022年度法治政府建设情况报告',
  signature: '某某县司法局\n2023年3月10日',
};

describe(RULE, () => {
  it('does not fire on a report published before April 1', () => {
    expect(findingsOf(RULE, reportText({ header: '发布日期：2023-03-31' }))).toEqual([]);
  });

  it('fires as an error on a report published late, with the days', () => {
    const [f] = findingsOf(RULE, reportText({ header: '发布日期：2023-04-15' }));
    expect(f?.severity).toBe('error');
    expect(f?.messageId).toBe('late');
    expect(f?.message).toContain('逾期15天');
    expect(f?.expected).toBe('≤ 2023-03-31');
    expect(f?.actual).toBe('2023-04-15');
  });

  it('reports April 1 as borderline, one step lower', () => {
    const [f] = findingsOf(RULE, reportText({ header: '发布日期：2023-04-01' }));
    expect(f?.messageId).toBe('borderline');
    expect(f?.severity).toBe('warning');
  });

  it('does nothing without a publication date', () => {
    expect(findingsOf(RULE, reportText({ header: '' }))).toEqual([]);
  });

  it('checks the signing date of department reports against end of February', () => {
    const [f, ...rest] = findingsOf(RULE, reportText(DEPARTMENT));
    expect(rest).toEqual([]);
    expect(f?.messageId).toBe('lateSigned');
    expect(f?.severity).toBe('warning');
    expect(f?.expected).toBe('≤ 2023-02-28');
    // A government report signed in March is fine.
    expect(findingsOf(RULE, reportText({ signature: '某某县人民政府\n2023年3月10日' }))).toEqual([]);
  });

  it('takes deadlines by unit kind, level and province from the options', () => {
    const options = { deadlines: [{ publish: '03-31' }, { unitKind: 'department', sign: '03-15' }] };
    expect(findingsOf(RULE, reportText(DEPARTMENT), ['error', options])).toEqual([]);
    const late = findingsOf(RULE, reportText({ header: '发布日期：2023-03-20' }), [
      'error',
      { deadlines: [{ publish: '03-31' }, { unitKind: ['government'], publish: '03-15' }] },
    ]);
    expect(late.map((f) => f.actual)).toEqual(['2023-03-20']);
  });

  it('clamps 02-29 to the last day of February', () => {
    expect(deadlineDate(2023, '02-29')).toBe('2023-02-28');
    expect(deadlineDate(2024, '02-29')).toBe('2024-02-29');
  });
});
