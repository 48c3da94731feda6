/**
 * String patterns as the Envoy matchers Istio generates read them, and the finite set of
 * witness strings that stands for every string in the symbolic request sets.
 *
 * Istio turns a value `v` into (`pilot/pkg/security/authz/matcher/{string,header}.go`):
 * `*` → presence (`.+` for string matchers, `present_match` for headers), `*x` → suffix `x`,
 * `x*` → prefix `x` (both include `x` itself), anything else → exact; a `*` elsewhere is literal.
 * Paths with `{*}` / `{**}` are Envoy URI templates (`matcher/template.go`): `{*}` is one segment
 * of pchars (`[pchar]+`), `{**}` is `[pchar/]*`, the whole path must match.
 */

export type StringAtom =
  | { readonly kind: 'exact'; readonly value: string }
  | { readonly kind: 'prefix'; readonly value: string }
  | { readonly kind: 'suffix'; readonly value: string }
  /** Regex `.+`: any non-empty value. */
  | { readonly kind: 'nonEmpty' }
  /** Header `present_match`: the header exists, even with an empty value. */
  | { readonly kind: 'present' }
  | { readonly kind: 'template'; readonly value: string };

/** How `*` alone is matched by the field the value belongs to. */
export type Presence = 'nonEmpty' | 'present';

export function stringAtom(pattern: string, presence: Presence): StringAtom {
  if (pattern === '*') return { kind: presence };
  if (pattern.startsWith('*')) return { kind: 'suffix', value: pattern.slice(1) };
  if (pattern.endsWith('*')) return { kind: 'prefix', value: pattern.slice(0, -1) };
  return { kind: 'exact', value: pattern };
}

export function isPathTemplate(value: string): boolean {
  return value.includes('{*}') || value.includes('{**}');
}

export function pathAtom(pattern: string): StringAtom {
  return isPathTemplate(pattern)
    ? { kind: 'template', value: pattern }
    : stringAtom(pattern, 'nonEmpty');
}

export function atomKey(atom: StringAtom): string {
  return 'value' in atom ? `${atom.kind}:${atom.value}` : atom.kind;
}

/** Istio's spelling of the atom, as a reviewer wrote it. */
export function formatStringAtom(atom: StringAtom): string {
  switch (atom.kind) {
    case 'exact':
    case 'template':
      return atom.value;
    case 'prefix':
      return `${atom.value}*`;
    case 'suffix':
      return `*${atom.value}`;
    default:
      return '*';
  }
}

/** `null` is an absent value (no such header, no JWT claim). */
export function testStringAtom(atom: StringAtom, value: string | null): boolean {
  if (value === null) return false;
  switch (atom.kind) {
    case 'exact':
      return value === atom.value;
    case 'prefix':
      return value.startsWith(atom.value);
    case 'suffix':
      return value.endsWith(atom.value);
    case 'nonEmpty':
      return value !== '';
    case 'present':
      return true;
    case 'template':
      return templateRegex(atom.value).test(value);
  }
}

/** RFC 3986 pchar as Envoy's URI template library spells it (`kLiteral`, with `%`). */
export const PCHAR = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]$/;
const PCHAR_CLASS = "[a-zA-Z0-9\\-._~%!$&'()+,;:@=]";

const templateCache = new Map<string, RegExp>();

/** The anchored regex Envoy builds from a template (`uri_template_internal.cc`). */
export function templateRegex(template: string): RegExp {
  let cached = templateCache.get(template);
  if (cached === undefined) {
    const body = templateTokens(template)
      .map((token) => {
        if (token.type === 'literal') return token.char.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        if (token.type === 'pchar') return PCHAR_CLASS;
        return token.type === 'pcharLoop' ? `${PCHAR_CLASS}*` : `(?:${PCHAR_CLASS}|/)*`;
      })
      .join('');
    cached = new RegExp(`^${body}$`);
    templateCache.set(template, cached);
  }
  return cached;
}

/** A template as a regular expression: `{*}` is one pchar then a pchar loop. */
export type TemplateToken =
  | { readonly type: 'literal'; readonly char: string }
  | { readonly type: 'pchar' }
  | { readonly type: 'pcharLoop' }
  | { readonly type: 'anyLoop' };

export function templateTokens(template: string): TemplateToken[] {
  const tokens: TemplateToken[] = [];
  for (let i = 0; i < template.length;) {
    if (template.startsWith('{**}', i)) {
      tokens.push({ type: 'anyLoop' });
      i += 4;
    } else if (template.startsWith('{*}', i)) {
      tokens.push({ type: 'pchar' }, { type: 'pcharLoop' });
      i += 3;
    } else {
      tokens.push({ type: 'literal', char: template[i] ?? '' });
      i += 1;
    }
  }
  return tokens;
}

export function isLoop(token: TemplateToken | undefined): boolean {
  return token?.type === 'pcharLoop' || token?.type === 'anyLoop';
}

export function asciiLower(value: string): string {
  return value.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
