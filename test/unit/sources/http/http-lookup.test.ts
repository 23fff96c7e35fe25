/** Batched lookup against a real local HTTP server: one call per batch, pages followed,
 * canonical values sent, and rows re-checked so a sloppy service cannot attach strangers. */
import type { LookupRequest } from '../../../../src/sources/connector';
import type { TestService } from './test-service';
import { startTestService } from './test-service';
import { connectorFor } from './service-map';

let service: TestService;
beforeEach(async () => (service = await startTestService()));
afterEach(() => service.close());

/** The values of one query parameter as sent: split at the bare commas, then decoded. */
const rawValues = (url: string, param: string): string[] =>
  (new RegExp(`[?&]${param}=([^&]*)`).exec(url)?.[1] ?? '').split(',').map(decodeURIComponent);

function request(
  setup: ReturnType<typeof connectorFor>,
  key: string,
  match: LookupRequest['match'],
  values: string[],
  fields = ['id', key],
): LookupRequest {
  return { collection: setup.tickets, field: setup.field(key), match, values, fields };
}

describe('HTTP lookup', () => {
  it('sends one call for many values, canonical and encoded, and keys rows by field', async () => {
    const setup = connectorFor(service.url, { token: 'Bearer t0k3n' });
    service.answer(() => ({
      body: {
        items: [
          { id: 1, contact_email: 'a+x@example.com', body: 'hi' },
          { id: 2, contact_email: '张伟@例子.中国', body: 'yo' },
        ],
      },
    }));
    const rows = await setup.connector.lookup(
      request(setup, 'email', 'email', ['a+x@example.com', '张伟@例子.中国'], ['id', 'body']),
    );
    expect(rows).toEqual([
      { id: '1', body: 'hi', email: 'a+x@example.com' },
      { id: '2', body: 'yo', email: '张伟@例子.中国' },
    ]);
    expect(service.seen).toHaveLength(1);
    const seen = service.seen[0]!;
    expect(seen.url.startsWith('/tickets?contact_email=a%2Bx%40example.com,')).toBe(true);
    expect(rawValues(seen.url, 'contact_email')).toEqual(['a+x@example.com', '张伟@例子.中国']);
    expect(seen.headers.authorization).toBe('Bearer t0k3n');
    expect(seen.headers['x-empty']).toBeUndefined(); // an empty header is not sent
    expect(setup.calls).toEqual([{ text: 'lookup GET /tickets?{field}={values}', params: 2 }]);
  });

  it('drops rows whose value is not one asked for, in the canonical form', async () => {
    const setup = connectorFor(service.url);
    service.answer(() => ({
      body: {
        items: [
          { id: 1, phone: '+86 138-0013-8000' },
          { id: 2, phone: '13900139000' }, // someone else's row, sent by a sloppy service
          { id: 3, phone: null },
        ],
      },
    }));
    const rows = await setup.connector.lookup(
      request(setup, 'phone', 'phone_cn', ['+8613800138000']),
    );
    expect(rows).toEqual([{ id: '1', phone: '+86 138-0013-8000' }]);
  });

  it('sends no call for values that cannot be of the field’s type', async () => {
    const setup = connectorFor(service.url);
    const rows = await setup.connector.lookup(request(setup, 'user_id', 'exact', ["1' OR '1'='1"]));
    expect(rows).toEqual([]);
    expect(service.seen).toHaveLength(0);
  });

  it('splits a batch whose URL would be too long, each part one counted call', async () => {
    const setup = connectorFor(service.url);
    service.answer((seen) => ({
      body: {
        // ids unique across calls: rows with one primary key are one row
        items: rawValues(seen.url, 'contact_email').map((email) => ({
          id: email.replace(/\D/g, ''),
          contact_email: email,
        })),
      },
    }));
    const values = Array.from({ length: 300 }, (_, i) => `person.number.${i}@example.com`);
    const rows = await setup.connector.lookup(request(setup, 'email', 'email', values));
    expect(rows.map((row) => row.email).sort()).toEqual([...values].sort());
    expect(service.seen.length).toBeGreaterThan(1);
    expect(setup.calls).toHaveLength(service.seen.length);
    for (const seen of service.seen) expect(seen.url.length).toBeLessThan(2000);
  });

  it('follows nextPage with the cursor until it is absent', async () => {
    const setup = connectorFor(service.url);
    const pages: Record<string, { items: unknown[]; next?: string | null }> = {
      '': { items: [{ id: 1, user_id: 5 }], next: 'p2' },
      p2: { items: [{ id: 2, user_id: 5 }], next: 'p+3' },
      'p+3': { items: [{ id: 3, user_id: 5 }], next: null },
    };
    service.answer((seen) => {
      const cursor = new URL(seen.url, 'http://x').searchParams.get('cursor') ?? '';
      return { body: pages[cursor] };
    });
    const rows = await setup.connector.lookup(request(setup, 'user_id', 'exact', ['5']));
    expect(rows.map((row) => row.id)).toEqual(['1', '2', '3']);
    expect(service.seen.map((s) => s.url)).toEqual([
      '/tickets?user_id=5',
      '/tickets?user_id=5&cursor=p2',
      '/tickets?user_id=5&cursor=p%2B3',
    ]);
  });

  it('refuses a service that pages forever or repeats a cursor, instead of looping', async () => {
    const setup = connectorFor(service.url);
    let page = 0;
    service.answer(() => ({ body: { items: [], next: `p${++page}` } }));
    await expect(setup.connector.lookup(request(setup, 'user_id', 'exact', ['5']))).rejects.toThrow(
      /GET \/tickets\?\{field\}=\{values\} has more than 100 pages/,
    );
    service.answer(() => ({ body: { items: [], next: 'same' } }));
    await expect(setup.connector.lookup(request(setup, 'user_id', 'exact', ['5']))).rejects.toThrow(
      /sent the same page cursor twice/,
    );
  });

  it('POSTs field and values as JSON when the map says so, cursor in the body', async () => {
    const setup = connectorFor(service.url, {
      lookup: {
        method: 'POST',
        path: '/tickets/search',
        rows: 'data.rows',
        nextPage: 'data.next',
        cursorParam: 'after',
      },
    });
    service.answer((seen) =>
      (seen.body as { after?: string }).after
        ? { body: { data: { rows: [{ id: 2, contact_email: 'B@x.com' }] } } }
        : { body: { data: { rows: [{ id: 1, contact_email: 'b@x.com' }], next: 'c1' } } },
    );
    const rows = await setup.connector.lookup(request(setup, 'email', 'email', ['b@x.com']));
    expect(rows.map((row) => row.id)).toEqual(['1', '2']);
    expect(service.seen.map((s) => [s.method, s.url, s.body])).toEqual([
      ['POST', '/tickets/search', { field: 'contact_email', values: ['b@x.com'] }],
      ['POST', '/tickets/search', { field: 'contact_email', values: ['b@x.com'], after: 'c1' }],
    ]);
  });
});
