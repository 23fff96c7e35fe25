/**
 * Which lookup values can possibly be stored in a column of a given type. A value that
 * cannot (`1 OR 1=1` for an integer key) matches nothing, so it is dropped before the
 * statement is sent: the source never sees it and never answers with an error that would
 * echo it back (SPEC §5: values are always bound, never spliced; errors carry no values).
 */
import type { FieldType } from '../core/datamap/model';

const INTEGER = /^-?\d{1,18}$/;
const BIGINT = /^-?\d{1,19}$/;
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INT4_MAX = 2147483647;

export function acceptsValue(type: FieldType, value: string, nativeType?: string): boolean {
  switch (type) {
    case 'int':
      return (
        INTEGER.test(value) &&
        (nativeType !== 'int4' || Math.abs(Number(value)) <= INT4_MAX) &&
        (nativeType !== 'int2' || Math.abs(Number(value)) <= 32767)
      );
    case 'bigint':
      return (
        BIGINT.test(value) &&
        BigInt(value) <= 9223372036854775807n &&
        BigInt(value) >= -9223372036854775808n
      );
    case 'float':
    case 'decimal':
      return NUMBER.test(value);
    case 'uuid':
      return UUID.test(value);
    case 'boolean':
      return value === 'true' || value === 'false';
    case 'date':
      return DATE.test(value) && !Number.isNaN(Date.parse(value));
    case 'datetime':
      return !Number.isNaN(Date.parse(value));
    case 'json':
    case 'bytes':
      return false; // not comparable as keys
    case 'string':
      return true;
  }
}
