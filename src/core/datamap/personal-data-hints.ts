/**
 * A field without a category is treated as not personal data: no rule guards it (SPEC §4.3).
 * A field whose name says otherwise (`mobile`, `id_card`, `client_ip`) is far more likely a
 * forgotten category than a deliberate choice, so it is flagged — as a warning, since names
 * mislead both ways (`file_name`) and the reviewer decides.
 */
import type { DataMapIssue } from './data-map-error';
import { issue } from './data-map-error';
import { fieldPath } from './map-paths';
import type { DataMap, FieldDef } from './model';

/** Name tokens that usually mean personal data, with the category they usually mean. */
const TELLTALE_TOKENS: Readonly<Record<string, string>> = {
  name: 'user.name',
  realname: 'user.name',
  fullname: 'user.name',
  surname: 'user.name.last',
  nickname: 'user.account.username',
  username: 'user.account.username',
  phone: 'user.contact.phone_number',
  mobile: 'user.contact.phone_number',
  tel: 'user.contact.phone_number',
  email: 'user.contact.email',
  mail: 'user.contact.email',
  address: 'user.contact.address',
  addr: 'user.contact.address',
  birth: 'user.demographic.date_of_birth',
  birthday: 'user.demographic.date_of_birth',
  dob: 'user.demographic.date_of_birth',
  gender: 'user.demographic.gender',
  sex: 'user.demographic.gender',
  idcard: 'user.government_id.national_identification_number',
  passport: 'user.government_id.passport_number',
  ip: 'user.device.ip_address',
  password: 'user.credentials.password',
  passwd: 'user.credentials.password',
  latitude: 'user.location.precise',
  longitude: 'user.location.precise',
  wechat: 'user.contact.social_url',
};

/** Pairs of tokens that only mean something together (`id_card` but not `id` alone). */
const TELLTALE_PAIRS: Readonly<Record<string, string>> = {
  'id card': 'user.government_id.national_identification_number',
  'id number': 'user.government_id.national_identification_number',
  'ip addr': 'user.device.ip_address',
};

/** `clientIP`, `client_ip`, `client-ip` → [client, ip]. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((token) => token.length > 0);
}

/** The category a field's name suggests, if its name looks like personal data. */
export function suggestedCategoryForName(
  name: string,
): { token: string; category: string } | undefined {
  const tokens = nameTokens(name);
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    const pair = `${tokens[i]} ${tokens[i + 1]}`;
    const category = TELLTALE_PAIRS[pair];
    if (category) return { token: pair.replace(' ', '_'), category };
  }
  for (const token of tokens) {
    const category = TELLTALE_TOKENS[token];
    if (category) return { token, category };
  }
  return undefined;
}

function checkField(field: FieldDef): DataMapIssue[] {
  if (field.category !== undefined) return [];
  const suggestion = suggestedCategoryForName(field.key) ?? suggestedCategoryForName(field.column);
  if (!suggestion) return [];
  return [
    issue(
      fieldPath(field.address),
      `field '${field.key}' has no category but its name suggests personal data ('${suggestion.token}')`,
      `add category: ${suggestion.category} (or the right one), or ignore if it is not personal data`,
      'warning',
    ),
  ];
}

export function checkUncategorisedPersonalData(map: DataMap): DataMapIssue[] {
  return map.systems.flatMap((s) => s.collections.flatMap((c) => c.fields.flatMap(checkField)));
}
