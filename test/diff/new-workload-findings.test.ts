import { describe, expect, it } from 'vitest';
import { analyzeChange } from '../../src/analysis/index.js';
import { yaml } from '../support/load.js';

/** Added workloads are judged once, not as edge changes: MG307, and MG304 on sensitive ports. */

const namespace = yaml`
  apiVersion: v1
  kind: Namespace
  metadata: {name: web, labels: {istio-injection: enabled}}
`;

const db = (port: number) => yaml`
  apiVersion: apps/v1
  kind: Deployment
  metadata: {name: db, namespace: web}
  spec:
    template:
      metadata: {labels: {app: db}}
      spec:
        serviceAccountName: db
        containers: [{name: db, image: db, ports: [{containerPort: ${port}}]}]
`;

function added(port: number) {
  const report = analyzeChange({
    base: [{ path: 'ns.yaml', text: namespace }],
    head: [
      { path: 'ns.yaml', text: namespace },
      { path: 'db.yaml', text: db(port) },
    ],
  });
  return report.findings.map((f) => `${f.code} ${f.severity} ${f.message}`);
}

describe('a new workload with no policy', () => {
  it('on a sensitive port is an error (MG304) for each kind of caller it accepts', () => {
    // No PeerAuthentication: PERMISSIVE, so plaintext callers get in too.
    expect(added(5432).filter((f) => f.startsWith('MG304'))).toEqual([
      'MG304 error `(any mesh identity)` can now reach the sensitive port 5432 of `web/db`',
      'MG304 error `(unauthenticated)` can now reach the sensitive port 5432 of `web/db`',
    ]);
  });

  it('on another port is only the MG307 warning', () => {
    const findings = added(8080);
    expect(findings.filter((f) => f.startsWith('MG304'))).toEqual([]);
    expect(findings.filter((f) => f.startsWith('MG307'))).toEqual([
      'MG307 warning new workload `web/db` accepts plaintext callers and any mesh identity on port 8080',
    ]);
  });
});
