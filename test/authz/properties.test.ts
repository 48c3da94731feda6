import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setContains } from '../../src/analysis/authz/point.js';
import type { ConcreteRequest } from '../../src/analysis/authz/request.js';
import { evaluateRequest } from '../../src/analysis/authz/request.js';
import { describe as describeSet } from '../../src/analysis/authz/describe.js';
import { isSubset, relation } from '../../src/analysis/authz/request-set.js';
import { policiesFor } from '../../src/analysis/authz/scope.js';
import { documents, policy, side, workload } from './support.js';

/**
 * Laws of the engine, checked on random policies over a small vocabulary that exercises every
 * matcher (exact, prefix, suffix, presence, path templates, CIDRs, JWT principals, headers):
 * the symbolic answer agrees with rule-by-rule evaluation of concrete requests, adding a DENY
 * never adds access, adding an ALLOW where ALLOW policies already apply never removes any, and
 * rewriting a policy set (order, duplicates, API version) never changes the answer.
 */

const PRINCIPALS = [
  'cluster.local/ns/a/sa/x',
  'cluster.local/ns/b/*',
  '*/sa/x',
  '*',
  'spiffe://cluster.local/ns/a/sa/x',
];
const NAMESPACES = ['a', 'b', 'a*', '*', '*a'];
const IPS = ['10.0.0.0/8', '10.1.0.0/16', '192.168.1.1', '::/0'];
const REQUEST_PRINCIPALS = ['iss1/sub1', 'iss1/*', '*/sub1', '*', 'iss*', '*ub1'];
const METHODS = ['GET', 'POST', 'G*', '*T', '*'];
const PATHS = ['/a', '/a/*', '*/b', '/a/{*}', '/{**}/b', '*', '/a/b', '/a/{**}'];
const HOSTS = ['Example.com', '*.com', 'api.*', '*', 'x.com:80'];
const PORTS = ['8080', '9090'];

const pick = <T>(values: readonly T[]) =>
  fc.subarray([...values], { minLength: 1, maxLength: Math.min(3, values.length) });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const source = fc
  .record({
    principals: maybe(pick(PRINCIPALS)),
    notPrincipals: maybe(pick(PRINCIPALS)),
    namespaces: maybe(pick(NAMESPACES)),
    notNamespaces: maybe(pick(NAMESPACES)),
    ipBlocks: maybe(pick(IPS)),
    notIpBlocks: maybe(pick(IPS)),
    requestPrincipals: maybe(pick(REQUEST_PRINCIPALS)),
    notRequestPrincipals: maybe(pick(REQUEST_PRINCIPALS)),
  })
  .filter((s) => Object.values(s).some((v) => v !== undefined));

const operation = fc
  .record({
    methods: maybe(pick(METHODS)),
    notMethods: maybe(pick(METHODS)),
    paths: maybe(pick(PATHS)),
    notPaths: maybe(pick(PATHS)),
    hosts: maybe(pick(HOSTS)),
    notHosts: maybe(pick(HOSTS)),
    ports: maybe(pick(PORTS)),
    notPorts: maybe(pick(PORTS)),
  })
  .filter((o) => Object.values(o).some((v) => v !== undefined));

const condition = fc.oneof(
  fc.record({ key: fc.constant('request.headers[X-A]'), values: pick(['v1', 'v*', '*']) }),
  fc.record({ key: fc.constant('request.headers[x-a]'), notValues: pick(['v1', '*v', '*']) }),
  fc.record({ key: fc.constant('source.ip'), values: pick(IPS) }),
  fc.record({ key: fc.constant('destination.ip'), notValues: pick(IPS) }),
  fc.record({ key: fc.constant('connection.sni'), values: pick(['a.com', '*.com', '*']) }),
  fc.record({ key: fc.constant('destination.port'), values: pick(PORTS) }),
  fc.record({ key: fc.constant('source.namespace'), notValues: pick(NAMESPACES) }),
  fc.record({ key: fc.constant('request.auth.principal'), values: pick(REQUEST_PRINCIPALS) }),
  fc.record({ key: fc.constant('request.auth.claims[groups]'), values: pick(['admin', 'dev*']) }),
);

const rule = fc
  .record({
    from: maybe(
      fc.array(
        source.map((s) => ({ source: s })),
        { minLength: 1, maxLength: 2 },
      ),
    ),
    to: maybe(
      fc.array(
        operation.map((o) => ({ operation: o })),
        { minLength: 1, maxLength: 2 },
      ),
    ),
    when: maybe(fc.array(condition, { minLength: 1, maxLength: 2 })),
  })
  .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));

const spec = fc.oneof(
  fc.record({
    action: fc.constantFrom('ALLOW', 'DENY', 'AUDIT'),
    rules: fc.array(rule, { minLength: 1, maxLength: 3 }),
  }),
  fc.constant({ action: 'ALLOW' }),
);

const peers = fc.constantFrom<string | null>('a/x', 'b/y', 'c/x', null);

