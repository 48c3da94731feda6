import { parse } from 'yaml';

/**
 * A small interpreter for the Envoy RBAC filters in Istio's builder goldens
 * (`test/corpus/istio-authz-builder/testdata/*-out*.yaml`), written from Envoy's RBAC semantics:
 * an ALLOW filter allows a request when some policy matches, a DENY filter rejects it when some
 * policy matches, LOG does nothing; a policy matches when some permission and some principal
 * match. Shadow rules are dry-run, except the `istio_ext_authz_` shadow rules of a CUSTOM
 * policy, whose match hands the request to the external authorizer.
 *
 * It is the oracle the golden tests compare meshguard against: the goldens are what istiod
 * generated, so evaluating them is as close to "what the sidecar decides" as a test can get.
 */

export interface RbacRequest {
  /** The peer certificate's URI SAN, `null` for plaintext. */
  readonly uri: string | null;
  /** Lower-case names, `:method`, `:authority` included. */
  readonly headers: Readonly<Record<string, string>>;
  /** The path without query. */
  readonly path: string | null;
  readonly port: number;
  readonly sourceIp: string;
  readonly remoteIp: string;
  readonly destinationIp: string;
  readonly sni: string | null;
  /** The JWT payload, `null` without a validated token. */
  readonly jwt: Readonly<Record<string, unknown>> | null;
}

export type RbacDecision = 'allow' | 'deny' | 'custom';

type Node = Record<string, unknown>;

export function loadFilters(texts: readonly string[]): Node[] {
  return texts.map((t) => parse(t) as Node);
}

/** The decision of the filter chain, in order (DENY/CUSTOM filters come first in the goldens). */
export function decide(filters: readonly Node[], request: RbacRequest): RbacDecision {
  let custom = false;
  for (const filter of filters) {
    const config = (filter.typedConfig ?? {}) as Node;
    if (String(config['@type'] ?? '').includes('ext_authz')) continue;
    const shadow = config.shadowRules as Node | undefined;
    if (shadow && config.shadowRulesStatPrefix === 'istio_ext_authz_' && anyPolicy(shadow, request))
      custom = true;
    const rules = config.rules as Node | undefined;
    if (rules === undefined) continue;
    const matched = anyPolicy(rules, request);
    const action = String(rules.action ?? 'ALLOW');
    if (action === 'DENY' && matched) return 'deny';
    if (action === 'ALLOW' && !matched) return 'deny';
  }
  return custom ? 'custom' : 'allow';
}

function anyPolicy(rules: Node, request: RbacRequest): boolean {
  const policies = (rules.policies ?? {}) as Record<string, Node>;
  return Object.values(policies).some(
    (p) =>
      ((p.permissions ?? []) as Node[]).some((x) => permission(x, request)) &&
      ((p.principals ?? []) as Node[]).some((x) => principal(x, request)),
  );
}

function permission(p: Node, r: RbacRequest): boolean {
  if (p.any === true) return true;
  if (p.andRules) return list(p.andRules, 'rules').every((x) => permission(x, r));
  if (p.orRules) return list(p.orRules, 'rules').some((x) => permission(x, r));
  if (p.notRule) return !permission(p.notRule as Node, r);
  if (p.header) return header(p.header as Node, r);
  if (p.urlPath) return r.path !== null && string(((p.urlPath as Node).path ?? {}) as Node, r.path);
  if (p.uriTemplate)
    return (
      r.path !== null &&
      template(String(((p.uriTemplate as Node).typedConfig as Node).pathTemplate), r.path)
    );
  if (p.destinationPort !== undefined) return Number(p.destinationPort) === r.port;
  if (p.destinationIp) return cidr(p.destinationIp as Node, r.destinationIp);
  if (p.requestedServerName) return string(p.requestedServerName as Node, r.sni ?? '');
  if (p.metadata) return metadata(p.metadata as Node, r);
  throw new Error(`unknown permission ${JSON.stringify(p)}`);
}

