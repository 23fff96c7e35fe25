/**
 * Before anything is measured: the floor must not be faster by doing less. For the first
 * people of the sample, both targets are asked one at a time, with the same headers, and
 * must return the same number of identities and of rows in every collection, after sending
 * the same statements to the sources (same count, same SQL texts; a demo system that is an
 * HTTP service is called by both, and the statements it sends count as theirs).
 * The gateway with field-level access off is checked against the floor the same way: its
 * statements must be the floor's but for the minor flag, which only a policy asks for
 * (`withoutMinorFlag`), so what the two gateways read differs by exactly the policy's work.
 *
 * Reported, not fatal: values that differ although the rows match (the gateway may
 * de-identify a field for the benchmark's role, or serve a personal field as a String), and
 * statements the gateway sends besides the sources' (its store: consent, audit) — that is
 * work the floor does not do, and part of what the ratio measures.
 */
import { FLOOR_LOOKUPS } from './floor-sql';
import { QUERIED_COLLECTIONS, subjectRequestBody } from './subject-query';
import type { TargetProcess } from './target-process';

export interface AnswerCheck {
  readonly people: number;
  /** Differences that make the comparison unfair: the run stops. */
  readonly mismatches: readonly string[];
  /** Per person: statements to the demo sources (the same for both targets)… */
  readonly sourceStatements: readonly number[];
  /** …and anything else the gateway sent (its store). */
  readonly otherGatewayStatements: readonly number[];
  /** Distinct SQL texts sent to the sources, and the gateway's other texts. */
  readonly sourceTexts: readonly string[];
  readonly otherGatewayTexts: readonly string[];
  /** Rows (all collections) per person. */
  readonly rows: readonly number[];
  /** Rows or identities present in both answers whose values differ (as text). */
  readonly valueDifferences: number;
}

interface Normalised {
  readonly identities: string[];
  readonly collections: Record<string, string[]>;
}

const FLOOR_TEXTS = Object.values(FLOOR_LOOKUPS).map((lookup) => lookup.text);

/** What the gateway must send for each of the floor's statements: the same text, or (for
 * the gateway with field-level access off) the same text without the minor flag. */
export type ExpectedSql = (floorText: string) => string;

/** A row as comparable text; values as text (a personal field may be served as a String). */
function rowText(row: unknown): string {
  const values = Object.entries(row as Record<string, unknown>).map(([key, value]) => [
    key,
    value === null || value === undefined ? null : String(value),
  ]);
  return JSON.stringify(values);
}

function normalise(body: unknown): Normalised | string {
  const { data, errors } = body as {
    data?: { subject?: Record<string, unknown> | null };
    errors?: unknown;
  };
  if (errors) return `errors: ${JSON.stringify(errors).slice(0, 500)}`;
  const subject = data?.subject;
  if (!subject) return 'no subject';
  const identities = ((subject.identities ?? []) as { kind: string; value: string }[])
    .map((identity) => `${identity.kind}:${identity.value}`)
    .sort();
  const collections: Record<string, string[]> = {};
  for (const [system, names] of Object.entries(QUERIED_COLLECTIONS)) {
    const data = subject[system] as Record<string, unknown[] | null> | null;
    for (const name of names)
      collections[`${system}.${name}`] = (data?.[name] ?? []).map(rowText).sort();
  }
  return { identities, collections };
}

interface Asked {
  readonly body: unknown;
  /** SQL texts the target sent, and how many times each. */
  readonly texts: Record<string, number>;
  /** Statements the demo's HTTP services sent for this request. */
  readonly serviceStatements: number;
}

async function ask(
  target: TargetProcess,
  services: readonly TargetProcess[],
  phone: string,
  headers: Readonly<Record<string, string>>,
): Promise<Asked> {
  await target.stats({ resetTexts: true });
  const before = await Promise.all(services.map((service) => service.stats()));
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: subjectRequestBody(phone),
  });
  const text = await response.text();
  const { texts } = await target.stats({ resetTexts: true });
  const after = await Promise.all(services.map((service) => service.stats()));
  if (response.status !== 200)
    throw new Error(`${target.name}: HTTP ${response.status} for ${phone}: ${text.slice(0, 500)}`);
  const serviceStatements = after.reduce(
    (n, stats, i) => n + stats.statements - (before[i]?.statements ?? 0),
    0,
  );
  return { body: JSON.parse(text), texts, serviceStatements };
}

