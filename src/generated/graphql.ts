/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A rule's access as written, or a decision's access: allow, deny or a de-identification method. DEIDENTIFY (the field's default method) appears only as written in a rule. */
export type CatalogAccess =
  | 'ALLOW'
  | 'DEIDENTIFY'
  | 'DENY'
  | 'GENERALIZE'
  | 'HASH'
  | 'MASK'
  | 'REDACT'
  | 'TOKENIZE';

/** What an audit event records (SPEC §7). */
export type CatalogAuditKind =
  /** A data-map version was loaded for the first time. */
  | 'DATAMAP'
  /** A policy version was loaded for the first time. */
  | 'POLICY'
  /** An operation read personal data: one event per data subject. */
  | 'READ'
  /** Tokens were reversed to their values. */
  | 'REIDENTIFY'
  /** A rights request moved (created, approved, completed…). */
  | 'REQUEST'
  /** An erasure or correction changed a source (row counts). */
  | 'WRITE';

/** What is wrong at the first broken link of the audit chain. */
export type CatalogAuditProblem =
  /** The event’s content or link does not match its MAC. */
  | 'EDITED'
  /** The event does not follow the one before it. */
  | 'INSERTED_OR_REORDERED'
  /** A position is missing: an event was deleted. */
  | 'MISSING'
  /** The log ends before a signed checkpoint: its tail was cut. */
  | 'TRUNCATED'
  /** The event could not be read. */
  | 'UNREADABLE';

/** WIDER: the proposed decision reveals more; NARROWER: less; SAME: as much, for another reason or by another rule; ADDED/REMOVED: the field itself. */
export type CatalogChangeDirection =
  | 'ADDED'
  | 'NARROWER'
  | 'REMOVED'
  | 'SAME'
  | 'WIDER';

/** What a decision does with a value: shows it, transforms it (a method), or denies it. */
export type CatalogDecisionEffect =
  | 'ALLOW'
  | 'DENY'
  | 'TRANSFORM';

/** Why a role-level decision is what it is (docs/policy.md). Per-subject reasons (NO_CONSENT, MINOR) are facts of a person, not of the policy, and are described by CatalogPurposeFacts instead. */
export type CatalogDecisionReason =
  /** The field has no category: not personal data. */
  | 'NOT_PERSONAL'
  /** No rule covers the category: denied by default. */
  | 'NO_RULE'
  /** The collection is not processed for the purpose, which is not universal. */
  | 'PURPOSE_MISMATCH'
  /** The purpose is not one of the role's. */
  | 'PURPOSE_NOT_ALLOWED'
  /** The most specific, then most restrictive, covering rule decided. */
  | 'RULE'
  /** The policy has no such role. */
  | 'UNKNOWN_ROLE';

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

/** `privgraph policy lint` exits 1 when there is an ERROR. */
export type CatalogLintSeverity =
  | 'ERROR'
  | 'INFO'
  | 'WARNING';

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

/** What a person asked for (SPEC §6). */
export type CatalogRequestKind =
  /** A copy of everything about them, in every system (PIPL art. 45). */
  | 'ACCESS'
  /** Every consent withdrawn and an erasure, as one request. */
  | 'ACCOUNT_CLOSURE'
  /** Consent to one purpose given. */
  | 'CONSENT_GRANT'
  /** Consent to one purpose withdrawn (art. 15). */
  | 'CONSENT_WITHDRAWAL'
  /** One category's value corrected everywhere it is held (art. 46). */
  | 'CORRECTION'
  /** Deletion, after a plan and an approval (PIPL art. 47). */
  | 'ERASURE';

/** Where a rights request is in its lifecycle. */
export type CatalogRequestStatus =
  /** Approved; execution is queued. */
  | 'APPROVED'
  /** An erasure or closure whose plan waits for a role that may approve it. */
  | 'AWAITING_APPROVAL'
  /** Done and verified (final; the reply says what was done). */
  | 'COMPLETED'
  /** Nothing more can be done without a human (the result says why). */
  | 'FAILED'
  /** Per-source tasks are running. */
  | 'IN_PROGRESS'
  /** A source failed; the others are done. `retryRequest` resumes it. */
  | 'PARTIAL'
  /** Recorded; its work is queued. */
  | 'RECEIVED'
  /** Refused by an approver (final; the reply says why). */
  | 'REJECTED';

/** Why a covering rule lost to the winning one (SPEC §4.3). */
export type CatalogRuleLostBecause =
  | 'LATER_IN_FILE'
  | 'LESS_RESTRICTIVE'
  | 'MORE_GENERAL';

/** How the gateway reaches a system's data (the map's `source.kind`). */
export type CatalogSourceKind =
  | 'HTTP'
  | 'MYSQL'
  | 'POSTGRES';

/** A data subject named by one identity: { kind: "phone", value: "…" }. */
export type CatalogSubjectInput = {
  /** An identity kind of the data map: phone, email, user_id… */
  kind: string;
  /** The identity, as the person gave it (it is normalised). */
  value: string;
};

/** A request's work in one source (a durable task). */
export type CatalogTaskStatus =
  /** Completed, exactly once. */
  | 'DONE'
  /** Gave up after its attempts; waits for `retryRequest`. */
  | 'FAILED'
  /** Waiting to be claimed (or to be retried at a later time). */
  | 'PENDING'
  /** Claimed by a worker under a lease. */
  | 'RUNNING';

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

export type AuditEventViewFragment = { position: number, kind: CatalogAuditKind, at: string, actor: string, role: string | null, purpose: string | null, subjectKeys: Array<string>, requestId: string | null, policyVersion: string | null, dataMapVersion: string | null, detail: unknown, coordinates: Array<{ coordinate: string, effect: string, method: string | null, reason: string }> };

export type AuditEventsQueryVariables = Exact<{
  subject?: CatalogSubjectInput | null | undefined;
  actor?: string | null | undefined;
  purpose?: string | null | undefined;
  kinds?: Array<CatalogAuditKind> | CatalogAuditKind | null | undefined;
  from?: string | null | undefined;
  to?: string | null | undefined;
  first: number;
  before?: number | null | undefined;
}>;


export type AuditEventsQuery = { auditEvents: { nextBefore: number | null, events: Array<{ position: number, kind: CatalogAuditKind, at: string, actor: string, role: string | null, purpose: string | null, subjectKeys: Array<string>, requestId: string | null, policyVersion: string | null, dataMapVersion: string | null, detail: unknown, coordinates: Array<{ coordinate: string, effect: string, method: string | null, reason: string }> }> } };

export type VerifyAuditLogQueryVariables = Exact<{ [key: string]: never; }>;


export type VerifyAuditLogQuery = { verifyAuditLog: { ok: boolean, events: number, head: { position: number, hash: string }, checkpoints: { checked: number, rejected: number, latest: number | null }, broken: { position: number, problem: CatalogAuditProblem, detail: string } | null } };

export type DataMapCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type DataMapCategoriesQuery = { dataMap: { categories: Array<{ key: string, name: string, description: string | null, builtIn: boolean, fields: Array<{ address: string }> }> } };

export type DataMapOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type DataMapOverviewQuery = { dataMap: { version: number, contentHash: string, organization: { name: string, homeRegion: string | null }, systems: Array<{ key: string, name: string, description: string | null, owner: string | null, region: string | null, controller: string | null, sourceKind: CatalogSourceKind | null, graphqlTypeName: string | null, collections: Array<{ address: string, key: string, description: string | null, table: string, primaryKey: Array<string>, erasure: CatalogErasureMode, graphqlTypeName: string | null, purposes: Array<{ key: string }>, legalBasis: { key: string } | null, retention: { days: number | null, description: string | null } | null, fields: Array<{ address: string, key: string, column: string, erasure: CatalogFieldErasure | null, type: CatalogFieldType | null, graphqlFieldName: string | null, category: { key: string, name: string, builtIn: boolean } | null, identity: { name: string, format: CatalogIdentityFormat, shared: boolean } | null, references: { address: string, follow: CatalogReferenceFollow, field: { address: string } } | null, referencedBy: Array<{ address: string }> }> }> }>, identities: Array<{ name: string, format: CatalogIdentityFormat, shared: boolean, fields: Array<{ address: string }> }>, purposes: Array<{ key: string, name: string, collections: Array<{ address: string }> }>, legalBases: Array<{ key: string, collections: Array<{ address: string }> }> } };

export type AccessDecisionViewFragment = { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null };

export type ExplainAccessQueryVariables = Exact<{
  role: string;
  purpose: string;
  coordinate?: string | null | undefined;
  category?: string | null | undefined;
}>;


export type ExplainAccessQuery = { explainAccess: { role: string, purpose: string, category: string | null, summary: string, field: { address: string, coordinate: string | null, category: string | null } | null, decision: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null }, winningRule: { path: string } | null, beatenRules: Array<{ resolved: CatalogAccess, lostBecause: CatalogRuleLostBecause, why: string, rule: { path: string, category: string, access: CatalogAccess } }>, purposeFacts: { declared: boolean, roleServes: boolean, universal: boolean, requiresConsent: boolean, collectionPurposes: Array<string> | null, collectionInScope: boolean | null, consent: string, minor: string }, fields: Array<{ field: { address: string }, decision: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null } }> } };

