import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { readDocx } from './docx.js';
import { lvl, makeDocx, p } from './testing/make-docx.js';
import { expectedParagraphs, REPORT_BODY, REPORT_SIGNATURE, REPORT_TITLE } from './testing/report.js';

/** The numbering Chinese reports use: 一、 （一） 1. （1） ①. */
const OUTLINE = {
  reference: 'outline',
  levels: [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
    { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', alignment: AlignmentType.LEFT },
    { level: 4, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%5', alignment: AlignmentType.LEFT },
  ],
};

const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });

async function reportDocx(): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: REPORT_TITLE, alignment: AlignmentType.CENTER }),
  ];
  for (const para of REPORT_BODY) {
    children.push(
      para.level === 0
        ? new Paragraph({ text: para.text, indent: { firstLine: 640 } })
        : new Paragraph({ text: para.text, numbering: { reference: 'outline', level: para.level - 1 } }),
    );
    if (para.text.startsWith('全面推行行政执法公示')) {
      children.push(
        new Table({
          rows: [
            new TableRow({ children: [cell('项目'), cell('2022年'), cell('2023年')] }),
            new TableRow({ children: [cell('行政处罚案件（件）'), cell('1987'), cell('2156')] }),
          ],
        }),
      );
    }
  }
  for (const line of REPORT_SIGNATURE)
    children.push(new Paragraph({ text: line, alignment: AlignmentType.RIGHT }));
  const doc = new Document({
    title: '2023年法治政府建设报告（送审稿）',
    numbering: { config: [OUTLINE] },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('readDocx on a report written with the docx package', () => {
  it('puts the automatic numbers 一、 （一） 1. （1） ① back in front of the headings', async () => {
    const doc = readDocx(await reportDocx());
    const expected = expectedParagraphs();
    const at = expected.findIndex((l) => l.startsWith('全面推行行政执法公示')) + 1;
    expected.splice(at, 0, '项目\t2022年\t2023年', '行政处罚案件（件）\t1987\t2156');
    expect(doc.text.split('\n')).toEqual(expected);
    expect(doc.format).toBe('docx');
    expect(doc.warnings).toEqual([]);
  });

  it('takes the core-properties title as a hint only', async () => {
    const doc = readDocx(await reportDocx());
    expect(doc.hints).toEqual({ title: '2023年法治政府建设报告（送审稿）' });
    expect(doc.text.split('\n')[0]).toBe(REPORT_TITLE);
  });

  it('counts past ten in Chinese and restarts sub-levels under each new heading', async () => {
    const children: Paragraph[] = [];
    for (let i = 1; i <= 12; i++) {
      children.push(new Paragraph({ text: `第${i}部分`, numbering: { reference: 'outline', level: 0 } }));
      if (i === 2 || i === 11) {
        children.push(new Paragraph({ text: '甲', numbering: { reference: 'outline', level: 1 } }));
        children.push(new Paragraph({ text: '乙', numbering: { reference: 'outline', level: 1 } }));
      }
    }
    const bytes = new Uint8Array(
      await Packer.toBuffer(new Document({ numbering: { config: [OUTLINE] }, sections: [{ children }] })),
    );
    expect(readDocx(bytes).text.split('\n')).toEqual([
      '一、第1部分',
      '二、第2部分',
      '（一）甲',
      '（二）乙',
      '三、第3部分',
      '四、第4部分',
      '五、第5部分',
      '六、第6部分',
      '七、第7部分',
      '八、第8部分',
      '九、第9部分',
      '十、第10部分',
      '十一、第11部分',
      '（一）甲',
      '（二）乙',
      '十二、第12部分',
    ]);
  });

  it('keeps line breaks inside a paragraph as lines', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun('青禾县人民政府'), new TextRun({ text: '2024年1月31日', break: 1 })],
            }),
          ],
        },
      ],
    });
    expect(readDocx(new Uint8Array(await Packer.toBuffer(doc))).text).toBe('青禾县人民政府\n2024年1月31日');
  });
});

const NUMBERING = [
  '<w:abstractNum w:abstractNumId="10">',
  lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="Heading1"/>'),
  lvl(1, 'chineseCountingThousand', '（%2）', '<w:pStyle w:val="Heading2"/>'),
  lvl(2, 'decimal', '%1.%2.%3', '<w:isLgl/>'),
  '</w:abstractNum>',
  '<w:abstractNum w:abstractNumId="20">',
  lvl(0, 'decimalFullWidth', '%1．'),
  lvl(1, 'upperLetter', '%2.', '<w:lvlRestart w:val="0"/>'),
  lvl(2, 'lowerRoman', '(%3)'),
  lvl(3, 'bullet', '●'),
  lvl(4, 'ideographTraditional', '%5、', '<w:suff w:val="space"/>'),
  lvl(5, 'decimal', '第%6条', '<w:suff w:val="space"/>'),
  '</w:abstractNum>',
  '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>',
  '<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>',
  '<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>',
].join('');

const STYLES = [
  '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>',
  '<w:style w:type="paragraph" w:styleId="ReportHeading"><w:basedOn w:val="Heading1"/></w:style>',
  '<w:style w:type="paragraph" w:styleId="ListItem"><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="2"/></w:numPr></w:pPr></w:style>',
].join('');

