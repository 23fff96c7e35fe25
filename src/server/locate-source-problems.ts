/**
 * The start-up check's problems (src/graph/check-sources.ts) as the map's own problems read:
 * `datamap.yaml:42:9 systems.shop.collections.users.fields.mobile: column "mobile" does not
 * exist in table "users"`, so an editor jumps to the line to fix. When the file cannot be
 * read again (moved since it was loaded), the problem is still said, without a line.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { formatProblem, issue } from '../core/datamap/data-map-error';
import { readYaml } from '../core/datamap/yaml-problem';
import type { SourceProblem } from '../graph/check-sources';

export function locateSourceProblems(
  mapFile: string,
  problems: readonly SourceProblem[],
): string[] {
  const plain = problems.map((p) => `${p.where}: ${p.reason}`);
  let text: string;
  try {
    text = readFileSync(mapFile, 'utf8');
  } catch {
    return plain;
  }
  const relative = path.relative(process.cwd(), mapFile);
  const shown = relative && !relative.startsWith('..') ? relative : path.resolve(mapFile);
  const read = readYaml(text, shown);
  if (!read.ok) return plain;
  return read
    .locate(problems.map((p) => issue(p.path, p.reason, '', p.severity)))
    .map(formatProblem);
}
