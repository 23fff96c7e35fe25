/**
 * `privgraph request access|erase|approve|reject|retry|status|list|download`: the DPO's rights
 * requests from a terminal (issue #5 item 8). Every command is an operation on a running
 * gateway over GraphQL HTTP with the caller's token — the gateway checks the capability,
 * records the history, and runs the work — so the CLI holds no keys and no store.
 *
 * Exit codes: 0 done, 1 refused or failed (the gateway's code and message are printed),
 * 2 usage.
 */
import { writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import {
  ApproveRequestDocument,
  RejectRequestDocument,
  RequestAccessDocument,
  RequestErasureDocument,
  RetryRequestDocument,
  RightsRequestListDocument,
  RightsRequestStatusDocument,
} from '../generated/graphql';
import type { RightsRequestViewFragment } from '../generated/graphql';
import type { CliOutput } from './datamap-validate';
import type { Fetch, GatewayClient } from './gateway-client';
import { GatewayRefusal, createGatewayClient } from './gateway-client';
import type { Connection, RequestCommand, WaitOptions } from './request-args';
import { REQUEST_USAGE, parseRequestArgs } from './request-args';
import { formatRequest, formatRequestList, formatTasks, words } from './request-format';
import type { ProgressSink, RequestWithTasks } from './request-progress';
import { waitForRequest } from './request-progress';

export interface RequestCommandDeps {
  readonly fetch?: Fetch;
  /** Where `--wait` draws its progress (stderr). */
  readonly progress?: ProgressSink;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly pollMs?: number;
}

/** `args` are the words after `request`. */
export async function runRequest(
  args: string[],
  out: CliOutput,
  env: NodeJS.ProcessEnv = process.env,
  deps: RequestCommandDeps = {},
): Promise<number> {
  if (args.length === 0 || args[0] === '--help' || args[0] === 'help') {
    out.error(REQUEST_USAGE);
    return args.length === 0 ? 2 : 0;
  }
  const parsed = parseRequestArgs(args, env);
  if (!parsed.ok) {
    out.error(`${parsed.message}\n\n${REQUEST_USAGE}`);
    return 2;
  }
  const client = createGatewayClient(parsed.connection.url, parsed.connection.token, deps.fetch);
  try {
    return await run(parsed.command, parsed.connection, parsed.wait, client, out, deps);
  } catch (error) {
    if (!(error instanceof GatewayRefusal)) throw error;
    out.error(`privgraph: ${error.code}: ${error.message}`);
    return 1;
  }
}

async function run(
  command: RequestCommand,
  connection: Connection,
  wait: WaitOptions,
  client: GatewayClient,
  out: CliOutput,
  deps: RequestCommandDeps,
): Promise<number> {
  const print = (request: RightsRequestViewFragment, hint?: string) => {
    if (connection.json) out.log(JSON.stringify(request, null, 2));
    else out.log([...formatRequest(request), ...(hint ? ['', hint] : [])].join('\n'));
  };
  switch (command.name) {
    case 'access': {
      const { requestAccess } = await client.execute(RequestAccessDocument, {
        subject: command.subject,
        identityVerification: command.verified,
      });
      if (wait.wait) return follow(requestAccess.id, connection, wait, client, out, deps);
      print(requestAccess, `follow it: privgraph request status ${requestAccess.id} --wait`);
      return 0;
    }
    case 'erase': {
      const { requestErasure } = await client.execute(RequestErasureDocument, {
        subject: command.subject,
        identityVerification: command.verified,
      });
      const planned = requestErasure.status === 'AWAITING_APPROVAL';
      print(
        requestErasure,
        planned
          ? `a role that may request.approve approves it: privgraph request approve ${requestErasure.id}`
          : 'the plan is not ready for approval: fix what it names, then retry the request',
      );
      return planned ? 0 : 1;
    }
    case 'approve': {
      const { approveRequest } = await client.execute(ApproveRequestDocument, {
        id: command.id,
        note: command.note ?? null,
      });
      if (wait.wait) return follow(approveRequest.id, connection, wait, client, out, deps);
      print(approveRequest, `follow it: privgraph request status ${approveRequest.id} --wait`);
      return 0;
    }
    case 'retry': {
      const { retryRequest } = await client.execute(RetryRequestDocument, { id: command.id });
      if (wait.wait) return follow(retryRequest.id, connection, wait, client, out, deps);
      print(retryRequest, `follow it: privgraph request status ${retryRequest.id} --wait`);
      return 0;
    }
    case 'reject': {
      const { rejectRequest } = await client.execute(RejectRequestDocument, {
        id: command.id,
        reason: command.reason,
      });
      print(rejectRequest);
      return 0;
    }
    case 'status':
      if (wait.wait) return follow(command.id, connection, wait, client, out, deps);
      show(await statusOf(client, command.id), connection, out);
      return 0;
    case 'list': {
      const { rightsRequests } = await client.execute(RightsRequestListDocument, {
        status: command.statuses ? [...command.statuses] : null,
        limit: command.limit,
        offset: command.offset,
      });
      out.log(
        connection.json
          ? JSON.stringify(rightsRequests, null, 2)
          : formatRequestList(rightsRequests).join('\n'),
      );
      return 0;
    }
    case 'download': {
      const found = await client.download(command.id);
      const actual = createHash('sha256').update(found.body).digest('hex');
      if (found.sha256 !== null && actual !== found.sha256) {
        out.error(
          `privgraph: the package's sha256 is ${actual}, the gateway said ${found.sha256}; not written`,
        );
        return 1;
      }
      // the whole of a person's data: readable by the operator only, never overwritten by accident
      await writeFile(command.out, found.body, {
        mode: 0o600,
        flag: command.force ? 'w' : 'wx',
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST')
          throw new GatewayRefusal('EXISTS', `${command.out} exists; pass --force to overwrite it`);
        throw error;
      });
      out.error(
        `wrote ${command.out} (${found.body.length} bytes, sha256 ${actual}); the download is recorded`,
      );
      return 0;
    }
  }
}

async function statusOf(client: GatewayClient, id: string): Promise<RequestWithTasks> {
  const { rightsRequest } = await client.execute(RightsRequestStatusDocument, { id });
  if (!rightsRequest) throw new GatewayRefusal('NOT_FOUND', `no request ${id}`);
  return rightsRequest;
}

/** Prints the request with its tasks; false when it ended refused or failed. */
function show(request: RequestWithTasks, connection: Connection, out: CliOutput): boolean {
  if (connection.json) out.log(JSON.stringify(request, null, 2));
  else out.log([...formatRequest(request), '', 'tasks:', ...formatTasks(request.tasks)].join('\n'));
  return !['REJECTED', 'FAILED', 'PARTIAL'].includes(request.status);
}

/** `--wait`: progress on stderr until the request settles, then the summary and the reply. */
async function follow(
  id: string,
  connection: Connection,
  wait: WaitOptions,
  client: GatewayClient,
  out: CliOutput,
  deps: RequestCommandDeps,
): Promise<number> {
  const { request, timedOut } = await waitForRequest({
    fetchStatus: () => statusOf(client, id),
    sink: deps.progress ?? {
      write: (text) => process.stderr.write(text),
      isTTY: process.stderr.isTTY,
    },
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: deps.now ?? Date.now,
    intervalMs: deps.pollMs ?? 1000,
    ...(wait.timeoutSeconds === undefined ? {} : { timeoutMs: wait.timeoutSeconds * 1000 }),
  });
  const fine = show(request, connection, out);
  if (timedOut) {
    out.error(
      `privgraph: still ${words(request.status)} after ${wait.timeoutSeconds}s; follow it again with status --wait`,
    );
    return 1;
  }
  if (request.status === 'AWAITING_APPROVAL')
    out.error(`waiting for an approval: privgraph request approve ${request.id}`);
  if (request.status === 'PARTIAL')
    out.error(`a source failed; once it is back: privgraph request retry ${request.id} --wait`);
  return fine && request.status !== 'RECEIVED' ? 0 : 1;
}
