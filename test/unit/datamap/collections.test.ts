import { edit, edits, expectErrors, expectValid, warningsOf } from './harness';

const users = ['systems', 'accounts', 'collections', 'users'];
const orders = ['systems', 'accounts', 'collections', 'orders'];

describe('collections', () => {
  it('requires a primary key in a system with a source', () => {
    expectErrors(edit([...users, 'primaryKey'], undefined), [
      {
        path: 'systems.accounts.collections.users.primaryKey',
        message: 'collection accounts.users has no primary key',
        hint: 'add primaryKey: [id] naming the field(s) that identify a row',
      },
    ]);
  });

  it('needs no primary key in a catalogue-only system', () => {
    expectValid(edit(['systems', 'sdk', 'collections', 'recipients', 'primaryKey'], undefined));
  });

  it('rejects a primary key naming a missing field, or one field twice', () => {
    expectErrors(edit([...users, 'primaryKey'], ['uid', 'email', 'email']), [
      {
        path: 'systems.accounts.collections.users.primaryKey.0',
        message: "primary key field 'uid' is not a field of accounts.users",
        hint: 'did you mean id?',
      },
      {
        path: 'systems.accounts.collections.users.primaryKey.2',
        message: "primary key lists 'email' twice",
      },
    ]);
  });

  it('rejects two collections on one table', () => {
    expectErrors(edit([...orders, 'table'], 'users'), [
      {
        path: 'systems.accounts.collections.orders',
        message: "collections 'users' and 'orders' both map to table 'users' in system 'accounts'",
      },
    ]);
  });

  it('rejects two fields on one column', () => {
    expectErrors(edit([...orders, 'fields', 'total', 'column'], 'user_id'), [
      {
        path: 'systems.accounts.collections.orders.fields.total',
        message: "fields 'user_id' and 'total' both map to column 'user_id' of accounts.orders",
      },
    ]);
  });

  it('rejects an undeclared purpose and an unknown legal basis', () => {
    expectErrors(
      edits([
        [
          [...users, 'purposes'],
          ['account_management', 'marketting'],
        ],
        [[...users, 'legalBasis'], 'contrct'],
        [['purposes', 'marketing'], { name: 'Marketing' }],
      ]),
      [
        {
          path: 'systems.accounts.collections.users.purposes.1',
          message: "purpose 'marketting' is not declared under purposes",
          hint: 'did you mean marketing?',
        },
        {
          path: 'systems.accounts.collections.users.legalBasis',
          message: "legal basis 'contrct' is not built in or declared under legalBases",
          hint: 'did you mean contract?',
        },
      ],
    );
  });

  it('accepts a legal basis the map declares', () => {
    expectValid(
      edits([
        [['legalBases', 'pipl_13_3'], { description: 'Statutory duty' }],
        [[...users, 'legalBasis'], 'pipl_13_3'],
      ]),
    );
  });

  it('warns when a readable collection with categorised data lists no purposes', () => {
    const warnings = warningsOf(edit([...users, 'purposes'], undefined));
    expect(warnings).toEqual([
      expect.objectContaining({
        path: 'systems.accounts.collections.users.purposes',
        message: 'collection accounts.users holds categorised data but lists no purposes',
        severity: 'warning',
      }),
    ]);
  });
});
