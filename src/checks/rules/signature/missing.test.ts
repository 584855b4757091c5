import { describe, expect, it } from 'vitest';
import { findingsOf, reportText } from '../../testing/fixtures.js';

const RULE = 'signature/missing';

describe(RULE, () => {
  it('does not fire on a signed and dated report', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('fires when the report ends without a signature', () => {
    const text = reportText({ signature: '' });
    const [f] = findingsOf(RULE, text);
    expect(f?.messageId).toBe('none');
    expect(f?.severity).toBe('info');
    expect(text.slice(f?.span.start, f?.span.end)).toMatch(/^一是在6月底前/u);
  });

  it('fires when the signature has no date', () => {
    const found = findingsOf(RULE, reportText({ signature: '某某县人民政府' }));
    expect(found.map((f) => f.messageId)).toEqual(['noDate']);
  });
});
