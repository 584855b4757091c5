import { describe, expect, it } from 'vitest';
import { lineSpans } from '../normalize.js';
import type { Heading } from '../types.js';
import { buildHeadingTree, cnOrdinal, flattenHeadings } from './headings.js';

function tree(text: string): Heading[] {
  return buildHeadingTree(text, lineSpans(text), text.length);
}

function outline(hs: Heading[], depth = 0): string[] {
  return hs.flatMap((h) => [
    `${'  '.repeat(depth)}${h.marker}|${h.title}`,
    ...outline(h.children, depth + 1),
  ]);
}

describe('buildHeadingTree', () => {
  it('nests the official numbering levels 一、 > (一) > 1. > (1) > ①', () => {
    const text = [
      '一、主要举措和成效',
      '(一)加强组织领导',
      '1.健全工作机制',
      '(1)制定年度要点',
      '①明确责任分工',
      '正文段落。',
      '(2)开展专题学习',
      '2.强化督促检查',
      '(二)推进依法决策',
      '二、存在的不足和原因',
    ].join('\n');
    expect(outline(tree(text))).toEqual([
      '一、|主要举措和成效',
      '  (一)|加强组织领导',
      '    1.|健全工作机制',
      '      (1)|制定年度要点',
      '        ①|明确责任分工',
      '      (2)|开展专题学习',
      '    2.|强化督促检查',
      '  (二)|推进依法决策',
      '二、|存在的不足和原因',
    ]);
  });

  it('reads 1、 and 第一, and full-width brackets', () => {
    const text = '一、工作情况\n1、完善制度\n（二）严格执法\n第一,坚持学法';
    const flat = flattenHeadings(tree(text));
    expect(flat.map((h) => [h.style, h.ordinal])).toEqual([
      ['cn-dun', 1],
      ['arabic-dun', 1],
      ['cn-paren', 2],
      ['cn-di', 1],
    ]);
  });

  it('splits a run-in heading from its paragraph', () => {
    const text = '(一)强化组织领导,压实工作责任。全年召开专题会议6次,研究解决重点问题。';
    const [h] = tree(text);
    expect(h?.title).toBe('强化组织领导,压实工作责任');
    expect(h?.runIn).toBe(true);
    expect(text.slice(h?.span.start, h?.span.end)).toBe('(一)强化组织领导,压实工作责任');
  });

  it('cuts a heading glued to its paragraph at the first comma', () => {
    const text =
      '(五)提升行政决策法治化水平持续规范重大行政决策程序,优化合法性审查操作流程,提升政府决策科学化、民主化、法治化水平';
    const [h] = tree(text);
    expect(h?.title).toBe('提升行政决策法治化水平持续规范重大行政决策程序');
    expect(h?.runIn).toBe(true);
  });

  it('finds 一是…二是… enumerators inside a paragraph, in sequence only', () => {
    const text =
      '(一)加强领导。一是健全机制。建立联席会议制度。二是压实责任,制定清单。统一是前提,三是强化考核。';
    const [h] = tree(text);
    expect(h?.children.map((c) => `${c.marker}|${c.title}`)).toEqual([
      '一是|健全机制',
      '二是|压实责任,制定清单',
      '三是|强化考核',
    ]);
  });

  it('does not read years, decimals or plain sentences as headings', () => {
    const text = '2022年,我县坚持依法行政。\n3.5万件案件全部办结。\n全年共办理案件100件。';
    expect(tree(text)).toEqual([]);
  });

  it('closes each section where the next heading of the same or a higher level starts', () => {
    const text = '一、情况\n(一)甲\n内容\n二、问题\n内容';
    const [first, second] = tree(text);
    expect(text.slice(first?.sectionSpan.start, first?.sectionSpan.end)).toBe('一、情况\n(一)甲\n内容\n');
    expect(text.slice(second?.sectionSpan.start, second?.sectionSpan.end)).toBe('二、问题\n内容');
    const sub = first?.children[0];
    expect(sub && text.slice(sub.sectionSpan.start, sub.sectionSpan.end)).toBe('(一)甲\n内容\n');
  });
});

describe('cnOrdinal', () => {
  it('reads Chinese ordinals up to 九十九', () => {
    expect([
      cnOrdinal('一'),
      cnOrdinal('十'),
      cnOrdinal('十二'),
      cnOrdinal('二十'),
      cnOrdinal('三十五'),
    ]).toEqual([1, 10, 12, 20, 35]);
  });
});

describe('buildHeadingTree: 第一部分', () => {
  it('reads 第X部分 part headings as the top level', () => {
    const text = '第一部分 2023年法治政府建设主要工作\n(一)加强领导\n第二部分 存在的问题';
    expect(outline(tree(text))).toEqual([
      '第一部分|2023年法治政府建设主要工作',
      '  (一)|加强领导',
      '第二部分|存在的问题',
    ]);
  });
});
