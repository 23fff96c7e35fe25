/**
 * `--wait`'s display and when it stops: in place on a terminal, on change in a log, and
 * settled once nothing more happens without a person.
 */
import type { RequestWithTasks } from '../../../src/cli/request-progress';
import {
  createProgressDisplay,
  isSettled,
  progressLines,
  waitForRequest,
} from '../../../src/cli/request-progress';
import { REQUEST } from './request-fixtures';

type Task = RequestWithTasks['tasks'][number];
const task = (system: string, status: Task['status']): Task => ({
  kind: 'erase',
  system,
  status,
  attempts: 1,
  lastError: null,
  result: null,
});
const request = (status: RequestWithTasks['status'], tasks: Task[]): RequestWithTasks => ({
  ...REQUEST,
  kind: 'ERASURE',
  status,
  tasks,
});

describe('isSettled', () => {
  it.each([
    ['COMPLETED', [], true],
    ['REJECTED', [], true],
    ['FAILED', [], true],
    ['AWAITING_APPROVAL', [], true],
    ['PARTIAL', [task('a', 'DONE'), task('b', 'FAILED')], true],
    ['PARTIAL', [task('a', 'PENDING'), task('b', 'FAILED')], false],
    ['RECEIVED', [], true],
    ['APPROVED', [], false],
    ['IN_PROGRESS', [task('a', 'DONE')], false],
    ['IN_PROGRESS', [task('a', 'RUNNING')], false],
  ] as const)('%s with %j → %s', (status, tasks, settled) => {
    expect(isSettled(request(status, [...tasks]))).toBe(settled);
  });
});

describe('createProgressDisplay', () => {
  it('redraws in place on a terminal', () => {
    const written: string[] = [];
    const show = createProgressDisplay({ write: (t) => written.push(t), isTTY: true });
    show(['a', 'b']);
    show(['a', 'b']);
    show(['c']);
    expect(written).toEqual(['a\nb\n', '\x1b[2A\x1b[2K\n\x1b[2K\n\x1b[2A', 'c\n']);
  });

  it('appends a block only when it changed elsewhere', () => {
    const written: string[] = [];
    const show = createProgressDisplay({ write: (t) => written.push(t), isTTY: false });
    show(['a']);
    show(['a']);
    show(['b']);
    expect(written).toEqual(['a\n', 'b\n']);
  });
});

describe('waitForRequest', () => {
  const states = [
    request('IN_PROGRESS', [task('accounts', 'RUNNING'), task('security', 'PENDING')]),
    request('IN_PROGRESS', [task('accounts', 'DONE'), task('security', 'RUNNING')]),
    request('COMPLETED', [task('accounts', 'DONE'), task('security', 'DONE')]),
  ];

  it('polls until the request settles, showing each new state', async () => {
    const written: string[] = [];
    let polls = 0;
    const slept: number[] = [];
    const { request: last, timedOut } = await waitForRequest({
      fetchStatus: async () => states[Math.min(polls++, states.length - 1)]!,
      sink: { write: (t) => written.push(t), isTTY: false },
      sleep: async (ms) => void slept.push(ms),
      now: () => 0,
      intervalMs: 250,
    });
    expect(timedOut).toBe(false);
    expect(last.status).toBe('COMPLETED');
    expect(slept).toEqual([250, 250]);
    expect(written.at(-1)).toBe(`${progressLines(states[2]!).join('\n')}\n`);
    expect(progressLines(states[1]!)[0]).toBe(
      `request ${REQUEST.id}: in progress — 1/2 tasks done`,
    );
  });

  it('gives up at the timeout with the last state seen', async () => {
    let clock = 0;
    const result = await waitForRequest({
      fetchStatus: async () => states[0]!,
      sink: { write: () => undefined, isTTY: false },
      sleep: async (ms) => void (clock += ms),
      now: () => clock,
      intervalMs: 1000,
      timeoutMs: 2500,
    });
    expect(result).toMatchObject({ timedOut: true, request: { status: 'IN_PROGRESS' } });
    expect(clock).toBe(2500);
  });
});
