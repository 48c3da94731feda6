import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../../src/analysis/index.js';
import type { Report } from '../../src/analysis/report/types.js';
import { yaml } from '../support/load.js';

/**
 * MG309: requests a base DENY rule matched for a caller and the head allows. A DENY can stop
 * applying without being edited: the caller's service account changes, or a DestinationRule
 * makes the hop plaintext so its principal is no longer seen (istio-semantics §5).
 */

const mesh = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: web, labels: {istio-injection: enabled}}
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: api, namespace: web}
  spec:
    template:
      metadata: {labels: {app: api}}
      spec:
        serviceAccountName: api
        containers: [{name: api, image: api, ports: [{containerPort: 9090}]}]
  ---
  apiVersion: v1
  kind: Service
  metadata: {name: api, namespace: web}
  spec:
    selector: {app: api}
    ports: [{name: http, port: 9090}]
  ---
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: crawler, namespace: web}
  spec:
    template:
      metadata: {labels: {app: crawler}}
      spec:
        serviceAccountName: crawler
        containers: [{name: crawler, image: crawler}]
`;

const denyCrawler = yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: deny-crawler, namespace: web}
  spec:
    selector: {matchLabels: {app: api}}
    action: DENY
    rules: [{from: [{source: {principals: ["cluster.local/ns/web/sa/crawler"]}}]}]
`;

const denyAdminAllowGet = yaml`
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: deny-admin, namespace: web}
  spec:
    selector: {matchLabels: {app: api}}
    action: DENY
    rules: [{to: [{operation: {paths: ["/admin"]}}]}]
  ---
  apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata: {name: allow-get, namespace: web}
  spec:
    selector: {matchLabels: {app: api}}
    rules: [{to: [{operation: {methods: ["GET"]}}]}]
`;

function change(base: Record<string, string>, head: Record<string, string>): Report {
  const files = (tree: Record<string, string>) =>
    Object.entries(tree).map(([path, text]) => ({ path, text }));
  return analyzeChange({ base: files(base), head: files(head) });
}

const mg309 = (report: Report) =>
  report.findings
    .filter((f) => f.code === 'MG309')
    .map((f) => `${f.severity} ${f.side} ${f.at.file}:${f.at.line} ${f.message}`);

const MESSAGE =
  'error base deny.yaml:7 `web/crawler` can now reach `web/api:9090` (all requests), which DENY `web/deny-crawler` rule 0 stopped before the change';

describe('MG309: a DENY rule no longer stops a caller', () => {
  const base = { 'mesh.yaml': mesh, 'deny.yaml': denyCrawler };

  it('when the DENY is deleted', () => {
    expect(mg309(change(base, { 'mesh.yaml': mesh }))).toEqual([MESSAGE]);
  });

  it("when the caller's service account changes, the DENY untouched", () => {
    const renamed = mesh.replace('serviceAccountName: crawler', 'serviceAccountName: crawler-v2');
    expect(mg309(change(base, { ...base, 'mesh.yaml': renamed }))).toEqual([MESSAGE]);
  });

  it('when a DestinationRule DISABLE hides the caller behind plaintext', () => {
    const permissive = yaml`
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: web}
      spec: {mtls: {mode: PERMISSIVE}}
    `;
    const disable = yaml`
      apiVersion: networking.istio.io/v1
      kind: DestinationRule
      metadata: {name: api, namespace: web}
      spec: {host: api.web.svc.cluster.local, trafficPolicy: {tls: {mode: DISABLE}}}
    `;
    const before = { ...base, 'pa.yaml': permissive };
    expect(mg309(change(before, { ...before, 'dr.yaml': disable }))).toEqual([MESSAGE]);
  });

  it('not when an ALLOW widens next to a DENY that still stops what it stopped', () => {
    const widened = denyAdminAllowGet.replace('methods: ["GET"]', 'methods: ["GET", "POST"]');
    const report = change(
      { 'mesh.yaml': mesh, 'p.yaml': denyAdminAllowGet },
      { 'mesh.yaml': mesh, 'p.yaml': widened },
    );
    expect(report.edges.some((e) => e.newlyAllowed.length > 0)).toBe(true);
    expect(mg309(report)).toEqual([]);
  });
});

describe('MG305: default-deny that goes away, and only then', () => {
  const allowNothing = (namespace: string, name: string, selector = '') => yaml`
    apiVersion: security.istio.io/v1
    kind: AuthorizationPolicy
    metadata: {name: ${name}, namespace: ${namespace}}
    spec: {${selector}}
  `;
  const mg305 = (report: Report) =>
    report.findings.filter((f) => f.code === 'MG305').map((f) => f.message);
  const base = { 'mesh.yaml': mesh, 'p.yaml': allowNothing('web', 'allow-nothing') };

  it.each([
    ['renamed', allowNothing('web', 'default-deny')],
    ['moved to the root namespace', allowNothing('istio-system', 'allow-nothing')],
  ])('is not reported when the policy is %s', (_, head) => {
    expect(mg305(change(base, { 'mesh.yaml': mesh, 'p.yaml': head }))).toEqual([]);
  });

  it('is not reported when a selector is dropped (the policy now covers more)', () => {
    const narrow = allowNothing('web', 'allow-nothing', 'selector: {matchLabels: {app: api}}');
    expect(
      mg305(
        change(
          { ...base, 'p.yaml': narrow },
          { ...base, 'p.yaml': allowNothing('web', 'allow-nothing') },
        ),
      ),
    ).toEqual([]);
  });

  it('is reported when a selector is added (the rest of the namespace loses it)', () => {
    const narrow = allowNothing('web', 'allow-nothing', 'selector: {matchLabels: {app: api}}');
    expect(mg305(change(base, { ...base, 'p.yaml': narrow }))).toHaveLength(1);
  });

  it('is reported when it is removed', () => {
    expect(mg305(change(base, { 'mesh.yaml': mesh }))).toHaveLength(1);
  });
});
