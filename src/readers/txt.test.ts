import { describe, expect, it } from 'vitest';
import { canonicalEncoding, decodeBytes, looksBinary } from './decode.js';
import { encodeGbk } from './testing/gbk.js';
import { readTxt } from './txt.js';

const LINES = [
  '青禾县2023年度法治政府建设情况报告',
  '一、主要举措和成效',
  '（一）全年办理行政复议案件42件，纠错率11.9%。',
  '二、存在的不足',
  '青禾县人民政府',
];
const TEXT = LINES.join('\n');
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

function utf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const view = new DataView(out.buffer);
  let at = 0;
  if (bom) {
    view.setUint16(0, 0xfeff, littleEndian);
    at = 2;
  }
  for (let i = 0; i < text.length; i++, at += 2) view.setUint16(at, text.charCodeAt(i), littleEndian);
  return out;
}

describe('readTxt', () => {
  it('reads UTF-8 without a BOM', () => {
    const doc = readTxt(utf8(TEXT));
    expect(doc).toEqual({ format: 'txt', text: TEXT, encoding: 'utf-8', hints: {}, warnings: [] });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const doc = readTxt(concat(Uint8Array.of(0xef, 0xbb, 0xbf), utf8(TEXT)));
    expect(doc.text).toBe(TEXT);
    expect(doc.encoding).toBe('utf-8');
    expect(doc.warnings).toEqual([]);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    expect(readTxt(utf16(TEXT, true, true))).toMatchObject({
      text: TEXT,
      encoding: 'utf-16le',
      warnings: [],
    });
    expect(readTxt(utf16(TEXT, false, true))).toMatchObject({
      text: TEXT,
      encoding: 'utf-16be',
      warnings: [],
    });
  });

  it('recognizes UTF-16 LE without a BOM by its zero bytes', () => {
    expect(readTxt(utf16(TEXT, true, false))).toMatchObject({ text: TEXT, encoding: 'utf-16le' });
  });

  it('detects GBK bytes and decodes them as GB18030', () => {
    const doc = readTxt(encodeGbk(TEXT));
    expect(doc.text).toBe(TEXT);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.warnings).toEqual([]);
  });

  it('decodes files mixing GBK and UTF-8 line by line, and says so', () => {
    // Lines 1 and 3 come from a GBK file, the rest from a UTF-8 one.
    const bytes = concat(
      ...LINES.map((line, i) => (i === 0 || i === 2 ? encodeGbk(`${line}\n`) : utf8(`${line}\n`))),
    );
    const doc = readTxt(bytes);
    expect(doc.text).toBe(`${TEXT}\n`);
    expect(doc.encoding).toBe('utf-8+gb18030');
    expect(doc.warnings).toEqual(['mixed encodings: 2 lines GB18030, 3 lines UTF-8']);
  });

  it('reads short GBK lines that happen to be well-formed UTF-8 as GBK', () => {
    // 学习 is D1A7 CFB0 and 实施 CAB5 CAA9 in GBK: both valid UTF-8 (four Latin/IPA letters each).
    expect(new TextDecoder('utf-8', { fatal: true }).decode(encodeGbk('学习实施'))).toBe('ѧϰʵʩ');
    const lines = ['一、主要举措', '学习', '实施', '二、存在不足'];
    const doc = readTxt(encodeGbk(`${lines.join('\n')}\n`));
    expect(doc.text).toBe(`${lines.join('\n')}\n`);
    expect(doc.encoding).toBe('gb18030');
    expect(doc.warnings).toEqual([]);
    expect(readTxt(encodeGbk('学习实施'))).toMatchObject({ text: '学习实施', encoding: 'gb18030' });
  });

  it('keeps a UTF-8 line with one damaged byte as UTF-8 rather than reading it as GBK', () => {
    const bytes = utf8(TEXT);
    const damaged = bytes.slice();
    damaged[utf8('青禾县2023年度法治政府建设情况报告\n一、主要').length + 1] = 0x41; // breaks 举
    const doc = readTxt(damaged);
    const lines = doc.text.split('\n');
    expect(lines[0]).toBe(LINES[0]);
    expect(lines[1]).toMatch(/^一、主要\ufffdA\ufffd*措和成效$/u);
    expect(doc.warnings).toContain('1 line of damaged UTF-8');
    expect(doc.warnings.some((w) => w.startsWith('mixed encodings'))).toBe(false);
  });

  it('reports U+FFFD replacement characters already in the text', () => {
    const doc = readTxt(utf8('依法行政\ufffd\ufffd工作取得新进展\n全年办结\ufffd件'));
    expect(doc.text).toBe('依法行政\ufffd\ufffd工作取得新进展\n全年办结\ufffd件');
    expect(doc.warnings).toEqual(['3 replacement characters (U+FFFD) in the text']);
  });

  it('turns CRLF line ends into LF and changes nothing else', () => {
    const doc = readTxt(utf8('　　一、主要举措\r\n（一）加强领导 \r\n'));
    expect(doc.text).toBe('　　一、主要举措\n（一）加强领导 \n');
  });
});

describe('decodeBytes', () => {
  it('follows a declared legacy charset when the bytes agree', () => {
    expect(decodeBytes(encodeGbk(TEXT), { declared: 'gb2312' })).toEqual({
      text: TEXT,
      encoding: 'gb18030',
      warnings: [],
    });
  });

  it('prefers UTF-8 bytes over a stale GB2312 declaration, with a warning', () => {
    expect(decodeBytes(utf8(TEXT), { declared: 'gb2312' })).toEqual({
      text: TEXT,
      encoding: 'utf-8',
      warnings: ['page declares gb2312 but its bytes are UTF-8'],
    });
  });

  it('ignores a UTF-8 declaration that the bytes contradict', () => {
    const decoded = decodeBytes(encodeGbk(TEXT), { declared: 'utf-8' });
    expect(decoded.text).toBe(TEXT);
    expect(decoded.encoding).toBe('gb18030');
  });
});

describe('canonicalEncoding', () => {
  it('maps GB2312 and GBK labels to GB18030 and keeps the others', () => {
    expect(['gb2312', 'GBK', 'x-gbk', 'GB_2312-80', 'cp936'].map(canonicalEncoding)).toEqual(
      Array(5).fill('gb18030'),
    );
    expect(canonicalEncoding('UTF8')).toBe('utf-8');
    expect(canonicalEncoding('big5')).toBe('big5');
    expect(canonicalEncoding('no-such-charset')).toBeNull();
  });
});

describe('looksBinary', () => {
  it('accepts text and rejects bytes full of control characters', () => {
    expect(looksBinary(encodeGbk(TEXT))).toBe(false);
    expect(looksBinary(utf8(TEXT))).toBe(false);
    const junk = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    expect(looksBinary(junk)).toBe(true);
  });
});
