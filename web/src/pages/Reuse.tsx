/** 复用检测: passages of a report that are near-duplicates of other reports', side by side. */
import {
  Alert,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { useApi } from '../hooks';
import { href, navigate } from '../router';
import type { ListResponse, ReusePassage, ReuseResult } from '../types';

const KIND: Record<ReusePassage['kind'], { label: string; color: string }> = {
  'cross-unit': { label: '与其他单位相同', color: 'red' },
  'same-unit-other-year': { label: '沿用本单位往年', color: 'orange' },
};

/** `text` with the given ranges marked. */
function Marked({ text, ranges }: { text: string; ranges: [number, number][] }) {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: React.ReactNode[] = [];
  let last = 0;
  for (const [s, e] of sorted) {
    const start = Math.max(last, s);
    if (start >= e) continue;
    if (start > last) out.push(text.slice(last, start));
    out.push(
      <mark key={start} className="reuse-match">
        {text.slice(start, e)}
      </mark>,
    );
    last = e;
  }
  if (last < text.length) out.push(text.slice(last));
  return <>{out}</>;
}

function Picker({ id }: { id: string | null }) {
  const [q, setQ] = useState('');
  const list = useApi<ListResponse>('/reports', {
    q: q || undefined,
    limit: 30,
    facets: 'false',
    sort: q ? undefined : 'id',
    order: 'asc',
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      style={{ width: 520 }}
      placeholder="选择或检索一篇报告"
      value={id ?? undefined}
      onChange={(v) => navigate(`/reuse/${v}`)}
      loading={list.loading}
      data-testid="reuse-picker"
      options={(list.data?.rows ?? []).map((r) => ({
        value: r.id,
        label: `#${r.id} ${r.title ?? r.source.split('/').pop()}`,
      }))}
    />
  );
}

export function Reuse({ id, params }: { id: string | null; params: URLSearchParams }) {
  const source = params.get('source') ?? undefined;
  const reuse = useApi<ReuseResult>(id ? `/reports/${encodeURIComponent(id)}/reuse` : null, { source });
  const r = reuse.data && reuse.data.reportId === id && !reuse.loading ? reuse.data : null;
  return (
    <div data-testid="reuse" data-ready={r ? 'true' : 'false'}>
      <h2 className="page-title">复用检测</h2>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <Picker id={id} />
          <Segmented
            value={source ?? 'auto'}
            onChange={(v) => id && navigate(`/reuse/${id}`, v === 'auto' ? {} : { source: String(v) })}
            options={[
              { value: 'auto', label: '自动' },
              { value: 'live', label: '即时比对' },
              { value: 'stored', label: 'fazhi reuse 结果' },
            ]}
          />
          {id && <a href={href(`/reports/${id}`)}>查看报告</a>}
        </Space>
      </Card>
      {!id && <Empty description="选择一篇报告，查看其中与其他报告近似重复的段落" />}
      {reuse.error && <ErrorAlert error={reuse.error} onRetry={reuse.reload} />}
      {id && !r && !reuse.error && <Skeleton active />}
      {r && (
        <>
          <Alert
            type={r.partial ? 'warning' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={r.note}
            description={
              r.source === 'stored'
                ? '存储的结果不含逐字对齐，段落整体显示。'
                : 'TODO：复用单元尚未在入库时存储，即时比对在语料很大时只比对同省份和本单位的报告。'
            }
          />
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="比对报告" value={r.compared} suffix="篇" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="相似段落" value={r.passages.length} suffix="处" />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic
                  title="复用文字占正文"
                  value={r.textChars > 0 ? Math.round((1000 * r.reusedChars) / r.textChars) / 10 : 0}
                  suffix="%"
                />
              </Card>
            </Col>
            <Col xs={12} md={6}>
              <Card size="small">
                <Statistic title="计算耗时" value={r.ms} suffix="毫秒" />
              </Card>
            </Col>
          </Row>
          {r.sources.length > 0 && (
            <Card size="small" title="来源报告" style={{ marginBottom: 16 }}>
              <Table
                size="small"
                rowKey="reportId"
                pagination={false}
                dataSource={r.sources}
                columns={[
                  {
                    title: '报告',
                    key: 'title',
                    render: (_, s) => (
                      <a href={href(`/reports/${s.reportId}`)}>{s.title ?? `报告 #${s.reportId}`}</a>
                    ),
                  },
                  {
                    title: '类型',
                    key: 'kind',
                    width: 160,
                    render: (_, s) => <Tag color={KIND[s.kind].color}>{KIND[s.kind].label}</Tag>,
                  },
                  { title: '段落', dataIndex: 'passages', key: 'passages', width: 80, align: 'right' },
                  {
                    title: '相同字数',
                    dataIndex: 'matchedChars',
                    key: 'matchedChars',
                    width: 100,
                    align: 'right',
                  },
                ]}
              />
            </Card>
          )}
          {r.passages.length === 0 ? (
            <Card>
              <Empty description="没有发现与其他报告近似重复的段落" />
            </Card>
          ) : (
            r.passages.map((p) => (
              <Card
                key={`${p.span.start}-${p.other.reportId}-${p.other.span.start}`}
                size="small"
                style={{ marginBottom: 12 }}
                data-testid="reuse-passage"
                title={
                  <Space wrap>
                    <Tag color={KIND[p.kind].color}>{KIND[p.kind].label}</Tag>
                    <span>相似度 {Math.round(p.similarity * 100)}%</span>
                    <Typography.Text type="secondary">相同 {p.matchedChars} 字</Typography.Text>
                  </Space>
                }
              >
                <Row gutter={12}>
                  <Col xs={24} md={12}>
                    <div style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 4 }}>
                      本报告（第 {p.span.start} 字起）
                    </div>
                    <div className="reuse-pane">
                      <Marked text={p.text} ranges={p.aligned.map((t) => [t.aStart, t.aEnd])} />
                    </div>
                  </Col>
                  <Col xs={24} md={12}>
                    <div style={{ fontSize: 12, color: '#8c8c8c', marginBottom: 4 }}>
                      <a href={href(`/reports/${p.other.reportId}`)}>
                        {p.other.title ?? `报告 #${p.other.reportId}`}
                      </a>
                      {p.other.year ? `（${p.other.year}年度）` : ''}
                    </div>
                    <div className="reuse-pane">
                      <Marked text={p.other.text} ranges={p.aligned.map((t) => [t.bStart, t.bEnd])} />
                    </div>
                  </Col>
                </Row>
              </Card>
            ))
          )}
        </>
      )}
    </div>
  );
}
