/** What `npm start` prints once it serves: the URL and a first query to paste. */
import type { DataMap } from '../core/datamap/model';

export function welcomeBanner(gateway: { url: string; map: DataMap }): string {
  return [
    '',
    `privgraph is serving ${gateway.map.systems.length} systems of "${gateway.map.organization.name}"`,
    `  GraphQL:   ${gateway.url}`,
    `  health:    ${gateway.url.replace(/\/graphql$/, '/healthz')}   readiness: ${gateway.url.replace(/\/graphql$/, '/readyz')}`,
    '',
    'Try (see README.md for more):',
    `  curl -s ${gateway.url} -H 'content-type: application/json' \\`,
    `    --data '{"query":"{ subject(by: {phone: \\"13800138000\\"}) { identities { kind value } } }"}'`,
    '',
  ].join('\n');
}
