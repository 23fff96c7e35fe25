/**
 * A second process appending to the audit trail (issue #6: "several gateway processes append
 * without corrupting the chain"): the production writer over its own store connection and
 * the shared checkpoint file, running the same workload as the test's own writers. Started
 * by `audit-tamper.test.ts` with `node -r @swc-node/register`.
 *
 * Environment: AUDIT_DATABASE_URL, AUDIT_CHECKPOINT_FILE, AUDIT_WORKLOAD (JSON
 * `AppendWorkload`). Prints `READY` once the store is open, starts on a `go` line on stdin,
 * prints `DONE <events>` when every call has resolved, then exits.
 */
import { createInterface } from 'node:readline';
import { checkpointFile, createAuditWriter } from '../../src/audit';
import { openStore } from '../../src/store';
import type { AppendWorkload } from './audit-log-fixture';
import { AUDIT_TEST_KEYS, runAppendWorkload, workloadEvents } from './audit-log-fixture';
import { assertTestDatabaseName } from './test-database';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function main(): Promise<void> {
  const url = required('AUDIT_DATABASE_URL');
  assertTestDatabaseName(url);
  const workload = JSON.parse(required('AUDIT_WORKLOAD')) as AppendWorkload;
  const store = await openStore(url, { poolSize: 4 });
  const writer = createAuditWriter(
    store,
    AUDIT_TEST_KEYS.chainKey,
    checkpointFile(required('AUDIT_CHECKPOINT_FILE'), AUDIT_TEST_KEYS.checkpointKey),
  );
  process.stdout.write('READY\n');
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
  await runAppendWorkload(writer, workload);
  await writer.close();
  await store.destroy();
  process.stdout.write(`DONE ${workloadEvents(workload)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`audit append process failed: ${String(error)}\n`);
    process.exit(1);
  },
);
