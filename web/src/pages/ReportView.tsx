/**
 * 报告详情: the text with its parts coloured, figures highlighted (hover: key, value, unit),
 * findings underlined and listed in the margin with their spans, 纲要 coverage, the score
 * breakdown, and a link to the original file. Report text is only ever rendered as React text
 * nodes (escaped), never as HTML.
 */
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Popconfirm,
  Progress,
  Row,
  Skeleton,
  Space,
  Switch,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { type CSSProperties, Fragment, type ReactNode, useMemo, useState } from 'react';
import { apiSend, apiUrl, getToken } from '../api';
import { ErrorAlert } from '../components/ErrorAlert';
import {
  formatBytes,
  formatDate,
  formatNumber,
  PART_BORDERS,
  PART_COLORS,
  SEVERITY_COLORS,
  scoreColor,
} from '../format';
import { useApi, useMeta } from '../hooks';
import { href, navigate } from '../router';
import type { Finding, Indicator, Meta, ReportDetail, Span } from '../types';

const APPROX: Record<string, string> = { over: '超过', under: '不足', about: '约' };

function partKind(p: { part: string | string[] }): string {
  return Array.isArray(p.part) ? (p.part[0] ?? 'other') : p.part;
}

function partLabel(meta: Meta, p: { part: string | string[] }): string {
  const kinds = Array.isArray(p.part) ? p.part : [p.part];
  return kinds.map((k) => meta.labels.parts[k] ?? k).join(' + ');
}

interface Segment {
  start: number;
  end: number;
  figure: number | null;
  findings: number[];
}

interface Line {
  start: number;
  end: number;
  part: number | null;
  /** The line holds the start of this part (its label goes before it). */
  partStart: number | null;
  segments: Segment[];
  /** Zero-length findings by offset. */
  markers: Map<number, number[]>;
}

/** Cut the text into lines and segments where a figure or a finding starts or ends. */
function layout(text: string, parts: Span[], figures: Span[], findings: Span[]): Line[] {
  const cuts = new Set<number>();
  for (const s of [...figures, ...findings]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const sortedCuts = [...cuts].sort((a, b) => a - b);
  const lines: Line[] = [];
  let start = 0;
  let cutIndex = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const part = parts.findIndex((p) => start >= p.start && start < p.end);
    const partStart = parts.findIndex((p) => p.start >= start && p.start <= end);
    const line: Line = {
      start,
      end,
      part: part >= 0 ? part : null,
      partStart: partStart >= 0 ? partStart : null,
      segments: [],
      markers: new Map(),
    };
    while (cutIndex < sortedCuts.length && (sortedCuts[cutIndex] as number) <= start) cutIndex++;
    let a = start;
    let c = cutIndex;
    while (a < end) {
      let b = end;
      while (c < sortedCuts.length && (sortedCuts[c] as number) <= a) c++;
      if (c < sortedCuts.length && (sortedCuts[c] as number) < end) b = sortedCuts[c] as number;
      const fig = figures.findIndex((f) => f.start <= a && f.end >= b && f.end > f.start);
      const fnd: number[] = [];
      findings.forEach((f, i) => {
        if (f.start <= a && f.end >= b && f.end > f.start) fnd.push(i);
      });
      line.segments.push({ start: a, end: b, figure: fig >= 0 ? fig : null, findings: fnd });
      a = b;
    }
    findings.forEach((f, i) => {
      if (
        f.start === f.end &&
        f.start >= start &&
        (f.start < end || (f.start === end && end === text.length))
      ) {
        const list = line.markers.get(f.start) ?? [];
        list.push(i);
        line.markers.set(f.start, list);
      }
    });
    lines.push(line);
    if (end >= text.length) break;
    start = end + 1;
  }
  return lines;
}

function figureText(meta: Meta, f: Indicator): ReactNode {
  const def = meta.labels.indicators.find((i) => i.key === f.key);
  return (
    <div style={{ fontSize: 12 }}>
      <div style={{ fontWeight: 600 }}>{def?.name ?? f.key}</div>
      <div>指标：{f.key}</div>
      <div>
        数值：{f.approx ? APPROX[f.approx] : ''}
        {formatNumber(f.value, 4)} {f.unit}
      </div>
      <div>领域：{meta.labels.areas.find((a) => a.id === f.area)?.name ?? f.area}</div>
    </div>
  );
}

