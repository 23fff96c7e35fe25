/**
 * Rows keyed by an account: customer-service consultations, behaviour analytics, cookie and
 * device identifiers, consent and sharing records (policy §III.2, §III.4–5, §V), and the
 * devices with their security logs. A device is never *about* one person — it is related to
 * each person bound to it, and a device id is a shared identity (SPEC §5) — so devices and
 * their logs are recorded as related rows of every owner.
 */
import { randomTimestamp } from '../lib/calendar';
import { uniqueHex8 } from '../lib/permutation';
import type { Random } from '../lib/random';
import type { PersonPlan } from './people';
import * as v from './vocabulary';
import type { DemoWorldBuilder } from './world-builder';

function ip(rng: Random): string {
  return `${rng.pick(v.IP_FIRST_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

export function addSupportAndAnalytics(
  world: DemoWorldBuilder,
  p: PersonPlan,
  userId: number,
): void {
  const { rng } = p;
  for (let i = rng.chance(0.4) ? 0 : rng.int(1, 3); i > 0; i--) {
    const id = world.nextId('support.consultations');
    world.addOwn(p.index, 'support.consultations', id, {
      id,
      user_id: userId,
      channel: rng.pick(v.CONSULTATION_CHANNELS),
      content: rng.pick(v.CONSULTATION_CONTENT),
      created_at: randomTimestamp(rng, 1, 700),
    });
  }
  if (!p.hasAnalytics) return;
  const homeIp = ip(rng);
  for (let i = rng.int(1, 8); i > 0; i--) {
    const id = world.nextId('analytics.events');
    world.addOwn(p.index, 'analytics.events', id, {
      id,
      user_id: userId,
      event_type: rng.pick(v.EVENT_TYPES),
      page: rng.pick(v.PAGES),
      ip: rng.chance(0.7) ? homeIp : ip(rng),
      occurred_at: randomTimestamp(rng, 0, 365),
    });
  }
}

export function addTrackingAndCompliance(
  world: DemoWorldBuilder,
  p: PersonPlan,
  userId: number,
): void {
  const { rng } = p;
  for (let i = rng.chance(0.15) ? 0 : rng.int(1, 2); i > 0; i--) {
    const kind = rng.pick(v.IDENTIFIER_KINDS);
    const unique = uniqueHex8(world.nextId('tracking.identifiers'));
    const cookieId =
      kind === 'oaid'
        ? rng.uuid().slice(0, -8) + unique
        : `${kind === 'web_cookie' ? 'wc' : 'ai'}_${rng.hex(16)}${unique}`;
    const firstSeen = randomTimestamp(rng, 30, 700);
    world.addOwn(p.index, 'tracking.identifiers', cookieId, {
      cookie_id: cookieId,
      kind,
      user_id: userId,
      user_agent: rng.pick(v.USER_AGENTS),
      first_seen_at: firstSeen,
      last_seen_at: randomTimestamp(rng, 0, 29),
    });
    world.identify(p.index, 'cookie_id', cookieId);
  }
  for (const purpose of v.CONSENT_PURPOSES) {
    if (!rng.chance(0.8)) continue;
    const granted = rng.chance(0.7);
    addConsent(world, p, userId, purpose, granted, randomTimestamp(rng, 200, 1500));
    // Some changed their mind later (policy §VIII.3): the history keeps both records.
    if (rng.chance(0.15))
      addConsent(world, p, userId, purpose, !granted, randomTimestamp(rng, 1, 199));
  }
  if (rng.chance(0.15)) {
    const recipient = rng.pick(v.SHARING_RECIPIENTS);
    const id = world.nextId('compliance.sharing_records');
    world.addOwn(p.index, 'compliance.sharing_records', id, {
      id,
      user_id: userId,
      recipient: recipient.name,
      recipient_kind: recipient.kind,
      categories: recipient.categories,
      legal_ground: recipient.legalGround,
      shared_at: randomTimestamp(rng, 1, 900),
    });
  }
}

function addConsent(
  world: DemoWorldBuilder,
  p: PersonPlan,
  userId: number,
  purpose: string,
  granted: boolean,
  at: string,
): void {
  const id = world.nextId('compliance.consent_records');
  world.addOwn(p.index, 'compliance.consent_records', id, {
    id,
    user_id: userId,
    purpose,
    granted,
    recorded_at: at,
  });
}

export interface DeviceOwner {
  readonly person: number;
  readonly userId: number;
  /** How the owner names their devices (`张伟的iPhone 13`). */
  readonly ownerName: string;
}

/**
 * A device bound to each of `owners`, with its security logs. A device with two owners is
 * the family's or the office's, and named so.
 */
export function addDevice(
  world: DemoWorldBuilder,
  rng: Random,
  owners: readonly DeviceOwner[],
): string {
  const model = rng.pick(v.DEVICE_MODELS);
  const unique = uniqueHex8(world.nextId('security.devices'));
  const deviceId = model.ios
    ? (rng.uuid().slice(0, -8) + unique).toUpperCase()
    : rng.hex(8) + unique;
  const owner = owners[0];
  const deviceName =
    owners.length > 1
      ? `${rng.pick(['家里的', '客厅的', '办公室共用的'])}${model.model}`
      : owner && rng.chance(0.6)
        ? `${owner.ownerName}的${model.model}`
        : `${model.brand} ${model.model}`;
  world.add('security.devices', {
    device_id: deviceId,
    brand: model.brand,
    model: model.model,
    device_name: deviceName,
    os_version: rng.pick(model.os),
    first_seen_at: randomTimestamp(rng, 100, 1200),
  });
  const logs: number[] = [];
  for (let i = rng.int(0, 5); i > 0; i--) {
    const [category, methods] = rng.pick(v.SECURITY_SERVICES);
    const id = world.nextId('security.security_logs');
    world.add('security.security_logs', {
      id,
      device_id: deviceId,
      service_category: category,
      method: rng.pick(methods),
      ip: ip(rng),
      logged_at: randomTimestamp(rng, 0, 180),
    });
    logs.push(id);
  }
  world.addDeviceLogs(deviceId, logs);
  for (const { person, userId } of owners) {
    world.addOwn(person, 'security.user_devices', [userId, deviceId], {
      user_id: userId,
      device_id: deviceId,
      bound_at: randomTimestamp(rng, 0, 99),
    });
    world.addRelated(person, 'security.devices', deviceId);
    for (const log of logs) world.addRelated(person, 'security.security_logs', log);
    world.identify(person, 'device_id', deviceId);
  }
  return deviceId;
}
