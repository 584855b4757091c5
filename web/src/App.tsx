import { Button, Input, Layout, Menu, Modal, Result, Space, Spin, Tag, Tooltip } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { getToken, setToken } from './api';
import { MetaContext, useApi } from './hooks';
import { loadedPage, loadPage, type PageComponent, type PageName } from './pages';
import { href, useRoute } from './router';
import { COLORS } from './theme';
import type { Meta } from './types';

/**
 * A page loaded on demand (pages.ts), rendered by `render` once its code is here: at once when
 * it already is (no Suspense fallback), else after a spinner; a failed load offers a reload.
 */
function Lazy<K extends PageName>({
  name,
  render,
}: {
  name: K;
  render: (Page: PageComponent<K>) => ReactNode;
}) {
  const [failed, setFailed] = useState<PageName | null>(null);
  const [, setLoaded] = useState<PageName | null>(null);
  const Page = loadedPage(name);
  useEffect(() => {
    if (Page) return;
    let live = true;
    loadPage(name).then(
      () => live && setLoaded(name),
      () => live && setFailed(name),
    );
    return () => {
      live = false;
    };
  }, [name, Page]);
  if (Page) return render(Page);
  if (failed === name) {
    return (
      <Result
        status="error"
        title="页面加载失败"
        subTitle="请检查网络连接后重新加载"
        extra={<Button onClick={() => window.location.reload()}>重新加载</Button>}
      />
    );
  }
  return <Spin />;
}

const MENU = [
  { key: 'overview', path: '/', label: '概览' },
  { key: 'reports', path: '/reports', label: '报告列表' },
  { key: 'compare', path: '/compare', label: '指标对比' },
  { key: 'reuse', path: '/reuse', label: '复用检测' },
  { key: 'upload', path: '/upload', label: '上传报告' },
  { key: 'roster', path: '/roster', label: '报送审阅' },
];

function TokenControl({ meta }: { meta: Meta }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState('');
  // Read after the first render, which must match the server's (it has no browser storage).
  useEffect(() => {
    setValue(getToken());
    setSaved(getToken());
  }, []);
  if (meta.demo) {
    return (
      <Tooltip title="服务仅监听本机且未设置 FAZHI_TOKEN：上传、删除、名册导入无需令牌">
        <Tag color="green">本地演示模式</Tag>
      </Tooltip>
    );
  }
  return (
    <>
      {!meta.writesEnabled ? (
        <Tag>只读（服务器未设置令牌）</Tag>
      ) : (
        <Button size="small" onClick={() => setOpen(true)}>
          {saved ? '已设置访问令牌' : '设置访问令牌'}
        </Button>
      )}
      <Modal
        title="访问令牌"
        open={open}
        okText="保存"
        cancelText="取消"
        onCancel={() => setOpen(false)}
        onOk={() => {
          setToken(value.trim());
          setSaved(value.trim());
          setOpen(false);
        }}
      >
        <p>上传、删除和名册导入需要服务器的访问令牌（FAZHI_TOKEN），保存在本浏览器中。</p>
        <Input.Password value={value} onChange={(e) => setValue(e.target.value)} placeholder="令牌" />
      </Modal>
    </>
  );
}

function Page() {
  const route = useRoute();
  const [first, second] = route.segments;
  switch (first) {
    case undefined:
    case 'overview':
      return <Lazy name="overview" render={(Overview) => <Overview params={route.params} />} />;
    case 'reports':
      return second ? (
        <Lazy name="report" render={(ReportView) => <ReportView id={second} params={route.params} />} />
      ) : (
        <Lazy name="reports" render={(ReportList) => <ReportList params={route.params} />} />
      );
    case 'compare':
      return <Lazy name="compare" render={(Compare) => <Compare params={route.params} />} />;
    case 'reuse':
      return (
        <Lazy
          name="reuse"
          render={(Reuse) => <Reuse id={second ?? route.params.get('id')} params={route.params} />}
        />
      );
    case 'upload':
      return <Lazy name="upload" render={(Upload) => <Upload />} />;
    case 'roster':
      return <Lazy name="roster" render={(Roster) => <Roster params={route.params} />} />;
    default:
      return <Result status="404" title="页面不存在" extra={<a href={href('/')}>返回概览</a>} />;
  }
}

export function App() {
  const meta = useApi<Meta>('/meta');
  const route = useRoute();
  const active = route.segments[0] ?? 'overview';
  if (meta.error) {
    return (
      <Result
        status="error"
        title="无法连接服务器"
        subTitle={meta.error.message}
        extra={<Button onClick={meta.reload}>重试</Button>}
      />
    );
  }
  if (!meta.data) {
    return (
      <div style={{ padding: 80, textAlign: 'center' }}>
        <Spin />
      </div>
    );
  }
  return (
    <MetaContext.Provider value={meta.data}>
      <Layout style={{ minHeight: '100%' }}>
        <Layout.Sider width={208} breakpoint="lg" collapsedWidth={0}>
          <div className="app-logo">
            法治政府建设
            <br />
            年度报告审阅系统
          </div>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={[active === 'overview' ? 'overview' : active]}
            items={MENU.map((m) => ({ key: m.key, label: <a href={href(m.path)}>{m.label}</a> }))}
          />
        </Layout.Sider>
        <Layout>
          <Layout.Header
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              alignItems: 'center',
              borderBottom: '1px solid #f0f0f0',
            }}
          >
            <Space>
              <span style={{ fontWeight: 600, color: COLORS.nav }}>
                fazhi · 读取、检查和比较法治政府建设年度报告
              </span>
            </Space>
            <Space>
              <a href="/api/openapi.json" target="_blank" rel="noreferrer">
                API 说明
              </a>
              <TokenControl meta={meta.data} />
            </Space>
          </Layout.Header>
          <Layout.Content style={{ padding: 24 }}>
            <Page />
          </Layout.Content>
          <Layout.Footer style={{ textAlign: 'center', color: '#8c8c8c', padding: '12px 24px' }}>
            fazhi {meta.data.version} · 数据存储：
            {meta.data.backend === 'pglite' ? '内嵌数据库' : 'PostgreSQL'}
          </Layout.Footer>
        </Layout>
      </Layout>
    </MetaContext.Provider>
  );
}
