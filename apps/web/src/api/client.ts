import createClient, { type Middleware } from 'openapi-fetch';
import { errorText, hasDutchText, problemText } from '../messages';
import type { paths } from './schema';

/** One problem with one field, as the api reports it (`details[]` of an error body). */
export interface ProblemDetail {
  field?: string;
  problem: string;
  line?: number;
}

interface ErrorBody {
  message?: string | string[];
  details?: ProblemDetail[];
  code?: string;
}

/**
 * A failed request, in Dutch: `message` is the sentence to show, `details` the per-field problems
 * (problem in Dutch, field as the api names it, so a form can put it under its input), `code` the
 * api's machine-readable code and `detail` the api's own English text when there is no Dutch one.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: ProblemDetail[] = [],
    readonly code?: string,
    readonly detail?: string,
  ) {
    super(message);
  }

  /** Builds the Dutch error from an api error body. */
  static fromBody(status: number, body: ErrorBody): ApiError {
    const english = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    const details = (body.details ?? []).map((detail) => ({ ...detail, problem: problemText(detail.problem) }));
    const detail = !hasDutchText(body.code) && details.length === 0 && english ? english : undefined;
    return new ApiError(status, errorText(status, body.code), details, body.code, detail);
  }

  /** The problem reported for one field, if any (for the message under an input). */
  problemFor(field: string): string | undefined {
    return this.details.find((detail) => detail.field === field)?.problem;
  }
}

const UNREACHABLE = 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.';

let accessToken: string | null = null;
let onUnauthorized: () => void = () => undefined;

/** The bearer token every request carries; set by the session after sign-in. */
export function setAccessToken(token: string | null): void {
  accessToken = token;
}

/** Called when the api answers 401 to a signed-in request (token expired or user disabled). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

const bearer: Middleware = {
  onRequest({ request }) {
    if (accessToken) request.headers.set('Authorization', `Bearer ${accessToken}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && accessToken) onUnauthorized();
    return response;
  },
};

/** The typed client: paths, query parameters and bodies come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(bearer);

/**
 * Unwraps an openapi-fetch result: the body on success, an ApiError otherwise. The api documents
 * request shapes but not response bodies, so the caller names the response type (models.ts).
 */
export async function unwrap<T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  const { data, error, response } = result;
  if (response.ok) return data as T;
  throw ApiError.fromBody(response.status, typeof error === 'object' && error !== null ? (error as ErrorBody) : {});
}

/** Leaves out empty filters; the values stay typed by the path's query parameters (all strings). */
export function query<const T extends Record<string, string | undefined>>(values: T): T {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') out[key] = value;
  return out as T;
}

/** A raw authorised fetch for what openapi-fetch does not cover (CSV downloads, multipart uploads). */
export async function rawFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (accessToken) headers.set('Authorization', `Bearer ${accessToken}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, UNREACHABLE);
  }
  if (response.status === 401 && accessToken) onUnauthorized();
  if (!response.ok) {
    throw ApiError.fromBody(response.status, (await response.json().catch(() => ({}))) as ErrorBody);
  }
  return response;
}
