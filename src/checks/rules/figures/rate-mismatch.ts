/** `figures/rate-mismatch` (C-RATE-01…04): a stated rate does not match its numerator and denominator. */
import { consistencyRule } from './from-consistency.js';

export default consistencyRule(
  {
    id: 'figures/rate-mismatch',
    recommended: true,
    basis: 'R-DATA-01; C-RATE-01…04',
    description: {
      zh: '比率与分子分母不符、比率超出0–100%，或“总数×比率”不是整数',
      en: 'A rate does not match its numerator/denominator, lies outside 0–100%, or implies a fractional count',
    },
    messages: {
      rate: '比率与分子分母不符：{detail}',
      range: '比率超出范围：{detail}',
      impliedInteger: '比率与总数对不上：{detail}',
    },
  },
  { rate: 'rate', 'rate-range': 'range', 'implied-integer': 'impliedInteger' },
);
