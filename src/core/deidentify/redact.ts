/**
 * `redact`: the value is withheld and the field answers null (SPEC §4.5). Unlike a deny, a
 * redaction is a successful read with no error: the caller learns the field exists, not what
 * it holds — the right outcome for credentials a role may know are present.
 */
export function redactValue(_value: unknown): null {
  return null;
}
