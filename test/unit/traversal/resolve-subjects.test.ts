import { planTraversal } from '../../../src/core/traversal/plan-traversal';
import { resolveSubjects } from '../../../src/core/traversal/resolve-subjects';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';
import { memoryLookup, tinyMap } from './tiny-world';

const graph = buildTraversalGraph(tinyMap());
const ALL = [...graph.nodes.keys()];
const everything = planTraversal(
  graph,
  new Map(ALL.map((address) => [address, new Set<string>()])),
);

function keys(found: SubjectGraph, address: string): string[] {
  return (found.rows.get(address) ?? []).map((row) => `${row.key}:${row.role}`).sort();
}

describe('resolveSubjects', () => {
  it('finds a person whole from a phone typed in another format, following identities found on the way', async () => {
    const { lookup } = memoryLookup();
    const [ann] = await resolveSubjects(
      everything,
      [{ kind: 'phone', value: '138-0013-8000' }],
      lookup,
    );
    expect(keys(ann!, 'a.users')).toEqual(['["1"]:subject', '["3"]:subject']); // 3 via the profile's alt_email
    expect(keys(ann!, 'a.posts')).toEqual(['["100"]:subject', '["102"]:subject']);
    expect(keys(ann!, 'b.profiles')).toEqual(['["50"]:subject']);
    expect(ann!.identities.map((i) => `${i.kind}=${i.value}`)).toEqual(
      expect.arrayContaining([
        'phone=+8613800138000',
        'email=ann@example.com',
        'email=ann.alt@example.com',
        'uid=1',
        'uid=3',
      ]),
    );
  });

  it('compares emails case-insensitively and whole', async () => {
    const { lookup } = memoryLookup();
    const [upper, tagged] = await resolveSubjects(
      everything,
      [
        { kind: 'email', value: 'ANN@EXAMPLE.COM' },
        { kind: 'email', value: 'ann+x@example.com' },
      ],
      lookup,
    );
    expect(keys(upper!, 'a.users')).toContain('["1"]:subject');
    expect(tagged!.rows.size).toBe(0);
  });

  it('keeps two people who share a device apart: both see the device and its log, neither the other', async () => {
    const { lookup } = memoryLookup();
    const [ann, bob] = await resolveSubjects(
      everything,
      [
        { kind: 'uid', value: '1' },
        { kind: 'uid', value: '2' },
      ],
      lookup,
    );
    expect(keys(ann!, 'a.devices')).toEqual(['["D1"]:terminal']);
    expect(keys(ann!, 'a.logs')).toEqual(['["1000"]:terminal']);
    expect(keys(ann!, 'a.users')).not.toContain('["2"]:subject');
    expect(keys(ann!, 'a.user_devices')).toEqual(['["1","D1"]:subject']);
    expect(keys(bob!, 'a.devices')).toEqual(['["D1"]:terminal', '["D2"]:terminal']);
    expect(keys(bob!, 'a.posts')).toEqual(['["101"]:subject']);
  });

  it('shows an organisation as a related row without pulling in colleagues', async () => {
    const { lookup } = memoryLookup();
    const [ann] = await resolveSubjects(everything, [{ kind: 'uid', value: '1' }], lookup);
    expect(keys(ann!, 'a.orgs')).toEqual(['["10"]:terminal']);
    expect(keys(ann!, 'a.users')).not.toContain('["2"]:subject');
  });

  it('a shared identity locates rows but never seeds further lookups', async () => {
    const { lookup } = memoryLookup();
    const [device] = await resolveSubjects(everything, [{ kind: 'device', value: 'D1' }], lookup);
    expect(keys(device!, 'a.devices')).toEqual(['["D1"]:terminal']);
    expect(device!.rows.get('a.users')).toBeUndefined();
  });

  it('sends the same lookups for 2 subjects as for 1: one per (collection, field, comparison) and round', async () => {
    const one = memoryLookup();
    await resolveSubjects(everything, [{ kind: 'uid', value: '1' }], one.lookup);
    const two = memoryLookup();
    await resolveSubjects(
      everything,
      [
        { kind: 'uid', value: '1' },
        { kind: 'uid', value: '4' },
      ],
      two.lookup,
    );
    const shape = (calls: typeof one.calls) =>
      calls.map((c) => `${c.group.collection}.${c.group.field}`).sort();
    expect(shape(two.calls)).toEqual(shape(one.calls));
  });

  it('reports a failed system by name and still returns the others', async () => {
    const { lookup } = memoryLookup(new Set(['b']));
    const [ann] = await resolveSubjects(everything, [{ kind: 'uid', value: '1' }], lookup);
    expect(ann!.failures).toEqual([{ system: 'b', message: 'source "b" is unavailable' }]);
    expect(keys(ann!, 'a.users')).toEqual(['["1"]:subject']);
  });

  it('a value that matches nothing, or NULL, finds nobody', async () => {
    const { lookup } = memoryLookup();
    const [nobody, invalid] = await resolveSubjects(
      everything,
      [
        { kind: 'phone', value: "1' OR '1'='1" },
        { kind: 'email', value: '' },
      ],
      lookup,
    );
    expect(nobody!.rows.size).toBe(0);
    expect(invalid!.rows.size).toBe(0);
  });

  it('stops at the round limit and says so', async () => {
    const { lookup } = memoryLookup();
    const [ann] = await resolveSubjects(
      everything,
      [{ kind: 'phone', value: '13800138000' }],
      lookup,
      1,
    );
    expect(ann!.truncated).toBe(true);
  });
});

describe('planTraversal', () => {
  it('reads only what is selected plus the collections that lead to it', () => {
    const plan = planTraversal(graph, new Map([['a.posts', new Set(['body'])]]));
    expect([...plan.collections.keys()].sort()).toEqual(['a.posts', 'a.users', 'b.profiles']);
    expect(plan.collections.get('a.posts')?.fields).toEqual(
      expect.arrayContaining(['id', 'author_id', 'body']),
    );
    expect(plan.collections.get('a.users')?.fields).not.toContain('org_id');
  });

  it('never reads a leaf nobody asked for', () => {
    const plan = planTraversal(graph, new Map([['a.users', new Set(['email'])]]));
    expect(plan.collections.has('a.posts')).toBe(false);
    expect(plan.collections.has('a.logs')).toBe(false);
  });
});
