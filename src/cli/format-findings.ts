/**
 * Output formats of `fazhi check`: `stylish` (ESLint's default look), `json`, `sarif` (2.1.0) and
 * a `markdown` summary. Findings carry offsets into the normalized report text; line and column are
 * computed here, at output time, through the report's offset map into the text the reader
 * extracted — for a TXT file that is the file itself, for HTML, DOCX and PDF the extracted text
 * (one paragraph per line).
 */
import type { Finding, Score, Severity } from '../checks/index.js';
import { RULES } from '../checks/index.js';
import type { OffsetMap } from '../core/normalize.js';
import type { SourceFormat, Span } from '../core/types.js';

export type CheckFormat = 'stylish' | 'json' | 'sarif' | 'markdown';
export const CHECK_FORMATS: readonly CheckFormat[] = ['stylish', 'json', 'sarif', 'markdown'];

/** 1-based line and column (UTF-16 code units, as ESLint counts). */
export interface Position {
  line: number;
  column: number;
}

export interface Located {
  start: Position;
  end: Position;
}

/** The check of one input, ready for output. */
export interface FileResult {
  /** The path as given (or expanded) on the command line. */
  source: string;
  format?: SourceFormat;
  findings: Finding[];
  /** Findings silenced by inline directives. */
  suppressed: number;
  score?: { total: number; dimensions: Score['dimensions'] };
  /** Set when the input could not be checked. */
  error?: { code: string; message: string };
  /** The normalized report text the spans point into. */
  text?: string;
  /** Line/column of a span. */
  locate?: (span: Span) => Located;
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
  failed: number;
}

/**
 * A locator for the spans of one report: through `map` (Report.sourceMap) into `sourceText` (the
 * reader's text), or into `text` itself when there is no source text.
 */
export function createLocator(text: string, map?: OffsetMap, sourceText?: string): (span: Span) => Located {
  const target = sourceText ?? text;
  const toTarget = (offset: number): number =>
    sourceText !== undefined && map ? map.toSource(offset) : offset;
  const lineStarts = [0];
  for (let i = 0; i < target.length; i++) if (target[i] === '\n') lineStarts.push(i + 1);
  const position = (offset: number): Position => {
    const o = Math.max(0, Math.min(target.length, offset));
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] as number) <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: o - (lineStarts[lo] as number) + 1 };
  };
  return (span) => {
    const start = toTarget(span.start);
    const end = span.end > span.start ? toTarget(span.end - 1) + 1 : start;
    return { start: position(start), end: position(Math.max(start, end)) };
  };
}

export function countFindings(results: FileResult[]): Counts {
  const counts: Counts = { errors: 0, warnings: 0, infos: 0, fixable: 0, failed: 0 };
  for (const r of results) {
    if (r.error) counts.failed++;
    for (const f of r.findings) {
      if (f.severity === 'error') counts.errors++;
      else if (f.severity === 'warning') counts.warnings++;
      else counts.infos++;
      if (f.fix) counts.fixable++;
    }
  }
  return counts;
}

