import { edit, edits, expectErrors, expectValid } from './harness';

const email = ['systems', 'accounts', 'collections', 'users', 'fields', 'email'];

describe('identities', () => {
  it('rejects an identity kind no declaration names', () => {
    expectErrors(edit([...email, 'identity'], 'emial'), [
      {
        path: 'systems.accounts.collections.users.fields.email.identity',
        message: "identity 'emial' is not declared under identities",
        hint: 'did you mean email?',
      },
      { path: 'identities.email', message: "identity 'email' is declared but no field carries it" },
    ]);
  });

  it('rejects a declared identity kind that no field carries', () => {
    expectErrors(edit(['identities', 'phone'], { format: 'phone_cn' }), [
      {
        path: 'identities.phone',
        message: "identity 'phone' is declared but no field carries it",
        hint: 'add identity: phone to the field that holds it, or remove the declaration',
      },
    ]);
  });

  it('counts a field of a catalogue-only system as carrying its identity', () => {
    expectValid(
      edits([
        [['identities', 'device_id'], { shared: true }],
        [
          ['systems', 'sdk', 'collections', 'recipients', 'fields', 'device', 'identity'],
          'device_id',
        ],
      ]),
    );
  });
});
