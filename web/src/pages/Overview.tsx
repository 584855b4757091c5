/** 概览: counts by level, province and year; publication dates against the deadline; scores; frequent findings. */
import { Card, Col, Row, Select, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { apiUrl } from '../api';
import { Chart, type ChartOption } from '../components/Chart';
import { ErrorAlert } from '../components/ErrorAlert';
import { SEVERITY_COLORS } from '../format';
import { useApi, useMeta } from '../hooks';
import { filterParams } from '../requests';
import { href, listParam, navigate } from '../router';
import type { Overview as OverviewData } from '../types';

const BLUE = '#1d4f91';

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

export function Overview({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const filters = filterParams(params);
  const overview = useApi<OverviewData>('/overview', filters);
  // The year choices come from the whole store: the unfiltered overview (the same one without filters).
  const unfiltered = useApi<OverviewData>(Object.keys(filters).length > 0 ? '/overview' : null);
  const years = Object.keys(filters).length > 0 ? unfiltered : overview;
  const o = overview.data;

  const update = (name: string, values: string[]) => {
    const p = Object.fromEntries(params.entries());
    if (values.length > 0) p[name] = values.join(',');
    else delete p[name];
    navigate('/', p);
  };
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
    const year: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: o.byYear.map((c) => c.label) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', data: o.byYear.map((c) => c.count), itemStyle: { color: BLUE }, barMaxWidth: 40 },
      ],
    };
    const provinces = o.byProvince.slice(0, 20).reverse();
    const province: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 90, right: 24, top: 10, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: provinces.map((c) => c.label) },
      series: [
        {
          type: 'bar',
          data: provinces.map((c) => c.count),
          itemStyle: { color: '#2f7ed8' },
          barMaxWidth: 18,
        },
      ],
    };
    const bins = DAY_BINS.map(
      (b) => o.publication.points.filter((p) => p.days >= b.from && p.days <= b.to).length,
    );
    const publication: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 30, bottom: 50 },
      xAxis: { type: 'category', data: DAY_BINS.map((b) => b.label), axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: bins.map((n, i) => ({
            value: n,
            itemStyle: {
              color:
                (DAY_BINS[i]?.from ?? 0) > 0
                  ? '#cf1322'
                  : (DAY_BINS[i]?.from ?? 0) === 0
                    ? '#faad14'
                    : '#389e0d',
            },
          })),
          markLine: {
            symbol: 'none',
            label: { formatter: '公开期限（次年3月31日）' },
            lineStyle: { color: '#cf1322', type: 'dashed' },
            data: [{ xAxis: '截止日' }],
          },
        },
      ],
    };
    const scores: ChartOption = {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 20, bottom: 30 },
      xAxis: { type: 'category', data: o.scores.bins.map((b) => `${b.from}–${b.to}`) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          barMaxWidth: 36,
          data: o.scores.bins.map((b) => ({
            value: b.count,
            itemStyle: { color: b.from >= 80 ? '#389e0d' : b.from >= 60 ? '#d4b106' : '#cf1322' },
          })),
        },
      ],
    };
    return { level, year, province, publication, scores };
  }, [o]);

  if (overview.error) return <ErrorAlert error={overview.error} onRetry={overview.reload} />;

  return (
    <div data-testid="overview" data-ready={o && options && !overview.loading ? 'true' : 'false'}>
      <Space style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 className="page-title" style={{ margin: 0 }}>
          概览
        </h2>
        <Space wrap>
          <Select
            mode="multiple"
            allowClear
            placeholder="年度"
            style={{ minWidth: 160 }}
            value={listParam(params, 'year')}
            onChange={(v) => update('year', v)}
            options={(years.data?.byYear ?? [])
              .filter((c) => c.value)
              .map((c) => ({ value: c.value as string, label: c.label }))}
          />
          <Select
            mode="multiple"
            allowClear
            placeholder="层级"
            style={{ minWidth: 160 }}
            value={listParam(params, 'level')}
            onChange={(v) => update('level', v)}
            options={Object.entries(meta.labels.levels).map(([value, label]) => ({ value, label }))}
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
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic title="报告" value={o.total} suffix="篇" />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic title="文件" value={o.store.files} suffix="个" />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic
                  title="平均评分"
                  value={o.scores.mean ?? '—'}
                  suffix={o.scores.mean === null ? '' : '分'}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic
                  title="按期公开"
                  value={o.publication.onTime}
                  suffix="篇"
                  styles={{ content: { color: '#389e0d' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Card
                size="small"
                onClick={() => toList({ rule: 'publication/late' })}
                style={{ cursor: 'pointer' }}
              >
                <Statistic
                  title="逾期公开"
                  value={o.publication.late}
                  suffix="篇"
                  styles={{ content: { color: '#cf1322' } }}
                />
              </Card>
            </Col>
            <Col xs={12} md={6} lg={4}>
              <Card size="small">
                <Statistic
                  title="入库失败"
                  value={o.store.failedFiles}
                  suffix="个"
                  styles={{ content: { color: o.store.failedFiles > 0 ? '#d46b08' : undefined } }}
                />
              </Card>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} lg={8}>
              <Card size="small" title="按层级" style={{ marginBottom: 16 }}>
                <Chart
                  testId="chart-level"
                  option={options.level}
                  onClick={(e) => {
                    const c = o.byLevel[e.dataIndex];
                    if (c?.value) toList({ level: c.value });
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="按年度" style={{ marginBottom: 16 }}>
                <Chart
                  testId="chart-year"
                  option={options.year}
                  onClick={(e) => {
                    const c = o.byYear[e.dataIndex];
                    if (c?.value) toList({ year: c.value });
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={8}>
              <Card size="small" title="按省份（前20）" style={{ marginBottom: 16 }}>
                <Chart
                  testId="chart-province"
                  option={options.province}
                  onClick={(e) => {
                    const c = o.byProvince.slice(0, 20).reverse()[e.dataIndex];
                    if (c?.value) toList({ province: c.value });
                  }}
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="公开时间与期限"
                extra={<span style={{ color: '#8c8c8c' }}>发布日期未知 {o.publication.unknown} 篇</span>}
                style={{ marginBottom: 16 }}
              >
                <Chart testId="chart-publication" option={options.publication} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card
                size="small"
                title="评分分布"
                extra={
                  <span style={{ color: '#8c8c8c' }}>
                    中位数 {o.scores.median === null ? '—' : o.scores.median.toFixed(1)} 分
                  </span>
                }
                style={{ marginBottom: 16 }}
              >
                <Chart testId="chart-scores" option={options.scores} />
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
