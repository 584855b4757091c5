/** The whole app with its locale and theme: rendered in the browser (boot.tsx) and on the server (ssr.tsx). */
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, useEffect } from 'react';
import { App } from './App';
import { THEME } from './theme';

export function Root() {
  // Says when the app runs the page (rendered, or a server's page hydrated): before that, a
  // server-rendered page shows but does not respond.
  useEffect(() => {
    document.documentElement.dataset.app = 'running';
  }, []);
  return (
    <StrictMode>
      <ConfigProvider locale={zhCN} theme={THEME}>
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>
  );
}
