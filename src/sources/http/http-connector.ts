/**
 * HTTP/JSON service connector (SPEC §5, issue #4 item 2): a system whose data sits behind
 * an internal service, reached through the endpoints its collections declare in the map.
 * The same interface as a database: batched lookup, describe, health, and writes — with
 * what a service cannot do said plainly (no transactions, no catalogue; see
 * docs/http-sources.md). Every failed call becomes a `SourceUnavailableError` naming the
 * system, the call (method and path template) and the status, never a value.
 */
import type { CollectionDef, HttpSourceDef, SystemDef } from '../../core/datamap/model';
import type {
  LookupRequest,
  SourceConnector,
  SourceHealth,
  SourceRow,
  SourceTransaction,
  StatementObserver,
  TableDescription,
} from '../connector';
import { SourceUnavailableError } from '../connector';
import type { HttpAnswer, HttpCall, HttpCallOptions } from './http-call';
import { HttpCallError, callService } from './http-call';
import { describeCollection } from './http-describe';
import type { HttpEndpointContext } from './http-lookup';
import { lookupRows } from './http-lookup';
import { joinUrl } from './http-url';
import { httpTransaction } from './http-writes';

export interface HttpConnectorOptions {
  readonly observer?: StatementObserver;
  /** First retry delay (tests shorten it). */
  readonly backoffMs?: number;
}

export class HttpConnector implements SourceConnector {
  readonly kind = 'http';
  readonly system: string;
  /** Calls that fail with an `HttpCallError` (the start-up probe classifies those)… */
  private readonly calls: HttpEndpointContext;
  /** …and the same calls failing with the `SourceUnavailableError` everything else sees. */
  private readonly context: HttpEndpointContext;

  constructor(
    system: SystemDef,
    private readonly source: HttpSourceDef,
    options: HttpConnectorOptions = {},
  ) {
    this.system = system.key;
    const callOptions: HttpCallOptions = {
      system: system.key,
      headers: source.headers,
      timeoutMs: source.timeoutMs,
      retries: source.retries,
      ...(options.observer ? { observer: options.observer } : {}),
      ...(options.backoffMs === undefined ? {} : { backoffMs: options.backoffMs }),
    };
    this.calls = {
      baseUrl: source.baseUrl,
      call: (call: HttpCall): Promise<HttpAnswer> => callService(callOptions, call),
    };
    this.context = {
      baseUrl: source.baseUrl,
      call: (call) => this.calls.call(call).catch((error: unknown) => this.unavailable(error)),
    };
  }

  lookup(request: LookupRequest): Promise<SourceRow[]> {
    // through `calls`, so an answer that does not fit the map is wrapped here like the rest
    return lookupRows(this.calls, request).catch((error: unknown) => this.unavailable(error));
  }

  /** A service has no transaction to hold: `work`'s calls run in order, each on its own;
   * when one fails the rest are not sent, and the ones before it stay done. */
  transaction<T>(work: (tx: SourceTransaction) => Promise<T>): Promise<T> {
    return work(httpTransaction(this.context));
  }

  /** One probe of each collection's lookup endpoint (see `http-describe.ts`). */
  async describe(collections: readonly CollectionDef[]): Promise<TableDescription[]> {
    return Promise.all(
      collections.map((collection) => describeCollection(this.calls, collection)),
    ).catch((error: unknown) => this.unavailable(error));
  }

  /** The declared health path must answer 2xx; without one, any answer from the base URL
   * shows the service is up (a 404 for `/` still comes from a running service). */
  async health(): Promise<SourceHealth> {
    const started = Date.now();
    const path = this.source.health;
    try {
      await this.context.call({
        operation: 'health',
        method: path ? 'GET' : 'HEAD',
        url: joinUrl(this.source.baseUrl, path ?? '/'),
        label: `${path ? 'GET' : 'HEAD'} ${path ?? '/'}`,
        idempotent: true,
        params: 0,
        ...(path ? {} : { accept: (status: number) => status < 500 }),
      });
      return { ok: true, latencyMs: Date.now() - started };
    } catch (error) {
      return { ok: false, latencyMs: Date.now() - started, error: (error as Error).message };
    }
  }

  /** Nothing is held open: calls share Node's fetch connection pool. */
  async close(): Promise<void> {}

  private unavailable(error: unknown): never {
    throw error instanceof HttpCallError ? new SourceUnavailableError(this.system, error) : error;
  }
}
