/**
 * `fazhi search QUERY [filters]`: Chinese full-text search over the store, with highlighted
 * snippets. `--format json` prints `{"total", "hits": [{"source", "title", "snippet", "year",
 * "jurisdiction", "score", "rank", …}], "nextCursor"}`. Exit code 0 (also with no hits), 2 on a
 * bad filter or when there is no store.
 */
import { type Command, InvalidArgumentError, Option } from 'commander';
import type { JurisdictionLevel, PartKind, UnitKind } from '../core/types.js';
import type { SearchRequest, SearchResult } from '../search/search.js';
import { PART_NAMES } from './format-text.js';
import { addStoreOptions, type StoreCliOptions } from './ingest-command.js';
import { jsonOption, positiveInt } from './options.js';
import type { Output } from './output.js';

export interface SearchCommandOptions extends StoreCliOptions {
  format?: 'text' | 'json';
  province?: string;
  code?: string;
  level?: JurisdictionLevel[];
  unitKind?: UnitKind[];
  year?: [number, number];
  part?: PartKind;
  area?: string;
  rule?: string;
  score?: [number, number];
  limit?: number;
  offset?: number;
  cursor?: string;
  order?: 'rank' | 'year' | 'score';
  allVersions?: boolean;
  html?: boolean;
}

/** `2023` or `2021-2023` (either end may be left open: `2021-`, `-2023`). */
export function numberRange(value: string): [number, number] {
  const m = /^\s*(\d+(?:\.\d+)?)?\s*(?:(-|–|~|\.\.)\s*(\d+(?:\.\d+)?)?)?\s*$/u.exec(value);
  if (!m || (m[1] === undefined && m[3] === undefined)) {
    throw new InvalidArgumentError('expected a number or a range such as 2021-2023');
  }
  const low = m[1] === undefined ? Number.NEGATIVE_INFINITY : Number(m[1]);
  const high = m[2] === undefined ? low : m[3] === undefined ? Number.POSITIVE_INFINITY : Number(m[3]);
  return [low, high];
}

const commaList = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(/[,，]/u)
    .map((v) => v.trim())
    .filter(Boolean),
];

const LEVEL_NAMES: Record<string, string> = {
  province: '省级',
  prefecture: '地市级',
  county: '县级',
  township: '乡镇级',
};

export function toSearchRequest(o: SearchCommandOptions): SearchRequest {
  const request: SearchRequest = {
    province: o.province,
    jurisdictionCode: o.code,
    level: o.level,
    unitKind: o.unitKind,
    part: o.part,
    area: o.area,
    rule: o.rule,
    limit: o.limit,
    offset: o.offset,
    cursor: o.cursor,
    order: o.order,
    allVersions: o.allVersions,
    highlight: o.html ? 'html' : 'brackets',
  };
  const finite = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n : undefined);
  if (o.year) {
    if (o.year[0] === o.year[1]) request.year = o.year[0];
    else {
      request.yearFrom = finite(o.year[0]);
      request.yearTo = finite(o.year[1]);
    }
  }
  if (o.score) {
    request.scoreMin = finite(o.score[0]);
    request.scoreMax = finite(o.score[1]);
  }
  return request;
}

export function formatSearchText(query: string, result: SearchResult, offset: number): string {
  const lines: string[] = [];
  const what = query.trim() ? `match ${query.trim()}` : 'match the filters';
  if (result.total === 0) return `no reports ${what}`;
  const from = offset + 1;
  lines.push(
    `${result.totalExact ? '' : 'about '}${result.total} report${result.total === 1 ? '' : 's'} ${what}` +
      (result.hits.length > 0 ? ` (showing ${from}–${offset + result.hits.length})` : ''),
  );
  result.hits.forEach((h, i) => {
    const facts = [
      h.year ?? '—',
      h.jurisdiction
        ? `${h.jurisdiction.name} ${h.jurisdiction.code ?? ''} ${LEVEL_NAMES[h.jurisdiction.level ?? ''] ?? ''}`.trim()
        : null,
      h.score !== null ? `得分 ${h.score}` : null,
    ].filter((x) => x !== null);
    lines.push('');
    lines.push(`${from + i}. ${h.title ?? '(无标题)'}  [${facts.join(' · ')}]`);
    lines.push(`   ${h.snippet}`);
    lines.push(`   ${h.source}`);
  });
  if (result.nextCursor) lines.push('', `next page: --cursor ${result.nextCursor}`);
  return lines.join('\n');
}

/** Run `fazhi search`; returns the exit code. */
export async function runSearchCommand(
  queryWords: string[],
  options: SearchCommandOptions,
  out: Output,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const { openStore, resolveStoreTarget } = await import('../store/open.js');
  const { searchReports, SearchError } = await import('../search/search.js');
  const query = queryWords.join(' ');
  let store: Awaited<ReturnType<typeof openStore>>;
  try {
    store = await openStore(resolveStoreTarget(options, env), { create: false });
  } catch (error) {
    out.error(`fazhi search: ${(error as Error).message}`);
    return 2;
  }
  try {
    const request = toSearchRequest(options);
    const result = await searchReports(store.pool, query, request);
    if (options.format === 'json') {
      await out.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      await out.write(`${formatSearchText(query, result, request.cursor ? 0 : (request.offset ?? 0))}\n`);
    }
    return 0;
  } catch (error) {
    out.error(`fazhi search: ${(error as Error).message}`);
    return error instanceof SearchError ? 2 : 1;
  } finally {
    await store.close();
  }
}

/** Add `fazhi search` to the program. */
export function registerSearchCommand(program: Command, out: Output, setExit: (code: number) => void): void {
  const command = program
    .command('search')
    .description(
      'full-text search of the stored reports: words AND-ed, "a phrase", -excluded (e.g. 行政复议 "出庭应诉率" -疫情)',
    )
    .argument('[query...]', 'search terms (none: list by the filters, newest first)');
  addStoreOptions(command)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(jsonOption())
    .option('--province <p>', 'province code or name (13, 130000, 河北)')
    .option('--code <code>', 'jurisdiction code or prefix (1305 for 邢台市 and below)')
    .addOption(
      new Option(
        '--level <levels>',
        'jurisdiction level(s), comma-separated: province, prefecture, county, township',
      ).argParser(commaList),
    )
    .addOption(
      new Option(
        '--unit-kind <kinds>',
        'unit kind(s), comma-separated: government, department, party, other',
      ).argParser(commaList),
    )
    .option('--year <years>', 'year or range (2023, 2021-2023)', numberRange)
    .addOption(
      new Option(
        '--part <kind>',
        `terms must occur in this part (${Object.keys(PART_NAMES).join(', ')})`,
      ).choices(Object.keys(PART_NAMES)),
    )
    .option('--area <area>', '纲要 area of stated figures (A01–A10, X_society)')
    .option('--rule <id>', 'reports with a finding of this rule (e.g. structure/missing-part)')
    .option('--score <range>', 'score range (60-80, 90-)', numberRange)
    .option('-n, --limit <n>', 'hits per page', positiveInt, 20)
    .option('--offset <n>', 'skip this many hits', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('expected a whole number');
      return n;
    })
    .option('--cursor <cursor>', 'the next page (printed under the hits)')
    .addOption(new Option('--order <order>', 'sort order').choices(['rank', 'year', 'score']))
    .option('--all-versions', 'include reports of superseded file versions')
    .option('--html', 'mark matches with <mark> (HTML-escaped) instead of 【】')
    .action(async (words: string[], opts: SearchCommandOptions) => {
      setExit(await runSearchCommand(words, opts, out));
    });
}