describe('readDocx numbering from styles and numbering.xml', () => {
  it('numbers paragraphs through their style, following basedOn and the level linked to the style', () => {
    const doc = readDocx(
      makeDocx({
        styles: STYLES,
        numbering: NUMBERING,
        body: [
          p('总体情况', { style: 'Heading1' }),
          p('组织领导', { style: 'Heading2' }),
          p('制度建设', { style: 'Heading2' }),
          p('依法决策', { style: 'ReportHeading' }),
          p('重大决策', { style: 'Heading2' }),
          p('细则', { numId: 1, ilvl: 2 }),
          p('正文不编号', { style: 'Heading1', numId: 0 }),
          p('普通段落'),
        ].join(''),
      }),
    );
    expect(doc.text.split('\n')).toEqual([
      '一、总体情况',
      '（一）组织领导',
      '（二）制度建设',
      '二、依法决策',
      '（一）重大决策',
      '2.1.1 细则', // a tab after the number becomes a space when the marker has no closing mark
      '正文不编号',
      '普通段落',
    ]);
  });

  it('applies startOverride, lvlRestart, suffixes and the other number formats', () => {
    const doc = readDocx(
      makeDocx({
        styles: STYLES,
        numbering: NUMBERING,
        body: [
          p('接续编号', { numId: 3, ilvl: 0 }),
          p('甲项', { numId: 2, ilvl: 0 }),
          p('子项', { style: 'ListItem' }),
          p('子项', { style: 'ListItem' }),
          p('细目', { numId: 2, ilvl: 2 }),
          p('细目', { numId: 2, ilvl: 2 }),
          p('乙项', { numId: 2, ilvl: 0 }),
          p('子项不重新编号', { numId: 2, ilvl: 1 }),
          p('项目符号', { numId: 2, ilvl: 3 }),
          p('天干', { numId: 2, ilvl: 4 }),
          p('天干', { numId: 2, ilvl: 4 }),
          p('条文', { numId: 2, ilvl: 5 }),
        ].join(''),
      }),
    );
    expect(doc.text.split('\n')).toEqual([
      '三、接续编号',
      '１．甲项',
      'A.子项',
      'B.子项',
      '(i)细目',
      '(ii)细目',
      '２．乙项',
      'C.子项不重新编号',
      '项目符号',
      '甲、天干',
      '乙、天干',
      '第1条 条文',
    ]);
  });

  it('reads tabs, breaks, hyperlinks and insertions, and skips deletions, hidden text, symbols and text boxes', () => {
    const body = [
      '<w:p><w:r><w:t>序号</w:t></w:r><w:r><w:tab/><w:t>事项</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t><w:cr/><w:t>第三行</w:t><w:br w:type="page"/><w:t>续</w:t></w:r></w:p>',
      '<w:p><w:hyperlink><w:r><w:t>政务公开专栏</w:t></w:r></w:hyperlink><w:ins><w:r><w:t>新增</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>',
      '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/><w:t>可见</w:t></w:r></w:p>',
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice></mc:AlternateContent><w:t>正文</w:t></w:r></w:p>',
      '<w:sdt><w:sdtContent><w:p><w:r><w:t>内容控件</w:t></w:r></w:p></w:sdtContent></w:sdt>',
      '<w:p></w:p>',
      '<w:sectPr/>',
    ].join('');
    expect(readDocx(makeDocx({ body })).text.split('\n')).toEqual([
      '序号\t事项',
      '第一行',
      '第二行',
      '第三行续',
      '政务公开专栏新增',
      '可见',
      '正文',
      '内容控件',
    ]);
  });

  it('reads a docProps title and survives missing styles and numbering parts', () => {
    const doc = readDocx(makeDocx({ body: p('正文', { numId: 5, ilvl: 0 }), title: '报告' }));
    expect(doc).toEqual({ format: 'docx', text: '正文', hints: { title: '报告' }, warnings: [] });
  });
});

describe('readDocx failures', () => {
  it('reports a truncated package as corrupt', async () => {
    const bytes = await reportDocx();
    const error = (() => {
      try {
        readDocx(bytes.subarray(0, Math.floor(bytes.length / 2)));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'corrupt' });
    expect((error as Error).message).toMatch(/^damaged or truncated DOCX \(/);
  });

  it('refuses a part that claims to unpack to more than 100 MB (zip bomb)', () => {
    const bytes = makeDocx({ body: p('正文') }).slice();
    const view = new DataView(bytes.buffer);
    // Set the uncompressed size of word/document.xml in its central-directory entry.
    for (let i = 0; i + 46 < bytes.length; i++) {
      if (view.getUint32(i, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(i + 28, true);
      const name = new TextDecoder().decode(bytes.subarray(i + 46, i + 46 + nameLength));
      if (name === 'word/document.xml') view.setUint32(i + 24, 0x7fffffff, true);
    }
    expect(() => readDocx(bytes)).toThrow(
      expect.objectContaining({ code: 'too-large', message: 'word/document.xml unpacks to over 100 MB' }),
    );
  });

  it('reports malformed document XML as corrupt', () => {
    expect(() => readDocx(makeDocx({ body: '<w:p><w:r><w:t>未闭合</w:r></w:p>' }))).toThrow(
      expect.objectContaining({
        code: 'corrupt',
        message: 'damaged DOCX: word/document.xml is not well-formed XML',
      }),
    );
  });
});
