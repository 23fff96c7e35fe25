/**
 * Rights requests over rows that name two people (docs/traversal.md): a child's card pointing
 * up to a parent's, a gift order holding its recipient's phone in a `shared` identity field.
 * Erasing one person never takes the other's row; the package never shows the other's values.
 */
import type { AccessPackage } from '../../../src/core/requests/access-package';
import { buildAccessPackage } from '../../../src/core/requests/access-package';
import { findOtherOwners } from '../../../src/core/requests/find-other-owners';
import { planCorrection } from '../../../src/core/requests/plan-correction';
import { planTraversal } from '../../../src/core/traversal/plan-traversal';
import { resolveSubjects } from '../../../src/core/traversal/resolve-subjects';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { erasureReply } from '../../../src/requests/request-replies';
import { FAMILY_TABLES, familyLookup, familyMap } from '../traversal/family-world';
import { planFor } from './plan-harness';

const map = familyMap();
const graph = buildTraversalGraph(map);
const lookup = familyLookup();

async function find(kind: string, value: string): Promise<SubjectGraph> {
  const plan = planTraversal(
    graph,
    new Map([...graph.nodes.keys()].map((address) => [address, new Set<string>()])),
  );
  const [person] = await resolveSubjects(plan, [{ kind, value }], lookup);
  if (!person) throw new Error('no subject graph');
  return person;
}

async function sharedRows(person: SubjectGraph): Promise<Record<string, string>> {
  const shared = await findOtherOwners(graph, person, lookup);
  return Object.fromEntries(
    [...shared].flatMap(([address, rows]) =>
      [...rows].map(([key, via]) => [`${address} ${key}`, via]),
    ),
  );
}

function packageRow(pkg: AccessPackage, collection: string, index = 0) {
  return pkg.systems.flatMap((system) => system.collections).find((c) => c.key === collection)
    ?.rows[index];
}

describe('erasure ownership', () => {
  it("a child's erasure takes the child's card and keeps the parent's as another person's", async () => {
    const shared = await sharedRows(await find('card', 'LM-2'));
    expect(shared).toEqual({
      'club.members ["LM-1"]': 'club.members.code',
      'club.devices ["T"]': 'club.members.device_id', // the parent uses the family tablet too
      'club.logins ["9"]': 'club.members.device_id',
    });
  });

  it("the recipient's erasure keeps the gift order: its buyer still owns it", async () => {
    const shared = await sharedRows(await find('phone', '13800000002'));
    expect(shared).toEqual({ 'shop.orders ["O1"]': 'shop.orders.customer_id' });
  });

  it("the buyer's erasure takes her order: the recipient's phone on it proves no owner", async () => {
    const shared = await sharedRows(await find('cid', 'c1'));
    expect(shared['shop.orders ["O1"]']).toBeUndefined();
  });
});

describe('access packages', () => {
  it("withhold the recipient's phone from the buyer's order", async () => {
    const alice = await find('cid', 'c1');
    const pkg = buildAccessPackage({
      map,
      graph: alice,
      generatedAt: '2025-06-01',
      requestId: 'r',
    });
    const order = packageRow(pkg, 'orders');
    expect(order?.redacted).toEqual(['ship_phone']);
    expect(order?.values.ship_phone).toBeNull();
  });

  it("withhold the parent's card code from the child's own row", async () => {
    const kid = await find('card', 'LM-2');
    const pkg = buildAccessPackage({ map, graph: kid, generatedAt: '2025-06-01', requestId: 'r' });
    const rows = pkg.systems.flatMap((s) => s.collections).find((c) => c.key === 'members')?.rows;
    const own = rows?.find((row) => row.values.code === 'LM-2');
    expect(own?.redacted).toEqual(['parent_code', 'sponsor_code']);
  });
});

describe('correction', () => {
  it("corrects the buyer's own phone, never the gift recipient's phone on her order", async () => {
    const alice = await find('cid', 'c1');
    const plan = planCorrection({
      map,
      rows: alice,
      shared: await findOtherOwners(graph, alice, lookup),
      category: 'user.contact.phone_number',
      value: '13900000009',
    });
    if (!plan.ok) throw new Error(plan.error);
    const steps = plan.sources.flatMap((source) =>
      source.steps.map(
        (step) => `${step.collection} ${JSON.stringify(step.kind === 'rewrite' ? step.set : {})}`,
      ),
    );
    expect(steps).toEqual(['shop.customers {"phone":"13900000009"}']);
    expect(plan.notes).toContain(
      'shop.orders.ship_phone of row ["O1"] holds another person\'s phone',
    );
  });
});

describe('erasure plan and reply', () => {
  it("name the parent's card as another person's record, not changed; the family tablet as shared", async () => {
    const { plan } = await planFor(graph, FAMILY_TABLES, 'unused', {
      person: await find('card', 'LM-2'),
    });
    const kept = (related: boolean) =>
      plan.shared
        .filter((row) => (row.related === true) === related)
        .map((row) => `${row.collection} ${JSON.stringify(row.key)}`);
    expect(kept(true)).toEqual(['club.members {"code":"LM-1"}']);
    expect(kept(false)).toEqual(['club.devices {"device_id":"T"}', 'club.logins {"id":9}']);
    const reply = erasureReply('erasure', plan, { deleted: 2, rewritten: 0 });
    expect(reply).toContain(
      "1 record linked to yours is another person's own record and was not changed.",
    );
    expect(reply).toContain(
      '2 records also concern another person; they are removed when they no longer do.',
    );
  });
});
