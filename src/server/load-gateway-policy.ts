/** Loads the access policy for the running gateway, checked against the data map's
 * categories and purposes; a broken policy refuses to load with every problem listed. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from '../core/datamap/data-map-error';
import type { DataMap } from '../core/datamap/model';
import type { Policy } from '../core/policy/model';
import { parsePolicy } from '../core/policy/parse-policy';

export async function loadGatewayPolicy(
  file: string,
  map: DataMap,
): Promise<{ policy: Policy; text: string }> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the access policy ${absolute} (${(error as NodeJS.ErrnoException).code ?? String(error)}); set PRIVGRAPH_POLICY to its path`,
      { cause: error },
    );
  }
  const result = parsePolicy(text, absolute, {
    categories: map.categories,
    purposes: map.purposes,
  });
  if (!result.ok) {
    throw new Error(
      `the access policy is invalid:\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  for (const warning of result.warnings)
    console.warn(`[privgraph] warning: ${formatProblem(warning)}`);
  return { policy: result.policy, text };
}
