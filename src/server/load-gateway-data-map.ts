/** Loads the data map for the running gateway: `${VAR}`s must resolve, and a broken map
 * refuses to load with every problem listed (file, path, what is wrong, what would be right). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblem } from '../core/datamap/data-map-error';
import type { DataMap } from '../core/datamap/model';
import { parseDataMap } from '../core/datamap/parse-data-map';

export async function loadGatewayDataMap(file: string): Promise<{ map: DataMap; text: string }> {
  const absolute = path.resolve(file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new Error(
      `cannot read the data map ${absolute} (${(error as NodeJS.ErrnoException).code ?? String(error)}); set PRIVGRAPH_DATAMAP to its path`,
      { cause: error },
    );
  }
  const result = parseDataMap(text, absolute, process.env, { requireEnv: true });
  if (!result.ok) {
    const errors = result.problems.filter((p) => p.severity === 'error');
    throw new Error(
      `the data map is invalid (${errors.length} problem${errors.length === 1 ? '' : 's'}):\n${result.problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
  }
  for (const warning of result.warnings)
    console.warn(`[privgraph] warning: ${formatProblem(warning)}`);
  return { map: result.map, text };
}
