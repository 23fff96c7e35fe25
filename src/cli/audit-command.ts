/**
 * `privgraph audit verify|events`: the audit trail from a terminal (issue #6 items 2–3).
 * Both are operations on a running gateway over GraphQL HTTP with the caller's token (a role
 * that `may: audit.read`): the gateway holds the chain key and the checkpoints, the CLI holds
 * nothing.
 *
 * Exit codes: 0 done (for verify: the chain is intact), 1 refused, failed, or the chain is
 * broken (the first broken link is printed), 2 usage.
 */
import { AuditEventsDocument, VerifyAuditLogDocument } from '../generated/graphql';
import type { AuditEventViewFragment } from '../generated/graphql';
import type { AuditEventFilters } from './audit-args';
import { AUDIT_USAGE, parseAuditArgs } from './audit-args';
import { formatAuditEvents, formatVerification } from './audit-format';
import type { CliOutput } from './datamap-validate';
import type { Fetch, GatewayClient } from './gateway-client';
import { GatewayRefusal, createGatewayClient } from './gateway-client';

/** The gateway's largest page. */
const PAGE = 500;

/** `args` are the words after `audit`. */
export async function runAudit(
  args: string[],
  out: CliOutput,
  env: NodeJS.ProcessEnv = process.env,
  deps: { readonly fetch?: Fetch } = {},
): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    out.error(AUDIT_USAGE);
    return args.length === 0 ? 2 : 0;
  }
  const parsed = parseAuditArgs(args, env);
  if (!parsed.ok) {
    out.error(`${parsed.message}\n\n${AUDIT_USAGE}`);
    return 2;
  }
  const { command, connection } = parsed;
  const client = createGatewayClient(connection.url, connection.token, deps.fetch);
  try {
    if (command.name === 'verify') {
      const { verifyAuditLog } = await client.execute(VerifyAuditLogDocument, {});
      out.log(
        connection.json
          ? JSON.stringify(verifyAuditLog, null, 2)
          : formatVerification(verifyAuditLog).join('\n'),
      );
      return verifyAuditLog.ok ? 0 : 1;
    }
    const { events, nextBefore } = await fetchEvents(client, command.filters, command.limit);
    out.log(
      connection.json
        ? JSON.stringify({ events, nextBefore }, null, 2)
        : formatAuditEvents(events, nextBefore).join('\n'),
    );
    return 0;
  } catch (error) {
    if (!(error instanceof GatewayRefusal)) throw error;
    out.error(`privgraph: ${error.code}: ${error.message}`);
    return 1;
  }
}

/** Up to `limit` events, newest first, in pages of at most the gateway's largest. */
export async function fetchEvents(
  client: GatewayClient,
  filters: AuditEventFilters,
  limit: number,
): Promise<{ events: AuditEventViewFragment[]; nextBefore: number | null }> {
  const events: AuditEventViewFragment[] = [];
  let before = filters.before ?? null;
  for (;;) {
    const { auditEvents } = await client.execute(AuditEventsDocument, {
      subject: filters.subject ? { ...filters.subject } : null,
      actor: filters.actor ?? null,
      purpose: filters.purpose ?? null,
      kinds: filters.kinds ? [...filters.kinds] : null,
      from: filters.from ?? null,
      to: filters.to ?? null,
      first: Math.min(PAGE, limit - events.length),
      before,
    });
    events.push(...auditEvents.events);
    before = auditEvents.nextBefore;
    if (before === null || events.length >= limit) return { events, nextBefore: before };
  }
}