export type PermissionMatrixQueryVariables = Exact<{ [key: string]: never; }>;


export type PermissionMatrixQuery = { permissionMatrix: { policyVersion: string, dataMapVersion: string, categories: Array<string>, roles: Array<{ role: string, purposes: Array<string>, categories: Array<{ category: string, uniform: boolean, decision: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null }, byPurpose: Array<{ purpose: string, decision: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null } }> }> }>, fields: Array<{ field: { address: string, coordinate: string | null, category: string | null, identity: string | null }, decisions: Array<{ role: string, purpose: string, decision: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null } }> }> } };

export type PolicyLintQueryVariables = Exact<{ [key: string]: never; }>;


export type PolicyLintQuery = { policyLint: { errors: number, warnings: number, infos: number, findings: Array<{ severity: CatalogLintSeverity, code: string, file: string, path: string, message: string, fix: string }> } };

export type PolicyDiffQueryVariables = Exact<{
  proposedPolicy: string;
}>;


export type PolicyDiffQuery = { policyDiff: { fromPolicyVersion: string, toPolicyVersion: string, compared: number, changes: Array<{ role: string, purpose: string, direction: CatalogChangeDirection, field: { address: string, coordinate: string | null }, from: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null } | null, to: { effect: CatalogDecisionEffect, access: CatalogAccess, method: CatalogAccess | null, reason: CatalogDecisionReason, rule: { path: string, category: string, access: CatalogAccess } | null } | null }> } };

