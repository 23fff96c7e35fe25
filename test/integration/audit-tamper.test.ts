/**
 * Tamper tests of the audit trail on real PostgreSQL (issue #6 Acceptance: "editing,
 * deleting, inserting, swapping and truncating events in the table are each detected and
 * located by verify"; SPEC §7).
 *
 * The log is written once, into a fresh database of this file's own, by the production
 * writer: two DataSources in this process and a second process, each starting many `record`
 * calls at once, all signing checkpoints into one file outside the database. It must come
 * out as one valid chain. Each attack then runs on its own copy of that database (`CREATE
 * DATABASE … TEMPLATE`), as an attacker who can write the table — and disable its
 * append-only trigger — but holds neither key; `verifyAuditLog` must name the first broken
 * position and what is wrong there.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { AuditVerification } from '../../src/audit';
import { checkpointFile, createAuditWriter, verifyAuditLog } from '../../src/audit';
import { chainEvents } from '../../src/core/audit/audit-chain';
import type { AuditEventContent } from '../../src/core/audit/audit-event';
import { openStore, queryAuditEvents } from '../../src/store';
import type { Store } from '../../src/store';
import { auditAttacks, insertAuditRow, K } from '../support/audit-attacks';
import { killAuditChildren, startAuditChild } from '../support/audit-child-process';
import type { AppendWorkload, StoredChainRow } from '../support/audit-log-fixture';
import {
  AUDIT_TEST_KEYS,
  readAuditRows,
  runAppendWorkload,
  tamperWithAuditTable,
  workloadEvents,
} from '../support/audit-log-fixture';
import { copyTestDatabase, requireAdminUrl } from '../support/demo-requests-world';
import { assertTestDatabaseName, createFreshTestDatabase } from '../support/test-database';

jest.setTimeout(120_000);

const admin = requireAdminUrl();
const workDir = mkdtempSync(path.join(tmpdir(), 'privgraph-audit-tamper-'));
const CHECKPOINTS = path.join(workDir, 'audit-checkpoints.jsonl');
const checkpoints = checkpointFile(CHECKPOINTS, AUDIT_TEST_KEYS.checkpointKey);

/** 3 × 16 rounds × 24 events: over 1,000, so verification crosses a page (of 1,000). */
const WORKLOADS: readonly AppendWorkload[] = [
  { writer: 'left', rounds: 16, callsPerRound: 12 },
  { writer: 'right', rounds: 16, callsPerRound: 12 },
  { writer: 'process', rounds: 16, callsPerRound: 12 },
];
const TOTAL = WORKLOADS.reduce((n, w) => n + workloadEvents(w), 0);
const CALLS = WORKLOADS.reduce((n, w) => n + w.rounds * w.callsPerRound, 0);

let template: { url: string; drop(): Promise<void> } | undefined;
/** The log as written, by position (index = position - 1). */
let written: StoredChainRow[] = [];
const copies: { drop(): Promise<void> }[] = [];

beforeAll(async () => {
  template = await createFreshTestDatabase(admin);
  assertTestDatabaseName(template.url);
  const stores: Store[] = [];
  try {
    stores.push(await openStore(template.url, { poolSize: 4 })); // migrates
    stores.push(await openStore(template.url, { poolSize: 4 }));
    const other = startAuditChild('test/support/audit-append-process.ts', {
      AUDIT_DATABASE_URL: template.url,
      AUDIT_CHECKPOINT_FILE: CHECKPOINTS,
      AUDIT_WORKLOAD: JSON.stringify(WORKLOADS[2]),
    });
    await other.waitFor(/^READY$/m);
    const writers = stores.map((store) =>
      createAuditWriter(
        store,
        AUDIT_TEST_KEYS.chainKey,
        checkpointFile(CHECKPOINTS, AUDIT_TEST_KEYS.checkpointKey),
      ),
    );
    other.send('go');
    await Promise.all([
      runAppendWorkload(writers[0]!, WORKLOADS[0]!),
      runAppendWorkload(writers[1]!, WORKLOADS[1]!),
      other.waitFor(/^DONE \d+$/m),
    ]);
    await Promise.all(writers.map((w) => w.close()));
    await other.exited;
  } finally {
    // the template must have no connection left before it is copied
    await Promise.all(stores.map((s) => s.destroy()));
  }
  written = await withClient(template.url, readAuditRows);
}, 90_000);

