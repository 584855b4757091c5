/**
 * Test helper, not shipped API: writes small valid PDFs by hand, the way many government PDFs
 * are made. Text uses the non-embedded CID font STSong-Light with the predefined CMap
 * UniGB-UCS2-H (each character is its UCS-2 code, written as a hex string), which pdf.js can only
 * read with its cMaps. Offsets in the cross-reference table are computed from the bytes written.
 */
import { randomBytes } from 'node:crypto';

/** A line of text placed at (x, y) in PDF points, origin bottom left. */
export interface PdfLine {
  text: string;
  x: number;
  y: number;
  /** Font size in points (default 16). */
  size?: number;
}

export interface PdfPage {
  lines?: PdfLine[];
  /** Draw one image XObject and no text (a scanned page). */
  image?: boolean;
}

export interface PdfOptions {
  pages: PdfPage[];
  /** Add a Standard security handler (V 1, R 2) with random /O and /U, so a password is needed. */
  encrypt?: boolean;
  /** /Title of the document information dictionary. */
  title?: string;
}

/** A4 in points. */
export const PAGE_WIDTH = 595;
export const PAGE_HEIGHT = 842;

function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0x3f;
    hex += (code > 0xffff ? 0x3f : code).toString(16).padStart(4, '0').toUpperCase();
  }
  return hex;
}

/** A PDF text string in UTF-16BE with BOM (for /Info values). */
function textString(text: string): string {
  return `<FEFF${ucs2Hex(text)}>`;
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex').toUpperCase();
}

/** Write a PDF with the given pages; all content is uncompressed. */
export function makePdf(options: PdfOptions): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const reserve = (): number => add('');
  const set = (id: number, body: string): void => {
    objects[id - 1] = body;
  };

  const catalog = reserve();
  const pagesId = reserve();
  const descriptor = add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  );
  const cidFont = add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 95 500] >>`,
  );
  const font = add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`,
  );
  const kids: number[] = [];
  for (const page of options.pages) {
    let content = '';
    let resources = `/Font << /F1 ${font} 0 R >>`;
    if (page.image) {
      const pixels = '00FF00FF00FF00FF'; // 4×4 grey checker, hex-encoded
      const image = add(
        `<< /Type /XObject /Subtype /Image /Width 4 /Height 4 /ColorSpace /DeviceGray /BitsPerComponent 4 /Filter /ASCIIHexDecode /Length ${pixels.length + 1} >>\nstream\n${pixels}>\nendstream`,
      );
      resources = `/XObject << /Im1 ${image} 0 R >>`;
      content += `q ${PAGE_WIDTH - 100} 0 0 ${PAGE_HEIGHT - 100} 50 50 cm /Im1 Do Q\n`;
    }
    for (const line of page.lines ?? []) {
      content += `BT /F1 ${line.size ?? 16} Tf 1 0 0 1 ${line.x} ${line.y} Tm <${ucs2Hex(line.text)}> Tj ET\n`;
    }
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] /Resources << ${resources} >> /Contents ${stream} 0 R >>`,
      ),
    );
  }
  set(catalog, `<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  set(pagesId, `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const info = options.title ? add(`<< /Title ${textString(options.title)} /Producer (fazhi test) >>`) : 0;
  const encrypt = options.encrypt
    ? add(
        `<< /Filter /Standard /V 1 /R 2 /O <${hex(randomBytes(32))}> /U <${hex(randomBytes(32))}> /P -44 >>`,
      )
    : 0;

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const id = hex(randomBytes(16));
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R`;
  if (info) out += ` /Info ${info} 0 R`;
  if (encrypt) out += ` /Encrypt ${encrypt} 0 R`;
  out += ` /ID [<${id}> <${id}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  // Every character written is Latin-1, so string offsets are byte offsets.
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

/** Lay out paragraphs as a typeset page would: wrapped lines, a two-character first-line indent. */
export interface LayoutOptions {
  /** Characters per full line (default 28 at 16 pt between x 72 and 520). */
  perLine?: number;
  size?: number;
  left?: number;
  top?: number;
  bottom?: number;
  /** Footer text per page number, e.g. (n) => `- ${n} -`. */
  footer?: (page: number) => string;
  /** Header text on every page. */
  header?: string;
}

/** A paragraph to lay out; `align` places short lines (title centered, 落款 right). */
export interface LayoutParagraph {
  text: string;
  align?: 'indent' | 'left' | 'center' | 'right';
}

/** Typeset paragraphs onto pages of text lines (CJK: one em per character, no spaces). */
export function layoutPages(paragraphs: LayoutParagraph[], options: LayoutOptions = {}): PdfPage[] {
  const size = options.size ?? 16;
  const perLine = options.perLine ?? 28;
  const left = options.left ?? 72;
  const top = options.top ?? PAGE_HEIGHT - 90;
  const bottom = options.bottom ?? 90;
  const leading = size * 1.75;
  const pages: PdfPage[] = [];
  let lines: PdfLine[] = [];
  let y = top;
  const flush = (): void => {
    pages.push({ lines });
    lines = [];
    y = top;
  };
  const width = (s: string): number =>
    Array.from(s).reduce((w, c) => w + (c.charCodeAt(0) < 0x80 ? 0.5 : 1), 0);
  for (const p of paragraphs) {
    const align = p.align ?? 'indent';
    const chars = Array.from(p.text);
    const indent = align === 'indent' ? 2 : 0;
    let first = true;
    while (chars.length > 0) {
      const room = perLine - (first ? indent : 0);
      let take = 0;
      let w = 0;
      while (take < chars.length && w + width(chars[take] as string) <= room) {
        w += width(chars[take] as string);
        take++;
      }
      const text = chars.splice(0, Math.max(take, 1)).join('');
      let x = left + (first ? indent * size : 0);
      if (align === 'center') x = left + ((perLine - width(text)) * size) / 2;
      if (align === 'right') x = left + (perLine - width(text)) * size;
      if (y < bottom) flush();
      lines.push({ text, x, y, size });
      y -= leading;
      first = false;
    }
  }
  if (lines.length > 0) flush();
  pages.forEach((page, i) => {
    if (options.footer) {
      const text = options.footer(i + 1);
      page.lines?.push({ text, x: left + ((perLine - width(text)) * size) / 2, y: 50, size: 12 });
    }
    if (options.header) page.lines?.unshift({ text: options.header, x: left, y: PAGE_HEIGHT - 50, size: 10 });
  });
  return pages;
}
