/**
 * What `privgraph request …` prints: a request, its erasure plan, its per-source tasks, its
 * result and reply, and the overdue-first list — plain text for a DPO at a terminal. Pure
 * functions of what the gateway answered (lines out, no I/O); the plan summary and results
 * are JSON from the service, read leniently so a new count shows up without a CLI change.
 */
import type {
  RequestTaskViewFragment,
  RightsRequestListQuery,
  RightsRequestViewFragment,
} from '../generated/graphql';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** `ACCOUNT_CLOSURE` → `account closure`. */
export function words(enumValue: string): string {
  return enumValue.toLowerCase().replaceAll('_', ' ');
}

/** The request as a labelled block, then its plan, result and reply when it has them. */
export function formatRequest(request: RightsRequestViewFragment): string[] {
  const lines = [
    `request ${request.id}`,
    `  kind:      ${words(request.kind)}`,
    `  status:    ${words(request.status)}`,
    `  due:       ${request.dueDate}${request.overdue ? '  OVERDUE' : ''}`,
    `  received:  ${request.receivedAt} by ${request.requestedBy}`,
    `  verified:  ${request.identityVerification}`,
  ];
  const details = isObject(request.details) ? Object.entries(request.details) : [];
  for (const [key, value] of details) lines.push(`  ${`${key}:`.padEnd(10)} ${scalar(value)}`);
  if (request.decidedAt)
    lines.push(
      `  decided:   ${request.decidedAt} by ${request.decidedBy ?? '?'}${request.decisionNote ? ` — ${request.decisionNote}` : ''}`,
    );
  if (request.completedAt) lines.push(`  completed: ${request.completedAt}`);
  if (request.packageHash) lines.push(`  package:   sha256 ${request.packageHash}`);
  if (request.planSummary !== null && request.planSummary !== undefined)
    lines.push('', ...formatPlanSummary(request.planSummary));
  if (request.result !== null && request.result !== undefined)
    lines.push('', ...formatResult(request.result));
  if (request.reply) lines.push('', 'reply to the person:', ...indent(request.reply));
  return lines;
}

const PLAN_COUNTS = ['delete', 'rewrite', 'exempt', 'shared', 'related', 'unchanged'] as const;

/**
 * An erasure's plan: per collection how many rows are deleted, rewritten, kept as exempt
 * (and why), kept as shared with another person (and through which link), already as the
 * erasure would leave them; then what blocks the plan and what the DPO should read.
 */
export function formatPlanSummary(summary: unknown): string[] {
  if (!isObject(summary)) return ['plan:', `  ${JSON.stringify(summary)}`];
  const lines = ['plan:'];
  const collections = isObject(summary.collections) ? Object.entries(summary.collections) : [];
  if (collections.length === 0) lines.push('  nothing to erase in any system');
  else {
    const width = Math.max(10, ...collections.map(([name]) => name.length));
    lines.push(
      `  ${'collection'.padEnd(width)}  ${PLAN_COUNTS.map((c) => c.padStart(10)).join('')}`,
    );
    for (const [name, counts] of collections.sort(([a], [b]) => a.localeCompare(b))) {
      const count = (what: string) => (isObject(counts) ? Number(counts[what] ?? 0) : 0);
      lines.push(
        `  ${name.padEnd(width)}  ${PLAN_COUNTS.map((c) => String(count(c)).padStart(10)).join('')}`,
      );
    }
  }
  for (const exempt of arrayOf(summary.exemptions))
    lines.push(
      `  exempt: ${exempt.collection}: ${plural(Number(exempt.rows ?? 0), 'row')} kept, ${String(exempt.reason)}${exempt.until ? ` until ${String(exempt.until)}` : ''}`,
    );
  for (const shared of arrayOf(summary.shared))
    lines.push(
      shared.related
        ? `  related: ${shared.collection}: ${plural(Number(shared.rows ?? 0), 'row')} of another person's, not changed (via ${String(shared.via)})`
        : `  shared: ${shared.collection}: ${plural(Number(shared.rows ?? 0), 'row')} kept while another owner remains (via ${String(shared.via)})`,
    );
  const problems = stringsOf(summary.problems);
  if (problems.length > 0)
    lines.push(
      '  the plan is refused until the data map says how to erase:',
      ...problems.map((p) => `    - ${p}`),
    );
  for (const note of stringsOf(summary.notes)) lines.push(`  note: ${note}`);
  return lines;
}

/** What the request did, as the service counted it. */
export function formatResult(result: unknown): string[] {
  if (!isObject(result)) return ['result:', `  ${JSON.stringify(result)}`];
  return ['result:', ...Object.entries(result).map(([key, value]) => `  ${key}: ${scalar(value)}`)];
}

/** One line per task: what, where, in which state; why it failed, or what it counted. */
export function formatTasks(tasks: readonly RequestTaskViewFragment[]): string[] {
  if (tasks.length === 0) return ['  (no tasks)'];
  const kindWidth = Math.max(...tasks.map((t) => t.kind.length));
  const systemWidth = Math.max(6, ...tasks.map((t) => (t.system ?? '—').length));
  return tasks.map((task) => {
    const state = words(task.status).padEnd(7);
    const attempts = task.attempts > 1 ? ` (attempt ${task.attempts})` : '';
    const outcome =
      task.status === 'FAILED' || (task.lastError && task.status !== 'DONE')
        ? `  ${task.lastError ?? ''}`
        : task.status === 'DONE'
          ? countsOf(task.result)
          : '';
    return `  ${task.kind.padEnd(kindWidth)}  ${(task.system ?? '—').padEnd(systemWidth)}  ${state}${attempts}${outcome}`.trimEnd();
  });
}

type ListedRequest = RightsRequestListQuery['rightsRequests'][number];

/** The overdue-first list as the gateway ordered it, one request a line. */
export function formatRequestList(requests: readonly ListedRequest[]): string[] {
  if (requests.length === 0) return ['no requests'];
  const kindWidth = Math.max(4, ...requests.map((r) => words(r.kind).length));
  const statusWidth = Math.max(6, ...requests.map((r) => words(r.status).length));
  return [
    `${'ID'.padEnd(36)}  ${'KIND'.padEnd(kindWidth)}  ${'STATUS'.padEnd(statusWidth)}  DUE         RECEIVED BY`,
    ...requests.map(
      (r) =>
        `${r.id}  ${words(r.kind).padEnd(kindWidth)}  ${words(r.status).padEnd(statusWidth)}  ${r.dueDate}${r.overdue ? '!' : ' '} ${r.receivedAt.slice(0, 10)} ${r.requestedBy}`,
    ),
    ...(requests.some((r) => r.overdue) ? ['(! overdue)'] : []),
  ];
}

function countsOf(result: unknown): string {
  if (!isObject(result)) return '';
  const counts = Object.entries(result).filter(([, v]) => typeof v === 'number');
  return counts.length === 0 ? '' : `  ${counts.map(([k, v]) => `${k} ${String(v)}`).join(', ')}`;
}

function scalar(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map((v) => scalar(v)) : [];
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function indent(text: string): string[] {
  return text.split('\n').map((line) => `  ${line}`);
}
