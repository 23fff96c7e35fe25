import { edit, expectErrors, expectValid } from './harness';

describe('names', () => {
  it.each([
    [['systems', 'acc.ounts'], 'systems.acc.ounts', "system name 'acc.ounts' must not contain '.'"],
    [
      ['systems', 'accounts', 'collections', 'us.ers'],
      'systems.accounts.collections.us.ers',
      "collection name 'us.ers' must not contain '.'",
    ],
    [
      ['systems', 'accounts', 'collections', 'orders', 'fields', 'a.b'],
      'systems.accounts.collections.orders.fields.a.b',
      "field name 'a.b' must not contain '.'",
    ],
  ])('rejects a dot in a key (%j)', (path, at, message) => {
    const value =
      path.length === 2
        ? { name: 'X', collections: {} }
        : path.length === 4
          ? { primaryKey: ['x'], fields: { x: { identity: 'user_id' } } }
          : {};
    expectErrors(edit(path, value), [{ path: at, message }]);
  });

  it.each([
    ['9Lives', "graphqlName '9Lives' is not a GraphQL name"],
    ['my-name', "graphqlName 'my-name' is not a GraphQL name"],
    ['__Secret', "graphqlName '__Secret' starts with '__'"],
  ])('rejects graphqlName %s', (name, message) => {
    expectErrors(edit(['systems', 'accounts', 'collections', 'users', 'graphqlName'], name), [
      { path: 'systems.accounts.collections.users.graphqlName', message },
    ]);
  });

  it('accepts graphqlName overrides on systems, collections and fields', () => {
    let map = edit(['systems', 'accounts', 'graphqlName'], 'Accounts');
    map = edit(['systems', 'accounts', 'collections', 'users', 'graphqlName'], 'AccountUser', map);
    map = edit(
      ['systems', 'accounts', 'collections', 'users', 'fields', 'email', 'graphqlName'],
      '_email',
      map,
    );
    const { map: parsed } = expectValid(map);
    expect(parsed.systems[0]?.graphqlName).toBe('Accounts');
    expect(parsed.systems[0]?.collections[0]?.graphqlName).toBe('AccountUser');
    expect(parsed.systems[0]?.collections[0]?.fields[1]?.graphqlName).toBe('_email');
  });
});

describe('reserved names', () => {
  it('refuses __proto__, which JavaScript objects would swallow silently', () => {
    const yaml = [
      'version: 1',
      'organization: { name: Acme }',
      'systems:',
      '  __proto__: { name: Ghost }',
    ].join('\n');
    expectErrors(yaml, [
      {
        path: 'systems.__proto__',
        line: 4,
        column: 3,
        message: "'__proto__' cannot be used as a name",
      },
    ]);
  });
});
