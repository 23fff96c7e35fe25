/**
 * The demo's `support` system is an internal HTTP service (issue #4 items 2 and 5): a
 * subject is joined across PostgreSQL schemas and that service, as the generator's ground
 * truth says; the service's pages are followed; calls per source do not grow with the
 * number of subjects; and a service that is stopped, refused or silent costs only its own
 * system's data — one SOURCE_UNAVAILABLE error naming `support`, within the timeout.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { RunningConsultationService } from '../../seeds/demo/consultation-service/consultation-service';
import { startConsultationService } from '../../seeds/demo/consultation-service/consultation-service';
import type { TestGateway } from '../support/gateway-harness';
import {
  ADULTS_ONLY,
  DEMO_MAP,
  comparable,
  everythingSelection,
  execute,
  rowKeysOf,
  startTestGateway,
} from '../support/gateway-harness';
import { requireTestDatabaseUrl } from '../support/test-database';

jest.setTimeout(60_000);

const world = generateDemoWorld({
  subjects: Number(process.env.PRIVGRAPH_TEST_SUBJECTS ?? 300),
  seed: 7,
});
const consultationsOf = (index: number) =>
  world.groundTruth(index).get('support.consultations')?.size ?? 0;
const people = world.people.filter((p) => !p.flags.workspaceOnly && consultationsOf(p.index) >= 2);
const person = people[0]!;
/** The map's `timeoutMs` for the service. */
const TIMEOUT_MS = 3000;
const LOOKUP = 'lookup GET /consultations?{field}={values}';

const stoppers: (() => Promise<void>)[] = [];
afterAll(async () => {
  const failures: unknown[] = [];
  for (const stop of stoppers.reverse())
    failures.push(await stop().catch((error: unknown) => error));
  expect(failures.filter(Boolean)).toEqual([]);
});

async function gatewayOn(url: string): Promise<TestGateway> {
  const gateway = await startTestGateway(DEMO_MAP, {
    now: ADULTS_ONLY,
    env: { ...process.env, SUPPORT_SERVICE_URL: url, SUPPORT_SERVICE_TOKEN: '' },
  });
  stoppers.push(() => gateway.close());
  return gateway;
}

async function ownService(pageSize?: number): Promise<RunningConsultationService> {
  const service = await startConsultationService({
    databaseUrl: requireTestDatabaseUrl(),
    ...(pageSize ? { pageSize } : {}),
  });
  stoppers.push(() => service.stop());
  return service;
}

const SUBJECT = (selection: string) =>
  `query Q($by: IdentityInput!) { subject(by: $by) { ${selection} } }`;
const SOME = 'accounts { users { full_name } } support { consultations { channel created_at } }';

