/**
 * Copy detection for the web app: which passages of a report are near-duplicates of passages of
 * other reports.
 *
 * - **live** (default while the corpus has at most `maxReports` reports): an in-memory
 *   {@link ReuseIndex} (src/reuse) over the current reports, rebuilt when the corpus changes (an
 *   upload, a deletion), so the answer always fits the corpus as it is, uploads included.
 * - **stored**: the matches `fazhi reuse` stored in `reuse_matches` (migration 003), as of its
 *   last run; used for larger corpora, and on request (`source=stored`). They carry no aligned
 *   pieces, so the passages are shown whole.
 *
 * Beyond `maxReports`, without stored matches, the live index holds only the report's province
 * and its own unit. TODO(store): persist the units at ingest and load only the candidates with
 * corpus-wide counts (`ReuseOptions.stats`), as src/reuse/detect.ts describes; then the live mode
 * scales and `reuse_matches` can be kept fresh per upload.
 */
import type { ReportMeta, Span } from '../core/types.js';
import type { ContractReport } from '../output/contract.js';
import { reportFromReading } from '../reuse/corpus.js';
import { REUSE_RULES, ReuseIndex, type ReuseKind } from '../reuse/index.js';
import { loadBoilerplate } from '../reuse/load.js';
import type { Queryable } from '../store/open.js';
import type { ReusePassage, ReuseResult, ReuseSource } from './api-types.js';

interface Loaded {
  id: string;
  text: string;
  meta: ReportMeta;
  title: string | null;
  bodyStart: number;
  bodyEnd: number;
}

export class ReuseService {
  private index: ReuseIndex | null = null;
  private texts = new Map<string, Loaded>();
  private signature = '';
  private building: Promise<void> | null = null;
  private partial = false;

  constructor(
    private readonly db: Queryable,
    private readonly maxReports = 3000,
  ) {}

  /** Forget the index (after an upload or a deletion). */
  invalidate(): void {
    this.signature = '';
  }

  private async corpusSignature(): Promise<{ sig: string; count: number }> {
    const { rows } = await this.db.query<{ n: number; m: string; s: string }>(
      `SELECT count(*)::int AS n, coalesce(max(r.id), 0)::text AS m, coalesce(sum(r.id), 0)::text AS s
       FROM reports r WHERE EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current)`,
    );
    const r = rows[0] ?? { n: 0, m: '0', s: '0' };
    return { sig: `${r.n}:${r.m}:${r.s}`, count: r.n };
  }

  private async load(where: string, params: unknown[], limit = 1_000_000, order = 'r.id'): Promise<Loaded[]> {
    const { rows } = await this.db.query<{
      id: string;
      text: string;
      meta: ReportMeta;
      title: string | null;
      body: Span | null;
    }>(
      `SELECT r.id, t.text, r.reading->'meta' AS meta, r.title, r.reading->'spans'->'body' AS body
       FROM reports r JOIN report_texts t ON t.report_id = r.id
       WHERE EXISTS (SELECT 1 FROM files f WHERE f.report_id = r.id AND f.current) ${where}
       ORDER BY ${order} LIMIT ${Math.floor(limit)}`,
      params,
    );
    return rows.map((r) => ({
      id: String(r.id),
      text: r.text,
      meta: r.meta,
      title: r.title,
      bodyStart: r.body?.start ?? 0,
      bodyEnd: r.body?.end ?? r.text.length,
    }));
  }

  private add(index: ReuseIndex, r: Loaded): void {
    // As `fazhi reuse` reads a stored report (the body lines are the paragraphs).
    const reading = {
      meta: r.meta,
      spans: { body: { start: r.bodyStart, end: r.bodyEnd } },
    } as ContractReport;
    index.addReport(r.id, reportFromReading(r.text, reading));
    this.texts.set(r.id, r);
  }

