/**
 * Which identities a caller may look people up by (SPEC §4.4: a denied value never appears,
 * in any form). A lookup answers whether someone with that value exists and shows their
 * data: a role that may not read an identity kind in any form — denied by a rule, by
 * default, or held by no collection its purpose may read — could otherwise learn whose a
 * national id or a phone number is, and undo the pseudonyms it is given. So such a lookup is
 * refused before anything is read, with the input field's coordinate and the reason. A kind
 * the role sees de-identified (a support agent's masked phone, a pseudonymous app's hashed
 * account id) stays a search key: the caller already holds the value, and the answer shows
 * it no more than the role may see.
 */
import { ForbiddenFieldError } from '../errors/error-codes';
import type { RequestAccess } from './request-access';

/** Throws FORBIDDEN when the role may not read identity `kind` (input field `inputName`). */
export function checkLookupKind(access: RequestAccess, kind: string, inputName: string): void {
  const shown = access.table.identities.get(kind);
  if (shown && shown.decision.effect !== 'deny') return;
  throw new ForbiddenFieldError(`IdentityInput.${inputName}`, shown?.decision.reason ?? 'NO_RULE');
}
