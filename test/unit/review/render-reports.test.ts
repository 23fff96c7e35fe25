/**
 * The Markdown and HTML renderers: the structure a reader (and the browser test) relies on,
 * and escaping of every name a pull request could plant markup in.
 */
import {
  diffPolicies,
  explainAccess,
  lintPolicy,
  permissionMatrix,
  renderDiffHtml,
  renderDiffMarkdown,
  renderExplainHtml,
  renderExplainMarkdown,
  renderLintHtml,
  renderLintMarkdown,
  renderMatrixHtml,
  renderMatrixMarkdown,
} from '../../../src/core/review';
import { escapeHtml } from '../../../src/core/review/render/html-page';
import { mdCode, mdText } from '../../../src/core/review/render/markdown';
import { policyOf } from '../policy/policy-builder';
import { DEMO_MAP, DEMO_POLICY, PROPOSED_DEMO_POLICY_TEXT, policyFrom } from './review-fixtures';

const matrix = permissionMatrix(DEMO_POLICY, DEMO_MAP);

/** Every table row of a Markdown text has as many cells as its header. */
function expectWellFormedTables(markdown: string): void {
  let width: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      width = undefined;
      continue;
    }
    const cells = line.replace(/\\\|/g, '').split('|').length;
    width ??= cells;
    expect(cells).toBe(width);
  }
}

describe('escaping', () => {
  it.each([
    ['a*b_c', 'a\\*b_c'],
    ['_lead', '\\_lead'],
    ['<script>x</script>', '\\<script\\>x\\</script\\>'],
    ['a|b', 'a\\|b'],
    ['line\nbreak', 'line break'],
  ])('mdText(%j) = %j', (text, expected) => expect(mdText(text)).toBe(expected));

  it.each([
    ['a|b', '`a\\|b`'],
    ['a`b', "`a'b`"],
  ])('mdCode(%j) = %j', (text, expected) => expect(mdCode(text)).toBe(expected));

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });

  it('plants no markup from role and purpose names', () => {
    const policy = policyOf(
      { 'r<img src=x onerror=alert(1)>': { purposes: ['p|*<b>'], rules: [['user', 'allow']] } },
      { 'p|*<b>': { universal: true } },
    );
    const m = permissionMatrix(policy, DEMO_MAP);
    const html = renderMatrixHtml(m);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('r&lt;img src=x onerror=alert(1)&gt;');
    const md = renderMatrixMarkdown(m);
    // escaped (`\<img`): shown as text, never parsed as a tag
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).toContain('r\\<img src=x onerror=alert(1)\\>');
    expectWellFormedTables(md);
  });
});

describe('the matrix page', () => {
  const html = renderMatrixHtml(matrix);

  it('is one self-contained page that loads nothing', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).not.toMatch(/(src|href)=/);
  });

  it('has a row per role and a cell per category, classed by access', () => {
    const table = html.slice(
      html.indexOf('<table id="category-matrix">'),
      html.indexOf('</table>'),
    );
    const rows = table.split('<tr data-role=').slice(1);
    expect(rows).toHaveLength(5);
    for (const row of rows)
      expect(row.match(/<td class="access /g)).toHaveLength(matrix.categories.length);
    expect(table).toContain('<td class="access deidentified" data-category="user.contact.email">');
    expect(table).toMatch(
      /<tr data-role="dpo">.*<td class="access deidentified" data-category="user.credentials.password">/,
    );
  });

  it('has a legend and the field table with coordinates', () => {
    expect(html).toContain('<ul class="legend">');
    expect(html).toContain('<table id="field-matrix">');
  });
});

describe('Markdown reports', () => {
  it.each([
    ['matrix', renderMatrixMarkdown(matrix)],
    ['lint', renderLintMarkdown(lintPolicy(DEMO_POLICY, DEMO_MAP))],
    [
      'diff',
      renderDiffMarkdown(
        diffPolicies(DEMO_POLICY, policyFrom(PROPOSED_DEMO_POLICY_TEXT), DEMO_MAP),
      ),
    ],
  ])('%s has well-formed tables', (_name, markdown) => {
    expectWellFormedTables(markdown);
  });

  it('explain names the rule and the rules it beat', () => {
    const result = explainAccess(DEMO_POLICY, DEMO_MAP, {
      role: 'analytics-app',
      purpose: 'analytics',
      coordinate: 'accounts.users.gender',
    });
    if (!result.ok) throw new Error(result.message);
    const md = renderExplainMarkdown(result.explanation);
    expectWellFormedTables(md);
    expect(md).toContain(
      '| rule | roles.analytics-app.rules.7 (user.demographic.gender → allow) |',
    );
    expect(md).toContain('| `roles.analytics-app.rules.6` | `user.demographic` | generalize |');
    const html = renderExplainHtml(result.explanation);
    expect(html).toContain('<table id="beaten-rules">');
  });

  it('diff says when nothing changes', () => {
    const diff = diffPolicies(DEMO_POLICY, DEMO_POLICY, DEMO_MAP);
    expect(renderDiffMarkdown(diff)).toContain('No decision changes (');
    expect(renderDiffHtml(diff)).not.toContain('<table');
  });

  it('lint says when there is nothing to say', () => {
    expect(renderLintMarkdown([])).toContain('No findings.');
    expect(renderLintHtml([])).toContain('0 error(s), 0 warning(s), 0 info');
  });
});
