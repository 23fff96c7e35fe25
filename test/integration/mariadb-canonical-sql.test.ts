/**
 * The canonical SQL of the two dialects computes the same thing (SPEC §5, issue #4): every
 * input is put through PostgreSQL's expression (the reference) and MariaDB's, one statement
 * each, and the answers must be equal — including the inputs where regular expressions,
 * Unicode digits, newlines and case mapping differ between engines.
 */
import fc from 'fast-check';
import { Client } from 'pg';
import type { IdentityFormat } from '../../src/core/datamap/model';
import { canonicalExpressionMysql } from '../../src/sources/mysql/canonical-sql';
import { canonicalExpressionPg } from '../../src/sources/postgres/canonical-sql';
import { requireTestDatabaseUrl } from '../support/test-database';
import { requireMysqlTestUrl, withMysqlAdmin } from '../support/mysql-test-database';

const TRICKY = [
  '+86 138-0013-8000',
  '0086 13800138000',
  '86 13800138000',
  '(86) 138 0013 8000',
  '13800138000',
  '138 0013 8000\n',
  '１３８００１３８０００', // full-width digits are not [0-9]
  '١٣٨٠٠١٣٨٠٠٠', // nor are Arabic-Indic ones
  '+1 415 555 0100',
  '008613800138000',
  '86138001380001',
  '12345',
  '',
  '   ',
  'Li.Wei@Example.COM',
  'ÄÖÜ@Straße.de',
  'wang.fang+x@example.com ',
  '数智空间@例子.中国',
];

const phoneish = fc.string({
  unit: fc.constantFrom(...'0123456789+-() ．１8６\n\tabcXYZ'.split('')),
  maxLength: 24,
});

async function postgresCanonical(format: IdentityFormat, inputs: readonly string[]) {
  const client = new Client({ connectionString: requireTestDatabaseUrl() });
  await client.connect();
  try {
    const { rows } = await client.query<{ c: string | null }>(
      `SELECT ${canonicalExpressionPg(format, 'v')} AS c FROM unnest($1::text[]) WITH ORDINALITY AS t(v, i) ORDER BY i`,
      [inputs],
    );
    return rows.map((row) => row.c);
  } finally {
    await client.end();
  }
}

async function mariadbCanonical(format: IdentityFormat, inputs: readonly string[]) {
  return withMysqlAdmin(requireMysqlTestUrl(), async (connection) => {
    const [rows] = await connection.execute(
      `SELECT ${canonicalExpressionMysql(format, 't.v')} AS c FROM JSON_TABLE(?, '$[*]' COLUMNS (i FOR ORDINALITY, v VARCHAR(600) CHARACTER SET utf8mb4 PATH '$')) AS t ORDER BY t.i`,
      [JSON.stringify(inputs)],
    );
    return (rows as { c: string | null }[]).map((row) => row.c);
  });
}

describe.each<IdentityFormat>(['email', 'phone_cn', 'digits'])('canonical %s', (format) => {
  it('is the same on MariaDB as on PostgreSQL for the tricky inputs', async () => {
    const reference = await postgresCanonical(format, TRICKY);
    expect(await mariadbCanonical(format, TRICKY)).toEqual(reference);
    expect(reference.filter((value) => value).length).toBeGreaterThanOrEqual(4);
  });

  it('is the same on MariaDB as on PostgreSQL for generated inputs', async () => {
    const inputs = fc.sample(phoneish, { numRuns: 300, seed: 4 });
    expect(await mariadbCanonical(format, inputs)).toEqual(await postgresCanonical(format, inputs));
  });
});
