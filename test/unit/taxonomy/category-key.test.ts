import {
  categoryAncestors,
  categorySpecificity,
  isCategoryWithin,
  isWellFormedCategoryKey,
  parentCategory,
} from '../../../src/core/taxonomy/category-key';

describe('isCategoryWithin', () => {
  it.each([
    ['user.contact.email', 'user.contact', true],
    ['user.contact.email', 'user', true],
    ['user.contact', 'user.contact', true],
    ['user.contactless', 'user.contact', false],
    ['user.contact', 'user.contact.email', false],
    ['system.operations', 'user', false],
    ['users.name', 'user', false],
  ])('%s within %s → %s', (category, ancestor, expected) => {
    expect(isCategoryWithin(category, ancestor)).toBe(expected);
  });
});

describe('categorySpecificity', () => {
  it.each([
    ['user', 1],
    ['user.contact', 2],
    ['user.contact.address.city', 4],
    ['', 0],
  ])('%s → %d', (key, depth) => expect(categorySpecificity(key)).toBe(depth));
});

describe('parents and ancestors', () => {
  it('walks up on segment boundaries', () => {
    expect(parentCategory('user.contact.email')).toBe('user.contact');
    expect(parentCategory('user')).toBeUndefined();
    expect(categoryAncestors('user.contact.address.city')).toEqual([
      'user.contact.address',
      'user.contact',
      'user',
    ]);
    expect(categoryAncestors('system')).toEqual([]);
  });
});

describe('isWellFormedCategoryKey', () => {
  it.each(['user', 'user.contact.phone_number', 'user.x1'])('accepts %s', (key) =>
    expect(isWellFormedCategoryKey(key)).toBe(true),
  );
  it.each(['', 'user.', '.user', 'user..name', 'user.contact-email', 'user name'])(
    'rejects %j',
    (key) => expect(isWellFormedCategoryKey(key)).toBe(false),
  );
});
