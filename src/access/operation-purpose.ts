/**
 * The purpose of an operation (SPEC §4.2): declared in the operation itself
 * (`query Q @purpose(name: "customer_service") { … }`, so a stored or persisted operation is
 * self-describing) or in the `x-privgraph-purpose` header; when both are given they must
 * agree. Compared exactly: no case folding, no trimming.
 */
import type { FragmentDefinitionNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';

export const PURPOSE_HEADER = 'x-privgraph-purpose';

/** Root fields that read or reverse personal data, and so need a purpose. */
const PERSONAL_ROOT_FIELDS = new Set(['subject', 'subjects', 'reidentify']);

export type PurposeResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'declared'; readonly purpose: string }
  | { readonly kind: 'conflict'; readonly directive: string; readonly header: string }
  | { readonly kind: 'invalid'; readonly message: string };

export function operationPurpose(
  operation: OperationDefinitionNode,
  header: string | undefined,
  variables: Readonly<Record<string, unknown>>,
): PurposeResult {
  const directive = operation.directives?.find((d) => d.name.value === 'purpose');
  let declared: string | undefined;
  if (directive) {
    const argument = directive.arguments?.find((a) => a.name.value === 'name')?.value;
    if (argument?.kind === Kind.STRING) declared = argument.value;
    else if (argument?.kind === Kind.VARIABLE) {
      const value = variables[argument.name.value];
      if (typeof value !== 'string')
        return {
          kind: 'invalid',
          message: `@purpose(name: $${argument.name.value}) needs a string variable`,
        };
      declared = value;
    }
  }
  if (declared !== undefined && header !== undefined && declared !== header) {
    return { kind: 'conflict', directive: declared, header };
  }
  const purpose = declared ?? header;
  return purpose === undefined ? { kind: 'none' } : { kind: 'declared', purpose };
}

export function touchesPersonalData(
  operation: OperationDefinitionNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): boolean {
  const visit = (set: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    (set?.selections ?? []).some((node) => {
      if (node.kind === Kind.FIELD) return PERSONAL_ROOT_FIELDS.has(node.name.value);
      if (node.kind === Kind.INLINE_FRAGMENT) return visit(node.selectionSet, seen);
      if (seen.has(node.name.value)) return false;
      seen.add(node.name.value);
      return visit(fragments[node.name.value]?.selectionSet, seen);
    });
  return visit(operation.selectionSet, new Set());
}
