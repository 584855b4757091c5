/** 报告列表: facets with counts (Datasette-like), full-text search, the table, .json/.csv of the view. */
import { Button, Card, Col, Dropdown, Empty, Input, Row, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { apiUrl, listParam } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, SEVERITY_COLORS, scoreColor, splitTerms } from '../format';
import { useApi, useMeta } from '../hooks';
import { filterParams, listRequest } from '../requests';
import { href, navigate } from '../router';
import type { Facet, ListResponse, ReportRow } from '../types';

function paramsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}

export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {splitTerms(text, terms).map(([piece, match], i) =>
        match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one string, in order
          <mark key={i} className="term">
            {piece}
          </mark>
        ) : (
          piece
        ),
      )}
    </>
  );
}

function FacetCard({ facet, params }: { facet: Facet; params: URLSearchParams }) {
  const [more, setMore] = useState(false);
  const selected = new Set(listParam(params, facet.name));
  const toggle = (value: string) => {
    const next = new Set(selected);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    const p = paramsObject(params);
    delete p.offset;
    if (next.size > 0) p[facet.name] = [...next].join(',');
    else delete p[facet.name];
    navigate('/reports', p);
  };
  const values = more ? facet.values : facet.values.slice(0, 8);
  if (facet.values.length === 0) return null;
  return (
    <Card size="small" title={facet.label} style={{ marginBottom: 12 }} data-testid={`facet-${facet.name}`}>
      {values.map((v) => (
        <button
          type="button"
          key={v.value ?? 'null'}
          className={`facet-value${v.selected ? ' selected' : ''}${v.value === null ? ' disabled' : ''}`}
          onClick={() => v.value !== null && toggle(v.value)}
          disabled={v.value === null}
          aria-pressed={v.selected}
          title={v.label}
        >
          <span
            style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', marginRight: 8 }}
          >
            {v.selected ? '✓ ' : ''}
            {v.label}
          </span>
          <span style={{ color: '#8c8c8c' }}>{v.count}</span>
        </button>
      ))}
      {facet.values.length > 8 && (
        <Button type="link" size="small" onClick={() => setMore(!more)} style={{ padding: 0 }}>
          {more ? '收起' : `更多（${facet.values.length - 8}）`}
        </Button>
      )}
    </Card>
  );
}

