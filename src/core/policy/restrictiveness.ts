/**
 * The tie-break between equally specific rules (SPEC §4.3): the most restrictive wins,
 * deny > redact > tokenize > hash > mask > generalize > allow. Tokenize ranks above hash
 * because only a role that `may: reidentify` can reverse it, so to the reader it reveals
 * less than a stable hash; mask and generalize show part of the value; allow shows it all.
 */
import type { DeidentifyMethod } from '../deidentify/method';
import type { Access, RuleAccess } from './model';

/** Least restrictive first. */
export const RESTRICTIVENESS: readonly Access[] = [
  'allow',
  'generalize',
  'mask',
  'hash',
  'tokenize',
  'redact',
  'deny',
];

/** `deidentify` means the field's default method; resolve it before ranking. */
export function resolveAccess(access: RuleAccess, defaultMethod: DeidentifyMethod): Access {
  return access === 'deidentify' ? defaultMethod : access;
}

/** Higher is more restrictive. */
export function restrictivenessOf(access: Access): number {
  return RESTRICTIVENESS.indexOf(access);
}