function principal(p: Node, r: RbacRequest): boolean {
  if (p.any === true) return true;
  if (p.andIds) return list(p.andIds, 'ids').every((x) => principal(x, r));
  if (p.orIds) return list(p.orIds, 'ids').some((x) => principal(x, r));
  if (p.notId) return !principal(p.notId as Node, r);
  if (p.authenticated) {
    // Envoy's authenticated matcher is false without a verified peer certificate.
    if (r.uri === null) return false;
    const name = (p.authenticated as Node).principalName as Node | undefined;
    return name === undefined || string(name, r.uri);
  }
  if (p.directRemoteIp) return cidr(p.directRemoteIp as Node, r.sourceIp);
  if (p.remoteIp) return cidr(p.remoteIp as Node, r.remoteIp);
  if (p.header) return header(p.header as Node, r);
  if (p.metadata) return metadata(p.metadata as Node, r);
  throw new Error(`unknown principal ${JSON.stringify(p)}`);
}

function list(node: unknown, key: string): Node[] {
  return ((node as Node)[key] ?? []) as Node[];
}

function header(h: Node, r: RbacRequest): boolean {
  const value = r.headers[String(h.name).toLowerCase()];
  if (value === undefined) return false;
  if (h.presentMatch === true) return true;
  return string((h.stringMatch ?? {}) as Node, value);
}

function string(m: Node, value: string): boolean {
  const fold = (s: string): string => (m.ignoreCase === true ? s.toLowerCase() : s);
  if (m.exact !== undefined) return fold(value) === fold(String(m.exact));
  if (m.prefix !== undefined) return fold(value).startsWith(fold(String(m.prefix)));
  if (m.suffix !== undefined) return fold(value).endsWith(fold(String(m.suffix)));
  if (m.safeRegex !== undefined)
    return new RegExp(`^(?:${String((m.safeRegex as Node).regex)})$`, 's').test(value);
  throw new Error(`unknown string matcher ${JSON.stringify(m)}`);
}

function value(m: Node, v: unknown): boolean {
  if (m.stringMatch) return typeof v === 'string' && string(m.stringMatch as Node, v);
  if (m.listMatch)
    return Array.isArray(v) && v.some((e) => value(((m.listMatch as Node).oneOf ?? {}) as Node, e));
  if (m.orMatch) return list(m.orMatch, 'valueMatchers').some((x) => value(x, v));
  throw new Error(`unknown value matcher ${JSON.stringify(m)}`);
}

function metadata(m: Node, r: RbacRequest): boolean {
  const path = ((m.path ?? []) as Node[]).map((s) => String(s.key));
  if (!String(m.filter).includes('jwt') && !String(m.filter).includes('authn')) return false;
  let v: unknown = r.jwt === null ? undefined : { payload: r.jwt };
  for (const key of path) v = typeof v === 'object' && v !== null ? (v as Node)[key] : undefined;
  return v !== undefined && value(m.value as Node, v);
}

function cidr(c: Node, address: string): boolean {
  const bits = Number(c.prefixLen ?? 32);
  const base = String(c.addressPrefix);
  if (base.includes(':') !== address.includes(':')) return false;
  const toBig = (ip: string): bigint =>
    ip.includes(':')
      ? ipv6(ip)
      : ip.split('.').reduce((acc, o) => (acc << 8n) | BigInt(Number(o)), 0n);
  const width = base.includes(':') ? 128 : 32;
  const shift = BigInt(width - bits);
  return toBig(base) >> shift === toBig(address) >> shift;
}

function ipv6(ip: string): bigint {
  const [head = '', tail = ''] = ip.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t]
    : h;
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

const LITERAL = "[a-zA-Z0-9\\-._~%!$&'()+,;:@=]";

/** Envoy URI template (after Istio's `{*}` → `*`, `{**}` → `**` rewrite). */
function template(pattern: string, path: string): boolean {
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) =>
      part === '**'
        ? `${LITERAL.slice(0, -1)}/]*`
        : part === '*'
          ? `${LITERAL}+`
          : part.replace(/[.+()$^[\]{}|\\?]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`).test(path);
}
