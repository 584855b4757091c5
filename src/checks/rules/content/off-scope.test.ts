import { describe, expect, it } from 'vitest';
import { findingsOf, MEASURES, reportText } from '../../testing/fixtures.js';

const RULE = 'content/off-scope';
const OFF = [
  '(十一)维护社会稳定。公安机关深入开展扫黑除恶专项斗争，破获刑事案件320起，抓获犯罪嫌疑人150人。',
  '(十二)打击电信网络诈骗。侦办电诈案件45起，刑事拘留60人，劝返滞留境外人员30人。',
  '(十三)司法工作。县法院受理各类案件5200件，审结4900件，结案率94.2%。县检察院提起公诉280人。',
  '(十四)经济发展。全年实现地区生产总值520亿元，固定资产投资增长8.5%。',
].join('\n');

describe(RULE, () => {
  it('does not fire on a report about government work', () => {
    expect(findingsOf(RULE, reportText())).toEqual([]);
  });

  it('does not count law names as off-scope', () => {
    const text = reportText({
      measures: `${MEASURES}\n(十一)开展《反电信网络诈骗法》《反有组织犯罪法》宣传。`,
    });
    expect(findingsOf(RULE, text)).toEqual([]);
  });

  it('fires when policing, court work and GDP take a large share, pointing at them', () => {
    const text = reportText({ measures: `${MEASURES}\n${OFF}` });
    const [f] = findingsOf(RULE, text);
    expect(f?.message).toMatch(/约占正文\d+\.\d%，超过8%/u);
    expect(f?.message).toContain('平安建设、打击犯罪');
    expect(f?.message).toContain('经济发展数据');
    expect(text.slice(f?.span.start, f?.span.end)).toContain('维护社会稳定');
    expect(f?.related?.length).toBeGreaterThan(0);
  });

  it('takes the threshold from the options', () => {
    const text = reportText({ measures: `${MEASURES}\n${OFF}` });
    expect(findingsOf(RULE, text, ['info', { max: 0.5 }])).toEqual([]);
  });
});