describe('a subject joined across PostgreSQL and the consultation service', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway(DEMO_MAP, { now: ADULTS_ONLY });
    stoppers.push(() => gateway.close());
  });

  it('finds exactly the ground-truth rows in every system, the service’s included', async () => {
    gateway.statements.length = 0;
    const result = await execute(gateway, SUBJECT(everythingSelection(gateway.app.subject.model)), {
      by: { phone: person.identities.phone[0]! },
    });
    expect(result.errors).toBeUndefined();
    const found = comparable(
      rowKeysOf(gateway.app.subject.model, result.data?.subject as Record<string, unknown>),
    );
    expect(found).toEqual(comparable(world.groundTruth(person.index)));
    expect(found['support.consultations']).toHaveLength(consultationsOf(person.index));
    expect(found['accounts.users']?.length).toBeGreaterThan(0);
    // calls are named by their template: no value (a user id) is in what is observed
    const calls = gateway.statements.filter((s) => s.system === 'support');
    expect(calls.map((s) => s.text)).toEqual([LOOKUP]);
  });

  it('serves the README’s selection, instants read as instants', async () => {
    const result = await execute(gateway, SUBJECT(SOME), {
      by: { phone: person.identities.phone[0]! },
    });
    expect(result.errors).toBeUndefined();
    const subject = result.data?.subject as {
      support: { consultations: { created_at: Date }[] };
    };
    expect(subject.support.consultations.length).toBeGreaterThan(0);
    // as the PostgreSQL connector gives a timestamptz: a Date (ISO text once serialised)
    for (const row of subject.support.consultations) expect(row.created_at).toBeInstanceOf(Date);
  });

  it('calls the service as often for 50 subjects as for 5', async () => {
    const query = `query Q($by: [IdentityInput!]!) { subjects(by: $by) { ${SOME} } }`;
    const callsFor = async (group: typeof people) => {
      gateway.statements.length = 0;
      const result = await execute(gateway, query, {
        by: group.map((p) => ({ phone: p.identities.phone[0]! })),
      });
      expect(result.errors).toBeUndefined();
      return gateway.statements.filter((s) => s.system === 'support').length;
    };
    expect(people.length).toBeGreaterThanOrEqual(55);
    const five = await callsFor(people.slice(0, 5));
    expect(five).toBeGreaterThan(0);
    expect(await callsFor(people.slice(5, 55))).toBe(five);
  });

  it('follows the service’s pages to the same rows', async () => {
    const paging = await ownService(1);
    const paged = await gatewayOn(paging.url);
    paged.statements.length = 0;
    const result = await execute(paged, SUBJECT('support { consultations { id } }'), {
      by: { phone: person.identities.phone[0]! },
    });
    expect(result.errors).toBeUndefined();
    const ids = (result.data?.subject as { support: { consultations: { id: string }[] } }).support
      .consultations;
    expect(ids).toHaveLength(consultationsOf(person.index));
    // one page per row, plus the last (empty) one
    expect(paged.statements.filter((s) => s.system === 'support').length).toBeGreaterThan(
      consultationsOf(person.index) - 1,
    );
  });
});

describe('a consultation service that is down', () => {
  async function expectSupportUnavailable(gateway: TestGateway): Promise<void> {
    const started = Date.now();
    const result = await execute(gateway, SUBJECT(SOME), {
      by: { phone: person.identities.phone[0]! },
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    const subject = result.data?.subject as Record<string, unknown>;
    expect((subject.accounts as { users: unknown[] }).users.length).toBeGreaterThan(0);
    expect(subject.support).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toEqual({
      code: 'SOURCE_UNAVAILABLE',
      system: 'support',
    });
    expect(result.errors?.[0]?.message).toMatch(/support/);
    expect(result.errors?.[0]?.message).not.toMatch(/consultations\?|127\.0\.0\.1|ECONN/);
  }

  it('stopped after the gateway started: the other systems answer, support is named', async () => {
    const service = await ownService();
    const gateway = await gatewayOn(service.url);
    await service.stop();
    await expectSupportUnavailable(gateway);
  });

  it('a port nothing may serve (127.0.0.1:9): the gateway still starts and answers', async () => {
    await expectSupportUnavailable(await gatewayOn('http://127.0.0.1:9'));
  });

  it('a service that accepts connections and never answers: an error within the timeout', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    stoppers.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    });
    const { port } = silent.address() as AddressInfo;
    await expectSupportUnavailable(await gatewayOn(`http://127.0.0.1:${port}`));
  });
});

describe('the start-up check of the service’s endpoints', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'privgraph-http-map-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const demoMap = readFileSync(DEMO_MAP, 'utf8');

  it.each([
    [
      "path: '/consultations?{field}={values}'",
      "path: '/consultation?{field}={values}'",
      'support.consultations: endpoint "GET /consultation?{field}={values}" is not served, or answers no list of rows at "items"',
    ],
    [
      'rows: items,',
      'rows: data.items,',
      'support.consultations: endpoint "GET /consultations?{field}={values}" is not served, or answers no list of rows at "data.items"',
    ],
  ])('a map declaring %j as %j does not start', async (from, to, message) => {
    expect(demoMap).toContain(from);
    const file = path.join(dir, `datamap-${to.length}.yaml`);
    writeFileSync(file, demoMap.replace(from, to));
    await expect(startTestGateway(file)).rejects.toThrow(message);
  });
});
