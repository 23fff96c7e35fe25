/**
 * The facts a row that is not the subject's own is decided with (src/access/related-row-facts.ts):
 * no consent, a possible minor unless the row's own date of birth says an adult, and the keyed
 * hashes of the identities it carries — one facts object per person and age across a batch.
 */
import { ageOnRow, relatedRowFacts } from '../../../src/access/related-row-facts';
import type { SubjectFactsBase } from '../../../src/access/subject-facts';
import { parseDataMap } from '../../../src/core/datamap/parse-data-map';
import { subjectKey } from '../../../src/core/identity/subject-key';
import type { SubjectGraph } from '../../../src/core/traversal/subject-graph';
import { buildTraversalGraph } from '../../../src/core/traversal/traversal-graph';

const AS_OF = new Date('2026-06-01T00:00:00Z');
const HASH_KEY = Buffer.alloc(32, 3);

describe('ageOnRow', () => {
  it('reads the born_after flag, or the date when it was read', () => {
    expect(ageOnRow({ 'born_after.dob': true }, ['dob'], AS_OF)).toBe('minor');
    expect(ageOnRow({ 'born_after.dob': false }, ['dob'], AS_OF)).toBe('adult');
    expect(ageOnRow({ dob: '2018-02-03' }, ['dob'], AS_OF)).toBe('minor');
    expect(ageOnRow({ dob: '1990-05-01' }, ['dob'], AS_OF)).toBe('adult');
  });

  it('says nothing without a readable date of birth', () => {
    expect(ageOnRow({ 'born_after.dob': null, dob: null }, ['dob'], AS_OF)).toBeUndefined();
    expect(ageOnRow({ dob: 'unknown' }, ['dob'], AS_OF)).toBeUndefined();
    expect(ageOnRow({ name: 'x' }, [], AS_OF)).toBeUndefined();
  });

  it('any field saying minor wins', () => {
    expect(ageOnRow({ 'born_after.a': false, 'born_after.b': true }, ['a', 'b'], AS_OF)).toBe(
      'minor',
    );
  });
});

describe('relatedRowFacts', () => {
  const parsed = parseDataMap(
    `
version: 1
organization: { name: Shop }
identities: { email: { format: email } }
purposes: { ops: { name: Operations } }
systems:
  shop:
    name: Shop
    source: { kind: postgres, url: "postgres://unused/db", schema: shop }
    collections:
      customers:
        primaryKey: [id]
        purposes: [ops]
        fields:
          id: {}
          email: { identity: email, category: user.contact.email }
          dob: { category: user.demographic.date_of_birth }
          referred_by: { references: shop.customers.id, follow: up }
`,
    'shop.yaml',
    {},
  );
  if (!parsed.ok) throw new Error('bad map');
  const traversal = buildTraversalGraph(parsed.map);
  const own = { id: 'c2', email: 'ethan@example.net', 'born_after.dob': false, referred_by: 'c1' };
  const alice = { id: 'c1', email: 'alice@example.com', 'born_after.dob': false };
  const nobody = { id: 'c9', email: null, 'born_after.dob': null };
  const person = (email: string, related: Record<string, unknown>[]): SubjectGraph => ({
    identities: [{ kind: 'email', value: email, shared: false }],
    rows: new Map([
      [
        'shop.customers',
        [
          { key: '["own"]', row: { ...own, email }, role: 'subject' as const },
          ...related.map((row, i) => ({ key: `["${i}"]`, row, role: 'terminal' as const })),
        ],
      ],
    ]),
    failures: [],
    truncated: false,
  });
  const context = () => ({
    traversal,
    hashKey: HASH_KEY,
    dobFields: new Map([['shop.customers', ['dob']]]),
    asOf: AS_OF,
    cache: new Map<string, SubjectFactsBase>(),
  });

  it('another person’s row: no consent, their keys, adult by their own birth date', () => {
    const facts = relatedRowFacts(person('ethan@example.net', [alice, nobody]), context());
    expect(facts.size).toBe(2);
    expect(facts.get(alice)).toEqual({
      consented: new Set(),
      guardianConsented: new Set(),
      minor: false,
      subjectKeys: [subjectKey(HASH_KEY, 'email', 'alice@example.com')],
      related: true,
    });
    // a row without a date of birth or an identity: possibly a minor, named by nothing
    expect(facts.get(nobody)).toMatchObject({ minor: true, subjectKeys: [], related: true });
  });

  it('one person met by two subjects of a batch is one facts object', () => {
    const shared = context();
    const fromEthan = relatedRowFacts(person('ethan@example.net', [alice]), shared);
    const fromBob = relatedRowFacts(person('bob@example.org', [{ ...alice }]), shared);
    expect([...fromEthan.values()][0]).toBe([...fromBob.values()][0]);
  });

  it('the subject’s own rows are not listed', () => {
    const facts = relatedRowFacts(person('ethan@example.net', []), context());
    expect(facts.size).toBe(0);
  });
});
