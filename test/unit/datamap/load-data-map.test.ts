import { join } from 'node:path';
import { loadDataMapFile } from '../../../src/core/datamap/load-data-map';

const broken = (name: string): string =>
  join(__dirname, '..', '..', 'fixtures', 'datamaps', 'broken', name);

async function problems(file: string) {
  const result = await loadDataMapFile(file, {});
  if (result.ok) throw new Error('expected problems');
  return result.problems;
}

describe('loadDataMapFile', () => {
  it('loads and validates a file', async () => {
    const result = await loadDataMapFile(
      join(__dirname, 'fixtures', 'whale-small.yaml'),
      {},
      { requireEnv: false },
    );
    expect(result.ok).toBe(true);
  });

  it('reports a file it cannot read as a problem', async () => {
    expect(await problems(broken('no-such-file.yaml'))).toEqual([
      {
        file: broken('no-such-file.yaml'),
        path: '',
        message: 'cannot read the data map (ENOENT)',
        hint: 'check the path and permissions',
        severity: 'error',
      },
    ]);
  });

  it('reports a syntax error at its line', async () => {
    const [first] = await problems(broken('syntax-error.yaml'));
    expect(first).toMatchObject({ file: broken('syntax-error.yaml'), severity: 'error' });
    expect(first?.line).toBeGreaterThanOrEqual(9);
  });

  it('reports a duplicate key', async () => {
    expect(await problems(broken('duplicate-key.yaml'))).toEqual([
      expect.objectContaining({
        path: 'systems.accounts.collections.users.fields.email',
        line: 16,
        column: 11,
        message: "duplicate key 'email'",
      }),
    ]);
  });

  it('reports an unset variable only when the environment is required', async () => {
    expect(await problems(broken('unset-env.yaml'))).toEqual([
      expect.objectContaining({
        path: 'systems.accounts.source.url',
        line: 9,
        message: 'environment variable PRIVGRAPH_TEST_UNSET_URL is not set',
      }),
    ]);
    expect((await loadDataMapFile(broken('unset-env.yaml'), {}, { requireEnv: false })).ok).toBe(
      true,
    );
  });

  it('reports every problem of a file with many', async () => {
    const found = await problems(broken('many-problems.yaml'));
    expect(found.map((p) => `${p.line} ${p.message}`)).toEqual([
      "6 identity 'phone' is declared but no field carries it",
      "7 identity 'passport' is declared but no field carries it",
      '15 collection accounts.users has no primary key',
      "16 purpose 'account_managment' is not declared under purposes",
      "17 legal basis 'contrct' is not built in or declared under legalBases",
      "20 unknown category 'user.contact.emial'",
      "21 field 'mobile' has no category but its name suggests personal data ('mobile')",
      "21 identity 'phnoe' is not declared under identities",
      '22 no identity or reference path reaches collection accounts.sessions',
      "26 reference 'acounts.users.id' names unknown system 'acounts'",
      '27 no identity or reference path reaches collection accounts.devices',
      "31 reference 'accounts.user.id' names unknown collection 'user' of system 'accounts'",
      "32 reference 'accounts.users.uid' names unknown field 'uid' of accounts.users",
    ]);
  });
});
