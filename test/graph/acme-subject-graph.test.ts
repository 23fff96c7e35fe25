/**
 * The same graph machinery on a second, unrelated data map (a German clinic chain): composite
 * primary keys, a self-referencing table, a table reached only through two hops, non-ASCII
 * table, column and map keys. Nothing in the code may be specific to the demo's tables.
 */
import type { AcmeWorld } from '../fixtures/acme/generate';
import { generateAcmeWorld } from '../fixtures/acme/generate';
import type { TestGateway } from '../support/gateway-harness';
import { ADULTS_ONLY } from '../support/gateway-harness';
import {
  ACME_MAP,
  comparable,
  everythingSelection,
  execute,
  rowKeysOf,
  startTestGateway,
} from '../support/gateway-harness';

let world: AcmeWorld;
let gateway: TestGateway;
let query: string;

beforeAll(async () => {
  world = generateAcmeWorld({ subjects: 60, seed: 11 });
  // Traversal tests: ages are computed against a far-future clock so no subject is a minor
  // (minors' values are de-identified even for the DPO; tested in test/graph/access-*).
  gateway = await startTestGateway(ACME_MAP, { now: ADULTS_ONLY });
  query = `query Q($by: IdentityInput!) { subject(by: $by) { ${everythingSelection(gateway.app.subject.model)} } }`;
});
afterAll(() => gateway?.close());

async function found(by: Record<string, string>) {
  const result = await execute(gateway, query, { by });
  expect(result.errors).toBeUndefined();
  const subject = result.data?.subject as Record<string, unknown> | null;
  return subject ? comparable(rowKeysOf(gateway.app.subject.model, subject)) : {};
}

describe('subject(by:) on the acme fixture world', () => {
  it.each(['member_no', 'email', 'phone'])(
    'finds exactly the ground-truth rows by %s',
    async (kind) => {
      let checked = 0;
      for (const person of world.people.slice(0, 25)) {
        for (const value of (
          (person.identities as Record<string, readonly string[]>)[kind] ?? []
        ).slice(0, 1)) {
          expect({ person: person.index, rows: await found({ [kind]: value }) }).toEqual({
            person: person.index,
            rows: comparable(world.groundTruth(person.index, { kind, value })),
          });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(5);
    },
  );

  it('staff and referred members (self-references) stay separate people', async () => {
    const referred = world.people.find((p) => p.flags.referredBy !== undefined)!;
    const referrer = world.people[referred.flags.referredBy!]!;
    const kind = referred.identities.member_no.length > 0 ? 'member_no' : 'email';
    const value = (referred.identities as Record<string, readonly string[]>)[kind]![0]!;
    expect(await found({ [kind]: value })).toEqual(
      comparable(world.groundTruth(referred.index, { kind, value })),
    );
    expect(referrer.index).not.toBe(referred.index);
  });

  it('gives non-ASCII names a stable ASCII GraphQL form and keeps composite keys', () => {
    const sdl = gateway.app.subject.sdl;
    expect(sdl).toMatch(/stra_uDFe/i);
    for (const type of gateway.app.subject.model.collections.values())
      expect(type.name).toMatch(/^[_A-Za-z][_0-9A-Za-z]*$/);
    expect(
      [...gateway.app.subject.model.collections.values()].some((t) => t.def.primaryKey.length > 1),
    ).toBe(true);
  });
});
