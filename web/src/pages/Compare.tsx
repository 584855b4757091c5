/** 指标对比: indicators × units × years, as tables and ECharts charts; rates with their numerators. */
import { Alert, Card, Empty, Segmented, Select, Skeleton, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { apiUrl, listParam } from '../api';
import { Chart, type ChartOption } from '../components/Chart';
import { barChart } from '../components/chartOptions';
import { ErrorAlert } from '../components/ErrorAlert';
import { countOptions, FilterSelect, levelOptions, withParam } from '../components/FilterSelect';
import { escapeHtml, formatNumber } from '../format';
import { useApi, useMeta } from '../hooks';
import { filterParams } from '../requests';
import { href, navigate } from '../router';
import { COLORS, PALETTE } from '../theme';
import type { CompareCell, CompareResult, CompareUnit, IndicatorCount, Meta, Overview } from '../types';

const APPROX: Record<string, string> = { over: '>', under: '<', about: '≈' };

function valueText(c: { value: number; unit: string; approx: string | null }): string {
  return `${c.approx ? APPROX[c.approx] : ''}${formatNumber(c.value, 2)}${c.unit}`;
}

function CellView({ cell, meta }: { cell: CompareCell; meta: Meta }) {
  const name = (key: string) => meta.labels.indicators.find((i) => i.key === key)?.name ?? key;
  const rate =
    cell.numerator || cell.denominator ? (
      <div className="cell-rate">
        {cell.numerator ? formatNumber(cell.numerator.value, 2) : '?'} /{' '}
        {cell.denominator ? formatNumber(cell.denominator.value, 2) : '?'}
        {cell.computedRate !== null &&
          cell.computedRate !== undefined &&
          Math.abs(cell.computedRate - cell.value) > 0.51 && (
            <span style={{ color: COLORS.bad }}> ≠ {formatNumber(cell.computedRate, 2)}%</span>
          )}
      </div>
    ) : null;
  return (
    <Tooltip
      title={
        <div style={{ fontSize: 12 }}>
          <div>“{cell.quote}”</div>
          {cell.numerator && (
            <div>
              分子 {name(cell.numerator.key)}：{valueText(cell.numerator)}
            </div>
          )}
          {cell.denominator && (
            <div>
              分母 {name(cell.denominator.key)}：{valueText(cell.denominator)}
            </div>
          )}
          {cell.count > 1 && <div>报告中共 {cell.count} 处，显示第一处</div>}
        </div>
      }
    >
      <a href={href(`/reports/${cell.reportId}`)}>
        {valueText(cell)}
        {cell.count > 1 && <sup>×{cell.count}</sup>}
      </a>
      {rate}
    </Tooltip>
  );
}

function IndicatorBlock({
  keyName,
  result,
  meta,
  mode,
}: {
  keyName: string;
  result: CompareResult;
  meta: Meta;
  mode: string;
}) {
  const def = meta.labels.indicators.find((i) => i.key === keyName);
  const cells = result.cells.filter((c) => c.key === keyName);
  const units = result.units.filter((u) => cells.some((c) => c.unitKey === u.key));
  const years = result.years.filter((y) => cells.some((c) => c.year === y));
  const cellOf = (u: string, y: number) => cells.find((c) => c.unitKey === u && c.year === y);
  const unitOfMeasure = cells[0]?.unit ?? def?.units[0] ?? '';
  const name = (key: string | null) =>
    key ? (meta.labels.indicators.find((i) => i.key === key)?.name ?? key) : '（文中数字）';

  const option = useMemo((): ChartOption => {
    // A line per unit when units report in several years; else a bar per unit.
    const multiYear = units.filter(
      (u) => new Set(cells.filter((c) => c.unitKey === u.key).map((c) => c.year)).size > 1,
    );
    if (years.length > 1 && multiYear.length >= 2) {
      const top = [...multiYear]
        .sort(
          (a, b) =>
            cells.filter((c) => c.unitKey === b.key).length - cells.filter((c) => c.unitKey === a.key).length,
        )
        .slice(0, 10);
      const median = years.map((y) => {
        const vs = cells
          .filter((c) => c.year === y)
          .map((c) => c.value)
          .sort((a, b) => a - b);
        if (vs.length === 0) return null;
        const mid = Math.floor(vs.length / 2);
        return vs.length % 2 ? vs[mid] : ((vs[mid - 1] as number) + (vs[mid] as number)) / 2;
      });
      return {
        tooltip: {
          trigger: 'axis',
          // Unit names come from the reports: escaped, as the tooltip is HTML.
          formatter: (ps: { seriesName: string; value: number | null; axisValue: string }[]) =>
            [
              escapeHtml(ps[0]?.axisValue ?? ''),
              ...ps
                .filter((p) => p.value !== null && p.value !== undefined)
                .map(
                  (p) =>
                    `${escapeHtml(p.seriesName)}：${formatNumber(p.value, 2)}${escapeHtml(unitOfMeasure)}`,
                ),
            ].join('<br/>'),
        },
        legend: { type: 'scroll', bottom: 0 },
        grid: { left: 60, right: 20, top: 20, bottom: 50 },
        xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
        yAxis: { type: 'value', name: unitOfMeasure },
        series: [
          {
            name: '中位数',
            type: 'line',
            data: median,
            lineStyle: { type: 'dashed', width: 3, color: COLORS.bad },
            itemStyle: { color: COLORS.bad },
          },
          ...top.map((u) => ({
            name: u.name,
            type: 'line',
            connectNulls: true,
            data: years.map((y) => cells.find((c) => c.unitKey === u.key && c.year === y)?.value ?? null),
          })),
        ],
      };
    }
    // The latest value of each unit, coloured by year.
    const latest = new Map<string, CompareCell>();
    for (const c of cells) {
      const prior = latest.get(c.unitKey);
      if (!prior || (c.year ?? 0) > (prior.year ?? 0)) latest.set(c.unitKey, c);
    }
    const sorted = [...latest.values()].sort((a, b) => b.value - a.value).slice(0, 30);
    const unitName = (k: string) => units.find((u) => u.key === k)?.name ?? k;
    const yearColor = (y: number | null) => PALETTE[Math.max(0, years.indexOf(y ?? -1)) % PALETTE.length];
    return barChart({
      categories: sorted.map((c) => unitName(c.unitKey)),
      values: sorted.map((c) => c.value),
      color: (i) => yearColor(sorted[i]?.year ?? null),
      valueName: unitOfMeasure,
      grid: { left: 60, right: 20, top: 30, bottom: 90 },
      barMaxWidth: 28,
      categoryLabel: { interval: 0, rotate: 40, width: 90, overflow: 'truncate' },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const c = sorted[p.dataIndex];
          return c
            ? `${escapeHtml(unitName(c.unitKey))}<br/>${c.year ?? ''}年：${escapeHtml(valueText(c))}`
            : '';
        },
      },
      series: {
        label: {
          show: sorted.length <= 12,
          position: 'top',
          formatter: (p: { dataIndex: number }) => String(sorted[p.dataIndex]?.year ?? ''),
        },
      },
    });
  }, [cells, units, years, unitOfMeasure]);

  const columns: ColumnsType<CompareUnit> = [
    {
      title: '单位',
      key: 'name',
      fixed: 'left',
      width: 220,
      render: (_, u) => (
        <div>
          <div>{u.name}</div>
          <div style={{ fontSize: 12, color: COLORS.muted }}>
            {[u.jurisdiction, u.level ? meta.labels.levels[u.level] : null].filter(Boolean).join(' · ')}
          </div>
        </div>
      ),
    },
    ...years.map((y) => ({
      title: `${y}年`,
      key: String(y),
      align: 'right' as const,
      render: (_: unknown, u: CompareUnit) => {
        const c = cellOf(u.key, y);
        return c ? <CellView cell={c} meta={meta} /> : <span style={{ color: '#d9d9d9' }}>—</span>;
      },
    })),
  ];
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`compare-${keyName}`}
      title={
        <Space>
          <span>{def?.name ?? keyName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {keyName} · {unitOfMeasure} · {cells.length} 个数值
          </Typography.Text>
        </Space>
      }
    >
      {def?.rate && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          比率：分子 {name(def.rate.numerator)}，分母 {def.rate.denominators.map(name).join(' 或 ')}
          。单元格下方为同一报告所述的分子/分母，红字为按分子分母算出而与所述不符的比率。
        </Typography.Paragraph>
      )}
      {cells.length === 0 ? (
        <Empty description="所选报告中没有这项数据" />
      ) : (
        <>
          {mode !== '表格' && <Chart option={option} height={300} testId={`chart-${keyName}`} />}
          {mode !== '图表' && (
            <Table<CompareUnit>
              size="small"
              rowKey="key"
              columns={columns}
              dataSource={units}
              pagination={units.length > 20 ? { pageSize: 20 } : false}
              scroll={{ x: 'max-content' }}
            />
          )}
        </>
      )}
    </Card>
  );
}

