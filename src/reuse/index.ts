/**
 * Copy detection (domain.md §4.5 Q11): near-duplicate passages across reports and across years
 * of the same unit. Pure and synchronous; `load.ts` is the only module that reads a file.
 *
 * @example
 * import { loadBoilerplate, ReuseIndex, toCorpusReuse } from './reuse/index.js';
 * const index = new ReuseIndex({ boilerplate: loadBoilerplate() });
 * index.addReport('a', reportA);
 * index.addReport('b', reportB);
 * index.findReuse('b').map(toCorpusReuse);
 */
export { type AlignedSpan, type AlignOptions, align, alignFolded, type TileSpan } from './align.js';
export { Boilerplate, compileBoilerplate, NO_BOILERPLATE } from './boilerplate.js';
export {
  issuerKey,
  jurisdictionKey,
  paragraphUnits,
  REUSE_RULES,
  ReuseIndex,
  type ReuseKind,
  type ReuseMatch,
  type ReuseMeta,
  type ReuseOptions,
  type ReuseOther,
  type ReuseStats,
  type ReuseUnit,
  reuseMeta,
  toCorpusReuse,
  type UnitOptions,
  unitScheme,
} from './detect.js';
export { type Fingerprint, winnow } from './fingerprint.js';
export { type FoldedText, fold } from './fold.js';
export { fnv1a } from './hash.js';
export { loadBoilerplate } from './load.js';
export {
  bandKeys,
  jaccardEstimate,
  LshIndex,
  type LshIndexData,
  minhash,
  SIGNATURE_SCHEME,
  shingleHashes,
  signature,
  signatureFromBytes,
  signatureToBytes,
} from './minhash.js';
