/**
 * What `privgraph audit …` prints: the verdict of a verification (the first broken link when
 * there is one) and events newest first — keyed subject hashes shortened, never anything
 * else about the person (there is nothing else in an event).
 */
import { formatAuditEvents, formatVerification } from '../../../src/cli/audit-format';
import type { AuditEventViewFragment, VerifyAuditLogQuery } from '../../../src/generated/graphql';

const HASH = 'a'.repeat(64);

const intact: VerifyAuditLogQuery['verifyAuditLog'] = {
  ok: true,
  events: 1204,
  head: { position: 1204, hash: HASH },
  checkpoints: { checked: 31, rejected: 0, latest: 1200 },
  broken: null,
};

const READ: AuditEventViewFragment = {
  position: 1204,
  kind: 'READ',
  at: '2026-11-30T08:00:00.000Z',
  actor: 'app:desk',
  role: 'support-agent',
  purpose: 'customer_service',
  subjectKeys: [`email:${'1'.repeat(64)}`, `phone:${'2'.repeat(64)}`],
  requestId: '0b6f3f4e-8a1c-4c57-9d5e-3d2f1c0b9a87',
  policyVersion: 'p'.repeat(64),
  dataMapVersion: 'm'.repeat(64),
  coordinates: [
    { coordinate: 'AccountsUsers.full_name', effect: 'allow', method: null, reason: 'RULE' },
    { coordinate: 'AccountsUsers.phone', effect: 'transform', method: 'mask', reason: 'RULE' },
    { coordinate: 'AccountsUsers.password_hash', effect: 'deny', method: null, reason: 'RULE' },
  ],
  detail: { operation: 'Consult' },
};

const WRITE: AuditEventViewFragment = {
  ...READ,
  position: 1190,
  kind: 'WRITE',
  actor: 'worker-4242-1a2b3c4d',
  role: null,
  purpose: null,
  subjectKeys: [`user_id:${'3'.repeat(64)}`],
  coordinates: [],
  detail: {
    request: 'erasure',
    task: 'erase',
    system: 'shop',
    deleted: 3,
    rewritten: 1,
    none: null,
  },
};

describe('formatVerification', () => {
  it('says the log is intact, with its head and the checkpoints checked', () => {
    expect(formatVerification(intact)).toEqual([
      'audit log intact: 1204 event(s), head #1204 (link aaaaaaaaaaaa…); 31 signed checkpoint(s) checked, the latest at #1200',
    ]);
  });

  it('names the first broken link: where, what, and what was verified before it', () => {
    expect(
      formatVerification({
        ...intact,
        ok: false,
        events: 56,
        head: { position: 56, hash: HASH },
        broken: {
          position: 57,
          problem: 'EDITED',
          detail: "event 57's content or link does not match its MAC",
        },
      }),
    ).toEqual([
      'audit log BROKEN at #57: an event was edited',
      "  event 57's content or link does not match its MAC",
      '  56 event(s) before it verified (up to #56); 31 signed checkpoint(s) checked, the latest at #1200',
    ]);
  });

  it.each([
    ['MISSING', 'an event is missing (deleted)'],
    ['INSERTED_OR_REORDERED', 'an event was inserted, moved or deleted and renumbered'],
    ['TRUNCATED', 'the log was cut: it ends before a signed checkpoint'],
  ] as const)('words %s', (problem, words) => {
    const [first] = formatVerification({
      ...intact,
      ok: false,
      broken: { position: 9, problem, detail: 'd' },
    });
    expect(first).toBe(`audit log BROKEN at #9: ${words}`);
  });

  it('warns about checkpoint lines that are not authentic, and handles an empty log', () => {
    expect(
      formatVerification({
        ...intact,
        events: 0,
        head: { position: 0, hash: '0'.repeat(64) },
        checkpoints: { checked: 0, rejected: 2, latest: null },
      }),
    ).toEqual([
      'audit log intact: 0 event(s), head #0 (link 000000000000…); 0 signed checkpoint(s) checked',
      'warning: 2 line(s) of the checkpoint file are not authentic checkpoints (forged or damaged); they prove nothing',
    ]);
  });
});

describe('formatAuditEvents', () => {
  it('prints each event as a block: who, why, whom (short keys), each decision, the detail', () => {
    expect(formatAuditEvents([READ, WRITE], 1190)).toEqual([
      '#1204  2026-11-30T08:00:00.000Z  read  by app:desk (support-agent) for customer_service',
      '  request:  0b6f3f4e-8a1c-4c57-9d5e-3d2f1c0b9a87',
      '  subject:  email:111111111111… phone:222222222222…',
      '  allow     AccountsUsers.full_name · RULE',
      '  transform AccountsUsers.phone (mask) · RULE',
      '  deny      AccountsUsers.password_hash · RULE',
      '  detail:   operation=Consult',
      '#1190  2026-11-30T08:00:00.000Z  write  by worker-4242-1a2b3c4d',
      '  request:  0b6f3f4e-8a1c-4c57-9d5e-3d2f1c0b9a87',
      '  subject:  user_id:333333333333…',
      '  detail:   request=erasure task=erase system=shop deleted=3 rewritten=1',
      '',
      'older events: add --before 1190',
    ]);
  });

  it('says when nothing matched', () => {
    expect(formatAuditEvents([], null)).toEqual(['no audit events match']);
  });
});
