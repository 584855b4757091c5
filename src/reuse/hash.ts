/**
 * FNV-1a, 32 bit, over UTF-8 bytes: the one string hash of copy detection. It is chosen because
 * it is trivial to reproduce outside JavaScript (a SQL function, a Python script), so stored
 * shingle and sentence keys can be recomputed anywhere.
 */

/** FNV-1a 32-bit offset basis and prime. */
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;

/** Feed the UTF-8 bytes of one BMP code unit into an FNV-1a state. */
export function fnvChar(hash: number, code: number): number {
  let h = hash;
  if (code < 0x80) {
    h = Math.imul(h ^ code, FNV_PRIME);
  } else if (code < 0x800) {
    h = Math.imul(h ^ (0xc0 | (code >> 6)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | (code & 0x3f)), FNV_PRIME);
  } else {
    h = Math.imul(h ^ (0xe0 | (code >> 12)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | ((code >> 6) & 0x3f)), FNV_PRIME);
    h = Math.imul(h ^ (0x80 | (code & 0x3f)), FNV_PRIME);
  }
  return h;
}

/**
 * FNV-1a 32-bit hash of the UTF-8 encoding of `text`, as an unsigned integer.
 *
 * @example
 * fnv1a('');       // 0x811c9dc5
 * fnv1a('foobar'); // 0xbf9cf968
 */
export function fnv1a(text: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const cp = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        h = Math.imul(h ^ (0xf0 | (cp >> 18)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((cp >> 12) & 0x3f)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | ((cp >> 6) & 0x3f)), FNV_PRIME);
        h = Math.imul(h ^ (0x80 | (cp & 0x3f)), FNV_PRIME);
        i++;
        continue;
      }
    }
    h = fnvChar(h, code);
  }
  return h >>> 0;
}
