/**
 * The gateway's configuration, from the environment only (secrets never live in code).
 * Every variable is listed in the README; a bad value stops the start with its name.
 */
import path from 'node:path';
import { z } from 'zod';
import { JWT_ALGORITHMS } from '../access/authentication/jwt-key-material';

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  PRIVGRAPH_DATA_DIR: z.string().default('.privgraph'),
  DATABASE_URL: z.string().optional(),
  PRIVGRAPH_DATAMAP: z.string().default('seeds/demo/datamap.yaml'),
  /** The access policy; default: `policy.yaml` beside the data map. */
  PRIVGRAPH_POLICY: z.string().optional(),
  /** The holiday calendar request due dates are counted on (docs/calendar.md). */
  PRIVGRAPH_HOLIDAY_CALENDAR: z.string().default('seeds/calendars/cn-2026-2027.yaml'),
  /** How long an access request's export package can be downloaded (then purged). */
  PRIVGRAPH_EXPORT_TTL_HOURS: z.coerce.number().int().min(1).default(168),
  /** How often this process's request worker polls for tasks; 0: this process runs none
   * (another replica or `privgraph request` does the work). */
  PRIVGRAPH_REQUEST_WORKER_POLL_MS: z.coerce.number().int().min(0).default(1000),
  PRIVGRAPH_SEED_DEMO: z.enum(['auto', 'always', 'never']).default('auto'),
  PRIVGRAPH_DEMO_SUBJECTS: z.coerce.number().int().min(1).default(200),
  PRIVGRAPH_MAX_SUBJECTS_PER_REQUEST: z.coerce.number().int().min(1).default(100),
  PRIVGRAPH_MAX_TRAVERSAL_ROUNDS: z.coerce.number().int().min(1).default(32),
  PRIVGRAPH_SOURCE_POOL_SIZE: z.coerce.number().int().min(1).default(4),
  PRIVGRAPH_SOURCE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(1).default(5000),
  PRIVGRAPH_SOURCE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).default(15000),
  PRIVGRAPH_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  NODE_ENV: z.string().default('development'),

  // Authentication and the deployment's keys (docs/authentication.md). Unset keys are
  // generated into <dataDir>/keys in development; production refuses to start without them.
  PRIVGRAPH_JWT_SECRET: z.string().optional(),
  PRIVGRAPH_JWT_PUBLIC_KEY: z.string().optional(),
  PRIVGRAPH_JWT_JWKS_FILE: z.string().optional(),
  PRIVGRAPH_JWT_JWKS_URL: z.string().optional(),
  PRIVGRAPH_JWT_ALGORITHM: z.enum(JWT_ALGORITHMS).optional(),
  PRIVGRAPH_JWT_ISSUER: z.string().optional(),
  PRIVGRAPH_JWT_AUDIENCE: z.string().optional(),
  PRIVGRAPH_JWT_ROLE_CLAIM: z.string().min(1).default('role'),
  PRIVGRAPH_HASH_KEY: z.string().optional(),
  PRIVGRAPH_TOKENIZE_KEY: z.string().optional(),

  /** `off` serves every field raw to any authenticated caller: no shield tree, no purpose
   * or consent checks, no de-identification. Only for measuring what enforcement costs
   * (`npm run bench`, docs/performance.md); refused in production below. */
  PRIVGRAPH_ENFORCE_ACCESS: z.enum(['on', 'off']).default('on'),
  /** `off` writes no audit trail: only to measure its cost (`npm run bench`); refused in
   * production below, like PRIVGRAPH_ENFORCE_ACCESS=off. */
  PRIVGRAPH_AUDIT: z.enum(['on', 'off']).default('on'),
  /** Where signed checkpoints of the audit chain go, outside the database (default: the
   * data directory's `audit-checkpoints.jsonl`). Ship it to a log sink in production. */
  PRIVGRAPH_AUDIT_CHECKPOINT_FILE: z.string().optional(),
});

export type GatewayConfig = z.infer<typeof schema> & {
  readonly dataDir: string;
  readonly production: boolean;
  /** False only with `PRIVGRAPH_ENFORCE_ACCESS=off`, which production refuses. */
  readonly enforceAccess: boolean;
};

/** SPEC §4 is the gateway's reason to exist: a deployment can never switch it off. */
const refuseUnenforcedProduction = schema.superRefine((config, context) => {
  if (config.PRIVGRAPH_AUDIT === 'off' && config.NODE_ENV === 'production')
    context.addIssue({
      code: 'custom',
      path: ['PRIVGRAPH_AUDIT'],
      message:
        'off is refused with NODE_ENV=production: every read of personal data must leave an ' +
        "audit event; off exists only to measure the audit trail's cost (docs/performance.md)",
    });
  if (config.PRIVGRAPH_ENFORCE_ACCESS === 'off' && config.NODE_ENV === 'production')
    context.addIssue({
      code: 'custom',
      path: ['PRIVGRAPH_ENFORCE_ACCESS'],
      message:
        'off is refused with NODE_ENV=production: it serves every personal field raw to any ' +
        'caller, and exists only to measure the cost of field-level access (docs/performance.md)',
    });
});

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = refuseUnenforcedProduction.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `  ${issue.path.join('.')}: ${issue.message}`,
    );
    throw new Error(`invalid configuration:\n${problems.join('\n')}`);
  }
  return {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.PRIVGRAPH_DATA_DIR),
    production: parsed.data.NODE_ENV === 'production',
    enforceAccess: parsed.data.PRIVGRAPH_ENFORCE_ACCESS === 'on',
  };
}
