/**
 * The gateway as a benchmark target: `npm start`'s own start-up path (`startGateway`), in a
 * child process of `npm run bench`, over the benchmark database (`BENCH_DATABASE_URL`) — the
 * store in schema `privgraph` and every demo source in its own schema, seeded beforehand.
 * Otherwise the gateway's defaults (4 connections per source,
 * as the floor), in production mode, so with authentication on: the keys are fresh random
 * ones for this run, and the process hands the orchestrator the headers every benchmark
 * request carries: a bearer token and a purpose for the benchmark's caller
 * (bench-caller.ts). The floor receives the same headers and ignores them.
 *
 * With `PRIVGRAPH_ENFORCE_ACCESS=off` from the orchestrator, the same gateway without
 * field-level access (what the policy costs, docs/performance.md). config.ts refuses that
 * switch in production, so that gateway's configuration says `NODE_ENV=benchmark`; the
 * process itself keeps `NODE_ENV=production` like every target, because libraries read it
 * when loaded (graphql-js's `instanceOf` adds a check to every type test outside
 * production) and the two gateways must differ by their policy alone. The configuration's
 * production flag only decides which keys start-up accepts, and this one gets all of them.
 * `PRIVGRAPH_AUDIT=off` (what the audit trail costs) is refused in production the same way
 * and handled the same way.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { readConfig } from '../src/server/config';
import { startGateway } from '../src/server/start-gateway';
import { BENCH_PURPOSE, BENCH_ROLE } from './bench-caller';
import { BENCH_HASH_KEY } from './bench-keys';
import { countStatements, reportFailure, serveOrchestrator } from './target-ipc';

const TOKEN_LIFETIME_SECONDS = 3600;

/** An HS256 token as an identity provider would issue it: one role, a subject, an expiry. */
async function benchToken(secret: string, role: string, roleClaim: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ [roleClaim]: role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('privgraph-bench')
    .setIssuedAt(now)
    .setExpirationTime(now + TOKEN_LIFETIME_SECONDS)
    .sign(Buffer.from(secret, 'utf8'));
}

async function main(): Promise<void> {
  countStatements();
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set');
  const secret = randomBytes(32).toString('base64url');
  Object.assign(process.env, {
    // The demo map names its sources `${PRIVGRAPH_DEMO_DATABASE_URL}`, read from the process.
    PRIVGRAPH_DEMO_DATABASE_URL: url,
    PRIVGRAPH_JWT_SECRET: secret,
    PRIVGRAPH_HASH_KEY: BENCH_HASH_KEY,
    PRIVGRAPH_TOKENIZE_KEY: randomBytes(32).toString('base64'),
  });
  const enforced = process.env.PRIVGRAPH_ENFORCE_ACCESS !== 'off';
  const audited = process.env.PRIVGRAPH_AUDIT !== 'off';
  const config = readConfig({
    ...process.env,
    ...(enforced && audited ? {} : { NODE_ENV: 'benchmark' }),
    DATABASE_URL: url,
    // The orchestrator has seeded the world: `always` only finds it, and imports the demo's
    // consent history into the store once (so each lookup's consent check finds real rows).
    PRIVGRAPH_SEED_DEMO: 'always',
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const name = !enforced ? 'gateway without policy' : audited ? 'gateway' : 'gateway without audit';
  const gateway = await startGateway(config, (line) => console.error(`[${name}] ${line}`));
  const token = await benchToken(secret, BENCH_ROLE, config.PRIVGRAPH_JWT_ROLE_CLAIM);
  serveOrchestrator(`http://127.0.0.1:${gateway.port}/graphql`, () => gateway.stop(), {
    authorization: `Bearer ${token}`,
    'x-privgraph-purpose': BENCH_PURPOSE,
  });
}

main().catch(reportFailure);