/** Counts must agree (fatal otherwise); values that differ are only counted. */
function compareAnswers(
  phone: string,
  gateway: Normalised,
  floor: Normalised,
): { mismatches: string[]; valueDifferences: number } {
  const mismatches: string[] = [];
  let valueDifferences = 0;
  if (gateway.identities.length !== floor.identities.length)
    mismatches.push(
      `${phone}: ${gateway.identities.length} identities from the gateway, ${floor.identities.length} from the floor`,
    );
  else if (gateway.identities.join() !== floor.identities.join()) valueDifferences++;
  for (const [address, rows] of Object.entries(gateway.collections)) {
    const other = floor.collections[address] ?? [];
    if (rows.length !== other.length)
      mismatches.push(
        `${phone}: ${address}: ${rows.length} rows from the gateway, ${other.length} from the floor`,
      );
    else valueDifferences += rows.filter((row, i) => row !== other[i]).length;
  }
  return { mismatches, valueDifferences };
}

/** Statements to the sources (the floor's SQL texts, and what the demo's HTTP services sent
 * on the target's behalf), and the target's other statements. */
function split(
  texts: Record<string, number>,
  serviceStatements: number,
  sourceTexts: ReadonlySet<string>,
): { sources: number; other: number } {
  let sources = serviceStatements;
  let other = 0;
  for (const [text, count] of Object.entries(texts)) {
    if (sourceTexts.has(text)) sources += count;
    else other += count;
  }
  return { sources, other };
}

export async function checkSameAnswers(
  gateway: TargetProcess,
  floor: TargetProcess,
  /** The demo's HTTP services (sources both targets call), if any. */
  services: readonly TargetProcess[],
  phones: readonly string[],
  expectedSql: ExpectedSql = (text) => text,
): Promise<AnswerCheck> {
  const floorSource = new Set(FLOOR_TEXTS);
  const gatewaySource = new Set(FLOOR_TEXTS.map(expectedSql));
  const mismatches: string[] = [];
  const sourceStatements: number[] = [];
  const otherGatewayStatements: number[] = [];
  const rows: number[] = [];
  const sourceTexts = new Set<string>();
  const otherTexts = new Set<string>();
  const floorTexts = new Set<string>();
  let valueDifferences = 0;
  for (const phone of phones) {
    const fromGateway = await ask(gateway, services, phone, gateway.headers);
    const fromFloor = await ask(floor, services, phone, gateway.headers);
    const g = split(fromGateway.texts, fromGateway.serviceStatements, gatewaySource);
    const f = split(fromFloor.texts, fromFloor.serviceStatements, floorSource);
    for (const text of Object.keys(fromGateway.texts))
      (gatewaySource.has(text) ? sourceTexts : otherTexts).add(text);
    for (const text of Object.keys(fromFloor.texts)) floorTexts.add(text);
    sourceStatements.push(g.sources);
    otherGatewayStatements.push(g.other);
    if (g.sources !== f.sources || f.other > 0)
      mismatches.push(
        `${phone}: ${gateway.name} sent ${g.sources} statements to the sources, the floor ${f.sources + f.other}`,
      );
    const a = normalise(fromGateway.body);
    const b = normalise(fromFloor.body);
    if (typeof a === 'string' || typeof b === 'string') {
      mismatches.push(
        `${phone}: ${gateway.name}: ${typeof a === 'string' ? a : 'ok'}; floor: ${typeof b === 'string' ? b : 'ok'}`,
      );
      continue;
    }
    const compared = compareAnswers(phone, a, b);
    mismatches.push(...compared.mismatches);
    valueDifferences += compared.valueDifferences;
    rows.push(Object.values(a.collections).reduce((n, list) => n + list.length, 0));
  }
  // Both must have used the same statements over the check (each count matching is not
  // enough: one lookup worded differently would still count one).
  const expected = new Set([...floorTexts].map(expectedSql));
  for (const text of sourceTexts)
    if (!expected.has(text)) mismatches.push(`only ${gateway.name} sent: ${text}`);
  for (const text of floorTexts)
    if (!sourceTexts.has(expectedSql(text)))
      mismatches.push(`only the floor sent: ${expectedSql(text)}`);
  if (mismatches.length > 0)
    for (const text of otherTexts) mismatches.push(`${gateway.name} also sent: ${text}`);
  return {
    people: phones.length,
    mismatches,
    sourceStatements,
    otherGatewayStatements,
    sourceTexts: [...sourceTexts].sort(),
    otherGatewayTexts: [...otherTexts].sort(),
    rows,
    valueDifferences,
  };
}
