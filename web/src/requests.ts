/**
 * The main request of each view, built from the URL: used by the pages and, before React has
 * rendered anything, by the prefetch in main.tsx, so the data is on its way while the app loads.
 */
import { apiGet, apiUrl, listParam, type Params, queryString } from './api';

export const FACET_PARAMS = [
  'province',
  'year',
  'level',
  'unitKind',
  'area',
  'rule',
  'scoreBand',
  'format',
] as const;

/** The filters of the current URL, as API params. */
export function filterParams(params: URLSearchParams): Params {
  const out: Params = {};
  for (const name of [...FACET_PARAMS, 'ids']) {
    const v = listParam(params, name);
    if (v.length > 0) out[name] = v;
  }
  for (const name of ['q', 'part', 'scoreMin', 'scoreMax', 'hasErrors']) {
    const v = params.get(name);
    if (v) out[name] = v;
  }
  return out;
}

export function listRequest(params: URLSearchParams): Params {
  return {
    ...filterParams(params),
    limit: Number(params.get('limit') ?? 20),
    offset: Number(params.get('offset') ?? 0),
    sort: params.get('sort') ?? undefined,
    order: params.get('order') ?? undefined,
  };
}

interface Prefetched {
  promise: Promise<unknown>;
  /** Set once the answer is in: a view rendered after that shows it at once, without a loading pass. */
  settled?: { value: unknown };
}

const prefetched = new Map<string, Prefetched>();

/** Start a GET of `path` (with its query, under /api) now; the first useApi of the same URL takes its answer. */
function prefetch(path: string): void {
  const url = apiUrl(path);
  if (!prefetched.has(url)) {
    const entry: Prefetched = { promise: apiGet(path) };
    entry.promise.then(
      (value) => {
        entry.settled = { value };
      },
      () => {}, // a failure is seen (and retried) by the page
    );
    prefetched.set(url, entry);
  }
}

/**
 * An answer already at hand (embedded in the page by the server), by API path with its query:
 * the first useApi of the URL shows it at once.
 */
export function provide(path: string, value: unknown): void {
  prefetched.set(apiUrl(path), { promise: Promise.resolve(value), settled: { value } });
}

/** Forget every answer kept (the server, between two renders). */
export function forgetPrefetched(): void {
  prefetched.clear();
}

/** The answer of a prefetch that has already arrived (left for takePrefetched to consume). */
export function peekPrefetched<T>(path: string, params?: Params): { value: T } | undefined {
  return prefetched.get(apiUrl(path, params))?.settled as { value: T } | undefined;
}

export function takePrefetched<T>(path: string, params?: Params): Promise<T> | undefined {
  const url = apiUrl(path, params);
  const p = prefetched.get(url);
  prefetched.delete(url);
  return p?.promise as Promise<T> | undefined;
}

/**
 * The API requests the view at `hash` makes first, as paths with their query (under /api): the
 * labels, and the view's data. The server renders a view from the answers to these
 * (web/src/ssr.tsx).
 */
export function routeRequests(hash: string): string[] {
  const raw = hash.replace(/^#\/?/u, '');
  const [path = '', query = ''] = raw.split('?');
  const [first, second] = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const requests = ['/meta'];
  if (first === undefined || first === 'overview') {
    const filters = filterParams(params);
    requests.push(`/overview${queryString(filters)}`);
    // The year choices come from the unfiltered overview.
    if (Object.keys(filters).length > 0) requests.push('/overview');
  } else if (first === 'reports' && second) {
    requests.push(`/reports/${encodeURIComponent(decodeURIComponent(second))}`);
  } else if (first === 'reports') {
    requests.push(`/reports${queryString(listRequest(params))}`);
  }
  return requests;
}

/** Prefetch what the view at `hash` will ask for first. */
export function prefetchRoute(hash: string): void {
  for (const request of routeRequests(hash)) prefetch(request);
}
