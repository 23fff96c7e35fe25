import { registerEnumType } from 'type-graphql';
import { EXEMPTION_REASONS } from '../../core/requests/model';
import type { ExemptionReason } from '../../core/requests/model';

/**
 * The seed policy's exemptions (§VIII.4 a–h), as a GraphQL enum built from the core's list,
 * so a new exemption appears here without a second list to keep in step. Names are the
 * values upper-cased (`LEGAL_OBLIGATION` ↔ `legal_obligation`).
 */
export const CatalogExemptionReason = Object.fromEntries(
  EXEMPTION_REASONS.map((reason) => [reason.toUpperCase(), reason]),
) as Readonly<Record<Uppercase<ExemptionReason>, ExemptionReason>>;

registerEnumType(CatalogExemptionReason, {
  name: 'CatalogExemptionReason',
  description:
    'Why data may be kept despite a request (seed policy §VIII.4 a–h); every legal hold cites one.',
});
