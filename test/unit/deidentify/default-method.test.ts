import type { IdentityFormat } from '../../../src/core/datamap/model';
import {
  DEFAULT_METHODS,
  defaultMethodEntry,
  defaultMethodFor,
} from '../../../src/core/deidentify/default-method';
import { builtinTaxonomy } from '../../../src/core/taxonomy/builtin-taxonomy';

describe('default de-identification per field (SPEC §4.5)', () => {
  it.each<[string | undefined, IdentityFormat | undefined, string]>([
    ['user.contact.email', undefined, 'mask'],
    ['user.contact.phone_number', undefined, 'mask'],
    ['user.contact.address.street', undefined, 'mask'],
    ['user.name', undefined, 'mask'],
    ['user.government_id.national_identification_number', undefined, 'mask'],
    ['user.credentials.password', undefined, 'redact'],
    ['user.authorization.credentials', undefined, 'redact'],
    ['user.unique_id', 'exact', 'hash'],
    ['user.device.device_id', undefined, 'hash'],
    ['user.device.cookie_id', undefined, 'hash'],
    ['user.device.ip_address', undefined, 'hash'],
    ['user.demographic.date_of_birth', undefined, 'generalize'],
    ['user.demographic.gender', undefined, 'generalize'],
    ['user.location.precise', undefined, 'generalize'],
    ['user.behavior.browsing_history', undefined, 'redact'],
    ['user.content.private', undefined, 'redact'],
    ['user.device.model', undefined, 'redact'],
    ['user.workplace.task', undefined, 'redact'],
    [undefined, undefined, 'redact'],
    [undefined, 'email', 'mask'],
    [undefined, 'phone_cn', 'mask'],
    [undefined, 'exact', 'hash'],
    [undefined, 'digits', 'hash'],
    ['user.behavior', 'exact', 'redact'],
  ])('%s (identity format %s) → %s', (category, format, method) => {
    expect(defaultMethodFor(category, format)).toBe(method);
  });

  it('has a reason for every entry, and every entry is a real taxonomy key', () => {
    for (const entry of DEFAULT_METHODS) {
      expect(entry.reason.length).toBeGreaterThan(10);
      expect(builtinTaxonomy().has(entry.category)).toBe(true);
    }
  });

  it('explains a default by its most specific entry', () => {
    expect(defaultMethodEntry('user.device.ip_address')?.category).toBe('user.device.ip_address');
    expect(defaultMethodEntry('user.contact.address.city')?.category).toBe('user.contact');
    expect(defaultMethodEntry('system.operations')).toBeUndefined();
  });
});
