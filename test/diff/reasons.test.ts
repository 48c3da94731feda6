import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../../src/analysis/index.js';
import type { Report } from '../../src/analysis/report/types.js';
import { yaml } from '../support/load.js';

/**
 * The "why" of an edge row, and where the change findings (MG30x) point: the line that decided the
 * new answer. For a transport change that is the policy level that decides the port's mode now
 * (a workload or port-level PeerAuthentication overrides the namespace one: istio-semantics §1.2),
 * or the client line that moved; a broken connection is not explained by authorization.
 */

const namespace = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: shop, labels: {istio-injection: enabled}}
  ---
  apiVersion: security.istio.io/v1
  kind: PeerAuthentication
  metadata: {name: default, namespace: shop}
  spec: {mtls: {mode: STRICT}}
`;

const workloads = yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: api}}
      spec:
        serviceAccountName: api
        containers: [{name: api, image: api, ports: [{containerPort: 8080}]}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: shop}
  spec:
    selector: {app: api}
    ports: [{name: http, port: 80, targetPort: 8080}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: web, namespace: shop}
  spec:
    template:
      metadata: {labels: {app: web}}
      spec:
        serviceAccountName: web
        containers: [{name: web, image: web}]
`;

const allowWeb = yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: api, namespace: shop}
  spec:
    selector: {matchLabels: {app: api}}
    rules: [{from: [{source: {principals: ["cluster.local/ns/shop/sa/web"]}}]}]
`;

function change(base: Record<string, string>, head: Record<string, string>): Report {
  const files = (tree: Record<string, string>) =>
    Object.entries(tree).map(([path, text]) => ({ path, text }));
  return analyzeChange({ base: files(base), head: files(head) });
}

const where = (report: Report, code: string) =>
  report.findings.filter((f) => f.code === code).map((f) => `${f.side} ${f.at.file}:${f.at.line}`);

describe('edge reasons and change-finding positions', () => {
  it('a workload PeerAuthentication that overrides the namespace: the overriding line, not the overridden one', () => {
    const permissive = yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: api, namespace: shop}
      spec:
        selector: {matchLabels: {app: api}}
        mtls: {mode: PERMISSIVE}
    `;
    const base = { 'ns.yaml': namespace, 'apps.yaml': workloads };
    const report = change(base, { ...base, 'api-pa.yaml': permissive });
    const edge = report.edges.find((e) => e.from === '(unauthenticated)');
    expect(edge?.reasons.map((r) => `${r.object} ${r.at.file}:${r.at.line}`)).toEqual([
      'PeerAuthentication shop/api api-pa.yaml:6',
    ]);
    expect(where(report, 'MG301')).toEqual(['head api-pa.yaml:6']);
  });

  it('a connection that now fails is explained by transport only, and by the client line that moved', () => {
    const noSidecar = workloads.replace(
      'metadata: {labels: {app: web}}',
      'metadata: {labels: {app: web, sidecar.istio.io/inject: "false"}}',
    );
    const base = { 'ns.yaml': namespace, 'apps.yaml': workloads, 'policy.yaml': allowWeb };
    const report = change(base, { ...base, 'apps.yaml': noSidecar });
    const edge = report.edges.find((e) => e.from === 'shop/web' && e.to === 'shop/api');
    expect(edge?.head.transport).toBe('broken');
    expect(edge?.reasons.map((r) => `${r.object} ${r.at.file}:${r.at.line}`)).toEqual([
      'Deployment shop/web apps.yaml:23',
      'PeerAuthentication shop/default ns.yaml:8',
    ]);
  });

  it('a change finding caused by a deleted policy points at the base', () => {
    const base = { 'ns.yaml': namespace, 'apps.yaml': workloads, 'policy.yaml': allowWeb };
    const report = change(base, { 'ns.yaml': namespace, 'apps.yaml': workloads });
    expect(where(report, 'MG302')).toEqual(['base policy.yaml:1']);
  });
});
