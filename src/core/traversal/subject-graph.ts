/** What the traversal finds for one data subject. */
import type { SourceRow } from './source-row';

export type RowRole = 'subject' | 'terminal';

export interface FoundRow {
  readonly key: string;
  readonly row: SourceRow;
  /** `subject`: a row about this person; `terminal`: a shared or related row found through
   * a shared identity or an upward reference — shown, never expanded (SPEC §5). */
  role: RowRole;
}

export interface FoundIdentity {
  readonly kind: string;
  readonly value: string;
  readonly shared: boolean;
}

export interface SourceFailure {
  readonly system: string;
  readonly message: string;
}

export interface SubjectGraph {
  readonly identities: readonly FoundIdentity[];
  /** Collection address → rows, in discovery order. */
  readonly rows: ReadonlyMap<string, readonly FoundRow[]>;
  readonly failures: readonly SourceFailure[];
  /** True when the round limit stopped the traversal before it converged. */
  readonly truncated: boolean;
}
