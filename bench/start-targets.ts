/**
 * Starts what a run measures, each in a process of its own: the demo's consultation
 * service when the map makes it an HTTP source (a source, shared by every target), the
 * floor, the gateway, the gateway with field-level access off (the policy's cost) and the
 * gateway with its audit trail off (the audit's cost).
 */
import type { BenchDatabase } from './bench-database';
import { startDemoServices } from './start-services';
import type { TargetProcess } from './target-process';
import { startTarget } from './target-process';

export interface Started {
  readonly floor: TargetProcess;
  readonly gateway: TargetProcess;
  /** The same gateway with `PRIVGRAPH_ENFORCE_ACCESS=off`. */
  readonly withoutPolicy: TargetProcess;
  /** The same gateway with `PRIVGRAPH_AUDIT=off`. */
  readonly withoutAudit: TargetProcess;
  /** The demo's HTTP services: sources, in processes of their own. */
  readonly services: readonly TargetProcess[];
}

/** Process names, also the names of their `--cpu-prof` files. */
export const TARGET_NAMES = {
  floor: 'floor',
  gateway: 'gateway',
  withoutPolicy: 'gateway-without-policy',
  withoutAudit: 'gateway-without-audit',
} as const;

/** Everything started is pushed onto `children`, to be stopped by the caller. */
export async function startTargets(
  database: BenchDatabase,
  profileDir: string | undefined,
  children: TargetProcess[],
  log: (line: string) => void,
): Promise<Started> {
  const { env, services } = await startDemoServices(database.url, children, log);
  const started = await Promise.allSettled([
    startTarget(TARGET_NAMES.floor, 'floor-server.ts', database.url, env, profileDir),
    startTarget(TARGET_NAMES.gateway, 'gateway-process.ts', database.url, env, profileDir),
  ]);
  for (const result of started) if (result.status === 'fulfilled') children.push(result.value);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
  const [floor, gateway] = started.map((r) => (r as PromiseFulfilledResult<TargetProcess>).value);
  // After the gateway, not beside it: both open the same store, whose migrations and the
  // demo's one-time consent import must not run twice at once.
  const withoutPolicy = await startTarget(
    TARGET_NAMES.withoutPolicy,
    'gateway-process.ts',
    database.url,
    { ...env, PRIVGRAPH_ENFORCE_ACCESS: 'off' },
    profileDir,
  );
  children.push(withoutPolicy);
  const withoutAudit = await startTarget(
    TARGET_NAMES.withoutAudit,
    'gateway-process.ts',
    database.url,
    { ...env, PRIVGRAPH_AUDIT: 'off' },
    profileDir,
  );
  children.push(withoutAudit);
  return {
    floor: floor as TargetProcess,
    gateway: gateway as TargetProcess,
    withoutPolicy,
    withoutAudit,
    services,
  };
}
