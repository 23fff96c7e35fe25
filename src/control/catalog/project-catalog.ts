/**
 * The data map as the plain object tree the control plane serves, plus the index of its
 * back-links. Built once per map version (`catalog-cache.ts`); every catalogue field is then
 * a property read or one map lookup, so a query over the whole map does no per-field work.
 */
import type { DataMap } from '../../core/datamap/model';
import type { GraphModel } from '../../graph/graph-model';
import type { CatalogLinks } from './catalog-links';
import { emptyLinks } from './catalog-links';
import type { CatalogDataMap } from './data-map.type';
import { projectSystems } from './project-systems';
import { projectVocabulary } from './project-vocabulary';
import { indexSubjectNaming, NO_SUBJECT_GRAPH } from './subject-naming';

export interface CatalogProjection {
  readonly dataMap: CatalogDataMap;
  readonly links: CatalogLinks;
}

export function projectCatalog(map: DataMap, subjectGraph?: GraphModel): CatalogProjection {
  const vocabulary = projectVocabulary(map);
  const naming = subjectGraph ? indexSubjectNaming(subjectGraph) : NO_SUBJECT_GRAPH;
  const links = emptyLinks();
  const systems = projectSystems(map, { vocabulary, naming, links });
  return {
    dataMap: {
      version: map.version,
      contentHash: map.contentHash,
      organization: {
        name: map.organization.name,
        homeRegion: map.organization.homeRegion ?? null,
      },
      systems,
      identities: [...vocabulary.identities.values()],
      categories: [...vocabulary.categories.values()],
      purposes: [...vocabulary.purposes.values()],
      legalBases: [...vocabulary.legalBases.values()],
    },
    links,
  };
}
