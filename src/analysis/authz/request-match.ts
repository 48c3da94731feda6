import type { MatchField } from '../model/istio.js';
import type { IdentityAtom } from './identity.js';
import { cidrContains, parseAddress, parseCidr } from './ip.js';
import type { ConcreteRequest } from './request.js';
import { isPathTemplate } from './strings.js';

/**
 * Envoy's matchers for one concrete value, written independently of the symbolic engine's atoms
 * (`strings.ts`) so that the property tests compare two implementations.
 */

export function field(
  values: MatchField | undefined,
  notValues: MatchField | undefined,
  test: (v: string) => boolean,
): boolean {
  const any = (f: MatchField): boolean => f.values.some((v) => test(v.value));
  return (values === undefined || any(values)) && (notValues === undefined || !any(notValues));
}

/** Envoy `StringMatcher` from `StringMatcher(v)`: `*` is the regex `.+`. */
export function stringValue(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (pattern === '*') return value.length > 0;
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}

/** `HeaderMatcher`/`HostMatcher`: `*` is a presence match; hosts ignore case. */
export function headerValue(
  pattern: string,
  value: string | undefined,
  ignoreCase: boolean,
): boolean {
  if (value === undefined) return false;
  if (pattern === '*') return true;
  const fold = (s: string): string =>
    ignoreCase ? s.replace(/[A-Z]/g, (c) => c.toLowerCase()) : s;
  return stringValue(fold(pattern), fold(value));
}

export function pathMatches(pattern: string, path: string | undefined): boolean {
  if (path === undefined) return false;
  return isPathTemplate(pattern)
    ? templateMatches(pattern, 0, path, 0)
    : stringValue(pattern, path);
}

const PCHAR = /[a-zA-Z0-9\-._~%!$&'()+,;:@=]/;

/** Backtracking over the template text: `{*}` takes one or more pchars, `{**}` pchars and `/`. */
export function templateMatches(template: string, i: number, path: string, j: number): boolean {
  if (i === template.length) return j === path.length;
  if (template.startsWith('{**}', i)) {
    for (let k = j; ; k++) {
      if (templateMatches(template, i + 4, path, k)) return true;
      const c = path[k];
      if (c === undefined || !(PCHAR.test(c) || c === '/')) return false;
    }
  }
  if (template.startsWith('{*}', i)) {
    for (let k = j + 1; k <= path.length; k++) {
      const c = path[k - 1] ?? '';
      if (!PCHAR.test(c)) return false;
      if (templateMatches(template, i + 3, path, k)) return true;
    }
    return false;
  }
  return path[j] === template[i] && templateMatches(template, i + 1, path, j + 1);
}

export function inCidr(cidr: string, address: string | undefined): boolean {
  const range = parseCidr(cidr);
  const ip = address === undefined ? null : parseAddress(address);
  return range !== null && ip !== null && cidrContains(range, ip);
}

/** `requestPrincipalGenerator`: issuer and subject matched separately around the last `/`. */
export function requestPrincipal(pattern: string, request: ConcreteRequest): boolean {
  const jwt = request.jwt;
  if (jwt === undefined || jwt === null) return false;
  const iss = jwt.iss;
  const sub = jwt.sub;
  const nonEmpty = (v: string | undefined): boolean => v !== undefined && v.length > 0;
  const slash = pattern.lastIndexOf('/');
  const pIss = slash >= 0 ? pattern.slice(0, slash) : pattern;
  const pSub = slash >= 0 ? pattern.slice(slash + 1) : '';
  if (pattern === '*') return nonEmpty(iss) && nonEmpty(sub);
  if (pattern.startsWith('*')) {
    if (slash < 0) return nonEmpty(iss) && sub !== undefined && sub.endsWith(pattern.slice(1));
    const issOk = pIss === '*' ? nonEmpty(iss) : iss.endsWith(pIss.slice(1));
    return issOk && sub === pSub;
  }
  if (pattern.endsWith('*')) {
    if (slash < 0) return iss.startsWith(pattern.slice(0, -1)) && nonEmpty(sub);
    const subOk =
      pSub === '*' ? nonEmpty(sub) : sub !== undefined && sub.startsWith(pSub.slice(0, -1));
    return iss === pIss && subOk;
  }
  return iss === pIss && sub === pSub;
}

/** List-or-string claim match (`MetadataListValueMatcher` with the extended OR). */
export function claimValue(pattern: string, value: unknown): boolean {
  if (typeof value === 'string') return stringValue(pattern, value);
  return (
    Array.isArray(value) && value.some((v) => typeof v === 'string' && stringValue(pattern, v))
  );
}

export function claimAt(request: ConcreteRequest, path: readonly string[]): unknown {
  let value: unknown = request.jwt?.claims;
  for (const key of path)
    value =
      typeof value === 'object' && value !== null
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return value;
}

export function serviceAccount(value: string, namespace: string): IdentityAtom {
  const slash = value.indexOf('/');
  return slash < 0
    ? { kind: 'serviceAccount', namespace, name: value }
    : { kind: 'serviceAccount', namespace: value.slice(0, slash), name: value.slice(slash + 1) };
}
