/** 上传报告: drag files or a folder, upload with progress, each file's result or error. */
import { Alert, Button, Card, Collapse, Progress, Space, Table, Tag, Typography } from 'antd';
import { type DragEvent, type HTMLAttributes, useEffect, useRef, useState } from 'react';
import { getToken, uploadFiles } from '../api';
import { formatBytes, formatDate } from '../format';
import { useApi, useMeta } from '../hooks';
import { href } from '../router';
import { COLORS } from '../theme';
import type { FailedFile, UploadResult } from '../types';

/** `rejected`: a chosen file that cannot be uploaded; `skipped`: a file of a folder that is no report. */
type Status = 'waiting' | 'uploading' | UploadResult['status'] | 'rejected' | 'skipped';

interface Item {
  id: number;
  file: File;
  /** The path relative to the dropped or chosen folder (`2023/湖北/报告.txt`), else the file name. */
  name: string;
  status: Status;
  reportId?: string | null;
  message?: string;
}

const STATUS: Record<Status, { label: string; color: string }> = {
  waiting: { label: '等待上传', color: 'default' },
  uploading: { label: '上传中', color: 'processing' },
  added: { label: '已入库', color: 'green' },
  linked: { label: '内容已存在', color: 'cyan' },
  unchanged: { label: '未变化', color: 'blue' },
  failed: { label: '失败', color: 'red' },
  rejected: { label: '未上传', color: 'orange' },
  skipped: { label: '已跳过', color: 'default' },
};

/** Hidden and system files of a folder (.DS_Store, .git/…, Thumbs.db, Office's ~$ lock files): not listed. */
const HIDDEN = /(?:^|\/)(?:\.|~\$)|(?:^|\/)(?:thumbs\.db|desktop\.ini)$/iu;

const BATCH_FILES = 10;
const BATCH_BYTES = 20 * 1024 * 1024;

const byPath = (a: string, b: string): number => a.localeCompare(b, 'zh-CN', { numeric: true });

/** Files of dropped items, folders walked (names keep their folder path). */
async function droppedFiles(dt: DataTransfer): Promise<{ file: File; name: string; fromFolder: boolean }[]> {
  const entries = [...dt.items]
    .map((i) => (typeof i.webkitGetAsEntry === 'function' ? i.webkitGetAsEntry() : null))
    .filter((e): e is FileSystemEntry => e !== null);
  if (entries.length === 0)
    return [...dt.files].map((file) => ({ file, name: file.name, fromFolder: false }));
  const out: { file: File; name: string; fromFolder: boolean }[] = [];
  const walk = async (entry: FileSystemEntry, prefix: string, inFolder: boolean): Promise<void> => {
    if (entry.isFile) {
      const file = await new Promise<File>((resolve, reject) =>
        (entry as FileSystemFileEntry).file(resolve, reject),
      );
      out.push({ file, name: `${prefix}${entry.name}`, fromFolder: inFolder });
    } else if (entry.isDirectory) {
      const reader = (entry as FileSystemDirectoryEntry).createReader();
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
          reader.readEntries(resolve, reject),
        );
        if (batch.length === 0) break;
        for (const e of batch) await walk(e, `${prefix}${entry.name}/`, true);
      }
    }
  };
  for (const e of entries) await walk(e, '', false);
  // A folder's entries come in no particular order: list them by path.
  return out.sort((a, b) => byPath(a.name, b.name));
}

