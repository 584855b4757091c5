/**
 * Test helper, not shipped API: encode text as GBK bytes. TextEncoder only writes UTF-8, so the
 * table is built by decoding every two-byte GBK sequence with TextDecoder('gb18030').
 */
let table: Map<string, [number, number]> | null = null;

function gbkTable(): Map<string, [number, number]> {
  if (table) return table;
  const map = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      let ch: string;
      try {
        ch = decoder.decode(Uint8Array.of(lead, trail));
      } catch {
        continue;
      }
      if (!map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  table = map;
  return map;
}

/** GBK bytes of `text`; throws on a character GBK cannot encode. */
export function encodeGbk(text: string): Uint8Array {
  const map = gbkTable();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const pair = map.get(ch);
    if (!pair) throw new Error(`GBK cannot encode ${JSON.stringify(ch)} (U+${code.toString(16)})`);
    out.push(pair[0], pair[1]);
  }
  return Uint8Array.from(out);
}
