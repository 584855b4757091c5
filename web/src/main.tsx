/**
 * The entry: small on purpose. It asks for the first view's data and starts loading its page's
 * code, then loads the app (React, Ant Design) — all at once, so none waits for another. The
 * other pages' code follows once the first view is up and the browser is idle.
 *
 * Nothing here imports React: the entry runs as soon as it is loaded, not once React is.
 *
 * Some views come from the server already rendered (src/server/server-rendered.ts: the overview
 * at `/`, the list at `/reports?…`, a report at `/reports/12`), with the API answers they show
 * (`#fazhi-initial`): the app takes both over instead of asking again. The app's address is a
 * hash: a page served at an address of its own gets `/#/reports/12` back in the address bar.
 * Any other view clears the markup.
 */

import { serverPathOf, serverViewAt } from '../../src/server/server-rendered';
import { preloadAllPagesWhenIdle, preloadPage } from './pages';
import { prefetchRoute, provide } from './requests';

if (window.location.pathname !== '/' || window.location.search) {
  const { pathname, search } = window.location;
  const hash = window.location.hash || serverViewAt(pathname, search)?.hash || '';
  window.history.replaceState(window.history.state, '', `/${hash}`);
}
const root = document.getElementById('root');
const hash = window.location.hash;
const initialText = document.getElementById('fazhi-initial')?.textContent;
const initial = initialText
  ? (JSON.parse(initialText) as { hash: string; answers: Record<string, unknown> })
  : null;
const serverRendered =
  Boolean(root?.firstElementChild && initial) &&
  serverPathOf(hash) !== null &&
  serverPathOf(hash) === serverPathOf(initial?.hash ?? '');
for (const [path, value] of Object.entries(initial?.answers ?? {})) {
  // The labels hold for any view; a view's own data only for the view it was rendered for.
  if (path === '/meta' || serverRendered) provide(path, value);
}
if (root && !serverRendered) root.replaceChildren();
// The server's page hides itself from the first paint of any other view (src/server/prerender.ts).
delete document.documentElement.dataset.otherView;

prefetchRoute(hash);
preloadPage(hash);
import('./boot')
  .then((boot) => (root ? boot.mount(root, serverRendered ? (initial?.hash ?? null) : null) : undefined))
  .then(
    () => {
      const later = () => setTimeout(preloadAllPagesWhenIdle, 1000);
      if (document.readyState === 'complete') later();
      else window.addEventListener('load', later, { once: true });
    },
    (error: Error) => {
      if (root) root.textContent = `无法加载页面：${error.message}（请刷新重试）`;
    },
  );