export function ReportList({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const filters = filterParams(params);
  const limit = Number(params.get('limit') ?? 20);
  const offset = Number(params.get('offset') ?? 0);
  const sort = params.get('sort') ?? undefined;
  const order = params.get('order') ?? undefined;
  const list = useApi<ListResponse>('/reports', listRequest(params));
  const [q, setQ] = useState(params.get('q') ?? '');
  const data = list.data;

  const update = (changes: Record<string, string | null>) => {
    const p = paramsObject(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') delete p[k];
      else p[k] = v;
    }
    navigate('/reports', p);
  };

  const publishedLate = (r: ReportRow) =>
    r.year !== null && r.published !== null && r.published > `${r.year + 1}-03-31`;

  const columns: ColumnsType<ReportRow> = [
    {
      title: '报告',
      key: 'title',
      render: (_, r) => (
        <div>
          <a href={href(`/reports/${r.id}`)} style={{ fontWeight: 500 }}>
            {r.title ?? `（无标题）${r.source.split('/').pop()}`}
          </a>
          <div style={{ color: '#8c8c8c', fontSize: 12 }}>
            {[r.issuer, r.jurisdiction?.name].filter(Boolean).join(' · ') || '—'}
          </div>
          {r.snippet && (
            <div className="snippet">
              <Highlighted text={r.snippet} terms={data?.terms ?? []} />
            </div>
          )}
        </div>
      ),
    },
    {
      title: '层级',
      key: 'level',
      width: 80,
      render: (_, r) => (r.jurisdiction?.level ? meta.labels.levels[r.jurisdiction.level] : '—'),
    },
    {
      title: '年度',
      dataIndex: 'year',
      key: 'year',
      width: 80,
      sorter: true,
      sortOrder: sort === 'year' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (y: number | null) => y ?? '—',
    },
    {
      title: '发布日期',
      dataIndex: 'published',
      key: 'published',
      width: 150,
      sorter: true,
      sortOrder: sort === 'published' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => (
        <span>
          {formatDate(r.published)}
          {publishedLate(r) && (
            <Tag color="red" style={{ marginLeft: 4 }}>
              逾期
            </Tag>
          )}
        </span>
      ),
    },
    {
      title: '评分',
      dataIndex: 'score',
      key: 'score',
      width: 80,
      sorter: true,
      sortOrder: sort === 'score' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (s: number | null) => <Tag color={scoreColor(s)}>{s === null ? '—' : s.toFixed(1)}</Tag>,
    },
    {
      title: '问题',
      key: 'findings',
      width: 110,
      sorter: true,
      sortOrder: sort === 'findings' ? (order === 'asc' ? 'ascend' : 'descend') : null,
      render: (_, r) => (
        <Space size={4}>
          {r.errors > 0 && <Tag color={SEVERITY_COLORS.error}>{r.errors} 错误</Tag>}
          {r.warnings > 0 && <Tag color={SEVERITY_COLORS.warning}>{r.warnings} 警告</Tag>}
          {r.errors === 0 && r.warnings === 0 && <span style={{ color: '#8c8c8c' }}>{r.findings} 提示</span>}
        </Space>
      ),
    },
    {
      title: '格式',
      dataIndex: 'format',
      key: 'format',
      width: 70,
      render: (f: string) => meta.labels.formats[f] ?? f,
    },
  ];

  const exportItems = [
    { key: 'csv', label: <a href={apiUrl('/reports.csv', filters)}>当前列表 CSV（全部匹配）</a> },
    { key: 'json', label: <a href={apiUrl('/reports.json', { ...filters, limit, offset })}>当前页 JSON</a> },
    {
      key: 'figures',
      label: <a href={apiUrl('/export', { ...filters, table: 'figures', as: 'csv' })}>数据（长表）CSV</a>,
    },
    {
      key: 'wide',
      label: (
        <a href={apiUrl('/export', { ...filters, table: 'figures-wide', as: 'csv' })}>数据（宽表）CSV</a>
      ),
    },
    {
      key: 'findings',
      label: <a href={apiUrl('/export', { ...filters, table: 'findings', as: 'csv' })}>检查发现 CSV</a>,
    },
    {
      key: 'scores',
      label: <a href={apiUrl('/export', { ...filters, table: 'scores', as: 'csv' })}>评分 CSV</a>,
    },
    {
      key: 'xlsx',
      label: <a href={apiUrl('/export', { ...filters, table: 'all', as: 'xlsx' })}>全部表 XLSX</a>,
    },
    {
      key: 'review',
      label: (
        <a href={apiUrl('/export', { ...filters, table: 'review', as: 'docx' })}>
          审阅意见 DOCX（至多 200 篇）
        </a>
      ),
    },
  ];

  const active = Object.keys(filters).filter((k) => k !== 'q');

  return (
    <div data-testid="report-list" data-ready={data && !list.loading ? 'true' : 'false'}>
      <h2 className="page-title">报告列表</h2>
      <Space style={{ marginBottom: 16, width: '100%' }} wrap>
        <Input.Search
          allowClear
          placeholder="全文检索：空格分隔多个词，&quot;短语&quot;，-排除"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || null, offset: null, sort: null })}
          style={{ width: 420 }}
          enterButton="检索"
          data-testid="search-input"
        />
        <Select
          allowClear
          placeholder="限定部分"
          value={params.get('part') ?? undefined}
          onChange={(v) => update({ part: v ?? null, offset: null })}
          style={{ width: 170 }}
          options={Object.entries(meta.labels.parts).map(([value, label]) => ({ value, label }))}
        />
        <Dropdown menu={{ items: exportItems }}>
          <Button data-testid="export-menu">导出</Button>
        </Dropdown>
        {active.length > 0 && (
          <Button onClick={() => navigate('/reports', params.get('q') ? { q: params.get('q') } : {})}>
            清除筛选
          </Button>
        )}
      </Space>
      {list.error && <ErrorAlert error={list.error} onRetry={list.reload} />}
      <Row gutter={16}>
        <Col xs={24} md={7} lg={6}>
          {data?.facets.map((f) => (
            <FacetCard key={f.name} facet={f} params={params} />
          ))}
        </Col>
        <Col xs={24} md={17} lg={18}>
          <Card size="small">
            <Typography.Text
              type="secondary"
              style={{ display: 'block', marginBottom: 8 }}
              data-testid="list-total"
            >
              共 {data?.total ?? '…'} 篇报告
              {data && data.terms.length > 0 ? `，检索：${data.terms.join(' ')}` : ''}
              {data && data.excluded.length > 0 ? `，排除：${data.excluded.join(' ')}` : ''}
            </Typography.Text>
            <Table<ReportRow>
              rowKey="id"
              size="middle"
              tableLayout="fixed"
              loading={list.loading}
              columns={columns}
              dataSource={data?.rows ?? []}
              locale={{ emptyText: <Empty description="没有符合条件的报告" /> }}
              onChange={(pagination, _filters, sorter) => {
                const s = Array.isArray(sorter) ? sorter[0] : sorter;
                const changes: Record<string, string | null> = {
                  limit: String(pagination.pageSize ?? 20),
                  offset: String(((pagination.current ?? 1) - 1) * (pagination.pageSize ?? 20)),
                };
                if (s?.order) {
                  changes.sort = String(s.columnKey);
                  changes.order = s.order === 'ascend' ? 'asc' : 'desc';
                } else {
                  changes.sort = null;
                  changes.order = null;
                }
                update(changes);
              }}
              pagination={{
                current: Math.floor(offset / limit) + 1,
                pageSize: limit,
                total: data?.total ?? 0,
                showSizeChanger: true,
                pageSizeOptions: [20, 50, 100],
                showTotal: (t) => `共 ${t} 篇`,
              }}
            />
          </Card>
        </Col>
      </Row>
    </div>
  );
}
