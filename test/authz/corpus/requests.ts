import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import type { ConcreteRequest } from '../../../src/analysis/authz/request.js';
import type { PeerIdentity } from '../../../src/analysis/topology/callers.js';
import type { RbacRequest } from './rbac.js';

/**
 * Concrete requests that probe a policy: every literal the policy mentions, turned into values
 * that hit and miss each pattern (`*` replaced by `zz`, templates filled, CIDR edges), combined
 * at random with a fixed seed. Each probe exists in both shapes: meshguard's and the RBAC
 * interpreter's.
 */

export interface Probe {
  readonly peer: PeerIdentity | null;
  readonly port: number;
  readonly request: ConcreteRequest;
  readonly rbac: RbacRequest;
}

interface Candidates {
  uris: Set<string | null>;
  methods: Set<string>;
  paths: Set<string>;
  hosts: Set<string>;
  ports: Set<number>;
  sourceIps: Set<string>;
  remoteIps: Set<string>;
  destinationIps: Set<string>;
  snis: Set<string | null>;
  headers: Map<string, Set<string | null>>;
  jwts: Set<string>;
}

export function probes(
  policyYaml: string,
  options: {
    trustDomains: readonly string[];
    count: number;
    seed: number;
    traffic: 'http' | 'tcp';
  },
): Probe[] {
  const c: Candidates = {
    uris: new Set([
      null,
      'spiffe://cluster.local/ns/foo/sa/default',
      'spiffe://other.td/ns/zz/sa/zz',
    ]),
    methods: new Set(['GET', 'PUT']),
    paths: new Set(['/', '/other']),
    hosts: new Set(['httpbin.foo:8000']),
    ports: new Set([80, 9999]),
    sourceIps: new Set(['8.8.8.8']),
    remoteIps: new Set(['8.8.4.4']),
    destinationIps: new Set(['1.1.1.1']),
    snis: new Set([null, 'zz.example']),
    headers: new Map(),
    jwts: new Set(['null', JSON.stringify({ iss: 'zz', sub: 'zz' })]),
  };
  const targets: Target[] = [];
  for (const doc of parseAllDocuments(policyYaml)) {
    const spec = (doc.toJS() as { spec?: { rules?: unknown[] } } | null)?.spec;
    for (const rule of spec?.rules ?? []) {
      collectRule(rule as Record<string, unknown>, c, options.trustDomains);
      targets.push(...targetsOf(rule as Record<string, unknown>));
    }
  }
  const pick = <T>(set: Set<T>) => fc.constantFrom(...[...set]);
  const headerNames = [...c.headers.keys()];
  const arb = fc.record({
    uri: pick(c.uris),
    method: pick(c.methods),
    path: pick(c.paths),
    host: pick(c.hosts),
    port: pick(c.ports),
    sourceIp: pick(c.sourceIps),
    remoteIp: pick(c.remoteIps),
    destinationIp: pick(c.destinationIps),
    sni: pick(c.snis),
    jwt: pick(c.jwts),
    headers: fc.tuple(
      ...headerNames.map((h) => pick(c.headers.get(h) ?? new Set<string | null>([null]))),
    ),
  });
  const random = fc.sample(arb, { numRuns: options.count, seed: options.seed });
  // Targeted probes: each rule's first values together (so that rules can match at all), then
  // the same request with one attribute swapped for every other candidate.
  const base = random[0];
  const targeted: Raw[] = [];
  // A request that matches as little as possible, so each attribute can be probed alone.
  const neutral: Target = {
    uri: null,
    method: 'PUT',
    path: '/other',
    host: 'httpbin.foo:8000',
    port: 9999,
    sourceIp: '8.8.8.8',
    remoteIp: '8.8.4.4',
    destinationIp: '1.1.1.1',
    sni: null,
    jwt: 'null',
  };
  if (base !== undefined)
    for (const target of [neutral, ...targets]) {
      const headers = headerNames.map((h, i) =>
        target === neutral ? null : (target.headerValues?.[h] ?? base.headers[i] ?? null),
      );
      const hit: Raw = { ...base, ...target, headers };
      targeted.push(hit);
      for (const key of [
        'uri',
        'method',
        'path',
        'host',
        'port',
        'sourceIp',
        'remoteIp',
        'destinationIp',
        'sni',
        'jwt',
      ] as const)
        for (const value of candidatesOf(c, key)) targeted.push({ ...hit, [key]: value });
    }
  return [...random, ...targeted].map((s) => toProbe(s, headerNames, options.traffic));
}

