/**
 * The words of `privgraph request …` as a command value: pure, so every usage error is
 * unit-tested and the command itself only talks to the gateway. A usage error is a message
 * (exit code 2), never a throw.
 */
import { parseArgs } from 'node:util';
import type { CatalogRequestStatus } from '../generated/graphql';
import type { Connection, Identity } from './cli-args';
import {
  connectionOf,
  DEFAULT_GATEWAY_URL,
  identityArg,
  UsageError,
  wholeNumberArg,
} from './cli-args';

export { DEFAULT_GATEWAY_URL };
export type { Connection, Identity };

export const REQUEST_USAGE = `usage: privgraph request <command> [options]

commands:
  access  IDENTITY --verified HOW [--wait]   record an access request (an export of everything)
  erase   IDENTITY --verified HOW            record an erasure; prints its plan for approval
  approve ID [--note TEXT] [--wait]          approve an erasure or closure awaiting approval
  reject  ID --reason TEXT                   refuse it; the reason goes into the reply
  retry   ID [--wait]                        resume a partial request once its source is back
  status  ID [--wait] [--timeout SECONDS]    a request, its per-source tasks and its reply
  list    [--status S[,S…]] [--limit N] [--offset N]
                                             requests, overdue first
  download ID --out FILE [--force]           a completed access request's export package

IDENTITY: --phone VALUE, --email VALUE or --identity KIND=VALUE (any identity kind of the map)
options:  --url URL (default ${DEFAULT_GATEWAY_URL}), --token TOKEN (default $PRIVGRAPH_TOKEN),
          --json (print what the gateway answered, as JSON)
exit codes: 0 done, 1 refused or failed, 2 usage`;

export interface WaitOptions {
  readonly wait: boolean;
  /** Seconds; undefined waits as long as work is going on. */
  readonly timeoutSeconds?: number;
}

export type RequestCommand =
  | { readonly name: 'access' | 'erase'; readonly subject: Identity; readonly verified: string }
  | { readonly name: 'approve'; readonly id: string; readonly note?: string }
  | { readonly name: 'reject'; readonly id: string; readonly reason: string }
  | { readonly name: 'status' | 'retry'; readonly id: string }
  | {
      readonly name: 'list';
      readonly statuses?: readonly CatalogRequestStatus[];
      readonly limit: number;
      readonly offset: number;
    }
  | {
      readonly name: 'download';
      readonly id: string;
      readonly out: string;
      readonly force: boolean;
    };

export type ParsedRequestArgs =
  | {
      readonly ok: true;
      readonly command: RequestCommand;
      readonly connection: Connection;
      readonly wait: WaitOptions;
    }
  | { readonly ok: false; readonly message: string };

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  phone: { type: 'string' },
  email: { type: 'string' },
  identity: { type: 'string' },
  verified: { type: 'string' },
  note: { type: 'string' },
  reason: { type: 'string' },
  wait: { type: 'boolean' },
  timeout: { type: 'string' },
  status: { type: 'string' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

const STATUSES: readonly CatalogRequestStatus[] = [
  'RECEIVED',
  'AWAITING_APPROVAL',
  'APPROVED',
  'REJECTED',
  'IN_PROGRESS',
  'PARTIAL',
  'COMPLETED',
  'FAILED',
];
const isStatus = (text: string): text is CatalogRequestStatus =>
  (STATUSES as readonly string[]).includes(text);

/** `args` are the words after `request`. */
export function parseRequestArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedRequestArgs {
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...args],
      options: OPTIONS,
      allowPositionals: true,
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  const [name, ...rest] = positionals;
  try {
    const command = commandOf(name, rest, values);
    const connection = connectionOf(
      values,
      env,
      'e.g. PRIVGRAPH_TOKEN=$(privgraph token --role dpo)',
    );
    const timeout =
      values.timeout === undefined ? undefined : wholeNumberArg(values.timeout, '--timeout');
    return {
      ok: true,
      command,
      connection,
      wait: {
        wait: values.wait ?? false,
        ...(timeout === undefined ? {} : { timeoutSeconds: timeout }),
      },
    };
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, message: error.message };
    throw error;
  }
}

function commandOf(
  name: string | undefined,
  rest: readonly string[],
  values: Values,
): RequestCommand {
  switch (name) {
    case 'access':
    case 'erase':
      noPositionals(name, rest);
      return { name, subject: identityOf(values), verified: verifiedOf(values) };
    case 'approve':
      return {
        name,
        id: idOf(name, rest),
        ...(values.note === undefined ? {} : { note: values.note }),
      };
    case 'reject':
      if (!values.reason?.trim())
        throw new UsageError('reject needs --reason: it is part of the reply to the person');
      return { name, id: idOf(name, rest), reason: values.reason };
    case 'status':
    case 'retry':
      return { name, id: idOf(name, rest) };
    case 'list':
      noPositionals(name, rest);
      return {
        name,
        ...(values.status === undefined ? {} : { statuses: statusesOf(values.status) }),
        limit: values.limit === undefined ? 50 : wholeNumberArg(values.limit, '--limit'),
        offset: values.offset === undefined ? 0 : wholeNumberArg(values.offset, '--offset', 0),
      };
    case 'download':
      if (!values.out) throw new UsageError('download needs --out FILE');
      return { name, id: idOf(name, rest), out: values.out, force: values.force ?? false };
    default:
      throw new UsageError(
        name === undefined ? 'which request command?' : `unknown request command "${name}"`,
      );
  }
}

function identityOf(values: Values): Identity {
  const given: Identity[] = [];
  if (values.phone !== undefined) given.push({ kind: 'phone', value: values.phone });
  if (values.email !== undefined) given.push({ kind: 'email', value: values.email });
  if (values.identity !== undefined)
    given.push(identityArg(values.identity, '--identity', 'user_id=1042'));
  if (given.length !== 1)
    throw new UsageError(
      'name the person by exactly one identity: --phone, --email or --identity KIND=VALUE',
    );
  return given[0] as Identity;
}

function verifiedOf(values: Values): string {
  const verified = values.verified?.trim();
  if (!verified)
    throw new UsageError(
      '--verified says how the requester proved who they are, e.g. --verified "SMS code to the account phone"',
    );
  return verified;
}

function idOf(name: string, rest: readonly string[]): string {
  if (rest.length !== 1) throw new UsageError(`${name} takes one request id`);
  return rest[0] as string;
}

function noPositionals(name: string, rest: readonly string[]): void {
  if (rest.length > 0)
    throw new UsageError(`${name} takes no argument "${rest[0]}"; did you mean an option?`);
}

function statusesOf(text: string): CatalogRequestStatus[] {
  const named = text.split(',').map((s) => s.trim().toUpperCase().replaceAll('-', '_'));
  const statuses = named.filter(isStatus);
  if (statuses.length < named.length)
    throw new UsageError(
      `unknown status ${named.filter((s) => !isStatus(s)).join(', ')}; one of: ${STATUSES.map((s) => s.toLowerCase()).join(', ')}`,
    );
  return statuses;
}
