/** A multi-valued filter of a view (年度, 层级, 省份), kept in the URL as a comma-separated parameter. */
import { Select } from 'antd';
import { listParam } from '../api';
import type { Count, Meta } from '../types';

export interface FilterOption {
  value: string;
  label: string;
}

export function FilterSelect({
  name,
  placeholder,
  params,
  options,
  onChange,
  minWidth = 160,
}: {
  /** The URL parameter. */
  name: string;
  placeholder: string;
  params: URLSearchParams;
  options: FilterOption[];
  onChange: (name: string, values: string[]) => void;
  minWidth?: number;
}) {
  return (
    <Select
      mode="multiple"
      allowClear
      placeholder={placeholder}
      style={{ minWidth }}
      value={listParam(params, name)}
      onChange={(v: string[]) => onChange(name, v)}
      optionFilterProp="label"
      options={options}
    />
  );
}

/** Options from the overview's counts (years, provinces), optionally with the count. */
export function countOptions(counts: Count[] | undefined, withCount = false): FilterOption[] {
  return (counts ?? [])
    .filter((c): c is Count & { value: string } => c.value !== null)
    .map((c) => ({ value: c.value, label: withCount ? `${c.label}（${c.count}）` : c.label }));
}

export function levelOptions(meta: Meta): FilterOption[] {
  return Object.entries(meta.labels.levels).map(([value, label]) => ({ value, label }));
}

/** The URL parameters with `name` set to `values` (removed when empty). */
export function withParam(params: URLSearchParams, name: string, values: string[]): Record<string, string> {
  const p = Object.fromEntries(params.entries());
  if (values.length > 0) p[name] = values.join(',');
  else delete p[name];
  return p;
}
