/** A decision diff as Markdown and as an HTML page: one row per changed (role, purpose,
 * field), from → to, widening changes marked (they reveal more than before). */
import type { DecisionChange, DecisionDiff } from '../diff-decisions';
import { decisionText } from './cell-label';
import { decisionClass, escapeHtml, htmlPage, reportHeading } from './html-page';
import { mdCode, mdDocument, mdTable, mdText } from './markdown';

function summaryLine(diff: DecisionDiff): string {
  const n = diff.changes.length;
  if (n === 0) return `No decision changes (${diff.compared} compared).`;
  const by = new Map<string, number>();
  for (const change of diff.changes) by.set(change.direction, (by.get(change.direction) ?? 0) + 1);
  const parts = [...by].map(([direction, count]) => `${count} ${direction}`).join(', ');
  return `${n} of ${diff.compared} decisions change: ${parts}.`;
}

const side = (decision: DecisionChange['from']): string =>
  decision ? decisionText(decision) : '(no such field)';

export function renderDiffMarkdown(diff: DecisionDiff): string {
  const versions = `Policy ${mdCode(diff.fromVersion.policy.slice(0, 12))} → ${mdCode(diff.toVersion.policy.slice(0, 12))}, data map ${mdCode(diff.fromVersion.dataMap.slice(0, 12))} → ${mdCode(diff.toVersion.dataMap.slice(0, 12))}.`;
  return mdDocument([
    '# Policy diff',
    versions,
    mdText(summaryLine(diff)),
    diff.changes.length === 0
      ? ''
      : mdTable(
          ['role', 'purpose', 'field', 'from', 'to', 'change'],
          diff.changes.map((c) => [
            mdText(c.role),
            mdText(c.purpose),
            `${mdCode(c.field.address)}${c.field.coordinate ? ` ${mdCode(c.field.coordinate)}` : ''}`,
            mdText(side(c.from)),
            mdText(side(c.to)),
            c.direction === 'wider' ? '**wider**' : mdText(c.direction),
          ]),
        ),
  ]);
}

function htmlSide(decision: DecisionChange['from']): string {
  return decision
    ? `<td class="access ${decisionClass(decision)}">${escapeHtml(decisionText(decision))}</td>`
    : '<td class="muted">(no such field)</td>';
}

export function renderDiffHtml(diff: DecisionDiff): string {
  const rows = diff.changes
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.role)}</td><td>${escapeHtml(c.purpose)}</td><td><code>${escapeHtml(c.field.address)}</code>${c.field.coordinate ? `<br><small class="mono">${escapeHtml(c.field.coordinate)}</small>` : ''}</td>${htmlSide(c.from)}${htmlSide(c.to)}<td class="${c.direction}">${escapeHtml(c.direction)}</td></tr>`,
    )
    .join('\n');
  return htmlPage(
    'Policy diff',
    [
      reportHeading('Policy diff', [
        ['policy (current)', diff.fromVersion.policy],
        ['policy (proposed)', diff.toVersion.policy],
        ['data map (current)', diff.fromVersion.dataMap],
        ['data map (proposed)', diff.toVersion.dataMap],
      ]),
      `<p>${escapeHtml(summaryLine(diff))}</p>`,
      diff.changes.length === 0
        ? ''
        : `<table id="decision-changes"><thead><tr><th>role</th><th>purpose</th><th>field</th><th>from</th><th>to</th><th>change</th></tr></thead><tbody>\n${rows}\n</tbody></table>`,
    ].join('\n'),
  );
}
