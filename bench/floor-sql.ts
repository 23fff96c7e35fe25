/**
 * The floor's SQL, written by hand for the demo tables (SPEC §9: "a minimal Node HTTP handler
 * that sends the same SQL by hand with `pg`"). Each text is byte-for-byte the statement the
 * gateway's PostgreSQL connector sends for the benchmark query — same columns, same
 * canonical comparisons, same typed arrays — and `npm run bench` checks that before it
 * measures (the distinct texts each target sent must be the same set).
 *
 * A lookup says which system's pool it goes to, which collection its rows belong to, how a
 * row is keyed (its primary key) and whether its rows are the person's own (`subject`, and
 * expanded) or only shown (`terminal`: a device and its log, SPEC §5 shared identities).
 *
 * The texts are those the gateway sends for the role the benchmark calls it with (`dpo`,
 * who may read every field): for a role with denied fields the gateway selects fewer
 * columns, and the check before measuring would refuse to compare the two.
 */
import { canonicalExpressionPg } from '../src/sources/postgres/canonical-sql';

export type FloorSystem =
  'accounts' | 'workspace' | 'support' | 'analytics' | 'security' | 'tracking' | 'compliance';

export interface FloorLookup {
  readonly system: FloorSystem;
  /** `system.collection`, as in the data map. */
  readonly collection: string;
  readonly text: string;
  readonly primaryKey: readonly string[];
  readonly role: 'subject' | 'terminal';
  /** The statement takes the minor cut-off date as `$2`. */
  readonly bornAfter: boolean;
  /** When the system is an HTTP service instead (the demo's `support` may be): the lookup
   * endpoint, as the demo map declares it — `GET {path}?{param}=v1,v2`, rows at `items`,
   * the next page's cursor at `next`, sent back as `cursor`. */
  readonly http?: { readonly path: string; readonly param: string };
}

const phoneCn = (column: string): string => canonicalExpressionPg('phone_cn', `"${column}"`);

// The gateway asks for a date of birth also as a flag, "born after $2" (is this a minor?),
// which its age-dependent decisions use (SPEC §4.3); the floor sends the same statement and
// binds the same date, but has no decision to make.
const MINOR_FLAG = `, ("date_of_birth"::date > $2::date) AS "born_after.date_of_birth"`;
const USERS = `SELECT "id" AS "id", "phone" AS "phone", "email" AS "email", "full_name" AS "full_name", "date_of_birth" AS "date_of_birth"${MINOR_FLAG} FROM "accounts"."users"`;

/** The statement the gateway sends for `text` with field-level access off
 * (`PRIVGRAPH_ENFORCE_ACCESS=off`): no decision to make, so no minor flag — the one
 * difference in SQL between the gateway with and without its policy. */
export function withoutMinorFlag(text: string): string {
  return text.replace(MINOR_FLAG, '');
}
const CODES = `SELECT "id" AS "id", "phone" AS "phone" FROM "accounts"."verification_codes"`;
const EMPLOYEES = `SELECT "id" AS "id", "user_id" AS "user_id", "work_email" AS "work_email", "work_phone" AS "work_phone", "title" AS "title" FROM "workspace"."employees"`;
const TASKS = `SELECT "id" AS "id", "assignee_id" AS "assignee_id", "title" AS "title", "status" AS "status" FROM "workspace"."tasks"`;
const CONSULTATIONS = `SELECT "id" AS "id", "user_id" AS "user_id", "channel" AS "channel", "created_at" AS "created_at" FROM "support"."consultations"`;
const EVENTS = `SELECT "id" AS "id", "user_id" AS "user_id", "page" AS "page", "occurred_at" AS "occurred_at" FROM "analytics"."events"`;
const USER_DEVICES = `SELECT "user_id" AS "user_id", "device_id" AS "device_id" FROM "security"."user_devices"`;
const DEVICES = `SELECT "device_id" AS "device_id", "brand" AS "brand", "model" AS "model" FROM "security"."devices"`;
const LOGS = `SELECT "id" AS "id", "device_id" AS "device_id", "service_category" AS "service_category", "logged_at" AS "logged_at" FROM "security"."security_logs"`;
const IDENTIFIERS = `SELECT "cookie_id" AS "cookie_id", "user_id" AS "user_id" FROM "tracking"."identifiers"`;
const CONSENTS = `SELECT "id" AS "id", "user_id" AS "user_id", "purpose" AS "purpose", "granted" AS "granted" FROM "compliance"."consent_records"`;

