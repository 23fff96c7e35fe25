/**
 * The demo's systems that are services rather than schemas of the demo database — the
 * customer-service desk (`support`) when the map makes it an HTTP source (issue #4) — each
 * in a process of its own over the benchmark's world: a source, like PostgreSQL, shared by
 * whatever is measured and part of none of it.
 */
import { randomBytes } from 'node:crypto';
import { supportSourceKind } from './demo-sources';
import type { TargetProcess } from './target-process';
import { startTarget } from './target-process';

export interface DemoServices {
  /** `SUPPORT_SERVICE_URL` and `SUPPORT_SERVICE_TOKEN`, for whoever reads the map. */
  readonly env: Readonly<Record<string, string>>;
  readonly services: readonly TargetProcess[];
}

/** Everything started is pushed onto `children`, to be stopped by the caller. */
export async function startDemoServices(
  databaseUrl: string,
  children: TargetProcess[],
  log: (line: string) => void,
): Promise<DemoServices> {
  if (supportSourceKind() !== 'http') return { env: {}, services: [] };
  const token = `Bearer ${randomBytes(24).toString('base64url')}`;
  const support = await startTarget('support', 'support-service-process.ts', databaseUrl, {
    SUPPORT_SERVICE_TOKEN: token,
  });
  children.push(support);
  log(`the demo's consultation service (system "support") runs on its own at ${support.url}`);
  return {
    env: { SUPPORT_SERVICE_URL: support.url, SUPPORT_SERVICE_TOKEN: token },
    services: [support],
  };
}
