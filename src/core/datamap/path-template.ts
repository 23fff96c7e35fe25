/**
 * Path templates of HTTP endpoints (docs/http-sources.md): literal text and `{name}`
 * placeholders, e.g. `/consultations?{field}={values}` or `/consultations/{id}`. Parsed
 * once here, so the map's validation and the connector that fills the template agree on
 * what a placeholder is. There is no escape for a literal brace: no service path needs one.
 */

export type TemplatePart =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'placeholder'; readonly name: string };

export type ParsedTemplate =
  | { readonly ok: true; readonly parts: readonly TemplatePart[] }
  | { readonly ok: false; readonly error: string };

const PLACEHOLDER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function parsePathTemplate(template: string): ParsedTemplate {
  if (!template.startsWith('/'))
    return { ok: false, error: `path '${template}' must start with '/'` };
  const parts: TemplatePart[] = [];
  let pos = 0;
  while (pos < template.length) {
    const open = template.indexOf('{', pos);
    const close = template.indexOf('}', pos);
    if (close >= 0 && (open < 0 || close < open))
      return { ok: false, error: `'}' without '{' at character ${close + 1}` };
    if (open < 0) {
      parts.push({ kind: 'literal', text: template.slice(pos) });
      break;
    }
    if (open > pos) parts.push({ kind: 'literal', text: template.slice(pos, open) });
    if (close < 0) return { ok: false, error: `'{' without '}' at character ${open + 1}` };
    const name = template.slice(open + 1, close);
    if (!PLACEHOLDER.test(name))
      return { ok: false, error: `'{${name}}' is not a placeholder name` };
    parts.push({ kind: 'placeholder', name });
    pos = close + 1;
  }
  return { ok: true, parts };
}

export function placeholdersOf(parts: readonly TemplatePart[]): string[] {
  return parts.flatMap((part) => (part.kind === 'placeholder' ? [part.name] : []));
}
