/** What access decisions know about the person a row is about (SPEC §4.3, §7): loaded per
 * subject by `subject-facts.ts`, and for other people's rows by `related-row-facts.ts`. */
import type { SourceRow } from '../core/traversal/source-row';

export interface SubjectFactsBase {
  /** Purposes with an active consent. */
  readonly consented: ReadonlySet<string>;
  /** Purposes (or `*`) a guardian consented to. */
  readonly guardianConsented: ReadonlySet<string>;
  readonly minor: boolean;
  /** Keyed hashes of the subject's canonical, non-shared identities: how the audit trail
   * names them (SPEC §7). */
  readonly subjectKeys: readonly string[];
  /** Set on the facts of a person met only through a row of someone else's traversal (their
   * referrer's customer row): decided with unknown consent and age (`related-row-facts.ts`). */
  readonly related?: boolean;
  /** The rows of this subject's traversal that are not theirs, with the facts each is
   * decided with (`src/core/policy/row-relation.ts`); every other row uses these facts. */
  readonly others?: ReadonlyMap<SourceRow, SubjectFactsBase>;
}
