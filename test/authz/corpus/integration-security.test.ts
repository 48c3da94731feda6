import { describe, expect, it } from 'vitest';
import { setContains } from '../../../src/analysis/authz/point.js';
import type { ConcreteRequest } from '../../../src/analysis/authz/request.js';
import type { PeerIdentity } from '../../../src/analysis/topology/callers.js';
import { side } from '../support.js';
import type { Echo, EchoPort, RenderContext } from './echo.js';
import { ECHO_PORTS, ROOT, echo, echoWorkloads, render } from './echo.js';

/**
 * Istio's end-to-end authorization tests (`tests/integration/security/authz_test.go`, expected
 * outcomes restated in `test/corpus/istio-integration-security/README.md`). Clients `a` in ns1
 * ("allowed") and `a` in ns2 ("denied") call `b` in ns1 (and in ns2 for the namespace tests),
 * over mTLS unless a case says otherwise, so the server sees their identities.
 */

const A1 = echo('ns1', 'a', '10.1.0.1');
const A2 = echo('ns2', 'a', '10.2.0.1');
const B1 = echo('ns1', 'b', '10.1.0.2');
const C1 = echo('ns1', 'c', '10.1.0.3');
const B2 = echo('ns2', 'b', '10.2.0.2');
const APPS = [A1, A2, B1, C1, B2];

type Call = [port: EchoPort, method: string, path: string, extra?: Partial<ConcreteRequest>];

function load(
  templates: readonly [string, RenderContext, string][],
  labels: Record<string, Record<string, string>> = {},
) {
  const files: Record<string, string> = { 'apps.yaml': echoWorkloads(APPS, labels) };
  templates.forEach(
    ([name, context, namespace], i) =>
      (files[`${i}-${name}.yaml`] = render(name, context, namespace)),
  );
  return side(files);
}

function allowed(
  s: ReturnType<typeof side>,
  to: Echo,
  from: Echo | null,
  [port, method, path, extra]: Call,
): boolean {
  const peer: PeerIdentity | null =
    from === null ? null : s.peer(`${from.namespace}/${from.service}`);
  const workloadPort = ECHO_PORTS[port][1];
  const request: ConcreteRequest =
    port === 'tcp'
      ? { traffic: 'tcp', sourceIp: from?.address ?? '192.0.2.1', destinationIp: to.address }
      : {
          traffic: 'http',
          method,
          path,
          host: `${to.service}.${to.namespace}:${ECHO_PORTS[port][0]}`,
          sourceIp: from?.address ?? '192.0.2.1',
          destinationIp: to.address,
          sni: `outbound_.${ECHO_PORTS[port][0]}_._.${to.service}.${to.namespace}.svc.cluster.local`,
          ...extra,
        };
  return setContains(
    s.access(`${to.namespace}/${to.service}`, workloadPort, peer).allowed,
    request,
  );
}

const tcp: Call = ['tcp', '', ''];
const grpc: Call = ['grpc', 'POST', '/proto.EchoTestService/Echo'];
const get = (path: string, port: EchoPort = 'http', extra?: Partial<ConcreteRequest>): Call => [
  port,
  'GET',
  path,
  extra,
];

function expectCalls(
  s: ReturnType<typeof side>,
  to: Echo,
  from: Echo | null,
  calls: readonly [Call, boolean][],
): void {
  for (const [call, expected] of calls)
    expect({
      from: from?.namespace ?? 'plaintext',
      call,
      allowed: allowed(s, to, from, call),
    }).toEqual({ from: from?.namespace ?? 'plaintext', call, allowed: expected });
}

const ctx = (to: Echo): RenderContext => ({ to, allowed: A1, denied: A2 });

