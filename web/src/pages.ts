/**
 * The pages, each loaded on demand (its own chunk: the overview does not wait for the list's
 * table code, nor the list for ECharts), by route name; `reports` is the list, `report` one report.
 * No React here: main.tsx starts loading the first view's page from this module before React
 * and Ant Design are even fetched. A page already loaded renders at once (App.tsx `usePage`),
 * without a Suspense fallback, which React would keep on screen for at least 300 ms.
 */
const loaders = {
  overview: () => import('./pages/Overview').then((m) => m.Overview),
  reports: () => import('./pages/ReportList').then((m) => m.ReportList),
  report: () => import('./pages/ReportView').then((m) => m.ReportView),
  compare: () => import('./pages/Compare').then((m) => m.Compare),
  reuse: () => import('./pages/Reuse').then((m) => m.Reuse),
  roster: () => import('./pages/Roster').then((m) => m.Roster),
  upload: () => import('./pages/Upload').then((m) => m.Upload),
};

export type PageName = keyof typeof loaders;
export type PageComponent<K extends PageName> = Awaited<ReturnType<(typeof loaders)[K]>>;

const loaded = new Map<PageName, unknown>();
const loading = new Map<PageName, Promise<unknown>>();

/** Load a page's code (once); resolves to its component. */
export function loadPage<K extends PageName>(name: K): Promise<PageComponent<K>> {
  let p = loading.get(name);
  if (!p) {
    p = loaders[name]().then((c) => {
      loaded.set(name, c);
      return c;
    });
    // A failed load is tried again next time.
    p.catch(() => loading.delete(name));
    loading.set(name, p);
  }
  return p as Promise<PageComponent<K>>;
}

/** A page whose code is already at hand (the server renderer imports the pages it renders). */
export function providePage<K extends PageName>(name: K, component: PageComponent<K>): void {
  loaded.set(name, component);
}

/** The page's component if its code is here. */
export function loadedPage<K extends PageName>(name: K): PageComponent<K> | undefined {
  return loaded.get(name) as PageComponent<K> | undefined;
}

/** The page of a hash route (`#/compare?…` → compare, `#/reports/12` → report); `#/` is the overview. */
export function pageOf(hash: string): string {
  const [first, second] = (hash.replace(/^#\/?/u, '').split('?')[0] ?? '').split('/');
  if (first === 'reports' && second) return 'report';
  return first || 'overview';
}

/** Load the code of every page, when the browser has nothing else to do (for quick navigation). */
export function preloadAllPagesWhenIdle(): void {
  const idle = (fn: () => void) =>
    'requestIdleCallback' in window
      ? window.requestIdleCallback(fn, { timeout: 5000 })
      : setTimeout(fn, 2000);
  const names = Object.keys(loaders) as PageName[];
  const next = () => {
    const name = names.shift();
    if (!name) return;
    loadPage(name).then(
      () => idle(next),
      () => idle(next),
    );
  };
  idle(next);
}

/** Start loading the code of the page at `hash` (before React asks for it); settles once it is here or failed. */
export function preloadPage(hash: string): Promise<void> {
  const name = pageOf(hash);
  // A failure is left to the page's own loader (Lazy in App.tsx), which offers a reload.
  return name in loaders
    ? loadPage(name as PageName).then(
        () => {},
        () => {},
      )
    : Promise.resolve();
}