export type RightsRequestViewFragment = { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null };

export type RequestTaskViewFragment = { kind: string, system: string | null, status: CatalogTaskStatus, attempts: number, lastError: string | null, result: unknown };

export type RequestAccessMutationVariables = Exact<{
  subject: CatalogSubjectInput;
  identityVerification: string;
}>;


export type RequestAccessMutation = { requestAccess: { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null } };

export type RequestErasureMutationVariables = Exact<{
  subject: CatalogSubjectInput;
  identityVerification: string;
}>;


export type RequestErasureMutation = { requestErasure: { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null } };

export type ApproveRequestMutationVariables = Exact<{
  id: string | number;
  note?: string | null | undefined;
}>;


export type ApproveRequestMutation = { approveRequest: { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null } };

export type RejectRequestMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type RejectRequestMutation = { rejectRequest: { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null } };

export type RetryRequestMutationVariables = Exact<{
  id: string | number;
}>;


export type RetryRequestMutation = { retryRequest: { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null } };

export type RightsRequestStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type RightsRequestStatusQuery = { rightsRequest: { id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, receivedAt: string, dueDate: string, overdue: boolean, identityVerification: string, requestedBy: string, details: unknown, planSummary: unknown, decidedBy: string | null, decidedAt: string | null, decisionNote: string | null, result: unknown, reply: string | null, packageHash: string | null, downloadUrl: string | null, completedAt: string | null, tasks: Array<{ kind: string, system: string | null, status: CatalogTaskStatus, attempts: number, lastError: string | null, result: unknown }> } | null };

