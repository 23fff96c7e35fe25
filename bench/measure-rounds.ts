/**
 * The measured part of a run: `rounds` rounds, each measuring every target back to back —
 * in the given order in odd rounds and in reverse in even ones (floor, gateway, gateway
 * without policy; then the other way round), so every pair whose ratio is reported runs
 * next to each other in every round, and each goes first as often as the other. Each target
 * is warmed up before its first run only.
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

export interface RoundTarget {
  readonly target: TargetProcess;
  /** What every request to it carries: a gateway's token and purpose (the floor is sent the
   * gateway's, and ignores them). */
  readonly headers: Readonly<Record<string, string>>;
}

/** The runs of each target, in the order `targets` gave them. */
export async function measureRounds(
  targets: readonly RoundTarget[],
  load: LoadGenerator,
  options: RoundsOptions,
  log: (line: string) => void,
): Promise<TargetFigures[][]> {
  const runs = targets.map((): TargetFigures[] => []);
  const indices = targets.map((_, i) => i);
  for (let round = 1; round <= options.rounds; round++) {
    for (const i of round % 2 === 1 ? indices : [...indices].reverse()) {
      const { target, headers } = targets[i] as RoundTarget;
      const done = runs[i] as TargetFigures[];
      const figures = await measureTarget(
        target,
        load,
        {
          postgresUrl: options.postgresUrl,
          services: options.services,
          headers,
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
  return runs;
}
