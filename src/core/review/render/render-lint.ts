/** Lint findings as Markdown and as an HTML page, errors first. */
import type { LintFinding } from '../lint-finding';
import { countBySeverity } from '../lint-finding';
import { escapeHtml, htmlPage } from './html-page';
import { mdCode, mdDocument, mdTable, mdText } from './markdown';

function countsLine(findings: readonly LintFinding[]): string {
  const c = countBySeverity(findings);
  return `${c.error} error(s), ${c.warning} warning(s), ${c.info} info`;
}

export function renderLintMarkdown(findings: readonly LintFinding[]): string {
  return mdDocument([
    '# Policy lint',
    mdText(countsLine(findings)),
    findings.length === 0
      ? 'No findings.'
      : mdTable(
          ['severity', 'code', 'where', 'finding', 'fix'],
          findings.map((f) => [
            `**${f.severity}**`,
            mdCode(f.code),
            `${mdText(f.file)} ${mdCode(f.path)}`,
            mdText(f.message),
            mdText(f.fix),
          ]),
        ),
  ]);
}

export function renderLintHtml(findings: readonly LintFinding[]): string {
  const rows = findings
    .map(
      (f) =>
        `<tr class="${f.severity}" data-code="${escapeHtml(f.code)}"><td>${escapeHtml(f.severity)}</td><td><code>${escapeHtml(f.code)}</code></td><td>${escapeHtml(f.file)}<br><code>${escapeHtml(f.path)}</code></td><td>${escapeHtml(f.message)}</td><td>${escapeHtml(f.fix)}</td></tr>`,
    )
    .join('\n');
  return htmlPage(
    'Policy lint',
    [
      '<h1>Policy lint</h1>',
      `<p>${escapeHtml(countsLine(findings))}</p>`,
      findings.length === 0
        ? '<p>No findings.</p>'
        : `<table id="lint-findings"><thead><tr><th>severity</th><th>code</th><th>where</th><th>finding</th><th>fix</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    ].join('\n'),
  );
}
