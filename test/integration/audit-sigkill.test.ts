/**
 * The audit event is durable before the answer leaves (issue #6 Acceptance: "killing the
 * gateway right after it answered a query never leaves that query without its audit event
 * … tested with SIGKILL on real PostgreSQL"; SPEC §7).
 *
 * The real gateway (`npm start`'s entry point) runs as a child process against a fresh
 * database of this file's own, the demo world seeded into it (PRIVGRAPH_SEED_DEMO=always),
 * with keys given in its environment and its checkpoint file in a temporary data directory.
 * Each round starts it, sends personal-data queries — one, or several at once — and kills it
 * with SIGKILL in the handler of the first response to arrive. Then every query that was
 * answered must have its `read` events in the store (found by the answer's
 * `extensions.privacy.requestId`), covered by a signed checkpoint, and the whole trail must
 * verify.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { mintToken } from '../../src/access/authentication';
import { checkpointFile, verifyAuditLog } from '../../src/audit';
import type { AuditEventContent } from '../../src/core/audit/audit-event';
import { readConfig } from '../../src/server/config';
import { loadDeploymentKeys } from '../../src/server/keys';
import { auditKeys } from '../../src/server/start-audit';
import { openStore } from '../../src/store';
import type { Store } from '../../src/store';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { DemoPerson } from '../../seeds/demo/demo-person';
import { killAuditChildren } from '../support/audit-child-process';
import type { GraphQLBody, PostedOperation } from '../support/audit-gateway-process';
import { postThenKillOnFirstAnswer, startGatewayProcess } from '../support/audit-gateway-process';
import { requireAdminUrl } from '../support/demo-requests-world';
import { assertTestDatabaseName, createFreshTestDatabase } from '../support/test-database';

jest.setTimeout(60_000);

const SUBJECTS = 30;
const dataDir = mkdtempSync(path.join(tmpdir(), 'privgraph-audit-sigkill-'));
const hashKey = randomBytes(32);
const { chainKey, checkpointKey } = auditKeys(hashKey);
const checkpoints = checkpointFile(path.join(dataDir, 'audit-checkpoints.jsonl'), checkpointKey);

/** People with an account (so every query reads personal data), by the seeder's default seed. */
const people: DemoPerson[] = generateDemoWorld({ subjects: SUBJECTS }).people.filter(
  (p) => p.flags.systems.includes('accounts') && !p.flags.minor,
);

let database: { url: string; drop(): Promise<void> } | undefined;
let env: Record<string, string>;
let store: Store | undefined;
let db: Client | undefined;
const tokens: Record<'dpo' | 'support-agent', string> = { dpo: '', 'support-agent': '' };

beforeAll(async () => {
  database = await createFreshTestDatabase(requireAdminUrl());
  assertTestDatabaseName(database.url);
  env = {
    DATABASE_URL: database.url,
    PRIVGRAPH_DEMO_DATABASE_URL: database.url,
    PRIVGRAPH_SEED_DEMO: 'always',
    PRIVGRAPH_DEMO_SUBJECTS: String(SUBJECTS),
    PRIVGRAPH_DATA_DIR: dataDir,
    PRIVGRAPH_JWT_SECRET: randomBytes(32).toString('base64url'),
    PRIVGRAPH_HASH_KEY: hashKey.toString('base64'),
    PRIVGRAPH_TOKENIZE_KEY: randomBytes(32).toString('base64'),
    // no rights-request worker: nothing but the queries writes while the test watches
    PRIVGRAPH_REQUEST_WORKER_POLL_MS: '0',
    PORT: '0',
    HOST: '127.0.0.1',
  };
  // as `privgraph token` mints them, with the keys this deployment is configured with
  const keys = await loadDeploymentKeys(readConfig(env), dataDir);
  for (const role of ['dpo', 'support-agent'] as const)
    tokens[role] = await mintToken(keys, {
      role,
      subject: `${role}@audit-sigkill-test`,
      ttlSeconds: 600,
      roleClaim: keys.jwtClaims.roleClaim,
    });
});