afterEach(async () => {
  for (let copy = copies.pop(); copy; copy = copies.pop()) await copy.drop();
});
afterAll(async () => {
  await killAuditChildren();
  await template?.drop();
  rmSync(workDir, { recursive: true, force: true });
});

async function withClient<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Verifies the log at `url` against the checkpoint file (`null`: without one). */
async function verify(
  url: string,
  sink: typeof checkpoints | null = checkpoints,
): Promise<AuditVerification> {
  const store = await openStore(url, { poolSize: 2 });
  try {
    return await verifyAuditLog(store, AUDIT_TEST_KEYS.chainKey, sink ?? undefined);
  } finally {
    await store.destroy();
  }
}

/** A copy of the written log (dropped after the test) with `statements` applied. */
async function tampered(
  statements: Parameters<typeof tamperWithAuditTable>[1],
  trigger: 'off' | 'on' = 'off',
): Promise<string> {
  const copy = await copyTestDatabase(admin, (template as { url: string }).url);
  copies.push(copy);
  await tamperWithAuditTable(copy.url, statements, { trigger });
  return copy.url;
}

const at = (position: number): StoredChainRow => written[position - 1] as StoredChainRow;

describe('a log appended concurrently by two DataSources and a second process', () => {
  it('is one valid chain with every event once, each call’s events together and in order', async () => {
    expect(written).toHaveLength(TOTAL);
    expect(written.map((r) => r.position)).toEqual(written.map((_, i) => i + 1));

    const verification = await verify((template as { url: string }).url);
    const signed = await checkpoints.read();
    expect(verification).toEqual({
      ok: true,
      events: TOTAL,
      head: { position: TOTAL, hash: at(TOTAL).hash },
      checkpoints: { checked: signed.checkpoints.length, rejected: 0, latest: TOTAL },
    });

    // each writer's calls were committed in the order they were made, a call's events
    // side by side (one call, one batch)
    for (const { writer } of WORKLOADS) {
      const mine = written.filter((r) => r.detail.writer === writer);
      const order = (r: StoredChainRow) => [r.detail.round, r.detail.call, r.detail.index];
      const sorted = [...mine].sort((a, b) => {
        const [x, y] = [order(a), order(b)];
        return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
      });
      expect(mine.map((r) => r.position)).toEqual(sorted.map((r) => r.position));
      const calls = new Map<string, number[]>();
      for (const r of mine) {
        const key = `${r.detail.round}/${r.detail.call}`;
        calls.set(key, [...(calls.get(key) ?? []), r.position]);
      }
      for (const positions of calls.values())
        expect(positions).toEqual(positions.map((_, i) => positions[0]! + i));
      // and the three really wrote at the same time: their events interleave
      const blocks = written.filter(
        (r, i) => r.detail.writer === writer && written[i - 1]?.detail.writer !== writer,
      ).length;
      expect(blocks).toBeGreaterThan(1);
    }
    // group commit: far fewer transactions (one checkpoint each) than calls
    expect(signed.checkpoints.length).toBeLessThan(CALLS / 2);
  });

  it('refuses UPDATE, DELETE and TRUNCATE while the append-only triggers are on', async () => {
    const copy = await copyTestDatabase(admin, (template as { url: string }).url);
    copies.push(copy);
    await withClient(copy.url, async (db) => {
      await expect(
        db.query(`UPDATE privgraph.audit_events SET actor = 'someone else' WHERE position = 5`),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.query('DELETE FROM privgraph.audit_events WHERE position = 5'),
      ).rejects.toThrow(/append-only/);
      await expect(
        db.query(`DELETE FROM privgraph.audit_events WHERE position > ${TOTAL - 3}`),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE privgraph.audit_events')).rejects.toThrow(/append-only/);
    });
    expect((await verify(copy.url)).ok).toBe(true);
  });
});

const attacks = auditAttacks({ at, total: TOTAL });

describe('verifyAuditLog on a tampered copy of the log', () => {
  it.each(attacks)('locates $name', async ({ statements, trigger, broken }) => {
    const url = await tampered(statements(), trigger);
    const verification = await verify(url);
    expect(verification.ok).toBe(false);
    const expected = broken();
    expect(verification.broken).toMatchObject(expected);
    // every event before the broken position was checked, none after it
    expect(verification.events).toBe(Math.max(0, expected.position - 1));
  });

  it('an emptied subject_keys column hides the event from its subject’s audit query (so verify checks the columns)', async () => {
    const subjectKeys = (JSON.parse(at(K).content) as AuditEventContent).subjectKeys;
    const url = await tampered([
      `UPDATE privgraph.audit_events SET subject_keys = '{}' WHERE position = ${K}`,
    ]);
    const store = await openStore(url, { poolSize: 1 });
    try {
      const found = await queryAuditEvents(store, { subjectKeys, limit: 10 });
      expect(found.map((e) => e.position)).not.toContain(K);
    } finally {
      await store.destroy();
    }
    expect((await verify(url)).broken).toMatchObject({ position: K, problem: 'edited' });
  });

  it('without the checkpoint file, a cut tail looks like a shorter log (why checkpoints exist)', async () => {
    const url = await tampered([
      `DELETE FROM privgraph.audit_events WHERE position > ${TOTAL - 3}`,
    ]);
    expect(await verify(url, null)).toMatchObject({ ok: true, events: TOTAL - 3 });
    expect(await verify(url)).toMatchObject({
      ok: false,
      broken: { position: TOTAL - 2, problem: 'truncated' },
    });
  });

  it('catches history rewritten by someone holding the chain key but not the checkpoint key', async () => {
    // from position 500 on, every event re-chained with the purpose changed: a valid chain
    const from = 500;
    const rewritten = chainEvents(
      AUDIT_TEST_KEYS.chainKey,
      { position: from - 1, hash: at(from - 1).hash },
      written
        .slice(from - 1)
        .map((r) => ({ ...(JSON.parse(r.content) as AuditEventContent), purpose: 'marketing' })),
    );
    const url = await tampered([
      `DELETE FROM privgraph.audit_events WHERE position >= ${from}`,
      ...rewritten.map((e) => insertAuditRow(e)),
    ]);
    expect(await verify(url, null)).toMatchObject({ ok: true, events: TOTAL });
    const firstSignedAfter = Math.min(
      ...(await checkpoints.read()).checkpoints.map((c) => c.position).filter((p) => p >= from),
    );
    expect(await verify(url)).toMatchObject({
      ok: false,
      broken: { position: firstSignedAfter, problem: 'edited' },
    });
  });

  it('rejects a checkpoint line forged into the file, and still verifies the log', async () => {
    const forged = path.join(workDir, 'forged-checkpoints.jsonl');
    const lines = readFileSync(CHECKPOINTS, 'utf8').trim().split('\n');
    const last = JSON.parse(lines.at(-1) as string) as { position: number };
    const fake = JSON.stringify({ ...last, position: last.position + 10 });
    writeFileSync(forged, `${[...lines, fake].join('\n')}\n`);
    const verification = await verify(
      (template as { url: string }).url,
      checkpointFile(forged, AUDIT_TEST_KEYS.checkpointKey),
    );
    expect(verification).toMatchObject({
      ok: true,
      checkpoints: { checked: lines.length, rejected: 1, latest: TOTAL },
    });
  });
});
