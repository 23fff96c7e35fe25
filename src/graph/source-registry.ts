/**
 * The gateway's connectors, one per system with a source, and the statement observers
 * (statement counts in tests and benchmarks are taken here, at the connector).
 */
import type { DataMap, SystemDef } from '../core/datamap/model';
import type { SourceConnector, StatementObserver } from '../sources/connector';
import { HttpConnector } from '../sources/http/http-connector';
import { PostgresConnector } from '../sources/postgres/postgres-connector';
import { MysqlConnector } from '../sources/mysql/mysql-connector';

export interface SourceRegistryOptions {
  readonly poolSize?: number;
  readonly connectTimeoutMs?: number;
  readonly queryTimeoutMs?: number;
}

export class SourceRegistry {
  private readonly connectors = new Map<string, SourceConnector>();
  private readonly observers = new Set<StatementObserver>();

  constructor(map: DataMap, options: SourceRegistryOptions = {}) {
    const observer: StatementObserver = (event) => {
      for (const listener of this.observers) listener(event);
    };
    for (const system of map.systems) {
      const connector = createConnector(system, { ...options, observer });
      if (connector) this.connectors.set(system.key, connector);
    }
  }

  get(system: string): SourceConnector | undefined {
    return this.connectors.get(system);
  }

  all(): SourceConnector[] {
    return [...this.connectors.values()];
  }

  /** Subscribe to every statement sent; returns the unsubscribe function. */
  observe(listener: StatementObserver): () => void {
    this.observers.add(listener);
    return () => this.observers.delete(listener);
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((connector) => connector.close()));
  }
}

function createConnector(
  system: SystemDef,
  options: SourceRegistryOptions & { observer: StatementObserver },
): SourceConnector | undefined {
  const source = system.source;
  if (!source) return undefined;
  switch (source.kind) {
    case 'postgres':
      return new PostgresConnector(system, source, options);
    case 'mysql':
      return new MysqlConnector(system, source, options);
    case 'http':
      // The map's own timeoutMs/retries govern a service; pool options are for databases.
      return new HttpConnector(system, source, { observer: options.observer });
  }
}
