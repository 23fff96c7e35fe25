import { edit, edits, expectErrors, expectValid, warningsOf } from './harness';

const email = ['systems', 'accounts', 'collections', 'users', 'fields', 'email'];
const orderUser = ['systems', 'accounts', 'collections', 'orders', 'fields', 'user_id'];
const total = ['systems', 'accounts', 'collections', 'orders', 'fields', 'total'];

describe('field-level shared (an identity field whose rows may be someone else’s)', () => {
  it('is read onto the field; absent, the field is not shared', () => {
    const { map } = expectValid(edit([...email, 'shared'], true));
    const users = map.systems[0]?.collections.find((c) => c.key === 'users');
    expect(users?.fields.find((f) => f.key === 'email')?.shared).toBe(true);
    expect(users?.fields.find((f) => f.key === 'id')?.shared).toBeUndefined();
  });

  it('is refused on a field that declares no identity', () => {
    expectErrors(edit([...total, 'shared'], true), [
      {
        path: 'systems.accounts.collections.orders.fields.total.shared',
        message: 'shared applies only to a field that declares an identity',
        hint: 'add identity: KIND to the field, or remove shared',
      },
    ]);
  });

  it('is refused on a reference, which carries its target’s sharing', () => {
    expectErrors(edit([...orderUser, 'shared'], true), [
      {
        path: 'systems.accounts.collections.orders.fields.user_id.shared',
        message: 'shared applies only to a field that declares an identity',
        hint: 'remove shared: a reference carries the sharing of the identity field it points to',
      },
    ]);
  });

  it('warns that it changes nothing on a field of a shared kind', () => {
    const warnings = warningsOf(
      edits([
        [['identities', 'email'], { format: 'email', shared: true }],
        [[...email, 'shared'], false],
      ]),
    );
    expect(warnings).toContainEqual(
      expect.objectContaining({
        path: 'systems.accounts.collections.users.fields.email.shared',
        message: "identity 'email' is shared, so every field of it is; shared here changes nothing",
        severity: 'warning',
      }),
    );
  });

  it('must be a boolean, and a misspelling still gets a did-you-mean', () => {
    expectErrors(edit([...email, 'shared'], 'yes'), [
      { path: 'systems.accounts.collections.users.fields.email.shared' },
    ]);
    expectErrors(edit([...email, 'shard'], true), [
      {
        path: 'systems.accounts.collections.users.fields.email.shard',
        message: "unknown property 'shard'",
        hint: 'did you mean shared?',
      },
    ]);
  });
});
