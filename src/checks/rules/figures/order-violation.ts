/** `figures/order-violation` (C-LE-01): a funnel is not monotonic (审结 > 受理, 成功 > 调解 …). */
import { consistencyRule } from './from-consistency.js';

export default consistencyRule(
  {
    id: 'figures/order-violation',
    recommended: true,
    basis: 'R-DATA-01; C-LE-01',
    description: {
      zh: '前后环节数字违背大小关系（如办结数大于受理数、调解成功数大于调解数）',
      en: 'A funnel relation is violated (closed > received, succeeded > mediated …)',
    },
    messages: {
      order: '数字大小关系不成立：{detail}',
    },
  },
  { order: 'order' },
);
