/**
 * One call to an HTTP service, the way every HTTP read and write is made: a deadline for
 * the whole call (retries included) enforced with AbortController, bounded retries with
 * exponential backoff for idempotent calls only (RFC 9110 §9.2.2), no redirects, and an
 * error that names the call by method and path *template* — never the URL, which carries
 * the values looked up (personal data).
 */
import type { StatementObserver } from '../connector';

export interface HttpCallOptions {
  readonly system: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly observer?: StatementObserver;
  /** First backoff delay; doubled per retry, with jitter (tests shorten it). */
  readonly backoffMs?: number;
}

export interface HttpCall {
  /** What the call does, for the statement observer: `lookup GET /…`, `update PATCH /…`. */
  readonly operation: 'lookup' | 'update' | 'delete' | 'health';
  readonly method: string;
  readonly url: string;
  /** `METHOD /path/{template}`: what errors, logs and statement observers see. */
  readonly label: string;
  readonly body?: unknown;
  /** Safe to repeat after a lost answer: then, and only then, it is retried. */
  readonly idempotent: boolean;
  /** Values carried (for the observer's `params`). */
  readonly params: number;
  /** Statuses besides 2xx the caller handles itself (404 on a write: the row is gone). */
  readonly accept?: (status: number) => boolean;
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Statuses that say "try again later" (RFC 9110 §15.5.9, §15.6.3–5; RFC 6585 §4). */
const TRANSIENT = new Set([408, 429, 502, 503, 504]);

/** What went wrong: no answer, an answer with an error status, or an answer that does not
 * fit the map (not JSON, no list of rows where the map says). */
export type HttpFailure = 'network' | 'timeout' | 'status' | 'response';

/** Why a call failed, in words that are safe to log and show: no URL, no values. */
export class HttpCallError extends Error {
  constructor(
    message: string,
    readonly failure: HttpFailure,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'HttpCallError';
  }

  /** Worth another attempt: the network failed, or the service said "later". A timeout has
   * spent the call's whole budget, and a broken answer would come back the same. */
  get transient(): boolean {
    return this.failure === 'network' || (this.status !== undefined && TRANSIENT.has(this.status));
  }
}

/** A service answering more than this for one call is broken, not slow. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export async function callService(options: HttpCallOptions, call: HttpCall): Promise<HttpAnswer> {
  const deadline = Date.now() + options.timeoutMs;
  const attempts = call.idempotent ? 1 + options.retries : 1;
  const backoff = options.backoffMs ?? 100;
  for (let attempt = 1; ; attempt++) {
    const failure = await attemptCall(options, call, deadline);
    if (!(failure instanceof HttpCallError)) return failure;
    const delay = backoff * 2 ** (attempt - 1) * (1 + Math.random() / 2);
    // Within the deadline only: "a clear error within the configured timeout, never a hang".
    if (!failure.transient || attempt >= attempts || Date.now() + delay >= deadline) throw failure;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

async function attemptCall(
  options: HttpCallOptions,
  call: HttpCall,
  deadline: number,
): Promise<HttpAnswer | HttpCallError> {
  const remaining = deadline - Date.now();
  if (remaining <= 0) return timedOut(options, call);
  const text = `${call.operation} ${call.label}`;
  options.observer?.({ system: options.system, text, params: call.params });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), remaining);
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: requestHeaders(options.headers, call.body !== undefined),
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      // A redirect would send the service's credentials wherever it points; a moved
      // endpoint is a map to fix, not a hop to follow.
      redirect: 'manual',
      signal: controller.signal,
    });
    const ok = response.status >= 200 && response.status < 300;
    if (!ok && !call.accept?.(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const status = response.status;
      return new HttpCallError(`${call.label} answered ${status}`, 'status', status);
    }
    const length = Number(response.headers.get('content-length') ?? 0);
    if (length > MAX_BODY_BYTES) {
      await response.body?.cancel().catch(() => undefined);
      return new HttpCallError(
        `${call.label} answered more than ${MAX_BODY_BYTES} bytes`,
        'response',
      );
    }
    const text = await response.text();
    return { status: response.status, body: parseBody(text, call) };
  } catch (error) {
    if (controller.signal.aborted) return timedOut(options, call);
    if (error instanceof HttpCallError) return error;
    return new HttpCallError(`${call.label} failed (${networkCode(error)})`, 'network');
  } finally {
    clearTimeout(timer);
  }
}

function timedOut(options: HttpCallOptions, call: HttpCall): HttpCallError {
  return new HttpCallError(`${call.label} timed out after ${options.timeoutMs} ms`, 'timeout');
}

function parseBody(text: string, call: HttpCall): unknown {
  if (text.trim().length === 0) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Not retried: the same service would answer the same broken body again.
    throw new HttpCallError(`${call.label} answered a body that is not JSON`, 'response');
  }
}

/** Empty headers are left out: an unset `${TOKEN:-}` means "no such header". */
function requestHeaders(
  declared: Readonly<Record<string, string>>,
  json: boolean,
): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (json) headers['content-type'] = 'application/json';
  for (const [name, value] of Object.entries(declared)) if (value !== '') headers[name] = value;
  return headers;
}

/** The network error's code (`ECONNREFUSED`, `ECONNRESET`…) or, without one, undici's
 * reason when it is plain words (`bad port`: fetch refuses ports such as 9, WHATWG Fetch
 * §2.9) — never a message that could name the address. Read by shape, not `instanceof`:
 * the error may come from another realm (a test runner's sandbox). */
function networkCode(error: unknown): string {
  let cause = error;
  let reason = 'network error';
  for (let depth = 0; typeof cause === 'object' && cause !== null && depth < 5; depth++) {
    const { code, errors, message } = cause as {
      code?: unknown;
      errors?: unknown;
      message?: unknown;
    };
    if (typeof code === 'string') return code;
    if (depth > 0 && typeof message === 'string' && /^[a-z][a-z ]{0,40}$/i.test(message))
      reason = message;
    // happy eyeballs (several addresses tried) reports an AggregateError
    cause = Array.isArray(errors) && errors.length > 0 ? errors[0] : (cause as Error).cause;
  }
  return reason;
}
