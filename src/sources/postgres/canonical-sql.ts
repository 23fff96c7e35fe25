/**
 * The SQL form of `core/identity/canonical.ts` for PostgreSQL. The demo's DDL builds its
 * expression indexes from these same functions, so a canonical comparison is an index
 * lookup; change one and the indexes change with it.
 */
import type { IdentityFormat } from '../../core/datamap/model';

/** `column` must already be a quoted identifier. */
export function canonicalExpressionPg(format: IdentityFormat, column: string): string {
  switch (format) {
    case 'email':
    case 'lowercase':
      return `lower(${column})`;
    case 'phone_cn': {
      const digits = `regexp_replace(${column}, '[^0-9]', '', 'g')`;
      return `(CASE WHEN ${digits} ~ '^(0086|86)?1[0-9]{10}$' THEN '+86' || right(${digits}, 11) END)`;
    }
    case 'digits':
      return `regexp_replace(${column}, '[^0-9]', '', 'g')`;
    case 'exact':
      return column;
  }
}