export function Compare({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const filters = filterParams(params);
  const indicators = useApi<{ indicators: IndicatorCount[] }>('/indicators', filters);
  const provinces = useApi<Overview>('/overview');
  const [mode, setMode] = useState<string>('图表和表格');
  const chosen = listParam(params, 'keys');
  const keys =
    chosen.length > 0
      ? chosen
      : (indicators.data?.indicators ?? [])
          .filter((i) => i.reports > 0)
          .slice(0, 3)
          .map((i) => i.key);
  const result = useApi<CompareResult>(keys.length > 0 ? '/compare' : null, { ...filters, keys });

  const update = (name: string, values: string[]) => {
    const p = withParam(params, name, values);
    if (name !== 'keys' && !p.keys && keys.length > 0) p.keys = keys.join(',');
    navigate('/compare', p);
  };

  const ready = result.data !== null && !result.loading;
  return (
    <div data-testid="compare" data-ready={ready ? 'true' : 'false'}>
      <h2 className="page-title">指标对比</h2>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Select
            mode="multiple"
            style={{ minWidth: 420, maxWidth: 760 }}
            placeholder="选择指标"
            value={keys}
            maxCount={20}
            onChange={(v) => update('keys', v)}
            optionFilterProp="label"
            data-testid="indicator-select"
            options={(indicators.data?.indicators ?? []).map((i) => ({
              value: i.key,
              label: `${i.name}（${i.reports}篇）`,
              disabled: i.reports === 0,
            }))}
          />
          <FilterSelect
            name="level"
            placeholder="层级"
            params={params}
            options={levelOptions(meta)}
            onChange={update}
            minWidth={140}
          />
          <FilterSelect
            name="province"
            placeholder="省份"
            params={params}
            options={countOptions(provinces.data?.byProvince, true)}
            onChange={update}
          />
          <FilterSelect
            name="year"
            placeholder="年度"
            params={params}
            options={countOptions(provinces.data?.byYear)}
            onChange={update}
            minWidth={140}
          />
          <Segmented
            options={['图表和表格', '图表', '表格']}
            value={mode}
            onChange={(v) => setMode(String(v))}
          />
          {keys.length > 0 && (
            <>
              <a href={apiUrl('/compare.csv', { ...filters, keys })} data-testid="compare-csv">
                导出 CSV
              </a>
              <a href={apiUrl('/compare.json', { ...filters, keys })} target="_blank" rel="noreferrer">
                JSON
              </a>
            </>
          )}
        </Space>
      </Card>
      {result.error && <ErrorAlert error={result.error} onRetry={result.reload} />}
      {result.data?.truncated && (
        <Alert type="warning" title="数据过多，只显示了一部分；请缩小筛选范围" style={{ marginBottom: 12 }} />
      )}
      {keys.length === 0 && !indicators.loading && <Empty description="请选择要对比的指标" />}
      {!result.data && keys.length > 0 && <Skeleton active />}
      {result.data?.keys.map((k) => (
        <IndicatorBlock key={k} keyName={k} result={result.data as CompareResult} meta={meta} mode={mode} />
      ))}
    </div>
  );
}
