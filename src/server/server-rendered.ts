/**
 * The views the server renders (prerender.ts), shared with the web app's entry
 * (web/src/main.tsx): no imports.
 *
 * The app's addresses are hashes (`#/reports/12`, `#/reports?level=county`), which a browser
 * never sends to the server, so each view the server renders also has an address of its own: the
 * hash without its `#` (`/reports/12`, `/reports?level=county`; the overview is `/`). The page at
 * `/` sends a browser that asks for `/#/reports/12` on to `/reports/12`, and the app puts the
 * hash back in the address bar.
 */

/** A view the server renders: the app's hash for it, and its own address (path and query). */
export interface ServerView {
  hash: string;
  path: string;
}

/** The views with an address of their own: the overview, the list, a report. */
const VIEW_PATH = /^\/(?:reports(?:\/\d+)?)?$/u;

/** The view the server renders at `pathname` + `search` (`search` with its `?`, or empty), or null. */
export function serverViewAt(pathname: string, search: string): ServerView | null {
  if (!VIEW_PATH.test(pathname)) return null;
  const query = search === '?' ? '' : search;
  return { hash: `#${pathname}${query}`, path: `${pathname}${query}` };
}

/** The address of the page the server renders for the app's `hash`, or null. */
export function serverPathOf(hash: string): string | null {
  const address = hash.replace(/^#/u, '') || '/';
  const [pathname = '', query] = address.split('?');
  const view = serverViewAt(pathname || '/', query ? `?${query}` : '');
  return view?.path ?? null;
}

/**
 * The script at the top of a prerendered page's head, run before anything else loads. An
 * address without a hash, or with the page's own, shows the page. Another view that the server
 * renders is sent on to its own address from the page at `/` (and only from there: no loops).
 * Any other view hides the prerendered markup before the first paint; the app renders it.
 */
export function guardScript(view: ServerView): string {
  return [
    `var p=${JSON.stringify(view.path)},h=location.hash.replace(/^#/,'')||p,a=h.split('?')[0]||'/';`,
    `if(h!==p){if(p==='/'&&${VIEW_PATH}.test(a))location.replace(h);`,
    "else document.documentElement.setAttribute('data-other-view','')}",
  ].join('');
}
