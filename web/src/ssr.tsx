/**
 * The views the server renders (built by `vite build --ssr`, used by src/server/prerender.ts; which
 * views, src/server/server-rendered.ts): the page arrives with its view drawn, and the browser
 * hydrates it (main.tsx) instead of rendering it from nothing.
 */
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { renderToString } from 'react-dom/server';
import { providePage } from './pages';
import { Overview } from './pages/Overview';
import { ReportList } from './pages/ReportList';
import { ReportView } from './pages/ReportView';
import { Root } from './Root';
import { forgetPrefetched, provide, routeRequests } from './requests';
import { setServerHash } from './router';

providePage('overview', Overview);
providePage('reports', ReportList);
providePage('report', ReportView);

/** The API requests the view at `hash` makes first (paths with their query, under /api). */
export const requestsFor = routeRequests;

/**
 * The view at `hash` from the API's answers (by API path and query, as `requestsFor` lists them):
 * the markup of `#root`, and for the head the styles Ant Design writes at run time (the theme's
 * CSS variables), which the browser's Ant Design takes over.
 */
export function renderView(view: { hash: string; answers: Record<string, unknown> }): {
  root: string;
  head: string;
} {
  // The pages read their data through useApi, which takes answers provided beforehand, and their
  // route from the router; a render is synchronous, so no other render sees these.
  setServerHash(view.hash);
  for (const [path, value] of Object.entries(view.answers)) provide(path, value);
  const cache = createCache();
  try {
    const root = renderToString(
      <StyleProvider cache={cache}>
        <Root />
      </StyleProvider>,
    );
    return { root, head: extractStyle(cache) };
  } finally {
    forgetPrefetched();
    setServerHash('');
  }
}
