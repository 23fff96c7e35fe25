/**
 * The de-identification methods of SPEC §4.5, the vocabulary shared by the policy (a rule
 * may name one), the data map's per-field default and the GraphQL `@deidentify` directive.
 */
export const DEIDENTIFY_METHODS = ['redact', 'mask', 'hash', 'tokenize', 'generalize'] as const;

export type DeidentifyMethod = (typeof DEIDENTIFY_METHODS)[number];

export function isDeidentifyMethod(value: string): value is DeidentifyMethod {
  return (DEIDENTIFY_METHODS as readonly string[]).includes(value);
}
