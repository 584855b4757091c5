/**
 * The Chinese labels the web app shows next to the codes the store keeps (levels, unit kinds,
 * parts, severities, 纲要 areas, rules, provinces, indicators). Sent once by `GET /api/meta`, so the
 * front end has no copy of them.
 */
import { areaLabels, RULES } from '../checks/index.js';
import type { Knowledge } from '../core/knowledge.js';
import type { InputErrorCode } from '../errors.js';
import { loadKnowledge } from '../knowledge/load.js';
import type { Labels } from './api-types.js';

export const LEVEL_LABELS: Record<string, string> = {
  province: '省级',
  prefecture: '市级',
  county: '县级',
  township: '乡镇级',
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  government: '政府',
  department: '部门',
  party: '党委',
  other: '其他',
};

export const PART_LABELS: Record<string, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足',
  leadership: '第一责任人履职',
  plans: '下一年度安排',
  other: '其他',
};

export const SEVERITY_LABELS: Record<string, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const FORMAT_LABELS: Record<string, string> = {
  txt: '文本',
  html: '网页',
  docx: 'Word',
  pdf: 'PDF',
};

/** Why a file could not be read (src/errors.ts InputErrorCode), for upload results and the failed files. */
export const INPUT_ERROR_LABELS: Record<InputErrorCode, string> = {
  'not-found': '文件不存在',
  empty: '文件为空',
  'too-large': '文件过大',
  binary: '文件内容不是文本',
  'unsupported-format': '不支持的文件格式',
  encrypted: '文件已加密（有密码保护）',
  corrupt: '文件已损坏或不完整，无法读取',
  'no-text-layer': 'PDF 没有文字层（扫描件），无法读取',
  'not-a-report': '不像法治政府建设年度报告',
};

/** A reader's failure in Chinese, its English detail kept in brackets. */
export function inputErrorMessage(code: string | null, detail: string | null): string {
  const label = code ? INPUT_ERROR_LABELS[code as InputErrorCode] : undefined;
  if (!label) return detail ?? '无法读取';
  return detail ? `${label}（${detail}）` : label;
}

let cached: Labels | null = null;

export function labels(knowledge: Knowledge = loadKnowledge()): Labels {
  if (cached) return cached;
  const rates = new Map<string, { numerator: string | null; denominators: string[] }>();
  for (const rel of knowledge.relations.rows) {
    if (rel.kind !== 'rate') continue;
    const prior = rates.get(rel.rate);
    // A relation with a keyed numerator is more useful than one with "?".
    if (!prior || (prior.numerator === null && rel.numerator !== null)) {
      rates.set(rel.rate, { numerator: rel.numerator, denominators: [...rel.denominators] });
    }
  }
  cached = {
    levels: LEVEL_LABELS,
    unitKinds: UNIT_KIND_LABELS,
    parts: PART_LABELS,
    severities: SEVERITY_LABELS,
    formats: FORMAT_LABELS,
    areas: areaLabels(),
    rules: RULES.map((r) => ({
      id: r.meta.id,
      name: r.meta.description.zh,
      category: r.meta.category,
      severity: r.meta.severity,
    })),
    indicators: [...knowledge.catalogue.indicators.values()].map((d) => ({
      key: d.key,
      name: d.nameZh,
      units: d.units,
      area: d.area,
      rate: rates.get(d.key) ?? null,
    })),
  };
  return cached;
}

const provinceNames = new Map<string, string>();

/** The name of a province from its code ('130000' → '河北省'); the code when unknown. */
export function provinceName(code: string | null, knowledge: Knowledge = loadKnowledge()): string {
  if (!code) return '未知';
  let name = provinceNames.get(code);
  if (name === undefined) {
    name = knowledge.divisions.get(code.slice(0, 2))?.name ?? code;
    provinceNames.set(code, name);
  }
  return name;
}
