/**
 * The entry: small on purpose. It asks for the first view's data and starts loading its page's
 * code, then loads the app (React, Ant Design) — all at once, so none waits for another. The
 * other pages' code follows once the first view is up and the browser is idle.
 */
import { preloadAllPagesWhenIdle, preloadPage } from './pages';
import { prefetchRoute } from './requests';

prefetchRoute(window.location.hash);
preloadPage(window.location.hash);
import('./boot').then(
  () => window.addEventListener('load', () => setTimeout(preloadAllPagesWhenIdle, 1000), { once: true }),
  (error: Error) => {
    const root = document.getElementById('root');
    if (root) root.textContent = `无法加载页面：${error.message}（请刷新重试）`;
  },
);
