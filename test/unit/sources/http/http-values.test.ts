import { fromJson, projectRow, toJson } from '../../../../src/sources/http/http-values';
import { serviceMap } from './service-map';

describe('JSON values by declared type', () => {
  it.each([
    // a JSON number past 2^53 is already rounded when it arrives: services send strings
    ['bigint', JSON.parse('9007199254740993') as number, '9007199254740992'],
    ['bigint', '9007199254740993', '9007199254740993'],
    ['decimal', 1.5, '1.5'],
    ['int', '42', 42],
    ['float', 'not a number', 'not a number'],
    ['boolean', 'true', true],
    ['date', '2001-02-03T00:00:00Z', '2001-02-03'],
    ['string', 12, '12'],
    ['json', { a: 1 }, { a: 1 }],
    ['string', null, null],
    ['int', undefined, null],
  ] as const)('%s %j → %j', (type, value, expected) => {
    expect(fromJson(type, value)).toEqual(expected);
  });

  it('reads instants as Date and bytes from base64, and writes them back', () => {
    const instant = fromJson('datetime', '2024-05-06T07:08:09.000Z');
    expect(instant).toEqual(new Date('2024-05-06T07:08:09.000Z'));
    expect(toJson(instant)).toBe('2024-05-06T07:08:09.000Z');
    const bytes = fromJson('bytes', Buffer.from('hi').toString('base64'));
    expect(bytes).toEqual(Buffer.from('hi'));
    expect(toJson(bytes)).toBe('aGk=');
    expect(toJson(12n)).toBe('12');
  });
});

describe('rows', () => {
  const { tickets } = serviceMap('http://svc');
  const raw = { id: 7, contact_email: 'A@x.com', born: '2015-03-01', secret: 's' };

  it('are keyed by field key from the service’s attribute (column) names, requested keys only', () => {
    expect(projectRow(raw, tickets, ['id', 'email'], undefined)).toEqual({
      id: '7',
      email: 'A@x.com',
    });
  });

  it('compute born_after flags from the date and leave the date out unless asked', () => {
    expect(projectRow(raw, tickets, ['id', 'born_after.born'], '2012-01-01')).toEqual({
      id: '7',
      'born_after.born': true,
    });
    expect(projectRow(raw, tickets, ['born_after.born'], '2016-01-01')).toEqual({
      'born_after.born': false,
    });
    expect(projectRow({ born: null }, tickets, ['born_after.born'], '2016-01-01')).toEqual({
      'born_after.born': null,
    });
  });
});
