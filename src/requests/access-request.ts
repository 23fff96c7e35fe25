/**
 * Access requests (SPEC §6 Access; seed policy §VIII.1; PIPL art. 45): an export of every
 * row about the person in every system — all categories, whatever the caller may read —
 * grouped system → collection with each field's category, purposes, legal basis and
 * retention; others' data in shared rows withheld. Built by an `export` task, stored sealed
 * with its content hash, downloadable until it expires by a role that `may:
 * request.export`; every download is recorded.
 */
import { buildAccessPackage } from '../core/requests/access-package';
import { packageContentHash, serializePackage } from '../core/requests/serialize-package';
import { seal, unseal, unsealJson } from '../core/crypto/seal';
import type { RequestRecord, TaskRecord } from '../store';
import {
  appendRequestEvent,
  enqueueTasks,
  getRequest,
  loadExportPackage,
  saveExportPackage,
  transitionRequest,
} from '../store';
import { auditRequest, workerOf } from './audit-request';
import { collectPeople } from './collect-person';
import type { SealedPayload } from './open-request';
import { openRequest } from './open-request';
import type { Actor, RequestsRuntime } from './requests-runtime';
import { RequestError } from './requests-runtime';
import type { SubjectRequestInput } from './subject-request-input';

export interface DownloadedPackage {
  readonly contentHash: string;
  readonly json: Buffer;
  readonly fileName: string;
}

export async function requestAccess(
  rt: RequestsRuntime,
  actor: Actor,
  input: SubjectRequestInput,
): Promise<RequestRecord> {
  const { request } = await openRequest(rt, actor, {
    ...input,
    kind: 'access',
    status: 'in_progress',
  });
  await enqueueTasks(rt.store, request.id, [{ kind: 'export' }], rt.map.contentHash);
  return request;
}

/** The `export` task: traverse, package, seal, store, complete. A source that does not
 * answer fails the task (it is retried): an export missing a system is not an answer. */
export async function runExportTask(
  rt: RequestsRuntime,
  task: TaskRecord,
): Promise<Record<string, unknown>> {
  const request = await getRequest(rt.store, task.requestId);
  if (!request) throw new Error(`request ${task.requestId} is gone`);
  const { seed } = unsealJson<SealedPayload>(
    rt.keys.sealKey,
    request.payloadEnc,
    `request:${request.id}`,
  );
  const [person] = await collectPeople(rt.traversal, rt.sources, [seed], rt.maxRounds);
  if (!person) throw new Error('the traversal returned no result for one seed');
  if (person.failures.length > 0)
    throw new Error(
      `system(s) ${person.failures.map((f) => f.system).join(', ')} did not answer; the export waits for them`,
    );
  if (person.truncated)
    throw new Error(
      'the traversal stopped at its round limit; raise PRIVGRAPH_MAX_TRAVERSAL_ROUNDS',
    );
  const now = rt.now();
  const pkg = buildAccessPackage({
    map: rt.map,
    graph: person,
    generatedAt: now.toISOString(),
    requestId: request.id,
  });
  const { json, contentHash } = serializePackage(pkg);
  const bytes = Buffer.from(json, 'utf8');
  const expiresAt = new Date(now.getTime() + rt.exportTtlMs);
  await saveExportPackage(rt.store, {
    requestId: request.id,
    contentHash,
    sealed: seal(rt.keys.sealKey, bytes, `package:${request.id}`),
    sizeBytes: bytes.length,
    expiresAt,
  });
  const rows = pkg.systems.reduce(
    (n, system) => n + system.collections.reduce((m, c) => m + c.rows.length, 0),
    0,
  );
  const systems = pkg.systems.filter((s) => s.collections.some((c) => c.rows.length > 0)).length;
  const completed = await transitionRequest(
    rt.store,
    request.id,
    {
      status: 'completed',
      completedAt: now,
      packageHash: contentHash,
      result: { systems, rows, bytes: bytes.length, expiresAt: expiresAt.toISOString() },
      reply:
        rows === 0
          ? 'We hold no personal information about you in any of our systems.'
          : `A copy of your personal information is ready: ${rows} records from ${systems} systems, each with why we hold it, on what legal basis and for how long. It can be downloaded until ${expiresAt.toISOString()} (SHA-256 ${contentHash}).`,
    },
    ['in_progress', 'partial'],
  );
  if (completed)
    await auditRequest(rt, completed, workerOf(task), {
      kind: 'request',
      event: 'completed',
      detail: { rows, systems, bytes: bytes.length, contentHash },
    });
  return { rows, systems, bytes: bytes.length };
}

export async function downloadPackage(
  rt: RequestsRuntime,
  actor: Actor,
  requestId: string,
): Promise<DownloadedPackage> {
  const request = await getRequest(rt.store, requestId).catch(() => null);
  if (!request || request.kind !== 'access')
    throw new RequestError('NOT_FOUND', `no access request ${requestId}`);
  const stored = await loadExportPackage(rt.store, requestId);
  if (!stored)
    throw new RequestError(
      'CONFLICT',
      `the export of request ${requestId} is not ready (${request.status})`,
    );
  if (!stored.sealed || stored.expiresAt <= rt.now())
    throw new RequestError(
      'CONFLICT',
      `the export of request ${requestId} expired on ${stored.expiresAt.toISOString()}; request access again`,
    );
  const json = unseal(rt.keys.sealKey, stored.sealed, `package:${requestId}`);
  if (packageContentHash(json.toString('utf8')) !== stored.contentHash)
    throw new Error(`the stored export of request ${requestId} does not match its recorded hash`);
  await appendRequestEvent(rt.store, {
    requestId,
    event: 'package_downloaded',
    actor: actor.subject,
    detail: { role: actor.role, contentHash: stored.contentHash },
  });
  await auditRequest(rt, request, actor, {
    kind: 'request',
    event: 'package_downloaded',
    detail: { contentHash: stored.contentHash, bytes: json.length },
  });
  return { contentHash: stored.contentHash, json, fileName: `privgraph-access-${requestId}.json` };
}
