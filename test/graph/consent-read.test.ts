/**
 * Consent is read from the store only where a decision can depend on it (SPEC §4.3): for a
 * purpose that requires consent, or for a minor. The DPO reading an adult for `dsar` sends no
 * consent query — the store statement was most of the policy's cost per lookup.
 */
import { generateDemoWorld } from '../../seeds/demo/generate';
import type { TestGateway } from '../support/gateway-harness';
import {
  ADULTS_ONLY,
  DEMO_MAP,
  DEMO_POLICY,
  execute,
  startTestGateway,
} from '../support/gateway-harness';

let gateway: TestGateway;
const world = generateDemoWorld({ subjects: 300, seed: 7 });
const adult = world.people.find((p) => !p.flags.minor && p.identities.user_id.length > 0)!;

beforeAll(async () => {
  gateway = await startTestGateway(DEMO_MAP, { policyFile: DEMO_POLICY, now: ADULTS_ONLY });
});
afterAll(async () => {
  await gateway.close();
});

async function consentQueries(role: string, purpose: string): Promise<number> {
  const spy = jest.spyOn(gateway.store, 'query');
  try {
    const result = await execute(
      gateway,
      'query Q($id: String!) { subject(by: { user_id: $id }) { accounts { users { id } } } }',
      { id: adult.identities.user_id[0] },
      { role, purpose },
    );
    expect(result.data).toBeDefined();
    return spy.mock.calls.filter(([sql]) => String(sql).includes('consent_events')).length;
  } finally {
    spy.mockRestore();
  }
}

test('an adult read for a purpose that rests on another basis reads no consent', async () => {
  expect(await consentQueries('dpo', 'dsar')).toBe(0);
});

test('a consent-gated purpose reads consent, once for the whole request', async () => {
  expect(await consentQueries('marketing-app', 'marketing')).toBe(1);
});
