import { join } from 'node:path';
import { runDatamapValidate } from '../../../src/cli/datamap-validate';

const fixture = join(__dirname, 'fixtures', 'whale-small.yaml');
const broken = (name: string): string =>
  join(__dirname, '..', '..', 'fixtures', 'datamaps', 'broken', name);

async function run(args: string[], env: Record<string, string> = {}) {
  const out = { log: [] as string[], error: [] as string[] };
  const code = await runDatamapValidate(
    args,
    { log: (s) => out.log.push(s), error: (s) => out.error.push(s) },
    env,
  );
  return { code, ...out };
}

describe('privgraph datamap validate', () => {
  it('prints a one-line summary and the warnings of a valid map', async () => {
    const { code, log, error } = await run([fixture]);
    expect(code).toBe(0);
    expect(error).toEqual([]);
    expect(log[0]).toMatch(
      /^.*whale-small\.yaml: valid data map — 4 systems, 7 collections, 26 fields, 4 identities \(sha256 [0-9a-f]{12}\)$/,
    );
    expect(log.slice(1)).toEqual([
      expect.stringMatching(
        /^warning: .*whale-small\.yaml:\d+:\d+ systems\.accounts\.source\.url: environment variable PRIVGRAPH_DEMO_DATABASE_URL is not set/,
      ),
    ]);
  });

  it('fails on an unset variable with --require-env', async () => {
    const { code, error } = await run([fixture, '--require-env']);
    expect(code).toBe(1);
    expect(error[0]).toMatch(
      /^error: .*systems\.accounts\.source\.url: environment variable PRIVGRAPH_DEMO_DATABASE_URL is not set/,
    );
    expect(error[error.length - 1]).toMatch(/whale-small\.yaml: 1 error, 0 warnings$/);
  });

  it('passes with --require-env when the environment is complete', async () => {
    const { code, log } = await run([fixture, '--require-env'], {
      PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://x',
    });
    expect(code).toBe(0);
    expect(log).toHaveLength(1);
  });

  it('prints every problem and exits 1', async () => {
    const { code, error, log } = await run([broken('many-problems.yaml')]);
    expect(code).toBe(1);
    expect(error.filter((line) => line.startsWith('error: '))).toHaveLength(12);
    expect(log.filter((line) => line.startsWith('warning: '))).toHaveLength(1);
    expect(error[error.length - 1]).toMatch(/many-problems\.yaml: 12 errors, 1 warning$/);
  });

  it.each([[[]], [['a.yaml', 'b.yaml']], [['a.yaml', '--strict']]])(
    'rejects usage %j with exit 2',
    async (args) => {
      const { code, error } = await run(args);
      expect(code).toBe(2);
      expect(error[error.length - 1]).toBe(
        'usage: privgraph datamap validate FILE [--require-env]',
      );
    },
  );

  it('prints usage for --help', async () => {
    expect(await run(['--help'])).toMatchObject({
      code: 0,
      log: ['usage: privgraph datamap validate FILE [--require-env]'],
    });
  });
});
