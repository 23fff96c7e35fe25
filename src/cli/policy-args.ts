/**
 * The words of `privgraph policy …` as a command value: pure, so every usage error is
 * unit-tested and the command only reads files and renders. A usage error is a message
 * (exit code 2), never a throw.
 */
import { UsageError } from './cli-args';
import path from 'node:path';
import { parseArgs } from 'node:util';

export const DEFAULT_MAP = 'seeds/demo/datamap.yaml';

export const POLICY_USAGE = `usage: privgraph policy <command> [options]

commands:
  explain --role R --purpose P (--coordinate C | --category K)
                         why R gets what it gets of a field (AccountsUsers.email or
                         accounts.users.email) or a category, for P
  matrix                 role × category and field × (role, purpose): the whole policy
  lint [--sample]        risky rules; --sample also reads a few values of uncategorised
                         fields from the SQL sources (never printed); exit 1 on an error
  diff --proposed FILE | --proposed-map FILE
                         every (role, purpose, field) decision the proposed policy (or data
                         map, or both) would change

options:  --map FILE     the data map (default $PRIVGRAPH_DATAMAP, else ${DEFAULT_MAP})
          --policy FILE  the policy (default $PRIVGRAPH_POLICY, else policy.yaml beside
                         the map): the files the gateway serves
          --format md|html  the report's format (default md, or html for --out *.html)
          --out FILE     write the report there instead of printing it
Works from the files alone: no gateway needed. exit codes: 0 done, 1 findings or invalid
files, 2 usage`;

export type ReportFormat = 'md' | 'html';

export type PolicyCommand =
  | {
      readonly name: 'explain';
      readonly role: string;
      readonly purpose: string;
      readonly coordinate?: string;
      readonly category?: string;
    }
  | { readonly name: 'matrix' }
  | { readonly name: 'lint'; readonly sample: boolean }
  | { readonly name: 'diff'; readonly proposedPolicy?: string; readonly proposedMap?: string };

export interface PolicyFiles {
  readonly map: string;
  readonly policy: string;
}

export type ParsedPolicyArgs =
  | {
      readonly ok: true;
      readonly command: PolicyCommand;
      readonly files: PolicyFiles;
      readonly format: ReportFormat;
      readonly out?: string;
    }
  | { readonly ok: false; readonly message: string }
  | { readonly ok: 'help' };

const OPTIONS = {
  map: { type: 'string' },
  policy: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  role: { type: 'string' },
  purpose: { type: 'string' },
  coordinate: { type: 'string' },
  category: { type: 'string' },
  sample: { type: 'boolean' },
  proposed: { type: 'string' },
  'proposed-map': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<
  typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>
>['values'];

/** Options each command accepts besides the common ones. */
const OWN_OPTIONS: Readonly<Record<PolicyCommand['name'], readonly (keyof Values)[]>> = {
  explain: ['role', 'purpose', 'coordinate', 'category'],
  matrix: [],
  lint: ['sample'],
  diff: ['proposed', 'proposed-map'],
};
const COMMON: readonly (keyof Values)[] = ['map', 'policy', 'format', 'out', 'help'];

/** `args` are the words after `policy`. */
/** `env`: where the deployment's files are named (`PRIVGRAPH_DATAMAP`, `PRIVGRAPH_POLICY`). */
export function parsePolicyArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
): ParsedPolicyArgs {
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
  if (values.help) return { ok: 'help' };
  try {
    const [name, ...rest] = positionals;
    const command = commandOf(name, values);
    if (rest.length > 0)
      throw new UsageError(
        `${command.name} takes no argument "${rest[0]}"; did you mean an option?`,
      );
    const foreign = (Object.keys(values) as (keyof Values)[]).filter(
      (key) => !COMMON.includes(key) && !OWN_OPTIONS[command.name].includes(key),
    );
    if (foreign.length > 0)
      throw new UsageError(`${command.name} does not take --${foreign.join(', --')}`);
    // The deployment's files, as start-up finds them, unless the options name others: a
    // reviewer must never review the demo's policy by accident.
    const map = values.map ?? env.PRIVGRAPH_DATAMAP ?? DEFAULT_MAP;
    const policy =
      values.policy ??
      (values.map === undefined ? env.PRIVGRAPH_POLICY : undefined) ??
      path.join(path.dirname(map), 'policy.yaml');
    return {
      ok: true,
      command,
      files: { map, policy },
      format: formatOf(values),
      ...(values.out === undefined ? {} : { out: values.out }),
    };
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, message: error.message };
    throw error;
  }
}

function required(values: Values, option: 'role' | 'purpose'): string {
  const value = values[option];
  if (value === undefined || value.length === 0) throw new UsageError(`explain needs --${option}`);
  return value;
}

function commandOf(name: string | undefined, values: Values): PolicyCommand {
  switch (name) {
    case 'explain': {
      const { coordinate, category } = values;
      if ((coordinate === undefined) === (category === undefined))
        throw new UsageError('explain needs exactly one of --coordinate and --category');
      return {
        name,
        role: required(values, 'role'),
        purpose: required(values, 'purpose'),
        ...(coordinate === undefined ? {} : { coordinate }),
        ...(category === undefined ? {} : { category }),
      };
    }
    case 'matrix':
      return { name };
    case 'lint':
      return { name, sample: values.sample ?? false };
    case 'diff': {
      const proposedPolicy = values.proposed;
      const proposedMap = values['proposed-map'];
      if (proposedPolicy === undefined && proposedMap === undefined)
        throw new UsageError('diff needs --proposed FILE (a policy), --proposed-map FILE, or both');
      return {
        name,
        ...(proposedPolicy === undefined ? {} : { proposedPolicy }),
        ...(proposedMap === undefined ? {} : { proposedMap }),
      };
    }
    default:
      throw new UsageError(
        name === undefined
          ? 'which policy command? explain, matrix, lint or diff'
          : `unknown policy command "${name}"`,
      );
  }
}

function formatOf(values: Values): ReportFormat {
  const format = values.format ?? (values.out?.toLowerCase().endsWith('.html') ? 'html' : 'md');
  if (format === 'md' || format === 'markdown') return 'md';
  if (format === 'html') return 'html';
  throw new UsageError(`--format is md or html, not "${format}"`);
}
