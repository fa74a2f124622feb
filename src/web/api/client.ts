import type { ErrorBody, FieldIssue, MessageKey } from '../../shared/errors';

/**
 * An API error with the server's code, message, (for 400s) the failing field paths and, when the
 * server names one, the `errors` locale key of the message.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly i18n?: MessageKey,
  ) {
    super(message);
  }
  get issues(): FieldIssue[] {
    const d = this.details as { issues?: FieldIssue[] } | undefined;
    return d?.issues ?? [];
  }
}

let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(url: string, query?: Query): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${url}?${s}` : url;
}

let onUnauthenticated: (() => void) | undefined;
export function setUnauthenticatedHandler(fn: () => void) {
  onUnauthenticated = fn;
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  // a FormData body sets its own multipart content type (with the boundary)
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(url, { method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body), credentials: 'same-origin' });
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const err = (data as ErrorBody | undefined)?.error;
    if (res.status === 401 && !url.endsWith('/api/auth/login')) onUnauthenticated?.();
    throw new ApiError(res.status, err?.code ?? 'INTERNAL', err?.message ?? res.statusText, err?.details, err?.i18n);
  }
  return data as T;
}

/**
 * A record id worth asking the server about: a positive integer. A page without its record yet
 * (/visits/new, an account not picked) has 0, NaN or nothing, and /api/…/0 is only a 400, so a
 * query on an id runs `enabled: isId(id)`.
 */
export const isId = (id: unknown): id is number => typeof id === 'number' && Number.isInteger(id) && id > 0;

/** Typed JSON client for /api; writes carry the CSRF token of the session. */
export const api = {
  get: <T>(url: string, query?: Query) => request<T>('GET', withQuery(url, query)),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  put: <T>(url: string, body: unknown) => request<T>('PUT', url, body),
  delete: <T>(url: string) => request<T>('DELETE', url),
  /** One file as multipart/form-data (field "file"), e.g. an import. */
  upload: <T>(url: string, file: File, method: 'POST' | 'PUT' = 'POST') => {
    const body = new FormData();
    body.append('file', file, file.name);
    return request<T>(method, url, body);
  },
};
