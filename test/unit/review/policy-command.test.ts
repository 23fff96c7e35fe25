/**
 * `runPolicy` over real files in a temporary directory: reports printed or written, exit
 * codes (lint gates a pull request), invalid files reported like `datamap validate` does,
 * and `--sample` with an injected reader (the real one is tested against a database).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runPolicy } from '../../../src/cli/policy-command';
import type { SampleReader } from '../../../src/cli/policy-sample';
import {
  DEMO_MAP_TEXT,
  DEMO_POLICY_TEXT,
  PROPOSED_DEMO_POLICY_TEXT,
  editedMapText,
  editedPolicyText,
  fieldsOf,
} from './review-fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'privgraph-policy-'));
  writeFileSync(join(dir, 'datamap.yaml'), DEMO_MAP_TEXT);
  writeFileSync(join(dir, 'policy.yaml'), DEMO_POLICY_TEXT);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const noSamples: SampleReader = async () => ({ samples: new Map(), notes: [] });

async function run(args: string[], readSamples: SampleReader = noSamples) {
  const log: string[] = [];
  const error: string[] = [];
  const code = await runPolicy(
    [...args, '--map', join(dir, 'datamap.yaml')],
    { log: (s) => log.push(s), error: (s) => error.push(s) },
    { env: { PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://x/y' }, readSamples },
  );
  return { code, stdout: log.join('\n'), stderr: error.join('\n') };
}

/** The demo policy: lint finds warnings in it, no error. */
const SAFE_POLICY = editedPolicyText(() => undefined);

describe('privgraph policy lint', () => {
  it('exits 1 once the DPO reads credentials raw (its redaction removed)', async () => {
    writeFileSync(
      join(dir, 'policy.yaml'),
      editedPolicyText((p) => {
        p.roles.dpo!.rules = p.roles.dpo!.rules.filter((r) => r.category !== 'user.credentials');
      }),
    );
    const { code, stdout } = await run(['lint']);
    expect(code).toBe(1);
    expect(stdout).toContain('| **error** | `RAW_CREDENTIALS` |');
  });

  it('exits 0 on the demo: no error is left (warnings do not gate)', async () => {
    writeFileSync(join(dir, 'policy.yaml'), SAFE_POLICY);
    const { code, stdout } = await run(['lint']);
    expect(code).toBe(0);
    expect(stdout).toContain('0 error(s)');
  });

  it('flags a planted risky rule', async () => {
    const risky = editedPolicyText((p) => {
      p.roles['support-agent']!.rules.push({
        category: 'user.credentials.password',
        access: 'allow',
      });
    });
    writeFileSync(join(dir, 'policy.yaml'), risky);
    const { code, stdout } = await run(['lint']);
    expect(code).toBe(1);
    expect(stdout).toContain('`roles.support-agent.rules.7`');
    expect(stdout).toContain("role 'support-agent' reads credentials raw");
  });

  it('with --sample, reads values only through the reader and prints its notes', async () => {
    writeFileSync(
      join(dir, 'datamap.yaml'),
      editedMapText((tree) => {
        fieldsOf(tree, 'compliance', 'consent_records').note = {};
      }),
    );
    writeFileSync(join(dir, 'policy.yaml'), SAFE_POLICY);
    const reader: SampleReader = async () => ({
      samples: new Map([['compliance.consent_records.note', ['13800138000', 'x']]]),
      notes: ['support: an HTTP service, not sampled'],
    });
    const { code, stdout, stderr } = await run(['lint', '--sample'], reader);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "field 'note' has no category but 1 of 2 sampled values look like CN mobile numbers",
    );
    expect(stdout).not.toContain('13800138000');
    expect(stderr).toContain('sample: support: an HTTP service, not sampled');
  });
});

describe('privgraph policy explain, matrix and diff', () => {
  it('explains a field by its GraphQL coordinate', async () => {
    const { code, stdout } = await run([
      'explain',
      '--role',
      'support-agent',
      '--purpose',
      'customer_service',
      '--coordinate',
      'AccountsUsers.email',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '> support-agent reading accounts.users.email (AccountsUsers.email) for customer_service: mask',
    );
  });

  it('says what is wrong with an explain query, exit 1', async () => {
    const { code, stderr } = await run([
      'explain',
      '--role',
      'dpo',
      '--purpose',
      'dsar',
      '--category',
      'user.contactt',
    ]);
    expect(code).toBe(1);
    expect(stderr).toBe("error: unknown category 'user.contactt' (did you mean user.contact?)");
  });

  it('writes the HTML matrix to --out and says so', async () => {
    const out = join(dir, 'matrix.html');
    const { code, stdout, stderr } = await run(['matrix', '--out', out]);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('<table id="category-matrix">');
  });

  it('diffs a proposed policy as Markdown or HTML', async () => {
    writeFileSync(join(dir, 'next.yaml'), PROPOSED_DEMO_POLICY_TEXT);
    const md = await run(['diff', '--proposed', join(dir, 'next.yaml')]);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('2 of ');
    const html = await run(['diff', '--proposed', join(dir, 'next.yaml'), '--format', 'html']);
    expect(html.stdout).toContain('<table id="decision-changes">');
  });

  it('diffs a proposed data map under the same policy', async () => {
    writeFileSync(
      join(dir, 'map2.yaml'),
      editedMapText((tree) => {
        fieldsOf(tree, 'accounts', 'users').nickname = { category: 'user.name' };
      }),
    );
    const { code, stdout } = await run(['diff', '--proposed-map', join(dir, 'map2.yaml')]);
    expect(code).toBe(0);
    expect(stdout).toContain('6 of ');
    expect(stdout).toContain('`accounts.users.nickname` `AccountsUsers.nickname`');
  });
});

describe('invalid input', () => {
  it('prints the policy problems like datamap validate, exit 1', async () => {
    writeFileSync(
      join(dir, 'policy.yaml'),
      DEMO_POLICY_TEXT.replace(
        'category: user.name, access: allow',
        'category: user.nmae, access: allow',
      ),
    );
    const { code, stderr } = await run(['matrix']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^error: .*policy\.yaml:\d+:\d+ roles\.support-agent\.rules\.0\.category: unknown category 'user\.nmae' \(did you mean user\.name\?/,
    );
  });

  it('reports a missing proposed file', async () => {
    const { code, stderr } = await run(['diff', '--proposed', join(dir, 'nope.yaml')]);
    expect(code).toBe(1);
    expect(stderr).toContain('cannot read the policy (ENOENT)');
  });

  it('is a usage error (exit 2) with the usage text', async () => {
    const { code, stderr } = await run(['diff']);
    expect(code).toBe(2);
    expect(stderr).toContain('usage: privgraph policy <command>');
  });
});
