/**
 * Adapter: read the data files once and compile them into the {@link Knowledge} the analysis
 * core takes. The only place that touches `data/` at run time.
 */
import { readFileSync } from 'node:fs';
import { compileKnowledge, type Knowledge } from '../core/knowledge.js';
import { loadDivisions } from '../divisions/load.js';

/** Path of a data file; `src/knowledge` and `dist/knowledge` are both two levels below the root. */
export function dataPath(name: string): URL {
  return new URL(`../../data/${name}`, import.meta.url);
}

function read(name: string): string {
  return readFileSync(dataPath(name), 'utf8');
}

let cached: Knowledge | null = null;

/** The default knowledge from `data/`, loaded on first use. */
export function loadKnowledge(): Knowledge {
  cached ??= compileKnowledge({
    partCues: read('part-cues.tsv'),
    pageChrome: read('page-chrome.tsv'),
    otherDocuments: read('other-documents.tsv'),
    metaLabels: read('meta-labels.tsv'),
    orgSuffixes: read('org-suffixes.tsv'),
    divisions: loadDivisions(),
    catalogue: {
      indicators: read('indicators.tsv'),
      cues: read('indicator-cues.tsv'),
      units: read('units.tsv'),
      context: read('figure-context.tsv'),
    },
    relations: read('relations.tsv'),
    t2s: read('t2s.tsv'),
  });
  return cached;
}
