/**
 * A demo person as tests and examples see them: names, canonical identities by kind, and the
 * flags the gateway cares about (minors, legal holds, shared devices, where they are).
 */
import type { PersonPlan } from './people';
import type { DemoIdentityKind, DemoWorldBuilder } from './world-builder';

export interface DemoPerson {
  readonly index: number;
  readonly names: { readonly full: string; readonly chinese?: string; readonly english: string };
  readonly gender: 'F' | 'M';
  readonly dateOfBirth?: string;
  /** The personal mobile as someone would type it into a form (`138 0013 8000`). */
  readonly typedPhone: string;
  /** Canonical values by identity kind: phones `+86…`, e-mails lower-case, ids as text. */
  readonly identities: Readonly<Record<DemoIdentityKind, readonly string[]>>;
  readonly flags: {
    readonly minor: boolean;
    readonly legalHold: boolean;
    /** No account: found only by the work e-mail/phone of a 数智空间 employee row. */
    readonly workspaceOnly: boolean;
    /** Index of the person sharing one of this person's devices. */
    readonly sharesDeviceWith?: number;
    /** Systems holding at least one row about the person (related rows not counted). */
    readonly systems: readonly string[];
  };
}

export function toDemoPerson(
  p: PersonPlan,
  world: DemoWorldBuilder,
  partner: number | undefined,
): DemoPerson {
  const found = world.identitiesOf(p.index);
  const identities = Object.fromEntries(
    Object.entries(found).map(([kind, values]) => [kind, [...values]]),
  ) as Record<DemoIdentityKind, string[]>;
  const { full, chinese, english } = p.name;
  return {
    index: p.index,
    names: chinese === undefined ? { full, english } : { full, chinese, english },
    gender: p.gender,
    ...(p.dateOfBirth === undefined ? {} : { dateOfBirth: p.dateOfBirth }),
    typedPhone: p.typedPhone,
    identities,
    flags: {
      minor: p.minor,
      legalHold: p.legalHold,
      workspaceOnly: !p.hasAccount,
      ...(partner === undefined ? {} : { sharesDeviceWith: partner }),
      systems: world.owner(p.index).systems(),
    },
  };
}
