/**
 * The load generator, in its own process (the machine has two cores: the server being
 * measured must not share its event loop with autocannon). Told what to run over IPC by
 * load.ts; sends back the figures the report needs.
 */
import autocannon from 'autocannon';

export interface LoadRun {
  readonly type: 'run';
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly bodies: readonly string[];
  readonly connections: number;
  readonly durationSeconds: number;
}

export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly completed: number;
  /** Requests sent, including those still in flight when the run stopped: the server
   * finishes them all, so per-request costs are divided by this once it has settled. */
  readonly sent: number;
  readonly durationSeconds: number;
  readonly latencyMs: { readonly p50: number; readonly p90: number; readonly p99: number };
  readonly errors: number;
  readonly timeouts: number;
  readonly non2xx: number;
  /** 2xx responses whose body carries GraphQL `errors`. */
  readonly graphqlErrors: number;
  /** CPU time the load generator itself used (user + system), microseconds. */
  readonly loadCpuMicros: number;
}

async function run(message: LoadRun): Promise<LoadResult> {
  let next = 0;
  const cpuBefore = process.cpuUsage();
  const result = await autocannon({
    url: message.url,
    connections: message.connections,
    duration: message.durationSeconds,
    method: 'POST',
    headers: { ...message.headers, 'content-type': 'application/json' },
    // One shared rotation over the sample: both targets see the same people in the same order.
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: message.bodies[next++ % message.bodies.length],
        }),
      },
    ],
    verifyBody: (body) => !String(body).includes('"errors":'),
  });
  const cpu = process.cpuUsage(cpuBefore);
  return {
    requestsPerSecond: result.requests.average,
    completed: result.requests.total,
    sent: result.requests.sent,
    durationSeconds: result.duration,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    graphqlErrors: result.mismatches,
    loadCpuMicros: cpu.user + cpu.system,
  };
}

process.on('message', (message: LoadRun) => {
  run(message).then(
    (result) => process.send?.({ type: 'done', result }),
    (error: Error) => process.send?.({ type: 'failed', error: error.message }),
  );
});
process.on('disconnect', () => process.exit(0));
