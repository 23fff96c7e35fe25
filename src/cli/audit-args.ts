/**
 * The words of `privgraph audit …` as a command value: pure, so every usage error is
 * unit-tested and the command itself only talks to the gateway. A usage error is a message
 * (exit code 2), never a throw.
 */
import { parseArgs } from 'node:util';
import type { CatalogAuditKind } from '../generated/graphql';
import type { Connection, Identity } from './cli-args';
import {
  connectionOf,
  DEFAULT_GATEWAY_URL,
  identityArg,
  UsageError,
  wholeNumberArg,
} from './cli-args';

export const AUDIT_USAGE = `usage: privgraph audit <command> [options]

commands:
  verify                                    verify the whole audit chain and its signed
                                            checkpoints; exit 1 and the first broken link if
                                            an event was edited, removed, inserted, reordered
                                            or the log was cut
  events  [--subject KIND=VALUE] [--actor SUBJECT] [--purpose P] [--kind K[,K…]]
          [--from TIME] [--to TIME] [--limit N] [--before POSITION]
                                            audit events, newest first; --subject finds a
                                            person's events from any of their identities

TIME: 2026-11-30 (midnight UTC) or an RFC 3339 instant; --from is inclusive, --to exclusive
KIND: read, reidentify, write, request, policy, datamap
options:  --url URL (default ${DEFAULT_GATEWAY_URL}), --token TOKEN (default $PRIVGRAPH_TOKEN;
          a role that may audit.read), --json (print what the gateway answered, as JSON)
exit codes: 0 done (and the chain intact), 1 refused, failed or the chain broken, 2 usage`;

export interface AuditEventFilters {
  readonly subject?: Identity;
  readonly actor?: string;
  readonly purpose?: string;
  readonly kinds?: readonly CatalogAuditKind[];
  /** ISO instants. */
  readonly from?: string;
  readonly to?: string;
  readonly before?: number;
}

export type AuditCommand =
  | { readonly name: 'verify' }
  | { readonly name: 'events'; readonly filters: AuditEventFilters; readonly limit: number };

export type ParsedAuditArgs =
  | { readonly ok: true; readonly command: AuditCommand; readonly connection: Connection }
  | { readonly ok: false; readonly message: string };

const OPTIONS = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean' },
  subject: { type: 'string' },
  actor: { type: 'string' },
  purpose: { type: 'string' },
  kind: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  before: { type: 'string' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

const KINDS: readonly CatalogAuditKind[] = [
  'READ',
  'REIDENTIFY',
  'WRITE',
  'REQUEST',
  'POLICY',
  'DATAMAP',
];
const isKind = (text: string): text is CatalogAuditKind =>
  (KINDS as readonly string[]).includes(text);

/** More would be a dump of the trail, not a look at it: page with --before instead. */
export const MAX_EVENTS = 10_000;

/** `args` are the words after `audit`. */
export function parseAuditArgs(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): ParsedAuditArgs {
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
    if (rest.length > 0)
      throw new UsageError(`${name} takes no argument "${rest[0]}"; did you mean an option?`);
    const command = commandOf(name, values);
    const connection = connectionOf(
      values,
      env,
      'a role that may audit.read, e.g. $(privgraph token --role dpo)',
    );
    return { ok: true, command, connection };
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, message: error.message };
    throw error;
  }
}

function commandOf(name: string | undefined, values: Values): AuditCommand {
  switch (name) {
    case 'verify': {
      const given = (
        ['subject', 'actor', 'purpose', 'kind', 'from', 'to', 'limit', 'before'] as const
      ).filter((option) => values[option] !== undefined);
      if (given.length > 0)
        throw new UsageError(`verify checks the whole chain; --${given[0]} is an option of events`);
      return { name };
    }
    case 'events': {
      const from = values.from === undefined ? undefined : instantOf(values.from, '--from');
      const to = values.to === undefined ? undefined : instantOf(values.to, '--to');
      if (from && to && from >= to) throw new UsageError('--from must be before --to');
      const filters: AuditEventFilters = {
        ...(values.subject === undefined ? {} : { subject: subjectOf(values.subject) }),
        ...(values.actor === undefined ? {} : { actor: values.actor }),
        ...(values.purpose === undefined ? {} : { purpose: values.purpose }),
        ...(values.kind === undefined ? {} : { kinds: kindsOf(values.kind) }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(values.before === undefined
          ? {}
          : { before: wholeNumberArg(values.before, '--before', 1) }),
      };
      const limit = values.limit === undefined ? 50 : wholeNumberArg(values.limit, '--limit', 1);
      if (limit > MAX_EVENTS)
        throw new UsageError(`--limit is at most ${MAX_EVENTS}; page on with --before POSITION`);
      return { name, filters, limit };
    }
    default:
      throw new UsageError(
        name === undefined ? 'which audit command?' : `unknown audit command "${name}"`,
      );
  }
}

function subjectOf(text: string): Identity {
  return identityArg(text, '--subject', 'phone=13800138000');
}

function kindsOf(text: string): CatalogAuditKind[] {
  const named = text.split(',').map((s) => s.trim().toUpperCase());
  const unknown = named.filter((s) => !isKind(s));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown event kind ${unknown.join(', ')}; one of: ${KINDS.map((k) => k.toLowerCase()).join(', ')}`,
    );
  return named.filter(isKind);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A day (midnight UTC) or an RFC 3339 instant with its offset, as ISO text. */
function instantOf(text: string, option: string): string {
  const shaped = DAY.test(text) ? `${text}T00:00:00Z` : INSTANT.test(text) ? text : null;
  const time = shaped === null ? Number.NaN : Date.parse(shaped);
  if (shaped === null || Number.isNaN(time) || !readsBack(shaped, time))
    throw new UsageError(
      `${option} is a day (2026-11-30) or an instant with its offset (2026-11-30T08:00:00+08:00): ${text}`,
    );
  return new Date(time).toISOString();
}

/** Date.parse rolls 2026-02-30 over to March 2: the date and time written must read back
 * unchanged at the offset they were written in. */
function readsBack(shaped: string, time: number): boolean {
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(shaped);
  const minutes = offset
    ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  const local = new Date(time + minutes * 60_000).toISOString();
  const length = shaped[16] === ':' ? 19 : 16;
  return local.slice(0, length) === shaped.slice(0, length);
}
