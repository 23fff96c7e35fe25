/**
 * The policy file's YAML shape (format version 1, SPEC §3), checked before anything reads
 * it. Objects are strict, as in the data map: a misspelt property (`acess:`) silently
 * ignored could turn a `mask` into the deny-by-default, or worse, drop a `deny`. Checks
 * against the data map and across rules live in `check-policy.ts`.
 */
import { z } from 'zod';

const text = z.string().min(1);

/** YAML writes an empty mapping as `~` or nothing at all: `dsar: {}`, `dsar: ~`, `dsar:`. */
const emptyIsObject = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => value ?? {}, schema);

const purposeSchema = emptyIsObject(
  z.strictObject({
    description: z.string().optional(),
    requiresConsent: z.boolean().optional(),
    universal: z.boolean().optional(),
  }),
);

const ruleSchema = z.strictObject({
  category: text,
  // Checked in `check-policy.ts`, so one bad value does not hide the file's other mistakes.
  access: text,
});

const roleSchema = emptyIsObject(
  z.strictObject({
    description: z.string().optional(),
    // Optional here so a missing list gets the policy's own message ("has no purposes").
    purposes: z.array(text).optional(),
    rules: z.array(ruleSchema).optional(),
    // Checked in `check-policy.ts`, whose message names the capability, not its list index.
    may: z.array(text).optional(),
  }),
);

export const rawPolicySchema = z.strictObject({
  version: z.literal(1),
  purposes: emptyIsObject(z.record(z.string(), purposeSchema)),
  roles: emptyIsObject(z.record(z.string(), roleSchema)),
});

export type RawPolicy = z.output<typeof rawPolicySchema>;
export type RawRole = z.output<typeof roleSchema>;
