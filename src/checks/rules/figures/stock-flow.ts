/** `figures/stock-flow` (C-FLOW-01): end stock ≠ start stock + inflow − outflow. */
import { consistencyRule } from './from-consistency.js';

export default consistencyRule(
  {
    id: 'figures/stock-flow',
    recommended: true,
    basis: 'R-DATA-01; C-FLOW-01',
    description: {
      zh: '存量与流量对不上：期末数 ≠ 期初数 + 新增 − 减少',
      en: 'Stock and flow disagree: end ≠ start + inflow − outflow',
    },
    messages: {
      stockFlow: '存量与增减对不上：{detail}',
    },
  },
  { 'stock-flow': 'stockFlow' },
);
