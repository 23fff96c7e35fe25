/**
 * Other people's data in a person's access package is withheld (SPEC §6: "data of other
 * people in shared rows is redacted"; PIPL art. 45 gives the person *their* information,
 * and art. 10 forbids disclosing anyone else's). In a row of the package:
 * - a reference (followed down, up or both ways) whose value points to no row the package
 *   shows as the person's or as nobody else's is withheld: a row of another person (an
 *   approval's `approver_id` naming another employee; the `referred_by` of their own customer
 *   row naming the customer who referred them), or a row that was not read at all (whose it
 *   is, nobody can tell). A reference to their own row, or to a related row that carries no
 *   one else's identity (their organisation, a device they use), stays;
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
import { formatCollectionAddress } from '../datamap/model';
import type {
  CollectionNode,
  IdentityFieldRef,
  TraversalGraph,
} from '../traversal/traversal-graph';
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
  const linkable = new Map<string, Set<string>>();
  /** Values of `address.field` on rows a reference may point to: the person's own, and
   * related (terminal) rows that carry no one else's identity. */
  const linkableValuesOf = (address: string, field: string): Set<string> => {
    const id = `${address}\u0000${field}`;
    let values = linkable.get(id);
    if (!values) {
      const node = graph.nodes.get(address);
      values = new Set(
        (person.rows.get(address) ?? []).flatMap((found) =>
          isOwnRow(own, address, found.key) ||
          (found.role === 'terminal' &&
            node !== undefined &&
            !carriesForeignIdentity(node, found.row, identities))
            ? (valueText(found.row[field]) ?? [])
            : [],
        ),
      );
      linkable.set(id, values);
    }
    return values;
  };

  return (node, row, relation) => {
    const withheld = new Set<string>();
    for (const field of node.def.fields) {
      if (!field.references) continue;
      const value = valueText(row[field.key]);
      const target = formatCollectionAddress(field.references);
      if (value !== null && !linkableValuesOf(target, field.references.field).has(value))
        withheld.add(field.key);
    }
    const foreign = foreignIdentitySources(node, row, identities);
    for (const source of foreign) withheld.add(source.field.key);
    if (relation === 'related' && foreign.length > 0)
      for (const field of node.def.fields)
        if (field.category !== undefined) withheld.add(field.key);
    return node.def.fields.map((field) => field.key).filter((key) => withheld.has(key));
  };
}

function foreignIdentitySources(
  node: CollectionNode,
  row: SourceRow,
  identities: ReadonlySet<string>,
): IdentityFieldRef[] {
  // every field holding an identity value, whatever its follow: a value names its person
  return node.identityCarriers.filter((source) => isForeignIdentity(source, row, identities));
}

const carriesForeignIdentity = (
  node: CollectionNode,
  row: SourceRow,
  identities: ReadonlySet<string>,
): boolean => foreignIdentitySources(node, row, identities).length > 0;
