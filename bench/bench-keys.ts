/**
 * The deployment keys of the benchmark's processes. The hash key names subjects in the
 * store (SPEC §4.5): consent history and the demo's legal holds are keyed by it, so every
 * process that reads them — the gateways, the rights-request runtime — uses the same one,
 * and it stays the same from run to run so a store imported once stays findable. A
 * benchmark fixture, not a secret: the bench database holds generated people only.
 */
import { createHash, randomBytes } from 'node:crypto';

export const BENCH_HASH_KEY = createHash('sha256')
  .update('privgraph bench hash key')
  .digest('base64');

/**
 * Keys for the processes of one rights-request run, as the gateway reads them from its
 * environment: fresh token and tokenize keys (the seal key of requests, plans and packages is
 * derived from the tokenize key, so every worker of the run gets the same one).
 */
export function requestRunKeys(): Record<string, string> {
  return {
    PRIVGRAPH_HASH_KEY: BENCH_HASH_KEY,
    PRIVGRAPH_TOKENIZE_KEY: randomBytes(32).toString('base64'),
    PRIVGRAPH_JWT_SECRET: randomBytes(32).toString('base64url'),
  };
}
