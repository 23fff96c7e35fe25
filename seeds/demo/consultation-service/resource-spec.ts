/**
 * What a resource of the demo's service is: one table of its own storage, served over
 * HTTP as JSON. The consultation service serves one (`consultations`); the connector
 * conformance suite serves its fixture table with the same code, so the HTTP connector is
 * tested against the very service the demo runs.
 */

/** How the storage holds an attribute: decides how filter values are bound, how writes
 * are cast, and how values travel (64-bit integers and decimals as exact strings). */
export type AttributeType =
  'int' | 'bigint' | 'numeric' | 'float' | 'boolean' | 'text' | 'date' | 'timestamptz' | 'json';

export interface AttributeSpec {
  readonly type: AttributeType;
  /** Filterable, compared this way: a canonical identity form (the same SQL the gateway's
   * PostgreSQL connector uses, `canonical-sql.ts`) or exactly. */
  readonly match?: 'exact' | 'email' | 'phone_cn';
  readonly writable?: boolean;
}

export interface ResourceSpec {
  /** The path segment: `/consultations`. */
  readonly name: string;
  readonly schema: string;
  readonly table: string;
  /** The attribute `/{name}/{value}` addresses, and pages are ordered by (unique). */
  readonly key: string;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
}

export const CONSULTATIONS: ResourceSpec = {
  name: 'consultations',
  schema: 'support',
  table: 'consultations',
  key: 'id',
  attributes: {
    id: { type: 'bigint', match: 'exact' },
    user_id: { type: 'bigint', match: 'exact', writable: true },
    channel: { type: 'text', writable: true },
    content: { type: 'text', writable: true },
    created_at: { type: 'timestamptz', writable: true },
  },
};
