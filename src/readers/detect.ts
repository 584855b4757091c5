/**
 * What a file is, from its bytes first and its name second. Magic numbers settle PDF, ZIP
 * (DOCX) and OLE (legacy .doc or an encrypted .docx); other binary kinds get a clear refusal
 * instead of being decoded as text.
 */
import { unzipSync } from 'fflate';
import type { SourceFormat } from '../core/types.js';
import { InputError } from '../errors.js';

/** How far into the file "%PDF-" may start (some generators put junk before it; pdf.js allows it). */
const PDF_HEADER_WINDOW = 1024;

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  return magic.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, from = 0, to = bytes.length): number {
  const codes = Array.from(needle, (c) => c.charCodeAt(0));
  const end = Math.min(to, bytes.length) - codes.length;
  outer: for (let i = from; i <= end; i++) {
    for (let k = 0; k < codes.length; k++) if (bytes[i + k] !== codes[k]) continue outer;
    return i;
  }
  return -1;
}

export function isPdf(bytes: Uint8Array): boolean {
  return indexOfAscii(bytes, '%PDF-', 0, PDF_HEADER_WINDOW) >= 0;
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/** OLE2 / Compound File Binary: legacy Office files, and Office files encrypted with a password. */
export function isOle(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

/** Names of the entries of a ZIP archive, or null when its directory cannot be read. */
export function zipEntries(bytes: Uint8Array): string[] | null {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return null;
  }
  return names;
}

function extension(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

const EXTENSIONS: Record<string, SourceFormat> = {
  pdf: 'pdf',
  docx: 'docx',
  docm: 'docx',
  dotx: 'docx',
  htm: 'html',
  html: 'html',
  shtml: 'html',
  xhtml: 'html',
  xht: 'html',
  txt: 'txt',
  text: 'txt',
};

/** HTML tags near the start of the file. */
const HTML_SNIFF =
  /^(?:\s|<!--[\s\S]*?-->)*<(?:!doctype\s+html|html|head|body)\b|<(?:html|head|body|meta|title|div|p|table|br|span)\b[^>]*>/i;

export function looksLikeHtml(bytes: Uint8Array): boolean {
  let head = bytes.subarray(0, 4096);
  // A UTF-16 page: sniff on its ASCII bytes.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) head = head.filter((b) => b !== 0);
  return HTML_SNIFF.test(new TextDecoder('latin1').decode(head));
}

/**
 * The format of a file: magic bytes first (%PDF, a ZIP holding word/document.xml, OLE2), then the
 * file name's extension, then a sniff for HTML tags; plain text otherwise. OLE files report
 * 'docx' (they are either an encrypted .docx or a legacy .doc, which the reader refuses).
 *
 * @example
 * detectFormat(bytes, 'report.htm') // 'html'
 */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (isPdf(bytes)) return 'pdf';
  if (isOle(bytes)) return 'docx';
  if (isZip(bytes) && zipEntries(bytes)?.includes('word/document.xml')) return 'docx';
  const byName = EXTENSIONS[extension(fileName)];
  if (byName) return byName;
  if (looksLikeHtml(bytes)) return 'html';
  return 'txt';
}

/** UTF-16LE bytes of an ASCII string, as OLE directory entries store names. */
function utf16le(s: string): string {
  return Array.from(s, (c) => `${c}\u0000`).join('');
}

/**
 * Refuse an OLE2 file: a .docx in an OLE container, or one with an EncryptedPackage stream, is a
 * password-protected Office file; anything else is a legacy .doc (or .xls/.ppt).
 */
export function refuseOle(bytes: Uint8Array, fileName: string): never {
  const ext = extension(fileName);
  if (ext === 'docx' || indexOfAscii(bytes, utf16le('EncryptedPackage')) >= 0) {
    throw new InputError(
      'encrypted',
      'the Word document is password-protected; remove the password and save it again',
    );
  }
  if (ext === 'xls' || ext === 'ppt') {
    throw new InputError('unsupported-format', `legacy Office format (.${ext}) is not supported`);
  }
  throw new InputError('unsupported-format', 'legacy Word format (.doc) is not supported: save it as .docx');
}

/** Refuse a ZIP archive that is not a Word document. */
export function refuseZip(bytes: Uint8Array, fileName: string): never {
  const entries = zipEntries(bytes);
  const docx = extension(fileName) === 'docx';
  if (entries === null) {
    throw new InputError(
      'corrupt',
      `damaged or truncated ${docx ? 'DOCX' : 'ZIP archive'} (cannot read its directory)`,
    );
  }
  if (docx) throw new InputError('corrupt', 'not a Word document: word/document.xml is missing');
  if (entries.some((n) => n.startsWith('xl/'))) {
    throw new InputError('unsupported-format', 'Excel workbooks (.xlsx) are not supported');
  }
  if (entries.some((n) => n.startsWith('ppt/'))) {
    throw new InputError('unsupported-format', 'PowerPoint files (.pptx) are not supported');
  }
  throw new InputError('unsupported-format', 'ZIP archives are not supported: extract the report first');
}

const IMAGES: { magic: number[]; name: string }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47], name: 'PNG' },
  { magic: [0xff, 0xd8, 0xff], name: 'JPEG' },
  { magic: [0x47, 0x49, 0x46, 0x38], name: 'GIF' },
  { magic: [0x49, 0x49, 0x2a, 0x00], name: 'TIFF' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], name: 'TIFF' },
];

/** Refuse well-known non-document formats with a message that says what they are. */
export function refuseKnownBinary(bytes: Uint8Array): void {
  for (const image of IMAGES) {
    if (startsWith(bytes, image.magic)) {
      throw new InputError(
        'unsupported-format',
        `a ${image.name} image, not a document (OCR is out of scope)`,
      );
    }
  }
  if (indexOfAscii(bytes, '{\\rtf', 0, 8) === 0) {
    throw new InputError('unsupported-format', 'RTF is not supported: save it as .docx');
  }
}
