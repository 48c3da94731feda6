import { describe, expect, it } from 'vitest';
import { explainEdge, problemMessage } from '../../src/analysis/explain/index.js';
import type { EdgeResult } from '../../src/analysis/explain/index.js';
import {
  destinationRule,
  docs,
  ns,
  peerAuthentication,
  service,
  workload,
} from '../mtls/fixtures.js';
import { yaml } from '../support/load.js';
import { query, sideOf } from './support.js';

function answer(result: EdgeResult) {
  if (result.kind !== 'answer') throw new Error(`no answer: ${problemMessage(result.problem)}`);
  return result.explanation;
}

function problem(result: EdgeResult) {
  if (result.kind !== 'problem') throw new Error('expected a problem');
  return result.problem;
}

const ALLOW_GET_FROM_FRONTEND = yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    rules:
    - from: [{source: {principals: ["cluster.local/ns/shop/sa/frontend"]}}]
      to: [{operation: {methods: ["GET"]}}]
`;

/** shop: frontend -> api (Service api port 80 -> 8080), STRICT, an ALLOW for GET from frontend. */
const SHOP = {
  'namespaces.yaml': docs(ns('shop', { 'istio-injection': 'enabled' }), ns('legacy')),
  'shop.yaml': docs(
    workload({ ns: 'shop', name: 'frontend', ports: [8080] }),
    workload({ ns: 'shop', name: 'api', ports: [8080, 9090] }),
    service({ ns: 'shop', name: 'api', ports: [{ port: 80, targetPort: 8080 }] }),
    workload({ ns: 'shop', name: 'quiet' }),
  ),
  'legacy.yaml': workload({ ns: 'legacy', name: 'job' }),
  'strict.yaml': peerAuthentication({ ns: 'shop', name: 'default', mode: 'STRICT' }),
  'policy.yaml': ALLOW_GET_FROM_FRONTEND,
};

describe('explainEdge', () => {
  it('reads a Service port as the workload port it targets, and says so', () => {
    const result = answer(
      explainEdge(sideOf(SHOP), query('shop/frontend', 'shop/api', { port: 80 })),
    );
    expect(result.ports).toHaveLength(1);
    expect(result.ports[0]).toMatchObject({
      port: 8080,
      choice: {
        requested: 80,
        as: 'service-port',
        service: { ref: { kind: 'Service', namespace: 'shop', name: 'api' }, port: 80 },
      },
      transport: { transport: 'mtls', servicePort: 80 },
    });
  });

  it('answers every port when none is given, each with its own transport and decision', () => {
    // 9090 is a container port no Service exposes: a call by pod IP leaves through the
    // PassthroughCluster in plaintext (istio-semantics §2.6), which the STRICT port rejects.
    const result = answer(explainEdge(sideOf(SHOP), query('shop/frontend', 'shop/api')));
    expect(result.ports.map((p) => [p.port, p.choice.as, p.transport.transport, p.access])).toEqual(
      [
        [8080, 'every-port', 'mtls', 'partial'],
        [9090, 'every-port', 'broken', 'deny'],
      ],
    );
    expect(result.ports[1]?.ifConnected?.requests).toEqual(['GET']);
    expect(result.ports[0]?.authorization?.requests).toEqual(['GET']);
  });

  it('narrows the decision to the method and path asked', () => {
    const side = sideOf(SHOP);
    const get = answer(
      explainEdge(
        side,
        query('shop/frontend', 'shop/api', { port: 8080, method: 'GET', path: '/x' }),
      ),
    );
    const remove = answer(
      explainEdge(side, query('shop/frontend', 'shop/api', { port: 8080, method: 'DELETE' })),
    );
    expect(get.ports[0]?.access).toBe('allow');
    expect(remove.ports[0]?.access).toBe('deny');
    // The rule that would allow it, and the part the request misses.
    expect(remove.ports[0]?.authorization?.nearest?.missing).toEqual([
      expect.objectContaining({ part: 'to', requires: 'methods: GET' }),
    ]);
  });

  it('denies a plaintext caller at a STRICT port as a broken connection, with no "if connected" answer', () => {
    // istio-semantics §1.5: a STRICT inbound chain only accepts Istio mTLS; a pod without a
    // sidecar has no identity to present, so fixing this means injecting it first.
    const result = answer(
      explainEdge(sideOf(SHOP), query('legacy/job', 'shop/api', { port: 8080 })),
    );
    expect(result.caller).toEqual({ id: 'legacy/job', kind: 'workload', identity: null });
    expect(result.ports[0]).toMatchObject({
      access: 'deny',
      authorization: null,
      ifConnected: null,
      transport: { transport: 'broken', peer: null },
    });
    expect(result.ports[0]?.transport.server.evidence).toEqual([
      expect.objectContaining({
        note: 'namespace-wide STRICT',
        at: expect.objectContaining({ file: 'strict.yaml' }),
      }),
    ]);
  });

  it('takes the pseudo-callers: (unauthenticated) and (any mesh identity)', () => {
    const side = sideOf(SHOP);
    const unauthenticated = answer(
      explainEdge(side, query('(unauthenticated)', 'shop/api', { port: 8080 })),
    );
    expect(unauthenticated.ports[0]?.transport.transport).toBe('broken');
    const anyMesh = answer(
      explainEdge(side, query('(any mesh identity)', 'shop/api', { port: 8080 })),
    );
    // An identity none of the manifests' principals name: mTLS works, the ALLOW rule does not match.
    expect(anyMesh.ports[0]).toMatchObject({ access: 'deny', transport: { transport: 'mtls' } });
    expect(anyMesh.ports[0]?.authorization?.nearest?.missing[0]?.part).toBe('from');
  });

  it('(any mesh identity) is a SPIFFE identity to policies: namespace globs and principal prefixes match it', () => {
    // generator.go: `namespaces: ["*"]` becomes `.*/ns/.*/.*` and `principals: ["cluster.local/*"]`
    // a prefix of `spiffe://cluster.local/`; both match any identity of the mesh (§3.5).
    const deny = yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-mesh, namespace: shop}
      spec:
        selector: {matchLabels: {app: api}}
        action: DENY
        rules:
        - from: [{source: {namespaces: ["*"]}}]
          to: [{operation: {methods: ["GET"]}}]
        - from: [{source: {principals: ["cluster.local/*"]}}]
          to: [{operation: {methods: ["POST"]}}]
        - from: [{source: {namespaces: ["shop"]}}]
          to: [{operation: {methods: ["PUT"]}}]
    `;
    const side = sideOf({ ...SHOP, 'policy.yaml': deny });
    const ask = (method: string) =>
      answer(explainEdge(side, query('(any mesh identity)', 'shop/api', { port: 8080, method })))
        .ports[0];
    expect(ask('GET')).toMatchObject({ access: 'deny', transport: { transport: 'mtls' } });
    expect(ask('GET')?.authorization?.deny.map((r) => r.ref.rule)).toEqual([0]);
    expect(ask('POST')?.authorization?.deny.map((r) => r.ref.rule)).toEqual([1]);
    // A namespace the manifests name is not one of "any mesh identity"'s.
    expect(ask('PUT')?.access).toBe('allow');
  });

  it.each([
    ['security.istio.io/tlsMode', 'istio'],
    ['service.istio.io/canonical-name', 'api'],
  ])('an AuthorizationPolicy selecting %s=%s, a label the injector adds, applies', (key, value) => {
    // injection-template.yaml adds these labels to the pod; policies select proxies by them.
    const deny = yaml`
      apiVersion: security.istio.io/v1
      kind: AuthorizationPolicy
      metadata: {name: deny-all, namespace: shop}
      spec:
        selector: {matchLabels: {${key}: ${value}}}
        action: DENY
        rules: [{}]
    `;
    const side = sideOf({ ...SHOP, 'policy.yaml': deny });
    const result = answer(explainEdge(side, query('shop/frontend', 'shop/api', { port: 8080 })));
    expect(result.ports[0]).toMatchObject({ access: 'deny', transport: { transport: 'mtls' } });
    expect(result.ports[0]?.authorization?.deny.map((r) => r.ref.policy.name)).toEqual([
      'deny-all',
    ]);
  });

  it('answers for the Service asked when two Services reach one port with different transports', () => {
    // A DestinationRule for one Service host only (istio-semantics §2.4): calls through `api`
    // send plaintext to a STRICT port, calls through `api-v2` use auto mTLS.
    const side = sideOf({
      ...SHOP,
      'v2.yaml': docs(
        service({
          ns: 'shop',
          name: 'api-v2',
          selector: { app: 'api' },
          ports: [{ port: 81, targetPort: 8080 }],
        }),
        destinationRule({
          ns: 'shop',
          name: 'api',
          host: 'api.shop.svc.cluster.local',
          tls: 'DISABLE',
        }),
      ),
    });
    const viaV2 = answer(explainEdge(side, query('shop/frontend', 'shop/api', { port: 81 })));
    expect(viaV2.ports[0]).toMatchObject({
      transport: { transport: 'mtls', servicePort: 81 },
      access: 'partial',
    });
    expect(viaV2.ports[0]?.otherPaths.map((t) => [t.via?.name, t.transport])).toEqual([
      ['api', 'broken'],
    ]);
    const direct = answer(explainEdge(side, query('shop/frontend', 'shop/api', { port: 8080 })));
    expect(direct.ports[0]?.transport.via?.name).toBe('api');
    expect(direct.ports[0]?.otherPaths.map((t) => t.via?.name)).toEqual(['api-v2']);
  });

  it.each([
    [
      query('shop/frontnd', 'shop/api'),
      'no caller `shop/frontnd` in the manifests; did you mean `shop/frontend`?',
    ],
    [
      query('shop/frontend', 'payments/api'),
      'no workload `payments/api` in the manifests; did you mean `shop/api`?',
    ],
    [query('shop/frontend', 'shop/zzz'), 'no workload `shop/zzz` in the manifests'],
    [
      query('shop/frontend', 'shop/api', { port: 81 }),
      '`shop/api` has no port `81`; its ports: `8080 (Service shop/api port 80)`, `9090`',
    ],
    [
      query('shop/frontend', 'shop/quiet'),
      '`shop/quiet` declares no port: no container port, and no Service selects it',
    ],
  ])('says clearly what is unknown: %j', (question, message) => {
    expect(problemMessage(problem(explainEdge(sideOf(SHOP), question)))).toBe(message);
  });

  it('points at a policy that lost its workload to a label change, and only at such policies', () => {
    const side = sideOf({
      ...SHOP,
      // `api` now runs as app=api-v2: the `api` policy selects nothing. `frontend-only` selects
      // the frontend, so it is not a near miss even though its key is the same.
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'frontend', ports: [8080] }),
        workload({ ns: 'shop', name: 'api', labels: { app: 'api-v2' }, ports: [8080] }),
      ),
      'other.yaml': yaml`
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: frontend-only, namespace: shop}
        spec:
          selector: {matchLabels: {app: frontend}}
          rules: [{}]
        ---
        # Selects nothing either, but \`billing\` looks nothing like \`api-v2\`: not a near miss.
        apiVersion: security.istio.io/v1
        kind: AuthorizationPolicy
        metadata: {name: billing, namespace: shop}
        spec:
          selector: {matchLabels: {app: billing}}
          rules: [{}]
      `,
    });
    const result = answer(explainEdge(side, query('shop/frontend', 'shop/api', { port: 8080 })));
    expect(result.selectorMisses).toEqual([
      {
        policy: { kind: 'AuthorizationPolicy', namespace: 'shop', name: 'api' },
        action: 'ALLOW',
        at: expect.objectContaining({ file: 'policy.yaml', line: 5 }),
        wants: ['app=api'],
        has: ['app=api-v2'],
      },
    ]);
  });
});