export type RightsRequestListQueryVariables = Exact<{
  status?: Array<CatalogRequestStatus> | CatalogRequestStatus | null | undefined;
  limit: number;
  offset: number;
}>;


export type RightsRequestListQuery = { rightsRequests: Array<{ id: string, kind: CatalogRequestKind, status: CatalogRequestStatus, dueDate: string, overdue: boolean, receivedAt: string, requestedBy: string }> };

export type SubjectByIdentityQueryVariables = Exact<{
  by: IdentityInput;
}>;


export type SubjectByIdentityQuery = { subject: { identities: Array<{ kind: IdentityKind, value: string | null }>, accounts: { users: Array<{ full_name: string | null, created_at: string | null, date_of_birth: string | null }> | null } | null } | null };

export type SubjectWithDataMapQueryVariables = Exact<{
  by: IdentityInput;
}>;


export type SubjectWithDataMapQuery = { subject: { identities: Array<{ kind: IdentityKind, value: string | null }> } | null, dataMap: { contentHash: string, systems: Array<{ key: string, sourceKind: CatalogSourceKind | null }> } };

export const AuditEventViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEventView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKeys"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"dataMapVersion"}},{"kind":"Field","name":{"kind":"Name","value":"coordinates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coordinate"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditEventViewFragment, unknown>;
export const AccessDecisionViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessDecisionView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]} as unknown as DocumentNode<AccessDecisionViewFragment, unknown>;
export const RightsRequestViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<RightsRequestViewFragment, unknown>;
export const RequestTaskViewFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestTaskView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRequestTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]} as unknown as DocumentNode<RequestTaskViewFragment, unknown>;
export const AuditEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuditEvents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogSubjectInput"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"actor"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAuditKind"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogDateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogDateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"before"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAuditPosition"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"auditEvents"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"actor"},"value":{"kind":"Variable","name":{"kind":"Name","value":"actor"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}},{"kind":"Argument","name":{"kind":"Name","value":"kinds"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kinds"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"before"},"value":{"kind":"Variable","name":{"kind":"Name","value":"before"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"events"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEventView"}}]}},{"kind":"Field","name":{"kind":"Name","value":"nextBefore"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEventView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAuditEvent"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"subjectKeys"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"dataMapVersion"}},{"kind":"Field","name":{"kind":"Name","value":"coordinates"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"coordinate"}},{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]} as unknown as DocumentNode<AuditEventsQuery, AuditEventsQueryVariables>;
export const VerifyAuditLogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyAuditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyAuditLog"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"events"}},{"kind":"Field","name":{"kind":"Name","value":"head"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"hash"}}]}},{"kind":"Field","name":{"kind":"Name","value":"checkpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"checked"}},{"kind":"Field","name":{"kind":"Name","value":"rejected"}},{"kind":"Field","name":{"kind":"Name","value":"latest"}}]}},{"kind":"Field","name":{"kind":"Name","value":"broken"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"problem"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}}]}}]}}]} as unknown as DocumentNode<VerifyAuditLogQuery, VerifyAuditLogQueryVariables>;
export const DataMapCategoriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataMapCategories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataMapCategoriesQuery, DataMapCategoriesQueryVariables>;
export const DataMapOverviewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DataMapOverview"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"organization"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"homeRegion"}}]}},{"kind":"Field","name":{"kind":"Name","value":"systems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"region"}},{"kind":"Field","name":{"kind":"Name","value":"controller"}},{"kind":"Field","name":{"kind":"Name","value":"sourceKind"}},{"kind":"Field","name":{"kind":"Name","value":"graphqlTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"table"}},{"kind":"Field","name":{"kind":"Name","value":"primaryKey"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBasis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}}]}},{"kind":"Field","name":{"kind":"Name","value":"retention"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"days"}},{"kind":"Field","name":{"kind":"Name","value":"description"}}]}},{"kind":"Field","name":{"kind":"Name","value":"erasure"}},{"kind":"Field","name":{"kind":"Name","value":"graphqlTypeName"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"category"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"builtIn"}}]}},{"kind":"Field","name":{"kind":"Name","value":"identity"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}}]}},{"kind":"Field","name":{"kind":"Name","value":"references"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"follow"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"referencedBy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"erasure"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"graphqlFieldName"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"format"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"legalBases"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"collections"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DataMapOverviewQuery, DataMapOverviewQueryVariables>;
export const ExplainAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ExplainAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"role"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"coordinate"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"category"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"explainAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"role"},"value":{"kind":"Variable","name":{"kind":"Name","value":"role"}}},{"kind":"Argument","name":{"kind":"Name","value":"purpose"},"value":{"kind":"Variable","name":{"kind":"Name","value":"purpose"}}},{"kind":"Argument","name":{"kind":"Name","value":"coordinate"},"value":{"kind":"Variable","name":{"kind":"Name","value":"coordinate"}}},{"kind":"Argument","name":{"kind":"Name","value":"category"},"value":{"kind":"Variable","name":{"kind":"Name","value":"category"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"coordinate"}},{"kind":"Field","name":{"kind":"Name","value":"category"}}]}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}},{"kind":"Field","name":{"kind":"Name","value":"winningRule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}}]}},{"kind":"Field","name":{"kind":"Name","value":"beatenRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}},{"kind":"Field","name":{"kind":"Name","value":"resolved"}},{"kind":"Field","name":{"kind":"Name","value":"lostBecause"}},{"kind":"Field","name":{"kind":"Name","value":"why"}}]}},{"kind":"Field","name":{"kind":"Name","value":"purposeFacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declared"}},{"kind":"Field","name":{"kind":"Name","value":"roleServes"}},{"kind":"Field","name":{"kind":"Name","value":"universal"}},{"kind":"Field","name":{"kind":"Name","value":"requiresConsent"}},{"kind":"Field","name":{"kind":"Name","value":"collectionPurposes"}},{"kind":"Field","name":{"kind":"Name","value":"collectionInScope"}},{"kind":"Field","name":{"kind":"Name","value":"consent"}},{"kind":"Field","name":{"kind":"Name","value":"minor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessDecisionView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]} as unknown as DocumentNode<ExplainAccessQuery, ExplainAccessQueryVariables>;
export const PermissionMatrixDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PermissionMatrix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"permissionMatrix"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"dataMapVersion"}},{"kind":"Field","name":{"kind":"Name","value":"categories"}},{"kind":"Field","name":{"kind":"Name","value":"roles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purposes"}},{"kind":"Field","name":{"kind":"Name","value":"categories"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"uniform"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}},{"kind":"Field","name":{"kind":"Name","value":"byPurpose"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"fields"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"coordinate"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"identity"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"decision"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessDecisionView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]} as unknown as DocumentNode<PermissionMatrixQuery, PermissionMatrixQueryVariables>;
export const PolicyLintDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyLint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyLint"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"}},{"kind":"Field","name":{"kind":"Name","value":"warnings"}},{"kind":"Field","name":{"kind":"Name","value":"infos"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"file"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"fix"}}]}}]}}]}}]} as unknown as DocumentNode<PolicyLintQuery, PolicyLintQueryVariables>;
export const PolicyDiffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"PolicyDiff"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"proposedPolicy"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"policyDiff"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"proposedPolicy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"proposedPolicy"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"fromPolicyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"toPolicyVersion"}},{"kind":"Field","name":{"kind":"Name","value":"compared"}},{"kind":"Field","name":{"kind":"Name","value":"changes"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"purpose"}},{"kind":"Field","name":{"kind":"Name","value":"field"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"address"}},{"kind":"Field","name":{"kind":"Name","value":"coordinate"}}]}},{"kind":"Field","name":{"kind":"Name","value":"from"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}},{"kind":"Field","name":{"kind":"Name","value":"to"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AccessDecisionView"}}]}},{"kind":"Field","name":{"kind":"Name","value":"direction"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AccessDecisionView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogAccessDecision"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"effect"}},{"kind":"Field","name":{"kind":"Name","value":"access"}},{"kind":"Field","name":{"kind":"Name","value":"method"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"category"}},{"kind":"Field","name":{"kind":"Name","value":"access"}}]}}]}}]} as unknown as DocumentNode<PolicyDiffQuery, PolicyDiffQueryVariables>;
export const RequestAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogSubjectInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityVerification"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"identityVerification"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityVerification"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RightsRequestView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<RequestAccessMutation, RequestAccessMutationVariables>;
export const RequestErasureDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestErasure"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"subject"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogSubjectInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"identityVerification"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestErasure"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"subject"},"value":{"kind":"Variable","name":{"kind":"Name","value":"subject"}}},{"kind":"Argument","name":{"kind":"Name","value":"identityVerification"},"value":{"kind":"Variable","name":{"kind":"Name","value":"identityVerification"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RightsRequestView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<RequestErasureMutation, RequestErasureMutationVariables>;
export const ApproveRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RightsRequestView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<ApproveRequestMutation, ApproveRequestMutationVariables>;
export const RejectRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RightsRequestView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<RejectRequestMutation, RejectRequestMutationVariables>;
export const RetryRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RetryRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"retryRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RightsRequestView"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}}]} as unknown as DocumentNode<RetryRequestMutation, RetryRequestMutationVariables>;
export const RightsRequestStatusDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RightsRequestStatus"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rightsRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RightsRequestView"}},{"kind":"Field","name":{"kind":"Name","value":"tasks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"RequestTaskView"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RightsRequestView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRightsRequest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"identityVerification"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}},{"kind":"Field","name":{"kind":"Name","value":"details"}},{"kind":"Field","name":{"kind":"Name","value":"planSummary"}},{"kind":"Field","name":{"kind":"Name","value":"decidedBy"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"decisionNote"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"reply"}},{"kind":"Field","name":{"kind":"Name","value":"packageHash"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"RequestTaskView"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRequestTask"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"system"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"lastError"}},{"kind":"Field","name":{"kind":"Name","value":"result"}}]}}]} as unknown as DocumentNode<RightsRequestStatusQuery, RightsRequestStatusQueryVariables>;
export const RightsRequestListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"RightsRequestList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"status"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CatalogRequestStatus"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rightsRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"status"},"value":{"kind":"Variable","name":{"kind":"Name","value":"status"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"dueDate"}},{"kind":"Field","name":{"kind":"Name","value":"overdue"}},{"kind":"Field","name":{"kind":"Name","value":"receivedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requestedBy"}}]}}]}}]} as unknown as DocumentNode<RightsRequestListQuery, RightsRequestListQueryVariables>;
export const SubjectByIdentityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectByIdentity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityInput"}}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"purpose"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"dsar","block":false}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accounts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"full_name"}},{"kind":"Field","name":{"kind":"Name","value":"created_at"}},{"kind":"Field","name":{"kind":"Name","value":"date_of_birth"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SubjectByIdentityQuery, SubjectByIdentityQueryVariables>;
export const SubjectWithDataMapDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"SubjectWithDataMap"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"by"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdentityInput"}}}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"purpose"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"StringValue","value":"dsar","block":false}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"subject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"by"},"value":{"kind":"Variable","name":{"kind":"Name","value":"by"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"identities"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"value"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataMap"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"contentHash"}},{"kind":"Field","name":{"kind":"Name","value":"systems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"sourceKind"}}]}}]}}]}}]} as unknown as DocumentNode<SubjectWithDataMapQuery, SubjectWithDataMapQueryVariables>;