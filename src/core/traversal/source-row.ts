/** A row as read from a source, keyed by the data map's field keys. */
export type SourceRow = Readonly<Record<string, unknown>>;