describe('integration authz tests', () => {
  it.each(['allow-principal', 'allow-serviceaccount'])(
    '%s: ns1/a may call /allow, gRPC and TCP; ns2/a nothing',
    (template) => {
      const s = load([
        [template, ctx(B1), 'ns1'],
        ['mtls', ctx(B1), 'ns1'],
      ]);
      const calls: [Call, boolean][] = [
        [tcp, true],
        [grpc, true],
        [get('/allow'), true],
        [get('/allow', 'http2'), true],
        [get('/deny'), false],
      ];
      expectCalls(s, B1, A1, calls);
      expectCalls(
        s,
        B1,
        A2,
        calls.map(([c]) => [c, false]),
      );
    },
  );

  it('allow-namespace: keyed on the namespace, for targets in ns1 and ns2', () => {
    for (const to of [B1, B2]) {
      const s = load([
        ['allow-namespace', ctx(to), to.namespace],
        ['mtls', ctx(to), to.namespace],
      ]);
      const calls: [Call, boolean][] = [
        [tcp, true],
        [grpc, true],
        [get('/allow'), true],
        [get('/allow', 'http2'), true],
        [get('/deny'), false],
      ];
      expectCalls(s, to, A1, calls);
      expectCalls(
        s,
        to,
        A2,
        calls.map(([c]) => [c, false]),
      );
    }
  });

  it('allow-trust-domain: trustDomains and notTrustDomains', () => {
    const s = load([
      ['allow-trust-domain', ctx(B1), 'ns1'],
      ['mtls', ctx(B1), 'ns1'],
    ]);
    for (const from of [A1, A2])
      expectCalls(s, B1, from, [
        [tcp, true],
        [grpc, true],
        [get('/allow'), true],
        [get('/deny'), false],
        [get('/not-trust-domain'), false],
        [get('/not-deny'), true],
      ]);
  });

  it.each(['deny-principal', 'deny-namespace'])(
    'deny-global + %s: ns2/a denied on /deny*, gRPC, TCP; /global-deny for everyone',
    (template) => {
      const s = load([
        ['deny-global', ctx(B1), ROOT],
        [template, ctx(B1), 'ns1'],
        ['mtls', ctx(B1), 'ns1'],
      ]);
      expectCalls(s, B1, A2, [
        [tcp, false],
        [grpc, false],
        [get('/deny'), false],
        [get('/deny/allow'), true],
        [get('/allow'), true],
        [get('/global-deny'), false],
        [get('/global-deny/allow'), true],
      ]);
      expectCalls(s, B1, A1, [
        [tcp, true],
        [grpc, true],
        [get('/deny'), true],
        [get('/deny/allow'), true],
        [get('/allow'), true],
        [get('/global-deny'), false],
        [get('/global-deny/allow'), true],
      ]);
    },
  );

  it('not-namespace: DENY notNamespaces [ns1]', () => {
    const s = load([
      ['not-namespace', ctx(B1), 'ns1'],
      ['mtls', ctx(B1), 'ns1'],
    ]);
    const calls: Call[] = [grpc, tcp, get('/'), get('/', 'http2')];
    expectCalls(
      s,
      B1,
      A1,
      calls.map((c) => [c, true]),
    );
    expectCalls(
      s,
      B1,
      A2,
      calls.map((c) => [c, false]),
    );
  });

  it('not-method: ALLOW notMethods [PUT]', () => {
    const s = load([['not-method', ctx(B1), 'ns1']]);
    expectCalls(s, B1, A1, [
      [get('/'), true],
      [get('/', 'http2'), true],
      [['http', 'PUT', '/'], false],
      [['http2', 'PUT', '/'], false],
    ]);
  });

  it('not-port: ALLOW notPorts [http2 workload port]', () => {
    const s = load([['not-port', ctx(B1), 'ns1']]);
    expectCalls(s, B1, A1, [
      [get('/'), true],
      [get('/', 'http2'), false],
    ]);
  });

  it('plaintext: DENY notPrincipals ["*"] rejects the caller that arrives without identity', () => {
    const s = load([['plaintext', { to: B1, allowed: A1, denied: A2 }, 'ns1']]);
    const calls: Call[] = [grpc, tcp, get('/'), get('/', 'http2')];
    expectCalls(
      s,
      B1,
      A1,
      calls.map((c) => [c, true]),
    );
    // ns2/a's own DestinationRule disables TLS: the server sees plaintext, no principal.
    expectCalls(
      s,
      B1,
      null,
      calls.map((c) => [c, false]),
    );
  });

  it('path-precedence: DENY /allow/admin beats ALLOW /allow*', () => {
    const s = load([['path-precedence', ctx(B1), 'ns1']]);
    expectCalls(s, B1, A1, [
      [get('/allow/admin'), false],
      [get('/allow'), true],
    ]);
  });

  it('workload selector: own path, namespace-wide path, root-namespace selector policy', () => {
    const templates: [string, RenderContext, string][] = [];
    for (const to of [B1, C1, B2])
      templates.push(['workload', ctx(to), to.namespace], ['workload-bad', ctx(to), to.namespace]);
    // Root-namespace policies are named after the service only, so one per service name.
    for (const to of [B1, C1]) templates.push(['workload-system-ns', ctx(to), ROOT]);
    templates.push(
      ['workload-ns', { ...ctx(B1), namespace: 'ns1' }, 'ns1'],
      ['workload-ns', { ...ctx(B2), namespace: 'ns2' }, 'ns2'],
    );
    const s = load(templates);
    expectCalls(s, B1, A1, [
      [get('/policy-ns1-b'), true],
      [get('/policy-ns1-c'), false],
      [get('/policy-ns1-b-bad'), false],
      [get('/policy-ns1-all'), true],
      [get('/policy-ns2-all'), false],
      [get('/policy-system-b'), true],
      [get('/policy-system-c'), false],
    ]);
    // The root-namespace selector policy for `b` selects `b` in every namespace.
    expectCalls(s, B2, A1, [
      [get('/policy-system-b'), true],
      [get('/policy-ns2-b'), true],
      [get('/policy-ns1-b'), false],
    ]);
    const labelled = load(templates, { 'ns1/b': { foo: 'bla' } });
    expectCalls(labelled, B1, A1, [[get('/policy-ns1-b-bad'), true]]);
  });

  it('conditions: every when key and its notValues', () => {
    const s = load([['conditions', ctx(B1), 'ns1']]);
    expectCalls(s, B1, A1, [
      [get('/request-headers', 'http', { headers: { 'x-foo': 'foo' } }), true],
      [get('/request-headers', 'http', { headers: { 'x-foo': 'bar' } }), false],
      [get('/request-headers-notValues', 'http', { headers: { 'x-foo': 'bar' } }), false],
      [get('/request-headers-notValues'), true],
      [get('/source-ip'), true],
      [get('/source-ip-notValues'), true],
      [get('/source-namespace'), true],
      [get('/source-namespace-notValues'), true],
      [get('/source-principal'), true],
      [get('/source-principal-notValues'), true],
      [get('/source-trust-domain'), true],
      [get('/source-trust-domain-notValues'), true],
      [get('/destination-ip-good'), true],
      [get('/destination-ip-bad'), false],
      [get('/destination-ip-notValues'), false],
      [get('/destination-port-good'), true],
      [get('/destination-port-bad'), false],
      [get('/destination-port-notValues'), false],
      [get('/connection-sni-good'), true],
      [get('/connection-sni-bad'), false],
      [get('/connection-sni-notValues'), false],
      [get('/other'), false],
    ]);
    expectCalls(s, B1, A2, [
      [get('/source-ip'), false],
      [get('/source-ip-notValues'), false],
      [get('/source-namespace'), false],
      [get('/source-namespace-notValues'), false],
      [get('/source-principal'), false],
      [get('/source-principal-notValues'), false],
    ]);
  });
});
