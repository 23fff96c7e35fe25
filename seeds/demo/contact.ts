/**
 * Phone numbers and e-mail addresses for the demo people: unique per person (so the only
 * way two people meet in the graph is a shared device), but *stored* the way real systems
 * store them — mobiles with or without +86, spaced or dashed, e-mails in mixed case — so the
 * gateway's canonical comparison (SPEC §5) is exercised on every lookup.
 */
import { permuteDigits } from '../lib/permutation';
import type { Random } from '../lib/random';

// Mainland mobile prefixes in use (1[3-9]x).
const MOBILE_PREFIXES =
  `130 131 132 133 135 136 137 138 139 147 150 151 152 153 155 156 157 158 159 166 175 176 177 178 180 181 182 183 185 186 187 188 189 191 198 199`.split(
    ' ',
  );

const PERSONAL_DOMAINS =
  `qq.com 163.com 126.com gmail.com outlook.com sina.com foxmail.com hotmail.com`.split(' ');

/** Work mobiles use permutation slots from here on; personal mobiles use the person's index. */
export const WORK_MOBILE_SLOT = 50_000_000;

/**
 * A mobile number no other slot gets (slots < 10^8): the 8 digits after the prefix are a
 * seed-keyed permutation of the slot, so the prefix cannot make two numbers equal and no
 * set of the millions of numbers handed out has to be kept.
 */
export function mobileForSlot(rng: Random, seed: number, slot: number): string {
  return rng.pick(MOBILE_PREFIXES) + String(permuteDigits(slot, 8, seed)).padStart(8, '0');
}

export function canonicalMobile(mobile: string): string {
  return `+86${mobile}`;
}

/** How a person would type their number into a form: `138 0013 8000`. */
export function typedMobile(mobile: string): string {
  return `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`;
}

/** One of the formats the demo systems store a mobile number in. */
export function storedMobile(rng: Random, mobile: string): string {
  const [a, b, c] = [mobile.slice(0, 3), mobile.slice(3, 7), mobile.slice(7)];
  switch (rng.int(0, 5)) {
    case 0:
      return mobile;
    case 1:
      return `+86 ${a} ${b} ${c}`;
    case 2:
      return `${a}-${b}-${c}`;
    case 3:
      return `+86${mobile}`;
    case 4:
      return `86-${a}-${b}-${c}`;
    default:
      return `${a} ${b} ${c}`;
  }
}

/** Latin letters and digits only (Müller → muller), for the local part of an address. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

/**
 * A personal address, lower-case (its canonical form). The number in it is unique per person
 * (a permutation of the index, as for mobiles) and is always the address's last run of digits,
 * so no two people can get the same address whatever names and domains they draw.
 */
export function personalEmail(
  rng: Random,
  seed: number,
  index: number,
  given: string,
  family: string,
): string {
  const [g, f] = [ascii(given), ascii(family)];
  // Six digits for the first million people, then longer numbers above every six-digit one.
  const n = index < 1_000_000 ? permuteDigits(index, 6, seed) : 1_000_000 + index;
  const local = rng.pick([`${g}.${f}${n}`, `${f}${g}${n}`, `${g}${f}_${n}`, `${f}.${g}.${n}`]);
  return `${local}@${rng.pick(PERSONAL_DOMAINS)}`;
}

/**
 * A work address at the employer's domain, lower-case, unique among `taken` (the org's). A
 * clash takes the next free number rather than a random one, so it draws nothing from the
 * person's PRNG stream and the person's other rows do not depend on who their colleagues are.
 */
export function workEmail(
  taken: Set<string>,
  given: string,
  family: string,
  domain: string,
): string {
  const base = `${ascii(given)}.${ascii(family)}`;
  let local = base;
  for (let n = 2; taken.has(local); n++) local = `${base}${n}`;
  taken.add(local);
  return `${local}@${domain}`;
}

/** The address as a system stored it: mostly as typed, sometimes capitalised or shouted. */
export function storedEmail(rng: Random, email: string): string {
  const roll = rng.float();
  if (roll < 0.6) return email;
  const [local = '', domain = ''] = email.split('@');
  if (roll < 0.85) {
    const capitalised = local.replace(
      /(^|[._])([a-z])/g,
      (_m, sep: string, ch: string) => sep + ch.toUpperCase(),
    );
    return `${capitalised}@${domain}`;
  }
  if (roll < 0.95) return `${local}@${domain.toUpperCase()}`;
  return email.toUpperCase();
}
