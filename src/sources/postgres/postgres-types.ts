/** PostgreSQL column types → the map's scalar types, and value parsers that keep dates
 * and 64-bit integers exact (no time-zone shift on `date`, no float rounding on `int8`). */
import { types } from 'pg';
import type { FieldType } from '../../core/datamap/model';

const BY_UDT: Readonly<Record<string, FieldType>> = {
  int2: 'int',
  int4: 'int',
  int8: 'bigint',
  float4: 'float',
  float8: 'float',
  numeric: 'decimal',
  bool: 'boolean',
  date: 'date',
  timestamp: 'datetime',
  timestamptz: 'datetime',
  json: 'json',
  jsonb: 'json',
  uuid: 'uuid',
  bytea: 'bytes',
};

export function fieldTypeOfPg(udtName: string): FieldType {
  return BY_UDT[udtName] ?? 'string';
}

const DATE_OID = 1082;
const TIMESTAMP_OID = 1114;

/** Per-pool parsers: `date` stays `YYYY-MM-DD`; `timestamp` (no zone) is read as UTC. */
export const pgTypeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === DATE_OID) return (value) => value;
    if (oid === TIMESTAMP_OID) return (value) => new Date(`${value.replace(' ', 'T')}Z`);
    return types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};
