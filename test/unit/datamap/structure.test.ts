/** Shape errors, translated from zod into the map's own words. */
import { baseMap, edit, expectErrors } from './harness';

const users = ['systems', 'accounts', 'collections', 'users'];
const email = [...users, 'fields', 'email'];

describe('structure', () => {
  it('names an unknown property and the one probably meant', () => {
    expectErrors(edit([...email, 'categroy'], 'user.name'), [
      {
        path: 'systems.accounts.collections.users.fields.email.categroy',
        message: "unknown property 'categroy'",
        hint: 'did you mean category?',
      },
    ]);
  });

  it('lists the accepted properties when nothing is close', () => {
    expectErrors(edit(['systems', 'accounts', 'zzz'], 1), [
      {
        path: 'systems.accounts.zzz',
        message: "unknown property 'zzz'",
        hint: 'expected one of: name, owner, region, controller, description, graphqlName, source, collections',
      },
    ]);
  });

  it('explains an unquoted comma in a flow mapping', () => {
    const yaml = 'version: 1\norganization: { name: Whale Cloud Co., Ltd. }\n';
    expectErrors(yaml, [
      {
        path: 'organization.Ltd.',
        message: "unknown property 'Ltd.'",
        hint: 'a comma in an unquoted value inside { … } splits it; quote the value',
      },
    ]);
  });

  it('reports a missing required property', () => {
    expectErrors(edit(['systems', 'accounts', 'name'], undefined), [
      {
        path: 'systems.accounts.name',
        message: "missing required property 'name'",
        hint: 'add name: (text)',
      },
    ]);
  });

  it('reports a wrong version', () => {
    expectErrors(edit(['version'], 2), [
      { path: 'version', message: 'version must be 1 (got the number 2)' },
    ]);
  });

  it.each([
    [
      ['identities', 'email', 'format'],
      'emial',
      'format must be one of: exact, email, lowercase, phone_cn, digits',
      'did you mean email?',
    ],
    [
      [...users, 'erasure'],
      'wipe',
      'erasure must be one of: delete, rewrite',
      'use delete, rewrite',
    ],
    [
      [...email, 'follow'],
      'upp',
      'follow must be one of: down, up, both, none',
      'did you mean up?',
    ],
    [
      [...email, 'erasure'],
      'masked',
      'erasure must be one of: null, mask, hash, random',
      'did you mean mask?',
    ],
  ])('checks enumerations (%j = %s)', (path, value, message, hint) => {
    expectErrors(edit(path, value), [{ message: `${message} (got '${value}')`, hint }]);
  });

  it('checks the source kind and each kind’s own properties', () => {
    expectErrors(edit(['systems', 'accounts', 'source'], { kind: 'pg', url: 'x' }), [
      {
        path: 'systems.accounts.source.kind',
        message: "kind must be one of: postgres, mysql, http (got 'pg')",
      },
    ]);
    expectErrors(
      edit(['systems', 'accounts', 'source'], { kind: 'mysql', url: 'x', schema: 'y' }),
      [{ path: 'systems.accounts.source.schema', message: "unknown property 'schema'" }],
    );
    expectErrors(
      edit(['systems', 'accounts', 'source'], { kind: 'http', baseUrl: 'x', timeoutMs: -1 }),
      [
        {
          path: 'systems.accounts.source.timeoutMs',
          message: 'timeoutMs must be positive (got the number -1)',
        },
      ],
    );
  });

  it('checks types, including either-or properties', () => {
    expectErrors(edit([...users, 'primaryKey'], 5), [
      {
        path: 'systems.accounts.collections.users.primaryKey',
        message: 'primaryKey must be a list (got the number 5)',
      },
    ]);
    expectErrors(edit([...users, 'fields', 'user_ref'], { references: 5 }), [
      { message: 'references must be text or a mapping (got the number 5)' },
    ]);
    expectErrors(
      edit([...users, 'fields', 'user_ref'], {
        references: { system: 'accounts', collection: 'users' },
      }),
      [
        {
          path: 'systems.accounts.collections.users.fields.user_ref.references.field',
          message: "missing required property 'field'",
        },
      ],
    );
    expectErrors(edit([...users, 'retention'], { days: 1.5 }), [
      {
        path: 'systems.accounts.collections.users.retention.days',
        message: 'days must be a whole number (got the number 1.5)',
      },
    ]);
  });

  it('reports every structural problem at once, in file order', () => {
    const map = edit(
      ['systems', 'accounts', 'nmae'],
      'x',
      edit([...email, 'categroy'], 'y', baseMap()),
    );
    expectErrors(map, [
      { message: "unknown property 'nmae'", hint: 'did you mean name?' },
      { message: "unknown property 'categroy'" },
    ]);
  });
});
