import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { dropPageFurniture, itemsToLines, linesToParagraphs, type PdfTextLine, readPdf } from './pdf.js';
import { type LayoutParagraph, layoutPages, makePdf } from './testing/make-pdf.js';
import { expectedParagraphs, REPORT_BODY, REPORT_SIGNATURE, REPORT_TITLE } from './testing/report.js';

/** The fictional report typeset like a government PDF: centred title, indented paragraphs, 落款 on the right. */
function reportLayout(): LayoutParagraph[] {
  return [
    { text: REPORT_TITLE, align: 'center' },
    ...REPORT_BODY.map((p) => ({ text: (p.marker ?? '') + p.text })),
    ...REPORT_SIGNATURE.map((text) => ({ text, align: 'right' as const })),
  ];
}

async function rejection(promise: Promise<unknown>): Promise<InputError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected a rejection');
}

describe('readPdf on STSong-Light / UniGB-UCS2-H text', () => {
  it('rebuilds the paragraphs across pages and drops page numbers and running headers', async () => {
    const pages = layoutPages(reportLayout(), {
      footer: (n) => `- ${n} -`,
      header: '青禾县人民政府办公室文件',
      bottom: 300, // short pages, so paragraphs run over page breaks
    });
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const doc = await readPdf(makePdf({ pages, title: 'Microsoft Word - 2023年法治政府建设情况报告.docx' }));
    expect(doc.text.split('\n')).toEqual(expectedParagraphs());
    expect(doc.format).toBe('pdf');
    expect(doc.warnings).toEqual([]);
  });

  it('takes the info-dictionary title as a hint, without the printer label', async () => {
    const pages = layoutPages(reportLayout().slice(0, 3));
    const doc = await readPdf(makePdf({ pages, title: 'Microsoft Word - 2023年法治政府建设情况报告.docx' }));
    expect(doc.hints).toEqual({ title: '2023年法治政府建设情况报告' });
  });

  it('drops "第n页 共m页" footers', async () => {
    const pages = layoutPages(reportLayout(), { footer: (n) => `第${n}页 共4页` });
    const doc = await readPdf(makePdf({ pages }));
    expect(doc.text.split('\n')).toEqual(expectedParagraphs());
  });

  it('warns about pages without text in an otherwise readable PDF', async () => {
    const pages = [...layoutPages(reportLayout().slice(0, 4)), { image: true }];
    const doc = await readPdf(makePdf({ pages }));
    expect(doc.warnings).toEqual(['1 of 2 pages have no text layer (scanned?)']);
    expect(doc.text.split('\n')).toEqual(expectedParagraphs().slice(0, 4));
  });
});

describe('makePdf', () => {
  it('writes a cross-reference table whose offsets point at their objects', () => {
    const bytes = makePdf({ pages: layoutPages(reportLayout()), title: '报告', encrypt: true });
    const text = new TextDecoder('latin1').decode(bytes);
    const startxref = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 5)).toBe('xref\n');
    const [, count, entries] =
      /^xref\n0 (\d+)\n((?:\d{10} \d{5} [nf] \n)+)/.exec(text.slice(startxref)) ?? [];
    const offsets = (entries ?? '')
      .split('\n')
      .filter(Boolean)
      .map((e) => Number(e.slice(0, 10)));
    expect(offsets.length).toBe(Number(count));
    offsets.slice(1).forEach((offset, i) => {
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(text).toMatch(/\/Encrypt \d+ 0 R \/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
  });
});

describe('readPdf failures', () => {
  it('refuses an image-only PDF: no text layer, OCR out of scope', async () => {
    const error = await rejection(readPdf(makePdf({ pages: [{ image: true }, { image: true }] })));
    expect(error.code).toBe('no-text-layer');
    expect(error.message).toBe('the PDF has no text layer (a scan?); OCR is out of scope');
  });

  it('refuses a password-protected PDF', async () => {
    const pages = layoutPages(reportLayout().slice(0, 3));
    const error = await rejection(readPdf(makePdf({ pages, encrypt: true })));
    expect(error.code).toBe('encrypted');
    expect(error.message).toBe('the PDF is password-protected');
  });

  it('refuses a truncated PDF', async () => {
    const bytes = makePdf({ pages: layoutPages(reportLayout()) });
    for (const cut of [0.3, 0.6, 0.99]) {
      const error = await rejection(readPdf(bytes.subarray(0, Math.floor(bytes.length * cut))));
      expect(error.code).toBe('corrupt');
      expect(error.message).toBe('truncated PDF (no %%EOF at the end of the file)');
    }
  });

  it('fails, and does not hang, on garbage behind a PDF header', async () => {
    const junk = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256);
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('%PDF-1.7\n'),
      ...junk,
      ...new TextEncoder().encode('\n%%EOF\n'),
    ]);
    const error = await rejection(readPdf(bytes, { timeoutMs: 20_000 }));
    expect(error.code).toBe('corrupt');
    expect(error.message).not.toContain('\n');
  });
});

