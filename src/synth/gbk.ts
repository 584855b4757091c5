/**
 * A GBK encoder built from the platform's GB18030 decoder: every two-byte sequence is decoded once
 * and the reverse map cached. Characters outside GBK are handed to a fallback (HTML writers turn
 * them into numeric character references).
 */

let table: Uint16Array | null = null;

/** Code unit → two-byte GBK code (lead << 8 | trail), 0 when GBK has no such character. */
function gbkTable(): Uint16Array {
  if (table) return table;
  const t = new Uint16Array(65536);
  const decoder = new TextDecoder('gb18030');
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail !== 0x7f) pairs.push((lead << 8) | trail);
    }
  }
  const bytes = new Uint8Array(pairs.length * 2);
  pairs.forEach((code, i) => {
    bytes[2 * i] = code >> 8;
    bytes[2 * i + 1] = code & 0xff;
  });
  const all = decoder.decode(bytes);
  const one = new Uint8Array(2);
  const aligned = all.length === pairs.length;
  pairs.forEach((code, i) => {
    let unit: number;
    if (aligned) unit = all.charCodeAt(i);
    else {
      one[0] = code >> 8;
      one[1] = code & 0xff;
      const s = decoder.decode(one);
      if (s.length !== 1) return;
      unit = s.charCodeAt(0);
    }
    // first mapping wins; skip replacement characters, private use and surrogates
    if (unit === 0xfffd || (unit >= 0xd800 && unit <= 0xf8ff) || t[unit] !== 0) return;
    t[unit] = code;
  });
  table = t;
  return t;
}

/** Whether GBK can encode the character (ASCII included). */
export function inGbk(ch: string): boolean {
  const cp = ch.codePointAt(0) ?? 0;
  return cp < 0x80 || (cp < 0x10000 && gbkTable()[cp] !== 0);
}

/** Replace what GBK cannot encode, e.g. with `&#x…;` in HTML. */
export function gbkSafe(s: string, fallback: (ch: string) => string): string {
  const t = gbkTable();
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    out += cp < 0x80 || (cp < 0x10000 && t[cp] !== 0) ? ch : fallback(ch);
  }
  return out;
}

/** Encode as GBK; characters outside GBK become `?` unless made safe first with {@link gbkSafe}. */
export function encodeGbk(s: string): Uint8Array {
  const t = gbkTable();
  const out = new Uint8Array(s.length * 2);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    const code = t[c] ?? 0;
    if (code === 0) {
      if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair counts once
      out[n++] = 0x3f;
      continue;
    }
    out[n++] = code >> 8;
    out[n++] = code & 0xff;
  }
  return out.slice(0, n);
}
