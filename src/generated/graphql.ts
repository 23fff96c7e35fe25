/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** What an erasure does to a collection's rows (the map's `erasure`). */
export type CatalogErasureMode =
  /** The row is deleted. */
  | 'DELETE'
  /** The row must survive: its personal fields are rewritten by each field's strategy. */
  | 'REWRITE';

/** How a field is rewritten when its row must survive an erasure (the map's field `erasure`). */
export type CatalogFieldErasure =
  | 'HASH'
  | 'MASK'
  | 'NULL'
  | 'RANDOM';

/** A field's scalar type (the map's field `type`, or the source's column type). */
export type CatalogFieldType =
  | 'BIGINT'
  | 'BOOLEAN'
  | 'BYTES'
  | 'DATE'
  | 'DATETIME'
  | 'DECIMAL'
  | 'FLOAT'
  | 'INT'
  | 'JSON'
  | 'STRING'
  | 'UUID';

/** The canonical form identity values of a kind are compared in (the map's identity `format`). */
export type CatalogIdentityFormat =
  | 'DIGITS'
  | 'EMAIL'
  | 'EXACT'
  | 'LOWERCASE'
  | 'PHONE_CN';

/** Which way the subject traversal follows a reference (the map's field `follow`). */
export type CatalogReferenceFollow =
  /** Down and up. */
  | 'BOTH'
  /** Rows that reference a subject's row belong to that subject (the default). */
  | 'DOWN'
  /** Navigation only; the traversal does not follow it. */
  | 'NONE'
  /** The referenced row is shown as a related row, never expanded further. */
  | 'UP';

/** How the gateway reaches a system's data (the map's `source.kind`). */
export type CatalogSourceKind =
  | 'HTTP'
  | 'MYSQL'
  | 'POSTGRES';

/** Exactly one identity of the data subject. */
export type IdentityInput =
  {   cookie_id: string; device_id?: never; email?: never; phone?: never; user_id?: never; }
  |  { cookie_id?: never;   device_id: string; email?: never; phone?: never; user_id?: never; }
  |  { cookie_id?: never; device_id?: never;   email: string; phone?: never; user_id?: never; }
  |  { cookie_id?: never; device_id?: never; email?: never;   phone: string; user_id?: never; }
  |  { cookie_id?: never; device_id?: never; email?: never; phone?: never;   user_id: string; };

export type IdentityKind =
  | 'cookie_id'
  | 'device_id'
  | 'email'
  | 'phone'
  | 'user_id';

export type DataMapCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type DataMapCategoriesQuery = { dataMap: { categories: Array<{ key: string, name: string, description: string | null, builtIn: boolean, fields: Array<{ address: string }> }> } };

export type DataMapOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type DataMapOverviewQuery = { dataMap: { version: number, contentHash: string, organization: { name: string, homeRegion: string | null }, systems: Array<{ key: string, name: string, description: string | null, owner: string | null, region: string | null, controller: string | null, sourceKind: CatalogSourceKind | null, graphqlTypeName: string | null, collections: Array<{ address: string, key: string, description: string | null, table: string, primaryKey: Array<string>, erasure: CatalogErasureMode, graphqlTypeName: string | null, purposes: Array<{ key: string }>, legalBasis: { key: string } | null, retention: { days: number | null, description: string | null } | null, fields: Array<{ address: string, key: string, column: string, erasure: CatalogFieldErasure | null, type: CatalogFieldType | null, graphqlFieldName: string | null, category: { key: string, name: string, builtIn: boolean } | null, identity: { name: string, format: CatalogIdentityFormat, shared: boolean } | null, references: { address: string, follow: CatalogReferenceFollow, field: { address: string } } | null, referencedBy: Array<{ address: string }> }> }> }>, identities: Array<{ name: string, format: CatalogIdentityFormat, shared: boolean, fields: Array<{ address: string }> }>, purposes: Array<{ key: string, name: string, collections: Array<{ address: string }> }>, legalBases: Array<{ key: string, collections: Array<{ address: string }> }> } };

export type SubjectByIdentityQueryVariables = Exact<{
  by: IdentityInput;
}>;


export type SubjectByIdentityQuery = { subject: { identities: Array<{ kind: IdentityKind, value: string | null }>, accounts: { users: Array<{ full_name: string | null, created_at: string | null, date_of_birth: string | null }> | null } | null } | null };

export type SubjectWithDataMapQueryVariables = Exact<{
  by: IdentityInput;
}>;


export type SubjectWithDataMapQuery = { subject: { identities: Array<{ kind: IdentityKind, value: string | null }> } | null, dataMap: { contentHash: string, systems: Array<{ key: string, sourceKind: CatalogSourceKind | null }> } };


export const DataMapCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataMapCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataMapCategoriesQuery, DataMapCategoriesQueryVariables>;
export const DataMapOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataMapOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"systems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"controller"}},{"kind":"Field","name":{"kind":"Name","value":"sourceKind"}},{"kind":"Field","name":{"kind":"Name","value":"graphqlTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"primaryKey"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"erasure"}},{"kind":"Field","name":{"kind":"Name","value":"graphqlTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}}]}},{"kind":"Field","name":{"kind":"Name","value":"references"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"follow"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referencedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"erasure"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"graphqlFieldName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataMapOverviewQuery, DataMapOverviewQueryVariables>;
export const SubjectByIdentityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectByIdentity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityInput"}}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"purpose"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"dsar","block":false}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"full_name"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"date_of_birth"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubjectByIdentityQuery, SubjectByIdentityQueryVariables>;
export const SubjectWithDataMapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectWithDataMap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityInput"}}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"purpose"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"dsar","block":false}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"systems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"sourceKind"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectWithDataMapQuery, SubjectWithDataMapQueryVariables>;