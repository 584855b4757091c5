/** Display helpers (zh-CN). */

export function formatNumber(n: number | null | undefined, digits = 2): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('zh-CN', { maximumFractionDigits: digits });
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** '2024-03-28' → '2024年3月28日'. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})/u.exec(iso);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : iso;
}

export function scoreColor(score: number | null | undefined): string {
  if (score === null || score === undefined) return 'default';
  if (score >= 90) return 'green';
  if (score >= 80) return 'cyan';
  if (score >= 70) return 'gold';
  if (score >= 60) return 'orange';
  return 'red';
}

export const SEVERITY_COLORS: Record<string, string> = { error: 'red', warning: 'orange', info: 'blue' };

/** Background colours of the parts in the report view. */
export const PART_COLORS: Record<string, string> = {
  measures: '#e6f4ff',
  shortcomings: '#fff1f0',
  leadership: '#f6ffed',
  plans: '#f9f0ff',
  other: '#fafafa',
};

export const PART_BORDERS: Record<string, string> = {
  measures: '#1677ff',
  shortcomings: '#f5222d',
  leadership: '#52c41a',
  plans: '#722ed1',
  other: '#bfbfbf',
};

/** Split `text` at occurrences of `terms` (ASCII case ignored): [piece, isMatch][]. */
export function splitTerms(text: string, terms: string[]): [string, boolean][] {
  const unique = [...new Set(terms.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return [[text, false]];
  const re = new RegExp(unique.map((t) => t.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|'), 'giu');
  const out: [string, boolean][] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push([text.slice(last, i), false]);
    out.push([m[0], true]);
    last = i + m[0].length;
  }
  if (last < text.length) out.push([text.slice(last), false]);
  return out;
}

/** For the few places that take HTML (ECharts tooltips): names from reports must be escaped. */
export function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/gu,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
