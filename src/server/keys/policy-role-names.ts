/**
 * The role names of the deployment's policy: the only roles a token may name (deny by
 * default, STYLE.md principle 3). Interim reader until the policy loader (issue #3, item 1)
 * exists and hands over its validated roles: it reads the `roles:` keys of `policy.yaml`
 * beside the data map (`seeds/demo/policy.yaml` for the demo), nothing else.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

export interface PolicyRoleNames {
  readonly file: string;
  readonly roles: ReadonlySet<string>;
}

export function policyFileBeside(dataMapFile: string): string {
  return path.join(path.dirname(path.resolve(dataMapFile)), 'policy.yaml');
}

/** The deployment's policy file, as start-up finds it: `PRIVGRAPH_POLICY`, else `policy.yaml`
 * beside the data map. */
export function deploymentPolicyFile(config: {
  readonly PRIVGRAPH_POLICY?: string | undefined;
  readonly PRIVGRAPH_DATAMAP: string;
}): string {
  return config.PRIVGRAPH_POLICY
    ? path.resolve(config.PRIVGRAPH_POLICY)
    : policyFileBeside(config.PRIVGRAPH_DATAMAP);
}

/** The roles of `file`, or null when there is no such file (then no token has a role). */
export async function readPolicyRoleNames(file: string): Promise<PolicyRoleNames | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`the policy ${file} is not valid YAML: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const roles = (document as { roles?: unknown } | null)?.roles;
  if (roles === null || typeof roles !== 'object' || Array.isArray(roles))
    throw new Error(`the policy ${file} has no "roles:" mapping`);
  return { file, roles: new Set(Object.keys(roles)) };
}
