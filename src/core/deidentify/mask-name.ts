/**
 * Masking people's names (SPEC §4.5: "Chinese name keeps the surname"). A Chinese name is
 * surname first, so the first character is kept (`张伟` → `张*`) — or the first two for
 * the common compound surnames (`欧阳娜娜` → `欧阳**`), since keeping only `欧` would name
 * a different, single-character surname. A name in Latin script keeps each word's initial
 * behind a fixed `***` (`Vivian Tang` → `V*** T***`), so the length of the name is not shown.
 */
const MASK = '*';

/**
 * Compound surnames (复姓) common enough to matter; a rarer one is treated as a single
 * character, which reveals less, not more.
 */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '南宫',
  '端木',
  '独孤',
  '西门',
  '呼延',
  '司空',
  '澹台',
  '公羊',
  '赫连',
  '万俟',
  '申屠',
  '闻人',
  '濮阳',
  '淳于',
  '单于',
  '太史',
]);

const HAN = /\p{Script=Han}/u;

/** `张伟` → `张*`, `欧阳娜娜` → `欧阳**`; a one-character name is starred entirely. */
export function maskChineseName(raw: string): string {
  const chars = Array.from(raw.trim());
  // Two characters starting with a compound surname (`欧阳`) are surname + given name.
  const compound = chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join(''));
  const kept = chars.length <= 1 ? 0 : compound ? 2 : 1;
  return chars.slice(0, kept).join('') + MASK.repeat(chars.length - kept);
}

/** `Vivian Tang` → `V*** T***`: each word's first letter; a hyphenated word is one word. */
export function maskLatinName(raw: string): string {
  const words = raw
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
  if (words.length === 0) return MASK.repeat(3);
  return words.map((word) => `${Array.from(word)[0] ?? ''}***`).join(' ');
}

/** A name in Han script is masked the Chinese way, any other the Latin way. */
export function maskPersonName(raw: string): string {
  const first = Array.from(raw.trim())[0];
  return first !== undefined && HAN.test(first) ? maskChineseName(raw) : maskLatinName(raw);
}