type Raw = {
  uri: string | null;
  method: string;
  path: string;
  host: string;
  port: number;
  sourceIp: string;
  remoteIp: string;
  destinationIp: string;
  sni: string | null;
  jwt: string;
  headers: (string | null)[];
};

type Target = Partial<Omit<Raw, 'headers'>> & { headerValues?: Record<string, string> };

function candidatesOf(c: Candidates, key: keyof Omit<Raw, 'headers'>): readonly unknown[] {
  const sets = {
    uri: c.uris,
    method: c.methods,
    path: c.paths,
    host: c.hosts,
    port: c.ports,
    sourceIp: c.sourceIps,
    remoteIp: c.remoteIps,
    destinationIp: c.destinationIps,
    sni: c.snis,
    jwt: c.jwts,
  };
  return [...sets[key]];
}

function toProbe(s: Raw, headerNames: readonly string[], traffic: 'http' | 'tcp'): Probe {
  const headers: Record<string, string> = {};
  headerNames.forEach((name, i) => {
    const v = s.headers[i];
    if (v !== null && v !== undefined) headers[name] = v;
  });
  const jwt = JSON.parse(s.jwt) as Record<string, unknown> | null;
  const request: ConcreteRequest = {
    traffic,
    method: s.method,
    path: s.path,
    host: s.host,
    headers,
    jwt:
      jwt === null
        ? null
        : {
            iss: String(jwt.iss),
            ...(jwt.sub === undefined ? {} : { sub: String(jwt.sub) }),
            ...(jwt.aud === undefined ? {} : { aud: jwt.aud as string }),
            ...(jwt.azp === undefined ? {} : { azp: String(jwt.azp) }),
            claims: jwt,
          },
    sourceIp: s.sourceIp,
    remoteIp: s.remoteIp,
    destinationIp: s.destinationIp,
    sni: s.sni,
  };
  const rbac: RbacRequest = {
    uri: s.uri,
    headers: traffic === 'http' ? { ...headers, ':method': s.method, ':authority': s.host } : {},
    path: traffic === 'http' ? s.path : null,
    port: s.port,
    sourceIp: s.sourceIp,
    remoteIp: s.remoteIp,
    destinationIp: s.destinationIp,
    sni: s.sni,
    jwt: traffic === 'http' ? jwt : null,
  };
  return { peer: peerOf(s.uri), port: s.port, request, rbac };
}

function peerOf(uri: string | null): PeerIdentity | null {
  if (uri === null) return null;
  const principal = uri.slice('spiffe://'.length);
  const parts = principal.split('/');
  return {
    principal,
    trustDomain: parts[0] ?? '',
    namespace: parts[2] ?? '',
    serviceAccount: parts[4] ?? '',
  };
}

const fill = (v: string): string =>
  v
    .replace(/\{\*\*\}/g, 'a/b')
    .replace(/\{\*\}/g, 'seg')
    .replace(/\*/g, 'zz');

