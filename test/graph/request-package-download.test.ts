/**
 * `GET /requests/<id>/package` over real HTTP (SPEC §6: an access request's export is
 * "downloadable by the DPO", "every download is audited"): who may download, the headers a
 * client checks the file by, and the refusals for a missing, unready or expired export.
 * Packages are stored here directly (sealed as the export task seals them): the route is
 * under test, not the export, and no task enters the queue other test files drain.
 */
import { randomUUID } from 'node:crypto';
import type { AuthResult } from '../../src/access/authentication';
import { seal } from '../../src/core/crypto/seal';
import { packageContentHash } from '../../src/core/requests/serialize-package';
import type { RequestsRuntime } from '../../src/requests';
import { startHttpServer } from '../../src/server/http-server';
import {
  insertRequest,
  listRequestEvents,
  saveExportPackage,
  transitionRequest,
} from '../../src/store';
import type { TestGateway } from '../support/gateway-harness';
import { DEMO_MAP, execute, startTestGateway } from '../support/gateway-harness';

let gateway: TestGateway;
let rt: RequestsRuntime;
let base: string;
let close: () => Promise<void>;
const inserted: string[] = [];

const ROLES: Record<string, string> = { 'Bearer dpo': 'dpo', 'Bearer agent': 'support-agent' };
async function authenticate(header: string | undefined): Promise<AuthResult> {
  const role = header === undefined ? undefined : ROLES[header];
  return role
    ? {
        ok: true,
        principal: { subject: `test:${role}`, role, expiresAt: new Date(Date.now() + 60_000) },
      }
    : { ok: false, status: 401, code: 'UNAUTHENTICATED', message: 'send a token' };
}

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { requests: true });
  rt = gateway.requests!;
  const http = await startHttpServer(gateway.app, {
    port: 0,
    host: '127.0.0.1',
    readiness: { check: async () => ({ ready: true, checks: {} }) },
    authenticate,
    requests: { runtime: rt, policy: rt.policy },
  });
  base = `http://127.0.0.1:${http.port}`;
  close = http.close;
});
afterAll(async () => {
  await close?.();
  if (inserted.length > 0)
    await gateway.store.query('DELETE FROM privgraph.rights_requests WHERE id = ANY($1::uuid[])', [
      inserted,
    ]);
  await gateway?.close();
});

/** An access request; with `json`, completed with that package, expiring at `expiresAt`. */
async function accessRequest(json?: string, expiresAt = new Date(Date.now() + 3_600_000)) {
  const id = randomUUID();
  inserted.push(id);
  await insertRequest(rt.store, {
    id,
    kind: 'access',
    status: 'in_progress',
    subjectKeys: [`test-only-${id}`],
    payloadEnc: Buffer.from('sealed'),
    details: {},
    identityVerification: 'test',
    requestedBy: 'test:download',
    requestedRole: 'dpo',
    receivedAt: new Date(),
    dueDate: '2026-12-21',
  });
  if (json === undefined) return { id, hash: undefined };
  const bytes = Buffer.from(json, 'utf8');
  const hash = packageContentHash(json);
  await saveExportPackage(rt.store, {
    requestId: id,
    contentHash: hash,
    sealed: seal(rt.keys.sealKey, bytes, `package:${id}`),
    sizeBytes: bytes.length,
    expiresAt,
  });
  await transitionRequest(rt.store, id, {
    status: 'completed',
    completedAt: new Date(),
    packageHash: hash,
  });
  return { id, hash };
}

const download = (id: string, authorization?: string, method = 'GET') =>
  fetch(`${base}/requests/${id}/package`, {
    method,
    headers: authorization ? { authorization } : {},
  });

const downloads = async (id: string) =>
  (await listRequestEvents(rt.store, id)).filter((e) => e.event === 'package_downloaded');

describe('GET /requests/<id>/package', () => {
  it('gives the DPO the file, its hash and name, and records the download', async () => {
    const json = '{"systems":[{"key":"accounts","collections":[]}]}';
    const { id, hash } = await accessRequest(json);
    const shown = await execute(
      gateway,
      `{ rightsRequest(id: "${id}") { downloadUrl packageHash } }`,
    );
    expect(shown.data?.rightsRequest).toEqual({
      downloadUrl: `/requests/${id}/package`,
      packageHash: hash,
    });

    const response = await fetch(`${base}/requests/${id}/package`, {
      headers: { authorization: 'Bearer dpo' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="privgraph-access-${id}.json"`,
    );
    expect(response.headers.get('x-content-sha256')).toBe(hash);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(json);
    expect(await downloads(id)).toEqual([
      expect.objectContaining({ actor: 'test:dpo', detail: { role: 'dpo', contentHash: hash } }),
    ]);
  });

  it('refuses a role without request.export (403), a missing token (401), and other methods', async () => {
    const { id } = await accessRequest('{}');
    const agent = await download(id, 'Bearer agent');
    expect(agent.status).toBe(403);
    expect(await agent.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    const anonymous = await download(id);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="privgraph"');
    const posted = await download(id, 'Bearer dpo', 'POST');
    expect(posted.status).toBe(405);
    expect(posted.headers.get('allow')).toBe('GET');
    expect(await downloads(id)).toEqual([]);
  });

  it('answers 404 for an unknown request and 409 for one not ready or expired', async () => {
    expect((await download(randomUUID(), 'Bearer dpo')).status).toBe(404);
    expect((await download('not-a-uuid', 'Bearer dpo')).status).toBe(404);

    const pending = await accessRequest();
    const notReady = await download(pending.id, 'Bearer dpo');
    expect(notReady.status).toBe(409);
    expect(await notReady.json()).toMatchObject({ errors: [{ extensions: { code: 'CONFLICT' } }] });

    const expired = await accessRequest('{}', new Date(Date.now() - 1000));
    const gone = await download(expired.id, 'Bearer dpo');
    expect(gone.status).toBe(409);
    expect(((await gone.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(
      /expired/,
    );
  });
});
