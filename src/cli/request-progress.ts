/**
 * `--wait`: poll the request and show its per-source tasks on stderr until nothing more will
 * happen without a person (issue #5 item 8: "a progress display for long runs"). On a
 * terminal the block is redrawn in place; otherwise (a log, a pipe) a new block is written
 * only when something changed, so the output stays readable.
 */
import type { RightsRequestStatusQuery } from '../generated/graphql';
import { formatTasks, words } from './request-format';

export type RequestWithTasks = NonNullable<RightsRequestStatusQuery['rightsRequest']>;

export interface ProgressSink {
  write(text: string): void;
  readonly isTTY: boolean;
}

const FINAL = new Set(['COMPLETED', 'REJECTED', 'FAILED']);
/** Statuses that move on only when someone acts: an approval, a retry, a new plan. */
const WAITING_FOR_A_PERSON = new Set(['AWAITING_APPROVAL', 'PARTIAL', 'RECEIVED']);

/** True when polling longer shows nothing new: the request is final, or it waits for a
 * person and none of its tasks is still to run. */
export function isSettled(request: RequestWithTasks): boolean {
  if (FINAL.has(request.status)) return true;
  const working = request.tasks.some((t) => t.status === 'PENDING' || t.status === 'RUNNING');
  return WAITING_FOR_A_PERSON.has(request.status) && !working;
}

export function progressLines(request: RequestWithTasks): string[] {
  const done = request.tasks.filter((t) => t.status === 'DONE').length;
  return [
    `request ${request.id}: ${words(request.status)} — ${done}/${request.tasks.length} tasks done`,
    ...formatTasks(request.tasks),
  ];
}

/** Draws successive blocks of lines: in place on a terminal, on change elsewhere. */
export function createProgressDisplay(sink: ProgressSink): (lines: readonly string[]) => void {
  let shown: readonly string[] = [];
  return (lines) => {
    if (lines.join('\n') === shown.join('\n')) return;
    if (sink.isTTY && shown.length > 0)
      sink.write(
        `\x1b[${shown.length}A${shown.map(() => '\x1b[2K\n').join('')}\x1b[${shown.length}A`,
      );
    sink.write(`${lines.join('\n')}\n`);
    shown = lines;
  };
}

export interface WaitDeps {
  readonly fetchStatus: () => Promise<RequestWithTasks>;
  readonly sink: ProgressSink;
  readonly sleep: (ms: number) => Promise<void>;
  readonly now: () => number;
  readonly intervalMs: number;
  readonly timeoutMs?: number;
}

/** The request once settled, or `timeout` with the last state seen. */
export async function waitForRequest(
  deps: WaitDeps,
): Promise<{ readonly request: RequestWithTasks; readonly timedOut: boolean }> {
  const show = createProgressDisplay(deps.sink);
  const deadline = deps.timeoutMs === undefined ? Infinity : deps.now() + deps.timeoutMs;
  for (;;) {
    const request = await deps.fetchStatus();
    show(progressLines(request));
    if (isSettled(request)) return { request, timedOut: false };
    if (deps.now() >= deadline) return { request, timedOut: true };
    await deps.sleep(Math.min(deps.intervalMs, Math.max(0, deadline - deps.now())));
  }
}
