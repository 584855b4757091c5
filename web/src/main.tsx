import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPage } from './App';
import { prefetchRoute } from './requests';
import 'antd/dist/antd.css';
import './styles.css';

// Ask for the data of the first view now, while React and Ant Design start.
prefetchRoute(window.location.hash);
preloadPage(window.location.hash);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ConfigProvider
        locale={zhCN}
        // Ant Design's styles come precompiled (antd/dist/antd.css): no style generation at run time,
        // which halves the time the first view takes to render. (Theme tokens would need it.)
        theme={{ zeroRuntime: true }}
      >
        <AntApp>
          <App />
        </AntApp>
      </ConfigProvider>
    </StrictMode>,
  );
}
