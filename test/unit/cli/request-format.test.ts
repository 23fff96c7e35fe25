/**
 * What `privgraph request …` prints for a request, an erasure plan, tasks and the list:
 * exact lines, so a change in the output is a change in a test.
 */
import {
  formatPlanSummary,
  formatRequest,
  formatRequestList,
  formatResult,
  formatTasks,
} from '../../../src/cli/request-format';
import { REQUEST } from './request-fixtures';

describe('formatRequest', () => {
  it('labels what was asked, when it is due, and how the requester was verified', () => {
    expect(formatRequest({ ...REQUEST, overdue: true, details: { purpose: 'marketing' } })).toEqual(
      [
        'request 6f1c2a57-5b7e-4c55-9d1e-0a5a3b7c9d10',
        '  kind:      account closure',
        '  status:    awaiting approval',
        '  due:       2026-12-21  OVERDUE',
        '  received:  2026-11-30T03:00:00.000Z by cli:alice',
        '  verified:  SMS code to the account phone',
        '  purpose:   marketing',
      ],
    );
  });

  it('ends a completed request with its decision, package, result and reply', () => {
    const lines = formatRequest({
      ...REQUEST,
      kind: 'ACCESS',
      status: 'COMPLETED',
      decidedAt: '2026-11-30T04:00:00.000Z',
      decidedBy: 'dpo',
      decisionNote: 'checked',
      completedAt: '2026-11-30T05:00:00.000Z',
      packageHash: 'ab12',
      result: { rows: 42, systems: 7 },
      reply: 'A copy is ready.\nDownload it until Friday.',
    });
    expect(lines.slice(6)).toEqual([
      '  decided:   2026-11-30T04:00:00.000Z by dpo — checked',
      '  completed: 2026-11-30T05:00:00.000Z',
      '  package:   sha256 ab12',
      '',
      'result:',
      '  rows: 42',
      '  systems: 7',
      '',
      'reply to the person:',
      '  A copy is ready.',
      '  Download it until Friday.',
    ]);
  });
});

describe('formatPlanSummary', () => {
  it('counts per collection, then what is kept and why', () => {
    expect(
      formatPlanSummary({
        sources: ['accounts', 'security'],
        collections: {
          'security.devices': { shared: 1 },
          'family.cards': { delete: 1, related: 1 },
          'accounts.users': { delete: 1 },
          'accounts.invoices': { delete: 1, exempt: 2 },
          'support.notes': { rewrite: 3, unchanged: 1 },
        },
        exemptions: [
          {
            collection: 'accounts.invoices',
            reason: 'legal_obligation',
            until: '2031-01-05',
            rows: 2,
          },
        ],
        shared: [
          { collection: 'security.devices', via: 'security.user_devices.device_id', rows: 1 },
          { collection: 'family.cards', via: 'family.cards.code', rows: 1, related: true },
        ],
        problems: [],
        notes: ['a kept row still references accounts.users'],
      }),
    ).toEqual([
      'plan:',
      '  collection             delete   rewrite    exempt    shared   related unchanged',
      '  accounts.invoices           1         0         2         0         0         0',
      '  accounts.users              1         0         0         0         0         0',
      '  family.cards                1         0         0         0         1         0',
      '  security.devices            0         0         0         1         0         0',
      '  support.notes               0         3         0         0         0         1',
      '  exempt: accounts.invoices: 2 rows kept, legal_obligation until 2031-01-05',
      '  shared: security.devices: 1 row kept while another owner remains (via security.user_devices.device_id)',
      "  related: family.cards: 1 row of another person's, not changed (via family.cards.code)",
      '  note: a kept row still references accounts.users',
    ]);
  });

  it('says when there is nothing to erase, and what refuses the plan', () => {
    expect(
      formatPlanSummary({ collections: {}, problems: ['accounts.users.full_name is NOT NULL'] }),
    ).toEqual([
      'plan:',
      '  nothing to erase in any system',
      '  the plan is refused until the data map says how to erase:',
      '    - accounts.users.full_name is NOT NULL',
    ]);
  });

  it('prints an unexpected shape as JSON rather than nothing', () => {
    expect(formatPlanSummary(['x'])).toEqual(['plan:', '  ["x"]']);
    expect(formatResult(3)).toEqual(['result:', '  3']);
  });
});

describe('formatTasks', () => {
  it('one line per task: done with its counts, failed with its error, attempts when retried', () => {
    expect(
      formatTasks([
        {
          kind: 'erase',
          system: 'accounts',
          status: 'DONE',
          attempts: 1,
          lastError: null,
          result: { deleted: 3, rewritten: 1, note: 'x' },
        },
        {
          kind: 'erase',
          system: 'analytics',
          status: 'FAILED',
          attempts: 5,
          lastError: 'connection refused',
          result: null,
        },
        {
          kind: 'erase',
          system: 'security',
          status: 'PENDING',
          attempts: 2,
          lastError: 'timeout',
          result: null,
        },
        {
          kind: 'verify',
          system: null,
          status: 'RUNNING',
          attempts: 1,
          lastError: null,
          result: null,
        },
      ]),
    ).toEqual([
      '  erase   accounts   done     deleted 3, rewritten 1',
      '  erase   analytics  failed  (attempt 5)  connection refused',
      '  erase   security   pending (attempt 2)  timeout',
      '  verify  —          running',
    ]);
    expect(formatTasks([])).toEqual(['  (no tasks)']);
  });
});

describe('formatRequestList', () => {
  it('a line per request in the gateway’s order, overdue ones marked', () => {
    expect(
      formatRequestList([
        {
          id: 'a'.repeat(36),
          kind: 'ERASURE',
          status: 'PARTIAL',
          dueDate: '2026-11-02',
          overdue: true,
          receivedAt: '2026-10-12T01:00:00Z',
          requestedBy: 'dpo',
        },
        {
          id: 'b'.repeat(36),
          kind: 'ACCESS',
          status: 'COMPLETED',
          dueDate: '2026-12-21',
          overdue: false,
          receivedAt: '2026-11-30T01:00:00Z',
          requestedBy: 'agent',
        },
      ]),
    ).toEqual([
      `${'ID'.padEnd(36)}  KIND     STATUS     DUE         RECEIVED BY`,
      `${'a'.repeat(36)}  erasure  partial    2026-11-02! 2026-10-12 dpo`,
      `${'b'.repeat(36)}  access   completed  2026-12-21  2026-11-30 agent`,
      '(! overdue)',
    ]);
    expect(formatRequestList([])).toEqual(['no requests']);
  });
});
