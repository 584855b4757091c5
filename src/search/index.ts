/** Chinese full-text search over the store. See docs/store.md, "Search". */
export { type ParsedQuery, parseQuery, type QueryTerm } from './query.js';
export {
  hasTrigram,
  SearchError,
  type SearchFilters,
  type SearchHit,
  type SearchOrder,
  type SearchRequest,
  type SearchResult,
  searchReports,
} from './search.js';
export { SEG_VERSION, searchTokens, segmentForIndex, termTokens } from './segment.js';
export { type Highlight, makeSnippet, type Snippet } from './snippet.js';
