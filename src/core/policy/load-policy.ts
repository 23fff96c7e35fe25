/**
 * The one place the policy touches the file system: read the file, hand the text to the
 * pure `parsePolicy`. An unreadable file is reported like any other problem, so the CLI
 * prints it the same way.
 */
import { promises as fs } from 'node:fs';
import type { PolicyContext } from './check-policy';
import type { PolicyParseResult } from './parse-policy';
import { parsePolicy } from './parse-policy';

export async function loadPolicyFile(
  path: string,
  context: PolicyContext,
): Promise<PolicyParseResult> {
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
          message: `cannot read the policy (${reason})`,
          hint: 'check the path and permissions',
          severity: 'error',
        },
      ],
    };
  }
  return parsePolicy(text, path, context);
}
