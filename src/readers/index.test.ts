import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, detectFormat, readDocument } from './index.js';
import { makeDocx, p } from './testing/make-docx.js';
import { layoutPages, makePdf } from './testing/make-pdf.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The start of an OLE2 compound file with one directory entry name written in UTF-16LE. */
function ole(streamName: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  Array.from(streamName).forEach((c, i) => {
    bytes[1024 + i * 2] = c.charCodeAt(0);
  });
  return bytes;
}

const PDF = makePdf({
  pages: layoutPages([{ text: '青禾县2023年度法治政府建设情况报告', align: 'center' }]),
});
const DOCX = makeDocx({ body: p('青禾县2023年度法治政府建设情况报告') });
const HTML = utf8(
  '<!DOCTYPE html><html><head><title>报告</title></head><body><p>青禾县2023年度法治政府建设情况报告</p></body></html>',
);
const JUNK = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 3) % 256);

describe('detectFormat', () => {
  it('trusts magic bytes over the file name', () => {
    expect(detectFormat(PDF, 'report.txt')).toBe('pdf');
    expect(detectFormat(DOCX, 'download.bin')).toBe('docx');
    expect(detectFormat(ole('WordDocument'), 'report.doc')).toBe('docx');
  });

  it('uses the extension next, then sniffs for HTML tags, else plain text', () => {
    expect(detectFormat(utf8('正文'), 'report.HTM')).toBe('html');
    expect(detectFormat(utf8('正文'), 'report.shtml')).toBe('html');
    expect(detectFormat(HTML, 'notes.txt')).toBe('txt');
    expect(detectFormat(HTML, 'content.jsp')).toBe('html');
    expect(detectFormat(utf8('<!-- saved --><HTML><BODY>正文'), 'page')).toBe('html');
    expect(detectFormat(utf8('一、主要举措'), 'report')).toBe('txt');
    expect(detectFormat(utf8('not a pdf'), 'x.pdf')).toBe('pdf');
  });
});

describe('readDocument', () => {
  it('reads each format through its reader', async () => {
    const line = '青禾县2023年度法治政府建设情况报告';
    expect(await readDocument(utf8(line), 'a.txt')).toMatchObject({ format: 'txt', text: line });
    expect(await readDocument(HTML, 'a.html')).toMatchObject({ format: 'html', text: `报告\n${line}` });
    expect(await readDocument(DOCX, 'a.docx')).toMatchObject({ format: 'docx', text: line });
    expect(await readDocument(PDF, 'a.pdf')).toMatchObject({ format: 'pdf', text: line });
  });

  it('has a 20 MiB default limit', () => {
    expect(DEFAULT_MAX_BYTES).toBe(20 * 1024 * 1024);
  });

  const bad: [string, Uint8Array, string, number | undefined, InputError['code'], string][] = [
    ['an empty file', new Uint8Array(0), 'a.txt', undefined, 'empty', 'the file is empty'],
    ['white space only', utf8(' \n\t\u3000\n'), 'a.txt', undefined, 'empty', 'the file contains no text'],
    [
      'a file over the limit',
      utf8('法'.repeat(100)),
      'a.txt',
      100,
      'too-large',
      'file is 300 B, over the 100 B limit',
    ],
    ['binary garbage', JUNK, 'a.txt', undefined, 'binary', 'binary data: not text, HTML, DOCX or PDF'],
    [
      'binary garbage named .html',
      JUNK,
      'a.html',
      undefined,
      'binary',
      'binary data: not text, HTML, DOCX or PDF',
    ],
    [
      'a PNG image',
      Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0),
      'scan.png',
      undefined,
      'unsupported-format',
      'a PNG image, not a document (OCR is out of scope)',
    ],
    [
      'a truncated DOCX',
      DOCX.subarray(0, DOCX.length - 30),
      'a.docx',
      undefined,
      'corrupt',
      'damaged or truncated DOCX (cannot read its directory)',
    ],
    [
      'a ZIP without word/document.xml named .docx',
      zipSync({ 'a.txt': strToU8('x') }),
      'a.docx',
      undefined,
      'corrupt',
      'not a Word document: word/document.xml is missing',
    ],
    [
      'an Excel workbook',
      zipSync({ 'xl/workbook.xml': strToU8('<x/>') }),
      'a.xlsx',
      undefined,
      'unsupported-format',
      'Excel workbooks (.xlsx) are not supported',
    ],
    [
      'text named .docx',
      utf8('一、主要举措'),
      'a.docx',
      undefined,
      'corrupt',
      'not a Word document (not a ZIP package)',
    ],
    [
      'an OLE file named .docx',
      ole('WordDocument'),
      'a.docx',
      undefined,
      'encrypted',
      'the Word document is password-protected; remove the password and save it again',
    ],
    [
      'an OLE file with an EncryptedPackage',
      ole('EncryptedPackage'),
      'report',
      undefined,
      'encrypted',
      'the Word document is password-protected; remove the password and save it again',
    ],
    [
      'a legacy .doc',
      ole('WordDocument'),
      'a.doc',
      undefined,
      'unsupported-format',
      'legacy Word format (.doc) is not supported: save it as .docx',
    ],
    [
      'an RTF file',
      utf8('{\\rtf1\\ansi 正文}'),
      'a.doc',
      undefined,
      'unsupported-format',
      'RTF is not supported: save it as .docx',
    ],
    [
      'a truncated PDF',
      PDF.subarray(0, 600),
      'a.pdf',
      undefined,
      'corrupt',
      'truncated PDF (no %%EOF at the end of the file)',
    ],
    [
      'a password-protected PDF',
      makePdf({ pages: [{ lines: [{ text: '正文', x: 72, y: 700 }] }], encrypt: true }),
      'a.pdf',
      undefined,
      'encrypted',
      'the PDF is password-protected',
    ],
    [
      'an image-only PDF',
      makePdf({ pages: [{ image: true }] }),
      'a.pdf',
      undefined,
      'no-text-layer',
      'the PDF has no text layer (a scan?); OCR is out of scope',
    ],
    [
      'an HTML page without text',
      utf8('<html><body><script>var a = 1;</script></body></html>'),
      'a.html',
      undefined,
      'empty',
      'the page has no readable text',
    ],
  ];

  it.each(bad)('rejects %s with an InputError', async (_, bytes, name, maxBytes, code, message) => {
    const error = await readDocument(bytes, name, maxBytes === undefined ? {} : { maxBytes }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code, message });
    expect((error as Error).message).not.toContain('\n');
    expect((error as Error).message).not.toContain(name);
  });

  it('rejects a damaged PDF body as corrupt, never with another error type', async () => {
    const bytes = new Uint8Array([
      ...utf8('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R >>\nendobj\n'),
      ...JUNK,
      ...utf8('\n%%EOF\n'),
    ]);
    const error = await readDocument(bytes, 'a.pdf').then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: 'corrupt' });
  });
});
