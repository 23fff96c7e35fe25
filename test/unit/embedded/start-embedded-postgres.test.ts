/**
 * The embedded PostgreSQL as its clients see it (SPEC §8): several `pg` pools at once,
 * values larger than a TCP packet, transactions, failures, and a clean stop that leaves the
 * data directory reusable. The server runs in a child process (see children/).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Pool } from 'pg';

jest.setTimeout(60_000);

const CHILD = path.join(__dirname, 'children', 'run-embedded-postgres.ts');

interface Ready {
  readonly url: string;
  readonly port: number;
  readonly startMs: number;
}

interface Running extends Ready {
  readonly child: ChildProcess;
  stop(): Promise<number>;
}

function message<T>(child: ChildProcess, event: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { event: string; message?: string }): void => {
      if (m.event === event) resolve(m as T);
      else if (m.event === 'error') reject(new Error(m.message));
    };
    child.on('message', onMessage);
    child.once('exit', (code) =>
      reject(new Error(`embedded server exited (${code}) before "${event}"`)),
    );
  });
}

async function startServer(dataDir: string | null): Promise<Running> {
  const child = fork(CHILD, [dataDir ?? '-'], {
    execArgv: ['-r', '@swc-node/register'],
    stdio: 'inherit',
  });
  const ready = await message<Ready>(child, 'ready');
  return {
    ...ready,
    child,
    stop: async () => {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.send('stop');
      await message(child, 'stopped');
      return (await exited) ?? -1;
    },
  };
}

describe('in memory', () => {
  let server: Running;
  const pools: Pool[] = [];
  const pool = (max: number): Pool => {
    const p = new Pool({ connectionString: server.url, max });
    pools.push(p);
    return p;
  };

  beforeAll(async () => {
    server = await startServer(null);
    process.stderr.write(`embedded PostgreSQL started in ${server.startMs} ms\n`);
    await pool(1).query(`
      CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL);
      INSERT INTO people SELECT g, 'person ' || g FROM generate_series(1, 500) g;
      CREATE TABLE blobs (id serial PRIMARY KEY, body text NOT NULL)`);
  });

  afterAll(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    if (server.child.exitCode === null) await server.stop();
  });

  test('answers at a postgres:// URL on 127.0.0.1', async () => {
    expect(server.url).toBe(`postgres://postgres@127.0.0.1:${server.port}/postgres`);
    const { rows } = await pool(1).query<{ version: string }>('SELECT version()');
    expect(rows[0]?.version).toContain('PGlite');
  });

  test('gen_random_uuid() is built in (no extension needed)', async () => {
    const { rows } = await pool(1).query<{ id: string }>('SELECT gen_random_uuid()::text AS id');
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('many concurrent queries over several pools each get their own answer', async () => {
    const ps = [pool(5), pool(5), pool(5), pool(5)];
    const big = 'x'.repeat(200_000); // spans several TCP packets
    const work = Array.from({ length: 300 }, async (_, i) => {
      const p = ps[i % ps.length] as Pool;
      const id = (i % 500) + 1;
      if (i % 15 === 0) {
        const { rows } = await p.query<{ n: number }>(
          'INSERT INTO blobs (body) VALUES ($1) RETURNING length(body) AS n',
          [big],
        );
        return rows[0]?.n === big.length;
      }
      const { rows } =
        i % 2 === 0
          ? await p.query<{ name: string }>(
              'SELECT name, $2::int AS pad FROM people WHERE id = $1',
              [id, i],
            )
          : await p.query<{ name: string }>(
              'SELECT id, name FROM people WHERE name = $1 AND id > $2',
              [`person ${id}`, 0],
            );
      return rows.length === 1 && rows[0]?.name === `person ${id}`;
    });
    expect((await Promise.all(work)).every(Boolean)).toBe(true);
  });

  test('a transaction keeps the session; other connections wait for its end', async () => {
    const [a, b] = [pool(1), pool(1)];
    const tx = await a.connect();
    try {
      await tx.query('BEGIN');
      await tx.query(`UPDATE people SET name = 'inside' WHERE id = 1`);
      const outside = b.query<{ name: string }>('SELECT name FROM people WHERE id = 1');
      await tx.query('ROLLBACK');
      expect((await outside).rows[0]?.name).toBe('person 1');
    } finally {
      tx.release();
    }
  });

  test('a failed statement does not disturb the next one on the same connection', async () => {
    const client = await pool(1).connect();
    try {
      await expect(client.query('SELECT $1::int / 0', [1])).rejects.toThrow('division by zero');
      await expect(client.query('SELECT nope FROM people WHERE id = $1', [1])).rejects.toThrow(
        'does not exist',
      );
      const { rows } = await client.query<{ x: number }>('SELECT $1::int AS x', [43]);
      expect(rows).toEqual([{ x: 43 }]);
    } finally {
      client.release();
    }
  });

  test('a client that disconnects inside a transaction is rolled back and blocks nobody', async () => {
    const quitter = new Client({ connectionString: server.url });
    await quitter.connect();
    await quitter.query('BEGIN');
    await quitter.query(`UPDATE people SET name = 'abandoned' WHERE id = 2`);
    await quitter.end();
    const { rows } = await pool(1).query<{ name: string }>('SELECT name FROM people WHERE id = 2');
    expect(rows[0]?.name).toBe('person 2');
  });

  test('stop() closes cleanly: the process exits 0 and the port is closed', async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    const idle = new Client({ connectionString: server.url }); // still connected at stop
    await idle.connect();
    idle.on('error', () => {});
    expect(await server.stop()).toBe(0);
    const late = new Client({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
    await expect(late.connect()).rejects.toThrow();
  });
});

describe('with a data directory', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'privgraph-embedded-'));
  });

  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  test('data written before a clean stop is there at the next start', async () => {
    const first = await startServer(dataDir);
    const writer = new Client({ connectionString: first.url });
    await writer.connect();
    await writer.query('CREATE TABLE kept (id int PRIMARY KEY, note text)');
    await writer.query(`INSERT INTO kept VALUES (1, '留下'), (2, 'kept')`);
    await writer.end();
    expect(await first.stop()).toBe(0);

    const second = await startServer(dataDir);
    process.stderr.write(
      `embedded PostgreSQL restarted on an existing data directory in ${second.startMs} ms\n`,
    );
    const reader = new Client({ connectionString: second.url });
    await reader.connect();
    const { rows } = await reader.query('SELECT id, note FROM kept ORDER BY id');
    await reader.end();
    expect(await second.stop()).toBe(0);
    expect(rows).toEqual([
      { id: 1, note: '留下' },
      { id: 2, note: 'kept' },
    ]);
  });
});
