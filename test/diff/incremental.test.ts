import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirtyScope } from '../../src/analysis/diff/dirty.js';
import { diffEdges } from '../../src/analysis/diff/edges.js';
import { evaluateSide } from '../../src/analysis/graph/side.js';
import {
  destinationRule,
  docs,
  ns,
  peerAuthentication,
  service,
  serviceEntry,
  workload,
} from '../mtls/fixtures.js';
import { applyEdit, edit, meshFiles, meshSpec } from './random-mesh.js';
import { flatten, referenceChanges } from './reference.js';

describe('the incremental edge diff', () => {
  it('finds exactly the changes the brute-force reference finds, for random meshes and edits', () => {
    fc.assert(
      fc.property(meshSpec, fc.array(edit, { minLength: 1, maxLength: 3 }), (spec, edits) => {
        const headSpec = edits.reduce(applyEdit, spec);
        const base = evaluateSide(meshFiles(spec), {});
        const head = evaluateSide(meshFiles(headSpec), {});
        const scope = dirtyScope(base, head);
        expect(flatten(diffEdges(base, head, scope))).toEqual(referenceChanges(base, head));
      }),
      { numRuns: 500 },
    );
  });

  it('reports nothing when nothing changed, without evaluating any edge', () => {
    fc.assert(
      fc.property(meshSpec, (spec) => {
        const base = evaluateSide(meshFiles(spec), {});
        const head = evaluateSide(meshFiles(spec), {});
        const scope = dirtyScope(base, head);
        expect(scope).toEqual({ all: false, destinations: new Set(), callers: new Set() });
        expect(diffEdges(base, head, scope)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  // Changes the random meshes do not generate, each of which the dirty scope once missed.
  const mesh = (extra: Record<string, string> = {}) => ({
    'ns.yaml': docs(
      ns('a', { 'istio-injection': 'enabled' }),
      ns('b', { 'istio-injection': 'enabled' }),
    ),
    'a.yaml': workload({ ns: 'a', name: 'client', ports: [8080] }),
    'b.yaml': docs(
      workload({ ns: 'b', name: 'server', ports: [8080] }),
      service({ ns: 'b', name: 'server', ports: [{ port: 80, targetPort: 8080 }] }),
    ),
    ...extra,
  });
  const vm = docs(
    workload({ ns: 'b', name: 'vm', ports: [8080] }),
    serviceEntry({
      ns: 'b',
      name: 'vm',
      hosts: ['vm.internal'],
      location: 'MESH_INTERNAL',
      selector: { app: 'vm' },
      ports: [{ number: 80, targetPort: 8080 }],
    }),
    peerAuthentication({ ns: 'b', name: 'default', mode: 'STRICT' }),
  );
  const headless = (inject: Record<string, string>) =>
    docs(
      workload({ ns: 'b', name: 'db-x', ports: [5432], labels: { app: 'db', ...inject } }),
      workload({ ns: 'b', name: 'db-y', ports: [5432], labels: { app: 'db' } }),
      service({
        ns: 'b',
        name: 'db',
        selector: { app: 'db' },
        headless: true,
        ports: [{ port: 5432, name: 'tcp' }],
      }),
    );
  it.each([
    [
      'a PeerAuthentication selecting a label the injector adds',
      mesh(),
      mesh({
        'pa.yaml': peerAuthentication({
          ns: 'b',
          name: 'by-tls-mode',
          selector: { 'security.istio.io/tlsMode': 'istio' },
          mode: 'DISABLE',
        }),
      }),
    ],
    [
      'a DestinationRule for a ServiceEntry host whose endpoints are selected workloads',
      mesh({ 'vm.yaml': vm }),
      mesh({
        'vm.yaml': vm,
        'dr.yaml': destinationRule({ ns: 'b', name: 'vm', host: 'vm.internal', tls: 'DISABLE' }),
      }),
    ],
    [
      'one endpoint of a headless Service losing its sidecar (auto mTLS is all-or-nothing)',
      mesh({ 'db.yaml': headless({}) }),
      mesh({ 'db.yaml': headless({ 'sidecar.istio.io/inject': 'false' }) }),
    ],
  ])('finds what the reference finds for %s', (_, baseFiles, headFiles) => {
    const files = (tree: Record<string, string>) =>
      Object.entries(tree).map(([path, text]) => ({ path, text }));
    const base = evaluateSide(files(baseFiles), {});
    const head = evaluateSide(files(headFiles), {});
    const expected = referenceChanges(base, head);
    expect(expected.length).toBeGreaterThan(0);
    expect(flatten(diffEdges(base, head, dirtyScope(base, head)))).toEqual(expected);
  });
});
