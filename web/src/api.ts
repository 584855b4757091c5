/** The only way the app talks to the server: the JSON API under /api (see /api/openapi.json). */
import type { UploadResponse } from './types';

const TOKEN_KEY = 'fazhi-token';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function getToken(): string {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

export function setToken(token: string): void {
  try {
    if (token) localStorage.setItem(TOKEN_KEY, token);
    else localStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage unavailable: the token lasts for this page only
  }
}

function authHeaders(): Record<string, string> {
  const token = getToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}

export type Params = Record<string, string | number | boolean | (string | number)[] | null | undefined>;

/** A query string from params (arrays comma-joined; empty values left out), with its '?'. */
export function queryString(params: Params = {}): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) p.set(k, v.join(','));
    } else p.set(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Values of a comma-separated parameter. */
export function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** URL of an API resource (for links: CSV, JSON, original files). */
export function apiUrl(path: string, params?: Params): string {
  return `/api${path}${queryString(params)}`;
}

async function failure(res: Response): Promise<ApiError> {
  let code = 'error';
  let message = `${res.status} ${res.statusText}`;
  try {
    const body = (await res.json()) as { error?: string; message?: string };
    code = body.error ?? code;
    message = body.message ?? message;
  } catch {
    // not JSON
  }
  return new ApiError(res.status, code, message);
}

export async function apiGet<T>(path: string, params?: Params, signal?: AbortSignal): Promise<T> {
  const res = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

export async function apiSend<T>(method: 'POST' | 'DELETE', path: string, body?: FormData): Promise<T> {
  const res = await fetch(apiUrl(path), {
    method,
    headers: { accept: 'application/json', ...authHeaders() },
    body,
  });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as T;
}

/** Upload files (multipart, field `files`), reporting bytes sent. */
export function uploadFiles(
  files: { file: File; name: string }[],
  onProgress: (sent: number, total: number) => void,
): Promise<UploadResponse> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    for (const f of files) form.append('files', f.file, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/upload'));
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', '网络错误：无法连接服务器'));
    xhr.onload = () => {
      let body: { error?: string; message?: string } & Partial<UploadResponse> = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as UploadResponse);
      else
        reject(new ApiError(xhr.status, body.error ?? 'error', body.message ?? `上传失败（${xhr.status}）`));
    };
    xhr.send(form);
  });
}
