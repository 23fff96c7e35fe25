/**
 * `privgraph <command>`: the operator's command line. Each command lives in its own module
 * and returns an exit code; this file only dispatches.
 */
import 'reflect-metadata';
import { runAudit } from './audit-command';
import { runDatamapValidate } from './datamap-validate';
import { runPolicy } from './policy-command';
import { runRequest } from './request-command';
import { runToken } from './token';

const USAGE = `usage: privgraph <command>

commands:
  datamap validate FILE [--require-env]   check a data map; prints every problem, exit 1 on errors
  token --role ROLE [--subject S] [--ttl 1h]
                                          mint a bearer token with the deployment's HS256 secret
                                          (the demo secret in development); prints only the token
  policy explain|matrix|lint|diff [--format md|html] [--out FILE]
                                          review the policy from the files: why a role gets a
                                          field, the whole matrix, risky rules, what a change
                                          would change; privgraph policy --help
  request access|erase|approve|reject|retry|status|list|download …
                                          rights requests on a running gateway (GraphQL over HTTP,
                                          --url, --token or PRIVGRAPH_TOKEN); privgraph request --help
  audit verify|events …                   the audit trail on a running gateway: verify the chain
                                          (exit 1 at the first broken link), or who accessed whose
                                          data; privgraph audit --help
`;

interface Output {
  log(line: string): void;
  error(line: string): void;
}

async function dispatch(args: string[], out: Output): Promise<number> {
  const [group, command, ...rest] = args;
  if (group === 'datamap' && command === 'validate') return runDatamapValidate(rest, out);
  if (group === 'token') return runToken(args.slice(1), out);
  if (group === 'request') return runRequest(args.slice(1), out);
  if (group === 'audit') return runAudit(args.slice(1), out);
  if (group === 'policy') return runPolicy(args.slice(1), out);
  out.error(
    group === undefined || group === '--help' || group === 'help'
      ? USAGE
      : `unknown command: ${args.join(' ')}\n\n${USAGE}`,
  );
  return group === undefined || group === '--help' || group === 'help' ? 0 : 2;
}

dispatch(process.argv.slice(2), {
  log: (line) => console.log(line),
  error: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`privgraph: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