function collectRule(
  rule: Record<string, unknown>,
  c: Candidates,
  trustDomains: readonly string[],
): void {
  for (const from of (rule.from ?? []) as { source: Record<string, string[]> }[]) {
    const s = from.source ?? {};
    for (const v of [...(s.principals ?? []), ...(s.notPrincipals ?? [])])
      principalUris(v, c, trustDomains);
    for (const v of [...(s.namespaces ?? []), ...(s.notNamespaces ?? [])])
      c.uris.add(`spiffe://cluster.local/ns/${fill(v)}/sa/sa1`);
    for (const v of [...(s.serviceAccounts ?? []), ...(s.notServiceAccounts ?? [])])
      c.uris.add(
        `spiffe://cluster.local/ns/${v.includes('/') ? v : `foo/${v}`}`.replace(
          /\/([^/]+)$/,
          '/sa/$1',
        ),
      );
    for (const v of [...(s.trustDomains ?? []), ...(s.notTrustDomains ?? [])])
      c.uris.add(`spiffe://${fill(v)}/ns/foo/sa/sa1`);
    for (const v of [...(s.requestPrincipals ?? []), ...(s.notRequestPrincipals ?? [])])
      jwtPrincipal(v, c);
    for (const v of [...(s.ipBlocks ?? []), ...(s.notIpBlocks ?? [])]) addresses(v, c.sourceIps);
    for (const v of [...(s.remoteIpBlocks ?? []), ...(s.notRemoteIpBlocks ?? [])])
      addresses(v, c.remoteIps);
  }
  for (const to of (rule.to ?? []) as { operation: Record<string, string[]> }[]) {
    const o = to.operation ?? {};
    for (const v of [...(o.methods ?? []), ...(o.notMethods ?? [])]) c.methods.add(fill(v));
    for (const v of [...(o.paths ?? []), ...(o.notPaths ?? [])])
      for (const p of pathValues(v)) c.paths.add(p);
    for (const v of [...(o.hosts ?? []), ...(o.notHosts ?? [])])
      c.hosts.add(fill(v)).add(fill(v).toUpperCase());
    for (const v of [...(o.ports ?? []), ...(o.notPorts ?? [])]) c.ports.add(Number(v));
  }
  for (const when of (rule.when ?? []) as {
    key: string;
    values?: string[];
    notValues?: string[];
  }[]) {
    const values = [...(when.values ?? []), ...(when.notValues ?? [])];
    const key = when.key;
    for (const v of values) {
      if (key === 'source.ip') addresses(v, c.sourceIps);
      else if (key === 'remote.ip') addresses(v, c.remoteIps);
      else if (key === 'destination.ip') addresses(v, c.destinationIps);
      else if (key === 'destination.port') c.ports.add(Number(v));
      else if (key === 'source.principal') principalUris(v, c, trustDomains);
      else if (key === 'source.namespace')
        c.uris.add(`spiffe://cluster.local/ns/${fill(v)}/sa/sa1`);
      else if (key === 'connection.sni') c.snis.add(fill(v));
      else if (key === 'request.auth.principal') jwtPrincipal(v, c);
      else if (key.startsWith('request.headers[')) {
        const name = key.slice(16, -1).toLowerCase();
        const set = c.headers.get(name) ?? new Set<string | null>([null, '']);
        c.headers.set(name, set.add(fill(v)));
      } else if (key.startsWith('request.auth.')) jwtClaim(key, v, c);
    }
  }
}

function principalUris(v: string, c: Candidates, trustDomains: readonly string[]): void {
  c.uris.add(`spiffe://${fill(v)}`);
  c.uris.add(`spiffe://${v.replace(/\*/g, '')}`);
  const parts = v.split('/');
  if (parts.length === 5)
    for (const td of [...trustDomains, 'other-td'])
      c.uris.add(`spiffe://${fill([td, ...parts.slice(1)].join('/'))}`);
}

function jwtPrincipal(v: string, c: Candidates): void {
  const slash = v.lastIndexOf('/');
  const iss = fill(slash < 0 ? v : v.slice(0, slash));
  const sub = slash < 0 ? 'zz' : fill(v.slice(slash + 1));
  c.jwts
    .add(JSON.stringify({ iss, sub }))
    .add(JSON.stringify({ iss, sub: '' }))
    .add(JSON.stringify({ iss: `${iss}x`, sub }));
}

