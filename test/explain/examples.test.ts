import { describe, expect, it } from 'vitest';
import { explainChange, explainEdge } from '../../src/analysis/explain/index.js';
import type { ChangeExplanation, EdgeResult } from '../../src/analysis/explain/index.js';
import { exampleSide, query } from './support.js';

// The three stories examples/README tells, asked the way a reviewer would ask them.
const base = exampleSide('base');
const head = exampleSide('head');

function answer(result: EdgeResult) {
  if (result.kind !== 'answer') throw new Error(`no answer: ${JSON.stringify(result.problem)}`);
  return result.explanation;
}

function change(from: string, to: string, port: number | null): ChangeExplanation {
  const result = explainChange(base, head, query(from, to, { port }));
  if (result.kind !== 'answer') throw new Error(JSON.stringify(result.problem));
  return result.explanation;
}

describe('explain on the examples', () => {
  it('shop/checkout -> payments/payments:8443: mTLS and allowed (POST /v1/charges) in base, broken in head', () => {
    // istio-semantics §2.1 and §2.7: the DestinationRule's `tls.mode` decides what the client sends;
    // DISABLE sends plaintext, which a STRICT port rejects, so the connection fails.
    const result = change('shop/checkout', 'payments/payments', 8443);
    const [port] = result.ports;
    expect(port?.base).toMatchObject({ access: 'partial', transport: { transport: 'mtls' } });
    expect(port?.base?.transport.peer?.principal).toBe('cluster.local/ns/shop/sa/checkout');
    expect(port?.base?.authorization?.requests).toEqual(['POST /v1/charges']);
    expect(port?.base?.authorization?.allow.map((r) => [r.ref.policy.name, r.ref.at.line])).toEqual(
      [['payments', 12]],
    );
    expect(port?.head).toMatchObject({
      access: 'deny',
      authorization: null,
      transport: { transport: 'broken', peer: null },
    });
    expect(port?.head?.transport.client.evidence).toEqual([
      expect.objectContaining({
        ref: { kind: 'DestinationRule', namespace: 'payments', name: 'payments' },
        at: expect.objectContaining({ file: 'examples/head/payments/policies.yaml', line: 30 }),
      }),
    ]);
    // Fixing the transport would be enough: over mTLS the same rule still allows the charge.
    expect(port?.head?.ifConnected?.requests).toEqual(['POST /v1/charges']);
    expect(port).toMatchObject({ accessChanged: true, transportChanged: true });
  });

  it('istio-ingress/ingressgateway -> shop/frontend:8080: allowed in base, denied in head by the label rename', () => {
    // istio-semantics §3.1: a selector policy applies only when all its labels match the pod;
    // `app: frontend` no longer matches `app: web-frontend`, so only allow-nothing remains.
    const result = change('istio-ingress/ingressgateway', 'shop/frontend', 8080);
    const [port] = result.ports;
    expect(port?.base?.access).toBe('partial');
    expect(port?.base?.authorization?.requests).toEqual(['GET, POST']);
    expect(
      port?.base?.authorization?.allow.map(
        (r) => `${r.ref.policy.name}:${r.ref.at.file}:${r.ref.at.line}`,
      ),
    ).toEqual(['frontend:examples/base/shop/authorization.yaml:13']);
    expect(port?.head?.access).toBe('deny');
    expect(port?.head?.transport.transport).toBe('mtls');
    expect(port?.head?.authorization?.allowPolicies.map((p) => p.policy.name)).toEqual([
      'allow-nothing',
    ]);
    expect(result.policies).toEqual([
      {
        policy: { kind: 'AuthorizationPolicy', namespace: 'shop', name: 'frontend' },
        change: 'no-longer-applies',
        at: expect.objectContaining({ file: 'examples/head/shop/authorization.yaml', line: 9 }),
        side: 'head',
        note: 'its selector wants `app=frontend`; the workload has `app=web-frontend`',
      },
    ]);
    const headAnswer = answer(result.head);
    expect(headAnswer.selectorMisses).toEqual([
      expect.objectContaining({ wants: ['app=frontend'], has: ['app=web-frontend'] }),
    ]);
  });

  it('legacy/reports -> legacy/inventory:8080: plaintext, denied in base, allowed in head through notNamespaces', () => {
    // istio-semantics §5: a negative identity match (`notNamespaces`) also matches a request with no
    // peer identity, so the plaintext cron job is let in by the new policy.
    const result = change('legacy/reports', 'legacy/inventory', 8080);
    const [port] = result.ports;
    expect(port?.base).toMatchObject({
      access: 'deny',
      transport: { transport: 'plaintext', peer: null },
    });
    expect(port?.base?.authorization?.nearest?.ref.policy.name).toBe('inventory');
    expect(port?.base?.authorization?.nearest?.missing).toEqual([
      expect.objectContaining({
        part: 'from',
        requires: 'principals: cluster.local/ns/shop/sa/catalog',
      }),
    ]);
    expect(port?.head).toMatchObject({ access: 'partial', transport: { transport: 'plaintext' } });
    expect(port?.head?.authorization?.allow.map((r) => r.ref.policy.name)).toEqual([
      'inventory-reports',
    ]);
    expect(port?.head?.authorization?.requests).toEqual(['GET /inventory/*']);
    expect(result.policies.map((p) => [p.policy.name, p.change])).toEqual([
      ['inventory-reports', 'added'],
    ]);
  });

  it('does not call a policy edited when only its file and apiVersion changed', () => {
    // allow-nothing moved from security.yaml (v1) to zero-trust-defaults.yaml (v1beta1).
    const result = change('shop/frontend', 'shop/catalog', null);
    expect(result.policies.map((p) => [p.policy.name, p.change])).toEqual([
      ['catalog', 'modified'],
    ]);
  });

  it('answers one side with a GET to a path the rule lists', () => {
    const result = answer(
      explainEdge(
        head,
        query('legacy/reports', 'legacy/inventory', {
          port: 8080,
          method: 'GET',
          path: '/inventory/items',
        }),
      ),
    );
    expect(result.ports.map((p) => p.access)).toEqual(['allow']);
    expect(result.caller).toEqual({ id: 'legacy/reports', kind: 'workload', identity: null });
  });
});
