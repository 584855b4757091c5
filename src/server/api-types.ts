/**
 * Response types of the HTTP API shared by the server and the web front end (which imports them
 * type-only). Keep this module free of imports so the browser build can read it.
 */

export interface CompareValue {
  key: string;
  value: number;
  unit: string;
  approx: string | null;
}

export interface CompareCell {
  unitKey: string;
  year: number | null;
  key: string;
  reportId: string;
  value: number;
  unit: string;
  approx: string | null;
  /** How many figures of this key the report states (the first is shown). */
  count: number;
  quote: string;
  /** For a rate: its numerator and denominator as the same report states them. */
  numerator?: CompareValue | null;
  denominator?: CompareValue | null;
  /** 100 · numerator / denominator, when both are stated. */
  computedRate?: number | null;
}

export interface CompareUnit {
  key: string;
  name: string;
  jurisdiction: string | null;
  code: string | null;
  level: string | null;
}

export interface CompareResult {
  keys: string[];
  years: number[];
  units: CompareUnit[];
  cells: CompareCell[];
  truncated: boolean;
}
