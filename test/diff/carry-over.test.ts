import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../../src/analysis/index.js';

const NS =
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop, labels: {istio-injection: enabled}}\n';
const APPS = ['cart', 'web']
  .map(
    (name) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  template:\n    metadata: {labels: {app: ${name}}}\n    spec: {serviceAccountName: ${name}, containers: [{name: c, ports: [{containerPort: 8080}]}]}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}, namespace: shop}\nspec: {selector: {app: ${name}}, ports: [{name: http, port: 80, targetPort: 8080}]}\n`,
  )
  .join('---\n');
const POLICY =
  'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: cart, namespace: shop}\nspec:\n  selector: {matchLabels: {app: cart}}\n  rules: [{from: [{source: {principals: ["cluster.local/ns/shop/sa/web"]}}]}]\n';

const base = [
  { path: 'ns.yaml', text: NS },
  { path: 'apps.yaml', text: APPS },
  { path: 'policy.yaml', text: POLICY },
];

describe('head files that could not be read whole', () => {
  it('keep their base objects: applying them would fail and change nothing', () => {
    const head = [
      base[0]!,
      base[1]!,
      { path: 'policy.yaml', text: POLICY.replace('"]}}]}]', '"}}]}]') },
    ];
    const report = analyzeChange({ base, head });
    expect(report.findings.map((f) => f.code)).toEqual(['MG001']);
    expect(report.edges).toEqual([]);
    expect(report.inputs.partial).toBe(true);
  });

  it('keep them when the adapter could not read the file at all', () => {
    const report = analyzeChange({
      base,
      head: base.slice(0, 2),
      problems: { unreadable: { head: [{ path: 'policy.yaml', reason: 'permission denied' }] } },
    });
    expect(report.findings.map((f) => [f.code, f.at.file])).toEqual([['MG005', 'policy.yaml']]);
    expect(report.edges).toEqual([]);
  });

  it('but a file deleted on purpose does open its workload', () => {
    const report = analyzeChange({ base, head: base.slice(0, 2) });
    expect(report.edges.map((e) => `${e.from} ${e.change}`)).toContain('(any mesh identity) added');
  });
});
