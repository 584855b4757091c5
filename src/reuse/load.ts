/**
 * Adapter: read `data/boilerplate.tsv` once and compile it. The only place of copy detection
 * that touches the file system.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../knowledge/load.js';
import { type Boilerplate, compileBoilerplate } from './boilerplate.js';

let cached: Boilerplate | null = null;

/** The stock phrases of `data/boilerplate.tsv`, compiled on first use. */
export function loadBoilerplate(): Boilerplate {
  cached ??= compileBoilerplate(readFileSync(dataPath('boilerplate.tsv'), 'utf8'));
  return cached;
}
