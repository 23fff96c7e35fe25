/**
 * Argument pieces the CLI commands share (`request`, `audit`, `policy`): the usage error,
 * and for the commands that call a running gateway, where it is and the token to call it
 * with; a `KIND=VALUE` identity; a whole number.
 */
export const DEFAULT_GATEWAY_URL = 'http://localhost:4000/graphql';

/** A mistake in the command line: printed with the usage, exit code 2. */
export class UsageError extends Error {}

export interface Connection {
  readonly url: string;
  readonly token: string;
  readonly json: boolean;
}

export interface Identity {
  readonly kind: string;
  readonly value: string;
}

/** `--url`, `--token` (or `PRIVGRAPH_TOKEN`) and `--json`; `tokenHint` says which role. */
export function connectionOf(
  values: { readonly url?: string; readonly token?: string; readonly json?: boolean },
  env: NodeJS.ProcessEnv,
  tokenHint: string,
): Connection {
  const token = values.token ?? env.PRIVGRAPH_TOKEN;
  if (!token) throw new UsageError(`no token: pass --token or set PRIVGRAPH_TOKEN (${tokenHint})`);
  const url = values.url ?? DEFAULT_GATEWAY_URL;
  if (!/^https?:\/\//.test(url)) throw new UsageError(`--url must be an http(s) URL: ${url}`);
  return { url, token, json: values.json ?? false };
}

/** `KIND=VALUE` (any identity kind of the map). */
export function identityArg(text: string, option: string, example: string): Identity {
  const at = text.indexOf('=');
  if (at <= 0 || at === text.length - 1)
    throw new UsageError(`${option} is KIND=VALUE, e.g. ${option} ${example}`);
  return { kind: text.slice(0, at), value: text.slice(at + 1) };
}

export function wholeNumberArg(text: string, option: string, min = 1): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min)
    throw new UsageError(`${option} must be a whole number of at least ${min}`);
  return n;
}
