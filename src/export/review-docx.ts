/**
 * The review document (review.ts) as a Word file: headings in 黑体, text in 宋体, tables for the
 * summary, the score and the figures; each report from a new page.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Review, ReviewSection } from './review.js';

const BODY_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体' };
const HEADING_FONT = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体' };
const SEVERITY_COLOR: Record<string, string> = { error: 'CF1322', warning: 'D46B08', info: '1D4F91' };

function cell(text: string, options: { bold?: boolean; shade?: boolean } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.bold ?? false })] })],
    ...(options.shade ? { shading: { fill: 'E8EEF6' } } : {}),
  });
}

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true, shade: true })) }),
      ...rows.map((row) => new TableRow({ children: row.map((c) => cell(c)) })),
    ],
  });
}

function heading(text: string, level: 1 | 2, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
    pageBreakBefore,
    children: [new TextRun({ text })],
  });
}

function sectionBlocks(s: ReviewSection, first: boolean): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [heading(s.heading, 1, !first)];
  for (const [label, value] of s.facts) {
    blocks.push(
      new Paragraph({ children: [new TextRun({ text: `${label}：`, bold: true }), new TextRun(value)] }),
    );
  }

  blocks.push(heading(s.score ? `评分：${s.score.total.toFixed(1)} 分（满分 100）` : '评分：未评分', 2));
  if (s.score) {
    blocks.push(
      table(
        ['维度', '得分', '满分', '扣分原因'],
        s.score.rows.map((r) => [r.name, String(r.points), String(r.weight), r.lost]),
      ),
    );
  }

  const { error, warning, info } = s.counts;
  blocks.push(heading(`发现的问题：错误 ${error} 项，警告 ${warning} 项，提示 ${info} 项`, 2));
  if (s.findings.length === 0) blocks.push(new Paragraph('未发现问题。'));
  s.findings.forEach((f, i) => {
    blocks.push(
      new Paragraph({
        spacing: { before: 120 },
        children: [
          new TextRun({ text: `${i + 1}. ` }),
          new TextRun({
            text: `【${f.severityLabel}】`,
            bold: true,
            color: SEVERITY_COLOR[f.severity] ?? '000000',
          }),
          new TextRun({ text: f.message }),
          new TextRun({ text: `（${f.ruleId}）`, color: '8C8C8C', size: 18 }),
        ],
      }),
    );
    if (f.quote) {
      blocks.push(
        new Paragraph({
          indent: { left: 420 },
          children: [
            new TextRun({ text: '原文：', bold: true }),
            new TextRun({ text: `“${f.quote}”`, italics: true }),
          ],
        }),
      );
    }
    if (f.fix !== null) {
      blocks.push(
        new Paragraph({
          indent: { left: 420 },
          children: [new TextRun({ text: '建议改为：', bold: true }), new TextRun(`“${f.fix}”`)],
        }),
      );
    }
  });

  blocks.push(heading(`报告中的数据：${s.figures.length} 项`, 2));
  if (s.figures.length > 0) {
    blocks.push(
      table(
        ['指标', '数值', '原文'],
        s.figures.map((f) => [f.name, f.value, f.quote]),
      ),
    );
  }
  return blocks;
}

/** The review as the bytes of a .docx file. */
export async function renderReviewDocx(review: Review, generatedAt = new Date()): Promise<Buffer> {
  const intro: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun(review.title)],
    }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new TextRun({
          text: `fazhi 自动审阅生成于 ${generatedAt.toISOString().slice(0, 10)}，供人工审阅参考；每项问题附原文，请对照核实。`,
          color: '595959',
          size: 20,
        }),
      ],
    }),
  ];
  if (review.sections.length > 1) {
    intro.push(
      heading('汇总', 1),
      table(
        ['序号', '单位', '年度', '评分', '错误', '警告', '提示'],
        review.summary.map((r, i) => [
          String(i + 1),
          r.unit,
          r.year,
          r.score,
          String(r.error),
          String(r.warning),
          String(r.info),
        ]),
      ),
    );
  }
  const doc = new Document({
    creator: 'fazhi',
    title: review.title,
    styles: {
      default: {
        document: { run: { font: BODY_FONT, size: 24 } },
        title: { run: { font: HEADING_FONT, size: 36, bold: true } },
        heading1: {
          run: { font: HEADING_FONT, size: 30, bold: true },
          paragraph: { spacing: { before: 240, after: 120 } },
        },
        heading2: {
          run: { font: HEADING_FONT, size: 26, bold: true },
          paragraph: { spacing: { before: 200, after: 80 } },
        },
      },
    },
    sections: [
      {
        children: [
          ...intro,
          ...review.sections.flatMap((s, i) => sectionBlocks(s, i === 0 && review.sections.length === 1)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
