/**
 * `privgraph policy lint --sample` against the seeded demo sources: a field the map leaves
 * uncategorised is recognised by the values it holds, the values never reach the report,
 * and systems that cannot be sampled are named with the reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPolicy } from '../../src/cli/policy-command';
import { readSourceSamples } from '../../src/cli/policy-sample';
import { loadMap } from '../support/gateway-harness';
import { DEMO_POLICY_TEXT, editedMapText, fieldsOf } from '../unit/review/review-fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'privgraph-sample-'));
  // The account e-mail becomes `contact`, with no category nor identity: its values still tell.
  writeFileSync(
    join(dir, 'datamap.yaml'),
    editedMapText((tree) => {
      const users = fieldsOf(tree, 'accounts', 'users');
      delete users.email;
      users.contact = { column: 'email' };
    }),
  );
  writeFileSync(join(dir, 'policy.yaml'), DEMO_POLICY_TEXT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reads a few values of uncategorised fields only, from the SQL sources', async () => {
  const { samples, notes } = await readSourceSamples(loadMap(join(dir, 'datamap.yaml')));
  expect([...samples.keys()]).toContain('accounts.users.contact');
  expect([...samples.keys()].every((address) => !address.endsWith('.email'))).toBe(true);
  for (const values of samples.values()) expect(values.length).toBeLessThanOrEqual(5);
  expect(notes).toContain('support: an HTTP service, not sampled');
});

it('lint --sample finds the e-mails and prints none of them', async () => {
  const log: string[] = [];
  const error: string[] = [];
  const code = await runPolicy(['lint', '--sample', '--map', join(dir, 'datamap.yaml')], {
    log: (s) => log.push(s),
    error: (s) => error.push(s),
  });
  const report = log.join('\n');
  expect(code).toBe(0); // warnings only: the demo policy passes its own lint
  expect(report).toMatch(
    /field 'contact' has no category but \d of \d sampled values look like e-mail addresses/,
  );
  expect(report).not.toMatch(/[^\s@|]+@[^\s@|]+\.[a-z]{2,}/i);
  expect(error.join('\n')).toContain('sample: support: an HTTP service, not sampled');
});
