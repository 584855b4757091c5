/**
 * The overview rendered on the server (built by `vite build --ssr`, used by
 * src/server/prerender.ts): the page at `/` arrives with its figures and charts drawn, and the
 * browser hydrates it (main.tsx) instead of rendering it from nothing.
 */
import { createCache, extractStyle, StyleProvider } from '@ant-design/cssinjs';
import { renderToString } from 'react-dom/server';
import { providePage } from './pages';
import { Overview } from './pages/Overview';
import { Root } from './Root';
import { forgetPrefetched, provide } from './requests';
import type { Meta, Overview as OverviewData } from './types';

providePage('overview', Overview);

/**
 * The unfiltered overview from the API's answers (/api/meta, /api/overview): the markup of
 * `#root`, and for the head the styles Ant Design writes at run time (the theme's CSS variables),
 * which the browser's Ant Design takes over.
 */
export function renderOverview(data: { meta: Meta; overview: OverviewData }): { root: string; head: string } {
  // The pages read their data through useApi, which takes answers provided beforehand; a render is
  // synchronous, so no other render sees these.
  provide('/meta', undefined, data.meta);
  provide('/overview', {}, data.overview);
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
  }
}
