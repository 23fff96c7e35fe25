import { edit, expectErrors, expectValid } from './harness';

const emailCategory = [
  'systems',
  'accounts',
  'collections',
  'users',
  'fields',
  'email',
  'category',
];
const at = 'systems.accounts.collections.users.fields.email.category';

describe('categories', () => {
  it('suggests the taxonomy key meant by a typo', () => {
    expectErrors(edit(emailCategory, 'user.contact.emial'), [
      {
        path: at,
        message: "unknown category 'user.contact.emial'",
        hint: 'did you mean user.contact.email? or declare it under categories: below an existing parent',
      },
    ]);
  });

  it('completes a half-remembered key', () => {
    expectErrors(edit(emailCategory, 'user.contact.phone'), [
      {
        path: at,
        hint: 'did you mean user.contact.phone_number? or declare it under categories: below an existing parent',
      },
    ]);
  });

  it('points to declaring a category when nothing is close', () => {
    expectErrors(edit(emailCategory, 'user.hobbies'), [
      { path: at, hint: 'declare it under categories: below an existing parent' },
    ]);
  });

  it('accepts a category the map declares below a built-in one', () => {
    const map = edit(['categories', 'user.contact.email.work'], { name: 'Work email' });
    const { map: parsed } = expectValid(edit(emailCategory, 'user.contact.email.work', map));
    expect(parsed.categories.get('user.contact.email.work')).toMatchObject({
      builtIn: false,
      name: 'Work email',
    });
  });

  it('rejects a declared category under an unknown parent', () => {
    expectErrors(edit(['categories', 'user.hobby.chess'], { name: 'Chess' }), [
      {
        path: 'categories.user.hobby.chess',
        message: "category 'user.hobby.chess' extends 'user.hobby', which is not a known category",
      },
    ]);
  });

  it('rejects redeclaring a built-in legal basis', () => {
    expectErrors(edit(['legalBases', 'contract'], { description: 'mine' }), [
      { path: 'legalBases.contract', message: "legal basis 'contract' is built in" },
    ]);
  });
});
