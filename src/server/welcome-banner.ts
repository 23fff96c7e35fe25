/** What `npm start` prints once it serves: the URL and a first query to paste. */
import type { DataMap } from '../core/datamap/model';

/** A person of the seeded demo world (the same in worlds of any size), as in README.md. */
const DEMO_EXAMPLE =
  '{ subject(by: {phone: \\"147 1373 5850\\"}) { identities { kind value } accounts { users { full_name email } } } }';

export function welcomeBanner(gateway: {
  url: string;
  map: DataMap;
  demo: boolean;
  demoTokens?: readonly { role: string; token: string; expiresAt: Date }[];
}): string {
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
    ...demoTokenLines(gateway.demoTokens ?? []),
    `A first query${gateway.demo ? ' (one demo person by her phone)' : ''}; open the URL in a browser for Apollo Sandbox:`,
    `  curl -s ${gateway.url} -H 'content-type: application/json' \\`,
    `    -H "authorization: Bearer ${exampleToken(gateway.demoTokens ?? [])}" \\`,
    // every personal-data operation declares its purpose (SPEC §4.2); the DPO's is dsar
    `    -H 'x-privgraph-purpose: ${gateway.demo ? 'dsar' : "<one of your role's purposes>"}' \\`,
    `    --data '{"query":"${example}"}'`,
    'More queries in README.md.',
    '',
  ].join('\n');
}

/** SPEC §4.1: the embedded demo prints a token per demo role at start. */
function demoTokenLines(tokens: readonly { role: string; token: string; expiresAt: Date }[]) {
  if (tokens.length === 0)
    return ['Every request needs `Authorization: Bearer <token>` (docs/authentication.md).', ''];
  const width = Math.max(...tokens.map((t) => t.role.length));
  const expires = tokens[0]?.expiresAt.toISOString().slice(0, 10);
  return [
    `Demo tokens, one per role (valid until ${expires}; more with \`npx privgraph token --role R\`):`,
    ...tokens.map((t) => `  ${t.role.padEnd(width)}  ${t.token}`),
    '',
  ];
}

/** The DPO's token when there is one (it may read the whole demo), else a placeholder. */
function exampleToken(tokens: readonly { role: string; token: string }[]): string {
  return (tokens.find((t) => t.role === 'dpo') ?? tokens[0])?.token ?? '$TOKEN';
}
