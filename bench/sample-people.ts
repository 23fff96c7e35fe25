/**
 * The people the requests rotate through: account holders present in every system the query
 * reads (so each lookup does the full work), spread over the whole world by a hash of their
 * id rather than the first N seeded, identified by their phone exactly as the account
 * service stores it (`86-138-0716-9576`, `147-1373-5850`…): the canonical comparison is part
 * of the work. Both targets get the same list, in the same order.
 */
import { Client } from 'pg';
import { canonicalExpressionPg } from '../src/sources/postgres/canonical-sql';

const PEOPLE_IN_EVERY_SYSTEM = `
SELECT u.phone
FROM accounts.users u
WHERE ${canonicalExpressionPg('phone_cn', 'u.phone')} IS NOT NULL
  AND EXISTS (SELECT 1 FROM workspace.employees e WHERE e.user_id = u.id)
  AND EXISTS (SELECT 1 FROM support.consultations c WHERE c.user_id = u.id)
  AND EXISTS (SELECT 1 FROM analytics.events v WHERE v.user_id = u.id)
  AND EXISTS (SELECT 1 FROM security.user_devices d WHERE d.user_id = u.id)
  AND EXISTS (SELECT 1 FROM tracking.identifiers t WHERE t.user_id = u.id)
  AND EXISTS (SELECT 1 FROM compliance.consent_records r WHERE r.user_id = u.id)
ORDER BY md5(u.id::text)
LIMIT $1`;

export async function samplePhones(databaseUrl: string, count: number): Promise<string[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ phone: string }>(PEOPLE_IN_EVERY_SYSTEM, [count]);
    if (rows.length === 0) throw new Error('no person is present in every demo system: re-seed');
    return rows.map((row) => row.phone);
  } finally {
    await client.end();
  }
}
