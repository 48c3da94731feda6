import { describe, expect, it } from 'vitest';
import { relation } from '../../src/analysis/authz/request-set.js';
import { HTTP, TCP, scene } from './fixture.js';
import { documents, policy, side, workload } from './support.js';

/** Decision order and policy scope (§3.1, §3.2; `builder.go`, `authorization.go`). */

describe('decision order: CUSTOM, DENY, ALLOW; AUDIT never decides', () => {
  it('no policy allows everything', () => {
    expect(scene([]).access(HTTP, null)).toMatchObject({
      access: 'allow',
      requests: ['all requests'],
      determining: [],
    });
  });

  it.each([
    ['spec: {}', {}],
    ['rules: []', { rules: [] }],
  ])('%s is allow-nothing', (_, spec) => {
    const s = scene([spec]);
    expect(s.access(HTTP, 'bar/x').access).toBe('deny');
    expect(s.access(TCP, null).access).toBe('deny');
    expect(s.access(HTTP, 'bar/x').determining.map((r) => [r.policy.name, r.rule])).toEqual([
      ['p0', null],
    ]);
  });

  it('allow-nothing is not deny-all: another ALLOW still allows', () => {
    expect(
      scene([{}, { rules: [{ from: [{ source: { namespaces: ['bar'] } }] }] }]).access(
        HTTP,
        'bar/x',
      ).access,
    ).toBe('allow');
  });

  it('rules: [{}] allows everything as ALLOW and denies everything as DENY', () => {
    expect(scene([{ rules: [{}] }]).access(HTTP, null).access).toBe('allow');
    expect(
      scene([{ rules: [{}] }, { action: 'DENY', rules: [{}] }]).access(HTTP, 'bar/x').access,
    ).toBe('deny');
  });

  it('DENY wins over ALLOW', () => {
    const s = scene([
      { rules: [{ to: [{ operation: { paths: ['/api/*'] } }] }] },
      { action: 'DENY', rules: [{ to: [{ operation: { paths: ['/api/admin'] } }] }] },
    ]);
    expect(s.access(HTTP, 'bar/x').requests).toEqual(['/api/* except /api/admin']);
    expect(
      s.access(HTTP, 'bar/x').determining.map((r) => `${r.action} ${r.policy.name}#${r.rule}`),
    ).toEqual(['ALLOW p0#0', 'DENY p1#0']);
  });

  it('ALLOW policies are ORed', () => {
    const s = scene([
      { rules: [{ to: [{ operation: { methods: ['GET'] } }] }] },
      { rules: [{ to: [{ operation: { methods: ['POST'] } }] }] },
    ]);
    expect(s.access(HTTP, 'bar/x').requests).toEqual(['GET, POST']);
  });

  it('AUDIT changes nothing', () => {
    expect(scene([{ action: 'AUDIT', rules: [{}] }]).access(HTTP, 'bar/x').access).toBe('allow');
  });

  it('a dry-run ALLOW does not turn on default-deny and a dry-run DENY denies nothing', () => {
    const s = scene([
      {
        namespace: 'foo',
        spec: { rules: [{ to: [{ operation: { methods: ['GET'] } }] }] },
        annotations: { 'istio.io/dry-run': 'true' },
      },
      {
        namespace: 'foo',
        spec: { action: 'DENY', rules: [{}] },
        annotations: { 'istio.io/dry-run': 'true' },
      },
    ]);
    expect(s.access(HTTP, 'bar/x').access).toBe('allow');
  });
});

describe('CUSTOM (ext_authz): unknown result, or fail-closed', () => {
  const custom = (provider: string, path: string) => ({
    action: 'CUSTOM',
    provider: { name: provider },
    rules: [{ to: [{ operation: { paths: [path] } }] }],
  });

  it('the requests it matches may be denied by the external authorizer: excluded, answer approximate', () => {
    const result = scene([custom('opa', '/admin')], {
      mesh: { extensionProviders: ['opa'] },
    }).access(HTTP, 'bar/x');
    expect(result).toMatchObject({
      access: 'partial',
      requests: ['any path except /admin'],
      exact: false,
    });
  });

  it('a provider missing from meshConfig denies what the policy matches, for certain', () => {
    const result = scene([custom('missing', '/admin')], {
      mesh: { extensionProviders: ['opa'] },
    }).access(HTTP, 'bar/x');
    expect(result).toMatchObject({
      access: 'partial',
      requests: ['any path except /admin'],
      exact: true,
    });
  });

  it('two providers on one workload fail closed', () => {
    const result = scene([custom('a', '/x'), custom('b', '/y')], {
      mesh: { extensionProviders: ['a', 'b'] },
    }).access(HTTP, 'bar/x');
    expect(result).toMatchObject({ requests: ['any path except /x, /y'], exact: true });
  });

  it('when the manifests do not list providers, a provider is not called missing', () => {
    expect(scene([custom('opa', '/admin')]).access(HTTP, 'bar/x').exact).toBe(false);
  });
});

