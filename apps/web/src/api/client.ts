import { ApiError, classifyError, NETWORK_ERROR, toApiError } from './api-error.ts';

/**
 * The one HTTP client of the app: JSON in and out, the session cookie, the CSRF token on every write,
 * and one place where "you are signed out" and "change your password first" are noticed.
 */

type Query = Record<string, string | number | boolean | null | undefined>;

interface RequestOptions {
  readonly query?: Query | undefined;
  readonly body?: unknown;
  readonly form?: FormData | undefined;
  readonly headers?: Record<string, string> | undefined;
  readonly signal?: AbortSignal | undefined;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

let csrfToken: string | null = null;
let lastActivity = Date.now();
type SessionListener = (error: ApiError) => void;
let sessionListener: SessionListener = () => undefined;
const activityListeners = new Set<(at: number) => void>();

/** Login and /api/auth/me hand out the token that writes must echo in `x-csrf-token`. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Told about sign-in and forced password change errors from any request (the session provider listens). */
export function onSessionProblem(listener: SessionListener): () => void {
  sessionListener = listener;
  return () => {
    if (sessionListener === listener) sessionListener = () => undefined;
  };
}

/** Every answered request keeps the server session alive; the idle warning counts from the last one. */
export function onActivity(listener: (at: number) => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

export function lastActivityAt(): number {
  return lastActivity;
}

export function queryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(`${path}${queryString(options.query)}`, {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, NETWORK_ERROR, '无法连接服务器，请检查网络后重试', null, null);
  }
}

async function failure(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  const body: unknown = type.includes('json') ? await response.json().catch(() => null) : null;
  return toApiError(response.status, body, response.headers.get('x-request-id'));
}

/**
 * Sends a request and returns the response once it is known to be a success. A write refused for a
 * stale CSRF token (the session was renewed in another tab) fetches the current token and is sent once more.
 */
async function exchange(method: Method, path: string, options: RequestOptions, retried = false): Promise<Response> {
  const response = await send(method, path, options);
  if (response.status !== 401) {
    lastActivity = Date.now();
    for (const listener of activityListeners) listener(lastActivity);
  }
  if (response.ok) return response;
  const error = await failure(response);
  if (error.code === 'CSRF_INVALID' && !retried) {
    const me = await send('GET', '/api/auth/me', {});
    if (me.ok) {
      const session: unknown = await me.json();
      if (typeof session === 'object' && session !== null && 'csrfToken' in session && typeof session.csrfToken === 'string') {
        setCsrfToken(session.csrfToken);
        return exchange(method, path, options, true);
      }
    }
  }
  const kind = classifyError(error);
  if (kind === 'sign-in' || kind === 'change-password') sessionListener(error);
  throw error;
}

async function json<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await exchange(method, path, options);
  if (response.status === 204) return undefined as T;
  // The API answers JSON on success; the type is the contract's, checked by the server's serialiser.
  return (await response.json()) as T;
}

/** Reads a file name from Content-Disposition (RFC 5987 `filename*` first: Chinese names). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      return fallback;
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/** Downloads a file through fetch (so errors such as PDF_UNAVAILABLE come back as ApiErrors) and saves it. */
async function download(path: string, fallbackName: string): Promise<void> {
  const response = await exchange('GET', path, { headers: { accept: '*/*' } });
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filenameOf(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function text(path: string, signal?: AbortSignal): Promise<string> {
  const response = await exchange('GET', path, { headers: { accept: 'text/html,text/css,*/*' }, signal });
  return response.text();
}

function upload<T>(path: string, file: File, query?: Query): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  return json<T>('POST', path, { form, query });
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => json<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, { body }),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: Query) => json<T>('DELETE', path, { query }),
  upload,
  download,
  text,
};
