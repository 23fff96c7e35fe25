/**
 * Where a schema build's time goes (`npm run bench -- --only schema --profile`): the V8
 * profile of one build of the SPEC §9 size, restricted to the build's window, as the
 * inclusive time of each step of the build path — the samples whose stack passes through
 * the step's function. V8 puts garbage collection on a stack of its own, so the steps leave
 * it out and it is given apart. A profiled build is slower than an unprofiled one: read the
 * shares, not the milliseconds.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The build path's steps, by function and the file it is in; an indented one counts only
 * inside the less indented step above it (zod also checks the policy and the config). */
// prettier-ignore
const STEPS: readonly (readonly [label: string, fn: string, file: string])[] = [
  ['data map: parseDataMap', 'parseDataMap', '/src/core/datamap/parse-data-map.ts'],
  ['  YAML to a document (yaml)', 'readYaml', '/src/core/datamap/yaml-problem.ts'],
  ['  structure (zod)', 'safeParse', '/node_modules/zod/'],
  ['  normalise', 'normalizeDataMap', '/src/core/datamap/normalize.ts'],
  ['  whole-map checks', 'validateDataMap', '/src/core/datamap/validate-data-map.ts'],
  ['policy: parsePolicy', 'parsePolicy', '/src/core/policy/parse-policy.ts'],
  ['createGatewayApp, up to apollo.start()', 'createGatewayApp', '/src/server/gateway-app.ts'],
  ['  subject schema: buildSubjectSchema', 'buildSubjectSchema', '/src/graph/build-subject-schema.ts'],
  ['    graph model', 'buildGraphModel', '/src/graph/graph-model.ts'],
  ['    SDL', 'emitSubjectSdl', '/src/graph/emit-sdl.ts'],
  ['    resolvers', 'buildSubjectResolvers', '/src/graph/subject-resolvers.ts'],
  ['    SDL to schema (makeExecutableSchema)', 'makeExecutableSchema', '/node_modules/@graphql-tools/schema/'],
  ['  control plane: buildControlSchema', 'buildControlSchema', '/src/control/build-control-schema.ts'],
  ['  merge: mergeGatewaySchemas', 'mergeGatewaySchemas', '/src/control/merge-gateway-schemas.ts'],
  ['  shield rules: createShield', 'createShield', '/src/access/shield-tree.ts'],
  ['  shield applied: applyMiddleware', 'applyMiddleware', '/node_modules/graphql-middleware/'],
  ['apollo.start()', '_start', '/node_modules/@apollo/server/'],
];

const depth = (label: string) => label.length - label.trimStart().length;

/** Each step's enclosing step, by index, or -1. */
const ENCLOSING = STEPS.map(([label], index) => {
  for (let at = index - 1; at >= 0; at--) if (depth(STEPS[at]?.[0] ?? '') < depth(label)) return at;
  return -1;
});

export interface SchemaProfile {
  /** CPU time sampled in the build's window, ms (idle left out). */
  readonly sampledMs: number;
  readonly garbageCollectionMs: number;
  readonly steps: readonly { readonly label: string; readonly ms: number }[];
}

export function summariseSchemaProfile(
  file: string,
  window: readonly [number, number],
): SchemaProfile {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const stepsOf = (id: number): Set<number> => {
    const found = new Set<number>();
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) {
      const frame = nodes.get(at)?.callFrame;
      if (!frame) continue;
      STEPS.forEach(([, fn, where], index) => {
        if (frame.functionName === fn && frame.url.includes(where)) found.add(index);
      });
    }
    // A nested step only within its enclosing one, and that one within its own.
    return new Set(
      [...found].filter(function inside(index): boolean {
        const enclosing = ENCLOSING[index] ?? -1;
        return enclosing === -1 || (found.has(enclosing) && inside(enclosing));
      }),
    );
  };
  const stepMicros = STEPS.map(() => 0);
  let sampled = 0;
  let gc = 0;
  let time = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    time += delta;
    if (time < window[0] || time > window[1]) return;
    const frame = nodes.get(id)?.callFrame;
    if (!frame || frame.functionName === '(idle)') return;
    sampled += delta;
    if (frame.functionName === '(garbage collector)') gc += delta;
    for (const index of stepsOf(id)) stepMicros[index] = (stepMicros[index] ?? 0) + delta;
  });
  const ms = (micros: number) => Math.round(micros / 100) / 10;
  return {
    sampledMs: ms(sampled),
    garbageCollectionMs: ms(gc),
    steps: STEPS.map(([label], index) => ({ label, ms: ms(stepMicros[index] ?? 0) })),
  };
}

export function printSchemaProfile(profile: SchemaProfile): void {
  const share = (ms: number) => `${Math.round((ms / Math.max(profile.sampledMs, 1)) * 100)} %`;
  console.log(
    `\nprofile of one build of the SPEC §9 size (--cpu-prof: slower than unprofiled): ${profile.sampledMs} ms of CPU sampled, by step (inclusive; garbage collection apart):`,
  );
  for (const step of profile.steps)
    console.log(
      `  ${step.ms.toFixed(0).padStart(6)} ms  ${share(step.ms).padStart(5)}  ${step.label}`,
    );
  console.log(
    `  ${profile.garbageCollectionMs.toFixed(0).padStart(6)} ms  ${share(profile.garbageCollectionMs).padStart(5)}  garbage collection`,
  );
}
