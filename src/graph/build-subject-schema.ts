/**
 * The executable subject graph: generated SDL + generated resolvers + scalars.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { DateTimeResolver, JSONResolver, LocalDateResolver, UUIDResolver } from 'graphql-scalars';
import type { DataMap } from '../core/datamap/model';
import type { TableDescription } from '../sources/connector';
import { emitSubjectSdl } from './emit-sdl';
import type { GraphModel } from './graph-model';
import { buildGraphModel } from './graph-model';
import type { SubjectResolverOptions } from './subject-resolvers';
import { buildSubjectResolvers } from './subject-resolvers';

export interface SubjectSchema {
  readonly model: GraphModel;
  readonly sdl: string;
  readonly schema: GraphQLSchema;
}

export function buildSubjectSchema(
  map: DataMap,
  describe: ReadonlyMap<string, readonly TableDescription[]>,
  options: SubjectResolverOptions,
): SubjectSchema {
  const model = buildGraphModel(map, describe);
  const sdl = emitSubjectSdl(model, map.contentHash);
  const schema = makeExecutableSchema({
    typeDefs: sdl,
    resolvers: {
      DateTime: DateTimeResolver,
      LocalDate: LocalDateResolver,
      JSON: JSONResolver,
      UUID: UUIDResolver,
      ...buildSubjectResolvers(model, options),
    },
  });
  return { model, sdl, schema };
}
