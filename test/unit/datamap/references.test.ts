import { edit, expectErrors, expectValid } from './harness';

const userRef = ['systems', 'accounts', 'collections', 'orders', 'fields', 'user_id', 'references'];
const at = 'systems.accounts.collections.orders.fields.user_id.references';

describe('references', () => {
  it.each([
    [
      'acounts.users.id',
      "reference 'acounts.users.id' names unknown system 'acounts'",
      'did you mean accounts?',
    ],
    [
      'accounts.user.id',
      "reference 'accounts.user.id' names unknown collection 'user' of system 'accounts'",
      'did you mean users?',
    ],
    [
      'accounts.users.uid',
      "reference 'accounts.users.uid' names unknown field 'uid' of accounts.users",
      'did you mean id?',
    ],
  ])('says which part of %s is unknown', (reference, message, hint) => {
    // The orders collection loses its only path in, so reachability is reported too.
    expectErrors(edit(userRef, reference), [
      { path: at, message, hint },
      { message: 'no identity or reference path reaches collection accounts.orders' },
    ]);
  });

  it('accepts the object spelling and checks it the same way', () => {
    expectValid(edit(userRef, { system: 'accounts', collection: 'users', field: 'id' }));
    expectErrors(edit(userRef, { system: 'accounts', collection: 'users', field: 'nope' }), [
      {
        path: at,
        message: "reference 'accounts.users.nope' names unknown field 'nope' of accounts.users",
      },
      { message: 'no identity or reference path reaches collection accounts.orders' },
    ]);
  });

  it('rejects a reference that is not system.collection.field', () => {
    expectErrors(edit(userRef, 'users.id'), [
      {
        path: at,
        message: "reference 'users.id' is not system.collection.field",
        hint: 'write e.g. accounts.users.id, or { system, collection, field }',
      },
      { message: 'no identity or reference path reaches collection accounts.orders' },
    ]);
  });

  it('rejects a reference into a catalogue-only system', () => {
    expectErrors(edit(userRef, 'sdk.recipients.device'), [
      {
        path: at,
        message:
          "reference 'sdk.recipients.device' points into catalogue-only system 'sdk', which has no source to read",
      },
      { message: 'no identity or reference path reaches collection accounts.orders' },
    ]);
  });

  it('allows a field to reference its own collection', () => {
    const map = edit(['systems', 'accounts', 'collections', 'users', 'fields', 'referrer_id'], {
      references: 'accounts.users.id',
    });
    expectValid(map);
  });
});