afterEach(killAuditChildren);
afterAll(async () => {
  await killAuditChildren();
  await db?.end();
  await store?.destroy();
  await database?.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opened once the first gateway has migrated the store. */
async function openAuditReaders(): Promise<{ store: Store; db: Client }> {
  if (!store || !db) {
    store = await openStore((database as { url: string }).url, { poolSize: 2 });
    db = new Client({ connectionString: (database as { url: string }).url });
    await db.connect();
  }
  return { store, db };
}

const asRole = {
  dpo: { role: 'dpo', purpose: 'dsar' },
  'support-agent': { role: 'support-agent', purpose: 'customer_service' },
} as const;

function lookup(person: DemoPerson, role: keyof typeof asRole): PostedOperation {
  return {
    token: tokens[role],
    query: `query Lookup @purpose(name: "${asRole[role].purpose}") {
      subject(by: { phone: "${person.typedPhone}" }) { accounts { users { full_name phone } } }
    }`,
  };
}

interface Round {
  readonly name: string;
  readonly asked: () => { person: DemoPerson; role: keyof typeof asRole }[];
}

const rounds: Round[] = [
  { name: 'one query', asked: () => [{ person: people[0]!, role: 'dpo' }] },
  {
    name: 'a query in another role and purpose',
    asked: () => [{ person: people[1]!, role: 'support-agent' }],
  },
  {
    name: 'four concurrent queries',
    asked: () => people.slice(2, 6).map((person) => ({ person, role: 'dpo' as const })),
  },
  {
    name: 'eight concurrent queries in two roles',
    asked: () =>
      people.slice(6, 14).map((person, i) => ({
        person,
        role: i % 2 === 0 ? ('dpo' as const) : ('support-agent' as const),
      })),
  },
];

describe('the gateway killed with SIGKILL the moment it answers', () => {
  it.each(rounds)('leaves every answered query its audit event: $name', async ({ asked }) => {
    const queries = asked();
    const gateway = await startGatewayProcess(env);
    const answers = await postThenKillOnFirstAnswer(
      gateway,
      queries.map((q) => lookup(q.person, q.role)),
    );

    const answered = answers.flatMap((answer, i) =>
      'status' in answer ? [{ ...queries[i]!, body: answer.body, status: answer.status }] : [],
    );
    // at least the answer that triggered the kill; the others only if they beat it
    expect(answered.length).toBeGreaterThanOrEqual(1);
    const { store, db } = await openAuditReaders();
    let highest = 0;
    for (const { person, role, body, status } of answered) {
      expect({ status, errors: body.errors ?? [] }).toEqual({ status: 200, errors: [] });
      expect(body.data).toMatchObject({ subject: { accounts: { users: [expect.anything()] } } });
      const requestId = requestIdOf(body);
      const { rows } = await db.query<{ position: string; content: string }>(
        'SELECT position, content FROM privgraph.audit_events WHERE request_id = $1 ORDER BY position',
        [requestId],
      );
      expect(rows.length).toBeGreaterThanOrEqual(1);
      for (const row of rows) {
        const event = JSON.parse(row.content) as AuditEventContent;
        expect(event).toMatchObject({
          kind: 'read',
          actor: `${role}@audit-sigkill-test`,
          ...asRole[role],
          requestId,
          detail: { operation: 'Lookup' },
        });
        expect(event.subjectKeys.length).toBeGreaterThan(0);
        expect(event.coordinates.length).toBeGreaterThan(0);
        // keyed hashes, never the identity itself
        expect(row.content).not.toContain(person.typedPhone.replace(/\s/g, ''));
        expect(row.content).not.toContain(person.identities.phone?.[0] ?? '\u0000');
        highest = Math.max(highest, Number(row.position));
      }
    }
    // the answered events are signed into the checkpoint file too, and the trail is whole
    const verification = await verifyAuditLog(store, chainKey, checkpoints);
    expect(verification).toMatchObject({ ok: true, checkpoints: { rejected: 0 } });
    expect(verification.checkpoints.latest ?? 0).toBeGreaterThanOrEqual(highest);
    expect(verification.broken).toBeUndefined();
  });
});

function requestIdOf(body: GraphQLBody): string {
  const id = body.extensions?.privacy?.requestId;
  if (typeof id !== 'string')
    throw new Error(`no extensions.privacy.requestId in ${JSON.stringify(body)}`);
  return id;
}