function ReportText({
  detail,
  meta,
  show,
  activeFinding,
  activeFigure,
  onFinding,
  onFigure,
}: {
  detail: ReportDetail;
  meta: Meta;
  show: { parts: boolean; figures: boolean; findings: boolean };
  activeFinding: number | null;
  activeFigure: number | null;
  onFinding: (i: number | null) => void;
  onFigure: (i: number | null) => void;
}) {
  const reading = detail.reading;
  const findings = reading.findings ?? [];
  // One tooltip for the figure under the pointer, on a box laid over it: a tooltip per figure
  // would cost a component each (hundreds in a long report) on every render of the text.
  const [tip, setTip] = useState<{ figure: number; box: CSSProperties } | null>(null);
  const showTip = (figure: number, target: HTMLElement) => {
    const box = target.getClientRects()[0];
    const frame = target.closest('.report-text')?.getBoundingClientRect();
    if (!box || !frame) return;
    setTip({
      figure,
      box: { left: box.left - frame.left, top: box.top - frame.top, width: box.width, height: box.height },
    });
  };
  const tipFigure = tip === null ? undefined : reading.indicators[tip.figure];
  const lines = useMemo(
    () =>
      layout(
        detail.text,
        reading.parts.map((p) => p.span),
        reading.indicators.map((f) => f.span),
        findings.map((f) => f.span),
      ),
    [detail.text, reading.parts, reading.indicators, findings],
  );
  const firstSegment = new Set<string>();
  return (
    <div className="report-text" data-testid="report-text">
      {lines.map((line) => {
        const part = line.part !== null ? reading.parts[line.part] : undefined;
        const kind = part ? partKind(part) : null;
        const style =
          show.parts && kind
            ? { background: PART_COLORS[kind], borderLeft: `3px solid ${PART_BORDERS[kind]}` }
            : { borderLeft: '3px solid transparent' };
        const starting = line.partStart !== null ? reading.parts[line.partStart] : undefined;
        const markers = (offset: number) =>
          show.findings
            ? (line.markers.get(offset) ?? []).map((i) => {
                const f = findings[i] as Finding;
                return (
                  <Tooltip key={`m${i}`} title={f.message}>
                    {/* biome-ignore lint/a11y/noStaticElementInteractions: hover mirrors the margin list, which is the keyboard path */}
                    <span
                      id={`finding-${i}`}
                      className={`finding-marker${activeFinding === i ? ' finding-active' : ''}`}
                      style={{
                        background:
                          f.severity === 'error'
                            ? '#f5222d'
                            : f.severity === 'warning'
                              ? '#fa8c16'
                              : '#1677ff',
                      }}
                      onMouseEnter={() => onFinding(i)}
                      onMouseLeave={() => onFinding(null)}
                    >
                      {meta.labels.severities[f.severity] ?? f.severity}
                    </span>
                  </Tooltip>
                );
              })
            : null;
        return (
          <Fragment key={line.start}>
            {starting && show.parts && (
              <span className="part-label" style={{ background: PART_BORDERS[partKind(starting)] }}>
                {partLabel(meta, starting)}
              </span>
            )}
            <p style={style}>
              {line.segments.map((seg) => {
                const content = detail.text.slice(seg.start, seg.end);
                const classes: string[] = [];
                let id: string | undefined;
                if (show.findings) {
                  for (const i of seg.findings) {
                    const f = findings[i] as Finding;
                    classes.push(`finding-${f.severity}`);
                    if (!firstSegment.has(`f${i}`)) {
                      firstSegment.add(`f${i}`);
                      id ??= `finding-${i}`;
                    }
                  }
                  if (activeFinding !== null && seg.findings.includes(activeFinding))
                    classes.push('finding-active');
                }
                // A figure: its class, its tooltip and hover (the data table mirrors it).
                const fi = show.figures ? seg.figure : null;
                const figure = fi === null ? null : (reading.indicators[fi] as Indicator);
                if (figure && fi !== null) {
                  classes.unshift('fig');
                  if (activeFigure === fi) classes.push('active');
                  if (!firstSegment.has(`g${fi}`)) {
                    firstSegment.add(`g${fi}`);
                    id ??= `figure-${fi}`;
                  }
                }
                const marked =
                  classes.length > 0 || id ? (
                    // biome-ignore lint/a11y/noStaticElementInteractions: hover mirrors the data table, which is the keyboard path
                    <span
                      id={id}
                      className={classes.join(' ')}
                      data-figure={figure?.key}
                      onMouseEnter={
                        figure && fi !== null
                          ? (e) => {
                              onFigure(fi);
                              showTip(fi, e.currentTarget);
                            }
                          : undefined
                      }
                      onMouseLeave={
                        figure
                          ? () => {
                              onFigure(null);
                              setTip(null);
                            }
                          : undefined
                      }
                    >
                      {content}
                    </span>
                  ) : (
                    content
                  );
                return (
                  <Fragment key={seg.start}>
                    {markers(seg.start)}
                    {marked}
                  </Fragment>
                );
              })}
              {markers(line.end)}
            </p>
          </Fragment>
        );
      })}
      {tip && tipFigure && (
        <Tooltip open title={figureText(meta, tipFigure)}>
          <span className="fig-tip-anchor" style={tip.box} />
        </Tooltip>
      )}
    </div>
  );
}

