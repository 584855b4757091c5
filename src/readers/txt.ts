/**
 * Plain-text reader: decoding is all there is to it. Lines stay as they are (a later stage trims
 * and unifies white space and keeps an offset map into this text).
 */
import type { RawDocument } from '../core/types.js';
import { decodeBytes } from './decode.js';

/** Read a plain-text file (UTF-8, UTF-16 with BOM, GBK/GB18030, or UTF-8 and GBK mixed by line). */
export function readTxt(bytes: Uint8Array): RawDocument {
  const { text, encoding, warnings } = decodeBytes(bytes);
  // Unify line ends only: a CR left before each LF would sit inside every paragraph.
  return { format: 'txt', text: text.replace(/\r\n?/g, '\n'), encoding, hints: {}, warnings };
}
