/**
 * The SQL form of `core/identity/canonical.ts` for MySQL/MariaDB, computing exactly what
 * `postgres/canonical-sql.ts` computes (the conformance suite runs the same cases on both).
 *
 * Two dialect differences matter:
 * - MariaDB's `REGEXP_REPLACE` (PCRE) replaces every match without a `g` flag, and `REGEXP`
 *   is PostgreSQL's `~`; on the digits-only string the patterns mean the same.
 * - MySQL compares strings under the column's collation: the usual `utf8mb4_general_ci`
 *   ignores case and accents (`ä` = `a`) and trailing spaces (PAD SPACE). PostgreSQL compares
 *   bytes. So a comparison that must be exact goes through `exactText`: binary, no padding.
 */
import type { IdentityFormat } from '../../core/datamap/model';

/** `column` must already be a quoted identifier. */
export function canonicalExpressionMysql(format: IdentityFormat, column: string): string {
  switch (format) {
    case 'email':
    case 'lowercase':
      return `lower(${column})`;
    case 'phone_cn': {
      const digits = `REGEXP_REPLACE(${column}, '[^0-9]', '')`;
      return `(CASE WHEN ${digits} REGEXP '^(0086|86)?1[0-9]{10}$' THEN CONCAT('+86', RIGHT(${digits}, 11)) END)`;
    }
    case 'digits':
      return `REGEXP_REPLACE(${column}, '[^0-9]', '')`;
    case 'exact':
      return column;
  }
}

/** The collation under which MySQL compares strings as PostgreSQL does: bytes, no padding. */
export const EXACT_COLLATION = 'utf8mb4_nopad_bin';

/** `expression` compared byte for byte, whatever its column's character set and collation. */
export function exactText(expression: string): string {
  return `CONVERT(${expression} USING utf8mb4) COLLATE ${EXACT_COLLATION}`;
}

/** Whether values of this collation already compare exactly (no `exactText` needed). */
export function comparesExactly(collation: string | null | undefined): boolean {
  // NULL: a binary string type (BINARY/VARBINARY/BLOB), compared byte for byte
  return collation === null || collation === EXACT_COLLATION;
}

/**
 * MariaDB stores a generated column's expression re-printed (`lower(x)` becomes
 * `lcase(x)`, keywords lower-cased, spaces and the outer parentheses dropped). Both sides
 * are reduced to that shape, so the connector can recognise a generated column holding
 * its own canonical expression and use that column's index.
 */
export function sameExpression(stored: string, ours: string): boolean {
  return reduce(stored) === reduce(ours);
}

function reduce(expression: string): string {
  let text = expression
    .toLowerCase()
    .replace(/[\s`]/g, '')
    .replace(/\blcase\(/g, 'lower(')
    .replace(/\bucase\(/g, 'upper(');
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1)))
    text = text.slice(1, -1);
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0;
}