export function Upload() {
  const meta = useMeta();
  const [items, setItems] = useState<Item[]>([]);
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(0);
  const [hidden, setHidden] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const nextId = useRef(1);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const failed = useApi<{ files: FailedFile[] }>('/files/failed');
  const canWrite = meta.writable || (meta.writesEnabled && getToken() !== '');
  const types = meta.limits.types;

  useEffect(() => {
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);

  const add = (files: { file: File; name: string; fromFolder: boolean }[]) => {
    let hidden = 0;
    const added: Item[] = [];
    for (const f of files) {
      if (f.fromFolder && HIDDEN.test(f.name)) {
        hidden++;
        continue;
      }
      const item = { id: nextId.current++, file: f.file, name: f.name };
      const base = f.name.split('/').pop() ?? f.name;
      const dot = base.lastIndexOf('.');
      const ext = dot > 0 ? base.slice(dot).toLowerCase() : '';
      if (!types.includes(ext)) {
        // A file of a folder that is no report (images, stylesheets) is skipped; a chosen one is refused.
        added.push({
          ...item,
          status: f.fromFolder ? 'skipped' : 'rejected',
          message: `不支持的文件类型“${ext || '无扩展名'}”（支持 ${types.join(' ')}）`,
        });
      } else if (f.file.size > meta.limits.maxUploadBytes) {
        added.push({
          ...item,
          status: 'rejected',
          message: `超过 ${formatBytes(meta.limits.maxUploadBytes)} 上限`,
        });
      } else if (f.file.size === 0) {
        added.push({ ...item, status: 'rejected', message: '文件为空' });
      } else {
        added.push({ ...item, status: 'waiting' });
      }
    }
    setHidden((n) => n + hidden);
    setItems((prev) => [...prev, ...added]);
  };

  const onDrop = async (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    add(await droppedFiles(e.dataTransfer));
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    setSent(0);
    const queue = items.filter((i) => i.status === 'waiting');
    let done = 0;
    try {
      while (queue.length > 0) {
        const batch: Item[] = [];
        let bytes = 0;
        while (queue.length > 0 && batch.length < Math.min(BATCH_FILES, meta.limits.maxUploadFiles)) {
          const next = queue[0] as Item;
          if (batch.length > 0 && bytes + next.file.size > BATCH_BYTES) break;
          batch.push(next);
          bytes += next.file.size;
          queue.shift();
        }
        const ids = new Set(batch.map((b) => b.id));
        setItems((prev) => prev.map((i) => (ids.has(i.id) ? { ...i, status: 'uploading' } : i)));
        try {
          const response = await uploadFiles(
            batch.map((b) => ({ file: b.file, name: b.name.split('/').pop() ?? b.name })),
            (loaded) => setSent(done + loaded),
          );
          setItems((prev) =>
            prev.map((i) => {
              const k = batch.findIndex((b) => b.id === i.id);
              const r = k >= 0 ? response.results[k] : undefined;
              return r ? { ...i, status: r.status, reportId: r.reportId, message: r.message } : i;
            }),
          );
        } catch (e) {
          setItems((prev) =>
            prev.map((i) => (ids.has(i.id) ? { ...i, status: 'failed', message: (e as Error).message } : i)),
          );
          if ((e as { status?: number }).status === 401 || (e as { status?: number }).status === 403) {
            setError((e as Error).message);
            break;
          }
        }
        done += bytes;
        setSent(done);
      }
    } finally {
      setBusy(false);
      failed.reload();
    }
  };

  const total = items
    .filter((i) => i.status !== 'rejected' && i.status !== 'skipped')
    .reduce((s, i) => s + i.file.size, 0);
  const count = (s: Status) => items.filter((i) => i.status === s).length;
  const waiting = count('waiting');
  const finished = items.length > 0 && waiting === 0 && !busy;

  return (
    <div data-testid="upload" data-ready="true">
      <h2 className="page-title">上传报告</h2>
      {!canWrite && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={meta.writesEnabled ? '上传需要访问令牌' : '服务器为只读模式'}
          description={
            meta.writesEnabled
              ? '请在页面右上角“设置访问令牌”中填写服务器的 FAZHI_TOKEN。'
              : '服务器未设置 FAZHI_TOKEN 且不在本地演示模式，上传已禁用。'
          }
        />
      )}
      {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} />}
      <Card size="small" style={{ marginBottom: 16 }}>
        {/* biome-ignore lint/a11y/useSemanticElements: a drop target with block content, also clickable and keyboard-operable */}
        <div
          className={`drop-zone${over ? ' over' : ''}`}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={onDrop}
          onClick={() => filesInput.current?.click()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') filesInput.current?.click();
          }}
          role="button"
          tabIndex={0}
        >
          <div style={{ fontSize: 16, marginBottom: 8 }}>将报告文件或文件夹拖到此处，或点击选择文件</div>
          <Typography.Text type="secondary">
            支持 {types.join(' ')}；单个文件不超过 {formatBytes(meta.limits.maxUploadBytes)}
          </Typography.Text>
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept={types.join(',')}
          style={{ display: 'none' }}
          data-testid="file-input"
          onChange={(e) => {
            add([...(e.target.files ?? [])].map((file) => ({ file, name: file.name, fromFolder: false })));
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          style={{ display: 'none' }}
          data-testid="folder-input"
          onChange={(e) => {
            add(
              [...(e.target.files ?? [])]
                .map((file) => ({ file, name: file.webkitRelativePath || file.name, fromFolder: true }))
                .sort((a, b) => byPath(a.name, b.name)),
            );
            e.target.value = '';
          }}
        />
        <Space style={{ marginTop: 12 }} wrap>
          <Button onClick={() => filesInput.current?.click()}>选择文件</Button>
          <Button onClick={() => folderInput.current?.click()}>选择文件夹</Button>
          <Button
            type="primary"
            disabled={!canWrite || busy || waiting === 0}
            loading={busy}
            onClick={start}
            data-testid="upload-start"
          >
            开始上传{waiting > 0 ? `（${waiting} 个）` : ''}
          </Button>
          <Button
            disabled={busy || items.length === 0}
            onClick={() => {
              setItems([]);
              setHidden(0);
              setSent(0);
            }}
          >
            清空列表
          </Button>
          {hidden > 0 && (
            <Typography.Text type="secondary">另有 {hidden} 个隐藏或系统文件未列出</Typography.Text>
          )}
        </Space>
        {(busy || sent > 0) && total > 0 && (
          <Progress
            percent={Math.min(100, Math.round((100 * sent) / total))}
            status={busy ? 'active' : 'normal'}
            format={(p) => (busy && p === 100 ? '分析中…' : `${p}%`)}
            style={{ marginTop: 12 }}
            data-testid="upload-progress"
          />
        )}
        {finished && (
          <Alert
            style={{ marginTop: 12 }}
            type={count('failed') + count('rejected') > 0 ? 'warning' : 'success'}
            showIcon
            data-testid="upload-summary"
            title={`上传完成：新入库 ${count('added')} 个，内容已存在 ${count('linked')} 个，未变化 ${count('unchanged')} 个，失败 ${count('failed') + count('rejected')} 个${count('skipped') > 0 ? `，跳过 ${count('skipped')} 个非报告文件` : ''}`}
            action={<a href={href('/reports')}>查看报告列表</a>}
          />
        )}
      </Card>
      {items.length > 0 && (
        <Card size="small" title={`文件（${items.length}）`} style={{ marginBottom: 16 }}>
          <Table<Item>
            size="small"
            rowKey="id"
            dataSource={items}
            onRow={(i) => ({ 'data-name': i.name, 'data-status': i.status }) as HTMLAttributes<HTMLElement>}
            pagination={items.length > 50 ? { pageSize: 50 } : false}
            data-testid="upload-table"
            columns={[
              {
                title: '文件',
                key: 'name',
                // The folder part muted: two files of one name in different folders stay apart.
                render: (_, i) => {
                  const cut = i.name.lastIndexOf('/') + 1;
                  return (
                    <span data-testid="upload-name">
                      {cut > 0 && <span style={{ color: COLORS.muted }}>{i.name.slice(0, cut)}</span>}
                      {i.name.slice(cut)}
                    </span>
                  );
                },
              },
              { title: '大小', key: 'size', width: 100, render: (_, i) => formatBytes(i.file.size) },
              {
                title: '状态',
                key: 'status',
                width: 120,
                render: (_, i) => <Tag color={STATUS[i.status].color}>{STATUS[i.status].label}</Tag>,
              },
              {
                title: '结果',
                key: 'result',
                render: (_, i) =>
                  i.reportId ? (
                    <a href={href(`/reports/${i.reportId}`)} data-testid="uploaded-report">
                      查看报告 #{i.reportId}
                    </a>
                  ) : (
                    <span
                      style={{
                        color:
                          i.status === 'failed' || i.status === 'rejected'
                            ? COLORS.bad
                            : i.status === 'skipped'
                              ? COLORS.muted
                              : undefined,
                      }}
                    >
                      {i.message ?? ''}
                    </span>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <Collapse
        items={[
          {
            key: 'failed',
            label: `未能入库的文件（${failed.data?.files.length ?? 0}）`,
            children: (
              <Table<FailedFile>
                size="small"
                rowKey={(f) => `${f.name}-${f.version}-${f.updatedAt}`}
                dataSource={failed.data?.files ?? []}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '文件', dataIndex: 'name', key: 'name' },
                  {
                    title: '原因',
                    key: 'message',
                    render: (_, f) => `${f.message ?? ''}${f.code ? `（${f.code}）` : ''}`,
                  },
                  { title: '尝试次数', dataIndex: 'attempts', key: 'attempts', width: 90 },
                  { title: '时间', key: 'time', width: 140, render: (_, f) => formatDate(f.updatedAt) },
                ]}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
