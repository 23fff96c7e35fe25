/**
 * The one place the data map touches the file system: read the file, hand the text to the
 * pure `parseDataMap`. A missing or unreadable file is reported like any other problem so
 * the CLI prints it the same way.
 */
import { promises as fs } from 'node:fs';
import type { Environment } from './expand-env';
import type { DataMapParseResult, ParseDataMapOptions } from './parse-data-map';
import { parseDataMap } from './parse-data-map';

export async function loadDataMapFile(
  path: string,
  env: Environment,
  options: ParseDataMapOptions = {},
): Promise<DataMapParseResult> {
  let text: string;
  try {
    text = await fs.readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return {
      ok: false,
      problems: [
        {
          file: path,
          path: '',
          message: `cannot read the data map (${reason})`,
          hint: 'check the path and permissions',
          severity: 'error',
        },
      ],
    };
  }
  return parseDataMap(text, path, env, options);
}
