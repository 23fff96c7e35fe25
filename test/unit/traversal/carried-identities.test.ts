/**
 * Which identity values seed further lookups (docs/traversal.md): a reference carries its
 * target's identity only when followed down; a field declared `shared` locates rows that may
 * belong to someone else, so those rows are terminal and its values never seed. Both rules
 * keep two people apart where a row names both (a child's card naming the parent's, a gift
 * order naming its recipient's phone).
 */
import { planTraversal } from '../../../src/core/traversal/plan-traversal';
import { resolveSubjects } from '../../../src/core/traversal/resolve-subjects';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { familyLookup, familyMap } from './family-world';

const lookup = familyLookup();

const graph = buildTraversalGraph(familyMap());
const everything = planTraversal(
  graph,
  new Map([...graph.nodes.keys()].map((address) => [address, new Set<string>()])),
);

async function find(kind: string, value: string): Promise<SubjectGraph> {
  const [person] = await resolveSubjects(everything, [{ kind, value }], lookup);
  if (!person) throw new Error('no subject graph');
  return person;
}

const rows = (person: SubjectGraph, address: string): string[] =>
  (person.rows.get(address) ?? []).map((row) => `${row.key}:${row.role}`).sort();
const identities = (person: SubjectGraph): string[] =>
  person.identities.map((identity) => `${identity.kind}=${identity.value}`).sort();

describe('a reference carries its target identity only when followed down', () => {
  it('seeds from down references, never from up or none ones (a parent, a sponsor)', () => {
    const members = graph.nodes.get('club.members');
    const seeds = members?.identitySources.map((ref) => ref.field.key);
    expect(seeds).toEqual(['code', 'phone', 'device_id']); // device_id: a shared kind, terminal only
    expect(members?.identityCarriers.map((ref) => ref.field.key)).toEqual([
      'code',
      'phone',
      'parent_code',
      'sponsor_code',
      'device_id',
    ]);
    expect(graph.nodes.get('club.ledger')?.identitySources.map((ref) => ref.field.key)).toEqual([
      'code',
    ]);
  });

  it("a child's lookup shows the parent's card as related and never reads the parent's rows", async () => {
    const kid = await find('card', 'LM-2');
    expect(rows(kid, 'club.members')).toEqual(['["LM-1"]:terminal', '["LM-2"]:subject']);
    expect(rows(kid, 'club.ledger')).toEqual(['["LM-2","1"]:subject']);
    expect(identities(kid)).toEqual(['card=lm-2', 'device=T']);
  });

  it('a none reference to an identity field leads nowhere', async () => {
    const kid = await find('card', 'LM-2');
    expect(rows(kid, 'club.members')).not.toContain('["LM-3"]:terminal');
    expect(rows(kid, 'club.members')).not.toContain('["LM-3"]:subject');
  });

  it('an up reference to a shared kind still locates the terminal rows of that device', async () => {
    const kid = await find('card', 'LM-2');
    expect(rows(kid, 'club.devices')).toEqual(['["T"]:terminal']);
    expect(rows(kid, 'club.logins')).toEqual(['["9"]:terminal']);
  });

  it("the parent's lookup does not pull in the child", async () => {
    const dad = await find('card', 'lm-1');
    expect(rows(dad, 'club.members')).toEqual(['["LM-1"]:subject']);
    expect(rows(dad, 'club.ledger')).toEqual(['["LM-1","1"]:subject']);
  });
});

describe('a field declared shared locates rows that may be someone else’s', () => {
  it('is a lookup place whose rows are terminal, never a seed', () => {
    const orders = graph.nodes.get('shop.orders');
    expect(orders?.identitySources.map((ref) => ref.field.key)).toEqual(['customer_id']);
    expect(orders?.identityCarriers.find((ref) => ref.field.key === 'ship_phone')?.shared).toBe(
      true,
    );
    expect(
      graph.identityFields.get('phone')?.map((ref) => `${ref.field.key}:${ref.shared}`),
    ).toEqual(['phone:false', 'ship_phone:true', 'phone:false']);
    // a reference to a shared field holds a value that proves no owner either
    expect(
      graph.nodes
        .get('shop.gift_notes')
        ?.identityCarriers.map((ref) => `${ref.field.key}:${ref.shared}`),
    ).toEqual(['to_phone:true']);
    expect(graph.subjectCapable.has('shop.orders')).toBe(true); // through customer_id, down
  });

  it("the recipient's lookup shows the gift order as related, never the buyer", async () => {
    const bob = await find('phone', '138 0000 0002');
    expect(rows(bob, 'shop.customers')).toEqual(['["c2"]:subject']);
    expect(rows(bob, 'shop.orders')).toEqual(['["O1"]:terminal', '["O2"]:subject']);
    expect(identities(bob)).toEqual(['cid=c2', 'phone=+8613800000002']);
  });

  it("the buyer's lookup finds her order but not the recipient behind its phone", async () => {
    const alice = await find('cid', 'c1');
    expect(rows(alice, 'shop.orders')).toEqual(['["O1"]:subject']);
    expect(rows(alice, 'shop.gift_notes')).toEqual(['["1"]:subject']);
    expect(rows(alice, 'shop.customers')).toEqual(['["c1"]:subject']);
    expect(identities(alice)).toEqual(['cid=c1', 'phone=+8613800000001']);
  });

  it('reads the shared field wherever the plan looks its collection up', () => {
    const plan = planTraversal(graph, new Map([['shop.orders', new Set(['order_no'])]]));
    expect(plan.collections.get('shop.orders')?.fields).toEqual(
      expect.arrayContaining(['order_no', 'customer_id', 'ship_phone']),
    );
    expect(plan.collections.has('shop.customers')).toBe(true);
  });
});
