/**
 * The guard in front of every DB-backed test (the store's included): tests never write to
 * a database whose name does not say it is a test database (STYLE.md §10).
 */
import {
  assertTestDatabaseName,
  databaseName,
  redactUrl,
  requireTestDatabaseUrl,
} from '../../support/test-database';

test.each([
  'postgres://postgres@127.0.0.1:5432/privgraph_test_1a2b',
  'postgres://u:p@db.internal/TEST',
  'postgresql://u@h/my%20test%20db',
])('accepts %s', (url) => {
  expect(() => assertTestDatabaseName(url)).not.toThrow();
});

test.each([
  'postgres://postgres@127.0.0.1:5432/postgres',
  'postgres://u@h/privgraph',
  'postgres://u@h/',
])('refuses %s', (url) => {
  expect(() => assertTestDatabaseName(url)).toThrow(/refusing to run tests against database/);
});

test('the refusal names the database but never the password', () => {
  expect(() => assertTestDatabaseName('postgres://app:s3cret@prod.example/privgraph')).toThrow(
    'refusing to run tests against database "privgraph" at postgres://app:***@prod.example/privgraph',
  );
  expect(redactUrl('postgres://app:s3cret@h/x')).not.toContain('s3cret');
  expect(databaseName('postgres://h/a%20b')).toBe('a b');
});

describe('requireTestDatabaseUrl', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });
  const use = (url: string | undefined, engine: string | undefined): void => {
    process.env.PRIVGRAPH_TEST_DATABASE_URL = url;
    process.env.PRIVGRAPH_TEST_ENGINE = engine;
    if (url === undefined) delete process.env.PRIVGRAPH_TEST_DATABASE_URL;
    if (engine === undefined) delete process.env.PRIVGRAPH_TEST_ENGINE;
  };

  test('without a global setup there is no test database', () => {
    use(undefined, undefined);
    expect(() => requireTestDatabaseUrl()).toThrow(/no test database/);
  });

  test('a real server must pass the name guard', () => {
    use('postgres://u@h/production', 'postgres');
    expect(() => requireTestDatabaseUrl()).toThrow(/refusing/);
    use('postgres://u@h/privgraph_test_x', 'postgres');
    expect(requireTestDatabaseUrl()).toBe('postgres://u@h/privgraph_test_x');
  });

  test('the embedded engine is accepted on the loopback interface only', () => {
    use('postgres://postgres@127.0.0.1:40123/postgres', 'embedded');
    expect(requireTestDatabaseUrl()).toBe('postgres://postgres@127.0.0.1:40123/postgres');
    use('postgres://postgres@db.example:5432/postgres', 'embedded');
    expect(() => requireTestDatabaseUrl()).toThrow(/127\.0\.0\.1 only/);
  });
});
