/**
 * Other people's data in a person's access package is withheld (SPEC §6: "data of other
 * people in shared rows is redacted"; PIPL art. 45 gives the person *their* information,
 * and art. 10 forbids disclosing anyone else's). In a row of the package:
 * - a down-reference whose value points to a row that is not one of the person's own rows
 *   (an approval's `approver_id` naming another employee) is withheld: it would say who that
 *   other person is;
 * - a value of a non-shared identity kind (declared, or carried by a reference) that is not
 *   one of the person's identities is withheld (another user's id or e-mail on a row of a
 *   shared device);
 * - a *related* row carrying such a value is that other person's row, shown only because
 *   the person's rows point at it (the member who referred them, their manager): every
 *   field the map gives a category — their name, birth date, address — is withheld too;
 *   what is left, the fields the map does not call personal, shows that the row is there
 *   without saying whose it is.
 * Withheld values become null and their field keys are listed, so the person knows something
 * was withheld and where.
 */
import { valueText } from '../identity/canonical';
import type { SourceRow } from '../traversal/source-row';
import type { SubjectGraph } from '../traversal/subject-graph';
import type { CollectionNode, TraversalGraph } from '../traversal/traversal-graph';
import { downReferences } from './down-references';
import type { RowKeySets } from './person-rows';
import { isForeignIdentity, isOwnRow } from './person-rows';

/** Field keys of `row` to withhold, in field order. */
export type Redactor = (
  node: CollectionNode,
  row: SourceRow,
  relation: 'own' | 'related',
) => string[];

export function redactorFor(
  graph: TraversalGraph,
  person: SubjectGraph,
  own: RowKeySets,
  identities: ReadonlySet<string>,
): Redactor {
  const ownValues = new Map<string, Set<string>>();
  const ownValuesOf = (address: string, field: string): Set<string> => {
    const id = `${address}\u0000${field}`;
    let values = ownValues.get(id);
    if (!values) {
      values = new Set(
        (person.rows.get(address) ?? []).flatMap((found) =>
          isOwnRow(own, address, found.key) ? (valueText(found.row[field]) ?? []) : [],
        ),
      );
      ownValues.set(id, values);
    }
    return values;
  };

  return (node, row, relation) => {
    const withheld = new Set<string>();
    for (const ref of downReferences(graph, node.address)) {
      const value = valueText(row[ref.field.key]);
      if (value !== null && !ownValuesOf(ref.parent, ref.parentField.key).has(value))
        withheld.add(ref.field.key);
    }
    const foreign = node.identityCarriers.filter((source) =>
      isForeignIdentity(source, row, identities),
    );
    for (const source of foreign) withheld.add(source.field.key);
    if (relation === 'related' && foreign.length > 0)
      for (const field of node.def.fields)
        if (field.category !== undefined) withheld.add(field.key);
    return node.def.fields.map((field) => field.key).filter((key) => withheld.has(key));
  };
}