const ID = ['id'];

function lookup(
  system: FloorSystem,
  collection: string,
  text: string,
  primaryKey: readonly string[] = ID,
  role: 'subject' | 'terminal' = 'subject',
  http?: FloorLookup['http'],
): FloorLookup {
  const bornAfter = text.includes('$2');
  return { system, collection, text, primaryKey, role, bornAfter, ...(http ? { http } : {}) };
}

/** Every lookup the benchmark query can make, by a name the floor's traversal uses. */
export const FLOOR_LOOKUPS = {
  // by phone (canonical +86 E.164, the expression the demo's DDL indexes)
  usersByPhone: lookup(
    'accounts',
    'accounts.users',
    `${USERS} WHERE ${phoneCn('phone')} = ANY($1::text[])`,
  ),
  codesByPhone: lookup(
    'accounts',
    'accounts.verification_codes',
    `${CODES} WHERE ${phoneCn('phone')} = ANY($1::text[])`,
  ),
  employeesByPhone: lookup(
    'workspace',
    'workspace.employees',
    `${EMPLOYEES} WHERE ${phoneCn('work_phone')} = ANY($1::text[])`,
  ),
  // by e-mail, case-insensitively
  usersByEmail: lookup(
    'accounts',
    'accounts.users',
    `${USERS} WHERE lower("email") = ANY($1::text[])`,
  ),
  employeesByEmail: lookup(
    'workspace',
    'workspace.employees',
    `${EMPLOYEES} WHERE lower("work_email") = ANY($1::text[])`,
  ),
  // by account id, and the rows that reference an account
  usersById: lookup('accounts', 'accounts.users', `${USERS} WHERE "id" = ANY($1::int8[])`),
  employeesByUser: lookup(
    'workspace',
    'workspace.employees',
    `${EMPLOYEES} WHERE "user_id" = ANY($1::int8[])`,
  ),
  consultationsByUser: lookup(
    'support',
    'support.consultations',
    `${CONSULTATIONS} WHERE "user_id" = ANY($1::int8[])`,
    ID,
    'subject',
    { path: '/consultations', param: 'user_id' },
  ),
  eventsByUser: lookup(
    'analytics',
    'analytics.events',
    `${EVENTS} WHERE "user_id" = ANY($1::int8[])`,
  ),
  userDevicesByUser: lookup(
    'security',
    'security.user_devices',
    `${USER_DEVICES} WHERE "user_id" = ANY($1::int8[])`,
    ['user_id', 'device_id'],
  ),
  identifiersByUser: lookup(
    'tracking',
    'tracking.identifiers',
    `${IDENTIFIERS} WHERE "user_id" = ANY($1::int8[])`,
    ['cookie_id'],
  ),
  consentsByUser: lookup(
    'compliance',
    'compliance.consent_records',
    `${CONSENTS} WHERE "user_id" = ANY($1::int8[])`,
  ),
  // an employee's tasks
  tasksByAssignee: lookup(
    'workspace',
    'workspace.tasks',
    `${TASKS} WHERE "assignee_id" = ANY($1::int8[])`,
  ),
  // by cookie id
  identifiersByCookie: lookup(
    'tracking',
    'tracking.identifiers',
    `${IDENTIFIERS} WHERE "cookie_id" = ANY($1::text[])`,
    ['cookie_id'],
  ),
  // by device id: a shared identity, so these rows are shown but never expanded
  devicesById: lookup(
    'security',
    'security.devices',
    `${DEVICES} WHERE "device_id" = ANY($1::text[])`,
    ['device_id'],
    'terminal',
  ),
  logsByDevice: lookup(
    'security',
    'security.security_logs',
    `${LOGS} WHERE "device_id" = ANY($1::text[])`,
    ID,
    'terminal',
  ),
} as const;

export type FloorLookupName = keyof typeof FLOOR_LOOKUPS;