function scrollTo(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
}

/** A list in the margin, linked to the text: hovering one highlights the other. */
interface PanelProps {
  detail: ReportDetail;
  meta: Meta;
  active: number | null;
  onActive: (i: number | null) => void;
}

function FindingsPanel({ detail, meta, active, onActive }: PanelProps) {
  const findings = detail.reading.findings ?? [];
  const order = findings
    .map((_, i) => i)
    .sort((a, b) => (findings[a]?.span.start ?? 0) - (findings[b]?.span.start ?? 0));
  if (findings.length === 0) return <Empty description="没有检查发现" />;
  return (
    <div data-testid="findings">
      {order.map((i) => {
        const f = findings[i] as Finding;
        const rule = meta.labels.rules.find((r) => r.id === f.ruleId);
        const quote = detail.text.slice(f.span.start, f.span.end).replace(/\s+/gu, ' ');
        return (
          // biome-ignore lint/a11y/useSemanticElements: a card of block content, clickable as a whole, with keyboard handling
          <div
            key={i}
            className={`finding-item ${f.severity}${active === i ? ' active' : ''}`}
            onMouseEnter={() => onActive(i)}
            onMouseLeave={() => onActive(null)}
            onClick={() => scrollTo(`finding-${i}`)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') scrollTo(`finding-${i}`);
            }}
            role="button"
            tabIndex={0}
          >
            <Space size={4} wrap>
              <Tag color={SEVERITY_COLORS[f.severity]}>
                {meta.labels.severities[f.severity] ?? f.severity}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {f.ruleId}
              </Typography.Text>
            </Space>
            <div style={{ marginTop: 4 }}>{f.message}</div>
            {rule && rule.name !== f.message && (
              <div style={{ color: '#8c8c8c', fontSize: 12, marginTop: 2 }}>规则：{rule.name}</div>
            )}
            <div className="finding-quote">
              {quote
                ? `“${quote.slice(0, 80)}${quote.length > 80 ? '…' : ''}”`
                : `位置：第 ${f.span.start} 字`}
            </div>
            {f.related?.map((r) =>
              r.reportId ? (
                <div key={`${r.reportId}-${r.span.start}`} style={{ fontSize: 12 }}>
                  <a href={href(`/reports/${r.reportId}`)}>{r.note}</a>
                </div>
              ) : null,
            )}
          </div>
        );
      })}
    </div>
  );
}

function FiguresPanel({ detail, meta, active, onActive }: PanelProps) {
  const rows = detail.reading.indicators.map((f, i) => ({ ...f, i }));
  return (
    <Table
      size="small"
      rowKey="i"
      pagination={false}
      dataSource={rows}
      locale={{ emptyText: '没有识别到数据' }}
      onRow={(r) => ({
        onMouseEnter: () => onActive(r.i),
        onMouseLeave: () => onActive(null),
        onClick: () => scrollTo(`figure-${r.i}`),
        style: { cursor: 'pointer', background: active === r.i ? '#fffbe6' : undefined },
      })}
      columns={[
        {
          title: '指标',
          key: 'key',
          render: (_, f) => meta.labels.indicators.find((d) => d.key === f.key)?.name ?? f.key,
        },
        {
          title: '数值',
          key: 'value',
          align: 'right',
          render: (_, f) => `${f.approx ? APPROX[f.approx] : ''}${formatNumber(f.value, 4)}${f.unit}`,
        },
        { title: '领域', dataIndex: 'area', key: 'area', width: 70 },
      ]}
    />
  );
}

