import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, readNumeral } from './numerals.js';

describe('parseChineseNumeral', () => {
  it.each([
    ['〇', 0],
    ['零', 0],
    ['一', 1],
    ['两', 2],
    ['俩', 2],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['九十九', 99],
    ['百', 100],
    ['一百零五', 105],
    ['一百一十', 110],
    ['三百五十六', 356],
    ['两千', 2000],
    ['一千零五十', 1050],
    ['万', 10000],
    ['一万零一十二', 10012],
    ['一万零十二', 10012],
    ['两万三千', 23000],
    ['一亿二千万', 120000000],
    ['二十万亿', 2e13],
    ['五千万', 50000000],
  ])('reads the numeral %s as %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([
    ['两万三', 23000],
    ['一千五', 1500],
    ['三百五', 350],
    ['一亿五', 150000000],
  ])('reads the colloquial trailing digit of %s as the next place: %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it('does not scale a digit after 零: 一万零三 is 10003', () => {
    expect(parseChineseNumeral('一万零三')).toBe(10003);
  });

  it.each([
    ['壹万贰仟', 12000],
    ['叁佰肆拾伍', 345],
    ['伍拾萬', 500000],
    ['陆億', 600000000],
    ['玖', 9],
  ])('reads the 大写 form %s as %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([
    ['2014.63万', 20146300],
    ['1,100万', 11000000],
    ['3千', 3000],
    ['24万', 240000],
    ['2.5万', 25000],
    ['20亿', 2000000000],
    ['1.2万亿', 1.2e12],
    ['1亿2000万', 120000000],
    ['１１５', 115],
    ['９７．６', 97.6],
    ['0.15', 0.15],
  ])('reads the Arabic figure %s as %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([
    ['三点五', 3.5],
    ['零点五', 0.5],
    ['二十三点五', 23.5],
    ['三点五万', 35000],
    ['二十三点五万', 235000],
  ])('reads the decimal %s as %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([
    ['二〇二二', 2022],
    ['二零二三', 2023],
    ['二○二一', 2021],
    ['一二', 12],
  ])('reads the digit-by-digit form %s as %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([
    ['百余', 100],
    ['十余万', 100000],
    ['三十万多亿', 3e13],
    ['数十', 10],
    ['几百', 100],
    ['十几', 10],
    ['二十几', 20],
    ['十几万', 100000],
    ['数万', 10000],
  ])('gives the lower bound of the approximate numeral %s: %d', (s, n) => {
    expect(parseChineseNumeral(s)).toBe(n);
  });

  it.each([
    [''],
    ['  '],
    ['十四五'],
    ['一万万'],
    ['十百'],
    ['三2'],
    ['十零'],
    ['一百零'],
    ['数'],
    ['几个'],
    ['余'],
    ['abc'],
    ['一些'],
  ])('rejects %j', (s) => {
    expect(parseChineseNumeral(s)).toBeNull();
  });

  it('trims white space', () => {
    expect(parseChineseNumeral(' 十五 ')).toBe(15);
  });
});

describe('readNumeral', () => {
  it('reads a slice of a larger text in place', () => {
    const text = '共计二十万亿元';
    expect(readNumeral(text, 2, 6)?.value).toBe(2e13);
  });

  it('flags 余, 多 and vague digits as over', () => {
    expect(readNumeral('三十万多亿')?.over).toBe(true);
    expect(readNumeral('十余万')?.over).toBe(true);
    expect(readNumeral('数十')?.over).toBe(true);
    expect(readNumeral('三十万')?.over).toBe(false);
  });

  it('tells digit-by-digit forms apart', () => {
    expect(readNumeral('二〇二二')).toMatchObject({ digitsOnly: true, digitCount: 4 });
    expect(readNumeral('三四')).toMatchObject({ digitsOnly: true, digitCount: 2, value: 34 });
    expect(readNumeral('三')?.digitsOnly).toBe(false);
    expect(readNumeral('三十')?.digitsOnly).toBe(false);
  });

  it('reports the trailing multiplier, which a range can share', () => {
    expect(readNumeral('5万')?.multiplier).toBe(1e4);
    expect(readNumeral('3万亿')?.multiplier).toBe(1e12);
    expect(readNumeral('五百万')?.multiplier).toBe(1e6);
    expect(readNumeral('十万')?.multiplier).toBe(1e4);
    expect(readNumeral('两万三')?.multiplier).toBe(1);
    expect(readNumeral('15')?.multiplier).toBe(1);
  });
});
