import { registerEnumType } from 'type-graphql';
import type { SourceDef } from '../../core/datamap/model';

/** How the gateway reaches a system's data (SPEC §2: PostgreSQL, MySQL/MariaDB, HTTP/JSON). */
export enum CatalogSourceKind {
  POSTGRES = 'postgres',
  MYSQL = 'mysql',
  HTTP = 'http',
}

registerEnumType(CatalogSourceKind, {
  name: 'CatalogSourceKind',
  description: "How the gateway reaches a system's data (the map's `source.kind`).",
});

/** A `Record` over the model's union, so a new source kind fails to compile until it is listed. */
export const CATALOG_SOURCE_KIND: Readonly<Record<SourceDef['kind'], CatalogSourceKind>> = {
  postgres: CatalogSourceKind.POSTGRES,
  mysql: CatalogSourceKind.MYSQL,
  http: CatalogSourceKind.HTTP,
};
