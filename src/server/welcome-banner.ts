/** What `npm start` prints once it serves: the URL and a first query to paste. */
import type { DataMap } from '../core/datamap/model';

/** A person of the seeded demo world (the same in worlds of any size), as in README.md. */
const DEMO_EXAMPLE =
  '{ subject(by: {phone: \\"147 1373 5850\\"}) { identities { kind value } accounts { users { full_name email } } } }';

export function welcomeBanner(gateway: { url: string; map: DataMap; demo: boolean }): string {
  const { map } = gateway;
  const queryable = map.systems.filter((system) => system.source).length;
  const firstKind = [...map.identities.keys()][0] ?? 'email';
  const example = gateway.demo
    ? DEMO_EXAMPLE
    : `{ subject(by: {${firstKind}: \\"…\\"}) { identities { kind value } } }`;
  return [
    '',
    `privgraph is serving ${map.systems.length} systems (${queryable} queryable) of "${map.organization.name}"`,
    `  GraphQL:   ${gateway.url}`,
    `  health:    ${gateway.url.replace(/\/graphql$/, '/healthz')}   readiness: ${gateway.url.replace(/\/graphql$/, '/readyz')}`,
    '',
    `A first query${gateway.demo ? ' (one demo person by her phone)' : ''}; open the URL in a browser for Apollo Sandbox:`,
    `  curl -s ${gateway.url} -H 'content-type: application/json' \\`,
    `    --data '{"query":"${example}"}'`,
    'More queries in README.md.',
    '',
  ].join('\n');
}
