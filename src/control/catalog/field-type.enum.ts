import { registerEnumType } from 'type-graphql';
import type { FieldType } from '../../core/datamap/model';

/** A field's scalar type: the source's column type where the gateway could read it, else the
 * type the map declares. */
export enum CatalogFieldType {
  STRING = 'string',
  INT = 'int',
  BIGINT = 'bigint',
  FLOAT = 'float',
  DECIMAL = 'decimal',
  BOOLEAN = 'boolean',
  DATE = 'date',
  DATETIME = 'datetime',
  JSON = 'json',
  UUID = 'uuid',
  BYTES = 'bytes',
}

registerEnumType(CatalogFieldType, {
  name: 'CatalogFieldType',
  description: "A field's scalar type (the map's field `type`, or the source's column type).",
});

export const CATALOG_FIELD_TYPE: Readonly<Record<FieldType, CatalogFieldType>> = {
  string: CatalogFieldType.STRING,
  int: CatalogFieldType.INT,
  bigint: CatalogFieldType.BIGINT,
  float: CatalogFieldType.FLOAT,
  decimal: CatalogFieldType.DECIMAL,
  boolean: CatalogFieldType.BOOLEAN,
  date: CatalogFieldType.DATE,
  datetime: CatalogFieldType.DATETIME,
  json: CatalogFieldType.JSON,
  uuid: CatalogFieldType.UUID,
  bytes: CatalogFieldType.BYTES,
};
