/**
 * One rights-request worker as a gateway replica runs it (SPEC §6 "several gateway replicas
 * share it"), in a process of its own: the request runtime of a gateway over the benchmark
 * database (`BENCH_DATABASE_URL`, keys and services from the environment) and the service's
 * worker with its task handlers. Told `go`, it drains the task table — claiming until none
 * is runnable — and reports what it ran and what that cost; told `stop`, it closes.
 */
import { createRequestWorker, REQUEST_TASK_HANDLERS } from '../src/requests';
import { openRequestsRuntime } from './requests-runtime';
import { countStatementsBySide, statementCount } from './request-timing';
import { reportFailure } from './target-ipc';

export type ToWorker = { type: 'go' } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; tasks: number; cpuMicros: number; statements: number }
  | { type: 'failed'; error: string };

const send = (message: FromWorker) => process.send?.(message);
const total = (count: { store: number; sources: number }) => count.store + count.sources;

async function main(): Promise<void> {
  countStatementsBySide();
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const { runtime, close } = await openRequestsRuntime(url, {}, (line) =>
    console.error(`[request worker ${process.pid}] ${line}`),
  );
  const worker = createRequestWorker(runtime, REQUEST_TASK_HANDLERS);
  const stop = () => worker.stop().then(close);
  process.on('message', (message: ToWorker) => {
    if (message.type === 'go') {
      const cpu = process.cpuUsage();
      const before = statementCount();
      worker.drain().then(
        (tasks) => {
          const used = process.cpuUsage(cpu);
          send({
            type: 'done',
            tasks,
            cpuMicros: used.user + used.system,
            statements: total(statementCount()) - total(before),
          });
        },
        (error: Error) => send({ type: 'failed', error: error.message }),
      );
    } else if (message.type === 'stop') {
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  send({ type: 'ready' });
}

main().catch(reportFailure);
