/**
 * Rows of the account service and the 数智空间 workspace: accounts, SMS verification codes,
 * customer organisations, employees, their tasks and the approvals on them (policy §III.1,
 * §III.3). Approvals are about two people — the task's assignee and the approver — and the
 * ground truth records both; an organisation is only ever *related* to its employees.
 */
import { randomDate, randomTimestamp } from '../lib/calendar';
import { Random, streamSeed } from '../lib/random';
import {
  WORK_MOBILE_SLOT,
  canonicalMobile,
  mobileForSlot,
  storedEmail,
  storedMobile,
  workEmail,
} from './contact';
import type { PersonPlan } from './people';
import { DEMO_RATES } from './people';
import * as v from './vocabulary';
import type { DemoWorldBuilder } from './world-builder';

export interface Organization {
  readonly id: number;
  readonly domain: string;
  /** Employees so far (parallel arrays: a million people must not cost a million objects). */
  readonly employeeIds: number[];
  readonly employeePeople: number[];
  /** Local parts of work addresses handed out at this domain. */
  readonly workLocals: Set<string>;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789./';

function bcryptLike(rng: Random): string {
  let out = '$2b$10$';
  for (let i = 0; i < 53; i++) out += BASE64[rng.int(0, 63)];
  return out;
}

export function addOrganizations(
  world: DemoWorldBuilder,
  rng: Random,
  count: number,
): Organization[] {
  const orgs: Organization[] = [];
  for (let i = 0; i < count; i++) {
    const id = world.nextId('workspace.organizations');
    const city = rng.int(0, v.CITIES.length - 1);
    const [word, wordPinyin] = rng.pick(v.COMPANY_WORDS);
    const [kind, kindLatin] = rng.pick(v.COMPANY_KINDS);
    const domain = `${wordPinyin}-${kindLatin}${id}.cn`;
    world.add('workspace.organizations', {
      id,
      name: `${v.CITIES[city]}${word}${kind}`,
      industry: rng.pick(v.INDUSTRIES),
      city: v.CITIES[city] ?? null,
      domain,
      created_at: randomTimestamp(rng, 400, 3000),
    });
    orgs.push({ id, domain, employeeIds: [], employeePeople: [], workLocals: new Set() });
  }
  return orgs;
}

/** The account row and the codes texted to the personal mobile; returns the user id. */
export function addAccount(world: DemoWorldBuilder, p: PersonPlan): number {
  const id = world.nextId('accounts.users');
  const { rng } = p;
  world.addOwn(p.index, 'accounts.users', id, {
    id,
    phone: storedMobile(rng, p.mobile),
    email: p.email === undefined ? null : storedEmail(rng, p.email),
    full_name: p.name.full,
    english_name: p.name.chinese === undefined ? null : p.name.english,
    password_hash: bcryptLike(rng),
    date_of_birth: p.dateOfBirth ?? null,
    gender: p.gender,
    created_at: randomTimestamp(rng, 1, 1800),
  });
  world.identify(p.index, 'user_id', String(id));
  world.identify(p.index, 'phone', canonicalMobile(p.mobile));
  if (p.email !== undefined) world.identify(p.index, 'email', p.email);
  addVerificationCodes(world, p, p.mobile, rng.int(0, 3));
  return id;
}

function addVerificationCodes(
  world: DemoWorldBuilder,
  p: PersonPlan,
  mobile: string,
  count: number,
): void {
  for (let i = 0; i < count; i++) {
    const id = world.nextId('accounts.verification_codes');
    world.addOwn(p.index, 'accounts.verification_codes', id, {
      id,
      phone: p.rng.chance(0.7) ? canonicalMobile(mobile) : storedMobile(p.rng, mobile),
      code: p.rng.digits(6),
      purpose: p.rng.pick(['login', 'login', 'register', 'reset_password']),
      sent_at: randomTimestamp(p.rng, 0, 30),
    });
  }
}

/**
 * The employee row at a customer organisation, then that employee's tasks, each approved (or
 * not) by colleagues who joined the organisation before them — never by the assignee.
 */
export function addEmployee(
  world: DemoWorldBuilder,
  p: PersonPlan,
  userId: number | null,
  org: Organization,
): void {
  const { rng } = p;
  const id = world.nextId('workspace.employees');
  // Without an account, the mobile a person uses at work is the only one we know.
  const ownMobile = userId === null || rng.chance(DEMO_RATES.workPhoneIsPersonal);
  const workMobile = ownMobile ? p.mobile : mobileForSlot(rng, p.seed, WORK_MOBILE_SLOT + p.index);
  const workAddress = workEmail(org.workLocals, p.name.latinGiven, p.name.latinFamily, org.domain);
  world.addOwn(p.index, 'workspace.employees', id, {
    id,
    user_id: userId,
    org_id: org.id,
    full_name: p.name.full,
    work_email: storedEmail(rng, workAddress),
    work_phone: storedMobile(rng, workMobile),
    title: rng.pick(v.JOB_TITLES),
    joined_at: randomDate(rng, 30, 2500),
  });
  world.addRelated(p.index, 'workspace.organizations', org.id);
  world.identify(p.index, 'email', workAddress);
  world.identify(p.index, 'phone', canonicalMobile(workMobile));
  // Workspace log-in is by SMS code too: people without an account get theirs at work.
  if (userId === null) addVerificationCodes(world, p, workMobile, rng.int(1, 3));
  else if (!ownMobile) addVerificationCodes(world, p, workMobile, rng.int(0, 2));

  // Approvals depend on who joined the organisation before: a stream of their own keeps
  // that from shifting the rest of this person's rows between worlds of different sizes.
  const approvals = new Random(streamSeed(p.seed ^ 0x5f3759df, p.index));
  for (let i = rng.int(0, 4); i > 0; i--) {
    const taskId = world.nextId('workspace.tasks');
    world.addOwn(p.index, 'workspace.tasks', taskId, {
      id: taskId,
      assignee_id: id,
      title: rng.pick(v.TASK_TITLES),
      status: rng.pick(v.TASK_STATUSES),
      due_date: randomDate(rng, -60, 200),
      created_at: randomTimestamp(rng, 10, 400),
    });
    addApprovals(world, approvals, p.index, taskId, org);
  }
  org.employeeIds.push(id);
  org.employeePeople.push(p.index);
}

/** An approval is about two people, the assignee and the approver: both own the row. */
function addApprovals(
  world: DemoWorldBuilder,
  rng: Random,
  assignee: number,
  taskId: number,
  org: Organization,
): void {
  const colleagues = org.employeeIds.length;
  const count = colleagues === 0 ? 0 : rng.chance(0.5) ? 1 : rng.chance(0.2) ? 2 : 0;
  for (let i = 0; i < count; i++) {
    const k = rng.int(0, colleagues - 1);
    const id = world.nextId('workspace.approvals');
    const decision = rng.pick(v.APPROVAL_DECISIONS);
    world.add('workspace.approvals', {
      id,
      task_id: taskId,
      approver_id: org.employeeIds[k] ?? null,
      decision,
      comment: decision === 'pending' ? null : rng.pick(v.APPROVAL_COMMENTS),
      decided_at: decision === 'pending' ? null : randomTimestamp(rng, 1, 300),
    });
    world.addSubject(assignee, 'workspace.approvals', id);
    world.addSubject(org.employeePeople[k] as number, 'workspace.approvals', id);
  }
}
