/**
 * Field address → GraphQL schema coordinate, read off the subject graph's model — the names
 * the gateway serves (`AccountsUsers.email`). The review core cannot import the graph, so the
 * adapters (this control plane, the CLI) hand it these. Names depend on the map alone, not
 * on the sources' column types, so the CLI builds the model with no source at all.
 */
import type { DataMap } from '../../core/datamap/model';
import { formatFieldAddress } from '../../core/datamap/model';
import type { FieldCoordinates } from '../../core/review';
import type { GraphModel } from '../../graph/graph-model';
import { buildGraphModel } from '../../graph/graph-model';

const cache = new WeakMap<GraphModel, FieldCoordinates>();

export function fieldCoordinatesOf(model: GraphModel): FieldCoordinates {
  const cached = cache.get(model);
  if (cached) return cached;
  const coordinates = new Map<string, string>();
  for (const type of model.collections.values())
    for (const field of type.fields)
      if (field.target.kind === 'column')
        coordinates.set(
          formatFieldAddress(field.target.field.address),
          `${type.name}.${field.name}`,
        );
  cache.set(model, coordinates);
  return coordinates;
}

/** The coordinates a gateway serving `map` would have, without reaching its sources. */
export function fieldCoordinatesForMap(map: DataMap): FieldCoordinates {
  return fieldCoordinatesOf(buildGraphModel(map, new Map()));
}
