/**
 * Comparing two runs of the same erasure on two copies of a world (SPEC §6: "the final state
 * equals an uninterrupted run"). Each plan draws its own random rewrite values, by design,
 * and records them so a rerun writes the same ones: two plans are compared with those values
 * set aside, and each world's rewritten fields must hold exactly what its own plan recorded.
 */
import type { ErasurePlan } from '../../src/core/requests/model';
import type { WorldSnapshot } from './demo-snapshot';
import { planRowKey } from './demo-snapshot';

const RANDOM = '<random>';

/** The plan with its random values set aside. */
export function planWithoutRandom(plan: ErasurePlan): unknown {
  return {
    ...plan,
    sources: plan.sources.map((source) => ({
      ...source,
      steps: source.steps.map((step) =>
        step.kind === 'delete'
          ? step
          : {
              ...step,
              set: Object.fromEntries(
                Object.entries(step.set).map(([field, value]) => [
                  field,
                  step.strategies[field] === 'random' ? RANDOM : value,
                ]),
              ),
            },
      ),
    })),
  };
}

/**
 * The snapshot as plain objects with each randomly rewritten field set aside — after checking
 * that every field the plan rewrites holds exactly the value the plan recorded.
 */
export function stateWithoutRandom(
  snapshot: WorldSnapshot,
  plan: ErasurePlan,
): Record<string, Record<string, string>> {
  const state: Record<string, Record<string, string>> = {};
  for (const [address, rows] of snapshot) state[address] = Object.fromEntries(rows);
  for (const step of plan.sources.flatMap((source) => source.steps)) {
    if (step.kind !== 'rewrite') continue;
    const key = planRowKey(step.collection, step.key);
    const rows = state[step.collection] ?? {};
    const text = rows[key];
    const row = `${step.collection} ${key}`;
    expect({ row, rewrittenRowIsThere: text !== undefined }).toEqual({
      row,
      rewrittenRowIsThere: true,
    });
    const values = JSON.parse(text as string) as Record<string, unknown>;
    for (const [field, value] of Object.entries(step.set)) {
      expect({ row, field, value: values[field] }).toEqual({ row, field, value });
      if (step.strategies[field] === 'random') values[field] = RANDOM;
    }
    rows[key] = JSON.stringify(values);
  }
  return state;
}
