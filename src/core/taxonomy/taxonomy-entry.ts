/** One data category of a taxonomy, as shipped or as declared by a data map. */
export interface TaxonomyEntry {
  readonly key: string;
  readonly name: string;
  readonly description: string;
}
