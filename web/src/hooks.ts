import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { apiGet, type Params } from './api';
import { peekPrefetched, takePrefetched } from './requests';
import type { Meta } from './types';

export interface Loaded<T> {
  data: T | null;
  error: Error | null;
  loading: boolean;
  reload(): void;
}

/**
 * GET an API path; reloads when the path or params change (compared by their JSON). An answer
 * prefetched before React rendered (requests.ts) is taken as it is: at once when it has arrived.
 */
export function useApi<T>(path: string | null, params?: Params): Loaded<T> {
  const key = `${path}|${JSON.stringify(params ?? {})}`;
  const [state, setState] = useState<{ data: T | null; key: string | null }>(() => {
    const ready = path === null ? undefined : peekPrefetched<T>(path, params);
    return ready ? { data: ready.value, key } : { data: null, key: null };
  });
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(path !== null && state.key !== key);
  const [nonce, setNonce] = useState(0);
  // What `state` holds: the effect need not ask again for it.
  const held = useRef({ key: state.key, nonce: 0 });
  const paramsRef = useRef(params);
  paramsRef.current = params;
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for path and params; nonce forces a reload
  useEffect(() => {
    if (path === null) return;
    if (held.current.key === key && held.current.nonce === nonce) {
      // Shown from the prefetch: a later view of the same URL asks the server again.
      takePrefetched(path, paramsRef.current);
      return;
    }
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    (takePrefetched<T>(path, paramsRef.current) ?? apiGet<T>(path, paramsRef.current, controller.signal))
      .then((d) => {
        if (controller.signal.aborted) return;
        held.current = { key, nonce };
        setState({ data: d, key });
        setLoading(false);
      })
      .catch((e: Error) => {
        if (controller.signal.aborted) return;
        setError(e);
        setLoading(false);
      });
    return () => controller.abort();
  }, [key, nonce]);
  const reload = useCallback(() => setNonce((n) => n + 1), []);
  // Data of an earlier request stays shown, but counts as loading until the current one answers.
  return {
    data: state.data,
    error,
    loading: path !== null && (loading || (state.key !== key && error === null)),
    reload,
  };
}

export const MetaContext = createContext<Meta | null>(null);

/** The labels and limits of /api/meta (loaded before any page renders). */
export function useMeta(): Meta {
  const meta = useContext(MetaContext);
  if (!meta) throw new Error('MetaContext is not provided');
  return meta;
}
