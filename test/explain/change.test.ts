import { describe, expect, it } from 'vitest';
import { explainChange, problemMessage } from '../../src/analysis/explain/index.js';
import type { ChangeResult } from '../../src/analysis/explain/index.js';
import { docs, ns, service, workload } from '../mtls/fixtures.js';
import { yaml } from '../support/load.js';
import { query, sideOf } from './support.js';

function answer(result: ChangeResult) {
  if (result.kind !== 'answer') throw new Error(problemMessage(result.problem));
  return result.explanation;
}

const MESH = {
  'ns.yaml': ns('shop', { 'istio-injection': 'enabled' }),
  'shop.yaml': docs(
    workload({ ns: 'shop', name: 'frontend', ports: [8080] }),
    workload({ ns: 'shop', name: 'api', ports: [8080] }),
    service({ ns: 'shop', name: 'api', ports: [{ port: 8080 }] }),
  ),
};

function policy(
  name: string,
  options: { selector?: string; methods?: string; extra?: string } = {},
): string {
  return yaml`
    apiVersion: security.istio.io/v1
    kind: AuthorizationPolicy
    metadata: {name: ${name}, namespace: shop}
    spec:
      ${options.extra ?? `selector: {matchLabels: {app: ${options.selector ?? 'api'}}}`}
      rules:
      - from: [{source: {principals: ["cluster.local/ns/shop/sa/frontend"]}}]
        to: [{operation: {methods: [${options.methods ?? 'GET'}]}}]
  `;
}

const ask = query('shop/frontend', 'shop/api', { port: 8080 });

describe('explainChange', () => {
  it('reports an edited policy and the narrower decision it makes', () => {
    const before = sideOf({ ...MESH, 'p.yaml': policy('api', { methods: 'GET, POST' }) });
    const after = sideOf({ ...MESH, 'p.yaml': `# moved down a line\n${policy('api')}` });
    const result = answer(explainChange(before, after, ask));
    expect(result.policies.map((p) => [p.policy.name, p.change, p.side, p.at.line])).toEqual([
      ['api', 'modified', 'head', 2],
    ]);
    expect(
      result.ports.map((p) => [p.base?.authorization?.requests, p.head?.authorization?.requests]),
    ).toEqual([[['GET, POST'], ['GET']]]);
    // Same access class (partial) on both sides, but not the same set: the deciding rules are
    // the same rule, so only the requests differ.
    expect(result.ports[0]).toMatchObject({ accessChanged: false, transportChanged: false });
  });

  it('says nothing changed when a policy only moved within its file', () => {
    const before = sideOf({ ...MESH, 'p.yaml': policy('api') });
    const after = sideOf({ ...MESH, 'p.yaml': `\n\n${policy('api')}` });
    const result = answer(explainChange(before, after, ask));
    expect(result.policies).toEqual([]);
    expect(result.ports[0]).toMatchObject({
      accessChanged: false,
      transportChanged: false,
      reasonsChanged: false,
    });
  });

  it('tells a deleted policy from one that stopped applying, and says why it stopped', () => {
    const before = sideOf({
      ...MESH,
      'a.yaml': policy('gone'),
      'b.yaml': policy('detached'),
      'c.yaml': policy('routed'),
    });
    const after = sideOf({
      ...MESH,
      'b.yaml': policy('detached', { selector: 'api-v2' }),
      // istio-semantics §3.1: a sidecar ignores any policy with targetRefs (which replace the
      // selector: Istio rejects a policy with both).
      'c.yaml': policy('routed', { extra: 'targetRefs: [{kind: Service, group: "", name: api}]' }),
    });
    const result = answer(explainChange(before, after, ask));
    expect(result.policies.map((p) => [p.policy.name, p.change, p.side, p.note])).toEqual([
      [
        'detached',
        'no-longer-applies',
        'head',
        'its selector wants `app=api-v2`; the workload has `app=api`',
      ],
      ['gone', 'removed', 'base', 'the policy was deleted'],
      [
        'routed',
        'no-longer-applies',
        'head',
        'it now has targetRefs, which sidecars ignore (waypoints and gateways enforce it)',
      ],
    ]);
    // With no ALLOW policy left, the default is to allow (istio-semantics §3.2).
    expect(result.ports[0]).toMatchObject({
      base: { access: 'partial' },
      head: { access: 'allow' },
      accessChanged: true,
    });
  });

  it('tells a new policy from one that now applies because labels changed', () => {
    const relabelled = {
      ...MESH,
      'shop.yaml': docs(
        workload({ ns: 'shop', name: 'frontend', ports: [8080] }),
        workload({ ns: 'shop', name: 'api', labels: { app: 'api-v2' }, ports: [8080] }),
      ),
    };
    const before = sideOf({ ...relabelled, 'b.yaml': policy('existing') });
    const after = sideOf({ ...MESH, 'a.yaml': policy('fresh'), 'b.yaml': policy('existing') });
    const result = answer(explainChange(before, after, ask));
    expect(result.policies.map((p) => [p.policy.name, p.change, p.note])).toEqual([
      ['existing', 'now-applies', "the workload's labels now match its selector (`shop/api`)"],
      ['fresh', 'added', 'a new policy that applies to this workload'],
    ]);
  });

  it('answers a workload that exists on one side only, and names the side that lacks it', () => {
    const before = sideOf({
      ...MESH,
      'shop.yaml': docs(workload({ ns: 'shop', name: 'frontend', ports: [8080] })),
    });
    const after = sideOf(MESH);
    const result = answer(explainChange(before, after, ask));
    expect(result.base).toEqual({
      kind: 'problem',
      problem: { kind: 'unknown-workload', id: 'shop/api', suggestions: [] },
    });
    expect(result.ports.map((p) => [p.port, p.base, p.head?.access, p.accessChanged])).toEqual([
      [8080, null, 'allow', true],
    ]);
    expect(result.policies).toEqual([]);
  });

  it('is a problem only when neither side can answer, with suggestions from both', () => {
    const before = sideOf({ ...MESH, 'x.yaml': workload({ ns: 'shop', name: 'apix' }) });
    const after = sideOf(MESH);
    const result = explainChange(before, after, query('shop/frontend', 'shop/apx'));
    expect(result).toEqual({
      kind: 'problem',
      problem: { kind: 'unknown-workload', id: 'shop/apx', suggestions: ['shop/api', 'shop/apix'] },
    });
  });
});
