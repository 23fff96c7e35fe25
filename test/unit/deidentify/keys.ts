/** Fixed test keys: two deployments, so "another key" has something to be. */
import type { DeidentifyKeys } from '../../../src/core/deidentify/keys';
import { deriveDeidentifyKeys } from '../../../src/core/deidentify/keys';

export const KEYS: DeidentifyKeys = deriveDeidentifyKeys(Buffer.alloc(32, 1));
export const OTHER_KEYS: DeidentifyKeys = deriveDeidentifyKeys(Buffer.alloc(32, 2));
