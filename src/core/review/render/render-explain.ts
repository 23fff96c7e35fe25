/** An access explanation as Markdown and as an HTML page: the decision and the sentence
 * behind it, the rules it beat, the purpose facts, and (for a category) each field. */
import { accessLabel } from '../decision-summary';
import type { AccessExplanation } from '../explain-access';
import { cellLabel, ruleText } from './cell-label';
import { decisionClass, escapeHtml, htmlPage } from './html-page';
import { mdCode, mdDocument, mdTable, mdText } from './markdown';

interface Fact {
  readonly name: string;
  readonly value: string;
}

function facts(e: AccessExplanation): Fact[] {
  const p = e.purposeFacts;
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return [
    { name: 'decision', value: `${accessLabel(e.decision)} (${e.decision.reason})` },
    ...(e.decision.rule ? [{ name: 'rule', value: ruleText(e.decision.rule) }] : []),
    ...(e.winner && !e.decision.rule
      ? [
          {
            name: 'rule that would apply',
            value: `${e.winner.path} (${e.winner.category} → ${e.winner.access})`,
          },
        ]
      : []),
    ...(e.field ? [{ name: 'field', value: e.field.address }] : []),
    ...(e.field?.coordinate ? [{ name: 'coordinate', value: e.field.coordinate }] : []),
    { name: 'category', value: e.category ?? '(none)' },
    ...(e.field ? [{ name: "field's default method", value: e.field.defaultMethod }] : []),
    { name: 'purpose declared by the policy', value: yes(p.declared) },
    { name: `one of ${e.role}'s purposes`, value: yes(p.roleServes) },
    { name: 'universal purpose', value: yes(p.universal) },
    ...(p.collectionPurposes
      ? [
          {
            name: "collection's purposes",
            value: `${p.collectionPurposes.join(', ')} (${p.collectionInScope ? 'in scope' : 'out of scope'})`,
          },
        ]
      : []),
    { name: 'consent', value: p.consent },
    { name: 'minors', value: p.minor },
  ];
}

export function renderExplainMarkdown(e: AccessExplanation): string {
  const beaten =
    e.beaten.length === 0
      ? 'None: no other rule of the role covers the category.'
      : mdTable(
          ['rule', 'category', 'access', 'why it lost'],
          e.beaten.map((b) => [
            mdCode(b.path),
            mdCode(b.category),
            mdText(b.access),
            mdText(b.why),
          ]),
        );
  const fields =
    e.field || e.fields.length === 0
      ? ''
      : mdTable(
          ['field', 'coordinate', 'category', 'decision', 'reason'],
          e.fields.map(({ field, decision }) => [
            mdCode(field.address),
            field.coordinate ? mdCode(field.coordinate) : '',
            mdCode(field.category ?? ''),
            mdText(cellLabel(decision)),
            mdText(decision.reason),
          ]),
        );
  return mdDocument([
    '# Access explanation',
    `> ${mdText(e.summary)}`,
    mdTable(
      ['', ''],
      facts(e).map((f) => [mdText(f.name), mdText(f.value)]),
    ),
    '## Rules it beat',
    beaten,
    ...(fields ? ['## Fields in this category', fields] : []),
  ]);
}

export function renderExplainHtml(e: AccessExplanation): string {
  const factRows = facts(e)
    .map(
      (f) => `<tr><th scope="row">${escapeHtml(f.name)}</th><td>${escapeHtml(f.value)}</td></tr>`,
    )
    .join('\n');
  const beaten =
    e.beaten.length === 0
      ? '<p>None: no other rule of the role covers the category.</p>'
      : `<table id="beaten-rules"><thead><tr><th>rule</th><th>category</th><th>access</th><th>why it lost</th></tr></thead><tbody>${e.beaten
          .map(
            (b) =>
              `<tr><td><code>${escapeHtml(b.path)}</code></td><td><code>${escapeHtml(b.category)}</code></td><td>${escapeHtml(b.access)}</td><td>${escapeHtml(b.why)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const fields =
    e.field || e.fields.length === 0
      ? ''
      : `<h2>Fields in this category</h2><table id="category-fields"><thead><tr><th>field</th><th>coordinate</th><th>category</th><th>decision</th></tr></thead><tbody>${e.fields
          .map(
            ({ field, decision }) =>
              `<tr><td><code>${escapeHtml(field.address)}</code></td><td><code>${escapeHtml(field.coordinate ?? '')}</code></td><td><code>${escapeHtml(field.category ?? '')}</code></td><td class="access ${decisionClass(decision)}">${escapeHtml(`${cellLabel(decision)} (${decision.reason})`)}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  return htmlPage(
    'Access explanation',
    [
      '<h1>Access explanation</h1>',
      `<p class="${decisionClass(e.decision)}">${escapeHtml(e.summary)}</p>`,
      `<table id="explanation"><tbody>\n${factRows}\n</tbody></table>`,
      '<h2>Rules it beat</h2>',
      beaten,
      fields,
    ].join('\n'),
  );
}
