/**
 * What an access package withholds of a related row (SPEC §6 "data of other people in shared
 * rows is redacted"): a row shown only because the person's row points at it is kept whole
 * when it is nobody's (a club), and stripped of every personal field when it is another
 * person's (the member who referred them) — found by the Acme ground-truth test, where a
 * referrer's name, birth date and address were exported to the member they referred.
 */
import type { AccessPackage } from '../../../src/core/requests/access-package';
import { buildAccessPackage } from '../../../src/core/requests/access-package';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { findPerson, worldMap } from './world';

const map = worldMap(`
version: 1
organization: { name: Club Co }
identities:
  member_no: {}
  email: { format: email }
purposes:
  ops: { name: Operations }
systems:
  reg:
    name: Registry
    source: { kind: postgres, url: "postgres://unused/db", schema: reg }
    collections:
      clubs:
        primaryKey: [id]
        purposes: [ops]
        fields: { id: {}, name: { category: user.workplace } }
      members:
        primaryKey: [member_no]
        purposes: [ops]
        fields:
          member_no: { identity: member_no, category: user.unique_id }
          uid: {}
          name: { category: user.name }
          email: { identity: email, category: user.contact.email }
          born: { category: user.demographic.date_of_birth }
          club_id: { references: reg.clubs.id, follow: up }
          referred_by: { references: reg.members.uid, follow: up }
          mentor_uid: { references: reg.members.uid }
          joined_on: {}
`);

const tables = {
  'reg.clubs': [{ id: 7, name: 'Chess club' }],
  'reg.members': [
    {
      member_no: '1',
      uid: 'u-ann',
      name: 'Ann Lee',
      email: 'ann@example.com',
      born: '1990-01-01',
      club_id: 7,
      referred_by: 'u-bob',
      mentor_uid: 'u-cy',
      joined_on: '2021-03-01',
    },
    {
      member_no: '2',
      uid: 'u-bob',
      name: 'Bob Wu',
      email: 'bob@example.com',
      born: '1970-05-05',
      club_id: 7,
      referred_by: null,
      mentor_uid: null,
      joined_on: '2019-02-01',
    },
    {
      member_no: '3',
      uid: 'u-cy',
      name: 'Cy Ma',
      email: 'cy@example.com',
      born: '1960-01-01',
      club_id: 7,
      referred_by: null,
      mentor_uid: null,
      joined_on: '2010-01-01',
    },
  ],
};

async function annPackage(): Promise<AccessPackage> {
  const ann = await findPerson(buildTraversalGraph(map), tables, 'member_no', '1');
  return buildAccessPackage({ map, graph: ann, generatedAt: '2025-06-01', requestId: 'req-1' });
}

const rowsOf = (pkg: AccessPackage, key: string) =>
  pkg.systems[0]?.collections.find((c) => c.key === key)?.rows ?? [];

describe('related rows in an access package', () => {
  it('a row nobody owns (her club) is shown whole', async () => {
    expect(rowsOf(await annPackage(), 'clubs')).toEqual([
      { relation: 'related', values: { id: 7, name: 'Chess club' }, redacted: [] },
    ]);
  });

  it('another person’s row (her referrer) keeps only what the map does not call personal', async () => {
    const pkg = await annPackage();
    const members = rowsOf(pkg, 'members');
    expect(members.find((r) => r.relation === 'own')?.values).toMatchObject({
      name: 'Ann Lee',
      club_id: 7,
    });
    expect(members.find((r) => r.relation === 'related')).toEqual({
      relation: 'related',
      values: {
        member_no: null,
        uid: 'u-bob',
        name: null,
        email: null,
        born: null,
        club_id: 7,
        referred_by: null,
        mentor_uid: null,
        joined_on: '2019-02-01',
      },
      redacted: ['member_no', 'name', 'email', 'born'],
    });
    expect(JSON.stringify(pkg)).not.toMatch(/Bob Wu|bob@|1970-05-05/);
  });

  it('her own row keeps a reference only to a row the package shows as hers or as nobody else’s', async () => {
    const own = rowsOf(await annPackage(), 'members').find((r) => r.relation === 'own');
    // her referrer's row is Bob's (an up-reference); her mentor's row was never read (a
    // down-reference seen from the child: nobody can tell whose it is)
    expect(own?.values).toMatchObject({
      club_id: 7,
      referred_by: null,
      mentor_uid: null,
    });
    expect(own?.redacted).toEqual(['referred_by', 'mentor_uid']);
    expect(JSON.stringify(own)).not.toMatch(/u-bob|u-cy/);
  });
});
