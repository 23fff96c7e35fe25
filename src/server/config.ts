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
});

export type GatewayConfig = z.infer<typeof schema> & {
  readonly dataDir: string;
  readonly production: boolean;
};

export function readConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const parsed = schema.safeParse(env);
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
  };
}