function jwtClaim(key: string, v: string, c: Candidates): void {
  const names = [...key.slice('request.auth.'.length).matchAll(/\[([^[\]]*)\]/g)].map(
    (m) => m[1] ?? '',
  );
  const value = fill(v);
  if (key === 'request.auth.audiences')
    c.jwts
      .add(JSON.stringify({ iss: 'zz', aud: value }))
      .add(JSON.stringify({ iss: 'zz', aud: [value, 'other'] }));
  else if (key === 'request.auth.presenter') c.jwts.add(JSON.stringify({ iss: 'zz', azp: value }));
  else if (names.length > 0) {
    const nested = names.reduceRight<unknown>((inner, name) => ({ [name]: inner }), value);
    c.jwts.add(JSON.stringify({ iss: 'zz', ...(nested as object) }));
  }
}

function pathValues(v: string): string[] {
  if (v === '*') return ['/zz'];
  const filled = fill(v);
  return [filled, filled.replace('a/b', ''), `${filled}x`];
}

function addresses(v: string, set: Set<string>): void {
  const [base = ''] = v.split('/');
  set.add(base);
  if (!base.includes(':')) {
    const octets = base.split('.').map(Number);
    octets[3] = ((octets[3] ?? 0) + 1) % 256;
    set.add(octets.join('.'));
  }
}

/** One request per (from, to) pair of a rule, using each field's first value and the `when` values. */
function targetsOf(rule: Record<string, unknown>): Target[] {
  const sources = ((rule.from ?? [{ source: {} }]) as { source: Record<string, string[]> }[]).map(
    (f) => f.source ?? {},
  );
  const operations = (
    (rule.to ?? [{ operation: {} }]) as { operation: Record<string, string[]> }[]
  ).map((t) => t.operation ?? {});
  const when: Target = {};
  const headerValues: Record<string, string> = {};
  for (const w of (rule.when ?? []) as { key: string; values?: string[] }[]) {
    const v = w.values?.[0];
    if (v === undefined) continue;
    if (w.key === 'source.ip') when.sourceIp = v.split('/')[0] ?? v;
    else if (w.key === 'remote.ip') when.remoteIp = v.split('/')[0] ?? v;
    else if (w.key === 'destination.ip') when.destinationIp = v.split('/')[0] ?? v;
    else if (w.key === 'destination.port') when.port = Number(v);
    else if (w.key === 'connection.sni') when.sni = fill(v);
    else if (w.key === 'source.principal') when.uri = `spiffe://${fill(v)}`;
    else if (w.key === 'source.namespace') when.uri = `spiffe://cluster.local/ns/${fill(v)}/sa/sa1`;
    else if (w.key.startsWith('request.headers['))
      headerValues[w.key.slice(16, -1).toLowerCase()] = fill(v);
    else if (w.key === 'request.auth.principal') when.jwt = jwtOf(v);
  }
  const out: Target[] = [];
  for (const s of sources)
    for (const o of operations) {
      const t: Target = { ...when, headerValues };
      const first = (list: string[] | undefined): string | undefined => list?.[0];
      const principal = first(s.principals);
      const namespace = first(s.namespaces);
      if (principal !== undefined) t.uri = `spiffe://${fill(principal)}`;
      else if (namespace !== undefined)
        t.uri = `spiffe://cluster.local/ns/${fill(namespace)}/sa/sa1`;
      const requestPrincipal = first(s.requestPrincipals);
      if (requestPrincipal !== undefined) t.jwt = jwtOf(requestPrincipal);
      const ip = first(s.ipBlocks);
      if (ip !== undefined) t.sourceIp = ip.split('/')[0] ?? ip;
      const remote = first(s.remoteIpBlocks);
      if (remote !== undefined) t.remoteIp = remote.split('/')[0] ?? remote;
      const method = first(o.methods);
      if (method !== undefined) t.method = fill(method);
      const path = first(o.paths);
      if (path !== undefined) t.path = pathValues(path)[0] ?? path;
      const host = first(o.hosts);
      if (host !== undefined) t.host = fill(host);
      const port = first(o.ports);
      if (port !== undefined) t.port = Number(port);
      out.push(t);
    }
  return out;
}

function jwtOf(v: string): string {
  const slash = v.lastIndexOf('/');
  return JSON.stringify({
    iss: fill(slash < 0 ? v : v.slice(0, slash)),
    sub: slash < 0 ? '' : fill(v.slice(slash + 1)),
  });
}
