/**
 * Bytes → text for plain-text and HTML inputs. Government files come as UTF-8 (with or without a
 * BOM), UTF-16 with a BOM, or GBK/GB18030, and files glued together from several sources mix
 * UTF-8 and GBK line by line. Decoding never rewrites characters: what the bytes say is what the
 * text holds, and anything suspicious is reported as a warning.
 */
import chardet from 'chardet';

/** The result of decoding: the text, the encoding used, and what looked wrong. */
export interface Decoded {
  text: string;
  /** WHATWG encoding name ('utf-8', 'gb18030', 'utf-16le' …), or 'utf-8+gb18030' for mixed files. */
  encoding: string;
  warnings: string[];
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** The encoding a byte-order mark announces, or null. */
export function sniffBom(bytes: Uint8Array): string | null {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return bom.encoding;
  }
  return null;
}

/**
 * Map a charset label as pages write it to the decoder we use, or null when unknown. GB2312 and
 * GBK pages routinely contain characters outside those sets (browsers decode them as GBK), so all
 * three become GB18030, which is a superset of both.
 */
export function canonicalEncoding(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (
    /^(gb[-_]?2312(-80)?|gbk|x-gbk|cp936|ms936|windows-936|euc-cn|gb18030|csgb2312|chinese|iso-ir-58)$/.test(
      l,
    )
  ) {
    return 'gb18030';
  }
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

/** Whether the bytes are well-formed UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodesCleanly(bytes: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the bytes look like no text at all (executables, images, compressed data): text files
 * have next to no NUL or C0 control bytes other than tab, LF, CR, FF and ESC.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65536);
  if (n === 0) return false;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) nul++;
    else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return nul / n > 0.01 || (nul + control) / n > 0.05;
}

/**
 * UTF-16 without a BOM: ASCII characters (newlines, digits, punctuation) put their zero byte on
 * the same side; only the few characters U+xx00 (一 is U+4E00) put one on the other.
 */
export function sniffUtf16(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 65536) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const zeros = even + odd;
  if (zeros < n / 100) return null;
  if (odd >= zeros * 0.8)
    return decodesCleanly(bytes.subarray(0, bytes.length & ~1), 'utf-16le') ? 'utf-16le' : null;
  if (even >= zeros * 0.8)
    return decodesCleanly(bytes.subarray(0, bytes.length & ~1), 'utf-16be') ? 'utf-16be' : null;
  return null;
}

/** Encodings whose decoders accept almost any bytes, so chardet naming them says little for Chinese text. */
const PERMISSIVE_SINGLE_BYTE = /^(iso-8859-\d+|windows-125\d|koi8-[ru]|ibm\d+|ascii)$/i;

/**
 * The legacy (non-UTF-8) encoding of bytes that are not valid UTF-8. Chinese files are GB18030
 * unless chardet is sure of Big5 or a Japanese/Korean encoding that decodes where GB18030 does not.
 */
export function detectLegacyEncoding(bytes: Uint8Array): string {
  const matches = chardet.analyse(bytes);
  const gbClean = decodesCleanly(bytes, 'gb18030');
  for (const match of matches) {
    const name = match.name.toLowerCase();
    if (name === 'utf-8' || name === 'ascii') continue;
    if (name.startsWith('utf-16') || name.startsWith('utf-32')) continue; // handled by BOM/sniffing
    const encoding = canonicalEncoding(name);
    if (!encoding) continue;
    if (encoding === 'gb18030') return 'gb18030';
    if (encoding === 'big5') return decodesCleanly(bytes, 'big5') || !gbClean ? 'big5' : 'gb18030';
    if (PERMISSIVE_SINGLE_BYTE.test(name)) return gbClean ? 'gb18030' : encoding;
    // Shift_JIS, EUC-JP, EUC-KR …: only when GB18030 cannot read the bytes and this can.
    if (!gbClean && decodesCleanly(bytes, encoding)) return encoding;
  }
  return 'gb18030';
}

/** Lines with their LF; 0x0A never occurs inside a GBK or UTF-8 multi-byte sequence, so splitting bytes is safe. */
function splitLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1));
      start = i + 1;
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start));
  return lines;
}

function isAscii(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return false;
  return true;
}

/**
 * Share of the non-ASCII bytes of a line that form well-formed UTF-8 sequences. A UTF-8 line with
 * one damaged character scores near 1; a GBK line scores near 0 (its byte pairs rarely fit).
 */
function utf8Share(bytes: Uint8Array): number {
  let good = 0;
  let total = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k] as number;
      if (c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      good += len;
      total += len;
      i += len;
    } else {
      total++;
      i++;
    }
  }
  return total === 0 ? 1 : good / total;
}

/**
 * Whether bytes that happen to be well-formed UTF-8 are really GBK: Chinese UTF-8 text is made of
 * three-byte sequences (U+0800 and up), while GBK pairs read as UTF-8 give mostly two-byte ones
 * (Latin, Greek, Cyrillic, Arabic letters). Only short GBK lines fit UTF-8 by chance.
 */
