/**
 * What a stretch of the rights-request phase cost the machine: the share of it that was
 * busy (ours and anybody else's), and CPU per request of this process, of PostgreSQL's
 * backends on the database measured (postgres-cpu.ts: only when the server runs here) and
 * of the demo's HTTP services. Figures per request are what the latencies alone do not say:
 * where the work is done, and whether other work on the machine was in the way.
 */
import { busyShare, cpuTimes } from './machine';
import { backendCpuMs, backendTicks } from './postgres-cpu';
import type { TargetProcess } from './target-process';

export interface PhaseCost {
  /** Share of the machine busy meanwhile (0–1), or null off Linux. */
  readonly machineBusy: number | null;
  /** CPU milliseconds per request. */
  readonly cpuMsPerRequest: {
    readonly thisProcess: number;
    readonly postgres: number | null;
    readonly services: number;
  };
}

async function servicesCpuMicros(services: readonly TargetProcess[]): Promise<number> {
  const stats = await Promise.all(services.map((service) => service.stats()));
  return stats.reduce((n, s) => n + s.cpuMicros, 0);
}

/** Runs `work`, then divides what it cost by `requests(result)`. */
export async function withCost<T>(
  databaseUrl: string,
  services: readonly TargetProcess[],
  work: () => Promise<T>,
  requests: (result: T) => number,
): Promise<{ result: T; cost: PhaseCost }> {
  const postgres = await backendTicks(databaseUrl).catch(() => null);
  const servicesBefore = await servicesCpuMicros(services);
  const machine = cpuTimes();
  const cpu = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(cpu);
  const machineBusy = busyShare(machine, cpuTimes());
  const servicesMs = ((await servicesCpuMicros(services)) - servicesBefore) / 1000;
  const postgresMs = backendCpuMs(postgres, await backendTicks(databaseUrl).catch(() => null));
  const count = Math.max(1, requests(result));
  const per = (ms: number) => Math.round((ms / count) * 100) / 100;
  return {
    result,
    cost: {
      machineBusy: machineBusy === null ? null : Math.round(machineBusy * 100) / 100,
      cpuMsPerRequest: {
        thisProcess: per((used.user + used.system) / 1000),
        postgres: postgresMs === null ? null : per(postgresMs),
        services: per(servicesMs),
      },
    },
  };
}
