/**
 * What `privgraph audit …` prints: the verification — a one-line verdict, and where the chain
 * breaks when it does — and events newest first, one block each. Pure functions of what the
 * gateway answered (lines out, no I/O). Events hold no personal values (SPEC §7); a subject
 * is shown by the kinds and prefixes of its keyed hashes.
 */
import type { AuditEventViewFragment, VerifyAuditLogQuery } from '../generated/graphql';

type Verification = VerifyAuditLogQuery['verifyAuditLog'];

export function formatVerification(v: Verification): string[] {
  const checkpoints = `${v.checkpoints.checked} signed checkpoint(s) checked${
    v.checkpoints.latest === null ? '' : `, the latest at #${v.checkpoints.latest}`
  }`;
  const rejected =
    v.checkpoints.rejected > 0
      ? [
          `warning: ${v.checkpoints.rejected} line(s) of the checkpoint file are not authentic checkpoints (forged or damaged); they prove nothing`,
        ]
      : [];
  if (!v.broken)
    return [
      `audit log intact: ${v.events} event(s), head #${v.head.position} (link ${short(v.head.hash)}); ${checkpoints}`,
      ...rejected,
    ];
  return [
    `audit log BROKEN at #${v.broken.position}: ${problemWords(v.broken.problem)}`,
    `  ${v.broken.detail}`,
    `  ${v.events} event(s) before it verified (up to #${v.head.position}); ${checkpoints}`,
    ...rejected,
  ];
}

const PROBLEMS: Readonly<Record<string, string>> = {
  EDITED: 'an event was edited',
  MISSING: 'an event is missing (deleted)',
  INSERTED_OR_REORDERED: 'an event was inserted, moved or deleted and renumbered',
  TRUNCATED: 'the log was cut: it ends before a signed checkpoint',
  UNREADABLE: 'an event cannot be read',
};

function problemWords(problem: string): string {
  return PROBLEMS[problem] ?? problem.toLowerCase();
}

/** Events newest first; `more` names the cursor of the next page, if there is one. */
export function formatAuditEvents(
  events: readonly AuditEventViewFragment[],
  more: number | null,
): string[] {
  if (events.length === 0) return ['no audit events match'];
  const lines = events.flatMap(formatAuditEvent);
  if (more !== null) lines.push('', `older events: add --before ${more}`);
  return lines;
}

export function formatAuditEvent(event: AuditEventViewFragment): string[] {
  const who = event.role ? `${event.actor} (${event.role})` : event.actor;
  const lines = [
    `#${event.position}  ${event.at}  ${event.kind.toLowerCase()}  by ${who}${
      event.purpose ? ` for ${event.purpose}` : ''
    }`,
  ];
  if (event.requestId) lines.push(`  request:  ${event.requestId}`);
  if (event.subjectKeys.length > 0)
    lines.push(`  subject:  ${event.subjectKeys.map(shortKey).join(' ')}`);
  for (const c of event.coordinates)
    lines.push(
      `  ${c.effect.padEnd(9)} ${c.coordinate}${c.method ? ` (${c.method})` : ''} · ${c.reason}`,
    );
  const detail = detailText(event.detail);
  if (detail) lines.push(`  detail:   ${detail}`);
  return lines;
}

function detailText(detail: unknown): string {
  if (typeof detail !== 'object' || detail === null) return '';
  return Object.entries(detail as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== '')
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
}

/** `phone:3fa9…` — enough to tell keys apart; --json prints them whole. */
function shortKey(key: string): string {
  const at = key.indexOf(':');
  return at < 0 ? short(key) : `${key.slice(0, at)}:${short(key.slice(at + 1))}`;
}

function short(hex: string): string {
  return hex.length > 12 ? `${hex.slice(0, 12)}…` : hex;
}