function CoveragePanel({ detail }: { detail: ReportDetail }) {
  const rows = detail.coverage.filter((c) => c.scope !== 'off');
  const max = Math.max(1, ...rows.map((c) => c.chars));
  return (
    <div data-testid="coverage">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        正文段落按《法治政府建设实施纲要》领域标注；条形为该领域段落字数，右侧为数据条数。
      </Typography.Paragraph>
      {rows.map((c) => (
        <div key={c.area} style={{ marginBottom: 6 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13 }}>
            <span>
              {c.area} {c.name}
              {c.scope === 'in' && c.paragraphs === 0 && (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  未涉及
                </Tag>
              )}
            </span>
            <span style={{ color: '#8c8c8c' }}>
              {c.paragraphs} 段 · {c.figures} 项数据
            </span>
          </div>
          <Progress
            percent={Math.round((100 * c.chars) / max)}
            showInfo={false}
            size="small"
            strokeColor={c.scope === 'in' ? '#1d4f91' : '#8c8c8c'}
          />
        </div>
      ))}
    </div>
  );
}

function ScorePanel({ detail }: { detail: ReportDetail }) {
  const score = detail.reading.score;
  if (!score) return <Empty description="没有评分" />;
  return (
    <div data-testid="score">
      <div style={{ textAlign: 'center', marginBottom: 12 }}>
        <Progress type="dashboard" percent={score.total} format={(p) => `${p}分`} strokeColor="#1d4f91" />
      </div>
      {score.dimensions.map((d) => (
        <div key={d.id} style={{ marginBottom: 10 }}>
          <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 13 }}>
            <span>
              {d.id} {d.name}
            </span>
            <span>{d.applicable ? `${formatNumber(d.points, 1)} / ${d.weight}` : '不适用'}</span>
          </div>
          {d.applicable && (
            <Progress
              percent={Math.round((100 * d.points) / Math.max(1, d.weight))}
              showInfo={false}
              size="small"
              status={d.lost > 0 ? 'exception' : 'success'}
            />
          )}
          {d.note && <div style={{ fontSize: 12, color: '#8c8c8c' }}>{d.note}</div>}
          {d.deductions.map((x) => (
            <div key={`${x.ruleId}-${x.finding}`} style={{ fontSize: 12, color: '#cf1322' }}>
              −{formatNumber(x.points, 2)}：{x.message}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

export function ReportView({ id, params }: { id: string; params: URLSearchParams }) {
  const meta = useMeta();
  const { message } = AntApp.useApp();
  const report = useApi<ReportDetail>(`/reports/${encodeURIComponent(id)}`);
  const [show, setShow] = useState({ parts: true, figures: true, findings: true });
  const [activeFinding, setActiveFinding] = useState<number | null>(null);
  const [activeFigure, setActiveFigure] = useState<number | null>(null);
  const tab = params.get('tab') ?? 'findings';
  const [panel, setPanel] = useState(tab);

  if (report.error) return <ErrorAlert error={report.error} onRetry={report.reload} />;
  const d = report.data;
  if (!d || d.id !== id) return <Skeleton active paragraph={{ rows: 12 }} />;
  const r = d.reading;
  const m = r.meta;
  const findings = r.findings ?? [];
  const errors = findings.filter((f) => f.severity === 'error').length;
  const canWrite = meta.writable || (meta.writesEnabled && getToken() !== '');
  const kinds = [...new Set(r.parts.map(partKind))];

  return (
    <div data-testid="report-view" data-ready="true">
      <Space style={{ marginBottom: 8 }}>
        <a href={href('/reports')}>← 报告列表</a>
      </Space>
      <h2 className="page-title" data-testid="report-title">
        {d.title ?? '（无标题）'}
      </h2>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }}>
          <Descriptions.Item label="报告单位">{m.issuer ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="地区">{m.jurisdiction?.name ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="层级">
            {m.jurisdiction ? meta.labels.levels[m.jurisdiction.level] : '—'}
          </Descriptions.Item>
          <Descriptions.Item label="单位类型">
            {meta.labels.unitKinds[m.unitKind] ?? m.unitKind}
          </Descriptions.Item>
          <Descriptions.Item label="年度">{m.year ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="发布日期">
            {formatDate(m.published)}
            {d.daysLate !== null &&
              (d.daysLate > 0 ? (
                <Tag color="red" style={{ marginLeft: 6 }}>
                  逾期 {d.daysLate} 天
                </Tag>
              ) : (
                <Tag color="green" style={{ marginLeft: 6 }}>
                  按期
                </Tag>
              ))}
          </Descriptions.Item>
          <Descriptions.Item label="公开期限">{formatDate(d.deadline)}</Descriptions.Item>
          <Descriptions.Item label="成文日期">{formatDate(m.signed)}</Descriptions.Item>
          <Descriptions.Item label="评分">
            <Tag color={scoreColor(d.score)}>{d.score === null ? '—' : `${d.score.toFixed(1)} 分`}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="检查发现">
            {findings.length} 项{errors > 0 ? `（${errors} 项错误）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="原始文件">
            {d.files.length === 0
              ? '—'
              : d.files.map((f) => (
                  <span key={f.id}>
                    <a
                      href={apiUrl(`/reports/${d.id}/original`)}
                      target="_blank"
                      rel="noreferrer"
                      data-testid="original-link"
                    >
                      {f.name}
                    </a>
                    {f.size !== null && <span style={{ color: '#8c8c8c' }}>（{formatBytes(f.size)}）</span>}
                  </span>
                ))}
          </Descriptions.Item>
          <Descriptions.Item label="格式">{meta.labels.formats[d.format] ?? d.format}</Descriptions.Item>
        </Descriptions>
        <Space wrap style={{ marginTop: 8 }}>
          <a href={apiUrl(`/reports/${d.id}.json`)} target="_blank" rel="noreferrer">
            JSON
          </a>
          <a href={apiUrl(`/reports/${d.id}.csv`)}>数据 CSV</a>
          <a href={apiUrl(`/reports/${d.id}/review.docx`)} data-testid="review-docx">
            审阅意见 DOCX
          </a>
          <a href={href(`/reuse/${d.id}`)}>复用检测</a>
          <a href={href('/compare', { keys: [...new Set(r.indicators.map((f) => f.key))].slice(0, 3) })}>
            对比本报告的指标
          </a>
          {canWrite && (
            <Popconfirm
              title="删除这篇报告？"
              description="报告、其文件记录和上传的原件将被删除。"
              okText="删除"
              cancelText="取消"
              onConfirm={async () => {
                try {
                  await apiSend('DELETE', `/reports/${d.id}`);
                  message.success('已删除');
                  navigate('/reports');
                } catch (e) {
                  message.error((e as Error).message);
                }
              }}
            >
              <Button size="small" danger>
                删除
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Card>
      {r.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="读取提示"
          description={r.warnings.join('；')}
        />
      )}
      {r.dateIssues.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title="日期问题"
          description={r.dateIssues
            .map((x) => `${x.raw}：${x.note}${x.repaired ? `（修正为 ${x.repaired}）` : ''}`)
            .join('；')}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} lg={15}>
          <Card
            size="small"
            title={
              <Space wrap>
                {kinds.map((k) => (
                  <Tag key={k} color={PART_BORDERS[k]}>
                    {meta.labels.parts[k] ?? k}
                  </Tag>
                ))}
                {r.embeddedParts.length > 0 && (
                  <Tooltip
                    title={r.embeddedParts
                      .map((e) => `${meta.labels.parts[e.part] ?? e.part}（“${e.cue}”）`)
                      .join('；')}
                  >
                    <Tag>嵌入部分 {r.embeddedParts.length}</Tag>
                  </Tooltip>
                )}
              </Space>
            }
            extra={
              <Space size="middle">
                {(
                  [
                    ['parts', '部分'],
                    ['figures', '数据'],
                    ['findings', '问题'],
                  ] as const
                ).map(([key, label]) => (
                  <span key={key}>
                    {label}{' '}
                    <Switch
                      size="small"
                      checked={show[key]}
                      onChange={(v) => setShow({ ...show, [key]: v })}
                    />
                  </span>
                ))}
              </Space>
            }
          >
            <ReportText
              detail={d}
              meta={meta}
              show={show}
              activeFinding={activeFinding}
              activeFigure={activeFigure}
              onFinding={setActiveFinding}
              onFigure={setActiveFigure}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <div className="margin-panel">
            <Card size="small">
              <Tabs
                activeKey={panel}
                onChange={setPanel}
                items={[
                  {
                    key: 'findings',
                    label: `检查发现 ${findings.length}`,
                    children: (
                      <FindingsPanel
                        detail={d}
                        meta={meta}
                        active={activeFinding}
                        onActive={setActiveFinding}
                      />
                    ),
                  },
                  {
                    key: 'figures',
                    label: `数据 ${r.indicators.length}`,
                    children: (
                      <FiguresPanel detail={d} meta={meta} active={activeFigure} onActive={setActiveFigure} />
                    ),
                  },
                  { key: 'coverage', label: '纲要覆盖', children: <CoveragePanel detail={d} /> },
                  { key: 'score', label: '评分', children: <ScorePanel detail={d} /> },
                ]}
              />
            </Card>
          </div>
        </Col>
      </Row>
    </div>
  );
}
