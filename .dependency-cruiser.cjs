/** The architecture as a rule (STYLE.md "A layout that shows the architecture"):
 * the core is pure, adapters depend on the core, never the reverse. Checked in CI. */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'src/core imports nothing of ours outside src/core, and no framework or driver.',
      severity: 'error',
      from: { path: '^src/core' },
      to: {
        pathNot: [
          '^src/core',
          '^node_modules/(zod|yaml)/',
          '^(node:)?(crypto|fs|path)$',
          '^(fs|path|crypto)$',
        ],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'core-no-frameworks',
      severity: 'error',
      from: { path: '^src/core' },
      to: {
        path: 'node_modules/(graphql|typeorm|pg|mysql2|@apollo|type-graphql|graphql-shield|dataloader)',
      },
    },
    {
      name: 'sources-and-store-are-adapters',
      comment:
        'Connectors and the store depend on the core only, never on the graph, server or requests.',
      severity: 'error',
      from: { path: '^src/(sources|store)' },
      to: { path: '^src/(graph|server|access|control|requests|audit|cli)' },
    },
    {
      name: 'nothing-imports-server-or-cli',
      comment: 'server and cli are the outermost layers.',
      severity: 'error',
      from: { path: '^src/(core|sources|store|graph|access|control|requests|audit|errors)' },
      to: { path: '^src/(server|cli)' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(test|bench|dist)' },
  },
};
