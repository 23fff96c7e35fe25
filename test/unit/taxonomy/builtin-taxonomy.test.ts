import {
  BUILTIN_CATEGORIES,
  ROOT_CATEGORIES,
  builtinTaxonomy,
} from '../../../src/core/taxonomy/builtin-taxonomy';
import { isWellFormedCategoryKey, parentCategory } from '../../../src/core/taxonomy/category-key';
import { FIDESLANG_CATEGORIES } from '../../../src/core/taxonomy/fideslang-categories';
import { PRIVGRAPH_CATEGORIES } from '../../../src/core/taxonomy/privgraph-categories';

const keys = BUILTIN_CATEGORIES.map((c) => c.key);

describe('built-in taxonomy', () => {
  it('has unique, well-formed keys with a name and a description', () => {
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of BUILTIN_CATEGORIES) {
      expect(isWellFormedCategoryKey(entry.key)).toBe(true);
      expect(entry.name.length).toBeGreaterThan(0);
      expect(entry.description.length).toBeGreaterThan(0);
    }
  });

  it('is one tree per root: every other key has its parent in the taxonomy', () => {
    for (const key of keys) {
      const parent = parentCategory(key);
      if (parent === undefined) expect(ROOT_CATEGORIES).toContain(key);
      else expect(keys).toContain(parent);
    }
  });

  it.each([
    'user',
    'system',
    'system.operations',
    'user.account',
    'user.authorization',
    'user.behavior.browsing_history',
    'user.behavior.purchase_history',
    'user.content',
    'user.contact.email',
    'user.contact.phone_number',
    'user.contact.address',
    'user.contact.address.city',
    'user.credentials.password',
    'user.credentials.biometric_credentials',
    'user.demographic.date_of_birth',
    'user.demographic.gender',
    'user.demographic.age_range',
    'user.device.device_id',
    'user.device.ip_address',
    'user.device.cookie_id',
    'user.financial.bank_account',
    'user.financial.credit_card',
    'user.government_id.national_identification_number',
    'user.government_id.passport_number',
    'user.location.imprecise',
    'user.location.precise',
    'user.name',
    'user.name.first',
    'user.name.last',
    'user.unique_id',
    'user.workplace',
  ])('includes %s', (key) => expect(builtinTaxonomy().get(key)?.builtIn).toBe(true));

  it('keeps privgraph additions apart from Fideslang and hangs them under Fideslang keys', () => {
    const fideslang = new Set(FIDESLANG_CATEGORIES.map((c) => c.key));
    for (const extra of PRIVGRAPH_CATEGORIES) {
      expect(fideslang.has(extra.key)).toBe(false);
      expect(fideslang.has(parentCategory(extra.key) ?? '')).toBe(true);
    }
    expect(builtinTaxonomy().has('user.credentials.verification_code')).toBe(true);
  });

  it('is built once and shared', () => {
    expect(builtinTaxonomy()).toBe(builtinTaxonomy());
    expect(builtinTaxonomy().size).toBe(keys.length);
  });
});
