/** Where a request's export package is downloaded, beside the GraphQL endpoint the CLI
 * was given: `http://host:4000/graphql` → `http://host:4000/requests/<id>/package` (the
 * gateway's route, src/server/package-download.ts; a prefix before `/graphql` is kept). */
export function packageDownloadUrl(graphqlUrl: string, requestId: string): string {
  const url = new URL(graphqlUrl);
  const prefix = url.pathname.replace(/\/graphql\/?$/, '');
  url.pathname = `${prefix}/requests/${encodeURIComponent(requestId)}/package`;
  url.search = '';
  return url.toString();
}
