import 'reflect-metadata';
import { Ctx, Query, Resolver } from 'type-graphql';
import type { ControlPlaneContext } from '../control-context';
import { catalogOf } from './catalog-cache';
import { CatalogDataMap } from './data-map.type';

/**
 * `dataMap`: the catalogue of the map the gateway runs on. It holds no personal values, so
 * for now any caller may read it; the access layer will put a capability check here
 * (SPEC §4.3: the control plane gets explicit rules).
 */
@Resolver(() => CatalogDataMap)
export class DataMapResolver {
  @Query(() => CatalogDataMap, {
    description: 'The data map the gateway runs on (a catalogue; no personal values).',
  })
  dataMap(@Ctx() context: ControlPlaneContext): CatalogDataMap {
    return catalogOf(context.control).dataMap;
  }
}
