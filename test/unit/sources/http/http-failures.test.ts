/** A failing service gives a clear source error — which system, which call, which status —
 * within the timeout, never a hang, and never the values looked up (personal data). */
import { SourceUnavailableError } from '../../../../src/sources/connector';
import type { LookupRequest } from '../../../../src/sources/connector';
import type { TestService } from './test-service';
import { closedPort, startTestService } from './test-service';
import { connectorFor } from './service-map';

let service: TestService;
beforeEach(async () => (service = await startTestService()));
afterEach(() => service.close());

const SECRET = 'li.wei+private@example.com';

function byEmail(setup: ReturnType<typeof connectorFor>): LookupRequest {
  return {
    collection: setup.tickets,
    field: setup.field('email'),
    match: 'email',
    values: [SECRET],
    fields: ['id'],
  };
}

async function failure(promise: Promise<unknown>): Promise<SourceUnavailableError> {
  const error = await promise.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SourceUnavailableError);
  const failed = error as SourceUnavailableError;
  expect(failed.system).toBe('desk');
  expect(failed.message).not.toContain('li.wei');
  expect(failed.message).not.toContain(encodeURIComponent(SECRET));
  return failed;
}

describe('a failing service', () => {
  it('is retried with backoff on 503 for an idempotent GET, then answers', async () => {
    const setup = connectorFor(service.url);
    service.answer(() =>
      service.seen.length < 3
        ? { status: 503 }
        : { body: { items: [{ id: 1, contact_email: SECRET }] } },
    );
    const rows = await setup.connector.lookup(byEmail(setup));
    expect(rows).toEqual([{ id: '1', email: SECRET }]);
    expect(service.seen).toHaveLength(3);
  });

  it('gives up after the declared retries, naming system, call and status', async () => {
    const setup = connectorFor(service.url, { retries: 1 });
    service.answer(() => ({ status: 503 }));
    const error = await failure(setup.connector.lookup(byEmail(setup)));
    expect(error.message).toBe(
      'source "desk" is unavailable: GET /tickets?{field}={values} answered 503',
    );
    expect(service.seen).toHaveLength(2);
  });

  it('does not retry a status that would come back the same', async () => {
    const setup = connectorFor(service.url);
    service.answer(() => ({ status: 500 }));
    await failure(setup.connector.lookup(byEmail(setup)));
    service.answer(() => ({ status: 401 }));
    await failure(setup.connector.lookup(byEmail(setup)));
    expect(service.seen).toHaveLength(2);
  });

  it('never retries a PATCH, which is not idempotent, but does retry a DELETE', async () => {
    const setup = connectorFor(service.url);
    service.answer(() => ({ status: 503 }));
    await failure(
      setup.connector.transaction((tx) => tx.update(setup.tickets, { id: '1' }, { body: null })),
    );
    expect(service.seen.map((s) => s.method)).toEqual(['PATCH']);
    service.seen.length = 0;
    await failure(setup.connector.transaction((tx) => tx.delete(setup.tickets, [{ id: '1' }])));
    expect(service.seen.map((s) => s.method)).toEqual(['DELETE', 'DELETE', 'DELETE']);
  });

  it('retries a PATCH the map declares idempotent', async () => {
    const setup = connectorFor(service.url, {
      update: { method: 'PATCH', path: '/tickets/{id}', idempotent: true },
    });
    service.answer(() => (service.seen.length < 2 ? { status: 502 } : { body: {} }));
    const changed = await setup.connector.transaction((tx) =>
      tx.update(setup.tickets, { id: '1' }, { body: null }),
    );
    expect(changed).toBe(1);
    expect(service.seen).toHaveLength(2);
  });

  it('a service that never answers fails within timeoutMs, retries included', async () => {
    const setup = connectorFor(service.url, { timeoutMs: 300, retries: 3 });
    service.answer(() => 'hang');
    const started = Date.now();
    const error = await failure(setup.connector.lookup(byEmail(setup)));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(error.message).toBe(
      'source "desk" is unavailable: GET /tickets?{field}={values} timed out after 300 ms',
    );
  });

  it('a closed port fails at once with the network error code, not the address', async () => {
    const closed = await closedPort();
    const setup = connectorFor(`http://127.0.0.1:${closed}`, { retries: 1 });
    const started = Date.now();
    const error = await failure(setup.connector.lookup(byEmail(setup)));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(error.message).toBe(
      'source "desk" is unavailable: GET /tickets?{field}={values} failed (ECONNREFUSED)',
    );
    expect(error.message).not.toContain(String(closed));
  });

  it('port 9 is refused by fetch itself, and said so', async () => {
    const setup = connectorFor('http://127.0.0.1:9', { retries: 0 });
    expect((await failure(setup.connector.lookup(byEmail(setup)))).message).toBe(
      'source "desk" is unavailable: GET /tickets?{field}={values} failed (bad port)',
    );
  });

  it('an answer that is not JSON, or has no rows where the map says, is a source error', async () => {
    const setup = connectorFor(service.url);
    service.answer(() => ({ raw: '<html>oops</html>' }));
    expect((await failure(setup.connector.lookup(byEmail(setup)))).message).toMatch(
      /answered a body that is not JSON$/,
    );
    service.answer(() => ({ body: { rows: [] } }));
    expect((await failure(setup.connector.lookup(byEmail(setup)))).message).toMatch(
      /answered without a list of rows at "items"$/,
    );
  });

  it('does not follow a redirect (it would carry the credentials elsewhere)', async () => {
    const setup = connectorFor(service.url, { token: 'Bearer secret' });
    service.answer(() => ({ status: 302 }));
    expect((await failure(setup.connector.lookup(byEmail(setup)))).message).toMatch(
      /answered 302$/,
    );
    expect(service.seen).toHaveLength(1);
  });
});
