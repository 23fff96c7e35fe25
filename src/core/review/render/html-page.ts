/**
 * The HTML reports' page: one self-contained file (inline style, no script, no external
 * resource, and a Content-Security-Policy that forbids loading any), so it can be attached
 * to a pull request or an audit file and opened anywhere. Every text is escaped.
 *
 * Colours follow the decision's class — allow (the value), de-identified (a method's form),
 * deny — and a purpose-limited deny (`PURPOSE_MISMATCH`: not collected for the purpose) is
 * paler than a rule's deny. Each coloured cell also says its access in words, so the table
 * reads without colour too.
 */
import type { Decision } from '../../policy/decision';
import { accessClassOf } from '../decision-summary';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The CSS class of a decision's cell. */
export function decisionClass(decision: Decision): string {
  const base = accessClassOf(decision);
  return decision.reason === 'PURPOSE_MISMATCH' ? `${base} not-collected` : base;
}

export const ACCESS_COLOURS = {
  allow: '#c6efce',
  deidentified: '#ffeb9c',
  deny: '#d9d9d9',
  notCollected: '#f2f2f2',
} as const;

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 1.5rem; color: #1f1f1f; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
table { border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #bfbfbf; padding: .25rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #f7f7f7; position: sticky; top: 0; }
th.category { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; }
code, .mono { font-family: ui-monospace, monospace; font-size: 12px; }
small, .muted { color: #595959; }
.allow { background: ${ACCESS_COLOURS.allow}; }
.deidentified { background: ${ACCESS_COLOURS.deidentified}; }
.deny { background: ${ACCESS_COLOURS.deny}; }
.deny.not-collected { background: ${ACCESS_COLOURS.notCollected}; color: #7f7f7f; }
td.access { white-space: nowrap; font-family: ui-monospace, monospace; font-size: 12px; }
td.access span { display: block; padding: 0 .2rem; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.2rem; }
ul.legend span.swatch { display: inline-block; width: 1.1rem; height: .9rem; border: 1px solid #bfbfbf; vertical-align: middle; margin-right: .3rem; }
.error { background: #f4cccc; } .warning { background: #ffeb9c; } .info { background: #ddebf7; }
.wider { background: #f4cccc; } .narrower { background: #c6efce; } .same, .added, .removed { background: #f2f2f2; }
`;

/** A complete page around `body` (already-escaped HTML). */
export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The legend of the access colours. */
export function accessLegend(): string {
  const item = (cls: string, text: string) =>
    `<li><span class="swatch ${cls}"></span>${escapeHtml(text)}</li>`;
  return [
    '<ul class="legend">',
    item('allow', 'allow — the value as stored'),
    item(
      'deidentified',
      'de-identified — mask, hash, tokenize, generalize or redact (the method is named)',
    ),
    item('deny', 'deny — by a rule, or by default (no rule)'),
    item('deny not-collected', '— not collected for the purpose (purpose limitation)'),
    '</ul>',
  ].join('\n');
}

/** `<h1>` and the versions every report names (the policy and data map it was made on). */
export function reportHeading(title: string, versions: readonly [string, string][]): string {
  const list = versions
    .map(([what, hash]) => `${escapeHtml(what)} <code>${escapeHtml(hash.slice(0, 12))}</code>`)
    .join(' · ');
  return `<h1>${escapeHtml(title)}</h1>\n<p class="muted">${list}</p>`;
}
