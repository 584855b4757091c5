/**
 * The views the server renders (prerender.ts), shared with the web app's entry
 * (web/src/main.tsx): no imports.
 *
 * The app's addresses are hashes (`#/reports/12`), which a browser never sends to the server, so
 * each view the server renders also has a path of its own: the overview without filters is `/`
 * (`/`, `/#`, `/#/`), report 12 is `/reports/12`. The page at `/` sends a browser that asks for
 * `/#/reports/12` on to `/reports/12`, and the app puts the hash back in the address.
 */

/** A view the server renders: the app's hash for it, its path, and the API answers it shows. */
export interface ServerView {
  hash: string;
  path: string;
  /** API paths (under /api) whose answers the page carries. */
  answers: string[];
}

/** The hashes of the unfiltered overview. */
export const OVERVIEW_HASH = /^#?\/?$/u;
const REPORT_HASH = /^#\/reports\/(\d+)$/u;
const REPORT_PATH = /^\/reports\/(\d+)$/u;

/** The view the server renders at `path`, or null. */
export function serverViewAt(path: string): ServerView | null {
  if (path === '/') return { hash: '#/', path, answers: ['/meta', '/overview'] };
  const id = REPORT_PATH.exec(path)?.[1];
  return id ? { hash: `#/reports/${id}`, path, answers: ['/meta', `/reports/${id}`] } : null;
}

/** The path of the page the server renders for the app's `hash`, or null. */
export function serverPathOf(hash: string): string | null {
  if (OVERVIEW_HASH.test(hash)) return '/';
  const id = REPORT_HASH.exec(hash)?.[1];
  return id ? `/reports/${id}` : null;
}

/**
 * The script at the top of a prerendered page's head, before anything else loads: on the page at
 * `/`, an address that the server renders at a path of its own goes there at once; any address
 * that is not the page's view hides the prerendered markup before the first paint (the app then
 * renders that view itself).
 */
export function guardScript(view: ServerView): string {
  const hide = "document.documentElement.setAttribute('data-other-view','')";
  if (view.path === '/') {
    return `var h=location.hash,m=${REPORT_HASH}.exec(h);if(m)location.replace('/reports/'+m[1]);else if(!${OVERVIEW_HASH}.test(h))${hide}`;
  }
  return `var h=location.hash;if(h&&h!==${JSON.stringify(view.hash)})${hide}`;
}
