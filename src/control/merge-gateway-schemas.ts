/**
 * The gateway serves one schema: the generated subject graph and the control plane side by
 * side, so one request may ask for a subject and the catalogue together. Merged with
 * @graphql-tools, which rebuilds the schema from both SDLs and carries over each side's
 * resolvers, custom scalars and enum values.
 *
 * The two sides must not share a type name or a root field: a silent merge of two
 * same-named types would serve one side's fields with the other's resolvers. The subject
 * graph never generates a name starting with `Catalog` (`graph-model.ts`), and every
 * control-plane type starts with it; this checks both promises at start-up.
 */
import { mergeSchemas } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { isObjectType } from 'graphql';
import { CONTROL_PLANE_PREFIX } from '../graph/graph-model';

/** Root types both sides may extend; their fields must still be disjoint. */
const ROOT_TYPES = ['Query', 'Mutation', 'Subscription'];

export function mergeGatewaySchemas(subject: GraphQLSchema, control: GraphQLSchema): GraphQLSchema {
  const problems = [...misnamedControlTypes(control), ...collisions(subject, control)];
  if (problems.length > 0)
    throw new Error(
      `cannot merge the control plane into the subject graph: ${problems.join('; ')}`,
    );
  return mergeSchemas({ schemas: [subject, control] });
}

function ownTypeNames(schema: GraphQLSchema): string[] {
  // `__Schema` etc. and the spec's scalars are in every schema; they are shared, not ours.
  const specified = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);
  return Object.keys(schema.getTypeMap()).filter(
    (name) => !name.startsWith('__') && !specified.has(name),
  );
}

function misnamedControlTypes(control: GraphQLSchema): string[] {
  return ownTypeNames(control)
    .filter((name) => !ROOT_TYPES.includes(name) && !name.startsWith(CONTROL_PLANE_PREFIX))
    .map((name) => `control-plane type ${name} does not start with ${CONTROL_PLANE_PREFIX}`);
}

function collisions(subject: GraphQLSchema, control: GraphQLSchema): string[] {
  const subjectTypes = new Set(ownTypeNames(subject));
  const problems = ownTypeNames(control)
    .filter((name) => !ROOT_TYPES.includes(name) && subjectTypes.has(name))
    .map((name) => `type ${name} is defined by both`);
  for (const root of ROOT_TYPES) {
    const subjectRoot = subject.getType(root);
    const controlRoot = control.getType(root);
    if (!isObjectType(subjectRoot) || !isObjectType(controlRoot)) continue;
    const taken = new Set(Object.keys(subjectRoot.getFields()));
    for (const field of Object.keys(controlRoot.getFields())) {
      if (taken.has(field)) problems.push(`${root}.${field} is defined by both`);
    }
  }
  return problems;
}
