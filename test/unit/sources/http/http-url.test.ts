import {
  MAX_URL_LENGTH,
  joinUrl,
  lookupUrls,
  templateParts,
  valueAtPath,
  withQueryParam,
} from '../../../../src/sources/http/http-url';

const parts = templateParts('/tickets?{field}={values}');

describe('lookup URLs', () => {
  it('encodes every value so +, commas and non-ASCII survive, joined by bare commas', () => {
    const [chunk, ...rest] = lookupUrls('http://svc', parts, 'contact_email', [
      'a+tag@example.com',
      'x,y@example.com',
      '张伟@例子.中国',
      'a&b=c#d',
    ]);
    expect(rest).toEqual([]);
    expect(chunk?.url).toBe(
      'http://svc/tickets?contact_email=a%2Btag%40example.com,x%2Cy%40example.com,' +
        '%E5%BC%A0%E4%BC%9F%40%E4%BE%8B%E5%AD%90.%E4%B8%AD%E5%9B%BD,a%26b%3Dc%23d',
    );
    const sent = new URL(chunk!.url).search.slice('?contact_email='.length);
    expect(sent.split(',').map(decodeURIComponent)).toEqual(chunk?.values);
  });

  it('splits many values into calls under the URL limit, every value exactly once', () => {
    const values = Array.from({ length: 600 }, (_, i) => `person-${i}@example.com`);
    const chunks = lookupUrls('http://svc', parts, 'email', values);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.url.length).toBeLessThanOrEqual(MAX_URL_LENGTH);
    expect(chunks.flatMap((c) => c.values)).toEqual(values);
  });

  it('sends a value longer than the limit on its own rather than dropping it', () => {
    const long = 'x'.repeat(MAX_URL_LENGTH);
    const chunks = lookupUrls('http://svc', parts, 'email', ['a', long, 'b']);
    expect(chunks.map((c) => c.values)).toEqual([['a'], [long], ['b']]);
  });

  it('keeps a base URL path prefix and adds a cursor to an existing query', () => {
    expect(joinUrl('https://host/api/', '/tickets')).toBe('https://host/api/tickets');
    expect(withQueryParam('http://svc/t?a=1', 'cursor', 'x+y')).toBe(
      'http://svc/t?a=1&cursor=x%2By',
    );
    expect(withQueryParam('http://svc/t', 'page token', '2')).toBe('http://svc/t?page%20token=2');
  });

  it('reads dotted response paths, own properties only', () => {
    const body = { data: { items: [1] }, next: null };
    expect(valueAtPath(body, 'data.items')).toEqual([1]);
    expect(valueAtPath(body, undefined)).toBe(body);
    expect(valueAtPath(body, 'data.missing.deeper')).toBeUndefined();
    expect(valueAtPath(body, 'constructor')).toBeUndefined();
  });
});
