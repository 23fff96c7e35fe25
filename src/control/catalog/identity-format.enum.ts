import { registerEnumType } from 'type-graphql';
import type { IdentityFormat } from '../../core/datamap/model';

/** The canonical form identity values of a kind are compared in (SPEC §5). */
export enum CatalogIdentityFormat {
  EXACT = 'exact',
  EMAIL = 'email',
  LOWERCASE = 'lowercase',
  PHONE_CN = 'phone_cn',
  DIGITS = 'digits',
}

registerEnumType(CatalogIdentityFormat, {
  name: 'CatalogIdentityFormat',
  description:
    "The canonical form identity values of a kind are compared in (the map's identity `format`).",
});

export const CATALOG_IDENTITY_FORMAT: Readonly<Record<IdentityFormat, CatalogIdentityFormat>> = {
  exact: CatalogIdentityFormat.EXACT,
  email: CatalogIdentityFormat.EMAIL,
  lowercase: CatalogIdentityFormat.LOWERCASE,
  phone_cn: CatalogIdentityFormat.PHONE_CN,
  digits: CatalogIdentityFormat.DIGITS,
};
