/**
 * A resource's storage: one PostgreSQL table, every value bound, every identifier from the
 * resource's spec (code, not requests) quoted by `pg`. Values a column cannot hold (`1 OR
 * 1=1` for an integer id) match nothing, as a typed service would answer.
 */
import type { Pool } from 'pg';
import { escapeIdentifier } from 'pg';
import { canonicalExpressionPg } from '../../../src/sources/postgres/canonical-sql';
import type { AttributeSpec, AttributeType, ResourceSpec } from './resource-spec';

const INTEGER: Partial<Record<AttributeType, RegExp>> = {
  int: /^-?\d{1,9}$/,
  bigint: /^-?\d{1,19}$/,
};

export type Row = Record<string, unknown>;

export class ResourceStore {
  private readonly table: string;
  private readonly select: string;

  constructor(
    private readonly pool: Pool,
    readonly spec: ResourceSpec,
  ) {
    this.table = `${escapeIdentifier(spec.schema)}.${escapeIdentifier(spec.table)}`;
    // dates as the text they are (pg would make a local-midnight Date of them)
    const columns = Object.entries(spec.attributes).map(([name, a]) =>
      a.type === 'date'
        ? `${escapeIdentifier(name)}::text AS ${escapeIdentifier(name)}`
        : escapeIdentifier(name),
    );
    this.select = `SELECT ${columns.join(', ')} FROM ${this.table}`;
  }

  attribute(name: string): AttributeSpec | undefined {
    return Object.prototype.hasOwnProperty.call(this.spec.attributes, name)
      ? this.spec.attributes[name]
      : undefined;
  }

  /** One page of the rows whose `name` matches one of `values`, in key order after `after`. */
  async find(name: string, values: readonly string[], after: string | null, limit: number) {
    const spec = this.spec.attributes[name];
    const keySpec = this.spec.attributes[this.spec.key];
    if (!spec?.match || !keySpec) return [];
    const bound = this.bindable(spec, values);
    if (bound.length === 0 || (after !== null && this.bindable(keySpec, [after]).length === 0))
      return [];
    const column = escapeIdentifier(name);
    const where =
      spec.match === 'exact'
        ? `${column} = ANY($1::${spec.type}[])`
        : `${canonicalExpressionPg(spec.match, column)} = ANY($1::text[])`;
    const key = escapeIdentifier(this.spec.key);
    const result = await this.pool.query<Row>(
      `${this.select} WHERE ${where} AND ($2::${keySpec.type} IS NULL OR ${key} > $2)
       ORDER BY ${key} LIMIT $3`,
      [bound, after, limit],
    );
    return result.rows;
  }

  /** Rows changed (0: no such row). `changes` holds writable attributes only. */
  async update(name: string, value: string, changes: Readonly<Row>): Promise<number> {
    const spec = this.attribute(name);
    const columns = Object.keys(changes);
    if (!spec || this.bindable(spec, [value]).length === 0) return 0;
    // nothing to change: still say whether the row is there (200, or 404 when gone)
    if (columns.length === 0) return this.count(name, spec, value);
    const set = columns.map((column, i) => {
      const type = this.spec.attributes[column]?.type ?? 'text';
      return `${escapeIdentifier(column)} = $${i + 2}::${type === 'json' ? 'jsonb' : type}`;
    });
    const result = await this.pool.query(
      `UPDATE ${this.table} SET ${set.join(', ')} WHERE ${escapeIdentifier(name)} = $1::${spec.type}`,
      [value, ...columns.map((column) => bindWrite(this.spec.attributes[column], changes[column]))],
    );
    return result.rowCount ?? 0;
  }

  /** Deletes the rows whose `name` is one of `values`; returns how many. */
  async delete(name: string, values: readonly string[]): Promise<number> {
    const spec = this.attribute(name);
    const bound = spec ? this.bindable(spec, values) : [];
    if (!spec || bound.length === 0) return 0;
    const result = await this.pool.query(
      `DELETE FROM ${this.table} WHERE ${escapeIdentifier(name)} = ANY($1::${spec.type}[])`,
      [bound],
    );
    return result.rowCount ?? 0;
  }

  private bindable(spec: AttributeSpec, values: readonly string[]): string[] {
    const pattern = spec.match === 'exact' || !spec.match ? INTEGER[spec.type] : undefined;
    return pattern ? values.filter((value) => pattern.test(value)) : [...values];
  }

  private async count(name: string, spec: AttributeSpec, value: string): Promise<number> {
    const result = await this.pool.query(
      `SELECT 1 FROM ${this.table} WHERE ${escapeIdentifier(name)} = $1::${spec.type} LIMIT 1`,
      [value],
    );
    return result.rowCount ?? 0;
  }
}

/** JSON attributes are bound as JSON text: `pg` would turn a JS array into a SQL array. */
function bindWrite(spec: AttributeSpec | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  return spec?.type === 'json' ? JSON.stringify(value) : value;
}
