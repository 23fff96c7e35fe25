import { registerEnumType } from 'type-graphql';

export enum CatalogConsentAction {
  GRANT = 'grant',
  WITHDRAW = 'withdraw',
}

registerEnumType(CatalogConsentAction, {
  name: 'CatalogConsentAction',
  description: 'One event of a consent history.',
});
