/**
 * The physical tables of the demo world: the systems the Whale policy describes (SPEC §8),
 * each in its own PostgreSQL schema so each is its own source connection. `datamap.yaml`
 * describes the same tables to the gateway; `test/unit/seeds/demo-datamap.test.ts` keeps the
 * two in step.
 */
import type { TableSpec } from '../lib/table-spec';

export const DEMO_SCHEMAS = [
  'accounts',
  'workspace',
  'support',
  'analytics',
  'security',
  'tracking',
  'compliance',
] as const;

const users: TableSpec = {
  address: 'accounts.users',
  schema: 'accounts',
  table: 'users',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true, identity: 'exact' },
    { name: 'phone', type: 'text', identity: 'phone_cn' },
    { name: 'email', type: 'text', identity: 'email' },
    { name: 'full_name', type: 'text', notNull: true },
    { name: 'english_name', type: 'text' },
    { name: 'password_hash', type: 'text', notNull: true },
    { name: 'date_of_birth', type: 'date' },
    { name: 'gender', type: 'text' },
    { name: 'created_at', type: 'timestamptz', notNull: true },
  ],
};

const verificationCodes: TableSpec = {
  address: 'accounts.verification_codes',
  schema: 'accounts',
  table: 'verification_codes',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'phone', type: 'text', notNull: true, identity: 'phone_cn' },
    { name: 'code', type: 'text', notNull: true },
    { name: 'purpose', type: 'text', notNull: true },
    { name: 'sent_at', type: 'timestamptz', notNull: true },
  ],
};

const organizations: TableSpec = {
  address: 'workspace.organizations',
  schema: 'workspace',
  table: 'organizations',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'name', type: 'text', notNull: true },
    { name: 'industry', type: 'text' },
    { name: 'city', type: 'text' },
    { name: 'domain', type: 'text', notNull: true },
    { name: 'created_at', type: 'timestamptz', notNull: true },
  ],
};

const employees: TableSpec = {
  address: 'workspace.employees',
  schema: 'workspace',
  table: 'employees',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'user_id', type: 'bigint', indexed: true },
    {
      name: 'org_id',
      type: 'bigint',
      notNull: true,
      foreignKey: { table: 'organizations', column: 'id' },
    },
    { name: 'full_name', type: 'text', notNull: true },
    { name: 'work_email', type: 'text', identity: 'email' },
    { name: 'work_phone', type: 'text', identity: 'phone_cn' },
    { name: 'title', type: 'text' },
    { name: 'joined_at', type: 'date' },
  ],
};

const tasks: TableSpec = {
  address: 'workspace.tasks',
  schema: 'workspace',
  table: 'tasks',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'assignee_id', type: 'bigint', foreignKey: { table: 'employees', column: 'id' } },
    { name: 'title', type: 'text', notNull: true },
    { name: 'status', type: 'text', notNull: true },
    { name: 'due_date', type: 'date' },
    { name: 'created_at', type: 'timestamptz', notNull: true },
  ],
};

const approvals: TableSpec = {
  address: 'workspace.approvals',
  schema: 'workspace',
  table: 'approvals',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    {
      name: 'task_id',
      type: 'bigint',
      notNull: true,
      foreignKey: { table: 'tasks', column: 'id' },
    },
    { name: 'approver_id', type: 'bigint', foreignKey: { table: 'employees', column: 'id' } },
    { name: 'decision', type: 'text', notNull: true },
    { name: 'comment', type: 'text' },
    { name: 'decided_at', type: 'timestamptz' },
  ],
};

const consultations: TableSpec = {
  address: 'support.consultations',
  schema: 'support',
  table: 'consultations',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'user_id', type: 'bigint', indexed: true },
    { name: 'channel', type: 'text', notNull: true },
    { name: 'content', type: 'text', notNull: true },
    { name: 'created_at', type: 'timestamptz', notNull: true },
  ],
};

const events: TableSpec = {
  address: 'analytics.events',
  schema: 'analytics',
  table: 'events',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'user_id', type: 'bigint', indexed: true },
    { name: 'event_type', type: 'text', notNull: true },
    { name: 'page', type: 'text', notNull: true },
    { name: 'ip', type: 'text' },
    { name: 'occurred_at', type: 'timestamptz', notNull: true },
  ],
};

const devices: TableSpec = {
  address: 'security.devices',
  schema: 'security',
  table: 'devices',
  primaryKey: ['device_id'],
  columns: [
    { name: 'device_id', type: 'text', notNull: true, identity: 'exact' },
    { name: 'brand', type: 'text' },
    { name: 'model', type: 'text' },
    { name: 'device_name', type: 'text' },
    { name: 'os_version', type: 'text' },
    { name: 'first_seen_at', type: 'timestamptz', notNull: true },
  ],
};

const userDevices: TableSpec = {
  address: 'security.user_devices',
  schema: 'security',
  table: 'user_devices',
  primaryKey: ['user_id', 'device_id'],
  columns: [
    { name: 'user_id', type: 'bigint', notNull: true },
    {
      name: 'device_id',
      type: 'text',
      notNull: true,
      foreignKey: { table: 'devices', column: 'device_id' },
    },
    { name: 'bound_at', type: 'timestamptz', notNull: true },
  ],
};

const securityLogs: TableSpec = {
  address: 'security.security_logs',
  schema: 'security',
  table: 'security_logs',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'device_id', type: 'text', notNull: true, identity: 'exact' },
    { name: 'service_category', type: 'text', notNull: true },
    { name: 'method', type: 'text', notNull: true },
    { name: 'ip', type: 'text' },
    { name: 'logged_at', type: 'timestamptz', notNull: true },
  ],
};

const identifiers: TableSpec = {
  address: 'tracking.identifiers',
  schema: 'tracking',
  table: 'identifiers',
  primaryKey: ['cookie_id'],
  columns: [
    { name: 'cookie_id', type: 'text', notNull: true, identity: 'exact' },
    { name: 'kind', type: 'text', notNull: true },
    { name: 'user_id', type: 'bigint', indexed: true },
    { name: 'user_agent', type: 'text' },
    { name: 'first_seen_at', type: 'timestamptz', notNull: true },
    { name: 'last_seen_at', type: 'timestamptz', notNull: true },
  ],
};

const consentRecords: TableSpec = {
  address: 'compliance.consent_records',
  schema: 'compliance',
  table: 'consent_records',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'user_id', type: 'bigint', notNull: true, indexed: true },
    { name: 'purpose', type: 'text', notNull: true },
    { name: 'granted', type: 'boolean', notNull: true },
    { name: 'recorded_at', type: 'timestamptz', notNull: true },
  ],
};

const sharingRecords: TableSpec = {
  address: 'compliance.sharing_records',
  schema: 'compliance',
  table: 'sharing_records',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'user_id', type: 'bigint', notNull: true, indexed: true },
    { name: 'recipient', type: 'text', notNull: true },
    { name: 'recipient_kind', type: 'text', notNull: true },
    { name: 'categories', type: 'text', notNull: true },
    { name: 'legal_ground', type: 'text', notNull: true },
    { name: 'shared_at', type: 'timestamptz', notNull: true },
  ],
};

/** In load order: a table's same-schema foreign keys point only to tables listed before it. */
export const DEMO_TABLES: readonly TableSpec[] = [
  users,
  verificationCodes,
  organizations,
  employees,
  tasks,
  approvals,
  consultations,
  events,
  devices,
  userDevices,
  securityLogs,
  identifiers,
  consentRecords,
  sharingRecords,
];
