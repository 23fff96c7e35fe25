/**
 * The one entry point the graph's resolvers call (SPEC §4.4–§4.5): a decided method applied
 * to a value read from a source. Pure; the keys come in as a parameter. Null in → null out,
 * so a missing value is never turned into a pseudonym of "nothing".
 */
import type { IdentityFormat } from '../datamap/model';
import { generalizeValue } from './generalize';
import { hashValue } from './hash';
import type { DeidentifyKeys } from './keys';
import { maskValue } from './mask';
import type { DeidentifyMethod } from './method';
import { redactValue } from './redact';
import { tokenizeValue } from './tokenize';

export interface DeidentifyContext {
  readonly category?: string;
  readonly identityFormat?: IdentityFormat;
  readonly keys: DeidentifyKeys;
}

export function deidentifyValue(
  method: DeidentifyMethod,
  value: unknown,
  context: DeidentifyContext,
): string | null {
  if (value === null || value === undefined) return null;
  const shape = { category: context.category, identityFormat: context.identityFormat };
  switch (method) {
    case 'redact':
      return redactValue(value);
    case 'mask':
      return maskValue(value, shape);
    case 'hash':
      return hashValue(value, shape, context.keys.hashKey);
    case 'tokenize':
      return tokenizeValue(value, shape, context.keys);
    case 'generalize':
      return generalizeValue(value, shape);
  }
}
