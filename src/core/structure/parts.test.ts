import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../knowledge/load.js';
import { classifyHeading } from './parts.js';

const knowledge = loadKnowledge();

describe('classifyHeading', () => {
  // Top-level headings in the wordings reports use (data/part-cues.tsv); one per mandated part.
  it.each([
    ['一、2023年工作开展情况', ['measures']],
    ['一、主要工作及成效', ['measures']],
    ['二、存在的问题及原因分析', ['shortcomings']],
    ['三、存在的困难和问题', ['shortcomings']],
    ['四、工作中存在的短板和不足', ['shortcomings']],
    ['二、困难与问题', ['shortcomings']],
    ['三、主要负责人履行推进法治建设第一责任人职责情况', ['leadership']],
    ['四、2024年工作思路', ['plans']],
    ['三、下步工作打算', ['plans']],
    ['五、其他需要报告的事项', ['other']],
    ['五、其他有关情况', ['other']],
  ])('%s → %j', (title, kinds) => {
    expect(classifyHeading(title, knowledge, 2023)).toEqual(kinds);
  });

  it('does not read a measure that solves problems as a shortcomings part', () => {
    expect(classifyHeading('二、着力解决群众反映强烈的突出问题', knowledge, 2023)).not.toContain(
      'shortcomings',
    );
  });
});
