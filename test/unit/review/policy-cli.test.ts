/**
 * The acceptance checks of issue #6 through the real entry point (`bin/privgraph.js`, as a
 * reviewer or CI runs it): `policy diff` on a demo policy change prints exactly the changed
 * decisions, and `policy lint` fails on a planted risky rule.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_DIR, PROPOSED_DEMO_POLICY_TEXT, editedPolicyText } from './review-fixtures';

const ROOT = join(DEMO_DIR, '..', '..');
const BIN = join(ROOT, 'bin', 'privgraph.js');

async function privgraph(
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: { ...process.env, PRIVGRAPH_DEMO_DATABASE_URL: 'postgres://x/y' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'privgraph-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('privgraph policy diff prints exactly the decisions a demo policy change alters', async () => {
  const proposed = join(dir, 'proposed-policy.yaml');
  writeFileSync(proposed, PROPOSED_DEMO_POLICY_TEXT);
  const { code, stdout } = await privgraph(['policy', 'diff', '--proposed', proposed]);
  expect(code).toBe(0);
  const rows = stdout
    .split('\n')
    .filter((line) =>
      /^\| (dpo|support-agent|security-analyst|marketing-app|analytics-app) \|/.test(line),
    );
  expect(rows).toEqual([
    '| analytics-app | analytics | `analytics.events.ip` `AnalyticsEvents.ip` | generalize · RULE · roles.analytics-app.rules.5 (user.device.ip_address → generalize) | deny · RULE · roles.analytics-app.rules.5 (user.device.ip_address → deny) | narrower |',
    '| support-agent | customer_service | `workspace.employees.title` `WorkspaceEmployees.title` | deny · NO_RULE | allow · RULE · roles.support-agent.rules.7 (user.job_title → allow) | **wider** |',
  ]);
  expect(stdout).toContain('2 of ');
});

it('privgraph policy lint exits 1 on a planted risky rule, naming it', async () => {
  const risky = join(dir, 'risky-policy.yaml');
  writeFileSync(
    risky,
    editedPolicyText((p) => {
      p.roles['security-analyst']!.rules.push({
        category: 'user.credentials.verification_code',
        access: 'allow',
      });
    }),
  );
  const { code, stdout } = await privgraph(['policy', 'lint', '--policy', risky]);
  expect(code).toBe(1);
  expect(stdout).toContain('| **error** | `RAW_CREDENTIALS` |');
  expect(stdout).toContain('`roles.security-analyst.rules.6`');
});
