import type { AuditEventContent, ChainedEvent } from '../../../src/core/audit/audit-event';
import { chainEvents, GENESIS, linkHash, verifyChain } from '../../../src/core/audit/audit-chain';
import { parseCheckpoints, signCheckpoint } from '../../../src/core/audit/audit-checkpoint';

const key = Buffer.alloc(32, 5);
const event = (n: number): AuditEventContent => ({
  kind: 'read',
  at: `2026-11-30T00:00:0${n % 10}.000Z`,
  actor: `app-${n}`,
  role: 'support-agent',
  purpose: 'customer_service',
  subjectKeys: [`phone:${n}`],
  coordinates: [
    { coordinate: 'AccountsUsers.phone', effect: 'transform', method: 'mask', reason: 'RULE' },
  ],
  detail: { operation: 'Q' },
});
const log = (): ChainedEvent[] =>
  chainEvents(key, { position: 0, hash: GENESIS }, [1, 2, 3, 4, 5].map(event));

test('an untouched log verifies, and continues across pages', () => {
  const events = log();
  expect(verifyChain(key, events)).toEqual({
    checked: 5,
    last: { position: 5, hash: events[4]!.hash },
  });
  const first = verifyChain(key, events.slice(0, 2));
  expect(verifyChain(key, events.slice(2), first.last).checked).toBe(3);
  const more = chainEvents(key, first.last, [event(9)]);
  expect(more[0]?.position).toBe(3);
});

test.each<[string, (events: ChainedEvent[]) => ChainedEvent[], number, string]>([
  [
    'an edited event',
    (e) =>
      e.map((x) => (x.position === 3 ? { ...x, content: x.content.replace('app-3', 'app-X') } : x)),
    3,
    'edited',
  ],
  ['a deleted event', (e) => e.filter((x) => x.position !== 2), 2, 'missing'],
  [
    'a deleted event, later ones renumbered',
    (e) =>
      e
        .filter((x) => x.position !== 2)
        .map((x) => (x.position > 2 ? { ...x, position: x.position - 1 } : x)),
    2,
    'inserted-or-reordered',
  ],
  [
    'an inserted event (positions shifted, a forged link)',
    (e) => {
      const forged: ChainedEvent = {
        position: 3,
        content: '{"kind":"read"}',
        prevHash: e[1]!.hash,
        hash: 'f'.repeat(64),
      };
      return [
        ...e.slice(0, 2),
        forged,
        ...e.slice(2).map((x) => ({ ...x, position: x.position + 1 })),
      ];
    },
    3,
    'edited',
  ],
  [
    'two events swapped (contents exchanged)',
    (e) =>
      e.map((x) =>
        x.position === 2
          ? { ...x, content: e[3]!.content }
          : x.position === 4
            ? { ...x, content: e[1]!.content }
            : x,
      ),
    2,
    'edited',
  ],
  [
    'two rows swapped whole (positions exchanged)',
    (e) => [e[0]!, { ...e[3]!, position: 2 }, e[2]!, { ...e[1]!, position: 4 }, e[4]!],
    2,
    'inserted-or-reordered',
  ],
  [
    'an event re-linked with a made-up MAC',
    (e) =>
      e.map((x) =>
        x.position === 4
          ? { ...x, hash: linkHash(Buffer.alloc(32, 6), 4, x.prevHash, x.content) }
          : x,
      ),
    4,
    'edited',
  ],
])('%s is detected and located', (_name, tamper, position, problem) => {
  expect(verifyChain(key, tamper(log())).broken).toMatchObject({ position, problem });
});

test('a cut-off tail is caught by a signed checkpoint kept outside the store; forged checkpoints are rejected', () => {
  const events = log();
  const checkpoint = signCheckpoint(key, 5, events[4]!.hash, new Date('2026-11-30T01:00:00Z'));
  const forged = { ...checkpoint, position: 9 };
  const text = `${JSON.stringify(checkpoint)}\n${JSON.stringify(forged)}\nnot json\n`;
  const { checkpoints, rejected } = parseCheckpoints(key, text);
  expect(checkpoints).toEqual([checkpoint]);
  expect(rejected).toBe(2);
  const cut = verifyChain(key, events.slice(0, 3));
  expect(cut.broken).toBeUndefined();
  expect(cut.last.position).toBeLessThan(checkpoints[0]!.position);
});
