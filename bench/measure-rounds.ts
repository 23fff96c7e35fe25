/**
 * The measured part of a run: `rounds` rounds, each measuring both targets back to back,
 * the floor first in odd rounds and the gateway first in even ones; each target warmed up
 * before its first run only. Every request carries the gateway's headers, to both targets.
 */
import type { LoadGenerator } from './load';
import type { TargetFigures } from './measure-target';
import { measureTarget } from './measure-target';
import type { TargetProcess } from './target-process';

export interface RoundsOptions {
  readonly rounds: number;
  readonly durationSeconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly bodies: readonly string[];
  /** The demo's HTTP services: their statements and CPU count as the sources'. */
  readonly services: readonly TargetProcess[];
  readonly postgresUrl: string | null;
}

export async function measureRounds(
  floor: TargetProcess,
  gateway: TargetProcess,
  load: LoadGenerator,
  options: RoundsOptions,
  log: (line: string) => void,
): Promise<{ floor: TargetFigures[]; gateway: TargetFigures[] }> {
  const runs = new Map<TargetProcess, TargetFigures[]>([
    [floor, []],
    [gateway, []],
  ]);
  for (let round = 1; round <= options.rounds; round++) {
    for (const target of round % 2 === 1 ? [floor, gateway] : [gateway, floor]) {
      const done = runs.get(target) as TargetFigures[];
      const figures = await measureTarget(
        target,
        load,
        {
          postgresUrl: options.postgresUrl,
          services: options.services,
          headers: gateway.headers,
          bodies: options.bodies,
          connections: options.connections,
          warmupSeconds: done.length === 0 ? options.warmupSeconds : 0,
          durationSeconds: options.durationSeconds,
          round,
        },
        log,
      );
      done.push(figures);
    }
  }
  return { floor: runs.get(floor) ?? [], gateway: runs.get(gateway) ?? [] };
}