/** Columns a string takes in a terminal: CJK and full-width forms take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

const quote = (r: FileResult, span: Span, max = 40): string => {
  const s = (r.text ?? '').slice(span.start, span.end).replace(/\s+/gu, ' ');
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

/** ESLint's `stylish`: findings grouped by file, then a summary line. */
export function formatStylish(results: FileResult[]): string {
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(`${r.source}`, `  error  ${r.error.message}  (${r.error.code})`, '');
      continue;
    }
    if (r.findings.length === 0) continue;
    out.push(r.source);
    const rows = r.findings.map((f) => {
      const at = r.locate ? r.locate(f.span).start : { line: 0, column: 0 };
      return { where: `${at.line}:${at.column}`, f };
    });
    const whereWidth = Math.max(...rows.map((x) => x.where.length));
    const messageWidth = Math.min(72, Math.max(...rows.map((x) => displayWidth(x.f.message))));
    for (const { where, f } of rows) {
      out.push(
        `  ${where.padStart(whereWidth)}  ${f.severity.padEnd(7)}  ${pad(f.message, messageWidth)}  ${f.ruleId}`,
      );
      if (f.fix) {
        out.push(
          `  ${' '.repeat(whereWidth)}  ${' '.repeat(7)}  ↳ 修改建议：${quote(r, f.fix.span)} → ${f.fix.text}`,
        );
      }
    }
    if (r.score) {
      const dims = r.score.dimensions
        .filter((d) => d.applicable)
        .map((d) => `${d.id} ${d.points}/${d.weight}`)
        .join(' · ');
      out.push(`  score ${r.score.total}/100  (${dims})`);
    }
    out.push('');
  }
  const c = countFindings(results);
  const problems = c.errors + c.warnings + c.infos;
  if (problems > 0 || c.failed > 0) {
    const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning'), plural(c.infos, 'info')];
    out.push(
      `${c.errors > 0 || c.failed > 0 ? '✖' : '⚠'} ${plural(problems, 'problem')} (${parts.join(', ')})`,
    );
    if (c.fixable > 0) out.push(`  ${plural(c.fixable, 'problem')} with a fix suggestion`);
    if (c.failed > 0) out.push(`  ${plural(c.failed, 'file')} could not be checked`);
  } else {
    const scored = results.filter((r) => r.score);
    if (scored.length > 0) {
      for (const r of scored) out.push(`${r.source}: no problems, score ${r.score?.total}/100`);
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function findingJson(r: FileResult, f: Finding): Record<string, unknown> {
  const loc = r.locate?.(f.span);
  const out: Record<string, unknown> = { ...f };
  if (loc) {
    out.line = loc.start.line;
    out.column = loc.start.column;
    out.endLine = loc.end.line;
    out.endColumn = loc.end.column;
  }
  if (r.text !== undefined) out.quote = quote(r, f.span, 80);
  return out;
}

/** `{results: [{source, findings (with line/column), score, counts}], …totals}`. */
export function formatJson(results: FileResult[]): string {
  const c = countFindings(results);
  const json = {
    results: results.map((r) => {
      const rc = countFindings([r]);
      return {
        source: r.source,
        ...(r.format ? { format: r.format } : {}),
        ...(r.error
          ? { error: r.error.message, errorCode: r.error.code }
          : {
              findings: r.findings.map((f) => findingJson(r, f)),
              score: r.score,
              errorCount: rc.errors,
              warningCount: rc.warnings,
              infoCount: rc.infos,
              fixableCount: rc.fixable,
              suppressedCount: r.suppressed,
            }),
      };
    }),
    errorCount: c.errors,
    warningCount: c.warnings,
    infoCount: c.infos,
    fixableCount: c.fixable,
    failedCount: c.failed,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

export const DOCS_URL = 'https://github.com/fazhi/fazhi/blob/main/docs/rules.md';

/** The anchor of a rule in docs/rules.md. */
export function ruleAnchor(id: string): string {
  return id.replace(/\//gu, '-');
}

/**
 * SARIF 2.1.0. Regions (line/column) are given for plain-text inputs only, where they point into
 * the file; for HTML, DOCX and PDF the location names the file and the quoted text goes into the
 * result's properties.
 */
export function formatSarif(results: FileResult[], version = '0.1.0'): string {
  const ruleIds = RULES.map((r) => r.meta.id);
  const extraIds = [...new Set(results.flatMap((r) => r.findings.map((f) => f.ruleId)))].filter(
    (id) => !ruleIds.includes(id),
  );
  const rules = [
    ...RULES.map(({ meta }) => ({
      id: meta.id,
      name: meta.id,
      shortDescription: { text: meta.description.en },
      fullDescription: { text: meta.description.zh },
      helpUri: `${DOCS_URL}#${ruleAnchor(meta.id)}`,
      defaultConfiguration: { level: SARIF_LEVEL[meta.severity], enabled: meta.recommended },
      properties: { category: meta.category, ...(meta.basis ? { basis: meta.basis } : {}) },
    })),
    ...extraIds.map((id) => ({ id, name: id, shortDescription: { text: id } })),
  ];
  const allIds = rules.map((r) => r.id);
  const checked = results.filter((r) => !r.error);
  const artifactIndex = new Map(checked.map((r, i) => [r.source, i]));
  const sarifResults = checked.flatMap((r) => {
    const inFile = r.format === 'txt' && r.locate !== undefined;
    const location = (span: Span) => {
      const artifactLocation = {
        uri: encodeURI(r.source.replace(/\\/gu, '/')),
        index: artifactIndex.get(r.source),
      };
      if (!inFile || !r.locate) return { physicalLocation: { artifactLocation } };
      const loc = r.locate(span);
      return {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: loc.start.line,
            startColumn: loc.start.column,
            endLine: loc.end.line,
            endColumn: loc.end.column,
            snippet: { text: (r.text ?? '').slice(span.start, span.end) },
          },
        },
      };
    };
    return r.findings.map((f) => {
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: allIds.indexOf(f.ruleId),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [location(f.span)],
        properties: {
          span: f.span,
          quote: quote(r, f.span, 200),
          ...(f.expected !== undefined ? { expected: f.expected } : {}),
          ...(f.actual !== undefined ? { actual: f.actual } : {}),
        },
      };
      if (f.related?.length) {
        result.relatedLocations = f.related
          .filter((x) => x.reportId === undefined)
          .map((x, id) => ({ id, ...location(x.span), message: { text: x.note } }));
      }
      if (f.fix && inFile && r.locate) {
        const loc = r.locate(f.fix.span);
        result.fixes = [
          {
            description: { text: `${quote(r, f.fix.span)} → ${f.fix.text}` },
            artifactChanges: [
              {
                artifactLocation: { uri: encodeURI(r.source.replace(/\\/gu, '/')) },
                replacements: [
                  {
                    deletedRegion: {
                      startLine: loc.start.line,
                      startColumn: loc.start.column,
                      endLine: loc.end.line,
                      endColumn: loc.end.column,
                    },
                    insertedContent: { text: f.fix.text },
                  },
                ],
              },
            ],
          },
        ];
      }
      return result;
    });
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'fazhi', version, informationUri: DOCS_URL, rules } },
        artifacts: checked.map((r) => ({
          location: { uri: encodeURI(r.source.replace(/\\/gu, '/')) },
          ...(r.format ? { properties: { format: r.format } } : {}),
        })),
        results: sarifResults,
        invocations: [
          {
            executionSuccessful: results.every((r) => !r.error),
            toolExecutionNotifications: results
              .filter((r) => r.error)
              .map((r) => ({
                level: 'error',
                message: { text: `${r.source}: ${r.error?.message}` },
                descriptor: { id: r.error?.code },
              })),
          },
        ],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

function mdCell(s: string): string {
  return s.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');
}

/** A Markdown summary: per file the score by dimension and the findings. */
export function formatMarkdown(results: FileResult[]): string {
  const c = countFindings(results);
  const out: string[] = ['# fazhi check', ''];
  out.push(
    `${results.length} 份报告 · ${c.errors} 个错误 · ${c.warnings} 个警告 · ${c.infos} 个提示${c.fixable ? ` · ${c.fixable} 个可自动修改` : ''}${c.failed ? ` · ${c.failed} 份无法检查` : ''}`,
    '',
  );
  if (results.length > 1) {
    out.push('| 报告 | 得分 | 错误 | 警告 | 提示 |', '|---|---:|---:|---:|---:|');
    for (const r of results) {
      const rc = countFindings([r]);
      out.push(
        `| ${mdCell(r.source)} | ${r.error ? '—' : (r.score?.total ?? '—')} | ${rc.errors} | ${rc.warnings} | ${rc.infos} |`,
      );
    }
    out.push('');
  }
  for (const r of results) {
    out.push(`## ${r.source}`, '');
    if (r.error) {
      out.push(`无法检查：${r.error.message}（${r.error.code}）`, '');
      continue;
    }
    if (r.score) {
      out.push(`**得分 ${r.score.total} / 100**`, '', '| 维度 | 得分 | 扣分原因 |', '|---|---:|---|');
      for (const d of r.score.dimensions) {
        const why = d.applicable
          ? d.deductions.map((x) => `${x.ruleId} −${x.totalPoints}`).join('；') || '—'
          : `不适用（${d.note ?? ''}）`;
        out.push(
          `| ${d.id} ${d.name} | ${d.applicable ? `${d.points} / ${d.weight}` : '—'} | ${mdCell(why)} |`,
        );
      }
      out.push('');
    }
    if (r.findings.length === 0) {
      out.push('没有发现问题。', '');
      continue;
    }
    out.push('| 位置 | 级别 | 问题 | 规则 |', '|---|---|---|---|');
    for (const f of r.findings) {
      const at = r.locate ? r.locate(f.span).start : null;
      const fix = f.fix ? `（建议：${quote(r, f.fix.span)} → ${f.fix.text}）` : '';
      out.push(
        `| ${at ? `${at.line}:${at.column}` : ''} | ${SEVERITY_ZH[f.severity]} | ${mdCell(f.message + fix)} | \`${f.ruleId}\` |`,
      );
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

export function formatResults(format: CheckFormat, results: FileResult[], version?: string): string {
  switch (format) {
    case 'json':
      return formatJson(results);
    case 'sarif':
      return formatSarif(results, version);
    case 'markdown':
      return formatMarkdown(results);
    default:
      return formatStylish(results);
  }
}
