/** The readable summary `fazhi analyze` prints by default. */
import type { PartKind } from '../core/types.js';
import type { ContractReport } from '../output/contract.js';

export const PART_NAMES: Record<PartKind, string> = {
  measures: '主要举措和成效',
  shortcomings: '存在的不足和原因',
  leadership: '第一责任人职责',
  plans: '下一年度安排',
  other: '其他',
};

const LEVEL_NAMES = { province: '省级', prefecture: '地市级', county: '县级', township: '乡镇级' } as const;
const UNIT_NAMES = { government: '政府', department: '部门', party: '党委', other: '其他' } as const;

function kinds(part: PartKind | PartKind[]): string {
  return (Array.isArray(part) ? part : [part]).map((k) => PART_NAMES[k]).join(' + ');
}

export function formatReportText(r: ContractReport): string {
  const m = r.meta;
  const lines: string[] = [];
  lines.push(`${r.source}  [${r.format}${r.encoding ? `, ${r.encoding}` : ''}]`);
  lines.push(`  标题    ${m.title ?? '—'}`);
  lines.push(`  发布主体 ${m.issuer ?? '—'} (${UNIT_NAMES[m.unitKind]})`);
  lines.push(
    `  辖区    ${m.jurisdiction ? `${m.jurisdiction.name} ${m.jurisdiction.code} ${LEVEL_NAMES[m.jurisdiction.level]}` : '—'}`,
  );
  lines.push(`  年度    ${m.year ?? '—'}    发布 ${m.published ?? '—'}    落款 ${m.signed ?? '—'}`);
  lines.push('  结构');
  if (r.parts.length === 0) lines.push('    (未识别出一级标题)');
  for (const p of r.parts) lines.push(`    ${p.heading}  → ${kinds(p.part)}`);
  for (const e of r.embeddedParts) {
    const where = e.within >= 0 ? `第${e.within + 1}部分内` : '正文内';
    lines.push(
      `    (${PART_NAMES[e.part]}: 无独立标题, 见${where}「${e.quote.replace(/\s+/gu, ' ').slice(0, 30)}…」)`,
    );
  }
  if (r.indicators.length > 0) lines.push(`  指标    ${r.indicators.length} 项`);
  for (const d of r.dateIssues) lines.push(`  日期问题 「${d.raw}」 ${d.note}`);
  for (const w of r.warnings) lines.push(`  注意    ${w}`);
  return lines.join('\n');
}