  private async ensure(reportId: string): Promise<void> {
    const { sig, count } = await this.corpusSignature();
    if (count > this.maxReports) {
      // Too many for one in-memory index: the report, its province and its own unit.
      const { rows } = await this.db.query<{
        province_code: string | null;
        jurisdiction_code: string | null;
        issuer: string | null;
      }>('SELECT province_code, jurisdiction_code, issuer FROM reports WHERE id = $1', [reportId]);
      const r = rows[0];
      const index = new ReuseIndex({ boilerplate: loadBoilerplate() });
      this.texts = new Map();
      const loaded = await this.load(
        'AND (r.id = $1 OR r.province_code = $2 OR (r.jurisdiction_code = $3 AND r.issuer = $4))',
        [reportId, r?.province_code ?? '', r?.jurisdiction_code ?? '', r?.issuer ?? ''],
        this.maxReports,
        '(r.id = $1) DESC, (r.jurisdiction_code = $3 AND r.issuer = $4) DESC, r.id DESC',
      );
      for (const x of loaded) this.add(index, x);
      this.index = index;
      this.partial = true;
      this.signature = '';
      return;
    }
    if (this.index && sig === this.signature && this.index.has(reportId)) return;
    if (this.building) {
      await this.building;
      if (this.index && this.signature === sig) return;
    }
    this.building = (async () => {
      const index = new ReuseIndex({ boilerplate: loadBoilerplate() });
      this.texts = new Map();
      for (const x of await this.load('', [])) this.add(index, x);
      this.index = index;
      this.partial = false;
      this.signature = sig;
    })();
    try {
      await this.building;
    } finally {
      this.building = null;
    }
  }

  /** Whether `fazhi reuse` has stored matches (and the table exists). */
  private async hasStored(): Promise<boolean> {
    try {
      const { rows } = await this.db.query('SELECT 1 FROM reuse_matches LIMIT 1');
      return rows.length > 0;
    } catch {
      return false;
    }
  }

  /**
   * The reused passages of a report; null when the report does not exist. `source` forces where
   * they come from; by default live, or stored for a corpus larger than `maxReports`.
   */
  async find(reportId: string, source?: ReuseSource, limit = 200): Promise<ReuseResult | null> {
    const started = Date.now();
    const { rows } = await this.db.query<{ id: string }>('SELECT id FROM reports WHERE id = $1', [reportId]);
    if (rows.length === 0) return null;
    if (
      source === 'stored' ||
      (source === undefined &&
        (await this.corpusSignature()).count > this.maxReports &&
        (await this.hasStored()))
    ) {
      return this.stored(reportId, started, limit);
    }
    await this.ensure(reportId);
    const index = this.index as ReuseIndex;
    const self = this.texts.get(reportId);
    if (!self || !index.has(reportId)) {
      return {
        reportId,
        source: 'live',
        compared: index.size,
        partial: this.partial,
        reusedChars: 0,
        textChars: 0,
        passages: [],
        sources: [],
        ms: Date.now() - started,
        note: '该报告不是任何文件的当前版本，未参与比对',
      };
    }
    const matches = index.findReuse(reportId);
    const passages: ReusePassage[] = matches.map((m) => {
      const other = this.texts.get(m.other.reportId);
      const otherText = other?.text ?? '';
      return {
        kind: m.kind,
        span: m.span,
        text: self.text.slice(m.span.start, m.span.end),
        similarity: Math.round(m.similarity * 1000) / 1000,
        matchedChars: m.matchedChars,
        other: {
          reportId: m.other.reportId,
          title: other?.title ?? null,
          issuer: other?.meta.issuer ?? null,
          jurisdiction: other?.meta.jurisdiction?.name ?? null,
          year: other?.meta.year ?? null,
          span: m.other.span,
          text: otherText.slice(m.other.span.start, m.other.span.end),
        },
        aligned: m.aligned.map((t) => ({
          aStart: t.aStart - m.span.start,
          aEnd: t.aEnd - m.span.start,
          bStart: t.bStart - m.other.span.start,
          bEnd: t.bEnd - m.other.span.start,
        })),
      };
    });
    const { reusedChars, sources } = summarize(self.text.length, passages);
    return {
      reportId,
      source: 'live',
      compared: index.size - 1,
      partial: this.partial,
      reusedChars,
      textChars: self.bodyEnd - self.bodyStart,
      passages: passages.sort((a, b) => b.matchedChars - a.matchedChars).slice(0, limit),
      sources,
      ms: Date.now() - started,
      note: this.partial
        ? `即时比对（语料超过 ${this.maxReports} 篇，且尚无 fazhi reuse 的存储结果：仅与同省份和本单位的报告比对）`
        : '即时比对：与库中全部当前报告比对（含新上传的报告）',
    };
  }