const request = (traffic: 'http' | 'tcp', tokens: boolean): fc.Arbitrary<ConcreteRequest> =>
  fc.record({
    traffic: fc.constant(traffic),
    method: fc.constantFrom('GET', 'POST', 'PUT', 'GOT', 'BEAT'),
    path: fc.constantFrom('/a', '/a/b', '/a/x/b', '/c/b', '/a/', '/x', '/a//b', '/a/%7e/b'),
    host: fc.constantFrom('example.com', 'EXAMPLE.com', 'api.test', 'x.com:80', 'a.com'),
    headers: fc.constantFrom<Record<string, string>>(
      {},
      { 'x-a': 'v1' },
      { 'x-a': 'v2' },
      { 'x-a': '' },
    ),
    jwt: tokens
      ? fc.constantFrom(
          null,
          { iss: 'iss1', sub: 'sub1' },
          { iss: 'iss2', sub: 'xsub1' },
          { iss: 'iss1', claims: { groups: 'admin' } },
        )
      : fc.constant(null),
    sourceIp: fc.constantFrom('10.1.2.3', '10.2.0.1', '192.168.1.1', '::1'),
    destinationIp: fc.constantFrom('10.1.2.3', '172.16.0.1'),
    sni: fc.constantFrom(null, 'a.com', 'b.org'),
  });

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

const PROTOCOLS = { http: 'http', tcp: 'tcp', auto: 'web' } as const;

function mesh(
  specs: readonly object[],
  protocol: keyof typeof PROTOCOLS,
  tokens: boolean,
  apiVersion = 'security.istio.io/v1',
) {
  const requestAuthentication = JSON.stringify({
    apiVersion: 'security.istio.io/v1',
    kind: 'RequestAuthentication',
    metadata: { name: 'jwt', namespace: 'foo' },
    spec: { jwtRules: [{ issuer: 'iss1' }, { issuer: 'iss2' }] },
  });
  return side(
    documents(
      workload('foo', 'server', { ports: { 8080: PROTOCOLS[protocol] } }),
      ...specs.map((s, i) =>
        policy('foo', `p${i}`, s as Record<string, unknown>).replace(
          'security.istio.io/v1',
          apiVersion,
        ),
      ),
      ...(tokens ? [requestAuthentication] : []),
    ),
  );
}

describe('symbolic request sets agree with concrete requests', () => {
  it('on random policies, chains, callers and requests', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('http', 'tcp', 'auto' as const),
        fc.boolean(),
        peers,
        fc.context(),
        (specs, protocol, tokens, peerName, ctx) => {
          const s = mesh(specs, protocol, tokens);
          const peer = peerName === null ? null : s.peer(peerName);
          const result = s.access('foo/server', 8080, peer);
          const node = s.topology.workloadById.get('foo/server')!;
          const scope = policiesFor(node, s.engine.index);
          const traffics = protocol === 'auto' ? (['http', 'tcp'] as const) : ([protocol] as const);
          for (const traffic of traffics) {
            const samples = fc.sample(request(traffic, tokens), {
              numRuns: 25,
              seed: hash(JSON.stringify(specs)),
            });
            for (const req of samples) {
              const concrete = evaluateRequest(
                { settings: s.engine.settings, port: 8080, policies: scope.enforced },
                peer,
                req,
              );
              const symbolic = setContains(result.allowed, req);
              ctx.log(
                `${traffic} ${JSON.stringify(req)} → concrete ${concrete.decision}, symbolic ${symbolic}`,
              );
              if (result.exact) expect(symbolic).toBe(concrete.decision === 'allow');
              else if (symbolic) expect(concrete.decision).toBe('allow');
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('monotonicity laws', () => {
  it('adding a DENY policy never adds access (§3.2: DENY is checked before ALLOW)', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 3 }),
        spec,
        fc.constantFrom('http', 'tcp', 'auto' as const),
        peers,
        (specs, added, protocol, peerName) => {
          const before = mesh(specs, protocol, true);
          const after = mesh(
            [...specs, { ...added, action: 'DENY', rules: 'rules' in added ? added.rules : [{}] }],
            protocol,
            true,
          );
          const peer = peerName === null ? null : before.peer(peerName);
          const a = before.access('foo/server', 8080, peer);
          const b = after.access('foo/server', 8080, peer);
          expect(isSubset(b.allowed, a.allowed)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('adding an ALLOW policy never removes access once an ALLOW policy applies (§3.2: ALLOW policies are ORed)', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 3 }),
        spec,
        fc.constantFrom('http', 'tcp', 'auto' as const),
        peers,
        (specs, added, protocol, peerName) => {
          const base = [...specs, { action: 'ALLOW' }];
          const before = mesh(base, protocol, true);
          const after = mesh([...base, { ...added, action: 'ALLOW' }], protocol, true);
          const peer = peerName === null ? null : before.peer(peerName);
          const a = before.access('foo/server', 8080, peer);
          const b = after.access('foo/server', 8080, peer);
          expect(isSubset(a.allowed, b.allowed)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('equal request sets compare and print equal however they are written', () => {
  it('shuffled policies and rules, duplicated rules and v1beta1 give the same set and lines', () => {
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('http', 'tcp', 'auto' as const),
        peers,
        (specs, protocol, peerName) => {
          const rewritten = [...specs]
            .reverse()
            .map((s) => ('rules' in s ? { ...s, rules: [...s.rules, ...s.rules].reverse() } : s));
          const a = mesh(specs, protocol, true);
          const b = mesh(rewritten, protocol, true, 'security.istio.io/v1beta1');
          const peer = peerName === null ? null : a.peer(peerName);
          const x = a.access('foo/server', 8080, peer);
          const y = b.access('foo/server', 8080, peer);
          expect(relation(x.allowed, y.allowed)).toBe('equal');
          expect(y.access).toBe(x.access);
          expect(describeSet(y.allowed)).toEqual(describeSet(x.allowed));
        },
      ),
      { numRuns: 100 },
    );
  });
});
