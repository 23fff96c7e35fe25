/** Writes, the start-up probe and health against a real local server. */
import { SourceUnavailableError } from '../../../../src/sources/connector';
import type { TestService } from './test-service';
import { startTestService } from './test-service';
import { connectorFor } from './service-map';

let service: TestService;
beforeEach(async () => (service = await startTestService()));
afterEach(() => service.close());

describe('writes', () => {
  it('update sends the changes by column to the row’s URL; 404 means already gone', async () => {
    const setup = connectorFor(service.url);
    service.answer((seen) =>
      seen.url.endsWith('/gone') ? { status: 404 } : { body: { ok: true } },
    );
    const changed = await setup.connector.transaction(async (tx) => [
      await tx.update(setup.tickets, { id: 'a/b c' }, { email: null, opened_at: new Date(0) }),
      await tx.update(setup.tickets, { id: 'gone' }, { body: 'x' }),
      await tx.update(setup.tickets, { id: '3' }, {}),
    ]);
    expect(changed).toEqual([1, 0, 0]);
    expect(service.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      [
        'PATCH',
        '/tickets/a%2Fb%20c',
        { contact_email: null, opened_at: '1970-01-01T00:00:00.000Z' },
      ],
      ['PATCH', '/tickets/gone', { body: 'x' }],
    ]);
  });

  it('delete calls once per row in order and counts what was there', async () => {
    const setup = connectorFor(service.url);
    service.answer((seen) => (seen.url === '/tickets/2' ? { status: 404 } : { status: 204 }));
    const deleted = await setup.connector.transaction((tx) =>
      tx.delete(setup.tickets, [{ id: '1' }, { id: '2' }, { id: '3' }]),
    );
    expect(deleted).toBe(2);
    expect(service.seen.map((s) => s.url)).toEqual(['/tickets/1', '/tickets/2', '/tickets/3']);
  });

  it('a batched delete sends all keys in one call and reads the count', async () => {
    const setup = connectorFor(service.url, {
      delete: { method: 'POST', path: '/tickets/erase', batch: true, count: 'deleted' },
    });
    service.answer(() => ({ body: { deleted: 1 } }));
    const deleted = await setup.connector.transaction((tx) =>
      tx.delete(setup.tickets, [{ id: '1' }, { id: '2' }]),
    );
    expect(deleted).toBe(1);
    expect(service.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/tickets/erase', { keys: [{ id: '1' }, { id: '2' }] }],
    ]);
  });

  it('a failed call stops the calls after it; the ones before it stay done', async () => {
    const setup = connectorFor(service.url, { retries: 0 });
    service.answer((seen) => (seen.url === '/tickets/2' ? { status: 500 } : { status: 204 }));
    await expect(
      setup.connector.transaction(async (tx) => {
        await tx.delete(setup.tickets, [{ id: '1' }]);
        await tx.delete(setup.tickets, [{ id: '2' }]);
        await tx.delete(setup.tickets, [{ id: '3' }]);
      }),
    ).rejects.toThrow('source "desk" is unavailable: DELETE /tickets/{id} answered 500');
    expect(service.seen.map((s) => s.url)).toEqual(['/tickets/1', '/tickets/2']);
  });
});

describe('describe (the start-up check)', () => {
  it('probes each lookup endpoint and returns the map’s declared columns', async () => {
    const setup = connectorFor(service.url);
    service.answer(() => ({ body: { items: [] } }));
    const [tickets] = await setup.connector.describe([setup.tickets]);
    expect(tickets?.exists).toBe(true);
    expect(tickets?.columns).toContainEqual({
      column: 'opened_at',
      nativeType: 'json',
      type: 'datetime',
      nullable: true,
    });
    // the probe looks up by an identity field, with a value meant to match no one
    expect(service.seen.map((s) => s.url)).toEqual(['/tickets?user_id=0']);
  });

  it.each([
    [{ status: 404 }, false],
    [{ status: 405 }, false],
    [{ body: { data: [] } }, false],
    [{ status: 400 }, true],
  ])('an endpoint answering %j exists: %s', async (answer, exists) => {
    const setup = connectorFor(service.url);
    service.answer(() => answer);
    expect((await setup.connector.describe([setup.tickets]))[0]?.exists).toBe(exists);
  });

  it('a service that is down or refuses the credentials is unreachable, not a wrong map', async () => {
    const setup = connectorFor(service.url, { retries: 0 });
    service.answer(() => ({ status: 401 }));
    await expect(setup.connector.describe([setup.tickets])).rejects.toBeInstanceOf(
      SourceUnavailableError,
    );
  });
});

describe('health', () => {
  it('asks the declared health path, which must answer 2xx', async () => {
    const setup = connectorFor(service.url, { health: '/health', retries: 0 });
    service.answer(() => ({ body: { ok: true } }));
    expect((await setup.connector.health()).ok).toBe(true);
    service.answer(() => ({ status: 500 }));
    const health = await setup.connector.health();
    expect(health).toMatchObject({
      ok: false,
      error: 'source "desk" is unavailable: GET /health answered 500',
    });
    expect(service.seen.map((s) => s.url)).toEqual(['/health', '/health']);
  });

  it('without one, any answer from the base URL shows the service is up', async () => {
    const setup = connectorFor(service.url);
    service.answer(() => ({ status: 404 }));
    expect((await setup.connector.health()).ok).toBe(true);
    expect(service.seen.map((s) => [s.method, s.url])).toEqual([['HEAD', '/']]);
    expect((await connectorFor('http://127.0.0.1:9', { retries: 0 }).connector.health()).ok).toBe(
      false,
    );
  });
});