describe('which policies apply (§3.1)', () => {
  const apps = documents(
    workload('foo', 'server'),
    workload('bar', 'server'),
    workload('foo', 'other', { labels: { tier: 'db' } }),
  );
  const allowNothing = (namespace: string, selector?: Record<string, string>) =>
    policy(namespace, 'p', selector ? { selector: { matchLabels: selector } } : {});

  it.each([
    [
      'root namespace without selector: every workload',
      allowNothing('istio-system'),
      { 'foo/server': 'deny', 'bar/server': 'deny', 'foo/other': 'deny' },
    ],
    [
      'root namespace with selector: matching workloads of every namespace',
      allowNothing('istio-system', { app: 'server' }),
      { 'foo/server': 'deny', 'bar/server': 'deny', 'foo/other': 'allow' },
    ],
    [
      'namespace without selector: that namespace',
      allowNothing('foo'),
      { 'foo/server': 'deny', 'bar/server': 'allow', 'foo/other': 'deny' },
    ],
    [
      'selector: labels are a subset of the pod labels',
      allowNothing('foo', { tier: 'db' }),
      { 'foo/server': 'allow', 'bar/server': 'allow', 'foo/other': 'deny' },
    ],
    [
      'another namespace`s selector never reaches across',
      allowNothing('bar', { app: 'other' }),
      { 'foo/server': 'allow', 'bar/server': 'allow', 'foo/other': 'allow' },
    ],
  ])('%s', (_, doc, expected) => {
    const s = side(documents(apps, doc));
    for (const [id, access] of Object.entries(expected))
      expect({ id, access: s.access(id, 8080, null).access }).toEqual({ id, access });
  });

  it('sidecars ignore policies with targetRefs; Gateway API gateways take those naming their Gateway', () => {
    const gateway = workload('foo', 'gw', {
      labels: { 'gateway.networking.k8s.io/gateway-name': 'gw' },
    });
    const targeting = (kind: string, name: string) =>
      policy('foo', `to-${name}`, {
        targetRefs: [{ group: kind === 'Service' ? '' : 'gateway.networking.k8s.io', kind, name }],
      });
    const s = side(
      documents(apps, gateway, targeting('Service', 'server'), targeting('Gateway', 'gw')),
    );
    expect(s.access('foo/server', 8080, null).access).toBe('allow');
    expect(s.access('foo/gw', 8080, null).access).toBe('deny');
  });

  it('a workload without sidecar enforces nothing; an ambient one is reported as not evaluated', () => {
    const docs = documents(apps, allowNothing('foo'));
    const none = side(docs, { dataplaneOf: () => 'NO_SIDECAR' });
    expect(none.access('foo/server', 8080, null)).toMatchObject({ access: 'allow', exact: true });
    const ambient = side(docs, { dataplaneOf: () => 'AMBIENT' }).access('foo/server', 8080, null);
    expect(ambient).toMatchObject({ access: 'partial', exact: false });
    expect(ambient.notEvaluated).toMatch(/ztunnel/);
  });

  it('a token nobody validates changes nothing: a sidecar without RequestAuthentication and no sidecar allow the same requests', () => {
    // Without a RequestAuthentication the sidecar validates no token, so a request carrying one is
    // authorized exactly as the same request without it (§3.4 `requestPrincipals`, §5); a pod
    // without a sidecar validates nothing either. Losing the sidecar must not read as "requests
    // with a JWT are newly allowed".
    const docs = documents(apps);
    const sidecar = side(docs).access('foo/server', 8080, null);
    const none = side(docs, { dataplaneOf: () => 'NO_SIDECAR' }).access('foo/server', 8080, null);
    expect(relation(sidecar.allowed, none.allowed)).toBe('equal');
    expect(relation(sidecar.universe, none.universe)).toBe('equal');
    const jwtOnly = side(
      documents(
        apps,
        policy('foo', 'p', { rules: [{ from: [{ source: { notRequestPrincipals: ['*'] } }] }] }),
      ),
    ).access('foo/server', 8080, null);
    expect(jwtOnly).toMatchObject({ access: 'allow', requests: ['all requests'] });
  });

  it('a waypoint proxy is reported as not evaluated', () => {
    const waypoint = workload('foo', 'waypoint', {
      labels: {
        'gateway.istio.io/managed': 'istio.io-mesh-controller',
        'gateway.networking.k8s.io/gateway-name': 'waypoint',
      },
    });
    expect(side(documents(waypoint)).access('foo/waypoint', 8080, null).notEvaluated).toMatch(
      /waypoint/,
    );
  });

  it('ports no Service or container declares are auto-detected (inbound passthrough)', () => {
    const s = side(
      documents(
        apps,
        policy('foo', 'p', { rules: [{ to: [{ operation: { methods: ['GET'] } }] }] }),
      ),
    );
    expect(s.access('foo/server', 12345, null).requests).toEqual(['GET']);
  });
});
