import { parseSeedArgs, redactUrl, runSeed } from '../../../src/cli/seed';

describe('npm run seed: arguments', () => {
  it('reads --name value and --name=value', () => {
    expect(
      parseSeedArgs(['--subjects', '200', '--seed=7', '--database-url', 'postgres://h/db']),
    ).toEqual({
      subjects: 200,
      seed: 7,
      databaseUrl: 'postgres://h/db',
    });
  });

  it.each([
    [[], '--subjects must be a positive integer'],
    [['--subjects', '0'], '--subjects must be a positive integer'],
    [['--subjects', '10', '--seed', '-3'], '--seed must be an integer in [0, 2^32)'],
    [['--subjects'], '--subjects needs a value'],
    [['--people', '3'], 'unknown argument: --people'],
  ])('refuses %j', (args, message) => {
    expect(parseSeedArgs(args)).toBe(message);
  });

  it('hides the password of the database it reports', () => {
    expect(redactUrl('postgres://app:s3cret@db:5432/demo')).toBe('postgres://app:***@db:5432/demo');
  });

  it('asks for a database when none is configured', async () => {
    const errors: string[] = [];
    const code = await runSeed(
      ['--subjects', '5'],
      { log: () => undefined, error: (l) => errors.push(l) },
      {},
    );
    expect(code).toBe(2);
    expect(errors.join('\n')).toMatch(/set PRIVGRAPH_DEMO_DATABASE_URL/);
  });
});
