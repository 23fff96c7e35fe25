/**
 * Fields the map leaves without a category, which the gateway therefore treats as not
 * personal data and shows raw to every role that may read the collection (SPEC §4.3:
 * "a field in the map that should have one is a lint warning"). Three signals:
 *
 * - the field is an identity: an identifier by definition (`UNCATEGORISED_IDENTITY`);
 * - its name or column looks like personal data (`phone`, `id_card`, `client_ip`; the
 *   heuristics the map validator uses, `personal-data-hints.ts`);
 * - sampled values look like phones, e-mails or resident ids. Samples are an input (the CLI
 *   reads a few with `--sample`); findings give counts, never the values.
 */
import { suggestedCategoryForName } from '../datamap/personal-data-hints';
import type { IdentityFormat } from '../datamap/model';
import type { LintContext } from './lint-context';
import type { LintFinding } from './lint-finding';
import type { PersonalValueKind } from './personal-value-patterns';
import { PERSONAL_VALUE_KINDS, personalValueKind } from './personal-value-patterns';
import type { ReviewField } from './review-field';

/** Field address → a few values read from its source. */
export type FieldSamples = ReadonlyMap<string, readonly unknown[]>;

function identityCategory(format: IdentityFormat | undefined): string {
  if (format === 'email') return 'user.contact.email';
  if (format === 'phone_cn') return 'user.contact.phone_number';
  return 'user.unique_id';
}

function finding(
  context: LintContext,
  field: ReviewField,
  code: LintFinding['code'],
  message: string,
  category: string,
): LintFinding {
  return {
    severity: 'warning',
    code,
    file: context.map.sourceFile,
    path: field.mapPath,
    message,
    fix: `add category: ${category} (or the right one) to ${field.address}, or ignore this if it is not personal data`,
  };
}

function valueFinding(
  context: LintContext,
  field: ReviewField,
  values: readonly unknown[],
): LintFinding | undefined {
  const counts = new Map<PersonalValueKind, number>();
  for (const value of values) {
    const kind = personalValueKind(value);
    if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const [top] = [...counts].sort((a, b) => b[1] - a[1]);
  if (!top) return undefined;
  const [kind, count] = top;
  const { label, category } = PERSONAL_VALUE_KINDS[kind];
  return finding(
    context,
    field,
    'UNCATEGORISED_PERSONAL_VALUE',
    `field '${field.key}' has no category but ${count} of ${values.length} sampled values look like ${label}`,
    category,
  );
}

export function lintUncategorisedFields(
  context: LintContext,
  samples: FieldSamples = new Map(),
): LintFinding[] {
  const findings: LintFinding[] = [];
  for (const { field } of context.rows) {
    if (field.category !== undefined) continue;
    if (field.identity !== undefined) {
      findings.push(
        finding(
          context,
          field,
          'UNCATEGORISED_IDENTITY',
          `field '${field.key}' is identity '${field.identity}' but has no category: every role that may read ${field.collection} gets it raw`,
          identityCategory(field.identityFormat),
        ),
      );
    }
    const hint = suggestedCategoryForName(field.key) ?? suggestedCategoryForName(field.column);
    if (hint && field.identity === undefined) {
      findings.push(
        finding(
          context,
          field,
          'UNCATEGORISED_PERSONAL_NAME',
          `field '${field.key}' has no category but its name suggests personal data ('${hint.token}')`,
          hint.category,
        ),
      );
    }
    const values = samples.get(field.address);
    const byValue = values && values.length > 0 ? valueFinding(context, field, values) : undefined;
    if (byValue) findings.push(byValue);
  }
  return findings;
}
