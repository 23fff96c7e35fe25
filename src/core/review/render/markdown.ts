/**
 * Markdown building blocks for the review reports: escaped text, code spans and GFM tables.
 * Names come from files a pull request can change (role names, purposes, categories), so
 * every one is escaped: a report must render as written, never as markup someone planted.
 */

/** Plain text: Markdown's punctuation and raw HTML escaped, one line. An underscore inside
 * a word (`customer_service`) cannot start emphasis in GFM, so it stays readable as is. */
export function mdText(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .replace(/([\\`*[\]{}<>#|!~])/g, '\\$1')
    .replace(/_/g, (underscore, at: number, all: string) =>
      /[A-Za-z0-9]/.test(all.charAt(at - 1)) && /[A-Za-z0-9]/.test(all.charAt(at + 1))
        ? underscore
        : '\\_',
    );
}

/** A code span; a backtick or a line break inside becomes harmless, a pipe is escaped for
 * tables (GFM splits cells on `|` even inside code spans). */
export function mdCode(text: string): string {
  return `\`${text.replace(/\r?\n/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
}

/** A GFM table; cells are already-escaped Markdown. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Sections joined by blank lines, ending in one newline. */
export function mdDocument(sections: readonly string[]): string {
  return `${sections.filter((s) => s.length > 0).join('\n\n')}\n`;
}
