import { registerEnumType } from 'type-graphql';
import type { RequestKind } from '../../core/requests/model';

/** What a person asked for (SPEC §6). Values are the store's spelling. */
export enum CatalogRequestKind {
  ACCESS = 'access',
  ERASURE = 'erasure',
  CORRECTION = 'correction',
  CONSENT_WITHDRAWAL = 'consent_withdrawal',
  CONSENT_GRANT = 'consent_grant',
  ACCOUNT_CLOSURE = 'account_closure',
}

registerEnumType(CatalogRequestKind, {
  name: 'CatalogRequestKind',
  description: 'What a person asked for (SPEC §6).',
  valuesConfig: {
    ACCESS: { description: 'A copy of everything about them, in every system (PIPL art. 45).' },
    ERASURE: { description: 'Deletion, after a plan and an approval (PIPL art. 47).' },
    CORRECTION: { description: "One category's value corrected everywhere it is held (art. 46)." },
    CONSENT_WITHDRAWAL: { description: 'Consent to one purpose withdrawn (art. 15).' },
    CONSENT_GRANT: { description: 'Consent to one purpose given.' },
    ACCOUNT_CLOSURE: { description: 'Every consent withdrawn and an erasure, as one request.' },
  },
});

export const CATALOG_REQUEST_KIND: Readonly<Record<RequestKind, CatalogRequestKind>> = {
  access: CatalogRequestKind.ACCESS,
  erasure: CatalogRequestKind.ERASURE,
  correction: CatalogRequestKind.CORRECTION,
  consent_withdrawal: CatalogRequestKind.CONSENT_WITHDRAWAL,
  consent_grant: CatalogRequestKind.CONSENT_GRANT,
  account_closure: CatalogRequestKind.ACCOUNT_CLOSURE,
};
