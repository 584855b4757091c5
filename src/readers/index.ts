/**
 * Readers: bytes of a file → {@link RawDocument} (text in reading order, one paragraph per line,
 * plus container hints). Every failure is an {@link InputError} with a one-line message; the
 * caller prefixes the file name.
 */
import type { RawDocument } from '../core/types.js';
import { InputError, toInputError } from '../errors.js';
import { looksBinary, sniffBom, sniffUtf16 } from './decode.js';
import { detectFormat, isOle, isZip, refuseKnownBinary, refuseOle, refuseZip, zipEntries } from './detect.js';
import { readDocx } from './docx.js';
import { readHtml } from './html.js';
import { readPdf } from './pdf.js';
import { readTxt } from './txt.js';

export { detectFormat } from './detect.js';

export interface ReadOptions {
  /** Largest input accepted, in bytes (default 20 MiB). */
  maxBytes?: number;
}

/** 20 MiB. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Text and HTML must be text: refuse bytes that are none of the formats. */
function refuseBinary(bytes: Uint8Array): void {
  if (sniffBom(bytes) || sniffUtf16(bytes)) return;
  if (looksBinary(bytes)) {
    throw new InputError('binary', 'binary data: not text, HTML, DOCX or PDF');
  }
}

/**
 * Read a file's bytes into a {@link RawDocument}, choosing the reader by {@link detectFormat}.
 * Rejects only with {@link InputError}: `empty`, `too-large`, `binary`, `unsupported-format`,
 * `encrypted`, `corrupt` or `no-text-layer`.
 *
 * @example
 * const doc = await readDocument(await readFile('report.pdf'), 'report.pdf');
 * doc.text.split('\n') // paragraphs
 */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ReadOptions = {},
): Promise<RawDocument> {
  try {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    if (bytes.length === 0) throw new InputError('empty', 'the file is empty');
    if (bytes.length > maxBytes) {
      throw new InputError(
        'too-large',
        `file is ${formatSize(bytes.length)}, over the ${formatSize(maxBytes)} limit`,
      );
    }
    if (isOle(bytes)) refuseOle(bytes, fileName);
    if (isZip(bytes) && !zipEntries(bytes)?.includes('word/document.xml')) refuseZip(bytes, fileName);
    const format = detectFormat(bytes, fileName);
    let document: RawDocument;
    switch (format) {
      case 'pdf':
        document = await readPdf(bytes);
        break;
      case 'docx':
        // Named .docx but not a ZIP at all: neither Word nor we can open it.
        if (!isZip(bytes)) throw new InputError('corrupt', 'not a Word document (not a ZIP package)');
        document = readDocx(bytes);
        break;
      case 'html':
        refuseKnownBinary(bytes);
        refuseBinary(bytes);
        document = readHtml(bytes);
        break;
      default:
        refuseKnownBinary(bytes);
        refuseBinary(bytes);
        document = readTxt(bytes);
    }
    if (document.text.trim() === '') throw new InputError('empty', 'the file contains no text');
    return document;
  } catch (error) {
    throw toInputError(error);
  }
}
