/** 报送审阅: the roster of units expected to report, each unit's status for a year, exportable. */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Empty,
  Popconfirm,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useRef, useState } from 'react';
import { apiSend, apiUrl, getToken } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate, scoreColor } from '../format';
import { useApi, useMeta } from '../hooks';
import { href, navigate } from '../router';
import type { RosterBoard, RosterEntry, RosterStatus } from '../types';

const COLORS: Record<RosterStatus, string> = {
  missing: 'default',
  late: 'red',
  errors: 'orange',
  submitted: 'green',
};
const ORDER: RosterStatus[] = ['missing', 'late', 'errors', 'submitted'];

const TEMPLATE =
  '\ufeff单位名称,行政区划代码,单位类型,截止日期,联系人,备注\r\n示例市人民政府,130500,政府,03-31,张三,\r\n示例市司法局,130500,部门,02-28,,\r\n';

export function Roster({ params }: { params: URLSearchParams }) {
  const meta = useMeta();
  const { message } = AntApp.useApp();
  const year = params.get('year') ?? undefined;
  const board = useApi<RosterBoard>('/roster', { year });
  const [filter, setFilter] = useState<string>('all');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const canWrite = meta.writable || (meta.writesEnabled && getToken() !== '');
  const b = board.data;

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const form = new FormData();
      form.append('file', file, file.name);
      const r = await apiSend<{ imported: number }>('POST', '/roster', form);
      message.success(`已导入 ${r.imported} 个单位`);
      board.reload();
    } catch (e) {
      message.error((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const downloadTemplate = () => {
    const url = URL.createObjectURL(new Blob([TEMPLATE], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = '报送名册模板.csv';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const rows = (b?.entries ?? []).filter((e) => filter === 'all' || e.flags.includes(filter as RosterStatus));

  return (
    <div data-testid="roster" data-ready={b && !board.loading ? 'true' : 'false'}>
      <Space style={{ marginBottom: 16, justifyContent: 'space-between', width: '100%' }} wrap>
        <h2 className="page-title" style={{ margin: 0 }}>
          报送审阅
        </h2>
        <Space wrap>
          <span>报告年度</span>
          <Select
            style={{ width: 120 }}
            value={b?.year ?? undefined}
            placeholder="年度"
            onChange={(v) => navigate('/roster', { year: v })}
            options={(b?.years ?? []).map((y) => ({ value: y, label: `${y}年度` }))}
          />
          <a href={apiUrl('/roster.csv', { year: b?.year ?? undefined })} data-testid="roster-csv">
            导出 CSV
          </a>
          <a href={apiUrl('/roster.xlsx', { year: b?.year ?? undefined })}>导出 XLSX</a>
        </Space>
      </Space>
      {board.error && <ErrorAlert error={board.error} onRetry={board.reload} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Space wrap>
          <input
            ref={input}
            type="file"
            accept=".csv,.xlsx,.txt,.tsv"
            style={{ display: 'none' }}
            data-testid="roster-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void importFile(f);
              e.target.value = '';
            }}
          />
          <Button type="primary" disabled={!canWrite} loading={busy} onClick={() => input.current?.click()}>
            导入名册（CSV / XLSX）
          </Button>
          <Button onClick={downloadTemplate}>下载模板</Button>
          {canWrite && (b?.entries.length ?? 0) > 0 && (
            <Popconfirm
              title="清空名册？"
              okText="清空"
              cancelText="取消"
              onConfirm={async () => {
                try {
                  await apiSend('DELETE', '/roster');
                  board.reload();
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
            >
              <Button danger>清空名册</Button>
            </Popconfirm>
          )}
          <Typography.Text type="secondary">
            列：单位名称（必填）、行政区划代码、单位类型（政府/部门/党委）、截止日期（如
            03-31，默认次年3月31日）、联系人、备注
          </Typography.Text>
        </Space>
        {!canWrite && (
          <Alert style={{ marginTop: 12 }} type="info" showIcon title="导入名册需要访问令牌（页面右上角）" />
        )}
      </Card>
      {b && b.entries.length === 0 ? (
        <Card>
          <Empty description="尚未导入报送名册：导入应报送单位名单后，可查看各单位的报送状态" />
        </Card>
      ) : (
        b && (
          <>
            <Row gutter={16} style={{ marginBottom: 16 }}>
              {ORDER.map((s) => (
                <Col key={s} xs={12} md={6}>
                  <Card size="small" onClick={() => setFilter(s)} style={{ cursor: 'pointer' }}>
                    <Statistic
                      title={meta.statuses[s] ?? s}
                      value={b.counts[s]}
                      suffix="个"
                      styles={{
                        content: {
                          color:
                            s === 'missing'
                              ? '#595959'
                              : s === 'late'
                                ? '#cf1322'
                                : s === 'errors'
                                  ? '#d46b08'
                                  : '#389e0d',
                        },
                      }}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Card size="small">
              <Segmented
                style={{ marginBottom: 12 }}
                value={filter}
                onChange={(v) => setFilter(String(v))}
                options={[
                  { value: 'all', label: `全部 ${b.entries.length}` },
                  ...ORDER.map((s) => ({ value: s, label: `${meta.statuses[s]} ${b.counts[s]}` })),
                ]}
              />
              <Table<RosterEntry>
                size="small"
                rowKey="ord"
                dataSource={rows}
                pagination={{ pageSize: 50 }}
                data-testid="roster-table"
                columns={[
                  { title: '序号', dataIndex: 'ord', key: 'ord', width: 60 },
                  {
                    title: '单位',
                    key: 'name',
                    render: (_, e) => (
                      <div>
                        <div>{e.name}</div>
                        <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                          {[e.code, e.unitKind ? meta.labels.unitKinds[e.unitKind] : null]
                            .filter(Boolean)
                            .join(' · ')}
                        </div>
                      </div>
                    ),
                  },
                  {
                    title: '截止日期',
                    key: 'deadline',
                    width: 130,
                    render: (_, e) => formatDate(e.deadlineDate),
                  },
                  {
                    title: '状态',
                    key: 'status',
                    width: 150,
                    render: (_, e) => (
                      <Space size={2} wrap>
                        {e.flags.map((f) => (
                          <Tag key={f} color={COLORS[f]}>
                            {meta.statuses[f] ?? f}
                          </Tag>
                        ))}
                      </Space>
                    ),
                  },
                  {
                    title: '报告',
                    key: 'report',
                    render: (_, e) =>
                      e.report ? (
                        <div>
                          <a href={href(`/reports/${e.report.id}`)}>
                            {e.report.title ?? `报告 #${e.report.id}`}
                          </a>
                          <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                            {e.matchedBy === 'code' ? '按区划代码匹配' : '按单位名称匹配'}
                            {e.others.length > 0 ? `；另有 ${e.others.length} 篇` : ''}
                          </div>
                        </div>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    title: '发布日期',
                    key: 'published',
                    width: 170,
                    render: (_, e) =>
                      e.report ? (
                        <span>
                          {formatDate(e.report.published)}
                          {e.report.daysLate !== null && e.report.daysLate > 0 && (
                            <Tag color="red" style={{ marginLeft: 4 }}>
                              逾期{e.report.daysLate}天
                            </Tag>
                          )}
                        </span>
                      ) : (
                        '—'
                      ),
                  },
                  { title: '错误', key: 'errors', width: 60, render: (_, e) => e.report?.errors ?? '—' },
                  {
                    title: '评分',
                    key: 'score',
                    width: 80,
                    render: (_, e) =>
                      e.report ? (
                        <Tag color={scoreColor(e.report.score)}>{e.report.score?.toFixed(1) ?? '—'}</Tag>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </Card>
          </>
        )
      )}
    </div>
  );
}
