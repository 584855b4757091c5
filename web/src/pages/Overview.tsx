/** 概览: counts by level, province and year; publication dates against the deadline; scores; frequent findings. */
import { Card, Col, Row, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { apiUrl } from '../api';
import { Chart, type ChartOption } from '../components/Chart';
import { barChart } from '../components/chartOptions';
import { ErrorAlert } from '../components/ErrorAlert';
import { countOptions, FilterSelect, levelOptions, withParam } from '../components/FilterSelect';
import { SEVERITY_COLORS } from '../format';
import { useApi, useMeta } from '../hooks';
import { filterParams } from '../requests';
import { href, navigate } from '../router';
import { COLORS } from '../theme';
import type { Overview as OverviewData } from '../types';

/** Publication relative to the deadline, in bins of days. */
const DAY_BINS: { label: string; from: number; to: number }[] = [
  { label: '提前60天以上', from: -100000, to: -61 },
  { label: '提前31–60天', from: -60, to: -31 },
  { label: '提前1–30天', from: -30, to: -1 },
  { label: '截止日', from: 0, to: 0 },
  { label: '逾期1–30天', from: 1, to: 30 },
  { label: '逾期31–90天', from: 31, to: 90 },
  { label: '逾期90天以上', from: 91, to: 100000 },
];

/** The charts' usual widths (a third and a half of the row on a 1366–1440 px screen), for the server's pictures. */
const SMALL_CHART_WIDTH = 360;
const HALF_CHART_WIDTH = 560;

export function Overview({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const filters = filterParams(params);
  const overview = useApi<OverviewData>('/overview', filters);
  // The year choices come from the whole store: the unfiltered overview (the same one without filters).
  const unfiltered = useApi<OverviewData>(Object.keys(filters).length > 0 ? '/overview' : null);
  const years = Object.keys(filters).length > 0 ? unfiltered : overview;
  const o = overview.data;

  const update = (name: string, values: string[]) => navigate('/', withParam(params, name, values));
  const toList = (extra: Record<string, string>) => navigate('/reports', { ...filters, ...extra });

  const options = useMemo(() => {
    if (!o) return null;
    const level: ChartOption = {
      tooltip: { trigger: 'item', formatter: '{b}：{c} 篇（{d}%）' },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['40%', '68%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}\n{c}' },
          data: o.byLevel.map((c) => ({ name: c.label, value: c.count, key: c.value })),
        },
      ],
    };
    const year = barChart({
      categories: o.byYear.map((c) => c.label),
      values: o.byYear.map((c) => c.count),
      color: COLORS.primary,
      counts: true,
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      barMaxWidth: 40,
    });
    const provinces = o.byProvince.slice(0, 20).reverse();
    const province = barChart({
      categories: provinces.map((c) => c.label),
      values: provinces.map((c) => c.count),
      color: COLORS.secondary,
      horizontal: true,
      counts: true,
      grid: { left: 90, right: 24, top: 10, bottom: 24 },
      barMaxWidth: 18,
    });
    const publication = barChart({
      categories: DAY_BINS.map((b) => b.label),
      values: DAY_BINS.map(
        (b) => o.publication.points.filter((p) => p.days >= b.from && p.days <= b.to).length,
      ),
      color: (i) => {
        const from = DAY_BINS[i]?.from ?? 0;
        return from > 0 ? COLORS.bad : from === 0 ? COLORS.warn : COLORS.good;
      },
      counts: true,
      grid: { left: 40, right: 16, top: 30, bottom: 50 },
      barMaxWidth: 36,
      categoryLabel: { interval: 0, rotate: 20 },
      series: {
        markLine: {
          symbol: 'none',
          label: { formatter: '公开期限（次年3月31日）' },
          lineStyle: { color: COLORS.bad, type: 'dashed' },
          data: [{ xAxis: '截止日' }],
        },
      },
    });
    const scores = barChart({
      categories: o.scores.bins.map((b) => `${b.from}–${b.to}`),
      values: o.scores.bins.map((b) => b.count),
      color: (i) => {
        const from = o.scores.bins[i]?.from ?? 0;
        return from >= 80 ? COLORS.good : from >= 60 ? COLORS.fair : COLORS.bad;
      },
      counts: true,
      // Every band named (ten short labels fit; ECharts would otherwise drop every other one).
      categoryLabel: { interval: 0, fontSize: 11 },
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      barMaxWidth: 36,
    });
    return { level, year, province, publication, scores, provinces };
  }, [o]);

  if (overview.error) return <ErrorAlert error={overview.error} onRetry={overview.reload} />;

  return (
    <div data-testid="overview" data-ready={o && options && !overview.loading ? 'true' : 'false'}>
      <Space style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 className="page-title" style={{ margin: 0 }}>
          概览
        </h2>
        <Space wrap>
          <FilterSelect
            name="year"
            placeholder="年度"
            params={params}
            options={countOptions(years.data?.byYear)}
            onChange={update}
          />
          <FilterSelect
            name="level"
            placeholder="层级"
            params={params}
            options={levelOptions(meta)}
            onChange={update}
          />
          <a href={apiUrl('/overview.csv', filters)}>CSV</a>
          <a href={apiUrl('/overview.json', filters)} target="_blank" rel="noreferrer">
            JSON
          </a>
        </Space>
      </Space>
      {!o || !options ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(
              [
                { title: '报告', value: o.total, suffix: '篇' },
                { title: '文件', value: o.store.files, suffix: '个' },
                {
                  title: '平均评分',
                  value: o.scores.mean ?? '—',
                  suffix: o.scores.mean === null ? '' : '分',
                },
                { title: '按期公开', value: o.publication.onTime, suffix: '篇', color: COLORS.good },
                {
                  title: '逾期公开',
                  value: o.publication.late,
                  suffix: '篇',
                  color: COLORS.bad,
                  onClick: () => toList({ rule: 'publication/late' }),
                },
                {
                  title: '入库失败',
                  value: o.store.failedFiles,
                  suffix: '个',
                  color: o.store.failedFiles > 0 ? COLORS.late : undefined,
                },
              ] as {
                title: string;
                value: number | string;
                suffix: string;
                color?: string;
                onClick?: () => void;
              }[]
            ).map((s) => (
              <Col key={s.title} xs={12} md={6} lg={4}>
                <Card size="small" onClick={s.onClick} style={s.onClick ? { cursor: 'pointer' } : undefined}>
                  <Statistic
                    title={s.title}
                    value={s.value}
                    suffix={s.suffix}
                    styles={s.color ? { content: { color: s.color } } : undefined}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            {(
              [
                ['level', '按层级', o.byLevel],
                ['year', '按年度', o.byYear],
                ['province', '按省份（前20）', options.provinces],
              ] as const
            ).map(([name, title, counts]) => (
              <Col key={name} xs={24} lg={8}>
                <Card size="small" title={title} style={{ marginBottom: 16 }}>
                  <Chart
                    testId={`chart-${name}`}
                    serverWidth={SMALL_CHART_WIDTH}
                    option={options[name]}
                    // A click lists the reports of that level, year or province.
                    onClick={(e) => {
                      const c = counts[e.dataIndex];
                      if (c?.value) toList({ [name]: c.value });
                    }}
                  />
                </Card>
              </Col>
            ))}
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="公开时间与期限"
                extra={<span style={{ color: COLORS.muted }}>发布日期未知 {o.publication.unknown} 篇</span>}
                style={{ marginBottom: 16 }}
              >
                <Chart
                  testId="chart-publication"
                  serverWidth={HALF_CHART_WIDTH}
                  option={options.publication}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="评分分布"
                extra={
                  <span style={{ color: COLORS.muted }}>
                    中位数 {o.scores.median === null ? '—' : o.scores.median.toFixed(1)} 分
                  </span>
                }
                style={{ marginBottom: 16 }}
              >
                <Chart testId="chart-scores" serverWidth={HALF_CHART_WIDTH} option={options.scores} />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title="最常见的问题">
                <Table
                  size="small"
                  rowKey="ruleId"
                  pagination={false}
                  dataSource={o.topFindings}
                  columns={[
                    {
                      title: '问题',
                      key: 'name',
                      render: (_, t) => (
                        <a href={href('/reports', { ...filters, rule: t.ruleId })}>{t.name}</a>
                      ),
                    },
                    { title: '规则', dataIndex: 'ruleId', key: 'ruleId', width: 220 },
                    {
                      title: '严重程度',
                      key: 'severity',
                      width: 100,
                      render: (_, t) => (
                        <Tag color={SEVERITY_COLORS[t.severity]}>
                          {meta.labels.severities[t.severity] ?? t.severity}
                        </Tag>
                      ),
                    },
                    { title: '涉及报告', dataIndex: 'reports', key: 'reports', width: 100, align: 'right' },
                    { title: '发现数', dataIndex: 'findings', key: 'findings', width: 100, align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