function misreadGbk(bytes: Uint8Array): boolean {
  let twoByte = 0;
  let longer = 0;
  for (const ch of new TextDecoder('utf-8').decode(bytes)) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x80 && code < 0x800) twoByte++;
    else if (code >= 0x800) longer++;
  }
  if (twoByte <= longer || !decodesCleanly(bytes, 'gb18030')) return false;
  const cjk = (new TextDecoder('gb18030').decode(bytes).match(/[\u4e00-\u9fff]/gu) ?? []).length;
  return cjk >= twoByte / 2;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function withReplacementWarning(decoded: Decoded): Decoded {
  const n = countReplacements(decoded.text);
  if (n > 0) decoded.warnings.push(`${plural(n, 'replacement character')} (U+FFFD) in the text`);
  return decoded;
}

function decodeWhole(bytes: Uint8Array, encoding: string, warnings: string[]): Decoded {
  if (!decodesCleanly(bytes, encoding)) warnings.push(`some bytes are not valid ${encoding.toUpperCase()}`);
  // TextDecoder drops a BOM that matches its encoding, and only that.
  return { text: new TextDecoder(encoding).decode(bytes), encoding, warnings };
}

/**
 * Decode bytes of unknown encoding: a BOM wins, then a declared charset (from an HTML `<meta>`)
 * when the bytes agree with it, then strict UTF-8, then line-by-line UTF-8/legacy detection.
 *
 * @example
 * decodeBytes(bytes).text // '某县2023年度法治政府建设情况报告\n…'
 */
export function decodeBytes(bytes: Uint8Array, options: { declared?: string | null } = {}): Decoded {
  const bom = sniffBom(bytes);
  if (bom) return withReplacementWarning(decodeWhole(bytes, bom, []));

  const warnings: string[] = [];
  const declared = options.declared ? canonicalEncoding(options.declared) : null;
  const utf8 = isValidUtf8(bytes);
  if (declared && declared !== 'utf-8') {
    // Pages saved by a browser may have been re-encoded to UTF-8 while keeping the old <meta>:
    // well-formed UTF-8 with multi-byte sequences is never an accident in GBK text.
    if (utf8 && !isAscii(bytes)) {
      warnings.push(`page declares ${options.declared} but its bytes are UTF-8`);
      return withReplacementWarning({
        text: new TextDecoder('utf-8').decode(bytes),
        encoding: 'utf-8',
        warnings,
      });
    }
    if (declared.startsWith('utf-16')) {
      // A <meta> that says UTF-16 in ASCII-compatible bytes is wrong by construction.
    } else if (decodesCleanly(bytes, declared)) {
      return withReplacementWarning({
        text: new TextDecoder(declared).decode(bytes),
        encoding: declared,
        warnings,
      });
    } else {
      warnings.push(`page declares ${options.declared} but its bytes do not match it`);
    }
  }
  if (utf8 && !misreadGbk(bytes)) {
    return withReplacementWarning({
      text: new TextDecoder('utf-8').decode(bytes),
      encoding: 'utf-8',
      warnings,
    });
  }

  const utf16 = sniffUtf16(bytes);
  if (utf16) return withReplacementWarning(decodeWhole(bytes, utf16, warnings));

  return withReplacementWarning(decodeLines(bytes, warnings));
}

/** Decode line by line: UTF-8 where a line is UTF-8, the file's legacy encoding elsewhere. */
function decodeLines(bytes: Uint8Array, warnings: string[]): Decoded {
  const lines = splitLines(bytes);
  type Kind = 'ascii' | 'utf8' | 'damaged-utf8' | 'legacy';
  const kinds: Kind[] = lines.map((line) => {
    if (isAscii(line)) return 'ascii';
    if (isValidUtf8(line)) return misreadGbk(line) ? 'legacy' : 'utf8';
    return utf8Share(line) >= 0.8 ? 'damaged-utf8' : 'legacy';
  });
  const legacyBytes = concat(lines.filter((_, i) => kinds[i] === 'legacy'));
  const legacy = legacyBytes.length > 0 ? detectLegacyEncoding(legacyBytes) : 'gb18030';
  const utf8Lines = kinds.filter((k) => k === 'utf8' || k === 'damaged-utf8').length;
  const legacyLines = kinds.filter((k) => k === 'legacy').length;

  if (utf8Lines === 0) return decodeWhole(bytes, legacy, warnings);

  const utf8Decoder = new TextDecoder('utf-8');
  const legacyDecoder = new TextDecoder(legacy);
  let text = '';
  let damaged = 0;
  let badLegacy = 0;
  lines.forEach((line, i) => {
    const kind = kinds[i];
    if (kind === 'legacy') {
      if (!decodesCleanly(line, legacy)) badLegacy++;
      text += legacyDecoder.decode(line);
    } else {
      if (kind === 'damaged-utf8') damaged++;
      text += utf8Decoder.decode(line);
    }
  });
  const name = legacy.toUpperCase();
  if (legacyLines > 0) {
    warnings.push(
      `mixed encodings: ${plural(legacyLines, 'line')} ${name}, ${plural(utf8Lines, 'line')} UTF-8`,
    );
  }
  if (damaged > 0) warnings.push(`${plural(damaged, 'line')} of damaged UTF-8`);
  if (badLegacy > 0) warnings.push(`${plural(badLegacy, 'line')} not valid ${name}`);
  return { text, encoding: legacyLines > 0 ? `utf-8+${legacy}` : 'utf-8', warnings };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