  /** The matches `fazhi reuse` stored for the report. */
  private async stored(reportId: string, started: number, limit: number): Promise<ReuseResult> {
    const { rows } = await this.db
      .query<{
        rule_id: string;
        start_pos: number;
        end_pos: number;
        other_report_id: string;
        other_start: number;
        other_end: number;
        similarity: number;
        matched_chars: number;
      }>(
        `SELECT rule_id, start_pos, end_pos, other_report_id, other_start, other_end, similarity, matched_chars
       FROM reuse_matches WHERE report_id = $1 ORDER BY matched_chars DESC, start_pos LIMIT $2`,
        [reportId, limit],
      )
      .catch(() => ({ rows: [] }));
    const ids = [...new Set([reportId, ...rows.map((r) => String(r.other_report_id))])];
    const { rows: reports } = await this.db.query<{
      id: string;
      text: string;
      title: string | null;
      issuer: string | null;
      jurisdiction_name: string | null;
      year: number | null;
      body: Span | null;
    }>(
      `SELECT r.id, t.text, r.title, r.issuer, r.jurisdiction_name, r.year, r.reading->'spans'->'body' AS body
       FROM reports r JOIN report_texts t ON t.report_id = r.id WHERE r.id = ANY($1::bigint[])`,
      [ids],
    );
    const byId = new Map(reports.map((r) => [String(r.id), r]));
    const self = byId.get(reportId);
    const kinds = new Map(
      Object.entries(REUSE_RULES).map(([kind, rule]) => [rule as string, kind as ReuseKind]),
    );
    const passages: ReusePassage[] = rows.map((m) => {
      const other = byId.get(String(m.other_report_id));
      return {
        kind: kinds.get(m.rule_id) ?? 'cross-unit',
        span: { start: m.start_pos, end: m.end_pos },
        text: self?.text.slice(m.start_pos, m.end_pos) ?? '',
        similarity: Math.round(m.similarity * 1000) / 1000,
        matchedChars: m.matched_chars,
        other: {
          reportId: String(m.other_report_id),
          title: other?.title ?? null,
          issuer: other?.issuer ?? null,
          jurisdiction: other?.jurisdiction_name ?? null,
          year: other?.year ?? null,
          span: { start: m.other_start, end: m.other_end },
          text: other?.text.slice(m.other_start, m.other_end) ?? '',
        },
        aligned: [],
      };
    });
    const { reusedChars, sources } = summarize(self?.text.length ?? 0, passages);
    const { count } = await this.corpusSignature();
    return {
      reportId,
      source: 'stored',
      compared: Math.max(0, count - 1),
      partial: false,
      reusedChars,
      textChars: self?.body ? self.body.end - self.body.start : (self?.text.length ?? 0),
      passages,
      sources,
      ms: Date.now() - started,
      note: '来自 fazhi reuse 上次运行时存储的结果（之后上传的报告未包含在内）',
    };
  }
}

/** Characters of the report inside some passage (passages may overlap), and the passages per other report. */
function summarize(
  textLength: number,
  passages: ReusePassage[],
): Pick<ReuseResult, 'reusedChars' | 'sources'> {
  const covered = new Uint8Array(textLength);
  for (const p of passages) covered.fill(1, p.span.start, p.span.end);
  let reusedChars = 0;
  for (const c of covered) reusedChars += c;
  const sources = new Map<string, ReuseResult['sources'][number]>();
  for (const p of passages) {
    const s = sources.get(p.other.reportId) ?? {
      reportId: p.other.reportId,
      title: p.other.title,
      kind: p.kind,
      passages: 0,
      matchedChars: 0,
    };
    s.passages++;
    s.matchedChars += p.matchedChars;
    sources.set(p.other.reportId, s);
  }
  return { reusedChars, sources: [...sources.values()].sort((a, b) => b.matchedChars - a.matchedChars) };
}
