import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMesh } from '../../src/analysis/load/index.js';
import { evaluateMtls } from '../../src/analysis/mtls/index.js';
import type { EdgeTransport, MtlsEvaluation } from '../../src/analysis/mtls/index.js';
import { buildTopology, pseudoCallers } from '../../src/analysis/topology/index.js';
import type { Caller, Topology } from '../../src/analysis/topology/index.js';
import { meshFiles, meshSpecArb, NAMESPACES } from './arbitrary-mesh.js';
import { docs, peerAuthentication } from './fixtures.js';

/**
 * Laws of the engine over random meshes (house style, "Unit and property tests"): the more
 * specific PeerAuthentication wins (§1.2), an UNSET policy changes nothing (§1.2), client classes
 * never merge callers that Istio would treat differently, and document order does not matter.
 */

interface Evaluated {
  readonly topology: Topology;
  readonly mtls: MtlsEvaluation;
}

function evaluateFiles(files: Record<string, string>, classPerCaller = false): Evaluated {
  const { mesh } = loadMesh(Object.entries(files).map(([path, text]) => ({ path, text })));
  const topology = buildTopology(mesh);
  return { topology, mtls: evaluateMtls(mesh, topology, { classPerCaller }) };
}

function callers(topology: Topology): Caller[] {
  return [
    ...pseudoCallers(),
    ...topology.workloads.map((w): Caller => ({ kind: 'workload', id: w.id, workload: w })),
  ];
}

/** Every server-side answer and every edge, as comparable strings. */
function everything(side: Evaluated, withReasons = true): string[] {
  const out: string[] = [];
  for (const server of side.topology.workloads) {
    for (const { port } of server.ports) {
      const mode = side.mtls.serverMode(server, port);
      out.push(`${server.id}:${port} ${mode.mode}/${mode.level}`);
      for (const caller of callers(side.topology)) {
        out.push(
          `${caller.id} -> ${server.id}:${port} ${summary(side.mtls.transport(caller, server, port), withReasons)}`,
        );
      }
    }
  }
  return out;
}

function summary(
  edge: EdgeTransport & { alternatives: readonly EdgeTransport[] },
  withReasons: boolean,
): string {
  const one = (e: EdgeTransport) =>
    [
      e.transport,
      e.client.mode,
      e.client.effective,
      e.server.mode,
      e.exact,
      e.via ? `${e.via.kind}/${e.via.namespace}/${e.via.name}:${e.servicePort}` : 'direct',
      e.peer?.principal ?? '-',
      e.client.evidence
        .flatMap((x) => (x.ref ? [`${x.ref.kind}/${x.ref.namespace}/${x.ref.name}`] : []))
        .join(','),
      withReasons ? e.reason : '',
    ].join(' ');
  return [edge, ...edge.alternatives].map(one).join(' | ');
}

const RUNS = { numRuns: 60 };

describe('mTLS engine laws', () => {
  it('client classes: every caller gets exactly what it would get in a class of its own', () => {
    fc.assert(
      fc.property(meshSpecArb, (spec) => {
        const files = meshFiles(spec);
        expect(everything(evaluateFiles(files))).toEqual(everything(evaluateFiles(files, true)));
      }),
      RUNS,
    );
  });

  it('adding an UNSET PeerAuthentication that wins no conflict never changes any answer', () => {
    fc.assert(
      fc.property(
        meshSpecArb,
        fc.constantFrom('mesh', 'namespace', 'workload'),
        fc.constantFrom(...NAMESPACES),
        fc.constantFrom('w0', 'w1', 'w2'),
        (spec, level, namespace, target) => {
          const files = meshFiles(spec);
          // Newest and last by name: it never displaces a policy at its own level (§1.3).
          const unset = peerAuthentication({
            ns: level === 'mesh' ? 'istio-system' : namespace,
            name: 'zzz-unset',
            mode: 'UNSET',
            created: '2030-01-01T00:00:00Z',
            ...(level === 'workload' ? { selector: { app: target } } : {}),
          });
          const before = everything(evaluateFiles(files), false);
          const after = everything(evaluateFiles({ ...files, 'zzz.yaml': unset }), false);
          expect(after).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it('the more specific policy wins: a winning workload policy, then its port-level entry, decide', () => {
    fc.assert(
      fc.property(
        meshSpecArb,
        fc.constantFrom('STRICT', 'PERMISSIVE', 'DISABLE'),
        fc.constantFrom('STRICT', 'PERMISSIVE', 'DISABLE'),
        (spec, workloadMode, portMode) => {
          const files = meshFiles(spec);
          const target = spec.workloads[0];
          if (target === undefined) return;
          const winner = (portLevel: boolean) =>
            peerAuthentication({
              ns: target.ns,
              name: 'aaa-winner',
              selector: { app: target.name },
              mode: workloadMode,
              ...(portLevel ? { portLevel: { 8080: portMode } } : {}),
            });
          // No creationTimestamp counts as the oldest, and `aaa-` sorts first: it wins its level (§1.3).
          for (const portLevel of [false, true]) {
            const side = evaluateFiles({ ...files, 'winner.yaml': winner(portLevel) });
            const server = side.topology.workloadById.get(`${target.ns}/${target.name}`);
            if (server === undefined || side.mtls.dataplane(server).dataplane !== 'SIDECAR') return;
            const expected = (mode: string) => (mode === 'UNSET' ? workloadMode : mode);
            expect(side.mtls.serverMode(server, 8080).mode).toBe(
              portLevel ? expected(portMode) : workloadMode,
            );
            expect(side.mtls.serverMode(server, 12345).mode).toBe(workloadMode);
          }
        },
      ),
      RUNS,
    );
  });

  it('the more specific policy wins: a winning namespace policy decides where no workload policy sets a mode', () => {
    fc.assert(
      fc.property(
        meshSpecArb,
        fc.constantFrom('STRICT', 'PERMISSIVE', 'DISABLE'),
        fc.constantFrom(...NAMESPACES),
        (spec, mode, namespace) => {
          const files = meshFiles({
            ...spec,
            peerAuthentications: spec.peerAuthentications.filter((p) => !p.includes('selector')),
          });
          const winner = peerAuthentication({
            ns: namespace,
            name: 'aaa-winner',
            mode,
          });
          const side = evaluateFiles({ ...files, 'winner.yaml': winner });
          for (const server of side.topology.workloads) {
            if (
              server.namespace !== namespace ||
              side.mtls.dataplane(server).dataplane !== 'SIDECAR'
            )
              continue;
            expect(side.mtls.serverMode(server, 8080).mode).toBe(mode);
          }
        },
      ),
      RUNS,
    );
  });

  it('document and file order do not matter', () => {
    fc.assert(
      fc.property(meshSpecArb, fc.integer({ min: 1, max: 1000 }), (spec, seed) => {
        const files = meshFiles(spec);
        const documents = Object.values(files).flatMap((text) => text.split('---\n'));
        const shuffled = [...documents].sort((a, b) => hash(a, seed) - hash(b, seed));
        const reordered = Object.fromEntries(
          shuffled.map((d, i) => [`f${(i * 7919 + seed) % 10007}.yaml`, d]),
        );
        expect(everything(evaluateFiles(reordered))).toEqual(
          everything(evaluateFiles({ 'all.yaml': docs(...documents) })),
        );
      }),
      { numRuns: 30 },
    );
  });
});

function hash(text: string, seed: number): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return h;
}
