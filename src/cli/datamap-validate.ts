/**
 * `privgraph datamap validate FILE [--require-env]`: the check a reviewer (and CI) runs on a
 * data-map change before it is merged (SPEC §3: the map is code). Without `--require-env`
 * an unset `${VAR}` is only a warning, so the map can be checked where its secrets are not.
 *
 * Exit codes: 0 valid (warnings allowed), 1 problems found, 2 usage error.
 */
import type { DataMapProblem } from '../core/datamap/data-map-error';
import { formatProblem } from '../core/datamap/data-map-error';
import type { Environment } from '../core/datamap/expand-env';
import { loadDataMapFile } from '../core/datamap/load-data-map';
import type { DataMap } from '../core/datamap/model';

export interface CliOutput {
  log(s: string): void;
  error(s: string): void;
}

const USAGE = 'usage: privgraph datamap validate FILE [--require-env]';

function summary(map: DataMap): string {
  const collections = map.systems.flatMap((s) => s.collections);
  const fields = collections.reduce((n, c) => n + c.fields.length, 0);
  return (
    `${map.sourceFile}: valid data map — ${map.systems.length} systems, ${collections.length} collections, ` +
    `${fields} fields, ${map.identities.size} identities (sha256 ${map.contentHash.slice(0, 12)})`
  );
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

function print(out: CliOutput, problem: DataMapProblem): void {
  if (problem.severity === 'error') out.error(`error: ${formatProblem(problem)}`);
  else out.log(`warning: ${formatProblem(problem)}`);
}

/** `args` are the words after `datamap validate`. */
export async function runDatamapValidate(
  args: string[],
  out: CliOutput,
  env: Environment = process.env,
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    out.log(USAGE);
    return 0;
  }
  const flags = args.filter((a) => a.startsWith('-'));
  const files = args.filter((a) => !a.startsWith('-'));
  const unknown = flags.filter((f) => f !== '--require-env');
  if (unknown.length > 0 || files.length !== 1 || files[0] === undefined) {
    out.error(
      unknown.length > 0 ? `unknown option ${unknown.join(', ')}` : 'expected exactly one FILE',
    );
    out.error(USAGE);
    return 2;
  }
  const result = await loadDataMapFile(files[0], env, {
    requireEnv: flags.includes('--require-env'),
  });
  if (!result.ok) {
    result.problems.forEach((p) => print(out, p));
    const errors = result.problems.filter((p) => p.severity === 'error').length;
    out.error(
      `${files[0]}: ${plural(errors, 'error')}, ${plural(result.problems.length - errors, 'warning')}`,
    );
    return 1;
  }
  out.log(summary(result.map));
  result.warnings.forEach((p) => print(out, p));
  return 0;
}
