import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../../src/analysis/index.js';
import { mtlsDirection } from '../../src/analysis/render/change-words.js';
import { yaml } from '../support/load.js';

/**
 * The summary counts are totals of the lists (docs/report-schema.md: `counts.mtlsWeakened` counts
 * the `mtls` entries whose `change` is `weakened`), so a dashboard reading either agrees.
 */
describe('report summary', () => {
  it('counts mTLS changes exactly as the mtls rows classify them, DISABLE → no sidecar included', () => {
    const app = (inject: string) => yaml`
      apiVersion: v1
      kind: Namespace
      metadata: {name: legacy, labels: {istio-injection: enabled}}
      ---
      apiVersion: security.istio.io/v1
      kind: PeerAuthentication
      metadata: {name: default, namespace: legacy}
      spec: {mtls: {mode: DISABLE}}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: batch, namespace: legacy}
      spec:
        template:
          metadata: {labels: {app: batch, sidecar.istio.io/inject: "${inject}"}}
          spec: {containers: [{name: batch, image: batch, ports: [{containerPort: 8080}]}]}
    `;
    const report = analyzeChange({
      base: [{ path: 'a.yaml', text: app('true') }],
      head: [{ path: 'a.yaml', text: app('false') }],
    });
    expect(report.mtls.map((m) => `${m.base}→${m.head}`)).toEqual(['DISABLE→NO_SIDECAR']);
    const weakened = report.mtls.filter((m) => mtlsDirection(m) === 'weakened').length;
    const strengthened = report.mtls.filter((m) => mtlsDirection(m) === 'strengthened').length;
    expect([report.summary.mtlsWeakened, report.summary.mtlsStrengthened]).toEqual([
      weakened,
      strengthened,
    ]);
  });
});
