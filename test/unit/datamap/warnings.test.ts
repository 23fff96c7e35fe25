import {
  nameTokens,
  suggestedCategoryForName,
} from '../../../src/core/datamap/personal-data-hints';
import { edit, warningsOf } from './harness';

const orders = ['systems', 'accounts', 'collections', 'orders', 'fields'];

describe('fields that look like personal data but have no category', () => {
  it.each([
    ['mobile', 'user.contact.phone_number'],
    ['contact_phone', 'user.contact.phone_number'],
    ['clientIp', 'user.device.ip_address'],
    ['id_card_no', 'user.government_id.national_identification_number'],
    ['date_of_birth', 'user.demographic.date_of_birth'],
    ['real_name', 'user.name'],
    ['home_address', 'user.contact.address'],
  ])('flags %s, suggesting %s', (key, category) => {
    const warnings = warningsOf(edit([...orders, key], {}));
    expect(warnings).toEqual([
      {
        file: 'map.yaml',
        path: `systems.accounts.collections.orders.fields.${key}`,
        line: expect.any(Number),
        column: 11,
        message: expect.stringMatching(
          new RegExp(`^field '${key}' has no category but its name suggests personal data`),
        ),
        hint: `add category: ${category} (or the right one), or ignore if it is not personal data`,
        severity: 'warning',
      },
    ]);
  });

  it.each(['zip_code_count', 'description', 'identifier', 'status', 'ship_id', 'nameless'])(
    'does not flag %s',
    (key) => expect(warningsOf(edit([...orders, key], {}))).toEqual([]),
  );

  it('looks at the column name too, and not at categorised fields', () => {
    expect(warningsOf(edit([...orders, 'contact'], { column: 'mobile_no' }))).toHaveLength(1);
    expect(
      warningsOf(edit([...orders, 'mobile'], { category: 'user.contact.phone_number' })),
    ).toEqual([]);
  });

  it('splits names on case and punctuation', () => {
    expect(nameTokens('clientIPAddress')).toEqual(['client', 'ipaddress']);
    expect(nameTokens('client_ip-addr')).toEqual(['client', 'ip', 'addr']);
    expect(suggestedCategoryForName('userName')?.category).toBe('user.name');
  });
});

describe('other warnings', () => {
  it('warns that follow without references does nothing', () => {
    const warnings = warningsOf(edit([...orders, 'total', 'follow'], 'up'));
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'systems.accounts.collections.orders.fields.total.follow',
        message: 'follow has no effect without references',
      }),
    ]);
  });
});
