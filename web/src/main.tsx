/**
 * The entry: small on purpose. It asks for the first view's data and starts loading its page's
 * code, then loads the app (React, Ant Design) — all at once, so none waits for another. The
 * other pages' code follows once the first view is up and the browser is idle.
 *
 * Nothing here imports React: the entry runs as soon as it is loaded, not once React is.
 *
 * At `/` the server sends the overview already rendered, with the data it shows
 * (`#fazhi-initial`): the app takes both over instead of asking again. Any other view clears it.
 */

import { SERVER_RENDERED_HASH } from '../../src/server/server-rendered';
import { preloadAllPagesWhenIdle, preloadPage } from './pages';
import { prefetchRoute, provide } from './requests';
import type { Meta, Overview } from './types';

const root = document.getElementById('root');
const hash = window.location.hash;
const initial = document.getElementById('fazhi-initial');
const serverRendered = Boolean(root?.firstElementChild && initial) && SERVER_RENDERED_HASH.test(hash);
if (initial?.textContent) {
  const data = JSON.parse(initial.textContent) as { meta: Meta; overview: Overview };
  provide('/meta', undefined, data.meta);
  if (serverRendered) provide('/overview', {}, data.overview);
}
if (root && !serverRendered) root.replaceChildren();
// The server's page hides itself from the first paint of any other view (see src/server/prerender.ts).
delete document.documentElement.dataset.otherView;

prefetchRoute(hash);
preloadPage(hash);
import('./boot')
  .then((boot) => (root ? boot.mount(root, serverRendered) : undefined))
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
