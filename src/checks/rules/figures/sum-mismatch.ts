/** `figures/sum-mismatch` (C-SUM-01, C-SUM-02, C-SHARE-01): parts do not add up to their total. */
import { consistencyRule } from './from-consistency.js';

export default consistencyRule(
  {
    id: 'figures/sum-mismatch',
    recommended: true,
    basis: 'R-DATA-01; C-SUM-01, C-SUM-02, C-SHARE-01',
    description: {
      zh: '分项数字之和与总数不符，“其中”各项之和超过总数，或各类占比之和不为100%',
      en: 'Parts do not add up to the total, 其中-parts exceed it, or shares do not add up to 100%',
    },
    messages: {
      sum: '分项之和与总数不符：{detail}',
      partialSum: '“其中”各项之和超过总数：{detail}',
      share: '占比对不上：{detail}',
    },
  },
  { sum: 'sum', 'partial-sum': 'partialSum', share: 'share' },
);
