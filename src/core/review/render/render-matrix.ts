/**
 * The permission matrix as Markdown and as an HTML page. Markdown puts categories in rows
 * and roles in columns (a narrow table reads better in a pull request); the HTML page puts a
 * row per role and a cell per category, colour-coded, with the field table below.
 */
import type { Decision } from '../../policy/decision';
import type { CategoryCell, PermissionMatrix } from '../permission-matrix';
import type { ReviewField } from '../review-field';
import { CELL_LEGEND, cellLabel, ruleText } from './cell-label';
import { accessLegend, decisionClass, escapeHtml, htmlPage, reportHeading } from './html-page';
import { mdCode, mdDocument, mdTable, mdText } from './markdown';

function mdCell(cell: CategoryCell): string {
  if (cell.uniform) return mdText(cellLabel(cell.decision));
  return cell.byPurpose
    .map((p) => `${mdText(p.purpose)}: ${mdText(cellLabel(p.decision))}`)
    .join('<br>');
}

function mdField(field: ReviewField): string {
  const coordinate = field.coordinate ? ` ${mdCode(field.coordinate)}` : '';
  const category = field.category ? mdCode(field.category) : '';
  return `${mdCode(field.address)}${coordinate} | ${category}`;
}

export function renderMatrixMarkdown(matrix: PermissionMatrix): string {
  const byCategory = mdTable(
    ['category', ...matrix.roles.map((r) => mdText(r.role))],
    matrix.categories.map((category, i) => [
      mdCode(category),
      ...matrix.roles.map((r) => (r.cells[i] ? mdCell(r.cells[i]) : '')),
    ]),
  );
  const byField = mdTable(
    [
      'field',
      'category',
      ...matrix.columns.map((c) => `${mdText(c.role)}<br>${mdText(c.purpose)}`),
    ],
    matrix.fields.map((row) => [
      mdField(row.field),
      ...row.decisions.map((d) => mdText(cellLabel(d))),
    ]),
  );
  return mdDocument([
    '# Permission matrix',
    `Policy ${mdCode(matrix.policyVersion.slice(0, 12))}, data map ${mdCode(matrix.dataMapVersion.slice(0, 12))}.`,
    CELL_LEGEND.map(([label, meaning]) => `- **${mdText(label)}**: ${mdText(meaning)}`).join('\n'),
    '## Roles × categories',
    'What each role gets of each category the data map holds; per purpose where its purposes differ.',
    byCategory,
    '## Fields × (role, purpose)',
    byField,
  ]);
}

function title(decision: Decision): string {
  return decision.rule ? `${decision.reason}: ${ruleText(decision.rule)}` : decision.reason;
}

function htmlDecision(decision: Decision, prefix = ''): string {
  return `<span class="${decisionClass(decision)}" title="${escapeHtml(title(decision))}">${escapeHtml(prefix + cellLabel(decision))}</span>`;
}

function htmlCell(cell: CategoryCell): string {
  const inner = cell.uniform
    ? htmlDecision(cell.decision)
    : cell.byPurpose.map((p) => htmlDecision(p.decision, `${p.purpose}: `)).join('');
  return `<td class="access ${decisionClass(cell.decision)}" data-category="${escapeHtml(cell.category)}">${inner}</td>`;
}

function categoryTable(matrix: PermissionMatrix): string {
  const head = matrix.categories
    .map((c) => `<th scope="col" class="category">${escapeHtml(c)}</th>`)
    .join('');
  const rows = matrix.roles.map(
    (role) =>
      `<tr data-role="${escapeHtml(role.role)}"><th scope="row">${escapeHtml(role.role)}<br><small>${escapeHtml(role.purposes.join(', '))}</small></th>${role.cells.map(htmlCell).join('')}</tr>`,
  );
  return `<table id="category-matrix">\n<thead><tr><th scope="col">role</th>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

function fieldTable(matrix: PermissionMatrix): string {
  const head = matrix.columns
    .map(
      (c) =>
        `<th scope="col">${escapeHtml(c.role)}<br><small>${escapeHtml(c.purpose)}</small></th>`,
    )
    .join('');
  const rows = matrix.fields.map((row) => {
    const f = row.field;
    const name = `<code>${escapeHtml(f.address)}</code>${f.coordinate ? `<br><small class="mono">${escapeHtml(f.coordinate)}</small>` : ''}`;
    const cells = row.decisions
      .map(
        (d) =>
          `<td class="access ${decisionClass(d)}" title="${escapeHtml(title(d))}">${escapeHtml(cellLabel(d))}</td>`,
      )
      .join('');
    return `<tr data-field="${escapeHtml(f.address)}"><th scope="row">${name}</th><td><code>${escapeHtml(f.category ?? '')}</code></td>${cells}</tr>`;
  });
  return `<table id="field-matrix">\n<thead><tr><th scope="col">field</th><th scope="col">category</th>${head}</tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>`;
}

export function renderMatrixHtml(matrix: PermissionMatrix): string {
  return htmlPage(
    'Permission matrix',
    [
      reportHeading('Permission matrix', [
        ['policy', matrix.policyVersion],
        ['data map', matrix.dataMapVersion],
      ]),
      accessLegend(),
      '<h2>Roles × categories</h2>',
      '<p>What each role gets of each category the data map holds; per purpose where its purposes differ. Hover a cell for the reason and the rule.</p>',
      categoryTable(matrix),
      '<h2>Fields × (role, purpose)</h2>',
      fieldTable(matrix),
    ].join('\n'),
  );
}