const line = (text: string, x0: number, x1: number, y: number, page = 1): PdfTextLine => ({
  text,
  x0,
  x1,
  y,
  page,
  size: 16,
});

describe('itemsToLines', () => {
  it('joins items on one baseline without spaces, but keeps a visible gap as a space', () => {
    const lines = itemsToLines(
      [
        { str: '建设情况', x: 136, y: 700.4, width: 64, size: 16 },
        { str: '法治政府', x: 72, y: 700, width: 64, size: 16 },
        { str: '报告', x: 210, y: 700, width: 32, size: 16 },
        { str: '第二行', x: 72, y: 672, width: 48, size: 16 },
      ],
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['法治政府建设情况 报告', '第二行']);
    expect(lines[0]).toMatchObject({ x0: 72, x1: 242, page: 1 });
  });

  it('drops the copies of "fake bold" text and puts a tab across a table-column gap', () => {
    const lines = itemsToLines(
      [
        { str: '一、主要举措', x: 72, y: 700, width: 96, size: 16 },
        { str: '一、主要举措', x: 72.3, y: 700.2, width: 96, size: 16 },
        { str: '行政复议案件', x: 72, y: 672, width: 96, size: 16 },
        { str: '42件', x: 300, y: 672, width: 32, size: 16 },
      ],
      1,
    );
    expect(lines.map((l) => l.text)).toEqual(['一、主要举措', '行政复议案件\t42件']);
  });
});

describe('linesToParagraphs', () => {
  it('starts a paragraph at an indent, a heading, a short previous line or a wide gap', () => {
    const paragraphs = linesToParagraphs([
      line('一、主要举措', 104, 200, 700),
      line('（一）加强领导。全年召开专题会议', 104, 520, 672),
      line('8次，研究议题12项。', 72, 250, 644),
      line('全年审查规范性文件31件，纠正', 72, 520, 616),
      line('不当条款9处，', 72, 520, 588),
      line('1.完善制度', 72, 200, 560),
      line('Rule of law government construction', 72, 520, 532),
      line('report for 2023', 72, 300, 504),
      line('另起一段', 72, 140, 400),
    ]);
    expect(paragraphs).toEqual([
      '一、主要举措',
      '（一）加强领导。全年召开专题会议8次，研究议题12项。',
      '全年审查规范性文件31件，纠正不当条款9处，',
      '1.完善制度',
      'Rule of law government construction report for 2023',
      '另起一段',
    ]);
  });
});

describe('dropPageFurniture', () => {
  it('drops repeated edge lines and page numbers, and keeps a body line that merely repeats', () => {
    const pages = [1, 2, 3].map((n) => [
      line('青禾县人民政府文件', 72, 300, 800, n),
      line(`正文第${n}页`, 72, 520, 700, n),
      line('依法行政', 72, 520, 672, n),
      line(`— ${n} —`, 280, 320, 50, n),
    ]);
    const kept = dropPageFurniture(pages).map((p) => p.map((l) => l.text));
    expect(kept).toEqual([
      ['正文第1页', '依法行政'],
      ['正文第2页', '依法行政'],
      ['正文第3页', '依法行政'],
    ]);
  });
});
