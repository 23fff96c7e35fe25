/**
 * The real gateway (`npm start`'s entry point, src/server/main.ts) in a child process, and
 * requests to it that end it with SIGKILL the moment an answer arrives (issue #6: "killing
 * the gateway right after it answered a query never leaves that query without its audit
 * event"). The kill happens in the `response` handler itself, before anything else runs:
 * whatever the gateway had not finished by then — a write it had deferred, a batch in
 * flight — is lost, as in a real crash.
 */
import http from 'node:http';
import type { AuditChild } from './audit-child-process';
import { startAuditChild } from './audit-child-process';

export interface RunningGatewayProcess {
  readonly process: AuditChild;
  readonly url: string;
}

export async function startGatewayProcess(
  env: Record<string, string>,
): Promise<RunningGatewayProcess> {
  const child = startAuditChild('src/server/main.ts', env);
  const match = await child.waitFor(/GraphQL:\s+(http:\/\/\S+)/, 60_000);
  return { process: child, url: match[1] as string };
}

export interface PostedOperation {
  readonly query: string;
  readonly token: string;
}

/** What came back for one request: its HTTP status and body, or the error that ended it
 * (the gateway was killed before it answered). */
export type Answer =
  { readonly status: number; readonly body: GraphQLBody } | { readonly error: string };

export interface GraphQLBody {
  readonly data?: unknown;
  readonly errors?: readonly { message: string; extensions?: { code?: string } }[];
  readonly extensions?: { privacy?: { requestId?: string } };
}

/**
 * Sends `operations` at once and SIGKILLs `gateway` as soon as the first response's headers
 * arrive; resolves with every request's answer once the process is gone.
 */
export async function postThenKillOnFirstAnswer(
  gateway: RunningGatewayProcess,
  operations: readonly PostedOperation[],
): Promise<Answer[]> {
  const agent = new http.Agent({ keepAlive: false, maxSockets: operations.length });
  try {
    const answers = await Promise.all(
      operations.map(
        (operation) =>
          new Promise<Answer>((resolve) => {
            const payload = JSON.stringify({ query: operation.query });
            const request = http.request(
              gateway.url,
              {
                method: 'POST',
                agent,
                headers: {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                  authorization: `Bearer ${operation.token}`,
                },
              },
              (response) => {
                gateway.process.killNow();
                let text = '';
                response.setEncoding('utf8');
                response.on('data', (chunk: string) => (text += chunk));
                response.on('end', () => {
                  try {
                    resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) });
                  } catch {
                    resolve({ error: `unparseable body (${response.statusCode}): ${text}` });
                  }
                });
                response.on('error', (error) => resolve({ error: String(error) }));
                // (after 'end', which has resolved already: a promise settles once)
                response.on('close', () => resolve({ error: 'closed before the body ended' }));
              },
            );
            request.on('error', (error) => resolve({ error: String(error) }));
            request.end(payload);
          }),
      ),
    );
    await gateway.process.exited;
    return answers;
  } finally {
    agent.destroy();
  }
}
