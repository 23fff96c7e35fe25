/**
 * The CLI's side of GraphQL over HTTP: POST a typed operation (src/operations, codegen) to a
 * running gateway with the caller's bearer token, and GET an export package. The gateway
 * does every check (capabilities, input) and keeps the history; this only carries them and
 * turns a refusal into a `GatewayRefusal` the command prints.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { packageDownloadUrl } from './package-url';

/** What the gateway (or the way to it) said no with: a code of the error taxonomy, or HTTP. */
export class GatewayRefusal extends Error {
  override readonly name = 'GatewayRefusal';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Fetch = typeof fetch;

export interface GatewayClient {
  execute<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
  ): Promise<TData>;
  /** The package's bytes and the hash the gateway says they have. */
  download(requestId: string): Promise<{ body: Buffer; sha256: string | null; fileName: string }>;
}

interface GraphQLResponse {
  data?: unknown;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export function createGatewayClient(
  url: string,
  token: string,
  fetchImpl: Fetch = fetch,
): GatewayClient {
  const authorization = `Bearer ${token}`;
  const send = async (target: string, init: RequestInit): Promise<Response> => {
    try {
      return await fetchImpl(target, init);
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new GatewayRefusal(
        'UNREACHABLE',
        `cannot reach the gateway at ${target}: ${cause?.code ?? cause?.message ?? (error as Error).message}`,
      );
    }
  };
  return {
    async execute(document, variables) {
      const response = await send(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: print(document), variables }),
      });
      const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
      const error = body?.errors?.[0];
      if (error)
        throw new GatewayRefusal(
          error.extensions?.code ?? `HTTP_${response.status}`,
          error.message,
        );
      if (!response.ok || !body || body.data === undefined || body.data === null)
        throw new GatewayRefusal(
          `HTTP_${response.status}`,
          `the gateway answered HTTP ${response.status}`,
        );
      return body.data as never;
    },
    async download(requestId) {
      const response = await send(packageDownloadUrl(url, requestId), {
        headers: { authorization },
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as GraphQLResponse | null;
        const error = body?.errors?.[0];
        throw new GatewayRefusal(
          error?.extensions?.code ?? `HTTP_${response.status}`,
          error?.message ?? `the gateway answered HTTP ${response.status}`,
        );
      }
      const disposition = response.headers.get('content-disposition') ?? '';
      return {
        body: Buffer.from(await response.arrayBuffer()),
        sha256: response.headers.get('x-content-sha256'),
        fileName:
          /filename="([^"]+)"/.exec(disposition)?.[1] ?? `privgraph-access-${requestId}.json`,
      };
    },
  };
}
