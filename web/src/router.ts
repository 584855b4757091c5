/** Hash routing (#/reports?year=2023): bookmarkable views without server routes. */
import { useEffect, useState } from 'react';
import { type Params, queryString } from './api';

export interface Route {
  /** Path segments after '#/', e.g. ['reports', '12']. */
  segments: string[];
  params: URLSearchParams;
}

function parse(hash: string): Route {
  const raw = hash.replace(/^#\/?/u, '');
  const [path = '', query = ''] = raw.split('?');
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    params: new URLSearchParams(query),
  };
}

let serverHash = '';

/** The view the server renders next (ssr.tsx): the browser reads its own address. */
export function setServerHash(hash: string): void {
  serverHash = hash;
}

const currentHash = (): string => (typeof window === 'undefined' ? serverHash : window.location.hash);

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parse(currentHash()));
  useEffect(() => {
    const onChange = () => setRoute(parse(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

export function href(path: string, params?: Params): string {
  return `#${path}${queryString(params)}`;
}

export function navigate(path: string, params?: Params): void {
  window.location.hash = href(path, params);
}
