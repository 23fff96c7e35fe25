/** Three levels of tests (STYLE.md §10): pure units, schema/server tests on the embedded
 * database, and integration tests against real database servers. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: 'es2022',
      keepClassNames: true,
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
    module: { type: 'commonjs' },
  },
];
const common = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // Tests check correctness, never speed (benchmarks do that): a busy 2-core machine must not
  // turn RSA key generation or a 300-person ground-truth sweep into a failure.
  testTimeout: 30_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'embedded',
      testMatch: ['<rootDir>/test/graph/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/graph/**/*.test.ts', '<rootDir>/test/integration/**/*.test.ts'],
      // the MariaDB suites need a MySQL server too: their own project below
      testPathIgnorePatterns: ['/node_modules/', '/test/integration/mariadb-'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      // `npm run test:mariadb`: a real MySQL/MariaDB (PRIVGRAPH_TEST_MYSQL_URL) beside the
      // PostgreSQL of the other demo systems (real when PRIVGRAPH_TEST_PG_ADMIN_URL is set)
      ...common,
      displayName: 'mariadb',
      testMatch: ['<rootDir>/test/integration/mariadb-*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
};
