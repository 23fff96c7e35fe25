/**
 * Categories privgraph adds where Fideslang has no key for data the seed policy names
 * (`seed/whale-privacy-policy.txt` §1: registration takes a verification code; §4 security
 * logs record device brand, model, name and software version). Kept apart from the
 * Fideslang list so an upstream update never has to untangle them; each hangs under an
 * existing Fideslang branch, so a rule on that branch still covers it.
 */
import type { TaxonomyEntry } from './taxonomy-entry';

export const PRIVGRAPH_CATEGORIES: readonly TaxonomyEntry[] = [
  {
    key: 'user.credentials.verification_code',
    name: 'Verification code',
    description: 'A one-time code sent by SMS or email to prove control of a phone or mailbox.',
  },
  {
    key: 'user.device.model',
    name: 'Device model',
    description: 'Brand, model and name of a device.',
  },
  {
    key: 'user.device.software_version',
    name: 'Device software version',
    description: 'Operating system and app versions running on a device.',
  },
];
